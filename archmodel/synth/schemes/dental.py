"""`dental`: Prairie Creek Dental & Oral Surgery, a multi-location dental group north of Dallas.

A flat-ish dental-marketing CMS: services and treatments sit at the root (`/dental-implants/`,
`/root-canal-therapy/`, `/gum-disease-treatment/`), and so do the conditions patients search
for (`/gum-disease/`, `/tooth-sensitivity/`, `/tmj-disorder/`, `/sleep-apnea/`) and their stage
pages (`/signs-of-gum-disease/`, `/do-i-have-gum-disease/`, tests such as
`/panoramic-x-ray/`; a few stage slugs are the patient's question: `/do-i-have-a-cavity/`,
`/am-i-a-candidate-for-dental-implants/`); aftercare lives in `/post-op-instructions/<treatment>/`
after surgery and `/aftercare/<treatment>/` otherwise. Dentists are
`/meet-dr-<last>/` ("Meet Dr. Priya Shah, DDS"; the second Dr. Shah is `/meet-dr-vikram-shah/`),
the two older offices `/<city>-dentist/` ("Dentist in Plano, TX"), the newer ones
`/locations/<city>/` (the old `/locations/plano/` redirects). Every condition books through
the online scheduler `/book-online/` (in every page's header); `/request-appointment/` is the
call-back form in the navigation. The blog is
`/blog/<slug>/` with `/blog/category/...`, `/blog/tag/...` and `/page/N/` pagination.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site
from archmodel.synth.schemes.archives import blog_index_pages, group_posts, link_to_archives, paged_archive
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, chrome_label, fixed_title, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Prairie Creek Dental & Oral Surgery"
SHORT_BRAND = "Prairie Creek Dental"

SPECIALTIES = [
    ("general-dentistry", "General dentistry", "general dentist", [("dental-cleanings", "Dental cleanings and exams")], [
        ("tooth-decay", "Tooth decay", ["cavities", "dental caries"], ("digital-x-rays", "Digital dental X-rays"),
         ("tooth-colored-fillings", "Tooth-colored fillings"), ["tooth-sensitivity"]),
        ("tooth-sensitivity", "Tooth sensitivity", ["sensitive teeth", "dentin hypersensitivity"], None,
         ("sensitive-teeth-treatment", "Sensitive teeth treatment"), ["gum-disease"]),
        ("teeth-grinding", "Teeth grinding", ["bruxism", "jaw clenching"], None,
         ("custom-night-guards", "Custom night guards"), ["tmj-disorder"]),
        ("cracked-tooth", "Cracked tooth", ["broken tooth", "fractured tooth"], ("intraoral-camera-exam", "Intraoral camera exam"),
         ("dental-crowns", "Same-day dental crowns"), []),
    ]),
    ("periodontics", "Periodontics", "periodontist", [("laser-gum-therapy", "LANAP laser gum therapy")], [
        ("gum-disease", "Gum disease", ["periodontal disease", "gingivitis", "periodontitis"],
         ("periodontal-exam", "Periodontal exam and charting"), ("gum-disease-treatment", "Gum disease treatment"), ["receding-gums"]),
        ("receding-gums", "Receding gums", ["gum recession"], None, ("gum-grafting", "Gum grafting"), []),
    ]),
    ("endodontics", "Endodontics", "endodontist", [("emergency-dentist", "Emergency dental care")], [
        ("tooth-infection", "Tooth infection", ["abscessed tooth", "dental abscess"], ("3d-cone-beam-ct", "3D cone beam CT scan"),
         ("root-canal-therapy", "Root canal therapy"), []),
        ("toothache", "Toothache", ["tooth pain"], ("pulp-vitality-testing", "Pulp vitality testing"),
         ("emergency-toothache-relief", "Emergency toothache relief"), ["tooth-infection"]),
    ]),
    ("oral-surgery", "Oral surgery", "oral surgeon", [("sedation-dentistry", "Sedation dentistry")], [
        ("impacted-wisdom-teeth", "Impacted wisdom teeth", ["wisdom tooth pain", "third molars"],
         ("panoramic-x-ray", "Panoramic X-ray"), ("wisdom-teeth-removal", "Wisdom teeth removal"), []),
        ("missing-teeth", "Missing teeth", ["tooth loss", "gap in teeth"], ("3d-implant-planning", "3D implant planning"),
         ("dental-implants", "Dental implants"), []),
        ("tmj-disorder", "TMJ disorder", ["TMD", "jaw pain", "temporomandibular joint disorder"], None,
         ("tmj-treatment", "TMJ treatment"), ["teeth-grinding"]),
        ("sleep-apnea", "Sleep apnea", ["obstructive sleep apnea", "snoring"], ("home-sleep-test", "Home sleep test"),
         ("oral-appliance-therapy", "Oral appliance therapy"), []),
    ]),
]
UNCOVERED = [
    ("dry-mouth", "Dry mouth", ["xerostomia"], None, ("dry-mouth-relief", "Dry mouth relief"), []),
    ("bad-breath", "Bad breath", ["halitosis"], None, ("bad-breath-treatment", "Bad breath treatment"), []),
]
HUB_TITLE = {"general-dentistry": "General & Family Dentistry", "periodontics": "Periodontics & Gum Care",
             "endodontics": "Endodontics (Root Canal Specialists)", "oral-surgery": "Oral & Maxillofacial Surgery"}
LOCATIONS = [("plano", "Plano", ["general-dentistry", "periodontics", "endodontics", "oral-surgery"]),
             ("frisco", "Frisco", ["general-dentistry", "periodontics", "oral-surgery"]),
             ("mckinney", "McKinney", ["general-dentistry", "endodontics"]),
             ("allen", "Allen", ["general-dentistry", "oral-surgery"])]
CITY_PAGES = {"plano", "frisco"}  # the older offices: /plano-dentist/
# id, name, credential, specialty, treats, locations
PEOPLE = [
    ("priya-shah", "Dr. Priya Shah", "DDS", "general-dentistry", ["tooth-decay", "tooth-sensitivity", "cracked-tooth", "dry-mouth"],
     ["plano", "allen"]),
    ("marcus-lee", "Dr. Marcus Lee", "DMD", "general-dentistry", ["teeth-grinding", "tooth-decay", "bad-breath"], ["frisco"]),
    ("hannah-cole", "Dr. Hannah Cole", "DDS", "general-dentistry", ["tooth-sensitivity", "cracked-tooth", "toothache"], ["mckinney"]),
    ("vikram-shah", "Dr. Vikram Shah", "DDS", "general-dentistry", ["teeth-grinding", "sleep-apnea"], ["allen", "virtual"]),
    ("rafael-ortiz", "Dr. Rafael Ortiz", "DDS, MS", "periodontics", ["gum-disease", "receding-gums"], ["plano", "frisco"]),
    ("anita-desai", "Dr. Anita Desai", "DMD", "endodontics", ["tooth-infection", "toothache", "cracked-tooth"], ["plano", "mckinney"]),
    ("brian-kowalski", "Dr. Brian Kowalski", "DDS, MD", "oral-surgery", ["impacted-wisdom-teeth", "missing-teeth"],
     ["frisco", "allen"]),
    ("lauren-greene", "Dr. Lauren Greene", "DMD", "oral-surgery", ["tmj-disorder", "sleep-apnea", "missing-teeth"],
     ["plano", "virtual"]),
]
CREDENTIAL = {pid: cred for pid, _, cred, *_ in PEOPLE}
ROLE = {"general-dentistry": "general dentist", "periodontics": "periodontist", "endodontics": "endodontist",
        "oral-surgery": "oral surgeon"}
ROLE_TITLE = {"general-dentistry": "Family Dentist", "periodontics": "Periodontist", "endodontics": "Endodontist",
              "oral-surgery": "Oral Surgeon"}
CATEGORY = {"general-dentistry": ("general-dentistry", "General Dentistry"), "periodontics": ("gum-health", "Gum Health"),
            "endodontics": ("root-canals", "Root Canals"), "oral-surgery": ("oral-surgery", "Oral Surgery"),
            None: ("oral-health-tips", "Oral Health Tips")}
# stage pages whose slug is not the condition's own (what patients type into a search box)
SIGNS = {"tooth-decay": "/signs-of-a-cavity/", "cracked-tooth": "/cracked-tooth-symptoms/", "toothache": "/toothache-symptoms/",
         "missing-teeth": "/problems-caused-by-missing-teeth/", "dry-mouth": "/dry-mouth-symptoms/"}
SIGNS_H1 = {"tooth-decay": "Signs of a Cavity", "cracked-tooth": "Cracked Tooth Symptoms", "toothache": "Toothache Symptoms",
            "missing-teeth": "Problems Caused by Missing Teeth", "dry-mouth": "Dry Mouth Symptoms"}
QUESTION = {
    "tooth-decay": ("/do-i-have-a-cavity/", "Do I Have a Cavity?"),
    "tooth-sensitivity": ("/why-are-my-teeth-sensitive/", "Why Are My Teeth Sensitive?"),
    "teeth-grinding": ("/am-i-grinding-my-teeth/", "Am I Grinding My Teeth at Night?"),
    "cracked-tooth": ("/do-i-have-a-cracked-tooth/", "Do I Have a Cracked Tooth?"),
    "gum-disease": ("/do-i-have-gum-disease/", "Do I Have Gum Disease?"),
    "receding-gums": ("/are-my-gums-receding/", "Are My Gums Receding?"),
    "tooth-infection": ("/do-i-have-a-tooth-infection/", "Do I Have a Tooth Infection?"),
    "toothache": ("/what-is-causing-my-toothache/", "What Is Causing My Toothache?"),
    "impacted-wisdom-teeth": ("/do-i-need-my-wisdom-teeth-removed/", "Do I Need My Wisdom Teeth Removed?"),
    "missing-teeth": ("/am-i-a-candidate-for-dental-implants/", "Am I a Candidate for Dental Implants?"),
    "tmj-disorder": ("/do-i-have-tmj/", "Do I Have TMJ?"),
    "sleep-apnea": ("/do-i-have-sleep-apnea/", "Do I Have Sleep Apnea?"),
    "dry-mouth": ("/why-is-my-mouth-always-dry/", "Why Is My Mouth Always Dry?"),
    "bad-breath": ("/what-causes-bad-breath/", "What Causes Bad Breath?"),
}
# the seed's general posts as a dental practice writes them (seed slug -> slug, title)
GENERAL_POSTS = {
    "how-to-choose-the-right-specialist": ("how-to-choose-a-family-dentist", "How to Choose a Family Dentist"),
    "preparing-for-a-telehealth-visit": ("what-to-expect-at-a-virtual-dental-consultation",
                                         "What to Expect at a Virtual Dental Consultation"),
    "what-medical-review-means-for-our-articles": ("how-our-dentists-review-our-articles", "How Our Dentists Review Our Articles"),
    "urgent-care-emergency-room-or-a-specialist-visit": ("dental-emergency-call-us-or-go-to-the-er",
                                                         "Dental Emergency: Call Us or Go to the ER?"),
    "understanding-your-lab-results": ("understanding-your-dental-x-rays", "Understanding Your Dental X-Rays"),
    "a-new-clinic-opens-its-doors": ("now-open-in-allen", "Now Open: Our New Allen Office"),
}
SURGICAL = {"wisdom-teeth-removal", "dental-implants", "gum-grafting", "root-canal-therapy", "gum-disease-treatment",
            "dental-crowns"}

FIXED = {
    m.HOME: ("/", f"Dentist in Plano, Frisco, McKinney & Allen, TX | {SHORT_BRAND}", "Your Family's Dental Home in North Texas"),
    m.SPECIALTIES_INDEX: ("/services/", "Dental Services", "Our Dental Services"),
    m.FIND: ("/meet-the-team/", "Meet Our Dentists", "Meet Our Dentists & Oral Surgeons"),
    m.APPOINTMENTS: ("/request-appointment/", "Request an Appointment", "Request an Appointment"),
    m.SECOND_OPINION: ("/book-online/", "Book Online", "Book Your Visit Online"),
    m.LOCATIONS_INDEX: ("/locations/", "Our Offices", "Our Offices"),
    m.TELEHEALTH: ("/virtual-consultation/", "Virtual Dental Consultation", "Virtual Consultations"),
    m.RESOURCES: ("/new-patients/", "New Patients", "New Patients"),
    m.LAB_PREP: ("/what-to-expect/", "Your First Visit: What to Expect", "Your First Visit"),
    m.LIBRARY: ("/dental-health-library/", "Dental Health Library", "Dental Health Library"),
    m.BLOG: ("/blog/", "Blog", "Prairie Creek Dental Blog"),
    m.BLOG_ARCHIVE: ("/blog/archives/", "Blog Archives", "Blog Archives"),
    m.PRIVACY: ("/privacy-policy/", "Privacy Policy", "Privacy Policy"),
    m.DISCLAIMER: ("/disclaimer/", "Disclaimer", "Website Disclaimer"),
    m.NON_EMERGENCY: ("/dental-emergency-or-er/", "Dental Emergency or ER? How to Decide", "Dental Emergency or ER?"),
    m.EDITORIAL: ("/content-review-policy/", "Our Content Review Policy", "How Our Dentists Review Our Content"),
    m.ABOUT: ("/about-us/", "About Us", f"About {SHORT_BRAND}"),
    m.CONTACT: ("/contact-us/", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers/", "Careers", "Join Our Team"),
    "/patient-portal/": ("/patient-portal/", "Patient Portal", "Patient Portal"),
    "/pay-a-bill/": ("/pay-online/", "Pay Your Bill Online", "Pay Online"),
    "/accessibility/": ("/accessibility/", "Accessibility", "Accessibility Statement"),
    "/blog/archive/2018/": ("/blog/2018/", "2018 Archives", "Year: 2018"),
    "/patients/insurance-coverage/": ("/insurance-and-financing/", "Dental Insurance & Financing", "Insurance & Financing"),
}
DROPPED = {"/medical-records/", "/price-transparency/", "/nondiscrimination-notice/", "/visitor-information/",
           "/newsroom/", "/volunteer/", "/give/"}


def entities() -> Site:
    people = [(pid, name, ROLE[sid], sid, treats, locs) for pid, name, _, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual consultations", (2019, 7))


def display(site: Site, pid: str) -> str:
    """'Dr. Priya Shah, DDS'."""
    return f"{site.providers[pid].name}, {CREDENTIAL[pid]}"


def provider_path(pid: str) -> str:
    last = pid.split("-")[-1]
    clash = sum(1 for other, *_ in PEOPLE if other.split("-")[-1] == last) > 1
    return f"/meet-dr-{pid}/" if clash and pid != "priya-shah" else f"/meet-dr-{last}/"


def location_path(lid: str) -> str:
    return f"/{lid}-dentist/" if lid in CITY_PAGES else f"/locations/{lid}/"


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": f"/{c.id}/", "symptoms": SIGNS.get(c.id, f"/signs-of-{c.id}/"), "diagnosis": QUESTION[c.id][0],
            "tests": f"/{c.test[0]}/", "treatment": f"/{c.treatment[0]}/",
            "follow_up": f"/{'post-op-instructions' if c.treatment[0] in SURGICAL else 'aftercare'}/{c.treatment[0]}/",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/{ref}/"
    if page.kind == "service":
        return f"/{ref}/"
    if page.kind == "provider":
        return provider_path(ref)
    if page.kind == "location":
        return location_path(ref)
    if page.kind == "blog":
        slug = site.post(ref).slug
        return f"/blog/{GENERAL_POSTS.get(slug, (slug,))[0]}/"
    return page.path


def post_title(post: BlogPost) -> str:
    return GENERAL_POSTS[post.slug][1] if post.slug in GENERAL_POSTS else title_case(post.title)


def category_heading(name: str, n: int, pages: int) -> tuple[str, str]:
    """(title, H1) of page `n` of category `name`'s archive."""
    return f"{name} Archives" + ("" if n == 1 else f" - Page {n}") + f" | {SHORT_BRAND}", f"Category: {name}"


