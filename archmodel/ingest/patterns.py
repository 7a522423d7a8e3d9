"""Page-type patterns: `/conditions/{condition}/`, `/tests/**`, `/blog/*/`.

A pattern is a path whose segments may be `*` (exactly one segment), `**` (any number of
segments, zero included) or contain `{name}` captures (one segment, or part of one:
`/{slug}.html`). Matching ignores the trailing slash on both sides, so a rule works whatever
trailing-slash policy the site uses, and ignores any `?query`. The rules are ordered: the first
that matches gives the type. All rules compile into one alternation so that classifying a path
is a single regex call (100k paths x 20 rules in a fraction of a second).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from archmodel.ingest.normalise import normalise_escapes

_CAPTURE = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")


class PatternError(ValueError):
    """A page-type pattern that cannot be compiled; the message says why."""


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    pattern: str
    regex: str  # without anchors, so it can be combined
    captures: tuple[str, ...]

    def match(self, path: str) -> dict[str, str] | None:
        found = re.fullmatch(self.regex, _path_only(path))
        return None if found is None else {name: found.group(name) for name in self.captures}


def _path_only(path: str) -> str:
    return path.split("?", 1)[0].split("#", 1)[0] or "/"


def _segment_regex(segment: str, captures: list[str], pattern: str) -> str:
    """One segment's regex. A capture followed by a literal and then another capture
    (`{first}-{last}-{credential}`) stops at the literal's first occurrence and never gives it
    back (a possessive, tempered run): the same matches as a lazy capture, in linear time, where
    lazy captures would backtrack cubically on a long crawled URL."""
    if segment == "*":
        return "[^/]+"
    if "**" in segment:
        raise PatternError(f"'**' must be a whole segment in {pattern!r}")
    found = list(_CAPTURE.finditer(segment))
    parts: list[str] = []
    position = 0
    for index, match in enumerate(found):
        parts.append(_literal(segment[position : match.start()], pattern))
        name = match.group(1)
        if not _NAME.match(name):
            raise PatternError(f"capture {{{name}}} in {pattern!r} is not a name (letters, digits, _)")
        if name in captures:
            raise PatternError(f"capture {{{name}}} appears twice in {pattern!r}")
        captures.append(name)
        following = segment[match.end() : found[index + 1].start()] if index + 1 < len(found) else ""
        if following and "*" not in following:
            stop = _literal(following, pattern)
            parts.append(f"(?P<{name}>[^/](?:(?!{stop})[^/])*+)")
        else:
            parts.append(f"(?P<{name}>[^/]+?)")
        position = match.end()
    parts.append(_literal(segment[position:], pattern))
    return "".join(parts)


def _literal(text: str, pattern: str) -> str:
    if "{" in text or "}" in text:
        raise PatternError(f"unbalanced '{{' or '}}' in {pattern!r}")
    pieces = text.split("*")
    return "[^/]*".join(re.escape(normalise_escapes(piece)) for piece in pieces)


def compile_pattern(pattern: str) -> CompiledPattern:
    """Compile one pattern; raises PatternError saying what is wrong with it."""
    if not isinstance(pattern, str) or not pattern.startswith("/"):
        raise PatternError(f"pattern {pattern!r} must be a path starting with '/'")
    if "?" in pattern or "#" in pattern:
        raise PatternError(f"pattern {pattern!r} must not contain '?' or '#': patterns match paths")
    body = pattern.strip("/")
    if not body:
        return CompiledPattern(pattern, "/", ())
    segments = body.split("/")
    if "" in segments:
        raise PatternError(f"pattern {pattern!r} has an empty segment ('//')")
    captures: list[str] = []
    regex = ""
    for segment in segments:
        if segment == "**":
            regex += "(?:/[^/]+)*"
        else:
            regex += "/" + _segment_regex(segment, captures, pattern)
    regex += "/?"
    try:
        re.compile(regex)
    except re.error as exc:  # defensive: every piece is escaped, so this means a bug here
        raise PatternError(f"pattern {pattern!r} does not compile: {exc}") from exc
    return CompiledPattern(pattern, regex, tuple(captures))


class PatternSet:
    """Ordered (pattern, type) rules compiled into one regex; `classify` gives the first match."""

    def __init__(self, rules: Sequence[tuple[str, str]], default: str = "other") -> None:
        self.default = default
        self.rules = [(compile_pattern(pattern), page_type) for pattern, page_type in rules]
        alternatives: list[str] = []
        self._groups: list[tuple[str, list[tuple[str, str]]]] = []
        for index, (compiled, page_type) in enumerate(self.rules):
            renamed = compiled.regex
            names: list[tuple[str, str]] = []
            for name in compiled.captures:
                group = f"r{index}_{name}"
                renamed = renamed.replace(f"(?P<{name}>", f"(?P<{group}>", 1)
                names.append((group, name))
            alternatives.append(f"(?P<r{index}>{renamed})")
            self._groups.append((page_type, names))
        self._regex = re.compile("|".join(alternatives)) if alternatives else None
        self._index = {f"r{index}": index for index in range(len(self.rules))}

    def classify(self, path: str) -> tuple[str, dict[str, str]]:
        """(page type, captures) of the first rule matching `path`; (default, {}) when none does."""
        if self._regex is None:
            return self.default, {}
        found = self._regex.fullmatch(_path_only(path))
        if found is None:
            return self.default, {}
        page_type, names = self._groups[self._index[found.lastgroup]]
        return page_type, {name: found.group(group) for group, name in names}
