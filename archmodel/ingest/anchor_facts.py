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

Matching looks up the text's word n-grams (up to the longest name's length) in a dictionary of
names, so the cost grows with the text's length, not with the number of conditions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

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

    @classmethod
    def from_model(cls, model: object) -> ConditionNames:
        """From a SiteModel (`conditions`, each with `id`, `name`, `synonyms`)."""
        return cls(
            (c.id, [c.name, *(c.synonyms or [])]) for c in getattr(model, "conditions", None) or []
        )

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
