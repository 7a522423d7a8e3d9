"""What the crawl shows, gathered in one streaming pass over its files.

Pages (path, title, H1, status, indexability), the sitemap's URLs, and the links reduced to
what inference reads: distinct body links as integer pairs (a 100,000-page crawl has millions
of links; pairs of page numbers in a NumPy array cost 8 bytes each), which pages the home
page's menus point to, which links credit a medical reviewer, and the anchor texts of body links
into the pages a caller asks about (the condition pages, whose anchors become synonyms).

Screaming Frog "All Inlinks" exports are read with pandas in chunks and each distinct URL is
normalised once: the general reader normalises every row, which on an L-tier crawl takes longer
than the whole of `archmodel init` may. Other formats go through the shared readers.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from archmodel.errors import InputError
from archmodel.ingest.csvio import open_csv
from archmodel.ingest.inputs import CrawlInput, DetectedFile, discover_files, infer_base_url, open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.common import HYPERLINK_TYPES, normalise_position
from archmodel.ingest.records import BODY_POSITIONS, NAV_POSITIONS

REVIEWER_ANCHOR = re.compile(r"\b(reviewed|review by|clinical review|medical review)\b", re.IGNORECASE)
CHUNK_ROWS = 400_000


@dataclass(slots=True)
class PageInfo:
    path: str
    title: str = ""
    h1: str = ""
    status: int | None = None
    indexable: bool | None = None
    crawled: bool = True

    @property
    def live(self) -> bool:
        return self.crawled and (self.status is None or self.status == 200)

    @property
    def text(self) -> str:
        """The H1 when there is one, else the title: what the page says it is about."""
        return self.h1 or self.title


@dataclass
class Evidence:
    base_url: str
    host: str
    home_title: str
    pages: list[PageInfo] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    body_pairs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    nav_from_home: set[int] = field(default_factory=set)
    reviewer_links: set[tuple[int, int]] = field(default_factory=set)
    plain_links: set[tuple[int, int]] = field(default_factory=set)  # into `keep_plain`, not a reviewer credit
    anchors: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    anchor_sources: dict[tuple[int, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    all_anchor_words: set[str] = field(default_factory=set)
    links_read: int = 0
    has_links: bool = False
    _out: dict[int, np.ndarray] | None = None
    _in: dict[int, np.ndarray] | None = None

    def page_id(self, path: str) -> int:
        found = self.index.get(path)
        if found is None:
            found = self.index[path] = len(self.pages)
            self.pages.append(PageInfo(path, crawled=False))
        return found

    def path(self, page: int) -> str:
        return self.pages[page].path

    def _adjacency(self) -> None:
        pairs = self.body_pairs
        src = (pairs >> 32).astype(np.int64)
        dst = (pairs & 0xFFFFFFFF).astype(np.int64)
        self._out = _group(src, dst)
        self._in = _group(dst, src)

    def out_links(self, page: int) -> np.ndarray:
        """Distinct pages this page links to in its body."""
        if self._out is None:
            self._adjacency()
        assert self._out is not None
        return self._out.get(page, _EMPTY)

    def in_links(self, page: int) -> np.ndarray:
        """Distinct pages that link to this page in their body."""
        if self._in is None:
            self._adjacency()
        assert self._in is not None
        return self._in.get(page, _EMPTY)


_EMPTY = np.zeros(0, dtype=np.int64)


def _group(keys: np.ndarray, values: np.ndarray) -> dict[int, np.ndarray]:
    if not len(keys):
        return {}
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return {int(keys[s]): values[s:e] for s, e in zip(starts, ends)}


def open_crawl(paths: Sequence[Path], sitemaps: Sequence[Path] = ()) -> tuple[CrawlInput, list[DetectedFile]]:
    """The crawl's files, opened and checked (InputError on the first problem)."""
    files = discover_files(paths)
    if not any(f.kind != "sitemap" for f in files):
        raise InputError(
            "no crawl export found", ", ".join(str(p) for p in paths),
            fix="point --from at a folder with Screaming Frog, pages.csv/links.csv or advertools exports",
        )
    base_url = infer_base_url(files)
    normaliser = UrlNormaliser(base_url)
    crawl_files = [f.path for f in files if f.kind != "sitemap"]
    sitemap_files = [f.path for f in files if f.kind == "sitemap"] + [Path(p) for p in sitemaps]
    return open_inputs(crawl_files, normaliser, sitemap_files), files


def read_pages(crawl: CrawlInput) -> Evidence:
    """First half of the pass: pages and sitemap URLs."""
    normaliser = crawl.normaliser
    evidence = Evidence(normaliser.base_url, normaliser.host, "")
    for record in crawl.pages():
        if not record.is_html:
            continue
        path = normaliser.path_of(record.url).split("?", 1)[0]
        if path in evidence.index:
            continue
        evidence.index[path] = len(evidence.pages)
        evidence.pages.append(PageInfo(path, (record.title or "").strip(), (record.h1 or "").strip(), record.status,
                                       record.indexable))
        if path == "/" and record.title:
            evidence.home_title = record.title
    for entry in crawl.sitemap_entries():
        evidence.page_id(normaliser.path_of(entry.url).split("?", 1)[0])
    evidence.sources = [f.path.name for f in crawl.files]
    return evidence