def merge(site: Site) -> dict[str, str]:
    """Every condition books through the online scheduler (the seed's second-opinion page becomes it)."""
    return {c.stage_path("appointment"): m.SECOND_OPINION for c in site.conditions.values() if "appointment" in c.stages}


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {SHORT_BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name = title_case(c.name)
        treatment = title_case(c.treatment[1])
        t, h1 = {
            "overview": (pick(c.id, [f"{name} Treatment in Plano, TX", f"{name}: Causes, Symptoms & Treatment",
                                      f"What Causes {name}?"]), name),
            "symptoms": (f"{SIGNS_H1.get(c.id, 'Signs of ' + name)}: When to See a Dentist",
                         SIGNS_H1.get(c.id, f"Common Signs of {name}")),
            "diagnosis": (f"{QUESTION[c.id][1]} How Dentists Diagnose It", QUESTION[c.id][1]),
            "tests": (f"{title_case(c.test[1])} in Plano & Frisco", title_case(c.test[1])),
            "treatment": (f"{treatment} in Plano, Frisco & Allen", treatment),
            "follow_up": ((f"Post-Op Instructions: {treatment}", f"{treatment} Post-Op Instructions") if c.treatment[0] in SURGICAL
                          else (f"Aftercare Tips: {treatment}", f"{treatment} Aftercare")),
        }[page.stage or ""]
        return t + suffix, h1
    if page.kind == "hub":
        name = HUB_TITLE[ref]
        return f"{name} in Plano & Frisco, TX{suffix}", name
    if page.kind == "service":
        name = next(n for s in site.specialties for slug, n in s.services if slug == ref)
        return f"{title_case(name)}{suffix}", title_case(name)
    if page.kind == "provider":
        p = site.providers[ref]
        return f"Meet {display(site, ref)} - {ROLE_TITLE[p.specialty]}{suffix}", f"Meet {display(site, ref)}"
    if page.kind == "location":
        loc = site.locations[ref]
        if ref in CITY_PAGES:
            return f"Dentist in {loc.name}, TX{suffix}", f"Your {loc.name} Dentist"
        return f"{loc.name}, TX Dental Office{suffix}", f"{SHORT_BRAND} – {loc.name}"
    if page.kind == "blog":
        t = GENERAL_POSTS[ref][1] if ref in GENERAL_POSTS else title_case(site.post(ref).title)
        return t + suffix, t
    return seed_title(page, suffix, title_case)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.path == m.APPOINTMENTS or (target.kind == "stage" and target.stage == "appointment"):
        if position in ("Header", "Navigation"):
            return "Request Appointment"
        return pick(key, ["Request an appointment", "Request Appointment", "Schedule your visit", "schedule an exam"])
    if target.path == m.SECOND_OPINION:
        if position in CHROME_POSITIONS:
            return "Book Online"
        return pick(key, ["book online", "Book your visit online", "Schedule online", "book an exam online"])
    if target.kind == "provider":
        p = site.providers[target.ref or ""]
        shown = display(site, p.id)
        if is_review_credit(text):
            return pick(key, [f"Reviewed by {shown}", f"Dentally reviewed by {shown}"])
        last = p.name.split()[-1]
        short = p.name if target.ref == "vikram-shah" else f"Dr. {last}"
        return pick(key, [shown, f"Meet {short}", short, f"{short}'s bio"])
    if target.kind == "location":
        city = site.locations[target.ref or ""].name
        if position in ("Navigation", "Footer"):
            return f"{city}, TX"
        return pick(key, [f"{city} dentist", f"our {city} office", f"dentist in {city}", f"directions to our {city} office"])
    if target.kind == "telehealth":
        return "Virtual Consult" if position in ("Navigation", "Footer") else pick(key, ["virtual consultation",
                                                                                          "start a virtual consult"])
    if target.kind == "hub":
        return pick(key, [HUB_TITLE[target.ref or ""], title_case(site.specialty(target.ref).name)])  # type: ignore[union-attr]
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        if target.stage == "symptoms":
            return pick(key, [f"signs of {c.lname}", f"{c.lname} symptoms", text])
        if target.stage == "diagnosis":
            return pick(key, [QUESTION[c.id][1], "how we diagnose it", text])
        if target.stage == "follow_up":
            return pick(key, ["post-op instructions", "aftercare instructions", text])
    if target.kind == "blog" and target.ref in GENERAL_POSTS:
        return GENERAL_POSTS[target.ref][1]
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["meet our dentists", "our dental team", "meet the team"])
    if target.path == m.LAB_PREP:
        return pick(key, ["what to expect at your first visit", "your first visit", "first visit checklist"])
    if target.path == m.EDITORIAL:
        return pick(key, ["our content review policy", "how our dentists review our content"])
    return text


