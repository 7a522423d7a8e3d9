"""The `clusters` view: the whole site, pages grouped and coloured by specialty cluster.

Up to `MAX_DRAWN_PAGES` pages every page is drawn: one WebGL trace per cluster (colour; the
legend toggles clusters) with marker shape by page type (a second legend toggles types, through
map.js), size by PageRank, body links as one NaN-separated float32 trace, header, navigation
and footer links as a second trace hidden until the viewer asks for it, and a ring around pages
with high-severity findings. Above that the view shows clusters as discs with link counts
between them, and each cluster's pages are precomputed into a compressed payload that map.js
draws when the viewer drills into a cluster (docs/targets.md "Maps and report").
"""

from __future__ import annotations

import base64
import gzip
import json

import numpy as np
import plotly.graph_objects as go

from archmodel.render.clusters import Clustering
from archmodel.render.data import SiteData
from archmodel.render.escape import plotly_text
from archmodel.render.findings import FindingIndex
from archmodel.render.layout import cluster_weights, internal_edges, local_layout, place_clusters, site_layout
from archmodel.render.palette import (
    BODY_EDGE,
    CLUSTER_COLOURS,
    ERROR_LINK,
    ERROR_LINK_NAME,
    FINDING_RING,
    NAV_EDGE,
    SEARCH_HIT,
    UNGROUPED_COLOUR,
    cluster_colour,
    type_symbol,
)
from archmodel.render.traces import MapView, map_layout, marker_sizes, page_hover, sample_rows, segments, status_label

MAX_DRAWN_PAGES = 5000
MAX_BODY_EDGES = 150_000
MAX_NAV_EDGES = 60_000
MAX_DRILL_EDGES_PER_CLUSTER = 12_000
COORD_RANGE = 1.5  # local layouts fit in about the unit disc; isolated pages ring out to 1.35


def colour_of(clustering: Clustering, cluster: int) -> str:
    return UNGROUPED_COLOUR if clustering.kinds[cluster] == "other" else cluster_colour(cluster)


def clusters_view(
    data: SiteData,
    clustering: Clustering,
    findings: FindingIndex | None = None,
    max_pages: int = MAX_DRAWN_PAGES,
) -> MapView:
    """Every page when the site is small enough, else clusters with drill-down."""
    if len(data.pages) <= max_pages:
        return _full_view(data, clustering, findings or FindingIndex())
    return _aggregated_view(data, clustering, findings or FindingIndex(), max_pages)


def _type_codes(data: SiteData) -> tuple[list[str], np.ndarray]:
    types = sorted(set(data.pages.type))
    code = {t: i for i, t in enumerate(types)}
    return types, np.array([code[t] for t in data.pages.type], dtype=np.int64)


def _edge_trace(name: str, xs: np.ndarray, ys: np.ndarray, colour: str, visible: bool | str) -> go.Scattergl:
    return go.Scattergl(
        x=xs, y=ys, mode="lines", name=name, hoverinfo="skip", visible=visible,
        line={"color": colour, "width": 1}, legendgroup=name,
    )


MAX_ERROR_LINKS = 20_000


def error_links(data: SiteData) -> np.ndarray:
    """Body links (rows of data.body) whose target answers 4xx/5xx or redirects."""
    if not len(data.body):
        return data.body
    bad = np.array([status_label(data.pages, i) in ("error", "redirect") for i in range(len(data.pages))], dtype=bool)
    return data.body[bad[data.body[:, 1]]]


def error_link_trace(data: SiteData, positions: np.ndarray) -> go.Scattergl:
    """Body links to failing or redirecting pages, drawn over the others in the error colour;
    `meta.links` lists them (source, target) for the tests and anyone reading the figure."""
    rows = error_links(data)
    drawn = sample_rows(rows, MAX_ERROR_LINKS)
    name = f"{ERROR_LINK_NAME} ({len(rows):,})" + (f", {len(drawn):,} drawn" if len(drawn) < len(rows) else "")
    xs, ys = segments(positions, drawn)
    return go.Scattergl(
        x=xs, y=ys, mode="lines", name=name, hoverinfo="skip", legendgroup="error-links",
        line={"color": ERROR_LINK, "width": 1.5, "dash": "dot"},
        meta={"role": "error-links", "links": [[data.pages.url[a], data.pages.url[b]] for a, b in drawn.tolist()]},
    )


