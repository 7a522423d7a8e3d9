"""The measurement sites of archmodel.synth.schemes: files, ground truth, and what makes each one different."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archmodel.ingest.sitemodel import SiteModel, load_site_model
from archmodel.synth import schemes
from archmodel.synth.writer import INLINKS_COLUMNS, INTERNAL_COLUMNS

NEW = ["wordpress", "library", "serviceline", "bilingual", "portuguese"]
FILES = ["internal_all.csv", "all_inlinks.csv", "sitemap.xml", "site.yml", "providers.csv"]
STAGE_TYPES = {"overview": "condition", "symptoms": "symptom", "diagnosis": "diagnosis", "tests": "test",
               "treatment": "treatment", "follow_up": "follow_up", "appointment": "appointment"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name in NEW:
        folder = tmp_path_factory.mktemp(name)
        schemes.generate(name, folder)
        out[name] = folder
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def pages(folder: Path) -> dict[str, dict[str, str]]:
    """Crawled HTML rows by path."""
    out = {}
    for row in rows(folder / "internal_all.csv"):
        if row["Content Type"].startswith("text/html"):
            out[urlsplit(row["Address"]).path] = row
    return out


def live(folder: Path) -> set[str]:
    return {path for path, row in pages(folder).items() if row["Status Code"] == "200"}


def model(folder: Path) -> SiteModel:
    return load_site_model(folder / "site.yml")


def links(folder: Path) -> list[dict[str, str]]:
    return [r for r in rows(folder / "all_inlinks.csv") if r["Type"] == "Hyperlink"]


def test_every_new_scheme_is_registered() -> None:
    assert set(NEW) <= set(schemes.SCHEMES)
    assert {"publisher", "ortho"} <= set(schemes.SCHEMES)


def test_usage_names_the_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    assert schemes.main(["no-such-site", "/tmp/unused"]) == 2
    assert "wordpress" in capsys.readouterr().err


@pytest.mark.parametrize("name", NEW)
def test_files_exist_in_screaming_frog_format(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    for item in FILES:
        assert (folder / item).is_file(), item
    for item, header in (("all_inlinks.csv", INLINKS_COLUMNS), ("internal_all.csv", INTERNAL_COLUMNS)):
        assert (folder / item).read_bytes().startswith(b"\xef\xbb\xbf")
        with open(folder / item, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert table[0] == header
        assert all(len(row) == len(header) for row in table)
    assert not (folder / "_seed-scheme").exists()
    assert len(pages(folder)) > 150 and len(links(folder)) > 4000


@pytest.mark.parametrize("name", NEW)
def test_same_scheme_gives_identical_files(name: str, sites: dict[str, Path], tmp_path: Path) -> None:
    schemes.generate(name, tmp_path)
    for item in FILES:
        assert (tmp_path / item).read_bytes() == (sites[name] / item).read_bytes(), item


@pytest.mark.parametrize("name", NEW)
def test_ground_truth_loads_and_names_only_live_pages(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    sm = model(folder)
    assert sm.warnings == []
    crawled = live(folder)
    named = [(f"{c.id}.{stage}", path) for c in sm.conditions for stage, path in c.pages.items()]
    named += [(f"provider {p.id}", p.page) for p in sm.providers if p.page]
    named += [(f"location {loc.id}", loc.page) for loc in sm.locations if loc.page]
    named += [(f"specialty {s.id}", s.hub) for s in sm.specialties if s.hub]
    named += [("review page", p) for p in sm.trust.review_pages] + [("policy page", p) for p in sm.trust.policy_pages]
    missing = [(what, path) for what, path in named if path not in crawled]
    assert not missing, missing
    assert len(sm.conditions) >= 10 and len(sm.providers) >= 8 and len(sm.locations) >= 4
    assert all(c.pages.get("overview") for c in sm.conditions)
    assert sum(1 for p in sm.providers if p.page) >= len(sm.providers) - 1
    assert any(loc.telehealth for loc in sm.locations)


@pytest.mark.parametrize("name", NEW)
def test_page_type_rules_type_the_model_pages(name: str, sites: dict[str, Path]) -> None:
    sm = model(sites[name])
    wrong = []
    for c in sm.conditions:
        for stage, path in c.pages.items():
            if sm.classify(path)[0] != STAGE_TYPES[stage]:
                wrong.append((c.id, stage, path, sm.classify(path)[0]))
    wrong += [(p.id, p.page, sm.classify(p.page)[0]) for p in sm.providers if p.page and sm.classify(p.page)[0] != "provider"]
    wrong += [(loc.id, loc.page, sm.classify(loc.page)[0]) for loc in sm.locations
              if loc.page and sm.classify(loc.page)[0] != ("telehealth" if loc.telehealth else "location")]
    wrong += [(s.id, s.hub, sm.classify(s.hub)[0]) for s in sm.specialties if s.hub and sm.classify(s.hub)[0] != "specialty_hub"]
    assert sm.classify("/")[0] == "home"
    assert not wrong, wrong


@pytest.mark.parametrize("name", NEW)
def test_links_stay_on_crawled_pages_and_the_sitemap_on_the_host(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    scheme = schemes.SCHEMES[name]
    known = set(pages(folder))
    host = urlsplit(scheme.base_url).netloc
    dangling = set()
    for row in links(folder):
        for column in ("Source", "Destination"):
            parts = urlsplit(row[column])
            if parts.netloc == host and parts.path not in known:
                dangling.add(row[column])
    assert not dangling, sorted(dangling)[:5]
    locs = [e.text or "" for e in ET.parse(folder / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(urlsplit(u).netloc == host for u in locs)
    text = "".join((folder / item).read_text(encoding="utf-8-sig") for item in FILES)
    assert "lakeside" not in text.lower()


@pytest.mark.parametrize("name", NEW)
def test_planted_defects_are_kept(name: str, sites: dict[str, Path]) -> None:
    table = pages(sites[name])
    assert any(row["Status Code"] == "404" for row in table.values())
    assert any(row["Indexability Status"] == "noindex" for row in table.values())
    assert any(row["Follow"] == "False" for row in links(sites[name]))


@pytest.mark.parametrize("name", NEW)
def test_titles_carry_the_brand(name: str, sites: dict[str, Path]) -> None:
    scheme = schemes.SCHEMES[name]
    first, last = scheme.site_name.split()[0], scheme.site_name.split()[-1]
    titles = [row["Title 1"] for row in pages(sites[name]).values() if row["Status Code"] == "200"]
    assert sum(1 for t in titles if first in t or last in t) >= 0.95 * len(titles)
    assert sum(1 for t in titles if " | " in t) >= 0.9 * len(titles)  # author archives and home pages differ


# -- what makes each site different ------------------------------------------------------------


def test_wordpress_is_flat_at_the_root(sites: dict[str, Path]) -> None:
    folder = sites["wordpress"]
    sm = model(folder)
    table = pages(folder)
    for c in sm.conditions:
        assert re.fullmatch(r"/[a-z0-9-]+/", c.pages["overview"]), c.pages["overview"]
        assert c.pages["overview"] == f"/{c.id}/"
        assert c.pages.get("appointment", "/contact/") == "/contact/"
    assert sm.condition("sciatica").pages["diagnosis"] == "/how-is-sciatica-diagnosed/"
    assert sm.condition("sciatica").pages["symptoms"] == "/sciatica-symptoms/"
    assert sm.condition("sciatica").pages["follow_up"] == "/recovery-after-sciatica-treatment/"
    assert sm.condition("herniated-disc").pages["treatment"] == "/herniated-disc-treatment/"
    assert {loc.page for loc in sm.locations} >= {"/round-rock/", "/cedar-park/"}
    assert all(re.fullmatch(r"/(dr-[a-z-]+|team/[a-z-]+)/", p.page) for p in sm.providers if p.page)
    assert any(re.fullmatch(r"/20\d\d/\d\d/[a-z0-9-]+/", path) for path in table)
    for prefix in ("/category/", "/tag/", "/author/", "/blog/page/2/"):
        assert any(path.startswith(prefix) for path in table), prefix
    assert any(row["Status Code"] == "301" for row in table.values())
    assert any(row["Anchor"] == "Schedule a consultation" and row["Destination"].endswith("/contact/")
               for row in links(folder))
    assert any(re.fullmatch(r"Medically reviewed by .+, (DC|DPT|PT, DPT|DPT, OCS|MD|DO)", row["Anchor"])
               for row in links(folder))
    assert table["/round-rock/"]["Title 1"] in ("Our Round Rock Location | Hill Country Spine & Sports",
                                                "Chiropractor in Round Rock, TX | Hill Country Spine & Sports")


def test_library_has_a_trailing_slash_twin_of_a_hub(sites: dict[str, Path]) -> None:
    folder = sites["library"]
    sm = model(folder)
    table = pages(folder)
    twin = table["/our-services/neurology"]
    assert twin["Status Code"] == "301"
    assert twin["Redirect URL"].endswith("/our-services/neurology/")
    assert table["/our-services/neurology/"]["Status Code"] == "200"
    assert next(s for s in sm.specialties if s.id == "neurology").hub == "/our-services/neurology/"
    assert any(row["Destination"].endswith("/our-services/neurology") for row in links(folder))
    asthma = sm.condition("asthma").pages
    assert asthma["symptoms"] == "/health-library/asthma/what-are-the-symptoms"
    assert asthma["diagnosis"] == "/health-library/asthma/how-is-it-diagnosed"
    assert asthma["treatment"] == "/health-library/asthma/how-is-it-treated"
    assert asthma["appointment"] == "/our-services/pulmonology/request-an-appointment/"
    assert sm.classify("/find-a-doctor/")[0] == "appointment"
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/find-a-doctor/[a-z-]+-(md|do|aprn)/", p.page), p.page
            assert re.search(r", (MD|DO|APRN)|^Dr\. ", table[p.page]["Title 1"])


def test_serviceline_nests_everything_under_the_line(sites: dict[str, Path]) -> None:
    sm = model(sites["serviceline"])
    covered = {cid: s.id for s in sm.specialties for cid in s.conditions}
    for c in sm.conditions:
        line = covered.get(c.id)
        for stage, path in c.pages.items():
            assert path.startswith(f"/services/{line}/" if line else ("/conditions/", "/tests/", "/treatments/")), path
    assert sm.condition("atrial-fibrillation").pages["overview"] == "/services/heart-vascular/conditions/atrial-fibrillation/"
    places = {p.page.split("/")[1] for p in sm.providers if p.page}
    assert places == {"services", "providers"}
    assert {s.hub for s in sm.specialties} >= {"/services/heart-vascular/"}


def test_bilingual_has_spanish_twins_that_are_not_entities(sites: dict[str, Path]) -> None:
    folder = sites["bilingual"]
    sm = model(folder)
    table = pages(folder)
    spanish = [path for path in table if path.startswith("/es/")]
    assert len(spanish) > 60
    assert table["/es/condiciones/diabetes/"]["Title 1"].startswith("Diabetes: síntomas y causas")
    assert table["/es/condiciones/diabetes/diagnostico/"]["H1-1"] == "¿Cómo se diagnostica la diabetes?"
    assert table["/es/doctores/ana-perez/"]["H1-1"] == "Dra. Ana Pérez, MD"
    assert table["/es/ubicaciones/gilbert/"]["Title 1"].startswith("Nuestra ubicación en Gilbert")
    named = [path for c in sm.conditions for path in c.pages.values()]
    named += [p.page for p in sm.providers if p.page] + [loc.page for loc in sm.locations if loc.page]
    assert not [path for path in named if path.startswith("/es/")]
    assert len(sm.conditions) == len({c.pages["overview"] for c in sm.conditions})
    switch = {(urlsplit(r["Source"]).path, urlsplit(r["Destination"]).path) for r in links(folder) if r["Anchor"] == "Español"}
    for c in sm.conditions:
        assert any(source == c.pages["overview"] and target.startswith("/es/condiciones/") for source, target in switch), c.id
    assert sm.classify("/es/condiciones/presion-arterial-alta/")[0] == "condition"
    assert sm.classify("/es/condiciones/presion-arterial-alta/sintomas/")[0] == "symptom"
    assert sm.classify("/es/doctores/ana-perez/")[0] == "provider"


def test_portuguese_speaks_portuguese_throughout(sites: dict[str, Path]) -> None:
    folder = sites["portuguese"]
    sm = model(folder)
    table = pages(folder)
    assert sm.condition("hipertensao").name == "Hipertensão arterial"
    assert sm.condition("hipertensao").pages["symptoms"] == "/doencas/hipertensao/sintomas/"
    assert "saiba mais" in sm.thresholds.generic_anchors and "learn more" not in sm.thresholds.generic_anchors
    assert table["/doencas/diabetes-tipo-2/diagnostico/"]["H1-1"] == "Como é feito o diagnóstico do diabetes tipo 2?"
    assert all(re.fullmatch(r"/corpo-clinico/dra?-[a-z-]+/", p.page) for p in sm.providers if p.page)
    anchors = {row["Anchor"] for row in links(folder)}
    assert "saiba mais" in anchors
    english = {"learn more", "Book an appointment", "Find a specialist", "symptoms of", "Page not found", "Medically reviewed"}
    assert not [a for a in anchors for word in english if word.lower() in a.lower()]
    assert not [row["Title 1"] for row in table.values() if "Page not found" in row["Title 1"]]


def test_the_first_two_sites_still_generate(tmp_path: Path) -> None:
    for name in ("publisher", "ortho"):
        result = schemes.generate(name, tmp_path / name)
        assert result["pages"] > 250
        assert load_site_model(tmp_path / name / "site.yml").conditions
