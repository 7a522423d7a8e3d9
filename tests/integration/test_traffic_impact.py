"""Traffic joined to a real crawl, impact ranking on the command line, the action plan in the report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.ingest.loader import load_crawl
from archmodel.ingest.metrics import link_score
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import Runner
from archmodel.render.api import build_report
from tests.conftest import REPO

BASIC = REPO / "tests" / "fixtures" / "loader" / "basic"
TRAFFIC = REPO / "tests" / "data" / "traffic"
SEED = REPO / "seed_data"
SITE = "https://www.basic-clinic.example"


def load_basic(graph: Graph) -> str:
    return load_crawl(graph, [BASIC / "pages.csv", BASIC / "links.csv"], site_model=BASIC / "site.yml",
                      sitemaps=[BASIC / "sitemap.xml"]).site


def page(graph: Graph, path: str) -> dict:
    return graph.read("MATCH (:Site)-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id, url: $url}) RETURN properties(p) AS p",
                      {"url": SITE + path})[0]["p"]


def finding_keys(findings: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, json.dumps(v)) for k, v in f.items() if k not in ("priority", "impact"))) for f in findings)


def test_traffic_add_joins_exports_to_pages_and_reports_unmatched_rows(
    graph: Graph, cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    load_basic(graph)
    code = main(["traffic", "add", str(TRAFFIC / "gsc_pages.csv"), str(TRAFFIC / "ga4_landing_page.csv"),
                 str(TRAFFIC / "gsc_queries.csv")])
    err = capsys.readouterr().err
    assert code == 0, err
    diabetes = page(graph, "/conditions/diabetes/")
    assert diabetes["gsc_clicks"] == 1600 and diabetes["gsc_impressions"] == 42200
    assert diabetes["ga_sessions"] == 2210 and diabetes["ga_key_events"] == 36
    assert page(graph, "/conditions/diabetes/symptoms/")["gsc_clicks"] == 410  # bare host in Search Console
    assert "gsc_queries.csv: Search Console 'Queries' table" in err
    assert "2 rows name pages the crawl does not have" in err and "old-diabetes-diet" in err
    crawl = resolve_site(graph, None).crawl
    assert sorted(crawl["traffic_sources"]) == ["ga", "gsc"]

    # adding the Search Console export again replaces its metrics instead of adding them twice
    assert main(["traffic", "add", str(TRAFFIC / "gsc_pages_legacy.csv")]) == 0
    diabetes = page(graph, "/conditions/diabetes/")
    assert diabetes["gsc_clicks"] == 1398 and diabetes["ga_sessions"] == 2210
    assert "gsc_clicks" not in page(graph, "/conditions/diabetes/symptoms/")


def test_traffic_never_changes_findings(graph: Graph) -> None:
    host = load_basic(graph)
    registry = load_registry([], environ={})
    before = Runner.for_site(graph, host).run(registry).findings
    from archmodel.ingest.traffic_join import add_traffic

    add_traffic(graph, resolve_site(graph, host), [TRAFFIC / "gsc_pages.csv", TRAFFIC / "ga4_pages_and_screens.csv"])
    after = Runner.for_site(graph, host).run(registry).findings
    assert before and finding_keys(before) == finding_keys(after)


def test_bad_traffic_files_stop_with_one_line_and_leave_the_crawl(
    graph: Graph, cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    load_basic(graph)
    assert main(["traffic", "add", str(TRAFFIC / "bad_other_site.csv")]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and errors[0].startswith("Error: 3 of 4 rows are on other hosts")
    assert "(bad_other_site.csv, line 2)" in errors[0]
    crawl_before = resolve_site(graph, None).crawl_id
    assert main(["load", str(BASIC / "pages.csv"), str(BASIC / "links.csv"), "--traffic", str(TRAFFIC / "bad_number.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines()[-1].startswith("Error: Clicks 'lots' is not a number (bad_number.csv, line 3)")
    assert resolve_site(graph, None).crawl_id == crawl_before


def test_run_sort_impact_and_suggest_top_rank_with_a_priority_column(
    graph: Graph, cli_env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    load_basic(graph)
    assert main(["load", str(BASIC / "pages.csv"), str(BASIC / "links.csv"), "--site", str(BASIC / "site.yml"),
                 "--sitemap", str(BASIC / "sitemap.xml"), "--traffic", str(TRAFFIC / "gsc_pages.csv")]) == 0
    capsys.readouterr()
    assert main(["run", "--sort", "impact", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    impacts = [f["impact"] for f in findings]
    assert findings and impacts == sorted(impacts, reverse=True)
    assert all(f["priority"] in {"high", "medium", "low"} for f in findings)
    assert main(["run", "--format", "csv"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header[:4] == ["pack", "check", "severity", "title"] and header[-2:] == ["priority", "impact"]
    assert main(["run", "--sort", "impact", "--format", "markdown"]) == 0
    assert "| impact | priority | pack | check |" in capsys.readouterr().out

    assert main(["suggest", "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert main(["suggest", "--top", "2", "--format", "json"]) == 0
    top = json.loads(capsys.readouterr().out)
    assert len(top) == min(2, len(every)) and top[0]["impact"] == max(s["impact"] for s in every)
    assert all("priority" in s and "impact" in s for s in top)


def test_report_opens_with_the_plan_and_says_which_signals_it_used(graph: Graph) -> None:
    host = load_basic(graph)
    runner = Runner.for_site(graph, host)
    report = runner.run(load_registry([], environ={}))
    from archmodel.packs.suggest import suggestions_from

    suggestions = suggestions_from(runner, report)
    html = build_report(graph, host, findings=report.findings, suggestions=suggestions)
    assert html.index('id="summary"') < html.index("What to fix first") < html.index('id="findings"') < html.index('id="appendix"')
    assert html.index("No Search Console or analytics data is loaded") > html.index('id="appendix"'), "the method is in the appendix"
    assert "No Search Console or analytics data is loaded" in html
    from archmodel.ingest.traffic_join import add_traffic

    add_traffic(graph, resolve_site(graph, host), [TRAFFIC / "gsc_pages.csv"])
    html = build_report(graph, host, findings=[dict(f) for f in report.findings], suggestions=suggestions)
    assert "Search Console clicks and impressions" in html and "No Search Console" not in html
    assert "Tasks for editors" in html


def test_seed_with_its_traffic_sample_keeps_the_expected_findings_and_link_scores(graph: Graph) -> None:
    result = load_crawl(graph, [SEED / "internal_all.csv", SEED / "all_inlinks.csv", SEED / "structured_data_all.csv"],
                        site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"])
    from archmodel.ingest.traffic_join import add_traffic

    traffic = add_traffic(graph, resolve_site(graph, result.site), [SEED / "traffic"])
    assert traffic.pages > 300 and traffic.unmatched_rows == 1
    findings = Runner.for_site(graph, result.site).run(load_registry([], environ={})).findings
    expected = json.loads((SEED / "expected_findings.json").read_text())
    assert len(findings) == sum(len(rows) for rows in expected["checks"].values())
    for name, rows in expected["checks"].items():
        got = sorted(json.dumps({k: f.get(k) for k in rows[0]}, sort_keys=True) for f in findings
                     if f"{f['pack']}/{f['check']}" == name) if rows else []
        assert got == sorted(json.dumps(r, sort_keys=True) for r in rows), name
    # the link score computed from the loaded PageRank is the seed crawl's own Link Score column
    pages = graph.read("MATCH (:Site)-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) WHERE p.in_crawl "
                       "RETURN p.url AS url, p.pagerank AS pr")
    top = max(p["pr"] or 0 for p in pages)
    with (SEED / "internal_all.csv").open(encoding="utf-8-sig") as handle:
        column = {row["Address"]: int(row["Link Score"]) for row in csv.DictReader(handle) if row["Link Score"]}
    assert len(column) > 300
    mismatched = [p["url"] for p in pages if p["url"] in column and abs(link_score(p["pr"], top) - column[p["url"]]) > 1]
    assert not mismatched
