"""`archmodel packs list|show`, `run`, `query` and `suggest`: the query packs on the command line.

Findings and rows go to standard output (or `-o FILE`) through `archmodel.cli.output`; which
site was used, skipped checks and the summary go to standard error, so `--format json` output
stays one clean array of findings a CI job can parse.
"""

from __future__ import annotations

import sys
import textwrap
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperCommand

from archmodel.audit import audit, mark_since
from archmodel.cli import state
from archmodel.cli.crawl_option import CrawlOption
from archmodel.cli.findings_text import run_summary
from archmodel.cli.output import Format, FormatOption, OutputOption, emit, log, render, resolve_format, terminal_width
from archmodel.cli.root import app
from archmodel.packs.adhoc import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S, run_read_only
from archmodel.packs.impact import by_impact
from archmodel.packs.registry import (
    CATALOGUE_COLUMNS,
    PACK_PATH_ENV,
    Check,
    Registry,
    catalogue,
    load_registry,
    severity_rank,
)
from archmodel.packs.runner import CheckOutcome, RunReport, Runner
from archmodel.packs.suggest import COLUMNS as SUGGESTION_COLUMNS
from archmodel.packs.suggest import suggesting_checks

packs_app = typer.Typer(help="The query pack catalogue: list checks, show one with its Cypher.", no_args_is_help=True)
app.add_typer(packs_app, name="packs")


class SortOrder(str, Enum):
    check = "check"
    impact = "impact"


class Severity(str, Enum):
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"


