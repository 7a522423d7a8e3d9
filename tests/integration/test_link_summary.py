"""The link counts kept by the loader (archmodel/ingest/link_summary.py) are the counts the
server aggregates over every link, so the report's charts read the same from either."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.db.crawls import retire
from archmodel.ingest.link_summary import read_summary
from archmodel.ingest.loader import load_crawl
from archmodel.render import charts
from tests.integration.test_loader import load_basic

SEED = Path(__file__).resolve().parents[2] / "seed_data"


def tally(rows: list[dict]) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        anchor = None if row["anchor"] is None else " ".join(row["anchor"].split())
        counts[(row["position"], row["follow"], anchor, row["has_alt"])] += row["links"]
    return counts


def test_the_summary_equals_the_servers_aggregation_on_the_seed(graph: Graph) -> None:
    crawl = load_crawl(graph, [SEED], site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"]).crawl_id
    kept = read_summary(graph, crawl)
    server = graph.read(charts.LINK_AGGREGATES_QUERY, {"crawl": crawl})
    assert kept is not None and len(server) > 20
    assert tally(kept) == tally(server)
    assert charts.link_aggregates(graph, crawl) == kept
    generic = ["learn more", "click here", "read more"]
    assert charts.anchors_chart(kept, generic)[1] == charts.anchors_chart(server, generic)[1]
    assert charts.positions_chart(kept)[1] == charts.positions_chart(server)[1]


def test_a_crawl_without_positions_counts_them_unknown_and_the_summary_goes_with_the_crawl(graph: Graph) -> None:
    crawl = load_basic(graph).crawl_id
    assert tally(read_summary(graph, crawl)) == tally(graph.read(charts.LINK_AGGREGATES_QUERY, {"crawl": crawl}))
    retire(graph, resolve_site(graph, None).host, crawl)
    assert read_summary(graph, crawl) is None
    assert graph.read("MATCH (s:LinkSummary) RETURN count(s) AS n")[0]["n"] == 0
