"""URL normalisation: the rules in docs/ingest.md, plus hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archmodel.errors import ConfigError
from archmodel.ingest.normalise import (
    _PATH_SAFE, _QUERY_SAFE, UrlNormaliser, _escape_each_character, normalise_escapes, remove_dot_segments,
)

SITE = "https://www.example.org"


@pytest.fixture
def n() -> UrlNormaliser:
    return UrlNormaliser(SITE, aliases=["https://example-clinic.org"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://WWW.EXAMPLE.ORG/A/", "https://www.example.org/A/"),  # path case is kept
        ("https://www.example.org:443/a/", "https://www.example.org/a/"),
        ("http://www.example.org:80/a/", "https://www.example.org/a/"),
        ("http://example.org/a/", "https://www.example.org/a/"),  # bare twin of www
        ("https://example-clinic.org/a/", "https://www.example.org/a/"),  # alias
        ("http://www.example-clinic.org/a/", "https://www.example.org/a/"),  # alias twin
        ("https://www.example.org", "https://www.example.org/"),
        ("https://www.example.org/a/#section", "https://www.example.org/a/"),
        ("https://www.example.org/a/./b/../c/", "https://www.example.org/a/c/"),
        ("https://www.example.org/%7euser/%2fx", "https://www.example.org/~user/%2Fx"),
        ("https://www.example.org/a b/", "https://www.example.org/a%20b/"),
        ("https://www.example.org/caf\u00e9/", "https://www.example.org/caf%C3%A9/"),
        ("https://www.example.org/a/?b=2&a=1", "https://www.example.org/a/?b=2&a=1"),  # order kept
        ("https://www.example.org/a/?", "https://www.example.org/a/"),
        ("https://user:pw@www.example.org/a/", "https://www.example.org/a/"),
        ("  https://www.example.org/a/\n", "https://www.example.org/a/"),
        ("https://www.example.org./a/", "https://www.example.org/a/"),
    ],
)
def test_normal_forms(n: UrlNormaliser, raw: str, expected: str) -> None:
    assert n.normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "mailto:info@example.org",
        "tel:+15551234",
        "javascript:void(0)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHA+",
        "ftp://www.example.org/file",
        "#main",
        "",
        "   ",
        "https://other.org/a/",
        "https://sub.example.org/a/",
        "https://www.example.org:8443/a/",
        "http://[::1",
    ],
)
def test_not_pages_of_the_site(n: UrlNormaliser, raw: str) -> None:
    assert n.normalise(raw) is None


def test_relative_urls_resolve_against_the_page(n: UrlNormaliser) -> None:
    page = "https://www.example.org/conditions/diabetes/"
    assert n.normalise("symptoms/", base=page) == "https://www.example.org/conditions/diabetes/symptoms/"
    assert n.normalise("../thyroid/", base=page) == "https://www.example.org/conditions/thyroid/"
    assert n.normalise("/tests/", base=page) == "https://www.example.org/tests/"
    assert n.normalise("//example.org/x/", base=page) == "https://www.example.org/x/"
    assert n.normalise("?page=2", base=page) == "https://www.example.org/conditions/diabetes/?page=2"
    assert n.normalise("relative/") == "https://www.example.org/relative/"


def test_trailing_slash_policies() -> None:
    add = UrlNormaliser(SITE, trailing_slash="add")
    strip = UrlNormaliser(SITE, trailing_slash="strip")
    keep = UrlNormaliser(SITE)
    assert add.normalise("/a/b") == "https://www.example.org/a/b/"
    assert add.normalise("/files/report.pdf") == "https://www.example.org/files/report.pdf"
    assert add.normalise("/a/b?x=1") == "https://www.example.org/a/b/?x=1"
    assert strip.normalise("/a/b/") == "https://www.example.org/a/b"
    assert strip.normalise("/") == "https://www.example.org/"
    assert keep.normalise("/a/b") == "https://www.example.org/a/b"
    assert keep.normalise("/a/b/") == "https://www.example.org/a/b/"


def test_base_url_and_host() -> None:
    n = UrlNormaliser("HTTPS://WWW.Example.ORG:443")
    assert n.host == "www.example.org"
    assert n.base_url == "https://www.example.org"
    assert UrlNormaliser("http://localhost:8080").base_url == "http://localhost:8080"


@pytest.mark.parametrize("bad", ["www.example.org", "ftp://example.org", "https://example.org/path/", "https://"])
def test_bad_base_url_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError):
        UrlNormaliser(bad)


def test_bad_policy_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="trailing_slash"):
        UrlNormaliser(SITE, trailing_slash="sometimes")


def test_path_of_and_to_url(n: UrlNormaliser) -> None:
    assert n.path_of("https://www.example.org/a/?q=1") == "/a/?q=1"
    assert n.path_of("https://www.example.org") == "/"
    assert n.to_url("/conditions/diabetes/") == "https://www.example.org/conditions/diabetes/"
    assert n.to_url("http://example.org/x/") == "https://www.example.org/x/"
    for bad in ("https://other.org/x/", "conditions/x/", "mailto:a@b.org", ""):
        with pytest.raises(ConfigError, match="is not a path on www.example.org"):
            n.to_url(bad)


def test_helpers() -> None:
    assert remove_dot_segments("/a/b/../../../c") == "/c"
    assert remove_dot_segments("/a/.") == "/a/"
    assert normalise_escapes("%zz%4a%e2%80%94") == "%25zzJ%E2%80%94"


# -- properties ------------------------------------------------------------------------------

url_characters = st.text(alphabet=st.sampled_from(list("aZ09-._~!$&'()*+,;=:@/?%4aEf ]^[\\\"#é€\t")), max_size=16)


@settings(max_examples=1000, deadline=None)
@given(path=st.text(alphabet=st.sampled_from(list("/./a.Z~%4:@;?# é")), max_size=12), policy=st.sampled_from(["keep", "add", "strip"]))
def test_a_url_taken_as_already_normal_is_what_normalising_returns(path: str, policy: str) -> None:
    """The shortcut that skips parsing must only take URLs the full normalisation leaves unchanged."""
    n = UrlNormaliser(SITE, trailing_slash=policy)
    url = SITE + "/" + path
    if n._already_normal(url):
        assert n._normalise(url, None) == url


def test_most_crawl_urls_take_the_shortcut() -> None:
    n = UrlNormaliser(SITE, trailing_slash="add")
    assert n._already_normal(SITE + "/conditions/asthma/")
    assert n._already_normal(SITE + "/files/leaflet.pdf")
    for needs_work in ("/conditions/asthma", "/a//b/", "/a/./b/", "/a%7e/", "/a/?q=1", "/a/#top", "/a b/"):
        assert not n._already_normal(SITE + needs_work), needs_work
    assert not n._already_normal("http://www.example.org/a/") and not n._already_normal(SITE)


@settings(max_examples=500, deadline=None)
@given(text=url_characters, safe=st.sampled_from([_PATH_SAFE, _QUERY_SAFE]))
def test_text_left_unchanged_is_text_the_character_walk_leaves_unchanged(text: str, safe: frozenset[str]) -> None:
    """The shortcut for text with nothing to escape must never skip an escape the walk makes."""
    assert normalise_escapes(text, safe) == _escape_each_character(text, safe)

segment = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#"), min_size=0, max_size=8
)
paths = st.lists(segment, min_size=0, max_size=5).map(lambda parts: "/" + "/".join(parts))
queries = st.one_of(st.just(""), st.text(alphabet="abc=&%2F+ é", max_size=10).map(lambda q: "?" + q))
fragments = st.one_of(st.just(""), st.text(max_size=6).map(lambda f: "#" + f))
hosts = st.sampled_from(
    ["https://www.example.org", "http://example.org", "HTTPS://WWW.EXAMPLE.ORG:443", "http://example-clinic.org"]
)
policies = st.sampled_from(["keep", "add", "strip"])


@settings(max_examples=300, deadline=None)
@given(host=hosts, path=paths, query=queries, fragment=fragments, policy=policies)
def test_normalise_is_idempotent(host: str, path: str, query: str, fragment: str, policy: str) -> None:
    n = UrlNormaliser(SITE, aliases=["example-clinic.org"], trailing_slash=policy)
    once = n.normalise(host + path + query + fragment)
    assert once is not None
    assert n.normalise(once) == once
    assert n.normalise(n.path_of(once)) == once


@settings(max_examples=200, deadline=None)
@given(path=paths, query=queries, fragment=fragments)
def test_aliases_collapse_and_fragments_never_survive(path: str, query: str, fragment: str) -> None:
    n = UrlNormaliser(SITE, aliases=["example-clinic.org"])
    results = {n.normalise(host + path + query + fragment) for host in (
        "https://www.example.org", "http://www.example.org", "https://example.org",
        "http://example-clinic.org", "HTTPS://WWW.EXAMPLE-CLINIC.ORG",
    )}
    assert len(results) == 1
    (result,) = results
    assert result is not None and "#" not in result
    assert result.startswith("https://www.example.org/")


@given(st.text(max_size=40))
def test_never_raises_on_garbage(text: str) -> None:
    result = UrlNormaliser(SITE).normalise(text, base="https://www.example.org/a/")
    assert result is None or result.startswith("https://www.example.org/")
