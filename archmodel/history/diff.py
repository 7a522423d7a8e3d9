"""Compare two kept crawls of one site: pages, links, depth and PageRank movers, findings.

Pages are matched by their normalised URL (the loader's normalisation makes `http`/`https`,
trailing-slash and alias variants one page), so two crawls exported in different formats or
with different URL spellings compare page for page. A page is "in" a crawl when the crawler
reached it (`in_crawl`). Links are the distinct followed links between two different pages, by
kind: `body` (Content, Aside, Sidebar or unknown position) or `navigation` (Header, Navigation,
Footer), as docs/check-semantics.md defines them.

Speed: only the links of pages whose outgoing link set changed cross the wire. The loader stores
a hash of each page's set (`Page.links_hash`, archmodel/ingest/link_hash.py); for crawls loaded
before that, the server hashes the sets (APOC `apoc.util.md5`, present on the local server and
Aura); without either every link is read. Both crawls are read side by side (two sessions). Findings are compared
by identity (archmodel/packs/identity.py), from archmodel/history/findings.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.inspect import _optional_version
from archmodel.db.sites import SiteRef
from archmodel.history.findings import compare_findings
from archmodel.history.rows import COLUMNS, row

__all__ = ["COLUMNS", "CrawlDiff", "diff_crawls"]  # COLUMNS: the rows' shape, archmodel/history/rows.py

DEFAULT_MOVERS = 20
PAGERANK_SHARE = 0.1  # a PageRank mover gained or lost at least this share of its score
URL_BATCH = 5000

_PAGE_COLUMNS = {
    "url": "p.url", "type": "p.type", "status": "p.status", "indexable": "p.indexable", "in_crawl": "p.in_crawl",
    "depth": "p.depth", "pagerank": "p.pagerank", "links": "p.links_hash",
}
_PAGES_HASHED = (
    "MATCH (p:Page {crawl: $crawl}) "
    "CALL (p) { "
    "  OPTIONAL MATCH (p)-[r:LINKS_TO]->(q:Page) WHERE r.follow AND q <> p "
    "  WITH DISTINCT CASE WHEN r.body THEN 'b ' ELSE 'n ' END + q.url AS key ORDER BY key "
    "  RETURN count(key) AS n, apoc.util.md5(collect(key)) AS links "
    "} "
    "RETURN p.url AS url, p.type AS type, p.status AS status, p.indexable AS indexable, "
    "p.in_crawl AS in_crawl, p.depth AS depth, p.pagerank AS pagerank, "
    "CASE WHEN n = 0 THEN '' ELSE links END AS links"
)
_LINKS_OF = (
    "UNWIND $urls AS u MATCH (p:Page {crawl: $crawl, url: u})-[r:LINKS_TO]->(q:Page) "
    "WHERE r.follow AND q <> p RETURN DISTINCT p.url AS source, q.url AS target, r.body AS body"
)
_ALL_LINKS = (
    "MATCH (p:Page {crawl: $crawl})-[r:LINKS_TO]->(q:Page) "
    "WHERE r.follow AND q <> p RETURN DISTINCT p.url AS source, q.url AS target, r.body AS body"
)


@dataclass
class CrawlDiff:
    """The rows of a diff (COLUMNS) and counts per section and change."""

    site: str
    old: SiteRef
    new: SiteRef
    rows: list[dict[str, Any]] = field(default_factory=list)
    still_open: list[dict[str, Any]] = field(default_factory=list)
    skipped_checks: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.rows:
            key = f"{entry['section']} {entry['change']}" + (f" ({entry['kind']})" if entry.get("kind") else "")
            counts[key] = counts.get(key, 0) + 1
        counts["finding still open"] = len(self.still_open)
        return counts

    def new_findings(self) -> list[dict[str, Any]]:
        return [entry for entry in self.rows if entry["section"] == "finding" and entry["change"] == "new"]

    def summary(self) -> str:
        counts = self.counts()
        parts = [f"{n} {key}" for key, n in counts.items() if n]
        return f"{self.site}: crawl {self.old.crawl_id} -> {self.new.crawl_id}: " + (", ".join(parts) or "no changes") + "."


def has_apoc(graph: Graph) -> bool:
    return _optional_version(graph, "apoc.version") is not None


def read_pages(graph: Graph, crawl_id: str, apoc: bool, on_server: bool = False) -> tuple[dict[str, dict[str, Any]], bool]:
    """The crawl's pages by URL, and whether each carries a hash of its outgoing link set in
    `links`: the loader's `links_hash` (archmodel/ingest/link_hash.py), else (a crawl loaded
    before it existed, or `on_server`) one computed now on the server with APOC, else none."""
    if not on_server or not apoc:
        rows = graph.read_table("MATCH (p:Page {crawl: $crawl})", "p", _PAGE_COLUMNS, {"crawl": crawl_id})
        if not on_server and all(r["links"] is not None for r in rows):
            return {r["url"]: r for r in rows}, True
    if apoc:
        return {r["url"]: {**r, "links": f"md5:{r['links']}"} for r in graph.read(_PAGES_HASHED, {"crawl": crawl_id})}, True
    return {r["url"]: r for r in rows}, False


def _hashed_by(pages: dict[str, dict[str, Any]]) -> set[str]:
    """Who hashed the pages' link sets: the loader (integers) or the server (`md5:` text)."""
    return {"server" if isinstance(p["links"], str) else "loader" for p in pages.values()}