def _title(data: SiteData, what: str) -> str:
    return f"{data.crawl.get('site_name') or data.host}: {what}"


def _full_view(data: SiteData, clustering: Clustering, findings: FindingIndex) -> MapView:
    pages = data.pages
    positions, _, _ = site_layout(clustering.labels, data.body, len(clustering.names))
    types, type_code = _type_codes(data)
    sizes = marker_sizes(pages, np.arange(len(pages)))
    traces: list[go.BaseTraceType] = []

    body = sample_rows(data.body, MAX_BODY_EDGES)
    nav = sample_rows(data.nav, MAX_NAV_EDGES)
    body_name = f"Body links ({len(data.body):,})" + (f", {len(body):,} drawn" if len(body) < len(data.body) else "")
    nav_name = f"Navigation, header, footer links ({len(data.nav):,})" + (
        f", {len(nav):,} drawn" if len(nav) < len(data.nav) else ""
    )
    traces.append(_edge_trace(body_name, *segments(positions, body), BODY_EDGE, True))
    traces.append(_edge_trace(nav_name, *segments(positions, nav), NAV_EDGE, "legendonly"))
    traces.append(error_link_trace(data, positions))

    for cluster, name in enumerate(clustering.names):
        members = np.flatnonzero(clustering.labels == cluster)
        if not len(members):
            continue
        traces.append(
            go.Scattergl(
                x=positions[members, 0].astype(np.float32),
                y=positions[members, 1].astype(np.float32),
                mode="markers",
                name=f"{plotly_text(name, 48)} ({len(members):,})",
                hovertext=[page_hover(pages, int(i), findings, [f"Cluster: {name}"]) for i in members],
                hoverinfo="text",
                customdata=type_code[members],
                meta={"role": "pages"},
                marker={
                    "color": colour_of(clustering, cluster),
                    "symbol": [type_symbol(pages.type[i]) for i in members],
                    "size": sizes[members],
                    "line": {"width": 0.5, "color": "white"},
                    "opacity": 0.9,
                },
            )
        )

    flagged = np.array([i for i in range(len(pages)) if findings.has_high(pages.url[i])], dtype=np.int64)
    traces.append(
        go.Scattergl(
            x=positions[flagged, 0].astype(np.float32) if len(flagged) else [],
            y=positions[flagged, 1].astype(np.float32) if len(flagged) else [],
            mode="markers", name=f"High-severity findings ({len(flagged):,} page{'s' if len(flagged) != 1 else ''})", hoverinfo="skip",
            marker={"symbol": "circle-open", "size": sizes[flagged] + 8 if len(flagged) else 12,
                    "color": FINDING_RING, "line": {"width": 2, "color": FINDING_RING}},
        )
    )
    traces.append(_search_trace())
    traces.extend(_type_legend(types))

    figure = go.Figure(traces, map_layout(_title(data, f"site map by specialty cluster, {len(pages):,} pages")))
    figure.update_layout(
        height=840,
        margin={"b": 70},
        legend2={"title": {"text": "Page types (click to hide):"}, "orientation": "h", "x": 0.0, "xanchor": "left",
                 "y": -0.01, "yanchor": "top", "itemsizing": "constant"},
    )
    return MapView(
        key="clusters",
        title="Site map by specialty cluster",
        figure=figure,
        description=(
            "Every page, grouped and coloured by specialty cluster (pages the site model does not place "
            "are grouped by the links between them and named after what most of them are). Shape shows the page type, "
            "size its internal PageRank; vermillion (orange-red) rings mark pages with high-severity findings. Body links are "
            "drawn; navigation, header and footer links are hidden until you click them in the legend; links "
            "to pages that fail (4xx/5xx) or redirect are dotted vermillion."
        ),
        options={"search": True, "typeToggle": True},
        height=840,
    )


