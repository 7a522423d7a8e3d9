"""`wordpress`: Hill Country Spine & Sports, a WordPress spine and sports-injury clinic near Austin.

Everything is a flat page at the root: conditions (`/sciatica/`), question-style stage pages
(`/sciatica-symptoms/`, `/how-is-sciatica-diagnosed/`, `/recovery-after-sciatica-treatment/`),
treatment overviews (`/sciatica-treatment/`), tests, services, specialty pages and clinic
locations (`/round-rock/`). Chiropractors and physicians have `/dr-first-last/` pages, therapists
`/team/first-last/`. `/contact/` is the booking page ("Schedule a consultation"). Blog posts use
date permalinks (`/2024/05/slug/`) with `/category/`, `/tag/`, `/author/` archives and
`/blog/page/N/` pagination; a couple of old URLs redirect and a couple of links are broken.
Titles are Yoast-style Title Case with "in Austin" and a "| Hill Country Spine & Sports" suffix.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site, in_sentence
from archmodel.synth.schemes.archives import blog_index_pages, group_posts, link_to_archives, paged_archive
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    Crawl, Rework, anchor_key, chrome_label, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Hill Country Spine & Sports"
CITY = "Austin"

SPECIALTIES = [
    ("chiropractic", "Chiropractic", "chiropractor", [("spinal-decompression", "Spinal decompression therapy")], [
        ("sciatica", "Sciatica", ["pinched nerve in the lower back", "shooting leg pain"],
         ("nerve-conduction-testing", "Nerve conduction testing"), ("sciatica-treatment", "Sciatica treatment"),
         ["herniated-disc"]),
        ("herniated-disc", "Herniated disc", ["slipped disc", "bulging disc"], ("spinal-mri-review", "Spinal MRI review"),
         ("herniated-disc-treatment", "Herniated disc treatment"), []),
        ("low-back-pain", "Low back pain", ["lumbar pain", "lower back strain"], None,
         ("low-back-pain-treatment", "Low back pain treatment"), ["sciatica"]),
        ("neck-pain", "Neck pain", ["stiff neck", "cervical pain"], None, ("neck-pain-treatment", "Neck pain treatment"),
         ["whiplash"]),
        ("whiplash", "Whiplash", ["neck sprain after a car accident"], ("digital-motion-x-ray", "Digital motion X-ray"),
         ("whiplash-treatment", "Whiplash treatment"), []),
        ("tension-headaches", "Tension headaches", ["stress headaches", "cervicogenic headache"], None,
         ("tension-headache-treatment", "Tension headache treatment"), []),
    ]),
    ("physical-therapy", "Physical therapy", "physical therapist", [("dry-needling", "Dry needling")], [
        ("rotator-cuff-tendinitis", "Rotator cuff tendinitis", ["shoulder tendinitis", "painful shoulder"],
         ("diagnostic-ultrasound", "Diagnostic musculoskeletal ultrasound"),
         ("rotator-cuff-tendinitis-treatment", "Rotator cuff tendinitis treatment"), ["frozen-shoulder"]),
        ("frozen-shoulder", "Frozen shoulder", ["adhesive capsulitis"], None,
         ("frozen-shoulder-treatment", "Frozen shoulder treatment"), []),
        ("plantar-fasciitis", "Plantar fasciitis", ["heel pain", "heel spur pain"], None,
         ("plantar-fasciitis-treatment", "Plantar fasciitis treatment"), []),
        ("knee-osteoarthritis", "Knee osteoarthritis", ["knee arthritis", "worn knee cartilage"], None,
         ("knee-osteoarthritis-treatment", "Knee osteoarthritis treatment"), ["runners-knee"]),
    ]),
    ("sports-medicine", "Sports medicine", "sports medicine physician", [("return-to-sport-program", "Return to sport program")], [
        ("runners-knee", "Runner's knee", ["patellofemoral pain syndrome", "pain around the kneecap"],
         ("running-gait-analysis", "Running gait analysis"), ("runners-knee-treatment", "Runner's knee treatment"),
         ["it-band-syndrome"]),
        ("ankle-sprain", "Ankle sprain", ["sprained ankle", "rolled ankle"], ("ankle-stability-testing", "Ankle stability testing"),
         ("ankle-sprain-treatment", "Ankle sprain treatment"), []),
        ("tennis-elbow", "Tennis elbow", ["lateral epicondylitis"], None, ("tennis-elbow-treatment", "Tennis elbow treatment"), []),
        ("it-band-syndrome", "IT band syndrome", ["iliotibial band syndrome", "outer knee pain in runners"], None,
         ("it-band-syndrome-treatment", "IT band syndrome treatment"), []),
    ]),
]
UNCOVERED = [("tmj-disorder", "TMJ disorder", ["jaw joint pain", "temporomandibular joint dysfunction"], None,
              ("tmj-treatment", "TMJ treatment"), [])]
HUB_TITLE = {"chiropractic": "Chiropractic Care"}
HUBS = {"chiropractic": "chiropractic-care", "physical-therapy": "physical-therapy", "sports-medicine": "sports-medicine"}
LOCATIONS = [("round-rock", "Round Rock", ["chiropractic", "physical-therapy", "sports-medicine"]),
             ("cedar-park", "Cedar Park", ["chiropractic", "physical-therapy"]),
             ("south-austin", "South Austin", ["chiropractic", "sports-medicine"]),
             ("georgetown", "Georgetown", ["physical-therapy"])]
# id, name, credential, specialty, treats, locations
PEOPLE = [
    ("jason-reyes", "Dr. Jason Reyes", "DC", "chiropractic", ["sciatica", "herniated-disc", "tmj-disorder"], ["round-rock", "cedar-park"]),
    ("emily-carter", "Dr. Emily Carter", "DC", "chiropractic", ["low-back-pain", "neck-pain"], ["cedar-park"]),
    ("marcus-bell", "Dr. Marcus Bell", "DC", "chiropractic", ["whiplash", "tension-headaches", "neck-pain"], ["south-austin"]),
    ("maria-lopez", "Maria Lopez", "DPT", "physical-therapy", ["rotator-cuff-tendinitis", "frozen-shoulder"], ["round-rock", "virtual"]),
    ("kevin-tran", "Kevin Tran", "PT, DPT", "physical-therapy", ["plantar-fasciitis", "knee-osteoarthritis"], ["georgetown"]),
    ("sarah-whitfield", "Sarah Whitfield", "DPT, OCS", "physical-therapy", ["knee-osteoarthritis", "frozen-shoulder"], ["cedar-park", "virtual"]),
    ("priya-nair", "Dr. Priya Nair", "MD", "sports-medicine", ["runners-knee", "ankle-sprain", "it-band-syndrome"], ["round-rock"]),
    ("daniel-brooks", "Dr. Daniel Brooks", "DO", "sports-medicine", ["tennis-elbow", "ankle-sprain"], ["south-austin", "virtual"]),
]
CREDENTIAL = {pid: cred for pid, _, cred, *_ in PEOPLE}
TITLES = {"chiropractic": "chiropractor", "physical-therapy": "physical therapist", "sports-medicine": "sports medicine physician"}
CATEGORY = {"chiropractic": ("back-pain", "Back Pain"), "physical-therapy": ("physical-therapy", "Physical Therapy"),
            "sports-medicine": ("sports-injuries", "Sports Injuries"), None: ("clinic-news", "Clinic News")}
AUTHOR_SLUG = {"jason-reyes": "drjreyes", "emily-carter": "ecarter", "marcus-bell": "drbell", "maria-lopez": "maria-lopez",
               "kevin-tran": "ktran", "sarah-whitfield": "swhitfield", "priya-nair": "drnair", "daniel-brooks": "dbrooks"}

FIXED = {
    m.HOME: ("/", f"Chiropractor & Physical Therapy in {CITY}, TX", "Austin's Spine & Sports Injury Experts"),
    m.SPECIALTIES_INDEX: ("/services/", "Our Services", "Our Services"),
    m.FIND: ("/team/", "Meet Our Team", "Meet Our Chiropractors & Physical Therapists"),
    m.LOCATIONS_INDEX: ("/locations/", "Our Locations", "Our Austin-Area Locations"),
    m.TELEHEALTH: ("/virtual-visits/", "Virtual Physical Therapy Visits", "Virtual Visits"),
    m.RESOURCES: ("/new-patients/", "New Patients", "New Patient Center"),
    m.LAB_PREP: ("/what-to-expect/", "What to Expect at Your First Visit", "What to Expect at Your First Visit"),
    m.LIBRARY: ("/conditions-we-treat/", "Conditions We Treat", "Conditions We Treat"),
    m.BLOG: ("/blog/", "Blog", "Spine & Sports Health Blog"),
    m.BLOG_ARCHIVE: ("/archives/", "Archives", "Blog Archives"),
    m.PRIVACY: ("/privacy-policy/", "Privacy Policy", "Privacy Policy"),
    m.DISCLAIMER: ("/medical-disclaimer/", "Medical Disclaimer", "Medical Disclaimer"),
    m.NON_EMERGENCY: ("/when-to-go-to-the-er/", "When to Go to the ER Instead", "When to Go to the ER Instead"),
    m.EDITORIAL: ("/medical-review-policy/", "Our Medical Review Policy", "Medical Review & Editorial Policy"),
    m.ABOUT: ("/about-us/", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact/", "Contact Us | Schedule a Consultation", "Schedule a Consultation"),
    m.CAREERS: ("/careers/", "Careers", "Join Our Team"),
    "/patient-portal/": ("/patient-portal/", "Patient Portal", "Patient Portal"),
    "/pay-a-bill/": ("/pay-your-bill/", "Pay Your Bill Online", "Pay Your Bill"),
    "/accessibility/": ("/accessibility/", "Accessibility Statement", "Accessibility Statement"),
    "/blog/archive/2018/": ("/2018/", "2018", "Year: 2018"),
    "/patients/insurance-coverage/": ("/insurance/", "Insurance & Payment Options", "Insurance & Payment Options"),
}
DROPPED = {m.SECOND_OPINION, "/medical-records/", "/price-transparency/", "/nondiscrimination-notice/",
           "/visitor-information/", "/newsroom/", "/volunteer/", "/give/"}


def entities() -> Site:
    people = [(pid, name, TITLES[sid], sid, treats, locs) for pid, name, _, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual visits", (2019, 6))


def display(site: Site, pid: str) -> str:
    """'Dr. Jason Reyes, DC', 'Maria Lopez, DPT'."""
    return f"{site.providers[pid].name}, {CREDENTIAL[pid]}"


def provider_path(pid: str) -> str:
    return f"/team/{pid}/" if CREDENTIAL[pid].startswith(("PT", "DPT")) else f"/dr-{pid}/"


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": f"/{c.id}/", "symptoms": f"/{c.id}-symptoms/", "diagnosis": f"/how-is-{c.id}-diagnosed/",
            "tests": f"/{c.test[0]}/", "treatment": f"/{c.treatment[0]}/",
            "follow_up": f"/recovery-after-{c.id}-treatment/",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/{HUBS[ref]}/"
    if page.kind == "service":
        return f"/{ref}/"
    if page.kind == "provider":
        return provider_path(ref)
    if page.kind == "location":
        return f"/{ref}/"
    if page.kind == "blog":
        post = site.post(ref)
        return f"/{post.date[:4]}/{post.date[5:7]}/{post.slug}/"
    return page.path


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {BRAND}"
    if page.path in FIXED:
        _, t, h1 = FIXED[page.path]
        return t + suffix, h1
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name = title_case(c.name)
        plural = c.id == "tension-headaches"
        t, h1 = {
            "overview": (pick(c.id, [f"{name} Treatment in {CITY}", f"{name}: Causes, Symptoms & Relief",
                                      f"{name} Chiropractor in {CITY}"]), name),
            "symptoms": (f"{name} Symptoms: What {'Do' if plural else 'Does'} {name} Feel Like?", f"{name} Symptoms"),
            "diagnosis": (f"How {'Are' if plural else 'Is'} {name} Diagnosed?", f"How {'Are' if plural else 'Is'} {name} Diagnosed?"),
            "tests": (f"{title_case(c.test[1])} in {CITY}", title_case(c.test[1])),
            "treatment": (f"{title_case(c.treatment[1])} Options in {CITY}", f"How We Treat {name}"),
            "follow_up": (f"Recovery After {name} Treatment: What to Expect", f"Recovery After {name} Treatment"),
        }[page.stage or ""]
        return t + suffix, h1
    if page.kind == "hub":
        sp = site.specialty(ref)
        assert sp is not None
        name = HUB_TITLE.get(sp.id, title_case(sp.name))
        return f"{name} in {CITY}, TX{suffix}", name
    if page.kind == "service":
        name = next(n for s in site.specialties for slug, n in s.services if slug == ref)
        return f"{title_case(name)} in {CITY}{suffix}", title_case(name)
    if page.kind == "provider":
        p = site.providers[ref]
        shown = display(site, ref)
        if CREDENTIAL[ref] in ("MD", "DO"):
            return f"{shown} - {title_case(in_sentence(site.specialty(p.specialty).name))}{suffix}", shown  # type: ignore[union-attr]
        return shown + suffix, shown
    if page.kind == "location":
        loc = site.locations[ref]
        t = pick(ref, [f"Our {loc.name} Location", f"Chiropractor in {loc.name}, TX"])
        return t + suffix, f"{BRAND} – {loc.name}"
    if page.kind == "blog":
        t = title_case(site.post(ref).title)
        return t + suffix, t
    return seed_title(page, suffix)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return text
    key = anchor_key(source, target, text)
    if target.path == m.CONTACT and position != "Footer":
        return pick(key, ["Schedule a consultation", "Schedule a Consultation", "Book your first visit",
                          "Request an appointment"])
    if target.path == m.CONTACT:
        return "Contact Us"
    if target.kind == "provider":
        p = site.providers[target.ref or ""]
        shown = display(site, p.id)
        if is_review_credit(text):
            return f"Medically reviewed by {shown}"
        last = p.name.split()[-1]
        short = f"Dr. {last}" if p.name.startswith("Dr.") else p.name.split()[0]
        return pick(key, [shown, p.name, f"meet {short}", f"{short}'s bio"])
    if target.kind in ("location",):
        loc = site.locations[target.ref or ""].name
        if position == "Navigation":
            return loc
        return pick(key, [loc, f"our {loc} office", f"{loc} chiropractor", f"directions to our {loc} office"])
    if target.kind == "telehealth":
        return "Virtual Visits" if position == "Navigation" else pick(key, ["virtual visits", "telehealth physical therapy",
                                                                             "see us by video"])
    if (label := chrome_label(FIXED, target, position)) is not None:
        return label
    if target.path == m.FIND:
        return pick(key, ["meet our team", "our chiropractors and therapists", "find a provider"])
    if target.path == m.LAB_PREP:
        return pick(key, ["what to expect at your first visit", "your first visit"])
    if target.path == m.EDITORIAL:
        return pick(key, ["our medical review policy", "how our content is reviewed"])
    return text


def post_title(post: BlogPost) -> str:
    return title_case(post.title)


def category_heading(name: str, n: int, pages: int) -> tuple[str, str]:
    """(title, H1) of page `n` of category `name`'s archive."""
    return f"{name} Archives" + ("" if n == 1 else f" - Page {n} of {pages}") + f" | {BRAND}", name


