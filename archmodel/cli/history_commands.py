"""`archmodel crawls list|show|delete|prune` and `archmodel diff`: the kept crawls of a site.

Rows go to standard output through `archmodel.cli.output`; the one-line summary of a diff and
what was deleted go to standard error, so `diff --format json` stays one clean array for CI.
"""

from __future__ import annotations

from pathlib import Path

import typer

from archmodel.cli import state
from archmodel.cli.root import app
from archmodel.cli.output import FormatOption, OutputOption, emit, log
from archmodel.cli.pack_commands import PackDirOption, Severity, SiteOption
from archmodel.db.sites import SiteRef

crawls_app = typer.Typer(help="The kept crawls of a site: list, show, delete, prune.", no_args_is_help=True)
app.add_typer(crawls_app, name="crawls")

CRAWL_COLUMNS = ["id", "position", "loaded_at", "pages", "links", "sources", "has_site_model", "has_sitemap"]


def _site(site: str | None):
    from archmodel.db.sites import resolve_site

    graph = state.current().graph()
    return graph, resolve_site(graph, site, say=log)


def _rows(crawls: list[dict]) -> list[dict]:
    return [
        {**{key: crawl.get(key) for key in CRAWL_COLUMNS}, "position": "current" if crawl["current"] else f"-{i}"}
        for i, crawl in enumerate(crawls)
    ]


@crawls_app.command("list")
def crawls_list(site: str | None = SiteOption, fmt: FormatOption = None, output: OutputOption = None) -> None:
    """List the kept crawls of a site, newest first; `position` is what --crawl -N takes.

    Example: archmodel crawls list --format json
    """
    from archmodel.db.crawls import list_crawls

    graph, ref = _site(site)
    emit(_rows(list_crawls(graph, ref.host)), fmt, output, columns=CRAWL_COLUMNS, title=f"Crawls of {ref.host}")


@crawls_app.command("show", context_settings={"ignore_unknown_options": True})
def crawls_show(
    crawl: str = typer.Argument(..., metavar="ID|-N|DATE", help="The crawl."),
    site: str | None = SiteOption,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Show one kept crawl: every property stored with it and its counts.

    Example: archmodel crawls show -1
    """
    from archmodel.db.crawls import select_crawl
    from archmodel.ingest.stats import crawl_stats

    graph, ref = _site(site)
    chosen = select_crawl(graph, ref, crawl)
    summary = crawl_stats(graph, chosen)
    rows = [{"property": key, "value": value} for key, value in sorted(chosen.crawl.items())]
    rows += [{"property": f"{group}.{k}", "value": v} for group in ("pages_by_type", "pages_by_status")
             for k, v in summary[group].items()]
    emit(rows, fmt, output, columns=["property", "value"], title=f"Crawl {chosen.crawl_id} of {ref.host}")


@crawls_app.command("delete", context_settings={"ignore_unknown_options": True})
def crawls_delete(
    crawl: str = typer.Argument(..., metavar="ID|-N|DATE", help="The crawl to delete."),
    site: str | None = SiteOption,
) -> None:
    """Delete one kept crawl; deleting the current one makes the previous crawl current again.

    Example: archmodel crawls delete -3
    """
    from archmodel.db.crawls import retire, select_crawl

    graph, ref = _site(site)
    chosen = select_crawl(graph, ref, crawl)
    retire(graph, ref.host, chosen.crawl_id)
    log(f"Deleted crawl {chosen.crawl_id} of {ref.host} (loaded {chosen.loaded_at}).")


@crawls_app.command("prune")
def crawls_prune(
    keep: int = typer.Option(..., "--keep", min=1, help="How many of the newest crawls to keep (the current one always stays)."),
    site: str | None = SiteOption,
) -> None:
    """Delete all but the newest KEEP crawls of a site.

    Example: archmodel crawls prune --keep 3
    """
    from archmodel.db.crawls import prune

    graph, ref = _site(site)
    deleted = prune(graph, ref.host, keep)
    log(f"Deleted {len(deleted)} crawl{'' if len(deleted) == 1 else 's'} of {ref.host}" + (f": {', '.join(deleted)}." if deleted else "."))


@app.command("diff", context_settings={"ignore_unknown_options": True})
def diff(
    old: str | None = typer.Argument(None, metavar="[OLD]", help="The earlier crawl: ID, -N or DATE (default: the one before NEW)."),
    new: str | None = typer.Argument(None, metavar="[NEW]", help="The later crawl (default: the current one)."),
    site: str | None = SiteOption,
    fmt: FormatOption = None,
    output: OutputOption = None,
    fail_on_new: Severity | None = typer.Option(
        None, "--fail-on-new", help="Exit 1 when a finding of this severity or higher is new (info, low, medium, high)."
    ),
    movers: int = typer.Option(20, "--movers", min=0, help="How many click-depth and PageRank movers to list."),
    no_checks: bool = typer.Option(False, "--no-checks", help="Compare pages and links only, not findings."),
    include_open: bool = typer.Option(False, "--include-open", help="List the findings still open too."),
    pack_dir: list[Path] = PackDirOption,
) -> None:
    """What changed between two kept crawls: pages, links (body and navigation apart), click depth
    and PageRank movers, and findings new, resolved and still open.

    Example: archmodel diff --fail-on-new high --format json -o changes.json
    """
    from archmodel.history.diff import COLUMNS, diff_crawls
    from archmodel.audit import audit
    from archmodel.history.findings import finding_row
    from archmodel.history.pair import resolve_pair
    from archmodel.packs.registry import load_registry, severity_rank
    from archmodel.packs.runner import Runner

    graph = state.current().graph()
    before, after = resolve_pair(graph, site, old, new, say=log)
    registry = load_registry(pack_dir)

    def findings_of(ref: SiteRef) -> tuple[list[dict], list[str]]:
        done = audit(Runner(graph, ref), registry, score=False)
        return done.findings, [name for name, _ in done.skipped]

    finder = None if no_checks else findings_of
    result = diff_crawls(graph, before, after, finder, movers_limit=movers)
    rows = result.rows + ([finding_row("still open", f) for f in result.still_open] if include_open else [])
    emit(rows, fmt, output, columns=COLUMNS, title=f"{after.host}: {before.crawl_id} -> {after.crawl_id}")
    for name in result.skipped_checks:
        log(f"Not compared: {name} (skipped on one of the crawls).")
    log(result.summary())
    if fail_on_new is not None:
        floor = severity_rank(fail_on_new.value)
        worse = [r for r in result.new_findings() if severity_rank(r["severity"]) >= floor]
        if worse:
            log(f"Failing: {len(worse)} new findings at or above '{fail_on_new.value}'.")
            raise typer.Exit(code=1)
