"""One source of truth for every number in the report (issue #21).

The report is built from real findings on the seed site and on a synthetic site, then its HTML
is parsed as a reader sees it: every count on a card, in a chart title, in a map title and in the
executive summary must equal the number of findings it names, counted here from the findings
themselves. The synthetic site has ARCHMODEL_REPORT_SYNTH_PAGES pages (default 1,500 to keep the
suite quick; the M tier, 10000, was run by hand: see docs/maps-and-report.md).
"""

from __future__ import annotations

import html as htmllib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.ingest.loader import load_crawl
from archmodel.packs.registry import builtin_registry, load_registry
from archmodel.packs.runner import Runner
from archmodel.packs.suggest import suggestions_from
from archmodel.render.action_plan import area_words
from archmodel.render.api import build_report
from archmodel.render.entities import entity_ids
from archmodel.synth.generate import generate_synth
from tests.conftest import REPO

pytestmark = pytest.mark.neo4j

SEED = REPO / "seed_data"
SYNTH_PAGES = int(os.environ.get("ARCHMODEL_REPORT_SYNTH_PAGES", "1500"))


def _load_seed(graph: Graph, _: Path) -> str:
    return load_crawl(graph, [SEED / "internal_all.csv", SEED / "all_inlinks.csv"], site_model=SEED / "site.yml",
                      sitemaps=[SEED / "sitemap.xml"]).site


def _load_synth(graph: Graph, tmp: Path) -> str:
    folder = tmp / "synth"
    generate_synth(SYNTH_PAGES, folder)
    return load_crawl(graph, [folder / "internal_all.csv", folder / "all_inlinks.csv"], site_model=folder / "site.yml",
                      sitemaps=[folder / "sitemap.xml"]).site


def built(graph: Graph, tmp: Path, loader) -> tuple[str, list[dict[str, Any]]]:
    host = loader(graph, tmp)
    runner = Runner.for_site(graph, host)
    report = runner.run(load_registry([], environ={}))
    suggestions = suggestions_from(runner, report)
    findings = [dict(f) for f in report.findings]
    return build_report(graph, host, findings=[dict(f) for f in findings], suggestions=suggestions), findings


