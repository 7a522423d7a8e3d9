"""The impact score on a small site where the right order is known by hand (docs/impact.md)."""

from __future__ import annotations

import json

import pytest

from archmodel.ingest.metrics import link_score
from archmodel.packs.impact import ImpactModel, PageFacts, by_impact, signals

S = "https://www.example.org"


def pages(**traffic: dict[str, float]) -> dict[str, PageFacts]:
    facts = {
        "A": PageFacts(S + "/conditions/x/", "condition", pathway_position=1 / 7, link_score=50),
        "B": PageFacts(S + "/appointments/x/", "appointment", pathway_position=1.0, link_score=20),
        "C": PageFacts(S + "/blog/x/", "blog", link_score=10),
        "H": PageFacts(S + "/", "home", link_score=100),
    }
    for key, values in traffic.items():
        for name, value in values.items():
            setattr(facts[key], name, value)
    return {f.url: f for f in facts.values()}


def url(key: str) -> str:
    return {"A": S + "/conditions/x/", "B": S + "/appointments/x/", "C": S + "/blog/x/", "H": S + "/"}[key]


FINDINGS = {
    "broken-step": {"pack": "pathways", "check": "broken-step", "severity": "high", "source": url("A"), "target": url("B")},
    "missing-stage-page": {"pack": "pathways", "check": "missing-stage-page", "severity": "high", "url": url("B")},
    "equity-sinks": {"pack": "equity", "check": "equity-sinks", "severity": "info", "url": url("H")},
    "generic-anchor": {"pack": "anchors", "check": "generic-anchor", "severity": "medium", "source": url("C"), "target": url("A")},
    "blog-missing-service": {"pack": "content-links", "check": "blog-missing-service", "severity": "low", "url": url("C")},
}


def ranked(model: ImpactModel) -> list[str]:
    rows = [dict(f, impact=model.finding_impact(f)) for f in FINDINGS.values()]
    return [row["check"] for row in by_impact(rows)]


def test_without_traffic_value_severity_and_fix_cost_give_the_known_order() -> None:
    model = ImpactModel({"has_site_model": True}, pages())
    # A = 3 x 1.1 x 1.5 = 4.95, B = 3 x 1.5 x 1.2 = 5.4, C = 1 x 1 x 1.1 = 1.1, H = 3 x 1 x 2 = 6
    assert model.page_value(url("A")) == pytest.approx(4.95)
    assert model.page_value(url("B")) == pytest.approx(5.4)
    assert model.finding_impact(FINDINGS["broken-step"]) == pytest.approx(41.4)  # (4.95 + 5.4) / 2 x 8 / 1
    assert model.finding_impact(FINDINGS["missing-stage-page"]) == pytest.approx(10.8)  # 5.4 x 8 / 4 (a page to write)
    assert ranked(model) == ["broken-step", "generic-anchor", "missing-stage-page", "blog-missing-service", "equity-sinks"]


def test_search_demand_moves_a_busy_blog_post_up() -> None:
    model = ImpactModel({"traffic_sources": ["gsc"]}, pages(C={"clicks": 20000, "impressions": 100000}))
    assert ranked(model) == ["broken-step", "generic-anchor", "blog-missing-service", "missing-stage-page", "equity-sinks"]


def test_page_type_weights_from_site_yml_override_the_defaults() -> None:
    model = ImpactModel({"page_type_weights": json.dumps({"blog": 20.0})}, pages())
    assert model.page_value(url("C")) == pytest.approx(20 * 1.1)
    assert ranked(model)[:3] == ["generic-anchor", "blog-missing-service", "broken-step"]
    assert signals({"page_type_weights": "{}", "traffic_sources": ["ga"]})[0] == "page-type weights from site.yml"


def test_the_fix_cost_comes_from_the_check_header() -> None:
    """equity-sinks declares `fix_cost: site` (8), links-to-error `link` (1); a check no registry
    knows costs `links` (2)."""
    model = ImpactModel({}, pages())
    finding = {"severity": "medium", "url": url("H")}
    site = model.finding_impact({"pack": "equity", "check": "equity-sinks", **finding})
    link = model.finding_impact({"pack": "broken-links", "check": "links-to-error", **finding})
    unknown = model.finding_impact({"pack": "mine", "check": "mine", **finding})
    assert (link, site, unknown) == (24.0, 3.0, 12.0)


def test_link_score_is_logarithmic_and_relative_to_the_best_page() -> None:
    assert link_score(8.0, 8.0) == 100
    assert link_score(0.0, 8.0) == 0 and link_score(None, 8.0) == 0
    assert link_score(1.0, 8.0) == round(100 * 0.6931 / 2.1972)
    scores = [link_score(v, 8.0) for v in (0.1, 0.5, 1, 2, 4, 8)]
    assert scores == sorted(scores) and scores[0] > 0


def test_suggestions_score_as_one_link_and_count_the_checks_they_answer() -> None:
    model = ImpactModel({}, pages())
    one = {"source": url("A"), "target": url("B"), "priority": "high", "check": "pathways/broken-step"}
    two = dict(one, check="pathways/broken-step, pathways/overview-missing-stage")
    assert model.suggestion_impact(one) == pytest.approx(41.4)
    assert model.suggestion_impact(two) == pytest.approx(41.4 * 1.25, abs=0.1)
