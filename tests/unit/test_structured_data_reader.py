"""Screaming Frog's Structured Data export: detected by its header (never taken for an Internal
export, though both have `Address`), its Type columns in every spelling, URLs normalised like the
pages', every row accounted for, bad counts warned about or refused with --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.detect import detect
from archmodel.ingest.inputs import discover_files, open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.structured_data import STREAM, StructuredDataReader, StructuredDataRecord, type_name

H = "https://www.northside-endo.example"
PAGES = f"url,status,title\n{H}/,200,Home\n{H}/conditions/diabetes/,200,Diabetes\n{H}/providers/ana-ruiz/,200,Ana\n"
CURRENT = (
    "\ufeffAddress,Status Code,Status,Indexability,Indexability Status,Errors,Warnings,Total Types,Unique Types,"
    "Type-1,Type-2,Type-3\n"
    f"{H}/,200,OK,Indexable,,0,0,2,2,WebSite,Hospital,\n"
    f"http://northside-endo.example/conditions/diabetes,200,OK,Indexable,,2,1,3,2,BreadcrumbList,MedicalWebPage,"
    "MedicalWebPage\n"
    f"{H}/providers/ana-ruiz/,200,OK,Indexable,,0,0,1,1,https://schema.org/Physician,,\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def n() -> UrlNormaliser:
    return UrlNormaliser(H, aliases=["https://northside-endo.example"], trailing_slash="add")


def records(path: Path, n: UrlNormaliser, **options: object) -> tuple[list[StructuredDataRecord], StructuredDataReader]:
    reader = StructuredDataReader(path, ReadOptions(**options))  # type: ignore[arg-type]
    return list(reader.records(n)), reader


@pytest.mark.parametrize(
    "header",
    [
        "Address,Errors,Warnings,Total Types,Unique Types,Type 1,Type 2",  # the tab's documented columns
        "Address,Status Code,Errors,Warnings,Total Types,Unique Types,Type-1,Type-2",  # dashed, with status
        "address;errors;warnings;total_types;unique_types;type_1;type_2",  # re-saved: semicolons, snake case
    ],
)
def test_every_spelling_is_detected_and_read_in_type_order(tmp_path: Path, n: UrlNormaliser, header: str) -> None:
    separator = ";" if ";" in header else ","
    columns = header.split(separator)
    values = {"address": f"{H}/conditions/diabetes/", "status code": "200", "errors": "1", "warnings": "0",
              "total types": "2", "unique types": "2"}
    cells = [values.get(c.lower().replace("_", " "), "") for c in columns]
    cells[-2:] = ["MedicalCondition", "MedicalWebPage"]
    path = write(tmp_path, "export.csv", header + "\n" + separator.join(cells) + "\n")
    assert detect(path).kind == "sf_structured_data"
    found, _ = records(path, n)
    assert found == [StructuredDataRecord(f"{H}/conditions/diabetes/", ["MedicalCondition", "MedicalWebPage"], 1, 0)]


def test_an_internal_export_is_still_an_internal_export(tmp_path: Path) -> None:
    path = write(tmp_path, "internal.csv", "Address,Status Code,Title 1,Type\nhttps://x.org/,200,Home,text/html\n")
    assert detect(path).kind == "sf_internal"


def test_types_are_kept_once_in_order_and_urls_normalised_like_pages(tmp_path: Path, n: UrlNormaliser) -> None:
    found, reader = records(write(tmp_path, "structured_data_all.csv", CURRENT), n)
    assert found == [
        StructuredDataRecord(f"{H}/", ["WebSite", "Hospital"], 0, 0),
        StructuredDataRecord(f"{H}/conditions/diabetes/", ["BreadcrumbList", "MedicalWebPage"], 2, 1),
        StructuredDataRecord(f"{H}/providers/ana-ruiz/", ["Physician"], 0, 0),
    ]
    assert reader.accounts[STREAM].row()["read"] == 3


@pytest.mark.parametrize(
    ("written", "name"),
    [("Physician", "Physician"), ("https://schema.org/Physician", "Physician"), ("http://schema.org/Physician/",
     "Physician"), ("schema:MedicalClinic", "MedicalClinic"), (" https://www.schema.org/Hospital ", "Hospital"),
     ("https://example.org/vocab/Clinic", "https://example.org/vocab/Clinic")],
)
def test_schema_org_urls_are_read_as_type_names(written: str, name: str) -> None:
    assert type_name(written) == name


def test_bad_rows_are_counted_and_bad_counts_warned_or_refused(tmp_path: Path, n: UrlNormaliser) -> None:
    text = (
        "Address,Status Code,Status,Errors,Warnings,Total Types,Unique Types,Type 1\n"
        f"{H}/,200,OK,0,0,1,1,WebSite\n"
        ",200,OK,0,0,1,1,WebPage\n"  # no address: rejected
        "https://elsewhere.example/,200,OK,0,0,1,1,WebPage\n"  # another host: external
        f"{H}/members/,0,Blocked by robots.txt,,,0,0,\n"  # never fetched
        f"{H}/conditions/diabetes/,200,OK,many,0,1,1,MedicalWebPage\n"  # a bad count: null, with a warning
    )
    path = write(tmp_path, "sd.csv", text)
    found, reader = records(path, n, max_bad_rows=0.5)
    assert [(r.url, r.errors) for r in found] == [(f"{H}/", 0), (f"{H}/conditions/diabetes/", None)]
    row = reader.accounts[STREAM].row()
    assert (row["read"], row["rejected"], row["skipped_external"], row["skipped_never_fetched"], row["bad_values"]) == (
        5, 1, 1, 1, 1)
    assert row["never_fetched"] == {"Blocked by robots.txt": 1}
    assert any("'Errors'" in w and "many" in w for w in reader.accounts[STREAM].warnings)
    with pytest.raises(InputError, match="not a whole number"):
        records(path, n, strict=True)


def test_a_missing_count_column_names_the_file_and_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "sd.csv", "Address,Total Types,Type 1\nhttps://x.org/,1,WebPage\n")
    reader = StructuredDataReader(path)
    assert reader.type_columns == [2]
    with pytest.raises(InputError) as caught:
        StructuredDataReader(write(tmp_path, "internal.csv", "Address,Type 1\nhttps://x.org/,WebPage\n"))
    assert "Screaming Frog Structured Data export has no 'Total Types' column" in str(caught.value)


def test_load_inputs_match_rows_to_pages_once(tmp_path: Path, n: UrlNormaliser) -> None:
    write(tmp_path, "pages.csv", PAGES)
    write(tmp_path, "structured_data_all.csv", CURRENT + f"{H}/,200,OK,Indexable,,0,0,1,1,WebPage,,\n"
                                                       f"{H}/never-crawled/,200,OK,Indexable,,0,0,1,1,WebPage,,\n")
    files = discover_files([tmp_path])
    assert sorted(f.kind for f in files) == ["generic_pages", "sf_structured_data"]
    crawl = open_inputs([tmp_path], n)
    pages = {page.url for page in crawl.pages()}
    assert crawl.has_structured_data
    found = list(crawl.structured_data(pages.__contains__))
    assert [r.url for r in found] == [f"{H}/", f"{H}/conditions/diabetes/", f"{H}/providers/ana-ruiz/"]
    row = next(r for r in crawl.summary() if r["records"] == STREAM)
    assert (row["file"], row["read"], row["loaded"], row["skipped_duplicate"], row["skipped_not_in_crawl"]) == (
        "structured_data_all.csv", 5, 3, 1, 1)


def test_structured_data_alone_is_not_a_crawl(tmp_path: Path, n: UrlNormaliser) -> None:
    path = write(tmp_path, "structured_data_all.csv", CURRENT)
    with pytest.raises(InputError, match="no crawl export found"):
        open_inputs([path], n)
    write(tmp_path, "pages.csv", PAGES)
    assert not open_inputs([tmp_path / "pages.csv"], n).has_structured_data
