"""`physio`: Harbourside Physio & Sports Rehab, a physiotherapy chain in North Yorkshire on a Squarespace-like builder.

Squarespace paths: no trailing slash, titles "Page — Harbourside Physio", blog posts at
`/blog/<year>/<month>/<day>/<slug>`. Conditions are mixed: `/injuries/<injury>` (`/injuries/acl-injury`,
`/injuries/sprained-ankle`) and `/pain/<area>-pain` (`/pain/lower-back-pain`; plantar fasciitis is
`/pain/heel-pain`, tennis elbow `/pain/elbow-pain`). Symptoms and diagnosis are sections of the
condition page (in-page anchors, nothing to crawl), so no condition has symptom or diagnosis pages;
some have no stage pages at all, others a follow-up page `/injuries/<injury>-recovery-timeline` or
`/injuries/<injury>-exercises`, and assessments (tests) and treatments live in `/services/<service>`
("Dry Needling", "Shockwave Therapy") next to services that are no condition's treatment ("Sports
Massage", "Clinical Pilates"). Physiotherapists are `/team/<first-name>` (the second Sarah is
`/team/sarah-m`), titled "Liam O'Brien - Senior Physiotherapist (MCSP)" or "Dr. Aoife Byrne, DPT";
the clinic manager and patient coordinator also have `/team/` pages but are not providers. Clinics are
`/clinics/<town>`; the "service area" pages `/physio-in-<town>` are for towns without a clinic. Booking
happens on an external booking host: every header links there, and `/book` (which condition pages
link to) redirects there, so no condition has an appointment page. UK English throughout.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, chrome_label, fixed_title, is_review_credit, make_site,
    noindex_symptoms_overviews, pick, seed_title, title_case,
)

BRAND = "Harbourside Physio & Sports Rehab"
SHORT_BRAND = "Harbourside Physio"
BOOKING = "https://book.clinicflow.example/harbourside-physio"

SPECIALTIES = [
    ("sports-injuries", "Sports injury rehab", "sports physiotherapist", [("sports-massage", "Sports Massage")], [
        ("acl-injury", "ACL injury", ["ACL tear", "torn ACL", "anterior cruciate ligament rupture"],
         ("msk-ultrasound-scan", "MSK Ultrasound Scan"), ("acl-rehabilitation", "ACL Rehabilitation Programme"), ["ankle-sprain"]),
        ("hamstring-strain", "Hamstring strain", ["pulled hamstring", "hamstring tear"], None,
         ("return-to-sport-rehab", "Return to Sport Rehab"), []),
        ("ankle-sprain", "Sprained ankle", ["ankle sprain", "rolled ankle", "twisted ankle"], None,
         ("strapping-and-taping", "Strapping & Taping"), []),
        ("achilles-tendinopathy", "Achilles tendinopathy", ["Achilles tendinitis", "Achilles tendonitis"],
         ("video-gait-analysis", "Video Gait Analysis"), ("shockwave-therapy", "Shockwave Therapy"), []),
        ("runners-knee", "Runner's knee", ["patellofemoral pain syndrome", "PFPS"],
         ("biomechanical-assessment", "Biomechanical Assessment"), ("running-rehab", "Running Rehab"), []),
    ]),
    ("msk", "Musculoskeletal physiotherapy", "physiotherapist", [("clinical-pilates", "Clinical Pilates")], [
        ("lower-back-pain", "Lower back pain", ["back ache", "lumbago", "low back pain"], None,
         ("dry-needling", "Dry Needling"), ["neck-pain"]),
        ("neck-pain", "Neck pain", ["stiff neck", "cervical pain"], None, ("neck-pain-manual-therapy", "Manual Therapy"), []),
        ("shoulder-pain", "Shoulder pain", ["rotator cuff pain", "shoulder impingement"], None,
         ("shoulder-rehab", "Shoulder Rehab"), ["frozen-shoulder"]),
        ("frozen-shoulder", "Frozen shoulder", ["adhesive capsulitis"], None, ("joint-mobilisation", "Joint Mobilisation"), []),
        ("plantar-fasciitis", "Plantar fasciitis", ["heel pain", "policeman's heel"], None,
         ("custom-orthotics", "Custom Orthotics"), []),
    ]),
    ("womens-health", "Women's health physiotherapy", "women's health physiotherapist",
     [("antenatal-pilates", "Antenatal Pilates")], [
        ("pelvic-girdle-pain", "Pelvic girdle pain", ["PGP", "SPD", "pregnancy pelvic pain"], None,
         ("pelvic-health-physiotherapy", "Pelvic Health Physiotherapy"), []),
        ("diastasis-recti", "Diastasis recti", ["abdominal separation", "tummy gap"], None,
         ("postnatal-rehab", "Postnatal Rehab"), []),
    ]),
]
UNCOVERED = [
    ("tennis-elbow", "Tennis elbow", ["lateral epicondylitis"], None, ("tennis-elbow-brace", "Elbow bracing"), []),
    ("whiplash", "Whiplash", ["whiplash injury", "whiplash-associated disorder"], None,
     ("post-accident-physiotherapy", "Post-Accident Physiotherapy"), []),
]
CONDITION_PATH = {
    "acl-injury": "/injuries/acl-injury", "hamstring-strain": "/injuries/hamstring-strain",
    "ankle-sprain": "/injuries/sprained-ankle", "achilles-tendinopathy": "/injuries/achilles-tendinopathy",
    "runners-knee": "/injuries/runners-knee", "lower-back-pain": "/pain/lower-back-pain", "neck-pain": "/pain/neck-pain",
    "shoulder-pain": "/pain/shoulder-pain", "frozen-shoulder": "/injuries/frozen-shoulder", "plantar-fasciitis": "/pain/heel-pain",
    "pelvic-girdle-pain": "/pain/pelvic-pain", "diastasis-recti": "/injuries/diastasis-recti", "tennis-elbow": "/pain/elbow-pain",
    "whiplash": "/injuries/whiplash",
}
# the stage pages each condition has besides its own page (the rest are sections of it, or nothing)
KEPT = {
    "acl-injury": {"tests", "treatment", "follow_up"}, "hamstring-strain": {"treatment", "follow_up"},
    "ankle-sprain": {"treatment", "follow_up"}, "achilles-tendinopathy": {"tests", "treatment", "follow_up"},
    "runners-knee": set(), "lower-back-pain": {"treatment"}, "neck-pain": set(), "shoulder-pain": set(),
    "frozen-shoulder": {"treatment", "follow_up"}, "plantar-fasciitis": {"treatment"}, "pelvic-girdle-pain": {"treatment"},
    "diastasis-recti": {"treatment", "follow_up"}, "tennis-elbow": set(), "whiplash": {"treatment"},
}
FOLLOW_UP = {"acl-injury": "recovery-timeline", "hamstring-strain": "exercises", "ankle-sprain": "recovery-timeline",
             "achilles-tendinopathy": "exercises", "frozen-shoulder": "recovery-timeline", "diastasis-recti": "exercises"}
HUB = {"sports-injuries": ("/sports-injury-clinic", "Sports Injury Clinic"),
       "msk": ("/musculoskeletal-physiotherapy", "Musculoskeletal (MSK) Physiotherapy"),
       "womens-health": ("/womens-health-physiotherapy", "Women's Health Physiotherapy")}
LOCATIONS = [("harrogate", "Harrogate", ["sports-injuries", "msk", "womens-health"]),
             ("ilkley", "Ilkley", ["sports-injuries", "womens-health", "msk"]),
             ("otley", "Otley", ["msk", "sports-injuries"]),
             ("wetherby", "Wetherby", ["sports-injuries", "msk"])]
# towns with a service-area page and no clinic: town -> nearest clinic
SERVICE_AREAS = {"knaresborough": ("Knaresborough", "harrogate"), "ripon": ("Ripon", "harrogate"),
                 "boroughbridge": ("Boroughbridge", "wetherby"), "burley-in-wharfedale": ("Burley-in-Wharfedale", "ilkley")}
# id, name (providers.csv), slug, title as shown, role, specialty, treats, locations
PEOPLE = [
    ("liam-obrien", "Liam O'Brien", "liam", "Liam O'Brien - Senior Physiotherapist (MCSP)", "physiotherapist", "sports-injuries",
     ["acl-injury", "hamstring-strain", "ankle-sprain"], ["harrogate", "wetherby"]),
    ("aoife-byrne", "Dr. Aoife Byrne", "aoife", "Dr. Aoife Byrne, DPT", "physiotherapist", "sports-injuries",
     ["achilles-tendinopathy", "runners-knee", "acl-injury"], ["ilkley", "virtual"]),
    ("callum-reid", "Callum Reid", "callum", "Callum Reid - Graduate Sports Rehabilitator (BASRaT)", "sports rehabilitator",
     "sports-injuries", ["hamstring-strain", "ankle-sprain"], ["otley"]),
    ("tom-hartley", "Tom Hartley", "tom", "Tom Hartley - Physiotherapist (MCSP, HCPC)", "physiotherapist", "msk",
     ["lower-back-pain", "neck-pain", "whiplash"], ["harrogate", "otley"]),
    ("sarah-kaur", "Sarah Kaur", "sarah", "Sarah Kaur - Clinical Lead Physiotherapist (MCSP)", "physiotherapist", "msk",
     ["shoulder-pain", "frozen-shoulder", "tennis-elbow"], ["otley", "virtual"]),
    ("sarah-mitchell", "Sarah Mitchell", "sarah-m", "Sarah Mitchell - Physiotherapist (BSc, MCSP)", "physiotherapist", "msk",
     ["plantar-fasciitis", "lower-back-pain"], ["wetherby"]),
    ("hannah-price", "Hannah Price", "hannah", "Hannah Price - Physiotherapist & Pilates Instructor (MCSP)", "physiotherapist",
     "msk", ["neck-pain", "lower-back-pain"], ["ilkley"]),
    ("niamh-kelly", "Niamh Kelly", "niamh", "Niamh Kelly - Women's Health Physiotherapist (MCSP, POGP)",
     "women's health physiotherapist", "womens-health", ["pelvic-girdle-pain", "diastasis-recti"], ["harrogate", "ilkley"]),
]
STAFF = [("rachel", "Rachel Dunn - Clinic Manager"), ("jess", "Jess Holroyd - Patient Coordinator")]  # not providers
PERSON = {pid: (name, slug, shown) for pid, name, slug, shown, *_ in PEOPLE}
GENERAL_POSTS = {
    "how-to-choose-the-right-specialist": ("how-to-choose-a-physiotherapist", "How to choose a physiotherapist"),
    "preparing-for-a-telehealth-visit": ("getting-the-most-from-an-online-physio-session",
                                         "Getting the most from an online physio session"),
    "what-medical-review-means-for-our-articles": ("how-our-physios-check-our-advice", "How our physios check our advice"),
    "urgent-care-emergency-room-or-a-specialist-visit": ("physio-gp-or-a-and-e", "Physio, GP or A&E: where should you go?"),
    "understanding-your-lab-results": ("understanding-your-scan-report", "Understanding your scan report"),
    "a-new-clinic-opens-its-doors": ("our-wetherby-clinic-is-now-open", "Our Wetherby clinic is now open"),
}

FIXED = {
    m.HOME: ("/", f"Physiotherapy & Sports Injury Clinics in Harrogate, Ilkley, Otley & Wetherby — {SHORT_BRAND}",
             "Physiotherapy that gets you back to what you love"),
    m.SPECIALTIES_INDEX: ("/what-we-treat", "What We Treat", "What We Treat"),
    m.FIND: ("/team", "Meet the Team", "Meet the Team"),
    m.APPOINTMENTS: ("/book", "Book an Assessment", "Book an Assessment"),
    m.LOCATIONS_INDEX: ("/clinics", "Our Clinics", "Our Clinics"),
    m.TELEHEALTH: ("/online-physio", "Online Physio Consultations", "Online Physio"),
    m.RESOURCES: ("/patient-information", "Patient Information", "Patient Information"),
    m.LAB_PREP: ("/your-first-appointment", "Your First Appointment", "What to Expect at Your First Appointment"),
    m.LIBRARY: ("/injury-advice", "Injury Advice", "Injury & Pain Advice Hub"),
    m.BLOG: ("/blog", "Blog", "The Harbourside Blog"),
    m.BLOG_ARCHIVE: ("/blog-archive", "Blog Archive", "Blog Archive"),
    m.PRIVACY: ("/privacy-policy", "Privacy Policy", "Privacy Policy"),
    m.DISCLAIMER: ("/medical-disclaimer", "Disclaimer", "Website Disclaimer"),
    m.NON_EMERGENCY: ("/physio-gp-or-a-and-e", "Physio, GP or A&E?", "Physio, GP or A&E? Where to Go"),
    m.EDITORIAL: ("/our-advice-policy", "How We Write Our Advice", "How Our Physiotherapists Write and Check Our Advice"),
    m.ABOUT: ("/about", "About Us", f"About {SHORT_BRAND}"),
    m.CONTACT: ("/contact", "Contact Us", "Get in Touch"),
    m.CAREERS: ("/careers", "Careers", "Work With Us"),
    "/pay-a-bill/": ("/prices", "Prices", "Our Prices"),
    "/accessibility/": ("/accessibility", "Accessibility", "Accessibility"),
    "/patients/insurance-coverage/": ("/insurance", "Insurance", "Insured Patients: Bupa, AXA Health, Vitality & More"),
}
DROPPED = {"/patient-portal/", "/medical-records/", "/price-transparency/", "/nondiscrimination-notice/",
           "/visitor-information/", "/newsroom/", "/volunteer/", "/give/", "/blog/archive/2018/"}


CONTENT_ANCHORS = {  # body links to fixed pages, in the site's own words
    m.LIBRARY: ["injury advice", "our injury & pain advice hub"],
    m.NON_EMERGENCY: ["physio, GP or A&E?", "when to go to A&E instead"],
    m.EDITORIAL: ["how we write our advice", "how our physios check our advice"],
    m.SPECIALTIES_INDEX: ["what we treat", "conditions we treat"],
    m.BLOG: ["our blog", "more from the blog"],
}


def entities() -> Site:
    people = [(pid, name, role, sid, treats, locs) for pid, name, _, _, role, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Online physio", (2020, 6))


def short(pid: str) -> str:
    """'Liam', 'Aoife' (the site calls everyone by first name), 'Sarah M'."""
    name, slug, _ = PERSON[pid]
    first = name.removeprefix("Dr. ").split()[0]
    return f"{first} {name.split()[-1][0]}" if slug.count("-") else first


def post_path(post: BlogPost) -> str:
    year, month, day = post.date.split("-")
    return f"/blog/{year}/{int(month)}/{int(day)}/{GENERAL_POSTS.get(post.slug, (post.slug,))[0]}"


def post_title(post: BlogPost) -> str:
    text = GENERAL_POSTS[post.slug][1] if post.slug in GENERAL_POSTS else post.title
    return text.replace("treatment", "rehab").replace("our care team", "our physios")


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": CONDITION_PATH[c.id],
            "tests": f"/services/{c.test[0]}",
            "treatment": f"/services/{c.treatment[0]}",
            "follow_up": f"/injuries/{CONDITION_PATH[c.id].rsplit('/', 1)[1]}-{FOLLOW_UP.get(c.id, 'recovery')}",
        }[page.stage or ""]
    if page.kind == "hub":
        return HUB[ref][0]
    if page.kind == "service":
        return f"/services/{ref}"
    if page.kind == "provider":
        return f"/team/{PERSON[ref][1]}"
    if page.kind == "location":
        return f"/clinics/{ref}"
    if page.kind == "blog":
        return post_path(site.post(ref))
    return page.path.rstrip("/") or "/"


def merge(site: Site) -> dict[str, str]:
    """Every booking button goes to /book (which redirects to the booking host)."""
    out = {c.stage_path("appointment"): m.APPOINTMENTS for c in site.conditions.values() if "appointment" in c.stages}
    out[m.SECOND_OPINION] = m.APPOINTMENTS
    return out


def drop(site: Site) -> set[str]:
    """Symptoms and diagnosis are sections of the condition page; some conditions have no other pages either."""
    out = set(DROPPED)
    for c in site.conditions.values():
        for stage in ("symptoms", "diagnosis", "tests", "treatment", "follow_up"):
            if stage in c.stages and stage not in KEPT[c.id]:
                out.add(c.stage_path(stage))
    return out


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" — {SHORT_BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name = title_case(c.name)
        if page.stage == "overview":
            area = CONDITION_PATH[c.id].startswith("/pain/")
            options = ([f"{name} Treatment in Harrogate & Ilkley", f"{name}: Causes, Symptoms & Physio Treatment"] if area
                       else [f"{name} Physio in Harrogate", f"{name}: Symptoms, Diagnosis & Rehab"])
            h1 = name if c.id != "plantar-fasciitis" else "Heel Pain & Plantar Fasciitis"
            if c.id == "tennis-elbow":
                h1 = "Elbow Pain & Tennis Elbow"
            return pick(c.id, options) + suffix, h1
        if page.stage == "follow_up":
            if FOLLOW_UP[c.id] == "exercises":
                return f"{5 + len(c.id) % 4} Exercises for {name} Recovery{suffix}", f"{name} Exercises"
            return (f"{name} Recovery Timeline: What to Expect Week by Week{suffix}", f"{name} Recovery Timeline")
        label = title_case(c.test[1] if page.stage == "tests" else c.treatment[1])
        return f"{label}{suffix}", label
    if page.kind == "hub":
        return f"{HUB[ref][1]}{suffix}", HUB[ref][1]
    if page.kind == "service":
        name = next(n for s in site.specialties for sl, n in s.services if sl == ref)
        return f"{name}{suffix}", name
    if page.kind == "provider":
        return f"{PERSON[ref][2]}{suffix}", PERSON[ref][2].split(" - ")[0]
    if page.kind == "location":
        town = site.locations[ref].name
        return f"Physiotherapy Clinic in {town}{suffix}", f"{town} Physio Centre"
    if page.kind == "blog":
        t = post_title(site.post(ref))
        return f"{t}{suffix}", t
    return seed_title(page, suffix, title_case)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return "NHS health A to Z" if text.startswith("CDC") else text
    key = anchor_key(source, target, text)
    if target.path in CONTENT_ANCHORS and position not in CHROME_POSITIONS:
        return pick(key, CONTENT_ANCHORS[target.path])
    if target.path == m.APPOINTMENTS or (target.kind == "stage" and target.stage == "appointment") \
            or target.path == m.SECOND_OPINION:
        if position in CHROME_POSITIONS:
            return "Book Now"
        return pick(key, ["Book an assessment", "Book an appointment", "book online", "Book your initial assessment"])
    if target.kind == "provider":
        pid = target.ref or ""
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {PERSON[pid][0]}", f"Checked by {short(pid)}, one of our physios"])
        return pick(key, [PERSON[pid][0], short(pid), f"Meet {short(pid)}", f"Read {short(pid)}'s bio"])
    if target.kind == "location":
        town = site.locations[target.ref or ""].name
        if position in ("Navigation", "Footer"):
            return town
        return pick(key, [f"{town} clinic", f"our {town} centre", f"physio in {town}", f"find our {town} clinic"])
    if target.kind == "telehealth":
        return "Online Physio" if position in ("Navigation", "Footer") else pick(key, ["online physio", "book an online consultation"])
    if target.kind == "hub":
        return HUB[target.ref or ""][1]
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        if target.stage == "follow_up":
            return pick(key, [f"{c.lname} {FOLLOW_UP[c.id].replace('-', ' ')}",
                              "recovery timeline" if FOLLOW_UP[c.id] == "recovery-timeline" else "rehab exercises"])
        if target.stage == "overview":
            return pick(key, [title_case(c.name), c.lname, text])
        if target.stage in ("tests", "treatment"):
            return title_case(c.test[1] if target.stage == "tests" else c.treatment[1])
    if target.kind == "blog":
        return post_title(site.post(target.ref or ""))
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["meet our physios", "our team", "meet the team"])
    if target.path == m.LAB_PREP:
        return pick(key, ["what to expect at your first appointment", "your first appointment"])
    return (text.replace("specialist", "physio").replace("center", "centre").replace("Center", "Centre")
            .replace("appointment", "assessment"))


def extend(crawl: Crawl) -> None:
    """/book leaves the site, the booking host in every header, service-area pages, staff, old URLs."""
    site = crawl.site
    # /book redirects to the external booking host
    del crawl.rows["/book"]
    crawl.sitemap.pop("/book", None)
    crawl.add_page("/book", status=301, redirect=BOOKING)
    crawl.links = [row for row in crawl.links if row["Source"] != crawl.url("/book")]
    # the header and footer buttons go straight to the booking host (once per page); body links go through /book
    book, kept, seen = crawl.url("/book"), [], set()
    for row in crawl.links:
        if row["Destination"] == book and row["Link Position"] in CHROME_POSITIONS:
            row["Destination"], row["Path Type"] = BOOKING, "Absolute"
            if (row["Source"], row["Link Position"]) in seen:
                continue
            seen.add((row["Source"], row["Link Position"]))
        kept.append(row)
    crawl.links = kept
    for path, row in list(crawl.rows.items()):
        if row["Status Code"] == "200" and row["Content Type"].startswith("text/html") \
                and (crawl.url(path), "Header") not in seen:
            crawl.add_link(path, BOOKING, "Book Now", "Header")
    for loc in site.locations.values():
        if not loc.telehealth and crawl.live(f"/clinics/{loc.id}"):
            crawl.add_link(f"/clinics/{loc.id}", f"{BOOKING}?location={loc.id}", f"Book at our {loc.name} clinic")
    # the seed's noindexed symptoms page is a section of its condition's page here: that page carries the noindex
    noindex_symptoms_overviews(crawl)
    # the two condition listings the navigation's "What We Treat" menu opens
    for index, label in (("/injuries", "Injuries We Treat"), ("/pain", "Aches & Pains We Treat")):
        crawl.add_page(index, f"{label} — {SHORT_BRAND}", label)
        crawl.add_link("/what-we-treat", index, label)
        crawl.add_link("/", index, label, "Navigation")
        for c in site.conditions.values():
            overview = crawl.live_path(c.overview)
            if overview and overview.startswith(index + "/"):
                crawl.add_link(index, overview, title_case(c.name))
                crawl.add_link(overview, index, label, "Navigation")
    # service-area pages: no clinic in town, the nearest one is linked
    for town, (name, nearest) in SERVICE_AREAS.items():
        path = f"/physio-in-{town}"
        crawl.add_page(path, f"Physio in {name} — {SHORT_BRAND}", f"Physiotherapy for {name}")
        crawl.add_link(path, f"/clinics/{nearest}", f"our {site.locations[nearest].name} clinic")
        crawl.add_link(path, "/online-physio", "online physio")
        crawl.add_link(path, BOOKING, "Book an assessment")
        crawl.add_link("/clinics", path, f"Physio in {name}", "Footer")
        crawl.add_link(f"/clinics/{nearest}", path, f"also serving {name}")
    # staff with a team page who do not treat patients
    for slug, shown in STAFF:
        path = f"/team/{slug}"
        crawl.add_page(path, f"{shown} — {SHORT_BRAND}", shown)
        crawl.add_link("/team", path, shown.split(" - ")[0])
        crawl.add_link(path, "/contact", "get in touch")
    # old URLs that redirect and links nobody fixed
    posts = crawl.live_posts(oldest_first=True)
    crawl.add_page("/acl-injury", status=301, redirect="/injuries/acl-injury")
    crawl.add_page("/back-pain", status=301, redirect="/pain/lower-back-pain")
    crawl.add_page("/our-team", status=301, redirect="/team")
    crawl.add_page("/services/acupuncture", status=404)
    crawl.add_page("/blog/2019/5/2/marathon-training-tips", status=404)
    crawl.add_link(crawl.new(posts[0].path), "/acl-injury", "ACL injuries")
    crawl.add_link(crawl.new(posts[1].path), "/back-pain", "back pain")
    crawl.add_link(crawl.new(posts[2].path), "/our-team", "our team")
    crawl.add_link("/prices", "/services/acupuncture", "Acupuncture")
    crawl.add_link(crawl.new(posts[3].path), "/blog/2019/5/2/marathon-training-tips", "marathon training tips")


TESTS = [c[3][0] for s in SPECIALTIES for c in s[4] if c[3] and "tests" in KEPT[c[0]]]
TREATMENTS = [c[4][0] for s in SPECIALTIES for c in s[4] if "treatment" in KEPT[c[0]]]
TREATMENTS += [c[4][0] for c in UNCOVERED if "treatment" in KEPT[c[0]]]

RULES = [
    ("/", "home"),
    ("/injuries/*-recovery-timeline", "follow_up"), ("/injuries/*-exercises", "follow_up"),
    ("/injuries", "other"), ("/pain", "other"),
    ("/injuries/*", "condition"), ("/pain/*", "condition"),
] + [(f"/services/{slug}", "test") for slug in TESTS] + [(f"/services/{slug}", "treatment") for slug in TREATMENTS] + [
    ("/services/*", "service"),
    ("/sports-injury-clinic", "specialty_hub"), ("/musculoskeletal-physiotherapy", "specialty_hub"),
    ("/womens-health-physiotherapy", "specialty_hub"),
    ("/team/rachel", "other"), ("/team/jess", "other"),
    ("/team/*", "provider"),
    ("/clinics/{location}", "location"),
    ("/physio-in-*", "other"),
    ("/online-physio", "telehealth"),
    ("/blog/*/*/*/*", "blog"),
    ("/patient-information", "resource_hub"), ("/your-first-appointment", "resource_hub"), ("/injury-advice", "resource_hub"),
    ("/privacy-policy", "policy"), ("/medical-disclaimer", "policy"), ("/physio-gp-or-a-and-e", "policy"),
    ("/our-advice-policy", "policy"),
]

SCHEME = Rework(
    name="physio", site_name=BRAND, base_url="https://www.harboursidephysio.example",
    alias="https://harboursidephysio.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=97, merge=merge, drop=drop, extend=extend,
    externals={"https://www.cdc.gov/chronic-disease/": "https://www.nhs.uk/conditions/"},
    comment="Symptoms and diagnosis are sections of each condition page (nothing to crawl); booking happens on an external host\n"
            "(/book redirects there), so no condition has an appointment page; /physio-in-<town> pages are not clinics;\n"
            "/team/rachel and /team/jess are staff, not providers; one condition page carries the seed's noindexed symptoms page.",
)
SCHEMES[SCHEME.name] = SCHEME
