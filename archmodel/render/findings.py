"""Findings as the maps and the report see them.

Findings are the dicts the packs runner produces (and `archmodel run --format json` writes):
`pack`, `check`, `severity`, `title`, then `url` or `source`/`target`, entity ids and `detail`
(docs/packs.md). A finding belongs on the map at the page that has to change: the page it is about
(`url`) or, for a link that is wrong or missing, the page the link starts from (`source`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archmodel.errors import InputError

SEVERITIES = ("high", "medium", "low", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

Finding = dict[str, Any]


def subject_url(finding: Finding) -> str | None:
    """The page a content editor opens to fix the finding."""
    return finding.get("url") or finding.get("source")


def severity_rank(finding: Finding) -> int:
    return SEVERITY_RANK.get(str(finding.get("severity", "info")), len(SEVERITIES))


def check_name(finding: Finding) -> str:
    return f"{finding.get('pack', '?')}/{finding.get('check', '?')}"


@dataclass
class FindingIndex:
    """Findings grouped by the page they land on, most severe first."""

    findings: list[Finding] = field(default_factory=list)
    by_url: dict[str, list[Finding]] = field(default_factory=dict)

    @classmethod
    def build(cls, findings: Iterable[Finding] | None) -> FindingIndex:
        rows = sorted(findings or [], key=lambda f: (severity_rank(f), check_name(f)))
        by_url: dict[str, list[Finding]] = defaultdict(list)
        for finding in rows:
            url = subject_url(finding)
            if url:
                by_url[url].append(finding)
        return cls(rows, dict(by_url))

    def for_page(self, url: str) -> list[Finding]:
        return self.by_url.get(url, [])

    def has_high(self, url: str) -> bool:
        return any(f.get("severity") == "high" for f in self.by_url.get(url, ()))

    def link_finding(self, source: str, target: str, checks: Iterable[str]) -> Finding | None:
        """The finding (if any) of one of `checks` about the link source -> target."""
        wanted = set(checks)
        for finding in self.by_url.get(source, ()):
            if finding.get("target") == target and finding.get("check") in wanted:
                return finding
        return None

    def count(self, pack: str, check: str) -> int:
        return sum(1 for f in self.findings if f.get("pack") == pack and f.get("check") == check)


def read_rows_file(path: Path, what: str) -> list[dict[str, Any]]:
    """Rows written by `archmodel run/suggest --format json` (an array) or `ndjson`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the {what} file ({exc.strerror})", str(path), fix="check the path") from None
    fix = f"write it with `archmodel {'suggest' if what == 'suggestions' else 'run'} --format json -o {path.name}`"
    stripped = text.strip()
    if not stripped:
        return []
    try:
        if stripped.startswith("["):
            rows = json.loads(stripped)
        else:
            rows = [json.loads(line) for line in stripped.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise InputError(f"the {what} file is not JSON ({exc.msg})", str(path), exc.lineno, fix) from None
    if not all(isinstance(row, dict) for row in rows):
        raise InputError(f"the {what} file must hold an array of objects", str(path), fix=fix)
    return rows

