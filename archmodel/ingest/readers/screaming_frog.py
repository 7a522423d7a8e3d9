"""Screaming Frog "Internal" and "All Inlinks" CSV exports, every version seen in use.

Columns are found by name: Internal exports carry 60-90 columns that vary with the version, the
connected APIs (GA, GSC, Majestic, Ahrefs: ignored) and what the crawl found (`Title 2`, `H1-2`).
Old exports use other names for a few columns (`Content` for `Content Type`, `Level` for
`Crawl Depth`, `Redirect URI`), and old inlinks files have no position (`Type` = `HREF`).
A custom extraction whose header contains "Reviewed By" or "Reviewer" supplies `reviewed_by`.
Rows Screaming Frog never fetched (`Status Code` 0: blocked by robots.txt, DNS lookup failed,
timeouts, refused connections) are not pages: they are counted as "never fetched", by reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.cells import cell, parse_bool
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.common import (
    HYPERLINK_TYPES,
    CsvReader,
    PageColumns,
    derived_indexability,
    normalise_position,
    page_record,
    require_columns,
    site_url,
)
from archmodel.ingest.records import LinkRecord, PageRecord


class InternalReader(CsvReader):
    """Pages from an Internal export (`internal_all.csv`, `internal_html.csv`)."""

    kind = "sf_internal"
    has_positions = None

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        super().__init__(path, options)
        require_columns(self.csv, "Screaming Frog Internal", ("Address",))

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]:
        h = self.csv.header
        address = h.find("Address")
        status_code = h.find("Status Code")
        status_text = h.find("Status")
        indexability = h.find("Indexability")
        indexability_status = h.find("Indexability Status")
        canonical = h.find("Canonical Link Element 1", "Canonical Link Element", "Canonical")
        robots = [i for i in (h.find("Meta Robots 1"), h.find("X-Robots-Tag 1")) if i is not None]
        columns = PageColumns(
            title=h.find("Title 1", "Title"),
            h1=h.find("H1-1", "H1"),
            redirect=h.find("Redirect URL", "Redirect URI", "Redirect Url"),
            content_type=h.find("Content Type", "Content"),
            depth=h.find("Crawl Depth", "Level", "Depth"),
            words=h.find("Word Count"),
            reviewer=h.find_containing("reviewed by", "reviewer"),
        )
        name = self.path.name
        account, check = self.start("pages")
        rows = self.fetched_rows(account, check, normaliser, address, status_code, status_text)
        for line, cells, url, status in rows:
            canonical_url = site_url(normaliser, cell(cells, canonical), url)
            verdict = cell(cells, indexability)
            if verdict is not None:
                indexable = not verdict.lower().startswith("non")
                reason = cell(cells, indexability_status) if not indexable else None
            else:
                noindex = any("noindex" in (cell(cells, i) or "").lower() for i in robots)
                indexable, reason = derived_indexability(status, noindex, canonical_url, url)
            yield page_record(
                normaliser, cells, columns, url, status, canonical_url, indexable, reason, f"{name}:{line}",
                check, line,
            )
        check.finish()

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]:
        return iter(())


class InlinksReader(CsvReader):
    """Hyperlinks from an "All Inlinks" (or "All Outlinks") bulk export; other link types skipped,
    the targets of Image, CSS and JavaScript rows remembered in `resource_targets`."""

    kind = "sf_inlinks"

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        super().__init__(path, options)
        require_columns(self.csv, "Screaming Frog All Inlinks", ("Type",), ("Source",), ("Destination",))
        self.has_positions = self.csv.header.has("Link Position")

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]:
        return iter(())

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]:
        """The bulk of every load (and of `init`): millions of rows that repeat a few hundred
        thousand URLs and a handful of types, positions and Follow/Rel values, so each distinct
        value is interpreted once per pass (`seen_*`, at most `_SEEN_LIMIT` values each, so a
        hostile file cannot grow them without bound; URLs are memoised by the normaliser).
        Optional columns the export lacks read the blank cell appended to every row (index -1)."""
        h = self.csv.header
        link_type = h.find("Type")
        source = h.find("Source")
        destination = h.find("Destination")
        anchor, alt, follow, rel, position = (
            -1 if index is None else index
            for index in (h.find("Anchor", "Anchor Text"), h.find("Alt Text"), h.find("Follow"), h.find("Rel"),
                          h.find("Link Position"))
        )
        account, _ = self.start("links")
        skipped = account.skipped
        normalise = normaliser.normalise
        seen_types: dict[str, bool] = {}
        seen_positions: dict[str, str | None] = {}
        seen_follow: dict[tuple[str, str], bool] = {}
        for _, cells in self.csv.rows():
            account.read += 1
            cells.append("")
            kind = cells[link_type]
            hyperlink = seen_types.get(kind)
            if hyperlink is None:
                hyperlink = kind.strip().lower() in HYPERLINK_TYPES
                if len(seen_types) < _SEEN_LIMIT:
                    seen_types[kind] = hyperlink
            if not hyperlink:
                skipped["resource"] += 1
                self.note_resource(normaliser, kind.strip().lower(), cell(cells, source), cells[destination])
                continue
            raw_source = cells[source].strip()
            raw_target = cells[destination]
            if not raw_source or not raw_target.strip():
                account.rejected += 1
                continue
            source_url = normalise(raw_source)
            if source_url is None:
                skipped["external"] += 1
                continue
            target_url = normalise(raw_target, base=raw_source)
            if target_url is None:
                skipped["external"] += 1
                continue
            signals = (cells[follow], cells[rel])
            followed = seen_follow.get(signals)
            if followed is None:
                followed = _followed(*signals)
                if len(seen_follow) < _SEEN_LIMIT:
                    seen_follow[signals] = followed
            where = cells[position]
            link_position = seen_positions.get(where, _UNSEEN)
            if link_position is _UNSEEN:
                link_position = normalise_position(where.strip() or None)
                if len(seen_positions) < _SEEN_LIMIT:
                    seen_positions[where] = link_position
            yield LinkRecord(source_url, target_url, cells[anchor].strip(), cells[alt].strip(), link_position, followed)


_UNSEEN = object()
_SEEN_LIMIT = 4096


def _followed(follow: str, rel: str) -> bool:
    """Screaming Frog's `Follow` column when it says true or false, else no `nofollow` in `Rel`."""
    followed = parse_bool(follow.strip() or None)
    if followed is None:
        followed = "nofollow" not in rel.strip().lower()
    return followed

