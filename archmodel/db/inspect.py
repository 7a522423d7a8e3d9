"""What a connected server is and has: version, edition, plugins, schema, last load."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import exceptions as neo4j_errors

from archmodel.db.connection import Graph

SCHEMA_PREFIX = "archmodel_"


@dataclass
class ServerInfo:
    uri: str
    database: str
    version: str
    edition: str
    apoc: str | None
    gds: str | None
    schema_ready: bool
    last_load: str | None

    def lines(self) -> list[str]:
        return [
            f"uri:      {self.uri}",
            f"database: {self.database}",
            f"version:  {self.version}",
            f"edition:  {self.edition}",
            f"apoc:     {self.apoc or 'not installed'}",
            f"gds:      {self.gds or 'not installed'}",
            f"schema:   {'ready' if self.schema_ready else 'not created yet'}",
            f"loaded:   {self.last_load or 'nothing yet'}",
        ]


def _optional_version(graph: Graph, function: str) -> str | None:
    try:
        return graph.read(f"RETURN {function}() AS v")[0]["v"]
    except neo4j_errors.ClientError:
        return None


def has_gds(graph: Graph) -> bool:
    return _optional_version(graph, "gds.version") is not None


def server_info(graph: Graph) -> ServerInfo:
    component = graph.read(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"
    )[0]
    constraints = graph.read(
        "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $prefix RETURN count(*) AS n",
        {"prefix": SCHEMA_PREFIX},
    )[0]["n"]
    last = graph.read(
        "MATCH (s:Site)-[:CURRENT]->(c:Crawl) RETURN s.host AS host, c.loaded_at AS at, "
        "c.pages AS pages, c.links AS links ORDER BY c.loaded_at DESC LIMIT 1"
    )
    last_load = None
    if last:
        row = last[0]
        last_load = f"{row['host']} at {row['at']} ({row['pages']} pages, {row['links']} links)"
    return ServerInfo(
        uri=graph.settings.uri,
        database=graph.settings.database,
        version=component["version"],
        edition=component["edition"],
        apoc=_optional_version(graph, "apoc.version"),
        gds=_optional_version(graph, "gds.version"),
        schema_ready=constraints > 0,
        last_load=last_load,
    )
