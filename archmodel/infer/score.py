"""Score an inferred site model against a hand-written one, and the findings each gives.

Entities are matched by their pages, not their ids (ids are labels a person may choose
differently): a specialty by its hub, a condition by its overview, a provider by its profile
(or its id when it has none). Each aspect is a set of such keys; precision and recall compare the
sets. Findings are compared on their identity keys (docs/check-semantics.md) with entity ids
translated from the inferred model's to the hand-written model's through the same pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from archmodel.infer.vocabulary import fold
from archmodel.ingest.sitemodel import SiteModel

ENTITY_FIELDS = {"condition": "conditions", "related": "conditions", "provider": "providers",
                 "specialty": "specialties", "location": "locations"}


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 1.0


def compare(found: set[Any], truth: set[Any]) -> dict[str, Any]:
    hits = len(found & truth)
    return {"precision": _ratio(hits, len(found)), "recall": _ratio(hits, len(truth)),
            "found": len(found), "expected": len(truth), "correct": hits}


def aspects(model: SiteModel) -> dict[str, set[Any]]:
    overview = {c.id: c.pages.get("overview", f"id:{c.id}") for c in model.conditions}
    provider = {p.id: p.page or f"id:{p.id}" for p in model.providers}
    return {
        "specialties": {s.hub or f"id:{s.id}" for s in model.specialties},
        "conditions": set(overview.values()),
        "providers": {p.page for p in model.providers if p.page},
        "locations": {loc.page for loc in model.locations if loc.page},
        "synonyms": {(overview[c.id], fold(s)) for c in model.conditions for s in c.synonyms},
        "stage pages": {(overview[c.id], stage, path) for c in model.conditions for stage, path in c.pages.items()
                        if stage != "overview"},
        "provider-condition pairs": {(provider[p.id], overview[cid]) for p in model.providers for cid in p.treats
                                     if cid in overview},
        "related pairs": {frozenset((overview[c.id], overview[r])) for c in model.conditions for r in c.related
                          if r in overview},
    }


def score_models(inferred: SiteModel, truth: SiteModel) -> dict[str, dict[str, Any]]:
    found, expected = aspects(inferred), aspects(truth)
    return {name: compare(found[name], expected[name]) for name in expected}


def id_translation(inferred: SiteModel, truth: SiteModel) -> dict[str, dict[str, str]]:
    """kind -> inferred id -> hand-written id, for entities on the same page."""
    def pages(model: SiteModel) -> dict[str, dict[str, str]]:
        return {
            "conditions": {c.pages.get("overview", c.id): c.id for c in model.conditions},
            "providers": {p.page or p.id: p.id for p in model.providers},
            "specialties": {s.hub or s.id: s.id for s in model.specialties},
            "locations": {loc.page or loc.id: loc.id for loc in model.locations},
        }
    mine, theirs = pages(inferred), pages(truth)
    return {kind: {iid: theirs[kind][page] for page, iid in mine[kind].items() if page in theirs[kind]}
            for kind in mine}


def finding_keys(findings: Iterable[dict[str, Any]], identity: dict[str, tuple[str, ...]],
                 translate: dict[str, dict[str, str]] | None = None) -> set[tuple[Any, ...]]:
    keys = set()
    for row in findings:
        check = f"{row['pack']}/{row['check']}"
        fields = identity.get(check, ("url", "source", "target"))
        values = []
        for name in fields:
            value = row.get(name)
            kind = ENTITY_FIELDS.get(name)
            if translate is not None and kind and value is not None:
                value = translate[kind].get(str(value), f"inferred:{value}")
            values.append(value)
        keys.add((check, *values))
    return keys


def compare_findings(with_inferred: set[tuple[Any, ...]], with_truth: set[tuple[Any, ...]]) -> dict[str, Any]:
    common = with_inferred & with_truth
    return {
        "hand_written": len(with_truth), "inferred": len(with_inferred), "both": len(common),
        "found_share": _ratio(len(common), len(with_truth)),
        "extra": len(with_inferred - with_truth), "extra_share": _ratio(len(with_inferred - with_truth), len(with_truth)),
        "missed_by_check": _by_check(with_truth - with_inferred), "extra_by_check": _by_check(with_inferred - with_truth),
    }


def _by_check(keys: set[tuple[Any, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in keys:
        out[key[0]] = out.get(key[0], 0) + 1
    return dict(sorted(out.items()))


LABELLED_ASPECTS = ("conditions", "stage pages", "providers", "locations", "specialties", "provider-condition pairs")


def _key(path: str) -> str:
    return path.split("?", 1)[0].rstrip("/").lower() or "/"


def label_aspects(labels: dict[str, Any]) -> dict[str, set[Any]]:
    """What a person labelled on a real export (tests/data/real_labels/*.yml), as page keys."""
    def pages(name: str) -> set[str]:
        return {_key(item["page"]) for item in labels.get(name) or []}

    return {
        "conditions": pages("conditions"),
        "stage pages": {(_key(s["condition"]), s["stage"], _key(s["page"])) for s in labels.get("stage_pages") or []},
        "providers": pages("providers"),
        "locations": pages("locations"),
        "specialties": pages("specialties"),
        "provider-condition pairs": {(_key(t["provider"]), _key(t["condition"])) for t in labels.get("provider_treats") or []},
    }


def model_page_aspects(model: SiteModel) -> dict[str, set[Any]]:
    """The same aspects of a model, by page."""
    overview = {c.id: _key(c.pages["overview"]) for c in model.conditions if "overview" in c.pages}
    provider = {p.id: _key(p.page) for p in model.providers if p.page}
    return {
        "conditions": set(overview.values()),
        "stage pages": {(overview[c.id], stage, _key(path)) for c in model.conditions if c.id in overview
                        for stage, path in c.pages.items() if stage not in ("overview", "appointment")},
        "providers": set(provider.values()),
        "locations": {_key(loc.page) for loc in model.locations if loc.page},
        "specialties": {_key(s.hub) for s in model.specialties if s.hub},
        "provider-condition pairs": {(provider[p.id], overview[c]) for p in model.providers if p.id in provider
                                     for c in p.treats if c in overview},
    }


def score_against_labels(model: SiteModel, labels: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found, expected = model_page_aspects(model), label_aspects(labels)
    return {name: compare(found[name], expected[name]) for name in LABELLED_ASPECTS}
