"""Pieces every reader shares: link positions, required columns, indexability from raw signals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions, RowAccount
from archmodel.ingest.cells import cell
from archmodel.ingest.csvio import CsvFile, open_csv
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.records import PageRecord
from archmodel.ingest.values import ValueChecker

_POSITIONS = {
    "content": "Content",
    "body": "Content",
    "main": "Content",
    "aside": "Aside",
    "sidebar": "Sidebar",
    "side bar": "Sidebar",
    "header": "Header",
    "head": "Header",
    "navigation": "Navigation",
    "nav": "Navigation",
    "menu": "Navigation",
    "footer": "Footer",
    "foot": "Footer",
}

HYPERLINK_TYPES = frozenset({"hyperlink", "href", "ahref", "a href"})
# Link rows that load a resource into a page (Screaming Frog's Image, CSS and JavaScript rows, old
# exports' IMG and JS): a URL referenced only by such rows is a resource, never a page
# (docs/check-semantics.md "Resource").
RESOURCE_TYPES = frozenset({"image", "img", "css", "javascript", "js", "script", "stylesheet"})

# Screaming Frog's `Status` for a URL it listed but never fetched (its `Status Code` is 0 or blank).
NEVER_FETCHED = {
    text.lower(): text
    for text in (
        "Blocked by robots.txt",
        "Blocked URL",
        "DNS lookup failed",
        "Connection Timeout",
        "Timeout",
        "Connection Refused",
        "Connection Error",
        "No Response",
    )
}


def never_fetched(status: int | None, status_text: str | None) -> str | None:
    """Why a row was never fetched, or None for a fetched page. A status code of 0 means no response
    whatever the text says; a blank code counts when the status text is one of `NEVER_FETCHED`.
    The reason is the crawler's text (known ones in one spelling), else "No Response"."""
    text = " ".join((status_text or "").split())
    known = NEVER_FETCHED.get(text.lower())
    if status == 0:
        return known or text or "No Response"
    if status is None and known:
        return known
    return None


def normalise_position(text: str | None) -> str | None:
    """`content`, `NAV`, `Side Bar` -> Content, Navigation, Sidebar; blank or unknown -> None."""
    if not text:
        return None
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    return _POSITIONS.get(key)


def require_columns(opened: CsvFile, kind: str, *required: tuple[str, ...]) -> None:
    """Each entry of `required` is a column and its accepted aliases; raise naming the first missing."""
    for names in required:
        if not opened.header.has(*names):
            found = ", ".join(opened.header.names[:10])
            raise InputError(
                f"{kind} export has no '{names[0]}' column (found: {found})",
                opened.path.name,
                opened.header_line,
                f"export the report again with the '{names[0]}' column, or rename the column holding it",
            )


def derived_indexability(status: int | None, noindex: bool, canonical: str | None, url: str) -> tuple[bool, str | None]:
    """(indexable, reason) the way Screaming Frog words it, for exports that do not say."""
    if status is None or status == 0:
        return False, "No Response"
    if 300 <= status < 400:
        return False, "Redirected"
    if 400 <= status < 500:
        return False, "Client Error"
    if status >= 500:
        return False, "Server Error"
    if status != 200:
        return False, "Non-200"
    if noindex:
        return False, "noindex"
    if canonical is not None and canonical != url:
        return False, "Canonicalised"
    return True, None


def split_joined(value: object, separator: str = "@@") -> list[str]:
    """advertools joins lists with '@@'; a missing or NaN value is an empty list."""
    if isinstance(value, list):
        return ["" if item is None else str(item) for item in value]
    if not isinstance(value, str) or value == "":
        return []
    return value.split(separator)


def site_url(normaliser: UrlNormaliser, value: str | None, base: str) -> str | None:
    """A URL cell (canonical, redirect) on the site, resolved against its page; None when blank."""
    return normaliser.normalise(value, base=base) if value else None


@dataclass(frozen=True)
class PageColumns:
    """Where each page field sits in a page export (None: the export has no such column)."""

    title: int | None
    h1: int | None
    redirect: int | None
    content_type: int | None
    depth: int | None
    words: int | None
    reviewer: int | None


def page_record(
    normaliser: UrlNormaliser,
    cells: list[str],
    columns: PageColumns,
    url: str,
    status: int | None,
    canonical: str | None,
    indexable: bool,
    reason: str | None,
    origin: str,
    check: ValueChecker,
    line: int,
) -> PageRecord:
    """The record every page reader yields once it has settled URL, status and indexability."""
    return PageRecord(
        url=url,
        status=status,
        title=cell(cells, columns.title),
        h1=cell(cells, columns.h1),
        indexable=indexable,
        indexability=reason,
        canonical=canonical,
        redirect_to=site_url(normaliser, cell(cells, columns.redirect), url),
        content_type=cell(cells, columns.content_type),
        crawl_depth=check.count(cells, columns.depth, line),
        word_count=check.count(cells, columns.words, line),
        reviewed_by=cell(cells, columns.reviewer),
        origin=origin,
    )


class CsvReader:
    """What every CSV reader shares: the opened file, the read options and one account per stream."""

    kind = ""

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        self.path = path
        self.options = options or ReadOptions()
        self.csv = open_csv(path, strict=self.options.strict)
        self.accounts: dict[str, RowAccount] = {}
        # URLs of the site that Image, CSS or JavaScript rows point at (filled while links are read)
        self.resource_targets: set[str] = set()

    def note_resource(self, normaliser: UrlNormaliser, kind: str, source: str | None, target: str) -> None:
        """Remember the target of a skipped resource row (an image, a style sheet, a script)."""
        if kind in RESOURCE_TYPES and target.strip():
            url = normaliser.normalise(target, base=source)
            if url is not None:
                self.resource_targets.add(url)

    def fetched_rows(
        self, account: RowAccount, check: ValueChecker, normaliser: UrlNormaliser,
        address: int | None, status_code: int | None, status_text: int | None,
    ) -> Iterator[tuple[int, list[str], str, int | None]]:
        """(line, cells, normalised URL, status) of every row naming a URL of the site that the
        crawler fetched, each row counted as read; a row without an address is rejected, one of
        another host skipped as external, one never fetched (Screaming Frog's status 0) skipped
        with the crawler's reason. Screaming Frog's page-level exports share these columns."""
        for line, cells in self.csv.rows():
            account.read += 1
            raw_url = cell(cells, address)
            if not raw_url:
                account.rejected += 1
                continue
            url = normaliser.normalise(raw_url)
            if url is None:
                account.skipped["external"] += 1
                continue
            status = check.status(cells, status_code, line)
            unfetched = never_fetched(status, cell(cells, status_text))
            if unfetched:
                account.skip_never_fetched(unfetched)
                continue
            yield line, cells, url, status

    def start(self, stream: str) -> tuple[RowAccount, ValueChecker]:
        """A fresh account for one pass over a stream, and the checker for its numbers."""
        account = self.accounts.setdefault(stream, RowAccount(self.path.name, stream))
        account.start(self.csv.warnings)
        return account, ValueChecker(account, self.options, self.csv.header.names, self.csv.lines)
