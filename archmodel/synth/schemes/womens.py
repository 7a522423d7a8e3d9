"""`womens-health`: Magnolia Women's Health, an OB/GYN and fertility group on a HubSpot-like CMS.

HubSpot paths: no trailing slash, titles "Page | Magnolia Women's Health", blog posts at `/blog/<slug>`
with tag archives `/blog/tag/<tag>`. Conditions are `/conditions/<condition>`, except the group's
gynecology showcase, which lives under the gynecology hub: `/gynecology/endometriosis`, `/gynecology/pcos`,
`/gynecology/fibroids`, `/gynecology/menopause` and `/gynecology/infertility` (the old `/conditions/...`
addresses of those five redirect there). Stage content is separate pages next to the condition:
`<condition>/symptoms` ("Endometriosis symptoms: what to watch for"), `<condition>/diagnosis`
("Endometriosis: how it's diagnosed"), `<condition>/treatment-options` ("Treatment options for fibroids"),
tests at `/tests/<test>` and recovery guides at `/recovery/<procedure>` ("After your hysterectomy:
recovery") for the procedures that have one. Fertility conditions book through `/fertility/schedule-a-consultation`,
everything else through `/request-an-appointment`. Providers are `/providers/<first>-<last>-<credential>`
("Dr. Naomi Adeyemi, MD, FACOG", certified nurse-midwives "CNM", nurse practitioners "WHNP-BC"), with a
"Meet our midwives" listing (`/providers/meet-our-midwives`) and a billing manager with a page under
`/providers/` who is no provider. Offices are `/offices/<city>` ("Our Westlake Office"). The pregnancy
section `/pregnancy/` has week-by-week articles (`/pregnancy/week-12`) and trimester guides that are not
conditions. Patient forms and billing pages sit under `/patients/`; one Spanish page
`/informacion-en-espanol` ("Información en español") has no mirror of the rest of the site.
"""

from __future__ import annotations

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Page, Site, slugify
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import (
    CHROME_POSITIONS, Crawl, Rework, anchor_key, fixed_title, is_review_credit, make_site, pick, seed_title, title_case,
)

BRAND = "Magnolia Women's Health"

