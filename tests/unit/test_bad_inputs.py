"""Malformed and unusual files under tests/data/bad: exact records or one clear error each.

An error must name the file (and the line when there is one) and say how to fix it; the CLI
turns it into `Error: ... (file, line N) - fix` and exit code 2.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.inputs import open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.records import LinkRecord

DATA = Path(__file__).resolve().parent.parent / "data"
BAD = DATA / "bad"
H = "https://www.northside-endo.example"


@pytest.fixture
def n() -> UrlNormaliser:
    return UrlNormaliser(H)


def links_of(name: str, n: UrlNormaliser) -> list[tuple[str, str, str]]:
    return [(l.source, l.target, l.anchor) for l in open_inputs([BAD / name], n).links()]


def pages_of(name: str, n: UrlNormaliser) -> list[str]:
    return [p.url for p in open_inputs([BAD / name], n).pages()]


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("empty.csv", "the file is empty", None),
        ("whitespace_only.csv", "the file is empty", None),
        ("binary.csv", "binary file", None),
        ("xlsx_renamed.csv", "binary file", None),
        ("html_page.csv", "HTML page", None),
        ("wrong_columns.csv", "header matches no known export", 1),
        ("json_without_url.jsonl", "no 'url' key", 1),
        ("extra_cells_pages.csv", "row has 4 cells but the header has 3", 3),
        ("bad_indexable_pages.csv", "indexable must be true or false, not 'maybe'", 3),
        ("bad_position_links.csv", "unknown link position 'Middle'", 3),
        ("advertools_bad_line.jl", "not a JSON object", 3),
        ("nul_in_row_pages.csv", "NUL byte", 252),
    ],
)
def test_one_clear_error(name: str, message: str, line: int | None, n: UrlNormaliser) -> None:
    with pytest.raises(InputError) as caught:
        crawl = open_inputs([BAD / name], n)
        list(crawl.pages())
        list(crawl.links())
    error = caught.value
    assert message in error.what
    assert error.file == name
    assert error.line == line
    assert error.fix
    expected_where = f"({name}, line {line})" if line else f"({name})"
    assert expected_where in error.message()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("sitemap_html.xml", "HTML page, not a crawl export or sitemap"),
        ("sitemap_truncated.xml.gz", "gzip file is truncated or corrupt"),
        ("sitemap_rss.xml", "not a sitemap"),
        ("sitemap_broken.xml", "not a valid XML sitemap"),
        ("wrong_columns.csv", "not a sitemap"),
    ],
)
def test_bad_sitemaps_fail_up_front(name: str, message: str, n: UrlNormaliser) -> None:
    with pytest.raises(InputError) as caught:
        open_inputs([DATA / "generic"], n, sitemaps=[BAD / name])
    assert message in caught.value.what and caught.value.file == name


def test_broken_sitemap_names_the_line(n: UrlNormaliser) -> None:
    with pytest.raises(InputError) as caught:
        open_inputs([DATA / "generic"], n, sitemaps=[BAD / "sitemap_broken.xml"])
    assert caught.value.line == 5


def test_header_only_is_an_empty_load(n: UrlNormaliser) -> None:
    crawl = open_inputs([BAD / "header_only_internal.csv"], n)
    assert list(crawl.pages()) == [] and list(crawl.links()) == []


def test_latin1_bom_title_row_utf16(n: UrlNormaliser) -> None:
    latin = list(open_inputs([BAD / "latin1_pages.csv"], n).pages())
    assert [(p.url, p.title) for p in latin] == [
        (H + "/", "Diab\u00e8te et sant\u00e9"),
        (H + "/caf%C3%A9/", "Caf\u00e9 \u2013 Northside"),
    ]
    assert pages_of("bom_pages.csv", n) == [H + "/"]
    assert pages_of("title_row_pages.csv", n) == [H + "/"]
    assert [p.title for p in open_inputs([BAD / "utf16_pages.csv"], n).pages()] == ["Diab\u00e8te"]
    assert links_of("cp1252_inlinks.csv", n) == [(H + "/", H + "/a/", "Doctors\u2019 \u201cpicks\u201d")]


def test_semicolons_and_localised_numbers(n: UrlNormaliser) -> None:
    pages = list(open_inputs([BAD / "semicolon_localised_internal.csv"], n).pages())
    assert [(p.url, p.crawl_depth, p.word_count, p.indexable) for p in pages] == [
        (H + "/", 0, 1234, True),
        (H + "/conditions/diabetes/", 1, 987, True),
    ]


def test_tab_separated_with_delimiters_inside_cells(n: UrlNormaliser) -> None:
    assert links_of("tab_links.tsv", n) == [
        (H + "/", H + "/a/", "A, with comma"),
        (H + "/a/", H + "/b/", "B; semicolon"),
    ]


def test_duplicate_rows(n: UrlNormaliser) -> None:
    assert pages_of("duplicate_rows_pages.csv", n) == [H + "/", H + "/a/"]  # each page once
    assert links_of("duplicate_rows_links.csv", n) == [(H + "/", H + "/a/", "A")] * 2  # links are counts


def test_relative_urls(n: UrlNormaliser) -> None:
    base = H + "/conditions/diabetes/"
    assert links_of("relative_links.csv", n) == [
        (base, base + "symptoms/", "s"),
        (base, H + "/conditions/thyroid/", "t"),
        (base, H + "/tests/a1c/", "a"),
        (base, H + "/x/", "x"),
        (base, base + "?page=2", "p"),
        (H + "/relative-source/", H + "/relative-source/target/", "r"),
    ]


def test_other_hosts_are_not_internal(n: UrlNormaliser) -> None:
    assert links_of("other_hosts_links.csv", n) == [(H + "/", H + "/kept/", "kept")]


def test_mailto_tel_javascript_data_ftp_are_not_links(n: UrlNormaliser) -> None:
    assert links_of("schemes_links.csv", n) == [(H + "/", H + "/kept/", "kept")]


def test_fragments(n: UrlNormaliser) -> None:
    assert links_of("fragments_links.csv", n) == [
        (H + "/", H + "/faq/", "faq q1"),
        (H + "/", H + "/faq/", "faq q2"),
        (H + "/a/", H + "/b/", "b"),
    ]


def test_mixed_http_https_www(n: UrlNormaliser) -> None:
    assert pages_of("mixed_hosts_pages.csv", n) == [
        H + "/a/", H + "/b/", H + "/c/?x=1", H + "/d/~user/", H + "/e/g/",
    ]


def test_multiline_cells(n: UrlNormaliser) -> None:
    links = list(open_inputs([BAD / "multiline_cells_inlinks.csv"], n).links())
    assert links == [
        LinkRecord(H + "/", H + "/a/", "Line one\nline two", "", "Content", True),
        LinkRecord(H + "/", H + "/b/", "B", "", "Navigation", True),
    ]


def test_short_rows_and_blank_lines(n: UrlNormaliser) -> None:
    pages = list(open_inputs([BAD / "short_rows_pages.csv"], n).pages())
    assert [(p.url, p.status, p.title) for p in pages] == [(H + "/", 200, None), (H + "/a/", 404, "A")]
    assert pages_of("blank_lines_pages.csv", n) == [H + "/", H + "/a/"]


def test_one_megabyte_cell(tmp_path: Path, n: UrlNormaliser) -> None:
    """Generated here rather than stored: a 1 MB fixture would bloat the repository."""
    path = tmp_path / "internal_html.csv"
    big = "<div>" + "x" * (1024 * 1024) + "</div>"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(["Address", "Status Code", "Title 1", "Extractor 1"])
        writer.writerow([H + "/", "200", "Home", big])
        writer.writerow([H + "/a/", "200", "A", "small"])
    assert [(p.url, p.title) for p in open_inputs([path], n).pages()] == [(H + "/", "Home"), (H + "/a/", "A")]
