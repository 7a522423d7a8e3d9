"""The followed links the loader keeps for the per-page metrics: one 64-bit key per link.

Click depth, link degrees, PageRank and the outgoing-link hash (metrics.py, link_hash.py) need the
whole graph of followed links between two different pages, and only its distinct (source, target,
body) triples: a link repeated on a page counts once. A load streams millions of links, so the
loader keeps one int64 per distinct triple of each batch, `source << 33 | target << 1 | body`
(8 bytes a link, in one compact array), and `distinct` sorts them and drops repeats in place, in
chunks, so the distinct links cost no second copy of the array. Built from three arrays with
numpy temporaries, the same sets took 280 MB more than the links phase on the L tier (README
"Performance"), and ten times that on XL.

Keys sort by source, then target, then body, which is the order every consumer walks them in.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

import numpy as np

SOURCE_SHIFT = 33  # keys stay positive int64 for up to 2**30 pages (a billion)
TARGET_MASK = (1 << 32) - 1
CHUNK = 1 << 18  # keys per vectorised step: bounds the temporaries of every pass to a few MB


def link_key(source: int, target: int, body: bool) -> int:
    """The key of one followed link from page `source` to page `target` (indexes)."""
    return source << SOURCE_SHIFT | target << 1 | (1 if body else 0)


def key_sources(keys: np.ndarray) -> np.ndarray:
    return keys >> SOURCE_SHIFT


def key_targets(keys: np.ndarray) -> np.ndarray:
    return (keys >> 1) & TARGET_MASK


def key_body(keys: np.ndarray) -> np.ndarray:
    return (keys & 1).astype(bool)


def chunks(keys: np.ndarray) -> Iterator[np.ndarray]:
    """Views of `keys`, `CHUNK` at a time."""
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


class FollowedLinks:
    """The keys of a load's followed links, appended a batch at a time, read once at the end."""

    def __init__(self) -> None:
        self._keys = array("q")
        self._sealed = False

    def __len__(self) -> int:
        return len(self._keys)

    def add_batch(self, keys: Iterable[int]) -> None:
        """One batch's distinct keys (a set: repeats within a batch are dropped before they cost memory)."""
        if self._sealed:
            raise RuntimeError("links were added after the distinct links were read")
        self._keys.extend(sorted(keys))

    def distinct(self) -> np.ndarray:
        """Every distinct key, sorted: the array's own buffer, sorted and compacted in place and
        then shortened, so reading it allocates only a chunk's temporaries. No links can be added
        afterwards; `release` frees the memory."""
        self._sealed = True
        if not self._keys:
            return np.zeros(0, np.int64)
        keys = np.frombuffer(self._keys, dtype=np.int64)
        keys.sort()
        count = _move_distinct_to_front(keys)
        del keys  # the buffer export ends, so the array can be shortened
        del self._keys[count:]
        return np.frombuffer(self._keys, dtype=np.int64)

    def release(self) -> None:
        """Free the keys (views returned by `distinct` keep the buffer alive until they go)."""
        self._keys = array("q")


def _move_distinct_to_front(keys: np.ndarray) -> int:
    """Move the first of each run of equal values of sorted `keys` to the front, in order, in
    place; returns how many there are. Writes never overtake reads: each chunk's kept values are
    copied out before they are written at or before the chunk's start."""
    written = 0
    previous: int | None = None
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        keep = np.empty(len(part), dtype=bool)
        keep[0] = previous is None or part[0] != previous
        np.not_equal(part[1:], part[:-1], out=keep[1:])
        previous = int(part[-1])
        kept = part[keep]
        keys[written : written + len(kept)] = kept
        written += len(kept)
    return written
