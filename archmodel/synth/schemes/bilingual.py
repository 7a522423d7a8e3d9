"""`bilingual`: Sonoran Family Health, an English clinic site with a Spanish mirror under `/es/`.

English pages follow a familiar scheme (`/conditions/diabetes/`, `/conditions/diabetes/symptoms/`,
`/tests/a1c-test/`, `/treatments/...`, `/doctors/ana-perez/`, `/locations/gilbert/`,
`/services/endocrinology/`, `/appointments/diabetes/`); nearly every one of them has a Spanish
translation with its own slug (`/es/condiciones/diabetes/`, `/es/condiciones/presion-arterial-alta/sintomas/`,
`/es/pruebas/prueba-a1c/`, `/es/doctores/ana-perez/`, `/es/ubicaciones/gilbert/`), Spanish titles
("Diabetes: síntomas y causas", "¿Cómo se diagnostica la diabetes?", "Dra. Ana Pérez, MD",
"Nuestra ubicación en Gilbert") and the same links as its English twin, pointed at the Spanish
pages. Every page links its twin through the language switcher. The ground truth keeps one
entity per condition, provider and location (the English pages); the Spanish pages are only
typed by page_types rules.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import Page, Site
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, fixed_title, is_review_credit, make_site, pick, seed_title,
)

BRAND = "Sonoran Family Health"

SPECIALTIES = [
    ("endocrinology", "Diabetes & Endocrinology", "endocrinologist", [("diabetes-education", "Diabetes education classes")], [
        ("diabetes", "Diabetes", ["type 2 diabetes", "high blood sugar"], ("a1c-test", "A1C test"),
         ("diabetes-medications", "Diabetes medications"), ["prediabetes"]),
        ("prediabetes", "Prediabetes", ["borderline diabetes", "impaired fasting glucose"],
         ("glucose-tolerance-test", "Oral glucose tolerance test"), ("diabetes-prevention-program", "Diabetes prevention program"), []),
        ("hypothyroidism", "Hypothyroidism", ["underactive thyroid"], ("tsh-test", "TSH blood test"),
         ("thyroid-hormone-replacement", "Thyroid hormone replacement"), []),
    ]),
    ("cardiology", "Heart Health", "cardiologist", [("heart-healthy-living", "Heart-healthy living program")], [
        ("hypertension", "High blood pressure", ["hypertension"], ("home-blood-pressure-monitoring", "Home blood pressure monitoring"),
         ("blood-pressure-medications", "Blood pressure medications"), ["high-cholesterol"]),
        ("high-cholesterol", "High cholesterol", ["hyperlipidemia"], ("lipid-panel", "Lipid panel"),
         ("statin-therapy", "Statin therapy"), []),
    ]),
    ("womens-health", "Women's Health", "women's health physician", [("prenatal-care", "Prenatal care")], [
        ("polycystic-ovary-syndrome", "Polycystic ovary syndrome", ["PCOS"], ("pelvic-ultrasound", "Pelvic ultrasound"),
         ("pcos-treatment", "PCOS treatment"), []),
        ("menopause", "Menopause", ["perimenopause", "hot flashes"], None, ("menopausal-hormone-therapy", "Menopausal hormone therapy"), []),
    ]),
    ("pediatrics", "Pediatrics", "pediatrician", [("well-child-visits", "Well-child visits")], [
        ("asthma", "Asthma", ["wheezing", "reactive airway disease"], ("spirometry", "Spirometry"),
         ("asthma-inhalers", "Asthma inhalers"), []),
        ("ear-infections", "Ear infections", ["otitis media"], None, ("ear-infection-treatment", "Ear infection treatment"), []),
    ]),
]
UNCOVERED = [("influenza", "Influenza", ["flu", "seasonal flu"], ("rapid-flu-test", "Rapid flu test"),
              ("flu-antivirals", "Antiviral medications for flu"), [])]
LOCATIONS = [("gilbert", "Gilbert", ["endocrinology", "cardiology", "womens-health", "pediatrics"]),
             ("mesa", "Mesa", ["endocrinology", "pediatrics"]),
             ("chandler", "Chandler", ["cardiology", "womens-health"])]
# id, name, female, credential, specialty, treats, locations
PEOPLE = [
    ("ana-perez", "Ana Pérez", True, "MD", "endocrinology", ["diabetes", "prediabetes"], ["gilbert"]),
    ("luis-romero", "Luis Romero", False, "MD", "endocrinology", ["hypothyroidism", "diabetes"], ["mesa", "virtual"]),
    ("karen-walsh", "Karen Walsh", True, "DO", "cardiology", ["hypertension", "high-cholesterol"], ["chandler"]),
    ("miguel-torres", "Miguel Torres", False, "MD", "cardiology", ["hypertension", "high-cholesterol"], ["gilbert", "virtual"]),
    ("sofia-ramirez", "Sofía Ramírez", True, "MD", "womens-health", ["polycystic-ovary-syndrome", "menopause"], ["chandler"]),
    ("emily-nguyen", "Emily Nguyen", True, "NP", "womens-health", ["menopause"], ["gilbert", "virtual"]),
    ("carlos-mendoza", "Carlos Mendoza", False, "MD", "pediatrics", ["asthma", "ear-infections", "influenza"], ["mesa"]),
    ("rebecca-stone", "Rebecca Stone", True, "MD", "pediatrics", ["ear-infections", "asthma"], ["gilbert"]),
]
PERSON = {pid: (name, female, cred) for pid, name, female, cred, *_ in PEOPLE}
# condition -> (Spanish slug, name, with article, plural)
ES_CONDITION = {
    "diabetes": ("diabetes", "Diabetes", "la diabetes", False),
    "prediabetes": ("prediabetes", "Prediabetes", "la prediabetes", False),
    "hypothyroidism": ("hipotiroidismo", "Hipotiroidismo", "el hipotiroidismo", False),
    "hypertension": ("presion-arterial-alta", "Presión arterial alta", "la presión arterial alta", False),
    "high-cholesterol": ("colesterol-alto", "Colesterol alto", "el colesterol alto", False),
    "polycystic-ovary-syndrome": ("sindrome-de-ovario-poliquistico", "Síndrome de ovario poliquístico (SOP)",
                                  "el síndrome de ovario poliquístico", False),
    "menopause": ("menopausia", "Menopausia", "la menopausia", False),
    "asthma": ("asma", "Asma", "el asma", False),
    "ear-infections": ("infecciones-de-oido", "Infecciones de oído", "las infecciones de oído", True),
    "influenza": ("gripe", "Gripe (influenza)", "la gripe", False),
}
# test or treatment slug -> (Spanish slug, name)
ES_PAGE = {
    "a1c-test": ("prueba-a1c", "Prueba de A1C"),
    "diabetes-medications": ("medicamentos-para-la-diabetes", "Medicamentos para la diabetes"),
    "glucose-tolerance-test": ("prueba-de-tolerancia-a-la-glucosa", "Prueba de tolerancia a la glucosa"),
    "diabetes-prevention-program": ("programa-de-prevencion-de-la-diabetes", "Programa de prevención de la diabetes"),
    "tsh-test": ("prueba-de-tsh", "Análisis de sangre de TSH"),
    "thyroid-hormone-replacement": ("reemplazo-de-hormona-tiroidea", "Reemplazo de hormona tiroidea"),
    "home-blood-pressure-monitoring": ("monitoreo-de-la-presion-arterial", "Monitoreo de la presión arterial en casa"),
    "blood-pressure-medications": ("medicamentos-para-la-presion-arterial", "Medicamentos para la presión arterial"),
    "lipid-panel": ("perfil-de-lipidos", "Perfil de lípidos"),
    "statin-therapy": ("estatinas", "Tratamiento con estatinas"),
    "pelvic-ultrasound": ("ultrasonido-pelvico", "Ultrasonido pélvico"),
    "pcos-treatment": ("tratamiento-del-sop", "Tratamiento del SOP"),
    "menopausal-hormone-therapy": ("terapia-hormonal", "Terapia hormonal para la menopausia"),
    "spirometry": ("espirometria", "Espirometría"),
    "asthma-inhalers": ("inhaladores-para-el-asma", "Inhaladores para el asma"),
    "ear-infection-treatment": ("tratamiento-de-las-infecciones-de-oido", "Tratamiento de las infecciones de oído"),
    "rapid-flu-test": ("prueba-rapida-de-la-gripe", "Prueba rápida de la gripe"),
    "flu-antivirals": ("antivirales-para-la-gripe", "Medicamentos antivirales para la gripe"),
}
ES_SPECIALTY = {"endocrinology": ("endocrinologia", "Diabetes y endocrinología"), "cardiology": ("cardiologia", "Salud del corazón"),
                "womens-health": ("salud-de-la-mujer", "Salud de la mujer"), "pediatrics": ("pediatria", "Pediatría")}

# seed path -> (English path, English title, English H1, nav label)
FIXED = {
    m.HOME: ("/", f"{BRAND}: Family Medicine in Gilbert, Mesa and Chandler", "Care for every member of your family", "Home"),
    m.SPECIALTIES_INDEX: ("/services/", "Our services", "Our services", "Services"),
    m.FIND: ("/find-a-doctor/", "Find a doctor", "Find a doctor", "Find a doctor"),
    m.APPOINTMENTS: ("/appointments/", "Make an appointment", "Make an appointment", "Make an appointment"),
    m.SECOND_OPINION: ("/appointments/second-opinion/", "Second opinions", "Second opinions", "Second opinion"),
    m.LOCATIONS_INDEX: ("/locations/", "Our locations", "Our locations", "Locations"),
    m.TELEHEALTH: ("/telehealth/", "Telehealth visits", "Telehealth visits", "Telehealth"),
    m.RESOURCES: ("/patient-resources/", "Patient resources", "Patient resources", "Patient resources"),
    m.LAB_PREP: ("/patient-resources/preparing-for-lab-work/", "Preparing for lab work", "Preparing for lab work", ""),
    m.LIBRARY: ("/conditions/", "Conditions we treat", "Conditions we treat", "Conditions"),
    m.BLOG: ("/blog/", "Health blog", "Health blog", "Blog"),
    m.BLOG_ARCHIVE: ("/blog/archive/", "Blog archive", "Blog archive", ""),
    m.PRIVACY: ("/privacy/", "Privacy policy", "Privacy policy", "Privacy policy"),
    m.DISCLAIMER: ("/medical-disclaimer/", "Medical disclaimer", "Medical disclaimer", "Medical disclaimer"),
    m.NON_EMERGENCY: ("/non-emergency-care/", "When to use the emergency room", "When to use the emergency room", "Emergency care"),
    m.EDITORIAL: ("/editorial-policy/", "Editorial policy", "How we review our health content", "Editorial policy"),
    m.ABOUT: ("/about/", "About us", f"About {BRAND}", "About us"),
    m.CONTACT: ("/contact/", "Contact us", "Contact us", "Contact"),
    m.CAREERS: ("/careers/", "Careers", "Careers", "Careers"),
}
# seed path -> (Spanish path, title, H1, nav label)
ES_FIXED = {
    m.HOME: ("/es/", f"{BRAND}: atención médica para toda la familia", "Atención para toda su familia", "Inicio"),
    m.SPECIALTIES_INDEX: ("/es/servicios/", "Nuestros servicios", "Nuestros servicios", "Servicios"),
    m.FIND: ("/es/buscar-un-medico/", "Buscar un médico", "Buscar un médico", "Buscar un médico"),
    m.APPOINTMENTS: ("/es/citas/", "Pida una cita", "Pida una cita", "Pida una cita"),
    m.LOCATIONS_INDEX: ("/es/ubicaciones/", "Nuestras ubicaciones", "Nuestras ubicaciones", "Ubicaciones"),
    m.TELEHEALTH: ("/es/telesalud/", "Consultas de telesalud", "Consultas de telesalud", "Telesalud"),
    m.LIBRARY: ("/es/condiciones/", "Condiciones que tratamos", "Condiciones que tratamos", "Condiciones"),
    m.PRIVACY: ("/es/privacidad/", "Política de privacidad", "Política de privacidad", "Política de privacidad"),
    m.DISCLAIMER: ("/es/aviso-medico/", "Aviso médico", "Aviso médico", "Aviso médico"),
    m.NON_EMERGENCY: ("/es/atencion-que-no-es-de-emergencia/", "Cuándo ir a la sala de emergencias",
                      "Cuándo ir a la sala de emergencias", "Atención de emergencia"),
    m.EDITORIAL: ("/es/politica-editorial/", "Política editorial", "Cómo revisamos nuestro contenido de salud", "Política editorial"),
    m.ABOUT: ("/es/quienes-somos/", "Quiénes somos", f"Acerca de {BRAND}", "Quiénes somos"),
    m.CONTACT: ("/es/contacto/", "Contáctenos", "Contáctenos", "Contacto"),
}


def entities() -> Site:
    people = [(pid, name if cred == "NP" else f"Dr. {name}", "nurse practitioner" if cred == "NP" else
               next(s[2] for s in SPECIALTIES if s[0] == sid), sid, treats, locs)
              for pid, name, _, cred, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Telehealth visits", (2022, 4))


def display(pid: str, spanish: bool = False) -> str:
    name, female, cred = PERSON[pid]
    if cred == "NP":
        return f"{name}, NP"
    title = ("Dra." if female else "Dr.") if spanish else "Dr."
    return f"{title} {name}, {cred}"


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": f"/conditions/{c.id}/", "symptoms": f"/conditions/{c.id}/symptoms/",
            "diagnosis": f"/conditions/{c.id}/diagnosis/", "tests": f"/tests/{c.test[0]}/",
            "treatment": f"/treatments/{c.treatment[0]}/", "follow_up": f"/conditions/{c.id}/living-with/",
            "appointment": f"/appointments/{c.id}/",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/services/{ref}/"
    if page.kind == "service":
        return f"/programs/{ref}/"
    if page.kind == "provider":
        return f"/doctors/{ref}/"
    return page.path  # locations, blog, utility pages keep the seed's paths


def spanish(site: Site, page: Page) -> tuple[str, str, str] | None:
    """(path, title without brand, H1) of a page's Spanish twin, None when it has none."""
    if page.path in ES_FIXED:
        path, t, h1, _ = ES_FIXED[page.path]
        return path, t, h1
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        slug, name, art, plural = ES_CONDITION[c.id]
        de = "del " + art[3:] if art.startswith("el ") else "de " + art
        bare = art.split(" ", 1)[1]
        n = "n" if plural else ""
        return {
            "overview": (f"/es/condiciones/{slug}/", f"{name}: síntomas y causas", name),
            "symptoms": (f"/es/condiciones/{slug}/sintomas/", f"Síntomas {de}", f"Síntomas {de}"),
            "diagnosis": (f"/es/condiciones/{slug}/diagnostico/", f"¿Cómo se diagnostica{n} {art}?",
                          f"¿Cómo se diagnostica{n} {art}?"),
            "tests": (f"/es/pruebas/{ES_PAGE[c.test[0]][0]}/", ES_PAGE[c.test[0]][1], ES_PAGE[c.test[0]][1])
            if c.test[0] in ES_PAGE else ("", "", ""),
            "treatment": (f"/es/tratamientos/{ES_PAGE[c.treatment[0]][0]}/", ES_PAGE[c.treatment[0]][1],
                          ES_PAGE[c.treatment[0]][1]),
            "follow_up": (f"/es/condiciones/{slug}/vivir-con/", f"Vivir con {bare}", f"Vivir con {bare}"),
            "appointment": (f"/es/citas/{slug}/", f"Pida una cita: {bare}", f"Pida una cita para {bare}"),
        }[page.stage or ""]
    if page.kind == "hub":
        slug, name = ES_SPECIALTY[ref]
        return f"/es/servicios/{slug}/", name, name
    if page.kind == "provider":
        shown = display(ref, spanish=True)
        return f"/es/doctores/{ref}/", shown, shown
    if page.kind == "location":
        name = site.locations[ref].name
        return f"/es/ubicaciones/{ref}/", f"Nuestra ubicación en {name}", f"Clínica de {name}"
    return None


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        n = c.lname
        are = "are" if c.id == "ear-infections" else "is"
        t, h1 = {
            "overview": (f"{c.name}: symptoms and causes", c.name),
            "symptoms": (f"{c.name} symptoms", f"Symptoms of {n}"),
            "diagnosis": (f"How {are} {n} diagnosed?", f"How {are} {n} diagnosed?"),
            "tests": (c.test[1], c.test[1]),
            "treatment": (c.treatment[1], c.treatment[1]),
            "follow_up": (f"Living with {n}", f"Living with {n}"),
            "appointment": (f"Make an appointment for {n}", f"Make an appointment for {n}"),
        }[page.stage or ""]
        return t + suffix, h1
    if page.kind == "hub":
        sp = site.specialty(ref)
        assert sp is not None
        return sp.name + suffix, sp.name
    if page.kind == "provider":
        shown = display(ref)
        return shown + suffix, shown
    if page.kind == "location":
        name = site.locations[ref].name
        t = pick(ref, [f"Our {name} location", f"{name} Family Clinic"])
        return t + suffix, f"{name} Family Clinic"
    return seed_title(page, suffix)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.path in FIXED and position in CHROME_POSITIONS and FIXED[target.path][3]:
        return FIXED[target.path][3]
    if target.kind == "provider":
        p = site.providers[target.ref or ""]
        shown = display(p.id)
        if is_review_credit(text):
            return f"Medically reviewed by {shown}"
        return pick(key, [shown, p.name, f"Book an appointment with {p.name}"])
    if target.kind == "location":
        name = site.locations[target.ref or ""].name
        return name if position == "Navigation" else pick(key, [f"our {name} clinic", f"{name} Family Clinic", name])
    return text


