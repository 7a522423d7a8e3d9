"""Providers and locations, and the pairs between them and the medical model.

- `treats`: the provider profile's body links to a condition's pages, the condition overview's
  body links to the profile (not the "reviewed by" credit: reviewing is not treating), and the
  condition names in the profile's title; two points at least.
- `specialties` (practises): the profile's body links to hubs, else its practitioner title
  ("cardiologist") through the vocabulary.
- `locations` (works_at): the profile's body links to location and telehealth pages, and the
  location pages' links to the profile.
- a location's `specialties` (offers): its body links to hubs, and the specialties of the
  providers who work there.
"""

from __future__ import annotations

from collections import Counter

from archmodel.infer.classify import Placement, entity_slug
from archmodel.infer.entries import Entry
from archmodel.infer.evidence import Evidence
from archmodel.infer.matcher import TermMatcher
from archmodel.infer.names import person, place
from archmodel.names import person_key
from archmodel.infer.vocabulary import Vocabulary, fold

MIN_TREATS = 2




def find_locations(evidence: Evidence, placed: dict[int, Placement], specialties: list[Entry], site: str) -> list[Entry]:
    hub_of = {evidence.index[e.fields["hub"]]: e.id for e in specialties if e.fields.get("hub") in evidence.index}
    entries: list[Entry] = []
    seen: set[str] = set()
    for page_id in sorted((i for i, p in placed.items() if p.type in ("location", "telehealth")
                           and not p.excluded and not p.language), key=lambda i: evidence.pages[i].path):
        page = evidence.pages[page_id]
        lid = entity_slug(page.path)
        if lid in seen:
            continue
        seen.add(lid)
        entry = Entry("locations", lid, {"name": place(page.text, site, lid), "page": page.path}, confidence=0.4)
        entry.because(f"from {page.path} ({placed[page_id].reason})" + ("" if page.crawled else ", not crawled"),
                      0.3 if page.crawled else 0.05)
        offered = [hub_of[t] for t in sorted(set(evidence.out_links(page_id).tolist())) if t in hub_of]
        if offered:
            entry.fields["specialties"] = sorted(set(offered), key=offered.index)
            entry.because(f"links {len(set(offered))} specialty hub{'s' if len(set(offered)) != 1 else ''}", 0.2)
        if placed[page_id].type == "telehealth":
            entry.fields["telehealth"] = True
        entries.append(entry)
    return entries


def find_providers(evidence: Evidence, placed: dict[int, Placement], specialties: list[Entry],
                   conditions: list[Entry], locations: list[Entry], vocabulary: Vocabulary, site: str) -> list[Entry]:
    hub_of = {evidence.index[e.fields["hub"]]: e.id for e in specialties if e.fields.get("hub") in evidence.index}
    by_vocabulary = {e.fields.get("_vocabulary"): e.id for e in specialties if e.fields.get("_vocabulary")}
    location_of = {evidence.index[e.fields["page"]]: e.id for e in locations if e.fields["page"] in evidence.index}
    owner: dict[int, str] = {}
    overview: dict[int, str] = {}
    names: dict[str, str] = {}
    for c in conditions:
        names[fold(c.fields["name"])] = c.id
        for stage, path in c.fields["pages"].items():
            page_id = evidence.index.get(path)
            if page_id is not None:
                owner.setdefault(page_id, c.id)
                if stage == "overview":
                    overview[page_id] = c.id
    named_in = TermMatcher((cname, cid) for cname, cid in names.items() if cname)
    entries: list[Entry] = []
    seen: set[str] = set()
    for page_id in sorted((i for i, p in placed.items() if p.type == "provider" and not p.excluded and not p.language),
                          key=lambda i: evidence.pages[i].path):
        page = evidence.pages[page_id]
        pid = entity_slug(page.path)
        if pid in seen:
            continue
        seen.add(pid)
        name, title = person(page.text, site, pid)
        entry = Entry("providers", pid, {"name": name}, confidence=0.4)
        if title:
            entry.fields["title"] = title
        entry.fields["page"] = page.path
        entry.because(f"from {page.path} ({placed[page_id].reason})" + ("" if page.crawled else ", not crawled"),
                      0.3 if page.crawled else 0.05)
        out = sorted(set(evidence.out_links(page_id).tolist()))
        votes: Counter[str] = Counter()
        for target in out:
            cid = owner.get(target)
            if cid is not None:
                votes[cid] += 2 if target in overview else 1
        for source in evidence.in_links(page_id).tolist():
            if source in overview and (source, page_id) in evidence.plain_links:
                votes[overview[source]] += 2
        for found in named_in.find(page.text):
            votes[found.value] += 2
        treats = [cid for cid, n in sorted(votes.items()) if n >= MIN_TREATS]
        practises = sorted({hub_of[t] for t in out if t in hub_of})
        if not practises:
            known = vocabulary.practitioner(page.text)
            if known and known.id in by_vocabulary:
                practises = [by_vocabulary[known.id]]
                entry.because(f"title names a {known.practitioners[0]}", 0.05)
        works = sorted({location_of[t] for t in out if t in location_of}
                       | {location_of[f] for f in evidence.in_links(page_id).tolist() if f in location_of})
        if practises:
            entry.fields["specialties"] = practises
        if treats:
            entry.fields["treats"] = treats
            entry.because(f"treats {len(treats)} (profile and overview links)", 0.2)
        if works:
            entry.fields["locations"] = works
            entry.because(f"works at {len(works)}", 0.1)
        entries.append(entry)
    return entries


def reviewed_by(evidence: Evidence, conditions: list[Entry], providers: list[Entry]) -> dict[str, str]:
    """Condition overview -> the provider its "reviewed by" credits link to or name (a crawler's
    custom extraction such as "Medically reviewed by Maria Lopez, MD"). The credits of the
    condition's stage pages count too, so an overview that lost its credit link keeps its reviewer
    and the missing-reviewer-link check can still report it."""
    provider_at = {evidence.index[e.fields["page"]]: e.id for e in providers if e.fields["page"] in evidence.index}
    by_name = {person_key(e.fields["name"]): e.id for e in providers}
    credits: dict[int, list[str]] = {}
    for source, target in evidence.reviewer_links:
        if target in provider_at:
            credits.setdefault(source, []).append(provider_at[target])
    for page_id, page in enumerate(evidence.pages):
        named = by_name.get(person_key(page.reviewed_by)) if page.reviewed_by else None
        if named:
            credits.setdefault(page_id, []).append(named)
    out: dict[str, str] = {}
    for c in conditions:  # the condition's reviewer: credited on its overview, else on most of its other pages
        pages = [evidence.index.get(path) for path in c.fields["pages"].values()]
        counted = Counter(pid for page_id in pages if page_id is not None for pid in set(credits.get(page_id, ())))
        own = sorted(credits.get(evidence.index.get(c.fields["pages"]["overview"], -1), []))
        if own:
            out[c.fields["pages"]["overview"]] = own[0]
        elif counted:
            out[c.fields["pages"]["overview"]] = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return out


def complete_offers(locations: list[Entry], providers: list[Entry]) -> None:
    """A location offers the specialties its providers practise, linked from its page or not."""
    practised: dict[str, list[str]] = {}
    for p in providers:
        for lid in p.fields.get("locations", []):
            practised.setdefault(lid, []).extend(p.fields.get("specialties", []))
    for loc in locations:
        have = loc.fields.get("specialties", [])
        added = [sid for sid in dict.fromkeys(practised.get(loc.id, [])) if sid not in have]
        if added:
            loc.fields["specialties"] = have + added
            loc.because(f"its providers practise {', '.join(added)}", 0.0)
