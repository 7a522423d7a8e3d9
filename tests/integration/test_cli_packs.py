"""The pack commands end to end: exact output and exit codes (cli.md "Output", "Exit codes")."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from tests.conftest import wipe

CASE = Path(__file__).resolve().parent.parent / "fixtures" / "packs" / "edges"
BASE = "https://www.clinic.example"
USING = "Using site www.clinic.example (loaded "
WRITE_REFUSED = (
    "Error: refused: the query writes to the graph (archmodel query) - archmodel query only reads; "
    "change data with `archmodel load`, or with cypher-shell if you must\n"
)


@pytest.fixture(scope="module")
def loaded(session_graph: Graph) -> Graph:
    wipe(session_graph)
    load_crawl(session_graph, [CASE / "pages.csv", CASE / "links.csv"], site_model=CASE / "site.yml")
    return session_graph


@pytest.fixture
def cli(loaded: Graph, cli_env: dict, capsys: pytest.CaptureFixture):
    def call(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_packs_list_json(cli) -> None:
    code, out, _ = cli("packs", "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 44
    assert all(list(row) == ["pack", "check", "title", "severity", "description", "id", "fix_cost", "identity",
                             "why", "how_to_fix"] for row in rows)
    assert all(row["why"] and row["how_to_fix"] and row["id"].startswith("AM") for row in rows)
    assert {"pack": "depth", "check": "unreachable", "title": "Unreachable pages", "severity": "high"}.items() <= rows[
        [r["check"] for r in rows].index("unreachable")
    ].items()


def test_packs_show_prints_description_parameters_columns_and_cypher(cli) -> None:
    code, out, _ = cli("packs", "show", "depth/deep-pages")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "depth/deep-pages (medium): Deep pages"
    assert lines[1] == "Id: AM019"
    assert "Why it matters:" in lines and "How to fix:" in lines
    assert "  max_depth (integer, default 3): Largest acceptable number of clicks from home" in lines
    assert "Columns: url, type, depth, detail" in lines
    assert "MATCH (c:Crawl {id: $crawl, site: $site})" in lines


def without_scores(findings: list[dict]) -> list[dict]:
    """Findings without `check_id`, `priority` and `impact` (docs/impact.md), which every finding ends with."""
    for finding in findings:
        assert list(finding)[-3:] == ["check_id", "priority", "impact"]
        check_id = finding.pop("check_id")
        assert check_id.startswith("AM") or check_id == f"{finding['pack']}/{finding['check']}"
        assert finding.pop("priority") in {"high", "medium", "low"} and finding.pop("impact") > 0
    return findings


def test_run_json_is_one_array_of_findings_with_the_shared_keys_first(cli) -> None:
    code, out, err = cli("run", "depth", "broken-links/nofollow-internal", "--format", "json")
    assert code == 0
    assert json.loads(out) and [list(f)[-2:] for f in json.loads(out)] == [["priority", "impact"]] * 2
    assert without_scores(json.loads(out)) == [
        {
            "pack": "broken-links",
            "check": "nofollow-internal",
            "severity": "low",
            "title": "Nofollow internal links",
            "source": f"{BASE}/specialties/endocrinology/",
            "target": f"{BASE}/providers/maria-okafor/",
            "anchor": "Dr. Maria Okafor",
            "position": "Content",
            "detail": 'The link from /specialties/endocrinology/ to /providers/maria-okafor/ is marked nofollow: '
            'remove rel="nofollow" from internal links.',
        },
        {
            "pack": "depth",
            "check": "unreachable",
            "severity": "high",
            "title": "Unreachable pages",
            "url": f"{BASE}/island/",
            "type": "other",
            "status": 200,
            "detail": "No chain of followed links leads from the home page to /island/: link it from a page that "
            "is reachable, or retire it.",
        },
    ]
    assert err.startswith(USING)
    assert err.splitlines()[-1] == "Ran 4 checks on www.clinic.example: 2 findings (1 high, 1 low)."


def test_fail_on_gates_on_severity(cli) -> None:
    assert cli("run", "depth", "--fail-on", "high", "--format", "json")[0] == 1
    assert cli("run", "anchors/generic-anchor", "--fail-on", "high", "--format", "json")[0] == 0
    code, _, err = cli("run", "anchors/generic-anchor", "--fail-on", "medium", "--format", "json")
    assert code == 1
    assert "Failing: 1 findings at or above 'medium'." in err


def test_parameter_override_beats_the_default(cli) -> None:
    code, out, _ = cli("run", "equity/equity-sinks", "-p", "limit", "2", "--format", "json")
    assert code == 0
    assert [row["url"] for row in json.loads(out)] == [f"{BASE}/conditions/diabetes/", f"{BASE}/specialties/endocrinology/"]


def test_skipped_checks_are_said_on_stderr(cli) -> None:
    code, out, err = cli("run", "orphans", "--format", "json")
    assert code == 0
    assert "Skipped orphans/sitemap-only: no sitemap was loaded; load the crawl again with --sitemap sitemap.xml." in err
    assert "1 skipped" in err.splitlines()[-1]
    assert {row["check"] for row in json.loads(out)} == {"orphan-pages", "nav-only-inlinks"}


def test_unknown_check_lists_the_valid_names(cli) -> None:
    code, out, err = cli("run", "depth/nope")
    assert (code, out) == (2, "")
    assert err == (
        "Error: unknown check 'depth/nope' (depth/nope) - use one of: "
        "depth/deep-key-pages, depth/deep-pages, depth/unreachable\n"
    )


def test_unknown_parameter_is_a_usage_error(cli) -> None:
    code, _, err = cli("run", "depth", "-p", "max_dept", "4")
    assert code == 2
    assert err.splitlines()[-1] == (
        "Error: no selected check has a parameter 'max_dept' (-p max_dept) - use one of: key_page_max_depth, max_depth"
    )


def test_csv_output_to_a_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "out" / "findings.csv"
    code, out, err = cli("run", "depth/unreachable", "--format", "csv", "-o", str(target))
    assert (code, out) == (0, "")
    header, row = target.read_text().splitlines()
    assert header == "pack,check,severity,title,url,type,status,detail,check_id,priority,impact"
    assert row.startswith(
        'depth,unreachable,high,Unreachable pages,https://www.clinic.example/island/,other,200,'
        '"No chain of followed links leads from the home page to /island/: link it from a page that is reachable, or retire it.",AM021,high,'
    )
    assert f"Wrote 1 rows to {target}" in err


def test_markdown_output_sorted_by_check_has_one_section_per_check(cli) -> None:
    code, out, _ = cli("run", "depth", "--sort", "check", "--format", "markdown")
    assert code == 0
    assert out.splitlines()[0] == "### depth/unreachable (high): Unreachable pages - 1 finding"


def test_user_pack_runs_and_a_cypher_error_names_its_file(cli, tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "titled.cypher").write_text(
        "// title: Titled pages\n// description: Pages with a title.\n// severity: info\n"
        "// parameters:\n//   site: {type: string, description: Site host}\n// columns: [url, detail]\n"
        "MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)\n"
        "MATCH (p:Page {crawl: c.id}) WHERE p.title = 'Island'\n"
        "RETURN p.url AS url, 'has a title' AS detail\n"
    )
    code, out, _ = cli("run", "mine", "--pack-dir", str(tmp_path), "--format", "json")
    assert code == 0
    assert without_scores(json.loads(out)) == [
        {"pack": "mine", "check": "titled", "severity": "info", "title": "Titled pages",
         "url": f"{BASE}/island/", "detail": "has a title"}
    ]
    broken = pack / "broken.cypher"
    broken.write_text(
        "// title: Broken\n// description: Does not parse.\n// severity: low\n"
        "// parameters:\n//   site: {type: string, description: Site host}\n// columns: [url, detail]\n"
        "MATCH (:Site {host: $site}) RETURN url AS url,, 'x' AS detail\n"
    )
    code, out, err = cli("run", "mine/broken", "--pack-dir", str(tmp_path))
    assert (code, out) == (2, "")
    last = err.splitlines()[-1]
    assert last.startswith("Error: check mine/broken failed: ")
    assert f"({broken}) - fix the Cypher in that file" in last


def test_columns_that_differ_from_the_header_are_an_error(cli, tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "wrong.cypher").write_text(
        "// title: Wrong\n// description: Columns differ.\n// severity: low\n"
        "// parameters:\n//   site: {type: string, description: Site host}\n// columns: [url, detail]\n"
        "MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl) RETURN c.id AS url\n"
    )
    code, _, err = cli("run", "mine", "--pack-dir", str(tmp_path))
    assert code == 2
    assert "check mine/wrong returned columns [url] but its header declares [url, detail]" in err


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Injected) RETURN n",
        "MERGE (n:Injected {x: 1})",
        "MATCH (p:Page) SET p.title = 'pwned'",
        "MATCH (p:Page) DETACH DELETE p",
        "CALL db.createLabel('Injected')",
        "MATCH (p:Page) CALL (p) { CREATE (:Injected) } RETURN count(*)",
    ],
)
def test_query_refuses_writes(cli, loaded: Graph, cypher: str) -> None:
    before = loaded.read("MATCH (p:Page) RETURN count(p) AS pages, collect(DISTINCT p.title) AS titles")
    code, out, err = cli("query", cypher)
    assert (code, out, err) == (2, "", WRITE_REFUSED)
    assert loaded.read("MATCH (p:Page) RETURN count(p) AS pages, collect(DISTINCT p.title) AS titles") == before
    assert loaded.read("MATCH (n:Injected) RETURN count(n) AS n") == [{"n": 0}]


@pytest.mark.parametrize(
    ("cypher", "refused"),
    [
        ("CALL gds.graph.generate('leftover', 100, 2) YIELD name RETURN name", "the procedure gds.graph.generate"),
        ("CALL gds.graph.export('g', {dbName: 'copy'})", "the procedure gds.graph.export"),
        ("CALL apoc.lock.nodes([])", "writes to the graph"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TerminateTransactions acts on other sessions"),
    ],
)
def test_query_refuses_procedures_with_side_effects(cli, loaded: Graph, cypher: str, refused: str) -> None:
    """A read transaction alone lets these through: a graph left in the server's memory, a store
    written to disk, another session's query killed."""
    code, out, err = cli("query", cypher)
    assert code == 2 and out == "" and refused in err, err
    assert loaded.read("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n") == [{"n": 0}]


