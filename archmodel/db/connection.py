"""Connection settings and the one way archmodel talks to Neo4j.

Settings come from options and the `NEO4J_*` environment variables (docs/cli.md "Connection"). The
password is held as a `SecretStr` so it never shows up in a repr, a log line or an exception
message; it comes only from `NEO4J_PASSWORD`, an interactive prompt, or the owner-only password
file of the local server started by `archmodel db start`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j import exceptions as neo4j_errors
from pydantic import BaseModel, ConfigDict, SecretStr

from archmodel.db.server import local_password_for
from archmodel.db.uri import refuse_userinfo
from archmodel.errors import ConnectionFailed

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
CONNECT_TIMEOUT_S = 4.0

SERVER_FIXES = "start one with `archmodel db start`, or `docker compose up -d`, or set NEO4J_URI to your server"


class ConnectionSettings(BaseModel):
    """Where the graph lives and who we are there."""

    model_config = ConfigDict(frozen=True)

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: SecretStr | None = None
    database: str = DEFAULT_DATABASE

    @classmethod
    def resolve(
        cls,
        uri: str | None = None,
        user: str | None = None,
        database: str | None = None,
        password: str | None = None,
    ) -> ConnectionSettings:
        """Options win over environment variables, which win over defaults.

        Without a password, a local server started by `archmodel db start` supplies its own
        generated one when the URI points at it.
        """
        uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
        refuse_userinfo(uri)
        user = user or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER
        database = database or os.environ.get("NEO4J_DATABASE") or DEFAULT_DATABASE
        if password is None:
            password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            password = local_password_for(uri)
        return cls(
            uri=uri,
            user=user,
            database=database,
            password=SecretStr(password) if password is not None else None,
        )

    def describe(self) -> str:
        """The URI and database, safe to print."""
        return f"{self.uri}, database {self.database}"


# rows per record in Graph.read_table
TABLE_CHUNK = 5000

class Graph:
    """A connected Neo4j database: read and write helpers with user-facing errors.

    Reads run in read transactions (routed to readers on a cluster); writes in managed write
    transactions, which the driver retries on transient errors.
    """

    def __init__(self, settings: ConnectionSettings) -> None:
        self.settings = settings
        auth = None
        if settings.password is not None:
            auth = neo4j.basic_auth(settings.user, settings.password.get_secret_value())
        try:
            self.driver = GraphDatabase.driver(
                settings.uri,
                auth=auth,
                connection_timeout=CONNECT_TIMEOUT_S,
                connection_acquisition_timeout=CONNECT_TIMEOUT_S * 2,
                max_transaction_retry_time=15.0,
                warn_notification_severity=None,
                notifications_min_severity="OFF",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise ConnectionFailed(
                f"'{settings.uri}' is not a Neo4j URI ({exc.__class__.__name__})",
                "NEO4J_URI",
                "use bolt://host:7687, neo4j://host:7687 or neo4j+s://xxxx.databases.neo4j.io",
            ) from None

    def verify(self) -> Graph:
        """Fail fast, in one line, when the server is not there or refuses us."""
        with translate_errors(self.settings):
            self.driver.verify_connectivity()
            self.driver.execute_query("RETURN 1", database_=self.settings.database)
        return self

    def read(self, query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts of plain values. archmodel's own queries return values (numbers, text,
        lists, maps), never nodes or relationships, so each row is taken as the driver decoded it:
        the driver's `record.data()` walks every element of every list to convert graph objects,
        which costs 12 s on the report's 4M link ids (`archmodel query` has its own reader)."""
        with translate_errors(self.settings):
            records, _, _ = self.driver.execute_query(
                query,
                parameters or {},
                database_=self.settings.database,
                routing_=RoutingControl.READ,
            )
        return [dict(record.items()) for record in records]

    def write(self, query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with translate_errors(self.settings):
            records, _, _ = self.driver.execute_query(
                query,
                parameters or {},
                database_=self.settings.database,
                routing_=RoutingControl.WRITE,
            )
        return [dict(record.items()) for record in records]

    def read_table(
        self,
        match: str,
        node: str,
        columns: dict[str, str],
        parameters: dict[str, Any] | None = None,
        order_by: str | None = None,
    ) -> list[dict[str, Any]]:
        """`read` for a table of many rows: one row per `node` that `match` finds, with `columns`
        (name: Cypher expression over `node`), in `order_by` order.

        The server sends the rows as columns of TABLE_CHUNK rows each, so the driver decodes a few
        dozen records instead of one per row: on 100k pages that is 1.3 s instead of 3 s."""
        ordered = f" ORDER BY {order_by}" if order_by else ""
        fields = ", ".join(f"[{node} IN chunk_rows | {expr}] AS {name}" for name, expr in columns.items())
        query = (
            f"{match} WITH {node}{ordered} WITH collect({node}) AS table_rows "
            "UNWIND range(0, size(table_rows) - 1, $table_chunk) AS chunk_start "
            "WITH chunk_start, table_rows[chunk_start..chunk_start + $table_chunk] AS chunk_rows "
            f"ORDER BY chunk_start RETURN {fields}"
        )
        rows: list[dict[str, Any]] = []
        names = list(columns)
        for chunk in self.read(query, {**(parameters or {}), "table_chunk": TABLE_CHUNK}):
            rows.extend(dict(zip(names, values)) for values in zip(*(chunk[name] for name in names)))
        return rows

    def run_autocommit(self, query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run in an auto-commit transaction: needed by `CALL { ... } IN TRANSACTIONS`."""
        with translate_errors(self.settings), self.driver.session(database=self.settings.database) as session:
            return session.run(query, parameters or {}).data()

    @contextmanager
    def session(self, **kwargs: Any) -> Iterator[neo4j.Session]:
        with translate_errors(self.settings), self.driver.session(
            database=self.settings.database, **kwargs
        ) as session:
            yield session

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(settings: ConnectionSettings) -> Graph:
    """A verified connection, or a `ConnectionFailed` saying what to do."""
    return Graph(settings).verify()


@contextmanager
def translate_errors(settings: ConnectionSettings) -> Iterator[None]:
    """Turn driver failures into one-line errors that name the URI and the fix."""
    try:
        yield
    except neo4j_errors.AuthError:
        raise ConnectionFailed(
            f"Neo4j at {settings.uri} refused the credentials of user '{settings.user}'",
            "NEO4J_USERNAME / NEO4J_PASSWORD",
            "set NEO4J_PASSWORD to that user's password, or pass --password-prompt",
        ) from None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
        raise ConnectionFailed(
            f"cannot reach Neo4j at {settings.uri}",
            "NEO4J_URI",
            SERVER_FIXES,
        ) from None
    except neo4j_errors.ClientError as exc:
        if exc.code and "DatabaseNotFound" in exc.code:
            raise ConnectionFailed(
                f"database '{settings.database}' does not exist on {settings.uri}",
                "NEO4J_DATABASE",
                "set NEO4J_DATABASE to an existing database (Community edition has only 'neo4j')",
            ) from None
        raise
