"""`archmodel synth --pages N`: the seed's kind of site at any size, deterministic by seed.

Entities scale with N (more specialties, conditions, providers, locations and blog posts), pages
and links come from the same builders as the seed, and a sprinkling of the seed's defect kinds
(about one of each per 2,000 pages) is planted at random so every pack finds something. No
expected-findings file is written: only the seed is checked finding by finding.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archmodel.synth import model as m
from archmodel.synth.links import Directives, LinkBuilder
from archmodel.synth.model import Site
from archmodel.synth.profiles import add_structural_extras, fill_to, scaled_entities
from archmodel.synth.sitefile import write_site_files
from archmodel.synth.writer import write_crawl

MIN_PAGES = 200


def sprinkle(site: Site, seed: int) -> Directives:
    """Plant a few defects of each kind at random (deterministic by seed)."""
    rng = random.Random(f"archmodel-sprinkle:{seed}")
    d = Directives()
    n = max(1, len(site.pages) // 2000)
    covered = [c for c in site.conditions.values() if c.specialty]
    hubs = {sp.id: sp.hub for sp in site.specialties}

    def some(items: list[Any], k: int = n) -> list[Any]:
        return rng.sample(items, min(k, len(items)))

    for c in some(covered):
        d.drop.add((hubs[c.specialty or ""], c.overview))
    for c in some(covered):
        d.drop.add((c.overview, c.stage_path("follow_up")))
    for c in some(covered):
        d.drop.add((c.stage_path("diagnosis"), c.stage_path("tests")))
    for c in some(covered):
        d.drop.add((c.stage_path("treatment"), hubs[c.specialty or ""]))
    providers = list(site.providers.values())
    for p in some(providers):
        d.drop.add((p.page, site.conditions[p.treats[0]].overview))
    for p in some(providers):
        d.drop.add((p.page, site.locations[p.locations[0]].page))
    for p in some(providers):
        d.nofollow.add((p.page, m.APPOINTMENTS))
    condition_posts = [post for post in site.posts if post.condition]
    for post in some(condition_posts):
        c = site.conditions[post.condition or ""]
        d.anchor[(post.path, c.overview)] = ("learn more", "")
    for post in some(condition_posts):
        c = site.conditions[post.condition or ""]
        d.anchor[(post.path, c.overview)] = ("", "")
    for post in some(condition_posts):
        d.flags[post.path].add("dead_end")
    for c in some(covered):
        d.flags[c.stage_path("follow_up")].add("legacy")
    for c in some(covered):
        d.flags[c.overview].add("no_location")
    for c in some(covered):
        d.flags[c.stage_path("symptoms")].add("no_reviewer")
    for c in some(covered):
        site.pages[c.stage_path("symptoms")].indexability_status = "noindex"
    for c in some(covered):
        site.pages[c.stage_path("follow_up")].status = 404
    for c in some(covered):
        page = site.pages[c.stage_path("treatment")]
        page.crawled, page.sitemap = False, True
    general = [post for post in site.posts if not post.condition]
    for post in some(condition_posts + general):
        site.unlisted_posts.add(post.slug)
    for p in some(providers, max(1, n // 2)):
        site.pages[p.page].crawled = False
    return d


def generate_synth(pages: int, out: Path, seed: int = 1,
                   progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Write a synthetic site of about `pages` crawled pages into `out`; returns counts and timing."""
    started = time.perf_counter()
    say = progress or (lambda _message: None)
    site = scaled_entities(pages, seed)
    add_structural_extras(site)
    site.build_pages()
    directives = sprinkle(site, seed)
    fill_to(site, pages + sum(1 for p in site.pages.values() if not p.crawled), seed)
    crawled = sum(1 for p in site.pages.values() if p.crawled)
    say(f"Site model: {len(site.specialties)} specialties, {len(site.conditions)} conditions, "
        f"{len(site.providers)} providers, {len(site.locations)} locations, {len(site.posts)} blog posts; "
        f"{crawled:,} crawled pages")
    builder = LinkBuilder(site, directives)
    links = write_crawl(site, builder, out, progress=say)
    write_site_files(site, out)
    seconds = time.perf_counter() - started
    say(f"Wrote {crawled:,} pages and {links:,} internal links to {out} in {seconds:.1f} s")
    return {"pages": crawled, "links": links, "seconds": seconds}


__all__ = ["generate_synth", "sprinkle", "MIN_PAGES"]
