"""`archmodel packs list|show`, `run`, `query` and `suggest`: the query packs on the command line.

Findings and rows go to standard output (or `-o FILE`) through `archmodel.cli.output`; which
site was used, skipped checks and the summary go to standard error, so `--format json` output
stays one clean array of findings a CI job can parse.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperCommand

from archmodel.cli import state
from archmodel.cli.root import app
from archmodel.cli.crawl_option import CrawlOption
from archmodel.cli.output import Format, FormatOption, OutputOption, emit, log, render, resolve_format
from archmodel.packs.registry import PACK_PATH_ENV, Check, Registry, load_registry
from archmodel.packs.runner import FINDING_KEYS, CheckOutcome, RunReport, Runner

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


@packs_app.command("list")
def packs_list(fmt: FormatOption = None, output: OutputOption = None, pack_dir: list[Path] = PackDirOption) -> None:
    """List every check: pack, check, title, severity and description.

    Example: archmodel packs list --format json
    """
    rows = [
        {
            "pack": check.pack,
            "check": check.id,
            "title": check.title,
            "severity": check.severity,
            "description": check.header.description,
        }
        for check in _registry(pack_dir)
    ]
    emit(rows, fmt, output, columns=["pack", "check", "title", "severity", "description"])


@packs_app.command("show")
def packs_show(
    name: str = typer.Argument(..., metavar="PACK[/CHECK]", help="A pack, or one check of it."),
    pack_dir: list[Path] = PackDirOption,
) -> None:
    """Show a pack's or a check's description, parameters, columns and Cypher.

    Example: archmodel packs show pathways/broken-step
    """
    checks = _registry(pack_dir).lookup(name)
    sys.stdout.write("\n\n".join(_describe_check(check) for check in checks) + "\n")


def _describe_check(check: Check) -> str:
    header = check.header
    lines = [
        f"{check.name} ({header.severity}): {header.title}",
        "",
        header.description.strip(),
        "",
        f"File: {check.path}",
    ]
    if header.requires:
        lines.append("Requires: " + ", ".join(header.requires))
    lines.append("Parameters:")
    for pname, spec in header.parameters.items():
        default = "" if spec.default is None else f", default {spec.default!r}"
        lines.append(f"  {pname} ({spec.type}{default}): {spec.description}")
    lines.append("Columns: " + ", ".join(header.columns))
    lines += ["", check.cypher.rstrip()]
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
        SortOrder.check, "--sort", help="check: by pack and check (default); impact: what to fix first (docs/impact.md)."
    ),
    fresh: bool = typer.Option(
        False, "--fresh",
        help="Run every check again instead of reading the results stored for this crawl, and store the new ones.",
    ),
) -> None:
    """Run query packs against the current crawl (or --crawl) and print their findings.

    Example: archmodel run pathways anchors/generic-anchor --fail-on high --format json
    """
    from archmodel.packs.impact import score_findings

    registry = _registry(pack_dir)
    checks = registry.select(names or [])
    runner = Runner.for_site(
        state.current().graph(), site, _overrides(params), say=log, crawl=crawl, reuse=not fresh
    )
    report = runner.run(checks)
    if not names and not params:
        from archmodel.history.findings import record_counts

        record_counts(runner.graph, runner.site.crawl_id, report)
    score_findings(runner.graph, runner.site, report.findings)
    if since is not None:
        from archmodel.history.since import mark_since

        log(mark_since(runner, report, since))
    if sort is SortOrder.impact:
        _emit_by_impact(report, fmt, output)
    else:
        _emit_findings(report, fmt, output)
    for line in report.skip_lines():
        log(line)
    log(report.summary())
    if fail_on is not None and report.count_at_or_above(fail_on.value):
        log(f"Failing: {report.count_at_or_above(fail_on.value)} findings at or above '{fail_on.value}'.")
        raise typer.Exit(code=1)


SCORE_KEYS = ["priority", "impact"]


def _finding_columns(report: RunReport) -> list[str]:
    """pack, check, severity, title, `since` (run --since), every check's columns, then priority and impact."""
    findings = report.findings
    columns = list(FINDING_KEYS) + (["since"] if findings and "since" in findings[0] else [])
    for outcome in report.outcomes:
        columns += [c for c in outcome.check.columns if c not in columns]
    return columns + SCORE_KEYS


def _emit_by_impact(report: RunReport, fmt: Format | None, output: Path | None) -> None:
    from archmodel.packs.impact import by_impact

    chosen = resolve_format(fmt, output)
    findings = by_impact(report.findings)
    if chosen in (Format.json, Format.ndjson, Format.csv):
        emit(findings, chosen, output, columns=_finding_columns(report))
        return
    columns = ["impact", "priority", "pack", "check", "url", "source", "target", "detail"]
    present = [c for c in columns if any(f.get(c) not in (None, "") for f in findings)]
    title = f"Findings on {report.site.host}, most impact first"
    emit(findings, chosen, output, columns=present, title=title)


def _emit_findings(report: RunReport, fmt: Format | None, output: Path | None) -> None:
    chosen = resolve_format(fmt, output)
    findings = report.findings
    if chosen in (Format.json, Format.ndjson, Format.csv):
        emit(findings, chosen, output, columns=_finding_columns(report))
        return
    sections = [_section(outcome, chosen) for outcome in report.outcomes if outcome.findings]
    text = "\n".join(sections) if sections else ("No findings.\n" if chosen is Format.table else "")
    _write(text, output, len(findings))


def _section(outcome: CheckOutcome, fmt: Format) -> str:
    check = outcome.check
    count = len(outcome.findings)
    title = f"{check.name} ({check.severity}): {check.title} - {count} finding{'s' if count != 1 else ''}"
    columns = (["since"] if "since" in outcome.findings[0] else []) + check.columns + SCORE_KEYS
    return render(outcome.findings, columns, fmt, title=title)


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
) -> None:
    """Run an ad hoc read-only Cypher query; $site and $crawl are filled in when the query uses them.

    Example: archmodel query 'MATCH (:Site {host: $site})-[:CURRENT]->(c) MATCH (p:Page {crawl: c.id}) RETURN p.type AS type, count(*) AS n'
    """
    from archmodel.packs.adhoc import run_read_only

    text = sys.stdin.read() if cypher == "-" else cypher
    graph = state.current().graph()
    keys, rows = run_read_only(graph, text, _overrides(params), site, say=log, crawl=crawl)
    emit(rows, fmt, output, columns=keys)


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
    from archmodel.packs.impact import by_impact, score_suggestions
    from archmodel.packs.suggest import COLUMNS
    from archmodel.packs.suggest import suggest as make_suggestions

    registry = load_registry()
    runner = Runner.for_site(state.current().graph(), site, say=log, crawl=crawl)
    rows, report = make_suggestions(runner, registry)
    score_suggestions(runner.graph, runner.site, rows)
    if top is not None:
        total = len(rows)
        rows = by_impact(rows)[:top]
        log(f"The {len(rows)} of {total} links with the most impact.")
    for line in report.skip_lines():
        log(line)
    emit(rows, fmt, output, columns=[*COLUMNS, "impact"], title=f"Links to add on {report.site.host}")
    by_priority: dict[str, int] = {}
    for row in rows:
        by_priority[row["priority"]] = by_priority.get(row["priority"], 0) + 1
    counts = ", ".join(f"{by_priority[p]} {p}" for p in ("high", "medium", "low") if p in by_priority)
    log(f"{len(rows)} links to add on {report.site.host}" + (f" ({counts})." if counts else "."))
