"""`archmodel init`: a proposed site.yml from URL folders that loads back with load_site_model."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.infer.pipeline import propose_site_model
from archmodel.ingest.sitemodel import load_site_model

DATA = Path(__file__).resolve().parent.parent / "data"
H = "https://www.heartcare.example"

PATHS = [
    "/", "/conditions/", "/conditions/atrial-fibrillation/", "/conditions/atrial-fibrillation/symptoms/",
    "/conditions/atrial-fibrillation/diagnosis/", "/conditions/heart-failure/", "/conditions/heart-failure/symptoms/",
    "/conditions/hypertension/", "/doctors/", "/doctors/ana-silva/", "/doctors/li-wei/", "/locations/uptown/",
    "/locations/", "/tests/ecg/", "/tests/echo/", "/blog/", "/blog/2024/heart-month/", "/privacy-policy/",
    "/editorial-policy/", "/about/", "/about/history/", "/book-appointment/", "/services/", "/services/cardiology/",
    "/services/electrophysiology/", "/telehealth/",
]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    with (folder / "internal_html.csv").open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(["Address", "Content Type", "Status Code", "Title 1", "H1-1", "Crawl Depth"])
        for depth, path in enumerate(PATHS):
            h1 = "Atrial fibrillation (AFib)" if path == "/conditions/atrial-fibrillation/" else ""
            title = "Home | HeartCare Clinic" if path == "/" else ""
            writer.writerow([H + path, "text/html; charset=UTF-8", "200", title, h1, str(min(depth, 3))])
        writer.writerow([H + "/files/leaflet.pdf", "application/pdf", "200", "", "", "2"])
        writer.writerow([H + "/gone/", "text/html", "404", "", "", "2"])
    (folder / "site.yml").write_text("not: read\n")
    return folder


def test_proposal_loads_back_and_classifies_the_crawl(crawl: Path, tmp_path: Path) -> None:
    output = tmp_path / "site.yml"
    output.write_text(propose_site_model([crawl], output))
    model = load_site_model(output)
    assert model.site.base_url == H and model.site.name == "HeartCare Clinic"
    expected = {
        "/": ("home", {}),
        "/conditions/atrial-fibrillation/": ("condition", {"condition": "atrial-fibrillation"}),
        "/conditions/heart-failure/symptoms/": ("symptom", {"condition": "heart-failure"}),
        "/conditions/atrial-fibrillation/diagnosis/": ("diagnosis", {"condition": "atrial-fibrillation"}),
        "/conditions/": ("resource_hub", {}),
        "/doctors/li-wei/": ("provider", {"provider": "li-wei"}),
        "/doctors/": ("other", {}),
        "/locations/uptown/": ("location", {"location": "uptown"}),
        "/tests/ecg/": ("test", {}),
        "/blog/2024/heart-month/": ("blog", {}),
        "/privacy-policy/": ("policy", {}),
        "/book-appointment/": ("appointment", {}),
        "/services/cardiology/": ("specialty_hub", {"specialty": "cardiology"}),
        "/telehealth/": ("telehealth", {}),
        "/about/history/": ("other", {}),
    }
    assert {path: model.classify(path) for path in expected} == expected
    assert [c.id for c in model.conditions] == ["atrial-fibrillation", "heart-failure", "hypertension"]
    assert model.condition("atrial-fibrillation").name == "Atrial fibrillation"  # H1 "Atrial fibrillation (AFib)"
    assert "AFib" in model.condition("atrial-fibrillation").synonyms
    assert model.condition("hypertension").name == "Hypertension"
    assert [(p.id, p.page) for p in model.providers] == [("ana-silva", "/doctors/ana-silva/"), ("li-wei", "/doctors/li-wei/")]
    assert model.specialties[0].hub == "/services/cardiology/"
    assert model.trust.review_pages == ["/editorial-policy/"]
    assert model.trust.policy_pages == ["/privacy-policy/"]
    assert "#   /about/ (2 pages)" in output.read_text()


def test_screaming_frog_fixture_proposal_loads(tmp_path: Path) -> None:
    output = tmp_path / "site.yml"
    output.write_text(propose_site_model([DATA / "sf_current"], output))
    model = load_site_model(output)
    assert model.site.name == "Northside Endocrine & Metabolic Center"
    assert model.classify("/conditions/diabetes/symptoms/") == ("symptom", {"condition": "diabetes"})


def test_cli_writes_and_refuses_to_overwrite(crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.yml"
    assert main(["init", "--from", str(crawl), "-o", str(output)]) == 0
    first = output.read_text()
    assert load_site_model(output).site.base_url == H
    output.write_text("# edited by hand\n")
    assert main(["init", "--from", str(crawl), "-o", str(output)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert output.read_text() == "# edited by hand\n"
    assert main(["init", "--from", str(crawl), "-o", str(output), "--force"]) == 0
    assert _without_timestamp(output.read_text()) == _without_timestamp(first)


def _without_timestamp(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("  at: "))


def test_cli_stdout_and_bad_input(tmp_path: Path, crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--from", str(crawl), "-o", "-"]) == 0
    assert "page_types:" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["init", "--from", str(empty), "-o", str(tmp_path / "x.yml")]) == 2
    assert "Error: no crawl export found" in capsys.readouterr().err
