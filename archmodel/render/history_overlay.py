"""`archmodel map --since OLD`: draw the links lost since an earlier crawl on a map.

The lost links come from the crawl diff (archmodel/history/diff.py). On the clusters view of a
site small enough to draw every page they are drawn in vermillion over the page layout (the
layout is seeded, so recomputing it gives the positions the map uses); lost links from or to a
page that is gone cannot be drawn and are counted in a note. Aggregated and focused views get
the counts as a note.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.history.diff import diff_crawls
from archmodel.render.clusters import Clustering
from archmodel.render.data import SiteData
from archmodel.render.layout import site_layout
from archmodel.render.palette import MISSING
from archmodel.render.traces import MapView, segments


def lost_links(graph: Graph, since: SiteRef, ref: SiteRef) -> list[tuple[str, str, str]]:
    rows = diff_crawls(graph, since, ref, None, movers_limit=0).rows
    return [(r["source"], r["target"], r["kind"]) for r in rows if r["section"] == "link" and r["change"] == "lost"]


def with_lost_links(
    graph: Graph,
    view: MapView,
    since: SiteRef,
    ref: SiteRef,
    data: SiteData | None = None,
    clustering: Clustering | None = None,
) -> MapView:
    """`view` with the links lost since `since` drawn (full clusters view) or counted (others)."""
    lost = lost_links(graph, since, ref)
    body = sum(1 for link in lost if link[2] == "body")
    note = (
        f"Since crawl {since.crawl_id} ({since.loaded_at}): {len(lost):,} links lost "
        f"({body:,} body, {len(lost) - body:,} navigation)."
    )
    drawable = view.key == "clusters" and data is not None and clustering is not None and not view.payload
    if not drawable or not lost:
        view.notes.append(note + (" The clusters map of a site small enough to draw every page draws them." if lost else ""))
        return view
    index = {url: i for i, url in enumerate(data.pages.url)}
    pairs = np.array([(index[s], index[t]) for s, t, _ in lost if s in index and t in index], dtype=np.int64).reshape(-1, 2)
    positions, _, _ = site_layout(clustering.labels, data.body, len(clustering.names))
    xs, ys = segments(positions, pairs)
    view.figure.add_trace(
        go.Scattergl(x=xs, y=ys, mode="lines", name=f"Links lost since {since.crawl_id[:8]} ({len(pairs):,})",
                     hoverinfo="skip", line={"color": MISSING, "width": 2})
    )
    gone = len(lost) - len(pairs)
    view.notes.append(note + " Drawn in vermillion" + (f"; {gone:,} from or to pages now gone are not drawn." if gone else "."))
    return view
