"""`archmodel load` and `archmodel stats`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from archmodel.cli import state
from archmodel.cli.root import app
from archmodel.cli.load_summary import emit_load_result, max_bad_rows_share
from archmodel.cli.crawl_option import CrawlOption
from archmodel.cli.output import Format, FormatOption, OutputOption, emit, log, resolve_format, stderr, to_json
from archmodel.db.bulk import IMPORT_DIR_ENV, WritePath
from archmodel.db.sites import resolve_site
from archmodel.ingest.accounting import DEFAULT_MAX_BAD_ROWS, ReadOptions
from archmodel.ingest.stats import crawl_stats


class PageRankEngine(str, Enum):
    auto = "auto"
    gds = "gds"
    python = "python"


class RichProgress:
    """Counts of pages and links written, on standard error."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, int] = {}

    def advance(self, stage: str, count: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=None)
        self.progress.advance(self.tasks[stage], count)


@app.command("load")
def load(
    crawl: list[Path] = typer.Argument(..., help="Crawl export files or folders of them."),
    site: Path | None = typer.Option(None, "--site", help="The site model (site.yml)."),
    sitemap: list[Path] = typer.Option([], "--sitemap", help="A sitemap file (urlset or index, .gz or not); repeatable."),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Rows per write transaction [default 10000]."),
    pagerank: PageRankEngine = typer.Option(
        PageRankEngine.auto, "--pagerank", help="PageRank engine: auto (python: 4x faster than GDS on a large crawl), gds, python."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Refuse bad bytes, control characters and invalid numbers instead of warning."
    ),
    max_bad_rows: str = typer.Option(
        f"{DEFAULT_MAX_BAD_ROWS * 100:g}%", "--max-bad-rows",
        help="Share of a file's rows that may hold invalid numbers (stored as null) before the load fails, in percent.",
    ),
    fmt: FormatOption = None,
    output: OutputOption = None,
    traffic: list[Path] = typer.Option(
        [], "--traffic", help="Search Console or GA4 export to join to the pages after the load; repeatable."
    ),
    keep: int = typer.Option(
        10, "--keep", min=1, help="Crawls of the site to keep in the history, this one included (1: replace)."
    ),
    writer: WritePath = typer.Option(
        WritePath.auto, "--writer",
        help="How the crawl is written: bulk (archmodel's server extension, from files in the server's import "
        "folder), bolt (Cypher batches over Bolt), auto (bulk when the server has the extension and shares its "
        "import folder).",
    ),
    import_dir: Path | None = typer.Option(
        None, "--import-dir", envvar=IMPORT_DIR_ENV,
        help="The server's import folder (server.directories.import) as this machine sees it, for the bulk path "
        "on a server archmodel did not start (a Docker volume, say).",
    ),
) -> None:
    """Load crawl exports (and a site model) into Neo4j as the site's current crawl, atomically,
    keeping the earlier crawls as history.

    Prints a summary per input file (rows read, loaded, skipped by reason, rejected) on standard
    error; with --format json the whole result as one JSON object. Screaming Frog's Structured
    Data tab export (All filter), loaded with the crawl, gives the structured-data pack its input.

    Example: archmodel load seed_data/ --site seed_data/site.yml
    """
    from archmodel.ingest.loader import DEFAULT_BATCH, load_crawl
    from archmodel.ingest.traffic_join import read_files

    options = ReadOptions(strict=strict, max_bad_rows=max_bad_rows_share(max_bad_rows))
    if traffic:
        read_files(traffic)  # a bad traffic file fails before the crawl is replaced
    graph = state.current().graph()
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        TextColumn("{task.completed:,.0f} written"), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not sys.stderr.isatty(),
    ) as progress:
        result = load_crawl(
            graph, crawl, site_model=site, sitemaps=sitemap,
            progress=RichProgress(progress), batch_size=batch_size or DEFAULT_BATCH, pagerank_engine=pagerank.value,
            read_options=options,
            keep=keep,
            write_path=writer,
            import_dir=import_dir,
        )
    for warning in result.warnings:
        log(f"Warning: {warning}")
    if traffic:
        from archmodel.cli.traffic_commands import add_and_report

        add_and_report(graph, result.site, traffic)
    emit_load_result(result, fmt, output)


@app.command("stats")
def stats(
    site: str | None = typer.Option(None, "--site", help="Site host (default: the only or latest site)."),
    fmt: FormatOption = None,
    output: OutputOption = None,
    crawl: CrawlOption = None,
) -> None:
    """Counts of what is loaded: pages by type and status, links by position, entities, the crawl.

    Example: archmodel stats --format json
    """
    graph = state.current().graph()
    chosen = resolve_site(graph, site, say=log, crawl=crawl)
    summary = crawl_stats(graph, chosen)
    chosen_format = resolve_format(fmt, output)
    if chosen_format is Format.json:
        text = to_json(summary)
        if output:
            output.write_text(text)
        else:
            sys.stdout.write(text)
        return
    rows = [{"metric": key, "value": value} for key, value in summary.items() if not isinstance(value, dict)]
    for group in ("pages_by_type", "pages_by_status", "links_by_position", "entities"):
        rows.extend({"metric": f"{group}.{k}", "value": v} for k, v in summary[group].items())
    emit(rows, chosen_format, output, columns=["metric", "value"], title=f"archmodel stats: {chosen.host}")
