"""Per-page link metrics the loader stores: click depth, link degree and internal PageRank.

They are computed once per load rather than in every check, because they need the whole link
graph: depth is a breadth-first search from the home page over followed links of any position,
and PageRank follows docs/check-semantics.md ("equity"). The loader collects the followed links
as two integer arrays while it streams them, so this costs O(links) memory in compact arrays,
not Python objects.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

import numpy as np

from archmodel.numeric import sorted_unique

from scipy import sparse
from scipy.sparse import csgraph

DAMPING = 0.85
MAX_ITERATIONS = 100
TOLERANCE = 1e-9


@dataclass
class LinkGraph:
    """Distinct followed links between crawled pages, self links excluded, as index arrays."""

    size: int
    sources: np.ndarray
    targets: np.ndarray

    @classmethod
    def from_arrays(cls, size: int, sources: array, targets: array) -> LinkGraph:
        src = np.frombuffer(sources, dtype=np.int32) if len(sources) else np.zeros(0, np.int32)
        dst = np.frombuffer(targets, dtype=np.int32) if len(targets) else np.zeros(0, np.int32)
        keep = src != dst
        src, dst = src[keep], dst[keep]
        if len(src):
            pairs = sorted_unique(src.astype(np.int64) * size + dst.astype(np.int64))
            src, dst = (pairs // size).astype(np.int32), (pairs % size).astype(np.int32)
        return cls(size, src, dst)

    def matrix(self) -> sparse.csr_matrix:
        data = np.ones(len(self.sources), dtype=np.float64)
        return sparse.csr_matrix((data, (self.sources, self.targets)), shape=(self.size, self.size))


def click_depth(links: LinkGraph, home: int | None) -> np.ndarray:
    """Clicks from home for every page; -1 where the page cannot be reached."""
    depth = np.full(links.size, -1, dtype=np.int64)
    if home is None or links.size == 0:
        return depth
    distances = csgraph.shortest_path(links.matrix(), method="D", unweighted=True, indices=home)
    reachable = np.isfinite(distances)
    depth[reachable] = distances[reachable].astype(np.int64)
    return depth


def degrees(links: LinkGraph) -> tuple[np.ndarray, np.ndarray]:
    """(inlinks, outlinks): distinct pages linking in and linked to."""
    inlinks = np.bincount(links.targets, minlength=links.size)
    outlinks = np.bincount(links.sources, minlength=links.size)
    return inlinks, outlinks


def pagerank(links: LinkGraph, crawled: np.ndarray) -> np.ndarray:
    """PageRank as GDS computes it: unnormalised, dangling rank not redistributed.

    Only crawled pages take part (`crawled` is a boolean mask); others get 0.
    """
    keep = crawled[links.sources] & crawled[links.targets]
    src, dst = links.sources[keep], links.targets[keep]
    out_degree = np.bincount(src, minlength=links.size).astype(np.float64)
    weights = 1.0 / out_degree[src]
    transition = sparse.csr_matrix((weights, (dst, src)), shape=(links.size, links.size))
    base = np.where(crawled, 1.0 - DAMPING, 0.0)
    scores = base.copy()
    for _ in range(MAX_ITERATIONS):
        updated = base + DAMPING * (transition @ scores)
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
