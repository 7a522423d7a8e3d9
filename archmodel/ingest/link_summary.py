"""The link counts the report's position and anchor charts draw, tallied while the links load.

Counting links by position, follow, anchor text and image alt on the server means scanning
every relationship of the crawl (28 s on the L tier, each time a report or map is drawn). The
loader already holds every relationship it creates, so it counts them as it goes, at a cost of
one dictionary update per relationship, and keeps the counts with the crawl as one
`(:LinkSummary {crawl, rows})` node (zlib-compressed JSON) written before the crawl becomes
current and deleted with it. `archmodel.render.charts.link_aggregates` reads it, and falls back
to the Cypher aggregation for crawls loaded before the summary existed.

The rows are exactly those of charts.LINK_AGGREGATES_QUERY: self links left out, position
'unknown' when the export had none, anchor (folded by `anchor_key`) and has_alt only for followed
body links, `links` the number of LINKS_TO relationships.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from archmodel.db.connection import Graph
from archmodel.ingest.anchor_facts import anchor_key

LABEL = "LinkSummary"
COLUMNS = ("position", "follow", "anchor", "has_alt", "links")

# The key of one pending relationship in CrawlLoader._load_links.
LinkKey = tuple[str, str, str, str, "str | None", bool, bool]


class LinkTally:
    """Counts of the relationships a load creates, by the charts' grouping."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, bool, str | None, bool | None]] = Counter()

    def add(self, keys: Iterable[LinkKey]) -> None:
        counts = self.counts
        for source, target, anchor, alt, position, body, follow in keys:
            if source == target:
                continue
            contextual = follow and body
            counts[(
                "unknown" if position is None else position,
                follow,
                anchor_key(anchor) if contextual else None,
                alt != "" if contextual else None,
            )] += 1

    def rows(self) -> list[dict[str, Any]]:
        return [dict(zip(COLUMNS, (*key, n))) for key, n in self.counts.items()]

    def store(self, graph: Graph, crawl_id: str) -> None:
        packed = [[*key, n] for key, n in self.counts.items()]
        encoded = base64.b64encode(zlib.compress(json.dumps(packed, separators=(",", ":")).encode(), 1)).decode()
        graph.write(f"CREATE (s:{LABEL}) SET s.crawl = $crawl, s.rows = $rows", {"crawl": crawl_id, "rows": encoded})


def read_summary(graph: Graph, crawl_id: str) -> list[dict[str, Any]] | None:
    """The stored rows of a crawl, or None when it was loaded without a summary."""
    found = graph.read(f"MATCH (s:{LABEL} {{crawl: $crawl}}) RETURN s.rows AS rows LIMIT 1", {"crawl": crawl_id})
    if not found:
        return None
    packed = json.loads(zlib.decompress(base64.b64decode(found[0]["rows"])))
    return [dict(zip(COLUMNS, row)) for row in packed]
