"""The held-out measurement sites `womens-health` and `hospital-mayo-style`: files, ground truth, and what makes each one different."""

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

HELD_OUT = ["womens-health", "hospital-mayo-style"]
FILES = ["internal_all.csv", "all_inlinks.csv", "sitemap.xml", "site.yml", "providers.csv"]
STAGE_TYPES = {"overview": "condition", "symptoms": "symptom", "diagnosis": "diagnosis", "tests": "test",
               "treatment": "treatment", "follow_up": "follow_up", "appointment": "appointment"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name in HELD_OUT:
        folder = tmp_path_factory.mktemp(name)
        schemes.generate(name, folder)
        out[name] = folder
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def pages(folder: Path) -> dict[str, dict[str, str]]:
    """Crawled HTML rows by path."""
    return {urlsplit(row["Address"]).path: row for row in rows(folder / "internal_all.csv")
            if row["Content Type"].startswith("text/html")}


def live(folder: Path) -> set[str]:
    return {path for path, row in pages(folder).items() if row["Status Code"] == "200"}


def model(folder: Path) -> SiteModel:
    return load_site_model(folder / "site.yml")


def links(folder: Path) -> list[dict[str, str]]:
    return [r for r in rows(folder / "all_inlinks.csv") if r["Type"] == "Hyperlink"]


def model_pages(sm: SiteModel) -> set[str]:
    return {path for c in sm.conditions for path in c.pages.values()}


def provider_rows(folder: Path) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows(folder / "providers.csv")}


def test_held_out_schemes_are_registered() -> None:
    assert set(HELD_OUT) <= set(schemes.SCHEMES)


