"""Shared fixtures: a real Neo4j for integration tests, wiped between tests.

When `NEO4J_URI` is set and a server answers there, the tests use it (and wipe its database:
point it at a scratch database). Otherwise they start archmodel's own local server once per
session on a separate test port with its own data folder, so a developer's demo database on the
default port is never touched; a second test run on the same port stops at once (tests/port_lease.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archmodel.db import server
from archmodel.db.connection import ConnectionSettings, Graph, connect
from tests.port_lease import hold_port

TEST_PORT = int(os.environ.get("ARCHMODEL_TEST_PORT", "7688"))
REPO = Path(__file__).resolve().parent.parent
TEST_OUTPUT = REPO / "test-output"


def _test_settings() -> ConnectionSettings:
    if os.environ.get("NEO4J_URI"):
        return ConnectionSettings.resolve()
    uri = f"bolt://127.0.0.1:{TEST_PORT}"
    hold_port(TEST_PORT, "ARCHMODEL_TEST_PORT")
    server.start(
        port=TEST_PORT,
        heap=os.environ.get("ARCHMODEL_TEST_HEAP", "3g"),
        pagecache=os.environ.get("ARCHMODEL_TEST_PAGECACHE", "1g"),
        log=lambda message: None,
    )
    return ConnectionSettings.resolve(uri=uri)


@pytest.fixture(scope="session")
def neo4j_settings() -> ConnectionSettings:
    return _test_settings()


@pytest.fixture(scope="session")
def session_graph(neo4j_settings: ConnectionSettings):
    graph = connect(neo4j_settings)
    yield graph
    graph.close()


def wipe(graph: Graph) -> None:
    """Empty the database in small transactions: relationships first, so hub pages with many
    links never make one huge DETACH DELETE."""
    graph.run_autocommit("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS")
    graph.run_autocommit("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS")


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """A connected, empty database."""
    wipe(session_graph)
    return session_graph


@pytest.fixture
def cli_env(neo4j_settings: ConnectionSettings, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment that points the CLI at the test server (password included, never printed)."""
    env = {
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USERNAME": neo4j_settings.user,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    if neo4j_settings.password is not None:
        env["NEO4J_PASSWORD"] = neo4j_settings.password.get_secret_value()
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def call_cli(cli_env: dict[str, str], capsys: pytest.CaptureFixture):
    """`call_cli(*args)` runs the CLI in this process against the test server and returns
    (exit code, standard output, standard error)."""
    from archmodel.cli import main

    def call(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


@pytest.fixture(scope="session")
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT
