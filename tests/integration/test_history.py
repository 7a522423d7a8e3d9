"""Crawl history end to end: kept crawls, `--crawl`, `diff` with exact output, `run --since`,
retention, and the errors (unknown crawl, a date with no crawl, two sites)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.db.crawls import list_crawls
from archmodel.history.diff import COLUMNS
from archmodel.ingest.loader import load_crawl
from archmodel.synth.recrawl import Changes, write_recrawl
from tests.conftest import wipe
from tests.integration.test_loader import FIXTURE, load_basic

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seed_data"
HOST = "www.lakeside-health.example"
B = "https://" + HOST
CHANGES = Changes(
    drop_links={(B + "/conditions/diabetes/", B + "/tests/a1c/"), (B + "/conditions/diabetes/", B + "/providers/sofia-marquez/")},
    error_pages={B + "/conditions/sleep-apnea/follow-up/"},
    new_pages={B + "/newsroom/new-clinic-opening/": B + "/newsroom/"},
)


def change(section: str, change: str, **values: object) -> dict:
    return {column: values.get(column) for column in COLUMNS} | {"section": section, "change": change}


def links_to_error(source: str) -> dict:
    return change(
        "finding", "new", source=B + source, target=B + "/conditions/sleep-apnea/follow-up/",
        check="broken-links/links-to-error", severity="high",
        detail=f"{source} links to /conditions/sleep-apnea/follow-up/, which answers 404: point the link at a "
               "working page or remove it.",
    )


EXPECTED = [
    change("page", "added", url=B + "/newsroom/new-clinic-opening/", new=200, detail="new other page"),
    change("page", "status", url=B + "/conditions/sleep-apnea/follow-up/", old=200, new=404),
    change("page", "indexable", url=B + "/conditions/sleep-apnea/follow-up/", old=True, new=False),
    change("link", "lost", source=B + "/conditions/diabetes/", target=B + "/providers/sofia-marquez/", kind="body"),
    change("link", "lost", source=B + "/conditions/diabetes/", target=B + "/tests/a1c/", kind="body"),
    links_to_error("/conditions/sleep-apnea/"),
    links_to_error("/health-library/"),
    links_to_error("/treatments/cpap-therapy/"),
    change("finding", "new", url=B + "/newsroom/new-clinic-opening/", check="depth/unreachable", severity="high",
           detail="No chain of followed links leads from the home page to /newsroom/new-clinic-opening/: link it "
                  "from a page that is reachable, or retire it."),
    change("finding", "new", url=B + "/newsroom/new-clinic-opening/", check="orphans/orphan-pages", severity="high",
           detail="No page links to /newsroom/new-clinic-opening/: add a link to it from a related hub, overview or "
                  "guide so visitors and search engines can find it."),
    change("finding", "new", url=B + "/conditions/sleep-apnea/follow-up/", check="pathways/missing-stage-page",
           severity="high", keys={"condition": "sleep-apnea"},
           detail="The Sleep apnea follow-up page /conditions/sleep-apnea/follow-up/ answers 404: restore it or "
                  "point the site model at its replacement."),
    change("finding", "new", source=B + "/conditions/diabetes/", target=B + "/tests/a1c/",
           check="pathways/overview-missing-stage", severity="medium", keys={"condition": "diabetes"},
           detail="The Diabetes overview does not link to its tests page: link it from the section of the overview "
                  "that covers that stage."),
]


def load_seed_copy(graph: Graph, folder: Path, site_model: Path | None = None):
    return load_crawl(graph, [folder], site_model=site_model or folder / "site.yml", sitemaps=[folder / "sitemap.xml"])


@pytest.fixture(scope="module")
def crawls(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    wipe(session_graph)
    first = load_seed_copy(session_graph, SEED)
    second = load_seed_copy(session_graph, write_recrawl(SEED, tmp_path_factory.mktemp("recrawl") / "seed", CHANGES))
    return first.crawl_id, second.crawl_id


@pytest.fixture
def cli(crawls, cli_env: dict, capsys: pytest.CaptureFixture):
    def call(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_diff_lists_exactly_the_changes_and_the_findings_they_cause(cli, crawls) -> None:
    code, out, err = cli("diff", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == EXPECTED
    old, new = crawls
    assert err.splitlines()[-1] == (
        f"{HOST}: crawl {old} -> {new}: 1 page added, 1 page status, 1 page indexable, 2 link lost (body), "
        "7 finding new, 105 finding still open."
    )


def test_fail_on_new_exits_1_only_when_a_finding_at_that_severity_is_new(cli, crawls) -> None:
    old, new = crawls
    code, _, err = cli("diff", "--fail-on-new", "high", "--format", "json")
    assert code == 1
    assert "Failing: 6 new findings at or above 'high'." in err
    code, out, _ = cli("diff", new, old, "--fail-on-new", "high", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["change"] for r in rows if r["section"] == "finding"] == ["resolved"] * 7
    code, out, _ = cli("diff", "-1", "current", "--format", "csv", "--no-checks")
    assert code == 0
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert len(out.splitlines()) == 6


def test_crawl_option_reads_an_older_crawl(cli, crawls) -> None:
    old, new = crawls
    code, out, _ = cli("run", "orphans/orphan-pages", "--format", "json")
    current = {f["url"] for f in json.loads(out)}
    code, out, _ = cli("run", "orphans/orphan-pages", "--crawl", "-1", "--format", "json")
    assert code == 0
    assert current - {f["url"] for f in json.loads(out)} == {B + "/newsroom/new-clinic-opening/"}
    code, out, _ = cli("stats", "--crawl", old, "--format", "json")
    assert json.loads(out)["crawl"] == old and json.loads(out)["crawled_pages"] == 340
    code, out, _ = cli("stats", "--crawl", "-0", "--format", "json")
    assert json.loads(out)["crawl"] == new
    code, out, _ = cli("query", "MATCH (p:Page {crawl: $crawl}) RETURN count(p) AS n", "--crawl", "-1", "--format", "json")
    assert json.loads(out) == [{"n": 344}]
    day = list_crawls_cli(cli)[0]["loaded_at"][:10]
    code, out, _ = cli("stats", "--crawl", day, "--format", "json")
    assert json.loads(out)["crawl"] == new


def list_crawls_cli(cli) -> list[dict]:
    code, out, _ = cli("crawls", "list", "--format", "json")
    assert code == 0
    return json.loads(out)


def test_crawls_list_and_show(cli, crawls) -> None:
    old, new = crawls
    rows = list_crawls_cli(cli)
    assert [(r["id"], r["position"], r["pages"]) for r in rows] == [(new, "current", 341), (old, "-1", 340)]
    code, out, _ = cli("crawls", "show", "-1", "--format", "json")
    assert code == 0
    shown = {r["property"]: r["value"] for r in json.loads(out)}
    assert shown["id"] == old and shown["complete"] is True


def test_run_since_marks_each_finding_new_or_still_open(cli) -> None:
    code, out, err = cli("run", "orphans", "depth/unreachable", "--since", "-1", "--format", "json")
    assert code == 0
    findings = json.loads(out)
    assert list(findings[0])[:5] == ["pack", "check", "severity", "title", "since"]
    new = {(f["check"], f.get("url")) for f in findings if f["since"] == "new"}
    assert new == {("orphan-pages", B + "/newsroom/new-clinic-opening/"), ("unreachable", B + "/newsroom/new-clinic-opening/")}
    assert all(f["since"] == "still open" for f in findings if (f["check"], f.get("url")) not in new)
    assert re.search(r"Since crawl \w+ \(.*\): 2 of \d+ findings are new\.", err)


def test_unknown_crawl_or_date_is_one_error_listing_the_kept_crawls(cli, crawls) -> None:
    old, new = crawls
    for spec in ("nosuchcrawl", "1999-01-01", "-5"):
        code, out, err = cli("stats", "--crawl", spec)
        assert (code, out) == (2, "")
        last = err.strip().splitlines()[-1]
        assert last.startswith(f"Error: no crawl '{spec}' of {HOST} (--crawl) - use an id, -N")
        assert f"{new} (current, " in last and f"{old} (-1, " in last
    code, _, err = cli("diff", "nosuchcrawl")
    assert code == 2 and "Error: no crawl 'nosuchcrawl'" in err


def test_a_user_pack_reading_current_runs_on_current_and_is_skipped_on_older_crawls(cli, tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "new-page.cypher").write_text(
        "// title: The newsroom page\n// description: A page by path.\n// severity: info\n"
        "// parameters:\n//   site: {type: string, description: Site host}\n// columns: [url, detail]\n"
        "MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)\n"
        "MATCH (p:Page {crawl: c.id}) WHERE p.path = '/newsroom/new-clinic-opening/'\n"
        "RETURN p.url AS url, 'found' AS detail\n"
    )
    code, out, _ = cli("run", "mine", "--pack-dir", str(tmp_path), "--format", "json")
    assert code == 0 and [f["url"] for f in json.loads(out)] == [B + "/newsroom/new-clinic-opening/"]
    code, out, err = cli("run", "mine", "--pack-dir", str(tmp_path), "--crawl", "-1", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "Skipped mine/new-page: it reads the site's CURRENT crawl only" in err


# The tests below load their own crawls (the `graph` fixture empties the database).


def test_normalised_variants_of_a_crawl_diff_as_the_same_pages(graph: Graph, tmp_path: Path, cli_env: dict, capsys) -> None:
    """An http crawl without trailing slashes is the same site as the https one with them."""
    model = tmp_path / "site.yml"
    model.write_text((SEED / "site.yml").read_text().replace("  home: /\n", "  home: /\n  trailing_slash: add\n", 1))
    shutil.copy(SEED / "providers.csv", tmp_path / "providers.csv")
    recrawl = write_recrawl(SEED, tmp_path / "https", CHANGES)
    variant = tmp_path / "http"
    variant.mkdir()
    for item in recrawl.iterdir():
        text = item.read_text(encoding="utf-8-sig") if item.suffix in {".csv", ".xml"} else None
        if text is None:
            shutil.copy(item, variant / item.name)
            continue
        text = text.replace(B, "http://" + HOST)
        text = re.sub(r'(http://www\.lakeside-health\.example/[^",<#?]+?)/(?=["<#?])', r"\1", text)
        (variant / item.name).write_text(text, encoding="utf-8")
    load_seed_copy(graph, recrawl, model)
    assert not load_seed_copy(graph, variant, model).unchanged
    assert main(["diff", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "0 finding still open" not in captured.err


def test_loads_keep_the_last_n_crawls_and_identical_inputs_add_nothing(graph: Graph, tmp_path: Path) -> None:
    first = load_basic(graph)
    assert load_basic(graph).unchanged
    changed = tmp_path / "crawl"
    changed.mkdir()
    shutil.copy(FIXTURE / "pages.csv", changed / "pages.csv")
    lines = (FIXTURE / "links.csv").read_text().splitlines()
    (changed / "links.csv").write_text("\n".join(lines[:4]) + "\n")
    second = load_crawl(graph, [changed], site_model=FIXTURE / "site.yml")
    assert [c["id"] for c in list_crawls(graph, second.site)] == [second.crawl_id, first.crawl_id]
    third = load_basic(graph)
    assert not third.unchanged and third.crawl_id == first.crawl_id + "-2"
    assert [c["id"] for c in list_crawls(graph, second.site)] == [third.crawl_id, second.crawl_id, first.crawl_id]
    assert load_crawl(graph, [changed], site_model=FIXTURE / "site.yml", keep=2).crawl_id == second.crawl_id + "-2"
    kept = [c["id"] for c in list_crawls(graph, second.site)]
    assert kept == [second.crawl_id + "-2", third.crawl_id]
    assert graph.read("MATCH (p:Page) RETURN collect(DISTINCT p.crawl) AS ids")[0]["ids"].__len__() == 2


def load_fewer_links(graph: Graph, tmp_path: Path):
    """A second crawl of the basic fixture with only its first three links: (folder, load result)."""
    changed = tmp_path / "crawl"
    changed.mkdir()
    shutil.copy(FIXTURE / "pages.csv", changed / "pages.csv")
    (changed / "links.csv").write_text("\n".join((FIXTURE / "links.csv").read_text().splitlines()[:4]) + "\n")
    return changed, load_crawl(graph, [changed], site_model=FIXTURE / "site.yml")


def test_deleting_the_current_crawl_makes_the_previous_one_current(graph: Graph, tmp_path: Path, cli_env: dict) -> None:
    first = load_basic(graph)
    changed, second = load_fewer_links(graph, tmp_path)
    assert main(["crawls", "delete", "current"]) == 0
    assert [(c["id"], c["current"]) for c in list_crawls(graph, first.site)] == [(first.crawl_id, True)]
    assert graph.read("MATCH (p:Page {crawl: $id}) RETURN count(p) AS n", {"id": second.crawl_id})[0]["n"] == 0
    assert load_crawl(graph, [changed], site_model=FIXTURE / "site.yml").crawl_id == second.crawl_id
    assert main(["crawls", "prune", "--keep", "1"]) == 0
    assert [c["id"] for c in list_crawls(graph, first.site)] == [second.crawl_id]


def test_diffing_crawls_of_two_sites_is_refused(graph: Graph, tmp_path: Path, cli_env: dict, capsys) -> None:
    basic = load_basic(graph)
    other = tmp_path / "other"
    other.mkdir()
    (other / "pages.csv").write_text("url,status\nhttps://www.other-clinic.example/,200\n")
    (other / "links.csv").write_text("source,target\nhttps://www.other-clinic.example/,https://www.other-clinic.example/\n")
    second = load_crawl(graph, [other])
    assert main(["diff", basic.crawl_id, second.crawl_id]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("Error: refused: the crawls belong to different sites (www.basic-clinic.example, www.other-clinic.example)")
    assert main(["diff", "--site", "www.other-clinic.example"]) == 2
    assert "no earlier crawl of www.other-clinic.example to compare with" in capsys.readouterr().err


def test_a_delete_stopped_half_way_never_shows_and_the_next_load_removes_it(graph: Graph, tmp_path: Path) -> None:
    """`retire` takes a crawl out of the history in one transaction before deleting its nodes;
    here the process 'dies' after that transaction and half the pages."""
    first = load_basic(graph)
    _, second = load_fewer_links(graph, tmp_path)
    count = "MATCH (p:Page {crawl: $id}) RETURN count(p) AS n"
    pages = graph.read(count, {"id": first.crawl_id})[0]["n"]
    graph.write("MATCH (c:Crawl {id: $id}) SET c.complete = false", {"id": first.crawl_id})
    graph.write("MATCH (p:Page {crawl: $id}) WITH p LIMIT 3 DETACH DELETE p", {"id": first.crawl_id})
    assert [c["id"] for c in list_crawls(graph, second.site)] == [second.crawl_id]
    third = load_basic(graph)
    assert [c["id"] for c in list_crawls(graph, second.site)] == [third.crawl_id, second.crawl_id]
    assert third.crawl_id == first.crawl_id and graph.read(count, {"id": third.crawl_id})[0]["n"] == pages


@pytest.mark.parametrize("unhashed", ["old", "both"])
def test_crawls_loaded_before_link_hashes_diff_the_same(
    unhashed: str, graph: Graph, tmp_path: Path, cli_env: dict, capsys
) -> None:
    """Crawls loaded before `Page.links_hash` existed (simulated by removing it) are hashed on the
    server, and a mix of the two kinds is hashed on the server for both: the same exact diff."""
    first = load_seed_copy(graph, SEED)
    second = load_seed_copy(graph, write_recrawl(SEED, tmp_path / "seed", CHANGES))
    for crawl in [first.crawl_id] + ([second.crawl_id] if unhashed == "both" else []):
        graph.write("MATCH (p:Page {crawl: $crawl}) REMOVE p.links_hash", {"crawl": crawl})
    assert main(["diff", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED


def test_the_reports_history_section_compares_like_with_like(session_graph: Graph, crawls, tmp_path: Path) -> None:
    """Findings of one pack (a report built from `run orphans -o f.json`) are compared with the
    earlier crawl audited with that pack only: no other pack's old finding reads as fixed."""
    from archmodel.audit import audit
    from archmodel.db.sites import resolve_site
    from archmodel.packs.registry import load_registry
    from archmodel.packs.runner import Runner
    from archmodel.render.history_section import history_section

    registry = load_registry()
    current = resolve_site(session_graph, HOST)
    orphans = audit(Runner(session_graph, current), registry, registry.select(["orphans"]))
    from_file = [dict(f) for f in orphans.findings]
    for checks in (orphans.checks, None):  # from this run, or read back from a findings file
        html = history_section(session_graph, current, from_file, checks)
        cards = dict(re.findall(r'<div class="value">([\d,]+)</div><div class="label">([^<]+)</div>', html)[i][::-1]
                     for i in range(3))
        assert cards == {"New findings": "1", "Findings fixed": "0", "Still open": str(len(from_file) - 1)}, cards
    every = history_section(session_graph, current, from_file, registry.select())
    assert not re.search(r'<div class="value">0</div><div class="label">Findings fixed', every), \
        "audited with every check, the other packs' old findings would read as fixed"
