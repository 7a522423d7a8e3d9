"""Deterministic layouts: each cluster laid out on its own, clusters placed side by side.

Laying out clusters separately keeps a specialty's pages together on screen and keeps the cost
near linear: igraph's Fruchterman-Reingold with its grid approximation (about 1 s for 10k nodes
and 120k edges on two cores, measured before choosing it) on each cluster's body links, never an O(n^2)
force layout over the whole site. Start positions come from a seeded generator, so the same crawl
gives the same picture.

Because the layouts are deterministic, they are memoised by the content of their input (node
count, edges, seed): the report lays the site out while the checks run on the server, before
the findings are known, and draws it afterwards from the memo (`remembered`).
"""

from __future__ import annotations

import math

import igraph
import numpy as np

from archmodel.render.clusters import SEED, seeded_igraph_rng
from archmodel.render.memo import remembered

ISOLATED_RING = (1.12, 1.35)
GRID_THRESHOLD = 300


def _normalise(coords: np.ndarray) -> np.ndarray:
    """Centre on the median and scale so 95% of nodes fall in the unit disc."""
    centred = coords - np.median(coords, axis=0)
    radius = np.linalg.norm(centred, axis=1)
    scale = float(np.quantile(radius, 0.95)) if len(radius) > 1 else 0.0
    if scale <= 0:
        return np.zeros_like(coords)
    centred /= scale
    radius = np.linalg.norm(centred, axis=1)
    far = radius > 1.05
    centred[far] *= (1.05 / radius[far])[:, None]
    return centred


@remembered
def local_layout(count: int, edges: np.ndarray, seed: int = SEED) -> np.ndarray:
    """Positions of `count` nodes linked by `edges` (local indices) in about the unit disc.

    Nodes without edges go on an outer ring in index order (URL order), where orphans and
    stray pages are easy to spot.
    """
    coords = np.zeros((count, 2), dtype=np.float64)
    if count == 0:
        return coords
    degree = np.bincount(edges.ravel(), minlength=count) if len(edges) else np.zeros(count, dtype=np.int64)
    connected = np.flatnonzero(degree > 0)
    isolated = np.flatnonzero(degree == 0)
    if len(connected) == 1:
        coords[connected] = 0.0
    elif len(connected) > 1:
        remap = np.full(count, -1, dtype=np.int64)
        remap[connected] = np.arange(len(connected))
        g = igraph.Graph(n=len(connected), edges=remap[edges].tolist(), directed=False)
        g.simplify()
        seeded_igraph_rng(seed)
        # Spread the start like igraph's own default (side ~ sqrt(n)): the grid variant bins
        # nodes by distance, and a start squeezed into a unit box would put them all in one bin.
        spread = math.sqrt(len(connected))
        start = (np.random.default_rng(seed).uniform(-spread, spread, size=(len(connected), 2))).tolist()
        large = len(connected) > GRID_THRESHOLD
        layout = g.layout_fruchterman_reingold(
            seed=start, niter=200 if large else 500, grid="grid" if large else "nogrid"
        )
        coords[connected] = _normalise(np.asarray(layout.coords, dtype=np.float64))
    if len(isolated):
        inner, outer = ISOLATED_RING if len(connected) else (0.0, 1.0)
        per_ring = max(12, int(2 * math.pi * max(inner, 0.5) * 8))
        for k, node in enumerate(isolated.tolist()):
            ring, slot = divmod(k, per_ring)
            rings = max(1, math.ceil(len(isolated) / per_ring))
            r = inner + (outer - inner) * (ring + 0.5) / rings if len(isolated) > 1 else (inner + outer) / 2
            angle = 2 * math.pi * slot / per_ring + ring * 0.37
            coords[node] = (r * math.cos(angle), r * math.sin(angle))
    return coords


