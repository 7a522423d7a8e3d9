"""Building blocks shared by the map views: the map model, base layout, hover text, edge traces.

Hover text is assembled here and only here, from escaped parts (`escape.plotly_text`), because
Plotly renders hover text as HTML: a crawled title must never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import plotly.graph_objects as go

from archmodel.render.data import PageTable
from archmodel.render.escape import plotly_text
from archmodel.render.findings import FindingIndex, check_name
from archmodel.render.palette import FONT_FAMILY
from archmodel.render.words import type_words

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 13, "color": "#222"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 12}, "align": "left"},
        colorway=["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"],
    )
)

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


@dataclass
class MapView:
    """One interactive figure plus what the page script needs to make it searchable.

    `options` goes to map.js as JSON (search, type toggles, drill-down); `payload` is the
    gzip+base64 drill-down data of an aggregated site map, or None.
    """

    key: str
    title: str
    figure: go.Figure
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    payload: str | None = None
    notes: list[str] = field(default_factory=list)
    height: int = 760


def matrix_layout(title: str, height: int, top: int, tickangle: int, title_y: float) -> go.Layout:
    """The layout of a matrix (heatmap) view: column labels on top, first row at the top.
    `title` is already escaped for Plotly."""
    return go.Layout(
        template=TEMPLATE, height=height, margin={"l": 10, "r": 10, "t": top, "b": 10},
        title={"text": title, "x": 0.01, "y": title_y, "yref": "container", "yanchor": "top"},
        xaxis={"side": "top", "tickangle": tickangle, "automargin": True},
        yaxis={"autorange": "reversed", "automargin": True},
    )


def map_layout(title: str, height: int = 760, **extra: Any) -> go.Layout:
    """A graph map: no axes, equal aspect, pan by default, hover nearest point."""
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    return go.Layout(
        template=TEMPLATE,
        title={"text": plotly_text(title), "x": 0.01, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis=axis,
        yaxis={**axis, "scaleanchor": "x", "scaleratio": 1},
        dragmode="pan",
        hovermode="closest",
        uirevision="keep",
        legend={"title": {"text": "Clusters and links (click to hide)"}, "itemsizing": "constant", "x": 1.0, "xanchor": "left", "y": 1.0},
        **extra,
    )


def status_label(pages: PageTable, i: int) -> str:
    """live (200, indexable), non-indexable, redirect, error (anything else) or not crawled."""
    if not pages.in_crawl[i]:
        return "not crawled"
    status = int(pages.status[i])
    if 300 <= status < 400:
        return "redirect"
    if status != 200:
        return "error"
    return "live" if pages.indexable[i] else "non-indexable"


def page_hover(pages: PageTable, i: int, findings: FindingIndex | None = None, extra: list[str] | None = None) -> str:
    """Title, URL, type, depth, inlinks, PageRank, status and findings of page i, escaped."""
    title = pages.title[i] or pages.h1[i] or "(no title)"
    depth = "unreachable" if pages.depth[i] < 0 else str(int(pages.depth[i]))
    status = "not crawled" if not pages.in_crawl[i] else str(int(pages.status[i])) if pages.status[i] >= 0 else "unknown"
    lines = [
        f"<b>{plotly_text(title, 90)}</b>",
        plotly_text(pages.url[i], 110),
        f"Type: {plotly_text(type_words(pages.type[i]))} | depth {depth} | {int(pages.inlinks[i])} inlinks | "
        f"PageRank {pages.pagerank[i]:.3g} (link score {pages.link_score(i)}/100) | status {status}",
    ]
    lines += [plotly_text(line, 110) for line in extra or []]
    lines += findings_lines(findings.for_page(pages.url[i]) if findings else [])
    return "<br>".join(lines)


def findings_lines(rows: list[dict[str, Any]], limit: int = 4) -> list[str]:
    if not rows:
        return []
    high = sum(1 for f in rows if f.get("severity") == "high")
    lines = [f"<b>Findings: {len(rows)}</b>" + (f" ({high} high)" if high else "")]
    for finding in rows[:limit]:
        label = finding.get("title") or check_name(finding)
        lines.append(f"\u2022 {plotly_text(finding.get('severity', ''))}: {plotly_text(label, 80)}")
    if len(rows) > limit:
        lines.append(f"\u2022 and {len(rows) - limit} more")
    return lines


def segments(positions: np.ndarray, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of line segments as float32 arrays with NaN separators (one trace for all edges)."""
    count = len(pairs)
    xs = np.full(count * 3, np.nan, dtype=np.float32)
    ys = np.full(count * 3, np.nan, dtype=np.float32)
    if count:
        xs[0::3] = positions[pairs[:, 0], 0]
        xs[1::3] = positions[pairs[:, 1], 0]
        ys[0::3] = positions[pairs[:, 0], 1]
        ys[1::3] = positions[pairs[:, 1], 1]
    return xs, ys


def sample_rows(rows: np.ndarray, limit: int) -> np.ndarray:
    """At most `limit` rows, evenly spread and always the same ones for the same input."""
    if len(rows) <= limit:
        return rows
    picks = np.linspace(0, len(rows) - 1, limit).round().astype(np.int64)
    return rows[picks]


def marker_sizes(pages: PageTable, indices: np.ndarray, low: float = 5.0, high: float = 20.0) -> np.ndarray:
    """Marker size by PageRank (by inlinks when PageRank was not computed), square-root scaled."""
    values = pages.pagerank.astype(np.float64)
    if not np.any(values > 0):
        values = pages.inlinks.astype(np.float64)
    top = float(values.max()) if len(values) else 0.0
    if top <= 0:
        return np.full(len(indices), low, dtype=np.float32)
    return (low + (high - low) * np.sqrt(np.clip(values[indices], 0, None) / top)).astype(np.float32)
