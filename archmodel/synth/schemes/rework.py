"""Measurement sites that differ from the seed in structure, not only in URL spelling.

A `Rework` scheme starts like the first two (the seed's page and link builders, `sprinkle`d
defects, one crawl written in the seed's scheme) and then edits that crawl in memory:

- `locate` gives every seed page its new path (from the page itself: kind, entity, stage, date);
- `merge` folds seed pages into another page (every condition's booking page into `/contact/`),
  `drop` removes pages a site of that kind does not have; links follow or disappear with them;
- `title` and `anchor` rewrite titles, H1s and link text in the site's own voice;
- `extend` adds what the seed has no builder for (archives, pagination, a language mirror,
  redirects and broken links) through `Crawl.add_page` / `Crawl.add_link`;
- counters (inlinks, outlinks, share) and crawl depth (breadth first from the home page) are
  then recomputed, and the sitemap is rewritten from the final rows.

The ground-truth site.yml is written from the generator's own entities through the same path
function, listing only pages the crawl has as live HTML (a careful human cannot name a stage page
that the crawl never saw or that answers 404), plus the scheme's hand-written page_types rules.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archmodel.synth import model as m
from archmodel.synth.generate import sprinkle
from archmodel.synth.links import LinkBuilder
from archmodel.synth.model import BlogPost, Page, Site, stable_int
from archmodel.synth.profiles import add_structural_extras
from archmodel.synth.sitefile import flow, q
from archmodel.synth.writer import CRAWL_TIMESTAMP, INLINKS_COLUMNS, INTERNAL_COLUMNS, STATUS_TEXT, write_crawl

GENERIC = ["learn more", "click here", "read more", "here", "more", "this page", "find out more", "continue"]
LinkRow = dict[str, str]
Row = dict[str, str]


@dataclass
class Rework:
    name: str
    site_name: str
    base_url: str
    alias: str
    entities: Callable[[], Site]
    rules: list[tuple[str, str]]  # the hand-written page_types
    locate: Callable[[Site, Page], str]  # seed page -> its path on this site
    title: Callable[[Site, Page], tuple[str, str]]  # seed page -> (title, H1)
    anchor: Callable[[Site, Page | None, Page | None, str, str], str]  # (site, source, target, anchor, position)
    seed: int
    merge: Callable[[Site], dict[str, str]] = lambda site: {}  # seed path -> seed path it is folded into
    drop: Callable[[Site], set[str]] = lambda site: set()  # seed paths the site does not have
    extend: Callable[[Crawl], None] = lambda crawl: None
    review_pages: Callable[[Site], list[str]] = lambda site: [m.EDITORIAL]  # seed paths
    policy_pages: Callable[[Site], list[str]] = lambda site: list(m.POLICY_PAGES)
    comment: str = ""
    prepare: Callable[[Site], None] = lambda site: None  # entity-level changes before pages are built
    externals: dict[str, str] = field(default_factory=dict)  # URL prefix on other sites -> its local equivalent
    generic_anchors: list[str] | None = None  # thresholds.generic_anchors in the site's language
    not_found: str = "Page not found"  # the title of the site's 404 page


@dataclass
class Crawl:
    """The crawl of a reworked site in memory: rows by path (in crawl order) and link rows."""

    scheme: Rework
    site: Site
    rows: dict[str, Row]
    links: list[LinkRow]
    sitemap: dict[str, str]  # path -> lastmod
    path_of: dict[str, str]  # seed path -> new path (dropped pages absent)
    page_at: dict[str, Page] = field(default_factory=dict)  # new path -> seed page

    @property
    def base(self) -> str:
        return self.scheme.base_url

    def url(self, path: str) -> str:
        return path if path.startswith(("http:", "https:", "mailto:", "tel:")) else self.base + path

    def new(self, seed_path: str) -> str:
        return self.path_of[seed_path]

    def live(self, path: str) -> bool:
        row = self.rows.get(path)
        return row is not None and row["Status Code"] == "200" and row["Content Type"].startswith("text/html")

    def add_page(self, path: str, title: str = "", h1: str | None = None, status: int = 200,
                 redirect: str | None = None, sitemap: bool | None = None, noindex: bool = False,
                 canonical: str | None = None, words: int | None = None) -> None:
        if path in self.rows:
            raise ValueError(f"duplicate page {path}")
        url = self.url(path)
        seed = stable_int("page", self.scheme.name, path)
        html = status == 200
        if status >= 400:
            title, h1 = f"{self.scheme.not_found} | {self.scheme.site_name}", self.scheme.not_found
        h1 = (title.split(" | ")[0] if h1 is None else h1) if (html or status >= 400) else ""
        title = title if (html or status >= 400) else ""
        detail = "noindex" if noindex else ("Canonicalised" if canonical and canonical != path else "")
        if status in (301, 302):
            detail = "Redirected"
        elif status >= 400:
            detail = "Client Error" if status < 500 else "Server Error"
        row = {name: "" for name in INTERNAL_COLUMNS}
        description = f"{h1}. {self.scheme.site_name}." if html else ""
        row.update({
            "Address": url, "Content Type": "text/html; charset=UTF-8", "Status Code": str(status),
            "Status": STATUS_TEXT.get(status, ""), "Indexability": "Indexable" if html and not detail else "Non-Indexable",
            "Indexability Status": detail, "Title 1": title, "Title 1 Length": str(len(title)),
            "Meta Description 1": description, "Meta Description 1 Length": str(len(description)),
            "H1-1": h1, "H1-1 Length": str(len(h1)), "Meta Robots 1": "noindex, follow" if noindex else "",
            "Canonical Link Element 1": self.url(canonical) if canonical else (url if html else ""),
            "Size (Bytes)": str(18_000 + seed % 40_000 if html else 1_200),
            "Word Count": str(words if words is not None else (250 + seed % 1800 if html else 40)),
            "Response Time": f"{0.05 + (seed % 400) / 1000:.3f}", "Last Modified": "Mon, 02 Feb 2026 08:00:00 GMT",
            "Redirect URL": self.url(redirect) if redirect else "", "Redirect Type": "HTTP Redirect" if redirect else "",
            "HTTP Version": "HTTP/1.1", "Crawl Timestamp": CRAWL_TIMESTAMP, "URL Encoded Address": url,
        })
        self.rows[path] = row
        if sitemap if sitemap is not None else (html and not detail):
            self.sitemap[path] = f"2026-01-{1 + stable_int('lastmod', path) % 28:02d}"

    def add_link(self, source: str, target: str, anchor: str, position: str = "Content", follow: bool = True,
                 kind: str = "Hyperlink", alt: str = "") -> None:
        self.links.append(_link_row(self.url(source), self.url(target), anchor, position, follow, kind, alt))

    def live_path(self, seed_path: str) -> str | None:
        """The path of seed page `seed_path` on this site when the site serves it as live HTML, None otherwise."""
        new = self.path_of.get(seed_path)
        return new if new is not None and self.live(new) else None

    def live_posts(self, oldest_first: bool = False) -> list[BlogPost]:
        """The seed's blog posts this site still serves as live pages (seed order, or oldest first):
        the ones its archives list and old links may point at."""
        posts = [p for p in self.site.posts if self.live(self.new(p.path))]
        return sorted(posts, key=lambda p: p.date) if oldest_first else posts

    def link_tabs(self, tabs: list[tuple[str, str]]) -> None:
        """A tab bar over (path, label) pages: each tab links every other one, by its label, in the navigation."""
        for source, _ in tabs:
            for target, label in tabs:
                if target != source:
                    self.add_link(source, target, label, "Navigation")

    def links_from(self, path: str) -> list[LinkRow]:
        url = self.url(path)
        return [row for row in self.links if row["Source"] == url]


def rebrand(value: str, site_name: str) -> str:
    """Seed text in another site's name: the seed's full brand, then its bare "Lakeside", become `site_name`
    and its first word."""
    return value.replace(m.SITE_NAME, site_name).replace("Lakeside", site_name.split()[0])


def noindex_symptoms_overviews(crawl: Crawl) -> None:
    """For sites whose symptoms stage is part of the overview page (a section or a shared tab): the live overview of
    every condition whose seed symptoms page is noindexed carries that noindex, and leaves the sitemap."""
    for page in crawl.site.pages.values():
        if page.kind == "stage" and page.stage == "symptoms" and page.indexability_status == "noindex":
            overview = crawl.live_path(crawl.site.conditions[page.ref or ""].overview)
            if overview:
                crawl.rows[overview].update({"Indexability": "Non-Indexable", "Indexability Status": "noindex",
                                             "Meta Robots 1": "noindex, follow"})
                crawl.sitemap.pop(overview, None)


def _link_row(source: str, destination: str, anchor: str, position: str, follow: bool, kind: str, alt: str) -> LinkRow:
    from archmodel.synth.writer import LINK_PATHS
    return {
        "Type": kind, "Source": source, "Destination": destination, "Size (Bytes)": "", "Alt Text": alt,
        "Anchor": anchor, "Status Code": "", "Status": "", "Crawlability": "", "Follow": "True" if follow else "False",
        "Target": "", "Rel": "" if follow else "nofollow",
        "Path Type": "Absolute" if destination.startswith(("http", "mailto", "tel")) else "Root-Relative",
        "Link Path": LINK_PATHS.get(position, "/html/body//a"), "Link Position": position, "Link Origin": "HTML",
    }


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(url: str, bases: tuple[str, ...]) -> tuple[str, str, str] | None:
    """(base, path, ?query/#fragment) of an internal URL, None for anything else."""
    for base in bases:
        if url.startswith(base + "/"):
            rest = url[len(base):]
            found = re.search(r"[?#]", rest)
            return (base, rest, "") if not found else (base, rest[: found.start()], rest[found.start():])
    return None


def generate_rework(scheme: Rework, out: Path) -> dict[str, int]:
    site = scheme.entities()
    add_structural_extras(site)
    scheme.prepare(site)
    site.build_pages()
    directives = sprinkle(site, scheme.seed)
    builder = LinkBuilder(site, directives)
    raw = out / "_seed-scheme"
    write_crawl(site, builder, raw)
    crawl = _rework(scheme, site, raw)
    scheme.extend(crawl)
    _finish(crawl)
    _write(crawl, out)
    for item in ("internal_all.csv", "all_inlinks.csv", "sitemap.xml"):
        (raw / item).unlink()
    raw.rmdir()
    _write_model(crawl, out)
    pages = sum(1 for row in crawl.rows.values() if row["Content Type"].startswith("text/html"))
    links = sum(1 for row in crawl.links if row["Type"] == "Hyperlink" and _split(row["Destination"], (crawl.base, scheme.alias)))
    return {"pages": pages, "links": links}


def _rework(scheme: Rework, site: Site, raw: Path) -> Crawl:
    merged = scheme.merge(site)
    dropped = scheme.drop(site)
    path_of: dict[str, str] = {}
    page_at: dict[str, Page] = {}
    for page in site.pages.values():
        if page.path in dropped or page.path in merged:
            continue
        new = scheme.locate(site, page)
        if new in page_at:
            raise ValueError(f"{scheme.name}: {page.path} and {page_at[new].path} both become {new}")
        path_of[page.path] = new
        page_at[new] = page
    for old, into in merged.items():
        path_of[old] = path_of[into]
    crawl = Crawl(scheme, site, {}, [], {}, path_of, page_at)
    bases = (m.BASE_URL, m.ALIAS_URL)

    def url(value: str) -> str | None:
        """The URL on this site; None when the page was dropped."""
        parts = _split(value, bases)
        if parts is None:
            return value
        base, path, tail = parts
        if path in dropped:
            return None
        new_base = scheme.base_url if base == m.BASE_URL else scheme.alias
        return new_base + path_of.get(path, path) + tail

    def text(value: str) -> str:
        return rebrand(value, scheme.site_name)

    for row in _read(raw / "internal_all.csv"):
        parts = _split(row["Address"], bases)
        path = parts[1] if parts else row["Address"]
        if path in dropped or path in merged:
            continue
        page = site.pages.get(path)
        new_path = path_of.get(path, path)
        for column in ("Address", "Canonical Link Element 1", "Redirect URL", "URL Encoded Address"):
            if row[column]:
                row[column] = url(row[column]) or ""
        if page is not None and row["Status Code"] == "200":
            title, h1 = scheme.title(site, page)
            row["Title 1"], row["H1-1"] = text(title), text(h1)
            row["Meta Description 1"] = f"{row['H1-1']}. {scheme.site_name}."
        elif row["Title 1"]:
            row["Title 1"], row["H1-1"] = f"{scheme.not_found} | {scheme.site_name}", scheme.not_found
        for column in ("Title 1", "H1-1", "Meta Description 1"):
            row[f"{column} Length"] = str(len(row[column]))
        crawl.rows[new_path] = row
    for row in _read(raw / "all_inlinks.csv"):
        src = _split(row["Source"], bases)
        dst = _split(row["Destination"], bases)
        source_page = site.pages.get(src[1]) if src else None
        target_page = site.pages.get(dst[1]) if dst else None
        source, destination = url(row["Source"]), url(row["Destination"])
        if source is None or destination is None:
            continue
        if src and src[1] in merged:
            continue
        if dst and dst[1] in merged:
            target_page = site.pages[merged[dst[1]]]
        row["Source"], row["Destination"] = source, destination
        if row["Type"] == "Hyperlink" and row["Anchor"]:  # an empty anchor (logo, planted defect) stays empty
            row["Anchor"] = scheme.anchor(site, source_page, target_page, text(row["Anchor"]), row["Link Position"])
        row["Alt Text"] = text(row["Alt Text"])
        for prefix, local in scheme.externals.items():
            if dst is None and row["Destination"].startswith(prefix):
                row["Destination"] = local + row["Destination"][len(prefix):]
        if dst is None:  # mail addresses and external pages named after the seed's brand
            host = scheme.base_url.split("//", 1)[-1].removeprefix("www.")
            for column in ("Destination", "Anchor"):
                row[column] = row[column].replace("lakeside-health.example", host)
                row[column] = row[column].replace("lakeside-health", host.split(".")[0])
        crawl.links.append(row)
    # a merged page's body links to its new home from the same source collapse into one
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for row in crawl.links:
        key = (row["Source"], row["Destination"], row["Link Position"])
        if row["Type"] == "Hyperlink" and row["Link Position"] in ("Content", "Aside", "Sidebar") and key in seen:
            continue
        seen.add(key)
        kept.append(row)
    crawl.links = kept
    for match in re.finditer(r"<loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>", (raw / "sitemap.xml").read_text(encoding="utf-8")):
        parts = _split(match.group(1), bases)
        if parts and parts[1] not in dropped and parts[1] not in merged:
            crawl.sitemap[path_of.get(parts[1], parts[1])] = match.group(2)
    return crawl


def _finish(crawl: Crawl) -> None:
    """Link statuses, inlink/outlink counters and crawl depth from the final rows and links."""
    bases = (crawl.base, crawl.scheme.alias)
    inlinks: dict[str, int] = defaultdict(int)
    unique_in: dict[str, set[str]] = defaultdict(set)
    out: dict[str, list[str]] = defaultdict(list)
    external: dict[str, list[str]] = defaultdict(list)
    follow: dict[str, list[str]] = defaultdict(list)
    for row in crawl.links:
        dst = _split(row["Destination"], bases)
        src = _split(row["Source"], bases)
        if dst is None:
            if row["Type"] == "Hyperlink" and src:
                external[src[1]].append(row["Destination"])
            continue
        target = crawl.rows.get(dst[1])
        if target is not None:
            row["Status Code"], row["Status"] = target["Status Code"], target["Status"]
            row["Size (Bytes)"], row["Crawlability"] = target["Size (Bytes)"], "Crawlable"
        if row["Type"] != "Hyperlink" or src is None:
            continue
        inlinks[dst[1]] += 1
        unique_in[dst[1]].add(src[1])
        out[src[1]].append(dst[1])
        if row["Follow"] == "True":
            follow[src[1]].append(dst[1])
    total = max(1, sum(len(v) for v in unique_in.values()))
    depth: dict[str, int] = {"/": 0}
    queue = deque(["/"])
    while queue:
        path = queue.popleft()
        row = crawl.rows.get(path)
        if row is None:
            continue
        nexts = follow.get(path, []) if row["Status Code"] == "200" else []
        if row["Redirect URL"]:
            target = _split(row["Redirect URL"], bases)
            nexts = [target[1]] if target else []
        for target in nexts:
            if target not in depth and target in crawl.rows:
                depth[target] = depth[path] + 1
                queue.append(target)
    for path, row in crawl.rows.items():
        if not row["Content Type"].startswith("text/html"):
            continue
        row["Inlinks"], row["Unique Inlinks"] = str(inlinks.get(path, 0)), str(len(unique_in.get(path, ())))
        row["% of Total"] = f"{100 * len(unique_in.get(path, ())) / total:.3f}"
        row["Outlinks"], row["Unique Outlinks"] = str(len(out.get(path, []))), str(len(set(out.get(path, []))))
        row["External Outlinks"] = str(len(external.get(path, [])))
        row["Unique External Outlinks"] = str(len(set(external.get(path, []))))
        if path in depth:
            row["Crawl Depth"] = str(depth[path])


def _write(crawl: Crawl, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    html = [row for row in crawl.rows.values() if row["Content Type"].startswith("text/html")]
    assets = [row for row in crawl.rows.values() if not row["Content Type"].startswith("text/html")]
    for name, columns, rows in (("internal_all.csv", INTERNAL_COLUMNS, html + assets),
                                ("all_inlinks.csv", INLINKS_COLUMNS, crawl.links)):
        with open(out / name, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([row[c] for c in columns])
    with open(out / "sitemap.xml", "w", encoding="utf-8", newline="\n") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        for path, lastmod in crawl.sitemap.items():
            handle.write(f"  <url><loc>{crawl.url(path)}</loc><lastmod>{lastmod}</lastmod></url>\n")
        handle.write("</urlset>\n")


def _write_model(crawl: Crawl, out: Path) -> None:
    scheme, site = crawl.scheme, crawl.site

    live = crawl.live_path

    lines = [
        f"# {scheme.site_name}: the '{scheme.name}' measurement site of `archmodel.synth.schemes`.",
        *(f"# {line}" for line in scheme.comment.splitlines()),
        "site:",
        f"  name: {q(scheme.site_name)}",
        f"  base_url: {scheme.base_url}",
        "  home: /",
        f"  aliases: [{scheme.alias}]",
        "",
        "page_types:",
    ]
    lines += [f"  - {{match: {q(pattern)}, type: {ptype}}}" for pattern, ptype in scheme.rules]
    lines += ["", "specialties:"]
    for sp in site.specialties:
        lines += [f"  - id: {sp.id}", f"    name: {q(sp.name)}"]
        if live(sp.hub):
            lines.append(f"    hub: {live(sp.hub)}")
        lines.append(f"    conditions: {flow(sp.conditions)}")
    lines += ["", "conditions:"]
    for c in site.conditions.values():
        lines += [f"  - id: {c.id}", f"    name: {q(c.name)}", f"    synonyms: {flow(c.synonyms)}"]
        if c.related:
            lines.append(f"    related: {flow(c.related)}")
        pages = {stage: live(path) for stage, path in c.pages.items()}
        pages = {stage: path for stage, path in pages.items() if path}
        if pages:
            lines.append("    pages:")
            lines += [f"      {stage}: {path}" for stage, path in pages.items()]
    lines += ["", "providers: {csv: providers.csv}", "", "locations:"]
    for loc in site.locations.values():
        lines += [f"  - id: {loc.id}", f"    name: {q(loc.name)}"]
        if live(loc.page):
            lines.append(f"    page: {live(loc.page)}")
        lines.append(f"    specialties: {flow(loc.specialties)}")
        if loc.telehealth:
            lines.append("    telehealth: true")
    review = [p for p in (live(x) for x in scheme.review_pages(site)) if p]
    policy = [p for p in (live(x) for x in scheme.policy_pages(site)) if p]
    lines += [
        "",
        f"pathway: {flow(['overview', 'symptoms', 'diagnosis', 'tests', 'treatment', 'follow_up', 'appointment'])}",
        "",
        "trust:",
        f"  review_pages: [{', '.join(review)}]",
        f"  policy_pages: [{', '.join(policy)}]",
        "  reviewed_by:",
    ]
    for c in site.conditions.values():
        overview = live(c.overview)
        if overview and c.id in site.reviewer:
            lines.append(f"    {overview}: {site.reviewer[c.id]}")
    lines += [
        "",
        "thresholds:",
        "  max_depth: 3",
        "  key_page_max_depth: 2",
        "  max_content_outlinks: 100",
        "  min_contextual_outlinks: 3",
        f"  generic_anchors: [{', '.join(scheme.generic_anchors or GENERIC)}]",
        "  anchor_repeat_share: 0.8",
        "",
    ]
    (out / "site.yml").write_text("\n".join(lines), encoding="utf-8", newline="\n")
    with open(out / "providers.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "name", "page", "specialties", "treats", "locations", "title"])
        for p in site.providers.values():
            writer.writerow([p.id, p.name, live(p.page) or "", p.specialty, ";".join(p.treats), ";".join(p.locations),
                             p.title])


# -- helpers for the scheme modules ----------------------------------------------------------

FULL = ("overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment")
SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "after", "by", "vs"}

ConditionSpec = tuple[str, str, list[str], tuple[str, str] | None, tuple[str, str], list[str]]
SpecialtySpec = tuple[str, str, str, list[tuple[str, str]], list[ConditionSpec]]


def pick(key: str, options: list[str]) -> str:
    """One of `options`, the same one every time for the same key."""
    return options[stable_int(key) % len(options)]


CHROME_POSITIONS = ("Header", "Navigation", "Footer")  # link positions in the page template, outside the body text
REVIEW_CREDITS = ("medically reviewed", "reviewed by", "clinical review")  # how the seed's reviewer credit lines start


def anchor_key(source: Page | None, target: Page, text: str) -> str:
    """The `pick` key of one link: the same link gets the same anchor on every run, links elsewhere may differ."""
    return f"{source.path if source else ''}>{target.path}:{text}"


def fixed_title(fixed: dict[str, tuple[str, ...]], page: Page, suffix: str) -> tuple[str, str] | None:
    """(title, H1) of a page the site names by hand in its FIXED table of (path, title, H1, ...), None for any other.

    The home page's title stands alone; every other hand-named title ends in the site's brand `suffix`.
    """
    if page.path not in fixed:
        return None
    _, t, h1 = fixed[page.path][:3]
    return (t if page.path == m.HOME else t + suffix), h1


def seed_title(page: Page, suffix: str, recase: Callable[[str], str] = str) -> tuple[str, str]:
    """(title, H1) of a page the site does not rename: the seed's title without its brand, recased, as the H1,
    and with this site's brand `suffix` as the title."""
    t = recase(page.title.split(" | ")[0])
    return t + suffix, t


def chrome_label(fixed: dict[str, tuple[str, ...]], target: Page, position: str) -> str | None:
    """The anchor of a template link (header, navigation, footer) to a page the site names by hand: its short
    title from the FIXED table of (path, title, H1, ...); None for body links and for any other page."""
    if target.path in fixed and position in CHROME_POSITIONS:
        return fixed[target.path][1]
    return None


def first_bookable(site: Site, sid: str) -> str:
    """The first condition of specialty `sid` that has an appointment stage."""
    sp = site.specialty(sid)
    assert sp is not None
    return next(cid for cid in sp.conditions if "appointment" in site.conditions[cid].stages)


def book_by_specialty(site: Site) -> dict[str, str]:
    """A `Rework.merge` for sites where every condition of a specialty (a department, a division) books through the
    specialty's one appointment page: the others' appointment pages fold into its first bookable condition's."""
    out = {}
    for sp in site.specialties:
        keep = site.conditions[first_bookable(site, sp.id)].stage_path("appointment")
        for cid in sp.conditions:
            c = site.conditions[cid]
            if "appointment" in c.stages and c.stage_path("appointment") != keep:
                out[c.stage_path("appointment")] = keep
    return out


def is_review_credit(text: str) -> bool:
    """Whether a seed anchor to a provider is a reviewer credit ("Medically reviewed by ...") rather than a name link."""
    return text.lower().startswith(REVIEW_CREDITS)


def title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[0].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def make_site(specialties: list[SpecialtySpec], uncovered: list[ConditionSpec],
              providers: list[tuple[str, str, str, str, list[str], list[str]]],
              locations: list[tuple[str, str, list[str]]], telehealth: str | None,
              post_years: tuple[int, int] = (2021, 4)) -> Site:
    """A Site from plain tables: conditions without a test get no tests stage."""
    from archmodel.synth.model import Condition, Location, Provider, Specialty
    from archmodel.synth.profiles import CONDITION_POST_TEMPLATES, GENERAL_TOPICS, general_post, post_for

    def condition(spec: ConditionSpec, sid: str | None) -> Condition:
        cid, name, synonyms, test, treatment, related = spec
        stages = tuple(s for s in FULL if s != "tests" or test is not None)
        if sid is None:
            stages = tuple(s for s in stages if s not in ("follow_up", "appointment"))
        return Condition(cid, name, list(synonyms), sid, test or (f"{cid}-tests", f"{name} tests"), treatment, list(related), stages)

    sps, conditions = [], {}
    for sid, name, title, services, items in specialties:
        sps.append(Specialty(sid, name, title, [c[0] for c in items], list(services)))
        for spec in items:
            conditions[spec[0]] = condition(spec, sid)
    for spec in uncovered:
        conditions[spec[0]] = condition(spec, None)
    locs = {lid: Location(lid, name, list(sids)) for lid, name, sids in locations}
    if telehealth:
        locs["virtual"] = Location("virtual", telehealth, [s.id for s in sps], telehealth=True)
    people = {pid: Provider(pid, name, title, sid, list(treats), list(where))
              for pid, name, title, sid, treats, where in providers}
    posts = []
    first, span = post_years
    for i, c in enumerate(conditions.values()):
        sp = next((s.name for s in sps if s.id == c.specialty), None)
        templates = CONDITION_POST_TEMPLATES if c.specialty else ("signs", "treatment")
        templates = tuple("myths" if t == "test" and "tests" not in c.stages else t for t in templates)
        posts += [post_for(c, t, i + j, sp, first + (i + j) % span) for j, t in enumerate(templates)]
    posts += [general_post(topic, title, 0, first + span - 1) for topic, title in GENERAL_TOPICS]
    site = Site(sps, conditions, people, locs, posts)
    site.reviewer = {}
    for c in conditions.values():
        treating = [p.id for p in people.values() if c.id in p.treats]
        if treating:
            site.reviewer[c.id] = treating[0]
    return site
