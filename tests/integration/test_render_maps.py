"""Maps and report from a real graph: the hostile test site loaded through the loader.

The site (tests/fixtures/render) has a title with `<script>`, an H1 with `onmouseover`, an anchor
with `<img onerror>`, a URL with `"><script>`, a `javascript:` title and a `javascript:` link, and
planted gaps: the Endocrinology hub does not link to Thyroid nodules or to Dr. Sam Lee, the
diabetes diagnosis page does not link to the A1C test, Dr. Sam Lee and Diabetes are not linked
either way.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.sites import resolve_site
from archmodel.ingest.loader import load_crawl
from archmodel.render import build_view
from archmodel.render.clusters import cluster_pages
from archmodel.render.data import load_site_data

pytestmark = pytest.mark.neo4j

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "render"
SITE = "https://www.hostile-clinic.example"
PLOTLY_BANNER = re.compile(r"plotly\.js v\d+\.\d+\.\d+")


def load_hostile_site(graph) -> None:
    load_crawl(graph, [FIXTURES / "pages.csv", FIXTURES / "links.csv"], site_model=FIXTURES / "site.yml",
               sitemaps=[FIXTURES / "sitemap.xml"])


@pytest.fixture
def hostile(graph):
    load_hostile_site(graph)
    return graph


def assert_self_contained_and_inert(html: str) -> None:
    assert len(PLOTLY_BANNER.findall(html)) == 1, "plotly.js is inlined exactly once"
    assert "<script src" not in html and "<link rel=\"stylesheet\"" not in html
    for raw in ("<script>window.__pwned", "<img src=x onerror", "<b onmouseover", "<svg onload"):
        assert raw not in html, f"crawl markup {raw!r} reached the file unescaped"


def test_every_view_through_the_cli(hostile, cli_env, tmp_path, capsys) -> None:
    for view in ("clusters", "hub", "pathway", "providers", "structure"):
        out = tmp_path / f"{view}.html"
        assert main(["map", "--view", view, "-o", str(out)]) == 0, capsys.readouterr().err
        assert_self_contained_and_inert(out.read_text(encoding="utf-8"))
    err = capsys.readouterr().err
    assert "Showing specialty 'endocrinology'" in err, "the hub with the most findings is chosen"
    assert "Wrote the providers map" in err and "Wrote the structure map" in err


def test_unknown_focus_is_a_clear_error(hostile, cli_env, tmp_path, capsys) -> None:
    code = main(["map", "--view", "hub", "--focus", "neurology", "--no-checks", "-o", str(tmp_path / "x.html")])
    err = capsys.readouterr().err
    assert code == 2
    assert "specialty 'neurology' is not in the loaded site model" in err and "cardiology, endocrinology" in err
    assert not (tmp_path / "x.html").exists()


def test_hub_draws_missing_links_with_their_reason(hostile) -> None:
    from archmodel.cli.render_commands import run_checks

    site = resolve_site(hostile, None)
    findings = run_checks(hostile, site, None).findings
    view = build_view(hostile, "hub", focus="endocrinology", findings=findings)
    missing = [t for t in view.figure.data if t.name.startswith("Missing link") and t.mode == "markers"][0]
    texts = " ".join(missing.hovertext)
    assert "Thyroid nodules" in texts and "Sam" in texts
    assert "hub-spoke/hub-missing-spoke" in texts
    dashed = [t for t in view.figure.data if t.name.startswith("Missing link") and t.mode == "lines"][0]
    assert dashed.line.dash == "dash"
    present = [t for t in view.figure.data if t.name == "Link present" and t.mode == "markers"][0]
    assert any("Diabetes" in h for h in present.hovertext)


def test_pathway_shows_the_broken_step_and_the_error_page(hostile) -> None:
    view = build_view(hostile, "pathway", focus="diabetes")
    missing = [t for t in view.figure.data if t.name.startswith("Missing link") and t.mode == "markers"][0]
    assert len(missing.hovertext) == 1
    assert "diagnosis" in missing.hovertext[0] and "tests" in missing.hovertext[0]
    error_pages = [t for t in view.figure.data if t.name.startswith("Page error")][0]
    assert len(error_pages.x) == 1 and "follow-up" in error_pages.hovertext[0]
    overview = [t for t in view.figure.data if t.name.startswith("Page live")][0]
    assert any("&lt;img src=x onerror" in h for h in overview.hovertext)


def test_provider_matrix_categories(hostile) -> None:
    view = build_view(hostile, "providers")
    heatmap = view.figure.data[0]
    providers = list(heatmap.y)
    conditions = list(heatmap.x)
    cell = {(p, c): int(heatmap.z[i][j]) for i, p in enumerate(providers) for j, c in enumerate(conditions)}
    assert cell[("Dr. Maria Okafor", "Diabetes")] == 5  # both ways
    assert cell[("Dr. Maria Okafor", "Thyroid nodules")] == 3  # condition -> profile only
    assert cell[("Dr. Lena Park", "Heart failure")] == 4  # profile -> condition only
    assert cell[('Dr. Sam "Unlinked" Lee', "Diabetes")] == 2  # not at all
    assert cell[("Dr. Lena Park", "Diabetes")] == 0


def test_clusters_group_by_specialty_and_are_deterministic_with_gds_and_igraph(hostile) -> None:
    site = resolve_site(hostile, None)
    data = load_site_data(hostile, site)
    by_url = dict(zip(data.pages.url, data.specialty_of))
    assert by_url[f"{SITE}/specialties/endocrinology/"] == "endocrinology"
    assert by_url[f"{SITE}/providers/lena-park/"] == "cardiology"
    assert by_url[f"{SITE}/conditions/diabetes/symptoms/"] == "endocrinology"
    assert by_url[f"{SITE}/privacy/"] is None
    for backend in ("gds", "igraph"):
        first, second = cluster_pages(data, hostile, backend), cluster_pages(data, hostile, backend)
        assert first.backend == backend
        assert first.labels.tolist() == second.labels.tolist() and first.names == second.names
        assert first.names[:2] == ["Cardiology", "Endocrinology"]
    assert len(data.body) > 0 and len(data.nav) > 0
    assert not set(map(tuple, data.body.tolist())) & set(map(tuple, data.nav.tolist()))


def test_report_from_findings_files(hostile, cli_env, tmp_path, capsys) -> None:
    findings = tmp_path / "findings.json"
    suggestions = tmp_path / "suggestions.json"
    assert main(["run", "--format", "json", "-o", str(findings)]) == 0
    assert main(["suggest", "--format", "json", "-o", str(suggestions)]) == 0
    out = tmp_path / "report.html"
    assert main(["report", "--findings", str(findings), "--suggestions", str(suggestions), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert_self_contained_and_inert(html)
    rows = json.loads(findings.read_text())
    broken = sum(1 for r in rows if r["check"] == "broken-step")
    assert re.search(rf'<div class="value">{broken}</div><div class="label">Broken care-pathway steps', html)
    assert '<div class="value">1</div><div class="label">Provider-condition pairs not linked either way' in html
    assert "Links to add" in html and "Findings by area and severity" in html
    assert (tmp_path / "tasks.csv").read_text(encoding="utf-8").startswith("rank,page_url,page,"), "tasks.csv beside the report"
    assert html.count('class="am-map"') >= 4 + 4, "four charts and at least four maps"
    assert "&lt;script&gt;window.__pwned=&#x27;anchor&#x27;&lt;/script&gt;" in html, "anchor shown as text in a table"


def test_report_without_checks_says_so(hostile, cli_env, tmp_path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--no-checks", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "The checks were not run" in html
    assert '<div class="value">not run</div><div class="label">Orphan pages' in html


def test_aggregated_site_map_from_the_graph(hostile, cli_env, tmp_path, capsys) -> None:
    out = tmp_path / "clusters.html"
    assert main(["map", "--no-checks", "--max-pages", "5", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'class="am-payload"' in html and 'class="am-drill"' in html
    assert "Cardiology (3 pages)" in html


def test_site_data_holds_exactly_the_followed_links_by_url(hostile) -> None:
    """The pages in URL order, and the body and navigation-only pairs as the graph has them: the
    column-chunk page read and the id lookup array must map every link to its own two pages."""
    site = resolve_site(hostile, None)
    data = load_site_data(hostile, site)
    urls = data.pages.url
    assert urls == sorted(urls)
    rows = hostile.read(
        "MATCH (p:Page {crawl: $crawl})-[r:LINKS_TO]->(q:Page) WHERE p.in_crawl AND r.follow AND q <> p "
        "RETURN p.url AS source, q.url AS target, max(r.body) AS body",
        {"crawl": site.crawl_id},
    )
    assert len(rows) > 10
    pairs = {kind: {(urls[s], urls[t]) for s, t in getattr(data, kind).tolist()} for kind in ("body", "nav")}
    assert pairs["body"] == {(r["source"], r["target"]) for r in rows if r["body"]}
    assert pairs["nav"] == {(r["source"], r["target"]) for r in rows if not r["body"]}
