"""The records every reader yields and the loader consumes.

Readers (one per export format) turn files into these, already normalised by the site's
`UrlNormaliser`, so the loader never needs to know which tool produced a crawl.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BODY_POSITIONS = frozenset({"Content", "Aside", "Sidebar"})
NAV_POSITIONS = frozenset({"Header", "Navigation", "Footer"})
LINK_POSITIONS = BODY_POSITIONS | NAV_POSITIONS


@dataclass(slots=True)
class PageRecord:
    """One crawled URL. `content_type` lets the loader skip non-HTML resources (PDF, images)."""

    url: str
    status: int | None = None
    title: str | None = None
    h1: str | None = None
    indexable: bool | None = None
    indexability: str | None = None
    canonical: str | None = None
    redirect_to: str | None = None
    content_type: str | None = None
    crawl_depth: int | None = None
    word_count: int | None = None
    reviewed_by: str | None = None
    origin: str = ""
    derived: bool = field(default=False, compare=False)  # not a row of its own (an advertools redirect hop)

    @property
    def is_html(self) -> bool:
        return not self.content_type or "html" in self.content_type.lower()


@dataclass(slots=True)
class LinkRecord:
    """One `<a href>` hyperlink between two URLs of the site (both normalised)."""

    source: str
    target: str
    anchor: str = ""
    alt: str = ""
    position: str | None = None
    follow: bool = True

    @property
    def body(self) -> bool:
        """Body links (or links of unknown position) carry topical meaning; nav links do not."""
        return self.position is None or self.position in BODY_POSITIONS


@dataclass(slots=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None


@dataclass
class InputWarnings:
    """Non-fatal notes a load prints once at the end (e.g. no link positions in the export)."""

    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)