def test_query_runs_read_only_procedures(cli) -> None:
    code, out, err = cli("query", "CALL db.labels() YIELD label RETURN label ORDER BY label", "--format", "json")
    assert code == 0, err
    assert "Page" in {row["label"] for row in json.loads(out)}


def test_query_reads_with_parameters_and_fills_site(cli) -> None:
    code, out, err = cli(
        "query",
        "MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) "
        "WHERE p.depth >= $depth RETURN p.url AS url, p.depth AS depth ORDER BY url",
        "-p", "depth", "2",
        "--format", "json",
    )
    assert code == 0
    assert json.loads(out) == [
        {"url": f"{BASE}/conditions/diabetes/symptoms/", "depth": 2},
        {"url": f"{BASE}/old-page/", "depth": 3},
    ]
    assert err.startswith(USING)


def test_query_from_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("MATCH (p:Page {url: $url}) RETURN p.status AS status\n"))
    code, out, _ = cli("query", "-", "-p", "url", f"{BASE}/old-page/", "--format", "csv")
    assert (code, out) == (0, "status\n301\n")


def test_query_with_a_missing_parameter_says_how_to_pass_it(cli) -> None:
    code, _, err = cli("query", "RETURN $limit AS x")
    assert code == 2
    assert err == "Error: the query uses parameters without a value: $limit (archmodel query) - -p limit VALUE\n"


