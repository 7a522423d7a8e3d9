"""The local server's life cycle, on its own port and data folder (never the shared test server)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from neo4j.exceptions import Neo4jError

from archmodel.cli import main
from archmodel.db import server
from archmodel.db.connection import ConnectionSettings, connect
from tests.port_lease import hold_port

LIFECYCLE_PORT = int(os.environ.get("ARCHMODEL_LIFECYCLE_PORT", "7689"))


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archmodel", *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300,
    )


@pytest.fixture
def lifecycle_dir(tmp_path: Path):
    hold_port(LIFECYCLE_PORT, "ARCHMODEL_LIFECYCLE_PORT")
    yield tmp_path / "neo4j"
    server.stop(LIFECYCLE_PORT)


def test_start_twice_status_stop_status(lifecycle_dir: Path) -> None:
    uri = f"bolt://127.0.0.1:{LIFECYCLE_PORT}"
    env = {"NEO4J_URI": uri}
    env_without_password = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"} | env

    first = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "start", "--port", str(LIFECYCLE_PORT),
         "--data-dir", str(lifecycle_dir), "--heap", "1g", "--pagecache", "256m"],
        capture_output=True, text=True, env=env_without_password, timeout=300,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == uri
    assert "Started Neo4j in" in first.stderr

    second = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "start", "--port", str(LIFECYCLE_PORT)],
        capture_output=True, text=True, env=env_without_password, timeout=60,
    )
    assert second.returncode == 0
    assert second.stdout.strip() == uri
    assert f"A Neo4j server already answers on port {LIFECYCLE_PORT}; reusing it." in second.stderr

    password_file = lifecycle_dir / "password"
    assert password_file.stat().st_mode & 0o777 == 0o600

    status = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "status"],
        capture_output=True, text=True, env=env_without_password, timeout=60,
    )
    assert status.returncode == 0, status.stderr
    lines = dict(line.split(":", 1) for line in status.stdout.strip().splitlines())
    assert lines["version"].strip().startswith("5.26.")
    assert lines["edition"].strip() == "community"
    assert lines["apoc"].strip().startswith("5.26.")
    assert lines["gds"].strip().startswith("2.13.")
    assert password_file.read_text().strip() not in status.stdout + status.stderr

    settings = ConnectionSettings.resolve(uri=uri, password=password_file.read_text().strip())
    with connect(settings) as graph:
        graph.write("CREATE (:Persisted {marker: 'kept across restarts'})")

    stop = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "stop", "--port", str(LIFECYCLE_PORT)],
        capture_output=True, text=True, env=env_without_password, timeout=120,
    )
    assert stop.returncode == 0
    assert f"Stopped the local Neo4j on port {LIFECYCLE_PORT}." in stop.stderr
    assert not server.port_open(LIFECYCLE_PORT)

    down = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "status"],
        capture_output=True, text=True, env=env_without_password, timeout=60,
    )
    assert down.returncode == 2
    assert down.stderr.strip() == (
        f"Error: cannot reach Neo4j at {uri} (NEO4J_URI) - start one with `archmodel db start`, "
        "or `docker compose up -d`, or set NEO4J_URI to your server"
    )

    again = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "stop", "--port", str(LIFECYCLE_PORT)],
        capture_output=True, text=True, env=env_without_password, timeout=60,
    )
    assert again.returncode == 0
    assert f"No local Neo4j started by archmodel runs on port {LIFECYCLE_PORT}." in again.stderr

    restart = subprocess.run(
        [sys.executable, "-m", "archmodel", "db", "start", "--port", str(LIFECYCLE_PORT),
         "--data-dir", str(lifecycle_dir), "--heap", "1g", "--pagecache", "256m"],
        capture_output=True, text=True, env=env_without_password, timeout=300,
    )
    assert restart.returncode == 0, restart.stderr
    with connect(settings) as graph:
        assert graph.read("MATCH (n:Persisted) RETURN n.marker AS m") == [{"m": "kept across restarts"}]


def test_start_refuses_a_port_held_by_something_else(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        code = main(["db", "start", "--port", str(port)])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"Error: port {port} is held by something that is not Neo4j (pid {os.getpid()}, "
        f"{psutil.Process().name()}) (127.0.0.1:{port}) - "
        "stop that program, or pass another port with `archmodel db start --port N`"
    )


def test_unreachable_server_fails_in_one_line_within_ten_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code = main(["--uri", "bolt://127.0.0.1:9", "db", "status"])
    elapsed = time.monotonic() - started
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "Error: cannot reach Neo4j at bolt://127.0.0.1:9 (NEO4J_URI) - start one with "
        "`archmodel db start`, or `docker compose up -d`, or set NEO4J_URI to your server"
    )
    assert "\n" not in err
    assert elapsed < 10


def test_apocs_xml_and_json_readers_find_their_classes(session_graph) -> None:
    """apoc-core leaves Woodstox, Commons Collections and hadoop's Guava to the server's
    classpath; without them apoc.load.* failed with NoClassDefFoundError. With them, a file load
    meets APOC's own refusal (file import stays off), and the parsers work."""
    assert session_graph.read("RETURN apoc.xml.parse('<a><b>x</b></a>') AS v") == [
        {"v": {"_type": "a", "_children": [{"_type": "b", "_text": "x"}]}}]
    for procedure in ("apoc.load.xml", "apoc.load.json"):
        with pytest.raises(Neo4jError, match="Import from files not enabled"):
            session_graph.read(f"CALL {procedure}('file:///nothing') YIELD value RETURN value")
