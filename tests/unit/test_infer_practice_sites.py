"""`archmodel init` on small practice sites whose pages are procedures, not conditions.

A dental or surgical practice on WordPress titles its pages after what it does ("Root Canal
Treatment", "Dental Implant") and has few or no condition pages. Its procedure pages are medical
evidence; cosmetic and retail services (whitening, dentures, Botox) that shops and spas sell too
are not. Crafted inputs in the shape of a URL inventory (`url`, `title`, `http_status`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from archmodel.infer.pipeline import infer_model
from archmodel.infer.text import stage_of
from archmodel.infer.vocabulary import vocabulary
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.inputs import open_inputs

HOST = "https://www.harbourside-dental.example"


def _inventory(folder: Path, brand: str, titles: str, missing: tuple[str, ...] = ()) -> Path:
    """One row per `path=Title` line of `titles`, status 200 unless the path is `missing` (404)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["url,page_type,title,http_status"]
    for row in titles.strip().splitlines():
        path, title = row.strip().split("=")
        lines.append(f"{HOST}{path},standard,{title} - {brand},{404 if path in missing else 200}")
    (folder / "inventory.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_a_procedure_title_names_the_vocabulary_entry_in_any_usual_form() -> None:
    vocab = vocabulary()
    assert vocab.treatment("Root Canal Treatment").id == "root-canal"  # a generic tail word
    assert vocab.treatment("Dental Implant").id == "dental-implants"  # singular of the vocabulary's plural
    assert vocab.treatment("Dental Crown").id == "dental-crowns"
    assert vocab.treatment("Tratamiento de implantes dentales").id == "dental-implants"  # a generic head, Spanish
    assert vocab.treatment("Cancer treatment") is None  # the tail goes, but a condition is no procedure
    assert vocab.treatment("Treatment") is None


def test_a_practice_of_procedure_pages_is_medical_and_keeps_its_service_line_hubs(tmp_path: Path) -> None:
    rows = """
        /=Going the extra smile
        /general-dentistry/=General Dentistry
        /cosmetic-dentistry/=Cosmetic Dentistry
        /root-canal-treatment/=Root Canal Treatment
        /dental-implant/=Dental Implant
        /teeth-whitening/=Teeth Whitening
        /contact-us/=Contact us
    """
    model = infer_model([_inventory(tmp_path / "crawl", "Harbourside Dental Care", rows)])
    assert not model.why_no_medical
    assert {s.fields["hub"] for s in model.specialties} == {"/general-dentistry/", "/cosmetic-dentistry/"}


def test_cosmetic_and_retail_services_alone_are_not_medical(tmp_path: Path) -> None:
    rows = """
        /=Glow Studio
        /teeth-whitening/=Teeth Whitening
        /botox/=Botox
        /dentures/=Dentures
        /lip-filler/=Lip Filler
        /cosmetic-dentistry/=Cosmetic Dentistry
    """
    model = infer_model([_inventory(tmp_path / "crawl", "Glow Studio", rows)])
    assert model.why_no_medical
    assert not model.specialties


def test_generic_pages_read_the_status_from_an_http_status_column(tmp_path: Path) -> None:
    folder = _inventory(tmp_path / "crawl", "Harbourside Dental Care", "/=Home\n/invisalign/=Page Not Found",
                        missing=("/invisalign/",))
    crawl = open_inputs([folder / "inventory.csv"], UrlNormaliser(HOST))
    assert [(p.url, p.status) for p in crawl.pages()] == [(HOST + "/", 200), (HOST + "/invisalign/", 404)]


def test_a_procedure_page_over_a_family_of_procedures_is_their_service_line(tmp_path: Path) -> None:
    rows = """
        /=Harbourside Plastic Surgery
        /procedures/=Our Procedures
        /procedures/breast/=Discover What Our Surgeons Can Do For Your Breasts
        /procedures/breast/augmentation/=Breast Augmentation
        /procedures/breast/lift/=Breast Lift
        /procedures/breast/reduction/=Breast Reduction
        /procedures/face/=Facial Procedures
        /procedures/face/blepharoplasty/=Blepharoplasty
        /procedures/liposuction/=Liposuction
    """
    model = infer_model([_inventory(tmp_path / "crawl", "Harbourside Plastic Surgery", rows)])
    assert [(s.fields["hub"], s.fields["name"]) for s in model.specialties] == [("/procedures/breast/", "Breast")]
    assert model.specialties[0].accepted  # written as an entry, not commented out for review


def test_stage_titles_of_blog_posts_name_their_stage() -> None:
    assert stage_of("7 Surefire Remedies for Low Back Pain") == "treatment"
    assert stage_of("Tackling Sciatica: Non-Surgical Treatment Options") == "treatment"
    assert stage_of("Treat Neck Pain at Your Desk") == "treatment"
    assert stage_of("How to Sleep Better If You Have Scoliosis") == "follow_up"
    assert stage_of("Remedios caseros para la ciática") == "treatment"
    assert stage_of("Sciatica Treatment") is None  # how clinics title the condition's own page
    assert stage_of("Sciatica: causes, symptoms and treatment options") is None  # the whole story
    assert stage_of("Treatments we offer") is None


def _linked_crawl(folder: Path, pages: dict[str, str], links: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "internal_html.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Address", "Content Type", "Status Code", "Title 1", "H1-1"])
        for path, title in pages.items():
            writer.writerow([HOST + path, "text/html; charset=UTF-8", "200", title, ""])
    with (folder / "all_inlinks.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Type", "Source", "Destination", "Anchor", "Follow", "Link Position"])
        for source, target in links:
            writer.writerow(["Hyperlink", HOST + source, HOST + target, pages[target], "True", "Content"])
    return folder


def test_a_stage_post_only_the_blog_links_to_is_still_its_conditions_stage_page(tmp_path: Path) -> None:
    pages = {"/": "Light Spine Clinic", "/blog/": "Blog", "/blog/page/2/": "Blog - Page 2",
             "/scoliosis/": "Scoliosis", "/sciatica/": "Sciatica", "/sciatica-2019/": "Sciatica",
             "/how-to-sleep-better-if-you-have-scoliosis/": "How to Sleep Better If You Have Scoliosis",
             "/7-remedies-for-sciatica/": "7 Remedies for Sciatica"}
    links = [("/", "/scoliosis/"), ("/", "/sciatica/"), ("/blog/", "/how-to-sleep-better-if-you-have-scoliosis/"),
             ("/blog/page/2/", "/7-remedies-for-sciatica/"), ("/blog/page/2/", "/sciatica-2019/")]
    model = infer_model([_linked_crawl(tmp_path / "crawl", pages, links)])
    stages = {c.fields["pages"]["overview"]: c.fields["pages"] for c in model.conditions}
    assert stages["/scoliosis/"]["follow_up"] == "/how-to-sleep-better-if-you-have-scoliosis/"
    assert stages["/sciatica/"]["treatment"] == "/7-remedies-for-sciatica/"
    assert "/sciatica-2019/" not in stages  # a condition page only post listings reach is an old post
