"""What the crawl shows, gathered in one streaming pass over its files.

Pages (path, title, H1, status, indexability), the sitemap's URLs, and the links reduced to
what inference reads: distinct body links as integer pairs (a 100,000-page crawl has millions
of links; pairs of page numbers in a NumPy array cost 8 bytes each), which pages the home
page's menus point to, which links credit a medical reviewer, and the anchor texts of body links
into the pages a caller asks about (the condition pages, whose anchors become synonyms).

Every file is read by the readers `archmodel load` uses (archmodel/ingest/readers/, through
`open_inputs`), with the same `--strict` and `--max-bad-rows`: a file `load` accepts, `init`
accepts, with the same pages, and a file `load` refuses, `init` refuses with the same error
(tests/integration/test_init_reads_like_load.py). Links come out as the loader sees them:
hyperlinks between HTML pages of the site, with their position and Follow/rel. Nofollow links
are left out of what inference reads, as the checks leave them out of the link graph
(docs/check-semantics.md). Each distinct URL is turned into a page number once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from archmodel.infer.text import BOOKING_ANCHOR
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.inputs import (
    CrawlInput,
    DetectedFile,
    discover_files,
    infer_base_url,
    open_inputs,
    require_crawl_export,
)
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.records import BODY_POSITIONS, NAV_POSITIONS
from archmodel.numeric import sorted_unique

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
    canonical_elsewhere: bool = False  # its canonical names another URL: a variant, never an entity
    reviewed_by: str = ""  # a "reviewed by" credit extracted by the crawler

    @property
    def live(self) -> bool:
        return self.crawled and (self.status is None or self.status == 200)

    @property
    def fetched(self) -> bool:
        """False for rows the crawler listed but never fetched (status 0: robots.txt, DNS, timeout)."""
        return self.crawled and self.status != 0

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
    booking_sources: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))  # pages linking with "Book ..."
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


def open_crawl(
    paths: Sequence[Path], sitemaps: Sequence[Path] = (), options: ReadOptions | None = None
) -> tuple[CrawlInput, list[DetectedFile]]:
    """The crawl's files, opened and checked by the load's readers (InputError on the first
    problem); `options` are the load's `--strict` and `--max-bad-rows`."""
    files = discover_files(paths)
    require_crawl_export(files, paths)
    base_url = infer_base_url(files)
    normaliser = UrlNormaliser(base_url)
    crawl_files = [f.path for f in files if f.kind != "sitemap"]
    sitemap_files = [f.path for f in files if f.kind == "sitemap"] + [Path(p) for p in sitemaps]
    return open_inputs(crawl_files, normaliser, sitemap_files, options), files


def read_pages(crawl: CrawlInput) -> Evidence:
    """First half of the pass: pages and sitemap URLs."""
    normaliser = crawl.normaliser
    evidence = Evidence(normaliser.base_url, normaliser.host, "")
    from_query: set[int] = set()  # pages known so far only from a URL with a query string
    for record in crawl.pages():
        if not record.is_html:
            continue
        full = normaliser.path_of(record.url)
        path, _, query = full.partition("?")
        canonical = normaliser.path_of(record.canonical) if record.canonical else ""
        info = PageInfo(path, (record.title or "").strip(), (record.h1 or "").strip(), record.status, record.indexable,
                        canonical_elsewhere=bool(canonical) and canonical.rstrip("/") != full.rstrip("/")
                        and canonical.split("?", 1)[0].rstrip("/") != path.rstrip("/"),
                        reviewed_by=(record.reviewed_by or "").strip())
        known = evidence.index.get(path)
        if known is not None:
            if known in from_query and not query:  # the plain URL's own row describes the page best
                evidence.pages[known] = info
                from_query.discard(known)
            continue
        evidence.index[path] = len(evidence.pages)
        if query:
            from_query.add(len(evidence.pages))
        evidence.pages.append(info)
        if path == "/" and record.title:
            evidence.home_title = record.title
    for entry in crawl.sitemap_entries():
        evidence.page_id(normaliser.path_of(entry.url).split("?", 1)[0])
    evidence.sources = [f.path.name for f in crawl.files]
    return evidence


@dataclass
class LinkChunk:
    """A batch of hyperlinks as arrays: page numbers, menu flag, anchor texts."""

    src: np.ndarray
    dst: np.ndarray
    nav: np.ndarray
    anchor: np.ndarray


def read_links(crawl: CrawlInput, evidence: Evidence, keep_anchors: set[int], keep_plain: set[int] = frozenset()) -> None:
    """Second half of the pass: body link pairs, home menus, reviewer credits, anchors into
    `keep_anchors`, and which links into `keep_plain` (provider profiles) are more than a credit."""
    parts: list[np.ndarray] = []
    keep_a = np.fromiter(keep_anchors, dtype=np.int64)
    keep_p = np.fromiter(keep_plain, dtype=np.int64)
    for chunk in _link_chunks(crawl, evidence):
        parts.append(_absorb(evidence, chunk, keep_a, keep_p))
    evidence.has_links = evidence.links_read > 0
    evidence.body_pairs = sorted_unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)


