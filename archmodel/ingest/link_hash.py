"""A fingerprint of each page's outgoing link set, computed by the loader for `archmodel diff`.

The diff compares two crawls link by link, but only pages whose outgoing links changed need
their links read. The loader already holds every followed link between two different pages as
index arrays (for depth and PageRank), so it hashes each page's set of distinct (target URL,
body or navigation) pairs there, in a few vectorised passes, and stores it as `Page.links_hash`.
Two crawls' hashes are equal when the sets are equal; the hash depends on URLs, not on the
load's internal indexes, so it compares across crawls and formats. A page with no such links has
hash 0. (Crawls loaded before this existed have no `links_hash`; the diff hashes their links on
the server instead.)

The set hash is the wrapping 64-bit sum of a mixed hash per distinct pair: order-free, and a
changed set collides only by chance (about 2^-64 per page).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from archmodel.numeric import sorted_unique


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, element-wise on uint64 (wrapping arithmetic)."""
    z = values.copy()
    with np.errstate(over="ignore"):
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return z


def url_hashes(urls: Sequence[str]) -> np.ndarray:
    return np.array(
        [int.from_bytes(hashlib.blake2b(u.encode("utf-8"), digest_size=8).digest(), "little") for u in urls],
        dtype=np.uint64,
    )


def outlink_hashes(urls: Sequence[str], sources: np.ndarray, targets: np.ndarray, body: np.ndarray) -> list[int]:
    """Per page (in `urls` order), the signed 64-bit hash of its distinct outgoing (target, kind)
    pairs; `sources`/`targets` index `urls`, `body` is 1 for a body link, 0 for navigation."""
    size = len(urls)
    hashes = np.zeros(size, dtype=np.uint64)
    if size and len(sources):
        keys = sorted_unique(
            (sources.astype(np.int64) << 33) | (targets.astype(np.int64) << 1) | body.astype(np.int64)
        )
        source = (keys >> 33).astype(np.int64)
        target = ((keys >> 1) & 0xFFFFFFFF).astype(np.int64)
        kind = (keys & 1).astype(np.uint64)
        with np.errstate(over="ignore"):
            pair = _mix(url_hashes(urls)[target] * np.uint64(2) + kind)
        starts = np.flatnonzero(np.r_[True, source[1:] != source[:-1]])
        hashes[source[starts]] = np.add.reduceat(pair, starts)
    return hashes.view(np.int64).tolist()
