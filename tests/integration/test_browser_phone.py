"""The seed report on a phone (390 px) and a desktop (1400 px) in headless Chromium (issue #21).

At both widths the page never scrolls sideways; at 390 px the cards are stacked in one column,
every table row is a block whose cells carry their column's name, and each chart fits the
screen, also with a classic scrollbar taking its width once the page has grown. Screenshots of both widths (full page and first screen) go to test-output/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from tests.browser import browser, open_html

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

SEED = Path(__file__).resolve().parents[2] / "seed_data"

LAYOUT_JS = """() => {
  const W = window.innerWidth;
  const box = el => el.getBoundingClientRect();
  const cards = Array.from(document.querySelectorAll('#summary .am-card')).map(c => { const r = box(c); return [r.left, r.right]; });
  const rows = Array.from(document.querySelectorAll('table.am-table tbody tr, table.am-tasks tbody tr'));
  const cells = Array.from(document.querySelectorAll('table.am-table tbody td, table.am-tasks tbody td'));
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot .main-svg')).map(p => box(p).right);
  const links = Array.from(document.querySelectorAll('a.am-url'));
  return {
    scrollWidth: document.documentElement.scrollWidth, innerWidth: W, clientWidth: document.documentElement.clientWidth,
    cards, rowDisplay: rows.length ? getComputedStyle(rows[0]).display : null, rows: rows.length,
    labelled: cells.filter(td => td.dataset.label && getComputedStyle(td, '::before').content.includes(td.dataset.label)).length,
    cells: cells.length, widestPlot: Math.max(...plots), plots: plots.length,
    links: links.length, httpLinks: links.filter(a => /^https?:\\/\\//.test(a.href)).length,
    wideLinks: links.filter(a => box(a).right > W + 1).length,
  };
}"""


def test_report_reads_on_a_phone_and_a_desktop(graph: Graph, cli_env: dict[str, str], test_output: Path) -> None:
    out = test_output / "phone-report"
    assert main(["demo", "-o", str(out)]) == 0
    report = out / "report.html"
    with browser() as chromium:
        for width in (390, 1400):
            with open_html(report, width=width, height=900, chromium=chromium) as visit:
                visit.page.wait_for_timeout(500)  # Plotly's responsive resize
                seen = visit.evaluate(LAYOUT_JS)
                visit.page.screenshot(path=str(test_output / f"report-{width}.png"), full_page=True)
                visit.page.screenshot(path=str(test_output / f"report-{width}-first-screen.png"))
                assert seen["scrollWidth"] <= seen["innerWidth"], (width, seen)
                assert seen["widestPlot"] <= width + 1 and seen["plots"] >= 10, (width, seen)
                assert seen["links"] > 20 and seen["httpLinks"] == seen["links"] and seen["wideLinks"] == 0, seen
                lefts = {round(left) for left, _ in seen["cards"]}
                if width == 390:
                    assert len(seen["cards"]) >= 7 and len(lefts) == 1, "cards stacked in one column"
                    assert seen["rowDisplay"] == "block" and seen["rows"] > 50
                    assert seen["labelled"] == seen["cells"], "every cell shows its column's name"
                else:
                    assert len(lefts) > 3, "cards side by side"
                    assert seen["rowDisplay"] == "table-row" and seen["labelled"] == 0

    # A scrollbar that appears once the charts make the page tall narrows it without a window
    # resize; every chart must follow, not stay drawn at the first width with its right edge cut.
    with browser(classic_scrollbars=True) as chromium:
        with open_html(report, width=390, height=900, chromium=chromium) as visit:
            visit.page.wait_for_timeout(1000)
            seen = visit.evaluate(LAYOUT_JS)
            assert seen["clientWidth"] < seen["innerWidth"], ("no classic scrollbar drawn", seen)
            assert seen["scrollWidth"] <= seen["clientWidth"], seen
            assert seen["widestPlot"] <= seen["clientWidth"] + 1 and seen["plots"] >= 10, seen
