"""The loader's link tally: the chart rows of every link it counted, at about 80 bytes per
distinct grouping, and no more than a run's worth in memory however many there are."""

from __future__ import annotations

import base64
import json
import random
import tracemalloc
import zlib
from collections import Counter

from archmodel.ingest.anchor_facts import anchor_key
from archmodel.ingest import link_summary
from archmodel.ingest.link_summary import COLUMNS, LinkTally


def random_keys(count: int, anchors: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    return [
        (f"s{rng.randrange(40)}", f"t{rng.randrange(40)}", rng.choice(["", f"Anchor  {rng.randrange(anchors)} "]),
         rng.choice(["", "alt"]), rng.choice([None, "Content", "Navigation", "Footer", "Aside"]),
         rng.random() < 0.7, rng.random() < 0.9)
        for _ in range(count)
    ]


def reference_rows(keys: list[tuple]) -> list[dict]:
    """The rows as the charts define them (link_summary's module docstring), counted plainly."""
    counts: Counter = Counter()
    for source, target, anchor, alt, position, body, follow in keys:
        if source != target:
            contextual = follow and body
            counts[("unknown" if position is None else position, follow, anchor_key(anchor) if contextual else None,
                    alt != "" if contextual else None)] += 1
    return [dict(zip(COLUMNS, (*key, n))) for key, n in counts.items()]


def test_rows_are_the_charts_counts() -> None:
    keys = random_keys(20_000, 300, seed=1)
    tally = LinkTally()
    for start in range(0, len(keys), 1000):
        tally.add(keys[start : start + 1000])
    rows = tally.rows()
    assert sorted(rows, key=repr) == sorted(reference_rows(keys), key=repr)
    assert len(rows) == len(tally.counts)
    assert any(row["anchor"] == "" for row in rows) and any(row["anchor"] is None for row in rows)


def test_a_tally_written_to_disk_in_runs_gives_the_same_rows_and_stored_text() -> None:
    keys = random_keys(60_000, 30_000, seed=4)
    held, spilled = LinkTally(), LinkTally(spill_entries=2_000)
    for start in range(0, len(keys), 1000):
        held.add(keys[start : start + 1000])
        spilled.add(keys[start : start + 1000])
        assert len(spilled.counts) < 2_000
    assert len(spilled._runs) > 5 and not held._runs
    assert spilled.rows() == held.rows()
    assert sorted(spilled.rows(), key=repr) == sorted(reference_rows(keys), key=repr)
    assert spilled.encoded() == held.encoded()
    spool = spilled._spool
    spilled.close()
    assert spool is not None and spool.closed and spilled._spool is None


def test_a_distinct_anchor_costs_about_80_bytes() -> None:
    keys = random_keys(400_000, 10_000_000, seed=2)
    tracemalloc.start()
    try:
        tally = LinkTally()
        tally.add(keys)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(tally.counts) > 100_000  # most of them contextual links with an anchor seen once
    assert held / len(tally.counts) < 110


def test_the_stored_rows_are_the_json_of_every_row_compressed_at_once() -> None:
    """Written a few thousand rows at a time, the stored text is byte for byte the one the whole
    array compressed at once gave (crawls loaded before and after compare equal)."""
    tally = LinkTally()
    tally.add(random_keys(120_000, 100_000, seed=3))
    assert len(tally.counts) > 2 * link_summary.STORE_ROWS
    packed = [[row[column] for column in COLUMNS] for row in tally.rows()]
    whole = base64.b64encode(zlib.compress(json.dumps(packed, separators=(",", ":")).encode(), 1)).decode()
    assert tally.encoded() == whole
    assert LinkTally().encoded() == base64.b64encode(zlib.compress(b"[]", 1)).decode()