def es_anchor(site: Site, target: Page, english: str, position: str, key: str) -> str:
    """The Spanish text of a link to `target` (a page that has a Spanish twin)."""
    if target.path in ES_FIXED:
        label = ES_FIXED[target.path][3]
        return label if position in CHROME_POSITIONS else pick(key, [label, label.lower()])
    ref = target.ref or ""
    if target.kind == "stage":
        c = site.conditions[ref]
        _, name, art, plural = ES_CONDITION[c.id]
        de = "del " + art[3:] if art.startswith("el ") else "de " + art
        n = "n" if plural else ""
        return pick(key, {
            "overview": [name, f"qué es {art}", f"información sobre {art}"],
            "symptoms": [f"síntomas {de}", f"señales {de}"],
            "diagnosis": [f"cómo se diagnostica{n} {art}", f"diagnóstico {de}"],
            "tests": [ES_PAGE.get(c.test[0], ("", english))[1]],
            "treatment": [ES_PAGE[c.treatment[0]][1], f"tratamiento {de}"],
            "follow_up": [f"vivir con {art.split(' ', 1)[1]}", "cuidados de seguimiento"],
            "appointment": ["pida una cita", f"haga una cita para {art.split(' ', 1)[1]}"],
        }[target.stage or ""])
    if target.kind == "hub":
        return ES_SPECIALTY[ref][1]
    if target.kind == "provider":
        shown = display(ref, spanish=True)
        if english.startswith("Medically reviewed"):
            return f"Revisado por {shown}"
        person = shown.split(",")[0]
        meet = "Conozca a " + person if PERSON[ref][2] == "NP" else \
            ("Conozca a la " if PERSON[ref][1] else "Conozca al ") + person
        return pick(key, [shown, meet])
    if target.kind == "location":
        name = site.locations[ref].name
        return name if position == "Navigation" else pick(key, [f"nuestra clínica de {name}", name])
    return english


