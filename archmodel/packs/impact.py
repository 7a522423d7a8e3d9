"""Impact: which findings and suggested links to fix first (docs/impact.md).

    impact = value of the page(s) involved x severity weight / fix cost

- **value** of a page = page-type weight x care-pathway factor x (1 + link score / 100) x demand.
  The page-type weight comes from `site.yml` `page_type_weights` (stored with the crawl), else
  `DEFAULT_TYPE_WEIGHTS`. The pathway factor is 1 off the care pathways and rises from 1.1 to 1.5
  along a condition's stages toward the appointment (a broken step near booking loses patients
  who were about to act). The link score is the page's internal PageRank on a 0-100 log scale
  (archmodel.ingest.metrics.link_score). Demand is 1 without traffic data, else
  1 + log10(1 + visits + impressions / 100 + 10 x key events), visits being the larger of
  Search Console clicks and GA4 sessions; a page with no traffic row then has demand 1.
- A finding about a link (`source`, `target`) is worth the mean of its two pages; one about a
  page (`url`) that page; one about an entity only (a condition without a hub, a provider
  without a page) the type weight of the page it lacks.
- **severity weight**: high 8, medium 4, low 2, info 1.
- **fix cost**: what the edit takes, from the check's header (`fix_cost`): one link or anchor 1, a
  few links 2, work on a page 4, a site-wide template or navigation change 8.

Every input is in the graph, so the same crawl and traffic give the same scores. `priority`
keeps the meaning it has for suggestions (the severity: high, medium, low; info counts as low);
`impact` is the number to sort by.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.ingest.metrics import link_score
from archmodel.packs.identity import definition
from archmodel.packs.registry import DEFAULT_FIX_COST, Registry

DEFAULT_TYPE_WEIGHTS: dict[str, float] = {
    "home": 3.0, "specialty_hub": 3.0, "condition": 3.0, "treatment": 3.0, "appointment": 3.0,
    "diagnosis": 2.0, "symptom": 2.0, "test": 2.0, "service": 2.0, "provider": 2.0, "location": 2.0,
    "telehealth": 2.0, "follow_up": 1.5, "resource_hub": 1.5, "blog": 1.0, "policy": 0.5, "other": 0.5,
}
SEVERITY_WEIGHT = {"high": 8, "medium": 4, "low": 2, "info": 1}
PRIORITY = {"high": "high", "medium": "medium", "low": "low", "info": "low"}

COST_CLASSES = {"link": 1, "links": 2, "page": 4, "site": 8}
COST_LABELS = {"link": "one link or anchor", "links": "a few links", "page": "work on one page", "site": "site-wide change"}
ENTITY_PAGE_TYPES = {"condition": "condition", "specialty": "specialty_hub", "provider": "provider", "location": "location"}

PAGE_FACTS = """
    UNWIND $urls AS url
    MATCH (p:Page {crawl: $crawl, url: url})
    RETURN p.url AS url, p.type AS type, p.title AS title, p.h1 AS h1, p.pagerank AS pagerank,
      p.gsc_clicks AS clicks, p.gsc_impressions AS impressions, p.ga_sessions AS sessions,
      p.ga_key_events AS key_events,
      COLLECT { MATCH (x:Condition)-[st:STAGE]->(p)
                RETURN {order: st.order, size: size(x.pathway), stage: st.stage, condition: x.name} } AS stages
"""
TOP_PAGERANK = "MATCH (p:Page {crawl: $crawl}) WHERE p.in_crawl RETURN max(p.pagerank) AS top"


@dataclass
class PageFacts:
    url: str
    type: str = "other"
    title: str = ""
    pagerank: float = 0.0
    clicks: float | None = None
    impressions: float | None = None
    sessions: float | None = None
    key_events: float | None = None
    pathway_position: float | None = None  # 0..1 along the care pathway, None off it
    stage: str | None = None  # e.g. "diagnosis of Diabetes" for the report's plain words
    link_score: int = 0

    @property
    def visits(self) -> float:
        return max(self.clicks or 0.0, self.sessions or 0.0)

    @property
    def has_traffic(self) -> bool:
        return any(v is not None for v in (self.clicks, self.impressions, self.sessions, self.key_events))


def type_weights(crawl: Mapping[str, Any]) -> dict[str, float]:
    """Default weights overridden by the site model's `page_type_weights` stored with the crawl."""
    weights = dict(DEFAULT_TYPE_WEIGHTS)
    stored = crawl.get("page_type_weights")
    if stored:
        weights.update({str(k): float(v) for k, v in json.loads(stored).items()})
    return weights


def signals(crawl: Mapping[str, Any]) -> list[str]:
    """The inputs the score used for this crawl, in words, for the report and the logs."""
    used = ["page-type weights" + (" from site.yml" if crawl.get("page_type_weights") else " (defaults)")]
    if crawl.get("has_site_model"):
        used.append("care-pathway position")
    used.append("internal link score")
    sources = set(crawl.get("traffic_sources") or [])
    if "gsc" in sources:
        used.append("Search Console clicks and impressions")
    if "ga" in sources:
        used.append("GA4 sessions and key events")
    return used


def has_traffic(crawl: Mapping[str, Any]) -> bool:
    return bool(crawl.get("traffic_sources"))


