"""Conditions: who they are (id, name, synonyms) and their care pathway pages.

A condition is a page placed as `condition`: by a condition folder, or by what it says (its
heading names a condition of the vocabulary, or reads as one). Pages about the same vocabulary
condition are one condition: the page whose heading is the bare name is the overview, and a
"Sciatica treatment in Austin" page is its treatment page, or its overview when the site has no
other page about it. Stage pages are URL children (`.../symptoms/`, `.../how-is-it-diagnosed`),
pages anywhere whose heading names a stage of the condition ("How is sciatica diagnosed?"), and
linked test, treatment and appointment pages (below). Pages of a second-language mirror are not
conditions of their own: they are listed as translations of the condition they name. Its name is the
page's H1 or title cleaned of site name and boilerplate; its synonyms are the anchor texts other
pages use in body links to it (two uses from two pages at least, so a one-off odd anchor stays
a finding, not a synonym) plus the bundled vocabulary's names for it that the site's anchors to
the condition's pages use (the others are listed in a comment for the reviewer). Stage pages are the
overview's URL children (`.../symptoms/`) and the test, treatment and appointment pages that
the condition's own pages link to in their body, in the site-model contract's stage order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from archmodel.infer.classify import STAGE_TYPE_OF, Placement, entity_segments, entity_slug
from archmodel.infer.entries import Entry
from archmodel.infer.evidence import Evidence
from archmodel.infer.matcher import TermMatcher
from archmodel.infer.names import subject
from archmodel.infer.text import OTHER_TABS, OVERVIEW_TABS, title_parts
from archmodel.infer.vocabulary import Vocabulary, fold

STAGE_ORDER = ["overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment"]
LINKED_STAGES = {"test": "tests", "treatment": "treatment", "appointment": "appointment"}
GENERIC = {"learn more", "click here", "read more", "here", "more", "this page", "find out more", "continue",
           "overview", "details", "more information"}
ANCHOR_PREFIX = re.compile(r"^(about|what is|what are|learn about|understanding|more on|read about|all about)\s+", re.I)
ANCHOR_SUFFIX = re.compile(r"\s+(care|overview|basics|information|explained)$|\?$", re.I)
SHARED_LIMIT = 3  # a stage page linked from more conditions' pages than this is a general page


def slug(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def find_conditions(evidence: Evidence, placed: dict[int, Placement], vocabulary: Vocabulary, site: str) -> list[Entry]:
    candidates = sorted((i for i, p in placed.items() if p.type == "condition" and not p.excluded and not p.language),
                        key=lambda i: (_tab_rank(evidence.pages[i].title, site), evidence.pages[i].path.count("/"),
                                       evidence.pages[i].path))
    overviews: list[int] = []
    overview_of_subject: dict[str, int] = {}
    demoted: dict[int, int] = {}  # a second page about a condition -> the overview it serves
    for page_id in candidates:
        subject_key = placed[page_id].subject
        known = overview_of_subject.get(subject_key) if subject_key else None
        if known is None:
            overviews.append(page_id)
            if subject_key:
                overview_of_subject[subject_key] = page_id
        elif placed[page_id].strength > placed[known].strength:  # the bare name beats "X treatment"; ties: the first
            overviews[overviews.index(known)] = page_id
            overview_of_subject[subject_key] = page_id
            demoted[known] = page_id
        else:
            demoted[page_id] = known
    overviews.sort(key=lambda i: evidence.pages[i].path)
    ids = _ids([evidence.pages[i].path for i in overviews])
    for page_id in overviews:  # a slug that says more than the name ("sciatica-treatment-austin"): the vocabulary id
        subject_key = placed[page_id].subject
        if placed[page_id].strength < 0.75 and subject_key and vocabulary.condition(subject_key) \
                and subject_key not in ids.values():
            ids[evidence.pages[page_id].path] = subject_key
    entries: list[Entry] = []
    prefix_of = {evidence.pages[i].path: i for i in overviews}
    children: dict[int, dict[str, int]] = {i: {} for i in overviews}
    for page_id, placement in placed.items():
        stage = STAGE_TYPE_OF.get(placement.type)
        if stage is None or placement.excluded or placement.language:
            continue
        path = evidence.pages[page_id].path
        above = _parent(path)
        owner = prefix_of.get(above, prefix_of.get(above.rstrip("/") + "/"))
        if owner is None and placement.subject and placement.strength >= 0.7:
            owner = overview_of_subject.get(placement.subject)
        elif placement.type in ("test", "treatment") and "condition" not in placement.reason:
            continue
        if owner is not None:
            known = children[owner].get(stage)
            if known is None or _closer(evidence, owner, page_id, known):
                children[owner][stage] = page_id
    for owner, stages in children.items():  # "AFib - Symptoms and causes": the overview is the symptoms page too
        if _tab_rank(evidence.pages[owner].title, site) == 0 and "symptoms" in fold(evidence.pages[owner].title):
            stages.setdefault("symptoms", owner)
    for stages in children.values():  # "Diagnosis and treatment": one tab, two stages
        tab = stages.get("diagnosis")
        if tab is not None and "treatment" not in stages and "treatment" in fold(evidence.pages[tab].path + " " + evidence.pages[tab].title):
            stages["treatment"] = tab
    others: dict[int, list[str]] = defaultdict(list)
    for page_id, owner in demoted.items():  # "Sciatica treatment" beside "Sciatica": its treatment page; a tab: a note
        if placed[page_id].strength < 0.75 and "offers care" in placed[page_id].reason:
            children[owner].setdefault("treatment", page_id)
        else:
            others[owner].append(evidence.pages[page_id].path)
    translations = _translations(evidence, placed, overview_of_subject)
    overview_set = set(overviews)
    for page_id in overviews:
        page = evidence.pages[page_id]
        placement = placed[page_id]
        cid = ids[page.path]
        name, abbreviations = subject(page.text, site, cid)
        match = vocabulary.condition(placement.subject) if placement.subject else None
        if placement.strength < 0.75 and match:  # "Sciatica Treatment in Austin" is about "Sciatica"
            name = match.name
        entry = Entry("conditions", cid, {"name": name}, confidence=0.45)
        entry.because(f"from {page.path} ({placement.reason})" + ("" if page.crawled else ", not crawled"),
                      0.2 if page.crawled else 0.0)
        pages = {"overview": page.path}
        for stage, child in children[page_id].items():
            pages[stage] = evidence.pages[child].path
        if len(pages) > 1:
            entry.because(f"{len(pages) - 1} stage page{'s' if len(pages) > 2 else ''}", 0.2)
        _linked_stages(evidence, placed, page_id, pages, name, cid, overview_set)
        entry.fields["pages"] = {stage: pages[stage] for stage in STAGE_ORDER if stage in pages}
        match = match or vocabulary.condition(name) or vocabulary.condition(cid) or next(
            (vocabulary.condition(a) for a in abbreviations if vocabulary.condition(a)), None)
        entry.fields["_vocabulary"] = match
        entry.fields["_abbreviations"] = abbreviations
        if match:
            entry.because(f"vocabulary: {match.name} ({match.specialty})", 0.1)
        if page_id in translations:
            entry.notes.append("translations: " + ", ".join(translations[page_id]))
        if others.get(page_id):
            entry.notes.append("other pages about it (review: a tab, a duplicate?): " + ", ".join(sorted(others[page_id])))
        entries.append(entry)
    _after_treatments(evidence, placed, entries)
    _synonyms(evidence, entries, vocabulary)
    return entries


def _tab_rank(title: str, site: str) -> int:
    """0 for a condition's overview tab ("AFib - Symptoms and causes"), 2 for a tab that is no
    stage ("Doctors and departments"), 1 otherwise: which of a condition's pages is its overview."""
    tabs = {fold(part) for part in title_parts(title, site)[1:]}
    return 0 if tabs & OVERVIEW_TABS else 2 if tabs & OTHER_TABS else 1


