"""XML sitemaps from files: `<urlset>`, `<sitemapindex>`, gzipped or not.

A sitemap index names its children by URL; archmodel never fetches, so a child is looked up by
its file name in the index's folder (`sitemap-pages.xml.gz`, also tried with or without `.gz`).
A child that is not there is reported as a warning, not an error, so one missing file does not
block a load. Parsing is streamed (`iterparse`, elements cleared) so a 50,000-URL sitemap costs
little memory. Anything that is not a sitemap (an HTML page saved by a browser, a truncated gzip)
is one InputError naming the file.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError, iterparse

from archmodel.errors import InputError
from archmodel.ingest.detect import GZIP_MAGIC
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.records import InputWarnings, SitemapEntry


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _open(path: Path) -> IO[bytes]:
    handle = path.open("rb")
    if handle.read(2) == GZIP_MAGIC:
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


def _raw_entries(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """('url' | 'sitemap', loc, lastmod) for each entry of one sitemap file."""
    name = path.name
    try:
        with _open(path) as handle:
            events = iterparse(handle, events=("start", "end"))
            root_seen = False
            root = None
            for event, element in events:
                if not root_seen:
                    root_seen = True
                    root = element
                    root_tag = _local(element.tag)
                    if root_tag == "html":
                        raise InputError(
                            "this is an HTML page, not a sitemap", name, None,
                            "save the sitemap's XML (view source), not the page a browser shows",
                        )
                    if root_tag not in ("urlset", "sitemapindex"):
                        raise InputError(
                            f"not a sitemap: the root element is <{root_tag}>", name, None,
                            "pass a sitemap.xml (<urlset>) or a sitemap index (<sitemapindex>)",
                        )
                    continue
                if event != "end":
                    continue
                tag = _local(element.tag)
                if tag in ("url", "sitemap"):
                    loc = lastmod = None
                    for child in element:
                        child_tag = _local(child.tag)
                        if child_tag == "loc":
                            loc = (child.text or "").strip()
                        elif child_tag == "lastmod":
                            lastmod = (child.text or "").strip() or None
                    if loc:
                        yield tag, loc, lastmod
                    element.clear()
                    if root is not None:
                        root.clear()
            if not root_seen:
                raise InputError("the sitemap is empty", name, None, "pass a sitemap with <url> entries")
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(
            f"not a valid XML sitemap: {exc}", name, line,
            "download the sitemap again; it is damaged or not XML",
        ) from exc
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(
            f"the gzip file is truncated or corrupt ({exc})", name, None,
            "download the sitemap again or pass the uncompressed XML",
        ) from exc


def _child_file(index: Path, loc: str) -> Path | None:
    file_name = Path(urlsplit(loc).path).name
    if not file_name:
        return None
    candidates = [file_name]
    candidates.append(file_name[:-3] if file_name.endswith(".gz") else file_name + ".gz")
    for candidate in candidates:
        child = index.parent / candidate
        if child.is_file():
            return child
    return None


class SitemapReader:
    """Entries of one sitemap file and, for an index, of its children found next to it."""

    kind = "sitemap"

    def __init__(self, path: Path, warnings: InputWarnings | None = None) -> None:
        self.path = path
        self.files: list[Path] = []
        self.count = 0
        self._collect(path, warnings or InputWarnings(), set())

    def _collect(self, path: Path, warnings: InputWarnings, seen: set[Path]) -> None:
        """Validate the whole file now (cheap), so a broken sitemap fails before any loading."""
        resolved = path.resolve()
        if resolved in seen:
            return
        seen.add(resolved)
        self.files.append(path)
        for tag, loc, _ in _raw_entries(path):
            if tag == "url":
                self.count += 1
                continue
            child = _child_file(path, loc)
            if child is None:
                warnings.add(
                    f"{path.name}: child sitemap {loc} is not in {path.parent}; "
                    "download it next to the index to include its URLs"
                )
            else:
                self._collect(child, warnings, seen)

    def sitemap_entries(self, normaliser: UrlNormaliser) -> Iterator[SitemapEntry]:
        for path in self.files:
            for tag, loc, lastmod in _raw_entries(path):
                if tag != "url":
                    continue
                url = normaliser.normalise(loc)
                if url is not None:
                    yield SitemapEntry(url=url, lastmod=lastmod)
