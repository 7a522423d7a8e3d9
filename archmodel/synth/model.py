"""The fictional site as data: entities (specialties, conditions, providers, locations) and pages.

Both the seed profile and `archmodel synth` build a `Site`; pages are created from entities in
one place so both share URLs, titles and page types. Links are not stored here: they are made
per page, on demand, by `archmodel.synth.links`, so a 100,000-page site never holds its links.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

BASE_URL = "https://www.lakeside-health.example"
ALIAS_URL = "https://lakeside-health.example"
SITE_NAME = "Lakeside Health"

STAGE_TYPES = {
    "overview": "condition", "symptoms": "symptom", "diagnosis": "diagnosis", "tests": "test",
    "treatment": "treatment", "follow_up": "follow_up", "appointment": "appointment",
}
CLINICAL_TYPES = frozenset({"condition", "symptom", "diagnosis", "test", "treatment", "follow_up"})
NEXT_STEP_TYPES = frozenset({"appointment", "location", "telehealth", "provider"})

# Fixed pages every site has (path -> (kind, type, title)).
HOME = "/"
SPECIALTIES_INDEX = "/specialties/"
FIND = "/find-a-specialist/"
APPOINTMENTS = "/appointments/"
SECOND_OPINION = "/appointments/second-opinion/"
LOCATIONS_INDEX = "/locations/"
TELEHEALTH = "/telehealth/"
RESOURCES = "/resources/"
LAB_PREP = "/resources/lab-prep/"
LIBRARY = "/health-library/"
BLOG = "/blog/"
BLOG_ARCHIVE = "/blog/archive/"
PRIVACY = "/privacy/"
DISCLAIMER = "/medical-disclaimer/"
NON_EMERGENCY = "/non-emergency-care/"
EDITORIAL = "/editorial-policy/"
ABOUT = "/about/"
CONTACT = "/contact/"
CAREERS = "/careers/"
POLICY_PAGES = (DISCLAIMER, NON_EMERGENCY, PRIVACY)
# Utility pages a hospital footer links to besides the policies (path, title).
FOOTER_PAGES = (
    ("/patient-portal/", "Patient portal"), ("/pay-a-bill/", "Pay a bill"), ("/medical-records/", "Medical records"),
    ("/price-transparency/", "Price transparency"), ("/accessibility/", "Accessibility"),
    ("/nondiscrimination-notice/", "Nondiscrimination notice"), ("/visitor-information/", "Visitor information"),
    ("/newsroom/", "Newsroom"), ("/volunteer/", "Volunteer"), ("/give/", "Give to Lakeside"),
)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")


def stable_int(*parts: object) -> int:
    """A deterministic integer from any values (Python's hash() is salted per process)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def in_sentence(name: str) -> str:
    """'Heart failure' -> 'heart failure', but keep 'Parkinson's disease', 'Vitamin D deficiency'."""
    if "'" in name or any(ch.isupper() for ch in name[1:]):
        return name
    return name[0].lower() + name[1:]


@dataclass
class Specialty:
    id: str
    name: str
    title: str
    conditions: list[str]
    services: list[tuple[str, str]]

    @property
    def hub(self) -> str:
        return f"/specialties/{self.id}/"


@dataclass
class Condition:
    id: str
    name: str
    synonyms: list[str]
    specialty: str | None
    test: tuple[str, str]
    treatment: tuple[str, str]
    related: list[str]
    stages: tuple[str, ...]

    def stage_path(self, stage: str) -> str:
        return {
            "overview": f"/conditions/{self.id}/",
            "symptoms": f"/conditions/{self.id}/symptoms/",
            "diagnosis": f"/conditions/{self.id}/diagnosis/",
            "tests": f"/tests/{self.test[0]}/",
            "treatment": f"/treatments/{self.treatment[0]}/",
            "follow_up": f"/conditions/{self.id}/follow-up/",
            "appointment": f"/appointments/{self.id}-evaluation/",
        }[stage]

    @property
    def pages(self) -> dict[str, str]:
        return {stage: self.stage_path(stage) for stage in self.stages}

    @property
    def lname(self) -> str:
        return in_sentence(self.name)

    @property
    def overview(self) -> str:
        return self.stage_path("overview")


@dataclass
class Provider:
    id: str
    name: str
    title: str
    specialty: str
    treats: list[str]
    locations: list[str]

    @property
    def page(self) -> str:
        return f"/providers/{self.id}/"


@dataclass
class Location:
    id: str
    name: str
    specialties: list[str]
    telehealth: bool = False

    @property
    def page(self) -> str:
        return TELEHEALTH if self.telehealth else f"/locations/{self.id}/"


@dataclass
class BlogPost:
    slug: str
    title: str
    template: str
    condition: str | None
    date: str
    topic: str = ""  # for general posts: which next steps it points to

    @property
    def path(self) -> str:
        return f"/blog/{self.slug}/"


@dataclass
class Page:
    """One URL of the site: what it is, how it answers, and what the crawler saw."""

    path: str
    kind: str  # which link builder makes its links
    type: str  # page type as the site model's rules classify it
    title: str
    ref: str | None = None  # entity id or blog slug the page belongs to
    stage: str | None = None
    status: int = 200
    indexability_status: str = ""  # "", "noindex", "Canonicalised", "Redirected", "Client Error"
    canonical: str | None = None
    redirect_to: str | None = None
    crawled: bool = True
    sitemap: bool | None = None  # None: in the sitemap when live and indexable
    depth_hint: int | None = None

    @property
    def live(self) -> bool:
        return self.crawled and self.status == 200

    @property
    def indexable(self) -> bool:
        return self.status == 200 and not self.indexability_status

    @property
    def in_sitemap(self) -> bool:
        return self.sitemap if self.sitemap is not None else (self.crawled and self.indexable)

    @property
    def h1(self) -> str:
        return self.title.split(" | ")[0]


@dataclass
class Site:
    specialties: list[Specialty]
    conditions: dict[str, Condition]
    providers: dict[str, Provider]
    locations: dict[str, Location]
    posts: list[BlogPost]
    pages: dict[str, Page] = field(default_factory=dict)
    reviewer: dict[str, str] = field(default_factory=dict)  # condition id -> provider id
    nav_hubs: int = 3  # how many hubs the main navigation lists (the home page body links every hub)
    archive_posts: list[str] = field(default_factory=list)  # blog slugs only in the archive
    unlisted_posts: set[str] = field(default_factory=set)  # blog slugs no listing links to
    extra_resources: list[tuple[str, str, str, str]] = field(default_factory=list)  # (path, kind, title, type)

    def index(self) -> None:
        """Lookup tables for link building (call once the entities are final)."""
        self._treating: dict[str, list[Provider]] = {}
        self._practising: dict[str, list[Provider]] = {}
        self._at: dict[str, list[Provider]] = {}
        for p in self.providers.values():
            self._practising.setdefault(p.specialty, []).append(p)
            for cid in p.treats:
                self._treating.setdefault(cid, []).append(p)
            for lid in p.locations:
                self._at.setdefault(lid, []).append(p)
        self._posts_about: dict[str, list[BlogPost]] = {}
        self._post: dict[str, BlogPost] = {}
        for post in self.posts:
            self._post[post.slug] = post
            if post.condition:
                self._posts_about.setdefault(post.condition, []).append(post)
        self._specialty = {s.id: s for s in self.specialties}
        self._order = {cid: i for i, cid in enumerate(sorted(self.conditions))}

    def post(self, slug: str) -> BlogPost:
        return self._post[slug]

    def providers_at(self, lid: str) -> list[Provider]:
        return self._at.get(lid, [])

    def condition_order(self, cid: str) -> int:
        return self._order[cid]

    def add(self, page: Page) -> Page:
        if page.path in self.pages:
            raise ValueError(f"duplicate page {page.path}")
        self.pages[page.path] = page
        return page

    def page(self, path: str) -> Page | None:
        return self.pages.get(path)

    def live(self, path: str) -> bool:
        page = self.pages.get(path)
        return page is not None and page.live

    def crawled(self, path: str) -> bool:
        page = self.pages.get(path)
        return page is not None and page.crawled

    def specialty(self, sid: str | None) -> Specialty | None:
        if hasattr(self, "_specialty"):
            return self._specialty.get(sid or "")
        return next((s for s in self.specialties if s.id == sid), None)

    def providers_treating(self, cid: str) -> list[Provider]:
        if hasattr(self, "_treating"):
            return self._treating.get(cid, [])
        return [p for p in self.providers.values() if cid in p.treats]

    def providers_practising(self, sid: str) -> list[Provider]:
        if hasattr(self, "_practising"):
            return self._practising.get(sid, [])
        return [p for p in self.providers.values() if p.specialty == sid]

    def locations_offering(self, sid: str | None, telehealth: bool = False) -> list[Location]:
        return [loc for loc in self.locations.values()
                if loc.telehealth == telehealth and (sid is None or sid in loc.specialties)]

    def posts_about(self, cid: str) -> list[BlogPost]:
        if hasattr(self, "_posts_about"):
            return self._posts_about.get(cid, [])
        return [p for p in self.posts if p.condition == cid]

    def live_stages(self, condition: Condition) -> list[str]:
        return [stage for stage in condition.stages if self.live(condition.stage_path(stage))]

    def build_pages(self) -> None:
        """Create every page from the entities (ordered: structure first, then content)."""
        suffix = f" | {SITE_NAME}"
        fixed = [
            (HOME, "home", "home", f"{SITE_NAME}: specialist care close to home"),
            (SPECIALTIES_INDEX, "specialties_index", "other", "All specialties"),
            (FIND, "find", "appointment", "Find a specialist"),
            (APPOINTMENTS, "appointments", "appointment", "Book an appointment"),
            (SECOND_OPINION, "second_opinion", "appointment", "Get a second opinion"),
            (LOCATIONS_INDEX, "locations_index", "other", "Our locations"),
            (RESOURCES, "resources", "resource_hub", "Patient resources"),
            (LAB_PREP, "lab_prep", "resource_hub", "Preparing for lab tests"),
            (LIBRARY, "library", "other", "Health library A to Z"),
            (BLOG, "blog_index", "other", "Health blog"),
            (BLOG_ARCHIVE, "blog_archive", "other", "Blog archive"),
            (PRIVACY, "policy", "policy", "Privacy policy"),
            (DISCLAIMER, "policy", "policy", "Medical disclaimer"),
            (NON_EMERGENCY, "policy", "policy", "Non-emergency care guidance"),
            (EDITORIAL, "editorial", "policy", "Editorial policy and medical review"),
            (ABOUT, "about", "other", "About Lakeside Health"),
            (CONTACT, "contact", "other", "Contact us"),
            (CAREERS, "careers", "other", "Careers"),
        ]
        fixed += [(path, "utility", "other", title) for path, title in FOOTER_PAGES]
        for path, kind, ptype, title in fixed:
            self.add(Page(path, kind, ptype, title + suffix, depth_hint=1))
        self.pages[HOME].depth_hint = 0
        for specialty in self.specialties:
            self.add(Page(specialty.hub, "hub", "specialty_hub", f"{specialty.name} at {SITE_NAME}{suffix}",
                          ref=specialty.id, depth_hint=1))
            for slug, name in specialty.services:
                self.add(Page(f"/services/{slug}/", "service", "service", f"{name}{suffix}", ref=slug, depth_hint=2))
        for condition in self.conditions.values():
            titles = {
                "overview": f"{condition.name}: causes, care and specialists",
                "symptoms": f"Symptoms of {condition.lname}",
                "diagnosis": f"How {condition.lname} is diagnosed",
                "tests": condition.test[1],
                "treatment": condition.treatment[1],
                "follow_up": f"Follow-up care for {condition.lname}",
                "appointment": f"Book a {condition.lname} evaluation",
            }
            for stage in condition.stages:
                depth = 2 if stage in ("overview", "appointment") else 3
                self.add(Page(condition.stage_path(stage), "stage", STAGE_TYPES[stage], titles[stage] + suffix,
                              ref=condition.id, stage=stage, depth_hint=depth))
        for provider in self.providers.values():
            self.add(Page(provider.page, "provider", "provider", f"{provider.name}, {provider.title}{suffix}",
                          ref=provider.id, depth_hint=2))
        for location in self.locations.values():
            kind = "telehealth" if location.telehealth else "location"
            self.add(Page(location.page, kind, kind, f"{location.name}{suffix}", ref=location.id, depth_hint=1))
        for post in self.posts:
            self.add(Page(post.path, "blog", "blog", f"{post.title}{suffix}", ref=post.slug, depth_hint=3))
        for path, kind, title, ptype in self.extra_resources:
            self.add(Page(path, kind, ptype, f"{title}{suffix}", depth_hint=3))