def read_links(graph: Graph, crawl_id: str, urls: Iterable[str] | None) -> set[tuple[str, str, str]]:
    """Distinct (source, target, kind) of `urls`' outgoing links, or of every page when None."""
    found: set[tuple[str, str, str]] = set()
    if urls is None:
        batches: Iterable[list[dict[str, Any]]] = [graph.read(_ALL_LINKS, {"crawl": crawl_id})]
    else:
        wanted = sorted(urls)
        batches = (
            graph.read(_LINKS_OF, {"crawl": crawl_id, "urls": wanted[i : i + URL_BATCH]})
            for i in range(0, len(wanted), URL_BATCH)
        )
    for batch in batches:
        for r in batch:
            found.add((r["source"], r["target"], "body" if r["body"] else "navigation"))
    return found


def page_changes(old: dict[str, dict], new: dict[str, dict]) -> list[dict[str, Any]]:
    rows = []
    old_crawled = {u for u, p in old.items() if p["in_crawl"]}
    new_crawled = {u for u, p in new.items() if p["in_crawl"]}
    for url in sorted(new_crawled - old_crawled):
        p = new[url]
        rows.append(row("page", "added", url=url, new=p["status"], detail=f"new {p['type']} page"))
    for url in sorted(old_crawled - new_crawled):
        p = old[url]
        rows.append(row("page", "removed", url=url, old=p["status"], detail=f"{p['type']} page no longer crawled"))
    for url in sorted(old_crawled & new_crawled):
        for name in ("status", "type", "indexable"):
            if old[url][name] != new[url][name]:
                rows.append(row("page", name, url=url, old=old[url][name], new=new[url][name]))
    return rows


def link_changes(old_links: set, new_links: set) -> list[dict[str, Any]]:
    rows = []
    for change, links in (("added", new_links - old_links), ("lost", old_links - new_links)):
        for source, target, kind in sorted(links, key=lambda link: (link[2], link[0], link[1])):
            rows.append(row("link", change, source=source, target=target, kind=kind))
    return rows


def movers(old: dict[str, dict], new: dict[str, dict], limit: int) -> list[dict[str, Any]]:
    """The pages whose click depth, and those whose PageRank, moved most (crawled in both).
    Depth: any change, unreachable counting as the largest; PageRank: a change of at least
    PAGERANK_SHARE of the old score, largest relative change first (small shifts everywhere are
    what any link change does to PageRank, not news)."""
    both = [u for u in old if u in new and old[u]["in_crawl"] and new[u]["in_crawl"]]
    depth = []
    for url in both:
        a, b = old[url]["depth"], new[url]["depth"]
        if a != b:
            size = float("inf") if a is None or b is None else abs(b - a)
            depth.append((size, url, a, b))
    rank = []
    for url in both:
        a, b = old[url]["pagerank"], new[url]["pagerank"]
        if a and b is not None and abs(b - a) >= PAGERANK_SHARE * a:
            rank.append((abs(b - a) / a, url, round(a, 4), round(b, 4)))
    rows = []
    for section, moved in (("depth", depth), ("pagerank", rank)):
        for _, url, a, b in sorted(moved, key=lambda m: (-m[0], m[1]))[:limit]:
            rows.append(row(section, "moved", url=url, old=a, new=b))
    return rows


def diff_crawls(
    graph: Graph,
    old: SiteRef,
    new: SiteRef,
    findings: Callable[[SiteRef], tuple[list[dict[str, Any]], list[str]]] | None,
    movers_limit: int = DEFAULT_MOVERS,
) -> CrawlDiff:
    """Everything that changed from `old` to `new`; `findings(ref)` returns a crawl's findings
    and the checks it skipped (None: do not compare findings)."""
    apoc = has_apoc(graph)
    # Every read below touches the two crawls independently: run them side by side on the server.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="archmodel-diff") as pool:

        def both(read: Callable[[SiteRef], Any]) -> tuple[Any, Any]:
            earlier, later = pool.submit(read, old), pool.submit(read, new)
            return earlier.result(), later.result()

        (old_pages, old_hashed), (new_pages, new_hashed) = both(lambda ref: read_pages(graph, ref.crawl_id, apoc))
        if old_hashed and new_hashed and _hashed_by(old_pages) != _hashed_by(new_pages):
            # one crawl hashed by the loader, the other by the server: hash both on the server
            (old_pages, old_hashed), (new_pages, new_hashed) = both(
                lambda ref: read_pages(graph, ref.crawl_id, apoc, on_server=True)
            )
        changed: set[str] | None = None
        if old_hashed and new_hashed:
            changed = {
                u for u in set(old_pages) | set(new_pages)
                if (old_pages.get(u) or {}).get("links", "") != (new_pages.get(u) or {}).get("links", "")
            }
        old_links, new_links = both(lambda ref: read_links(graph, ref.crawl_id, changed))
        compared = both(findings) if findings is not None else None
    result = CrawlDiff(old.host, old, new)
    result.rows += page_changes(old_pages, new_pages)
    result.rows += link_changes(old_links, new_links)
    result.rows += movers(old_pages, new_pages, movers_limit)
    if compared is not None:
        (old_findings, old_skipped), (new_findings, new_skipped) = compared
        compared = compare_findings(old_findings, new_findings, set(old_skipped) | set(new_skipped))
        result.rows += compared.rows
        result.still_open = compared.still_open
        result.skipped_checks = sorted(set(old_skipped) | set(new_skipped))
    return result