def _closer(evidence: Evidence, overview: int, page: int, other: int) -> bool:
    """Whether `page` belongs to the overview more visibly than `other`: below it, or named like it
    (`/injuries/acl-injury-recovery-timeline` beside `/injuries/acl-injury`)."""
    def kinship(candidate: int) -> tuple[int, int]:
        base = evidence.pages[overview].path.rstrip("/")
        path = evidence.pages[candidate].path
        return (path.startswith(base + "/") or path.rstrip("/").startswith(base + "-"), -len(path))
    return kinship(page) > kinship(other)


def _after_treatments(evidence: Evidence, placed: dict[int, Placement], entries: list[Entry]) -> None:
    """`/aftercare/dental-implants/` follows the treatment `/dental-implants/`: the follow-up page of
    the condition that treatment belongs to (its slug is the treatment's)."""
    treated_by: dict[str, Entry] = {}
    for entry in entries:
        if "treatment" in entry.fields["pages"]:
            treated_by.setdefault(slug(entry.fields["pages"]["treatment"])[-1].lower(), entry)
    for page_id, placement in placed.items():
        if placement.type != "follow_up" or placement.excluded or placement.language or not placement.folder:
            continue
        entry = treated_by.get(slug(evidence.pages[page_id].path)[-1].lower())
        if entry is not None and "follow_up" not in entry.fields["pages"]:
            pages = {**entry.fields["pages"], "follow_up": evidence.pages[page_id].path}
            entry.fields["pages"] = {stage: pages[stage] for stage in STAGE_ORDER if stage in pages}
            entry.because(f"follow-up after its treatment: {evidence.pages[page_id].path}", 0.0)