class ImpactModel:
    """Page facts for the pages a set of rows names, and the score of each row."""

    def __init__(self, crawl: Mapping[str, Any], pages: dict[str, PageFacts]) -> None:
        self.crawl = crawl
        self.pages = pages
        self.weights = type_weights(crawl)
        self.traffic = has_traffic(crawl)

    @classmethod
    def load(cls, graph: Graph, site: SiteRef, rows: Iterable[Mapping[str, Any]]) -> ImpactModel:
        urls = sorted({str(row[key]) for row in rows for key in ("url", "source", "target") if row.get(key)})
        top = graph.read(TOP_PAGERANK, {"crawl": site.crawl_id})[0]["top"] or 0.0
        pages = {}
        for record in graph.read(PAGE_FACTS, {"crawl": site.crawl_id, "urls": urls}):
            stages = record["stages"] or []
            position, stage = None, None
            if stages:
                last = max(stages, key=lambda s: ((s["order"] + 1) / max(s["size"] or 1, 1), s["condition"] or ""))
                position = (last["order"] + 1) / max(last["size"] or 1, 1)
                words = str(last["stage"]).replace("_", "-")
                stage = f"the {words} step ({last['order'] + 1} of {last['size']}) of the {last['condition']} care pathway"
            pages[record["url"]] = PageFacts(
                url=record["url"], type=record["type"] or "other", title=record["title"] or record["h1"] or "",
                pagerank=record["pagerank"] or 0.0, clicks=record["clicks"], impressions=record["impressions"],
                sessions=record["sessions"], key_events=record["key_events"], pathway_position=position, stage=stage,
                link_score=link_score(record["pagerank"], top),
            )
        return cls(site.crawl, pages)

    def page_value(self, url: str | None) -> float:
        facts = self.pages.get(url or "")
        if facts is None:
            return self.weights.get("other", 0.5)
        pathway = 1.0 if facts.pathway_position is None else 1.0 + 0.5 * min(max(facts.pathway_position, 0.2), 1.0)
        demand = 1.0
        if self.traffic:
            demand += math.log10(1 + facts.visits + (facts.impressions or 0) / 100 + 10 * (facts.key_events or 0))
        return self.weights.get(facts.type, self.weights.get("other", 0.5)) * pathway * (1 + facts.link_score / 100) * demand

    def value(self, row: Mapping[str, Any]) -> float:
        if row.get("source") and row.get("target"):
            return (self.page_value(row["source"]) + self.page_value(row["target"])) / 2
        if row.get("url"):
            return self.page_value(row["url"])
        for key, page_type in ENTITY_PAGE_TYPES.items():
            if row.get(key):
                return self.weights.get(page_type, 1.0)
        return 1.0

    def impact(self, row: Mapping[str, Any], severity: object, cost: int = 1, checks: int = 1) -> float:
        """value x severity weight / fix cost, to one decimal; a link answering several checks
        counts a quarter more per extra one."""
        weight = SEVERITY_WEIGHT.get(str(severity), 1)
        return round(self.value(row) * weight * (1 + 0.25 * max(checks - 1, 0)) / cost, 1)

    def finding_impact(self, finding: Mapping[str, Any]) -> float:
        return self.impact(finding, finding.get("severity"), cost=COST_CLASSES[fix_cost(finding)])

    def suggestion_impact(self, row: Mapping[str, Any]) -> float:
        """One link to add (cost 1), weighted by the priority and the number of checks it answers."""
        checks = [c for c in str(row.get("check") or "").split(", ") if c]
        return self.impact(row, row.get("priority"), checks=len(checks))


def fix_cost(finding: Mapping[str, Any], registry: Registry | None = None) -> str:
    """The cost class (link, links, page, site) the finding's check declares."""
    check = definition(finding, registry)
    return check.header.fix_cost if check is not None else DEFAULT_FIX_COST


def _order(row: Mapping[str, Any]) -> tuple:
    return (-float(row.get("impact") or 0), -SEVERITY_WEIGHT.get(str(row.get("severity") or row.get("priority")), 0),
            f"{row.get('pack', '')}/{row.get('check', '')}", str(row.get("url") or row.get("source") or ""),
            str(row.get("target") or ""))


def score_findings(graph: Graph, site: SiteRef, findings: list[dict[str, Any]], model: ImpactModel | None = None) -> ImpactModel:
    """Add `priority` and `impact` to every finding (in place); returns the model for reuse."""
    for finding in findings:
        finding["priority"] = PRIORITY.get(str(finding.get("severity")), "low")
    return _score(graph, site, findings, model, ImpactModel.finding_impact)


def score_suggestions(graph: Graph, site: SiteRef, rows: list[dict[str, Any]], model: ImpactModel | None = None) -> ImpactModel:
    """Add `impact` to every suggestion row (in place)."""
    return _score(graph, site, rows, model, ImpactModel.suggestion_impact)


def _score(graph: Graph, site: SiteRef, rows: list[dict[str, Any]], model: ImpactModel | None,
           impact: Callable[[ImpactModel, Mapping[str, Any]], float]) -> ImpactModel:
    """Set `impact` on every row, with `model` when it knows all their pages, else a model loaded for them."""
    named = (key for row in rows for key in (row.get("source"), row.get("target")) if key)
    if model is None or any(key not in model.pages for key in named):
        model = ImpactModel.load(graph, site, rows)
    for row in rows:
        row["impact"] = impact(model, row)
    return model


def by_impact(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows most impactful first; ties by severity, check and page, so the order is reproducible."""
    return sorted(rows, key=_order)
