"""`pediatric-network`: Riverbend Children's Health, a regional children's health system on Drupal.

Drupal path aliases, no trailing slashes. Conditions are `/conditions-and-treatments/<nid>-<slug>`
(the node id and the slug in one segment: `/conditions-and-treatments/41873-juvenile-arthritis`),
listed by the "Kids' Health A-Z" index (`/kids-health-a-z`, one page per letter). Each condition
has query-less tab paths under it: `/causes` (the "Causes & Symptoms" tab, the symptoms stage),
`/diagnosis-and-tests`, `/treatment` and `/after-care`; tests and procedures have their own nodes
(`/tests-and-procedures/<nid>-<slug>`). Departments are `/departments/<name>`, each with one
`/departments/<name>/make-an-appointment` page its conditions share; programs are `/programs/<name>`.
The care team is `/our-team/<specialty>/<first-last>`, titled "Priya Natarajan, MD | Pediatric
Rheumatology"; nurse practitioners, an occupational therapist and a speech-language pathologist
are clinicians (providers), while the leadership profiles and a practice manager (also under
`/our-team/`) are not. Clinics are `/locations/<city>-<name>`. The parent-education section
`/for-parents/<article>` has articles about conditions ("What Parents Should Know About Croup",
"Signs of Asthma in Toddlers") that are not stage pages. About a third of the conditions have a
Spanish page under `/es/afecciones-y-tratamientos/<nid>-<slug>` (typed, not entities).
Old `/node/<nid>` URLs redirect to their aliases.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site, stable_int
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, book_by_specialty, chrome_label, fixed_title, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Riverbend Children's Health"
SHORT_BRAND = "Riverbend Children's"

SPECIALTIES = [
    ("rheumatology", "Pediatric rheumatology", "pediatric rheumatologist", [("childhood-lupus-clinic", "Childhood Lupus Clinic")], [
        ("juvenile-arthritis", "Juvenile arthritis", ["juvenile idiopathic arthritis", "JIA"],
         ("joint-ultrasound", "Joint ultrasound"), ("biologic-and-dmard-therapy", "Biologic and DMARD therapy"),
         ["childhood-lupus"]),
        ("kawasaki-disease", "Kawasaki disease", ["mucocutaneous lymph node syndrome"], ("echocardiogram", "Echocardiogram"),
         ("ivig-therapy", "IVIG therapy"), []),
        ("childhood-lupus", "Childhood lupus", ["pediatric lupus", "juvenile SLE"], ("ana-blood-test", "ANA blood test"),
         ("lupus-medication-management", "Lupus medication management"), []),
    ]),
    ("pulmonology", "Pediatric pulmonology", "pediatric pulmonologist", [("cystic-fibrosis-center", "Cystic Fibrosis Care Center")], [
        ("asthma", "Asthma", ["childhood asthma", "reactive airway disease"], ("spirometry", "Spirometry (Lung Function Test)"),
         ("asthma-controller-medicines", "Asthma controller medicines"), ["bronchiolitis"]),
        ("cystic-fibrosis", "Cystic fibrosis", ["CF"], ("sweat-chloride-test", "Sweat chloride test"),
         ("airway-clearance-therapy", "Airway clearance therapy"), []),
        ("bronchiolitis", "Bronchiolitis", ["RSV bronchiolitis"], None, ("bronchiolitis-supportive-care", "Supportive care"), []),
    ]),
    ("gastroenterology", "Pediatric gastroenterology", "pediatric gastroenterologist", [("feeding-program", "Pediatric Feeding Program")], [
        ("celiac-disease", "Celiac disease", ["coeliac disease", "gluten-sensitive enteropathy"],
         ("celiac-antibody-test", "Celiac antibody blood test"), ("gluten-free-diet-education", "Gluten-free diet education"), []),
        ("infant-reflux", "Infant reflux", ["GER", "spitting up", "GERD in babies"], ("upper-gi-series", "Upper GI series"),
         ("reflux-feeding-plan", "Reflux feeding plan"), []),
        ("eosinophilic-esophagitis", "Eosinophilic esophagitis", ["EoE"], ("upper-endoscopy", "Upper endoscopy"),
         ("elimination-diet-therapy", "Elimination diet therapy"), ["celiac-disease"]),
    ]),
    ("neurology", "Pediatric neurology", "pediatric neurologist", [("epilepsy-monitoring-unit", "Epilepsy Monitoring Unit")], [
        ("epilepsy", "Epilepsy", ["seizure disorder", "seizures"], ("video-eeg", "Video EEG monitoring"),
         ("anti-seizure-medicines", "Anti-seizure medicines"), ["febrile-seizures"]),
        ("febrile-seizures", "Febrile seizures", ["fever seizures", "febrile convulsions"], None,
         ("febrile-seizure-care", "Febrile seizure care"), []),
        ("adhd", "ADHD", ["attention-deficit/hyperactivity disorder", "attention deficit disorder"], None,
         ("adhd-behavior-therapy", "Behavior therapy and medicine for ADHD"), []),
    ]),
    ("therapy-services", "Rehabilitation and therapy services", "pediatric therapist",
     [("feeding-and-swallowing-therapy", "Feeding and swallowing therapy")], [
        ("speech-delay", "Speech and language delay", ["late talker", "expressive language delay"],
         ("speech-language-evaluation", "Speech-Language evaluation"), ("speech-therapy", "Speech therapy"), []),
        ("developmental-coordination-disorder", "Developmental coordination disorder", ["DCD", "dyspraxia"],
         ("motor-skills-assessment", "Motor skills assessment"), ("occupational-therapy", "Occupational therapy"), []),
    ]),
]
UNCOVERED = [
    ("hand-foot-and-mouth-disease", "Hand, foot and mouth disease", ["HFMD"], None,
     ("hfmd-home-care", "Home care for hand, foot and mouth disease"), []),
    ("croup", "Croup", ["laryngotracheobronchitis", "barking cough"], None, ("croup-treatment", "Croup treatment"), []),
]
DEPARTMENT = {"rheumatology": "Pediatric Rheumatology", "pulmonology": "Pediatric Pulmonology",
              "gastroenterology": "Pediatric Gastroenterology", "neurology": "Pediatric Neurology",
              "therapy-services": "Rehabilitation & Therapy Services"}
LOCATIONS = [
    ("lexington-main-campus", "Riverbend Children's Hospital - Lexington",
     ["rheumatology", "pulmonology", "gastroenterology", "neurology", "therapy-services"]),
    ("louisville-specialty-center", "Louisville Pediatric Specialty Center", ["rheumatology", "pulmonology", "neurology"]),
    ("frankfort-kids-clinic", "Frankfort Kids Clinic", ["pulmonology", "neurology"]),
    ("richmond-therapy-center", "Richmond Therapy & Rehabilitation Center", ["therapy-services"]),
]
# id, name, credentials, specialty, treats, locations, role (providers.csv), folder, what the title says
PEOPLE = [
    ("priya-natarajan", "Priya Natarajan", "MD", "rheumatology", ["juvenile-arthritis", "childhood-lupus"],
     ["lexington-main-campus", "virtual"], "pediatric rheumatologist", "rheumatology", "Pediatric Rheumatology"),
    ("thomas-greer", "Thomas Greer", "MD", "rheumatology", ["kawasaki-disease", "juvenile-arthritis"],
     ["louisville-specialty-center"], "pediatric rheumatologist", "rheumatology", "Pediatric Rheumatology"),
    ("megan-doyle", "Megan Doyle", "MSN, APRN, CPNP", "rheumatology", ["juvenile-arthritis", "kawasaki-disease"],
     ["lexington-main-campus"], "nurse practitioner", "rheumatology", "Pediatric Rheumatology"),
    ("samuel-adeyemi", "Samuel Adeyemi", "MD", "pulmonology", ["asthma", "cystic-fibrosis", "bronchiolitis", "croup"],
     ["lexington-main-campus", "frankfort-kids-clinic"], "pediatric pulmonologist", "pulmonology", "Pediatric Pulmonology"),
    ("hannah-lindgren", "Hannah Lindgren", "DO", "pulmonology", ["asthma", "bronchiolitis"],
     ["louisville-specialty-center", "virtual"], "pediatric pulmonologist", "pulmonology", "Pediatric Pulmonology"),
    ("emily-shaw", "Emily Shaw", "APRN, CPNP-PC", "pulmonology", ["asthma", "croup", "hand-foot-and-mouth-disease"],
     ["frankfort-kids-clinic"], "nurse practitioner", "pulmonology", "Pediatric Pulmonology"),
    ("rosa-delgado", "Rosa Delgado", "MD", "gastroenterology", ["celiac-disease", "eosinophilic-esophagitis"],
     ["lexington-main-campus"], "pediatric gastroenterologist", "gastroenterology", "Pediatric Gastroenterology"),
    ("kevin-park", "Kevin Park", "MD, MPH", "gastroenterology", ["infant-reflux", "celiac-disease"],
     ["lexington-main-campus", "virtual"], "pediatric gastroenterologist", "gastroenterology", "Pediatric Gastroenterology"),
    ("olivia-brandt", "Olivia Brandt", "MD, PhD", "neurology", ["epilepsy", "febrile-seizures"],
     ["lexington-main-campus", "virtual"], "pediatric neurologist", "neurology", "Pediatric Neurology"),
    ("marcus-hill", "Marcus Hill", "MD", "neurology", ["adhd", "febrile-seizures"],
     ["louisville-specialty-center", "frankfort-kids-clinic"], "pediatric neurologist", "neurology", "Pediatric Neurology"),
    ("jordan-ellis", "Jordan Ellis", "OTR/L", "therapy-services", ["developmental-coordination-disorder"],
     ["richmond-therapy-center"], "occupational therapist", "occupational-therapy", "Occupational Therapy"),
    ("ana-ruiz", "Ana Ruiz", "MS, CCC-SLP", "therapy-services", ["speech-delay"],
     ["richmond-therapy-center", "lexington-main-campus"], "speech-language pathologist", "speech-language-pathology",
     "Speech-Language Pathology"),
]
# profiles under /our-team/ of people who see no patients (not providers): folder, slug, name, title
ADMINISTRATORS = [
    ("leadership", "karen-whitfield", "Karen Whitfield, MBA", "President and Chief Executive Officer"),
    ("leadership", "linda-marsh", "Linda Marsh, RN, MSN", "Chief Nursing Officer"),
    ("rheumatology", "greg-tolliver", "Greg Tolliver, MHA", "Practice Manager, Pediatric Rheumatology"),
]
PERSON = {pid: (name, cred, folder, shown) for pid, name, cred, _, _, _, _, folder, shown in PEOPLE}
SPANISH = {  # condition -> (slug, name): about a third of the conditions
    "asthma": ("asma", "Asma"), "celiac-disease": ("enfermedad-celiaca", "Enfermedad celíaca"),
    "epilepsy": ("epilepsia", "Epilepsia"), "speech-delay": ("retraso-del-habla-y-del-lenguaje", "Retraso del habla y del lenguaje"),
    "croup": ("crup", "Crup"), "febrile-seizures": ("convulsiones-febriles", "Convulsiones febriles"),
}
TAB = {"symptoms": "causes", "diagnosis": "diagnosis-and-tests", "treatment": "treatment", "follow_up": "after-care"}
TAB_LABEL = {"symptoms": "Causes & Symptoms", "diagnosis": "Diagnosis & Tests", "treatment": "Treatment",
             "follow_up": "After Care"}
# parent-education articles (seed post template -> slug, title)
ARTICLE = {
    "signs": ("signs-of-{slug}-in-toddlers", "Signs of {name} in Toddlers"),
    "living": ("what-parents-should-know-about-{slug}", "What Parents Should Know About {name}"),
    "test": ("preparing-your-child-for-{test}", "Preparing Your Child for {test_name}"),
    "treatment": ("{slug}-at-school-a-guide-for-parents", "{name} at School: A Guide for Parents"),
    "myths": ("{slug}-myths-parents-hear", "{name}: Myths Parents Hear"),
}
GENERAL_ARTICLES = {
    "how-to-choose-the-right-specialist": ("does-my-child-need-a-pediatric-specialist", "Does My Child Need a Pediatric Specialist?"),
    "preparing-for-a-telehealth-visit": ("getting-ready-for-your-childs-virtual-visit", "Getting Ready for Your Child's Virtual Visit"),
    "what-medical-review-means-for-our-articles": ("how-our-pediatric-experts-review-for-parents",
                                                   "How Our Pediatric Experts Review Our Articles"),
    "urgent-care-emergency-room-or-a-specialist-visit": ("er-urgent-care-or-pediatrician",
                                                         "ER, Urgent Care or Your Pediatrician? A Parent's Guide"),
    "understanding-your-lab-results": ("understanding-your-childs-lab-results", "Understanding Your Child's Lab Results"),
    "a-new-clinic-opens-its-doors": ("frankfort-kids-clinic-now-open", "Frankfort Kids Clinic Now Open"),
}

FIXED = {
    m.HOME: ("/", f"{BRAND} | Kentucky's Children's Health System", "Care Made for Kids"),
    m.SPECIALTIES_INDEX: ("/departments", "Departments & Specialties", "Departments & Specialties"),
    m.FIND: ("/our-team", "Find a Doctor", "Find a Doctor or Provider"),
    m.APPOINTMENTS: ("/appointments", "Make an Appointment", "Make an Appointment"),
    m.SECOND_OPINION: ("/appointments/second-opinions", "Second Opinions", "Get a Second Opinion for Your Child"),
    m.LOCATIONS_INDEX: ("/locations", "Locations", "Find a Location"),
    m.TELEHEALTH: ("/virtual-visits", "Virtual Visits", "Virtual Visits for Kids"),
    m.RESOURCES: ("/patients-and-families", "Patients & Families", "Patients & Families"),
    m.LAB_PREP: ("/patients-and-families/preparing-your-child-for-a-test", "Preparing Your Child for a Test",
                 "Preparing Your Child for a Test or Procedure"),
    m.LIBRARY: ("/kids-health-a-z", "Kids' Health A-Z", "Kids' Health A-Z"),
    m.BLOG: ("/for-parents", "For Parents", "For Parents"),
    m.BLOG_ARCHIVE: ("/for-parents/archive", "For Parents: All Articles", "All Articles for Parents"),
    m.PRIVACY: ("/privacy-policy", "Privacy Policy", "Notice of Privacy Practices"),
    m.DISCLAIMER: ("/medical-disclaimer", "Medical Disclaimer", "Medical Disclaimer"),
    m.NON_EMERGENCY: ("/patients-and-families/emergency-or-urgent-care", "Emergency or Urgent Care?",
                      "When to Go to the Emergency Department"),
    m.EDITORIAL: ("/for-parents/how-we-review-our-content", "How We Review Our Content", "How Our Experts Review This Content"),
    m.ABOUT: ("/about-us", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact-us", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers", "Careers", "Careers at Riverbend Children's"),
    "/patient-portal/": ("/mychart", "MyChart Patient Portal", "MyChart"),
    "/pay-a-bill/": ("/patients-and-families/pay-your-bill", "Pay Your Bill", "Pay Your Bill"),
    "/medical-records/": ("/patients-and-families/medical-records", "Medical Records", "Medical Records"),
    "/price-transparency/": ("/patients-and-families/price-transparency", "Price Transparency", "Price Transparency"),
    "/accessibility/": ("/accessibility", "Accessibility", "Accessibility"),
    "/nondiscrimination-notice/": ("/nondiscrimination-notice", "Nondiscrimination Notice", "Nondiscrimination Notice"),
    "/visitor-information/": ("/patients-and-families/visiting", "Visiting Your Child", "Visitor Information"),
    "/newsroom/": ("/newsroom", "Newsroom", "Newsroom"),
    "/volunteer/": ("/volunteer", "Volunteer", "Volunteer With Us"),
    "/give/": ("/give", "Give", "Give to Riverbend Children's"),
    "/blog/archive/2018/": ("/for-parents/archive/2018", "For Parents: 2018", "Articles From 2018"),
    "/patients/insurance-coverage/": ("/patients-and-families/insurance", "Insurance & Billing", "Insurance & Billing"),
}


CONTENT_ANCHORS = {  # body links to fixed pages, in the site's own words
    m.LIBRARY: ["Kids' Health A-Z", "browse conditions A-Z"],
    m.BLOG: ["For Parents", "more articles for parents"],
    "/blog/archive/2018/": ["articles from 2018"],
    m.EDITORIAL: ["how we review our content", "how our experts review this content"],
    m.NON_EMERGENCY: ["emergency or urgent care?", "when to go to the emergency department"],
}


def nid(kind: str, key: str) -> int:
    """A Drupal node id, the same every run."""
    return 10000 + stable_int("riverbend-node", kind, key) % 89999


def slug(text: str) -> str:
    from archmodel.synth.model import slugify
    return slugify(text)


def entities() -> Site:
    people = [(pid, f"Dr. {name}" if cred.startswith(("MD", "DO")) else name, role, sid, treats, locs)
              for pid, name, cred, sid, treats, locs, role, _, _ in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual visits", (2020, 6))


def condition_path(site: Site, cid: str) -> str:
    c = site.conditions[cid]
    return f"/conditions-and-treatments/{nid('condition', cid)}-{slug(c.name)}"


def test_path(site: Site, cid: str) -> str:
    c = site.conditions[cid]
    return f"/tests-and-procedures/{nid('test', c.test[0])}-{c.test[0]}"


def spanish_path(cid: str) -> str:
    return f"/es/afecciones-y-tratamientos/{nid('condition', cid)}-{SPANISH[cid][0]}"


def display(pid: str) -> str:
    name, cred, _, _ = PERSON[pid]
    return f"{name}, {cred}"


def short(pid: str) -> str:
    name, cred, _, _ = PERSON[pid]
    return f"Dr. {name.split()[-1]}" if cred.startswith(("MD", "DO")) else name


def article(site: Site, post: BlogPost) -> tuple[str, str]:
    if post.slug in GENERAL_ARTICLES:
        return GENERAL_ARTICLES[post.slug]
    c = site.conditions[post.condition or ""]
    template = post.template if post.template in ARTICLE else "living"
    pattern, heading = ARTICLE[template]
    values = {"slug": slug(c.name), "name": title_case(c.name), "test": c.test[0], "test_name": title_case(c.test[1])}
    return pattern.format(**values), heading.format(**values)


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        if page.stage == "overview":
            return condition_path(site, c.id)
        if page.stage == "tests":
            return test_path(site, c.id)
        if page.stage == "appointment":
            return f"/departments/{c.specialty}/make-an-appointment"
        return f"{condition_path(site, c.id)}/{TAB[page.stage or '']}"
    if page.kind == "hub":
        return f"/departments/{ref}"
    if page.kind == "service":
        return f"/programs/{ref}"
    if page.kind == "provider":
        return f"/our-team/{PERSON[ref][2]}/{ref}"
    if page.kind == "location":
        return f"/locations/{ref}"
    if page.kind == "blog":
        return f"/for-parents/{article(site, site.post(ref))[0]}"
    return page.path.rstrip("/") or "/"


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {SHORT_BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name = title_case(c.name)
        if page.stage == "tests":
            test = title_case(c.test[1])
            return f"{test} | Tests & Procedures{suffix}", test
        if page.stage == "appointment":
            dept = DEPARTMENT[c.specialty or ""]
            return f"Make an Appointment | {dept}{suffix}", f"Make an Appointment With {dept}"
        t, h1 = {
            "overview": (f"{name} | Conditions & Treatments", name),
            "symptoms": (f"{name}: Causes & Symptoms", f"{name}: Causes and Symptoms"),
            "diagnosis": (f"{name}: Diagnosis & Tests", f"{name}: Diagnosis and Tests"),
            "treatment": (f"{name}: Treatment", f"Treatment for {name}"),
            "follow_up": (f"{name}: After Care", f"{name}: Caring for Your Child at Home"),
        }[page.stage or ""]
        return t + suffix, h1
    if page.kind == "hub":
        return f"{DEPARTMENT[ref]}{suffix}", DEPARTMENT[ref]
    if page.kind == "service":
        name = next(n for s in site.specialties for sl, n in s.services if sl == ref)
        return f"{title_case(name)} | Programs{suffix}", title_case(name)
    if page.kind == "provider":
        return f"{display(ref)} | {PERSON[ref][3]}", display(ref)  # the profile content type drops the brand
    if page.kind == "location":
        loc = site.locations[ref]
        return f"{loc.name} | Locations{suffix}", loc.name
    if page.kind == "blog":
        t = article(site, site.post(ref))[1]
        return f"{t} | For Parents{suffix}", t
    return seed_title(page, suffix, title_case)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.path in CONTENT_ANCHORS and position not in CHROME_POSITIONS:
        return pick(key, CONTENT_ANCHORS[target.path])
    if target.kind == "provider":
        pid = target.ref or ""
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {display(pid)}", f"Medically reviewed by {display(pid)}"])
        return pick(key, [display(pid), PERSON[pid][0], f"{short(pid)}'s profile", f"Meet {short(pid)}"])
    if target.kind == "hub":
        if position != "Content":
            return DEPARTMENT[target.ref or ""]
        return pick(key, [DEPARTMENT[target.ref or ""], f"our {DEPARTMENT[target.ref or '']} team"])
    if target.kind == "service":
        return text
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        stage = target.stage or ""
        if stage == "appointment" or target.path == m.APPOINTMENTS:
            return pick(key, ["Make an appointment", "Request an appointment", "Schedule a visit",
                              f"Make an appointment with {DEPARTMENT[c.specialty or '']}"])
        if stage in TAB_LABEL and position != "Content":
            return TAB_LABEL[stage]
        if stage == "symptoms":
            return pick(key, [f"causes and symptoms of {c.lname}", text, f"what causes {c.lname}"])
        if stage == "diagnosis":
            return pick(key, [f"how {c.lname} is diagnosed", f"diagnosing {c.lname}", "diagnosis and tests"])
        if stage == "follow_up":
            return pick(key, ["caring for your child at home", f"after care for {c.lname}", text])
        if stage == "overview":
            return pick(key, [title_case(c.name), text])
    if target.kind == "location":
        loc = site.locations[target.ref or ""]
        if position in ("Navigation", "Footer"):
            return loc.name
        return pick(key, [loc.name, f"directions to {loc.name}", f"our {loc.id.split('-')[0].title()} location"])
    if target.kind == "telehealth":
        return pick(key, ["Virtual visits", "schedule a virtual visit", "see a provider by video"])
    if target.kind == "blog":
        return article(site, site.post(target.ref or ""))[1]
    if target.path == m.APPOINTMENTS:
        return pick(key, ["Make an Appointment", "make an appointment", "Request an appointment"])
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["Find a doctor", "find a pediatric specialist", "our care team"])
    return text


def extend(crawl: Crawl) -> None:
    """The A-Z letter pages, leadership profiles, Spanish condition pages, node redirects, broken links."""
    site = crawl.site
    # Kids' Health A-Z: one page per letter, listing the conditions (and the tests) under it
    letters: dict[str, list[tuple[str, str]]] = {}
    for c in site.conditions.values():
        path = crawl.live_path(c.overview)
        if path:
            letters.setdefault(c.name[0].lower(), []).append((path, title_case(c.name)))
            for synonym in c.synonyms[:1]:
                letters.setdefault(synonym[0].lower(), []).append((path, f"{synonym} (see {title_case(c.name)})"))
    for letter in sorted(letters):
        path = f"/kids-health-a-z/{letter}"
        crawl.add_page(path, f"Kids' Health A-Z: {letter.upper()} | {SHORT_BRAND}", f"Kids' Health A-Z: {letter.upper()}")
        crawl.add_link("/kids-health-a-z", path, letter.upper(), "Navigation")
        for other in sorted(letters):
            if other != letter:
                crawl.add_link(path, f"/kids-health-a-z/{other}", other.upper(), "Navigation")
        for target, label in sorted(set(letters[letter]), key=lambda x: x[1]):
            crawl.add_link(path, target, label)
    # the Drupal tab bar on a condition and each of its tabs
    for c in site.conditions.values():
        tabs = [("overview", "Overview")] + [(stage, TAB_LABEL[stage]) for stage in TAB_LABEL if stage in c.stages]
        live = [(crawl.path_of.get(c.stage_path(stage)), label) for stage, label in tabs]
        live = [(path, label) for path, label in live if path and crawl.live(path)]
        crawl.link_tabs(live)
    # people under /our-team/ who see no patients
    crawl.add_page("/our-team/leadership", f"Leadership | {SHORT_BRAND}", "Our Leadership Team")
    crawl.add_link("/about-us", "/our-team/leadership", "Our leadership")
    crawl.add_link("/our-team", "/our-team/leadership", "Leadership team", "Sidebar")
    for folder, person, name, role in ADMINISTRATORS:
        path = f"/our-team/{folder}/{person}"
        crawl.add_page(path, f"{name} | {role}", name)
        crawl.add_link(path, "/about-us", "About Riverbend Children's")
        if folder == "leadership":
            crawl.add_link("/our-team/leadership", path, name)
        else:
            crawl.add_link("/departments/rheumatology", path, f"{name}, practice manager")
            crawl.add_link(path, "/departments/rheumatology", DEPARTMENT["rheumatology"])
    # Spanish pages for a third of the conditions, with a language switcher both ways
    crawl.add_page("/es", f"{BRAND} | Atención médica para niños", "Atención pensada para los niños")
    crawl.add_link("/", "/es", "Español", "Header")
    crawl.add_link("/es", "/", "English", "Header")
    crawl.add_page("/es/citas", f"Pida una cita | {SHORT_BRAND}", "Pida una cita")
    crawl.add_link("/es", "/es/citas", "Pida una cita", "Navigation")
    crawl.add_link("/es/citas", "/appointments", "English", "Header")
    for cid, (es_slug, es_name) in SPANISH.items():
        c = site.conditions[cid]
        overview = crawl.live_path(c.overview)
        if not overview:
            continue
        path = spanish_path(cid)
        crawl.add_page(path, f"{es_name} | Afecciones y tratamientos | {SHORT_BRAND}", es_name)
        crawl.add_page(path + "/causas", f"{es_name}: causas y síntomas | {SHORT_BRAND}", f"{es_name}: causas y síntomas")
        crawl.add_link(overview, path, "Español", "Header")
        crawl.add_link(path, overview, "English", "Header")
        crawl.add_link(path, path + "/causas", "Causas y síntomas", "Navigation")
        crawl.add_link(path + "/causas", path, "Resumen", "Navigation")
        crawl.add_link(path, "/es/citas", "Pida una cita", "Sidebar")
        crawl.add_link("/es", path, es_name)
        symptoms = crawl.live_path(c.stage_path("symptoms"))
        if symptoms:
            crawl.add_link(symptoms, path + "/causas", "Español", "Header")
            crawl.add_link(path + "/causas", symptoms, "English", "Header")
    # old node URLs that redirect to their aliases, and links nobody fixed
    articles = crawl.live_posts(oldest_first=True)
    asthma = crawl.new(site.conditions["asthma"].overview)
    crawl.add_page(f"/node/{nid('condition', 'asthma')}", status=301, redirect=asthma)
    crawl.add_page("/node/2231", status=301, redirect="/our-team/pulmonology/samuel-adeyemi")
    crawl.add_page("/health-library/croup", status=301, redirect=crawl.new(site.conditions["croup"].overview))
    crawl.add_page("/departments/sleep-medicine", status=404)
    crawl.add_page("/for-parents/rsv-season-what-to-know", status=404)
    crawl.add_link(crawl.new(articles[0].path), f"/node/{nid('condition', 'asthma')}", "asthma")
    crawl.add_link(crawl.new(articles[1].path), "/node/2231", "Dr. Adeyemi")
    crawl.add_link(crawl.new(articles[2].path), "/health-library/croup", "croup")
    crawl.add_link("/departments", "/departments/sleep-medicine", "Sleep Medicine")
    crawl.add_link(crawl.new(articles[3].path), "/for-parents/rsv-season-what-to-know", "RSV season: what to know")


TESTS = sorted({c[3][0] for s in SPECIALTIES for c in s[4] if c[3]})
RULES = [
    ("/", "home"),
    ("/conditions-and-treatments/*", "condition"),
    ("/conditions-and-treatments/*/causes", "symptom"),
    ("/conditions-and-treatments/*/diagnosis-and-tests", "diagnosis"),
    ("/conditions-and-treatments/*/treatment", "treatment"),
    ("/conditions-and-treatments/*/after-care", "follow_up"),
    ("/tests-and-procedures/*", "test"),
    ("/kids-health-a-z", "resource_hub"), ("/kids-health-a-z/*", "other"),
    ("/departments", "other"),
    ("/departments/*/make-an-appointment", "appointment"),
    ("/departments/{specialty}", "specialty_hub"),
    ("/programs/*", "service"),
    ("/our-team", "appointment"),
    ("/our-team/leadership", "other"), ("/our-team/leadership/*", "other"),
    ("/our-team/rheumatology/greg-tolliver", "other"),
    ("/our-team/*/*", "provider"),
    ("/locations/{location}", "location"),
    ("/virtual-visits", "telehealth"),
    ("/appointments", "appointment"), ("/appointments/second-opinions", "appointment"),
    ("/for-parents/how-we-review-our-content", "policy"),
    ("/for-parents", "other"), ("/for-parents/archive", "other"), ("/for-parents/archive/*", "other"),
    ("/for-parents/*", "blog"),
    ("/es/afecciones-y-tratamientos/*", "condition"), ("/es/afecciones-y-tratamientos/*/causas", "symptom"),
    ("/es/citas", "appointment"),
    ("/patients-and-families/emergency-or-urgent-care", "policy"),
    ("/patients-and-families", "resource_hub"), ("/patients-and-families/preparing-your-child-for-a-test", "resource_hub"),
    ("/privacy-policy", "policy"), ("/medical-disclaimer", "policy"),
]

SCHEME = Rework(
    name="pediatric-network", site_name=BRAND, base_url="https://www.riverbendchildrens.example",
    alias="https://riverbendchildrens.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=83, merge=book_by_specialty, extend=extend,
    comment="Each department has one make-an-appointment page its conditions share; the /causes tab is the symptoms stage;\n"
            "/for-parents/ articles are not stage pages; leadership and the practice manager are not providers;\n"
            "Spanish pages (/es/) are typed but are not entities.",
)
SCHEMES[SCHEME.name] = SCHEME