def extend(crawl: Crawl) -> None:
    """The Spanish mirror: one twin per live English page that has one, with its links translated."""
    site = crawl.site
    twins: dict[str, tuple[str, str, str]] = {}  # English path -> Spanish (path, title, H1)
    for path, page in list(crawl.page_at.items()):
        twin = spanish(site, page)
        if twin and twin[0] and crawl.live(path):
            twins[path] = twin
    seed_of = {path: page for path, page in crawl.page_at.items()}
    base = crawl.base
    english_links = list(crawl.links)
    for path, (es_path, es_title, h1) in twins.items():
        crawl.add_page(es_path, f"{es_title} | {BRAND}", h1)
    for row in english_links:
        if not row["Source"].startswith(base + "/"):
            continue
        source = row["Source"][len(base):]
        if source not in twins:
            continue
        es_source = twins[source][0]
        destination = row["Destination"][len(base):] if row["Destination"].startswith(base + "/") else None
        if row["Type"] != "Hyperlink":
            if row["Type"] == "Canonical":
                continue
            crawl.add_link(es_source, row["Destination"], row["Anchor"], row["Link Position"], kind=row["Type"],
                           alt=row["Alt Text"])
            continue
        follow = row["Follow"] == "True"
        if destination is not None and destination in twins:
            target = seed_of[destination]
            text = row["Anchor"] and es_anchor(site, target, row["Anchor"], row["Link Position"],
                                               f"{es_source}>{destination}:{row['Anchor']}")
            crawl.add_link(es_source, twins[destination][0], text, row["Link Position"], follow)
        else:
            crawl.add_link(es_source, destination or row["Destination"], row["Anchor"], row["Link Position"], follow)
    for path, (es_path, _, _) in twins.items():
        crawl.add_link(path, es_path, "Español", "Header")
        crawl.add_link(es_path, path, "English", "Header")
    crawl.add_link("/", "/es/", "En español", "Content")


