"""Anchor and heading facts the loader stores so the anchor checks become straight scans.

docs/check-semantics.md defines anchor matching on words: an anchor "names a condition" when the
condition's name or a synonym occurs in it as whole words, case-insensitive. The checks used to
split every link's anchor into words in Cypher on every run; here the same split is done once per
distinct anchor text at load time. The word rules are exactly those the checks used in Cypher
(split on white space and punctuation, lower case), so stored facts and the check definitions
agree to the character:

- `anchor_key`: the anchor folded for comparisons (trimmed, lower case, runs of white space
  folded to one space), what `generic-anchor` and `over-optimised-anchor` compare.
- `names`: ids of the conditions whose name or synonym occurs in a text as whole words, in the
  site model's condition order (a check reporting "the first foreign condition" stays stable).
- `own_name`: the anchor names the target page's own provider or location (`OwnNames`), the
  right anchor for a profile or a location page, which `over-optimised-anchor` does not flag.

Matching looks up the text's word n-grams (up to the longest name's length) in a dictionary of
names, so the cost grows with the text's length, not with the number of conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from archmodel.names import fold, person_key

# The characters that separate words in condition names, anchors, titles and H1s (the list the
# Cypher checks split on).
WORD_SEPARATORS = (
    " \t\n\r\u00a0,.;:!?()[]{}\"'/\\-\u2013\u2014\u2026&+*|\u201c\u201d\u2018\u2019\u00ab\u00bb"
)
# White space that is folded in `anchor_key` (Cypher: split on these after trim).
FOLD_SEPARATORS = " \t\n\r\u00a0"
# What Cypher's trim() removes: Java's Character.isWhitespace, which unlike Python's isspace()
# keeps the non-breaking spaces and NEL.
CYPHER_TRIMMED = "".join(
    chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in "\x85\u00a0\u2007\u202f"
)

_WORDS = re.compile("[" + re.escape(WORD_SEPARATORS) + "]+")
_FOLD = re.compile("[" + re.escape(FOLD_SEPARATORS) + "]+")

ANCHOR_CACHE_SIZE = 1 << 17


def words(text: str | None) -> tuple[str, ...]:
    """The text's words, lower case, as the checks split them."""
    return tuple(w for w in _WORDS.split((text or "").lower()) if w)


def anchor_key(anchor: str | None) -> str:
    """The anchor as the checks compare it: trimmed, lower case, white space runs folded. The one
    way to fold an anchor; `cypher_anchor_key` is the same in Cypher (tested to agree)."""
    return " ".join(w for w in _FOLD.split((anchor or "").strip(CYPHER_TRIMMED).lower()) if w)


