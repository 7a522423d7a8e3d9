"""The held-out measurement sites `pediatric-network` and `physio`: files, ground truth, and what makes each one different."""

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

HELD_OUT = ["pediatric-network", "physio"]
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
def test_no_trailing_slashes(name: str, sites: dict[str, Path]) -> None:
    """Both builders serve paths without a trailing slash (the home page aside)."""
    assert all(path == "/" or not path.endswith("/") for path in pages(sites[name]))


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


# -- pediatric-network -----------------------------------------------------------------------------


def test_pediatric_node_ids_and_condition_tabs(sites: dict[str, Path]) -> None:
    folder = sites["pediatric-network"]
    sm = model(folder)
    table = pages(folder)
    for c in sm.conditions:
        overview = c.pages["overview"]
        assert re.fullmatch(r"/conditions-and-treatments/\d{5}-[a-z-]+", overview), overview
        for stage, tab in (("symptoms", "causes"), ("diagnosis", "diagnosis-and-tests"), ("treatment", "treatment"),
                           ("follow_up", "after-care")):
            if stage in c.pages:
                assert c.pages[stage] == f"{overview}/{tab}"
        if "tests" in c.pages:
            assert re.fullmatch(r"/tests-and-procedures/\d{5}-[a-z0-9-]+", c.pages["tests"])
    ja = sm.condition("juvenile-arthritis").pages
    assert re.fullmatch(r"/conditions-and-treatments/\d{5}-juvenile-arthritis", ja["overview"])
    assert set(ja) == {"overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment"}
    assert ja["appointment"] == sm.condition("kawasaki-disease").pages["appointment"] == "/departments/rheumatology/make-an-appointment"
    assert table[ja["overview"]]["H1-1"] == "Juvenile Arthritis"
    assert table[ja["symptoms"]]["Title 1"] == "Juvenile Arthritis: Causes & Symptoms | Riverbend Children's"
    assert "appointment" not in sm.condition("croup").pages  # no department covers it
    assert {s.hub for s in sm.specialties} == {f"/departments/{s.id}" for s in sm.specialties}
    # the A-Z index and its letter pages list the conditions
    assert table["/kids-health-a-z"]["H1-1"] == "Kids' Health A-Z"
    letter = {urlsplit(r["Destination"]).path for r in links(folder) if urlsplit(r["Source"]).path == "/kids-health-a-z/j"}
    assert ja["overview"] in letter
    # the tab bar links every tab of a condition to every other
    tabs = {urlsplit(r["Destination"]).path for r in links(folder)
            if urlsplit(r["Source"]).path == ja["symptoms"] and r["Link Position"] == "Navigation"}
    assert {ja["overview"], ja["diagnosis"], ja["treatment"], ja["follow_up"]} <= tabs


def test_pediatric_team_parents_and_spanish(sites: dict[str, Path]) -> None:
    folder = sites["pediatric-network"]
    sm = model(folder)
    table = pages(folder)
    people = provider_rows(folder)
    assert {p.id for p in sm.providers} == set(people)
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/our-team/[a-z-]+/[a-z]+-[a-z]+", p.page), p.page
    assert table["/our-team/rheumatology/priya-natarajan"]["Title 1"] == "Priya Natarajan, MD | Pediatric Rheumatology"
    # nurse practitioners and therapists are providers, administrators are not
    assert people["ana-ruiz"]["title"] == "speech-language pathologist"
    assert people["jordan-ellis"]["page"] == "/our-team/occupational-therapy/jordan-ellis"
    assert {people[p]["title"] for p in people} >= {"nurse practitioner", "occupational therapist"}
    for path in ("/our-team/leadership/karen-whitfield", "/our-team/leadership/linda-marsh",
                 "/our-team/rheumatology/greg-tolliver"):
        assert table[path]["Status Code"] == "200"
        assert sm.classify(path)[0] == "other"
    assert not {"karen-whitfield", "linda-marsh", "greg-tolliver"} & set(people)
    locations = {loc.id: loc.page for loc in sm.locations}
    assert locations["lexington-main-campus"] == "/locations/lexington-main-campus"
    assert all(re.fullmatch(r"/locations/[a-z]+-[a-z-]+", page) for lid, page in locations.items() if lid != "virtual")
    # parent articles about conditions are blog posts, not stage pages
    articles = [path for path in table if path.startswith("/for-parents/")]
    assert "/for-parents/signs-of-asthma-in-toddlers" in articles
    assert "/for-parents/what-parents-should-know-about-croup" in articles or any(
        path.startswith("/for-parents/what-parents-should-know-about-") for path in articles)
    assert sm.classify("/for-parents/signs-of-asthma-in-toddlers")[0] == "blog"
    assert not set(articles) & model_pages(sm)
    # a Spanish page for about a third of the conditions, none of them in the model
    spanish = [path for path in live(folder) if re.fullmatch(r"/es/afecciones-y-tratamientos/\d{5}-[a-z-]+", path)]
    assert len(sm.conditions) / 4 <= len(spanish) <= len(sm.conditions) / 2
    assert not {path for path in live(folder) if path.startswith("/es")} & model_pages(sm)
    asthma = sm.condition("asthma").pages["overview"]
    assert any(urlsplit(r["Source"]).path == asthma and r["Anchor"] == "Español" for r in links(folder))
    redirects = {path: row["Redirect URL"] for path, row in table.items() if row["Status Code"] == "301"}
    assert redirects[f"/node/{asthma.split('/')[-1].split('-')[0]}"].endswith(asthma)


