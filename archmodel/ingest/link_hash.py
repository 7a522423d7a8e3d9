"""A fingerprint of each page's outgoing link set, computed by the loader for `archmodel diff`.

The diff compares two crawls link by link, but only pages whose outgoing links changed need
their links read. The loader already holds every followed link between two different pages as
sorted keys (for depth and PageRank, archmodel/ingest/followed_links.py), so it hashes each page's set of distinct (target URL,
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

from archmodel.ingest.followed_links import chunks, key_body, key_sources, key_targets


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


def outlink_hashes(urls: Sequence[str], keys: np.ndarray) -> list[int]:
    """Per page (in `urls` order), the signed 64-bit hash of its distinct outgoing (target, kind)
    pairs; `keys` are the sorted distinct followed-link keys (archmodel/ingest/followed_links.py),
    whose pages index `urls`. Walked a chunk at a time, so the temporaries stay a few MB however
    many links the crawl has; a page whose links span two chunks adds both sums (the set hash is
    a sum, so the result is the same)."""
    hashes = np.zeros(len(urls), dtype=np.uint64)
    if len(urls) and len(keys):
        per_url = url_hashes(urls)
        for part in chunks(keys):
            source = key_sources(part)
            with np.errstate(over="ignore"):
                pair = _mix(per_url[key_targets(part)] * np.uint64(2) + key_body(part).astype(np.uint64))
                starts = np.flatnonzero(np.r_[True, source[1:] != source[:-1]])
                hashes[source[starts]] += np.add.reduceat(pair, starts)
    return hashes.view(np.int64).tolist()
