"""`archmodel map` and `archmodel report`: self-contained HTML files for people without a database.

Findings come from `--findings FILE` (what `archmodel run --format json -o FILE` wrote) or, by
default, from running the checks here through the packs runner; `--no-checks` draws the graph
alone. Which site was used and where the file went are said on standard error.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from archmodel.audit import Audit, audit
from archmodel.cli import state
from archmodel.cli.crawl_option import CrawlOption
from archmodel.cli.output import log
from archmodel.cli.root import app
from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef, resolve_site
from archmodel.packs.registry import Check, load_registry
from archmodel.packs.runner import Runner
from archmodel.render.api import TASKS_FILE, write_map, write_maps, write_report
from archmodel.render.findings import read_rows_file
from archmodel.render.gather import gather
from archmodel.render.timing import PhaseTimes
from archmodel.render.site_map import MAX_DRAWN_PAGES


# The report runs two checks at a time: with two cores the server answers both at once while
# this process reads and lays out the site map (measured on L: the checks were the longest part).
REPORT_CHECK_WORKERS = 2


class View(str, Enum):
    clusters = "clusters"
    hub = "hub"
    pathway = "pathway"
    providers = "providers"
    structure = "structure"


SiteOption = typer.Option(None, "--site", help="Site host (default: the only or most recently loaded site).")
FindingsOption = typer.Option(
    None, "--findings", help="Findings from `archmodel run --format json -o FILE` instead of running the checks here."
)
NoChecksOption = typer.Option(False, "--no-checks", help="Do not run the checks: draw the graph without findings.")
SelfContainedOption = typer.Option(
    True, "--self-contained/--shared-plotly",
    help="Inline plotly.js (one file to send by email), or load a plotly.min.js written beside the file.",
)


class Communities(str, Enum):
    auto = "auto"
    gds = "gds"
    igraph = "igraph"


CommunitiesOption = typer.Option(
    Communities.auto, "--communities",
    help="How pages without a specialty are grouped: auto (GDS Louvain when installed, igraph above 20k pages), gds, igraph.",
)


def _timed(times: PhaseTimes, function: Any, *args: Any, **kwargs: Any) -> Any:
    with times.measure("checks"):
        return function(*args, **kwargs)


def run_checks(
    graph: Graph, site: SiteRef, severities: set[str] | None, with_suggestions: bool = False, workers: int = 1
) -> Audit:
    """One audit for a map or the report: the whole catalogue, or the checks of `severities`.

    `workers` > 1 runs that many checks at once (each is one read query, so the server works on
    them in parallel); outcomes keep the registry's order, so the findings are the same."""
    registry = load_registry()
    checks = [c for c in registry.select() if severities is None or c.severity in severities]
    done = audit(Runner(graph, site), registry, checks, suggestions=with_suggestions, workers=workers)
    if done.report.links_skip_line():
        log(done.report.links_skip_line())
    log(done.report.summary())
    return done


@app.command("map")
def map_command(
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    view: View = typer.Option(View.clusters, "--view", help="clusters, hub, pathway, providers or structure."),
    focus: str | None = typer.Option(None, "--focus", help="Specialty id (hub) or condition id (pathway)."),
    site: str | None = SiteOption,
    findings_file: Path | None = FindingsOption,
    no_checks: bool = NoChecksOption,
    max_pages: int = typer.Option(MAX_DRAWN_PAGES, "--max-pages", help="Above this many pages, clusters aggregate."),
    communities: Communities = CommunitiesOption,
    crawl: CrawlOption = None,
    since: str | None = typer.Option(
        None, "--since", metavar="ID|-N|DATE", help="Draw the links lost since this earlier crawl (vermillion)."
    ),
    self_contained: bool = SelfContainedOption,
) -> None:
    """Write an interactive map as one self-contained HTML file.

    Example: archmodel map --view hub --focus endocrinology -o endocrinology.html
    """
    graph = state.current().graph()
    ref = resolve_site(graph, site, say=log, crawl=crawl)
    earlier = None
    if since is not None:
        from archmodel.db.crawls import select_crawl

        earlier = select_crawl(graph, ref, since)
    if findings_file is not None:
        findings = read_rows_file(findings_file, "findings")
    elif no_checks:
        findings = None
    else:
        findings = run_checks(graph, ref, {"high", "medium"} if view.value != "clusters" else {"high"}).findings
    path = write_map(graph, view.value, output, ref, focus, findings, say=log, max_pages=max_pages,
                     community_backend=communities.value, since=earlier, self_contained=self_contained)
    log(f"Wrote the {view.value} map to {path}")


@app.command("report")
def report_command(
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    site: str | None = SiteOption,
    findings_file: Path | None = FindingsOption,
    suggestions_file: Path | None = typer.Option(
        None, "--suggestions", help="Rows from `archmodel suggest --format json -o FILE` instead of computing them here."
    ),
    no_checks: bool = NoChecksOption,
    max_pages: int = typer.Option(MAX_DRAWN_PAGES, "--max-pages", help="Above this many pages, the site map aggregates."),
    communities: Communities = CommunitiesOption,
    crawl: CrawlOption = None,
    self_contained: bool = SelfContainedOption,
    maps_dir: Path | None = typer.Option(
        None, "--maps-dir", metavar="DIR",
        help="Also write every map into DIR; the files there share one plotly.min.js.",
    ),
) -> None:
    """Write the stakeholder report: summary, findings, suggestions, charts and maps, in one HTML file.

    Example: archmodel report -o report.html
    """
    graph = state.current().graph()
    ref = resolve_site(graph, site, say=log, crawl=crawl)
    times = PhaseTimes()
    skipped: list[tuple[str, str]] = []
    findings: list[dict[str, Any]] | None = None
    suggestions: list[dict[str, Any]] | None = None
    checks: list[Check] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="archmodel-checks") as pool:
        # The checks work on the server while this thread reads the site and lays out its map.
        checking = None
        if not no_checks and (findings_file is None or suggestions_file is None):
            checking = pool.submit(_timed, times, run_checks, graph, ref, None, with_suggestions=suggestions_file is None,
                                   workers=REPORT_CHECK_WORKERS)
        gathered = gather(graph, ref, max_pages, communities.value, times)
        if checking is not None:
            done = checking.result()
            findings, skipped, suggestions, checks = done.findings, done.skipped, done.suggestions, done.checks
    if findings_file is not None:
        findings, skipped, checks = read_rows_file(findings_file, "findings"), [], None  # None: the checks they name
    if suggestions_file is not None:
        suggestions = read_rows_file(suggestions_file, "suggestions")
    path = write_report(graph, output, ref, self_contained=self_contained, findings=findings, suggestions=suggestions,
                        skipped=skipped, checks=checks, max_pages=max_pages, community_backend=communities.value, say=log,
                        gathered=gathered, times=times)
    log(times.summary())
    size = path.stat().st_size / 1e6
    log(f"Wrote the report to {path} ({size:.1f} MB)")
    if findings is not None:
        log(f"Wrote one task per page to edit to {path.parent / TASKS_FILE}")
    if maps_dir is not None:
        maps = write_maps(graph, maps_dir, ref, findings, say=log)
        log(f"Wrote {len(maps)} maps to {maps_dir}/ (they share {maps_dir / 'plotly.min.js'})")