@pytest.mark.parametrize("name", HELD_OUT)
def test_files_exist_in_screaming_frog_format(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    for item in FILES:
        assert (folder / item).is_file(), item
    for item, header in (("all_inlinks.csv", INLINKS_COLUMNS), ("internal_all.csv", INTERNAL_COLUMNS)):
        with open(folder / item, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert table[0] == header
        assert all(len(row) == len(header) for row in table)
    assert not (folder / "_seed-scheme").exists()
    assert len(pages(folder)) > 120 and len(links(folder)) > 3000


@pytest.mark.parametrize("name", HELD_OUT)
def test_same_scheme_gives_identical_files(name: str, sites: dict[str, Path], tmp_path: Path) -> None:
    schemes.generate(name, tmp_path)
    for item in FILES:
        assert (tmp_path / item).read_bytes() == (sites[name] / item).read_bytes(), item


@pytest.mark.parametrize("name", HELD_OUT)
def test_every_model_page_is_a_crawled_live_html_row(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    sm = model(folder)
    assert sm.warnings == []
    crawled = live(folder)
    named = [(f"{c.id}.{stage}", path) for c in sm.conditions for stage, path in c.pages.items()]
    named += [(f"provider {p.id}", p.page) for p in sm.providers if p.page]
    named += [(f"location {loc.id}", loc.page) for loc in sm.locations if loc.page]
    named += [(f"specialty {s.id}", s.hub) for s in sm.specialties if s.hub]
    named += [("review page", p) for p in sm.trust.review_pages] + [("policy page", p) for p in sm.trust.policy_pages]
    named += [("reviewed page", p) for p in sm.trust.reviewed_by]
    missing = [(what, path) for what, path in named if path not in crawled]
    assert not missing, missing
    assert len(sm.conditions) >= 12 and len(sm.providers) >= 8 and len(sm.locations) >= 5
    assert all(c.pages.get("overview") for c in sm.conditions)
    assert any(loc.telehealth for loc in sm.locations)
    assert all(p.treats for p in sm.providers)


@pytest.mark.parametrize("name", HELD_OUT)
def test_page_type_rules_type_the_model_pages(name: str, sites: dict[str, Path]) -> None:
    """Each stage page is typed as its stage; a page that fills two stages is typed as one of them."""
    sm = model(sites[name])
    wrong = []
    for c in sm.conditions:
        for stage, path in c.pages.items():
            shared = {STAGE_TYPES[s] for s, p in c.pages.items() if p == path}
            if sm.classify(path)[0] not in shared:
                wrong.append((c.id, stage, path, sm.classify(path)[0]))
    wrong += [(p.id, p.page, sm.classify(p.page)[0]) for p in sm.providers if p.page and sm.classify(p.page)[0] != "provider"]
    wrong += [(loc.id, loc.page, sm.classify(loc.page)[0]) for loc in sm.locations
              if loc.page and sm.classify(loc.page)[0] != ("telehealth" if loc.telehealth else "location")]
    wrong += [(s.id, s.hub, sm.classify(s.hub)[0]) for s in sm.specialties if s.hub and sm.classify(s.hub)[0] != "specialty_hub"]
    assert sm.classify("/")[0] == "home"
    assert not wrong, wrong


@pytest.mark.parametrize("name", HELD_OUT)
def test_links_stay_on_crawled_pages_and_the_brand_is_new(name: str, sites: dict[str, Path]) -> None:
    folder = sites[name]
    host = urlsplit(schemes.SCHEMES[name].base_url).netloc
    known = set(pages(folder))
    dangling = {row[column] for row in links(folder) for column in ("Source", "Destination")
                if urlsplit(row[column]).netloc == host and urlsplit(row[column]).path not in known}
    assert not dangling, sorted(dangling)[:5]
    locs = [e.text or "" for e in ET.parse(folder / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(urlsplit(u).netloc == host for u in locs)
    text = "".join((folder / item).read_text(encoding="utf-8-sig") for item in FILES)
    assert "lakeside" not in text.lower()


@pytest.mark.parametrize("name", HELD_OUT)
def test_planted_defects_are_kept(name: str, sites: dict[str, Path]) -> None:
    table = pages(sites[name])
    assert any(row["Status Code"] == "404" for row in table.values())
    assert any(row["Status Code"] == "301" for row in table.values())
    assert any(row["Indexability Status"] == "noindex" for row in table.values())
    assert any(row["Follow"] == "False" for row in links(sites[name]))


@pytest.mark.parametrize("name", HELD_OUT)
def test_rule_captures_name_known_entities(name: str, sites: dict[str, Path]) -> None:
    sm = model(sites[name])
    known = {"condition": {c.id for c in sm.conditions}, "provider": {p.id for p in sm.providers},
             "location": {loc.id for loc in sm.locations}, "specialty": {s.id for s in sm.specialties}}
    unknown = []
    for path in live(sites[name]):
        for capture, value in sm.classify(path)[1].items():
            if value not in known.get(capture, {value}):
                unknown.append((path, capture, value))
    assert not unknown, unknown


# -- womens-health ---------------------------------------------------------------------------------


def test_womens_conditions_and_stage_pages(sites: dict[str, Path]) -> None:
    folder = sites["womens-health"]
    sm = model(folder)
    table = pages(folder)
    assert all(path == "/" or not path.endswith("/") for path in table)
    for cid in ("endometriosis", "pcos", "fibroids", "menopause", "infertility"):
        overview = sm.condition(cid).pages["overview"]
        assert overview == f"/gynecology/{cid}"
        assert table[f"/conditions/{cid}"]["Status Code"] == "301"
        assert table[f"/conditions/{cid}"]["Redirect URL"].endswith(overview)
    assert sm.condition("preeclampsia").pages["overview"] == "/conditions/preeclampsia"
    fibroids = sm.condition("fibroids").pages
    assert fibroids["treatment"] == "/gynecology/fibroids/treatment-options"
    assert table[fibroids["treatment"]]["H1-1"] == "Treatment options for uterine fibroids"
    assert fibroids["follow_up"] == "/recovery/hysterectomy"
    assert table["/recovery/hysterectomy"]["Title 1"] == "After your hysterectomy: recovery | Magnolia Women's Health"
    assert any(table[c.pages["diagnosis"]]["H1-1"].endswith(": how it's diagnosed") for c in sm.conditions)
    assert "follow_up" not in sm.condition("menopause").pages  # only procedures have a recovery guide
    # fertility books through its own consultation page, the rest through /request-an-appointment
    assert sm.condition("infertility").pages["appointment"] == "/fertility/schedule-a-consultation"
    assert sm.condition("recurrent-pregnancy-loss").pages["appointment"] == "/fertility/schedule-a-consultation"
    assert sm.condition("preeclampsia").pages["appointment"] == "/request-an-appointment"
    assert "appointment" not in sm.condition("bacterial-vaginosis").pages  # no specialty covers it
    # week-by-week pregnancy articles are no conditions and no stage pages
    weeks = [path for path in live(folder) if re.fullmatch(r"/pregnancy/week-\d+", path)]
    assert "/pregnancy/week-12" in weeks and len(weeks) >= 8
    assert not set(weeks) & model_pages(sm)
    assert all(sm.classify(path)[0] == "other" for path in weeks)


def test_womens_providers_offices_and_other_pages(sites: dict[str, Path]) -> None:
    folder = sites["womens-health"]
    sm = model(folder)
    table = pages(folder)
    people = provider_rows(folder)
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/providers/[a-z-]+-(md|do|cnm|whnp-bc)", p.page), p.page
    assert people["naomi-adeyemi"]["page"] == "/providers/naomi-adeyemi-md"
    assert table["/providers/naomi-adeyemi-md"]["H1-1"] == "Dr. Naomi Adeyemi, MD, FACOG"
    assert people["grace-holloway"]["page"] == "/providers/grace-holloway-cnm"
    assert people["lauren-pike"]["page"] == "/providers/lauren-pike-whnp-bc"
    assert {"certified nurse-midwife", "women's health nurse practitioner"} <= {row["title"] for row in people.values()}
    # the midwives listing and the billing manager's page are under /providers/ but are no providers
    for path in ("/providers/meet-our-midwives", "/providers/denise-carter-cpc"):
        assert table[path]["Status Code"] == "200" and sm.classify(path)[0] == "other"
    assert not {p.page for p in sm.providers} & {"/providers/meet-our-midwives", "/providers/denise-carter-cpc"}
    midwives = {urlsplit(r["Destination"]).path for r in links(folder)
                if urlsplit(r["Source"]).path == "/providers/meet-our-midwives"}
    assert {"/providers/grace-holloway-cnm", "/providers/rosa-jimenez-cnm"} <= midwives
    offices = {loc.id: loc.page for loc in sm.locations if not loc.telehealth}
    assert offices["westlake"] == "/offices/westlake"
    assert table["/offices/westlake"]["H1-1"] == "Our Westlake Office"
    assert all(page == f"/offices/{lid}" for lid, page in offices.items())
    # forms, billing, one Spanish page without a mirror
    for path in ("/patients/forms", "/patients/billing", "/patients/forms/new-patient-registration"):
        assert table[path]["Status Code"] == "200"
    assert table["/informacion-en-espanol"]["H1-1"] == "Información en español"
    assert not [path for path in table if path.startswith("/es/") or path == "/es"]
    assert sm.classify("/blog/how-to-choose-an-ob-gyn")[0] == "blog"


# -- hospital-mayo-style ---------------------------------------------------------------------------


def test_mayo_condition_tabs_share_stage_pages(sites: dict[str, Path]) -> None:
    folder = sites["hospital-mayo-style"]
    sm = model(folder)
    table = pages(folder)
    assert all(path == "/" or not path.endswith("/") for path in table)
    for c in sm.conditions:
        pages_ = c.pages
        assert re.fullmatch(rf"/diseases-conditions/{c.id}/symptoms-causes/syc-2035\d{{4}}", pages_["overview"]), pages_
        assert pages_["symptoms"] == pages_["overview"]  # the overview is the symptoms-causes tab
        assert "follow_up" not in pages_
        if "treatment" in pages_:
            assert re.fullmatch(rf"/diseases-conditions/{c.id}/diagnosis-treatment/drc-2035\d{{4}}", pages_["treatment"])
            assert pages_["diagnosis"] == pages_["treatment"]  # one tab fills both stages
            assert sm.classify(pages_["treatment"])[0] == "diagnosis"
        if "tests" in pages_:
            assert re.fullmatch(r"/tests-procedures/[a-z0-9-]+/about/pac-2038\d{4}", pages_["tests"]), pages_["tests"]
        if "appointment" in pages_:
            assert pages_["appointment"] == "/appointments"
    afib = sm.condition("atrial-fibrillation").pages
    assert table[afib["overview"]]["Title 1"] == "Atrial fibrillation - Symptoms and causes - Stonebridge Clinic"
    assert table[afib["treatment"]]["Title 1"] == "Atrial fibrillation - Diagnosis and treatment - Stonebridge Clinic"
    assert table[afib["overview"]]["H1-1"] == table[afib["treatment"]]["H1-1"] == "Atrial fibrillation"
    assert table["/diseases-conditions/atrial-fibrillation"]["Redirect URL"].endswith(afib["overview"])
    assert "appointment" not in sm.condition("shingles").pages  # no department covers it
    # the doctors-departments tab is no stage page, and the tab bar links the three tabs
    ddc = [path for path in live(folder) if "/doctors-departments/ddc-" in path]
    assert len(ddc) >= 12 and not set(ddc) & model_pages(sm)
    assert all(sm.classify(path)[0] == "other" for path in ddc)
    tabs = {(urlsplit(r["Destination"]).path, r["Anchor"]) for r in links(folder)
            if urlsplit(r["Source"]).path == afib["overview"] and r["Link Position"] == "Navigation"}
    assert (afib["treatment"], "Diagnosis & treatment") in tabs
    # the seed's noindexed symptoms page is a symptoms-causes tab here
    assert any(table[c.pages["overview"]]["Indexability Status"] == "noindex" for c in sm.conditions)


def test_mayo_biographies_departments_and_locations(sites: dict[str, Path]) -> None:
    folder = sites["hospital-mayo-style"]
    sm = model(folder)
    table = pages(folder)
    people = provider_rows(folder)
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/biographies/[a-z-]+/bio-200\d{5}", p.page), p.page
    smith = people["jane-smith"]["page"]
    assert re.fullmatch(r"/biographies/smith-jane-a-m-d/bio-200\d{5}", smith)
    assert table[smith]["H1-1"] == "Jane A. Smith, M.D."
    assert table[smith]["Title 1"] == "Jane A. Smith, M.D. - Doctors and Medical Staff - Stonebridge Clinic"
    assert people["amy-pruitt"]["page"].startswith("/biographies/pruitt-amy-r-p-a-c/")
    assert people["amy-pruitt"]["title"] == "physician assistant"
    researcher = [path for path in live(folder) if path.startswith("/biographies/nguyen-thanh-v-ph-d/")]
    assert len(researcher) == 1 and sm.classify(researcher[0])[0] == "other"
    assert researcher[0] not in {p.page for p in sm.providers}
    for s in sm.specialties:
        assert re.fullmatch(rf"/departments-centers/{s.id}/overview/ovc-2045\d{{4}}", s.hub or ""), s.hub
    sections = [path for path in live(folder) if "/sections/" in path]
    assert sections and all(sm.classify(path)[0] == "service" for path in sections)
    assert {loc.page for loc in sm.locations if not loc.telehealth} == {f"/locations/{loc.id}" for loc in sm.locations
                                                                       if not loc.telehealth}
    assert table["/appointments"]["Status Code"] == "200" and sm.classify("/appointments")[0] == "appointment"
    articles = [path for path in live(folder) if path.startswith("/healthy-lifestyle/") and "/in-depth/" in path]
    assert articles and all(re.fullmatch(r"/healthy-lifestyle/[a-z-]+/in-depth/[a-z0-9-]+/art-2004\d{4}", p) for p in articles)
    assert all(sm.classify(path)[0] == "blog" for path in articles)
    assert not set(articles) & model_pages(sm)
