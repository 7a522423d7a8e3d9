"""What kind of crawl file is this? Decided from its first bytes and header, never its name.

Users rename exports (`crawl-2024-05.csv`), so the name says nothing. The header does: an
`Address` column is a Screaming Frog "Internal" export, `Source` + `Destination` an "All Inlinks"
(or "All Outlinks") export, `source` + `target` a generic links.csv, `url` a generic pages.csv; `Address` with `Total Types`
or `Unique Types` is Screaming Frog's Structured Data export (checked first: it has `Address` too);
JSON lines with a `url` key are advertools output; XML with `<urlset>` or `<sitemapindex>` is a
sitemap. Anything else gets a reason (`empty`, `binary`, `html`, ...) so the caller can say what
is wrong with a file the user named.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from archmodel.errors import InputError
from archmodel.ingest.csvio import Header, looks_binary, open_csv
from archmodel.ingest.traffic import looks_like_traffic

KINDS = ("sf_internal", "sf_inlinks", "generic_pages", "generic_links", "advertools", "sitemap", "sf_structured_data")
CSV_KINDS = frozenset({"sf_internal", "sf_inlinks", "generic_pages", "generic_links", "sf_structured_data"})
PAGE_KINDS = frozenset({"sf_internal", "generic_pages", "advertools"})
LINK_KINDS = frozenset({"sf_inlinks", "generic_links", "advertools"})
STRUCTURED_DATA_KIND = "sf_structured_data"  # schema.org types per page: neither pages nor links
# The Structured Data tab's count columns; an Internal export never has them.
STRUCTURED_DATA_MARKERS = ("Total Types", "Unique Types")
GZIP_MAGIC = b"\x1f\x8b"
_SAMPLE = 64 * 1024

_WHY = {
    "empty": ("the file is empty", "export the crawl again; the file has no content"),
    "binary": (
        "this is a binary file, not a crawl export",
        "export the report as CSV (not .xlsx or .seospider), JSON lines or a sitemap XML",
    ),
    "html": (
        "this is an HTML page, not a crawl export or sitemap",
        "save the sitemap's XML (view source), not the page a browser shows",
    ),
    "gzip": ("the gzip file is truncated or corrupt", "download or compress the file again"),
    "xml": (
        "this XML is not a sitemap (no <urlset> or <sitemapindex>)",
        "pass a sitemap.xml or a sitemap index",
    ),
    "json": ("the JSON lines have no 'url' key: not advertools crawl output", "pass advertools crawl output (.jl)"),
    "traffic": (
        "this is a Search Console or GA4 traffic export, not a crawl export",
        "pass it with --traffic FILE, or add it later with `archmodel traffic add FILE`",
    ),
    "columns": (
        "the header matches no known export",
        "export Screaming Frog 'Internal: All' or 'Bulk Export > Links > All Inlinks', or write a pages.csv "
        "(url,status,title,...) / links.csv (source,target,anchor,...)",
    ),
}


@dataclass(frozen=True)
class Detection:
    kind: str | None
    reason: str = ""  # why kind is None: a key of _WHY
    detail: str = ""
    line: int | None = None

    def error(self, path: Path) -> InputError:
        what, fix = _WHY.get(self.reason, ("unrecognised file", "pass a supported crawl export"))
        if self.detail:
            what = f"{what} ({self.detail})"
        return InputError(what, path.name, self.line, fix)


def read_head(path: Path) -> bytes:
    """Up to 64 KB of the content, decompressed when gzipped (a truncated gzip gives what it can)."""
    with path.open("rb") as handle:
        raw = handle.read(_SAMPLE)
    if raw.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, _SAMPLE)
        except zlib.error:
            return b""
    return raw


def csv_kind(header: Header) -> str | None:
    if header.has("Address") and header.has(*STRUCTURED_DATA_MARKERS):
        return STRUCTURED_DATA_KIND
    if header.has("Address"):
        return "sf_internal"
    if header.has("Source") and header.has("Destination"):
        return "sf_inlinks"
    if header.has("source") and header.has("target"):
        return "generic_links"
    if header.has("url"):
        return "generic_pages"
    return None


def detect(path: Path) -> Detection:
    """The kind of one file, or None with the reason it is not a usable crawl file."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(_SAMPLE)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", str(path), fix="check the path") from exc
    if raw.startswith(GZIP_MAGIC):
        head = read_head(path)
        if not head:
            return Detection(None, "gzip")
    else:
        head = raw
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text:
        return Detection(None, "empty")
    lower = text[:4096].lower()
    if text.startswith(b"<"):
        if b"<urlset" in lower or b"<sitemapindex" in lower or b":urlset" in lower or b":sitemapindex" in lower:
            return Detection("sitemap")
        if b"<html" in lower or b"<!doctype html" in lower:
            return Detection(None, "html")
        return Detection(None, "xml")
    if text.startswith(b"{"):
        first = text.split(b"\n", 1)[0]
        try:
            record = json.loads(first)
        except ValueError:
            return Detection(None, "json", "the first line is not a JSON object", 1)
        if isinstance(record, dict) and "url" in record:
            return Detection("advertools")
        return Detection(None, "json", line=1)
    if looks_binary(raw):
        return Detection(None, "binary")
    opened = open_csv(path)
    kind = csv_kind(opened.header)
    if kind is None and looks_like_traffic(head):
        return Detection(None, "traffic", line=opened.header_line)
    if kind is None:
        shown = ", ".join(opened.header.names[:8]) + (", ..." if len(opened.header.names) > 8 else "")
        return Detection(None, "columns", f"columns: {shown}", opened.header_line)
    return Detection(kind)
