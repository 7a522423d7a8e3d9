"""Output that is safe for its reader: spreadsheets, terminals and JSON parsers (cli/output.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from archmodel.cli.output import Format, render, write_output
from archmodel.errors import ArchmodelError

ROWS = [
    {"url": "https://x.example/a/", "anchor": "=HYPERLINK(\"http://evil.example\",\"click\")", "impact": -2.5},
    {"url": "https://x.example/b/", "anchor": "@SUM(1+1)", "impact": float("nan")},
    {"url": "https://x.example/c/", "anchor": "+1 555 0100", "impact": float("inf")},
    {"url": "https://x.example/d/", "anchor": "-3 tips\tfor \x1b]0;owned\x07 back pain\x1b[2J", "impact": 3},
    {"url": "https://x.example/e/", "anchor": "\rcarriage", "impact": 0},
    {"url": "https://x.example/f/", "anchor": "plain anchor", "impact": 1.5},
]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised() -> None:
    rows = list(csv.DictReader(io.StringIO(render(ROWS, ["url", "anchor", "impact"], Format.csv))))
    anchors = [row["anchor"] for row in rows]
    assert anchors[0] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert anchors[1] == "'@SUM(1+1)"
    assert anchors[2] == "'+1 555 0100"
    assert anchors[3].startswith("'-3 tips")
    assert anchors[4] == "' carriage"
    assert anchors[5] == "plain anchor"
    assert rows[0]["impact"] == "-2.5"  # a number stays a number
    assert all(not row["url"].startswith("'") for row in rows)


def test_json_and_ndjson_keep_the_raw_text_and_are_strict() -> None:
    text = render(ROWS, None, Format.json)
    parsed = json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    assert parsed[0]["anchor"].startswith("=HYPERLINK")
    assert [row["impact"] for row in parsed] == [-2.5, None, None, 3, 0, 1.5]
    assert "NaN" not in text and "Infinity" not in text
    lines = render(ROWS, None, Format.ndjson).splitlines()
    assert [json.loads(line)["impact"] for line in lines] == [-2.5, None, None, 3, 0, 1.5]


def test_terminal_tables_and_markdown_carry_no_control_characters() -> None:
    for fmt in (Format.table, Format.markdown):
        text = render(ROWS, ["url", "anchor"], fmt)
        assert "\x1b" not in text and "\x07" not in text and "\r" not in text, fmt
        assert "back pain" in text


def test_output_to_a_folder_or_an_unwritable_path_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(ArchmodelError, match="is a folder"):
        write_output("[]\n", tmp_path, "0 rows")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(ArchmodelError, match="cannot write"):
        write_output("[]\n", blocker / "findings.json", "0 rows")


def test_an_argument_that_is_not_utf8_is_one_error_unless_it_names_a_file(tmp_path, capsys) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; they used to end in
    "unexpected UnicodeError ... report it"."""
    from archmodel.cli import main

    assert main(["--uri", "bolt://h\udcff:7687", "stats"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("Error: argument 2 is not valid UTF-8 text: bolt://h\\xff:7687 (command line) - "
                           "type it in UTF-8 (check the terminal's locale, e.g. LANG=C.UTF-8)")
    latin1 = tmp_path / "caf\udce9"
    latin1.mkdir()
    assert main(["synth", "--pages", "200", "-o", str(latin1), "--force"]) == 0, capsys.readouterr().err
