"""`library`: Brightwater Children's Hospital, a pediatric hospital with a health library.

Conditions live in the health library (`/health-library/asthma/`) with question-style stage
pages without a trailing slash (`.../what-are-the-symptoms`, `.../how-is-it-diagnosed`,
`.../how-is-it-treated`, `.../living-with`) and tests under `/health-library/tests/`. Services
are the specialty hubs (`/our-services/neurology/`) with their programs below and one
"Request a ... appointment" page each, which is every condition's booking page. Doctors are
`/find-a-doctor/amara-okonkwo-md/` (credential in the slug and the title), `/find-a-doctor/` is
the directory, campuses are `/locations/<campus>/`. One old link points at
`/our-services/neurology` (no trailing slash), which redirects to the hub.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import Page, Site, in_sentence
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    Crawl, Rework, anchor_key, chrome_label, fixed_title, is_review_credit, make_site, pick, seed_title,
)

BRAND = "Brightwater Children's Hospital"
SHORT = "Brightwater Children's"

SPECIALTIES = [
    ("neurology", "Neurology", "pediatric neurologist", [("epilepsy-monitoring-unit", "Epilepsy monitoring unit")], [
        ("epilepsy", "Epilepsy", ["seizure disorder", "seizures in children"], ("eeg", "EEG (electroencephalogram)"),
         ("epilepsy-treatment", "Epilepsy treatment"), ["febrile-seizures"]),
        ("febrile-seizures", "Febrile seizures", ["fever seizures", "fever fits"], None, ("febrile-seizure-care", "Febrile seizure care"), []),
        ("migraines", "Migraines", ["migraine headaches in children"], None, ("migraine-care", "Migraine care"), []),
        ("cerebral-palsy", "Cerebral palsy", ["CP"], ("gait-analysis", "Motion and gait analysis"),
         ("cerebral-palsy-treatment", "Cerebral palsy treatment"), []),
    ]),
    ("pulmonology", "Pulmonology", "pediatric pulmonologist", [("asthma-center", "Asthma center")], [
        ("asthma", "Asthma", ["reactive airway disease", "wheezing"], ("spirometry", "Spirometry (lung function test)"),
         ("asthma-treatment", "Asthma treatment"), ["bronchiolitis"]),
        ("cystic-fibrosis", "Cystic fibrosis", ["CF"], ("sweat-test", "Sweat chloride test"),
         ("cystic-fibrosis-treatment", "Cystic fibrosis treatment"), []),
        ("bronchiolitis", "Bronchiolitis", ["RSV infection", "chest cold in babies"], None,
         ("bronchiolitis-care", "Bronchiolitis care"), []),
    ]),
    ("cardiology", "Cardiology", "pediatric cardiologist", [("heart-transplant-program", "Heart transplant program")], [
        ("ventricular-septal-defect", "Ventricular septal defect", ["VSD", "hole in the heart"],
         ("echocardiogram", "Echocardiogram"), ("vsd-repair", "VSD repair"), ["heart-murmur"]),
        ("heart-murmur", "Heart murmur", ["innocent murmur", "whooshing heart sound"], None, ("heart-murmur-care", "Heart murmur care"), []),
        ("kawasaki-disease", "Kawasaki disease", ["mucocutaneous lymph node syndrome"], None,
         ("kawasaki-disease-treatment", "Kawasaki disease treatment"), []),
    ]),
    ("gastroenterology", "Gastroenterology", "pediatric gastroenterologist", [("feeding-program", "Pediatric feeding program")], [
        ("celiac-disease", "Celiac disease", ["gluten intolerance", "coeliac disease"], ("upper-endoscopy", "Upper endoscopy"),
         ("celiac-disease-treatment", "Celiac disease treatment"), []),
        ("crohns-disease", "Crohn's disease", ["inflammatory bowel disease in children"], ("colonoscopy", "Colonoscopy"),
         ("crohns-disease-treatment", "Crohn's disease treatment"), ["celiac-disease"]),
        ("infant-reflux", "Infant reflux", ["GERD in babies", "spitting up"], None, ("infant-reflux-care", "Infant reflux care"), []),
    ]),
    ("endocrinology", "Endocrinology", "pediatric endocrinologist", [("diabetes-program", "Diabetes program")], [
        ("type-1-diabetes", "Type 1 diabetes", ["juvenile diabetes", "insulin-dependent diabetes"], ("a1c-test", "Hemoglobin A1C test"),
         ("type-1-diabetes-treatment", "Type 1 diabetes treatment"), []),
        ("growth-hormone-deficiency", "Growth hormone deficiency", ["short stature", "slow growth"],
         ("growth-hormone-stimulation-test", "Growth hormone stimulation test"),
         ("growth-hormone-therapy", "Growth hormone therapy"), []),
    ]),
]
UNCOVERED = [
    ("croup", "Croup", ["barking cough", "laryngotracheobronchitis"], None, ("croup-care", "Croup care"), []),
    ("hand-foot-and-mouth-disease", "Hand, foot and mouth disease", ["HFMD", "coxsackievirus infection"], None,
     ("hfmd-care", "Hand, foot and mouth disease care"), []),
]
LOCATIONS = [("main-campus", "Brightwater Main Campus", ["neurology", "pulmonology", "cardiology", "gastroenterology", "endocrinology"]),
             ("north-pavilion", "North Pavilion", ["neurology", "pulmonology"]),
             ("lakeshore", "Lakeshore Specialty Center", ["cardiology", "gastroenterology"]),
             ("westfield", "Westfield Outpatient Center", ["pulmonology", "endocrinology"])]
# id, first last, credential, specialty, treats, locations
PEOPLE = [
    ("amara-okonkwo", "Amara Okonkwo", "MD", "neurology", ["epilepsy", "febrile-seizures"], ["main-campus"]),
    ("lucas-ferreira", "Lucas Ferreira", "MD", "neurology", ["migraines", "cerebral-palsy"], ["north-pavilion"]),
    ("hannah-lindgren", "Hannah Lindgren", "DO", "neurology", ["epilepsy", "migraines"], ["main-campus", "virtual"]),
    ("samuel-adeyemi", "Samuel Adeyemi", "MD", "pulmonology", ["asthma", "bronchiolitis"], ["main-campus", "westfield"]),
    ("grace-whitaker", "Grace Whitaker", "MD", "pulmonology", ["cystic-fibrosis", "asthma"], ["north-pavilion"]),
    ("jenna-morales", "Jenna Morales", "APRN", "pulmonology", ["asthma", "bronchiolitis"], ["westfield", "virtual"]),
    ("raj-patel", "Raj Patel", "MD", "cardiology", ["ventricular-septal-defect", "kawasaki-disease"], ["main-campus"]),
    ("olivia-chen", "Olivia Chen", "MD", "cardiology", ["heart-murmur", "ventricular-septal-defect"], ["lakeshore"]),
    ("miguel-santos", "Miguel Santos", "MD", "gastroenterology", ["celiac-disease", "crohns-disease"], ["lakeshore"]),
    ("sofia-novak", "Sofia Novak", "DO", "gastroenterology", ["infant-reflux", "celiac-disease"], ["main-campus", "virtual"]),
    ("ethan-brooks", "Ethan Brooks", "MD", "endocrinology", ["type-1-diabetes", "growth-hormone-deficiency"], ["main-campus", "westfield"]),
    ("leila-haddad", "Leila Haddad", "MD", "endocrinology", ["type-1-diabetes"], ["westfield"]),
]
PLURAL = {"febrile-seizures", "migraines"}
PROPER = {"kawasaki-disease", "crohns-disease"}
CREDENTIAL = {pid: cred for pid, _, cred, *_ in PEOPLE}
TITLES = {s[0]: s[2] for s in SPECIALTIES}

FIXED = {
    m.HOME: ("/", f"{BRAND} | Pediatric Care in Brightwater", f"Welcome to {BRAND}"),
    m.SPECIALTIES_INDEX: ("/our-services/", "Our Services A-Z", "Our Services"),
    m.FIND: ("/find-a-doctor/", "Find a Doctor", "Find a Doctor"),
    m.APPOINTMENTS: ("/request-an-appointment/", "Request an Appointment", "Request an Appointment"),
    m.SECOND_OPINION: ("/request-an-appointment/second-opinion/", "Request a Second Opinion", "Second Opinions"),
    m.LOCATIONS_INDEX: ("/locations/", "Locations", "Our Locations"),
    m.TELEHEALTH: ("/virtual-visits/", "Virtual Visits", "Virtual Visits for Kids and Teens"),
    m.RESOURCES: ("/patients-and-families/", "Patients & Families", "For Patients and Families"),
    m.LAB_PREP: ("/patients-and-families/preparing-your-child-for-a-test/", "Preparing Your Child for a Test",
                 "Preparing Your Child for a Test"),
    m.LIBRARY: ("/health-library/", "Health Library", "Health Library: Conditions A-Z"),
    m.BLOG: ("/healthy-kids-blog/", "Healthy Kids Blog", "Healthy Kids Blog"),
    m.BLOG_ARCHIVE: ("/healthy-kids-blog/archive/", "Healthy Kids Blog Archive", "Blog Archive"),
    m.PRIVACY: ("/privacy-policy/", "Privacy Policy", "Privacy Policy"),
    m.DISCLAIMER: ("/terms-of-use/", "Terms of Use and Medical Disclaimer", "Terms of Use"),
    m.NON_EMERGENCY: ("/when-to-go-to-the-emergency-room/", "Emergency Room or Urgent Care?", "Emergency Room or Urgent Care?"),
    m.EDITORIAL: ("/health-library/about-our-content/", "About Our Health Content", "How Our Health Library Is Reviewed"),
    m.ABOUT: ("/about-us/", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact-us/", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers/", "Careers", "Careers at Brightwater"),
    "/give/": ("/foundation/", "Brightwater Children's Foundation", "Give to Brightwater Children's"),
    "/blog/archive/2018/": ("/healthy-kids-blog/archive/2018/", "Healthy Kids Blog: 2018", "2018"),
    "/patients/insurance-coverage/": ("/patients-and-families/billing-and-insurance/", "Billing and Insurance",
                                      "Billing and Insurance"),
}


def entities() -> Site:
    people = [(pid, f"Dr. {name}" if cred in ("MD", "DO") else name, TITLES[sid], sid, treats, locs)
              for pid, name, cred, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual visits", (2020, 6))


def display(pid: str) -> str:
    """'Amara Okonkwo, MD'."""
    name = next(n for p, n, *_ in PEOPLE if p == pid)
    return f"{name}, {CREDENTIAL[pid]}"


def booking(site: Site, sid: str) -> str:
    """The seed path of the specialty's one appointment page (its first condition's)."""
    sp = site.specialty(sid)
    assert sp is not None
    return site.conditions[sp.conditions[0]].stage_path("appointment")


def merge(site: Site) -> dict[str, str]:
    out = {}
    for c in site.conditions.values():
        if "appointment" in c.stages and c.specialty and c.stage_path("appointment") != booking(site, c.specialty):
            out[c.stage_path("appointment")] = booking(site, c.specialty)
    return out


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        if page.stage == "appointment":
            return f"/our-services/{c.specialty}/request-an-appointment/"
        return {
            "overview": f"/health-library/{c.id}/", "symptoms": f"/health-library/{c.id}/what-are-the-symptoms",
            "diagnosis": f"/health-library/{c.id}/how-is-it-diagnosed", "tests": f"/health-library/tests/{c.test[0]}/",
            "treatment": f"/health-library/{c.id}/how-is-it-treated", "follow_up": f"/health-library/{c.id}/living-with",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/our-services/{ref}/"
    if page.kind == "service":
        sid = next(s.id for s in site.specialties for slug, _ in s.services if slug == ref)
        return f"/our-services/{sid}/{ref}/"
    if page.kind == "provider":
        return f"/find-a-doctor/{ref}-{CREDENTIAL[ref].lower()}/"
    if page.kind == "location":
        return f"/locations/{ref}/"
    if page.kind == "blog":
        return f"/healthy-kids-blog/{ref}/"
    return page.path


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {SHORT}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        n = c.name if c.id in PROPER else c.lname
        are = "are" if c.id in PLURAL else "is"
        if page.stage == "appointment":
            sp = site.specialty(c.specialty)
            assert sp is not None
            h1 = f"Request {'an' if sp.name[0] in 'AEIOU' else 'a'} {sp.name} Appointment"
            return h1 + suffix, h1
        t = {
            "overview": pick(c.id, [f"{c.name} in Children", f"{c.name} | Health Library", f"{c.name} (for Parents)"]),
            "symptoms": f"What are the symptoms of {n}?",
            "diagnosis": f"How {are} {n} diagnosed?",
            "tests": f"{c.test[1]} | Health Library",
            "treatment": f"How {are} {n} treated?",
            "follow_up": f"Living with {n}: helping your child",
        }[page.stage or ""]
        h1 = {"overview": c.name, "tests": c.test[1], "follow_up": f"Living with {n}"}.get(page.stage or "", t)
        return t + suffix, h1
    if page.kind == "hub":
        sp = site.specialty(ref)
        assert sp is not None
        return f"Pediatric {sp.name} | Our Services{suffix}", f"Pediatric {sp.name}"
    if page.kind == "service":
        name = next(n for s in site.specialties for slug, n in s.services if slug == ref)
        return f"{name}{suffix}", name
    if page.kind == "provider":
        p = site.providers[ref]
        shown = display(ref)
        sp = site.specialty(p.specialty)
        assert sp is not None
        if CREDENTIAL[ref] in ("MD", "DO"):
            t = pick(ref, [shown, f"{p.name} - Pediatric {sp.name}"])
        else:
            t = f"{shown} - Pediatric Nurse Practitioner"
        return t + suffix, shown
    if page.kind == "location":
        loc = site.locations[ref]
        return f"{loc.name} | Locations{suffix}", loc.name
    if page.kind == "blog":
        t = site.post(ref).title
        return t + suffix, t
    return seed_title(page, suffix)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.kind == "provider":
        p = site.providers[target.ref or ""]
        shown = display(p.id)
        if is_review_credit(text):
            return pick(key, [f"Medically reviewed by {shown}", f"Reviewed by: {shown}"])
        return pick(key, [shown, p.name, f"Book an appointment with {p.name}", f"{p.name}, {p.title}"])
    if target.kind == "stage" and target.stage == "appointment":
        sp = site.specialty(site.conditions[target.ref or ""].specialty)
        assert sp is not None
        article = "an" if sp.name[0] in "AEIOU" else "a"
        return pick(key, [f"Request {article} {in_sentence(sp.name)} appointment", "Request an appointment",
                          f"Make an appointment with {sp.name}"])
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["Find a doctor", "find a pediatric specialist", "search our doctors"])
    if target.path == m.APPOINTMENTS:
        return pick(key, ["Request an appointment", "make an appointment"])
    if target.kind == "hub":
        sp = site.specialty(target.ref)
        assert sp is not None
        return pick(key, [f"Pediatric {sp.name}", f"{sp.name} at {SHORT}", f"our {in_sentence(sp.name)} team"])
    return text


def extend(crawl: Crawl) -> None:
    """The trailing-slash twin of the neurology hub, and a test index page."""
    crawl.add_page("/our-services/neurology", status=301, redirect="/our-services/neurology/")
    posts = [p for p in crawl.site.posts if p.condition in ("epilepsy", "migraines") and crawl.live(crawl.new(p.path))]
    for post in posts[:3]:
        crawl.add_link(crawl.new(post.path), "/our-services/neurology", "our neurology team")
    crawl.add_link("/locations/north-pavilion/", "/our-services/neurology", "Neurology")
    tests = [(c, crawl.new(c.stage_path("tests"))) for c in crawl.site.conditions.values() if "tests" in c.stages]
    crawl.add_page("/health-library/tests/", f"Tests and Procedures | Health Library | {SHORT}", "Tests and Procedures")
    crawl.add_link("/health-library/", "/health-library/tests/", "Tests and procedures")
    for c, path in tests:
        if crawl.live(path):
            crawl.add_link("/health-library/tests/", path, c.test[1])
    crawl.add_page("/health-library/asthma/asthma-action-plan.pdf", status=404)
    crawl.add_link(crawl.new(crawl.site.conditions["asthma"].stage_path("follow_up")),
                   "/health-library/asthma/asthma-action-plan.pdf", "Download an asthma action plan (PDF)")


RULES = [
    ("/", "home"),
    ("/health-library/", "resource_hub"),
    ("/health-library/about-our-content/", "policy"),
    ("/health-library/tests/", "resource_hub"),
    ("/health-library/tests/*/", "test"),
    ("/health-library/{condition}/", "condition"),
    ("/health-library/{condition}/what-are-the-symptoms", "symptom"),
    ("/health-library/{condition}/how-is-it-diagnosed", "diagnosis"),
    ("/health-library/{condition}/how-is-it-treated", "treatment"),
    ("/health-library/{condition}/living-with", "follow_up"),
    ("/our-services/", "other"),
    ("/our-services/{specialty}/", "specialty_hub"),
    ("/our-services/{specialty}/request-an-appointment/", "appointment"),
    ("/our-services/{specialty}/*/", "service"),
    ("/find-a-doctor/", "appointment"),
    ("/find-a-doctor/*/", "provider"),
    ("/request-an-appointment/**", "appointment"),
    ("/locations/{location}/", "location"),
    ("/virtual-visits/", "telehealth"),
    ("/healthy-kids-blog/archive/**", "other"),
    ("/healthy-kids-blog/*/", "blog"),
    ("/patients-and-families/", "resource_hub"), ("/patients-and-families/preparing-your-child-for-a-test/", "resource_hub"),
    ("/privacy-policy/", "policy"), ("/terms-of-use/", "policy"), ("/when-to-go-to-the-emergency-room/", "policy"),
]

SCHEME = Rework(
    name="library", site_name=BRAND, base_url="https://www.brightwaterchildrens.example",
    alias="https://brightwaterchildrens.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=33, merge=merge, extend=extend,
    comment="Each specialty has one appointment-request page; it is the appointment stage of every condition it covers.\n"
            "Provider ids drop the credential that the profile URLs carry (amara-okonkwo -> /find-a-doctor/amara-okonkwo-md/).",
)
SCHEMES[SCHEME.name] = SCHEME
