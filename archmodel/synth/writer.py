"""Screaming Frog files for a synthetic site, streamed: links are written as each page makes them.

`all_inlinks.csv` is the current 16-column All Inlinks export (with `Crawlability`),
`internal_all.csv` the Internal tab (UTF-8 with BOM, every field quoted, columns by name), plus
`sitemap.xml`. Per-page counters (inlinks, outlinks) are the only state kept across pages.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from archmodel.synth import model as m
from archmodel.synth.links import Link, LinkBuilder
from archmodel.synth.model import Page, Site, stable_int

INLINKS_COLUMNS = ["Type", "Source", "Destination", "Size (Bytes)", "Alt Text", "Anchor", "Status Code", "Status",
                   "Crawlability", "Follow", "Target", "Rel", "Path Type", "Link Path", "Link Position", "Link Origin"]
INTERNAL_COLUMNS = [
    "Address", "Content Type", "Status Code", "Status", "Indexability", "Indexability Status", "Title 1",
    "Title 1 Length", "Meta Description 1", "Meta Description 1 Length", "H1-1", "H1-1 Length", "Meta Robots 1",
    "Canonical Link Element 1", "Size (Bytes)", "Word Count", "Crawl Depth", "Link Score", "Inlinks",
    "Unique Inlinks", "% of Total", "Outlinks", "Unique Outlinks", "External Outlinks", "Unique External Outlinks",
    "Response Time", "Last Modified", "Redirect URL", "Redirect Type", "HTTP Version", "GA4 Sessions",
    "GA4 Views", "Search Console Clicks", "Search Console Impressions", "Crawl Timestamp", "URL Encoded Address",
]
STATUS_TEXT = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 410: "Gone",
               500: "Internal Server Error"}
LINK_PATHS = {
    "Header": "/html/body/header/div/a", "Navigation": "/html/body/nav/ul/li/a", "Footer": "/html/body/footer/ul/li/a",
    "Content": "/html/body/main/article/p/a", "Aside": "/html/body/main/aside/div/a",
    "Sidebar": "/html/body/div[2]/div/ul/li/a", "Head": "/html/head/link",
}
ASSETS = {"/assets/css/site.css": "text/css", "/assets/js/site.js": "application/javascript",
          "/assets/img/hero.jpg": "image/jpeg"}
CRAWL_TIMESTAMP = "2026-03-02 09:15:00"


def page_size(page: Page | None) -> int:
    return 18_000 + stable_int("size", page.path) % 40_000 if page else 0


def write_crawl(site: Site, builder: LinkBuilder, out: Path, *,
                keep_links: list[tuple[str, Link]] | None = None,
                depths: dict[str, int | None] | None = None,
                link_scores: dict[str, int] | None = None,
                progress: Callable[[str], None] | None = None) -> int:
    """Write all_inlinks.csv, internal_all.csv and sitemap.xml; returns the internal hyperlink count."""
    out.mkdir(parents=True, exist_ok=True)
    inlinks: dict[str, int] = defaultdict(int)
    unique_in: dict[str, int] = defaultdict(int)
    outlinks: dict[str, tuple[int, int, int, int]] = {}
    internal = 0
    crawled = [p for p in site.pages.values() if p.crawled]
    with open(out / "all_inlinks.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(INLINKS_COLUMNS)
        rows = writer.writerow
        for done, page in enumerate(crawled, 1):
            links = builder.links(page)
            if keep_links is not None:
                keep_links.extend((page.path, ln) for ln in links)
            source = m.BASE_URL + page.path
            targets: set[str] = set()
            out_count = external = 0
            external_targets: set[str] = set()
            for ln in links:
                target_page = site.pages.get(ln.target) if ln.target.startswith("/") else None
                if ln.target.startswith("/"):
                    destination = ln.raw or m.BASE_URL + ln.target
                    if ln.kind == "Hyperlink":
                        internal += 1
                        inlinks[ln.target] += 1
                        out_count += 1
                        if ln.target not in targets:
                            targets.add(ln.target)
                            unique_in[ln.target] += 1
                    status = target_page.status if target_page else 200
                    size = page_size(target_page) if target_page else 4_000
                else:
                    destination = ln.target
                    external += 1
                    external_targets.add(ln.target)
                    status = 200 if ln.target.startswith("http") else None
                    size = 0
                rows([
                    ln.kind, source, destination, size if status else "", ln.alt, ln.anchor,
                    status if status else "", STATUS_TEXT.get(status, "") if status else "",
                    "Crawlable" if status else "", "True" if ln.follow else "False", "",
                    "" if ln.follow else "nofollow",
                    "Absolute" if destination.startswith(("http", "mailto", "tel")) else "Root-Relative",
                    LINK_PATHS.get(ln.position, "/html/body//a"), ln.position,
                    "HTML",
                ])
            outlinks[page.path] = (out_count, len(targets), external, len(external_targets))
            if progress and done % 10_000 == 0:
                progress(f"  {done:,} of {len(crawled):,} pages, {internal:,} internal links")
    total_inlinks = max(1, sum(inlinks.values()))
    with open(out / "internal_all.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(INTERNAL_COLUMNS)
        for page in crawled:
            writer.writerow(_internal_row(page, inlinks, unique_in, outlinks, total_inlinks, depths, link_scores))
        for path, content_type in ASSETS.items():
            writer.writerow(_asset_row(path, content_type))
    write_sitemap(site, out / "sitemap.xml")
    return internal


def _internal_row(page: Page, inlinks: dict[str, int], unique_in: dict[str, int],
                  outlinks: dict[str, tuple[int, int, int, int]], total: int,
                  depths: dict[str, int | None] | None, link_scores: dict[str, int] | None) -> list[object]:
    url = m.BASE_URL + page.path
    seed = stable_int("page", page.path)
    if page.status == 200:
        indexability = "Non-Indexable" if page.indexability_status else "Indexable"
    else:
        indexability = "Non-Indexable"
    status_detail = page.indexability_status or {301: "Redirected", 302: "Redirected"}.get(page.status, "")
    if page.status >= 400:
        status_detail = "Client Error" if page.status < 500 else "Server Error"
    html = page.status == 200
    title = page.title if html else ("Page not found | Lakeside Health" if page.status >= 400 else "")
    h1 = page.h1 if html else ("Page not found" if page.status >= 400 else "")
    description = f"{page.h1}: information from {m.SITE_NAME} specialists." if html else ""
    canonical = (m.BASE_URL + page.canonical) if page.canonical else (url if html else "")
    depth = (depths.get(page.path) if depths is not None else page.depth_hint)
    out_count, unique_out, external, unique_external = outlinks.get(page.path, (0, 0, 0, 0))
    words = 250 + seed % 1800 if html else 40
    return [
        url, "text/html; charset=UTF-8", page.status, STATUS_TEXT.get(page.status, ""), indexability, status_detail,
        title, len(title), description, len(description), h1, len(h1),
        "noindex, follow" if page.indexability_status == "noindex" else "", canonical,
        page_size(page), words, "" if depth is None else depth,
        "" if not link_scores or page.path not in link_scores else link_scores[page.path],
        inlinks.get(page.path, 0), unique_in.get(page.path, 0),
        f"{100 * unique_in.get(page.path, 0) / total:.3f}", out_count, unique_out, external, unique_external,
        f"{0.05 + (seed % 400) / 1000:.3f}", "Mon, 02 Feb 2026 08:00:00 GMT",
        (m.BASE_URL + page.redirect_to) if page.redirect_to else "", "HTTP Redirect" if page.redirect_to else "",
        "HTTP/1.1", "", "", "", "", CRAWL_TIMESTAMP, url,
    ]


def _asset_row(path: str, content_type: str) -> list[object]:
    url = m.BASE_URL + path
    row: list[object] = [""] * len(INTERNAL_COLUMNS)
    row[0], row[1], row[2], row[3], row[4] = url, content_type, 200, "OK", "Indexable"
    row[14], row[25], row[34], row[35] = 4_000, "0.031", CRAWL_TIMESTAMP, url
    row[29] = "HTTP/1.1"
    return row


SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file
SITEMAP_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_sitemap(site: Site, path: Path) -> None:
    """`path` as one `<urlset>` when the site's sitemap URLs fit the protocol's 50,000 a file;
    otherwise a sitemap index naming `sitemaps/sitemap-N.xml` beside it, 50,000 URLs each, as
    large sites publish them (a single file of a million URLs is over the 100 MB archmodel reads).
    The children sit in a subfolder, so loading the folder reads them once, through the index."""
    lines = (
        f"  <url><loc>{m.BASE_URL}{page.path}</loc>"
        f"<lastmod>2026-01-{1 + stable_int('lastmod', page.path) % 28:02d}</lastmod></url>\n"
        for page in site.pages.values() if page.in_sitemap
    )
    chunk = list(islice(lines, SITEMAP_URLS + 1))
    if len(chunk) <= SITEMAP_URLS:
        _write_urlset(path, chunk)
        return
    children = []
    while chunk:
        child = path.parent / "sitemaps" / f"sitemap-{len(children) + 1}.xml"
        child.parent.mkdir(exist_ok=True)
        _write_urlset(child, chunk[:SITEMAP_URLS])
        children.append(child)
        chunk = chunk[SITEMAP_URLS:] + list(islice(lines, SITEMAP_URLS))
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(SITEMAP_HEAD)
        handle.write(f'<sitemapindex xmlns="{SITEMAP_NS}">\n')
        for child in children:
            handle.write(f"  <sitemap><loc>{m.BASE_URL}/sitemaps/{child.name}</loc></sitemap>\n")
        handle.write("</sitemapindex>\n")


def _write_urlset(path: Path, lines: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(SITEMAP_HEAD)
        handle.write(f'<urlset xmlns="{SITEMAP_NS}">\n')
        handle.writelines(lines)
        handle.write("</urlset>\n")


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
