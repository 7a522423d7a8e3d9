"""`archmodel suggest`: one row per link to add, anchors from the site model, varied, never generic."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from archmodel.packs.anchors import GENERIC_PHRASES, fold
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import Runner
from archmodel.packs.suggest import COLUMNS, suggest
from tests.conftest import wipe

CASE = Path(__file__).resolve().parent.parent / "fixtures" / "packs" / "suggest"
BASE = "https://www.suggest.example"
SITE_GENERIC = {"learn more", "click here", "read more", "about diabetes", "a1c test"}


def u(path: str) -> str:
    return BASE + path


@pytest.fixture(scope="module")
def rows(session_graph: Graph) -> list[dict]:
    wipe(session_graph)
    load_crawl(session_graph, [CASE / "pages.csv", CASE / "links.csv"], site_model=CASE / "site.yml")
    found, _ = suggest(Runner.for_site(session_graph, None), load_registry([], environ={}))
    return found


def by_link(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["source"], r["target"]): r for r in rows}


def test_rows_have_the_contract_columns(rows: list[dict]) -> None:
    assert rows
    for row in rows:
        assert list(row) == COLUMNS
        assert row["priority"] in {"high", "medium", "low"}
        assert row["placement"].startswith(("body: ", "hub: "))
        assert row["reason"].endswith(".")
        assert row["source"] != row["target"]
    assert len(by_link(rows)) == len(rows), "one row per link to add"


def test_anchors_are_never_generic(rows: list[dict]) -> None:
    for row in rows:
        anchor = fold(row["suggested_anchor"])
        assert anchor not in GENERIC_PHRASES | SITE_GENERIC, row


def test_stage_phrasing_and_provider_names(rows: list[dict]) -> None:
    links = by_link(rows)
    overview = u("/conditions/diabetes/")
    assert links[(overview, u("/conditions/diabetes/diagnosis/"))]["suggested_anchor"] == "how diabetes is diagnosed"
    assert links[(overview, u("/conditions/diabetes/diagnosis/"))]["placement"] == "body: 'How it is diagnosed' section"
    assert links[(overview, u("/appointments/diabetes-evaluation/"))]["suggested_anchor"] == "book a diabetes evaluation"
    assert links[(overview, u("/providers/maria-okafor/"))]["suggested_anchor"] == "Dr. Maria Okafor, endocrinologist"
    # The test page's own H1 is "A1C test", which this site lists as generic: the next phrasing is used.
    assert links[(overview, u("/tests/a1c/"))]["suggested_anchor"] == "A1C test for diabetes"
    hub_to_overview = links[(u("/specialties/endocrinology/"), overview)]
    assert hub_to_overview["placement"] == "hub: conditions list"
    assert hub_to_overview["priority"] == "high"
    assert hub_to_overview["check"] == "hub-spoke/hub-missing-spoke"


def test_broken_step_is_a_high_priority_next_step(rows: list[dict]) -> None:
    row = by_link(rows)[(u("/conditions/diabetes/symptoms/"), u("/conditions/diabetes/diagnosis/"))]
    assert row["priority"] == "high"
    assert row["placement"] == "body: next-step block at the end"
    assert "pathways/broken-step" in row["check"]


def test_anchors_vary_across_sources_of_one_target(rows: list[dict]) -> None:
    anchors = defaultdict(list)
    for row in rows:
        anchors[row["target"]].append(row["suggested_anchor"])
    appointment = anchors[u("/appointments/diabetes-evaluation/")]
    assert len(appointment) >= 3
    assert len(set(appointment)) == len(appointment), appointment
    assert all(a.startswith(("book", "schedule")) for a in appointment), appointment


def test_page_only_findings_get_targets_from_the_site_model(rows: list[dict]) -> None:
    links = by_link(rows)
    blog = u("/blog/living-with-high-blood-sugar/")
    assert links[(blog, u("/treatments/diabetes-medication/"))]["check"] == "content-links/blog-missing-service"
    assert "trust/missing-reviewer-link" in links[(u("/tests/a1c/"), u("/providers/maria-okafor/"))]["check"]


def test_suggest_command_is_deterministic(rows: list[dict], cli_env: dict, capsys: pytest.CaptureFixture) -> None:
    assert main(["suggest", "--format", "json"]) == 0
    first = capsys.readouterr()
    printed = json.loads(first.out)
    assert all(row.pop("impact") > 0 for row in printed)  # the CLI adds the impact score (docs/impact.md)
    assert printed == rows
    assert "links to add on www.suggest.example" in first.err
    assert main(["suggest", "--format", "json"]) == 0
    assert capsys.readouterr().out == first.out
