"""What the report reads from the graph and lays out before the findings are known.

`archmodel report` runs the checks on the server and, at the same time, reads the site and lays
out its map here (`gather`): neither needs the other's result, and on two cores the server and
Python then work side by side. The layouts land in the memo (`render.memo`), so drawing the map
with the findings afterwards costs no second layout.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.render import charts
from archmodel.render.clusters import Clustering, cluster_pages
from archmodel.render.data import SiteData, load_site_data
from archmodel.render.entities import ProviderMatrix, load_provider_matrix
from archmodel.render.layout import internal_edges, local_layout, site_layout
from archmodel.render.site_map import MAX_DRAWN_PAGES
from archmodel.render.timing import PhaseTimes, measure


@dataclass
class Gathered:
    """The report's graph reads: the site's pages and links, its clusters, the provider matrix
    and the link aggregates of the charts."""

    ref: SiteRef
    data: SiteData
    clustering: Clustering
    matrix: ProviderMatrix
    link_rows: list[dict[str, Any]]


def lay_out(data: SiteData, clustering: Clustering, max_pages: int = MAX_DRAWN_PAGES) -> None:
    """Compute the site map's layouts (what `site_map.clusters_view` will ask for) into the memo."""
    labels = clustering.labels
    if len(data.pages) <= max_pages:
        site_layout(labels, data.body, len(clustering.names))
        return
    for cluster in range(len(clustering.names)):
        members = np.flatnonzero(labels == cluster)
        local_layout(len(members), internal_edges(members, data.body))


def gather(
    graph: Graph,
    ref: SiteRef,
    max_pages: int = MAX_DRAWN_PAGES,
    community_backend: str = "auto",
    times: PhaseTimes | None = None,
) -> Gathered:
    """Read and lay out; the server-side aggregations (chart counts over every link, the provider
    matrix) run in a second thread while this one reads the pages and links and lays them out."""

    def server_side() -> tuple[ProviderMatrix, list[dict[str, Any]]]:
        with measure(times, "graph reads (aggregates)"):
            return load_provider_matrix(graph, ref.crawl_id), charts.link_aggregates(graph, ref.crawl_id)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="archmodel-aggregates") as pool:
        aggregates = pool.submit(server_side)
        with measure(times, "graph reads"):
            data = load_site_data(graph, ref)
        with measure(times, "layout"):
            clustering = cluster_pages(data, graph, community_backend)
            lay_out(data, clustering, max_pages)
        matrix, link_rows = aggregates.result()
    return Gathered(ref=ref, data=data, clustering=clustering, matrix=matrix, link_rows=link_rows)