SPECIALTIES = [
    ("gynecology", "Gynecology", "gynecologist", [("well-woman-exam", "Annual Well-Woman Exam"),
                                                  ("contraception-counseling", "Birth Control Counseling")], [
        ("endometriosis", "Endometriosis", ["endo", "endometrial implants"], ("diagnostic-laparoscopy", "Diagnostic laparoscopy"),
         ("laparoscopic-excision", "Laparoscopic excision surgery"), ["pelvic-pain", "infertility"]),
        ("pcos", "PCOS", ["polycystic ovary syndrome", "polycystic ovaries"], ("hormone-panel", "Hormone panel blood test"),
         ("pcos-management", "PCOS management program"), ["infertility"]),
        ("fibroids", "Uterine fibroids", ["fibroids", "leiomyoma", "myoma"], ("pelvic-ultrasound", "Pelvic ultrasound"),
         ("hysterectomy", "Hysterectomy"), []),
        ("menopause", "Menopause", ["perimenopause", "the change", "hot flashes"], None,
         ("menopause-hormone-therapy", "Menopausal hormone therapy"), []),
        ("abnormal-pap", "Abnormal Pap smear", ["abnormal cervical cells", "cervical dysplasia"], ("colposcopy", "Colposcopy"),
         ("leep", "LEEP procedure"), []),
    ]),
    ("fertility", "Fertility and reproductive medicine", "reproductive endocrinologist",
     [("egg-freezing", "Egg Freezing"), ("donor-egg-program", "Donor Egg Program")], [
        ("infertility", "Infertility", ["trouble getting pregnant", "subfertility"], ("fertility-testing", "Fertility testing"),
         ("ivf", "IVF (in vitro fertilization)"), ["pcos"]),
        ("recurrent-pregnancy-loss", "Recurrent pregnancy loss", ["recurrent miscarriage", "habitual abortion"],
         ("recurrent-loss-workup", "Recurrent loss evaluation"), ("progesterone-support", "Progesterone support"), []),
    ]),
    ("obstetrics", "Obstetrics", "obstetrician", [("4d-ultrasound", "3D/4D Ultrasound"), ("lactation-support", "Lactation Support")], [
        ("gestational-diabetes", "Gestational diabetes", ["GDM", "pregnancy diabetes"], ("glucose-tolerance-test", "Glucose tolerance test"),
         ("gestational-diabetes-care", "Gestational diabetes care plan"), ["preeclampsia"]),
        ("preeclampsia", "Preeclampsia", ["toxemia", "pregnancy-induced hypertension"], ("preeclampsia-screening", "Preeclampsia screening"),
         ("preeclampsia-monitoring", "High-risk pregnancy monitoring"), []),
        ("postpartum-depression", "Postpartum depression", ["PPD", "perinatal depression", "baby blues"], None,
         ("postpartum-mental-health-care", "Postpartum mental health care"), []),
    ]),
    ("urogynecology", "Urogynecology", "urogynecologist", [("pelvic-floor-therapy", "Pelvic Floor Therapy")], [
        ("pelvic-organ-prolapse", "Pelvic organ prolapse", ["prolapse", "dropped bladder", "cystocele"], ("urodynamic-testing", "Urodynamic testing"),
         ("prolapse-repair", "Prolapse repair surgery"), ["urinary-incontinence"]),
        ("urinary-incontinence", "Urinary incontinence", ["bladder leakage", "stress incontinence", "overactive bladder"], None,
         ("sling-procedure", "Midurethral sling procedure"), []),
    ]),
]
UNCOVERED = [
    ("pelvic-pain", "Chronic pelvic pain", ["pelvic pain", "CPP"], None, ("pelvic-pain-care", "Pelvic pain care"), []),
    ("bacterial-vaginosis", "Bacterial vaginosis", ["BV", "vaginal infection"], None, ("bv-treatment", "BV treatment"), []),
]
GYN_PATH = {"endometriosis": "endometriosis", "pcos": "pcos", "fibroids": "fibroids", "menopause": "menopause",
            "infertility": "infertility"}
# procedures with a recovery guide: condition -> (slug, "After your ...: recovery" name)
RECOVERY = {"fibroids": ("hysterectomy", "hysterectomy"), "endometriosis": ("laparoscopy", "laparoscopy"),
            "abnormal-pap": ("leep", "LEEP"), "infertility": ("egg-retrieval", "egg retrieval"),
            "pelvic-organ-prolapse": ("prolapse-surgery", "prolapse surgery"),
            "urinary-incontinence": ("sling-surgery", "sling surgery")}
HUB = {"gynecology": ("/gynecology", "Gynecology"), "fertility": ("/fertility", "Fertility Center"),
       "obstetrics": ("/obstetrics", "Obstetrics & Prenatal Care"), "urogynecology": ("/urogynecology", "Urogynecology & Pelvic Health")}
LOCATIONS = [("westlake", "Westlake", ["gynecology", "obstetrics", "fertility"]),
             ("cedar-park", "Cedar Park", ["gynecology", "obstetrics"]),
             ("round-rock", "Round Rock", ["gynecology", "urogynecology", "obstetrics"]),
             ("south-congress", "South Congress", ["fertility", "gynecology"]),
             ("georgetown", "Georgetown", ["obstetrics", "urogynecology"])]
