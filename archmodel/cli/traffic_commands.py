"""`archmodel traffic add`: join Search Console, GA4 or url,metric exports to the current crawl.

The numbers go onto the crawl's Page nodes (`gsc_clicks`, `ga_sessions`, ...) where the impact
score (archmodel.packs.impact) reads them; `archmodel load --traffic FILE` does the same right
after a load. What was read, joined and left out goes to standard error.
"""

from __future__ import annotations

from pathlib import Path

import typer

from archmodel.cli import state
from archmodel.cli.root import app
from archmodel.cli.output import log
from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site

traffic_app = typer.Typer(help="Traffic data (Search Console, GA4) for ranking fixes by impact.", no_args_is_help=True)
app.add_typer(traffic_app, name="traffic")


def add_and_report(graph: Graph, host: str | None, files: list[Path]) -> None:
    """Add traffic files to a site's current crawl and say what joined (shared with `load`)."""
    from archmodel.ingest.traffic_join import add_traffic, describe

    site = resolve_site(graph, host, say=log)
    result = add_traffic(graph, site, files)
    for line in describe(result):
        log(line)


@traffic_app.command("add")
def traffic_add(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="Search Console Pages.csv or export zip, GA4 CSV, API JSON, url,metric CSV, or a folder."),
    site: str | None = typer.Option(None, "--site", help="Site host (default: the only or most recently loaded site)."),
) -> None:
    """Join traffic exports to the pages of the current crawl (replaces the metrics they carry).

    Example: archmodel traffic add Pages.csv ga4-landing-pages.csv
    """
    add_and_report(state.current().graph(), site, files)
