"""Read-only means no side effect on the server: the plan check shared by `archmodel query` and
the checks of your own packs (`--pack-dir`).

A query is planned first (`EXPLAIN`) and refused unless the server classifies it as read-only
and every procedure in its plan is on an allow-list of procedures without side effects (a read
transaction alone lets `gds.graph.generate` leave a graph in the server's memory,
`gds.graph.export` write a store to disk, `TERMINATE TRANSACTIONS` kill another session's query,
`apoc.lock.*` stall a load); then it runs in a read transaction, so even a write hidden in a
procedure the planner cannot see through is rejected by the server. The shipped checks are plain
read-only Cypher without procedures (a test reads them), so they skip the extra round trip.
"""

from __future__ import annotations

import re
from typing import Any

import neo4j

from archmodel.errors import ArchmodelError

QUERY_KINDS = {"w": "writes to the graph", "rw": "writes to the graph", "s": "changes the schema"}
# procedures that only read: schema look-ups, APOC's meta and path readers, GDS's catalogue views
READ_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.", "db.info", "db.ping",
                   "apoc.meta.", "apoc.help", "apoc.path.", "apoc.neighbors.", "gds.version", "gds.list",
                   "gds.graph.list", "gds.license.state", "gds.debug.sysInfo")
REFUSED_OPERATORS = ("TerminateTransactions",)  # administration that acts on other sessions
PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class WriteRefused(ArchmodelError):
    """A query that would change the graph or the server was refused."""


def planned(tx: neo4j.ManagedTransaction, cypher: str, parameters: dict[str, Any]) -> tuple[str, list[str], list[str]]:
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


def refuse_side_effects(tx: neo4j.ManagedTransaction, cypher: str, parameters: dict[str, Any], where: str,
                        fix: str) -> None:
    """Raise `WriteRefused` (naming the reason, `where` and `fix`) unless the plan only reads."""
    kind, operators, procedures = planned(tx, cypher, parameters)
    if kind != "r":
        raise WriteRefused(f"refused: the query {QUERY_KINDS.get(kind, 'is not read-only')}", where, fix)
    refused = [op for op in operators if op.split("@")[0] in REFUSED_OPERATORS]
    if refused:
        raise WriteRefused(f"refused: {refused[0].split('@')[0]} acts on other sessions", where, fix)
    unknown = [name for name in procedures if not name.startswith(READ_PROCEDURES)]
    if unknown:
        allowed = ", ".join(p.rstrip(".") + ("*" if p.endswith(".") else "") for p in READ_PROCEDURES)
        raise WriteRefused(f"refused: the procedure {unknown[0]} is not on archmodel's list of read-only procedures",
                           where, f"use MATCH queries, or one of: {allowed}")
