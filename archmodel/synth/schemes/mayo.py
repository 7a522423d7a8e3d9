"""`hospital-mayo-style`: Stonebridge Clinic, a large hospital and clinic system with a Mayo-like URL scheme.

Every content page carries a content-type prefix and a numeric id after its slug, no trailing slash.
A condition is a set of tabs under `/diseases-conditions/<slug>/`: the overview *is* the symptoms-and-causes
tab (`/diseases-conditions/atrial-fibrillation/symptoms-causes/syc-2035xxxx`), the second tab combines
diagnosis and treatment (`/diagnosis-treatment/drc-2035xxxx`), and the third lists doctors and departments
(`/doctors-departments/ddc-2035xxxx`, no stage). All tabs have the condition name as H1 and the tab in the
title ("Atrial fibrillation - Diagnosis and treatment - Stonebridge Clinic"). Tests and procedures are
`/tests-procedures/<slug>/about/pac-2038xxxx`. Doctors are `/biographies/<last>-<first>-<middle>-m-d/bio-200xxxxx`
with dotted credentials ("Jane A. Smith, M.D.", "Amy R. Pruitt, P.A.-C."); a research scientist's biography
("Ph.D.") is no provider. Departments are `/departments-centers/<dept>/overview/ovc-2045xxxx` with sections
`/departments-centers/<dept>/sections/<name>/gnc-2034xxxx`; locations are `/locations/<city>`; every condition
books through the one `/appointments` page. Health articles are
`/healthy-lifestyle/<topic>/in-depth/<slug>/art-2004xxxx`. No follow-up pages. Old bare condition paths and a
legacy `/health/<name>/DSxxxxx` address redirect to the symptoms-causes tab.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site, slugify, stable_int
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, fixed_title, is_review_credit, make_site, noindex_symptoms_overviews,
    pick, seed_title,
)

BRAND = "Stonebridge Clinic"

SPECIALTIES = [
    ("cardiovascular-medicine", "Cardiovascular medicine", "cardiologist", [("heart-rhythm-services", "Heart Rhythm Services")], [
        ("atrial-fibrillation", "Atrial fibrillation", ["AFib", "AF", "irregular heartbeat"],
         ("electrocardiogram", "Electrocardiogram (ECG or EKG)"), ("cardioversion", "Cardioversion"), ["heart-failure"]),
        ("heart-failure", "Heart failure", ["congestive heart failure", "CHF"], ("echocardiogram", "Echocardiogram"),
         ("heart-failure-therapy", "Heart failure therapy"), []),
        ("coronary-artery-disease", "Coronary artery disease", ["CAD", "coronary heart disease"],
         ("coronary-angiogram", "Coronary angiogram"), ("coronary-angioplasty", "Coronary angioplasty and stents"), []),
    ]),
    ("gastroenterology-hepatology", "Gastroenterology and hepatology", "gastroenterologist",
     [("inflammatory-bowel-disease-clinic", "Inflammatory Bowel Disease Clinic")], [
        ("crohns-disease", "Crohn's disease", ["Crohn disease", "regional enteritis"], ("colonoscopy", "Colonoscopy"),
         ("crohns-biologic-therapy", "Biologic therapy for Crohn's"), []),
        ("gerd", "Gastroesophageal reflux disease (GERD)", ["GERD", "acid reflux", "heartburn"], ("upper-endoscopy", "Upper endoscopy"),
         ("fundoplication", "Nissen fundoplication"), []),
        ("cirrhosis", "Cirrhosis", ["liver cirrhosis", "scarring of the liver"], ("liver-biopsy", "Liver biopsy"),
         ("liver-transplant", "Liver transplant"), []),
    ]),
    ("neurology", "Neurology", "neurologist", [("headache-clinic", "Headache Clinic")], [
        ("migraine", "Migraine", ["migraine headache", "migraines"], None, ("migraine-medications", "Migraine medications"), []),
        ("multiple-sclerosis", "Multiple sclerosis", ["MS"], ("mri", "MRI"), ("ms-disease-modifying-therapy", "Disease-modifying therapy"),
         []),
        ("parkinsons-disease", "Parkinson's disease", ["Parkinson disease", "PD"], None,
         ("deep-brain-stimulation", "Deep brain stimulation"), []),
    ]),
    ("orthopedic-surgery", "Orthopedic surgery", "orthopedic surgeon", [("sports-medicine", "Sports Medicine")], [
        ("osteoarthritis", "Osteoarthritis", ["degenerative joint disease", "OA", "wear-and-tear arthritis"], ("x-ray", "X-ray"),
         ("knee-replacement", "Knee replacement"), []),
        ("rotator-cuff-injury", "Rotator cuff injury", ["rotator cuff tear", "torn rotator cuff"], None,
         ("rotator-cuff-repair", "Rotator cuff repair"), ["osteoarthritis"]),
        ("herniated-disk", "Herniated disk", ["slipped disk", "ruptured disk", "bulging disk"], ("myelogram", "Myelogram"),
         ("diskectomy", "Diskectomy"), []),
    ]),
]
UNCOVERED = [
    ("shingles", "Shingles", ["herpes zoster"], None, ("shingles-antiviral-treatment", "Antiviral treatment for shingles"), []),
    ("insomnia", "Insomnia", ["sleeplessness", "trouble sleeping"], None, ("cbt-for-insomnia", "Cognitive behavioral therapy for insomnia"),
     []),
]
DEPARTMENT = {"cardiovascular-medicine": "Cardiovascular Medicine", "gastroenterology-hepatology": "Gastroenterology and Hepatology",
              "neurology": "Neurology", "orthopedic-surgery": "Orthopedic Surgery"}
TOPIC = {"cardiovascular-medicine": "heart-health", "gastroenterology-hepatology": "nutrition-and-healthy-eating",
         "neurology": "stress-management", "orthopedic-surgery": "fitness", None: "consumer-health"}
LOCATIONS = [("granite-falls", "Stonebridge Clinic in Granite Falls", list(DEPARTMENT)),
             ("winona", "Stonebridge Clinic Health System in Winona", ["cardiovascular-medicine", "orthopedic-surgery"]),
             ("owatonna", "Stonebridge Clinic Health System in Owatonna", ["gastroenterology-hepatology", "neurology"]),
             ("hastings", "Stonebridge Clinic Health System in Hastings", ["orthopedic-surgery", "cardiovascular-medicine"])]
# id, name as shown (dotted credentials), role, specialty, treats, locations
PEOPLE = [
    ("jane-smith", "Jane A. Smith, M.D.", "cardiologist", "cardiovascular-medicine", ["atrial-fibrillation", "heart-failure"],
     ["granite-falls", "virtual"]),
    ("robert-okonkwo", "Robert C. Okonkwo, M.D.", "interventional cardiologist", "cardiovascular-medicine",
     ["coronary-artery-disease", "heart-failure"], ["granite-falls", "winona"]),
    ("priya-raman", "Priya Raman, M.B.B.S.", "gastroenterologist", "gastroenterology-hepatology", ["crohns-disease", "gerd"],
     ["granite-falls", "owatonna"]),
    ("david-lindqvist", "David E. Lindqvist, M.D., Ph.D.", "hepatologist", "gastroenterology-hepatology", ["cirrhosis", "gerd"],
     ["granite-falls"]),
    ("maria-castellanos", "Maria L. Castellanos, M.D.", "neurologist", "neurology", ["migraine", "multiple-sclerosis"],
     ["granite-falls", "owatonna", "virtual"]),
    ("thomas-berg", "Thomas J. Berg, D.O.", "neurologist", "neurology", ["parkinsons-disease", "migraine", "insomnia"],
     ["owatonna"]),
    ("laura-fenn", "Laura B. Fenn, D.N.P., APRN, C.N.P.", "nurse practitioner", "neurology", ["migraine", "shingles"],
     ["owatonna", "virtual"]),
    ("ellen-hart", "Ellen M. Hart, M.D.", "orthopedic surgeon", "orthopedic-surgery", ["osteoarthritis", "rotator-cuff-injury"],
     ["granite-falls", "hastings"]),
    ("kevin-zhao", "Kevin Zhao, M.D.", "orthopedic spine surgeon", "orthopedic-surgery", ["herniated-disk", "osteoarthritis"],
     ["granite-falls", "winona"]),
    ("amy-pruitt", "Amy R. Pruitt, P.A.-C.", "physician assistant", "orthopedic-surgery", ["rotator-cuff-injury", "herniated-disk"],
     ["hastings"]),
]
RESEARCHER = ("Thanh V. Nguyen, Ph.D.", "Research scientist, Neurology")  # a biography page, no patients
SHOWN = {pid: shown for pid, shown, *_ in PEOPLE}
GENERAL_ARTICLES = {
    "how-to-choose-the-right-specialist": ("consumer-health", "choosing-a-specialist", "Choosing a specialist: what to ask"),
    "preparing-for-a-telehealth-visit": ("consumer-health", "virtual-visit", "Virtual visits: how to prepare"),
    "what-medical-review-means-for-our-articles": ("consumer-health", "medical-review",
                                                   "How our medical editors review health information"),
    "urgent-care-emergency-room-or-a-specialist-visit": ("consumer-health", "urgent-care-or-emergency-room",
                                                         "Urgent care or the emergency room: how to decide"),
    "understanding-your-lab-results": ("consumer-health", "lab-results", "Lab tests: understanding your results"),
    "a-new-clinic-opens-its-doors": ("consumer-health", "hastings-clinic-opens", "A new clinic opens in Hastings"),
}

FIXED = {
    m.HOME: ("/", BRAND, "Transforming your care"),
    m.SPECIALTIES_INDEX: ("/departments-centers", "Departments and centers", "Departments & Centers"),
    m.FIND: ("/find-a-doctor", "Find a doctor", "Find a doctor"),
    m.APPOINTMENTS: ("/appointments", "Request an appointment", "Request an appointment"),
    m.LOCATIONS_INDEX: ("/locations", "Locations", "Stonebridge Clinic locations"),
    m.TELEHEALTH: ("/appointments/virtual-care", "Virtual care", "Virtual care at Stonebridge Clinic"),
    m.RESOURCES: ("/patient-visitor-guide", "Patient and visitor guide", "Patient & Visitor Guide"),
    m.LAB_PREP: ("/patient-visitor-guide/preparing-for-tests", "Preparing for tests", "Preparing for your tests"),
    m.LIBRARY: ("/diseases-conditions", "Diseases and conditions A-Z", "Diseases & Conditions"),
    m.BLOG: ("/healthy-lifestyle", "Healthy lifestyle", "Healthy Lifestyle"),
    m.BLOG_ARCHIVE: ("/healthy-lifestyle/all-articles", "All healthy lifestyle articles", "All articles"),
    m.PRIVACY: ("/about-this-site/privacy-policy", "Privacy policy", "Privacy Policy"),
    m.DISCLAIMER: ("/about-this-site/terms-conditions-use-policy", "Terms and conditions of use",
                   "Terms and Conditions of Use"),
    m.NON_EMERGENCY: ("/patient-visitor-guide/emergency-or-urgent-care", "Emergency or urgent care?",
                      "Emergency department or urgent care?"),
    m.EDITORIAL: ("/about-this-site/meet-our-medical-editors", "Meet our medical editors", "Meet Our Medical Editors"),
    m.ABOUT: ("/about-stonebridge-clinic", "About Stonebridge Clinic", "About Stonebridge Clinic"),
    m.CONTACT: ("/about-this-site/contact", "Contact us", "Contact Us"),
    m.CAREERS: ("/jobs", "Jobs", "Careers at Stonebridge Clinic"),
    "/patient-portal/": ("/patient-online-services", "Patient Online Services", "Patient Online Services"),
    "/pay-a-bill/": ("/billing-insurance/pay-bill", "Pay your bill", "Pay Your Bill Online"),
    "/medical-records/": ("/patient-visitor-guide/medical-records", "Medical records", "Request Medical Records"),
    "/price-transparency/": ("/billing-insurance/price-transparency", "Price transparency", "Price Transparency"),
    "/accessibility/": ("/about-this-site/accessibility-statement", "Accessibility statement", "Accessibility Statement"),
    "/nondiscrimination-notice/": ("/about-this-site/nondiscrimination", "Nondiscrimination notice",
                                   "Notice of Nondiscrimination"),
    "/visitor-information/": ("/patient-visitor-guide/visitors", "Visitor guidelines", "Visitor Guidelines"),
    "/newsroom/": ("/news-network", "News Network", "Stonebridge Clinic News Network"),
    "/volunteer/": ("/volunteer", "Volunteer", "Volunteer at Stonebridge Clinic"),
    "/give/": ("/giving", "Giving to Stonebridge Clinic", "Giving to Stonebridge Clinic"),
    "/patients/insurance-coverage/": ("/billing-insurance/insurance", "Insurance information", "Insurance Information"),
}
DROPPED = {"/blog/archive/2018/"}
CONTENT_ANCHORS = {
    m.LIBRARY: ["Diseases & Conditions A-Z", "find diseases and conditions"],
    m.EDITORIAL: ["meet our medical editors", "our medical editors"],
    m.NON_EMERGENCY: ["emergency department or urgent care?", "when to go to the emergency department"],
    m.BLOG: ["Healthy Lifestyle", "more healthy lifestyle articles"],
}


def entities() -> Site:
    people = [(pid, shown.split(",")[0], role, sid, treats, locs) for pid, shown, role, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual care", (2020, 6))


def num(prefix: str, kind: str, key: str, base: int, span: int) -> str:
    """A content id: 'syc-20351234', the same every run."""
    return f"{prefix}-{base + stable_int('stonebridge', kind, key) % span}"


def condition_slug(cid: str) -> str:
    return {"gerd": "gerd"}.get(cid, cid)


def tab(cid: str, name: str) -> str:
    prefix = {"symptoms-causes": "syc", "diagnosis-treatment": "drc", "doctors-departments": "ddc"}[name]
    return f"/diseases-conditions/{condition_slug(cid)}/{name}/{num(prefix, name, cid, 20350000, 10000)}"


def procedure_path(slug: str) -> str:
    return f"/tests-procedures/{slug}/about/{num('pac', 'pac', slug, 20380000, 10000)}"


def bio_path(shown: str) -> str:
    """'Jane A. Smith, M.D.' -> /biographies/smith-jane-a-m-d/bio-200xxxxx."""
    name, _, cred = shown.partition(", ")
    parts = name.split()
    words = [parts[-1], *parts[:-1]] + ([cred.split(",")[0]] if cred else [])
    slug = slugify(" ".join(words).replace(".", " "))
    return f"/biographies/{slug}/{num('bio', 'bio', slug, 20000000, 100000)}"


def dept_path(sid: str) -> str:
    return f"/departments-centers/{sid}/overview/{num('ovc', 'ovc', sid, 20450000, 10000)}"


def section_path(sid: str, service: str) -> str:
    return f"/departments-centers/{sid}/sections/{service}/{num('gnc', 'gnc', service, 20340000, 10000)}"


def article(site: Site, post: BlogPost) -> tuple[str, str]:
    """(path, title) of a healthy-lifestyle article."""
    if post.slug in GENERAL_ARTICLES:
        topic, slug, text = GENERAL_ARTICLES[post.slug]
    else:
        c = site.conditions[post.condition or ""]
        topic, slug, text = TOPIC[c.specialty], post.slug, post.title.split(" | ")[0]
    return f"/healthy-lifestyle/{topic}/in-depth/{slug}/{num('art', 'art', slug, 20040000, 10000)}", text


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": tab(c.id, "symptoms-causes"),
            "treatment": tab(c.id, "diagnosis-treatment"),
            "diagnosis": tab(c.id, "diagnosis-treatment"),
            "tests": procedure_path(c.test[0]),
        }[page.stage or ""]
    if page.kind == "hub":
        return dept_path(ref)
    if page.kind == "service":
        sid = next(s.id for s in site.specialties for sl, _ in s.services if sl == ref)
        return section_path(sid, ref)
    if page.kind == "provider":
        return bio_path(SHOWN[ref])
    if page.kind == "location":
        return f"/locations/{ref}"
    if page.kind == "blog":
        return article(site, site.post(ref))[0]
    return page.path.rstrip("/") or "/"


def merge(site: Site) -> dict[str, str]:
    """Symptoms are the overview tab, diagnosis shares the treatment tab, every booking goes to /appointments."""
    out = {m.SECOND_OPINION: m.APPOINTMENTS}
    for c in site.conditions.values():
        if "symptoms" in c.stages:
            out[c.stage_path("symptoms")] = c.overview
        if "diagnosis" in c.stages:
            treatment = site.pages.get(c.stage_path("treatment"))
            if treatment is not None and treatment.crawled:
                out[c.stage_path("diagnosis")] = c.stage_path("treatment")
            else:  # the seed's treatment page is an orphan the crawl never saw: the diagnosis page is the tab
                out[c.stage_path("treatment")] = c.stage_path("diagnosis")
        if "appointment" in c.stages:
            out[c.stage_path("appointment")] = m.APPOINTMENTS
    return out


def drop(site: Site) -> set[str]:
    """No follow-up pages."""
    out = set(DROPPED)
    for c in site.conditions.values():
        if "follow_up" in c.stages:
            out.add(c.stage_path("follow_up"))
    return out


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" - {BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        if page.stage == "overview":
            return f"{c.name} - Symptoms and causes{suffix}", c.name
        if page.stage in ("diagnosis", "treatment"):
            return f"{c.name} - Diagnosis and treatment{suffix}", c.name
        if page.stage == "tests":
            return f"{c.test[1]}{suffix}", c.test[1]
    if page.kind == "hub":
        return f"{DEPARTMENT[ref]} - Overview{suffix}", DEPARTMENT[ref]
    if page.kind == "service":
        sp = next(s for s in site.specialties if any(sl == ref for sl, _ in s.services))
        name = next(n for sl, n in sp.services if sl == ref)
        return f"{name} - {DEPARTMENT[sp.id]}{suffix}", name
    if page.kind == "provider":
        return f"{SHOWN[ref]} - Doctors and Medical Staff{suffix}", SHOWN[ref]
    if page.kind == "location":
        loc = site.locations[ref]
        return f"{loc.name} - Locations{suffix}", loc.name
    if page.kind == "blog":
        t = article(site, site.post(ref))[1]
        return f"{t}{suffix}", t
    return seed_title(page, suffix)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    nav = position in CHROME_POSITIONS
    if target.path in CONTENT_ANCHORS and not nav:
        return pick(key, CONTENT_ANCHORS[target.path])
    if target.path in (m.APPOINTMENTS, m.SECOND_OPINION) or (target.kind == "stage" and target.stage == "appointment"):
        return "Request an appointment" if nav else pick(key, ["Request an appointment", "Request an Appointment at Stonebridge Clinic",
                                                               "make an appointment"])
    if target.kind == "provider":
        pid = target.ref or ""
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {SHOWN[pid]}", f"Medical review: {SHOWN[pid]}"])
        return SHOWN[pid]
    if target.kind == "location":
        loc = site.locations[target.ref or ""]
        return loc.name.replace(f"{BRAND} Health System in ", "").replace(f"{BRAND} in ", "") if nav else loc.name
    if target.kind == "telehealth":
        return "Virtual care" if nav else pick(key, ["virtual care", "Schedule a video appointment"])
    if target.kind == "hub":
        return DEPARTMENT[target.ref or ""] if nav else pick(key, [DEPARTMENT[target.ref or ""],
                                                                  f"{DEPARTMENT[target.ref or '']} at {BRAND}"])
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        lname = c.name if c.name[:2].isupper() else c.name[0].lower() + c.name[1:]
        if target.stage == "overview":
            return "Symptoms & causes" if nav else pick(key, [c.name, lname, f"symptoms and causes of {lname}"])
        if target.stage in ("diagnosis", "treatment"):
            return "Diagnosis & treatment" if nav else pick(key, ["Diagnosis & treatment", f"diagnosing and treating {lname}",
                                                                 f"treatment for {lname}"])
        if target.stage == "tests":
            return c.test[1]
    if target.kind == "blog":
        return article(site, site.post(target.ref or ""))[1]
    if target.path in FIXED and nav:
        return FIXED[target.path][1]
    if target.path == m.FIND:
        return pick(key, ["Find a doctor", "search for a doctor"])
    return text


def extend(crawl: Crawl) -> None:
    """The doctors-departments tab and the tab bar, the procedures index, a researcher's biography, redirects, broken links."""
    site = crawl.site
    # the seed's noindexed symptoms page is the symptoms-causes tab here: that tab carries the noindex
    noindex_symptoms_overviews(crawl)
    crawl.add_page("/tests-procedures", f"Tests and procedures A-Z{' - ' + BRAND}", "Tests & Procedures")
    crawl.add_link("/", "/tests-procedures", "Tests & Procedures", "Navigation")
    crawl.add_link("/diseases-conditions", "/tests-procedures", "Tests & Procedures A-Z", "Sidebar")
    for c in site.conditions.values():
        overview = crawl.live_path(c.overview)
        if not overview:
            continue
        ddc = tab(c.id, "doctors-departments")
        crawl.add_page(ddc, f"{c.name} - Doctors and departments - {BRAND}", c.name)
        crawl.add_link("/diseases-conditions", overview, c.name)
        tabs = [(overview, "Symptoms & causes")]
        drc = crawl.live_path(c.stage_path("treatment"))
        if drc:
            tabs.append((drc, "Diagnosis & treatment"))
        tabs.append((ddc, "Doctors & departments"))
        crawl.link_tabs(tabs)
        for p in site.providers.values():
            page = crawl.live_path(p.page)
            if c.id in p.treats and page:
                crawl.add_link(ddc, page, SHOWN[p.id])
        if c.specialty:
            hub = crawl.live_path(site.specialty(c.specialty).hub) if site.specialty(c.specialty) else None
            if hub:
                crawl.add_link(ddc, hub, DEPARTMENT[c.specialty])
        crawl.add_link(ddc, "/appointments", "Request an appointment")
        if "tests" in c.stages:
            test = crawl.live_path(c.stage_path("tests"))
            if test:
                crawl.add_link("/tests-procedures", test, c.test[1])
    # a research scientist's biography: no patients, no provider
    name, role = RESEARCHER
    path = bio_path(name)
    crawl.add_page(path, f"{name} - Research Faculty - {BRAND}", name)
    crawl.add_link(dept_path("neurology"), path, f"{name}, {role.split(',')[0].lower()}")
    crawl.add_link(path, dept_path("neurology"), "Neurology")
    # old addresses, and links nobody fixed
    afib = crawl.new(site.conditions["atrial-fibrillation"].overview)
    crawl.add_page("/diseases-conditions/atrial-fibrillation", status=301, redirect=afib)
    crawl.add_page("/health/migraine-headache/DS00120", status=301, redirect=crawl.new(site.conditions["migraine"].overview))
    crawl.add_page("/tests-procedures/stress-test/about/pac-20385234", status=404)
    crawl.add_page("/departments-centers/sleep-medicine/overview/ovc-20459999", status=404)
    articles = crawl.live_posts(oldest_first=True)
    crawl.add_link(crawl.new(articles[0].path), "/diseases-conditions/atrial-fibrillation", "atrial fibrillation")
    crawl.add_link(crawl.new(articles[1].path), "/health/migraine-headache/DS00120", "migraine")
    crawl.add_link(afib, "/tests-procedures/stress-test/about/pac-20385234", "Stress test")
    crawl.add_link("/departments-centers", "/departments-centers/sleep-medicine/overview/ovc-20459999", "Sleep Medicine")


