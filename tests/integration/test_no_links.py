"""Precision on real-world exports: a crawl loaded without links skips the checks that need links
with one line saying which export to add, and rows the crawler never fetched (status 0) are
counted as such, never pages or findings (docs/packs.md "Skipped checks", docs/ingest.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import LINKS_REASON, Runner
from tests.conftest import wipe

DATA = Path(__file__).resolve().parent.parent / "data"
HTML_ONLY = DATA / "internal_html_only"
NEVER = DATA / "never_fetched"
HEART = "https://www.lakeshore-heart.example"
ORTHO = "https://www.riverbend-ortho.example"
SKIP_LINE = (
    "Skipped 36 link checks: this crawl has no links. Add Screaming Frog's All Inlinks export "
    "(Bulk Export > Links > All Inlinks) or a links.csv and load again."
)
NEVER_FETCHED = ["/patient-portal/login/", "/search/?q=knee", "/pay-my-bill/", "/imaging-results/", "/telehealth/"]


def cli(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def html_only(graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture) -> Graph:
    code, _, err = cli(capsys, "load", str(HTML_ONLY / "internal_html.csv"), "--site", str(HTML_ONLY / "site.yml"))
    assert code == 0, err
    assert "the graph will have no links, so `archmodel run` skips every check that needs them" in err
    return graph


def test_every_check_that_reads_links_declares_it() -> None:
    needs_links = {check.name for check in load_registry() if "links" in check.header.requires}
    assert len(needs_links) == 36
    assert {check.name for check in load_registry()} - needs_links == {
        "hub-spoke/condition-without-hub", "pathways/missing-stage-page",
        "provider-condition/provider-without-page", "orphans/sitemap-only",
        "structured-data/condition-without-medical-type", "structured-data/provider-without-physician",
        "structured-data/location-without-medical-organization", "structured-data/key-page-schema-errors",
    }
    for check in load_registry():
        body = check.cypher.split("\nMATCH", 1)[1]
        reads_links = any(word in body for word in ("LINKS_TO", "inlinks", "outlinks", ".depth", "pagerank"))
        assert reads_links == (check.name in needs_links), check.name


def test_internal_html_only_skips_link_checks_in_one_line_and_runs_the_rest(
    html_only: Graph, capsys: pytest.CaptureFixture
) -> None:
    code, out, err = cli(capsys, "run", "--format", "json")
    assert code == 0, err
    assert err.count(SKIP_LINE) == 1
    assert "Skipped depth/unreachable" not in err and "Skipped orphans/orphan-pages" not in err
    findings = json.loads(out)
    assert all(row["severity"] for row in findings)  # the JSON array holds findings only
    report = Runner.for_site(html_only, "www.lakeshore-heart.example").run(load_registry().checks.values())
    skipped = {outcome.check.name: outcome.skipped for outcome in report.skipped}
    assert [name for name, reason in skipped.items() if reason == LINKS_REASON] == [
        check.name for check in load_registry() if "links" in check.header.requires
    ]
    assert skipped["orphans/sitemap-only"].startswith("no sitemap was loaded")
    # no page is reported unreachable, orphaned or too deep: the checks that would say so did not run
    assert {row["check"] for row in findings} == {"condition-without-hub", "missing-stage-page", "provider-without-page"}
    assert sorted((row["check"], row.get("url") or row.get("condition") or row.get("provider")) for row in findings) == [
        ("condition-without-hub", "hypertension"),
        ("missing-stage-page", f"{HEART}/conditions/heart-failure/symptoms/"),
        ("provider-without-page", f"{HEART}/providers/omar-reyes/"),
    ]
    assert "Ran 3 checks on www.lakeshore-heart.example: 3 findings (1 high, 1 medium, 1 low); 41 skipped." in err

    code, out, err = cli(capsys, "run", "depth", "--format", "table")
    assert (code, out) == (0, "No findings.\n")
    assert err.count(SKIP_LINE.replace("36 link checks", "3 link checks")) == 1

    code, out, err = cli(capsys, "suggest", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert err.count(SKIP_LINE.replace("36", "17")) == 1


def test_report_says_it_once_near_the_top_instead_of_listing_pages(
    html_only: Graph, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    code, _, err = cli(capsys, "report", "-o", str(path))
    assert code == 0, err
    assert err.count(SKIP_LINE) == 1
    html = path.read_text(encoding="utf-8")
    assert html.count("Link checks skipped.") == 1
    assert html.index("Link checks skipped.") < html.index('id="summary"')
    assert "No chain of followed links" not in html  # no unreachable-page finding
    assert html.count("Unreachable pages") == 1, "named once, in the list of skipped checks"
    assert "<b>36 link checks</b>" in html  # one item in the list of skipped checks, not 36


def test_never_fetched_rows_are_counted_not_pages_nor_findings(
    graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    files = [str(NEVER / "internal_all.csv"), str(NEVER / "all_inlinks.csv")]
    code, out, err = cli(capsys, "load", *files)
    assert code == 0, err
    assert out.startswith("Loaded www.riverbend-ortho.example: 8 pages")
    assert (
        "internal_all.csv  pages: 13 read, 8 loaded, 5 never fetched (2 Blocked by robots.txt, "
        "1 Connection Refused, 1 Connection Timeout, 1 DNS lookup failed)"
    ) in err
    wipe(graph)
    summary = tmp_path / "load.json"
    code, _, err = cli(capsys, "load", *files, "--format", "json", "-o", str(summary))
    assert code == 0, err
    pages_row = json.loads(summary.read_text())["inputs"][0]
    assert (pages_row["loaded"], pages_row["skipped_never_fetched"]) == (8, 5)

    crawled = {row["url"] for row in graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN p.url AS url")}
    assert len(crawled) == 8 and not crawled & {ORTHO + path for path in NEVER_FETCHED}
    statuses = graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN collect(DISTINCT p.status) AS s")[0]["s"]
    assert sorted(statuses) == [200, 404]

    code, out, err = cli(capsys, "run", "--format", "json")
    assert code == 0, err
    findings = json.loads(out)
    mentioned = {row.get(key) for row in findings for key in ("url", "source", "target")}
    assert not mentioned & {ORTHO + path for path in NEVER_FETCHED}
    errors = [(row["source"], row["target"]) for row in findings if row["check"] == "links-to-error"]
    assert errors == [(f"{ORTHO}/services/sports-medicine/", f"{ORTHO}/conditions/rotator-cuff-tear/")]
    assert "link checks" not in err  # this crawl has links: nothing is skipped for want of them
