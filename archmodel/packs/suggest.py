"""Turn missing-link findings into links a content team can add (packs.md "Suggestions").

Every missing-link finding of the hub-spoke, pathways, provider-condition, trust, access,
related-conditions and content-links packs becomes one row per link to add: `source`, `target`,
`suggested_anchor`, `placement`, `reason`, `priority` (and `check`, the finding it answers).
Findings that name only a page (a clinical page with no reviewer link, a thin resource hub)
get their target from the site model through the graph. Anchors come from `anchors.py`, and
the variant a source gets is its rank among the sources linking to the same target, so one
anchor does not repeat everywhere and the same input always gives the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archmodel.packs.anchors import Target, candidate_anchors, fallback_anchor, usable_anchors
from archmodel.packs.registry import Registry, severity_rank
from archmodel.packs.runner import RunReport, Runner

COLUMNS = ["source", "target", "suggested_anchor", "placement", "reason", "priority", "check"]

SUGGESTING_CHECKS = (
    "hub-spoke/hub-missing-spoke",
    "hub-spoke/spoke-missing-hub",
    "pathways/broken-step",
    "pathways/overview-missing-stage",
    "pathways/dead-end-education",
    "provider-condition/provider-missing-condition",
    "provider-condition/condition-missing-provider",
    "trust/missing-reviewer-link",
    "trust/missing-review-policy",
    "trust/missing-policy-links",
    "access/no-location-link",
    "access/location-missing-specialty",
    "access/provider-missing-location",
    "related-conditions/unlinked-related",
    "content-links/blog-missing-service",
    "content-links/service-missing-guides",
    "content-links/resource-hub-thin",
)

PRIORITY = {"high": "high", "medium": "medium", "low": "low", "info": "low"}

STAGE_SECTIONS = {
    "symptoms": "body: 'Symptoms' section",
    "diagnosis": "body: 'How it is diagnosed' section",
    "tests": "body: 'Common tests' section",
    "treatment": "body: 'Treatment options' section",
    "follow_up": "body: 'After treatment' section",
    "appointment": "body: next-step block at the end",
}

PLACEMENTS = {
    "hub-spoke/spoke-missing-hub": "body: introduction ('part of our ... service')",
    "pathways/broken-step": "body: next-step block at the end",
    "pathways/dead-end-education": "body: next-step block at the end",
    "provider-condition/provider-missing-condition": "body: 'Conditions treated' list",
    "provider-condition/condition-missing-provider": "body: 'Who treats this condition' section",
    "trust/missing-reviewer-link": "body: 'Reviewed by' line under the title",
    "trust/missing-review-policy": "body: next to the 'Reviewed by' line",
    "trust/missing-policy-links": "body: disclaimer note below the content",
    "access/no-location-link": "body: 'Where to be seen' block",
    "access/location-missing-specialty": "body: 'Services at this location' list",
    "access/provider-missing-location": "body: 'Locations' section of the profile",
    "related-conditions/unlinked-related": "body: 'Related conditions' section",
    "content-links/blog-missing-service": "body: paragraph on evaluation or treatment",
    "content-links/service-missing-guides": "body: 'Before and after treatment' section",
    "content-links/resource-hub-thin": "hub: conditions list",
}

# Targets for findings that name only a page: read-only, parameterised, from the site model.
TARGET_QUERIES = {
    "pathways/dead-end-education": """
        UNWIND $urls AS url
        MATCH (p:Page {crawl: $crawl, url: url})
        CALL (p) {
          MATCH (p)-[:ABOUT]->(:Condition)-[:STAGE {stage: 'appointment'}]->(t:Page)
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 0 AS rank
          UNION
          MATCH (p)-[:ABOUT]->(:Condition)<-[:TREATS]-(:Provider)-[:PROFILE]->(t:Page)
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 1 AS rank
        }
        WITH url, t, rank ORDER BY rank, t.url
        RETURN url, collect(t.url)[0] AS target
    """,
    "trust/missing-reviewer-link": """
        UNWIND $urls AS url
        MATCH (p:Page {crawl: $crawl, url: url})
        CALL (p) {
          MATCH (p)-[:REVIEWED_BY]->(:Provider)-[:PROFILE]->(t:Page)
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 0 AS rank
          UNION
          MATCH (p)-[:ABOUT]->(:Condition)<-[:TREATS]-(:Provider)-[:PROFILE]->(t:Page)
          WHERE t.in_crawl AND t.status = 200 AND NOT EXISTS { MATCH (p)-[:REVIEWED_BY]->() }
          RETURN t, 1 AS rank
        }
        WITH url, t, rank ORDER BY rank, t.url
        RETURN url, collect(t.url)[0] AS target
    """,
    "trust/missing-review-policy": """
        MATCH (t:Page {crawl: $crawl})
        WHERE t.trust_role = 'review' AND t.in_crawl AND t.status = 200
        WITH t ORDER BY t.url LIMIT 1
        UNWIND $urls AS url
        RETURN url, t.url AS target
    """,
    "trust/missing-policy-links": """
        MATCH (t:Page {crawl: $crawl})
        WHERE t.trust_role = 'policy' AND t.in_crawl AND t.status = 200
        WITH t ORDER BY t.url
        UNWIND $urls AS url
        RETURN url, t.url AS target
    """,
    "access/no-location-link": """
        UNWIND $urls AS url
        MATCH (p:Page {crawl: $crawl, url: url})
        CALL (p) {
          MATCH (p)<-[:STAGE {stage: 'overview'}]-(:Condition)<-[:COVERS]-(:Specialty)<-[:OFFERS]-(l:Location)-[:LOCATION_PAGE]->(t:Page)
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 0 AS rank
          UNION
          MATCH (p)<-[:HUB]-(:Specialty)<-[:OFFERS]-(l:Location)-[:LOCATION_PAGE]->(t:Page)
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 0 AS rank
          UNION
          MATCH (t:Page {crawl: p.crawl, type: 'telehealth'})
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 1 AS rank
        }
        WITH url, t, min(rank) AS rank ORDER BY rank, t.url
        WITH url, collect(t.url)[0..3] AS targets
        UNWIND targets AS target
        RETURN url, target
    """,
    "content-links/blog-missing-service": """
        UNWIND $findings AS finding
        MATCH (x:Condition {crawl: $crawl, id: finding.condition})
        CALL (x) {
          MATCH (x)-[st:STAGE]->(t:Page)
          WHERE st.stage IN ['overview', 'treatment'] AND t.in_crawl AND t.status = 200
          RETURN t, CASE st.stage WHEN 'treatment' THEN 0 ELSE 1 END AS rank
          UNION
          MATCH (x)<-[:ABOUT]-(t:Page {type: 'treatment'})
          WHERE t.in_crawl AND t.status = 200
          RETURN t, 0 AS rank
        }
        WITH finding, t, rank ORDER BY rank, t.url
        RETURN finding.url AS url, collect(t.url)[0] AS target
    """,
    "content-links/service-missing-guides": """
        UNWIND $urls AS url
        MATCH (p:Page {crawl: $crawl, url: url})-[:ABOUT]->(x:Condition)-[st:STAGE]->(t:Page)
        WHERE t.type IN ['symptom', 'diagnosis', 'test', 'follow_up'] AND t.in_crawl AND t.status = 200
        WITH url, t, min(st.order) AS rank ORDER BY rank, t.url
        WITH url, collect(t.url)[0..2] AS targets
        UNWIND targets AS target
        RETURN url, target
    """,
    "content-links/resource-hub-thin": """
        UNWIND $urls AS url
        MATCH (h:Page {crawl: $crawl, url: url})
        MATCH (:Condition {crawl: $crawl})-[:STAGE {stage: 'overview'}]->(t:Page)
        WHERE t.in_crawl AND t.status = 200
          AND NOT EXISTS { MATCH (h)-[l:LINKS_TO]->(t) WHERE l.follow AND l.body }
        WITH DISTINCT url, t ORDER BY t.url
        RETURN url, t.url AS target
    """,
}

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


def suggest(runner: Runner, registry: Registry) -> tuple[list[dict[str, Any]], RunReport]:
    """Suggestion rows for the runner's site, and the run of the checks they come from."""
    checks = [registry.checks[name] for name in SUGGESTING_CHECKS if name in registry.checks]
    report = runner.run(checks)
    return suggestions_from(runner, report), report


