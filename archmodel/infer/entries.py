"""What inference proposes: entries with their evidence and a confidence.

An entry below `ACCEPT` is written commented out: the person reviewing the file sees it and
uncomments it if it is right, and nothing refers to it until then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACCEPT = 0.5


@dataclass
class Entry:
    kind: str  # specialties, conditions, providers, locations
    id: str
    fields: dict[str, Any]
    evidence: list[str] = field(default_factory=list)
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)  # review hints written as comments

    @property
    def accepted(self) -> bool:
        return self.confidence >= ACCEPT

    def because(self, text: str, weight: float = 0.0) -> None:
        self.evidence.append(text)
        self.confidence = min(1.0, round(self.confidence + weight, 2))


@dataclass
class InferredModel:
    base_url: str
    site_name: str
    rules: list[Any]
    unmapped: list[str]
    specialties: list[Entry] = field(default_factory=list)
    conditions: list[Entry] = field(default_factory=list)
    providers: list[Entry] = field(default_factory=list)
    locations: list[Entry] = field(default_factory=list)
    policy_pages: list[str] = field(default_factory=list)
    review_pages: list[str] = field(default_factory=list)
    reviewed_by: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    why_no_medical: str = ""
    without_links: str = ""  # one line when the crawl had no link rows: which facts need them
    pages: int = 0
    read_warnings: list[str] = field(default_factory=list)  # what the readers said of the files, as `load` prints it

    def lists(self) -> dict[str, list[Entry]]:
        return {"specialties": self.specialties, "conditions": self.conditions,
                "providers": self.providers, "locations": self.locations}

    def accepted_ids(self, kind: str) -> set[str]:
        return {e.id for e in self.lists()[kind] if e.accepted}

    def confidence(self) -> float:
        entries = [e for items in self.lists().values() for e in items]
        return round(sum(e.confidence for e in entries) / len(entries), 2) if entries else 0.0
