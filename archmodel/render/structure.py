"""The `structure` view: the site at a glance, as a team reads it.

Pages are grouped by specialty (as the site model places them; "No specialty" otherwise) and page
type. One heatmap row and column per group: a cell counts the body links from the row's pages to
the column's pages. Row labels carry the group's pages and its share of internal PageRank; hover
gives the counts. A specialty's hub map (`archmodel map --view hub --focus ID`) is the drill-down.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import plotly.graph_objects as go

from archmodel.render.data import SiteData
from archmodel.render.escape import plotly_text
from archmodel.render.traces import MapView, matrix_layout
from archmodel.render.words import type_plural

NO_SPECIALTY = "No specialty"
MAX_GROUPS = 30
OTHER_GROUPS = "Other groups"
KEPT_TYPES = ("specialty_hub", "home")
SCALE = [[0.0, "#FFFFFF"], [0.001, "#EAF3FA"], [0.35, "#56B4E9"], [1.0, "#0072B2"]]



def structure_groups(data: SiteData, max_groups: int = MAX_GROUPS) -> tuple[list[str], np.ndarray, list[str | None]]:
    """(group names, group of each page, specialty id of each group): specialty x page type,
    specialties first (by name), the smallest groups past `max_groups` merged into OTHER_GROUPS
    (hub and home groups are always kept)."""
    keys = [(data.specialty_of[i], data.pages.type[i] or "other") for i in range(len(data.pages))]
    sizes = Counter(keys)

    def order(key: tuple[str | None, str]) -> tuple:
        specialty, page_type = key
        name = data.specialty_names.get(specialty, specialty) if specialty else ""
        return (specialty is None, name.lower(), -sizes[key], page_type)

    # specialty hubs and the home page are kept however small: they are what the groups hang from
    ranked = sorted(sizes, key=lambda k: (k[1] not in KEPT_TYPES, -sizes[k], order(k)))
    kept = set(ranked[: max_groups - 1]) if len(ranked) > max_groups else set(ranked)
    groups = sorted(kept, key=order)
    index = {key: g for g, key in enumerate(groups)}
    names = []
    for specialty, page_type in groups:
        place = data.specialty_names.get(specialty, specialty) if specialty else NO_SPECIALTY
        names.append(f"{place} \u00b7 {type_plural(page_type)}")
    specialties: list[str | None] = [s for s, _ in groups]
    other = len(groups)
    labels = np.array([index.get(key, other) for key in keys], dtype=np.int64)
    if (labels == other).any():
        names.append(OTHER_GROUPS)
        specialties.append(None)
    return names, labels, specialties


def link_matrix(data: SiteData, labels: np.ndarray, count: int) -> np.ndarray:
    """counts[a, b]: body links from pages of group a to pages of group b."""
    counts = np.zeros((count, count), dtype=np.int64)
    if len(data.body):
        np.add.at(counts, (labels[data.body[:, 0]], labels[data.body[:, 1]]), 1)
    return counts


def structure_view(data: SiteData, max_groups: int = MAX_GROUPS) -> MapView:
    names, labels, specialties = structure_groups(data, max_groups)
    count = len(names)
    counts = link_matrix(data, labels, count)
    pages = np.bincount(labels, minlength=count)
    rank = data.pages.pagerank.astype(np.float64)
    total = float(rank.sum())
    share = np.bincount(labels, weights=rank, minlength=count) / total if total > 0 else np.zeros(count)
    axis = [f"{plotly_text(n, 44)} ({pages[g]}, {share[g]:.0%})" for g, n in enumerate(names)]
    hover = []
    for a in range(count):
        row = []
        for b in range(count):
            row.append(
                f"<b>{plotly_text(names[a])}</b> \u2192 <b>{plotly_text(names[b])}</b><br>"
                f"{counts[a, b]:,} body link{'' if counts[a, b] == 1 else 's'}<br>"
                f"From: {pages[a]:,} pages, {share[a]:.1%} of internal PageRank<br>"
                f"To: {pages[b]:,} pages, {share[b]:.1%} of internal PageRank"
                + (f"<br>Drill down: archmodel map --view hub --focus {plotly_text(specialties[b])}" if specialties[b] else "")
            )
        hover.append(row)
    heatmap = go.Heatmap(
        z=counts, x=axis, y=axis, colorscale=SCALE, xgap=1, ygap=1, hovertext=hover, hoverinfo="text",
        text=[[f"{v:,}" if v else "" for v in row] for row in counts.tolist()] if count <= 30 else None, texttemplate="%{text}" if count <= 30 else None, textfont={"size": 10},
        colorbar={"title": {"text": "Body links"}, "thickness": 14},
    )
    height = int(min(2400, max(560, 260 + 24 * count)))
    title = (f"{data.crawl.get('site_name') or data.host}: body links from the row group to the column group "
             f"({int(counts.sum()):,} links, {count} groups)")
    figure = go.Figure(
        [heatmap],
        matrix_layout(plotly_text(title), height, top=200, tickangle=-45, title_y=0.995),
    )
    return MapView(
        key="structure",
        title="Site structure: specialties \u00d7 page types",
        figure=figure,
        description=(
            "Pages grouped by specialty (as the site model places them) and page type; each cell counts the body "
            "links from the row's pages to the column's pages, darker for more. Labels give each group's pages and "
            "its share of internal PageRank. An empty row or column inside a specialty is a group no body link "
            "leaves or reaches; hover a cell for the counts. To look inside a specialty, open its hub map "
            "(archmodel map --view hub --focus ID)."
        ),
        height=height,
    )
