"""The report's charts: click depth, link positions, anchor text, PageRank by page type.

Every chart is built from aggregates (counts, quartiles), never from one point per page, so a
100k-page site costs the same few kilobytes as a small one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from archmodel.db.connection import Graph
from archmodel.ingest.anchor_facts import anchor_key, cypher_anchor_key
from archmodel.ingest.link_summary import read_summary
from archmodel.packs.registry import builtin_registry
from archmodel.render.data import PageTable
from archmodel.render.escape import plotly_text
from archmodel.render.palette import MISSING, OKABE_ITO, PRESENT
from archmodel.render.traces import TEMPLATE, MapView
from archmodel.render.words import type_words

# One scan of the crawl's links feeds both link charts: counts by position and follow, and body
# anchors (folded as the anchor checks fold them: the stored anchor_key, or the same folding in
# Cypher for links loaded before it was stored) with whether an image alt text stands in for an
# empty anchor.
LINK_AGGREGATES_QUERY = f"""
MATCH (p:Page {{crawl: $crawl}})-[r:LINKS_TO]->(q:Page)
WHERE q <> p
WITH coalesce(r.position, 'unknown') AS position, r.follow AS follow,
     CASE WHEN r.follow AND r.body THEN coalesce(r.anchor_key, {cypher_anchor_key("coalesce(r.anchor, '')")}) END AS anchor,
     CASE WHEN r.follow AND r.body THEN r.alt <> '' END AS has_alt
