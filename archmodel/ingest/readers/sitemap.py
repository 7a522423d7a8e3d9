"""XML sitemaps from files: `<urlset>`, `<sitemapindex>`, gzipped or not.

A sitemap index names its children by URL; archmodel never fetches, so a child is looked up below
the index's folder by its URL path (`es/sitemap.xml`), then by its file name
(`sitemap-pages.xml.gz`), each also with or without `.gz`; never as the index itself.
A child that is not there is reported as a warning, not an error, so one missing file does not
block a load. Parsing is streamed (`iterparse`, elements cleared) so a 50,000-URL sitemap costs
little memory. Anything that is not a sitemap (an HTML page saved by a browser, a truncated gzip)
is one InputError naming the file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError, iterparse

from archmodel.errors import InputError
from archmodel.ingest.detect import GZIP_MAGIC
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.records import InputWarnings, SitemapEntry


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


# The sitemap protocol caps a file at 50 MB uncompressed and a URL at 2,048 characters; twice that
# leaves room for sloppy generators while a gzip bomb (or one endless <loc>) stops at a known size.
MAX_SITEMAP_BYTES = 100 * 1024 * 1024
MAX_LOC_CHARS = 8192


class _Capped(io.RawIOBase):
    """A byte stream that stops with an InputError once more than `limit` bytes were read."""

    def __init__(self, inner: IO[bytes], limit: int, name: str) -> None:
        self.inner, self.limit, self.name, self.read_so_far = inner, limit, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(min(len(buffer), 1024 * 1024))
        self.read_so_far += len(data)
        if self.read_so_far > self.limit:
            raise InputError(
                f"the sitemap is larger than {self.limit // (1024 * 1024)} MB once decompressed", self.name, None,
                "the sitemap protocol allows 50 MB per file: pass the real sitemap, or split it with a sitemap index",
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def _open(path: Path) -> IO[bytes]:
    handle = path.open("rb")
    if handle.read(2) == GZIP_MAGIC:
        handle.seek(0)
        inner: IO[bytes] = gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[assignment]
    else:
        handle.seek(0)
        inner = handle
    return io.BufferedReader(_Capped(inner, MAX_SITEMAP_BYTES, path.name))  # type: ignore[return-value]


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
                            if len(loc) > MAX_LOC_CHARS:
                                raise InputError(
                                    f"a <loc> of {len(loc):,} characters: no browser accepts such a URL", name,
                                    None, "pass the site's real sitemap; this one is damaged or hostile",
                                )
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


def _child_candidates(index: Path, loc: str) -> list[Path]:
    """Where a child named `loc` may sit next to its index, most specific first: by its URL path
    (`https://x/es/sitemap.xml` -> `es/sitemap.xml`), then by shorter tails of it, then by file name;
    each also with or without `.gz`. Multilingual sites give every child the index's own file name,
    so the file name alone would find the index itself."""
    parts = [p for p in urlsplit(loc).path.split("/") if p]
    out: list[Path] = []
    for start in range(len(parts)):
        tail = parts[start:]
        name = tail[-1]
        for variant in (name, name[:-3] if name.endswith(".gz") else name + ".gz"):
            out.append(index.parent.joinpath(*tail[:-1], variant))
    return out


class SitemapReader:
    """Entries of one sitemap file and, for an index, of its children found next to it."""

    kind = "sitemap"

    def __init__(
        self, path: Path, warnings: InputWarnings | None = None, normaliser: UrlNormaliser | None = None,
    ) -> None:
        self.path = path
        self.files: list[Path] = []
        self.count = 0
        self.kept = 0  # URLs on the normaliser's site, counted in the same pass (a million-URL index is read once less)
        self._normaliser = normaliser
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
                if self._normaliser is not None and self._normaliser.normalise(loc) is not None:
                    self.kept += 1
                continue
            found = [c for c in _child_candidates(path, loc) if c.is_file()]
            child = next((c for c in found if c.resolve() not in seen), None)
            if child is not None:
                self._collect(child, warnings, seen)
            elif found:
                warnings.add(
                    f"{path.name}: child sitemap {loc} would be {found[0].name}, a file already read; "
                    f"put it at {Path(*[p for p in urlsplit(loc).path.split('/') if p])} below {path.parent} "
                    "to include its URLs"
                )
            else:
                warnings.add(
                    f"{path.name}: child sitemap {loc} is not in {path.parent}; "
                    "download it next to the index (or at its URL path below it) to include its URLs"
                )

    def sitemap_entries(self, normaliser: UrlNormaliser) -> Iterator[SitemapEntry]:
        for path in self.files:
            for tag, loc, lastmod in _raw_entries(path):
                if tag != "url":
                    continue
                url = normaliser.normalise(loc)
                if url is not None:
                    yield SitemapEntry(url=url, lastmod=lastmod)
