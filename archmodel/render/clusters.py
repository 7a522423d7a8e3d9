"""Group pages into clusters: by specialty where the graph says so, by link community otherwise.

A page belongs to a specialty when it is that specialty's hub, is about it, is a profile of a
provider who practises it, or is about a condition it covers (`data.SPECIALTY_HINTS_QUERY`).
Pages the site model says nothing about (home, blog, policy pages, or every page of a crawl
loaded without a site model) get the Louvain community of their body links, named after what its
own pages are (`community_name`: their most common page type or folder, never a folder or a
specialty the pages merely link to): with GDS on the
server when it is installed (up to GDS_MAX_PAGES pages), otherwise igraph in Python. Both runs are deterministic (GDS on one
thread, igraph with a fixed seed), so the same crawl always gives the same clusters.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import igraph
import numpy as np

from archmodel.db.connection import Graph
from archmodel.db.inspect import has_gds
from archmodel.render.data import SiteData
from archmodel.render.memo import remembered
from archmodel.render.words import type_plural

SEED = 20260101
MAX_COMMUNITY_CLUSTERS = 16
# Above this many pages "auto" uses igraph: the links are already in memory for the layout, and
# projecting them into GDS costs more than the algorithm (M tier: GDS 2.5 s, igraph 0.1 s).
GDS_MAX_PAGES = 20_000
OTHER = "Other pages"


@dataclass
class Clustering:
    """`labels[i]` is page i's cluster; clusters are ordered specialties first, then by size."""

    labels: np.ndarray
    names: list[str]
    kinds: list[str]  # "specialty", "community" or "other"
    backend: str  # how communities were found: "gds", "igraph" or "none"

    def sizes(self) -> np.ndarray:
        return np.bincount(self.labels, minlength=len(self.names))


def seeded_igraph_rng(seed: int = SEED) -> None:
    """igraph draws from Python's random module; give it a private, fixed-seed generator."""
    igraph.set_random_number_generator(random.Random(seed))


@remembered
def igraph_louvain(size: int, body: np.ndarray) -> np.ndarray:
    seeded_igraph_rng()
    g = igraph.Graph(n=size, edges=body.tolist(), directed=False)
    g.simplify()
    return np.asarray(g.community_multilevel().membership, dtype=np.int64)


GDS_PROJECT = """
MATCH (p:Page {crawl: $crawl})
OPTIONAL MATCH (p)-[r:LINKS_TO]->(q:Page)
WHERE r.follow AND r.body AND q <> p
WITH gds.graph.project($name, p, q, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes
"""
GDS_LOUVAIN = """
CALL gds.louvain.stream($name, {concurrency: 1})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).url AS url, communityId AS community
"""


def gds_louvain(graph: Graph, data: SiteData) -> np.ndarray:
    """Louvain on the server, single-threaded so the result does not depend on scheduling."""
    name = f"archmodel-render-{uuid.uuid4().hex}"
    position = {url: i for i, url in enumerate(data.pages.url)}
    membership = np.arange(len(position), dtype=np.int64) + (1 << 40)
    with graph.session() as session:
        try:
            session.run(GDS_PROJECT, {"crawl": data.crawl_id, "name": name}).consume()
            for record in session.run(GDS_LOUVAIN, {"name": name}):
                if record["url"] in position:
                    membership[position[record["url"]]] = record["community"]
        finally:
            session.run("CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName", {"name": name}).consume()
    return membership


