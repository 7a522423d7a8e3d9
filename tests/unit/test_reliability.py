"""No silent wrong loads (issue 13): every hostile case of tests/data/reliability gives a correct
load with exact records and counts, or one error naming file, line and fix."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.csvio import open_csv
from archmodel.ingest.inputs import CrawlInput, open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.textscan import REEXPORT, scan_text

DATA = Path(__file__).resolve().parent.parent / "data"
REL = DATA / "reliability"
H = "https://www.northside-endo.example"


@pytest.fixture
def n() -> UrlNormaliser:
    return UrlNormaliser(H)


def read_all(paths: list[Path], n: UrlNormaliser, **options) -> CrawlInput:
    crawl = open_inputs(paths, n, options=ReadOptions(**options))
    crawl.loaded_pages = list(crawl.pages())  # type: ignore[attr-defined]
    crawl.loaded_links = list(crawl.links())  # type: ignore[attr-defined]
    return crawl


@pytest.mark.parametrize(
    ("name", "message", "line", "fix"),
    [
        ("excel_stray_quote_internal.csv", "swallows 37 lines that look like rows (unbalanced quote)", 4, REEXPORT),
        ("unclosed_quote_pages.csv", "row has 5 cells but the header has 3: a quote opened on this line", 5, REEXPORT),
        ("utf16_nul_links.csv", "NUL byte", 3, "export the crawl again"),
        ("duplicate_title_pages.csv", "two columns named 'title' (column 2 and column 4) hold different values", 1,
         "remove or rename the wrong column"),
        ("bad_numbers_pages.csv", "6 of 8 rows hold invalid numbers, more than the 1% allowed; the first: "
         "column 'status': 'abc' is not a status code", 3, "--max-bad-rows"),
    ],
)
def test_one_error_naming_file_line_and_fix(name: str, message: str, line: int, fix: str, n: UrlNormaliser) -> None:
    with pytest.raises(InputError) as caught:
        read_all([REL / name], n)
    error = caught.value
    assert message in error.what
    assert (error.file, error.line) == (name, line)
    assert fix in error.fix
    assert f"({name}, line {line})" in error.message()


def test_stray_quote_was_a_silent_97_percent_drop_before() -> None:
    """The case from the issue: without the check the reader yields 3 of 40 rows and no error."""
    opened = open_csv(REL / "excel_stray_quote_internal.csv")
    with open(opened.path, newline="", encoding="utf-8") as handle:
        parsed = list(csv.reader(handle, delimiter=";"))
    assert len(parsed) - 1 == 3  # what plain CSV parsing makes of the 40 rows
    with pytest.raises(InputError, match="unbalanced quote"):
        list(opened.rows())


def test_utf8_with_one_stray_byte_stays_utf8(n: UrlNormaliser) -> None:
    crawl = read_all([REL / "utf8_stray_byte_pages.csv"], n)
    assert [p.title for p in crawl.loaded_pages] == [  # type: ignore[attr-defined]
        "Sant\u00e9 et diab\u00e8te", "Caf\u00e9 \u2013 clinic", "Caf\ufffd menu", "Endocrinologie p\u00e9diatrique",
    ]
    assert any("1 byte sequence is not valid UTF-8 on line 4; replaced with U+FFFD" in w for w in crawl.warnings.messages)
    with pytest.raises(InputError) as caught:
        read_all([REL / "utf8_stray_byte_pages.csv"], n, strict=True)
    assert (caught.value.line, "not valid UTF-8" in caught.value.what) == (4, True)


def test_genuine_cp1252_files_still_read_as_cp1252(n: UrlNormaliser) -> None:
    assert scan_text(DATA / "bad/latin1_pages.csv").encoding == "cp1252"
    assert scan_text(DATA / "bad/cp1252_inlinks.csv").encoding == "cp1252"
    crawl = read_all([DATA / "bad/latin1_pages.csv"], n)
    assert [p.title for p in crawl.loaded_pages] == ["Diab\u00e8te et sant\u00e9", "Caf\u00e9 \u2013 Northside"]  # type: ignore[attr-defined]
    assert not [w for w in crawl.warnings.messages if "latin1_pages.csv" in w]


def test_cp1252_file_with_utf8_lines_names_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("url,title\nhttps://x.org/,Diab\u00e8te\nhttps://x.org/a/,Caf\u00e9\n".encode("cp1252")
                     + "https://x.org/b/,Sant\u00e9\n".encode("utf-8"))
    scan = scan_text(path)
    assert scan.encoding == "cp1252"
    assert any("line 4 hold UTF-8 characters" in w for w in scan.warnings)
    with pytest.raises(InputError, match="mixes UTF-8"):
        scan_text(path, strict=True)


def test_utf16_bad_sequence_names_the_right_line(n: UrlNormaliser) -> None:
    """Line 2 holds U+010A, whose UTF-16 bytes contain 0x0A: counting bytes would say line 5."""
    crawl = read_all([REL / "utf16_bad_sequence_pages.csv"], n)
    assert [p.title for p in crawl.loaded_pages] == [  # type: ignore[attr-defined]
        "\u010aanada \u010blinic", "Diab\u00e8te", "Bad \ufffdx", "Sant\u00e9",
    ]
    assert any("not valid UTF-16 on line 4" in w for w in crawl.warnings.messages)
    with pytest.raises(InputError) as caught:
        read_all([REL / "utf16_bad_sequence_pages.csv"], n, strict=True)
    assert caught.value.line == 4


def test_nul_is_an_error_at_its_line_in_every_encoding(tmp_path: Path, n: UrlNormaliser) -> None:
    text = "url,title\nhttps://x.org/,a\nhttps://x.org/b/,b\x00c\n"
    for encoding in ("utf-8", "utf-8-sig", "cp1252", "utf-16"):
        path = tmp_path / f"nul-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        with pytest.raises(InputError, match="NUL byte") as caught:
            scan_text(path)
        assert caught.value.line == 3, encoding


def test_control_characters_are_dropped_the_same_way_in_utf8_and_utf16(n: UrlNormaliser) -> None:
    results = []
    for name in ("control_chars_pages.csv", "control_chars_utf16_pages.csv"):
        crawl = read_all([REL / name], n)
        results.append([p.title for p in crawl.loaded_pages])  # type: ignore[attr-defined]
        assert f"{name}: dropped 2 control characters on line 3" in crawl.warnings.messages
        with pytest.raises(InputError, match="control characters") as caught:
            read_all([REL / name], n, strict=True)
        assert caught.value.line == 3
    assert results[0] == results[1] == ["Home", "Diabetes care", "B"]


def test_duplicate_status_columns_use_the_one_holding_codes(n: UrlNormaliser) -> None:
    crawl = read_all([REL / "duplicate_status_internal.csv"], n)
    assert [p.status for p in crawl.loaded_pages] == [200, 200, 404, 301, 200]  # type: ignore[attr-defined]
    messages = crawl.warnings.messages
    assert "duplicate_status_internal.csv: the header has 2 columns named 'Status Code' (columns 2, 5)" in messages
    assert "duplicate_status_internal.csv: reading 'Status Code' from column 5, whose values are status codes" in messages


def test_identical_duplicate_columns_are_reported_and_read(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "pages.csv"
    path.write_text(f"url,title,title\n{H}/,Home,Home\n{H}/a/,A,A\n")
    crawl = read_all([path], n)
    assert [p.title for p in crawl.loaded_pages] == ["Home", "A"]  # type: ignore[attr-defined]
    assert "pages.csv: the header has 2 columns named 'title' (columns 2, 3)" in crawl.warnings.messages


def test_bad_numbers_below_the_share_are_nulls_with_a_warning(n: UrlNormaliser) -> None:
    crawl = read_all([REL / "huge_depth_pages.csv"], n)
    pages = {p.url: p for p in crawl.loaded_pages}  # type: ignore[attr-defined]
    assert len(pages) == 150
    assert pages[H + "/h77/"].crawl_depth is None and pages[H + "/h78/"].crawl_depth == 3
    assert (
        "huge_depth_pages.csv, line 79: column 'depth': '99999999999999999999' is larger than a 64-bit integer; "
        "stored as null" in crawl.warnings.messages
    )
    assert crawl.summary()[0]["bad_values"] == 1
    with pytest.raises(InputError, match="larger than a 64-bit integer"):
        read_all([REL / "huge_depth_pages.csv"], n, strict=True)


def test_max_bad_rows_lets_a_user_accept_nulls(n: UrlNormaliser) -> None:
    crawl = read_all([REL / "bad_numbers_pages.csv"], n, max_bad_rows=1.0)
    assert [(p.status, p.crawl_depth) for p in crawl.loaded_pages] == [  # type: ignore[attr-defined]
        (200, 0), (None, 1), (None, 1), (None, 2), (None, 2), (200, None), (200, None), (200, 2),
    ]
    assert crawl.summary()[0]["bad_values"] == 6


@pytest.mark.parametrize(
    ("status", "ok"),
    [("200", True), ("599", True), ("100", True), ("99", False), ("600", False), ("abc", False),
     ("200.5", False), ("-200", False), ("1e9", False), ("2OO", False), ("\u0662\u0660\u0660", False)],
)
def test_status_codes(status: str, ok: bool, tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "pages.csv"
    path.write_text(f"url,status\n{H}/,{status}\n", encoding="utf-8")
    crawl = read_all([path], n, max_bad_rows=1.0)
    assert crawl.loaded_pages[0].status == (int(status) if ok else None)  # type: ignore[attr-defined]
    assert crawl.summary()[0]["bad_values"] == (0 if ok else 1)


def test_status_0_is_never_fetched_not_a_page(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "pages.csv"
    path.write_text(f"url,status\n{H}/,200\n{H}/gone/,0\n", encoding="utf-8")
    crawl = read_all([path], n)
    assert [page.url for page in crawl.loaded_pages] == [f"{H}/"]  # type: ignore[attr-defined]
    row = crawl.summary()[0]
    assert (row["read"], row["loaded"], row["skipped_never_fetched"], row["never_fetched"]) == (
        2, 1, 1, {"No Response": 1}
    )


def test_sf_current_rows_are_all_accounted_for(n: UrlNormaliser) -> None:
    crawl = read_all([DATA / "sf_current/internal_all.csv", DATA / "sf_current/all_inlinks.csv"], n)
    rows = {row["records"]: row for row in crawl.summary()}
    with open(DATA / "sf_current/all_inlinks.csv", encoding="utf-8-sig", newline="") as handle:
        link_rows = sum(1 for _ in csv.reader(handle)) - 1
    with open(DATA / "sf_current/internal_all.csv", encoding="utf-8-sig", newline="") as handle:
        page_rows = sum(1 for _ in csv.reader(handle)) - 1
    assert rows["links"]["read"] == link_rows and rows["pages"]["read"] == page_rows
    for account in crawl.accounts():
        assert account.read == account.accounted
    assert rows["links"]["loaded"] == len(crawl.loaded_links)  # type: ignore[attr-defined]
    assert rows["links"]["skipped_resource"] > 0 and rows["links"]["skipped_external"] > 0
    assert rows["pages"]["skipped_non_html"] == 1  # the image
    assert rows["pages"]["loaded"] + rows["pages"]["skipped_non_html"] == len(crawl.loaded_pages)  # type: ignore[attr-defined]


def test_duplicates_and_links_of_non_html_pages_are_counted(tmp_path: Path, n: UrlNormaliser) -> None:
    pages = tmp_path / "pages.csv"
    pages.write_text(
        f"url,status,content_type\n{H}/,200,text/html\n{H}/a/,200,text/html\n{H}/a/,200,text/html\n"
        f"{H}/guide.pdf,200,application/pdf\nhttps://other.example/,200,text/html\n,200,text/html\n"
    )
    links = tmp_path / "links.csv"
    links.write_text(
        f"source,target,anchor\n{H}/,{H}/a/,A\n{H}/,{H}/guide.pdf,PDF\n{H}/,mailto:x@y.org,mail\n{H}/,,blank\n"
    )
    crawl = read_all([pages, links], n)
    rows = {row["records"]: row for row in crawl.summary()}
    assert rows["pages"] | {} == {
        "file": "pages.csv", "records": "pages", "read": 6, "loaded": 2, "skipped_external": 1,
        "skipped_non_html": 1, "skipped_resource": 0, "skipped_duplicate": 1, "skipped_never_fetched": 0,
        "skipped_not_in_crawl": 0,
        "rejected": 1, "bad_values": 0, "never_fetched": {},
    }
    assert (rows["links"]["read"], rows["links"]["loaded"], rows["links"]["skipped_non_html"],
            rows["links"]["skipped_external"], rows["links"]["rejected"]) == (4, 1, 1, 1, 1)
    again = list(crawl.pages())
    assert len(again) == 3 and crawl.summary()[0]["read"] == 6  # a second pass is counted afresh, not added


def test_multiline_cells_that_are_text_still_load(n: UrlNormaliser) -> None:
    crawl = read_all([DATA / "bad/multiline_cells_inlinks.csv"], n)
    assert [link.anchor for link in crawl.loaded_links] == ["Line one\nline two", "B"]  # type: ignore[attr-defined]


def test_scan_handles_a_sequence_split_across_chunks(tmp_path: Path) -> None:
    from archmodel.ingest import textscan

    path = tmp_path / "split.csv"
    body = "url,title\n" + "https://x.org/,Sant\u00e9\n" * 10
    path.write_bytes(body.encode("utf-8"))
    original = textscan.CHUNK
    try:
        textscan.CHUNK = 7  # every multi-byte character straddles some chunk boundary
        scan = textscan.scan_text(path)
    finally:
        textscan.CHUNK = original
    assert (scan.encoding, scan.errors, scan.invalid, scan.lines) == ("utf-8-sig", "strict", 0, 11)
    assert codecs.lookup(scan.encoding).name == "utf-8-sig"


def test_advertools_lone_surrogates_never_reach_the_server(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jl"
    path.write_text('{"url": "https://x.org/", "title": "bad \\ud800 x", "h1": "ok \\ud83d\\ude00", "status": 200}\n')
    crawl = read_all([path], UrlNormaliser("https://x.org"))
    page = crawl.loaded_pages[0]  # type: ignore[attr-defined]
    assert (page.title, page.h1) == ("bad \ufffd x", "ok \U0001f600")
    page.title.encode("utf-8")  # what the driver does; a lone surrogate would raise here
    assert "crawl.jl, line 1: a lone UTF-16 surrogate replaced with U+FFFD" in crawl.warnings.messages
    with pytest.raises(InputError, match="lone UTF-16 surrogate"):
        read_all([path], UrlNormaliser("https://x.org"), strict=True)


def test_advertools_control_characters_are_dropped_as_in_every_reader(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jl"
    path.write_text('{"url": "https://x.org/", "title": "Back pain\\u001b]0;owned\\u0007 care\\u001b[2J", "status": 200}\n')
    crawl = read_all([path], UrlNormaliser("https://x.org"))
    page = crawl.loaded_pages[0]  # type: ignore[attr-defined]
    assert page.title == "Back pain]0;owned care[2J"
    assert "crawl.jl, line 1: control characters dropped" in crawl.warnings.messages
    with pytest.raises(InputError, match="control characters"):
        read_all([path], UrlNormaliser("https://x.org"), strict=True)


def test_advertools_numbers_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jl"
    lines = [f'{{"url": "https://x.org/p{i}/", "status": 200, "depth": {i}}}' for i in range(120)]
    lines[7] = '{"url": "https://x.org/p7/", "status": 200.5, "depth": 99999999999999999999}'
    path.write_text("\n".join(lines) + "\n")
    crawl = read_all([path], UrlNormaliser("https://x.org"))
    page = next(p for p in crawl.loaded_pages if p.url.endswith("/p7/"))  # type: ignore[attr-defined]
    assert (page.status, page.crawl_depth) == (None, None)
    assert crawl.summary()[0]["bad_values"] == 1
    assert any("crawl.jl, line 8: column 'status'" in w for w in crawl.warnings.messages)