def merge(site: Site) -> dict[str, str]:
    out = {c.stage_path("appointment"): m.CONTACT for c in site.conditions.values() if "appointment" in c.stages}
    out[m.APPOINTMENTS] = m.CONTACT
    return out


def extend(crawl: Crawl) -> None:
    site = crawl.site
    live_posts = crawl.live_posts()
    by_category, by_tag = group_posts(crawl, live_posts, CATEGORY)
    by_author: dict[str, list] = {}
    for post in live_posts:
        c = site.conditions.get(post.condition or "")
        author = site.reviewer.get(c.id, "") if c else ""
        by_author.setdefault(AUTHOR_SLUG.get(author, "hcss-team"), []).append(post)
    names = {slug: name for slug, name in CATEGORY.values()}
    for slug, posts in by_category.items():
        paged_archive(crawl, f"/category/{slug}/", names[slug], posts, 10, category_heading, post_title,
                      "Next Page »", "« Previous Page")
    for cid, posts in by_tag.items():
        c = site.conditions[cid]
        crawl.add_page(f"/tag/{cid}/", f"{title_case(c.name)} Archives | {BRAND}", title_case(c.name), sitemap=False)
        for post in posts:
            crawl.add_link(f"/tag/{cid}/", crawl.new(post.path), post_title(post))
    for slug, posts in by_author.items():
        pid = next((p for p, s in AUTHOR_SLUG.items() if s == slug), None)
        shown = display(site, pid) if pid else f"{BRAND} Team"
        path = f"/author/{slug}/"
        crawl.add_page(path, f"{shown}, Author at {BRAND}", shown, sitemap=False)
        for post in posts:
            crawl.add_link(path, crawl.new(post.path), post_title(post))
        profile = crawl.live_path(site.providers[pid].page) if pid else None
        if profile:
            crawl.add_link(path, profile, "View full bio")
    for post in live_posts:
        link_to_archives(crawl, post, CATEGORY, "/category/", "/tag/")
        c = site.conditions.get(post.condition or "")
        author = AUTHOR_SLUG.get(site.reviewer.get(c.id, "") if c else "", "hcss-team")
        pid = next((p for p, s in AUTHOR_SLUG.items() if s == author), None)
        crawl.add_link(crawl.new(post.path), f"/author/{author}/", display(site, pid) if pid else f"{BRAND} Team")
    # the blog index pages through older posts
    if blog_index_pages(crawl, live_posts, 12, lambda n, pages: f"Blog - Page {n} of {pages} | {BRAND}",
                        "Spine & Sports Health Blog", post_title):
        crawl.add_link("/blog/", "/blog/page/2/", "2")
    # old URLs that redirect, and links nobody fixed
    crawl.add_page("/services/chiropractic/", status=301, redirect="/chiropractic-care/")
    crawl.add_page("/dr-emily-carter-dc/", status=301, redirect=crawl.new(site.providers["emily-carter"].page))
    crawl.add_page("/sciatica-exercises/", status=404)
    crawl.add_page("/new-patient-paperwork/", status=404)
    old = [p for p in sorted(live_posts, key=lambda p: p.date)]
    sciatica_post = next((p for p in old if p.condition == "sciatica"), old[0])
    crawl.add_link(crawl.new(old[0].path), "/services/chiropractic/", "chiropractic care")
    crawl.add_link(crawl.new(old[1].path), "/dr-emily-carter-dc/", "Dr. Emily Carter")
    crawl.add_link(crawl.new(sciatica_post.path), "/sciatica-exercises/", "sciatica stretches you can do at home")
    crawl.add_link("/insurance/", "/new-patient-paperwork/", "download the new patient paperwork")
    crawl.add_link("/what-to-expect/", "/new-patient-paperwork/", "new patient forms")


