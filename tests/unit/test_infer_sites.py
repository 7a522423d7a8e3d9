"""`archmodel init` on URL schemes the folder words never name: what a page says decides.

Small hand-made exports in the shapes real clinic and hospital sites use: a WordPress clinic with
flat slugs at the root and no link export, a children's hospital with a health library and
doctor profiles under `find-a-doctor`, and a site with nothing medical on it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.infer.pipeline import propose
from archmodel.ingest.sitemodel import load_site_model

WP = "https://www.hillcountryspine.example"
BRAND = " | Hill Country Spine & Sports"
# path, title, H1, status, canonical
WORDPRESS = [
    ("/", "Hill Country Spine & Sports | Chiropractor in Austin", "", 200, ""),
    ("/sciatica/", "Sciatica Treatment in Austin" + BRAND, "Sciatica", 200, ""),
    ("/how-is-sciatica-diagnosed/", "How Is Sciatica Diagnosed?" + BRAND, "How Is Sciatica Diagnosed?", 200, ""),
    ("/sciatica-symptoms/", "Sciatica Symptoms: What to Watch For" + BRAND, "", 200, ""),
    ("/herniated-disc-treatment/", "Herniated Disc Treatment" + BRAND, "Herniated Disc Treatment", 200, ""),
    ("/recovery-after-herniated-disc-treatment/", "Recovery After Herniated Disc Treatment" + BRAND, "", 200, ""),
    ("/plantar-fasciitis/", "Plantar Fasciitis" + BRAND, "Plantar Fasciitis", 200, ""),
    ("/spinal-decompression/", "Spinal Decompression" + BRAND, "", 200, ""),
    ("/round-rock/", "Our Round Rock Location" + BRAND, "", 200, ""),
    ("/cedar-park/", "Chiropractor in Cedar Park, TX" + BRAND, "", 200, ""),
    ("/team/maria-lopez/", "Maria Lopez, DPT" + BRAND, "", 200, ""),
    ("/team/james-carter/", "Book an appointment with Dr. James Carter" + BRAND, "", 200, ""),
    ("/contact/", "Contact Us" + BRAND, "", 200, ""),
    ("/editorial-policy/", "Our Medical Review Process" + BRAND, "", 200, ""),
    ("/privacy-policy/", "Privacy Policy" + BRAND, "", 200, ""),
    ("/2024/05/5-tips-for-sciatica-relief/", "5 Tips for Sciatica Relief" + BRAND, "", 200, ""),
    ("/category/telemedicine/", "Telemedicine Archives" + BRAND, "", 200, ""),
    ("/tag/back-pain/", "back pain Archives" + BRAND, "", 200, ""),
    ("/blog/page/2/", "Blog - Page 2" + BRAND, "", 200, ""),
    ("/old-sciatica-page/", "", "", 301, ""),
    ("/does-not-exist/", "Page not found" + BRAND, "", 404, ""),
    ("/oops/", "Page not found" + BRAND, "Page not found", 200, ""),
    ("/blocked-by-robots/", "", "", 0, ""),
    ("/Sciatica/", "Sciatica Treatment in Austin" + BRAND, "Sciatica", 200, ""),
    ("/whiplash/?utm_source=google", "Whiplash" + BRAND, "Whiplash", 200, ""),
    ("/tennis-elbow-2/", "Tennis Elbow" + BRAND, "Tennis Elbow", 200, WP + "/tennis-elbow/"),
    ("/tennis-elbow/", "Tennis Elbow" + BRAND, "Tennis Elbow", 200, ""),
    ("/es/", "Inicio" + BRAND, "", 200, ""),
    ("/es/ciatica/", "Tratamiento de la ciática en Austin" + BRAND, "Ciática", 200, ""),
    ("/es/contacto/", "Contacto" + BRAND, "", 200, ""),
]


def _internal(folder: Path, host: str, rows: list[tuple[str, str, str, int, str]], name: str = "internal_html.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / name).open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(["Address", "Content Type", "Status Code", "Title 1", "H1-1", "Canonical Link Element 1"])
        for path, title, h1, status, canonical in rows:
            writer.writerow([host + path, "text/html; charset=UTF-8" if status else "", str(status), title, h1, canonical])
    return folder


@pytest.fixture
def wordpress(tmp_path: Path):
    folder = _internal(tmp_path / "crawl", WP, WORDPRESS)
    out = tmp_path / "site.yml"
    text, inferred = propose([folder], out)
    out.write_text(text)
    return load_site_model(out), inferred, text


def test_flat_slugs_give_conditions_stages_providers_and_locations_without_links(wordpress) -> None:
    model, inferred, text = wordpress
    conditions = {c.pages["overview"]: c for c in model.conditions}
    assert set(conditions) == {"/sciatica/", "/herniated-disc-treatment/", "/plantar-fasciitis/", "/whiplash/",
                               "/tennis-elbow/"}
    assert conditions["/sciatica/"].pages == {"overview": "/sciatica/", "symptoms": "/sciatica-symptoms/",
                                              "diagnosis": "/how-is-sciatica-diagnosed/"}
    herniated = conditions["/herniated-disc-treatment/"]  # "X Treatment" alone is the condition's page
    assert herniated.name == "Herniated disc"
    assert herniated.pages["follow_up"] == "/recovery-after-herniated-disc-treatment/"
    providers = {p.page: (p.name, p.title) for p in model.providers}
    assert providers == {"/team/maria-lopez/": ("Maria Lopez", "DPT"),
                         "/team/james-carter/": ("Dr. James Carter", None)}
    assert {loc.page: loc.name for loc in model.locations} == {"/round-rock/": "Round Rock", "/cedar-park/": "Cedar Park"}
    assert model.trust.review_pages == ["/editorial-policy/"] and model.trust.policy_pages == ["/privacy-policy/"]
    assert "spinal-decompression" not in {c.id for c in model.conditions}  # a treatment, never a condition
    assert inferred.without_links and "All Inlinks" in inferred.without_links
    assert "# No link export" in text


def test_never_an_entity(wordpress) -> None:
    model, _, text = wordpress
    pages = {c.pages["overview"] for c in model.conditions} | {p.page for p in model.providers} | {
        loc.page for loc in model.locations}
    for path in ("/category/telemedicine/", "/tag/back-pain/", "/blog/page/2/", "/old-sciatica-page/",
                 "/does-not-exist/", "/oops/", "/blocked-by-robots/", "/Sciatica/", "/tennis-elbow-2/",
                 "/2024/05/5-tips-for-sciatica-relief/", "/es/ciatica/"):
        assert path not in pages, path
    assert not any(loc.telehealth for loc in model.locations)  # a blog category named "telemedicine" is no clinic
    assert "/old-sciatica-page/" not in text  # no rule for a redirecting URL
    assert model.classify("/whiplash/")[0] == "condition"


def test_a_mirror_is_typed_and_listed_as_translations_not_new_entities(wordpress) -> None:
    model, _, text = wordpress
    assert "ciatica" not in {c.id for c in model.conditions}
    assert "translations: /es/ciatica/" in text


HOSPITAL = "https://www.brightwater-childrens.example"
LIBRARY = [
    ("/", "Brightwater Children's Hospital", "", 200, ""),
    ("/health-library/", "Health Library | Brightwater Children's", "Health Library", 200, ""),
    ("/health-library/asthma/", "Asthma | Brightwater Children's", "Asthma", 200, ""),
    ("/health-library/asthma/what-are-the-symptoms", "What are the symptoms? | Brightwater Children's", "", 200, ""),
    ("/health-library/asthma/how-is-it-diagnosed", "How is it diagnosed? | Brightwater Children's", "", 200, ""),
    ("/health-library/asthma/living-with", "Living with asthma | Brightwater Children's", "", 200, ""),
    ("/health-library/epilepsy/", "Epilepsy | Brightwater Children's", "Epilepsy", 200, ""),
    ("/health-library/epilepsy/how-is-it-diagnosed", "How is it diagnosed? | Brightwater Children's", "", 200, ""),
    ("/health-library/croup/", "Croup | Brightwater Children's", "Croup", 200, ""),
    ("/find-a-doctor/", "Find a Doctor | Brightwater Children's", "", 200, ""),
    ("/find-a-doctor/amara-okonkwo-md/", "Amara Okonkwo, MD | Brightwater Children's", "", 200, ""),
    ("/find-a-doctor/leo-brandt-do/", "Dr. Leo Brandt - Pediatric Neurology | Brightwater Children's", "", 200, ""),
    ("/find-a-doctor/sara-kim-aprn/", "Sara Kim, APRN | Brightwater Children's", "", 200, ""),
    ("/our-services/neurology", "", "", 301, ""),
    ("/our-services/neurology/", "Neurology | Brightwater Children's", "Neurology", 200, ""),
    ("/our-services/pulmonology/", "Pulmonology | Brightwater Children's", "Pulmonology", 200, ""),
]


def test_health_library_questions_and_find_a_doctor_profiles(tmp_path: Path) -> None:
    folder = _internal(tmp_path / "crawl", HOSPITAL, LIBRARY)
    out = tmp_path / "site.yml"
    text, _ = propose([folder], out)
    out.write_text(text)
    model = load_site_model(out)
    conditions = {c.pages["overview"]: c for c in model.conditions}
    assert set(conditions) == {"/health-library/asthma/", "/health-library/epilepsy/", "/health-library/croup/"}
    assert conditions["/health-library/asthma/"].pages == {
        "overview": "/health-library/asthma/", "symptoms": "/health-library/asthma/what-are-the-symptoms",
        "diagnosis": "/health-library/asthma/how-is-it-diagnosed", "follow_up": "/health-library/asthma/living-with"}
    assert conditions["/health-library/epilepsy/"].pages["diagnosis"] == "/health-library/epilepsy/how-is-it-diagnosed"
    assert {p.page: p.name for p in model.providers} == {
        "/find-a-doctor/amara-okonkwo-md/": "Amara Okonkwo", "/find-a-doctor/leo-brandt-do/": "Dr. Leo Brandt",
        "/find-a-doctor/sara-kim-aprn/": "Sara Kim"}
    assert model.classify("/find-a-doctor/amara-okonkwo-md/")[0] == "provider"
    assert model.classify("/health-library/asthma/")[0] == "condition"
    assert model.classify("/our-services/neurology/")[0] == "specialty_hub"  # not swallowed by the redirect's rule
    assert '"/our-services/neurology"' not in text


def test_a_site_with_nothing_medical_gets_page_types_and_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [("/", "Acme Homes | New homes in Texas", "", 200, ""),
            ("/about-us/experts/dana-cole/", "Dana Cole", "", 200, ""),
            ("/communities/round-rock/", "New Homes in Round Rock, TX", "", 200, ""),
            ("/communities/cedar-park/", "New Homes in Cedar Park, TX", "", 200, ""),
            ("/resource-centres/homeowner/", "Homeowner Resource Centre", "", 200, ""),
            ("/blog/monodosis-guide/", "Isolean - Pack Monodosis", "", 200, "")]
    folder = _internal(tmp_path / "crawl", "https://www.acme-homes.example", rows)
    out = tmp_path / "site.yml"
    assert main(["init", "--from", str(folder), "-o", str(out)]) == 0
    model = load_site_model(out)
    assert not model.conditions and not model.providers and not model.locations and not model.specialties
    err = capsys.readouterr().err
    assert "No medical structure recognised" in err
    assert "Traceback" not in err
