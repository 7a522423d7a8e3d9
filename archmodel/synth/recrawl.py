"""A later crawl of a Screaming Frog export with known changes, to exercise crawl diffs.

Copies a crawl folder (internal_all.csv, all_inlinks.csv and the files beside them) and applies
exactly the changes asked for: links dropped, pages that now answer 404 and new pages no link
points to. The test of `archmodel diff` and bench/history.py use it, so what the diff must
report is known in advance.
"""

from __future__ import annotations

import csv
import random
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PAGES_FILE = "internal_all.csv"
LINKS_FILE = "all_inlinks.csv"


@dataclass
class Changes:
    drop_links: set[tuple[str, str]] = field(default_factory=set)
    error_pages: set[str] = field(default_factory=set)
    new_pages: dict[str, str] = field(default_factory=dict)  # new url -> existing url it copies


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_recrawl(source: Path, target: Path, changes: Changes) -> Path:
    """Write the changed copy of the crawl folder `source` to `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_file() and item.name not in {PAGES_FILE, LINKS_FILE}:
            shutil.copy(item, target / item.name)
    header, pages = _read(source / PAGES_FILE)
    col = {name: i for i, name in enumerate(header)}
    by_url = {row[col["Address"]]: row for row in pages}
    for row in pages:
        if row[col["Address"]] in changes.error_pages:
            row[col["Status Code"]], row[col["Status"]] = "404", "Not Found"
            row[col["Indexability"]], row[col["Indexability Status"]] = "Non-Indexable", "Client Error"
    for url, model in sorted(changes.new_pages.items()):
        copy = list(by_url[model])
        copy[col["Address"]] = url
        for name in ("Canonical Link Element 1", "URL Encoded Address"):
            if name in col:
                copy[col[name]] = url
        pages.append(copy)
    _write(target / PAGES_FILE, header, pages)
    header, links = _read(source / LINKS_FILE)
    col = {name: i for i, name in enumerate(header)}
    kept = []
    for row in links:
        if (row[col["Source"]], row[col["Destination"]]) in changes.drop_links:
            continue
        if row[col["Destination"]] in changes.error_pages:
            row[col["Status Code"]], row[col["Status"]] = "404", "Not Found"
        kept.append(row)
    _write(target / LINKS_FILE, header, kept)
    return target


def random_changes(source: Path, links: int, errors: int, new: int, seed: int = 7) -> Changes:
    """Deterministic changes for a benchmark: `links` body links dropped, `errors` pages 404ing,
    `new` orphan pages (copies of existing pages under /new-pages/)."""
    rng = random.Random(seed)
    _, pages = _read(source / PAGES_FILE)
    urls = sorted(row[0] for row in pages[1:])
    header, rows = _read(source / LINKS_FILE)
    col = {name: i for i, name in enumerate(header)}
    body = sorted({(r[col["Source"]], r[col["Destination"]]) for r in rows if r[col["Link Position"]] == "Content"})
    base = urls[0].split("/", 3)[:3]
    changes = Changes(
        drop_links=set(rng.sample(body, min(links, len(body)))),
        error_pages=set(rng.sample(urls, min(errors, len(urls)))),
    )
    for i, model in enumerate(rng.sample(urls, min(new, len(urls)))):
        changes.new_pages["/".join(base) + f"/new-pages/page-{i}/"] = model
    return changes
