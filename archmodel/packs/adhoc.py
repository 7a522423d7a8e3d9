"""`archmodel query`: ad hoc Cypher, read-only by construction (archmodel/packs/readonly.py).

User values reach the query only as parameters.
"""

from __future__ import annotations

import signal
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.errors import ArchmodelError
from archmodel.packs.readonly import WriteRefused, refuse_side_effects
from archmodel.packs.registry import query_parameters
from archmodel.packs.runner import first_line, guess_value

WHERE = "archmodel query"
READ_ONLY_FIX = "archmodel query only reads; change data with `archmodel load`, or with cypher-shell if you must"


DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_ROWS = 100_000


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False  # more rows than `max_rows` came back; only the first are kept


def run_read_only(
    graph: Graph,
    cypher: str,
    raw_parameters: Mapping[str, str],
    site: str | None = None,
    say: Callable[[str], None] | None = None,
    crawl: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> QueryResult:
    """Columns and rows of a read-only query; writes and errors become one-line errors.
    `$site` and `$crawl` get the chosen site and crawl when the query uses them. The server stops
    the query after `timeout` seconds; rows past `max_rows` are not read. Ctrl-C stops it on the
    server at once (the transaction is tagged, found and terminated), not when it ends."""
    if not cypher.strip():
        raise ArchmodelError("the query is empty", WHERE, "pass Cypher as an argument, or - and pipe it on stdin")
    parameters = {name: guess_value(value) for name, value in raw_parameters.items()}
    used = query_parameters(cypher)
    if ("site" in used and "site" not in parameters) or ("crawl" in used and "crawl" not in parameters):
        chosen = resolve_site(graph, site, say=say, crawl=crawl)
        if "site" in used:
            parameters.setdefault("site", chosen.host)
        if "crawl" in used:
            parameters.setdefault("crawl", chosen.crawl_id)
    missing = sorted(used - set(parameters))
    if missing:
        raise ArchmodelError(
            "the query uses parameters without a value: " + ", ".join(f"${n}" for n in missing),
            WHERE,
            " ".join(f"-p {n} VALUE" for n in missing),
        )
    tag = uuid.uuid4().hex
    work = neo4j.unit_of_work(timeout=timeout, metadata={"archmodel_query": tag})(_rows)
    interrupted = False
    try:
        with graph.session(default_access_mode=neo4j.READ_ACCESS) as session:
            session.execute_read(refuse_side_effects, cypher, parameters, WHERE, READ_ONLY_FIX)
            try:
                with _terminated_on_ctrl_c(graph, tag):
                    return session.execute_read(work, cypher, parameters, max_rows)
            except KeyboardInterrupt:
                interrupted = True
                _terminate(graph, tag)
                raise
    except neo4j_errors.Neo4jError as exc:
        if interrupted:  # closing the session reports the termination Ctrl-C asked for
            raise KeyboardInterrupt from None
        code = exc.code or ""
        if "AccessMode" in code or "Forbidden" in code or "WriteOnReadOnlyAccessDbException" in code:
            raise WriteRefused("refused: the query writes to the graph", WHERE, READ_ONLY_FIX) from None
        if "TransactionTimedOut" in code:
            raise ArchmodelError(f"the query ran longer than {timeout:g} s and the server stopped it", WHERE,
                                 "narrow it (scope it to $crawl, add LIMIT), or give more time with --timeout") from None
        raise ArchmodelError(
            f"the query failed: {first_line(exc.message or str(exc))}",
            WHERE,
            "fix the Cypher (try it with EXPLAIN in Neo4j Browser)",
        ) from None


@contextmanager
def _terminated_on_ctrl_c(graph: Graph, tag: str) -> Iterator[None]:
    """Ctrl-C ends the tagged query on the server at once, from a thread of its own: the driver,
    interrupted in the middle of reading the result, may wait for the query's end while it cleans
    up, before the KeyboardInterrupt reaches `run_query`'s own handler. Only the main thread can
    take signals; elsewhere (an assistant's worker) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: object) -> None:
        threading.Thread(target=_terminate, args=(graph, tag), name="archmodel-terminate", daemon=True).start()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _terminate(graph: Graph, tag: str) -> None:
    """Stop on the server the query tagged `tag` (after Ctrl-C). Best effort: a server that
    refuses SHOW/TERMINATE TRANSACTIONS still ends it at the timeout."""
    try:
        with graph.session() as session:
            ids = [record["id"] for record in session.run(
                "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData.archmodel_query = $tag "
                "RETURN id", tag=tag)]
            if ids:
                session.run("TERMINATE TRANSACTIONS $ids", ids=ids).consume()
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
        return


def _rows(tx: neo4j.ManagedTransaction, cypher: str, parameters: dict[str, Any], max_rows: int) -> QueryResult:
    result = tx.run(cypher, parameters)
    keys = list(result.keys())
    rows = []
    for record in result:
        if len(rows) == max_rows:
            return QueryResult(keys, rows, truncated=True)
        rows.append(record.data())
    return QueryResult(keys, rows)