def extend(crawl: Crawl) -> None:
    """Blog archives and pagination, the online scheduler in the header, old URLs and broken links."""
    site = crawl.site
    live_posts = crawl.live_posts()
    by_category, by_tag = group_posts(crawl, live_posts, CATEGORY)
    names = {slug: name for slug, name in CATEGORY.values()}
    for slug, posts in by_category.items():
        paged_archive(crawl, f"/blog/category/{slug}/", names[slug], posts, 8, category_heading, post_title,
                      "Older posts", "Newer posts")
        crawl.add_link(m.BLOG, f"/blog/category/{slug}/", names[slug], "Sidebar")
    for cid, posts in by_tag.items():
        c = site.conditions[cid]
        path = f"/blog/tag/{cid}/"
        crawl.add_page(path, f"{title_case(c.name)} Archives | {SHORT_BRAND}", f"Tag: {title_case(c.name)}", sitemap=False,
                       noindex=True)
        for post in posts:
            crawl.add_link(path, crawl.new(post.path), post_title(post))
    for post in live_posts:
        link_to_archives(crawl, post, CATEGORY, "/blog/category/", "/blog/tag/")
    blog_index_pages(crawl, live_posts, 10, lambda n, _: f"Blog - Page {n} | {SHORT_BRAND}", "Prairie Creek Dental Blog",
                     post_title)
    # the header carries both booking buttons on every page
    scheduler = crawl.url("/book-online/")
    has = {row["Source"] for row in crawl.links if row["Destination"] == scheduler and row["Link Position"] == "Header"}
    for path, row in list(crawl.rows.items()):
        live_html = row["Status Code"] == "200" and row["Content Type"].startswith("text/html")
        if live_html and path != "/book-online/" and crawl.url(path) not in has:
            crawl.add_link(path, "/book-online/", "Book Online", "Header")
    # old URLs that redirect, and links nobody fixed
    crawl.add_page("/locations/plano/", status=301, redirect="/plano-dentist/")
    crawl.add_page("/locations/frisco/", status=301, redirect="/frisco-dentist/")
    crawl.add_page("/dr-shah/", status=301, redirect="/meet-dr-shah/")
    crawl.add_page("/services/dental-implants/", status=301, redirect="/dental-implants/")
    crawl.add_page("/specials/", status=404)
    crawl.add_page("/blog/invisalign-vs-braces/", status=404)
    old = sorted(live_posts, key=lambda p: p.date)
    crawl.add_link(crawl.new(old[0].path), "/locations/plano/", "our Plano office")
    crawl.add_link(crawl.new(old[1].path), "/locations/frisco/", "Frisco office")
    crawl.add_link(crawl.new(old[2].path), "/dr-shah/", "Dr. Shah")
    crawl.add_link(crawl.new(old[3].path), "/services/dental-implants/", "dental implants")
    crawl.add_link("/new-patients/", "/specials/", "new patient specials")
    crawl.add_link("/insurance-and-financing/", "/specials/", "current specials")
    crawl.add_link(crawl.new(old[4].path), "/blog/invisalign-vs-braces/", "Invisalign vs. braces")