def _translations(evidence: Evidence, placed: dict[int, Placement], overview_of_subject: dict[str, int]) -> dict[int, list[str]]:
    """Overview page -> the mirror pages (`/es/...`) about the same vocabulary condition."""
    out: dict[int, list[str]] = {}
    for page_id, placement in placed.items():
        if placement.language and placement.subject in overview_of_subject and not placement.excluded:
            out.setdefault(overview_of_subject[placement.subject], []).append(evidence.pages[page_id].path)
    return {k: sorted(v) for k, v in out.items()}


def _ids(paths: list[str]) -> dict[str, str]:
    """The entity's segment (a trailing content id left out), or parent-last when two conditions
    share it."""
    last = Counter(entity_slug(p) for p in paths)
    out = {}
    for p in paths:
        parts = entity_segments(p)
        out[p] = parts[-1] if last[parts[-1]] == 1 or len(parts) < 2 else f"{parts[-2]}-{parts[-1]}"
    return out


def _parent(path: str) -> str:
    trailing = path.endswith("/")
    parts = slug(path)[:-1]
    return "/" + "/".join(parts) + ("/" if trailing and parts else "")


def _linked_stages(evidence: Evidence, placed: dict[int, Placement], overview: int, pages: dict[str, str], name: str,
                   cid: str, overviews: set[int]) -> None:
    own = {evidence.index[p] for p in pages.values() if p in evidence.index}
    words = set(fold(name).split()) | set(cid.split("-"))
    for kind in ("test", "treatment", "appointment"):
        stage = LINKED_STAGES[kind]
        if stage in pages:
            continue
        accepted = {kind, "service"} if kind == "treatment" else {kind}  # a clinic's service is how it treats
        votes: Counter[int] = Counter()
        for source in own:
            for target in evidence.out_links(source).tolist():
                if placed.get(target) is not None and placed[target].type in accepted:
                    votes[target] += 1 if placed[target].type == kind else 0.75
        best, score = None, 0.0
        for target, count in votes.items():
            linking = sum(1 for s in evidence.in_links(target).tolist() if s in overviews)
            if linking > SHARED_LIMIT and kind != "appointment":  # one booking page for every condition is normal
                continue
            page = evidence.pages[target]
            named = bool(words & (set(fold(page.text).split()) | set(slug(page.path)[-1].split("-")))) if slug(page.path) else False
            shared = 0 if kind == "appointment" else 0.5 * max(0, linking - 1)
            value = count + (1.5 if named else 0) - shared
            only_here = linking <= 1  # no other condition's overview links there: one link is enough
            if (count >= 2 or named or only_here) and value > score:
                best, score = target, value
        if best is not None:
            pages[stage] = evidence.pages[best].path
            own.add(best)


def _synonyms(evidence: Evidence, entries: list[Entry], vocabulary: Vocabulary) -> None:
    names = {fold(e.fields["name"]): e.id for e in entries}
    named_in = TermMatcher(names.items())  # which conditions' names an anchor contains, in one pass
    for entry in entries:
        name = fold(entry.fields["name"])
        found: list[str] = []
        seen = {name}
        overview = evidence.index.get(entry.fields["pages"]["overview"])
        counted: Counter[str] = Counter()
        for stage_path in entry.fields["pages"].values():
            page_id = evidence.index.get(stage_path)
            if page_id is not None:
                for text, n in evidence.anchors.get(page_id, {}).items():
                    counted[fold(text)] += n
        for text, count in (evidence.anchors.get(overview, Counter()) if overview is not None else Counter()).most_common():
            sources = len(evidence.anchor_sources.get((overview, text), ()))
            cleaned = ANCHOR_SUFFIX.sub("", ANCHOR_PREFIX.sub("", text.strip())).strip()
            key = fold(cleaned)
            if count < 2 or sources < 2 or not key or key in GENERIC or key in seen or len(key) < 3:
                continue
            if named_in.find(key, folded=True):  # "diabetes care", "type 2 diabetes and obesity": a name, not a synonym
                continue
            seen.add(key)
            found.append(cleaned)
            entry.because(f'anchors "{cleaned}" x{count}', 0.05)
        for abbreviation in entry.fields.pop("_abbreviations"):
            if fold(abbreviation) not in seen:
                seen.add(fold(abbreviation))
                found.append(abbreviation)
                entry.because(f'"{abbreviation}" in the heading', 0.05)
        match = entry.fields.pop("_vocabulary")
        unseen: list[str] = []
        if match:
            for term in match.names:
                key = fold(term)
                if key in seen or key in names:
                    continue
                if any(f" {key} " in f" {anchor} " for anchor in counted):
                    seen.add(key)
                    found.append(term)
                elif term not in match.abbreviations or len(term) > 2:
                    unseen.append(term)
        if found:
            entry.fields["synonyms"] = found
        if unseen:
            entry.notes.append(f"vocabulary names not seen on the site: {', '.join(unseen)}")
