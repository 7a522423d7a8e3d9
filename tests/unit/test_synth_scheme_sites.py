"""What makes each measurement site of archmodel.synth.schemes different, site by site in registration order.

The checks every site passes are in `test_synth_schemes.py`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.unit.synth_sites import Sites

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
    assert all(re.fullmatch(r"/(dr-[a-z-]+|team/[a-z-]+)/", p.page) for p in sm.providers if p.page)
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
    assert sm.classify("/find-a-doctor/")[0] == "appointment"
    for p in sm.providers:
        if p.page:
            assert re.fullmatch(r"/find-a-doctor/[a-z-]+-(md|do|aprn)/", p.page), p.page
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
    assert sm.classify("/es/condiciones/presion-arterial-alta/")[0] == "condition"
    assert sm.classify("/es/condiciones/presion-arterial-alta/sintomas/")[0] == "symptom"
    assert sm.classify("/es/doctores/ana-perez/")[0] == "provider"


# -- portuguese ------------------------------------------------------------------------------------


def test_portuguese_speaks_portuguese_throughout(synth_sites: Sites) -> None:
    site = synth_sites["portuguese"]
    sm, table = site.model, site.pages
    assert sm.condition("hipertensao").name == "Hipertensão arterial"
    assert sm.condition("hipertensao").pages["symptoms"] == "/doencas/hipertensao/sintomas/"
    assert "saiba mais" in sm.thresholds.generic_anchors and "learn more" not in sm.thresholds.generic_anchors
    assert table["/doencas/diabetes-tipo-2/diagnostico/"]["H1-1"] == "Como é feito o diagnóstico do diabetes tipo 2?"
    assert all(re.fullmatch(r"/corpo-clinico/dra?-[a-z-]+/", p.page) for p in sm.providers if p.page)
    anchors = {row["Anchor"] for row in site.links}
    assert "saiba mais" in anchors
    english = {"learn more", "Book an appointment", "Find a specialist", "symptoms of", "Page not found", "Medically reviewed"}
    assert not [a for a in anchors for word in english if word.lower() in a.lower()]
    assert not [row["Title 1"] for row in table.values() if "Page not found" in row["Title 1"]]
