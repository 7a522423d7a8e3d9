"""The loader's followed links: one key per distinct link, read back sorted without a second copy,
and the metrics built from them equal to the dense computations they replace."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse import csgraph

from archmodel.ingest import followed_links, metrics
from archmodel.ingest.followed_links import FollowedLinks, key_body, key_sources, key_targets, link_key
from archmodel.ingest.link_hash import outlink_hashes


def random_links(pages: int, count: int, seed: int) -> list[tuple[int, int, bool]]:
    rng = np.random.default_rng(seed)
    sources, targets, body = rng.integers(0, pages, count), rng.integers(0, pages, count), rng.integers(0, 2, count)
    return [(int(s), int(t), bool(b)) for s, t, b in zip(sources, targets, body) if s != t]


def followed_of(links: list[tuple[int, int, bool]], batch: int = 1000) -> FollowedLinks:
    followed = FollowedLinks()
    for start in range(0, len(links), batch):
        followed.add_batch({link_key(*link) for link in links[start : start + batch]})
    return followed


def test_distinct_is_every_link_once_sorted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(followed_links, "CHUNK", 7)  # runs of repeats across chunk boundaries
    links = random_links(30, 2000, seed=1)
    keys = followed_of(links, batch=50).distinct()
    expected = sorted({link_key(*link) for link in links})
    assert keys.tolist() == expected
    assert [(int(s), int(t), bool(b)) for s, t, b in zip(key_sources(keys), key_targets(keys), key_body(keys))] == \
        sorted(set(links))


def test_distinct_sorts_in_place_without_copying_the_links() -> None:
    """4M keys (32 MB): reading them back sorted and distinct allocates a chunk's temporaries, not
    a second array (np.unique would take 32 MB and more)."""
    followed = FollowedLinks()
    rng = np.random.default_rng(3)
    for _ in range(4):
        followed.add_batch(rng.integers(0, 1 << 40, 1_000_000).tolist())
    tracemalloc.start()
    try:
        keys = followed.distinct()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(keys) > 3_900_000 and bool(np.all(keys[1:] > keys[:-1]))
    assert peak < 16 * 2**20


def test_no_links_after_reading_them() -> None:
    followed = followed_of([(0, 1, True)])
    followed.distinct()
    with pytest.raises(RuntimeError):
        followed.add_batch({link_key(1, 0, True)})


def test_link_graph_is_the_distinct_page_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(followed_links, "CHUNK", 5)  # a pair's body and navigation keys in two chunks
    links = random_links(20, 500, seed=2)
    graph = metrics.LinkGraph.from_keys(20, followed_of(links).distinct())
    pairs = sorted({(s, t) for s, t, _ in links})
    assert list(zip(graph.sources().tolist(), graph.targets.tolist())) == pairs


def test_body_outlinks_count_distinct_body_targets() -> None:
    links = random_links(40, 800, seed=4)
    counts = metrics.body_outlinks(40, followed_of(links).distinct())
    expected = [len({t for s, t, b in links if s == page and b}) for page in range(40)]
    assert counts.tolist() == expected


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_click_depth_is_the_unweighted_shortest_path(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The breadth-first search gives scipy's shortest paths, also when a level is walked in
    several steps; pages nothing reaches are -1."""
    monkeypatch.setattr(metrics, "FRONTIER_LINKS", 3)
    pages = 300
    links = random_links(pages - 20, 700, seed=seed)  # the last 20 pages have no links
    graph = metrics.LinkGraph.from_keys(pages, followed_of(links).distinct())
    matrix = sparse.csr_matrix((np.ones(len(graph.targets)), (graph.sources(), graph.targets)), shape=(pages, pages))
    distances = csgraph.shortest_path(matrix, method="D", unweighted=True, indices=0)
    expected = np.where(np.isfinite(distances), distances, -1).astype(np.int64)
    assert metrics.click_depth(graph, 0).tolist() == expected.tolist()
    assert metrics.click_depth(graph, None).tolist() == [-1] * pages


def test_metrics_take_little_more_than_the_link_graph() -> None:
    """The metrics of 2M links over 100,000 pages (16 MB of keys) allocate the link graph's int32
    targets (8 MB; a source array beside them took 8 more) and temporaries of a chunk's size
    (about 16 MB here, whatever the link count); the computation they replace allocated 80 MB and
    more (int64 copies of every link and a float64 sparse matrix), growing with the links (README
    "Performance")."""
    pages, count = 100_000, 2_000_000
    rng = np.random.default_rng(8)
    followed = FollowedLinks()
    sources, targets = rng.integers(0, pages, count), rng.integers(0, pages, count)
    keep = sources != targets
    followed.add_batch(((sources[keep] << 33) | (targets[keep] << 1) | rng.integers(0, 2, count)[keep]).tolist())
    del sources, targets, keep
    urls = [f"https://h/{page}" for page in range(pages)]
    keys = followed.distinct()
    tracemalloc.start()
    try:
        metrics.body_outlinks(pages, keys)
        outlink_hashes(urls, keys)
        graph = metrics.LinkGraph.from_keys(pages, keys)
        metrics.click_depth(graph, 0)
        metrics.degrees(graph)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * count + 20 * 2**20


def dense_pagerank(pages: int, links: list[tuple[int, int]], crawled: np.ndarray) -> np.ndarray:
    """docs/check-semantics.md "equity" written out with a dense matrix: the reference."""
    kept = [(s, t) for s, t in set(links) if s != t and crawled[s] and crawled[t]]
    out_degree = np.zeros(pages)
    for source, _ in kept:
        out_degree[source] += 1
    transition = np.zeros((pages, pages))
    for source, target in kept:
        transition[target, source] += 1.0 / out_degree[source]
    base = np.where(crawled, 1.0 - metrics.DAMPING, 0.0)
    scores = base.copy()
    for _ in range(metrics.MAX_ITERATIONS):
        updated = base + metrics.DAMPING * (transition @ scores)
        done = np.all(np.abs(updated - scores) < metrics.TOLERANCE)
        scores = updated
        if done:
            break
    return scores


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pagerank_equals_the_dense_computation(seed: int) -> None:
    """Uncrawled pages take no part (their links weigh nothing, their score is 0), repeated and
    body-and-navigation links count once, pages without links keep the base score."""
    pages = 60
    links = random_links(pages, 500, seed)
    crawled = np.random.default_rng(seed).random(pages) < 0.8
    graph = metrics.LinkGraph.from_keys(pages, followed_of(links).distinct())
    expected = dense_pagerank(pages, [(s, t) for s, t, _ in links], crawled)
    assert np.allclose(metrics.pagerank(graph, crawled), expected, rtol=0, atol=1e-12)
    assert not metrics.pagerank(graph, crawled)[~crawled].any()


def test_pagerank_allocates_one_weight_per_link() -> None:
    """PageRank over 2M links allocates their float64 weights (16 MB) and temporaries of a chunk's
    size; scipy's coordinate form of the same matrix took 50 MB (int copies of every pair)."""
    pages, count = 100_000, 2_000_000
    rng = np.random.default_rng(9)
    pairs = np.unique(rng.integers(0, pages, count) * pages + rng.integers(0, pages, count))
    pairs = pairs[pairs // pages != pairs % pages]
    graph = metrics.LinkGraph.from_pairs(pages, pairs // pages, pairs % pages)
    crawled = rng.random(pages) < 0.9
    tracemalloc.start()
    try:
        metrics.pagerank(graph, crawled)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * len(pairs) + 12 * 2**20
