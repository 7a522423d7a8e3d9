"""The measurement sites of archmodel.synth.schemes as the tests read them: each site generated once
per session (on first use), its files parsed once.

`tests/unit/conftest.py` hands out one `Sites` per session as the fixture `synth_sites`;
`test_synth_schemes.py` holds the checks every site must pass, `test_synth_scheme_sites.py` what makes
each site different. Nothing here may be changed by a test: the parsed tables are shared.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archmodel.ingest.sitemodel import SiteModel, load_site_model
from archmodel.synth import schemes

FILES = ["internal_all.csv", "all_inlinks.csv", "sitemap.xml", "site.yml", "providers.csv"]
STAGE_TYPES = {"overview": "condition", "symptoms": "symptom", "diagnosis": "diagnosis", "tests": "test",
               "treatment": "treatment", "follow_up": "follow_up", "appointment": "appointment"}


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Site:
    """One generated site: its folder, what `generate` returned, and its files parsed on demand."""

    name: str
    folder: Path
    result: dict[str, int] = field(default_factory=dict)

    @property
    def scheme(self) -> schemes.Scheme | schemes.Rework:
        return schemes.SCHEMES[self.name]

    @property
    def host(self) -> str:
        return urlsplit(self.scheme.base_url).netloc

    @cached_property
    def model(self) -> SiteModel:
        return load_site_model(self.folder / "site.yml")

    @cached_property
    def pages(self) -> dict[str, dict[str, str]]:
        """Crawled HTML rows by path."""
        return {urlsplit(row["Address"]).path: row for row in read_rows(self.folder / "internal_all.csv")
                if row["Content Type"].startswith("text/html")}

    @cached_property
    def live(self) -> set[str]:
        """Paths of the HTML rows that answered 200."""
        return {path for path, row in self.pages.items() if row["Status Code"] == "200"}

    @cached_property
    def links(self) -> list[dict[str, str]]:
        """The hyperlink rows of all_inlinks.csv."""
        return [row for row in read_rows(self.folder / "all_inlinks.csv") if row["Type"] == "Hyperlink"]

    @cached_property
    def people(self) -> dict[str, dict[str, str]]:
        """providers.csv by id."""
        return {row["id"]: row for row in read_rows(self.folder / "providers.csv")}

    @cached_property
    def redirects(self) -> dict[str, str]:
        """Redirect URL by path of every 301 row."""
        return {path: row["Redirect URL"] for path, row in self.pages.items() if row["Status Code"] == "301"}

    @cached_property
    def stage_pages(self) -> set[str]:
        """Every pathway page the ground truth names for a condition."""
        return {path for c in self.model.conditions for path in c.pages.values()}

    def provider_page(self, pid: str) -> str | None:
        return next(p.page for p in self.model.providers if p.id == pid)


class Sites:
    """Every scheme generated at most once, into its own folder, when a test first asks for it."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._sites: dict[str, Site] = {}

    def __getitem__(self, name: str) -> Site:
        if name not in self._sites:
            folder = self._factory.mktemp(name)
            self._sites[name] = Site(name, folder, schemes.generate(name, folder))
        return self._sites[name]