# -- physio ----------------------------------------------------------------------------------------


def test_physio_conditions_and_stage_pages(sites: dict[str, Path]) -> None:
    folder = sites["physio"]
    sm = model(folder)
    table = pages(folder)
    for c in sm.conditions:
        assert re.fullmatch(r"/injuries/[a-z-]+|/pain/[a-z-]+-pain", c.pages["overview"]), c.pages["overview"]
        assert not {"symptoms", "diagnosis", "appointment"} & set(c.pages)  # sections of the page / external booking
        follow = c.pages.get("follow_up")
        if follow:
            assert re.fullmatch(r"/injuries/[a-z-]+-(recovery-timeline|exercises)", follow), follow
        for stage in ("tests", "treatment"):
            if stage in c.pages:
                assert c.pages[stage].startswith("/services/")
    assert sm.condition("plantar-fasciitis").pages["overview"] == "/pain/heel-pain"
    assert sm.condition("lower-back-pain").pages == {"overview": "/pain/lower-back-pain", "treatment": "/services/dry-needling"}
    assert sm.condition("acl-injury").pages["follow_up"] == "/injuries/acl-injury-recovery-timeline"
    assert sm.condition("hamstring-strain").pages["follow_up"] == "/injuries/hamstring-strain-exercises"
    bare = [c.id for c in sm.conditions if set(c.pages) == {"overview"}]
    assert {"runners-knee", "neck-pain", "shoulder-pain"} <= set(bare)
    for service in ("/services/sports-massage", "/services/clinical-pilates"):  # services, no condition's treatment
        assert table[service]["Status Code"] == "200" and sm.classify(service)[0] == "service"
    assert sm.classify("/services/shockwave-therapy")[0] == "treatment"
    assert table["/injuries/acl-injury"]["Title 1"].endswith(" — Harbourside Physio")


def test_physio_team_clinics_and_external_booking(sites: dict[str, Path]) -> None:
    folder = sites["physio"]
    sm = model(folder)
    table = pages(folder)
    people = provider_rows(folder)
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/team/[a-z]+(-[a-z])?", p.page), p.page
    assert people["liam-obrien"]["page"] == "/team/liam"
    assert people["sarah-mitchell"]["page"] == "/team/sarah-m" and people["sarah-kaur"]["page"] == "/team/sarah"
    assert table["/team/liam"]["Title 1"] == "Liam O'Brien - Senior Physiotherapist (MCSP) — Harbourside Physio"
    assert table["/team/aoife"]["Title 1"].startswith("Dr. Aoife Byrne, DPT")
    for path in ("/team/rachel", "/team/jess"):
        assert table[path]["Status Code"] == "200" and sm.classify(path)[0] == "other"
    assert {p.page for p in sm.providers} & {"/team/rachel", "/team/jess"} == set()
    clinics = {loc.id: loc.page for loc in sm.locations if not loc.telehealth}
    assert clinics == {town: f"/clinics/{town}" for town in ("harrogate", "ilkley", "otley", "wetherby")}
    areas = [path for path in live(folder) if path.startswith("/physio-in-")]
    assert len(areas) >= 3
    assert not set(areas) & {loc.page for loc in sm.locations}
    assert all(sm.classify(path)[0] == "other" for path in areas)
    # booking leaves the site: /book redirects to the booking host, every header links there
    assert table["/book"]["Status Code"] == "301"
    booking_host = urlsplit(table["/book"]["Redirect URL"]).netloc
    assert booking_host and booking_host != urlsplit(schemes.SCHEMES["physio"].base_url).netloc
    header = {urlsplit(r["Source"]).path for r in links(folder)
              if r["Link Position"] == "Header" and urlsplit(r["Destination"]).netloc == booking_host}
    assert {"/injuries/acl-injury", "/team/liam", "/"} <= header
    assert any(urlsplit(r["Destination"]).path == "/book" and r["Anchor"].startswith("Book") for r in links(folder))
    text = " ".join(row["Title 1"] + " " + row["H1-1"] for row in table.values()) + " ".join(r["Anchor"] for r in links(folder))
    assert "Centre" in text and "center" not in text.lower().replace("centre", "")
