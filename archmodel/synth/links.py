"""The links of one page, made on demand: site-wide menus plus body links that follow the guidance.

Every page carries the same header, navigation and footer menus. Body links (Content, Aside,
Sidebar) follow the linking guidance: hubs link to their condition overviews and providers,
condition pages walk the care pathway, providers link to the conditions they treat and the
places they work, clinical pages link to their reviewer and the editorial policy, and so on.
Planted defects are `Directives` applied on top, so a defect is always a small, named change to
an otherwise clean page. Anchors rotate through descriptive variants per target, so no single
phrase dominates a page's inlinks unless a directive says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from archmodel.synth import model as m
from archmodel.synth.model import BlogPost, Condition, Page, Site, in_sentence

BODY = ("Content", "Aside", "Sidebar")


@dataclass(slots=True)
class Link:
    target: str  # a path on the site, or an absolute URL / mailto: / tel: for anything else
    anchor: str
    position: str
    follow: bool = True
    alt: str = ""
    kind: str = "Hyperlink"  # Screaming Frog "Type": Hyperlink, Image, CSS, JavaScript, Canonical
    raw: str | None = None  # how the href is written when it differs from the normalised target
    planted: bool = False  # added by a directive: kept as written, never deduplicated or renamed

    @property
    def internal(self) -> bool:
        return self.target.startswith("/")


@dataclass
class Directives:
    """Planted changes to otherwise clean pages (seed plants and synth sprinkles)."""

    drop: set[tuple[str, str]] = field(default_factory=set)  # (source, target) body links removed
    body_hidden: set[str] = field(default_factory=set)  # targets no page links to in the body
    anchor: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # -> (anchor, alt)
    fixed_anchor: dict[str, str] = field(default_factory=dict)  # target -> anchor of every body link
    extra: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    nofollow: set[tuple[str, str]] = field(default_factory=set)
    flags: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    reviewer: dict[str, str] = field(default_factory=dict)  # page -> provider linked as reviewer
    excluded_from_index: set[str] = field(default_factory=set)  # left off the appointments index
    raw: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, target) -> href as written


class AnchorPicker:
    """Rotates through anchor variants per target, deterministically in generation order."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)

    def pick(self, target: str, variants: list[str]) -> str:
        index = self.counts[target]
        self.counts[target] = index + 1
        return variants[index % len(variants)]