def _folder(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return f"/{parts[0]}/" if parts else "/"


MAJORITY = 0.5  # a page type or folder names a community when it holds at least this share



def community_name(data: SiteData, pages: list[int]) -> str:
    """What a community's own pages are: "Blog posts in /blog/" when most share a type and a
    folder, "Blog posts" or "Pages in /news/" when most share one of them, else its two most
    common page types ("Blog posts, appointment pages and more"); "Home page and ..." first when
    it holds the home page."""
    others = [p for p in pages if not data.pages.is_home[p]]
    if len(others) == len(pages) or not others:
        return _describe(data, pages)
    name = _describe(data, others)
    return f"Home page and {name[:1].lower()}{name[1:]}"


def _describe(data: SiteData, pages: list[int]) -> str:
    types = Counter(data.pages.type[p] or "other" for p in pages).most_common()
    folders = Counter(_folder(data.pages.url[p]) for p in pages).most_common()
    (top_type, type_count), (top_folder, folder_count) = types[0], folders[0]
    typed = type_count >= MAJORITY * len(pages) and top_type != "other"
    foldered = folder_count >= MAJORITY * len(pages) and top_folder != "/"
    if typed:
        name = type_plural(top_type)
        return f"{name[:1].upper()}{name[1:]}" + (f" in {top_folder}" if foldered else "")
    if foldered:
        return f"Pages in {top_folder}"
    named = [t for t, _ in types if t != "other"] + [t for t, _ in types if t == "other"]
    words = [type_plural(t) for t in named[:2]]
    name = (", ".join(words) + " and more") if len(named) > 2 else " and ".join(words)
    return f"{name[:1].upper()}{name[1:]}"


def _top_title(data: SiteData, pages: list[int]) -> str:
    """The title (site name cut) of the strongest page (PageRank) of the community's most common
    type, to tell like-named communities apart."""
    top_type = Counter(data.pages.type[p] or "other" for p in pages).most_common(1)[0][0]
    best = max((p for p in pages if (data.pages.type[p] or "other") == top_type),
               key=lambda p: (float(data.pages.pagerank[p]), -p))
    title = data.pages.title[best] or data.pages.h1[best] or data.pages.url[best]
    title = " ".join(str(title).split(" | ")[0].split())
    return title if len(title) <= 30 else title[:29].rstrip() + "\u2026"


def cluster_pages(data: SiteData, graph: Graph | None = None, backend: str = "auto") -> Clustering:
    """Specialty clusters, then link communities for the pages no specialty claims.

    `backend`: "auto" (GDS when `graph` has it and the site has at most GDS_MAX_PAGES pages,
    else igraph), "gds" or "igraph".
    """
    n = len(data.pages)
    specialty_ids = sorted({s for s in data.specialty_of if s}, key=lambda s: (data.specialty_names.get(s, s).lower(), s))
    names = [data.specialty_names.get(s, s) for s in specialty_ids]
    kinds = ["specialty"] * len(names)
    position = {s: i for i, s in enumerate(specialty_ids)}
    labels = np.array([position.get(s, -1) if s else -1 for s in data.specialty_of], dtype=np.int64)
    unassigned = np.flatnonzero(labels < 0)
    used = "none"
    if len(unassigned):
        if backend == "gds" or (backend == "auto" and n <= GDS_MAX_PAGES and graph is not None and has_gds(graph)):
            membership, used = gds_louvain(graph, data), "gds"  # type: ignore[arg-type]
        else:
            membership, used = igraph_louvain(n, data.body), "igraph"
        _name_communities(data, labels, unassigned, membership, names, kinds)
    return Clustering(labels=labels, names=names, kinds=kinds, backend=used)


def _name_communities(
    data: SiteData,
    labels: np.ndarray,
    unassigned: np.ndarray,
    membership: np.ndarray,
    names: list[str],
    kinds: list[str],
) -> None:
    """Give unassigned pages a cluster per sizeable community, named after its own pages
    (`community_name`); communities of the same name add the title of their strongest page."""
    min_size = max(3, int(0.005 * len(labels)))
    groups: dict[int, list[int]] = {}
    for page in unassigned.tolist():
        groups.setdefault(int(membership[page]), []).append(page)
    ranked = sorted(groups.values(), key=lambda pages: (-len(pages), data.pages.url[pages[0]]))
    other: list[int] = []
    kept: list[tuple[list[int], str]] = []
    for pages in ranked:
        if len(pages) < min_size or len(kept) >= MAX_COMMUNITY_CLUSTERS:
            other.extend(pages)
            continue
        kept.append((pages, community_name(data, pages)))
    bases = Counter(base for _, base in kept)
    taken: Counter[str] = Counter()
    for pages, base in kept:
        label = f"{base.split(' in /')[0]}: {_top_title(data, pages)}" if bases[base] > 1 else base
        taken[label] += 1
        label += f" ({taken[label]})" if taken[label] > 1 else ""
        labels[pages] = len(names)
        names.append(label)
        kinds.append("community")
    if other:
        labels[other] = len(names)
        names.append(OTHER)
        kinds.append("other")
