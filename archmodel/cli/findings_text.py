"""Findings for a person at a terminal: counts per check, then the few fixes that matter most.

`archmodel run` prints this when its output is a table (a terminal): a 100-finding run used to
print more than a thousand wrapped table lines at 80 columns. Every line fits the terminal's
width; pages show as site paths; machine formats (json, ndjson, csv) keep every finding and column.
"""

from __future__ import annotations

import io
import textwrap
from collections import defaultdict
from typing import Any

from rich.console import Console
from rich.table import Table

from archmodel.cli.output import site_path
from archmodel.packs.registry import severity_rank


def _where(finding: dict[str, Any]) -> str:
    if finding.get("source") and finding.get("target"):
        return f"{site_path(finding['source'])} -> {site_path(finding['target'])}"
    if finding.get("url"):
        return site_path(finding["url"])
    named = [f"{key} {finding[key]}" for key in ("condition", "provider", "specialty", "location") if finding.get(key)]
    return ", ".join(named)


def check_counts(findings: list[dict[str, Any]], width: int) -> str:
    """One row per check: severity, findings, total impact; most total impact first."""
    totals: dict[str, dict[str, Any]] = defaultdict(lambda: {"findings": 0, "impact": 0.0})
    for finding in findings:
        row = totals[f"{finding['pack']}/{finding['check']}"]
        row["severity"] = finding["severity"]
        row["findings"] += 1
        row["impact"] += float(finding.get("impact") or 0)
    ordered = sorted(totals.items(), key=lambda kv: (-kv[1]["impact"], -severity_rank(kv[1]["severity"]), kv[0]))
    table = Table(show_lines=False, box=None, pad_edge=False)
    table.add_column("check", overflow="fold")
    table.add_column("severity")
    table.add_column("findings", justify="right")
    table.add_column("impact", justify="right")
    for name, row in ordered:
        table.add_row(name, row["severity"], f"{row['findings']:,}", f"{row['impact']:,.0f}")
    console = Console(file=io.StringIO(), width=width, highlight=False)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def top_findings(findings: list[dict[str, Any]], count: int, width: int) -> str:
    """The first `count` findings (already in the order to show), three or four lines each."""
    lines: list[str] = []
    digits = len(str(min(count, len(findings))))
    indent = " " * (digits + 2)
    for number, finding in enumerate(findings[:count], 1):
        head = (f"{str(number).rjust(digits)}. [{finding['severity']}] {finding.get('title') or finding['check']}"
                f" (impact {float(finding.get('impact') or 0):g})")
        lines += textwrap.wrap(head, width, subsequent_indent=indent)
        where = _where(finding)
        if where:
            lines += textwrap.wrap(where, width, initial_indent=indent, subsequent_indent=indent,
                                   break_long_words=True, break_on_hyphens=False)
        if finding.get("since"):
            lines.append(f"{indent}since the earlier crawl: {finding['since']}")
        lines += textwrap.wrap(str(finding.get("detail") or ""), width, initial_indent=indent,
                               subsequent_indent=indent, break_on_hyphens=False)
    return "\n".join(lines) + "\n" if lines else ""


def run_summary(findings: list[dict[str, Any]], host: str, top: int, width: int, shown_from: int) -> str:
    """The terminal view of a run: what was found per check, then the `top` findings by impact.
    `shown_from`: how many findings the run had before any --min-severity filter."""
    if not findings:
        return "No findings." + ("" if shown_from == 0 else f" ({shown_from:,} below --min-severity.)") + "\n"
    parts = [
        textwrap.fill(f"{len(findings):,} findings on {host}, by check, most impact first:", width), "",
        check_counts(findings, width).rstrip("\n"), "",
        textwrap.fill(f"The {min(top, len(findings))} with the most impact:", width), "",
        top_findings(findings, top, width).rstrip("\n"), "",
    ]
    if len(findings) > top:
        parts.append(textwrap.fill(
            f"{len(findings) - top:,} more: --top N lists more; --format csv -o findings.csv writes every "
            "finding with all its columns.", width))
    return "\n".join(parts) + "\n"
