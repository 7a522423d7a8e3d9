"""Page-type patterns match in linear time, with the matches lazy captures would give.

A rule such as `/doctors/{first}-{last}-{credential}/` once backtracked cubically: one crawled
6 KB URL made a two-page load take 178 s. The captures before a literal now stop at its first
occurrence (archmodel.ingest.patterns); these tests compare them with the lazy regex they replace
on many short paths, and time them on long ones.
"""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from archmodel.ingest.patterns import PatternSet

PATTERNS = ["/doctors/{first}-{last}-{credential}/", "/p/{a}_{b}/", "/x/{a}-{b}.html", "/c/{a}-{b}-{c}-md/",
            "/n/{id}-{slug}/tab/"]


def _lazy(pattern: str) -> re.Pattern[str]:
    """The regex a pattern compiled to before: every capture lazy."""
    regex = ""
    for segment in pattern.strip("/").split("/"):
        pieces = re.split(r"(\{\w+\})", segment)
        regex += "/" + "".join(f"(?P<{p[1:-1]}>[^/]+?)" if p.startswith("{") else re.escape(p) for p in pieces)
    return re.compile(regex + "/?")


SEGMENT_TEXT = st.text(alphabet="ab-_.mdhtl", min_size=0, max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), SEGMENT_TEXT)
def test_same_matches_and_captures_as_lazy_captures(pattern: str, text: str) -> None:
    prefix = pattern.strip("/").split("/")[0]
    tail = "/tab/" if pattern.endswith("/tab/") else "/"
    path = f"/{prefix}/{text}{tail}"
    lazy = _lazy(pattern).fullmatch(path)
    page_type, captures = PatternSet([(pattern, "provider")]).classify(path)
    assert (page_type == "provider") == (lazy is not None), path
    if lazy is not None:
        assert captures == lazy.groupdict(), path


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from(["a-", "ab", "a_", "-", "a-b-"]), st.integers(2000, 6000))
def test_long_crawled_urls_are_classified_in_linear_time(pattern: str, unit: str, length: int) -> None:
    prefix = pattern.strip("/").split("/")[0]
    patterns = PatternSet([(pattern, "provider")])
    started = time.perf_counter()
    patterns.classify(f"/{prefix}/{unit * (length // len(unit))}/")
    assert time.perf_counter() - started < 0.5