def test_a_check_of_your_own_with_side_effects_is_refused_naming_its_file(cli, loaded: Graph, tmp_path: Path) -> None:
    """The allow-list of `query` holds for `--pack-dir` checks too: a read transaction alone would
    leave this graph in the server's memory after exit."""
    check = tmp_path / "mine" / "leftover.cypher"
    check.parent.mkdir()
    check.write_text(
        "// title: Leftover\n// description: d\n// severity: low\n"
        "// parameters:\n//   site: {type: string, description: s}\n// columns: [url, detail]\n"
        "CALL gds.graph.generate('leftover', 100, 2) YIELD name\n"
        "MATCH (:Site {host: $site}) RETURN name AS url, 'x' AS detail\n",
        encoding="utf-8",
    )
    code, out, err = cli("run", "mine", "--pack-dir", str(tmp_path), "--format", "json")
    assert code == 2 and out == "" and "the procedure gds.graph.generate" in err and str(check) in err, err
    assert loaded.read("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n") == [{"n": 0}]


def test_query_rows_are_capped_and_a_long_query_stops_at_its_timeout(cli) -> None:
    code, out, err = cli("query", "UNWIND range(1, 5000) AS i RETURN i", "--max-rows", "1000", "--format", "json")
    assert code == 0 and [row["i"] for row in json.loads(out)] == list(range(1, 1001))
    assert "Only the first 1,000 rows" in err
    code, out, err = cli("query", "UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*) AS n",
                         "--timeout", "1")
    assert code == 2 and out == "" and "ran longer than 1 s and the server stopped it" in err, err


def test_ctrl_c_stops_a_long_query_on_the_server_at_once(loaded: Graph, cli_env: dict) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    slow = "UNWIND range(1, 4000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*) AS n"
    process = subprocess.Popen([sys.executable, "-m", "archmodel", "query", slow, "--format", "json"],
                               env={**os.environ, **cli_env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    running = []
    while time.monotonic() < deadline and not running:
        time.sleep(0.5)
        running = loaded.read("SHOW TRANSACTIONS YIELD metaData WHERE metaData.archmodel_query IS NOT NULL "
                              "RETURN count(*) AS n")[0]["n"]
    assert running, "the query never started"
    process.send_signal(signal.SIGINT)
    interrupted = time.monotonic()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and b"interrupted" in err, err
    assert time.monotonic() - interrupted < 10
    left = loaded.read("SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.archmodel_query IS NOT NULL "
                       "RETURN count(*) AS n")[0]["n"]
    assert left == 0, "the server is still running the interrupted query"
