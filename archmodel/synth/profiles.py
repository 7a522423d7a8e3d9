"""The two kinds of site: the curated seed (with every planted defect) and `synth --pages N`.

Both build entities into a `Site` and return the `Directives` that plant defects; everything
after that (links, files) is shared code.
"""

from __future__ import annotations

import random
from collections import deque

from archmodel.synth import catalog as cat
from archmodel.synth import model as m
from archmodel.synth.links import Directives
from archmodel.synth.model import BlogPost, Condition, Location, Page, Provider, Site, Specialty, in_sentence, slugify

CONDITION_POST_TEMPLATES = ("signs", "living", "test", "treatment")
EXTRA_POST_TEMPLATES = ("story", "myths", "caregivers", "older-adults")
GENERAL_TOPICS = (
    ("choose", "How to choose the right specialist"),
    ("telehealth", "Preparing for a telehealth visit"),
    ("review", "What medical review means for our articles"),
    ("emergency", "Urgent care, emergency room or a specialist visit?"),
    ("labs", "Understanding your lab results"),
    ("clinic", "A new clinic opens its doors"),
)


def _condition(spec: cat.ConditionSpec, specialty: str | None) -> Condition:
    return Condition(spec.id, spec.name, list(spec.synonyms), specialty, spec.test, spec.treatment,
                     list(spec.related), tuple(spec.stages))


def post_for(c: Condition, template: str, index: int, specialty_name: str | None, year: int) -> BlogPost:
    n = c.lname
    team = f"our {in_sentence(specialty_name)} team" if specialty_name else "our care team"
    titles = {
        "signs": (f"early-signs-of-{c.id}", f"{5 + index % 3} early signs of {n}"),
        "living": (f"living-well-with-{c.id}", f"Living well with {n}: tips from {team}"),
        "test": (f"questions-before-your-{c.test[0]}", f"Questions to ask before your {in_sentence(c.test[1])}"),
        "treatment": (f"whats-new-in-{c.id}-treatment", f"What's new in {n} treatment"),
        "story": (f"patient-story-{c.id}", f"Patient story: managing {n}"),
        "myths": (f"{c.id}-myths-and-facts", f"{c.name}: myths and facts"),
        "caregivers": (f"caring-for-someone-with-{c.id}", f"Caring for a family member with {n}"),
        "older-adults": (f"{c.id}-in-older-adults", f"{c.name} in older adults"),
    }
    slug, title = titles[template]
    return BlogPost(slug, title, template, c.id, f"{year}-{1 + index % 12:02d}-{1 + (index * 7) % 28:02d}")


def general_post(topic: str, title: str, number: int, year: int) -> BlogPost:
    suffix = "" if number == 0 else f"-{number + 1}"
    shown = title if number == 0 else f"{title} (part {number + 1})"
    return BlogPost(slugify(title) + suffix, shown, "general", None, f"{year}-{1 + number % 12:02d}-15", topic)


# -- seed ------------------------------------------------------------------------------------


def seed_entities() -> Site:
    specialties = [Specialty(s.id, s.name, s.title, [c.id for c in s.conditions], list(s.services))
                   for s in cat.SEED_SPECIALTIES]
    conditions: dict[str, Condition] = {}
    for s in cat.SEED_SPECIALTIES:
        for spec in s.conditions:
            conditions[spec.id] = _condition(spec, s.id)
    for spec in cat.UNCOVERED:
        conditions[spec.id] = _condition(spec, None)
    providers = {pid: Provider(pid, name, title, sid, list(treats), list(locs))
                 for pid, name, title, sid, treats, locs in cat.SEED_PROVIDERS}
    locations = {lid: Location(lid, name, list(sids)) for lid, name, sids in cat.SEED_LOCATIONS}
    locations["virtual"] = Location("virtual", "Virtual visits", [s.id for s in specialties], telehealth=True)
    posts: list[BlogPost] = []
    for i, c in enumerate(conditions.values()):
        templates = CONDITION_POST_TEMPLATES + EXTRA_POST_TEMPLATES[: 1 + i % 2] if c.specialty else ("signs", "treatment")
        sp = next((s.name for s in specialties if s.id == c.specialty), None)
        posts += [post_for(c, t, i + j, sp, 2022 + (i + j) % 4) for j, t in enumerate(templates)]
    posts += [general_post(topic, title, 0, 2024) for topic, title in GENERAL_TOPICS]
    site = Site(specialties, conditions, providers, locations, posts)
    site.reviewer = {c.id: next(p.id for p in providers.values() if c.id in p.treats) for c in conditions.values()
                     if any(c.id in p.treats for p in providers.values())}
    site.reviewer["sleep-apnea"] = "thomas-becker"
    return site