RULES = [
    ("/", "home"),
    ("/services/", "other"),
    ("/services/{specialty}/", "specialty_hub"),
    ("/programs/*/", "service"),
    ("/conditions/", "resource_hub"),
    ("/conditions/{condition}/", "condition"),
    ("/conditions/{condition}/symptoms/", "symptom"),
    ("/conditions/{condition}/diagnosis/", "diagnosis"),
    ("/conditions/{condition}/living-with/", "follow_up"),
    ("/tests/*/", "test"),
    ("/treatments/*/", "treatment"),
    ("/doctors/{provider}/", "provider"),
    ("/locations/{location}/", "location"),
    ("/telehealth/", "telehealth"),
    ("/appointments/**", "appointment"),
    ("/find-a-doctor/", "appointment"),
    ("/blog/archive/**", "other"),
    ("/blog/*/", "blog"),
    ("/patient-resources/**", "resource_hub"),
    ("/privacy/", "policy"), ("/medical-disclaimer/", "policy"), ("/non-emergency-care/", "policy"),
    ("/editorial-policy/", "policy"),
    # the Spanish translations: typed, but not entities of their own
    ("/es/", "home"),
    ("/es/servicios/", "other"),
    ("/es/servicios/*/", "specialty_hub"),
    ("/es/condiciones/", "resource_hub"),
    ("/es/condiciones/*/", "condition"),
    ("/es/condiciones/*/sintomas/", "symptom"),
    ("/es/condiciones/*/diagnostico/", "diagnosis"),
    ("/es/condiciones/*/vivir-con/", "follow_up"),
    ("/es/pruebas/*/", "test"),
    ("/es/tratamientos/*/", "treatment"),
    ("/es/doctores/*/", "provider"),
    ("/es/ubicaciones/*/", "location"),
    ("/es/telesalud/", "telehealth"),
    ("/es/citas/**", "appointment"),
    ("/es/buscar-un-medico/", "appointment"),
    ("/es/privacidad/", "policy"), ("/es/aviso-medico/", "policy"), ("/es/atencion-que-no-es-de-emergencia/", "policy"),
    ("/es/politica-editorial/", "policy"),
]

SCHEME = Rework(
    name="bilingual", site_name=BRAND, base_url="https://www.sonoranfamilyhealth.example",
    alias="https://sonoranfamilyhealth.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=54, extend=extend,
    comment="The /es/ pages are Spanish translations of the English pages: typed by the rules below, not separate entities.",
)
SCHEMES[SCHEME.name] = SCHEME
