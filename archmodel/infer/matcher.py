"""Find every vocabulary name in a text in one pass (Aho-Corasick, pyahocorasick).

Names and texts are folded the same way (`fold`: lower case, accents and punctuation dropped),
and a name only counts as whole words: "stroke" is found in "heat stroke care" but "ms" is not
found in "forms". Overlapping finds keep the longest, leftmost first, so "type 2 diabetes" wins
over "diabetes" inside it. Tens of thousands of names build in well under a second; a title is
searched in microseconds, so a 100,000-page crawl costs a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from archmodel.names import fold

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    start: int  # character offsets in the folded text
    end: int
    term: str  # the folded name that matched
    value: T


class TermMatcher(Generic[T]):
    """Whole-word matches of many folded names, each name mapped to one value (the first given)."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for name, value in names:
            key = fold(name)
            if key and f" {key} " not in self._automaton:
                self._automaton.add_word(f" {key} ", (key, value))
                self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def find(self, text: str, folded: bool = False) -> list[Found[T]]:
        """Non-overlapping whole-word finds in `text`, longest first where they overlap, in text order."""
        if not self.size or not text:
            return []
        body = f" {text if folded else fold(text)} "
        hits = []
        for end, (key, value) in self._automaton.iter(body):
            start = end - len(key)  # the key sits between the two spaces of the stored word
            hits.append(Found(start - 1, end - 1, key, value))
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: list[Found[T]] = []
        for hit in hits:
            if all(hit.end <= t.start or hit.start >= t.end for t in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h.start)

    def exact(self, text: str) -> T | None:
        """The value of the name that is the whole of `text`, if any."""
        key = fold(text)
        if not key or not self.size:
            return None
        found = self._automaton.get(f" {key} ", None)
        return None if found is None else found[1]
