"""Check results stored with their crawl (archmodel/packs/stored.py): read back instead of
rerun, keyed by the check's text and parameters, replaced by `--fresh`, gone with the crawl."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archmodel.db.connection import Graph
from archmodel.db.crawls import retire
from archmodel.ingest.loader import load_crawl
from archmodel.db.sites import resolve_site
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import Runner

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seed_data"
HOST = "www.lakeside-health.example"
ORPHANS = "orphans/orphan-pages"


def load_seed(graph: Graph, folder: Path = SEED):
    return load_crawl(graph, [folder], site_model=folder / "site.yml", sitemaps=[folder / "sitemap.xml"])


@pytest.fixture
def seeded(graph: Graph) -> Graph:
    load_seed(graph)
    return graph


@pytest.fixture
def cli(seeded, call_cli):
    return call_cli


def stored(graph: Graph) -> dict[str, dict]:
    rows = graph.read("MATCH (r:CheckResult) RETURN r.check AS check, r.key AS key, r.rows AS rows, r.crawl AS crawl")
    return {r["check"]: r for r in rows}


def forge_orphans(graph: Graph, url: str, check: str = ORPHANS) -> None:
    """Replace the stored orphan-pages result by one made-up finding, so a read of the stored
    result is told apart from a real run."""
    forged = [{"pack": "orphans", "check": "orphan-pages", "severity": "high", "title": "Orphan pages",
               "url": url, "type": "other", "detail": "forged"}]
    graph.write("MATCH (r:CheckResult {check: $check}) SET r.rows = $rows", {"check": check, "rows": json.dumps(forged)})


def orphan_urls(out: str) -> list[str]:
    return [f["url"] for f in json.loads(out) if f["check"] == "orphan-pages"]


def test_run_stores_every_check_that_ran_and_the_next_run_reads_them(cli, seeded: Graph) -> None:
    code, out, err = cli("run", "--format", "json")
    assert code == 0, err
    first = json.loads(out)
    kept = stored(seeded)
    ran = [line for line in err.splitlines() if line.startswith("Skipped ")]
    assert len(kept) == len(load_registry().select([])) - len(ran)
    assert "read from the results stored" not in err

    forge_orphans(seeded, "https://example.invalid/forged/")
    code, out, err = cli("run", "--format", "json")
    assert code == 0, err
    assert f"; {len(kept)} read from the results stored for this crawl" in err.splitlines()[-1]
    assert orphan_urls(out) == ["https://example.invalid/forged/"]
    assert [f for f in json.loads(out) if f["check"] != "orphan-pages"] == [
        f for f in first if f["check"] != "orphan-pages"
    ]

    code, out, err = cli("run", "--fresh", "--format", "json")
    assert code == 0, err
    assert "read from the results stored" not in err
    assert json.loads(out) == first
    assert "forged" not in stored(seeded)[ORPHANS]["rows"]


def test_another_parameter_value_or_an_edited_check_runs_again(cli, seeded: Graph, tmp_path: Path) -> None:
    assert cli("run", "depth/deep-pages", "--format", "json")[0] == 0
    default_key = stored(seeded)["depth/deep-pages"]["key"]
    code, out, err = cli("run", "depth/deep-pages", "-p", "max_depth", "1", "--format", "json")
    assert code == 0, err
    assert "read from the results stored" not in err
    assert stored(seeded)["depth/deep-pages"]["key"] != default_key
    assert len(json.loads(out)) > 0

    packs = tmp_path / "packs"
    (packs / "local").mkdir(parents=True)
    check = packs / "local" / "orphan-pages.cypher"
    shutil.copy(REPO / "cypher" / "orphans" / "orphan-pages.cypher", check)
    local = ("run", "local/orphan-pages", "--pack-dir", str(packs), "--format", "json")
    real = orphan_urls(cli(*local)[1])
    assert real
    forge_orphans(seeded, "https://example.invalid/forged/", "local/orphan-pages")
    assert orphan_urls(cli(*local)[1]) == ["https://example.invalid/forged/"]
    check.write_text(check.read_text() + "\n// edited\n")
    code, out, err = cli(*local)
    assert code == 0, err
    assert orphan_urls(out) == real


def test_results_belong_to_their_crawl_and_go_with_it(seeded: Graph, tmp_path: Path) -> None:
    checks = load_registry().select(["orphans"])
    first = resolve_site(seeded, HOST)
    Runner(seeded, first).run(checks)
    copy = tmp_path / "seed"
    shutil.copytree(SEED, copy)
    links = copy / "all_inlinks.csv"
    links.write_text(links.read_text() + "\n")
    second = resolve_site(seeded, HOST, crawl=load_seed(seeded, copy).crawl_id)
    assert second.crawl_id != first.crawl_id

    on_second = Runner(seeded, second).run(checks)
    assert not any(outcome.reused for outcome in on_second.outcomes)
    assert all(outcome.reused for outcome in Runner(seeded, first).run(checks).outcomes)
    assert {(r["crawl"], name) for name, r in stored(seeded).items()} <= {
        (c, o.check.name) for c in (first.crawl_id, second.crawl_id) for o in on_second.outcomes
    }
    assert seeded.read("MATCH (r:CheckResult) RETURN count(r) AS n")[0]["n"] == 2 * len(checks)

    retire(seeded, HOST, first.crawl_id)
    assert {r["crawl"] for r in stored(seeded).values()} == {second.crawl_id}