def figure(page: str, dom_id: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The data and layout a chart or map is drawn with, read back from the HTML."""
    start = re.search(r'Plotly\.newPlot\(\s*"' + re.escape(dom_id) + r'",\s*', page)
    assert start, dom_id
    decoder = json.JSONDecoder()
    data, end = decoder.raw_decode(page, start.end())
    rest = page[end:].lstrip().lstrip(",").lstrip()
    layout, _ = decoder.raw_decode(rest)
    return data, layout


def titles(page: str) -> dict[str, tuple[list[dict[str, Any]], dict[str, Any]]]:
    ids = re.findall(r'Plotly\.newPlot\(\s*"([^"]+)"', page)
    return {i: figure(page, i) for i in ids}


def of(findings: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [f for f in findings if f"{f['pack']}/{f['check']}" == name]


def visible(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("loader", [_load_seed, _load_synth], ids=["seed", "synth"])
def test_every_count_shown_equals_the_findings_it_names(graph: Graph, tmp_path: Path, loader) -> None:
    page, findings = built(graph, tmp_path, loader)

    # cards: each headline card counts its check's findings
    cards = {htmllib.unescape(label): value.replace(",", "") for value, label in
             re.findall(r'<div class="value">([^<]*)</div><div class="label">([^<]*)</div>', page)}
    headlined = [c for c in builtin_registry() if c.header.headline]
    assert len(headlined) >= 5
    for check in headlined:
        assert cards[check.header.headline] == str(len(of(findings, check.name))), check.name

    figures = titles(page)
    by_title = {str(layout.get("title", {}).get("text", "")): (data, layout) for data, layout in figures.values()}

    # the depth chart: its title and its vermillion bars count the deep-pages findings
    deep = of(findings, "depth/deep-pages")
    (title, (data, _)), = [(t, f) for t, f in by_title.items() if t.startswith("Clicks from the home page")]
    assert f"<sup>{len(deep):,} pages too deep " in title
    flagged = [trace for trace in data if trace["marker"]["color"] == "#D55E00"]
    assert sum(sum(trace["y"]) for trace in flagged) == len(deep) == int(cards["Pages too deep"])

    # the anchor chart's subtitle counts the generic-anchor and empty-anchor findings
    (anchor_title,) = [t for t in by_title if t.startswith("Top anchor texts")]
    generic = int(re.search(r"([\d,]+) links with generic text", anchor_title).group(1).replace(",", ""))
    empty = int(re.search(r"([\d,]+) links with no text", anchor_title).group(1).replace(",", ""))
    assert generic == len(of(findings, "anchors/generic-anchor"))
    assert empty == len(of(findings, "anchors/empty-anchor"))
    assert "0% generic" not in anchor_title

    # the provider matrix title and the card: pairs missing a link in both directions
    one_way = {(f["provider"], f["condition"]) for f in of(findings, "provider-condition/provider-missing-condition")}
    other_way = {(f["provider"], f["condition"]) for f in of(findings, "provider-condition/condition-missing-provider")}
    both = len(one_way & other_way)
    (matrix_title,) = [t for t in by_title if t.startswith("Providers \u00d7 conditions")]
    assert matrix_title.startswith(f"Providers \u00d7 conditions ({both} treated pairs not linked either way")
    assert cards["Provider-condition pairs not linked either way, both pages live"] == str(both)

    # hub and pathway map titles: their missing links are the findings about that hub or pathway
    site = resolve_site(graph, None)
    for label, key, kind, names in (
        ("Specialty", "specialty", "hub and spokes",
         ("hub-spoke/hub-missing-spoke", "hub-spoke/spoke-missing-hub", "access/location-missing-specialty")),
        ("Condition", "condition", "care pathway", ("pathways/broken-step", "pathways/overview-missing-stage")),
    ):
        ids = {row["name"]: row["id"] for row in entity_ids(graph, site.crawl_id, label)}
        drawn = [re.fullmatch(rf"(.+): {kind} \((\d+) [^,]+, (\d+) missing links?\)", t) for t in by_title]
        drawn = [m for m in drawn if m]
        assert drawn, kind
        for match in drawn:
            expected = sum(1 for name in names for f in of(findings, name) if f.get(key) == ids[match.group(1)])
            assert int(match.group(3)) == expected, match.group(0)

    # the executive summary: urgent issues by area and the verdict count the high findings
    text = " ".join(visible(page).split())
    summary = text[text.index("Summary"):text.index("Key figures")]
    high = Counter(f["pack"] for f in findings if f["severity"] == "high")
    for pack, count in high.items():
        assert re.search(re.escape(area_words(pack).capitalize()) + rf"\s*: {count:,} urgent issue", summary), pack
    if high:
        assert f"{sum(high.values()):,} urgent issues in {len(high)} area" in summary


def test_first_screen_reads_without_jargon(graph: Graph, tmp_path: Path) -> None:
    page, findings = built(graph, tmp_path, _load_seed)
    text = " ".join(visible(page).split())
    first = text[:text.index("Key figures")]
    assert "urgent work" in first and "Urgent issues by area" in first and "The three fixes that matter most" in first
    assert text.index("Summary") < text.index("What to fix first") < text.index("Findings by area") < text.index("Appendix")
    appendix = text[text.index("Appendix"):]
    before = text[:text.index("Appendix")]
    for hint in ("archmodel map --view pathway --focus", "docs/impact.md", "Ranked by"):
        assert hint in appendix and hint not in before, hint
    for jargon in ("specialty_hub", "follow_up", " pack ", "packs", "gds", "impact 1", "impact 2"):
        assert jargon not in before, jargon
    assert re.search(r"priority score \d+\b", first)
    assert "a specialty hub" in before or "specialty hub" in before
