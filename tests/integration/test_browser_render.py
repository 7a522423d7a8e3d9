"""Every map view and the report in real headless Chromium, on the hostile test site.

Each file must render its figures (WebGL included), log no console or page error, request
nothing but itself, and leave `window.__pwned` undefined although crawled titles, H1s, anchors
and URLs carry scripts that would set it. Screenshots go to test-output/render/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archmodel.cli.render_commands import run_checks
from archmodel.db.sites import resolve_site
from archmodel.render import write_all, write_map
from tests.browser import open_html
from tests.conftest import wipe
from tests.integration.test_render_maps import load_hostile_site

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

NOT_RUN = "() => window.__pwned === undefined"
NO_WEBGL_MESSAGE = "() => !document.body.innerText.includes('WebGL is not supported')"


@pytest.fixture(scope="module")
def files(session_graph, test_output: Path) -> dict[str, Path]:
    wipe(session_graph)
    load_hostile_site(session_graph)
    site = resolve_site(session_graph, None)
    done = run_checks(session_graph, site, None, with_suggestions=True)
    findings = done.findings
    folder = test_output / "render"
    written = write_all(session_graph, folder, site, findings=findings, suggestions=done.suggestions,
                        skipped=done.skipped, checks=done.checks)
    paths = {p.stem: p for p in written}
    paths["map-clusters-aggregated"] = write_map(session_graph, "clusters", folder / "map-clusters-aggregated.html", site,
                                                 findings=findings, max_pages=5)
    return paths


VIEWS = ["report", "map-clusters", "map-clusters-aggregated", "map-hub-endocrinology", "map-pathway-diabetes", "map-structure",
         "map-providers"]


@pytest.mark.parametrize("name", VIEWS)
def test_renders_offline_without_errors_or_injected_script(files, test_output, name) -> None:
    path = files[name]
    with open_html(path) as visit:
        visit.page.wait_for_timeout(500)
        plots = visit.plot_summaries()
        assert plots and all(p["traces"] > 0 for p in plots)
        if name in ("report", "map-clusters"):
            webgl = [p for p in plots if "scattergl" in p["types"]]
            assert webgl and all(p["canvases"] > 0 for p in webgl)
            assert visit.evaluate(NO_WEBGL_MESSAGE), "WebGL traces drew (no 'WebGL is not supported' notice)"
        assert visit.evaluate(NOT_RUN), "an injected script ran"
        assert visit.console_errors == [] and visit.page_errors == []
        assert visit.foreign_requests == [], "the file requested something besides itself"
        visit.page.screenshot(path=str(test_output / "render" / f"{name}.png"), full_page=(name != "report"))


def test_hover_shows_crawled_markup_as_text(files) -> None:
    with open_html(files["map-hub-endocrinology"]) as visit:
        shown = visit.evaluate(
            """() => {
              const gd = document.querySelector('.js-plotly-plot');
              const t = gd.data.findIndex(d => (d.name || '').startsWith('Condition overviews'));
              const p = gd.data[t].text.findIndex(x => x.startsWith('Diabetes'));
              Plotly.Fx.hover(gd, [{curveNumber: t, pointNumber: p}]);
              const layer = document.querySelector('.hoverlayer');
              return {text: layer.textContent, elements: layer.querySelectorAll('img, script, svg svg').length};
            }"""
        )
        assert '<img src=x onerror="window.__pwned=' in shown["text"]
        assert shown["elements"] == 0
        assert visit.evaluate(NOT_RUN)


def test_search_finds_a_page_by_title_and_highlights_it(files) -> None:
    with open_html(files["map-clusters"]) as visit:
        visit.page.fill(".am-search input", "<script>window.__pwned='title'")
        visit.page.click(".am-search button")
        visit.page.wait_for_function("() => document.querySelector('.am-status').textContent.includes('found')")
        assert visit.page.text_content(".am-status") == "1 page found."
        assert "Home <script>" in visit.page.text_content(".am-results li")
        hit, home = visit.evaluate(
            """() => { const gd = document.querySelector('.js-plotly-plot');
                const search = gd._fullData.find(d => d.meta && d.meta.role === 'search');
                for (const t of gd._fullData.filter(d => d.meta && d.meta.role === 'pages')) {
                  const p = t.hovertext.findIndex(h => h.includes('Home &lt;script&gt;'));
                  if (p >= 0) return [[search.x[0], search.y[0], search.x.length], [t.x[p], t.y[p], 1]];
                } }"""
        )
        assert hit == home, "the highlight ring sits on the page found"
        assert visit.evaluate(NOT_RUN)


def test_type_legend_hides_one_page_type(files) -> None:
    with open_html(files["map-clusters"]) as visit:
        visible_before = visit.evaluate(COUNT_VISIBLE)
        visit.page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.legend2text')).some(e => e.textContent === 'condition')"
        )
        box = visit.evaluate(
            "() => { const e = Array.from(document.querySelectorAll('.legend2text')).find(e => e.textContent === 'condition');"
            " e.scrollIntoView({block: 'center'}); return e.getBoundingClientRect().toJSON(); }"
        )
        visit.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        visit.page.wait_for_timeout(600)
        visible_after = visit.evaluate(COUNT_VISIBLE)
        conditions = visit.evaluate(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " const code = gd.data.find(d => d.meta && d.meta.role === 'type' && d.name === 'condition').meta.code;"
            " return gd._fullData.filter(d => d.meta && d.meta.role === 'pages')"
            "   .reduce((n, d) => n + Array.from(d.customdata).filter(c => c === code).length, 0); }"
        )
        assert conditions > 0 and visible_after == visible_before - conditions


COUNT_VISIBLE = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  return gd._fullData.filter(d => d.meta && d.meta.role === 'pages')
    .reduce((n, d) => n + Array.from(d.x).filter(v => !Number.isNaN(v)).length, 0);
}"""


