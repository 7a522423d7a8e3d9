"""A load killed at any point leaves the previous crawl current and unchanged and the history free of
half crawls; a rerun equals a clean load and keeps the previous crawl in the history. Each test runs
on both write paths: Cypher batches over Bolt and the server extension's bulk path
(archmodel/db/bulk.py), whose rerun also removes the link files the killed load left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archmodel.db import server
from archmodel.db.bulk import FILE_PREFIX, local_import_dir
from archmodel.db.connection import ConnectionSettings, Graph, connect
from tests.conftest import wipe
from tests.integration.test_loader import load_basic, snapshot
from tests.port_lease import hold_port

HOST = "www.basic-clinic.example"
CRASH_SERVER_PORT = int(os.environ.get("ARCHMODEL_CRASH_PORT", "7690"))
WRITERS = pytest.mark.parametrize("writer", ["bolt", "bulk"])


def write_big_crawl(folder: Path, pages: int = 2500, links_per_page: int = 50) -> Path:
    """A crawl of the same site large enough that loading it takes several seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    base = f"https://{HOST}"
    with open(folder / "pages.csv", "w") as out:
        out.write("url,status,title\n")
        out.write(f"{base}/,200,Home\n")
        for i in range(pages):
            out.write(f"{base}/p/{i}/,200,Page {i}\n")
    with open(folder / "links.csv", "w") as out:
        out.write("source,target,anchor,position\n")
        for i in range(pages):
            out.write(f"{base}/,{base}/p/{i}/,page {i},Content\n")
            for j in range(1, links_per_page):
                out.write(f"{base}/p/{i}/,{base}/p/{(i * 7 + j) % pages}/,link {j},Content\n")
    return folder


def start_load(folder: Path, settings: ConnectionSettings, writer: str) -> subprocess.Popen:
    """`archmodel load` in a process of its own, on the given write path (`--writer`). Link batches
    are 2,000 rows on the Bolt path and 4,000 on the bulk path, so either takes several batches."""
    env = {**os.environ, "NEO4J_URI": settings.uri}
    if settings.password is not None:
        env["NEO4J_PASSWORD"] = settings.password.get_secret_value()
    return subprocess.Popen(
        [sys.executable, "-m", "archmodel", "load", str(folder), "--batch-size", "2000", "--writer", writer],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process: subprocess.Popen, writer: str) -> None:
    """Wait for a load that must succeed, and check it took the write path asked for."""
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert f"{writer} path" in out


def leftover_link_files(settings: ConnectionSettings) -> list[Path]:
    folder = local_import_dir(settings.uri)
    assert folder is not None
    return sorted(folder.glob(f"{FILE_PREFIX}*"))


def wait_for_partial_generation(graph: Graph, process: subprocess.Popen, minimum_links: int) -> None:
    """Block until the new, not yet current, generation holds some links."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        rows = graph.read(
            "MATCH (c:Crawl {site: $host}) WHERE NOT (:Site)-[:CURRENT]->(c) "
            "MATCH (p:Page {crawl: c.id})-[r:LINKS_TO]->() RETURN count(r) AS n",
            {"host": HOST},
        )
        if rows and rows[0]["n"] >= minimum_links:
            return
        assert process.poll() is None, "the load finished before it could be interrupted"
        time.sleep(0.05)
    pytest.fail("the load never started writing links")


def kept_crawls(graph: Graph) -> list[str]:
    """Every Crawl node of the site, newest first: complete ones only, the killed load's is gone."""
    rows = graph.read("MATCH (c:Crawl {site: $host}) RETURN c.id AS id, c.complete AS complete ORDER BY c.seq DESC", {"host": HOST})
    assert all(row["complete"] for row in rows)
    return [row["id"] for row in rows]


def current_crawl_id(graph: Graph) -> str:
    return graph.read("MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) RETURN c.id AS id", {"host": HOST})[0]["id"]


@WRITERS
def test_kill_9_during_load_leaves_previous_crawl(
    graph: Graph, neo4j_settings: ConnectionSettings, tmp_path: Path, writer: str
) -> None:
    load_basic(graph)
    before = snapshot(graph, HOST)
    previous = current_crawl_id(graph)
    big = write_big_crawl(tmp_path / "big")

    process = start_load(big, neo4j_settings, writer)
    wait_for_partial_generation(graph, process, 20_000)
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert current_crawl_id(graph) == previous
    assert snapshot(graph, HOST) == before

    finish(start_load(big, neo4j_settings, writer), writer)
    after_rerun = snapshot(graph, HOST)
    assert kept_crawls(graph) == [current_crawl_id(graph), previous]
    assert leftover_link_files(neo4j_settings) == []

    wipe(graph)
    finish(start_load(big, neo4j_settings, writer), writer)
    assert snapshot(graph, HOST) == after_rerun


def start_crash_server(data_dir: Path) -> None:
    hold_port(CRASH_SERVER_PORT, "ARCHMODEL_CRASH_PORT")
    server.start(port=CRASH_SERVER_PORT, data_dir=data_dir, heap="1g", pagecache="256m", log=lambda m: None)


@pytest.fixture
def crash_server(tmp_path: Path):
    start_crash_server(tmp_path / "neo4j")
    yield ConnectionSettings.resolve(uri=f"bolt://127.0.0.1:{CRASH_SERVER_PORT}")
    server.stop(CRASH_SERVER_PORT)


@WRITERS
def test_server_stopped_during_load_leaves_previous_crawl(
    crash_server: ConnectionSettings, tmp_path: Path, writer: str
) -> None:
    graph = connect(crash_server)
    load_basic(graph)
    before = snapshot(graph, HOST)
    big = write_big_crawl(tmp_path / "big")

    process = start_load(big, crash_server, writer)
    wait_for_partial_generation(graph, process, 20_000)
    graph.close()
    server.stop(CRASH_SERVER_PORT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith(f"Error: cannot reach Neo4j at {crash_server.uri}")

    start_crash_server(tmp_path / "neo4j")
    graph = connect(crash_server)
    assert snapshot(graph, HOST) == before

    finish(start_load(big, crash_server, writer), writer)
    after_rerun = snapshot(graph, HOST)
    assert len(kept_crawls(graph)) == 2
    assert leftover_link_files(crash_server) == []
    wipe(graph)
    finish(start_load(big, crash_server, writer), writer)
    assert snapshot(graph, HOST) == after_rerun
    graph.close()
