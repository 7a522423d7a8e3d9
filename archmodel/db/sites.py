"""Which site a reading command works on (docs/cli.md "Sites").

One graph may hold several sites. `--site HOST` picks one; without it the only site is used, or
the most recently loaded one, and the choice is said on standard error so nobody reads another
client's findings by mistake.
"""

from __future__ import annotations

from archmodel.db.connection import Graph
from archmodel.db.crawls import SiteRef, select_crawl
from archmodel.errors import ArchmodelError

__all__ = ["SiteRef", "list_sites", "resolve_site"]  # SiteRef lives with the crawls it points at


def list_sites(graph: Graph) -> list[SiteRef]:
    rows = graph.read(
        "MATCH (s:Site)-[:CURRENT]->(c:Crawl) "
        "RETURN s.host AS host, c.id AS id, properties(c) AS crawl ORDER BY c.loaded_at DESC"
    )
    return [SiteRef(row["host"], row["id"], row["crawl"]) for row in rows]


def resolve_site(graph: Graph, host: str | None, say=None, crawl: str | None = None) -> SiteRef:
    """The site to read; `say` receives the sentence naming the choice when it was implicit.
    `crawl` (`--crawl ID|-N|DATE`) picks a kept crawl other than the current one."""
    if crawl is not None:
        return select_crawl(graph, resolve_site(graph, host, say=say), crawl)
    sites = list_sites(graph)
    if not sites:
        raise ArchmodelError(
            "nothing is loaded yet",
            graph.settings.describe(),
            "load a crawl first: `archmodel load CRAWL_DIR --site site.yml`",
        )
    if host:
        wanted = host.lower().removeprefix("https://").removeprefix("http://").strip("/")
        for site in sites:
            if site.host == wanted:
                return site
        raise ArchmodelError(
            f"site '{host}' is not loaded",
            graph.settings.describe(),
            "use one of: " + ", ".join(s.host for s in sites),
        )
    chosen = sites[0]
    if say is not None:
        if len(sites) == 1:
            say(f"Using site {chosen.host} (loaded {chosen.loaded_at}).")
        else:
            say(
                f"Using site {chosen.host}, the most recently loaded of {len(sites)} "
                f"(others: {', '.join(s.host for s in sites[1:])}); pick one with --site."
            )
    return chosen
