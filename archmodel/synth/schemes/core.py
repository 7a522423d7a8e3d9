"""The scheme machinery: rewrite the seed's crawl into another URL scheme and title style, and write the model."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archmodel.synth import model as m
from archmodel.synth.generate import sprinkle
from archmodel.synth.links import LinkBuilder
from archmodel.synth.model import Page, Site, in_sentence
from archmodel.synth.profiles import add_structural_extras
from archmodel.synth.sitefile import providers_csv, reviewed_by_map, site_yaml
from archmodel.synth.schemes.rework import Rework, generate_rework, rebrand
from archmodel.synth.writer import write_crawl

STAGES = ("overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment")


@dataclass
class Scheme:
    name: str
    site_name: str
    base_url: str
    alias: str
    entities: Callable[[], Site]
    rules: list[tuple[str, str]]  # the hand-written page_types
    moves: list[tuple[str, str]]  # (regex on a seed-scheme path, replacement), first match wins
    titles: dict[str, str]  # stage -> title template ({name}, {lname})
    seed: int

    def path(self, path: str, site: Site) -> str:
        for pattern, replacement in self.moves:
            match = re.fullmatch(pattern, path)
            if match:
                return match.expand(replacement)
        return path


SCHEMES: dict[str, Scheme | Rework] = {}


def _moved(scheme: Scheme, site: Site) -> Callable[[str], str]:
    """The path function of a scheme, ortho's nested stage paths resolved through the condition."""
    cache: dict[str, str] = {}

    def move(path: str) -> str:
        if path in cache:
            return cache[path]
        out = path
        for pattern, replacement in scheme.moves:
            match = re.fullmatch(pattern, path)
            if not match:
                continue
            if callable(replacement):
                out = replacement(match)
            elif not replacement.startswith("/"):  # a stage under the condition's own new path
                out = move(f"/conditions/{match.group(1)}/") + replacement + "/"
            else:
                out = match.expand(replacement)
            break
        cache[path] = out
        return out

    return move


def _title(scheme: Scheme, site: Site, page: Page, old_suffix: str) -> str:
    base = page.title[: -len(old_suffix)] if page.title.endswith(old_suffix) else page.title
    if page.kind == "stage" and page.stage in scheme.titles and page.ref in site.conditions:
        c = site.conditions[page.ref]
        base = scheme.titles[page.stage].format(name=c.name, lname=in_sentence(c.name))
    base = rebrand(base, scheme.site_name)
    return f"{base} | {scheme.site_name}"


def build(scheme: Scheme) -> tuple[Site, LinkBuilder]:
    site = scheme.entities()
    add_structural_extras(site)
    site.build_pages()
    directives = sprinkle(site, scheme.seed)
    return site, LinkBuilder(site, directives)


def generate(name: str, out: Path) -> dict[str, int]:
    """Write crawl, sitemap, site.yml and providers.csv of scheme `name` into `out`."""
    scheme = SCHEMES[name]
    if isinstance(scheme, Rework):
        return generate_rework(scheme, out)
    site, builder = build(scheme)
    raw = out / "_seed-scheme"
    links = write_crawl(site, builder, raw)
    move = _moved(scheme, site)
    titles = {page.path: _title(scheme, site, page, f" | {m.SITE_NAME}") for page in site.pages.values()}

    def url(value: str) -> str:
        for base in (m.BASE_URL, m.ALIAS_URL):
            if value.startswith(base + "/"):
                rest = value[len(base):]
                path, sep, tail = re.split(r"([?#])", rest, maxsplit=1) + ["", ""] if re.search(r"[?#]", rest) else (rest, "", "")
                new_base = scheme.base_url if base == m.BASE_URL else scheme.alias
                return new_base + move(path) + sep + tail
        return value

    def text(value: str) -> str:
        return rebrand(value, scheme.site_name)

    _rewrite_csv(raw / "internal_all.csv", out / "internal_all.csv", {
        "Address": url, "Canonical Link Element 1": url, "Redirect URL": url, "URL Encoded Address": url,
        "Meta Description 1": text,
    }, titles, text)
    _rewrite_csv(raw / "all_inlinks.csv", out / "all_inlinks.csv", {
        "Source": url, "Destination": url, "Anchor": text, "Alt Text": text}, None)
    sitemap = (raw / "sitemap.xml").read_text(encoding="utf-8")
    sitemap = re.sub(r"<loc>([^<]+)</loc>", lambda mt: f"<loc>{url(mt.group(1))}</loc>", sitemap)
    (out / "sitemap.xml").write_text(sitemap, encoding="utf-8", newline="\n")
    for item in (raw / "internal_all.csv", raw / "all_inlinks.csv", raw / "sitemap.xml", ):
        item.unlink()
    raw.rmdir()
    _write_model(scheme, site, move, out)
    return {"pages": sum(1 for p in site.pages.values() if p.crawled), "links": links}