def _search_trace() -> go.Scattergl:
    return go.Scattergl(
        x=[], y=[], mode="markers", name="Search result", hoverinfo="skip", meta={"role": "search"},
        marker={"symbol": "circle-open", "size": 26, "color": SEARCH_HIT, "line": {"width": 3, "color": SEARCH_HIT}},
        showlegend=False,
    )


def _type_legend(types: list[str]) -> list[go.Scattergl]:
    """One legend entry per page type; map.js hides that type's points when clicked."""
    return [
        go.Scattergl(
            x=[None], y=[None], mode="markers", name=plotly_text(t), legend="legend2", hoverinfo="skip",
            meta={"role": "type", "code": code},
            marker={"symbol": type_symbol(t), "color": "#555", "size": 10},
        )
        for code, t in enumerate(types)
    ]


def _aggregated_view(data: SiteData, clustering: Clustering, findings: FindingIndex, max_pages: int) -> MapView:
    pages = data.pages
    labels = clustering.labels
    count = len(clustering.names)
    centres, _ = place_clusters(clustering.sizes(), cluster_weights(labels, data.body))
    sizes = clustering.sizes()
    high = np.array([findings.has_high(u) for u in pages.url], dtype=bool)
    weights_body = cluster_weights(labels, data.body)
    weights_nav = cluster_weights(labels, data.nav)

    traces: list[go.BaseTraceType] = []
    bins = _weight_bins(weights_body)
    for width, pairs in bins:
        xs, ys = segments(centres, np.array(pairs, dtype=np.int64).reshape(-1, 2))
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                 line={"color": "rgba(90,90,90,0.45)", "width": width}))
    mids = [(a, b) for a, b in sorted(weights_body) if a != b]
    traces.append(
        go.Scatter(
            x=[(centres[a, 0] + centres[b, 0]) / 2 for a, b in mids],
            y=[(centres[a, 1] + centres[b, 1]) / 2 for a, b in mids],
            mode="markers", name="Links between clusters", hoverinfo="text",
            marker={"size": 7, "color": "rgba(90,90,90,0.6)", "symbol": "diamond"},
            hovertext=[
                f"{plotly_text(clustering.names[a])} \u2194 {plotly_text(clustering.names[b])}<br>"
                f"{weights_body[(a, b)]:,} body links, {weights_nav.get((a, b), 0):,} navigation links"
                for a, b in mids
            ],
        )
    )
    order = np.argsort(-pages.pagerank)
    hover = []
    for cluster in range(count):
        members = order[labels[order] == cluster][:5]
        lines = [
            f"<b>{plotly_text(clustering.names[cluster])}</b>",
            f"{int(sizes[cluster]):,} pages, {int(high[labels == cluster].sum()):,} with high-severity findings",
            f"{weights_body.get((cluster, cluster), 0):,} body links inside",
            "Top pages by PageRank:",
            *[f"\u2022 {plotly_text(pages.title[i] or pages.url[i], 70)}" for i in members],
            "<i>Click to see this cluster's pages</i>",
        ]
        hover.append("<br>".join(lines))
    traces.append(
        go.Scatter(
            x=centres[:, 0], y=centres[:, 1], mode="markers+text", name="Clusters", hoverinfo="text",
            hovertext=hover, text=_labels(clustering, sizes), textposition="bottom center",
            customdata=list(range(count)), meta={"role": "clusters"},
            marker={"size": (18 + 70 * np.sqrt(sizes / max(int(sizes.max()), 1))).tolist(),
                    "color": [colour_of(clustering, c) for c in range(count)], "opacity": 0.75,
                    "line": {"width": [4 if high[labels == c].any() else 1 for c in range(count)],
                             "color": [FINDING_RING if high[labels == c].any() else "white" for c in range(count)]}},
        )
    )
    title = _title(data, f"{len(pages):,} pages in {count} clusters (pick a cluster to see its pages)")
    figure = go.Figure(traces, map_layout(title, showlegend=False))
    payload = _drill_payload(data, clustering, findings)
    return MapView(
        key="clusters",
        title="Site map by specialty cluster",
        figure=figure,
        description=(
            f"The site has {len(pages):,} pages, more than the {max_pages:,} drawn one by one, so each "
            "disc is a cluster (size: pages; vermillion (orange-red) outline: it holds pages with high-severity findings) and "
            "lines are body links between clusters. Click a disc or use the cluster menu to draw that "
            "cluster's pages; search finds a page in any cluster."
        ),
        options={
            "search": True,
            "drill": {"clusters": [{"name": n, "pages": int(sizes[c])} for c, n in enumerate(clustering.names)]},
        },
        payload=payload,
    )


