"""`archmodel query`: ad hoc Cypher, read-only by construction.

The query is planned first (`EXPLAIN`) and refused unless the server classifies it as read-only
and every procedure in the plan is on an allow-list of procedures without side effects (a read
transaction alone lets `gds.graph.generate` leave a graph in the server's memory,
`gds.graph.export` write a store to disk, `TERMINATE TRANSACTIONS` kill another session's query);
then it runs in a read transaction, so even a write hidden in a procedure the planner cannot see
through is rejected by the server. User values reach the query only as parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from archmodel.db.connection import Graph
from archmodel.db.sites import resolve_site
from archmodel.errors import ArchmodelError
from archmodel.packs.registry import query_parameters
from archmodel.packs.runner import first_line, guess_value

WHERE = "archmodel query"
READ_ONLY_FIX = "archmodel query only reads; change data with `archmodel load`, or with cypher-shell if you must"
QUERY_KINDS = {"w": "writes to the graph", "rw": "writes to the graph", "s": "changes the schema"}
# procedures that only read: schema look-ups, APOC's meta and path readers, GDS's catalogue views
READ_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.", "db.info", "db.ping",
                   "apoc.meta.", "apoc.help", "apoc.path.", "apoc.neighbors.", "gds.version", "gds.list",
                   "gds.graph.list", "gds.license.state", "gds.debug.sysInfo")
REFUSED_OPERATORS = ("TerminateTransactions",)  # administration that acts on other sessions
PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class WriteRefused(ArchmodelError):
    """A query that would change the graph was refused."""


def run_read_only(
    graph: Graph,
    cypher: str,
    raw_parameters: Mapping[str, str],
    site: str | None = None,
    say: Callable[[str], None] | None = None,
    crawl: str | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and rows of a read-only query; writes and errors become one-line errors.
    `$site` and `$crawl` get the chosen site and crawl when the query uses them."""
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
    try:
        with graph.session(default_access_mode=neo4j.READ_ACCESS) as session:
            kind, operators, procedures = session.execute_read(_planned, cypher, parameters)
            if kind != "r":
                raise WriteRefused(
                    f"refused: the query {QUERY_KINDS.get(kind, 'is not read-only')}", WHERE, READ_ONLY_FIX
                )
            refused = [op for op in operators if op.split("@")[0] in REFUSED_OPERATORS]
            if refused:
                raise WriteRefused(f"refused: {refused[0].split('@')[0]} acts on other sessions", WHERE, READ_ONLY_FIX)
            unknown = [name for name in procedures if not name.startswith(READ_PROCEDURES)]
            if unknown:
                raise WriteRefused(
                    f"refused: the procedure {unknown[0]} is not on archmodel query's list of read-only procedures",
                    WHERE, "use MATCH queries, or one of: " + ", ".join(p.rstrip(".") + ("*" if p.endswith(".") else "")
                                                                          for p in READ_PROCEDURES),
                )
            return session.execute_read(_rows, cypher, parameters)
    except neo4j_errors.Neo4jError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "Forbidden" in code or "WriteOnReadOnlyAccessDbException" in code:
            raise WriteRefused("refused: the query writes to the graph", WHERE, READ_ONLY_FIX) from None
        raise ArchmodelError(
            f"the query failed: {first_line(exc.message or str(exc))}",
            WHERE,
            "fix the Cypher (try it with EXPLAIN in Neo4j Browser)",
        ) from None


def _planned(tx: neo4j.ManagedTransaction, cypher: str, parameters: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    """(query type, operator types, procedure names) of the query's plan, without running it."""
    summary = tx.run("EXPLAIN " + cypher, parameters).consume()
    operators: list[str] = []
    procedures: list[str] = []
    stack = [summary.plan] if summary.plan else []
    while stack:
        step = stack.pop()
        operator = step.get("operatorType") or ""
        operators.append(operator)
        if operator.startswith("ProcedureCall"):
            found = PROCEDURE_NAME.match(str((step.get("args") or {}).get("Details") or ""))
            procedures.append(found.group(1) if found else "an unnamed procedure")
        stack.extend(step.get("children") or [])
    return summary.query_type or "", operators, procedures


def _rows(tx: neo4j.ManagedTransaction, cypher: str, parameters: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(cypher, parameters)
    keys = list(result.keys())
    return keys, [record.data() for record in result]