RULES = [
    ("/", "home"),
    ("/diseases-conditions", "resource_hub"),
    ("/diseases-conditions/*/symptoms-causes/*", "condition"),
    ("/diseases-conditions/*/diagnosis-treatment/*", "diagnosis"),
    ("/diseases-conditions/*/doctors-departments/*", "other"),
    ("/tests-procedures", "resource_hub"),
    ("/tests-procedures/*/about/*", "test"),
    ("/departments-centers", "other"),
    ("/departments-centers/{specialty}/overview/*", "specialty_hub"),
    ("/departments-centers/*/sections/*/*", "service"),
    (bio_path(RESEARCHER[0]), "other"),
    ("/biographies/*/*", "provider"),
    ("/find-a-doctor", "other"),
    ("/locations/{location}", "location"),
    ("/appointments/virtual-care", "telehealth"),
    ("/appointments", "appointment"),
    ("/healthy-lifestyle", "other"), ("/healthy-lifestyle/all-articles", "other"),
    ("/healthy-lifestyle/*/in-depth/*/*", "blog"),
    ("/patient-visitor-guide", "resource_hub"), ("/patient-visitor-guide/preparing-for-tests", "resource_hub"),
    ("/patient-visitor-guide/emergency-or-urgent-care", "policy"),
    ("/about-this-site/privacy-policy", "policy"), ("/about-this-site/terms-conditions-use-policy", "policy"),
    ("/about-this-site/meet-our-medical-editors", "policy"),
]

SCHEME = Rework(
    name="hospital-mayo-style", site_name=BRAND, base_url="https://www.stonebridgeclinic.example",
    alias="https://stonebridgeclinic.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=109, merge=merge, drop=drop, extend=extend,
    externals={"https://www.cdc.gov/chronic-disease/": "https://medlineplus.gov/"},
    comment="The symptoms-causes tab (syc-) is both the overview and the symptoms page; the diagnosis-treatment tab (drc-) fills\n"
            "both the diagnosis and the treatment stage (typed diagnosis); doctors-departments tabs (ddc-) are no stage;\n"
            "every condition books through /appointments; no follow-up pages; the Ph.D. research scientist is no provider.",
)
SCHEMES[SCHEME.name] = SCHEME
