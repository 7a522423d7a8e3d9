"""Every check on the seed site finds exactly the planted defects of seed_data/expected_findings.json.

The seed's expected file lists, per check, the identity of each finding (docs/check-semantics.md
"Identity of a finding"); the packs must return that set exactly: no misses, no extras.
`ARCHMODEL_SEED_DIR` points the test at another generation of the seed (default: seed_data/).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import RunReport, Runner
from tests.conftest import REPO, wipe

SEED = Path(os.environ.get("ARCHMODEL_SEED_DIR", REPO / "seed_data"))
CHECKS = [c.name for c in load_registry([], environ={})]


def identity(row: dict) -> tuple:
    return tuple(sorted((key, _plain(value)) for key, value in row.items()))


def _plain(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SEED / "expected_findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(session_graph: Graph, expected: dict) -> RunReport:
    wipe(session_graph)
    result = load_crawl(
        session_graph,
        [SEED],
        site_model=SEED / "site.yml",
        sitemaps=[SEED / "sitemap.xml"],
    )
    assert result.site == expected["site"]
    return Runner.for_site(session_graph, result.site).run(load_registry([], environ={}))


def test_expected_file_covers_every_check(expected: dict) -> None:
    assert sorted(expected["checks"]) == sorted(CHECKS)


@pytest.mark.parametrize("name", CHECKS)
def test_check_finds_exactly_the_planted_defects(name: str, report: RunReport, expected: dict) -> None:
    rows = expected["checks"][name]
    keys = sorted({key for row in rows for key in row})
    outcome = next(o for o in report.outcomes if o.check.name == name)
    assert outcome.skipped is None, f"{name} was skipped: {outcome.skipped}"
    assert keys, f"{name}: the seed plants no finding"
    want = {identity(row) for row in rows}
    got = {identity({key: finding.get(key) for key in keys}) for finding in outcome.findings}
    missing = sorted(want - got)
    extra = sorted(got - want)
    assert not missing and not extra, (
        f"{name}: {len(missing)} expected but not found, {len(extra)} found but not expected\n"
        + "".join(f"  missing: {dict(row)}\n" for row in missing)
        + "".join(f"  extra:   {dict(row)}\n" for row in extra)
    )
