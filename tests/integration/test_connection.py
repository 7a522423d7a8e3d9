"""Connection settings, credentials and plugins against the real test server."""

from __future__ import annotations

import pytest

from archmodel.cli import main
from archmodel.db.connection import ConnectionSettings, Graph, connect
from archmodel.errors import ConnectionFailed

SECRET = "s3cret-Do-Not-Print-42"


def test_apoc_and_gds_are_callable(graph: Graph) -> None:
    assert graph.read("RETURN apoc.version() AS v")[0]["v"].startswith("5.26")
    assert graph.read("RETURN gds.version() AS v")[0]["v"].startswith("2.13")
    graph.write("UNWIND range(1, 3) AS i CREATE (:T {i: i})")
    graph.write("MATCH (a:T {i: 1}), (b:T {i: 2}) CREATE (a)-[:R]->(b)")
    rows = graph.read(
        "MATCH (a:T) OPTIONAL MATCH (a)-[:R]->(b:T) WITH gds.graph.project('t', a, b) AS g "
        "CALL gds.pageRank.stream('t') YIELD nodeId, score RETURN count(*) AS n"
    )
    graph.write("CALL gds.graph.drop('t') YIELD graphName RETURN graphName")
    assert rows[0]["n"] == 3
    assert graph.read("RETURN apoc.text.join(['a', 'b'], '-') AS s")[0]["s"] == "a-b"


def test_settings_come_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://abc.databases.neo4j.io")
    monkeypatch.setenv("NEO4J_USERNAME", "auditor")
    monkeypatch.setenv("NEO4J_DATABASE", "audits")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    settings = ConnectionSettings.resolve()
    assert (settings.uri, settings.user, settings.database) == (
        "neo4j+s://abc.databases.neo4j.io", "auditor", "audits"
    )
    assert settings.password is not None and settings.password.get_secret_value() == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings)
    assert SECRET not in settings.model_dump_json()
    assert SECRET not in settings.describe()


def test_options_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://env-host:7687")
    settings = ConnectionSettings.resolve(uri="bolt://option-host:7687", database="other")
    assert settings.uri == "bolt://option-host:7687"
    assert settings.database == "other"


def test_routing_uri_is_accepted() -> None:
    graph = Graph(ConnectionSettings(uri="neo4j://127.0.0.1:9"))
    with pytest.raises(ConnectionFailed) as failure:
        graph.verify()
    assert failure.value.message().startswith("Error: cannot reach Neo4j at neo4j://127.0.0.1:9 (NEO4J_URI)")
    graph.close()


def test_bad_credentials_give_one_line_and_never_the_password(
    neo4j_settings: ConnectionSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    code = main(["--debug", "db", "status"])
    captured = capsys.readouterr()
    assert code == 2
    last_line = captured.err.strip().splitlines()[-1]
    assert last_line == (
        f"Error: Neo4j at {neo4j_settings.uri} refused the credentials of user 'neo4j' "
        "(NEO4J_USERNAME / NEO4J_PASSWORD) - set NEO4J_PASSWORD to that user's password, "
        "or pass --password-prompt"
    )
    assert SECRET not in captured.err + captured.out


def test_wrong_credentials_raise_connection_failed(neo4j_settings: ConnectionSettings) -> None:
    settings = ConnectionSettings.resolve(uri=neo4j_settings.uri, password=SECRET)
    with pytest.raises(ConnectionFailed) as failure:
        connect(settings)
    assert SECRET not in str(failure.value)


def test_missing_database_says_which(neo4j_settings: ConnectionSettings, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    if neo4j_settings.password is not None:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password.get_secret_value())
    code = main(["--database", "nosuchdb", "db", "status"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"Error: database 'nosuchdb' does not exist on {neo4j_settings.uri} (NEO4J_DATABASE) - "
        "set NEO4J_DATABASE to an existing database (Community edition has only 'neo4j')"
    )


def test_status_and_doctor_report_the_server(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "status"]) == 0
    out = capsys.readouterr().out
    assert "edition:  community" in out
    assert "apoc:     5.26." in out
    assert "gds:      2.13." in out
    code = main(["doctor"])
    out = capsys.readouterr().out
    assert "ok    Java 17" in out
    assert "ok    Maven" in out
    assert "ok    APOC 5.26." in out
    assert "ok    Graph Data Science 2.13." in out
    assert code in (0, 2)


@pytest.mark.parametrize("chunk", [1, 7, 5000])
def test_read_table_gives_the_rows_of_the_plain_query_in_order(
    graph: Graph, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """read_table sends rows as column chunks; the rows, their order and empty values must be those
    of the one-row-per-record query, whatever the chunk size."""
    monkeypatch.setattr("archmodel.db.connection.TABLE_CHUNK", chunk)
    graph.write(
        "UNWIND range(1, 23) AS i CREATE (:T {k: 'k' + toString(100 - i), i: i, "
        "tags: CASE WHEN i % 3 = 0 THEN [] ELSE [i, i * 2] END, note: CASE WHEN i % 5 = 0 THEN null ELSE 'n' END})"
    )
    columns = {"k": "t.k", "i": "t.i", "tags": "t.tags", "note": "t.note"}
    expected = graph.read("MATCH (t:T) WHERE t.i > $low RETURN t.k AS k, t.i AS i, t.tags AS tags, t.note AS note "
                          "ORDER BY t.k", {"low": 2})
    rows = graph.read_table("MATCH (t:T) WHERE t.i > $low", "t", columns, {"low": 2}, order_by="t.k")
    assert rows == expected and len(rows) == 21
    assert graph.read_table("MATCH (t:T) WHERE t.i > 99", "t", columns) == []