# id, name (providers.csv), credentials, role, specialty, treats, locations
PEOPLE = [
    ("naomi-adeyemi", "Naomi Adeyemi", "MD, FACOG", "obstetrician-gynecologist", "gynecology",
     ["endometriosis", "fibroids", "pelvic-pain"], ["westlake", "round-rock"]),
    ("claire-whitman", "Claire Whitman", "MD, FACOG", "obstetrician-gynecologist", "gynecology",
     ["pcos", "menopause", "abnormal-pap"], ["cedar-park", "virtual"]),
    ("rafael-soto", "Rafael Soto", "DO, FACOOG", "obstetrician-gynecologist", "obstetrics",
     ["gestational-diabetes", "preeclampsia"], ["westlake", "georgetown"]),
    ("mei-lin-cho", "Mei-Lin Cho", "MD, FACOG", "reproductive endocrinologist", "fertility",
     ["infertility", "recurrent-pregnancy-loss", "pcos"], ["south-congress", "westlake"]),
    ("amara-okafor", "Amara Okafor", "MD", "reproductive endocrinologist", "fertility",
     ["infertility", "endometriosis"], ["south-congress", "virtual"]),
    ("helen-brandt", "Helen Brandt", "MD, FPMRS", "urogynecologist", "urogynecology",
     ["pelvic-organ-prolapse", "urinary-incontinence"], ["round-rock", "georgetown"]),
    ("grace-holloway", "Grace Holloway", "CNM", "certified nurse-midwife", "obstetrics",
     ["gestational-diabetes", "postpartum-depression"], ["westlake", "cedar-park"]),
    ("rosa-jimenez", "Rosa Jimenez", "CNM, MSN", "certified nurse-midwife", "obstetrics",
     ["postpartum-depression", "preeclampsia"], ["georgetown", "virtual"]),
    ("lauren-pike", "Lauren Pike", "WHNP-BC", "women's health nurse practitioner", "gynecology",
     ["abnormal-pap", "bacterial-vaginosis", "menopause"], ["cedar-park", "round-rock"]),
]
PERSON = {pid: (name, cred, role) for pid, name, cred, role, *_ in PEOPLE}
MIDWIVES = [pid for pid, *_ in PEOPLE if PERSON[pid][1].startswith("CNM")]
WEEKS = [4, 8, 12, 16, 20, 24, 28, 32, 36, 40]
TRIMESTERS = [("first-trimester", "Your First Trimester"), ("second-trimester", "Your Second Trimester"),
              ("third-trimester", "Your Third Trimester")]
GENERAL_POSTS = {
    "how-to-choose-the-right-specialist": ("how-to-choose-an-ob-gyn", "How to Choose an OB/GYN"),
    "preparing-for-a-telehealth-visit": ("what-to-expect-at-a-virtual-gyn-visit", "What to Expect at a Virtual GYN Visit"),
    "what-medical-review-means-for-our-articles": ("how-our-clinicians-review-our-blog", "How Our Clinicians Review Our Blog"),
    "urgent-care-emergency-room-or-a-specialist-visit": ("pregnancy-warning-signs-when-to-call",
                                                         "Pregnancy Warning Signs: When to Call Us or Go to the ER"),
    "understanding-your-lab-results": ("understanding-your-prenatal-lab-results", "Understanding Your Prenatal Lab Results"),
    "a-new-clinic-opens-its-doors": ("now-open-our-georgetown-office", "Now Open: Our Georgetown Office"),
}
POST_TITLES = {  # seed template -> title for condition posts
    "signs": "{n} Signs of {name} You Shouldn't Ignore",
    "living": "Living Well With {name}: Tips From Our OB/GYNs",
    "test": "{test}: 5 Questions to Ask Your Provider",
    "treatment": "Is {treatment} Right for You?",
    "myths": "{name} Myths, Busted",
}

