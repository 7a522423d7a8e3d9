"""Check results kept with the crawl they were computed on, so each check runs once per crawl.

A kept crawl does not change after its load: every load writes a new generation with its own id,
and `traffic add` only sets traffic properties that no check reads. A check's rows on a crawl are
therefore fixed by the check's Cypher and columns, the parameters it ran with (thresholds and
`-p` values) and the archmodel version; `result_key` hashes exactly these. `Runner.run` reads a
stored result whose key matches instead of running the check again, and stores the result of
every check it did run, as one `CheckResult` node per crawl and check:

    (:CheckResult {crawl, check, key, rows: <JSON list of findings>, seconds, stored_at})

So `archmodel run` on the current crawl makes the `report`, `diff`, `run --since` and maps that
follow read the findings instead of recomputing them, and a diff of two crawls that were each
audited once costs only the page and link comparison. An edited check, another parameter value
or a new release gives another key and runs again; `run --fresh` runs every check and replaces
what is stored. Deleting a crawl deletes its results. Storing is best effort: for a read-only
user nothing is stored and the checks run each time.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from neo4j import exceptions as neo4j_errors

from archmodel import __version__
from archmodel.db.connection import Graph
from archmodel.packs.registry import Check

LABEL = "CheckResult"


@dataclass(frozen=True)
class StoredResult:
    key: str
    findings: list[dict[str, Any]]
    seconds: float


def result_key(check: Check, parameters: dict[str, Any]) -> str:
    """What a check's rows on one crawl depend on, hashed."""
    material = json.dumps(
        [__version__, check.name, check.cypher, check.columns, check.severity, check.title, parameters],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def read_results(graph: Graph, crawl_id: str) -> dict[str, StoredResult]:
    """Every stored check result of a crawl, by check name ({} when none or unreadable)."""
    try:
        rows = graph.read(
            f"MATCH (r:{LABEL} {{crawl: $crawl}}) RETURN r.check AS check, r.key AS key, r.rows AS rows, "
            "r.seconds AS seconds",
            {"crawl": crawl_id},
        )
    except neo4j_errors.Neo4jError:
        return {}
    results = {}
    for row in rows:
        try:
            findings = json.loads(row["rows"])
        except (TypeError, ValueError):
            continue
        results[row["check"]] = StoredResult(row["key"], findings, float(row["seconds"] or 0.0))
    return results


def _encodable(findings: list[dict[str, Any]]) -> str | None:
    """The findings as JSON, or None when a value would not come back the same (a temporal or
    spatial value, a float that JSON cannot carry)."""

    def plain(value: Any) -> bool:
        if value is None or isinstance(value, (bool, int, str)):
            return True
        if isinstance(value, float):
            return math.isfinite(value)
        if isinstance(value, list):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        return False

    if not all(plain(f) for f in findings):
        return None
    return json.dumps(findings, separators=(",", ":"))


def store_results(graph: Graph, crawl_id: str, results: Iterable[tuple[Check, str, list[dict[str, Any]], float]]) -> int:
    """Keep (check, key, findings, seconds) results on the crawl, replacing older ones of the same
    checks; returns how many were stored (0 when the user may not write)."""
    rows = []
    for check, key, findings, seconds in results:
        encoded = _encodable(findings)
        if encoded is not None:
            rows.append({"check": check.name, "key": key, "rows": encoded, "seconds": round(seconds, 4)})
    if not rows:
        return 0
    try:
        graph.write(
            f"MATCH (c:Crawl {{id: $crawl}}) UNWIND $rows AS row "
            f"MERGE (r:{LABEL} {{crawl: $crawl, check: row.check}}) "
            "SET r.key = row.key, r.rows = row.rows, r.seconds = row.seconds, r.stored_at = $now",
            {"crawl": crawl_id, "rows": rows, "now": datetime.now(timezone.utc).isoformat(timespec="seconds")},
        )
    except neo4j_errors.Neo4jError:
        return 0
    return len(rows)

