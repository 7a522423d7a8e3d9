"""Findings of a kept crawl, and which are new, resolved or still open between two crawls.

Every check is scoped by `$crawl`, so a kept crawl is audited by running the same checks against
it (archmodel/audit.py decides when and with which checks). Each check's result is stored with the crawl the first time it
runs there (archmodel/packs/stored.py), so comparing two crawls that were each audited once (by
`run`, `report` or an earlier `diff`) reads their findings instead of running 40 checks twice;
an edited check or another threshold runs again. The counts by severity are also kept on the
Crawl node whenever the whole catalogue runs (`run` without names or `-p`, `report`, `diff`),
for the report's trend chart. A check skipped on either crawl is left out of the comparison and
named, so a check that could not run never reads as fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import exceptions as neo4j_errors

from archmodel.db.connection import Graph
from archmodel.history.rows import row
from archmodel.packs.identity import identity, identity_keys
from archmodel.packs.registry import SEVERITIES, severity_rank
from archmodel.packs.runner import RunReport

SUBJECT_KEYS = ("url", "source", "target")


@dataclass
class ComparedFindings:
    rows: list[dict[str, Any]] = field(default_factory=list)
    still_open: list[dict[str, Any]] = field(default_factory=list)
    new: list[dict[str, Any]] = field(default_factory=list)
    resolved: list[dict[str, Any]] = field(default_factory=list)


def finding_identity(finding: dict[str, Any]) -> tuple:
    return identity(finding)


def finding_row(change: str, finding: dict[str, Any]) -> dict[str, Any]:
    name = f"{finding.get('pack')}/{finding.get('check')}"
    keys = [k for k in identity_keys(finding) if k not in SUBJECT_KEYS]
    return row(
        "finding",
        change,
        url=finding.get("url"),
        source=finding.get("source"),
        target=finding.get("target"),
        check=name,
        severity=finding.get("severity"),
        keys={k: finding.get(k) for k in keys} or None,
        detail=finding.get("detail"),
    )


def _order(finding: dict[str, Any]) -> tuple:
    return (-severity_rank(finding.get("severity", "info")), f"{finding.get('pack')}/{finding.get('check')}",
            [str(v) for v in finding_identity(finding)])


def compare_findings(
    old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]], skipped: set[str] = frozenset()
) -> ComparedFindings:
    """New (in `new` only), resolved (in `old` only) and still open, by identity."""
    def keep(f: dict[str, Any]) -> bool:
        return f"{f.get('pack')}/{f.get('check')}" not in skipped

    old_by_id = {finding_identity(f): f for f in old if keep(f)}
    new_by_id = {finding_identity(f): f for f in new if keep(f)}
    result = ComparedFindings()
    result.new = sorted((f for k, f in new_by_id.items() if k not in old_by_id), key=_order)
    result.resolved = sorted((f for k, f in old_by_id.items() if k not in new_by_id), key=_order)
    result.still_open = sorted((f for k, f in new_by_id.items() if k in old_by_id), key=_order)
    result.rows = [finding_row("new", f) for f in result.new] + [finding_row("resolved", f) for f in result.resolved]
    return result


def record_counts(graph: Graph, crawl_id: str, report: RunReport) -> None:
    """Keep a crawl's finding counts by severity on its Crawl node, for the report's trend chart,
    when the whole catalogue ran on it. Best effort: a read-only user simply gets no trend."""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in report.findings:
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    try:
        graph.write(
            "MATCH (c:Crawl {id: $crawl}) SET c.findings_high = $high, c.findings_medium = $medium, "
            "c.findings_low = $low, c.findings_info = $info, c.findings_checks = $checks",
            {"crawl": crawl_id, **counts, "checks": len(report.outcomes) - len(report.skipped)},
        )
    except neo4j_errors.Neo4jError:
        return


def finding_trend(crawls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first: each kept crawl with its recorded counts by severity (crawls never audited
    with the whole catalogue are left out)."""
    rows = []
    for crawl in reversed(crawls):
        if crawl.get("findings_checks") is None:
            continue
        rows.append({"id": crawl["id"], "loaded_at": crawl.get("loaded_at", ""),
                     **{s: int(crawl.get(f"findings_{s}") or 0) for s in SEVERITIES}})
    return rows
