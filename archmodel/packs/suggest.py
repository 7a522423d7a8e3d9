"""Turn missing-link findings into links a content team can add (docs/packs.md "Suggestions").

Every finding of a check whose header has `suggests:` (the missing-link checks of the
hub-spoke, pathways, provider-condition, trust, access, related-conditions and content-links
packs) becomes one row per link to add: `source`, `target`, `suggested_anchor`, `placement`,
`reason`, `priority` (and `check`, the finding it answers). Findings that name only a page (a
clinical page with no reviewer link, a thin resource hub) get their targets from the header's
`suggests.targets` query, which reads the site model through the graph. Anchors come from `anchors.py`, and
the variant a source gets is its rank among the sources linking to the same target, so one
anchor does not repeat everywhere and the same input always gives the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archmodel.packs.anchors import Target, candidate_anchors, fallback_anchor, usable_anchors
from archmodel.packs.registry import Check, Registry, severity_rank
from archmodel.packs.runner import RunReport, Runner

COLUMNS = ["source", "target", "suggested_anchor", "placement", "reason", "priority", "check"]

PRIORITY = {"high": "high", "medium": "medium", "low": "low", "info": "low"}

DESCRIBE_PAGES = """
    UNWIND $urls AS url
    MATCH (p:Page {crawl: $crawl, url: url})
    RETURN p.url AS url, p.type AS type, p.title AS title, p.h1 AS h1, p.trust_role AS trust_role,
      COLLECT { MATCH (x:Condition)-[st:STAGE]->(p)
                RETURN {stage: st.stage, id: x.id, name: x.name, synonyms: x.synonyms} } AS stages,
      COLLECT { MATCH (p)-[:ABOUT]->(x:Condition)
                RETURN DISTINCT {id: x.id, name: x.name, synonyms: x.synonyms} } AS conditions,
      COLLECT { MATCH (pr:Provider)-[:PROFILE]->(p)
                RETURN {id: pr.id, name: pr.name, title: pr.title,
                        specialties: COLLECT { MATCH (pr)-[:PRACTISES]->(s:Specialty) RETURN s.name ORDER BY s.name }} } AS providers,
      COLLECT { MATCH (s:Specialty)-[:HUB]->(p) RETURN {id: s.id, name: s.name} } AS specialties,
      COLLECT { MATCH (l:Location)-[:LOCATION_PAGE]->(p) RETURN {id: l.id, name: l.name, telehealth: l.telehealth} } AS locations
"""


@dataclass
class Pending:
    """A link to suggest before its anchor is chosen."""

    source: str
    target: str
    placement: str
    reason: str
    severity: str
    checks: list[str]


def suggesting_checks(registry: Registry) -> list[Check]:
    """The checks whose findings become links to add: those whose header has `suggests:`."""
    return [check for check in registry if check.header.suggests is not None]


def suggest(runner: Runner, registry: Registry) -> tuple[list[dict[str, Any]], RunReport]:
    """Suggestion rows for the runner's site, and the run of the checks they come from."""
    report = runner.run(suggesting_checks(registry))
    return suggestions_from(runner, report), report


def suggestions_from(runner: Runner, report: RunReport) -> list[dict[str, Any]]:
    """Suggestion rows from a run that already happened (e.g. of every pack, as `demo` does);
    only checks with `suggests:` in their header contribute."""
    wanted = [outcome for outcome in report.outcomes if outcome.check.header.suggests is not None]
    return _with_anchors(runner, _pending_links(runner, RunReport(report.site, wanted)))


def _pending_links(runner: Runner, report: RunReport) -> list[Pending]:
    by_link: dict[tuple[str, str], Pending] = {}

    def add(source: str | None, target: str | None, name: str, finding: dict[str, Any], placement: str) -> None:
        if not source or not target or source == target:
            return
        key = (source, target)
        existing = by_link.get(key)
        if existing is None:
            by_link[key] = Pending(source, target, placement, finding["detail"], finding["severity"], [name])
            return
        if name not in existing.checks:
            existing.checks.append(name)
        if severity_rank(finding["severity"]) > severity_rank(existing.severity):
            existing.severity, existing.reason, existing.placement = finding["severity"], finding["detail"], placement

    for outcome in report.outcomes:
        name = outcome.check.name
        suggests = outcome.check.header.suggests
        findings = outcome.findings
        if not findings or suggests is None:
            continue
        if suggests.targets is not None:
            targets = _targets_for(runner, suggests.targets, findings)
            for finding in findings:
                source = finding["url"]
                for target in targets.get(source, []):
                    add(source, target, name, finding, suggests.placement_for(finding))
        else:
            for finding in findings:
                add(finding.get("source"), finding.get("target"), name, finding, suggests.placement_for(finding))
    return list(by_link.values())


def _targets_for(runner: Runner, query: str, findings: list[dict[str, Any]]) -> dict[str, list[str]]:
    params = {
        "crawl": runner.site.crawl_id,
        "urls": sorted({f["url"] for f in findings}),
        "findings": [{"url": f["url"], "condition": f.get("condition")} for f in findings],
    }
    targets: dict[str, list[str]] = defaultdict(list)
    for row in runner.graph.read(query, params):
        if row["target"] and row["target"] not in targets[row["url"]]:
            targets[row["url"]].append(row["target"])
    return targets


def _describe(runner: Runner, urls: Iterable[str]) -> dict[str, Target]:
    rows = runner.graph.read(DESCRIBE_PAGES, {"crawl": runner.site.crawl_id, "urls": sorted(set(urls))})
    return {row["url"]: Target.from_row(row) for row in rows}


def _with_anchors(runner: Runner, pending: list[Pending]) -> list[dict[str, Any]]:
    pages = _describe(runner, [p.source for p in pending] + [p.target for p in pending])
    generic = runner.site.crawl.get("generic_anchors") or []
    by_target: dict[str, list[Pending]] = defaultdict(list)
    for link in pending:
        by_target[link.target].append(link)
    rows = []
    for target_url, links in by_target.items():
        target = pages.get(target_url, Target(url=target_url))
        for rank, link in enumerate(sorted(links, key=lambda p: p.source)):
            source = pages.get(link.source, Target(url=link.source))
            source_conditions = [c["id"] for c in source.conditions] + [s["id"] for s in source.stages]
            anchors = usable_anchors(candidate_anchors(target, source_conditions), generic)
            anchor = anchors[rank % len(anchors)] if anchors else fallback_anchor(target, generic)
            if anchor is None:
                continue
            rows.append(
                {
                    "source": link.source,
                    "target": link.target,
                    "suggested_anchor": anchor,
                    "placement": link.placement,
                    "reason": link.reason,
                    "priority": PRIORITY[link.severity],
                    "check": ", ".join(link.checks),
                }
            )
    rows.sort(key=lambda r: (-severity_rank(r["priority"]), r["source"], r["target"]))
    return rows
