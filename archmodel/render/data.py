"""Everything the maps need from the graph, read once into compact arrays.

The maps draw the current crawl of one site (docs/graph-model.md). Pages come back as columns
and links as integer index pairs, so a 100k-page, 4M-link crawl costs two queries and a few
arrays rather than millions of Python objects: each page returns the internal ids of the pages it
links to as two lists (body links and the rest), which keeps the Bolt traffic to integers.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.ingest.metrics import link_score
from archmodel.numeric import sorted_unique

PAGE_COLUMNS = {
    "id": "id(p)", "url": "p.url", "title": "p.title", "h1": "p.h1", "type": "p.type", "status": "p.status",
    "depth": "p.depth", "inlinks": "p.inlinks", "pagerank": "p.pagerank", "in_crawl": "p.in_crawl",
    "indexable": "p.indexable", "is_home": "p.is_home",
}

LINKS_QUERY = """
MATCH (p:Page {crawl: $crawl})
WHERE p.in_crawl
RETURN id(p) AS id,
       [(p)-[r:LINKS_TO]->(q:Page) WHERE r.follow AND r.body AND q <> p | id(q)] AS body,
       [(p)-[r:LINKS_TO]->(q:Page) WHERE r.follow AND NOT r.body AND q <> p | id(q)] AS nav