FIXED = {
    m.HOME: ("/", f"OB/GYN, Midwifery & Fertility Care in Austin | {BRAND}", "Care for every stage of your life"),
    m.SPECIALTIES_INDEX: ("/services", "Our Services", "Our Services"),
    m.FIND: ("/providers", "Our Providers", "Meet Our Providers"),
    m.APPOINTMENTS: ("/request-an-appointment", "Request an Appointment", "Request an Appointment"),
    m.SECOND_OPINION: ("/second-opinion", "Second Opinions", "Get a Second Opinion"),
    m.LOCATIONS_INDEX: ("/offices", "Our Offices", "Our Offices"),
    m.TELEHEALTH: ("/virtual-visits", "Virtual Visits", "Virtual Visits"),
    m.RESOURCES: ("/patients", "Patient Resources", "Patient Resources"),
    m.LAB_PREP: ("/patients/forms", "Patient Forms", "New Patient Forms"),
    m.LIBRARY: ("/conditions", "Conditions We Treat", "Conditions We Treat"),
    m.BLOG: ("/blog", "Blog", "The Magnolia Blog"),
    m.BLOG_ARCHIVE: ("/blog/all", "All Posts", "All Posts"),
    m.PRIVACY: ("/privacy-policy", "Privacy Policy", "Notice of Privacy Practices"),
    m.DISCLAIMER: ("/medical-disclaimer", "Medical Disclaimer", "Medical Disclaimer"),
    m.NON_EMERGENCY: ("/when-to-go-to-labor-and-delivery", "When to Go to Labor & Delivery",
                      "When to Call Us, and When to Go to Labor & Delivery"),
    m.EDITORIAL: ("/our-content-review-process", "Our Content Review Process", "How Our Clinicians Review Our Content"),
    m.ABOUT: ("/about", "About Us", f"About {BRAND}"),
    m.CONTACT: ("/contact", "Contact Us", "Contact Us"),
    m.CAREERS: ("/careers", "Careers", "Join Our Team"),
    "/patient-portal/": ("/patient-portal", "Patient Portal", "Patient Portal"),
    "/pay-a-bill/": ("/patients/billing", "Billing & Payments", "Pay Your Bill"),
    "/medical-records/": ("/patients/medical-records", "Medical Records Requests", "Medical Records Requests"),
    "/price-transparency/": ("/patients/self-pay-pricing", "Self-Pay Pricing", "Self-Pay Pricing"),
    "/accessibility/": ("/accessibility", "Accessibility", "Accessibility Statement"),
    "/nondiscrimination-notice/": ("/nondiscrimination", "Nondiscrimination Notice", "Nondiscrimination Notice"),
    "/patients/insurance-coverage/": ("/patients/insurance", "Insurance We Accept", "Insurance We Accept"),
}
DROPPED = {"/visitor-information/", "/newsroom/", "/volunteer/", "/give/", "/blog/archive/2018/"}
CONTENT_ANCHORS = {
    m.LIBRARY: ["conditions we treat", "see all conditions"],
    m.BLOG: ["our blog", "more from the Magnolia blog"],
    m.EDITORIAL: ["our content review process", "how our clinicians review our content"],
    m.NON_EMERGENCY: ["when to go to Labor & Delivery", "pregnancy warning signs"],
    m.LAB_PREP: ["new patient forms", "fill out your forms before your visit"],
}


