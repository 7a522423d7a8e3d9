"""From the paths a user typed to streams of normalised page, link and sitemap records.

`discover_files` expands folders and detects each file's kind from its content; `open_inputs`
opens every file and checks every header before a single record is read, so a wrong file fails
the load up front with the file, the line and the fix. The record streams then read the files
row by row: memory stays flat however large the export (the only thing remembered is the set of
page URLs already yielded, so each page comes out once).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions, RowAccount
from archmodel.ingest.cells import cell, parse_int
from archmodel.ingest.detect import LINK_KINDS, PAGE_KINDS, STRUCTURED_DATA_KIND, detect
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.advertools import AdvertoolsReader
from archmodel.ingest.readers.generic import LinksReader, PagesReader
from archmodel.ingest.readers.screaming_frog import InlinksReader, InternalReader
from archmodel.ingest.readers.sitemap import SitemapReader
from archmodel.ingest.readers.structured_data import STREAM as STRUCTURED_DATA
from archmodel.ingest.readers.structured_data import StructuredDataReader, StructuredDataRecord
from archmodel.ingest.records import InputWarnings, LinkRecord, PageRecord, SitemapEntry

log = logging.getLogger(__name__)

SKIPPED_SUFFIXES = frozenset({".yml", ".yaml", ".md", ".txt", ".html", ".htm", ".log", ".seospider", ".xlsx"})
NO_POSITION_WARNING = "links have no position: body and navigation links cannot be told apart"


@dataclass
class DetectedFile:
    path: Path
    kind: str  # sf_internal | sf_inlinks | generic_pages | generic_links | advertools | sitemap | sf_structured_data


class CrawlReader(Protocol):
    kind: str
    path: Path
    has_positions: bool | None
    accounts: dict[str, RowAccount]
    resource_targets: set[str]  # URLs that Image/CSS/JavaScript rows point at, known once links are read

    def pages(self, normaliser: UrlNormaliser) -> Iterator[PageRecord]: ...

    def links(self, normaliser: UrlNormaliser) -> Iterator[LinkRecord]: ...


_READERS = {
    "sf_internal": InternalReader,
    "sf_inlinks": InlinksReader,
    "generic_pages": PagesReader,
    "generic_links": LinksReader,
    "advertools": AdvertoolsReader,
}


def discover_files(
    paths: Sequence[Path], warnings: InputWarnings | None = None, ignore: Sequence[Path] = ()
) -> list[DetectedFile]:
    """Expand folders (not recursively) and detect kinds from content.

    In a folder, files that are not crawl exports (site.yml, notes, unknown CSVs) are skipped with
    a warning, except those in `ignore` (the site model's own CSV files), which are skipped
    silently; a file named explicitly that is not a crawl export is an InputError.
    """
    ignored = {Path(p).resolve() for p in ignore}
    found: list[DetectedFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if not child.is_file() or child.name.startswith(".") or child.suffix.lower() in SKIPPED_SUFFIXES:
                    continue
                if child.resolve() in ignored:
                    continue
                detection = detect(child)
                if detection.kind is None:
                    message = f"skipped {child.name}: {detection.error(child).what}"
                    log.warning(message)
                    if warnings is not None:
                        warnings.add(message)
                    continue
                found.append(DetectedFile(child, detection.kind))
        elif path.is_file():
            detection = detect(path)
            if detection.kind is None:
                raise detection.error(path)
            found.append(DetectedFile(path, detection.kind))
        else:
            raise InputError("no such file or folder", str(path), fix="check the path of the crawl export")
    return found


def require_crawl_export(files: Sequence[DetectedFile], paths: Sequence[Path]) -> None:
    """Refuse inputs with no crawl export among them (only sitemaps or structured data, or
    nothing), before anything else is said about them: `load` and `init` alike."""
    if not any(f.kind in PAGE_KINDS | LINK_KINDS for f in files):
        raise InputError(
            "no crawl export found",
            ", ".join(str(p) for p in paths) or "(no paths)",
            fix="pass Screaming Frog Internal/All Inlinks CSVs, a pages.csv/links.csv pair or advertools .jl output",
        )


def infer_base_url(files: Sequence[DetectedFile]) -> str:
    """scheme://host of the crawled site: the crawl-depth-0 page, else the commonest HTML host.

    Hosts are counted together with their `www.` twin and other scheme, so a crawl that mixes
    http/https and www/bare picks the site's dominant form (https on a tie).
    """
    origins: Counter[str] = Counter()
    for detected in files:
        if detected.kind not in PAGE_KINDS:
            continue
        for raw_url, depth, html in _raw_pages(detected):
            origin = _origin(raw_url)
            if origin is None:
                continue
            if depth == 0:
                return origin
            if html:
                origins[origin] += 1
    if not origins:
        for detected in files:
            if detected.kind in LINK_KINDS:
                for link in _raw_link_sources(detected):
                    origin = _origin(link)
                    if origin is not None:
                        origins[origin] += 1
    if not origins:
        raise InputError(
            "cannot tell which site was crawled: no page has an absolute http(s) URL",
            ", ".join(d.path.name for d in files) or "(no files)",
            fix="pass --site site.yml with site.base_url",
        )
    sites: Counter[str] = Counter()
    for origin, count in origins.items():
        sites[_bare_host(origin)] += count
    site = sites.most_common(1)[0][0]
    candidates = [o for o in origins if _bare_host(o) == site]
    return max(candidates, key=lambda o: (origins[o], o.startswith("https://"), "://www." in o))


def _origin(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" if port in (None, default) else f"{scheme}://{host}:{port}"


def _bare_host(origin: str) -> str:
    return origin.split("://", 1)[1].removeprefix("www.")


def _raw_pages(detected: DetectedFile) -> Iterator[tuple[str, int | None, bool]]:
    """(url as written, crawl depth, is HTML) without a normaliser: the site is not known yet."""
    reader = _READERS[detected.kind](detected.path)
    if detected.kind == "advertools":
        for _, record in reader._records():  # type: ignore[attr-defined]
            depth = record.get("depth")
            yield record["url"], depth if isinstance(depth, int) else None, True
        return
    opened = reader.csv  # type: ignore[attr-defined]
    h = opened.header
    url_col = h.find("Address", "url")
    depth_col = h.find("Crawl Depth", "Level", "depth")
    type_col = h.find("Content Type", "Content", "content type")
    for _, cells in opened.rows():
        url = cell(cells, url_col)
        if url:
            content = (cell(cells, type_col) or "html").lower()
            yield url, parse_int(cell(cells, depth_col)), "html" in content


def _raw_link_sources(detected: DetectedFile) -> Iterator[str]:
    reader = _READERS[detected.kind](detected.path)
    if detected.kind == "advertools":
        for _, record in reader._records():  # type: ignore[attr-defined]
            yield record["url"]
        return
    opened = reader.csv  # type: ignore[attr-defined]
    column = opened.header.find("Source")
    for _, cells in opened.rows():
        value = cell(cells, column)
        if value:
            yield value


@dataclass
class CrawlInput:
    """Opened, validated inputs of one load; the record streams can be iterated more than once."""

    files: list[DetectedFile]
    normaliser: UrlNormaliser
    readers: list[CrawlReader]
    sitemap_readers: list[SitemapReader]
    has_positions: bool
    has_sitemap: bool
    warnings: InputWarnings = field(default_factory=InputWarnings)
    structured_data_readers: list[StructuredDataReader] = field(default_factory=list)

    non_html: set[str] = field(default_factory=set)

    def pages(self) -> Iterator[PageRecord]:
        """Every crawled URL once (first record wins), HTML or not.

        A redirect that only normalisation undoes (http -> https, www -> bare, a trailing slash
        the policy adds) would otherwise shadow the page it points to, so such self-redirects are
        held back and yielded only for URLs no other record described. Each row is counted on its
        reader's account: loaded, a duplicate, or a non-HTML resource (which the loader skips).
        """
        seen: set[str] = set()
        held: dict[str, tuple[PageRecord, RowAccount]] = {}
        self.non_html = set()
        for reader in self.readers:
            stream = reader.pages(self.normaliser)
            account = None
            for page in stream:
                if account is None:
                    account = reader.accounts["pages"]
                if page.url in seen:
                    if not page.derived:
                        account.skipped["duplicate"] += 1
                    continue
                if page.redirect_to == page.url:
                    if page.url in held and not page.derived:
                        account.skipped["duplicate"] += 1
                    held.setdefault(page.url, (page, account))
                    continue
                seen.add(page.url)
                self._count_page(page, account)
                yield page
            self._close(reader, "pages")
        for url, (page, account) in held.items():
            if url not in seen:
                page.redirect_to = None
                self._count_page(page, account)
                yield page
            elif not page.derived:
                account.skipped["duplicate"] += 1

    def _count_page(self, page: PageRecord, account: RowAccount) -> None:
        if page.derived:
            return
        if page.is_html:
            account.loaded += 1
        else:
            account.skipped["non-HTML"] += 1
            self.non_html.add(page.url)

    def links(self) -> Iterator[LinkRecord]:
        """Every `<a href>` hyperlink between URLs of the site, duplicates kept (they are counts).

        Links from or to a non-HTML page the page stream yielded (a PDF, an image) are counted as
        skipped here, as the loader does not load them.
        """
        non_html = self.non_html
        for reader in self.readers:
            stream = reader.links(self.normaliser)
            account = None
            for link in stream:
                if account is None:
                    account = reader.accounts["links"]
                if non_html and (link.source in non_html or link.target in non_html):
                    account.skipped["non-HTML"] += 1
                    continue
                account.loaded += 1
                yield link
            self._close(reader, "links")

    @property
    def has_structured_data(self) -> bool:
        """Whether a Structured Data export is among the inputs (the structured-data checks need one)."""
        return bool(self.structured_data_readers)

    def structured_data(self, is_page: Callable[[str], bool]) -> Iterator[StructuredDataRecord]:
        """Every structured-data row of a URL `is_page` accepts (an HTML page of the crawl), once:
        the first row of a URL wins, later ones are counted as duplicates, rows of URLs that are no
        page of the crawl as `not in crawl`."""
        seen: set[str] = set()
        for reader in self.structured_data_readers:
            account = None
            for record in reader.records(self.normaliser):
                if account is None:
                    account = reader.accounts[STRUCTURED_DATA]
                if record.url in seen:
                    account.skipped["duplicate"] += 1
                elif not is_page(record.url):
                    account.skipped["not in crawl"] += 1
                else:
                    seen.add(record.url)
                    account.loaded += 1
                    yield record
            self._close(reader, STRUCTURED_DATA)

    def _close(self, reader: CrawlReader | StructuredDataReader, stream: str) -> None:
        """A stream read to the end: its warnings join the load's."""
        account = reader.accounts.get(stream)
        if account is not None:
            for message in account.warnings:
                self.warnings.add(message)

    def resource_targets(self) -> set[str]:
        """URLs of the site that Image, CSS or JavaScript rows point at (read after `links()`)."""
        return set().union(*(reader.resource_targets for reader in self.readers))

    def accounts(self) -> list[RowAccount]:
        """Every stream's account, in input order (streams that were not read are left out)."""
        readers: list[CrawlReader | StructuredDataReader] = [*self.readers, *self.structured_data_readers]
        return [account for reader in readers for account in reader.accounts.values()]

    def summary(self) -> list[dict[str, object]]:
        """Rows read, loaded, skipped by reason and rejected, per input file and record kind."""
        return [account.row() for account in self.accounts()]

    def sitemap_entries(self) -> Iterator[SitemapEntry]:
        for reader in self.sitemap_readers:
            yield from reader.sitemap_entries(self.normaliser)


def _check_sitemap_host(reader: SitemapReader, normaliser: UrlNormaliser, warnings: InputWarnings) -> None:
    """A sitemap of another site is refused (it would record the crawl as having a sitemap while
    the orphan checks see none of its URLs); a few URLs of other hosts are counted in a warning."""
    kept = reader.kept
    if reader.count and not kept:
        raise InputError(
            f"none of the sitemap's {reader.count} URLs is on {normaliser.host}", reader.path.name,
            fix=f"pass the sitemap of {normaliser.base_url} (or set site.base_url / aliases to the site it belongs to)",
        )
    if kept < reader.count:
        warnings.add(f"{reader.path.name}: {reader.count - kept} of {reader.count} sitemap URLs are not on "
                     f"{normaliser.host} (another host or not a web URL) and were skipped")


def open_inputs(
    paths: Sequence[Path], normaliser: UrlNormaliser, sitemaps: Sequence[Path] = (),
    options: ReadOptions | None = None,
) -> CrawlInput:
    """Detect and open every file and check every header; raises InputError on the first problem.

    `options` sets how strict the readers are (`--strict`, `--max-bad-rows`).
    """
    warnings = InputWarnings()
    files = discover_files(paths, warnings)
    for path in sitemaps:
        path = Path(path)
        if not path.is_file():
            raise InputError("no such sitemap file", str(path), fix="check the --sitemap path")
        detection = detect(path)
        if detection.kind != "sitemap":
            if detection.kind is None and detection.reason in ("html", "gzip", "empty", "binary"):
                raise detection.error(path)
            raise InputError(
                "not a sitemap (no <urlset> or <sitemapindex>)", path.name,
                fix="pass a sitemap.xml or sitemap index with --sitemap",
            )
        files.append(DetectedFile(path, "sitemap"))
    crawl_files = [f for f in files if f.kind not in ("sitemap", STRUCTURED_DATA_KIND)]
    require_crawl_export(crawl_files, paths)
    readers: list[CrawlReader] = [_READERS[f.kind](f.path, options) for f in crawl_files]
    structured_data_readers = [StructuredDataReader(f.path, options) for f in files if f.kind == STRUCTURED_DATA_KIND]
    sitemap_readers = [SitemapReader(f.path, warnings, normaliser) for f in files if f.kind == "sitemap"]
    link_readers = [r for r in readers if r.kind in LINK_KINDS]
    has_positions = bool(link_readers) and all(r.has_positions for r in link_readers)
    if not any(r.kind in PAGE_KINDS for r in readers):
        warnings.add("no page export (Internal, pages.csv or advertools): pages are known only from links")
    if not link_readers:
        warnings.add(
            "no link export (All Inlinks, links.csv or advertools): the graph will have no links, so "
            "`archmodel run` skips every check that needs them; add Screaming Frog's All Inlinks export "
            "(Bulk Export > Links > All Inlinks) or a links.csv"
        )
    elif not has_positions:
        warnings.add(NO_POSITION_WARNING)
    if not sitemap_readers:
        warnings.add("no sitemap: pages that nothing links to (orphans) cannot be found")
    for reader in sitemap_readers:
        _check_sitemap_host(reader, normaliser, warnings)
    for reader in [*readers, *structured_data_readers]:
        opened = getattr(reader, "csv", None)
        if opened is not None and opened.title:
            log.info("%s: skipped the title row %r", reader.path.name, opened.title)
    return CrawlInput(
        files=files,
        normaliser=normaliser,
        readers=readers,
        sitemap_readers=sitemap_readers,
        has_positions=has_positions,
        has_sitemap=bool(sitemap_readers),
        warnings=warnings,
        structured_data_readers=structured_data_readers,
    )
