"""A traffic sample for the seed site: a Search Console Pages.csv and a GA4 Landing page CSV.

The demo loads them so its report opens with an impact-ranked action plan. Numbers are
plausible for a regional health system over one month and deterministic (a fixed random seed,
pages in path order): organic demand follows the page type (condition overviews and the home
page draw most searches, policy pages almost none) and the page's internal PageRank. The files
carry the quirks real exports have: Search Console lists a few pages twice (the bare host, a
`#:~:text=` jump link) and an old URL the crawl no longer has; GA4 has its `#` comment header,
relative paths and a `(not set)` row.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from archmodel.synth.model import BASE_URL, Site

DEMAND = {
    "home": 2600, "condition": 420, "symptom": 260, "diagnosis": 150, "test": 210, "treatment": 230,
    "follow_up": 60, "specialty_hub": 180, "service": 90, "provider": 45, "location": 120, "telehealth": 140,
    "appointment": 80, "blog": 70, "resource_hub": 40, "policy": 6, "other": 12,
}
# Share of sessions that book or call (GA4 key events), by page type.
BOOKING_RATE = {"appointment": 0.22, "location": 0.08, "provider": 0.06, "telehealth": 0.1, "treatment": 0.02,
                "condition": 0.015, "home": 0.02}
MONTH = ("20261001", "20261031")


def _live_pages(site: Site) -> list:
    return sorted(
        (p for p in site.pages.values() if p.crawled and p.status == 200 and not p.indexability_status),
        key=lambda p: p.path,
    )


def _organic(site: Site, pagerank: dict[str, float], rng: random.Random) -> list[tuple[str, int, int, float]]:
    """(path, clicks, impressions, position) per live page."""
    top = max(pagerank.values()) or 1.0
    rows = []
    for page in _live_pages(site):
        strength = math.log(1 + pagerank.get(page.path, 0.0)) / math.log(1 + top)
        base = DEMAND.get(page.type, 12) * (0.4 + 1.2 * strength) * rng.uniform(0.5, 1.6)
        position = round(max(1.1, 22 - 19 * strength + rng.uniform(-3, 3)), 1)
        ctr = max(0.004, 0.32 / position ** 0.9 * rng.uniform(0.7, 1.2))
        clicks = int(base)
        impressions = max(clicks + 1, int(clicks / ctr))
        rows.append((page.path, clicks, impressions, position))
    return rows


def gsc_pages_csv(site: Site, pagerank: dict[str, float]) -> str:
    """Pages.csv of a Search Console Performance export, most clicks first, as the UI writes it."""
    rng = random.Random(1101)
    rows = [(BASE_URL + path, c, i, p) for path, c, i, p in _organic(site, pagerank, rng)]
    # What real exports also hold: the bare-host twin, a jump link, a page that no longer exists.
    extras = []
    for path, clicks, impressions, position in rows[:3]:
        twin = path.replace("https://www.", "https://", 1) if rng.random() < 0.5 else path + "#:~:text=symptoms"
        extras.append((twin, max(1, clicks // 20), max(5, impressions // 15), round(position + 2.5, 1)))
    extras.append((BASE_URL + "/health-library/diabetes-guide-2019/", 14, 980, 18.4))
    rows = sorted(rows + extras, key=lambda r: (-r[1], -r[2], r[0]))
    lines = ["Top pages,Clicks,Impressions,CTR,Position"]
    for url, clicks, impressions, position in rows:
        lines.append(f"{url},{clicks},{impressions},{100 * clicks / impressions:.2f}%,{position}")
    return "\n".join(lines) + "\n"


def ga4_landing_csv(site: Site, pagerank: dict[str, float]) -> str:
    """A GA4 'Landing page' report download: comment header, relative paths, (not set)."""
    rng = random.Random(1102)
    organic = _organic(site, pagerank, random.Random(1101))
    types = {p.path: p.type for p in site.pages.values()}
    rows = []
    for path, clicks, _, _ in organic:
        sessions = int(clicks * rng.uniform(1.4, 2.2)) + rng.randint(0, 6)
        users = int(sessions * rng.uniform(0.78, 0.92))
        new_users = int(users * rng.uniform(0.55, 0.8))
        engagement = round(rng.uniform(18, 140), 2)
        key_events = int(round(sessions * BOOKING_RATE.get(types.get(path, "other"), 0.003) * rng.uniform(0.6, 1.4)))
        rows.append((path, sessions, users, new_users, engagement, key_events))
    rows.sort(key=lambda r: (-r[1], r[0]))
    rows.insert(min(8, len(rows)), ("(not set)", 212, 198, 150, 3.1, 0))
    lines = [
        "# ----------------------------------------",
        "# Landing page",
        "# Account: Lakeside Health",
        "# Property: Lakeside Health - GA4",
        "# ----------------------------------------",
        "#",
        "# All Users",
        f"# Start date: {MONTH[0]}",
        f"# End date: {MONTH[1]}",
        "Landing page,Sessions,Active users,New users,Average engagement time per session,Key events,Total revenue",
    ]
    for path, sessions, users, new_users, engagement, key_events in rows:
        lines.append(f"{path},{sessions},{users},{new_users},{engagement},{key_events},0")
    return "\n".join(lines) + "\n"


def write_traffic(site: Site, pagerank: dict[str, float], out: Path) -> None:
    folder = out / "traffic"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gsc_pages.csv").write_text(gsc_pages_csv(site, pagerank), encoding="utf-8", newline="\n")
    (folder / "ga4_landing_pages.csv").write_text(ga4_landing_csv(site, pagerank), encoding="utf-8", newline="\n")
