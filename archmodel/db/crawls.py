"""A site's crawls from start to end: create one, switch to it, pick a kept one, prune, delete.

Every crawl is a generation of nodes carrying `crawl = <id>` (docs/graph-model.md). A load
creates its `Crawl` node not complete, writes the generation beside the current one, and then
`switch_to` moves the site's `CURRENT` relationship to it in one small transaction that also
marks it complete; nothing points at a generation before that, so readers never see a half crawl.
The previous crawls stay as history (the newest `keep`, default 10). A crawl being deleted is
marked incomplete in one transaction before its nodes go, so a load or a delete killed half way
never leaves a half crawl in the list: the next load removes it as a stale generation. Crawls
are ordered by `seq`, a per-site counter given at the switch (timestamps have one-second
resolution, two loads can share one).

This module is the only one that creates, switches or removes crawls. It sits in `db` below the
loader (archmodel/ingest/loader.py), the history comparisons (archmodel/history/) and the packs,
which all use it and none of which it imports (docs/contributing.md "Layout").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from archmodel.db.connection import Graph
from archmodel.errors import ArchmodelError

DEFAULT_KEEP = 10
_OFFSET = re.compile(r"^-(\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?$")
_GENERATION_LABELS = ("Page", "Condition", "Specialty", "Provider", "Location", "CheckResult", "LinkSummary")


@dataclass(frozen=True)
class SiteRef:
    """One crawl of one site: what every reading command works on (archmodel.db.sites)."""

    host: str
    crawl_id: str
    crawl: dict[str, Any]

    @property
    def loaded_at(self) -> str:
        return str(self.crawl.get("loaded_at", ""))


# Creating and switching: the load's side.


def current_crawl(graph: Graph, host: str) -> str | None:
    """The id of the site's current crawl, or None before its first load."""
    rows = graph.read("MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) RETURN c.id AS id", {"host": host})
    return rows[0]["id"] if rows else None


def current_fingerprint(graph: Graph, host: str) -> str | None:
    """The inputs' fingerprint of the current crawl: a load of the same inputs changes nothing."""
    rows = graph.read(
        "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) RETURN coalesce(c.fingerprint, c.id) AS id", {"host": host}
    )
    return rows[0]["id"] if rows else None


def generation_id(graph: Graph, fingerprint: str) -> str:
    """The id for a new generation: the inputs' fingerprint, suffixed when an older kept crawl of
    the same inputs already holds it (loading A, then B, then A again is a third crawl)."""
    taken = {
        row["id"]
        for row in graph.read(
            "MATCH (c:Crawl) WHERE c.id = $id OR c.id STARTS WITH $prefix RETURN c.id AS id",
            {"id": fingerprint, "prefix": fingerprint + "-"},
        )
    }
    candidate, n = fingerprint, 1
    while candidate in taken:
        n += 1
        candidate = f"{fingerprint}-{n}"
    return candidate


def create_crawl(graph: Graph, properties: dict[str, Any]) -> None:
    """The `Crawl` node of a new generation (`properties` holds its id and site), not complete:
    until `switch_to`, it is a stale generation to every reader and to the next load."""
    graph.write("CREATE (c:Crawl) SET c = $props", {"props": {**properties, "complete": False}})


def next_sequence(graph: Graph, host: str) -> int:
    rows = graph.read(
        "MATCH (c:Crawl {site: $host}) WHERE c.complete RETURN max(coalesce(c.seq, 0)) AS seq", {"host": host}
    )
    return int(rows[0]["seq"] or 0) + 1 if rows else 1


def switch_to(graph: Graph, host: str, crawl_id: str, site: dict[str, Any], pages: int, links: int) -> bool:
    """The one transaction that makes a generation the site's current crawl and part of its
    history; `site` sets the Site node's `base_url`, `name`, `home_url` and `aliases`. It finds
    the generation first: when it is gone, nothing changes and False is returned."""
    switched = graph.write(
        "MATCH (c:Crawl {id: $crawl}) "
        "MERGE (s:Site {host: $host}) "
        "SET s.base_url = $base_url, s.name = $name, s.home_url = $home_url, s.aliases = $aliases "
        "WITH s, c OPTIONAL MATCH (s)-[old:CURRENT]->() DELETE old "
        "WITH DISTINCT s, c "
        "SET c.complete = true, c.pages = $pages, c.links = $links, c.seq = $seq "
        "CREATE (s)-[:CURRENT]->(c) RETURN c.id AS id",
        {
            "host": host,
            "base_url": site["base_url"],
            "name": site["name"],
            "home_url": site["home_url"],
            "aliases": list(site["aliases"]),
            "crawl": crawl_id,
            "pages": pages,
            "links": links,
            "seq": next_sequence(graph, host),
        },
    )
    return bool(switched)


# Listing and picking: the readers' side.


def list_crawls(graph: Graph, host: str) -> list[dict[str, Any]]:
    """Complete crawls of a site, newest first, each with `current` set for the one readers use."""
    rows = graph.read(
        "MATCH (c:Crawl {site: $host}) WHERE c.complete "
        "OPTIONAL MATCH (s:Site)-[cur:CURRENT]->(c) "
        "RETURN properties(c) AS crawl, cur IS NOT NULL AS current "
        "ORDER BY coalesce(c.seq, 0) DESC, c.loaded_at DESC",
        {"host": host},
    )
    return [{**row["crawl"], "current": row["current"]} for row in rows]


