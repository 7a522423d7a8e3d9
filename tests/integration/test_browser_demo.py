"""The demo folder in real headless Chromium: every file opens offline with no console error.

The maps of the folder share one plotly.min.js beside them (docs/targets.md "Maps and report":
the seed demo folder under 20 MB), so this proves the shared script loads from file:// under each
file's Content-Security-Policy and that no file asks for anything else. The report inlines
plotly.js: copied alone into an empty folder it still draws every chart, and a map copied alone
says at the top why it cannot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from tests.browser import browser, open_html

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

MAX_FOLDER_BYTES = 20 * 2**20


def test_every_demo_file_opens_offline_with_one_shared_plotly(
    graph: Graph, cli_env: dict[str, str], test_output: Path
) -> None:
    out = test_output / "demo-browser"
    assert main(["demo", "-o", str(out)]) == 0
    pages = sorted(out.glob("*.html"))
    assert len(pages) > 20 and (out / "report.html") in pages
    assert sum(p.stat().st_size for p in out.iterdir()) < MAX_FOLDER_BYTES
    assert len(list(out.glob("*.js"))) == 1
    with browser() as chromium:
        for path in pages:
            with open_html(path, chromium=chromium) as visit:
                assert visit.evaluate("() => typeof Plotly === 'object'"), path.name
                assert visit.console_errors == [] and visit.page_errors == [], (path.name, visit.console_errors, visit.page_errors)
                assert visit.foreign_requests == [], (path.name, visit.foreign_requests)
                shared = any(url.endswith("/plotly.min.js") for url in visit.requests)
                assert shared == (path.name != "report.html"), path.name
                assert visit.evaluate("() => document.getElementById('am-noplotly') === null"), path.name

        alone = test_output / "report-sent-alone"
        alone.mkdir(exist_ok=True)
        (alone / "report.html").write_bytes((out / "report.html").read_bytes())
        with open_html(alone / "report.html", chromium=chromium) as visit:  # waits until every chart has data
            charts = visit.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
            assert charts >= 10 and visit.requests == [visit.file_url] and visit.page_errors == []
        (alone / "map-clusters.html").write_bytes((out / "map-clusters.html").read_bytes())
        with open_html(alone / "map-clusters.html", chromium=chromium, wait_for_plots=False) as visit:
            banner = visit.page.locator("#am-noplotly")
            assert banner.is_visible() and "keep the two files in one folder" in banner.inner_text()
            assert banner.bounding_box()["y"] < 50, "the first thing on the page"
