"""The seed site's maps in headless Chromium (issue #21 "Maps that show the medical structure").

Pathway maps: no two page labels overlap (the drawn lines of each label, read from the SVG), and
hovering a page's marker shows that page, never a link's tooltip. Hub, pathway and cluster maps
draw body links to failing or redirecting pages in the error colour under their own legend name.
Screenshots go to test-output/seed-maps/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from archmodel.render.api import write_maps
from archmodel.render.palette import ERROR_LINK_NAME
from tests.browser import browser, open_html
from tests.conftest import REPO, wipe

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

SEED = REPO / "seed_data"
FOLLOW_UP_404 = "/conditions/hypertension/follow-up/"

# The visible box of every page label: the union of its non-blank lines (a label in an odd column
# starts with blank lines that push it below its neighbours; they draw nothing).
LABEL_BOXES_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const boxes = [];
  gd.querySelectorAll('.scatterlayer .trace').forEach(trace => {
    trace.querySelectorAll('.textpoint text').forEach(text => {
      const lines = Array.from(text.querySelectorAll('tspan.line'));
      const parts = (lines.length ? lines : [text]).filter(t => t.textContent.trim() !== '');
      if (!parts.length) return;
      const rects = parts.map(t => t.getBoundingClientRect());
      boxes.push({text: text.textContent,
                  left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)),
                  top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom))});
    });
  });
  return boxes;
}"""

# Page markers with their centre in page pixels and the URL their hover text names.
PAGE_POINTS_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const L = gd._fullLayout, box = gd.getBoundingClientRect();
  const points = [];
  gd._fullData.forEach((t, c) => {
    if (!(t.meta && t.meta.role === 'pages') || t.visible !== true) return;
    t.x.forEach((x, i) => {
      const url = String(t.hovertext[i]).split('<br>').find(l => /^https?:\\/\\//.test(l));
      points.push({curve: c, point: i, url,
                   px: box.left + L._size.l + L.xaxis.l2p(x), py: box.top + L._size.t + L.yaxis.l2p(t.y[i])});
    });
  });
  return points;
}"""

HOVER_TEXT_JS = "() => { const h = document.querySelector('.hoverlayer'); return h ? h.textContent : ''; }"


@pytest.fixture(scope="module")
def maps(session_graph: Graph, test_output: Path) -> dict[str, Path]:
    wipe(session_graph)
    load_crawl(session_graph, [SEED / "internal_all.csv", SEED / "all_inlinks.csv"], site_model=SEED / "site.yml",
               sitemaps=[SEED / "sitemap.xml"])
    folder = test_output / "seed-maps"
    return {p.stem: p for p in write_maps(session_graph, folder)}


def _overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


@pytest.mark.parametrize("width", [1400, 1000])
def test_pathway_labels_never_overlap(maps, test_output, width) -> None:
    pathways = sorted(name for name in maps if name.startswith("map-pathway-"))
    assert len(pathways) >= 10
    with browser() as chromium:
        for name in pathways:
            with open_html(maps[name], width=width, height=1000, chromium=chromium) as visit:
                visit.page.wait_for_timeout(200)
                boxes = visit.evaluate(LABEL_BOXES_JS)
                points = visit.evaluate(PAGE_POINTS_JS)
                assert len(boxes) == len(points) >= 3, (name, len(boxes), len(points))
                clashes = [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlaps(a, b)]
                if name == "map-pathway-hypertension":
                    visit.page.screenshot(path=str(test_output / "seed-maps" / f"{name}-{width}.png"))
                assert clashes == [], (name, width, clashes)


def test_hovering_a_page_shows_that_page(maps) -> None:
    pathways = sorted(name for name in maps if name.startswith("map-pathway-"))
    checked = follow_up = 0
    with browser() as chromium:
        for name in pathways:
            with open_html(maps[name], width=1400, height=1000, chromium=chromium) as visit:
                for p in visit.evaluate(PAGE_POINTS_JS):
                    visit.page.mouse.move(5, 5)
                    visit.page.wait_for_timeout(40)
                    visit.page.mouse.move(p["px"], p["py"])
                    visit.page.wait_for_function("() => (document.querySelector('.hoverlayer') || {}).textContent",
                                                 timeout=3000)
                    shown = visit.evaluate(HOVER_TEXT_JS)
                    assert p["url"] and p["url"] in shown, (name, p["url"], shown[:200])
                    checked += 1
                    follow_up += FOLLOW_UP_404 in p["url"]
    assert checked >= 3 * len(pathways) and follow_up == 1


def _traces(html: str) -> list[dict]:
    start = re.search(r'Plotly\.newPlot\(\s*"[^"]+",\s*', html)
    assert start
    data, _ = json.JSONDecoder().raw_decode(html, start.end())
    return data


def _error_traces(path: Path) -> list[dict]:
    return [t for t in _traces(path.read_text(encoding="utf-8")) if str(t.get("name", "")).startswith(ERROR_LINK_NAME)]


def test_links_to_error_pages_have_their_own_colour_and_legend(maps) -> None:
    pathway = _error_traces(maps["map-pathway-hypertension"])
    assert pathway and pathway[0].get("showlegend", True) is not False
    hovers = [h for t in pathway for h in (t.get("hovertext") or [])]
    assert any(FOLLOW_UP_404 in h and "404" in h for h in hovers), hovers
    clusters = _error_traces(maps["map-clusters"])
    assert len(clusters) == 1
    links = clusters[0]["meta"]["links"]
    assert any(target.endswith(FOLLOW_UP_404) for _, target in links)
    assert f"({len(links)})" in clusters[0]["name"]
    for view in ("map-pathway-hypertension", "map-clusters"):
        colours = {(t.get("line") or {}).get("color") or (t.get("marker") or {}).get("color") for t in _error_traces(maps[view])}
        assert colours == {"#D55E00"}, (view, colours)
