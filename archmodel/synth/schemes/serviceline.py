"""`serviceline`: Cascade Health, a regional health system organised by service line.

Everything clinical nests under its service line: `/services/heart-vascular/` is the hub,
conditions are `/services/heart-vascular/conditions/atrial-fibrillation/` with `symptoms/`,
`diagnosis/` and `recovery-and-follow-up/` below, tests and treatments are
`/services/heart-vascular/tests/...` and `.../treatments/...`, booking pages
`/services/heart-vascular/appointments/atrial-fibrillation-consult/`, programs
`.../programs/...`. Two conditions no service line covers still live under the old
`/conditions/` tree. Heart and cancer clinicians have team pages under their line
(`/services/cancer/team/first-last/`), the others the system-wide `/providers/first-last/`.
Titles carry the service line between the page and the brand: "Atrial Fibrillation (AFib) |
Heart & Vascular | Cascade Health".
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import Page, Site
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    Crawl, Rework, anchor_key, chrome_label, fixed_title, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Cascade Health"

SPECIALTIES = [
    ("heart-vascular", "Heart & Vascular", "cardiologist", [("cardiac-rehabilitation", "Cardiac rehabilitation"),
                                                           ("heart-rhythm-program", "Heart rhythm program")], [
        ("atrial-fibrillation", "Atrial fibrillation", ["AFib", "irregular heartbeat"], ("holter-monitor", "Holter monitor"),
         ("catheter-ablation", "Catheter ablation"), ["heart-failure"]),
        ("heart-failure", "Heart failure", ["congestive heart failure", "weak heart"], ("echocardiogram", "Echocardiogram"),
         ("heart-failure-management", "Heart failure management"), ["coronary-artery-disease"]),
        ("coronary-artery-disease", "Coronary artery disease", ["CAD", "blocked arteries"], ("cardiac-stress-test", "Cardiac stress test"),
         ("coronary-stenting", "Coronary angioplasty and stenting"), []),
        ("peripheral-artery-disease", "Peripheral artery disease", ["PAD", "poor leg circulation"],
         ("ankle-brachial-index", "Ankle-brachial index test"), ("peripheral-bypass", "Peripheral artery bypass"), []),
        ("aortic-aneurysm", "Aortic aneurysm", ["AAA", "bulging aorta"], ("aortic-ultrasound", "Aortic ultrasound screening"),
         ("evar", "Endovascular aneurysm repair (EVAR)"), []),
    ]),
    ("cancer", "Cancer Care", "oncologist", [("breast-center", "Comprehensive breast center")], [
        ("breast-cancer", "Breast cancer", ["breast tumor", "ductal carcinoma"], ("mammogram", "Diagnostic mammogram"),
         ("lumpectomy", "Lumpectomy and breast surgery"), []),
        ("lung-cancer", "Lung cancer", ["non-small cell lung cancer", "lung tumor"], ("low-dose-ct", "Low-dose CT lung screening"),
         ("lung-cancer-radiation", "Radiation therapy for lung cancer"), []),
        ("colorectal-cancer", "Colorectal cancer", ["colon cancer", "rectal cancer"], ("colonoscopy", "Colonoscopy"),
         ("colectomy", "Colectomy"), []),
        ("prostate-cancer", "Prostate cancer", ["prostate tumor"], ("psa-test", "PSA blood test"),
         ("prostatectomy", "Robotic prostatectomy"), []),
    ]),
    ("neurosciences", "Neurosciences", "neurologist", [("stroke-center", "Comprehensive stroke center")], [
        ("stroke", "Stroke", ["brain attack", "cerebrovascular accident"], ("ct-angiography", "CT angiography"),
         ("thrombectomy", "Mechanical thrombectomy"), []),
        ("parkinsons-disease", "Parkinson's disease", ["Parkinson disease", "shaking palsy"], ("datscan", "DaTscan imaging"),
         ("deep-brain-stimulation", "Deep brain stimulation"), []),
        ("multiple-sclerosis", "Multiple sclerosis", ["MS"], ("brain-mri", "Brain and spine MRI"),
         ("ms-infusion-therapy", "MS infusion therapy"), []),
    ]),
    ("orthopedics", "Orthopedics & Spine", "orthopedic surgeon", [("joint-replacement-center", "Joint replacement center")], [
        ("knee-osteoarthritis", "Knee osteoarthritis", ["knee arthritis"], ("knee-x-ray", "Weight-bearing knee X-ray"),
         ("knee-replacement", "Total knee replacement"), []),
        ("spinal-stenosis", "Spinal stenosis", ["narrowing of the spinal canal"], ("spine-mri", "Lumbar spine MRI"),
         ("laminectomy", "Laminectomy"), []),
        ("rotator-cuff-tear", "Rotator cuff tear", ["torn rotator cuff"], ("shoulder-mri", "Shoulder MRI"),
         ("rotator-cuff-repair", "Arthroscopic rotator cuff repair"), []),
    ]),
]
UNCOVERED = [
    ("shingles", "Shingles", ["herpes zoster"], None, ("shingles-antivirals", "Antiviral treatment for shingles"), []),
    ("iron-deficiency-anemia", "Iron deficiency anemia", ["low iron", "anaemia"], ("iron-studies", "Iron studies blood test"),
     ("iron-infusion", "Iron infusion"), []),
]
LOCATIONS = [("cascade-regional-medical-center", "Cascade Regional Medical Center", ["heart-vascular", "cancer", "neurosciences", "orthopedics"]),
             ("northgate-clinic", "Northgate Clinic", ["heart-vascular", "orthopedics"]),
             ("riverbend-cancer-center", "Riverbend Cancer Center", ["cancer"]),
             ("eastside-outpatient-center", "Eastside Outpatient Center", ["neurosciences", "orthopedics", "heart-vascular"])]
# id, first last, credentials, line, treats, locations
PEOPLE = [
    ("nathan-cole", "Nathan Cole", "MD, FACC", "heart-vascular", ["atrial-fibrillation", "heart-failure"], ["cascade-regional-medical-center"]),
    ("isabel-moreno", "Isabel Moreno", "MD", "heart-vascular", ["coronary-artery-disease", "heart-failure"], ["northgate-clinic"]),
    ("victor-alvarez", "Victor Alvarez", "MD", "heart-vascular", ["peripheral-artery-disease", "aortic-aneurysm"], ["cascade-regional-medical-center", "eastside-outpatient-center"]),
    ("karen-liu", "Karen Liu", "MD", "cancer", ["breast-cancer"], ["riverbend-cancer-center"]),
    ("thomas-grant", "Thomas Grant", "MD", "cancer", ["lung-cancer", "colorectal-cancer", "iron-deficiency-anemia"], ["riverbend-cancer-center", "virtual"]),
    ("aisha-bello", "Aisha Bello", "MD, PhD", "cancer", ["prostate-cancer", "colorectal-cancer"], ["cascade-regional-medical-center"]),
    ("peter-novak", "Peter Novak", "MD", "neurosciences", ["stroke", "multiple-sclerosis", "shingles"], ["cascade-regional-medical-center"]),
    ("rachel-kim", "Rachel Kim", "DO", "neurosciences", ["parkinsons-disease", "multiple-sclerosis"], ["eastside-outpatient-center", "virtual"]),
    ("omar-haddad", "Omar Haddad", "MD", "orthopedics", ["knee-osteoarthritis", "rotator-cuff-tear"], ["northgate-clinic"]),
    ("julia-svensson", "Julia Svensson", "MD", "orthopedics", ["spinal-stenosis"], ["eastside-outpatient-center"]),
    ("marcus-reed", "Marcus Reed", "PA-C", "orthopedics", ["knee-osteoarthritis", "rotator-cuff-tear"], ["northgate-clinic", "virtual"]),
]
CREDENTIAL = {pid: cred for pid, _, cred, *_ in PEOPLE}
TEAM_LINES = {"heart-vascular", "cancer"}
HUB_NAMES = {"heart-vascular": "Heart & Vascular Institute", "cancer": "Cancer Institute", "neurosciences": "Neuroscience Center",
             "orthopedics": "Orthopedics & Spine Center"}
SHORT_NAME = {"atrial-fibrillation": "AFib", "coronary-artery-disease": "CAD", "peripheral-artery-disease": "PAD",
              "multiple-sclerosis": "MS", "aortic-aneurysm": "AAA"}
PROPER = {"parkinsons-disease"}

FIXED = {
    m.HOME: ("/", f"{BRAND} | Hospitals and Clinics in the Cascade Valley", f"Welcome to {BRAND}"),
    m.SPECIALTIES_INDEX: ("/services/", "Services", "Medical Services"),
    m.FIND: ("/find-a-provider/", "Find a Provider", "Find a Provider"),
    m.APPOINTMENTS: ("/appointments/", "Make an Appointment", "Make an Appointment"),
    m.SECOND_OPINION: ("/appointments/second-opinion/", "Request a Second Opinion", "Second Opinions"),
    m.LOCATIONS_INDEX: ("/locations/", "Locations", "Hospitals and Clinics"),
    m.TELEHEALTH: ("/virtual-care/", "Virtual Care", "Virtual Care"),
    m.RESOURCES: ("/patients-visitors/", "Patients & Visitors", "Patients and Visitors"),
    m.LAB_PREP: ("/patients-visitors/preparing-for-your-procedure/", "Preparing for Your Procedure", "Preparing for Your Procedure"),
    m.LIBRARY: ("/health-library/", "Conditions & Treatments A-Z", "Conditions & Treatments A-Z"),
    m.BLOG: ("/health-hub/", "Health Hub", "Health Hub"),
    m.BLOG_ARCHIVE: ("/health-hub/archive/", "Health Hub Archive", "Health Hub Archive"),
    m.PRIVACY: ("/legal/privacy/", "Notice of Privacy Practices", "Notice of Privacy Practices"),
    m.DISCLAIMER: ("/legal/medical-disclaimer/", "Medical Disclaimer", "Medical Disclaimer"),
    m.NON_EMERGENCY: ("/emergency-or-urgent-care/", "Emergency Room or Urgent Care?", "Emergency Room or Urgent Care?"),
    m.EDITORIAL: ("/about/editorial-guidelines/", "Editorial Guidelines", "Our Editorial Guidelines"),
    m.ABOUT: ("/about/", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact-us/", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers/", "Careers", "Careers"),
    "/blog/archive/2018/": ("/health-hub/archive/2018/", "Health Hub: 2018", "2018"),
    "/patients/insurance-coverage/": ("/patients-visitors/billing-insurance/", "Billing & Insurance", "Billing & Insurance"),
}


def entities() -> Site:
    people = [(pid, name if "PA" in cred else f"Dr. {name}", title, sid, treats, locs)
              for (pid, name, cred, sid, treats, locs), title in
              zip(PEOPLE, [next(s[2] for s in SPECIALTIES if s[0] == p[3]) for p in PEOPLE])]
    site = make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual care", (2021, 5))
    site.providers["marcus-reed"].title = "physician assistant"
    return site


def display(pid: str) -> str:
    name = next(n for p, n, *_ in PEOPLE if p == pid)
    return f"{name}, {CREDENTIAL[pid]}"


def provider_path(site: Site, pid: str) -> str:
    line = site.providers[pid].specialty
    return f"/services/{line}/team/{pid}/" if line in TEAM_LINES else f"/providers/{pid}/"


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        if c.specialty is None:
            return {"overview": f"/conditions/{c.id}/", "symptoms": f"/conditions/{c.id}/symptoms/",
                    "diagnosis": f"/conditions/{c.id}/diagnosis/", "tests": f"/tests/{c.test[0]}/",
                    "treatment": f"/treatments/{c.treatment[0]}/"}[page.stage or ""]
        base = f"/services/{c.specialty}"
        return {
            "overview": f"{base}/conditions/{c.id}/", "symptoms": f"{base}/conditions/{c.id}/symptoms/",
            "diagnosis": f"{base}/conditions/{c.id}/diagnosis/", "tests": f"{base}/tests/{c.test[0]}/",
            "treatment": f"{base}/treatments/{c.treatment[0]}/",
            "follow_up": f"{base}/conditions/{c.id}/recovery-and-follow-up/",
            "appointment": f"{base}/appointments/{c.id}-consult/",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/services/{ref}/"
    if page.kind == "service":
        sid = next(s.id for s in site.specialties for slug, _ in s.services if slug == ref)
        return f"/services/{sid}/programs/{ref}/"
    if page.kind == "provider":
        return provider_path(site, ref)
    if page.kind == "location":
        return f"/locations/{ref}/"
    if page.kind == "blog":
        return f"/health-hub/{ref}/"
    return page.path


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        sp = site.specialty(c.specialty)
        line = f" | {sp.name}" if sp else " | Health Library"
        name = title_case(c.name)
        short = f" ({SHORT_NAME[c.id]})" if c.id in SHORT_NAME else ""
        t, h1 = {
            "overview": (f"{name}{short}", name),
            "symptoms": (f"{name} Symptoms", f"Symptoms of {name}"),
            "diagnosis": (f"Diagnosing {name}", f"Diagnosing {name}"),
            "tests": (title_case(c.test[1]), title_case(c.test[1])),
            "treatment": (title_case(c.treatment[1]), title_case(c.treatment[1])),
            "follow_up": (f"Recovery and Follow-Up Care for {name}", "Recovery and Follow-Up Care"),
            "appointment": (f"Schedule {'an' if name[0] in 'AEIOU' else 'a'} {name} Consultation",
                            f"Schedule {'an' if name[0] in 'AEIOU' else 'a'} {name} Consultation"),
        }[page.stage or ""]
        return t + line + suffix, h1
    if page.kind == "hub":
        return f"{HUB_NAMES[ref]}{suffix}", HUB_NAMES[ref]
    if page.kind == "service":
        sid, name = next((s.id, n) for s in site.specialties for slug, n in s.services if slug == ref)
        sp = site.specialty(sid)
        assert sp is not None
        return f"{title_case(name)} | {sp.name}{suffix}", title_case(name)
    if page.kind == "provider":
        p = site.providers[ref]
        shown = display(ref)
        field = {"heart-vascular": "Cardiology", "cancer": "Oncology", "neurosciences": "Neurology",
                 "orthopedics": "Orthopedic Surgery"}[p.specialty]
        return f"{shown} | {field}{suffix}", shown
    if page.kind == "location":
        loc = site.locations[ref]
        return f"{loc.name} | Locations{suffix}", loc.name
    if page.kind == "blog":
        t = site.post(ref).title
        return f"{t} | Health Hub{suffix}", t
    return seed_title(page, suffix)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.kind == "provider":
        p = site.providers[target.ref or ""]
        shown = display(p.id)
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {shown}", f"Medical reviewer: {shown}"])
        return pick(key, [shown, p.name, f"View profile: {p.name}", f"Schedule with {p.name}"])
    if target.kind == "hub":
        return pick(key, [HUB_NAMES[target.ref or ""], site.specialty(target.ref).name,  # type: ignore[union-attr]
                          f"our {HUB_NAMES[target.ref or '']}"])
    if target.kind == "stage" and target.stage == "appointment":
        c = site.conditions[target.ref or ""]
        return pick(key, ["Schedule a consultation", f"Request an appointment for {c.lname}",
                          "Make an appointment", "Book a consult"])
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["Find a provider", "find a doctor", "search our providers"])
    return text


def extend(crawl: Crawl) -> None:
    """Per-line condition indexes and team pages, and an old vanity URL."""
    site = crawl.site
    for sp in site.specialties:
        hub = crawl.new(sp.hub)
        index = f"/services/{sp.id}/conditions/"
        crawl.add_page(index, f"Conditions We Treat | {sp.name} | {BRAND}", "Conditions We Treat")
        crawl.add_link(hub, index, "Conditions we treat", "Sidebar")
        for cid in sp.conditions:
            overview = crawl.live_path(site.conditions[cid].overview)
            if overview:
                crawl.add_link(index, overview, site.conditions[cid].name)
        team = f"/services/{sp.id}/team/"
        crawl.add_page(team, f"Our Team | {sp.name} | {BRAND}", f"{HUB_NAMES[sp.id]} Team")
        crawl.add_link(hub, team, "Meet our team", "Sidebar")
        for p in site.providers_practising(sp.id):
            profile = crawl.live_path(p.page)
            if profile:
                crawl.add_link(team, profile, display(p.id))
    crawl.add_page("/heart/", status=301, redirect="/services/heart-vascular/")
    posts = [p for p in site.posts if p.condition == "atrial-fibrillation" and crawl.live(crawl.new(p.path))]
    for post in posts[:2]:
        crawl.add_link(crawl.new(post.path), "/heart/", "Cascade Heart & Vascular Institute")


RULES = [
    ("/", "home"),
    ("/services/", "other"),
    ("/services/{specialty}/", "specialty_hub"),
    ("/services/*/conditions/", "other"),
    ("/services/*/conditions/{condition}/", "condition"),
    ("/services/*/conditions/{condition}/symptoms/", "symptom"),
    ("/services/*/conditions/{condition}/diagnosis/", "diagnosis"),
    ("/services/*/conditions/{condition}/recovery-and-follow-up/", "follow_up"),
    ("/services/*/tests/*/", "test"),
    ("/services/*/treatments/*/", "treatment"),
    ("/services/*/appointments/*/", "appointment"),
    ("/services/*/programs/*/", "service"),
    ("/services/*/team/", "other"),
    ("/services/*/team/{provider}/", "provider"),
    ("/providers/{provider}/", "provider"),
    ("/conditions/{condition}/", "condition"),
    ("/conditions/{condition}/symptoms/", "symptom"),
    ("/conditions/{condition}/diagnosis/", "diagnosis"),
    ("/tests/*/", "test"),
    ("/treatments/*/", "treatment"),
    ("/locations/{location}/", "location"),
    ("/virtual-care/", "telehealth"),
    ("/appointments/**", "appointment"),
    ("/find-a-provider/", "appointment"),
    ("/health-hub/archive/**", "other"),
    ("/health-hub/*/", "blog"),
    ("/health-library/", "resource_hub"),
    ("/patients-visitors/", "resource_hub"), ("/patients-visitors/preparing-for-your-procedure/", "resource_hub"),
    ("/legal/*/", "policy"), ("/emergency-or-urgent-care/", "policy"), ("/about/editorial-guidelines/", "policy"),
]

SCHEME = Rework(
    name="serviceline", site_name=BRAND, base_url="https://www.cascadehealth.example",
    alias="https://cascadehealth.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=41, extend=extend,
    comment="Shingles and iron deficiency anemia belong to no service line: they keep the old /conditions/ pages.",
)
SCHEMES[SCHEME.name] = SCHEME