def entities() -> Site:
    people = [(pid, f"Dr. {name}" if cred.startswith(("MD", "DO")) else name, role, sid, treats, locs)
              for pid, name, cred, role, sid, treats, locs in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Virtual visits", (2021, 5))


def display(pid: str) -> str:
    """'Dr. Naomi Adeyemi, MD, FACOG', 'Grace Holloway, CNM'."""
    name, cred, _ = PERSON[pid]
    return f"Dr. {name}, {cred}" if cred.startswith(("MD", "DO")) else f"{name}, {cred}"


def low(name: str) -> str:
    """The condition's name inside a sentence: 'uterine fibroids', 'abnormal Pap smear', 'PCOS'."""
    return name if name[:2].isupper() else name[0].lower() + name[1:]


def short(pid: str) -> str:
    name, cred, _ = PERSON[pid]
    return f"Dr. {name.split()[-1]}" if cred.startswith(("MD", "DO")) else name.split()[0]


def provider_path(pid: str) -> str:
    name, cred, _ = PERSON[pid]
    return f"/providers/{slugify(name)}-{slugify(cred.split(',')[0])}"


def condition_path(cid: str) -> str:
    return f"/gynecology/{GYN_PATH[cid]}" if cid in GYN_PATH else f"/conditions/{cid}"


def post_slug_title(site: Site, post: BlogPost) -> tuple[str, str]:
    if post.slug in GENERAL_POSTS:
        return GENERAL_POSTS[post.slug]
    c = site.conditions[post.condition or ""]
    template = post.template if post.template in POST_TITLES else "living"
    text = POST_TITLES[template].format(n=3 + len(c.id) % 5, name=title_case(c.name), test=title_case(c.test[1]),
                                        treatment=title_case(c.treatment[1]))
    return slugify(text), text


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        base = condition_path(c.id)
        return {
            "overview": base,
            "symptoms": f"{base}/symptoms",
            "diagnosis": f"{base}/diagnosis",
            "tests": f"/tests/{c.test[0]}",
            "treatment": f"{base}/treatment-options",
            "follow_up": f"/recovery/{RECOVERY[c.id][0]}" if c.id in RECOVERY else f"{base}/follow-up",
            "appointment": "/fertility/schedule-a-consultation" if c.specialty == "fertility" else f"/appointments/{c.id}",
        }[page.stage or ""]
    if page.kind == "hub":
        return HUB[ref][0]
    if page.kind == "service":
        return f"/services/{ref}"
    if page.kind == "provider":
        return provider_path(ref)
    if page.kind == "location":
        return f"/offices/{ref}"
    if page.kind == "blog":
        return f"/blog/{post_slug_title(site, site.post(ref))[0]}"
    return page.path.rstrip("/") or "/"


def merge(site: Site) -> dict[str, str]:
    """Fertility books through one consultation page, every other condition through /request-an-appointment."""
    out = {m.SECOND_OPINION: m.APPOINTMENTS}
    fertility = [c for c in site.conditions.values() if c.specialty == "fertility" and "appointment" in c.stages]
    for c in fertility[1:]:
        out[c.stage_path("appointment")] = fertility[0].stage_path("appointment")
    for c in site.conditions.values():
        if "appointment" in c.stages and c.specialty != "fertility":
            out[c.stage_path("appointment")] = m.APPOINTMENTS
    return out


def drop(site: Site) -> set[str]:
    """Only procedures have a recovery guide."""
    out = set(DROPPED)
    for c in site.conditions.values():
        if "follow_up" in c.stages and c.id not in RECOVERY:
            out.add(c.stage_path("follow_up"))
    return out


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {BRAND}"
    if (fixed := fixed_title(FIXED, page, suffix)) is not None:
        return fixed
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        name, lname = title_case(c.name), low(c.name)
        if page.stage == "overview":
            h1 = name if c.id != "pcos" else "Polycystic Ovary Syndrome (PCOS)"
            return pick(c.id, [f"{h1}: Causes, Symptoms & Treatment", f"{h1} Care in Austin"]) + suffix, h1
        if page.stage == "symptoms":
            t = pick(c.id, [f"{c.name} symptoms: what to watch for", f"Signs and symptoms of {lname}"])
            return t + suffix, t
        if page.stage == "diagnosis":
            t = pick(c.id, [f"{c.name}: how it's diagnosed", f"Diagnosing {lname}"])
            return t + suffix, t
        if page.stage == "tests":
            t = title_case(c.test[1])
            return f"{t}: What to Expect{suffix}", t
        if page.stage == "treatment":
            t = f"Treatment options for {lname}"
            return t + suffix, t
        if page.stage == "follow_up":
            t = f"After your {RECOVERY[c.id][1]}: recovery"
            return t + suffix, f"After Your {title_case(RECOVERY[c.id][1])}: Recovery and What to Expect"
        if page.stage == "appointment":  # the fertility center's one consultation page
            return f"Schedule a Fertility Consultation{suffix}", "Schedule Your New Patient Fertility Consultation"
    if page.kind == "hub":
        return f"{HUB[ref][1]}{suffix}", HUB[ref][1]
    if page.kind == "service":
        name = next(n for s in site.specialties for sl, n in s.services if sl == ref)
        return f"{name}{suffix}", name
    if page.kind == "provider":
        return f"{display(ref)} | {title_case(PERSON[ref][2])}{suffix}", display(ref)
    if page.kind == "location":
        town = site.locations[ref].name
        return f"Our {town} Office | OB/GYN in {town}, TX{suffix}", f"Our {town} Office"
    if page.kind == "blog":
        t = post_slug_title(site, site.post(ref))[1]
        return f"{t}{suffix}", t
    return seed_title(page, suffix, title_case)


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    if target is None:
        return "ACOG patient resources" if text.startswith("CDC") else text
    key = anchor_key(source, target, text)
    nav = position in CHROME_POSITIONS
    if target.path in CONTENT_ANCHORS and not nav:
        return pick(key, CONTENT_ANCHORS[target.path])
    if target.path in (m.APPOINTMENTS, m.SECOND_OPINION) or (target.kind == "stage" and target.stage == "appointment"):
        if target.kind == "stage" and target.ref and site.conditions[target.ref].specialty == "fertility":
            return pick(key, ["Schedule a fertility consultation", "Book a consultation", "Talk to a fertility specialist"])
        return "Request an Appointment" if nav else pick(key, ["Request an appointment", "schedule a visit", "Book an appointment"])
    if target.kind == "provider":
        pid = target.ref or ""
        if is_review_credit(text):
            return pick(key, [f"Medically reviewed by {display(pid)}", f"Reviewed by {short(pid)}"])
        return pick(key, [display(pid), short(pid), f"Meet {short(pid)}", f"View {short(pid)}'s profile"])
    if target.kind == "location":
        town = site.locations[target.ref or ""].name
        return town if nav else pick(key, [f"our {town} office", f"{town} office", f"directions to our {town} office"])
    if target.kind == "telehealth":
        return "Virtual Visits" if nav else pick(key, ["virtual visits", "schedule a virtual visit"])
    if target.kind == "hub":
        return HUB[target.ref or ""][1]
    if target.kind == "stage":
        c = site.conditions[target.ref or ""]
        stage = target.stage or ""
        if stage == "overview":
            return pick(key, [title_case(c.name), low(c.name), f"about {low(c.name)}"])
        if stage == "symptoms":
            return pick(key, [f"symptoms of {low(c.name)}", "Symptoms", f"{low(c.name)} symptoms"])
        if stage == "diagnosis":
            return pick(key, [f"getting a diagnosis of {low(c.name)}", "Diagnosis", f"diagnosing {low(c.name)}"])
        if stage == "tests":
            return title_case(c.test[1])
        if stage == "treatment":
            return pick(key, [f"treatment options for {low(c.name)}", "Treatment options", title_case(c.treatment[1])])
        if stage == "follow_up":
            return pick(key, [f"recovering from {RECOVERY[c.id][1]}", f"after your {RECOVERY[c.id][1]}"])
    if target.kind == "blog":
        return post_slug_title(site, site.post(target.ref or ""))[1]
    if target.path in FIXED and nav:
        return FIXED[target.path][1]
    if target.path == m.FIND:
        return pick(key, ["meet our providers", "find an OB/GYN", "our providers"])
    return text.replace("specialist", "provider").replace("Specialist", "Provider")


def extend(crawl: Crawl) -> None:
    """Pregnancy section, midwives listing, Spanish page, forms, blog tags, a non-provider profile, redirects."""
    site = crawl.site
    # the pregnancy section: week-by-week and trimester guides (no conditions)
    crawl.add_page("/pregnancy", f"Pregnancy Week by Week | {BRAND}", "Your Pregnancy, Week by Week")
    crawl.add_link("/", "/pregnancy", "Pregnancy", "Navigation")
    crawl.add_link("/obstetrics", "/pregnancy", "Pregnancy week by week")
    for week in WEEKS:
        path = f"/pregnancy/week-{week}"
        crawl.add_page(path, f"{week} Weeks Pregnant: Your Baby's Development & Symptoms | {BRAND}", f"Week {week} of Pregnancy")
        crawl.add_link("/pregnancy", path, f"Week {week}")
        crawl.add_link(path, "/pregnancy", "All weeks", "Navigation")
        crawl.add_link(path, "/obstetrics", "Obstetrics & Prenatal Care")
        crawl.add_link(path, "/request-an-appointment", "Schedule your prenatal visit")
    for a, b in zip(WEEKS, WEEKS[1:]):
        crawl.add_link(f"/pregnancy/week-{a}", f"/pregnancy/week-{b}", f"Week {b}")
        crawl.add_link(f"/pregnancy/week-{b}", f"/pregnancy/week-{a}", f"Week {a}")
    for slug, label in TRIMESTERS:
        crawl.add_page(f"/pregnancy/{slug}", f"{label}: What to Expect | {BRAND}", label)
        crawl.add_link("/pregnancy", f"/pregnancy/{slug}", label)
    crawl.add_link("/pregnancy/week-24", crawl.new(site.conditions["gestational-diabetes"].overview), "gestational diabetes")
    crawl.add_link("/pregnancy/week-28", crawl.new(site.conditions["gestational-diabetes"].stage_path("tests")), "glucose tolerance test")
    crawl.add_link("/pregnancy/week-32", crawl.new(site.conditions["preeclampsia"].overview), "signs of preeclampsia")
    # meet our midwives
    crawl.add_page("/providers/meet-our-midwives", f"Meet Our Midwives | {BRAND}", "Meet Our Certified Nurse-Midwives")
    crawl.add_link("/providers", "/providers/meet-our-midwives", "Meet our midwives")
    crawl.add_link("/obstetrics", "/providers/meet-our-midwives", "our midwives")
    for pid in MIDWIVES:
        crawl.add_link("/providers/meet-our-midwives", provider_path(pid), display(pid))
    # a billing manager with a profile page under /providers/ who sees no patients
    crawl.add_page("/providers/denise-carter-cpc", f"Denise Carter, CPC | Billing Manager | {BRAND}", "Denise Carter, CPC")
    crawl.add_link("/patients/billing", "/providers/denise-carter-cpc", "Denise Carter, our billing manager")
    crawl.add_link("/providers/denise-carter-cpc", "/patients/billing", "Billing & Payments")
    # patient forms
    for slug, label in (("new-patient-registration", "New Patient Registration"), ("health-history", "Health History Form"),
                        ("obstetric-intake", "Obstetric Intake Form")):
        crawl.add_page(f"/patients/forms/{slug}", f"{label} | {BRAND}", label)
        crawl.add_link("/patients/forms", f"/patients/forms/{slug}", label)
    crawl.add_page("/patients/billing/financial-policy", f"Financial Policy | {BRAND}", "Financial Policy")
    crawl.add_link("/patients/billing", "/patients/billing/financial-policy", "our financial policy")
    # one Spanish page, no mirror
    crawl.add_page("/informacion-en-espanol", f"Información en español | {BRAND}", "Información en español")
    crawl.add_link("/", "/informacion-en-espanol", "Español", "Header")
    crawl.add_link("/informacion-en-espanol", "/request-an-appointment", "Pida una cita")
    crawl.add_link("/informacion-en-espanol", "/offices", "Nuestras oficinas")
    # HubSpot blog tag pages
    tags: dict[str, list[str]] = {}
    for post in site.posts:
        path = crawl.new(post.path)
        if not crawl.live(path):
            continue
        c = site.conditions.get(post.condition or "")
        tag = slugify(HUB[c.specialty][1]) if c and c.specialty else "womens-health"
        tags.setdefault(tag, []).append(path)
    for tag, posts in sorted(tags.items()):
        path = f"/blog/tag/{tag}"
        crawl.add_page(path, f"{BRAND} Blog | {tag.replace('-', ' ').title()}", None, noindex=True, sitemap=False)
        crawl.add_link("/blog", path, tag.replace("-", " ").title(), "Sidebar")
        for post in posts:
            crawl.add_link(post, path, tag.replace("-", " ").title())
            crawl.add_link(path, post, "Read more")
    # old condition URLs, and links nobody fixed
    for cid in GYN_PATH:
        crawl.add_page(f"/conditions/{cid}", status=301, redirect=condition_path(cid))
        crawl.add_link("/conditions", f"/conditions/{cid}", title_case(site.conditions[cid].name))
    posts = crawl.live_posts(oldest_first=True)
    crawl.add_page("/services/hcg-diet", status=404)
    crawl.add_page("/blog/covid-vaccine-and-pregnancy-2021", status=404)
    crawl.add_link(crawl.new(posts[0].path), "/blog/covid-vaccine-and-pregnancy-2021", "COVID vaccines in pregnancy")
    crawl.add_link("/services", "/services/hcg-diet", "Medical Weight Loss")


TESTS = sorted({c[3][0] for s in SPECIALTIES for c in s[4] if c[3]})
RULES = [
    ("/", "home"),
    ("/gynecology/*/symptoms", "symptom"), ("/conditions/*/symptoms", "symptom"),
    ("/gynecology/*/diagnosis", "diagnosis"), ("/conditions/*/diagnosis", "diagnosis"),
    ("/gynecology/*/treatment-options", "treatment"), ("/conditions/*/treatment-options", "treatment"),
    ("/conditions", "resource_hub"),
    ("/gynecology", "specialty_hub"), ("/fertility", "specialty_hub"), ("/obstetrics", "specialty_hub"),
    ("/urogynecology", "specialty_hub"),
    ("/gynecology/*", "condition"), ("/conditions/*", "condition"),
    ("/tests/*", "test"),
    ("/recovery/*", "follow_up"),
    ("/fertility/schedule-a-consultation", "appointment"), ("/request-an-appointment", "appointment"),
    ("/second-opinion", "appointment"),
    ("/services", "other"), ("/services/*", "service"),
    ("/providers/meet-our-midwives", "other"), ("/providers/denise-carter-cpc", "other"),
    ("/providers/*", "provider"),
    ("/offices/{location}", "location"),
    ("/virtual-visits", "telehealth"),
    ("/pregnancy", "resource_hub"), ("/pregnancy/*", "other"),
    ("/blog", "other"), ("/blog/all", "other"), ("/blog/tag/*", "other"), ("/blog/*", "blog"),
    ("/patients", "resource_hub"), ("/patients/forms", "resource_hub"),
    ("/privacy-policy", "policy"), ("/medical-disclaimer", "policy"), ("/when-to-go-to-labor-and-delivery", "policy"),
    ("/our-content-review-process", "policy"),
]

SCHEME = Rework(
    name="womens-health", site_name=BRAND, base_url="https://www.magnoliawomenshealth.example",
    alias="https://magnoliawomenshealth.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=101, merge=merge, drop=drop, extend=extend,
    externals={"https://www.cdc.gov/chronic-disease/": "https://www.acog.org/womens-health/faqs/"},
    comment="Five gynecology conditions live under /gynecology/ (their old /conditions/ URLs redirect); fertility conditions\n"
            "share /fertility/schedule-a-consultation, the others /request-an-appointment; only procedures have a\n"
            "/recovery/ page; /pregnancy/ week-by-week articles are not conditions; the midwives listing and the billing\n"
            "manager's page under /providers/ are not providers; /informacion-en-espanol is a single Spanish page.",
)
SCHEMES[SCHEME.name] = SCHEME
