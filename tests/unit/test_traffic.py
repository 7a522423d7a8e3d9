"""Traffic readers: Search Console, GA4 and url,metric files of several vintages, detected by header."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.traffic import read_traffic
from archmodel.ingest.traffic_join import TrafficResult, join_traffic, read_files

DATA = Path(__file__).resolve().parents[1] / "data" / "traffic"
SITE = "https://www.basic-clinic.example"
CRAWL = {SITE + p for p in ("/", "/specialties/endocrinology/", "/conditions/diabetes/", "/conditions/diabetes/symptoms/",
                            "/tests/a1c/", "/providers/maria-okafor/", "/locations/downtown/", "/privacy/",
                            "/appointments/diabetes-evaluation/")}


def one(name: str):
    tables = read_traffic(DATA / name)
    assert len(tables) == 1
    return tables[0]


@pytest.mark.parametrize(
    ("name", "kind", "rows", "first"),
    [
        ("gsc_pages.csv", "gsc", 8, {"clicks": 1520, "impressions": 40210, "ctr": 0.0378, "position": 6.4}),
        ("gsc_pages_title_row.csv", "gsc", 2, {"clicks": 880, "impressions": 12034, "ctr": 0.0731, "position": 2.1}),
        ("gsc_pages_legacy.csv", "gsc", 2, {"clicks": 1398, "impressions": 38877, "ctr": 0.036, "position": 6.8}),
        ("gsc_pages_de.csv", "gsc", 2, {"clicks": 1234, "impressions": 45678, "ctr": 0.027, "position": 6.4}),
        ("gsc_api.json", "gsc", 2, {"clicks": 1520, "impressions": 40210, "ctr": 0.0378, "position": 6.4}),
        ("gsc_api.csv", "gsc", 2, {"clicks": 1520, "impressions": 40210, "ctr": 0.0378, "position": 6.4}),
        ("ga4_landing_page.csv", "ga4", 5, {"sessions": 2210, "users": 1876, "key_events": 36}),
        ("ga4_landing_page_2023.csv", "ga4", 3, {"sessions": 120, "users": 110, "key_events": 2}),
        ("ga4_pages_and_screens.csv", "ga4", 3, {"views": 5120, "users": 2301, "key_events": 40}),
        ("generic_sessions.csv", "generic", 2, {"sessions": 2100, "key_events": 30}),
    ],
)
def test_exports_are_detected_by_header_and_read(name: str, kind: str, rows: int, first: dict[str, float]) -> None:
    table = one(name)
    assert table.kind == kind
    assert len(table.rows) == rows
    for metric, value in first.items():
        assert table.rows[0].metrics[metric] == pytest.approx(value), metric


def test_a_title_row_above_the_header_is_skipped_and_lines_still_count() -> None:
    assert [row.line for row in one("gsc_pages_title_row.csv").rows] == [3, 4]


def test_ga4_comment_lines_not_set_rows_and_later_tables_are_skipped() -> None:
    table = one("ga4_landing_page.csv")
    assert [r.page for r in table.rows][:2] == ["/conditions/diabetes/", "/"]
    assert all(r.page != "(not set)" for r in table.rows)
    assert table.rows[0].line == 11
    pages = one("ga4_pages_and_screens.csv")
    assert all(not r.page.isdigit() for r in pages.rows)  # the "Nth day" chart table is not pages


@pytest.mark.parametrize("name", ["gsc_queries.csv", "gsc_dates.csv", "gsc_filters.csv"])
def test_other_search_console_tables_are_recognised_and_ignored(name: str) -> None:
    table = one(name)
    assert table.kind is None and "ignored" in table.note


def test_the_search_console_zip_yields_the_pages_table_and_notes_the_rest(tmp_path: Path) -> None:
    archive = tmp_path / "https___www.basic-clinic.example_-Performance-on-Search-2026-11-01.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for member, source in (("Queries.csv", "gsc_queries.csv"), ("Pages.csv", "gsc_pages.csv"),
                               ("Dates.csv", "gsc_dates.csv"), ("Filters.csv", "gsc_filters.csv")):
            zf.write(DATA / source, member)
    tables, notes = read_files([archive])
    assert [t.name.split(":")[1] for t in tables] == ["Pages.csv"]
    assert len(notes) == 3 and all("ignored" in n for n in notes)


def test_a_file_given_twice_is_read_once() -> None:
    tables, notes = read_files([DATA / "gsc_pages.csv", DATA / "gsc_pages.csv"])
    assert len(tables) == 1 and "read once" in notes[0]


def test_join_normalises_urls_sums_duplicates_and_counts_unmatched() -> None:
    result = TrafficResult("www.basic-clinic.example")
    normaliser = UrlNormaliser(SITE, ["https://basic-clinic.example"])
    totals = join_traffic([one("gsc_pages.csv")], normaliser, CRAWL, result)
    diabetes = totals[SITE + "/conditions/diabetes/"].properties()
    # the #:~:text= jump link row is the same page: clicks and impressions add up, CTR is recomputed
    assert diabetes["gsc_clicks"] == 1600 and diabetes["gsc_impressions"] == 42200
    assert diabetes["gsc_ctr"] == pytest.approx(1600 / 42200, abs=1e-4)
    assert diabetes["gsc_position"] == pytest.approx((6.4 * 40210 + 7.9 * 1990) / 42200, abs=0.01)
    assert SITE + "/conditions/diabetes/symptoms/" in totals  # bare host
    assert SITE + "/tests/a1c/" in totals  # http and no trailing slash
    assert result.duplicate_rows == 1
    assert result.unmatched_rows == 1 and "old-diabetes-diet" in result.unmatched_examples[0]


def test_ga4_paths_resolve_against_the_site_and_utm_queries_fold_into_the_page() -> None:
    result = TrafficResult("www.basic-clinic.example")
    normaliser = UrlNormaliser(SITE)
    totals = join_traffic([one("ga4_landing_page_2023.csv")], normaliser, CRAWL, result)
    assert totals[SITE + "/conditions/diabetes/"].properties()["ga_sessions"] == 2110
    assert totals[SITE + "/conditions/diabetes/"].properties()["ga_key_events"] == 32


def test_an_export_of_another_site_is_refused_with_one_line() -> None:
    normaliser = UrlNormaliser(SITE)
    with pytest.raises(InputError) as caught:
        join_traffic([one("bad_other_site.csv")], normaliser, CRAWL, TrafficResult("www.basic-clinic.example"))
    message = caught.value.message()
    assert "3 of 4 rows are on other hosts (www.other-hospital.example" in message
    assert "(bad_other_site.csv, line 2)" in message and "\n" not in message


def test_a_cell_that_is_not_a_number_names_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        read_traffic(DATA / "bad_number.csv")
    assert caught.value.file == "bad_number.csv" and caught.value.line == 3
    assert "Clicks 'lots' is not a number" in caught.value.what


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Keyword,Volume,Difficulty\ndiabetes,12000,45\n", "matches no traffic export"),
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b'{"rows": 3}', "no 'rows' list"),
        (b'{"rows": [{"keys": ["https://x.example/"], "clicks": "many"}]}', "is not a number"),
    ],
)
def test_unreadable_files_give_one_error(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_traffic(path)
    assert expected in caught.value.what
    assert caught.value.file == "export.csv"


@pytest.mark.parametrize("name", ["gsc_pages.csv", "ga4_landing_page.csv", "gsc_queries.csv"])
def test_the_crawl_detector_says_a_traffic_export_goes_to_traffic(name: str) -> None:
    from archmodel.ingest.detect import detect

    detection = detect(DATA / name)
    assert detection.kind is None and detection.reason == "traffic"
    assert "--traffic" in detection.error(DATA / name).fix


@pytest.mark.parametrize(("cells", "said"), [
    ("nan,10,10%,1.0", "'nan' is not a number"),
    ("inf,10,10%,1.0", "'inf' is not a number"),
    ("1e30,10,10%,1.0", "'1e30' is not a number in range"),
    ("5,10,117.5%,1.0", "'117.5%' is more than 100%"),
])
def test_non_finite_huge_and_impossible_numbers_are_refused_with_their_line(tmp_path: Path, cells: str, said: str) -> None:
    path = tmp_path / "Pages.csv"
    path.write_text(f"Top pages,Clicks,Impressions,CTR,Position\nhttps://x.example/a/,1,10,10%,1.0\nhttps://x.example/b/,{cells}\n")
    with pytest.raises(InputError, match=r"line 3") as raised:
        read_traffic(path)
    assert said in str(raised.value)


def test_non_finite_numbers_in_an_api_response_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gsc.json"
    path.write_text('{"rows": [{"keys": ["https://x.example/a/"], "clicks": 1, "impressions": 10, "ctr": 0.1, '
                    '"position": 1.0},\n {"keys": ["https://x.example/b/"], "clicks": NaN, "impressions": 10}]}')
    with pytest.raises(InputError, match="clicks nan is not a number in range"):
        read_traffic(path)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # German: "1.234" is a thousand and more, "1,5" one and a half, once the file shows its mark
        (["/a/,1.234,20.000,\"2,5\",\"3,4\"", "/b/,12,300,\"4,0\",\"1,5\""],
         [{"clicks": 1234, "impressions": 20000, "ctr": 0.025, "position": 3.4},
          {"clicks": 12, "impressions": 300, "ctr": 0.04, "position": 1.5}]),
        # English: "1,234" a thousand and more, "3.4" a decimal
        (["/a/,\"1,234\",\"20,000\",2.5,3.4", "/b/,12,300,4.0,1.5"],
         [{"clicks": 1234, "impressions": 20000, "ctr": 0.025, "position": 3.4},
          {"clicks": 12, "impressions": 300, "ctr": 0.04, "position": 1.5}]),
        # Nothing shows the mark: counts read "1.234" with thousands, averages as a decimal, as before
        (["/a/,1.234,2000,0.025,1.234"], [{"clicks": 1234, "impressions": 2000, "ctr": 0.025, "position": 1.234}]),
    ],
)
def test_the_decimal_mark_is_read_once_per_file(tmp_path: Path, rows: list[str], expected: list[dict]) -> None:
    path = tmp_path / "Pages.csv"
    path.write_text("Top pages,Clicks,Impressions,CTR,Position\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (table,) = read_traffic(path)
    assert [row.metrics for row in table.rows] == expected


def test_numbers_written_two_ways_in_one_file_are_refused(tmp_path: Path) -> None:
    """Per-cell guessing read "1.234" as 1234 and "1,5" as 1.5 within one English file."""
    path = tmp_path / "Pages.csv"
    path.write_text('Top pages,Clicks,Impressions,CTR,Position\n/a/,10,200,5%,"1,5"\n/b/,12,300,4%,2.25\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"numbers are written two ways: '1,5' \(line 2\) has a decimal comma, "
                                         r"'2.25' \(line 3\) a decimal point"):
        read_traffic(path)