def test_aggregated_map_drills_into_a_cluster(files, test_output) -> None:
    with open_html(files["map-clusters-aggregated"]) as visit:
        assert visit.evaluate("() => document.querySelector('.js-plotly-plot')._fullData.some(t => t.type === 'scatter')")
        visit.page.select_option("select.am-drill", label="Endocrinology (11 pages)")
        visit.page.wait_for_function(
            "() => document.querySelector('.js-plotly-plot').data.some(d => d.meta && d.meta.role === 'pages')"
        )
        drawn = visit.evaluate(
            "() => document.querySelector('.js-plotly-plot').data.filter(d => d.meta && d.meta.role === 'pages')"
            ".reduce((n, d) => n + d.x.length, 0)"
        )
        assert drawn == 11
        visit.page.wait_for_timeout(400)
        visit.page.screenshot(path=str(test_output / "render" / "map-clusters-aggregated-drilled.png"))
        visit.page.fill(".am-search input", "lena-park")
        visit.page.click(".am-search button")
        visit.page.wait_for_function("() => document.querySelector('.am-status').textContent.includes('found')")
        visit.page.wait_for_function("() => document.querySelector('select.am-drill').selectedOptions[0].text.startsWith('Cardiology')")
        assert visit.console_errors == [] and visit.page_errors == [] and visit.evaluate(NOT_RUN)


def test_report_tables_sort(files) -> None:
    with open_html(files["report"]) as visit:
        first_column = "() => Array.from(document.querySelector('table.am-table tbody').rows).map(r => r.cells[0].textContent)"
        before = visit.evaluate(first_column)
        visit.page.click("table.am-table thead th:nth-child(1) button")
        ascending = visit.evaluate(first_column)
        visit.page.click("table.am-table thead th:nth-child(1) button")
        descending = visit.evaluate(first_column)
        assert ascending == sorted(before) and descending == sorted(before, reverse=True)