def read_links(crawl: CrawlInput, evidence: Evidence, keep_anchors: set[int], keep_plain: set[int] = frozenset()) -> None:
    """Second half of the pass: body link pairs, home menus, reviewer credits, anchors into
    `keep_anchors`, and which links into `keep_plain` (provider profiles) are more than a credit."""
    pairs = array("q")
    home = evidence.index.get("/")
    for src, dst, position, anchor in _link_rows(crawl, evidence):
        evidence.links_read += 1
        if position in NAV_POSITIONS:
            if src == home:
                evidence.nav_from_home.add(dst)
            continue
        if src == dst:
            continue
        pairs.append((src << 32) | dst)
        credit = bool(anchor) and REVIEWER_ANCHOR.search(anchor) is not None
        if credit:
            evidence.reviewer_links.add((src, dst))
        elif dst in keep_plain:
            evidence.plain_links.add((src, dst))
        if anchor and not credit:
            if dst in keep_anchors:
                text = " ".join(anchor.split())
                evidence.anchors[dst][text] += 1
                evidence.anchor_sources[(dst, text)].add(src)
    evidence.has_links = evidence.links_read > 0
    evidence.body_pairs = np.unique(np.frombuffer(pairs, dtype=np.int64)) if len(pairs) else np.zeros(0, np.int64)


def _link_rows(crawl: CrawlInput, evidence: Evidence) -> Iterator[tuple[int, int, str | None, str]]:
    for reader in crawl.readers:
        if reader.kind == "sf_inlinks":
            yield from _sf_inlinks(Path(reader.path), crawl.normaliser, evidence)
        else:
            for link in reader.links(crawl.normaliser):
                src = evidence.page_id(crawl.normaliser.path_of(link.source).split("?", 1)[0])
                dst = evidence.page_id(crawl.normaliser.path_of(link.target).split("?", 1)[0])
                yield src, dst, link.position if link.position else None, link.anchor


def _sf_inlinks(path: Path, normaliser: UrlNormaliser, evidence: Evidence) -> Iterator[tuple[int, int, str | None, str]]:
    import pandas as pd

    opened = open_csv(path)
    h = opened.header
    columns = {"type": h.find("Type"), "source": h.find("Source"), "target": h.find("Destination"),
               "anchor": h.find("Anchor", "Anchor Text"), "position": h.find("Link Position")}
    names = {key: h.names[i] for key, i in columns.items() if i is not None}
    cache: dict[str, int] = {}
    positions: dict[str, str | None] = {}

    def page_of(url: str, base: str | None = None) -> int:
        found = cache.get(url)
        if found is None:
            normal = normaliser.normalise(url, base=base) if url else None
            found = -1 if normal is None else evidence.page_id(normaliser.path_of(normal).split("?", 1)[0])
            if base is None:
                cache[url] = found
        return found

    try:
        chunks = pd.read_csv(path, encoding=opened.encoding, sep=opened.delimiter, skiprows=opened.header_line - 1,
                             usecols=list(names.values()), dtype=str, keep_default_na=False, chunksize=CHUNK_ROWS)
        for chunk in chunks:
            kinds = chunk[names["type"]].str.lower()
            chunk = chunk[kinds.isin(HYPERLINK_TYPES)]
            sources = chunk[names["source"]].to_numpy()
            targets = chunk[names["target"]].to_numpy()
            anchors = chunk[names["anchor"]].to_numpy() if "anchor" in names else [""] * len(chunk)
            where = chunk[names["position"]].to_numpy() if "position" in names else [""] * len(chunk)
            for source, target, anchor, position in zip(sources, targets, anchors, where):
                src = page_of(source)
                if src < 0:
                    continue
                dst = page_of(target) if target.startswith(("http://", "https://")) else page_of(target, source)
                if dst < 0:
                    continue
                if position not in positions:
                    positions[position] = normalise_position(position)
                yield src, dst, positions[position], anchor
    except (ValueError, pd.errors.ParserError) as exc:
        raise InputError(f"malformed CSV: {exc}", path.name, fix="re-export the file; it is damaged or not a CSV") from exc


def gather(paths: Sequence[Path], sitemaps: Sequence[Path], anchors_for: Callable[[Evidence], set[int]]) -> Evidence:
    """Read the crawl once: pages, then links (keeping anchors of the pages `anchors_for` picks)."""
    crawl, _ = open_crawl(paths, sitemaps)
    evidence = read_pages(crawl)
    read_links(crawl, evidence, anchors_for(evidence))
    return evidence


__all__ = ["Evidence", "PageInfo", "gather", "open_crawl", "read_pages", "read_links", "BODY_POSITIONS"]