PackDirOption = typer.Option(
    [], "--pack-dir", metavar="DIR", help=f"A folder of your own packs (PACK/CHECK.cypher); repeatable [env {PACK_PATH_ENV}]."
)
class PairParameterCommand(TyperCommand):
    """Typer cannot declare a repeatable two-value option, so `-p NAME VALUE` is set up here."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for param in self.params:
            if param.name == "params":
                param.nargs = 2
                param.process_value = _pairs  # type: ignore[method-assign]


def _pairs(ctx: object, value: object) -> list[tuple[str, str]]:
    return [(str(name), str(text)) for name, text in (value or ())]  # type: ignore[union-attr]


ParamOption = typer.Option(
    [], "-p", "--param", metavar="NAME VALUE", help="Set a query parameter, e.g. -p max_depth 4; repeatable."
)
SiteOption = typer.Option(None, "--site", help="Site host (default: the only or most recently loaded site).")


def _registry(pack_dirs: list[Path]) -> Registry:
    return load_registry(pack_dirs)


def _overrides(params: list[str]) -> dict[str, str]:
    """`-p NAME VALUE` pairs (see PairParameterCommand) as a mapping; the last one of a name wins."""
    return dict(params)  # type: ignore[arg-type]


TABLE_COLUMNS = ["id", "pack", "check", "severity", "title"]


@packs_app.command("list")
def packs_list(fmt: FormatOption = None, output: OutputOption = None, pack_dir: list[Path] = PackDirOption) -> None:
    """List every check: id, pack, check, severity and title; csv, json and markdown add the fix
    cost, identity keys, description, why it matters and how to fix it.

    Example: archmodel packs list --format json
    """
    columns = TABLE_COLUMNS if resolve_format(fmt, output) is Format.table else CATALOGUE_COLUMNS
    emit(catalogue(_registry(pack_dir)), fmt, output, columns=columns)


@packs_app.command("show")
def packs_show(
    name: str = typer.Argument(..., metavar="PACK[/CHECK]|ID", help="A pack, one check of it, or a check's id."),
    pack_dir: list[Path] = PackDirOption,
) -> None:
    """Show a pack's or a check's description, why it matters, how to fix it, parameters, columns
    and Cypher.

    Example: archmodel packs show pathways/broken-step
    """
    checks = _registry(pack_dir).lookup(name)
    sys.stdout.write("\n\n".join(_describe_check(check) for check in checks) + "\n")


def _describe_check(check: Check) -> str:
    header = check.header
    width = terminal_width()
    lines = textwrap.wrap(f"{check.name} ({header.severity}): {header.title}", width, subsequent_indent="  ")
    lines += [f"Id: {check.stable_id}", ""]
    lines += textwrap.wrap(" ".join(header.description.split()), width)
    for label, text in (("Why it matters", header.why), ("How to fix", header.how_to_fix)):
        if text:
            lines += ["", label + ":"] + textwrap.wrap(" ".join(text.split()), width, initial_indent="  ",
                                                        subsequent_indent="  ")
    lines += ["", f"File: {check.path}", f"Fix cost: {header.fix_cost}", "Identity: " + ", ".join(check.identity)]
    if header.requires:
        lines.append("Requires: " + ", ".join(header.requires))
    if header.suggests is not None:
        lines.append(f"Suggests links: {header.suggests.placement}")
    lines.append("Parameters:")
    for pname, spec in header.parameters.items():
        default = "" if spec.default is None else f", default {spec.default!r}"
        lines += textwrap.wrap(f"{pname} ({spec.type}{default}): {spec.description}", width, initial_indent="  ",
                               subsequent_indent="    ")
    lines += textwrap.wrap("Columns: " + ", ".join(header.columns), width, subsequent_indent="  ")
    lines += ["", check.cypher.rstrip()]  # verbatim: it runs as printed in Neo4j Browser
    return "\n".join(lines)


@app.command("run", cls=PairParameterCommand)
def run(
    names: list[str] = typer.Argument(None, metavar="[PACK[/CHECK]]...", help="Packs or checks to run (all when none)."),
    params: list[str] = ParamOption,
    fmt: FormatOption = None,
    output: OutputOption = None,
    fail_on: Severity | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a finding of this severity or higher exists (info, low, medium, high)."
    ),
    site: str | None = SiteOption,
    pack_dir: list[Path] = PackDirOption,
    crawl: CrawlOption = None,
    since: str | None = typer.Option(
        None, "--since", metavar="ID|-N|DATE",
        help="Mark each finding new or still open against this earlier crawl (adds a 'since' column).",
    ),
    sort: SortOrder = typer.Option(
        SortOrder.impact, "--sort",
        help="impact: what to fix first (default, docs/impact.md); check: by pack and check, a section per check.",
    ),
    min_severity: Severity | None = typer.Option(
        None, "--min-severity", help="Only findings of this severity or higher (info, low, medium, high)."
    ),
    top: int | None = typer.Option(
        None, "--top", min=1,
        help="Only the N findings with the most impact (a terminal shows counts per check and the top 10).",
    ),
    fresh: bool = typer.Option(
        False, "--fresh",
        help="Run every check again instead of reading the results stored for this crawl, and store the new ones.",
    ),
) -> None:
    """Run query packs against the current crawl (or --crawl) and print their findings.

    Example: archmodel run pathways anchors/generic-anchor --fail-on high --format json
    """
    registry = _registry(pack_dir)
    checks = registry.select(names or [])
    runner = Runner.for_site(
        state.current().graph(), site, _overrides(params), say=log, crawl=crawl, reuse=not fresh
    )
    report = audit(runner, registry, checks).report
    if since is not None:
        log(mark_since(runner, report, since))
    _emit_run(report, fmt, output, sort, min_severity.value if min_severity else None, top)
    for line in report.skip_lines():
        log(line)
    log(report.summary())
    if fail_on is not None and report.count_at_or_above(fail_on.value):
        log(f"Failing: {report.count_at_or_above(fail_on.value)} findings at or above '{fail_on.value}'.")
        raise typer.Exit(code=1)


SCORE_KEYS = ["priority", "impact"]


TERMINAL_TOP = 10


def _emit_run(report: RunReport, fmt: Format | None, output: Path | None, sort: SortOrder,
              min_severity: str | None, top: int | None) -> None:
    """Findings in the chosen format. A terminal gets counts per check and the `top` (10) with the
    most impact; `--sort check` a section per check; files and pipes every finding and column."""
    chosen = resolve_format(fmt, output)
    findings = report.findings
    if min_severity is not None:
        findings = [f for f in findings if severity_rank(f["severity"]) >= severity_rank(min_severity)]
    if sort is SortOrder.impact:
        findings = by_impact(findings)
    if top is not None:
        findings = findings[:top]
    if chosen in (Format.json, Format.ndjson, Format.csv):
        emit(findings, chosen, output, columns=report.finding_columns() + SCORE_KEYS)
        return
    if sort is SortOrder.impact and chosen is Format.table:
        text = run_summary(findings, report.site.host, top or TERMINAL_TOP, terminal_width(), len(report.findings))
        _write(text, output, len(findings))
        return
    if sort is SortOrder.impact:
        columns = ["impact", "priority", "pack", "check", "url", "source", "target", "detail"]
        present = [c for c in columns if any(f.get(c) not in (None, "") for f in findings)]
        emit(findings, chosen, output, columns=present, title=f"Findings on {report.site.host}, most impact first")
        return
    kept = {id(f) for f in findings}
    sections = [_section(outcome, chosen, [f for f in outcome.findings if id(f) in kept])
                for outcome in report.outcomes]
    sections = [section for section in sections if section]
    text = "\n".join(sections) if sections else ("No findings.\n" if chosen is Format.table else "")
    _write(text, output, len(findings))


def _section(outcome: CheckOutcome, fmt: Format, findings: list[dict]) -> str:
    """One check's findings under a heading ("" when it has none)."""
    if not findings:
        return ""
    check = outcome.check
    count = len(findings)
    title = f"{check.name} ({check.severity}): {check.title} - {count} finding{'s' if count != 1 else ''}"
    columns = (["since"] if "since" in findings[0] else []) + check.columns + SCORE_KEYS
    return render(findings, columns, fmt, title=title)


