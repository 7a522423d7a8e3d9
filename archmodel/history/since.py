"""`archmodel run --since OLD`: mark each finding of a run new or still open against a kept crawl."""

from __future__ import annotations

from archmodel.db.crawls import select_crawl
from archmodel.history.findings import crawl_findings, finding_identity
from archmodel.packs.runner import FINDING_KEYS, Runner, RunReport


def mark_since(runner: Runner, report: RunReport, since: str) -> str:
    """Set `since` = "new" or "still open" on every finding of `report`; returns a summary line.

    The earlier crawl is audited with the same checks (and `-p` values) as the run."""
    old = select_crawl(runner.graph, runner.site, since)
    checks = [outcome.check for outcome in report.outcomes]
    earlier = Runner(runner.graph, old, runner.overrides)
    old_findings, skipped = crawl_findings(earlier, checks)
    known = {finding_identity(f) for f in old_findings}
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