class LinkBuilder:
    def __init__(self, site: Site, directives: Directives) -> None:
        self.site = site
        self.d = directives
        self.anchors = AnchorPicker()
        site.index()
        self.service_info = {slug: (s, name) for s in site.specialties for slug, name in s.services}
        self.virtual = next(loc.id for loc in site.locations.values() if loc.telehealth)
        self.nav = self._nav()

    # -- site-wide menus -----------------------------------------------------------------------

    def _nav(self) -> list[Link]:
        s = self.site
        links = [
            Link(m.HOME, "", "Header", alt=f"{m.SITE_NAME} home"),
            Link(m.FIND, "Find a specialist", "Header"),
            Link(m.APPOINTMENTS, "Book an appointment", "Header"),
            Link(m.SECOND_OPINION, "Second opinion", "Header"),
        ]
        links += [Link(sp.hub, sp.name, "Navigation") for sp in s.specialties[: s.nav_hubs]]
        links.append(Link(m.SPECIALTIES_INDEX, "All specialties", "Navigation"))
        links.append(Link(m.LOCATIONS_INDEX, "Locations", "Navigation"))
        links += [Link(loc.page, loc.name, "Navigation") for loc in s.locations_offering(None)[:6]]
        links += [
            Link(m.TELEHEALTH, "Telehealth", "Navigation"),
            Link(m.RESOURCES, "Patient resources", "Navigation"),
            Link(m.BLOG, "Blog", "Navigation"),
            Link(m.ABOUT, "About us", "Footer"),
            Link(m.CONTACT, "Contact", "Footer"),
            Link(m.CAREERS, "Careers", "Footer"),
            Link(m.PRIVACY, "Privacy policy", "Footer"),
            Link(m.DISCLAIMER, "Medical disclaimer", "Footer"),
            Link(m.NON_EMERGENCY, "Non-emergency care", "Footer"),
            Link(m.EDITORIAL, "Editorial policy", "Footer"),
        ]
        links += [Link(path, title, "Footer") for path, title in m.FOOTER_PAGES]
        return links

    # -- anchors -------------------------------------------------------------------------------

    def a_overview(self, c: Condition) -> list[str]:
        syn = c.synonyms[0] if c.synonyms else c.lname
        return [c.name, f"{c.lname} care", f"about {c.lname}", syn, f"{c.name} overview", f"what is {c.lname}?"]

    def a_stage(self, c: Condition, stage: str) -> list[str]:
        n = c.lname
        test, test_l = c.test[1], in_sentence(c.test[1])
        return {
            "overview": self.a_overview(c),
            "symptoms": [f"symptoms of {n}", f"{n} symptoms", f"signs of {n}",
                         f"warning signs of {c.synonyms[0] if c.synonyms else n}"],
            "diagnosis": [f"how {n} is diagnosed", f"diagnosis of {n}", f"{n} diagnosis", f"getting a {n} diagnosis"],
            "tests": [test, f"the {test_l}", f"{test}: what to expect", f"preparing for the {test_l}"],
            "treatment": [f"treatment for {n}", c.treatment[1], f"{n} treatment options", f"how we treat {n}"],
            "follow_up": [f"care after {n} treatment", f"living with {n}", f"{n} follow-up care",
                          "follow-up visits and monitoring"],
            "appointment": [f"book a {n} evaluation", f"schedule a {n} visit", f"request a {n} appointment"],
        }[stage]

    def a_hub(self, sid: str) -> list[str]:
        sp = self.site.specialty(sid)
        assert sp is not None
        low = in_sentence(sp.name)
        return [sp.name, f"our {low} team", f"{sp.name} at {m.SITE_NAME}", f"{low} specialists", f"{low} care"]

    def a_provider(self, pid: str) -> list[str]:
        p = self.site.providers[pid]
        return [f"{p.name}, {p.title}", p.name, f"meet {p.name}", f"{p.title} {p.name}"]

    def a_reviewer(self, pid: str) -> list[str]:
        p = self.site.providers[pid]
        return [f"Medically reviewed by {p.name}", f"Reviewed by {p.name}, {p.title}", f"Clinical review: {p.name}"]

    def a_location(self, lid: str) -> list[str]:
        loc = self.site.locations[lid]
        if loc.telehealth:
            return ["telehealth", "virtual visits", "see a specialist by video", "telehealth options",
                    "video visits from home"]
        return [loc.name, f"our {loc.name}", f"visit {loc.name}", f"directions to {loc.name}"]

    # -- the page ------------------------------------------------------------------------------

    def links(self, page: Page) -> list[Link]:
        """All links of a page in document order: header and navigation, body, footer."""
        if not page.crawled or page.status != 200 or page.kind in ("redirect", "error"):
            return []
        flags = self.d.flags.get(page.path, set())
        body = self._body(page, flags)
        body = self._apply(page, body)
        nav = [] if "legacy" in flags else [
            Link(x.target, x.anchor, x.position, x.follow, x.alt) for x in self.nav
        ]
        head = [x for x in nav if x.position != "Footer"]
        foot = [x for x in nav if x.position == "Footer"]
        for link in head + foot:
            if (page.path, link.target) in self.d.nofollow:
                link.follow = False
        return head + body + foot + self._resources(page)

    def _apply(self, page: Page, body: list[Link]) -> list[Link]:
        out: list[Link] = []
        seen: set[str] = set()
        for link in body + list(self.d.extra.get(page.path, [])):
            key = (page.path, link.target)
            if link.internal and link.kind == "Hyperlink":
                target_page = self.site.page(link.target)
                if target_page is None or not target_page.crawled:
                    continue
                if not link.planted:
                    if key in self.d.drop or link.target in self.d.body_hidden or link.target in seen:
                        continue
                    if link.target in self.d.fixed_anchor:
                        link.anchor = self.d.fixed_anchor[link.target]
                seen.add(link.target)
            if key in self.d.anchor:
                link.anchor, link.alt = self.d.anchor[key]
            if key in self.d.raw:
                link.raw = self.d.raw[key]
            if key in self.d.nofollow:
                link.follow = False
            out.append(link)
        return out

    def _resources(self, page: Page) -> list[Link]:
        """Non-hyperlink rows (stylesheets, scripts, images, canonicals) a crawler records too."""
        out: list[Link] = []
        if page.kind in ("home", "hub"):
            out += [Link("/assets/css/site.css", "", "Head", kind="CSS"),
                    Link("/assets/js/site.js", "", "Head", kind="JavaScript"),
                    Link("/assets/img/hero.jpg", "", "Content", kind="Image", alt=page.h1)]
        if page.canonical:
            out.append(Link(page.canonical, "", "Head", kind="Canonical"))
        return out

    def _body(self, page: Page, flags: set[str]) -> list[Link]:
        builder = getattr(self, f"_body_{page.kind}")
        links: list[Link] = builder(page, flags)
        if page.path in self.d.reviewer:
            pid = self.d.reviewer[page.path]
            links = [x for x in links if not (x.position == "Aside" and x.target.startswith("/providers/"))]
            links.append(Link(f"/providers/{pid}/", self.anchors.pick(f"/providers/{pid}/", self.a_reviewer(pid)), "Aside"))
        if "dead_end" in flags:
            links = [x for x in links if not self._is_next_step(x.target)]
        return links

    def _is_next_step(self, target: str) -> bool:
        page = self.site.page(target)
        return page is not None and page.type in m.NEXT_STEP_TYPES

    def L(self, target: str, variants: list[str], position: str = "Content") -> Link:
        return Link(target, self.anchors.pick(target, variants), position)

    # -- builders per kind ---------------------------------------------------------------------

    def _body_home(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        out = [self.L(sp.hub, self.a_hub(sp.id)) for sp in s.specialties]
        out.append(self.L(m.FIND, ["find a specialist near you"]))
        out.append(self.L(m.APPOINTMENTS, ["book an appointment online"]))
        out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        for sp in s.specialties[:3]:
            c = s.conditions[sp.conditions[1 % len(sp.conditions)]]
            out.append(self.L(c.overview, self.a_overview(c)))
        out.append(self.L(m.BLOG, ["health news and tips"]))
        return out

    def _virtual(self) -> str:
        return self.virtual

    def _body_specialties_index(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(sp.hub, self.a_hub(sp.id)) for sp in self.site.specialties]

    def _body_hub(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        sp = s.specialty(page.ref)
        assert sp is not None
        out = []
        for cid in sp.conditions:
            c = s.conditions[cid]
            out.append(self.L(c.overview, self.a_overview(c)))
        for cid in sp.conditions:
            c = s.conditions[cid]
            out += [self.L(c.stage_path(st), self.a_stage(c, st)) for st in ("diagnosis", "treatment") if st in c.stages]
            if "appointment" in c.stages and c.stage_path("appointment") not in self.d.excluded_from_index:
                out.append(self.L(c.stage_path("appointment"), self.a_stage(c, "appointment")))
        out += [self.L(p.page, self.a_provider(p.id)) for p in s.providers_practising(sp.id)]
        out += [self.L(f"/services/{slug}/", [name, f"our {in_sentence(name)}"]) for slug, name in sp.services]
        if "no_location" not in flags:
            out += [self.L(loc.page, self.a_location(loc.id)) for loc in s.locations_offering(sp.id)]
            out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        out.append(self.L(m.FIND, [f"find a {sp.title}", "find a specialist", "search our specialists"]))
        return out

    def _reviewer_links(self, page: Page, c: Condition, flags: set[str]) -> list[Link]:
        out = []
        pid = self.site.reviewer.get(c.id)
        if pid and "no_reviewer" not in flags:
            out.append(self.L(f"/providers/{pid}/", self.a_reviewer(pid), "Aside"))
        if "no_editorial" not in flags and "legacy" not in flags:
            out.append(self.L(m.EDITORIAL, ["our editorial policy", "how we review medical content",
                                            "medical review process", "editorial standards"], "Aside"))
        return out

    def _body_stage(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        c = s.conditions[page.ref or ""]
        stage = page.stage or ""
        if stage == "overview":
            return self._overview(page, c, flags)
        if stage == "appointment":
            return self._appointment(page, c, flags)
        out: list[Link] = []
        order = list(c.stages)
        following = order[order.index(stage) + 1:]
        if following:
            out.append(self.L(c.stage_path(following[0]), self.a_stage(c, following[0])))
            if not s.live(c.stage_path(following[0])):
                nxt = next((st for st in following if s.live(c.stage_path(st))), None)
                if nxt:
                    out.append(self.L(c.stage_path(nxt), self.a_stage(c, nxt)))
        if stage in ("symptoms", "follow_up"):
            out.append(self.L(c.overview, self.a_overview(c)))
        if stage == "tests":
            out.append(self.L(m.LAB_PREP, ["how to prepare for lab tests", "getting ready for blood work",
                                           "lab preparation guide"]))
        if stage == "treatment":
            if "tests" in c.stages:
                out.append(self.L(c.stage_path("tests"), self.a_stage(c, "tests")))
            if c.specialty:
                out.append(self.L(s.specialty(c.specialty).hub, self.a_hub(c.specialty)))  # type: ignore[union-attr]
            for p in [p for p in s.providers_treating(c.id) if s.crawled(p.page)][:2]:
                out.append(self.L(p.page, self.a_provider(p.id)))
        if "no_sidebar" not in flags and "legacy" not in flags:
            for key in ("overview", "diagnosis", "treatment", "appointment"):
                if key in c.stages and key != stage:
                    out.append(self.L(c.stage_path(key), self.a_stage(c, key), "Sidebar"))
        out += self._reviewer_links(page, c, flags)
        return out

    def _overview(self, page: Page, c: Condition, flags: set[str]) -> list[Link]:
        s = self.site
        out = [self.L(c.stage_path(st), self.a_stage(c, st)) for st in c.stages if st != "overview"]
        related = list(c.related) + [o.id for o in s.conditions.values() if c.id in o.related and o.id not in c.related]
        out += [self.L(s.conditions[r].overview, self.a_overview(s.conditions[r])) for r in related]
        out += [self.L(p.page, self.a_provider(p.id)) for p in [p for p in s.providers_treating(c.id) if s.crawled(p.page)][:4]]
        if c.specialty:
            out.append(self.L(s.specialty(c.specialty).hub, self.a_hub(c.specialty)))  # type: ignore[union-attr]
        if "no_location" not in flags:
            places = [loc for loc in s.locations_offering(c.specialty) if loc.page not in self.d.body_hidden]
            if places:
                loc = places[s.condition_order(c.id) % len(places)]
                out.append(self.L(loc.page, self.a_location(loc.id)))
            out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        for post in s.posts_about(c.id):
            if post.slug not in s.archive_posts and post.slug not in s.unlisted_posts:
                out.append(self.L(post.path, [post.title], "Aside"))
        out += self._reviewer_links(page, c, flags)
        return out

    def _appointment(self, page: Page, c: Condition, flags: set[str]) -> list[Link]:
        s = self.site
        out = [self.L(c.overview, self.a_overview(c))]
        out += [self.L(p.page, self.a_provider(p.id)) for p in [p for p in s.providers_treating(c.id) if s.crawled(p.page)][:3]]
        places = [loc for loc in s.locations_offering(c.specialty) if loc.page not in self.d.body_hidden][:2]
        out += [self.L(loc.page, self.a_location(loc.id)) for loc in places]
        out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        out.append(self.L(m.FIND, ["find a specialist", "search our specialists"]))
        return out

    def _body_provider(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        p = s.providers[page.ref or ""]
        out = [self.L(s.conditions[cid].overview, self.a_overview(s.conditions[cid])) for cid in p.treats]
        out.append(self.L(s.specialty(p.specialty).hub, self.a_hub(p.specialty)))  # type: ignore[union-attr]
        out += [self.L(s.locations[lid].page, self.a_location(lid)) for lid in p.locations]
        out.append(self.L(m.APPOINTMENTS, ["book an appointment", "request an appointment", "schedule a visit"]))
        return out

    def _body_location(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        loc = s.locations[page.ref or ""]
        out = [self.L(s.specialty(sid).hub, [f"{s.specialty(sid).name} at {loc.name}"])  # type: ignore[union-attr]
               for sid in loc.specialties]
        out += [self.L(p.page, self.a_provider(p.id)) for p in s.providers_at(loc.id) if s.crawled(p.page)][:40]
        out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        out.append(Link("tel:+15555550100", "555-555-0100", "Content"))
        out.append(Link(f"https://maps.example.com/?q={loc.id}", f"Map and directions to {loc.name}", "Content"))
        return out

    def _body_telehealth(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        loc = s.locations[page.ref or ""]
        out = [self.L(s.specialty(sid).hub, [f"{s.specialty(sid).name} by video"])  # type: ignore[union-attr]
               for sid in loc.specialties]
        out += [self.L(p.page, self.a_provider(p.id)) for p in s.providers_at(loc.id) if s.crawled(p.page)][:40]
        out.append(self.L(m.APPOINTMENTS, ["book a video visit", "schedule a telehealth appointment"]))
        out.append(self.L(m.FIND, ["find a specialist", "search our specialists"]))
        return out

    def _body_locations_index(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        return [self.L(loc.page, self.a_location(loc.id)) for loc in s.locations.values()]

    def _body_find(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        out = [self.L(p.page, self.a_provider(p.id)) for p in s.providers.values() if s.crawled(p.page)]
        return out + [self.L(sp.hub, self.a_hub(sp.id)) for sp in s.specialties]

    def _body_appointments(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        out = []
        for c in s.conditions.values():
            path = c.stage_path("appointment")
            if "appointment" in c.stages and path not in self.d.excluded_from_index:
                out.append(self.L(path, self.a_stage(c, "appointment")))
        out.append(self.L(m.FIND, ["find a specialist first", "search our specialists"]))
        out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        return out

    def _body_second_opinion(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.FIND, ["find a specialist"]), self.L(m.TELEHEALTH, self.a_location(self._virtual())),
                self.L(m.APPOINTMENTS, ["request an appointment"])]

    def _body_resources(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        out = [self.L(c.overview, self.a_overview(c)) for c in s.conditions.values()]
        for c in [c for c in s.conditions.values() if c.specialty][:30]:
            out += [self.L(c.stage_path(st), self.a_stage(c, st)) for st in ("diagnosis", "treatment") if st in c.stages]
        out.append(self.L(m.LIBRARY, ["health library A to Z"]))
        out.append(self.L(m.LAB_PREP, ["preparing for lab tests"]))
        out += [self.L(path, [title]) for path, kind, title, _ in s.extra_resources if kind == "resource_page"]
        out.append(self.L(m.FIND, ["find a specialist"]))
        return out

    def _body_lab_prep(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        conditions = list(s.conditions.values())
        out = [self.L(c.stage_path("tests"), self.a_stage(c, "tests")) for c in conditions[:60] if "tests" in c.stages]
        out += [self.L(c.overview, self.a_overview(c)) for c in conditions[:3]]
        out.append(self.L(m.FIND, ["find a specialist"]))
        return out

    def _body_library(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        out = []
        for cid in sorted(s.conditions)[:40]:
            c = s.conditions[cid]
            for st in c.stages:
                path = c.stage_path(st)
                if st != "appointment" and s.live(path):
                    out.append(self.L(path, self.a_stage(c, st)))
        return out

    def _body_blog_index(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        hidden = set(s.archive_posts) | s.unlisted_posts
        listed = [p for p in s.posts if p.template == "general" and p.slug not in hidden]
        listed += [p for p in reversed(s.posts) if p.template != "general" and p.slug not in hidden]
        out = [self.L(p.path, [p.title]) for p in listed[:30]]
        out.append(self.L(m.BLOG_ARCHIVE, ["older posts"]))
        return out

    def _body_blog_archive(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(path, [title]) for path, kind, title, _ in self.site.extra_resources if kind == "blog_archive_year"]

    def _body_blog_archive_year(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        return [self.L(p.path, [p.title]) for p in s.posts if p.slug in s.archive_posts]

    def _body_resource_page(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.FIND, ["find a specialist"]), self.L(m.CONTACT, ["contact our billing office"])]

    def _body_blog(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        post = s.post(page.ref or "")
        out: list[Link] = []
        if post.condition is None:
            out += self._general_post(post)
        else:
            c = s.conditions[post.condition]

            def stage(st: str, fallback: str = "overview") -> str:
                return st if st in c.stages and s.crawled(c.stage_path(st)) else fallback

            treating = [p for p in s.providers_treating(c.id) if s.crawled(p.page)]
            next_step = (c.stage_path("appointment"), self.a_stage(c, "appointment")) if "appointment" in c.stages \
                else (m.FIND, ["find a specialist"])
            plan = {
                "signs": [stage("symptoms"), "overview"],
                "living": [stage("follow_up", stage("treatment")), "overview"],
                "test": [stage("tests"), stage("diagnosis", "tests"), "overview"],
                "treatment": [stage("treatment"), "overview"],
            }.get(post.template, ["overview", stage("symptoms")])
            for st in dict.fromkeys(plan):
                out.append(self.L(c.stage_path(st), self.a_stage(c, st)))
            if post.template == "living" and treating:
                p = treating[stable_pick(post.slug, len(treating))]
                out.append(self.L(p.page, self.a_provider(p.id)))
            elif post.template == "test":
                out.append(self.L(m.FIND, ["find a specialist", "search our specialists"]))
            else:
                out.append(self.L(next_step[0], next_step[1]))
        if stable_pick(post.slug, 3) == 0:
            out.append(Link("https://www.cdc.gov/chronic-disease/", "CDC guidance on chronic disease", "Content"))
        return out

    def _general_post(self, post: BlogPost) -> list[Link]:
        s = self.site
        table = {
            "choose": [(m.FIND, ["find a specialist", "search our specialists"])]
            + [(sp.hub, self.a_hub(sp.id)) for sp in s.specialties[:3]],
            "telehealth": [(m.TELEHEALTH, self.a_location(self._virtual())), (m.APPOINTMENTS, ["book a video visit"])],
            "review": [(m.EDITORIAL, ["our editorial policy"]), (m.FIND, ["meet our clinical reviewers"])],
            "emergency": [(m.NON_EMERGENCY, ["when to use non-emergency care"]), (m.LOCATIONS_INDEX, ["our locations"]),
                          (m.TELEHEALTH, self.a_location(self._virtual()))],
            "labs": [(m.LAB_PREP, ["how to prepare for lab tests"]), (m.FIND, ["find a specialist"])],
            "clinic": [(loc.page, self.a_location(loc.id)) for loc in s.locations_offering(None)[:1]]
            + [(m.LOCATIONS_INDEX, ["all locations"])],
        }
        return [self.L(t, v) for t, v in table[post.topic]]

    def _body_service(self, page: Page, flags: set[str]) -> list[Link]:
        s = self.site
        sp, name = self.service_info[page.ref or ""]
        conditions = [s.conditions[cid] for cid in service_conditions(s, page.ref or "")]
        out = [self.L(c.overview, self.a_overview(c)) for c in conditions]
        first = conditions[0]
        guide = next((st for st in ("follow_up", "symptoms", "tests", "diagnosis") if st in first.stages), None)
        if guide:
            out.append(self.L(first.stage_path(guide), self.a_stage(first, guide)))
        if "appointment" in first.stages:
            out.append(self.L(first.stage_path("appointment"), self.a_stage(first, "appointment")))
        out.append(self.L(sp.hub, self.a_hub(sp.id)))
        out.append(self.L(m.TELEHEALTH, self.a_location(self._virtual())))
        return out

    def _body_policy(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.CONTACT, ["contact us", "contact our office"])]

    def _body_editorial(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.FIND, ["meet our clinical reviewers"]), self.L(m.DISCLAIMER, ["medical disclaimer"])]

    def _body_about(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.SPECIALTIES_INDEX, ["our specialties"]), self.L(m.LOCATIONS_INDEX, ["our locations"]),
                self.L(m.CAREERS, ["work with us"])]

    def _body_contact(self, page: Page, flags: set[str]) -> list[Link]:
        return [Link("tel:+15555550100", "555-555-0100", "Content"),
                Link("mailto:appointments@lakeside-health.example", "appointments@lakeside-health.example", "Content"),
                self.L(m.LOCATIONS_INDEX, ["find a location"]), self.L(m.APPOINTMENTS, ["book an appointment"])]

    def _body_careers(self, page: Page, flags: set[str]) -> list[Link]:
        return [Link("https://jobs.example.com/lakeside-health", "open positions", "Content"),
                self.L(m.ABOUT, ["about Lakeside Health"])]

    def _body_old_guide(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.LAB_PREP, ["current lab preparation guide"])]

    def _body_utility(self, page: Page, flags: set[str]) -> list[Link]:
        return [self.L(m.CONTACT, ["contact us", "contact our office"])]

    def _body_other(self, page: Page, flags: set[str]) -> list[Link]:
        return []


def stable_pick(key: str, n: int) -> int:
    return m.stable_int(key) % n if n else 0


def service_conditions(site: Site, slug: str) -> list[str]:
    """Conditions a service page is built around (curated for the seed, round robin otherwise)."""
    curated = {
        "weight-management-program": ["obesity", "metabolic-syndrome", "insulin-resistance"],
        "diabetes-education": ["diabetes"],
        "cardiac-rehabilitation": ["heart-failure", "coronary-artery-disease"],
        "heart-rhythm-clinic": ["atrial-fibrillation"],
        "headache-clinic": ["migraine"],
    }
    if slug in curated and all(c in site.conditions for c in curated[slug]):
        return curated[slug]
    for sp in site.specialties:
        slugs = [x for x, _ in sp.services]
        if slug in slugs:
            i = slugs.index(slug)
            chosen = sp.conditions[2 * i: 2 * i + 2] or sp.conditions[:2]
            return chosen
    raise KeyError(slug)
