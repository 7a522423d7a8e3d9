"""Per-page link metrics the loader stores: click depth, link degree and internal PageRank.

They are computed once per load rather than in every check, because they need the whole link
graph: depth is a breadth-first search from the home page over followed links of any position,
and PageRank follows docs/check-semantics.md ("equity"). The loader keeps the followed links as
sorted 64-bit keys while it streams them (archmodel/ingest/followed_links.py), so this costs
O(links) memory in compact arrays, not Python objects: the distinct page pairs as a compressed
adjacency list (each page's first position and one int32 target a link: 4 bytes a link, where a
source array beside it took 4 more, 140 MB on the XL tier at the load's memory peak), built and
walked a chunk at a time. The search and PageRank walk it as it is instead of building a sparse
matrix of coordinate pairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from archmodel.ingest.followed_links import chunks, key_body, key_sources, key_targets
from archmodel.numeric import sorted_unique

DAMPING = 0.85
MAX_ITERATIONS = 100
TOLERANCE = 1e-9
FRONTIER_LINKS = 1 << 18  # links followed per step of the search: bounds its temporaries to a few MB
WEIGHT_CHUNK = 1 << 18  # links weighed per step of PageRank's set-up: bounds its temporaries likewise


@dataclass
class LinkGraph:
    """Distinct followed links between crawled pages, self links excluded, sorted by source,
    then target: page i's links are `targets[first[i]:first[i + 1]]`."""

    size: int
    first: np.ndarray  # int64, size + 1 entries
    targets: np.ndarray  # int32, one per link

    @classmethod
    def from_keys(cls, size: int, keys: np.ndarray) -> LinkGraph:
        """From the sorted distinct link keys of followed_links.py (self links already left out):
        a pair linked from the body and from navigation is one link. Two passes over the keys,
        so the targets are allocated once at their final size."""
        firsts = []
        per_page = np.zeros(size, dtype=np.int64)
        previous: int | None = None
        for part in chunks(keys):
            first = _first_of_pair(part, previous)
            firsts.append(first)
            per_page += np.bincount(key_sources(part[first]), minlength=size)
            previous = int(part[-1])
        targets = np.empty(int(per_page.sum()), np.int32)
        written = 0
        for part, first in zip(chunks(keys), firsts):
            kept = part[first]
            targets[written : written + len(kept)] = key_targets(kept)
            written += len(kept)
        return cls(size, _starts(per_page), targets)

    @classmethod
    def from_pairs(cls, size: int, sources: np.ndarray, targets: np.ndarray) -> LinkGraph:
        """From distinct (source, target) pairs sorted by source, then target."""
        return cls(size, _starts(np.bincount(sources, minlength=size)), targets.astype(np.int32))

    def first_links(self) -> np.ndarray:
        """Where each page's links start in `targets` (and where the last page's end)."""
        return self.first

    def sources(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """The source page of links `start` to `stop` (all by default), found by a binary search
        in `first`: a source array is built only for the links asked for."""
        links = np.arange(start, len(self.targets) if stop is None else min(stop, len(self.targets)))
        return np.searchsorted(self.first, links, side="right") - 1


def _starts(per_page: np.ndarray) -> np.ndarray:
    first = np.zeros(len(per_page) + 1, dtype=np.int64)
    np.cumsum(per_page, out=first[1:])
    return first


def _first_of_pair(part: np.ndarray, previous: int | None) -> np.ndarray:
    pairs = part >> 1
    first = np.empty(len(part), dtype=bool)
    first[0] = previous is None or pairs[0] != previous >> 1
    np.not_equal(pairs[1:], pairs[:-1], out=first[1:])
    return first


def body_outlinks(size: int, keys: np.ndarray) -> np.ndarray:
    """Distinct pages each page links to with followed body links (self links left out by the
    loader): each body key is one such pair, as the keys are distinct."""
    counts = np.zeros(size, dtype=np.int64)
    for part in chunks(keys):
        counts += np.bincount(key_sources(part[key_body(part)]), minlength=size)
    return counts


def click_depth(links: LinkGraph, home: int | None) -> np.ndarray:
    """Clicks from home for every page; -1 where the page cannot be reached. A breadth-first
    search, level by level, following at most `FRONTIER_LINKS` links per vectorised step."""
    depth = np.full(links.size, -1, dtype=np.int64)
    if home is None or links.size == 0:
        return depth
    first = links.first_links()
    depth[home] = 0
    frontier = np.array([home], dtype=np.int64)
    level = 0
    while len(frontier):
        level += 1
        reached = []
        for group in _frontier_groups(frontier, first):
            starts, counts = first[group], first[group + 1] - first[group]
            total = int(counts.sum())
            if not total:
                continue
            offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
            found = links.targets[offsets]
            found = sorted_unique(found[depth[found] < 0])
            depth[found] = level
            reached.append(found)
        frontier = np.concatenate(reached).astype(np.int64) if reached else np.zeros(0, np.int64)
    return depth


def _frontier_groups(frontier: np.ndarray, first: np.ndarray) -> list[np.ndarray]:
    """The frontier in runs of pages with about `FRONTIER_LINKS` links between them at most (a
    page with more is a run of its own)."""
    counts = first[frontier + 1] - first[frontier]
    bounds = np.searchsorted(np.cumsum(counts), np.arange(FRONTIER_LINKS, int(counts.sum()), FRONTIER_LINKS))
    return [group for group in np.split(frontier, np.unique(bounds)) if len(group)]


def degrees(links: LinkGraph) -> tuple[np.ndarray, np.ndarray]:
    """(inlinks, outlinks): distinct pages linking in and linked to."""
    inlinks = np.bincount(links.targets, minlength=links.size)
    outlinks = np.diff(links.first)
    return inlinks, outlinks


def pagerank(links: LinkGraph, crawled: np.ndarray) -> np.ndarray:
    """PageRank as GDS computes it: unnormalised, dangling rank not redistributed.

    Only crawled pages take part (`crawled` is a boolean mask); others get 0. The links are
    already sorted by source, so they are the sparse matrix's compressed rows as they stand: the
    one array built per link is its weight (1 / out-degree, 0 for a link that leaves or enters an
    uncrawled page), 8 bytes a link, instead of scipy's coordinate copies of every pair.
    """
    out_degree = np.zeros(links.size, dtype=np.float64)
    for start in range(0, len(links.targets), WEIGHT_CHUNK):
        source, target = links.sources(start, start + WEIGHT_CHUNK), links.targets[start : start + WEIGHT_CHUNK]
        out_degree += np.bincount(source[crawled[source] & crawled[target]], minlength=links.size)
    inverse = np.divide(1.0, out_degree, out=np.zeros_like(out_degree), where=out_degree > 0)
    weights = np.empty(len(links.targets), dtype=np.float64)
    for start in range(0, len(links.targets), WEIGHT_CHUNK):
        source, target = links.sources(start, start + WEIGHT_CHUNK), links.targets[start : start + WEIGHT_CHUNK]
        weights[start : start + WEIGHT_CHUNK] = np.where(crawled[source] & crawled[target], inverse[source], 0.0)
    rows = links.first_links()
    index = np.int32 if len(links.targets) < np.iinfo(np.int32).max else np.int64
    outgoing = sparse.csr_matrix((weights, links.targets.astype(index, copy=False), rows.astype(index, copy=False)),
                                 shape=(links.size, links.size))
    incoming = outgoing.T  # a view: the rank a page receives sums its in-links' weighted scores
    base = np.where(crawled, 1.0 - DAMPING, 0.0)
    scores = base.copy()
    for _ in range(MAX_ITERATIONS):
        updated = base + DAMPING * (incoming @ scores)
        converged = np.all(np.abs(updated - scores) < TOLERANCE)
        scores = updated
        if converged:
            break
    return scores


def link_score(pagerank: float | None, top: float | None) -> int:
    """Screaming Frog-style Link Score: 0-100 on a logarithmic scale relative to the site's best
    page (100 = the highest internal PageRank of the crawl). The seed generator writes the same
    figure into the crawl's `Link Score` column."""
    if not pagerank or not top or pagerank <= 0 or top <= 0:
        return 0
    return int(round(100 * math.log(1 + pagerank) / math.log(1 + top)))
