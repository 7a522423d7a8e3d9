"""Where every row of every input went, so a load that kept 3% of a file cannot look like success.

Each reader keeps one `RowAccount` per stream it yields (pages, links): rows read, rows loaded,
rows skipped by reason and rows rejected, with `read == loaded + skipped + rejected` once the
stream has been read to the end. The readers count what they drop themselves (a URL on another
host, an image link, a row without a URL, a URL the crawler never fetched, by the crawler's
reason); `CrawlInput` counts what it drops when merging
readers (a page already yielded, links of non-HTML pages) and what it passes on (loaded).
`ReadOptions` carries the user's tolerance: `--strict` and `--max-bad-rows`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SKIP_REASONS = ("external", "non-HTML", "resource", "duplicate", "never fetched", "not in crawl")
DEFAULT_MAX_BAD_ROWS = 0.01


def summary_key(reason: str) -> str:
    """The summary column of a skip reason: `non-HTML` -> skipped_non_html."""
    return "skipped_" + reason.lower().replace("-", "_").replace(" ", "_")


@dataclass(frozen=True)
class ReadOptions:
    """`strict`: refuse bad bytes, control characters and bad numbers instead of warning.
    `max_bad_rows`: share of a file's data rows (0.01 = 1%) that may hold invalid numbers."""

    strict: bool = False
    max_bad_rows: float = DEFAULT_MAX_BAD_ROWS


@dataclass
class RowAccount:
    """The rows of one stream of one input file."""

    file: str
    stream: str  # pages | links | structured data
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    bad_values: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    never_fetched: Counter[str] = field(default_factory=Counter)  # by the crawler's reason (Blocked by robots.txt, ...)

    def start(self, warnings: list[str] = ()) -> RowAccount:  # type: ignore[assignment]
        """Reset the counts: a stream read again is counted again, not twice."""
        self.read = self.loaded = self.rejected = self.bad_values = 0
        self.skipped = Counter()
        self.never_fetched = Counter()
        self.warnings = list(warnings)
        return self

    @property
    def accounted(self) -> int:
        return self.loaded + sum(self.skipped.values()) + self.rejected

    def row(self) -> dict[str, Any]:
        """One line of the load summary."""
        return {
            "file": self.file,
            "records": self.stream,
            "read": self.read,
            "loaded": self.loaded,
            **{summary_key(reason): self.skipped.get(reason, 0) for reason in SKIP_REASONS},
            "rejected": self.rejected,
            "bad_values": self.bad_values,
            "never_fetched": dict(sorted(self.never_fetched.items(), key=lambda item: (-item[1], item[0]))),
        }

    def skip_never_fetched(self, reason: str) -> None:
        """A row the crawler listed but never fetched: not a page of the crawl (docs/ingest.md)."""
        self.skipped["never fetched"] += 1
        self.never_fetched[reason] += 1


SUMMARY_COLUMNS = [
    "file", "records", "read", "loaded",
    *(summary_key(reason) for reason in SKIP_REASONS),
    "rejected", "bad_values", "never_fetched",
]