TESTS = [c[3][0] for s in SPECIALTIES for c in s[4] if c[3]] + [c[3][0] for c in UNCOVERED if c[3]]
TREATMENTS = [c[4][0] for s in SPECIALTIES for c in s[4]] + [c[4][0] for c in UNCOVERED]
CONDITIONS = [c[0] for s in SPECIALTIES for c in s[4]] + [c[0] for c in UNCOVERED]

RULES = [
    ("/", "home"),
    ("/blog/category/**", "other"), ("/blog/tag/**", "other"), ("/blog/page/**", "other"), ("/blog/archives/", "other"),
    ("/blog/2018/", "other"), ("/blog/*/", "blog"),
] + [(path, "symptom") for path in SIGNS.values()] + [(path, "diagnosis") for path, _ in QUESTION.values()] + [
    ("/signs-of-{condition}/", "symptom"),
    ("/post-op-instructions/*/", "follow_up"), ("/aftercare/*/", "follow_up"),
] + [(f"/{slug}/", "test") for slug in TESTS] + [(f"/{slug}/", "treatment") for slug in TREATMENTS] + [
    (f"/{cid}/", "condition") for cid in CONDITIONS] + [
    ("/meet-dr-*/", "provider"),
    ("/general-dentistry/", "specialty_hub"), ("/periodontics/", "specialty_hub"), ("/endodontics/", "specialty_hub"),
    ("/oral-surgery/", "specialty_hub"),
    ("/dental-cleanings/", "service"), ("/laser-gum-therapy/", "service"), ("/emergency-dentist/", "service"),
    ("/sedation-dentistry/", "service"),
    ("/{location}-dentist/", "location"), ("/locations/{location}/", "location"),
    ("/virtual-consultation/", "telehealth"),
    ("/request-appointment/", "appointment"), ("/book-online/", "appointment"),
    ("/new-patients/", "resource_hub"), ("/what-to-expect/", "resource_hub"), ("/dental-health-library/", "resource_hub"),
    ("/privacy-policy/", "policy"), ("/disclaimer/", "policy"), ("/dental-emergency-or-er/", "policy"),
    ("/content-review-policy/", "policy"),
]

SCHEME = Rework(
    name="dental", site_name=BRAND, base_url="https://www.prairiecreekdental.example",
    alias="https://prairiecreekdental.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=71, merge=merge, drop=lambda site: set(DROPPED), extend=extend,
    comment="Every condition books through the scheduler /book-online/ (every page's header links to it; "
            "/request-appointment/ is a call-back form);\nthe two Dr. Shahs are /meet-dr-shah/ (Priya) and /meet-dr-vikram-shah/.",
)
SCHEMES[SCHEME.name] = SCHEME
