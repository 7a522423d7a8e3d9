"""Ordered page-type rules from placed pages.

Each page's path becomes a shape: the first segment and every folder or stage word stay literal,
the other segments (entity slugs, body parts, years) become `*`. Pages with the same shape share
a rule typed by their majority; the few that disagree get exact rules placed before it. Entity
shapes capture their slug (`/conditions/*/{condition}/`) when the entity ids are the slugs, so
the loader links pages to entities as a hand-written model would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from archmodel.infer.classify import LANGUAGES, STAGE_SEGMENTS, Placement, folder_type
from archmodel.infer.evidence import Evidence
from archmodel.ingest.patterns import PatternSet

CAPTURE_OF = {"condition": "condition", "specialty_hub": "specialty", "provider": "provider", "location": "location"}
STAGE_PAGE_TYPES = {"symptom", "diagnosis", "follow_up"}
MAX_EXCEPTIONS = 40


@dataclass
class Rule:
    match: str
    type: str
    pages: int
    evidence: str
    confidence: float
    sample: str = ""  # one page the rule places (what `--merge` checks against the existing model)


def shape(path: str, tabs: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The path with entity slugs as `*`; a language prefix (`/es/`) is kept and the segment after
    it read as a first segment, so a mirror gets rules of its own shapes, not one per page. `tabs`
    are last segments a template repeats under many parents (`.../causes-and-risk-factors/`): kept."""
    segments = [s for s in path.split("/") if s]
    first = 1 if len(segments) > 1 and segments[0].lower() in LANGUAGES else 0
    out = []
    for i, seg in enumerate(segments):
        literal = i <= first or folder_type(seg, i - first) is not None or seg.lower() in STAGE_SEGMENTS or (
            i == len(segments) - 1 and i >= 2 and seg.lower() in tabs)
        out.append(seg if literal else "*")
    return tuple(out)


def template_tabs(paths: list[str]) -> frozenset[str]:
    """Last segments found under at least three different parents (a condition template's tabs)."""
    parents: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        segments = [s for s in path.split("/") if s]
        if len(segments) >= 3:
            parents[segments[-1].lower()].add("/".join(segments[:-1]))
    return frozenset(name for name, seen in parents.items() if len(seen) >= 3)


def _pattern(parts: tuple[str, ...], slash: bool) -> str:
    if not parts:
        return "/"
    return "/" + "/".join(parts) + ("/" if slash else "")


def propose_rules(evidence: Evidence, placed: dict[int, Placement], capture_types: set[str]) -> tuple[list[Rule], list[str]]:
    """(rules in match order, unmapped folders with counts)."""
    paths = [p.path for p in evidence.pages if p.path != "/"]
    slash = sum(p.endswith("/") for p in paths) >= sum(not p.endswith("/") for p in paths)
    tabs = template_tabs(paths)
    groups: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    members: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for page_id, placement in placed.items():
        path = evidence.pages[page_id].path
        if path == "/" or (placement.excluded and not evidence.pages[page_id].live):
            continue  # a redirect or error URL gets no rule: it would also match its live twin
        key = shape(path, tabs)
        groups[key][placement.type] += 1
        members[key].append(page_id)
    rules: list[Rule] = [Rule("/", "home", 1, "the home page", 1.0, "/")]
    exact: list[Rule] = []
    general: list[Rule] = []
    unmapped: Counter[str] = Counter()
    for key, counts in groups.items():
        page_type, count = counts.most_common(1)[0]
        total = sum(counts.values())
        for page_id in members[key]:
            placement = placed[page_id]
            if placement.type != page_type and len(exact) < MAX_EXCEPTIONS:
                exact.append(Rule(evidence.pages[page_id].path, placement.type, 1, placement.reason, 0.7,
                                  evidence.pages[page_id].path))
        if page_type == "other":
            if "*" in key or len(key) > 1 or total > 1:
                unmapped[f"/{key[0]}/"] += total
            else:
                unmapped[f"/{key[0]}/"] += 1
            continue
        parts = list(key)
        capture = CAPTURE_OF.get(page_type) if page_type in capture_types or (
            page_type in STAGE_PAGE_TYPES and "condition" in capture_types) else None
        if page_type in STAGE_PAGE_TYPES:
            capture = "condition" if "condition" in capture_types else None
            star = len(parts) - 2
        else:
            star = len(parts) - 1
        if capture and 0 <= star < len(parts) and parts[star] == "*":
            parts[star] = "{" + capture + "}"
        share = count / total
        reasons = Counter(placed[i].reason for i in members[key]).most_common(1)[0][0]
        match = _pattern(tuple(parts), slash) if "*" in key or any("{" in p for p in parts) else evidence.pages[members[key][0]].path
        sample = next(evidence.pages[i].path for i in members[key] if placed[i].type == page_type)
        general.append(Rule(match, page_type, total, f"{reasons}; {count} of {total} pages", round(0.5 + 0.5 * share, 2),
                            sample))
    general.sort(key=lambda r: (-sum(1 for p in r.match.split("/") if p and "*" not in p and "{" not in p),
                                -r.match.count("/"), r.match))
    exact.sort(key=lambda r: r.match)
    exact += _unswallowed(evidence, placed, rules + exact + general, {r.match for r in exact}, MAX_EXCEPTIONS - len(exact))
    exact.sort(key=lambda r: r.match)
    return rules + exact + general, [f"{folder} ({n} page{'s' if n != 1 else ''})" for folder, n in unmapped.most_common()]


def _unswallowed(evidence: Evidence, placed: dict[int, Placement], rules: list[Rule], have: set[str],
                 room: int) -> list[Rule]:
    """Exact `other` rules for live pages a broader rule would wrongly type: `/health-library/tests/`
    is an index, not a condition of `/health-library/{condition}/`."""
    compiled = PatternSet([(r.match, r.type) for r in rules])
    out: list[Rule] = []
    for page_id, placement in placed.items():
        page = evidence.pages[page_id]
        if len(out) >= room or placement.type != "other" or not page.live or page.path in have or page.path == "/":
            continue
        given, _ = compiled.classify(page.path)
        if given != "other":
            out.append(Rule(page.path, "other", 1, f"{placement.reason}; not a {given}", 0.7, page.path))
    return out


__all__ = ["Rule", "propose_rules", "shape"]