def _labels(clustering: Clustering, sizes: np.ndarray, shown: int = 24) -> list[str]:
    """Names under the largest discs only, so labels stay legible; hover names every disc."""
    keep = set(np.argsort(-sizes, kind="stable")[:shown].tolist())
    return [plotly_text(n, 32) if c in keep else "" for c, n in enumerate(clustering.names)]


def _weight_bins(weights: dict[tuple[int, int], int]) -> list[tuple[float, list[tuple[int, int]]]]:
    """Group inter-cluster edges into four line widths (one SVG trace per width)."""
    pairs = [(p, w) for p, w in sorted(weights.items()) if p[0] != p[1]]
    if not pairs:
        return []
    top = max(w for _, w in pairs)
    bins: dict[int, list[tuple[int, int]]] = {}
    for pair, w in pairs:
        level = min(3, int(4 * np.log1p(w) / np.log1p(top))) if top > 1 else 0
        bins.setdefault(level, []).append(pair)
    return [(1.0 + 2.5 * level, bins[level]) for level in sorted(bins)]


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


def _quantise(values: np.ndarray) -> np.ndarray:
    """Coordinates in [-COORD_RANGE, COORD_RANGE] as uint16: half the bytes, invisible error."""
    scaled = (np.clip(values, -COORD_RANGE, COORD_RANGE) + COORD_RANGE) / (2 * COORD_RANGE) * 65535
    return np.round(scaled).astype("<u2")


def _drill_payload(data: SiteData, clustering: Clustering, findings: FindingIndex) -> str:
    """Each cluster's pages, laid out and with hover text, compressed for map.js.

    Columns are little-endian typed arrays in base64 and hover strings already escaped, so the
    browser only decodes and draws. gzip keeps a 100k-page site to a few megabytes.
    """
    pages = data.pages
    types, type_code = _type_codes(data)
    sizes = marker_sizes(pages, np.arange(len(pages)), low=7.0, high=22.0)
    clusters = []
    for cluster, name in enumerate(clustering.names):
        members = np.flatnonzero(clustering.labels == cluster)
        edges = internal_edges(members, data.body)
        coords = local_layout(len(members), edges)
        drawn = sample_rows(edges, MAX_DRILL_EDGES_PER_CLUSTER)
        clusters.append(
            {
                "name": plotly_text(name),
                "colour": colour_of(clustering, cluster),
                "x": _b64(_quantise(coords[:, 0])),
                "y": _b64(_quantise(coords[:, 1])),
                "size": _b64(np.round(sizes[members]).astype("<u1")),
                "type": _b64(type_code[members].astype("<u1" if len(types) < 256 else "<u2")),
                "high": _b64(np.array([findings.has_high(pages.url[i]) for i in members], dtype="<u1")),
                "hover": [page_hover(pages, int(i), findings, [f"Cluster: {name}"]) for i in members],
                "edges": _b64(drawn.astype("<u2" if len(members) <= 65536 else "<u4")),
                "edgeWide": len(members) > 65536,
                "edgeTotal": int(len(edges)),
            }
        )
    document = {
        "types": [plotly_text(t) for t in types],
        "symbols": [type_symbol(t) for t in types],
        "typeColours": [CLUSTER_COLOURS[i % len(CLUSTER_COLOURS)] for i in range(len(types))],
        "typeWide": len(types) >= 256,
        "coordRange": COORD_RANGE,
        "clusters": clusters,
    }
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
