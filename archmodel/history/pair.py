"""Which two crawls `archmodel diff [OLD] [NEW]` compares, and the refusal to mix sites.

NEW defaults to the current crawl, OLD to the crawl kept just before NEW. An id names its site by
itself, so `diff ID1 ID2` needs no --site; ids of two different sites are refused, as is a site
with only one kept crawl.
"""

from __future__ import annotations

from collections.abc import Callable

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef, resolve_site
from archmodel.errors import ArchmodelError
from archmodel.db.crawls import describe, list_crawls, previous_of, select_crawl


def site_of_id(graph: Graph, spec: str | None) -> str | None:
    """The site of the kept crawl whose id (or unique prefix of 4+ characters) is `spec`."""
    if not spec or spec.startswith("-") or len(spec) < 4:
        return None
    rows = graph.read(
        "MATCH (c:Crawl) WHERE c.complete AND (c.id = $spec OR c.id STARTS WITH $spec) RETURN DISTINCT c.site AS site",
        {"spec": spec},
    )
    return rows[0]["site"] if len(rows) == 1 else None


def resolve_pair(
    graph: Graph, site: str | None, old: str | None, new: str | None, say: Callable[[str], None] | None = None
) -> tuple[SiteRef, SiteRef]:
    hosts = {h for h in (site_of_id(graph, old), site_of_id(graph, new)) if h}
    wanted = site.lower().removeprefix("https://").removeprefix("http://").strip("/") if site else None
    if len(hosts) > 1 or (wanted and hosts and hosts != {wanted}):
        named = sorted(hosts | ({wanted} if wanted else set()))
        raise ArchmodelError(
            "refused: the crawls belong to different sites (" + ", ".join(named) + ")",
            "archmodel diff",
            "compare two crawls of one site; `archmodel crawls list --site HOST` shows each site's crawls",
        )
    host = site or (hosts.pop() if hosts else None)
    current = resolve_site(graph, host, say=say)
    after = select_crawl(graph, current, new)
    before = select_crawl(graph, current, old) if old is not None else previous_of(graph, after)
    if before is None:
        raise ArchmodelError(
            f"no earlier crawl of {current.host} to compare with",
            "archmodel diff",
            "load another crawl of the site first (loads keep the last 10); kept crawls: "
            + describe(list_crawls(graph, current.host)),
        )
    if before.crawl_id == after.crawl_id:
        raise ArchmodelError(
            f"OLD and NEW are the same crawl ({after.crawl_id})", "archmodel diff", "name two different crawls"
        )
    return before, after
