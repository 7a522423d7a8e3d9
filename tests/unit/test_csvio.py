"""Robust CSV opening: encodings, title rows, delimiters, numbers; round trip of random cells."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archmodel.errors import InputError
from archmodel.ingest.cells import parse_bool, parse_float, parse_int
from archmodel.ingest.csvio import column_key, open_csv, sniff_layout

DATA = Path(__file__).resolve().parent.parent / "data"


def test_column_keys_ignore_case_space_and_separators() -> None:
    assert column_key(" Status_Code ") == column_key("status-code") == column_key("Status Code") == "status code"
    assert column_key("\ufeffAddress") == "address"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0,108", 0.108), ("0.108", 0.108), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12,5 %", 12.5),
     ("1.234.567", 1234567.0), ("", None), ("n/a", None), ("\u00a01\u00a0234,5", 1234.5)],
)
def test_parse_float(text: str, expected: float | None) -> None:
    assert parse_float(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("3,0", 3), ("2,5", None), ("", None), ("x", None)],
)
def test_parse_int(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


def test_parse_bool() -> None:
    assert [parse_bool(v) for v in ("True", "false", "YES", "0", "Wahr", "", "maybe")] == [
        True, False, True, False, True, None, None,
    ]


def test_sniff_layout() -> None:
    assert sniff_layout(['"All Inlinks"', '"Type","Source"']) == (",", 1, "All Inlinks")
    assert sniff_layout(["a;b;c", "1;2;3"]) == (";", 0, None)
    assert sniff_layout(["a\tb", "1\t2"]) == ("\t", 0, None)
    assert sniff_layout(['"a,b";c;d', "1;2;3"]) == (";", 0, None)
    assert sniff_layout(["url", "https://x.org/"]) == (",", 0, None)


def test_title_row_is_skipped_and_lines_count_from_the_file() -> None:
    opened = open_csv(DATA / "bad/title_row_pages.csv")
    assert opened.title == "Internal - HTML"
    assert opened.header.names == ["url", "status", "title"]
    assert opened.header_line == 2
    assert list(opened.rows()) == [(3, ["https://www.northside-endo.example/", "200", "Home"])]


def test_bom_semicolons_and_quotes() -> None:
    opened = open_csv(DATA / "bad/semicolon_localised_internal.csv")
    assert opened.delimiter == ";"
    assert opened.header.find("response-time") == 6
    rows = list(opened.rows())
    assert rows[0][1][6] == "0,108"
    bom = open_csv(DATA / "bad/bom_pages.csv")
    assert bom.encoding == "utf-8-sig" and bom.header.names == ["url", "status"]


def test_encodings() -> None:
    assert open_csv(DATA / "bad/latin1_pages.csv").encoding == "cp1252"
    latin = list(open_csv(DATA / "bad/latin1_pages.csv").rows())
    assert latin[0][1][1] == "Diab\u00e8te et sant\u00e9" and latin[1][1][1] == "Caf\u00e9 \u2013 Northside"
    utf16 = open_csv(DATA / "bad/utf16_pages.csv")
    assert utf16.encoding == "utf-16" and utf16.delimiter == "\t"
    assert list(utf16.rows()) == [(2, ["https://www.northside-endo.example/", "200", "Diab\u00e8te"])]


def test_latin1_only_bytes_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"url,title\r\nhttps://x.org/,a\x81b\r\n")  # 0x81 is undefined in cp1252
    opened = open_csv(path)
    assert opened.encoding == "latin-1"
    assert list(opened.rows())[0][1][1] == "a\x81b"


def test_multiline_cells_keep_their_start_line() -> None:
    rows = list(open_csv(DATA / "bad/multiline_cells_inlinks.csv").rows())
    assert [line for line, _ in rows] == [2, 4]
    assert rows[0][1][3] == "Line one\nline two"


def test_short_rows_are_padded_and_blank_lines_skipped() -> None:
    rows = list(open_csv(DATA / "bad/short_rows_pages.csv").rows())
    assert rows[0] == (2, ["https://www.northside-endo.example/", "200", "", ""])
    blank = list(open_csv(DATA / "bad/blank_lines_pages.csv").rows())
    assert [line for line, _ in blank] == [4, 7]


def test_extra_cells_name_the_line() -> None:
    with pytest.raises(InputError, match=r"row has 4 cells but the header has 3 \(extra_cells_pages.csv, line 3\)"):
        list(open_csv(DATA / "bad/extra_cells_pages.csv").rows())


def test_one_megabyte_cell(tmp_path: Path) -> None:
    big = "x" * (1024 * 1024 + 7)
    path = tmp_path / "big_cell_pages.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["url", "title"], ["https://x.org/", big], ["https://x.org/b/", "b"]])
    rows = list(open_csv(path).rows())
    assert rows[0][1][1] == big and rows[1] == (3, ["https://x.org/b/", "b"])


@pytest.mark.parametrize(("name", "message"), [("empty.csv", "the file is empty"), ("binary.csv", "binary file")])
def test_unusable_files(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_csv(DATA / "bad" / name)


# -- round trip ------------------------------------------------------------------------------

cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from(
        [",", ";", "\t", '"', "\n", "\r", " "]
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    title=st.booleans(),
)
def test_round_trip_through_csv_writer(
    tmp_path: Path, rows: list[list[str]], delimiter: str, encoding: str, title: bool
) -> None:
    if encoding == "cp1252":
        rows = [[c.encode("cp1252", "replace").decode("cp1252") for c in row] for row in rows]
    rows = [row for row in rows if any(c.strip() for c in row)]
    header = ["url", "title", "h1"]
    buffer = io.StringIO()
    if title:
        buffer.write('"Internal - All"\r\n')
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows([header, *rows])
    path = tmp_path / "round.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    opened = open_csv(path)
    assert opened.delimiter == delimiter
    assert opened.header.names == header
    assert opened.title == ("Internal - All" if title else None)
    assert [cells for _, cells in opened.rows()] == rows
    assert codecs.lookup(opened.encoding).name in {
        codecs.lookup(e).name for e in (encoding, "utf-8-sig", "cp1252", "latin-1", "utf-16")
    }