def suggestions_from(runner: Runner, report: RunReport) -> list[dict[str, Any]]:
    """Suggestion rows from a run that already happened (e.g. of every pack, as `demo` does);
    only the missing-link checks of SUGGESTING_CHECKS contribute."""
    wanted = [outcome for outcome in report.outcomes if outcome.check.name in SUGGESTING_CHECKS]
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
        findings = outcome.findings
        if not findings:
            continue
        if name in TARGET_QUERIES:
            targets = _targets_for(runner, name, findings)
            for finding in findings:
                source = finding["url"]
                for target in targets.get(source, []):
                    add(source, target, name, finding, _placement(name, finding))
        else:
            for finding in findings:
                add(finding.get("source"), finding.get("target"), name, finding, _placement(name, finding))
    return list(by_link.values())


def _placement(name: str, finding: dict[str, Any]) -> str:
    if name == "hub-spoke/hub-missing-spoke":
        return "hub: specialists list" if finding.get("provider") else "hub: conditions list"
    if name == "pathways/overview-missing-stage":
        return STAGE_SECTIONS.get(finding.get("stage") or "", "body: section on that stage")
    return PLACEMENTS.get(name, "body")


def _targets_for(runner: Runner, name: str, findings: list[dict[str, Any]]) -> dict[str, list[str]]:
    params = {
        "crawl": runner.site.crawl_id,
        "urls": sorted({f["url"] for f in findings}),
        "findings": [{"url": f["url"], "condition": f.get("condition")} for f in findings],
    }
    targets: dict[str, list[str]] = defaultdict(list)
    for row in runner.graph.read(TARGET_QUERIES[name], params):
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
