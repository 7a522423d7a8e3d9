"""Specialties: their hub pages and the conditions each covers.

A hub is a page placed as `specialty_hub`, a page the home page's menus link to whose title is
a specialty name ("Cardiology", "Heart & Vascular"), or a procedure page with three procedure
pages nested under it (`/surgical-procedures/breast/...`: a service line by URL alone). A condition is covered by the specialty
with the most evidence: the hub's body links to its overview (3) and to its other stage pages
(1 each), its pages' links back to the hub (1 each), and its URL nested under the hub's (3).
Two points at least, so a hub that forgot one link still covers its condition (and the
hub-spoke check then reports the missing link, as it would with a hand-written model).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from archmodel.infer.classify import Placement, _clean_hub, entity_slug
from archmodel.infer.entries import Entry
from archmodel.infer.evidence import Evidence
from archmodel.infer.names import hub as hub_name
from archmodel.infer.vocabulary import Vocabulary

MIN_VOTES = 2
MIN_FAMILY = 3  # procedure pages nested under a procedure page make it their service line
PROCEDURE_TYPES = {"treatment", "test", "service"}
MAX_NAME_WORDS = 4  # a longer heading over a procedure family is a tagline, not the line's name


SPECIALTY_FOLDERS = {"specialties", "specialities", "departments", "our-specialties", "clinical-services"}


def settle_hubs(evidence: Evidence, placed: dict[int, Placement], vocabulary: Vocabulary) -> None:
    """Hubs are service lines a hospital puts on its home page.

    Pages the home page links to (menus or body) and titles with a specialty name become hubs;
    pages in a folder that only may hold hubs (`programs`, `centers`, `institutes`) stay hubs
    only when the home page links them or their title names a specialty, else they are services.
    """
    home = evidence.index.get("/")
    from_home = set(evidence.nav_from_home) | (set(evidence.out_links(home).tolist()) if home is not None else set())
    for page_id, placement in list(placed.items()):
        if placement.type != "specialty_hub" or not placement.folder or placement.folder.lower() in SPECIALTY_FOLDERS:
            continue
        text = evidence.pages[page_id].text
        named = bool(text and vocabulary.specialty(_clean_hub(text)))
        slug = [s for s in evidence.pages[page_id].path.split("/") if s][-1]
        if page_id not in from_home and not named and not vocabulary.specialty(slug):
            placed[page_id] = Placement("service", f"{placement.reason}, not linked from the home page",
                                        placement.folder, placement.depth)
    for page_id in from_home:
        placement = placed.get(page_id)
        if placement is None or placement.type not in ("other", "service"):
            continue
        text = evidence.pages[page_id].text
        if text and vocabulary.specialty(_clean_hub(text)):
            placed[page_id] = Placement("specialty_hub", f"in the main navigation, titled '{_clean_hub(text)}'")
    _families(evidence, placed)
    hubs = {evidence.pages[i].path.rstrip("/") + "/": i for i, p in placed.items() if p.type == "specialty_hub"}
    umbrellas: set[str] = set()
    for prefix, page_id in hubs.items():
        above = max((h for h in hubs if h != prefix and prefix.startswith(h) and h != "/"), key=len, default=None)
        if above is None:
            continue
        if prefix[len(above):].count("/") == 1:  # /departments/medicine/cardiology/: a division of a department
            umbrellas.add(above)
        else:  # /services/orthopedics/programs/joint-replacement/: a program of a service line
            placement = placed[page_id]
            placed[page_id] = Placement("service", f"{placement.reason}, inside the hub {above}", placement.folder,
                                        placement.depth, strength=placement.strength, language=placement.language)
    for above in umbrellas:
        placement = placed[hubs[above]]
        placed[hubs[above]] = Placement("other", f"{placement.reason}, but its divisions are the hubs", placement.folder,
                                        placement.depth, strength=placement.strength, language=placement.language)


def _family_sizes(evidence: Evidence, placed: dict[int, Placement]) -> Counter[int]:
    """How many procedure pages sit right under each page, by URL."""
    by_path = {evidence.pages[i].path.rstrip("/"): i for i in placed}
    children: Counter[int] = Counter()
    for page_id, placement in placed.items():
        if placement.type not in PROCEDURE_TYPES or placement.excluded or placement.language:
            continue
        parent = by_path.get(evidence.pages[page_id].path.rstrip("/").rsplit("/", 1)[0])
        if parent is not None:
            children[parent] += 1
    return children


def _families(evidence: Evidence, placed: dict[int, Placement]) -> None:
    """A procedure page with procedure pages nested right under it (`/surgical-procedures/breast`
    over `.../breast/augmentation`, `.../breast/lift`, `.../breast/reduction`) is the service line
    they belong to, whatever its title says: the URL nesting is the site's own grouping, and no
    link is needed to see it."""
    for page_id, count in _family_sizes(evidence, placed).items():
        placement = placed[page_id]
        if count >= MIN_FAMILY and placement.type in PROCEDURE_TYPES and not placement.excluded and not placement.language:
            placed[page_id] = Placement("specialty_hub", f"{count} procedure pages nested under it", placement.folder,
                                        placement.depth, strength=placement.strength)


def find_specialties(evidence: Evidence, placed: dict[int, Placement], conditions: list[Entry],
                     vocabulary: Vocabulary, site: str) -> list[Entry]:
    hubs = sorted((i for i, p in placed.items() if p.type == "specialty_hub" and not p.excluded and not p.language),
                  key=lambda i: evidence.pages[i].path)
    owner: dict[int, str] = {}
    overview_of: dict[str, int] = {}
    for entry in conditions:
        for stage, path in entry.fields["pages"].items():
            page_id = evidence.index.get(path)
            if page_id is not None:
                owner.setdefault(page_id, entry.id)
                if stage == "overview":
                    overview_of[entry.id] = page_id
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for h in hubs:
        for target in evidence.out_links(h).tolist():
            cid = owner.get(target)
            if cid is not None:
                votes[h][cid] += 3 if overview_of.get(cid) == target else 1
        for source in evidence.in_links(h).tolist():
            cid = owner.get(source)
            if cid is not None:
                votes[h][cid] += 1
        hub_path = evidence.pages[h].path.rstrip("/") + "/"
        for cid, page_id in overview_of.items():
            if evidence.pages[page_id].path.startswith(hub_path):
                votes[h][cid] += 3
    best: dict[str, tuple[int, int]] = {}
    for h, counted in votes.items():
        for cid, n in counted.items():
            if n >= MIN_VOTES and (cid not in best or n > best[cid][1]):
                best[cid] = (h, n)
    family = _family_sizes(evidence, placed)
    entries: list[Entry] = []
    used: set[str] = set()
    for h in hubs:
        page = evidence.pages[h]
        sid = entity_slug(page.path)
        if sid in used:
            continue
        used.add(sid)
        name = hub_name(page.text, site, sid)
        if family.get(h, 0) >= MIN_FAMILY and len(name.split()) > MAX_NAME_WORDS and not vocabulary.specialty(name):
            name = hub_name("", site, sid)  # "Transform Your Body with ..." is a tagline: the folder names the line
        entry = Entry("specialties", sid, {"name": name, "hub": page.path}, confidence=0.1)
        entry.because(f"hub {page.path} ({placed[h].reason})", 0.3)
        if family.get(h, 0) >= MIN_FAMILY:
            entry.because(f"groups {family[h]} procedure pages nested under it", 0.2)
        known = vocabulary.specialty(_clean_hub(name)) or vocabulary.specialty(sid)
        if known:
            entry.because(f"vocabulary: {known.name}", 0.2)
            entry.fields["_vocabulary"] = known.id
        covered = sorted((cid for cid, (hh, _) in best.items() if hh == h), key=lambda c: overview_of.get(c, 0))
        if covered:
            entry.fields["conditions"] = covered
            entry.because(f"covers {len(covered)} condition{'s' if len(covered) != 1 else ''} (hub body links, "
                          f"links back, URL nesting)", 0.2)
        entries.append(entry)
    return entries
