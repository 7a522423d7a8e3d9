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
import heapq
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

from archmodel.db.connection import Graph
from archmodel.ingest.anchor_facts import anchor_key
from archmodel.ingest.spool import PickleSpool

LABEL = "LinkSummary"
COLUMNS = ("position", "follow", "anchor", "has_alt", "links")
STORE_ROWS = 10_000
# distinct groupings held in memory (about 40 MB) before they are written to disk, sorted
SPILL_ENTRIES = 1 << 19

# The key of one pending relationship in CrawlLoader._load_links.
LinkKey = tuple[str, str, str, str, "str | None", bool, bool]


class LinkTally:
    """Counts of the relationships a load creates, by the charts' grouping.

    One entry per distinct grouping, and the anchors make most of them distinct (399,000 on the
    L tier, ten times that on XL), so an entry is one string: a character naming the grouping's
    (position, follow, has_alt), then the folded anchor. Keyed by a tuple of the four values, an
    entry took twice the memory (about 160 bytes against 80). At `spill_entries` entries the
    counts go to a temporary file as one sorted run and memory starts again; the rows are the
    runs and what is left merged, so a site's tally costs at most `spill_entries` entries of
    memory (XL's 4 million took 300 MB or more). Rows come out sorted by entry.
    """

    def __init__(self, spill_entries: int = SPILL_ENTRIES) -> None:
        self.counts: Counter[str] = Counter()
        self._codes: dict[tuple[str, bool, bool | None], str] = {}
        self._groupings: dict[str, tuple[str, bool, bool | None]] = {}
        self._spill_entries = spill_entries
        self._spool: PickleSpool | None = None
        self._runs: list[tuple[int, int]] = []  # (offset, chunks) of each sorted run on disk

    def add(self, keys: Iterable[LinkKey]) -> None:
        counts, codes = self.counts, self._codes
        for source, target, anchor, alt, position, body, follow in keys:
            if source == target:
                continue
            contextual = follow and body
            grouping = ("unknown" if position is None else position, follow, alt != "" if contextual else None)
            code = codes.get(grouping)
            if code is None:
                code = codes[grouping] = chr(len(codes))
                self._groupings[code] = grouping
            counts[code + anchor_key(anchor) if contextual else code] += 1
        if len(counts) >= self._spill_entries:
            self._spill()

    def _spill(self) -> None:
        if self._spool is None:
            self._spool = PickleSpool.temporary("archmodel-link-tally-")
        items = sorted(self.counts.items())
        chunks = [self._spool.append(items[start : start + STORE_ROWS]) for start in range(0, len(items), STORE_ROWS)]
        self._runs.append((chunks[0], len(chunks)))
        self.counts = Counter()

    def _run(self, offset: int, chunks: int) -> Iterator[tuple[str, int]]:
        """One sorted run read back a chunk at a time (other runs read the same file meanwhile)."""
        assert self._spool is not None
        for _ in range(chunks):
            chunk, offset = self._spool.read(offset)
            yield from chunk

    def entries(self) -> Iterator[tuple[str, int]]:
        """(entry, count) of every grouping, sorted by entry, the runs on disk merged in."""
        runs = [self._run(offset, chunks) for offset, chunks in self._runs]
        merged = heapq.merge(*runs, sorted(self.counts.items()), key=itemgetter(0))
        for entry, group in groupby(merged, key=itemgetter(0)):
            yield entry, sum(n for _, n in group)

    def close(self) -> None:
        """Remove the runs on disk."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        self._runs = []

    def _key(self, entry: str) -> tuple[str, bool, str | None, bool | None]:
        position, follow, has_alt = self._groupings[entry[0]]
        return position, follow, entry[1:] if has_alt is not None else None, has_alt

    def rows(self) -> list[dict[str, Any]]:
        return [dict(zip(COLUMNS, (*self._key(entry), n))) for entry, n in self.entries()]

    def store(self, graph: Graph, crawl_id: str) -> None:
        graph.write(f"CREATE (s:{LABEL}) SET s.crawl = $crawl, s.rows = $rows", {"crawl": crawl_id, "rows": self.encoded()})

    def encoded(self) -> str:
        """The rows as one JSON array of arrays, zlib-compressed and base64-encoded, compressed as
        it is written, `STORE_ROWS` rows at a time: the whole array as Python lists and text took
        85 MB on the L tier, more than the link graph's arrays beside it. The bytes are those of
        compressing `json.dumps` of every row at once."""
        compressor = zlib.compressobj(1)
        parts = [compressor.compress(b"[")]
        entries = self.entries()
        separator = b""
        while chunk := list(islice(entries, STORE_ROWS)):
            text = json.dumps([[*self._key(entry), n] for entry, n in chunk], separators=(",", ":"))[1:-1]
            parts.append(compressor.compress(separator + text.encode()))
            separator = b","
        parts.append(compressor.compress(b"]"))
        parts.append(compressor.flush())
        return base64.b64encode(b"".join(parts)).decode()


def read_summary(graph: Graph, crawl_id: str) -> list[dict[str, Any]] | None:
    """The stored rows of a crawl, or None when it was loaded without a summary."""
    found = graph.read(f"MATCH (s:{LABEL} {{crawl: $crawl}}) RETURN s.rows AS rows LIMIT 1", {"crawl": crawl_id})
    if not found:
        return None
    packed = json.loads(zlib.decompress(base64.b64decode(found[0]["rows"])))
    return [dict(zip(COLUMNS, row)) for row in packed]
