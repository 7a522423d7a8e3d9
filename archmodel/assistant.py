"""`archmodel mcp`: the graph and the checks as read-only tools for AI assistants (Model Context
Protocol, the official `mcp` SDK, over stdio).

An assistant asked "what should we fix on the cardiology pages" gets archmodel's answers, not a
crawl table: the sites and kept crawls, counts, the check catalogue with why each check matters,
findings ranked by impact (results stored with the crawl are reused), suggested links, the
difference between two crawls, and read-only Cypher. Every tool goes through the same library
calls as the command line, with the same limits: checks and queries run in read transactions with
parameters only, a query passes the plan check of archmodel/packs/readonly.py (no writes, no
procedure with side effects) and stops at a timeout and a row cap, and long answers are cut to a
`limit` the assistant can raise. A user error comes back as the tool's error, in the CLI's words.
Nothing listens on a network port: the client starts `archmodel mcp` and talks on its stdin/stdout.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from archmodel.audit import audit
from archmodel.db.connection import ConnectionSettings, Graph, connect
from archmodel.db.crawls import list_crawls
from archmodel.db.sites import list_sites, resolve_site
from archmodel.errors import ArchmodelError
from archmodel.history.diff import diff_crawls
from archmodel.history.pair import resolve_pair
from archmodel.ingest.stats import crawl_stats
from archmodel.packs.adhoc import run_read_only
from archmodel.packs.impact import by_impact
from archmodel.packs.registry import catalogue, load_registry, severity_rank
from archmodel.packs.runner import Runner
from archmodel.packs.suggest import suggesting_checks

QUERY_TIMEOUT_S = 60.0
MAX_ROWS = 1000
DEFAULT_LIMIT = 50

Tool = TypeVar("Tool", bound=Callable[..., Any])

INSTRUCTIONS = (
    "archmodel models the internal links of a medical website in Neo4j and audits them. Start with "
    "`sites` to see what is loaded, `checks` for what can be found and why it matters, then "
    "`findings` (most impact first) and `suggested_links`. Every tool only reads."
)


def build_server(settings: ConnectionSettings | None = None) -> MCPServer:
    """The MCP server with archmodel's tools; it connects to Neo4j (NEO4J_* settings) on first use."""
    server = MCPServer("archmodel", instructions=INSTRUCTIONS)
    graph_of = _lazy_graph(settings)

    def tool(function: Tool) -> Tool:
        """Register `function` as a tool whose archmodel errors become tool errors."""
        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except ArchmodelError as exc:
                raise ToolError(exc.message()) from None

        server.tool()(guarded)
        return function

    @tool
    def sites() -> list[dict[str, Any]]:
        """The sites loaded in the graph, each with its current crawl: id, when it was loaded,
        page and link counts. Most recently loaded first."""
        graph = graph_of()
        return [{"site": ref.host, "crawl": ref.crawl_id, "loaded_at": ref.loaded_at,
                 "pages": ref.crawl.get("pages"), "links": ref.crawl.get("links")} for ref in list_sites(graph)]

    @tool
    def crawls(site: str | None = None) -> list[dict[str, Any]]:
        """The kept crawls of a site (default: the only or most recently loaded one), newest first."""
        graph = graph_of()
        ref = resolve_site(graph, site)
        return [{"crawl": c.get("id"), "loaded_at": c.get("loaded_at"), "current": bool(c.get("current")),
                 "pages": c.get("pages"), "links": c.get("links")} for c in list_crawls(graph, ref.host)]

    @tool
    def stats(site: str | None = None, crawl: str | None = None) -> dict[str, Any]:
        """Counts of one crawl: pages by type and status, links by position, entities of the site
        model. `crawl`: an id, -1 for the one before the current, or a date."""
        graph = graph_of()
        return crawl_stats(graph, resolve_site(graph, site, crawl=crawl))

    @tool
    def checks() -> list[dict[str, Any]]:
        """The check catalogue: id, pack, check, severity, title, what it finds, why it matters and
        how to fix it."""
        return catalogue(load_registry())

    @tool
    def findings(names: list[str] | None = None, site: str | None = None, crawl: str | None = None,
                 min_severity: str | None = None, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
        """Run checks (all, or the packs, checks or check ids in `names`) on a crawl and return the
        findings most impact first, at most `limit`, with counts by severity and the checks
        skipped and why. Results stored with the crawl are reused."""
        if min_severity is not None and min_severity not in ("info", "low", "medium", "high"):
            raise ArchmodelError(f"unknown severity '{min_severity}'", "min_severity", "use info, low, medium or high")
        graph = graph_of()
        registry = load_registry()
        done = audit(Runner.for_site(graph, site, crawl=crawl), registry, registry.select(names or []))
        found = [f for f in done.findings
                 if min_severity is None or severity_rank(f["severity"]) >= severity_rank(min_severity)]
        counts: dict[str, int] = {}
        for finding in found:
            counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
        return {"site": done.site.host, "crawl": done.site.crawl_id, "total": len(found), "by_severity": counts,
                "findings": by_impact(found)[: max(limit, 0)],
                "skipped": [{"check": name, "reason": reason} for name, reason in done.skipped]}

    @tool
    def suggested_links(site: str | None = None, crawl: str | None = None, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
        """Internal links to add, most impact first: source page, target page, suggested anchor,
        where on the page, why, priority."""
        graph = graph_of()
        registry = load_registry()
        done = audit(Runner.for_site(graph, site, crawl=crawl), registry, suggesting_checks(registry), suggestions=True)
        rows = by_impact(done.suggestions or [])
        return {"site": done.site.host, "total": len(rows), "links": rows[: max(limit, 0)]}

    @tool
    def diff(old: str | None = None, new: str | None = None, site: str | None = None,
             limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
        """What changed between two kept crawls of a site (default: the one before the current and
        the current): pages, links, and findings new or fixed."""
        graph = graph_of()
        before, after = resolve_pair(graph, site, old, new)
        registry = load_registry()

        def findings_of(ref: Any) -> tuple[list[dict[str, Any]], list[str]]:
            done = audit(Runner(graph, ref), registry, score=False)
            return done.findings, [name for name, _ in done.skipped]

        result = diff_crawls(graph, before, after, findings_of, movers_limit=10)
        return {"summary": result.summary(), "total": len(result.rows), "changes": result.rows[: max(limit, 0)]}

    @tool
    def query(cypher: str, parameters: dict[str, str] | None = None, site: str | None = None,
              crawl: str | None = None) -> dict[str, Any]:
        """A read-only Cypher query. $site and $crawl are filled in when the query uses them; other
        parameters are given as text and typed as the CLI types them. Writes and procedures with
        side effects are refused; at most 1000 rows; the server stops it after 60 s."""
        result = run_read_only(graph_of(), cypher, parameters or {}, site, crawl=crawl, timeout=QUERY_TIMEOUT_S,
                               max_rows=MAX_ROWS)
        return {"columns": result.columns, "rows": result.rows, "truncated": result.truncated}

    return server


def _lazy_graph(settings: ConnectionSettings | None) -> Callable[[], Graph]:
    """One connection, opened on the first tool call (so `tools/list` works without a server)."""
    opened: list[Graph] = []

    def graph() -> Graph:
        if not opened:
            opened.append(connect(settings or ConnectionSettings.resolve()))
        return opened[0]

    return graph


def serve(settings: ConnectionSettings | None = None) -> None:
    """Run the tools over stdio until the client closes the connection."""
    build_server(settings).run("stdio")