# -- synth at any size -----------------------------------------------------------------------


def _surnames(rng: random.Random) -> list[str]:
    names = [h + t for h in cat.NAME_HEADS for t in cat.NAME_TAILS]
    names += [h + mid + t for h in cat.NAME_HEADS for mid in ("a", "e", "i", "o") for t in cat.NAME_TAILS]
    rng.shuffle(names)
    return names


def scaled_entities(pages: int, seed: int) -> Site:
    """Entities for a site of about `pages` pages: the seed's entities first, then generated ones."""
    rng = random.Random(f"archmodel-synth:{seed}")
    per_condition = 7 + 4 + 0.9 + 0.1
    n_conditions = max(8, int((pages - 60) / per_condition))
    n_specialties = max(3, min(144, n_conditions // 25))
    site = seed_entities()
    specialties = site.specialties
    conditions = site.conditions
    covered_target = n_conditions
    # generated specialties: the extra catalogue, then sub-specialties of every one
    organs = {"endocrinology": "glandular", "cardiology": "cardiac", "neurology": "neural"}
    bases = [(s.id, s.name, s.title) for s in specialties] + [(i, n, t) for i, n, t, _ in cat.EXTRA_SPECIALTIES]
    organs.update({i: o for i, _, _, o in cat.EXTRA_SPECIALTIES})
    prefixes = ("Pediatric", "Adult", "Geriatric", "Surgical", "Preventive", "Women's")
    wanted = []
    for sid, name, title in bases[3:]:
        wanted.append((sid, name, title, organs[sid]))
    for prefix in prefixes:
        for sid, name, title in bases:
            wanted.append((f"{slugify(prefix)}-{sid}", f"{prefix} {in_sentence(name)}", f"{prefix.lower()} {title}", organs[sid]))
    for sid, name, title, organ in wanted[: max(0, n_specialties - 3)]:
        specialties.append(Specialty(sid, name, title, [], [(f"{sid}-clinic", f"{name} clinic")]))
        organs[sid] = organ
    pool = _surnames(rng)
    # Each surname serves three rounds of the pool (all the L tier needs); later rounds pair it with a
    # second surname (double-barrelled eponyms), or a 1M-page site would run out of unused names.
    surnames = (pool[i % len(pool)] + ("" if i < 3 * len(pool) else f"-{pool[(i // len(pool)) % len(pool)]}")
                for i in range(10**9))
    used_names = {c.name.lower() for c in conditions.values()}
    covered = [s for s in specialties]
    index = 0
    # kept as a running count: recounting every condition each round is quadratic (hours at 1M pages)
    with_specialty = sum(1 for c in conditions.values() if c.specialty)
    while with_specialty < covered_target:
        sp = covered[index % len(covered)]
        index += 1
        if index <= 3 and len(covered) > 3:
            continue
        surname = next(surnames)
        start = rng.randrange(len(cat.DISORDER_WORDS))
        options = [cat.DISORDER_WORDS[(start + k) % len(cat.DISORDER_WORDS)] for k in range(len(cat.DISORDER_WORDS))]
        disorder = next((w for w in options if f"{surname} {organs[sp.id]} {w}".lower() not in used_names), None)
        if disorder is None:
            continue
        name = f"{surname} {organs[sp.id]} {disorder}"
        used_names.add(name.lower())
        cid = slugify(name)
        c = Condition(cid, name, [f"{surname}'s {organs[sp.id]} {disorder}"], sp.id,
                      (f"{cid}-panel", f"Diagnostic panel for {name}"), (f"{cid}-care", f"Treatment program for {name}"),
                      [], ("overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment"))
        same = [x for x in sp.conditions if x in conditions]
        if same and rng.random() < 0.6:
            c.related = [same[-1]]
        replaced = conditions.get(cid)
        with_specialty += bool(c.specialty) - bool(replaced is not None and replaced.specialty)
        conditions[cid] = c
        sp.conditions.append(cid)
    # locations
    n_locations = max(5, len(conditions) // 30)
    places = [f"{p} {k}" for k in cat.PLACE_KINDS for p in cat.PLACE_NAMES]
    sids = [s.id for s in specialties]
    for i in range(len(site.locations) - 1, n_locations):
        name = places[i % len(places)] + ("" if i < len(places) else f" {i // len(places) + 1}")
        lid = slugify(name)
        offered = sorted(rng.sample(sids, max(1, len(sids) // 2)), key=sids.index)
        site.locations[lid] = Location(lid, name, offered)
    virtual = site.locations.pop("virtual")
    virtual.specialties = list(sids)
    site.locations["virtual"] = virtual
    # providers
    used = {p.name for p in site.providers.values()}
    targets = int(0.9 * len(conditions))
    treated = {x for p in site.providers.values() for x in p.treats}
    candidates = deque(c for c in conditions.values() if c.specialty and c.id not in treated)
    while len(site.providers) < targets:
        if candidates:
            c = candidates.popleft()
        else:
            c = list(conditions.values())[rng.randrange(len(conditions))]
            if not c.specialty:
                continue
        sp = next(s for s in specialties if s.id == c.specialty)
        while True:
            first = cat.FIRST_NAMES[rng.randrange(len(cat.FIRST_NAMES))]
            last = cat.LAST_NAMES[rng.randrange(len(cat.LAST_NAMES))]
            middle = cat.MIDDLE_INITIALS[rng.randrange(len(cat.MIDDLE_INITIALS))]
            name = f"Dr. {first} {middle}. {last}"
            if name not in used:
                used.add(name)
                break
        pid = slugify(f"{first} {middle} {last}")
        treats = [c.id] + [x for x in rng.sample(sp.conditions, min(2, len(sp.conditions))) if x != c.id]
        offering = [loc.id for loc in site.locations.values() if not loc.telehealth and sp.id in loc.specialties]
        locs = rng.sample(offering, min(len(offering), 1 + rng.randrange(2))) if offering else []
        if rng.random() < 0.3 or not locs:
            locs.append("virtual")
        site.providers[pid] = Provider(pid, name, sp.title, sp.id, treats, locs)
    first_treating: dict[str, str] = {}
    for p in site.providers.values():
        for x in p.treats:
            first_treating.setdefault(x, p.id)
    site.reviewer = {c.id: first_treating.get(c.id, "thomas-becker") for c in conditions.values()}
    # blog
    posts: list[BlogPost] = []
    for i, c in enumerate(conditions.values()):
        sp_name = next((s.name for s in specialties if s.id == c.specialty), None)
        templates = CONDITION_POST_TEMPLATES if c.specialty else ("signs", "treatment")
        posts += [post_for(c, t, i + j, sp_name, 2019 + (i + j) % 7) for j, t in enumerate(templates)]
    site.posts = posts
    return site


def fill_to(site: Site, pages: int, seed: int) -> None:
    """Top up with more condition and general posts until the site has `pages` pages."""
    rng = random.Random(f"archmodel-fill:{seed}")
    conditions = [c for c in site.conditions.values() if c.specialty]
    have = {p.path for p in site.pages.values()}
    extra = 0
    number = 0
    while len(site.pages) < pages:
        if extra < len(conditions) * len(EXTRA_POST_TEMPLATES) and rng.random() < 0.8:
            c = conditions[extra % len(conditions)]
            template = EXTRA_POST_TEMPLATES[extra // len(conditions)]
            extra += 1
            sp = next(s.name for s in site.specialties if s.id == c.specialty)
            post = post_for(c, template, extra, sp, 2019 + extra % 7)
        else:
            topic, title = GENERAL_TOPICS[number % len(GENERAL_TOPICS)]
            post = general_post(topic, title, number // len(GENERAL_TOPICS) + 1, 2018 + number % 8)
            number += 1
        if post.path in have:
            continue
        have.add(post.path)
        site.posts.append(post)
        site.add(Page(post.path, "blog", "blog", f"{post.title} | {m.SITE_NAME}", ref=post.slug, depth_hint=3))


def add_structural_extras(site: Site) -> None:
    """Pages every profile has beyond the entity pages: archive, patient pages, old URLs."""
    site.extra_resources += [
        ("/blog/archive/2018/", "blog_archive_year", "Blog archive: 2018", "other"),
        ("/patients/insurance-coverage/", "resource_page", "Insurance and coverage", "other"),
    ]


__all__ = ["Directives", "seed_entities", "scaled_entities", "fill_to", "add_structural_extras"]