def _absorb(evidence: Evidence, chunk: LinkChunk, keep_a: np.ndarray, keep_p: np.ndarray) -> np.ndarray:
    import pandas as pd

    ok = (chunk.src >= 0) & (chunk.dst >= 0)
    home = evidence.index.get("/")
    if home is not None:
        evidence.nav_from_home.update(sorted_unique(chunk.dst[ok & chunk.nav & (chunk.src == home)]).tolist())
    linked = ok & (chunk.src != chunk.dst)  # credits and booking buttons sit in asides and menus as often as in the body
    for pairs, pattern in ((evidence.booking_sources, BOOKING_ANCHOR), (None, REVIEWER_ANCHOR)):
        marked = _matching(chunk.anchor[linked], pattern)
        src, dst = chunk.src[linked][marked], chunk.dst[linked][marked]
        for value in sorted_unique((dst << 32) | src).tolist():
            if pairs is None:
                evidence.reviewer_links.add((value & 0xFFFFFFFF, value >> 32))
            else:
                pairs[value >> 32].add(value & 0xFFFFFFFF)
    body = ok & ~chunk.nav & (chunk.src != chunk.dst)
    src, dst, anchor = chunk.src[body], chunk.dst[body], chunk.anchor[body]
    codes, texts = pd.factorize(anchor)
    texts = np.array([" ".join(str(t).split()) for t in texts], dtype=object)
    credit = _matching(anchor, REVIEWER_ANCHOR)
    plain = ~credit & np.isin(dst, keep_p)
    for value in sorted_unique((src[plain] << 32) | dst[plain]).tolist():
        evidence.plain_links.add((value >> 32, value & 0xFFFFFFFF))
    named = ~credit & np.isin(dst, keep_a) & (codes >= 0)
    if named.any():
        frame = pd.DataFrame({"d": dst[named], "c": codes[named], "s": src[named]})
        counts = frame.groupby(["d", "c"]).size()
        for (d, c), n in counts.items():
            text = texts[c]
            if text:
                evidence.anchors[int(d)][text] += int(n)
        for d, c, source in frame.drop_duplicates().itertuples(index=False):
            text = texts[c]
            if text:
                evidence.anchor_sources[(int(d), text)].add(int(source))
    return sorted_unique((src << 32) | dst)


def _matching(anchors: np.ndarray, pattern: re.Pattern[str]) -> np.ndarray:
    """Which of the anchors match `pattern`, each distinct text tested once."""
    import pandas as pd

    codes, texts = pd.factorize(anchors)
    if not len(texts):
        return np.zeros(len(anchors), dtype=bool)
    flags = np.array([bool(t) and pattern.search(" ".join(str(t).split())) is not None for t in texts], dtype=bool)
    return flags[codes] & (codes >= 0)


def _link_chunks(crawl: CrawlInput, evidence: Evidence) -> Iterator[LinkChunk]:
    """The crawl's followed hyperlinks as page numbers, in chunks. Every link read is counted and
    both its ends become pages, as `load` makes them pages, nofollow or not."""
    path_of = crawl.normaliser.path_of
    page_id = evidence.page_id
    numbers: dict[str, int] = {}  # URL -> page number: a crawl repeats the same URLs in every menu
    src: list[int] = []
    dst: list[int] = []
    nav: list[bool] = []
    anchors: list[str] = []
    for link in crawl.links():
        evidence.links_read += 1
        source, target = link.source, link.target
        s = numbers.get(source)
        if s is None:
            s = numbers[source] = page_id(path_of(source).split("?", 1)[0])
        d = numbers.get(target)
        if d is None:
            d = numbers[target] = page_id(path_of(target).split("?", 1)[0])
        if not link.follow:
            continue
        src.append(s)
        dst.append(d)
        nav.append(link.position in NAV_POSITIONS)
        anchors.append(link.anchor)
        if len(src) >= CHUNK_ROWS:
            yield _chunk(src, dst, nav, anchors)
            src, dst, nav, anchors = [], [], [], []
    if src:
        yield _chunk(src, dst, nav, anchors)


def _chunk(src: list[int], dst: list[int], nav: list[bool], anchors: list[str]) -> LinkChunk:
    return LinkChunk(np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(nav, dtype=bool),
                     np.array(anchors, dtype=object))


def gather(paths: Sequence[Path], sitemaps: Sequence[Path], anchors_for: Callable[[Evidence], set[int]],
           options: ReadOptions | None = None) -> Evidence:
    """Read the crawl once: pages, then links (keeping anchors of the pages `anchors_for` picks)."""
    crawl, _ = open_crawl(paths, sitemaps, options)
    evidence = read_pages(crawl)
    read_links(crawl, evidence, anchors_for(evidence))
    return evidence


__all__ = ["Evidence", "PageInfo", "gather", "open_crawl", "read_pages", "read_links", "BODY_POSITIONS"]
