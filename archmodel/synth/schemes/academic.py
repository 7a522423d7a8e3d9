"""`academic`: Halvorsen University Health, an academic medical center.

Specialties are departments and their divisions (`/departments/medicine/cardiology/`,
`/departments/surgery/orthopaedics/`, the undivided `/departments/neurology/`), each with a
faculty listing and one appointment page (`/departments/medicine/cardiology/appointments/`)
that every condition of the division books through. Conditions of the older patient-care CMS
live under `/patient-care/conditions/<condition>/` with Mayo-style tabs
(`symptoms-and-causes/`, `tests-and-diagnosis/`, `management-and-treatment/`,
`outlook-prognosis/`, and a `causes-and-risk-factors/` tab that is not a pathway stage) whose
H1 is the condition's name and whose title carries the tab; neurology and the conditions no
division covers moved to `/health-topics/<condition>/` (`symptoms-and-when-to-see-a-doctor/`,
`diagnosis/`, `outlook/`) and point to treatments in `/patient-care/tests-procedures/`.
Faculty profiles are `/faculty/first-last/` (medicine) or `/profiles/<id>-first-last/`
(surgery, neurology), titled "Elena R. Marsh, MD, PhD - Professor of Medicine"; three
research faculty have profiles but see no patients (not providers). Campuses are
`/locations/<campus>/`, clinics `/clinics/<name>-clinic/`; news is `/news/<year>/<slug>/`;
legacy URLs (`/cardiology/`, `/physicians/...`, `/depts/neuro/`) redirect.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import Page, Site
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    Crawl, Rework, anchor_key, book_by_specialty, chrome_label, fixed_title, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Halvorsen University Health"

SPECIALTIES = [
    ("cardiology", "Cardiology", "cardiologist", [("electrophysiology-program", "Cardiac electrophysiology program")], [
        ("atrial-fibrillation", "Atrial fibrillation", ["AFib", "irregular heartbeat"], ("holter-monitor", "Holter monitor"),
         ("catheter-ablation", "Catheter ablation"), ["heart-failure"]),
        ("heart-failure", "Heart failure", ["congestive heart failure", "CHF"], ("echocardiogram", "Echocardiogram"),
         ("heart-failure-therapies", "Advanced heart failure therapies"), []),
        ("hypertrophic-cardiomyopathy", "Hypertrophic cardiomyopathy", ["HCM", "thickened heart muscle"],
         ("cardiac-mri", "Cardiac MRI"), ("septal-myectomy", "Septal myectomy"), ["atrial-fibrillation"]),
        ("aortic-stenosis", "Aortic stenosis", ["aortic valve stenosis", "narrowed aortic valve"],
         ("transesophageal-echocardiogram", "Transesophageal echocardiogram (TEE)"),
         ("tavr", "Transcatheter aortic valve replacement (TAVR)"), []),
    ]),
    ("gastroenterology", "Gastroenterology and Hepatology", "gastroenterologist",
     [("inflammatory-bowel-disease-center", "Inflammatory Bowel Disease Center")], [
        ("crohns-disease", "Crohn's disease", ["Crohn disease", "regional enteritis"], ("colonoscopy", "Colonoscopy"),
         ("biologic-therapy", "Biologic therapy for IBD"), ["celiac-disease"]),
        ("celiac-disease", "Celiac disease", ["coeliac disease", "gluten-sensitive enteropathy"],
         ("celiac-blood-test", "Tissue transglutaminase (tTG-IgA) test"),
         ("gluten-free-diet-counseling", "Gluten-free diet counseling"), []),
        ("gerd", "Gastroesophageal reflux disease (GERD)", ["acid reflux", "chronic heartburn"],
         ("upper-endoscopy", "Upper endoscopy (EGD)"), ("fundoplication", "Laparoscopic fundoplication"), []),
    ]),
    ("endocrinology", "Endocrinology, Diabetes and Metabolism", "endocrinologist",
     [("diabetes-technology-program", "Diabetes technology program")], [
        ("type-1-diabetes", "Type 1 diabetes", ["juvenile diabetes", "insulin-dependent diabetes"],
         ("hemoglobin-a1c-test", "Hemoglobin A1C test"), ("insulin-pump-therapy", "Insulin pump therapy"), []),
        ("thyroid-nodules", "Thyroid nodules", ["thyroid lump"], ("thyroid-fine-needle-aspiration", "Thyroid fine-needle aspiration biopsy"),
         ("thyroidectomy", "Thyroidectomy"), ["hyperthyroidism"]),
        ("hyperthyroidism", "Hyperthyroidism", ["overactive thyroid", "Graves' disease"],
         ("thyroid-uptake-scan", "Radioactive iodine uptake scan"), ("radioactive-iodine-therapy", "Radioactive iodine therapy"), []),
    ]),
    ("orthopaedics", "Orthopaedic Surgery", "orthopaedic surgeon", [("sports-medicine-program", "Sports medicine program")], [
        ("hip-osteoarthritis", "Hip osteoarthritis", ["hip arthritis", "degenerative hip disease"], ("hip-x-ray", "Hip X-ray"),
         ("hip-replacement", "Total hip replacement"), []),
        ("acl-tear", "ACL tear", ["anterior cruciate ligament injury", "torn ACL"], ("knee-mri", "Knee MRI"),
         ("acl-reconstruction", "ACL reconstruction"), []),
        ("scoliosis", "Scoliosis", ["curvature of the spine"], ("standing-spine-x-ray", "Standing spine X-ray"),
         ("spinal-fusion", "Spinal fusion"), []),
    ]),
    ("neurology", "Neurology", "neurologist", [("comprehensive-epilepsy-center", "Comprehensive Epilepsy Center")], [
        ("epilepsy", "Epilepsy", ["seizure disorder", "seizures"], ("eeg", "Electroencephalogram (EEG)"),
         ("epilepsy-surgery", "Epilepsy surgery"), []),
        ("migraine", "Migraine", ["migraine headache", "chronic migraine"], None,
         ("migraine-prevention", "Migraine prevention treatments"), []),
        ("alzheimers-disease", "Alzheimer's disease", ["Alzheimer disease", "dementia"], ("amyloid-pet-scan", "Amyloid PET scan"),
         ("alzheimers-infusion-therapy", "Anti-amyloid infusion therapy"), []),
    ]),
]
UNCOVERED = [
    ("lyme-disease", "Lyme disease", ["tick-borne illness", "borreliosis"], ("lyme-antibody-test", "Lyme disease antibody test"),
     ("lyme-antibiotics", "Antibiotic treatment for Lyme disease"), []),
    ("sarcoidosis", "Sarcoidosis", ["sarcoid"], None, ("sarcoidosis-treatment", "Corticosteroid treatment for sarcoidosis"), []),
]
DEPARTMENT = {"cardiology": "medicine", "gastroenterology": "medicine", "endocrinology": "medicine",
              "orthopaedics": "surgery", "neurology": None}
DEPARTMENT_NAME = {"medicine": "Department of Medicine", "surgery": "Department of Surgery"}
DIVISION_NAME = {"cardiology": "Division of Cardiology", "gastroenterology": "Division of Gastroenterology and Hepatology",
                 "endocrinology": "Division of Endocrinology, Diabetes and Metabolism",
                 "orthopaedics": "Division of Orthopaedic Surgery", "neurology": "Department of Neurology"}
SHORT = {"cardiology": "Cardiology", "gastroenterology": "Gastroenterology", "endocrinology": "Endocrinology",
         "orthopaedics": "Orthopaedics", "neurology": "Neurology"}
TOPICS = {"epilepsy", "migraine", "alzheimers-disease", "lyme-disease", "sarcoidosis"}  # /health-topics/
ABBREVIATION = {"atrial-fibrillation": "AFib", "hypertrophic-cardiomyopathy": "HCM"}

LOCATIONS = [
    ("main-campus", "Halvorsen University Hospital", ["cardiology", "gastroenterology", "endocrinology", "orthopaedics", "neurology"]),
    ("north-campus", "North Campus Medical Pavilion", ["gastroenterology", "orthopaedics", "neurology"]),
    ("heart-and-vascular-clinic", "Heart and Vascular Clinic", ["cardiology"]),
    ("digestive-health-clinic", "Digestive Health Clinic", ["gastroenterology"]),
    ("diabetes-and-endocrine-clinic", "Diabetes and Endocrine Clinic", ["endocrinology"]),
    ("sports-medicine-clinic", "Sports Medicine Clinic", ["orthopaedics"]),
]
CAMPUSES = {"main-campus", "north-campus"}
# id, name as shown (middle initial), credentials, academic rank, division, treats, locations, profile number
PEOPLE = [
    ("elena-marsh", "Elena R. Marsh", "MD, PhD", "Professor of Medicine", "cardiology",
     ["atrial-fibrillation", "heart-failure"], ["main-campus"], None),
    ("david-okafor", "David O. Okafor", "MD", "Associate Professor of Medicine", "cardiology",
     ["hypertrophic-cardiomyopathy", "aortic-stenosis", "heart-failure"], ["main-campus", "heart-and-vascular-clinic"], None),
    ("claire-dubois", "Claire M. Dubois", "MSN, APRN", "Nurse Practitioner, Cardiology", "cardiology",
     ["atrial-fibrillation"], ["heart-and-vascular-clinic", "virtual"], None),
    ("samuel-fisch", "Samuel T. Fisch", "MD", "Assistant Professor of Medicine", "gastroenterology",
     ["crohns-disease", "celiac-disease"], ["digestive-health-clinic"], None),
    ("lena-park", "Lena J. Park", "MD, MPH", "Associate Professor of Medicine", "gastroenterology",
     ["gerd", "celiac-disease"], ["north-campus", "digestive-health-clinic"], None),
    ("omar-siddiqui", "Omar A. Siddiqui", "MD", "Professor of Medicine", "endocrinology",
     ["type-1-diabetes", "hyperthyroidism"], ["diabetes-and-endocrine-clinic", "virtual"], None),
    ("grace-whitaker", "Grace E. Whitaker", "MD", "Assistant Professor of Medicine", "endocrinology",
     ["thyroid-nodules", "hyperthyroidism", "sarcoidosis"], ["diabetes-and-endocrine-clinic", "main-campus"], None),
    ("henrik-olsen", "Henrik L. Olsen", "MD", "Professor of Orthopaedic Surgery", "orthopaedics",
     ["hip-osteoarthritis", "acl-tear"], ["north-campus", "sports-medicine-clinic"], 10482),
    ("maya-reddy", "Maya S. Reddy", "MD", "Assistant Professor of Orthopaedic Surgery", "orthopaedics",
     ["scoliosis", "acl-tear"], ["main-campus"], 11917),
    ("thomas-beck", "Thomas W. Beck", "MD, PhD", "Professor of Neurology", "neurology",
     ["epilepsy", "alzheimers-disease"], ["main-campus", "virtual"], 10215),
    ("nadia-haddad", "Nadia K. Haddad", "DO", "Assistant Professor of Neurology", "neurology",
     ["migraine", "epilepsy", "lyme-disease"], ["north-campus", "virtual"], 12660),
]
# research faculty: profiles like the clinicians', no patients (not providers)
RESEARCHERS = [
    ("robert-lindqvist", "Robert K. Lindqvist", "PhD", "Professor of Medicine; Director, Cardiovascular Research Institute",
     "cardiology", None),
    ("arjun-mehta", "Arjun Mehta", "MD, PhD", "Assistant Professor of Medicine (Research Track)", "gastroenterology", None),
    ("mei-chen", "Mei Chen", "PhD", "Associate Professor of Neurology", "neurology", 13044),
]
ROLE = {"cardiology": "cardiologist", "gastroenterology": "gastroenterologist", "endocrinology": "endocrinologist",
        "orthopaedics": "orthopaedic surgeon", "neurology": "neurologist"}
SHOWN = {pid: (name, cred, rank, number) for pid, name, cred, rank, _, _, _, number in PEOPLE}
SHOWN.update({rid: (name, cred, rank, number) for rid, name, cred, rank, _, number in RESEARCHERS})

FIXED = {
    m.HOME: ("/", f"{BRAND} | Patient Care, Research and Education", "Advancing Medicine. Caring for You."),
    m.SPECIALTIES_INDEX: ("/departments/", "Departments and Divisions", "Departments and Divisions"),
    m.FIND: ("/find-a-doctor/", "Find a Doctor", "Find a Doctor"),
    m.APPOINTMENTS: ("/patient-care/request-an-appointment/", "Request an Appointment", "Request an Appointment"),
    m.SECOND_OPINION: ("/patient-care/second-opinions/", "Second Opinions", "Get a Second Opinion"),
    m.LOCATIONS_INDEX: ("/locations/", "Locations and Clinics", "Locations and Clinics"),
    m.TELEHEALTH: ("/patient-care/video-visits/", "Video Visits", "Video Visits"),
    m.RESOURCES: ("/patient-care/patients-and-visitors/", "Patients and Visitors", "Patients and Visitors"),
    m.LAB_PREP: ("/patient-care/patients-and-visitors/preparing-for-your-test/", "Preparing for Your Test or Procedure",
                 "Preparing for Your Test or Procedure"),
    m.LIBRARY: ("/health-topics/", "Health Topics A-Z", "Health Topics A-Z"),
    m.BLOG: ("/news/", "News", "News and Stories"),
    m.BLOG_ARCHIVE: ("/news/archive/", "News Archive", "News Archive"),
    m.PRIVACY: ("/privacy/", "Notice of Privacy Practices", "Notice of Privacy Practices"),
    m.DISCLAIMER: ("/disclaimer/", "Medical Information Disclaimer", "Medical Information Disclaimer"),
    m.NON_EMERGENCY: ("/patient-care/emergency-or-urgent-care/", "Emergency Department or Urgent Care?",
                      "Emergency Department or Urgent Care?"),
    m.EDITORIAL: ("/health-topics/about-our-health-information/", "About Our Health Information",
                  "How Our Health Information Is Written and Reviewed"),
    m.ABOUT: ("/about/", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact/", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers/", "Careers", "Careers at Halvorsen"),
    "/newsroom/": ("/news/media-contacts/", "Media Contacts", "Media Contacts"),
    "/give/": ("/giving/", "Giving", "Support Halvorsen University Health"),
    "/blog/archive/2018/": ("/news/2018/", "News from 2018", "2018"),
    "/patients/insurance-coverage/": ("/patient-care/billing-and-insurance/", "Billing and Insurance", "Billing and Insurance"),
}


def entities() -> Site:
    people = [(pid, name, ROLE[sid] if "APRN" not in cred else "nurse practitioner", sid, treats, locs)
              for pid, name, cred, _, sid, treats, locs, _ in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Video visits", (2020, 6))


def display(pid: str) -> str:
    name, cred, _, _ = SHOWN[pid]
    return f"{name}, {cred}"


def doctor(pid: str) -> str:
    """'Dr. Marsh', or the full name of a nurse practitioner."""
    name, cred, _, _ = SHOWN[pid]
    return f"Dr. {name.split()[-1]}" if cred.startswith(("MD", "DO")) else name


def profile_path(pid: str) -> str:
    number = SHOWN[pid][3]
    return f"/profiles/{number}-{pid}/" if number is not None else f"/faculty/{pid}/"


def hub_path(sid: str) -> str:
    dept = DEPARTMENT[sid]
    return f"/departments/{dept}/{sid}/" if dept else f"/departments/{sid}/"


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        if page.stage == "tests":
            return f"/patient-care/tests-procedures/{c.test[0]}/"
        if page.stage == "appointment":
            return hub_path(c.specialty or "") + "appointments/"
        if c.id in TOPICS:
            base = f"/health-topics/{c.id}/"
            return {"overview": base, "symptoms": base + "symptoms-and-when-to-see-a-doctor/", "diagnosis": base + "diagnosis/",
                    "treatment": f"/patient-care/tests-procedures/{c.treatment[0]}/", "follow_up": base + "outlook/"}[page.stage or ""]
        base = f"/patient-care/conditions/{c.id}/"
        return {"overview": base, "symptoms": base + "symptoms-and-causes/", "diagnosis": base + "tests-and-diagnosis/",
                "treatment": base + "management-and-treatment/", "follow_up": base + "outlook-prognosis/"}[page.stage or ""]
    if page.kind == "hub":
        return hub_path(ref)
    if page.kind == "service":
        sid = next(s.id for s in site.specialties for slug, _ in s.services if slug == ref)
        return hub_path(sid) + f"programs/{ref}/"
    if page.kind == "provider":
        return profile_path(ref)
    if page.kind == "location":
        return f"/locations/{ref}/" if ref in CAMPUSES else f"/clinics/{ref}/"
    if page.kind == "blog":
        post = site.post(ref)
        return f"/news/{post.date[:4]}/{post.slug}/"
    return page.path


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name = title_case(c.name)
        if page.stage == "tests":
            test = title_case(c.test[1])
            return f"{test} | Tests and Procedures{suffix}", test
        if page.stage == "appointment":
            sid = c.specialty or ""
            return f"{SHORT[sid]} Appointments{suffix}", f"Request an Appointment with {DIVISION_NAME[sid].split(' of ', 1)[-1]}"
        if c.id in TOPICS:
            t, h1 = {
                "overview": (f"{name}: Overview", name),
                "symptoms": (f"{name}: Symptoms and When to See a Doctor",
                             f"Symptoms of {name} and When to See a Doctor"),
                "diagnosis": (f"How Is {name} Diagnosed?", f"How Is {name} Diagnosed?"),
                "treatment": (f"{title_case(c.treatment[1])} | Tests and Procedures", title_case(c.treatment[1])),
                "follow_up": (f"{name}: Outlook and Prognosis", f"Outlook for People With {name}"),
            }[page.stage or ""]
            if page.stage != "treatment":
                t += " | Health Topics"
            return t + suffix, h1
        shown = f"{name} ({ABBREVIATION[c.id]})" if c.id in ABBREVIATION else name
        tab = {"overview": "Overview", "symptoms": "Symptoms and Causes", "diagnosis": "Tests and Diagnosis",
               "treatment": "Management and Treatment", "follow_up": "Outlook / Prognosis"}[page.stage or ""]
        return f"{shown} - {tab}{suffix}", shown  # the H1 of every tab is the condition's name
    if page.kind == "hub":
        dept = DEPARTMENT[ref]
        t = DIVISION_NAME[ref] + (f" | {DEPARTMENT_NAME[dept]}" if dept else "")
        return t + suffix, DIVISION_NAME[ref]
    if page.kind == "service":
        sid, name = next((s.id, n) for s in site.specialties for slug, n in s.services if slug == ref)
        return f"{title_case(name)} | {SHORT[sid]}{suffix}", title_case(name)
    if page.kind == "provider":
        _, _, rank, _ = SHOWN[ref]
        return f"{display(ref)} - {rank}{suffix}", display(ref)
    if page.kind == "location":
        loc = site.locations[ref]
        if ref in CAMPUSES:
            return f"{loc.name} | Locations{suffix}", loc.name
        return f"{loc.name} | Clinics{suffix}", loc.name
    if page.kind == "blog":
        t = title_case(site.post(ref).title)
        return f"{t} | News{suffix}", t
    return seed_title(page, suffix, title_case)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.kind == "provider":
        pid = target.ref or ""
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {display(pid)}", f"Medical review: {display(pid)}"])
        return pick(key, [display(pid), SHOWN[pid][0], f"{doctor(pid)}'s profile", f"View profile for {SHOWN[pid][0]}"])
    if target.kind == "hub":
        sid = target.ref or ""
        return pick(key, [DIVISION_NAME[sid], SHORT[sid], f"our {SHORT[sid].lower()} faculty and clinics"])
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        name = title_case(c.name)
        if target.stage == "appointment":
            return pick(key, ["Request an appointment", f"Make an appointment with {SHORT[c.specialty or '']}",
                              "Schedule a visit", "Call to request an appointment"])
        if c.id not in TOPICS and target.stage in ("symptoms", "diagnosis", "treatment", "follow_up") and position != "Content":
            return {"symptoms": "Symptoms and causes", "diagnosis": "Tests and diagnosis",
                    "treatment": "Management and treatment", "follow_up": "Outlook / prognosis"}[target.stage]
        if c.id not in TOPICS and target.stage == "follow_up":
            return pick(key, [f"outlook for {c.lname}", "Outlook / prognosis", text])
        if c.id in TOPICS and target.stage == "symptoms":
            return pick(key, [text, "when to see a doctor", f"symptoms of {c.lname}"])
        if target.stage == "overview" and text.lower() == name.lower():
            return pick(key, [text, name])
    if target.kind == "location":
        loc = site.locations[target.ref or ""]
        if position in ("Navigation", "Footer"):
            return loc.name
        other = f"our {loc.name.split()[0]} campus" if loc.id in CAMPUSES else f"the {loc.name}"
        return pick(key, [loc.name, other, f"directions to {loc.name}"])
    if target.kind == "telehealth":
        return pick(key, ["Video visits", "schedule a video visit", "virtual care"])
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["Find a doctor", "search our faculty physicians", "find a specialist"])
    return text


def extend(crawl: Crawl) -> None:
    """Department pages, faculty listings, research profiles, the causes tab, legacy redirects."""
    site = crawl.site
    live_profiles = {}
    for pid in site.providers:
        path = crawl.live_path(site.providers[pid].page)
        if path:
            live_profiles[pid] = path
    # the two divided departments get their own pages
    for dept, name in DEPARTMENT_NAME.items():
        path = f"/departments/{dept}/"
        crawl.add_page(path, f"{name}{' | ' + BRAND}", name)
        crawl.add_link("/departments/", path, name)
        crawl.add_link(path, "/departments/", "All departments", "Navigation")
        for sid, d in DEPARTMENT.items():
            if d == dept:
                crawl.add_link(path, hub_path(sid), DIVISION_NAME[sid])
                crawl.add_link(hub_path(sid), path, name, "Navigation")
    # research faculty: profiles, no patients
    research = {}
    for rid, name, cred, rank, sid, number in RESEARCHERS:
        path = profile_path(rid)
        research[rid] = path
        crawl.add_page(path, f"{name}, {cred} - {rank} | {BRAND}", f"{name}, {cred}")
        crawl.add_link(path, hub_path(sid), DIVISION_NAME[sid])
        crawl.add_link(path, "/research/", "Research at Halvorsen")
    crawl.add_page("/research/", f"Research | {BRAND}", "Research at Halvorsen")
    crawl.add_link("/", "/research/", "Research", "Navigation")
    crawl.add_link("/about/", "/research/", "our research enterprise")
    for rid, name, cred, rank, sid, _ in RESEARCHERS:
        crawl.add_link("/research/", research[rid], f"{name}, {cred}")
    # a faculty listing per division, clinicians and researchers together
    for sp in site.specialties:
        listing = hub_path(sp.id) + "faculty/"
        crawl.add_page(listing, f"Faculty | {DIVISION_NAME[sp.id]}{' | ' + BRAND}", f"{SHORT[sp.id]} Faculty")
        crawl.add_link(hub_path(sp.id), listing, "Faculty", "Sidebar")
        crawl.add_link(listing, hub_path(sp.id), DIVISION_NAME[sp.id], "Navigation")
        for p in site.providers_practising(sp.id):
            if p.id in live_profiles:
                crawl.add_link(listing, live_profiles[p.id], display(p.id))
        for rid, name, cred, _, sid, _ in RESEARCHERS:
            if sid == sp.id:
                crawl.add_link(listing, research[rid], f"{name}, {cred}")
                crawl.add_link(research[rid], listing, f"{SHORT[sid]} faculty")
    # the causes tab of the patient-care conditions (not a pathway stage)
    for c in site.conditions.values():
        if c.id in TOPICS:
            continue
        overview = crawl.live_path(c.overview)
        if not overview:
            continue
        tab = overview + "causes-and-risk-factors/"
        name = title_case(c.name)
        shown = f"{name} ({ABBREVIATION[c.id]})" if c.id in ABBREVIATION else name
        crawl.add_page(tab, f"{shown} - Causes and Risk Factors | {BRAND}", shown)
        crawl.add_link(overview, tab, "Causes and risk factors", "Navigation")
        crawl.add_link(tab, overview, "Overview", "Navigation")
        for stage, label in (("symptoms", "Symptoms and causes"), ("diagnosis", "Tests and diagnosis"),
                             ("treatment", "Management and treatment"), ("follow_up", "Outlook / prognosis")):
            path = crawl.live_path(c.stage_path(stage)) if stage in c.stages else None
            if path:
                crawl.add_link(tab, path, label, "Navigation")
                crawl.add_link(path, tab, "Causes and risk factors", "Navigation")
        if c.specialty:
            crawl.add_link(tab, crawl.new(c.stage_path("appointment")), "Request an appointment", "Sidebar")
    # legacy URLs
    news = crawl.live_posts(oldest_first=True)
    crawl.add_page("/cardiology/", status=301, redirect=hub_path("cardiology"))
    crawl.add_page("/conditions/atrial-fibrillation/", status=301, redirect="/patient-care/conditions/atrial-fibrillation/")
    crawl.add_page("/physicians/elena-marsh/", status=301, redirect=profile_path("elena-marsh"))
    crawl.add_page("/depts/neuro/", status=301, redirect="/neurology/")
    crawl.add_page("/neurology/", status=301, redirect=hub_path("neurology"))
    crawl.add_page("/news/2019/new-heart-center-opens/", status=404)
    crawl.add_link(crawl.new(news[0].path), "/cardiology/", "Halvorsen Cardiology")
    crawl.add_link(crawl.new(news[1].path), "/conditions/atrial-fibrillation/", "atrial fibrillation")
    crawl.add_link(crawl.new(news[2].path), "/physicians/elena-marsh/", "Dr. Elena Marsh")
    crawl.add_link(crawl.new(news[3].path), "/depts/neuro/", "Department of Neurology")
    crawl.add_link(crawl.new(news[4].path), "/news/2019/new-heart-center-opens/", "the opening of our heart center")
    crawl.add_link(crawl.new(news[5].path), research["robert-lindqvist"], "Robert K. Lindqvist, PhD")
    crawl.add_link(crawl.new(news[6].path), research["mei-chen"], "Dr. Mei Chen")


TESTS_PROCEDURES = [(c[3][0], "test") for s in SPECIALTIES for c in s[4] if c[3]]
TESTS_PROCEDURES += [(c[3][0], "test") for c in UNCOVERED if c[3]]
TESTS_PROCEDURES += [(c[4][0], "treatment") for s in SPECIALTIES for c in s[4] if c[0] in TOPICS]
TESTS_PROCEDURES += [(c[4][0], "treatment") for c in UNCOVERED]

RULES = [
    ("/", "home"),
    ("/departments/", "other"),
    ("/departments/medicine/", "other"), ("/departments/surgery/", "other"),
    ("/departments/**/faculty/", "other"),
    ("/departments/**/appointments/", "appointment"),
    ("/departments/**/programs/*/", "service"),
    ("/departments/*/{specialty}/", "specialty_hub"),
    ("/departments/{specialty}/", "specialty_hub"),
    ("/patient-care/conditions/{condition}/", "condition"),
    ("/patient-care/conditions/{condition}/symptoms-and-causes/", "symptom"),
    ("/patient-care/conditions/{condition}/tests-and-diagnosis/", "diagnosis"),
    ("/patient-care/conditions/{condition}/management-and-treatment/", "treatment"),
    ("/patient-care/conditions/{condition}/outlook-prognosis/", "follow_up"),
    ("/patient-care/conditions/*/causes-and-risk-factors/", "condition"),
    ("/health-topics/", "resource_hub"),
    ("/health-topics/about-our-health-information/", "policy"),
    ("/health-topics/{condition}/", "condition"),
    ("/health-topics/{condition}/symptoms-and-when-to-see-a-doctor/", "symptom"),
    ("/health-topics/{condition}/diagnosis/", "diagnosis"),
    ("/health-topics/{condition}/outlook/", "follow_up"),
] + [(f"/patient-care/tests-procedures/{slug}/", kind) for slug, kind in TESTS_PROCEDURES] + [
    ("/faculty/robert-lindqvist/", "other"), ("/faculty/arjun-mehta/", "other"), ("/profiles/13044-mei-chen/", "other"),
    ("/faculty/{provider}/", "provider"),
    ("/profiles/*/", "provider"),
    ("/locations/{location}/", "location"),
    ("/clinics/{location}/", "location"),
    ("/patient-care/video-visits/", "telehealth"),
    ("/patient-care/request-an-appointment/", "appointment"), ("/patient-care/second-opinions/", "appointment"),
    ("/find-a-doctor/", "appointment"),
    ("/news/*/*/", "blog"),
    ("/patient-care/patients-and-visitors/**", "resource_hub"),
    ("/privacy/", "policy"), ("/disclaimer/", "policy"), ("/patient-care/emergency-or-urgent-care/", "policy"),
]

SCHEME = Rework(
    name="academic", site_name=BRAND, base_url="https://www.halvorsenhealth.example",
    alias="https://halvorsenhealth.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=59, merge=book_by_specialty, extend=extend,
    comment="Each division has one appointment page its conditions share; research faculty "
            "(Lindqvist, Mehta, Chen) have profiles\nbut see no patients, so they are not providers; "
            "the causes-and-risk-factors tabs are not pathway stages.",
)
SCHEMES[SCHEME.name] = SCHEME
