"""Redirect chains followed hop by hop (archmodel/ingest/redirects.py)."""

from __future__ import annotations

from archmodel.ingest.redirects import MAX_HOPS, chains, follow


def test_a_chain_ends_at_the_first_url_that_does_not_redirect() -> None:
    hops = {"/a": "/b", "/b": "/c", "/x": "/c"}
    assert chains(hops) == {"/a": (["/b", "/c"], False), "/b": (["/c"], False), "/x": (["/c"], False)}


def test_a_loop_ends_at_the_first_url_seen_twice() -> None:
    assert follow("/a", {"/a": "/b", "/b": "/a"}) == (["/b", "/a"], True)
    assert follow("/a", {"/a": "/b", "/b": "/c", "/c": "/b"}) == (["/b", "/c", "/b"], True)
    assert follow("/a", {"/a": "/a"}) == (["/a"], True)


def test_a_chain_longer_than_browsers_follow_stops_there() -> None:
    hops = {f"/{i}": f"/{i + 1}" for i in range(50)}
    chain, loop = follow("/0", hops)
    assert len(chain) == MAX_HOPS and chain[-1] == f"/{MAX_HOPS}" and not loop
