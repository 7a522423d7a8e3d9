"""What makes each measurement site of archmodel.synth.schemes different, site by site in registration order.

The checks every site passes are in `test_synth_schemes.py`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.unit.synth_sites import Sites

# -- small per-site tables: one check each -----------------------------------------------------------

# What the page-type rules make of pages the ground truth does not list: Spanish twins, booking pages
# that serve no condition, tabs and listings that are no stage, articles.
PAGE_TYPES = {
    "library": {"/find-a-doctor/": "appointment"},
    "bilingual": {"/es/condiciones/presion-arterial-alta/": "condition",
                  "/es/condiciones/presion-arterial-alta/sintomas/": "symptom",
                  "/es/doctores/ana-perez/": "provider"},
    "academic": {"/patient-care/conditions/heart-failure/causes-and-risk-factors/": "condition",  # causes tab, no stage
                 "/departments/medicine/": "other"},
    "dental": {"/request-appointment/": "appointment", "/blog/category/gum-health/": "other",
               "/blog/how-to-choose-a-family-dentist/": "blog"},
    "pediatric-network": {"/for-parents/signs-of-asthma-in-toddlers": "blog"},
    "physio": {"/services/shockwave-therapy": "treatment"},
    "womens-health": {"/blog/how-to-choose-an-ob-gyn": "blog"},
    "hospital-mayo-style": {"/appointments": "appointment"},
}

# The URL scheme of every provider page the ground truth names.
PROVIDER_PAGES = {
    "wordpress": r"/(dr-[a-z-]+|team/[a-z-]+)/",
    "library": r"/find-a-doctor/[a-z-]+-(md|do|aprn)/",
    "portuguese": r"/corpo-clinico/dra?-[a-z-]+/",
    "academic": r"/faculty/[a-z]+-[a-z]+/|/profiles/\d+-[a-z]+-[a-z]+/",
    "dental": r"/meet-dr-[a-z-]+/",
    "pediatric-network": r"/our-team/[a-z-]+/[a-z]+-[a-z]+",
    "physio": r"/team/[a-z]+(-[a-z])?",
    "womens-health": r"/providers/[a-z-]+-(md|do|cnm|whnp-bc)",
    "hospital-mayo-style": r"/biographies/[a-z-]+/bio-200\d{5}",
}


@pytest.mark.parametrize("name", PROVIDER_PAGES)
def test_provider_pages_follow_the_sites_scheme(name: str, synth_sites: Sites) -> None:
    pages = [p.page for p in synth_sites[name].model.providers if p.page]
    odd = [page for page in pages if not re.fullmatch(PROVIDER_PAGES[name], page)]
    assert pages and not odd, odd


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_rules_type_the_sites_other_pages(name: str, synth_sites: Sites) -> None:
    sm = synth_sites[name].model
    wrong = {path: sm.classify(path)[0] for path, kind in PAGE_TYPES[name].items() if sm.classify(path)[0] != kind}
    assert not wrong, wrong


# -- publisher, ortho ------------------------------------------------------------------------------


def test_the_first_two_sites_still_generate(synth_sites: Sites) -> None:
    for name in ("publisher", "ortho"):
        site = synth_sites[name]
        assert site.result["pages"] > 250
        assert site.model.conditions


# -- wordpress -------------------------------------------------------------------------------------


def test_wordpress_is_flat_at_the_root(synth_sites: Sites) -> None:
    site = synth_sites["wordpress"]
    sm, table = site.model, site.pages
    for c in sm.conditions:
        assert re.fullmatch(r"/[a-z0-9-]+/", c.pages["overview"]), c.pages["overview"]
        assert c.pages["overview"] == f"/{c.id}/"
        assert c.pages.get("appointment", "/contact/") == "/contact/"
    assert sm.condition("sciatica").pages["diagnosis"] == "/how-is-sciatica-diagnosed/"
    assert sm.condition("sciatica").pages["symptoms"] == "/sciatica-symptoms/"
    assert sm.condition("sciatica").pages["follow_up"] == "/recovery-after-sciatica-treatment/"
    assert sm.condition("herniated-disc").pages["treatment"] == "/herniated-disc-treatment/"
    assert {loc.page for loc in sm.locations} >= {"/round-rock/", "/cedar-park/"}
    assert any(re.fullmatch(r"/20\d\d/\d\d/[a-z0-9-]+/", path) for path in table)
    for prefix in ("/category/", "/tag/", "/author/", "/blog/page/2/"):
        assert any(path.startswith(prefix) for path in table), prefix
    assert any(row["Anchor"] == "Schedule a consultation" and row["Destination"].endswith("/contact/")
               for row in site.links)
    assert any(re.fullmatch(r"Medically reviewed by .+, (DC|DPT|PT, DPT|DPT, OCS|MD|DO)", row["Anchor"])
               for row in site.links)
    assert table["/round-rock/"]["Title 1"] in ("Our Round Rock Location | Hill Country Spine & Sports",
                                                "Chiropractor in Round Rock, TX | Hill Country Spine & Sports")


# -- library ---------------------------------------------------------------------------------------


def test_library_has_a_trailing_slash_twin_of_a_hub(synth_sites: Sites) -> None:
    site = synth_sites["library"]
    sm, table = site.model, site.pages
    twin = table["/our-services/neurology"]
    assert twin["Status Code"] == "301"
    assert twin["Redirect URL"].endswith("/our-services/neurology/")
    assert table["/our-services/neurology/"]["Status Code"] == "200"
    assert next(s for s in sm.specialties if s.id == "neurology").hub == "/our-services/neurology/"
    assert any(row["Destination"].endswith("/our-services/neurology") for row in site.links)
    asthma = sm.condition("asthma").pages
    assert asthma["symptoms"] == "/health-library/asthma/what-are-the-symptoms"
    assert asthma["diagnosis"] == "/health-library/asthma/how-is-it-diagnosed"
    assert asthma["treatment"] == "/health-library/asthma/how-is-it-treated"
    assert asthma["appointment"] == "/our-services/pulmonology/request-an-appointment/"
    for p in sm.providers:
        if p.page:
            assert re.search(r", (MD|DO|APRN)|^Dr\. ", table[p.page]["Title 1"])


# -- serviceline -----------------------------------------------------------------------------------


def test_serviceline_nests_everything_under_the_line(synth_sites: Sites) -> None:
    sm = synth_sites["serviceline"].model
    covered = {cid: s.id for s in sm.specialties for cid in s.conditions}
    for c in sm.conditions:
        line = covered.get(c.id)
        for stage, path in c.pages.items():
            assert path.startswith(f"/services/{line}/" if line else ("/conditions/", "/tests/", "/treatments/")), path
    assert sm.condition("atrial-fibrillation").pages["overview"] == "/services/heart-vascular/conditions/atrial-fibrillation/"
    places = {p.page.split("/")[1] for p in sm.providers if p.page}
    assert places == {"services", "providers"}
    assert {s.hub for s in sm.specialties} >= {"/services/heart-vascular/"}


# -- bilingual -------------------------------------------------------------------------------------


def test_bilingual_has_spanish_twins_that_are_not_entities(synth_sites: Sites) -> None:
    site = synth_sites["bilingual"]
    sm, table = site.model, site.pages
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
    switch = {(urlsplit(r["Source"]).path, urlsplit(r["Destination"]).path) for r in site.links if r["Anchor"] == "Español"}
    for c in sm.conditions:
        assert any(source == c.pages["overview"] and target.startswith("/es/condiciones/") for source, target in switch), c.id


# -- portuguese ------------------------------------------------------------------------------------


def test_portuguese_speaks_portuguese_throughout(synth_sites: Sites) -> None:
    site = synth_sites["portuguese"]
    sm, table = site.model, site.pages
    assert sm.condition("hipertensao").name == "Hipertensão arterial"
    assert sm.condition("hipertensao").pages["symptoms"] == "/doencas/hipertensao/sintomas/"
    assert "saiba mais" in sm.thresholds.generic_anchors and "learn more" not in sm.thresholds.generic_anchors
    assert table["/doencas/diabetes-tipo-2/diagnostico/"]["H1-1"] == "Como é feito o diagnóstico do diabetes tipo 2?"
    anchors = {row["Anchor"] for row in site.links}
    assert "saiba mais" in anchors
    english = {"learn more", "Book an appointment", "Find a specialist", "symptoms of", "Page not found", "Medically reviewed"}
    assert not [a for a in anchors for word in english if word.lower() in a.lower()]
    assert not [row["Title 1"] for row in table.values() if "Page not found" in row["Title 1"]]


# -- academic --------------------------------------------------------------------------------------


def test_academic_departments_divisions_and_condition_tabs(synth_sites: Sites) -> None:
    site = synth_sites["academic"]
    sm, table = site.model, site.pages
    hubs = {s.id: s.hub for s in sm.specialties}
    assert hubs["cardiology"] == "/departments/medicine/cardiology/"
    assert hubs["orthopaedics"] == "/departments/surgery/orthopaedics/"
    assert hubs["neurology"] == "/departments/neurology/"
    afib = sm.condition("atrial-fibrillation").pages
    assert afib["overview"] == "/patient-care/conditions/atrial-fibrillation/"
    assert afib["symptoms"] == "/patient-care/conditions/atrial-fibrillation/symptoms-and-causes/"
    assert afib["diagnosis"] == "/patient-care/conditions/atrial-fibrillation/tests-and-diagnosis/"
    assert afib["tests"] == "/patient-care/tests-procedures/holter-monitor/"
    assert afib["appointment"] == sm.condition("heart-failure").pages["appointment"] == "/departments/medicine/cardiology/appointments/"
    assert table[afib["diagnosis"]]["H1-1"] == "Atrial Fibrillation (AFib)"
    assert table[afib["diagnosis"]]["Title 1"] == "Atrial Fibrillation (AFib) - Tests and Diagnosis | Halvorsen University Health"
    assert table["/patient-care/conditions/heart-failure/outlook-prognosis/"]["Title 1"].startswith("Heart Failure - Outlook / Prognosis")
    assert table["/patient-care/conditions/heart-failure/management-and-treatment/"]["Title 1"].startswith(
        "Heart Failure - Management and Treatment")
    # the causes tab is crawled but is no pathway stage
    causes = "/patient-care/conditions/heart-failure/causes-and-risk-factors/"
    assert table[causes]["Status Code"] == "200"
    assert causes not in site.stage_pages
    epilepsy = sm.condition("epilepsy").pages
    assert epilepsy["overview"] == "/health-topics/epilepsy/"
    assert epilepsy["symptoms"] == "/health-topics/epilepsy/symptoms-and-when-to-see-a-doctor/"
    assert epilepsy["treatment"] == "/patient-care/tests-procedures/epilepsy-surgery/"
    assert "When to See a Doctor" in table[epilepsy["symptoms"]]["Title 1"]
    assert "appointment" not in sm.condition("lyme-disease").pages  # no division covers it


def test_academic_faculty_profiles_and_research_faculty(synth_sites: Sites) -> None:
    site = synth_sites["academic"]
    sm, table = site.model, site.pages
    assert table["/faculty/elena-marsh/"]["Title 1"] == (
        "Elena R. Marsh, MD, PhD - Professor of Medicine | Halvorsen University Health")
    assert site.provider_page("thomas-beck") == "/profiles/10215-thomas-beck/"
    # research faculty have live profiles but are not providers
    for path in ("/faculty/robert-lindqvist/", "/faculty/arjun-mehta/", "/profiles/13044-mei-chen/"):
        assert table[path]["Status Code"] == "200"
        assert sm.classify(path)[0] == "other"
    assert not {"robert-lindqvist", "arjun-mehta", "mei-chen"} & set(site.people)
    assert "Research Track" in table["/faculty/arjun-mehta/"]["Title 1"]
    assert {loc.page for loc in sm.locations} >= {"/locations/main-campus/", "/clinics/heart-and-vascular-clinic/"}
    assert any(re.fullmatch(r"/news/20\d\d/[a-z0-9-]+/", path) for path in table)
    redirects = site.redirects
    assert redirects["/cardiology/"].endswith("/departments/medicine/cardiology/")
    assert redirects["/depts/neuro/"].endswith("/neurology/") and redirects["/neurology/"].endswith("/departments/neurology/")
    assert any(row["Anchor"] == "Reviewed by Elena R. Marsh, MD, PhD" for row in site.links)


# -- dental ----------------------------------------------------------------------------------------


def test_dental_is_flat_with_question_slugs(synth_sites: Sites) -> None:
    site = synth_sites["dental"]
    sm, table = site.model, site.pages
    for c in sm.conditions:
        assert c.pages["overview"] == f"/{c.id}/"
        assert c.pages.get("appointment", "/book-online/") == "/book-online/"
    gum = sm.condition("gum-disease").pages
    assert gum["symptoms"] == "/signs-of-gum-disease/"
    assert gum["diagnosis"] == "/do-i-have-gum-disease/"
    assert gum["treatment"] == "/gum-disease-treatment/"
    assert sm.condition("tooth-infection").pages["treatment"] == "/root-canal-therapy/"
    assert sm.condition("missing-teeth").pages["treatment"] == "/dental-implants/"
    assert sm.condition("tooth-decay").pages["diagnosis"] == "/do-i-have-a-cavity/"
    assert sm.condition("impacted-wisdom-teeth").pages["follow_up"] == "/post-op-instructions/wisdom-teeth-removal/"
    assert {"gum-disease", "tooth-sensitivity", "tmj-disorder", "sleep-apnea"} <= {c.id for c in sm.conditions}
    assert table["/do-i-have-gum-disease/"]["H1-1"] == "Do I Have Gum Disease?"


def test_dental_dentists_offices_and_blog(synth_sites: Sites) -> None:
    site = synth_sites["dental"]
    sm, table = site.model, site.pages
    for p in sm.providers:
        if p.page:
            assert table[p.page]["Title 1"].startswith("Meet Dr. ")
    assert site.provider_page("priya-shah") == "/meet-dr-shah/"
    assert site.provider_page("vikram-shah") == "/meet-dr-vikram-shah/"
    assert table["/meet-dr-shah/"]["H1-1"] == "Meet Dr. Priya Shah, DDS"
    offices = {loc.id: loc.page for loc in sm.locations}
    assert offices["plano"] == "/plano-dentist/" and offices["mckinney"] == "/locations/mckinney/"
    assert table["/plano-dentist/"]["Title 1"] == "Dentist in Plano, TX | Prairie Creek Dental"
    assert table["/locations/plano/"]["Status Code"] == "301"
    for prefix in ("/blog/category/", "/blog/tag/", "/blog/page/2/"):
        assert any(path.startswith(prefix) for path in table), prefix
    assert any(re.fullmatch(r"/blog/category/[a-z-]+/page/2/", path) for path in table)
    header = {urlsplit(r["Source"]).path for r in site.links
              if r["Link Position"] == "Header" and r["Destination"].endswith("/book-online/")}
    assert "/gum-disease/" in header and "/meet-dr-shah/" in header
    assert any(r["Anchor"].startswith("Request") and r["Destination"].endswith("/request-appointment/") for r in site.links)
    anchors = " ".join(r["Anchor"] for r in site.links).lower()
    assert "right specialist" not in anchors and "lab test" not in anchors


# -- pediatric-network -----------------------------------------------------------------------------


def test_pediatric_node_ids_and_condition_tabs(synth_sites: Sites) -> None:
    site = synth_sites["pediatric-network"]
    sm, table = site.model, site.pages
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
    letter = {urlsplit(r["Destination"]).path for r in site.links if urlsplit(r["Source"]).path == "/kids-health-a-z/j"}
    assert ja["overview"] in letter
    # the tab bar links every tab of a condition to every other
    tabs = {urlsplit(r["Destination"]).path for r in site.links
            if urlsplit(r["Source"]).path == ja["symptoms"] and r["Link Position"] == "Navigation"}
    assert {ja["overview"], ja["diagnosis"], ja["treatment"], ja["follow_up"]} <= tabs


def test_pediatric_team_parents_and_spanish(synth_sites: Sites) -> None:
    site = synth_sites["pediatric-network"]
    sm, table, people = site.model, site.pages, site.people
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
    assert not set(articles) & site.stage_pages
    # a Spanish page for about a third of the conditions, none of them in the model
    spanish = [path for path in site.live if re.fullmatch(r"/es/afecciones-y-tratamientos/\d{5}-[a-z-]+", path)]
    assert len(sm.conditions) / 4 <= len(spanish) <= len(sm.conditions) / 2
    assert not {path for path in site.live if path.startswith("/es")} & site.stage_pages
    asthma = sm.condition("asthma").pages["overview"]
    assert any(urlsplit(r["Source"]).path == asthma and r["Anchor"] == "Español" for r in site.links)
    assert site.redirects[f"/node/{asthma.split('/')[-1].split('-')[0]}"].endswith(asthma)


# -- physio ----------------------------------------------------------------------------------------


def test_physio_conditions_and_stage_pages(synth_sites: Sites) -> None:
    site = synth_sites["physio"]
    sm, table = site.model, site.pages
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
    assert table["/injuries/acl-injury"]["Title 1"].endswith(" — Harbourside Physio")


def test_physio_team_clinics_and_external_booking(synth_sites: Sites) -> None:
    site = synth_sites["physio"]
    sm, table, people = site.model, site.pages, site.people
    assert people["liam-obrien"]["page"] == "/team/liam"
    assert people["sarah-mitchell"]["page"] == "/team/sarah-m" and people["sarah-kaur"]["page"] == "/team/sarah"
    assert table["/team/liam"]["Title 1"] == "Liam O'Brien - Senior Physiotherapist (MCSP) — Harbourside Physio"
    assert table["/team/aoife"]["Title 1"].startswith("Dr. Aoife Byrne, DPT")
    for path in ("/team/rachel", "/team/jess"):
        assert table[path]["Status Code"] == "200" and sm.classify(path)[0] == "other"
    assert {p.page for p in sm.providers} & {"/team/rachel", "/team/jess"} == set()
    clinics = {loc.id: loc.page for loc in sm.locations if not loc.telehealth}
    assert clinics == {town: f"/clinics/{town}" for town in ("harrogate", "ilkley", "otley", "wetherby")}
    areas = [path for path in site.live if path.startswith("/physio-in-")]
    assert len(areas) >= 3
    assert not set(areas) & {loc.page for loc in sm.locations}
    assert all(sm.classify(path)[0] == "other" for path in areas)
    # booking leaves the site: /book redirects to the booking host, every header links there
    assert table["/book"]["Status Code"] == "301"
    booking_host = urlsplit(table["/book"]["Redirect URL"]).netloc
    assert booking_host and booking_host != site.host
    header = {urlsplit(r["Source"]).path for r in site.links
              if r["Link Position"] == "Header" and urlsplit(r["Destination"]).netloc == booking_host}
    assert {"/injuries/acl-injury", "/team/liam", "/"} <= header
    assert any(urlsplit(r["Destination"]).path == "/book" and r["Anchor"].startswith("Book") for r in site.links)
    text = " ".join(row["Title 1"] + " " + row["H1-1"] for row in table.values()) + " ".join(r["Anchor"] for r in site.links)
    assert "Centre" in text and "center" not in text.lower().replace("centre", "")


# -- womens-health ---------------------------------------------------------------------------------


def test_womens_conditions_and_stage_pages(synth_sites: Sites) -> None:
    site = synth_sites["womens-health"]
    sm, table = site.model, site.pages
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
    weeks = [path for path in site.live if re.fullmatch(r"/pregnancy/week-\d+", path)]
    assert "/pregnancy/week-12" in weeks and len(weeks) >= 8
    assert not set(weeks) & site.stage_pages
    assert all(sm.classify(path)[0] == "other" for path in weeks)


def test_womens_providers_offices_and_other_pages(synth_sites: Sites) -> None:
    site = synth_sites["womens-health"]
    sm, table, people = site.model, site.pages, site.people
    assert people["naomi-adeyemi"]["page"] == "/providers/naomi-adeyemi-md"
    assert table["/providers/naomi-adeyemi-md"]["H1-1"] == "Dr. Naomi Adeyemi, MD, FACOG"
    assert people["grace-holloway"]["page"] == "/providers/grace-holloway-cnm"
    assert people["lauren-pike"]["page"] == "/providers/lauren-pike-whnp-bc"
    assert {"certified nurse-midwife", "women's health nurse practitioner"} <= {row["title"] for row in people.values()}
    # the midwives listing and the billing manager's page are under /providers/ but are no providers
    for path in ("/providers/meet-our-midwives", "/providers/denise-carter-cpc"):
        assert table[path]["Status Code"] == "200" and sm.classify(path)[0] == "other"
    assert not {p.page for p in sm.providers} & {"/providers/meet-our-midwives", "/providers/denise-carter-cpc"}
    midwives = {urlsplit(r["Destination"]).path for r in site.links
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


# -- hospital-mayo-style ---------------------------------------------------------------------------


def test_mayo_condition_tabs_share_stage_pages(synth_sites: Sites) -> None:
    site = synth_sites["hospital-mayo-style"]
    sm, table = site.model, site.pages
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
    ddc = [path for path in site.live if "/doctors-departments/ddc-" in path]
    assert len(ddc) >= 12 and not set(ddc) & site.stage_pages
    assert all(sm.classify(path)[0] == "other" for path in ddc)
    tabs = {(urlsplit(r["Destination"]).path, r["Anchor"]) for r in site.links
            if urlsplit(r["Source"]).path == afib["overview"] and r["Link Position"] == "Navigation"}
    assert (afib["treatment"], "Diagnosis & treatment") in tabs
    # the seed's noindexed symptoms page is a symptoms-causes tab here
    assert any(table[c.pages["overview"]]["Indexability Status"] == "noindex" for c in sm.conditions)


def test_mayo_biographies_departments_and_locations(synth_sites: Sites) -> None:
    site = synth_sites["hospital-mayo-style"]
    sm, table, people = site.model, site.pages, site.people
    smith = people["jane-smith"]["page"]
    assert re.fullmatch(r"/biographies/smith-jane-a-m-d/bio-200\d{5}", smith)
    assert table[smith]["H1-1"] == "Jane A. Smith, M.D."
    assert table[smith]["Title 1"] == "Jane A. Smith, M.D. - Doctors and Medical Staff - Stonebridge Clinic"
    assert people["amy-pruitt"]["page"].startswith("/biographies/pruitt-amy-r-p-a-c/")
    assert people["amy-pruitt"]["title"] == "physician assistant"
    researcher = [path for path in site.live if path.startswith("/biographies/nguyen-thanh-v-ph-d/")]
    assert len(researcher) == 1 and sm.classify(researcher[0])[0] == "other"
    assert researcher[0] not in {p.page for p in sm.providers}
    for s in sm.specialties:
        assert re.fullmatch(rf"/departments-centers/{s.id}/overview/ovc-2045\d{{4}}", s.hub or ""), s.hub
    sections = [path for path in site.live if "/sections/" in path]
    assert sections and all(sm.classify(path)[0] == "service" for path in sections)
    assert {loc.page for loc in sm.locations if not loc.telehealth} == {f"/locations/{loc.id}" for loc in sm.locations
                                                                       if not loc.telehealth}
    assert table["/appointments"]["Status Code"] == "200"
    articles = [path for path in site.live if path.startswith("/healthy-lifestyle/") and "/in-depth/" in path]
    assert articles and all(re.fullmatch(r"/healthy-lifestyle/[a-z-]+/in-depth/[a-z0-9-]+/art-2004\d{4}", p) for p in articles)
    assert all(sm.classify(path)[0] == "blog" for path in articles)
    assert not set(articles) & site.stage_pages
