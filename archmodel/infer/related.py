"""Related conditions: pairs whose overviews link each other, or whose pathways share pages.

An overview's body link to another condition's overview is how a site says "see also"; both
directions make the pair certain, one direction likely. Two conditions whose pathways share a
test or treatment page are related too (less certain). The pair is listed on the condition that
comes first, as a person would write it once.
"""

from __future__ import annotations

from collections import defaultdict

from archmodel.infer.entries import Entry
from archmodel.infer.evidence import Evidence

ACCEPT_PAIR = 0.6


def find_related(evidence: Evidence, conditions: list[Entry]) -> None:
    overview = {}
    for c in conditions:
        page_id = evidence.index.get(c.fields["pages"]["overview"])
        if page_id is not None:
            overview[page_id] = c.id
    score: dict[tuple[str, str], float] = defaultdict(float)
    for page_id, cid in overview.items():
        for target in set(evidence.out_links(page_id).tolist()):
            other = overview.get(target)
            if other and other != cid:
                score[tuple(sorted((cid, other)))] += 0.4  # type: ignore[index]
    shared: dict[str, list[str]] = defaultdict(list)
    for c in conditions:
        for stage in ("tests", "treatment"):
            if stage in c.fields["pages"]:
                shared[c.fields["pages"][stage]].append(c.id)
    for ids in shared.values():
        if 1 < len(ids) <= 3:
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    score[tuple(sorted((a, b)))] += 0.3  # type: ignore[index]
    by_id = {c.id: c for c in conditions}
    order = {c.id: i for i, c in enumerate(conditions)}
    for (a, b), value in sorted(score.items()):
        confidence = min(1.0, 0.2 + value)
        if confidence < ACCEPT_PAIR:
            continue
        first, second = sorted((a, b), key=order.__getitem__)
        by_id[first].fields.setdefault("related", []).append(second)
        by_id[first].evidence.append(f"related to {second} ({'linked both ways' if value >= 0.8 else 'linked'})")
