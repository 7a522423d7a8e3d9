"""File kinds come from the content, never the name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.detect import detect
from archmodel.ingest.inputs import discover_files, infer_base_url
from archmodel.ingest.records import InputWarnings

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("sf_current/internal_all.csv", "sf_internal"),
        ("sf_current/all_inlinks.csv", "sf_inlinks"),
        ("sf_2017/internal_all.csv", "sf_internal"),
        ("sf_2017/all_inlinks.csv", "sf_inlinks"),
        ("generic/pages.csv", "generic_pages"),
        ("generic/links.csv", "generic_links"),
        ("advertools/crawl.jl", "advertools"),
        ("sitemaps/sitemap.xml", "sitemap"),
        ("sitemaps/sitemap_index.xml", "sitemap"),
        ("sitemaps/sitemap-pages.xml.gz", "sitemap"),
        ("bad/tab_links.tsv", "generic_links"),
        ("bad/semicolon_localised_internal.csv", "sf_internal"),
        ("bad/utf16_pages.csv", "generic_pages"),
        ("bad/cp1252_inlinks.csv", "sf_inlinks"),
    ],
)
def test_kinds(relative: str, kind: str) -> None:
    assert detect(DATA / relative).kind == kind


def test_kind_does_not_depend_on_the_name(tmp_path: Path) -> None:
    renamed = tmp_path / "links.csv"
    shutil.copy(DATA / "sf_current/internal_all.csv", renamed)
    assert detect(renamed).kind == "sf_internal"
    jl = tmp_path / "export.csv"
    shutil.copy(DATA / "advertools/crawl.jl", jl)
    assert detect(jl).kind == "advertools"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.csv", "empty"),
        ("whitespace_only.csv", "empty"),
        ("binary.csv", "binary"),
        ("xlsx_renamed.csv", "binary"),
        ("html_page.csv", "html"),
        ("sitemap_html.xml", "html"),
        ("sitemap_rss.xml", "xml"),
        ("wrong_columns.csv", "columns"),
        ("json_without_url.jsonl", "json"),
    ],
)
def test_unknown_files_have_a_reason(name: str, reason: str) -> None:
    detection = detect(DATA / "bad" / name)
    assert detection.kind is None and detection.reason == reason


def test_folder_skips_unknown_files_with_a_warning(tmp_path: Path) -> None:
    shutil.copy(DATA / "generic/pages.csv", tmp_path / "pages.csv")
    shutil.copy(DATA / "bad/wrong_columns.csv", tmp_path / "analytics.csv")
    (tmp_path / "site.yml").write_text("site: {}\n")
    (tmp_path / "notes.md").write_text("# notes\n")
    (tmp_path / "sub").mkdir()
    warnings = InputWarnings()
    found = discover_files([tmp_path], warnings)
    assert [(f.path.name, f.kind) for f in found] == [("pages.csv", "generic_pages")]
    assert len(warnings.messages) == 1 and "analytics.csv" in warnings.messages[0]


def test_explicit_unknown_file_is_an_error() -> None:
    with pytest.raises(InputError, match=r"header matches no known export .*wrong_columns.csv, line 1"):
        discover_files([DATA / "bad/wrong_columns.csv"])
    with pytest.raises(InputError, match="no such file or folder"):
        discover_files([DATA / "does-not-exist.csv"])


def test_infer_base_url() -> None:
    assert infer_base_url(discover_files([DATA / "sf_2017"])) == "https://www.northside-endo.example"
    assert infer_base_url(discover_files([DATA / "advertools"])) == "https://www.northside-endo.example"
    assert infer_base_url(discover_files([DATA / "generic/pages.csv"])) == "https://www.northside-endo.example"


def test_infer_base_url_from_links_only_and_from_the_commonest_host() -> None:
    assert infer_base_url(discover_files([DATA / "bad/fragments_links.csv"])) == "https://www.northside-endo.example"
    mixed = discover_files([DATA / "bad/mixed_hosts_pages.csv"])
    assert infer_base_url(mixed) == "https://www.northside-endo.example"  # www + https twice, after ports


def test_infer_base_url_needs_absolute_urls(tmp_path: Path) -> None:
    path = tmp_path / "pages.csv"
    path.write_text("url\n/a/\n/b/\n")
    with pytest.raises(InputError, match="cannot tell which site was crawled"):
        infer_base_url(discover_files([path]))
