"""The synthetic site generator: determinism, sizes, file formats, site model and the seed data."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.infer.evidence import open_crawl
from archmodel.ingest.sitemodel import load_site_model
from archmodel.packs.registry import load_registry
from tests.seedgen import seed as seed_module
from archmodel.synth import writer
from archmodel.synth.generate import generate_synth
from archmodel.synth.writer import INLINKS_COLUMNS, INTERNAL_COLUMNS

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seed_data"
FILES = ["all_inlinks.csv", "internal_all.csv", "sitemap.xml", "site.yml", "providers.csv"]
HOST = "www.lakeside-health.example"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth-small")
    generate_synth(400, out, seed=7)
    return out


@pytest.fixture(scope="module")
def tier_s(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth-s")
    generate_synth(1000, out, seed=1)
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def counts(folder: Path) -> tuple[int, int]:
    pages = [r for r in rows(folder / "internal_all.csv") if r["Content Type"].startswith("text/html")]
    links = [r for r in rows(folder / "all_inlinks.csv")
             if r["Type"] == "Hyperlink" and r["Destination"].startswith(("https://www.lakeside-health.example",
                                                                          "https://lakeside-health.example"))]
    return len(pages), len(links)


def test_same_pages_and_seed_give_byte_identical_files(small: Path, tmp_path: Path) -> None:
    generate_synth(400, tmp_path, seed=7)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (small / name).read_bytes(), name


def test_another_seed_gives_another_site(small: Path, tmp_path: Path) -> None:
    generate_synth(400, tmp_path, seed=8)
    assert (tmp_path / "all_inlinks.csv").read_bytes() != (small / "all_inlinks.csv").read_bytes()


@pytest.mark.parametrize("fixture, pages", [("small", 400), ("tier_s", 1000)])
def test_tier_sizes_within_15_percent(fixture: str, pages: int, request: pytest.FixtureRequest) -> None:
    folder = request.getfixturevalue(fixture)
    found_pages, found_links = counts(folder)
    assert abs(found_pages - pages) <= 0.15 * pages
    assert abs(found_links - 40 * pages) <= 0.15 * 40 * pages, found_links


@pytest.mark.parametrize("folder_name", ["small", "seed"])
def test_exports_are_current_screaming_frog_csv(folder_name: str, request: pytest.FixtureRequest) -> None:
    folder = SEED if folder_name == "seed" else request.getfixturevalue(folder_name)
    for name, header in (("all_inlinks.csv", INLINKS_COLUMNS), ("internal_all.csv", INTERNAL_COLUMNS)):
        raw = (folder / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name} has no BOM"
        with open(folder / name, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert table[0] == header
        assert all(len(row) == len(header) for row in table)
        first_data_line = raw.decode("utf-8-sig").split("\r\n")[1]
        assert first_data_line.startswith('"') and '","' in first_data_line  # every field quoted
    inlinks = rows(folder / "all_inlinks.csv")
    assert len(INLINKS_COLUMNS) == 16 and INLINKS_COLUMNS.index("Crawlability") == INLINKS_COLUMNS.index("Status") + 1
    kinds = {r["Type"] for r in inlinks}
    positions = {r["Link Position"] for r in inlinks if r["Type"] == "Hyperlink"}
    assert {"Hyperlink", "Image", "CSS", "JavaScript"} <= kinds
    assert {"Header", "Navigation", "Footer", "Content", "Aside", "Sidebar"} <= positions
    destinations = {r["Destination"] for r in inlinks}
    assert any(d.startswith("mailto:") for d in destinations) and any(d.startswith("tel:") for d in destinations)
    assert any(d.startswith("https://") and HOST not in d and "lakeside-health" not in d for d in destinations)
    internal = rows(folder / "internal_all.csv")
    assert {"GA4 Sessions", "Link Score", "Crawl Depth", "Unique Inlinks"} <= set(internal[0])
    assert all(r["GA4 Sessions"] == "" for r in internal)


@pytest.mark.parametrize("folder_name", ["small", "seed"])
def test_site_model_validates(folder_name: str, request: pytest.FixtureRequest) -> None:
    folder = SEED if folder_name == "seed" else request.getfixturevalue(folder_name)
    model = load_site_model(folder / "site.yml")
    assert model.host == HOST
    assert model.warnings == []
    assert len(model.providers) == len(rows(folder / "providers.csv"))
    assert list(rows(folder / "providers.csv")[0]) == ["id", "name", "page", "specialties", "treats", "locations", "title"]
    crawled = {r["Address"] for r in rows(folder / "internal_all.csv")}
    typed = {model.classify(url)[0] for url in crawled}
    assert {"home", "specialty_hub", "condition", "symptom", "diagnosis", "test", "treatment", "follow_up",
            "appointment", "provider", "location", "telehealth", "blog", "service", "resource_hub", "policy"} <= typed


@pytest.mark.parametrize("folder_name", ["small", "seed"])
def test_sitemap_lists_only_site_urls(folder_name: str, request: pytest.FixtureRequest) -> None:
    folder = SEED if folder_name == "seed" else request.getfixturevalue(folder_name)
    tree = ET.parse(folder / "sitemap.xml")
    locs = [e.text or "" for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(f"https://{HOST}/") and loc.endswith("/") for loc in locs)


def test_seed_size_and_entities() -> None:
    pages, links = counts(SEED)
    assert 300 <= pages <= 800
    model = load_site_model(SEED / "site.yml")
    assert {s.id for s in model.specialties} >= {"endocrinology", "cardiology", "neurology"}
    assert {"diabetes", "thyroid-nodules", "obesity", "insulin-resistance", "metabolic-syndrome"} <= {c.id for c in model.conditions}
    assert any(loc.telehealth for loc in model.locations) and len(model.locations) >= 4
    assert links > 10 * pages


def test_expected_findings_cover_every_check_with_identity_keys() -> None:
    expected = json.loads((SEED / "expected_findings.json").read_text(encoding="utf-8"))
    assert expected["site"] == HOST
    names = sorted(c.name for c in load_registry([], environ={}))
    assert sorted(expected["checks"]) == names and len(names) == 44
    for check, findings in expected["checks"].items():
        assert findings, f"{check} has no planted finding"
        assert all(set(f) == set(seed_module.IDENTITY[check]) for f in findings), check
        for finding in findings:
            for key in ("url", "source", "target"):
                if key in finding:
                    url = finding[key]
                    assert re.fullmatch(rf"https://{re.escape(HOST)}/([a-z0-9-]+/)*", url), url
    assert len(expected["checks"]["equity/equity-sinks"]) == 10


def test_expected_md_explains_every_finding() -> None:
    text = (SEED / "EXPECTED.md").read_text(encoding="utf-8")
    assert "?" not in [line.rsplit(": ", 1)[-1] for line in text.splitlines() if line.startswith("- ")]
    expected = json.loads((SEED / "expected_findings.json").read_text(encoding="utf-8"))
    for check, findings in expected["checks"].items():
        assert f"### {check} ({len(findings)})" in text


def test_committed_seed_data_equals_a_fresh_regeneration(tmp_path: Path) -> None:
    seed_module.generate(tmp_path)
    committed = sorted(str(p.relative_to(SEED)) for p in SEED.rglob("*") if p.is_file())
    assert committed == sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert "traffic/gsc_pages.csv" in committed and "traffic/ga4_landing_pages.csv" in committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (SEED / name).read_bytes(), f"seed_data/{name} is stale: run python -m tests.seedgen.seed"


def test_cli_writes_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--pages", "300", "-o", str(tmp_path / "out"), "--seed", "3"]) == 0
    assert all((tmp_path / "out" / name).is_file() for name in FILES)
    assert "internal links" in capsys.readouterr().err


def test_cli_never_replaces_an_earlier_site_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "site.yml").write_text("# edited by hand\n")
    assert main(["synth", "--pages", "300", "-o", str(out), "--seed", "3"]) == 2
    assert "already holds site.yml" in capsys.readouterr().err
    assert (out / "site.yml").read_text() == "# edited by hand\n"
    assert main(["synth", "--pages", "300", "-o", str(out), "--seed", "3", "--force"]) == 0
    assert (out / "site.yml").read_text() != "# edited by hand\n"


def test_cli_refuses_a_tiny_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--pages", "5", "-o", str(tmp_path)]) == 2
    assert "--pages 5 is too small" in capsys.readouterr().err


def test_a_large_sitemap_is_an_index_of_protocol_sized_files(tmp_path: Path, small: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the protocol's 50,000 URLs a file (here lowered to 40) the sitemap becomes an index of
    files in `sitemaps/`; loading the folder reads every URL once, as the single file gave them."""
    monkeypatch.setattr(writer, "SITEMAP_URLS", 40)
    out = tmp_path / "split"
    generate_synth(400, out, seed=7)
    index = ET.parse(out / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    children = sorted((out / "sitemaps").iterdir())
    assert len(children) == len(index) > 1
    assert all(len(ET.parse(child).getroot()) <= 40 for child in children)
    expected = [e.text for e in ET.parse(small / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    crawl, _ = open_crawl([out], [])
    assert [entry.url for entry in crawl.sitemap_entries()] == expected
