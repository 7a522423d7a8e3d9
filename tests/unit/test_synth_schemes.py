"""What every measurement site of archmodel.synth.schemes must be: Screaming Frog files, deterministic,
a ground truth that loads cleanly and names only crawled pages, rules that type them, the seed's defects.

Each check is written once and runs on every registered scheme; where sites differ (size floors,
title style, URL style) the values stand in `EXPECT`. What makes each site different is in
`test_synth_scheme_sites.py`.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

from archmodel.synth import schemes
from archmodel.synth.writer import INLINKS_COLUMNS, INTERNAL_COLUMNS
from tests.unit.synth_sites import FILES, STAGE_TYPES, Sites, read_rows


class Expect(NamedTuple):
    pages: int  # crawled HTML rows: more than this
    links: int  # hyperlinks: more than this
    conditions: int  # at least
    locations: int  # at least
    slash: bool | None  # every path but "/" ends in "/" (True), none does (False), both kinds (None)
    separator: str  # what stands between the page's title and the brand in at least 90% of live titles
    branded: float = 0.95  # share of live titles naming the first or last word of the brand
    redirects: bool = True  # a 301 row is planted
    stages_dropped: bool = True  # some 404 or uncrawled stage page is left out of the ground truth
    shared_stages: bool = False  # one page may fill two stages of a condition (and is typed as one of them)
    live_truth: bool = True  # every page the ground truth names is a live crawled row
    seed_brand_gone: bool = True  # "Lakeside" stands nowhere; else only in rows of off-site links


# publisher and ortho keep the seed's ground truth (it names their 404 and uncrawled stage pages) and
# the seed's mail and jobs links (appointments@lakeside-health.example)
EXPECT = {
    "publisher": Expect(250, 10000, 12, 5, True, " | ", redirects=False, live_truth=False, seed_brand_gone=False),
    "ortho": Expect(250, 10000, 12, 5, True, " | ", redirects=False, stages_dropped=False, live_truth=False,
                    seed_brand_gone=False),
    "wordpress": Expect(150, 4000, 10, 4, True, " | "),
    "library": Expect(150, 4000, 10, 4, None, " | "),  # a hub has a redirecting twin without the slash
    "serviceline": Expect(150, 4000, 10, 4, True, " | "),
    "bilingual": Expect(150, 4000, 10, 4, True, " | ", redirects=False),
    "portuguese": Expect(150, 4000, 10, 4, True, " | ", redirects=False),
    "academic": Expect(150, 4000, 12, 5, True, " | "),
    "dental": Expect(150, 4000, 12, 5, True, " | "),
    "pediatric-network": Expect(120, 3000, 12, 5, False, " | ", branded=0.9),  # provider titles name the specialty
    "physio": Expect(120, 3000, 12, 5, False, " — "),
    "womens-health": Expect(120, 3000, 12, 5, False, " | "),
    "hospital-mayo-style": Expect(120, 3000, 12, 5, False, " - ", shared_stages=True),
}
NAMES = list(EXPECT)


def test_every_scheme_is_registered_and_checked() -> None:
    assert list(schemes.SCHEMES) == NAMES


def test_usage_names_the_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    assert schemes.main(["no-such-site", "/tmp/unused"]) == 2
    assert "wordpress" in capsys.readouterr().err


@pytest.mark.parametrize("name", NAMES)
def test_files_exist_in_screaming_frog_format(name: str, synth_sites: Sites) -> None:
    site, expect = synth_sites[name], EXPECT[name]
    for item in FILES:
        assert (site.folder / item).is_file(), item
    for item, header in (("all_inlinks.csv", INLINKS_COLUMNS), ("internal_all.csv", INTERNAL_COLUMNS)):
        assert (site.folder / item).read_bytes().startswith(b"\xef\xbb\xbf")
        with open(site.folder / item, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert table[0] == header
        assert all(len(row) == len(header) for row in table)
    assert not (site.folder / "_seed-scheme").exists()
    assert len(site.pages) > expect.pages and len(site.links) > expect.links


@pytest.mark.parametrize("name", NAMES)
def test_same_scheme_gives_identical_files(name: str, synth_sites: Sites, tmp_path: Path) -> None:
    schemes.generate(name, tmp_path)
    for item in FILES:
        assert (tmp_path / item).read_bytes() == (synth_sites[name].folder / item).read_bytes(), item


@pytest.mark.parametrize("name", NAMES)
def test_every_model_page_is_a_crawled_live_html_row(name: str, synth_sites: Sites) -> None:
    site, expect = synth_sites[name], EXPECT[name]
    sm = site.model
    assert sm.warnings == []
    named = [(f"{c.id}.{stage}", path) for c in sm.conditions for stage, path in c.pages.items()]
    named += [(f"provider {p.id}", p.page) for p in sm.providers if p.page]
    named += [(f"location {loc.id}", loc.page) for loc in sm.locations if loc.page]
    named += [(f"specialty {s.id}", s.hub) for s in sm.specialties if s.hub]
    named += [("review page", p) for p in sm.trust.review_pages] + [("policy page", p) for p in sm.trust.policy_pages]
    named += [("reviewed page", p) for p in sm.trust.reviewed_by]
    missing = [(what, path) for what, path in named if path not in site.live]
    assert not missing or not expect.live_truth, missing
    assert len(sm.conditions) >= expect.conditions and len(sm.providers) >= 8 and len(sm.locations) >= expect.locations
    assert all(c.pages.get("overview") for c in sm.conditions)
    assert sum(1 for p in sm.providers if p.page) >= len(sm.providers) - 1
    assert any(loc.telehealth for loc in sm.locations)
    assert all(p.treats for p in sm.providers)
    assert {p.id for p in sm.providers} == set(site.people)


@pytest.mark.parametrize("name", NAMES)
def test_page_type_rules_type_the_model_pages(name: str, synth_sites: Sites) -> None:
    """Each stage page is typed as its stage; a page that fills two stages (where the site has such) as one of them."""
    sm = synth_sites[name].model
    wrong, shared = [], []
    for c in sm.conditions:
        for stage, path in c.pages.items():
            stages = {s for s, p in c.pages.items() if p == path}
            if len(stages) > 1:
                shared.append((c.id, stage, path))
            if sm.classify(path)[0] not in {STAGE_TYPES[s] for s in stages}:
                wrong.append((c.id, stage, path, sm.classify(path)[0]))
    wrong += [(p.id, p.page, sm.classify(p.page)[0]) for p in sm.providers if p.page and sm.classify(p.page)[0] != "provider"]
    wrong += [(loc.id, loc.page, sm.classify(loc.page)[0]) for loc in sm.locations
              if loc.page and sm.classify(loc.page)[0] != ("telehealth" if loc.telehealth else "location")]
    wrong += [(s.id, s.hub, sm.classify(s.hub)[0]) for s in sm.specialties if s.hub and sm.classify(s.hub)[0] != "specialty_hub"]
    assert sm.classify("/")[0] == "home"
    assert not wrong, wrong
    assert EXPECT[name].shared_stages or not shared, shared


@pytest.mark.parametrize("name", NAMES)
def test_rule_captures_name_known_entities(name: str, synth_sites: Sites) -> None:
    site = synth_sites[name]
    sm = site.model
    known = {"condition": {c.id for c in sm.conditions}, "provider": {p.id for p in sm.providers},
             "location": {loc.id for loc in sm.locations}, "specialty": {s.id for s in sm.specialties}}
    unknown = []
    for path in site.live:
        for capture, value in sm.classify(path)[1].items():
            if value not in known.get(capture, {value}):
                unknown.append((path, capture, value))
    assert not unknown, unknown


@pytest.mark.parametrize("name", NAMES)
def test_links_stay_on_crawled_pages_and_the_brand_is_new(name: str, synth_sites: Sites) -> None:
    site = synth_sites[name]
    dangling = {row[column] for row in site.links for column in ("Source", "Destination")
                if urlsplit(row[column]).netloc == site.host and urlsplit(row[column]).path not in site.pages}
    assert not dangling, sorted(dangling)[:5]
    root = ET.parse(site.folder / "sitemap.xml").getroot()
    locs = [e.text or "" for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(urlsplit(u).netloc == site.host for u in locs)
    text = "".join((site.folder / item).read_text(encoding="utf-8-sig") for item in FILES if item != "all_inlinks.csv")
    assert "lakeside" not in text.lower()
    seed = [row for row in read_rows(site.folder / "all_inlinks.csv") if "lakeside" in ",".join(row.values()).lower()]
    if EXPECT[name].seed_brand_gone:
        assert not seed, seed[:3]
    assert all(urlsplit(row["Destination"]).netloc != site.host for row in seed), seed[:3]


@pytest.mark.parametrize("name", NAMES)
def test_paths_keep_the_sites_trailing_slash_style(name: str, synth_sites: Sites) -> None:
    slash = EXPECT[name].slash
    paths = [path for path in synth_sites[name].pages if path != "/"]
    if slash is None:
        assert any(p.endswith("/") for p in paths) and any(not p.endswith("/") for p in paths)
    else:
        assert all(p.endswith("/") == slash for p in paths), [p for p in paths if p.endswith("/") != slash][:5]


@pytest.mark.parametrize("name", NAMES)
def test_planted_defects_are_kept(name: str, synth_sites: Sites) -> None:
    site, expect = synth_sites[name], EXPECT[name]
    rows = site.pages.values()
    assert any(row["Status Code"] == "404" for row in rows)
    assert any(row["Indexability Status"] == "noindex" for row in rows)
    assert any(row["Follow"] == "False" for row in site.links)
    if expect.redirects:
        assert site.redirects
    if expect.stages_dropped:  # a stage page that answers 404 or was never crawled is left out of the ground truth
        conditions = site.model.conditions
        assert sum(len(c.pages) for c in conditions) < sum(7 if c.pages.get("appointment") else 5 for c in conditions)


@pytest.mark.parametrize("name", NAMES)
def test_titles_carry_the_brand(name: str, synth_sites: Sites) -> None:
    site, expect = synth_sites[name], EXPECT[name]
    first, last = site.scheme.site_name.split()[0], site.scheme.site_name.split()[-1]
    titles = [site.pages[path]["Title 1"] for path in site.live]
    assert sum(1 for t in titles if first in t or last in t) >= expect.branded * len(titles)
    assert sum(1 for t in titles if expect.separator in t) >= 0.9 * len(titles)  # author archives and home pages differ
