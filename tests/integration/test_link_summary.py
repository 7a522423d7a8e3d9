"""The link counts kept by the loader (archmodel/ingest/link_summary.py) are the counts the
server aggregates over every link, so the report's charts read the same from either."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.db.crawls import retire
from archmodel.ingest.anchor_facts import anchor_key, cypher_anchor_key
from archmodel.ingest.link_summary import read_summary
from archmodel.ingest.loader import load_crawl
from archmodel.render import charts
from tests.integration.test_loader import load_basic

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seed_data"


def tally(rows: list[dict]) -> Counter:
    """The rows as counts, anchors exactly as each side folded them (no normalising here)."""
    counts: Counter = Counter()
    for row in rows:
        counts[(row["position"], row["follow"], row["anchor"], row["has_alt"])] += row["links"]
    return counts


# White space Python and Java (Cypher) treat differently: no-break spaces that neither trims,
# NEL that Python's isspace() knows and Java's isWhitespace() does not, ideographic and thin
# spaces both trim but neither folds inside an anchor.
TRICKY = ["Learn\u00a0More", "\u00a0learn more\u00a0", " Learn  more\t", "\u3000Read more\u3000", "read\u2009more",
          "\u0085click here\u0085", "Click\u202fhere", "Dr.\u2007Okafor", "\u200bhere", "\n\r here \r\n", "", "  ",
          "ÉCOLE Straße", "İstanbul clinic", "\u2028line\u2029break"]


def test_one_anchor_folding_in_python_and_cypher(graph: Graph) -> None:
    """`anchor_key` (Python, used by the loader and the link summary) and `cypher_anchor_key`
    (the same in Cypher) fold every anchor to the same key, compared as they come."""
    query = f"UNWIND $anchors AS a RETURN a, {cypher_anchor_key('a')} AS key"
    server = {row["a"]: row["key"] for row in graph.read(query, {"anchors": TRICKY})}
    assert {a: anchor_key(a) for a in TRICKY} == server
    generic_check = (REPO / "cypher" / "anchors" / "generic-anchor.cypher").read_text(encoding="utf-8")
    assert cypher_anchor_key("g") in generic_check, "generic-anchor folds its list exactly as anchors are folded"


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