def describe(crawls: list[dict[str, Any]]) -> str:
    """The kept crawls in one line, for errors that must say what exists."""
    if not crawls:
        return "no crawl is kept"
    return "; ".join(
        f"{c['id']} ({'current' if c['current'] else f'-{i}'}, {c.get('loaded_at', '')})"
        for i, c in enumerate(crawls)
    )


def select_crawl(graph: Graph, site: SiteRef, spec: str | None) -> SiteRef:
    """The site reference for the crawl `spec` names: an id (or a unique prefix of one), `-N`
    (N crawls before the current one), or a date `YYYY-MM-DD[THH[:MM[:SS]]]` (the newest crawl
    loaded then, UTC). None or `current` is the current crawl."""
    if spec is None or spec.strip().lower() in {"", "current", "latest", "0", "-0"}:
        return site
    text = spec.strip()
    crawls = list_crawls(graph, site.host)
    chosen = _match(crawls, text)
    if chosen is None:
        raise ArchmodelError(
            f"no crawl '{text}' of {site.host}",
            "--crawl",
            "use an id, -N (crawls before the current one) or a date YYYY-MM-DD; kept crawls: " + describe(crawls),
        )
    return crawl_ref(site.host, chosen)


def crawl_ref(host: str, crawl: dict[str, Any]) -> SiteRef:
    properties = {key: value for key, value in crawl.items() if key != "current"}
    return SiteRef(host, str(crawl["id"]), properties)


def _match(crawls: list[dict[str, Any]], text: str) -> dict[str, Any] | None:
    offset = _OFFSET.match(text)
    if offset:
        index = int(offset.group(1))
        return crawls[index] if index < len(crawls) else None
    if _DATE.match(text):
        stamp = text.replace(" ", "T")
        on_date = [c for c in crawls if str(c.get("loaded_at", "")).startswith(stamp)]
        return on_date[0] if on_date else None
    exact = [c for c in crawls if c["id"] == text]
    if exact:
        return exact[0]
    prefixed = [c for c in crawls if str(c["id"]).startswith(text)]
    return prefixed[0] if len(prefixed) == 1 and len(text) >= 4 else None


def is_current(graph: Graph, site: SiteRef) -> bool:
    return current_crawl(graph, site.host) == site.crawl_id


def previous_of(graph: Graph, site: SiteRef) -> SiteRef | None:
    """The crawl kept just before `site`'s crawl, or None when it is the oldest."""
    crawls = list_crawls(graph, site.host)
    ids = [c["id"] for c in crawls]
    if site.crawl_id not in ids:
        return None
    index = ids.index(site.crawl_id)
    return crawl_ref(site.host, crawls[index + 1]) if index + 1 < len(crawls) else None


# Pruning and deleting.


def retire(graph: Graph, host: str, crawl_id: str) -> None:
    """Delete one kept crawl. It leaves the history in one transaction (marked incomplete; if it
    was current, `CURRENT` moves to the newest remaining crawl), then its nodes go in batches."""
    graph.write(
        "MATCH (c:Crawl {id: $crawl, site: $host}) SET c.complete = false "
        "WITH c OPTIONAL MATCH (s:Site)-[cur:CURRENT]->(c) "
        "WITH s, cur, cur IS NOT NULL AS was_current DELETE cur "
        "WITH s, was_current WHERE was_current "
        "MATCH (other:Crawl {site: $host}) WHERE other.complete "
        "WITH s, other ORDER BY coalesce(other.seq, 0) DESC, other.loaded_at DESC LIMIT 1 "
        "CREATE (s)-[:CURRENT]->(other)",
        {"crawl": crawl_id, "host": host},
    )
    delete_generation(graph, crawl_id)


def prune(graph: Graph, host: str, keep: int) -> list[str]:
    """Retire all but the newest `keep` crawls (the current one is always kept); returns their ids."""
    crawls = list_crawls(graph, host)
    keep = max(keep, 1)
    old = [c["id"] for c in crawls[keep:] if not c["current"]]
    for crawl_id in old:
        retire(graph, host, crawl_id)
    return old


def delete_generation(graph: Graph, crawl_id: str) -> None:
    """Remove one generation in small transactions (links first: hub pages have many)."""
    graph.run_autocommit(
        "MATCH (p:Page {crawl: $crawl})-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS",
        {"crawl": crawl_id},
    )
    for label in _GENERATION_LABELS:
        graph.run_autocommit(
            f"MATCH (n:{label} {{crawl: $crawl}}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS",
            {"crawl": crawl_id},
        )
    graph.write("MATCH (c:Crawl {id: $crawl}) DETACH DELETE c", {"crawl": crawl_id})


def remove_stale_generations(graph: Graph, host: str) -> None:
    """Generations of this site that never became complete (left by a killed load) or were being
    deleted when a process stopped; kept crawls are complete and stay. Only the holder of the
    site's load lease may call this (archmodel/db/lease.py): another load's generation in the
    making looks stale too."""
    rows = graph.read(
        "MATCH (c:Crawl {site: $host}) WHERE NOT coalesce(c.complete, false) AND NOT (:Site)-[:CURRENT]->(c) "
        "RETURN c.id AS id",
        {"host": host},
    )
    for row in rows:
        delete_generation(graph, row["id"])
