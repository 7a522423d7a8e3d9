"""The audit service: run checks on one crawl, and everything a run implies, decided in one place.

Every command that audits (`run`, `suggest`, `report`, `map`, `demo`, `diff`, `run --since`, the
report's "Since the last crawl" section and the inference measurements) calls `audit`, so they all
agree on what an audit is:

- the checks run through the packs runner, which reuses the results stored with the crawl when
  the check, its parameters and the release are unchanged (archmodel/packs/stored.py);
- the counts by severity are recorded on the crawl (for the report's trend chart) only when the
  whole catalogue ran with its default parameters, so the trend compares like with like;
- findings get their `priority` and `impact` (docs/impact.md), and suggested links, when asked
  for, come from the same run and are scored with the same page facts;
- an earlier crawl is audited with exactly the checks and `-p` values of the audit it is compared
  with (`audit_like`), so a finding that was not looked for never reads as fixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.db.crawls import select_crawl
from archmodel.history.findings import ComparedFindings, compare_findings, finding_identity, record_counts
from archmodel.packs.identity import check_name
from archmodel.packs.impact import ImpactModel, score_findings, score_suggestions
from archmodel.packs.registry import Check, Registry
from archmodel.packs.runner import FINDING_KEYS, Runner, RunReport
from archmodel.packs.suggest import suggestions_from


@dataclass
class Audit:
    """One audit of one crawl: the run, its scored findings and (if asked) scored suggestions."""

    runner: Runner
    report: RunReport
    checks: list[Check]
    suggestions: list[dict[str, Any]] | None = None
    model: ImpactModel | None = None
    recorded: bool = False

    @property
    def site(self) -> SiteRef:
        return self.runner.site

    @property
    def findings(self) -> list[dict[str, Any]]:
        return self.report.findings

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """(check name, reason) for every check that could not run on this crawl."""
        return [(outcome.check.name, outcome.skipped or "") for outcome in self.report.skipped]


def audit(
    runner: Runner,
    registry: Registry,
    checks: Iterable[Check] | None = None,
    *,
    suggestions: bool = False,
    score: bool = True,
    workers: int = 1,
) -> Audit:
    """Run `checks` (default: the whole catalogue of `registry`) on the runner's crawl.

    Counts are recorded when the whole catalogue ran with default parameters; findings are
    scored unless `score` is false; `suggestions` adds the links to add from the same run."""
    chosen = list(registry.select()) if checks is None else list(checks)
    report = runner.run(chosen, workers=workers)
    whole = {check.name for check in chosen} == set(registry.checks) and not runner.overrides
    if whole:
        record_counts(runner.graph, runner.site.crawl_id, report)
    model = score_findings(runner.graph, runner.site, report.findings) if score else None
    rows = suggestions_from(runner, report) if suggestions else None
    if rows is not None and score:
        score_suggestions(runner.graph, runner.site, rows, model)
    return Audit(runner, report, chosen, rows, model, recorded=whole)


def audit_like(earlier: SiteRef, checks: Sequence[Check], graph: Graph, overrides: Mapping[str, str] | None = None,
               registry: Registry | None = None) -> Audit:
    """Audit another crawl (`earlier`) with the same checks and `-p` values as the audit it is
    compared with. Unscored: only identities are compared. With `registry`, the counts are
    recorded as `audit` does when the checks are its whole catalogue."""
    runner = Runner(graph, earlier, overrides)
    if registry is not None:
        return audit(runner, registry, checks, score=False)
    return Audit(runner, runner.run(checks), list(checks))


def compare(earlier: Audit, findings: Iterable[dict[str, Any]], current_skipped: Iterable[str] = ()) -> ComparedFindings:
    """New, fixed and still-open findings between an earlier audit and `findings`; a check skipped
    on either crawl is left out of the comparison."""
    skipped = {name for name, _ in earlier.skipped} | set(current_skipped)
    return compare_findings(earlier.findings, findings, skipped)


def checks_behind(findings: Iterable[dict[str, Any]], registry: Registry) -> list[Check]:
    """The checks that produced findings read from a file: those the findings name (a check with
    no finding in the file cannot be told from one that did not run, so it is left out)."""
    named = {check_name(finding) for finding in findings}
    return [check for check in registry if check.name in named]


def mark_since(runner: Runner, report: RunReport, since: str) -> str:
    """`archmodel run --since OLD`: set `since` = "new", "still open" or "not comparable" on every
    finding of `report`, the earlier crawl audited with the same checks and `-p` values; returns
    a summary line."""
    old = select_crawl(runner.graph, runner.site, since)
    earlier = audit_like(old, [outcome.check for outcome in report.outcomes], runner.graph, runner.overrides)
    skipped = {name for name, _ in earlier.skipped}
    known = {finding_identity(f) for f in earlier.findings}
    new = 0
    for outcome in report.outcomes:
        for i, finding in enumerate(outcome.findings):
            if outcome.check.name in skipped:
                mark = "not comparable"
            elif finding_identity(finding) in known:
                mark = "still open"
            else:
                mark, new = "new", new + 1
            shared = {key: finding[key] for key in FINDING_KEYS}
            outcome.findings[i] = {**shared, "since": mark, **finding}
    total = len(report.findings)
    return f"Since crawl {old.crawl_id} ({old.loaded_at}): {new} of {total} findings are new."