def _rewrite_csv(source: Path, target: Path, columns: dict[str, Callable[[str], str]],
                 titles: dict[str, str] | None, text: Callable[[str], str] = str) -> None:
    with open(source, encoding="utf-8-sig", newline="") as src, open(target, "w", encoding="utf-8-sig", newline="") as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        header = next(reader)
        writer.writerow(header)
        index = {name: header.index(name) for name in columns if name in header}
        address = header.index("Address") if "Address" in header else None
        title_at, h1_at = (header.index("Title 1"), header.index("H1-1")) if titles is not None else (None, None)
        for row in reader:
            if titles is not None and address is not None:
                path = row[address][len(m.BASE_URL):] if row[address].startswith(m.BASE_URL) else None
                if path in titles and row[title_at] and not row[title_at].startswith("Page not found"):
                    row[title_at] = titles[path]
                    row[h1_at] = titles[path].rsplit(" | ", 1)[0]
                    row[title_at + 1] = str(len(row[title_at]))
                elif row[title_at]:
                    row[title_at] = text(row[title_at])
            for name, i in index.items():
                if row[i]:
                    row[i] = columns[name](row[i])
            writer.writerow(row)


def _write_model(scheme: Scheme, site: Site, move: Callable[[str], str], out: Path) -> None:
    text = site_yaml(site, reviewed_by_map(site))
    text = re.sub(r"^page_types:\n(  - .*\n)+", "page_types:\n" + "".join(
        f'  - {{match: "{p}", type: {t}}}\n' for p, t in scheme.rules), text, flags=re.M)
    text = re.sub(r"(?m)^(\s+(?:hub|page|overview|symptoms|diagnosis|tests|treatment|follow_up|appointment): )(/\S*)$",
                  lambda mt: mt.group(1) + move(mt.group(2)), text)
    text = re.sub(r"(?m)^(\s+)(/\S*): ", lambda mt: mt.group(1) + move(mt.group(2)) + ": ", text)
    text = re.sub(r"(?m)^(  (?:review_pages|policy_pages): )\[(.*)\]$",
                  lambda mt: mt.group(1) + "[" + ", ".join(move(p.strip()) for p in mt.group(2).split(",")) + "]", text)
    text = text.replace(m.BASE_URL, scheme.base_url).replace(m.ALIAS_URL, scheme.alias)
    text = text.replace(m.SITE_NAME, scheme.site_name)
    text = text.replace("a fictional health system generated by `archmodel synth`",
                        f"the '{scheme.name}' measurement site of `archmodel.synth.schemes`")
    (out / "site.yml").write_text(text, encoding="utf-8", newline="\n")
    rows = list(csv.reader(providers_csv(site).splitlines()))
    page_at = rows[0].index("page")
    for row in rows[1:]:
        row[page_at] = move(row[page_at])
    with open(out / "providers.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in SCHEMES:
        print(f"usage: python -m archmodel.synth.schemes {{{','.join(SCHEMES)}}} OUT_DIR", file=sys.stderr)
        return 2
    out = Path(args[1])
    out.mkdir(parents=True, exist_ok=True)
    result = generate(args[0], out)
    print(f"wrote {out}: {result['pages']} pages, {result['links']} internal links", file=sys.stderr)
    return 0