RETURN position, follow, anchor, has_alt, count(*) AS links
"""


def link_aggregates(graph: Graph, crawl: str) -> list[dict[str, Any]]:
    """The counts the loader kept (archmodel/ingest/link_summary.py), else the same counts
    aggregated over every link of the crawl on the server."""
    stored = read_summary(graph, crawl)
    return stored if stored is not None else graph.read(LINK_AGGREGATES_QUERY, {"crawl": crawl})


def _layout(title: str, height: int = 360, showlegend: bool = False, **extra: Any) -> go.Layout:
    """`title` is our own markup (constants and numbers), never crawl text."""
    layout = go.Layout(
        template=TEMPLATE, title={"text": title, "x": 0.01}, height=height,
        margin={"l": 60, "r": 20, "t": 50, "b": 60}, showlegend=showlegend, **extra,
    )
    layout.xaxis.automargin = True
    layout.yaxis.automargin = True
    return layout


Counted = list[tuple[str, list[dict[str, Any]]]]  # (label, findings) of the checks a chart counts


def charted(findings: list[dict[str, Any]] | None, chart: str) -> Counted | None:
    """(label, findings) of every built-in check whose header names `chart`, None when the checks
    were not run: a chart counts exactly the findings its card counts."""
    if findings is None:
        return None
    checks = sorted((c for c in builtin_registry() if c.header.chart == chart), key=lambda c: c.stable_id)
    return [(str(c.header.headline or c.title), [f for f in findings if f.get("pack") == c.pack and f.get("check") == c.id])
            for c in checks]


def depth_chart(pages: PageTable, max_depth: int | None, counted: Counted | None = None) -> MapView:
    """Pages per click depth; with `counted`, the pages its findings name are the vermillion part
    of each bar and their number is in the title (the same number as the card)."""
    crawled = pages.in_crawl
    depths = pages.depth[crawled]
    urls = [u for u, keep in zip(pages.url, crawled.tolist()) if keep]
    reachable = depths[depths >= 0]
    size = int(reachable.max()) + 1 if len(reachable) else 1
    labels = [str(d) for d in range(size)] + ["unreachable"]
    limit = max_depth if max_depth is not None else 3
    slot = [int(d) if d >= 0 else size for d in depths.tolist()]
    if counted is None:
        values = np.bincount(slot, minlength=size + 1).tolist()
        colours = [PRESENT if d <= limit else MISSING for d in range(size)] + ["#8C8C8C"]
        figure = go.Figure(
            go.Bar(x=labels, y=values, marker_color=colours, text=values, textposition="outside",
                   hovertemplate="Depth %{x}: %{y} pages<extra></extra>"),
            _layout("Click depth from the home page (crawled pages)",
                    xaxis={"title": {"text": f"clicks from home (deeper than {limit} in vermillion)"}, "type": "category"},
                    yaxis={"title": {"text": "pages"}}),
        )
        return MapView("depth", "Click depth", figure, height=360)
    label, rows = counted[0] if counted else ("Pages too deep", [])
    flagged = {str(f.get("url")) for f in rows}
    deep = [0] * (size + 1)
    other = [0] * (size + 1)
    for url, at in zip(urls, slot):
        (deep if url in flagged else other)[at] += 1
    figure = go.Figure(
        [
            go.Bar(name="other pages", x=labels, y=other, marker_color=PRESENT,
                   hovertemplate="Depth %{x}: %{y} other pages<extra></extra>"),
            go.Bar(name=f"{label.lower()} (a finding each)", x=labels, y=deep, marker_color=MISSING,
                   hovertemplate=f"Depth %{{x}}: %{{y}} {label.lower()}<extra></extra>"),
        ],
        _layout(f"Clicks from the home page<br><sup>{len(rows):,} {label.lower()} (limit {limit})</sup>", barmode="stack",
                showlegend=True, xaxis={"title": {"text": "clicks from home"}, "type": "category"},
                yaxis={"title": {"text": "crawled pages"}}, legend={"orientation": "h", "y": -0.28, "yanchor": "top", "x": 0}),
    )
    figure.update_layout(height=440, margin={"t": 70, "b": 120})
    return MapView("depth", "Click depth", figure, height=440,
                   description=f"Vermillion: the {label.lower()}, one finding each. Error, redirected and "
                               "non-indexable pages past the limit are drawn in blue: they are not counted.")


def positions_chart(rows: list[dict[str, Any]]) -> tuple[MapView, dict[str, int]]:
    """`rows` from `link_aggregates`."""
    totals: dict[str, int] = {}
    nofollow: dict[str, int] = {}
    for row in rows:
        bucket = totals if row["follow"] else nofollow
        bucket[row["position"]] = bucket.get(row["position"], 0) + row["links"]
    order = ["Content", "Aside", "Sidebar", "Header", "Navigation", "Footer", "unknown"]
    names = [p for p in order if p in totals or p in nofollow] + sorted((set(totals) | set(nofollow)) - set(order))
    figure = go.Figure(
        [
            go.Bar(name="followed", x=names, y=[totals.get(n, 0) for n in names], marker_color=PRESENT,
                   hovertemplate="%{x}: %{y} followed links<extra></extra>"),
            go.Bar(name="nofollow", x=names, y=[nofollow.get(n, 0) for n in names], marker_color=OKABE_ITO[1],
                   hovertemplate="%{x}: %{y} nofollow links<extra></extra>"),
        ],
        _layout("Links by position on the page", barmode="stack", showlegend=True,
                yaxis={"title": {"text": "links"}}, legend={"orientation": "h", "y": -0.15}),
    )
    return MapView("positions", "Link positions", figure, height=360), {**totals}


def anchors_chart(rows: list[dict[str, Any]], generic: list[str], counted: Counted | None = None) -> tuple[MapView, dict[str, int]]:
    """`rows` from `link_aggregates`; only followed body links carry an anchor. With `counted`,
    the subtitle gives the number of findings of each anchor check (the cards' numbers), else the
    shares of the scanned links."""
    rows = [row for row in rows if row["anchor"] is not None]
    generic_set = {anchor_key(g) for g in generic}
    summary = {"descriptive": 0, "generic": 0, "empty": 0}
    counts: dict[str, int] = {}
    for row in rows:
        anchor = anchor_key(row["anchor"])
        kind = "empty" if not anchor and not row["has_alt"] else "generic" if anchor in generic_set else "descriptive"
        summary[kind] += row["links"]
        key = anchor or ("(image alt text only)" if row["has_alt"] else "(empty)")
        counts[key] = counts.get(key, 0) + row["links"]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15][::-1]
    colours = [MISSING if a in generic_set or a == "(empty)" else PRESENT for a, _ in top]
    total = sum(summary.values()) or 1
    share = ", ".join(f"{summary[k] / total:.0%} {k}" for k in ("descriptive", "generic", "empty"))
    if counted is not None:
        share = "<br>".join(f"{len(found):,} {label.lower()}" for label, found in counted)
    figure = go.Figure(
        go.Bar(orientation="h", y=[plotly_text(a, 45) for a, _ in top], x=[c for _, c in top], marker_color=colours,
               hovertext=[f"\u201c{plotly_text(a, 80)}\u201d: {c} body links" for a, c in top], hoverinfo="text"),
        _layout(f"Top anchor texts in body links<br><sup>{share}</sup>", height=480,
                xaxis={"title": {"text": "body links"}}, yaxis={"automargin": True}),
    )
    figure.update_layout(margin={"t": 100}, title={"y": 0.96, "yanchor": "top", "yref": "container"})
    return MapView("anchors", "Anchor text", figure, height=480,
                   description="Generic or empty anchor texts in vermillion."), summary


def pagerank_chart(pages: PageTable) -> MapView:
    """PageRank quartiles per page type, from precomputed statistics (no per-page points)."""
    live = pages.in_crawl & (pages.status == 200)
    types = sorted({pages.type[i] for i in np.flatnonzero(live)})
    stats = []
    for t in types:
        values = np.sort(pages.pagerank[live & (np.array(pages.type) == t)])
        if not len(values):
            continue
        q1, med, q3 = np.quantile(values, [0.25, 0.5, 0.75])
        iqr = q3 - q1
        stats.append((t, float(values[0] if values[0] >= q1 - 1.5 * iqr else q1 - 1.5 * iqr),
                      float(q1), float(med), float(q3),
                      float(min(values[-1], q3 + 1.5 * iqr)), len(values), float(values.mean())))
    stats.sort(key=lambda s: -s[3])
    figure = go.Figure(
        go.Box(
            x=[plotly_text(type_words(s[0])) for s in stats], lowerfence=[s[1] for s in stats], q1=[s[2] for s in stats],
            median=[s[3] for s in stats], q3=[s[4] for s in stats], upperfence=[s[5] for s in stats],
            mean=[s[7] for s in stats], marker_color=PRESENT, line={"width": 1.5},
            hovertext=[f"{plotly_text(type_words(s[0]))}: {s[6]} pages, median PageRank {s[3]:.3g}" for s in stats],
            hoverinfo="text",
        ),
        _layout("PageRank by page type<br><sup>live pages</sup>", height=380,
                yaxis={"title": {"text": "PageRank"}}),
    )
    return MapView("pagerank", "PageRank by page type", figure, height=380)