def cypher_anchor_key(expression: str) -> str:
    """`anchor_key` as a Cypher expression over `expression` (a string), for queries over links
    stored before `anchor_key` was; `generic-anchor.cypher` folds its generic list with exactly
    this text (tested), since a check file cannot import Python."""
    escapes = {" ": " ", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    separators = ", ".join("'" + escapes.get(c, f"\\u{ord(c):04x}") + "'" for c in FOLD_SEPARATORS)
    return (f"reduce(s = '', w IN [w IN split(toLower(trim({expression})), [{separators}]) WHERE w <> ''] |\n"
            "                s + CASE WHEN s = '' THEN '' ELSE ' ' END + w)")


class ConditionNames:
    """Condition names and synonyms, found in texts as whole words."""

    def __init__(self, conditions: Iterable[tuple[str, Iterable[str]]]) -> None:
        """`conditions`: (id, [name, synonym, ...]) in the site model's order."""
        self._order: dict[str, int] = {}
        self._keys: dict[tuple[str, ...], list[str]] = {}
        for condition_id, names in conditions:
            self._order.setdefault(condition_id, len(self._order))
            for name in names:
                key = words(name)
                if not key:
                    continue
                owners = self._keys.setdefault(key, [])
                if condition_id not in owners:
                    owners.append(condition_id)
        self._longest = max((len(key) for key in self._keys), default=0)
        self._first_words = {key[0] for key in self._keys}
        self.anchor_facts = lru_cache(maxsize=ANCHOR_CACHE_SIZE)(self._anchor_facts)

    @staticmethod
    def entries(model: object) -> list[tuple[str, list[str]]]:
        """(id, [name, synonym, ...]) of a SiteModel's conditions (`conditions`, each with `id`,
        `name`, `synonyms`): what the names are built from."""
        return [(c.id, [c.name, *(c.synonyms or [])]) for c in getattr(model, "conditions", None) or []]

    @classmethod
    def from_model(cls, model: object) -> ConditionNames:
        return cls(cls.entries(model))

    def _anchor_facts(self, anchor: str) -> tuple[str, list[str]]:
        """(anchor_key, names) of one anchor text; cached, since anchors repeat across links."""
        return anchor_key(anchor), self.named(anchor.strip(CYPHER_TRIMMED))

    def named(self, *texts: str | None) -> list[str]:
        """Ids of the conditions named in any of the texts, in condition order, each once."""
        found: set[str] = set()
        for text in texts:
            tokens = words(text)
            for i, first in enumerate(tokens):
                if first not in self._first_words:
                    continue
                for j in range(i + 1, min(i + self._longest, len(tokens)) + 1):
                    owners = self._keys.get(tokens[i:j])
                    if owners:
                        found.update(owners)
        return sorted(found, key=self._order.__getitem__)


@dataclass
class OwnNameEntries:
    """What `OwnNames` is built from: provider and location id -> name, and (url, label, id) of the
    pages the site model names for them."""

    providers: dict[str, str]
    locations: dict[str, str]
    pages: list[tuple[str, str, str]]


class OwnNames:
    """The names a provider's profile or a location's page is rightly linked by.

    A profile's own anchor is its provider's name ("Dr. Maria Okafor", "Maria Okafor, MD": compared
    as `person_key`, without "Dr." or credentials); a location page's is the location's name. An
    anchor holding that name as whole words (folded as archmodel.names.fold: case, accents and
    punctuation aside) names the page's own entity.
    """

    def __init__(self, providers: dict[str, str], locations: dict[str, str]) -> None:
        """`providers` and `locations`: entity id -> name."""
        self._entities: dict[tuple[str, str], str] = {}
        for label, entities, key in (("Provider", providers, person_key), ("Location", locations, fold)):
            for entity_id, name in entities.items():
                folded = key(name or "")
                if folded:
                    self._entities[(label, entity_id)] = f" {folded} "
        self._pages: dict[str, set[str]] = {}

    @staticmethod
    def entries(model: object, to_url: Callable[[str], str]) -> OwnNameEntries:
        """A SiteModel's providers' and locations' names, and the pages it names for them."""
        providers = list(getattr(model, "providers", None) or [])
        locations = list(getattr(model, "locations", None) or [])
        pages = [
            (to_url(entity.page), label, entity.id)
            for label, entities in (("Provider", providers), ("Location", locations))
            for entity in entities
            if entity.page
        ]
        return OwnNameEntries({p.id: p.name for p in providers}, {loc.id: loc.name for loc in locations}, pages)

    @classmethod
    def from_entries(cls, entries: OwnNameEntries) -> OwnNames:
        own = cls(entries.providers, entries.locations)
        for url, label, entity_id in entries.pages:
            own.add_page(url, label, entity_id)
        return own

    @classmethod
    def from_model(cls, model: object, to_url: Callable[[str], str]) -> OwnNames:
        return cls.from_entries(cls.entries(model, to_url))

    def add_page(self, url: str, label: str, entity_id: str) -> None:
        """The page at `url` is the profile of provider `entity_id` or the page of location `entity_id`
        (named in site.yml or captured from the URL); unknown entities are ignored."""
        name = self._entities.get((label, entity_id))
        if name is not None:
            self._pages.setdefault(url, set()).add(name)

    def named(self, anchor: str, target: str) -> bool | None:
        """True when the anchor names the target's own provider or location; None otherwise (so the
        relationship property is only stored where it is true)."""
        names = self._pages.get(target)
        if not names:
            return None
        text = f" {fold(anchor)} "
        return True if any(name in text for name in names) else None