RULES = [
    ("/", "home"),
    ("/category/**", "other"), ("/tag/**", "other"), ("/author/**", "other"), ("/blog/**", "other"),
    ("/how-is-{condition}-diagnosed/", "diagnosis"),
    ("/recovery-after-{condition}-treatment/", "follow_up"),
    ("/{condition}-symptoms/", "symptom"),
    ("/tension-headache-treatment/", "treatment"), ("/tmj-treatment/", "treatment"),
    ("/{condition}-treatment/", "treatment"),
    ("/nerve-conduction-testing/", "test"), ("/spinal-mri-review/", "test"), ("/digital-motion-x-ray/", "test"),
    ("/diagnostic-ultrasound/", "test"), ("/running-gait-analysis/", "test"), ("/ankle-stability-testing/", "test"),
    ("/dr-{provider}/", "provider"), ("/team/{provider}/", "provider"),
    ("/chiropractic-care/", "specialty_hub"), ("/physical-therapy/", "specialty_hub"), ("/sports-medicine/", "specialty_hub"),
    ("/spinal-decompression/", "service"), ("/dry-needling/", "service"), ("/return-to-sport-program/", "service"),
    ("/round-rock/", "location"), ("/cedar-park/", "location"), ("/south-austin/", "location"), ("/georgetown/", "location"),
    ("/virtual-visits/", "telehealth"), ("/contact/", "appointment"),
    ("/new-patients/", "resource_hub"), ("/what-to-expect/", "resource_hub"),
    ("/privacy-policy/", "policy"), ("/medical-disclaimer/", "policy"), ("/when-to-go-to-the-er/", "policy"),
    ("/medical-review-policy/", "policy"),
    ("/*/*/*/", "blog"),
] + [(f"/{c[0]}/", "condition") for s in SPECIALTIES for c in s[4]] + [(f"/{c[0]}/", "condition") for c in UNCOVERED]

SCHEME = Rework(
    name="wordpress", site_name=BRAND, base_url="https://www.hillcountryspine.example",
    alias="https://hillcountryspine.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=23, merge=merge, drop=lambda site: set(DROPPED), extend=extend,
    comment="Every condition books through /contact/ (the clinic has no per-condition booking pages).",
)
SCHEMES[SCHEME.name] = SCHEME
