"""sorted_unique is np.unique; the loader's outgoing-link-set hash is a set fingerprint by URL."""

from __future__ import annotations

import numpy as np
import pytest

from archmodel.ingest.followed_links import FollowedLinks, link_key
from archmodel.ingest.link_hash import outlink_hashes
from archmodel.numeric import sorted_unique


@pytest.mark.parametrize("values", [[], [3], [5, 5, 5], [2, -1, 7, 2, -1], list(range(100, 0, -3)) * 2])
def test_sorted_unique_is_np_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert sorted_unique(array).tolist() == np.unique(array).tolist()


def test_sorted_unique_on_random_pairs() -> None:
    values = np.random.default_rng(7).integers(0, 5000, 200_000)
    assert np.array_equal(sorted_unique(values), np.unique(values))


def links(*rows: tuple[int, int, int]) -> tuple[np.ndarray]:
    """The sorted distinct keys of (source, target, body) links, as the loader hands them over."""
    followed = FollowedLinks()
    followed.add_batch({link_key(source, target, bool(body)) for source, target, body in rows})
    return (followed.distinct(),)


URLS = ["https://h/a", "https://h/b", "https://h/c", "https://h/d"]


def test_hash_is_of_the_set_of_distinct_target_and_kind_pairs() -> None:
    base = outlink_hashes(URLS, *links((0, 1, 1), (0, 2, 0), (1, 2, 1)))
    assert base == outlink_hashes(URLS, *links((1, 2, 1), (0, 2, 0), (0, 1, 1), (0, 1, 1)))
    assert base[2] == base[3] == 0 and base[0] != 0 and base[0] != base[1]
    moved_to_nav = outlink_hashes(URLS, *links((0, 1, 0), (0, 2, 0), (1, 2, 1)))
    assert moved_to_nav[0] != base[0] and moved_to_nav[1] == base[1]
    lost = outlink_hashes(URLS, *links((0, 1, 1), (1, 2, 1)))
    assert lost[0] != base[0] and lost[1] == base[1]


def test_hash_depends_on_urls_not_on_the_loads_indexes() -> None:
    reordered = [URLS[2], URLS[0], URLS[3], URLS[1]]  # a -> 1, b -> 3, c -> 0
    first = outlink_hashes(URLS, *links((0, 1, 1), (0, 2, 0)))
    second = outlink_hashes(reordered, *links((1, 3, 1), (1, 0, 0)))
    assert first[0] == second[1]
    assert all(-(2**63) <= h < 2**63 for h in first)
