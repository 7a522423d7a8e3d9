"""The generic pair for crawlers without a dedicated reader: pages.csv and links.csv.

pages.csv: `url` plus optional `status`, `title`, `h1`, `indexable`, `depth`, and (accepted
beyond the contract) `content_type`, `canonical`, `redirect_to`, `word_count`, `reviewed_by`.
The status also goes by `status_code` and `http_status`, as home-made crawlers and URL
inventories name it: unread, a 404 row would pass for a live page.
links.csv: `source`, `target` plus optional `anchor`, `position`, `follow`, `alt`; when a `type`
column is present only hyperlink rows (`hyperlink`, `href`, `a`, blank) are read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.cells import cell, parse_bool, raw_cell
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


class PagesReader(CsvReader):
    kind = "generic_pages"
    has_positions = None

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        super().__init__(path, options)
        require_columns(self.csv, "pages.csv", ("url",))

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]:
        h = self.csv.header
        url_col = h.find("url")
        status_col = h.find("status", "status code", "status_code", "http_status", "http status")
        indexable_col = h.find("indexable")
        canonical = h.find("canonical")
        columns = PageColumns(
            title=h.find("title"),
            h1=h.find("h1"),
            redirect=h.find("redirect to", "redirect_to", "redirect url"),
            content_type=h.find("content type", "content_type"),
            depth=h.find("depth", "crawl depth"),
            words=h.find("word count", "word_count"),
            reviewer=h.find("reviewed by", "reviewed_by", "reviewer"),
        )
        name = self.path.name
        account, check = self.start("pages")
        # no status text column: a status of 0 is never fetched, "No Response"
        for line, cells, url, status in self.fetched_rows(account, check, normaliser, url_col, status_col, None):
            canonical_url = site_url(normaliser, cell(cells, canonical), url)
            stated = cell(cells, indexable_col)
            derived, reason = derived_indexability(status if status is not None else 200, False, canonical_url, url)
            if stated is None:
                indexable = derived
            else:
                indexable = parse_bool(stated)
                if indexable is None:
                    raise InputError(
                        f"indexable must be true or false, not {stated!r}", name, line,
                        "write true/false (or yes/no, 1/0) in the indexable column",
                    )
                reason = None if indexable else (reason or "Non-Indexable")
            yield page_record(
                normaliser, cells, columns, url, status, canonical_url, indexable, reason, f"{name}:{line}",
                check, line,
            )
        check.finish()

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]:
        return iter(())


class LinksReader(CsvReader):
    kind = "generic_links"

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        super().__init__(path, options)
        require_columns(self.csv, "links.csv", ("source",), ("target",))
        self.has_positions = self.csv.header.has("position")

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]:
        return iter(())

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]:
        h = self.csv.header
        source = h.find("source")
        target = h.find("target")
        anchor = h.find("anchor", "anchor text")
        alt = h.find("alt", "alt text")
        position = h.find("position")
        follow = h.find("follow")
        link_type = h.find("type")
        name = self.path.name
        account, _ = self.start("links")
        skipped = account.skipped
        hyperlinks = HYPERLINK_TYPES | {"a"}
        for line, cells in self.csv.rows():
            account.read += 1
            kind = (cell(cells, link_type) or "a").lower() if link_type is not None else "a"
            if kind not in hyperlinks:
                skipped["resource"] += 1
                self.note_resource(normaliser, kind, cell(cells, source), raw_cell(cells, target))
                continue
            raw_source = cell(cells, source)
            if not raw_source or not raw_cell(cells, target).strip():
                account.rejected += 1
                continue
            source_url = normaliser.normalise(raw_source)
            target_url = normaliser.normalise(raw_cell(cells, target), base=raw_source) if source_url else None
            if target_url is None:
                skipped["external"] += 1
                continue
            stated_follow = cell(cells, follow)
            followed = True if stated_follow is None else parse_bool(stated_follow)
            if followed is None:
                raise InputError(
                    f"follow must be true or false, not {stated_follow!r}", name, line,
                    "write true/false (or yes/no, 1/0) in the follow column",
                )
            stated_position = cell(cells, position)
            position_name = normalise_position(stated_position)
            if stated_position is not None and position_name is None:
                raise InputError(
                    f"unknown link position {stated_position!r}", name, line,
                    "use Content, Aside, Sidebar, Header, Navigation or Footer (or leave it blank)",
                )
            yield LinkRecord(
                source=source_url,
                target=target_url,
                anchor=cell(cells, anchor) or "",
                alt=cell(cells, alt) or "",
                position=position_name,
                follow=followed,
            )

