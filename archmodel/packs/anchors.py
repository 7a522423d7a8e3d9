"""Anchor texts for suggested links, phrased from the site model.

An anchor should name what the target is about, in words that fit the target's place in the
care pathway ("symptoms of diabetes", "how diabetes is diagnosed", "A1C test", "treatment for
diabetes", "care after treatment", "Dr. Maria Okafor, endocrinologist", "book a diabetes
evaluation"), vary across the pages that link to it (docs/packs.md, anchors: one repeated anchor looks
forced), and never be a generic phrase such as "learn more".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Phrases that say nothing about a target; the site's own `generic_anchors` are added to these.
GENERIC_PHRASES = frozenset(
    {
        "learn more", "click here", "read more", "here", "more", "this page", "find out more",
        "continue", "see more", "more info", "more information", "details", "link", "this link",
        "go", "view", "view more", "info", "page", "website", "this", "next", "back",
    }
)

_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+")


def fold(text: str) -> str:
    """Anchor comparison form: lower case, trimmed, runs of white space folded."""
    return " ".join(str(text).lower().split())


def in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: 'Diabetes' -> 'diabetes', but 'PCOS' stays."""
    first, _, rest = name.partition(" ")
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.isalpha():
        first = first[0].lower() + first[1:]
    return f"{first} {rest}".strip() if rest else first


def page_heading(page: dict[str, Any]) -> str | None:
    """The page's own name: its H1, else its title without the ' | Site name' tail."""
    for key in ("h1", "title"):
        text = (page.get(key) or "").strip()
        if text:
            return _TITLE_SEPARATORS.split(text)[0].strip() or None
    return None


@dataclass
class Target:
    """What a suggested link's target is, as far as anchors are concerned."""

    url: str
    type: str | None = None
    heading: str | None = None
    stages: list[dict[str, Any]] = field(default_factory=list)  # [{stage, name, synonyms}]
    conditions: list[dict[str, Any]] = field(default_factory=list)  # [{id, name, synonyms}]
    providers: list[dict[str, Any]] = field(default_factory=list)  # [{id, name, title, specialties}]
    specialties: list[dict[str, Any]] = field(default_factory=list)  # [{id, name}]
    locations: list[dict[str, Any]] = field(default_factory=list)  # [{id, name, telehealth}]
    trust_role: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Target:
        return cls(
            url=row["url"],
            type=row.get("type"),
            heading=page_heading(row),
            stages=list(row.get("stages") or []),
            conditions=list(row.get("conditions") or []),
            providers=list(row.get("providers") or []),
            specialties=list(row.get("specialties") or []),
            locations=list(row.get("locations") or []),
            trust_role=row.get("trust_role"),
        )


def _names(condition: dict[str, Any]) -> list[str]:
    names = [condition.get("name") or ""] + list(condition.get("synonyms") or [])
    return [in_sentence(n.strip()) for n in names if n and n.strip()]


STAGE_PHRASES: dict[str, Sequence[str]] = {
    "overview": ("{n}", "about {n}", "living with {n}"),
    "symptoms": ("symptoms of {n}", "{n} symptoms", "signs of {n}"),
    "diagnosis": ("how {n} is diagnosed", "diagnosis of {n}", "{n} diagnosis"),
    "tests": ("tests for {n}", "{n} tests"),
    "treatment": ("treatment for {n}", "{n} treatment options", "treating {n}"),
    "follow_up": ("care after treatment", "{n} follow-up care", "care after {n} treatment"),
    "appointment": ("book a {n} evaluation", "schedule a {n} appointment", "book an appointment for {n}"),
}


def _interleave(templates: Sequence[str], names: Sequence[str]) -> list[str]:
    """Every template with the main name first, then with each synonym: variety comes early."""
    phrases = []
    for name in names or [""]:
        for template in templates:
            if "{n}" in template and not name:
                continue
            phrases.append(template.format(n=name))
    return phrases


def candidate_anchors(target: Target, source_conditions: Iterable[str] = ()) -> list[str]:
    """Anchor texts for a link to `target`, best first; `source_conditions` are the ids the
    linking page is about, so a provider can be named as a specialist in that condition."""
    candidates: list[str] = []
    source_conditions = set(source_conditions)
    for stage in sorted(target.stages, key=lambda s: (s.get("id") not in source_conditions, s.get("id") or "")):
        kind = stage.get("stage")
        names = _names(stage)
        if kind == "tests" and target.heading:
            candidates += [target.heading, f"{target.heading} for {names[0]}" if names else target.heading]
        candidates += _interleave(STAGE_PHRASES.get(kind, ("{n}",)), names)
    for provider in target.providers:
        name = (provider.get("name") or "").strip()
        if not name:
            continue
        title = (provider.get("title") or "").strip()
        treated = [c for c in target.conditions if c.get("id") in source_conditions]
        if title:
            candidates.append(f"{name}, {title}")
        for condition in treated:
            candidates.append(f"{name}, {in_sentence(condition['name'])} specialist")
        for specialty in provider.get("specialties") or []:
            candidates.append(f"{name}, {in_sentence(specialty)} specialist")
        candidates.append(name)
    for specialty in target.specialties:
        name = (specialty.get("name") or "").strip()
        if name:
            candidates += [f"our {in_sentence(name)} team", f"{name} services", f"{in_sentence(name)} care at our clinic"]
    for location in target.locations:
        name = (location.get("name") or "").strip()
        if location.get("telehealth"):
            candidates += ["virtual visits", "telehealth appointments"] + ([name] if name else [])
        elif name:
            candidates += [name, f"our {name}", f"visit {name}"]
    if target.heading:
        candidates.append(target.heading)
    if target.type == "appointment" and not target.stages:
        candidates += ["book an appointment", "request an appointment"]
    return candidates


def usable_anchors(candidates: Iterable[str], generic: Iterable[str] = ()) -> list[str]:
    """Candidates without duplicates, empty strings or generic phrases."""
    banned = GENERIC_PHRASES | {fold(g) for g in generic}
    seen: set[str] = set()
    anchors = []
    for candidate in candidates:
        text = " ".join(str(candidate).split())
        key = fold(text)
        if len(key) < 3 or key in banned or key in seen:
            continue
        seen.add(key)
        anchors.append(text)
    return anchors


def fallback_anchor(target: Target, generic: Iterable[str] = ()) -> str | None:
    """Words from the URL's last path segment, when nothing else names the target."""
    path = re.sub(r"^[a-z]+://[^/]+", "", target.url).strip("/")
    segment = path.rsplit("/", 1)[-1] if path else ""
    words = re.sub(r"[-_]+", " ", re.sub(r"\.[a-z0-9]+$", "", segment)).strip()
    usable = usable_anchors([words], generic)
    return usable[0] if usable else None