def _write(text: str, output: Path | None, count: int) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    log(f"Wrote {count} rows to {output}")


@app.command("query", cls=PairParameterCommand)
def query(
    cypher: str = typer.Argument(..., metavar="CYPHER", help="A read-only Cypher query, or - to read it from stdin."),
    params: list[str] = ParamOption,
    fmt: FormatOption = None,
    output: OutputOption = None,
    site: str | None = SiteOption,
    crawl: CrawlOption = None,
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", min=1, help="Seconds before the server stops the query."),
    max_rows: int = typer.Option(DEFAULT_MAX_ROWS, "--max-rows", min=1, help="Read at most this many rows."),
) -> None:
    """Run an ad hoc read-only Cypher query; $site and $crawl are filled in when the query uses them.

    Example: archmodel query 'MATCH (:Site {host: $site})-[:CURRENT]->(c) MATCH (p:Page {crawl: c.id}) RETURN p.type AS type, count(*) AS n'
    """
    text = sys.stdin.read() if cypher == "-" else cypher
    graph = state.current().graph()
    result = run_read_only(graph, text, _overrides(params), site, say=log, crawl=crawl, timeout=timeout,
                           max_rows=max_rows)
    emit(result.rows, fmt, output, columns=result.columns)
    if result.truncated:
        log(f"Only the first {max_rows:,} rows: the query returns more (--max-rows N reads more; add LIMIT or "
            "aggregate to read less).")


@app.command("suggest")
def suggest(
    fmt: FormatOption = None,
    output: OutputOption = None,
    site: str | None = SiteOption,
    crawl: CrawlOption = None,
    top: int | None = typer.Option(
        None, "--top", min=1, help="Only the N links with the most impact, most impact first (docs/impact.md)."
    ),
) -> None:
    """Recommend internal links to add, with anchors and where to place them.

    Example: archmodel suggest --top 10 --format csv -o links-to-add.csv
    """
    registry = load_registry()
    runner = Runner.for_site(state.current().graph(), site, say=log, crawl=crawl)
    done = audit(runner, registry, suggesting_checks(registry), suggestions=True)
    rows, report = done.suggestions or [], done.report
    if top is not None:
        total = len(rows)
        rows = by_impact(rows)[:top]
        log(f"The {len(rows)} of {total} links with the most impact.")
    for line in report.skip_lines():
        log(line)
    emit(rows, fmt, output, columns=[*SUGGESTION_COLUMNS, "impact"], title=f"Links to add on {report.site.host}")
    by_priority: dict[str, int] = {}
    for row in rows:
        by_priority[row["priority"]] = by_priority.get(row["priority"], 0) + 1
    counts = ", ".join(f"{by_priority[p]} {p}" for p in ("high", "medium", "low") if p in by_priority)
    log(f"{len(rows)} links to add on {report.site.host}" + (f" ({counts})." if counts else "."))
