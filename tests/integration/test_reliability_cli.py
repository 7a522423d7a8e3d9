"""`archmodel load` on hostile exports against a real server: exit 2, one error line naming file,
line and fix, and the previous crawl unchanged; or a correct load with its input summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph

DATA = Path(__file__).resolve().parent.parent / "data"
REL = DATA / "reliability"
GOOD = [DATA / "generic" / "pages.csv", DATA / "generic" / "links.csv"]
HOST = "www.northside-endo.example"
REEXPORT = "re-export from Screaming Frog, or open and save as CSV UTF-8"


def snapshot(graph: Graph) -> dict:
    rows = graph.read(
        "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) "
        "OPTIONAL MATCH (p)-[r:LINKS_TO]->() "
        "RETURN c.id AS crawl, p.url AS url, p.status AS status, p.title AS title, p.depth AS depth, "
        "count(r) AS links ORDER BY url",
        {"host": HOST},
    )
    return {"crawl": {row["crawl"] for row in rows}, "pages": [tuple(row.values())[1:] for row in rows]}


@pytest.fixture
def previous(graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture) -> dict:
    assert main(["load", *map(str, GOOD)]) == 0
    capsys.readouterr()
    before = snapshot(graph)
    assert len(before["crawl"]) == 1 and len(before["pages"]) == 3
    return before


@pytest.mark.parametrize(
    ("name", "options", "line", "fragment"),
    [
        ("excel_stray_quote_internal.csv", [], 4, "unbalanced quote"),
        ("unclosed_quote_pages.csv", [], 5, "unbalanced quote"),
        ("utf16_nul_links.csv", [], 3, "NUL byte"),
        ("duplicate_title_pages.csv", [], 1, "two columns named 'title'"),
        ("bad_numbers_pages.csv", [], 3, "6 of 8 rows hold invalid numbers"),
        ("utf8_stray_byte_pages.csv", ["--strict"], 4, "not valid UTF-8"),
        ("utf16_bad_sequence_pages.csv", ["--strict"], 4, "not valid UTF-16"),
        ("huge_depth_pages.csv", ["--strict"], 79, "larger than a 64-bit integer"),
        ("control_chars_utf16_pages.csv", ["--strict"], 3, "control characters"),
    ],
)
def test_bad_export_fails_with_one_line_and_keeps_the_previous_crawl(
    graph: Graph, previous: dict, capsys: pytest.CaptureFixture, name: str, options: list[str], line: int,
    fragment: str,
) -> None:
    code = main(["load", str(REL / name), *options])
    err = capsys.readouterr().err
    errors = [text for text in err.splitlines() if text.startswith("Error:")]
    assert code == 2
    assert len(errors) == 1, err
    assert fragment in errors[0] and f"({name}, line {line}) - " in errors[0]
    assert "Traceback" not in err
    assert snapshot(graph) == previous


def test_stray_byte_loads_utf8_with_a_warning_and_a_summary(
    graph: Graph, previous: dict, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    out = tmp_path / "load.json"
    code = main(["load", str(REL / "utf8_stray_byte_pages.csv"), "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "utf8_stray_byte_pages.csv: 1 byte sequence is not valid UTF-8 on line 4" in err
    result = json.loads(out.read_text())
    assert (result["site"], result["pages"], result["unchanged"]) == (HOST, 4, False)
    assert result["inputs"] == [{
        "file": "utf8_stray_byte_pages.csv", "records": "pages", "read": 4, "loaded": 4, "skipped_external": 0,
        "skipped_non_html": 0, "skipped_resource": 0, "skipped_duplicate": 0, "skipped_never_fetched": 0,
        "skipped_not_in_crawl": 0,
        "rejected": 0, "bad_values": 0, "never_fetched": {},
    }]
    titles = {row["title"] for row in graph.read("MATCH (p:Page {site: $host}) RETURN p.title AS title", {"host": HOST})}
    assert {"Sant\u00e9 et diab\u00e8te", "Endocrinologie p\u00e9diatrique", "Caf\ufffd menu"} <= titles


def test_summary_on_stderr_and_nulls_for_rare_bad_numbers(
    graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture
) -> None:
    code = main(["load", str(REL / "huge_depth_pages.csv"), "--max-bad-rows", "1%"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith(f"Loaded {HOST}: 150 pages")
    assert "Input summary:" in captured.err
    assert re.search(r"^Time by phase: prepare [\d.]+ s, pages [\d.]+ s, links [\d.]+ s, .*switch [\d.]+ s$",
                     captured.err, re.MULTILINE)
    peaks = re.search(r"^Peak memory \(MB\) after: set-up ([\d,]+), prepare ([\d,]+), .*switch ([\d,]+)$",
                      captured.err, re.MULTILINE)
    assert peaks, captured.err
    set_up, prepare, switch = (int(mb.replace(",", "")) for mb in peaks.groups())
    assert 0 < set_up <= prepare <= switch  # a running peak: it never goes down
    assert "huge_depth_pages.csv  pages: 150 read, 150 loaded, 1 with invalid numbers (stored as null)" in captured.err
    assert "huge_depth_pages.csv, line 79: column 'depth'" in captured.err
    rows = graph.read("MATCH (p:Page {site: $host, url: $url}) RETURN p.crawl_depth AS d",
                      {"host": HOST, "url": f"https://{HOST}/h77/"})
    assert rows == [{"d": None}]


def test_bad_max_bad_rows_is_a_usage_error(cli_env: dict, capsys: pytest.CaptureFixture) -> None:
    assert main(["load", str(GOOD[0]), "--max-bad-rows", "lots"]) == 2
    assert "Error: 'lots' is not a percentage from 0 to 100 (--max-bad-rows)" in capsys.readouterr().err