@remembered
def place_clusters(sizes: np.ndarray, weights: dict[tuple[int, int], int], seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Centres and radii of cluster discs: linked clusters near each other, no overlaps.

    Radii grow with the square root of cluster size so density looks alike everywhere.
    """
    k = len(sizes)
    radii = np.sqrt(np.maximum(sizes, 1).astype(np.float64))
    if k == 0:
        return np.zeros((0, 2)), radii
    if k == 1:
        return np.zeros((1, 2)), radii
    edges = [pair for pair in sorted(weights) if pair[0] != pair[1]]
    g = igraph.Graph(n=k, edges=edges, directed=False)
    seeded_igraph_rng(seed)
    start = np.random.default_rng(seed).uniform(-1, 1, size=(k, 2)).tolist()
    w = [math.log1p(weights[pair]) for pair in edges] if edges else None
    layout = g.layout_fruchterman_reingold(seed=start, niter=1000, weights=w)
    centres = np.asarray(layout.coords, dtype=np.float64)
    centres -= centres.mean(axis=0)
    span = np.abs(centres).max() or 1.0
    centres *= radii.sum() / span / 2
    return _separate(centres, radii * 1.15), radii


def _separate(centres: np.ndarray, radii: np.ndarray, rounds: int = 400) -> np.ndarray:
    """Push overlapping discs apart and pull everything gently to the middle.

    Every overlapping pair is pushed apart at once per round (array operations over the k x k
    pairs: the L tier has about 160 clusters, and a Python loop over pairs took a minute)."""
    centres = centres.copy()
    k = len(centres)
    if k < 2:
        return centres
    upper = np.triu(np.ones((k, k), dtype=bool), 1)
    need = radii[:, None] + radii[None, :]
    i, j = np.indices((k, k))
    fallback = np.stack([np.cos(i + j), np.sin(i + j)], axis=-1)
    for _ in range(rounds):
        delta = centres[None, :, :] - centres[:, None, :]  # delta[i, j] = centre j - centre i
        dist = np.hypot(delta[..., 0], delta[..., 1])
        overlap = upper & (dist < need)
        if not overlap.any():
            break
        coincident = overlap & (dist < 1e-9)
        delta = np.where(coincident[..., None], fallback, delta)
        dist = np.where(coincident, 1.0, dist)
        push = np.where(overlap, (need - dist) / 2 / np.where(dist > 0, dist, 1.0), 0.0)[..., None] * delta
        centres -= push.sum(axis=1)
        centres += push.sum(axis=0)
        centres *= 0.995
    return centres


def cluster_weights(labels: np.ndarray, links: np.ndarray) -> dict[tuple[int, int], int]:
    """Number of links between each (unordered) pair of clusters, within-cluster included."""
    if len(links) == 0:
        return {}
    a, b = labels[links[:, 0]], labels[links[:, 1]]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keys, counts = np.unique(lo * (labels.max() + 1) + hi, return_counts=True)
    width = labels.max() + 1
    return {(int(key // width), int(key % width)): int(c) for key, c in zip(keys, counts)}


def site_layout(labels: np.ndarray, body: np.ndarray, cluster_count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(page positions, cluster centres, cluster radii) for the whole site."""
    sizes = np.bincount(labels, minlength=cluster_count)
    centres, radii = place_clusters(sizes, cluster_weights(labels, body))
    positions = np.zeros((len(labels), 2), dtype=np.float64)
    for cluster in range(cluster_count):
        members = np.flatnonzero(labels == cluster)
        if not len(members):
            continue
        positions[members] = centres[cluster] + radii[cluster] * local_layout(len(members), internal_edges(members, body))
    return positions, centres, radii


@remembered
def internal_edges(members: np.ndarray, links: np.ndarray) -> np.ndarray:
    """`links` whose ends are both in `members`, renumbered to positions in `members`."""
    if len(links) == 0 or len(members) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    inside = np.isin(links[:, 0], members) & np.isin(links[:, 1], members)
    chosen = links[inside]
    return np.searchsorted(members, chosen).astype(np.int64)