"""

# Where a page's specialty comes from, strongest first: a hub, a page about the specialty, a
# provider's profile (the specialties the provider practises), a page about a covered condition.
SPECIALTY_HINTS_QUERY = """
MATCH (s:Specialty {crawl: $crawl})-[:HUB]->(p:Page)
RETURN id(p) AS page, s.id AS specialty, 0 AS rank
UNION ALL
MATCH (p:Page {crawl: $crawl})-[:ABOUT]->(s:Specialty)
RETURN id(p) AS page, s.id AS specialty, 1 AS rank
UNION ALL
MATCH (pr:Provider {crawl: $crawl})-[:PROFILE]->(p:Page)
MATCH (pr)-[:PRACTISES]->(s:Specialty)
RETURN id(p) AS page, s.id AS specialty, 2 AS rank
UNION ALL
MATCH (p:Page {crawl: $crawl})-[a:ABOUT]->(:Condition)<-[:COVERS]-(s:Specialty)
RETURN id(p) AS page, s.id AS specialty, CASE WHEN a.via IN ['capture', 'model'] THEN 3 ELSE 4 END AS rank
"""

SPECIALTIES_QUERY = "MATCH (s:Specialty {crawl: $crawl}) RETURN s.id AS id, s.name AS name ORDER BY s.id"


@dataclass
class PageTable:
    """One row per page of the crawl, sorted by URL (the order every array follows)."""

    url: list[str]
    title: list[str]
    h1: list[str]
    type: list[str]
    status: np.ndarray  # int, -1 when unknown
    depth: np.ndarray  # int, -1 when unreachable
    inlinks: np.ndarray
    pagerank: np.ndarray
    in_crawl: np.ndarray  # bool
    indexable: np.ndarray  # bool (unknown counts as indexable)
    is_home: np.ndarray  # bool
    _top_pagerank: float | None = field(default=None, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.url)

    def link_score(self, i: int) -> int:
        """Page i's 0-100 link score (archmodel.ingest.metrics.link_score), the site's best page 100."""
        if self._top_pagerank is None:
            self._top_pagerank = float(self.pagerank.max()) if len(self.pagerank) else 0.0
        return link_score(float(self.pagerank[i]), self._top_pagerank)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> PageTable:
        def ints(key: str) -> np.ndarray:
            return np.array([r[key] if r[key] is not None else -1 for r in rows], dtype=np.int64)

        return cls(
            url=[r["url"] for r in rows],
            title=[r["title"] or "" for r in rows],
            h1=[r["h1"] or "" for r in rows],
            type=[r["type"] or "other" for r in rows],
            status=ints("status"),
            depth=ints("depth"),
            inlinks=np.array([r["inlinks"] or 0 for r in rows], dtype=np.int64),
            pagerank=np.array([r["pagerank"] or 0.0 for r in rows], dtype=np.float64),
            in_crawl=np.array([bool(r["in_crawl"]) for r in rows], dtype=bool),
            indexable=np.array([r["indexable"] is not False for r in rows], dtype=bool),
            is_home=np.array([bool(r["is_home"]) for r in rows], dtype=bool),
        )


@dataclass
class SiteData:
    """A site's pages, its followed links as index pairs, and each page's specialty if known."""

    host: str
    crawl_id: str
    crawl: dict[str, Any]
    pages: PageTable
    body: np.ndarray  # (m, 2) int32: distinct followed body links, self links excluded
    nav: np.ndarray  # (k, 2) int32: distinct followed header/navigation/footer-only links
    specialty_of: list[str | None]
    specialty_names: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return str(self.crawl.get("base_url") or f"https://{self.host}")


def _link_pairs(rows: list[dict[str, Any]], index: dict[int, int]) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    """(sources, targets) page-row arrays of the body and of the other links in LINKS_QUERY rows.

    The server's ids are mapped to rows through one lookup array: a Python dict lookup per link
    costs seconds on millions of links."""
    lookup = np.full(max(index, default=0) + 1, -1, dtype=np.int64)
    lookup[np.fromiter(index.keys(), dtype=np.int64, count=len(index))] = np.fromiter(
        index.values(), dtype=np.int64, count=len(index))
    sources = lookup[np.fromiter((row["id"] for row in rows), dtype=np.int64, count=len(rows))]
    pairs = []
    for column in ("body", "nav"):
        targets, counts = array("q"), array("q")
        for row in rows:
            counts.append(len(row[column]))
            targets.extend(row[column])
        pairs.append((np.repeat(sources, np.frombuffer(counts, dtype=np.int64)),
                      lookup[np.frombuffer(targets, dtype=np.int64)]))
    return tuple(pairs)


def _pair_keys(sources: np.ndarray, targets: np.ndarray, size: int) -> np.ndarray:
    """Distinct (source, target) pairs encoded as one int64 each, sorted."""
    return sorted_unique(sources * size + targets)


def _keys_to_pairs(keys: np.ndarray, size: int) -> np.ndarray:
    if len(keys) == 0:
        return np.zeros((0, 2), dtype=np.int32)
    return np.stack([keys // size, keys % size], axis=1).astype(np.int32)


def choose_specialty(hints: list[tuple[int, str]]) -> str | None:
    """The strongest hint wins; among equally strong ones the most frequent, then by id."""
    if not hints:
        return None
    best = min(rank for rank, _ in hints)
    counts = Counter(spec for rank, spec in hints if rank == best)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


def load_site_data(graph: Graph, site: SiteRef) -> SiteData:
    params = {"crawl": site.crawl_id}
    page_rows = graph.read_table("MATCH (p:Page {crawl: $crawl})", "p", PAGE_COLUMNS, params, order_by="p.url")
    index = {row["id"]: i for i, row in enumerate(page_rows)}
    pages = PageTable.from_rows(page_rows)

    size = max(len(pages), 1)
    body, nav = _link_pairs(graph.read(LINKS_QUERY, params), index)
    body_keys = _pair_keys(*body, size)
    nav_keys = np.setdiff1d(_pair_keys(*nav, size), body_keys, assume_unique=True)

    hints: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in graph.read(SPECIALTY_HINTS_QUERY, params):
        if row["page"] in index:
            hints[index[row["page"]]].append((row["rank"], row["specialty"]))
    specialty_of = [choose_specialty(hints.get(i, [])) for i in range(len(pages))]
    names = {row["id"]: row["name"] or row["id"] for row in graph.read(SPECIALTIES_QUERY, params)}

    crawl = dict(site.crawl)
    site_row = graph.read("MATCH (s:Site {host: $host}) RETURN properties(s) AS site", {"host": site.host})
    if site_row:
        crawl.setdefault("base_url", site_row[0]["site"].get("base_url"))
        crawl.setdefault("site_name", site_row[0]["site"].get("name"))
    return SiteData(
        host=site.host,
        crawl_id=site.crawl_id,
        crawl=crawl,
        pages=pages,
        body=_keys_to_pairs(body_keys, size),
        nav=_keys_to_pairs(nav_keys, size),
        specialty_of=specialty_of,
        specialty_names=names,
    )
