"""The structured-data pack end to end on a real server: the seed's Structured Data export, named
as a file argument, lands on the pages; the traps of tests/seedgen/structured_data.py give no
finding; `person_counts` lets a Person count; and a crawl loaded without the export skips the pack
in one line instead of reporting every page (docs/packs.md "Skipped checks")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import STRUCTURED_DATA_REASON, Runner
from archmodel.synth import model as m
from tests.conftest import REPO, wipe
from tests.seedgen.seed import build_seed
from tests.seedgen.structured_data import FILE_NAME

SEED = REPO / "seed_data"
HOST = "www.lakeside-health.example"
PACK = "structured-data"
CHECKS = [check for check in load_registry([], environ={}) if check.pack == PACK]


def cli(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def seed():
    return build_seed()


@pytest.fixture
def loaded(graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture, tmp_path: Path) -> dict:
    files = [SEED / "internal_all.csv", SEED / "all_inlinks.csv", SEED / FILE_NAME]
    out = tmp_path / "load.json"
    code, _, err = cli(capsys, "load", *map(str, files), "--site", str(SEED / "site.yml"),
                       "--sitemap", str(SEED / "sitemap.xml"), "--format", "json", "-o", str(out))
    assert code == 0, err
    return json.loads(out.read_text())


def page(graph: Graph, path: str) -> dict:
    rows = graph.read(
        "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id, url: $url}) "
        "RETURN p.schema_types AS types, p.schema_errors AS errors, p.schema_warnings AS warnings",
        {"host": HOST, "url": m.BASE_URL + path},
    )
    return rows[0]


def test_the_export_named_as_a_file_lands_on_its_pages(
    graph: Graph, loaded: dict, seed, capsys: pytest.CaptureFixture
) -> None:
    code, out, err = cli(capsys, "stats", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["has_structured_data"] is True
    assert page(graph, "/providers/maria-okafor/") == {"types": ["ProfilePage", "BreadcrumbList", "Physician"],
                                                       "errors": 0, "warnings": 0}
    assert page(graph, "/conditions/diabetes/diagnosis/") == {"types": ["MedicalWebPage", "BreadcrumbList"],
                                                              "errors": 2, "warnings": 1}
    assert page(graph, "/conditions/migraine/") == {"types": [], "errors": 0, "warnings": 0}
    # written with the alias host in the export: normalised to the page like every crawl URL
    assert page(graph, "/conditions/diabetes/")["types"] == ["MedicalWebPage", "MedicalCondition", "BreadcrumbList"]
    row = next(r for r in loaded["inputs"] if r["file"] == FILE_NAME)
    assert (row["records"], row["read"], row["loaded"], row["skipped_external"], row["skipped_not_in_crawl"],
            row["rejected"]) == ("structured data", len(seed.markup) + 2, len(seed.markup), 1, 1, 0)


def test_no_trap_gives_a_finding_and_every_plant_does(graph: Graph, loaded: dict, seed) -> None:
    report = Runner.for_site(graph, HOST).run(CHECKS)
    assert not report.skipped
    found = {(f["pack"] + "/" + f["check"], f["url"]) for f in report.findings}
    for trap in seed.traps:
        for check in trap.checks:
            assert (check, m.BASE_URL + trap.where) not in found, f"trap fired: {trap.where} ({trap.why})"
    planted = {(check, m.BASE_URL + keys["url"]) for p in seed.plants for check, keys in p.expect
               if check.startswith(PACK + "/")}
    assert found == planted


def test_person_counts_lets_a_person_be_the_clinician(graph: Graph, loaded: dict) -> None:
    check = [c for c in CHECKS if c.id == "provider-without-physician"]
    assert [f["url"] for f in Runner.for_site(graph, HOST).run(check).findings] == [
        m.BASE_URL + "/providers/daniel-cho/"]
    assert Runner.for_site(graph, HOST, overrides={"person_counts": "true"}).run(check).findings == []


def test_without_the_export_the_pack_is_skipped_in_one_line(
    graph: Graph, cli_env: dict, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    folder = tmp_path / "crawl"
    shutil.copytree(SEED, folder, ignore=shutil.ignore_patterns(FILE_NAME, "traffic"))
    wipe(graph)
    code, _, err = cli(capsys, "load", str(folder), "--site", str(folder / "site.yml"))
    assert code == 0, err
    code, out, err = cli(capsys, "run", PACK, "--format", "table")
    assert (code, out) == (0, "No findings.\n")
    assert err.count(f"Skipped 4 structured-data checks: {STRUCTURED_DATA_REASON}.") == 1
    assert "Skipped structured-data/" not in err
    report = Runner.for_site(graph, HOST).run(CHECKS)
    assert [o.skipped for o in report.outcomes] == [STRUCTURED_DATA_REASON] * 4
    code, out, err = cli(capsys, "stats", "--format", "json")
    assert (code, json.loads(out)["has_structured_data"]) == (0, False)
