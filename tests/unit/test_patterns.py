"""Page-type patterns: *, **, {captures}, order, trailing slashes; hypothesis properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archmodel.ingest.patterns import PatternError, PatternSet, compile_pattern

RULES = [
    ("/", "home"),
    ("/conditions/{condition}/symptoms/", "symptom"),
    ("/conditions/{condition}/", "condition"),
    ("/tests/**", "test"),
    ("/blog/*/", "blog"),
    ("/providers/{provider}.html", "provider"),
    ("/**/faq/", "resource_hub"),
    ("/specialties/{specialty}/{condition}/", "condition"),
]


@pytest.fixture(scope="module")
def rules() -> PatternSet:
    return PatternSet(RULES)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("home", {})),
        ("/conditions/diabetes/", ("condition", {"condition": "diabetes"})),
        ("/conditions/diabetes", ("condition", {"condition": "diabetes"})),
        ("/conditions/diabetes/?page=2", ("condition", {"condition": "diabetes"})),
        ("/conditions/diabetes/symptoms/", ("symptom", {"condition": "diabetes"})),
        ("/conditions/diabetes/symptoms/early/", ("other", {})),
        ("/conditions/", ("other", {})),
        ("/tests", ("test", {})),
        ("/tests/", ("test", {})),
        ("/tests/a1c/", ("test", {})),
        ("/tests/a/b/c/", ("test", {})),
        ("/testsuite/", ("other", {})),
        ("/blog/post/", ("blog", {})),
        ("/blog/", ("other", {})),
        ("/blog/a/b/", ("other", {})),
        ("/providers/jane-doe.html", ("provider", {"provider": "jane-doe"})),
        ("/faq/", ("resource_hub", {})),
        ("/a/b/faq", ("resource_hub", {})),
        ("/specialties/endo/diabetes/", ("condition", {"specialty": "endo", "condition": "diabetes"})),
        ("/unknown/", ("other", {})),
    ],
)
def test_classify(rules: PatternSet, path: str, expected: tuple[str, dict[str, str]]) -> None:
    assert rules.classify(path) == expected


def test_first_matching_rule_wins() -> None:
    ordered = PatternSet([("/a/**", "first"), ("/a/{x}/", "second")])
    assert ordered.classify("/a/b/") == ("first", {})
    reversed_ = PatternSet([("/a/{x}/", "second"), ("/a/**", "first")])
    assert reversed_.classify("/a/b/") == ("second", {"x": "b"})


def test_empty_rule_set_and_default() -> None:
    assert PatternSet([]).classify("/") == ("other", {})
    assert PatternSet([("/x/", "blog")], default="none").classify("/y/") == ("none", {})


def test_literal_segments_are_escaped_and_percent_normalised() -> None:
    rules = PatternSet([("/a.b/", "x"), ("/caf\u00e9/", "y")])
    assert rules.classify("/a.b/") == ("x", {})
    assert rules.classify("/aXb/") == ("other", {})
    assert rules.classify("/caf%C3%A9/") == ("y", {})


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("conditions/{c}/", "must be a path starting with '/'"),
        ("/a/**x/", "'\\*\\*' must be a whole segment"),
        ("/a/{1bad}/", "is not a name"),
        ("/a/{c}/{c}/", "appears twice"),
        ("/a/{c/", "unbalanced"),
        ("/a//b/", "empty segment"),
        ("/a/?q=1", "must not contain"),
    ],
)
def test_bad_patterns(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=reason):
        compile_pattern(pattern)


def test_compiled_pattern_match() -> None:
    compiled = compile_pattern("/conditions/{condition}/")
    assert compiled.captures == ("condition",)
    assert compiled.match("/conditions/x") == {"condition": "x"}
    assert compiled.match("/conditions/x/y/") is None


# -- properties ------------------------------------------------------------------------------

slug = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=10)


@given(condition=slug, slash=st.booleans())
def test_capture_roundtrip(condition: str, slash: bool) -> None:
    path = f"/conditions/{condition}" + ("/" if slash else "")
    assert PatternSet(RULES).classify(path) == ("condition", {"condition": condition})


@given(segments=st.lists(slug, min_size=0, max_size=6), slash=st.booleans())
def test_double_star_matches_any_depth(segments: list[str], slash: bool) -> None:
    path = "/tests" + "".join("/" + s for s in segments) + ("/" if slash else "")
    assert PatternSet([("/tests/**", "test")]).classify(path) == ("test", {})


@given(segments=st.lists(slug, min_size=1, max_size=5))
def test_single_star_matches_exactly_one_segment(segments: list[str]) -> None:
    path = "/blog/" + "/".join(segments) + "/"
    expected = "blog" if len(segments) == 1 else "other"
    assert PatternSet([("/blog/*/", "blog")]).classify(path)[0] == expected


@given(literal=st.text(alphabet=st.characters(blacklist_characters="/{}*?#", blacklist_categories=("Cs",)), min_size=1, max_size=8))
def test_literal_text_matches_itself_only(literal: str) -> None:
    from archmodel.ingest.normalise import normalise_escapes

    rules = PatternSet([(f"/x/{literal}/", "hit")])
    assert rules.classify(f"/x/{normalise_escapes(literal)}/")[0] == "hit"
    assert rules.classify(f"/x/{normalise_escapes(literal)}z/")[0] == "other"


@given(st.lists(st.tuples(slug, st.sampled_from(["*", "**", "{name}"])), max_size=4))
def test_generated_patterns_compile_to_valid_regex(parts: list[tuple[str, str]]) -> None:
    pattern = "/" + "/".join(f"{literal}/{wild}" for literal, wild in parts) + "/"
    compiled = compile_pattern(pattern.replace("{name}", "{n0}", 1).replace("{name}", "*"))
    re.compile(compiled.regex)
