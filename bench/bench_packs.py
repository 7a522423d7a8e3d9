"""Time every check on a loaded graph and show its database hits (targets.md "Packs").

Targets: every pack on the L tier in under 60 s in total, no single check over 10 s. Each check
runs once as the runner runs it (read transaction, all rows fetched) for the time, then once
with PROFILE for the database hits, so the profile's own overhead does not distort the time.

    .venv/bin/python bench/bench_packs.py --uri bolt://127.0.0.1:7691 [--site HOST] [--no-profile]

Prints a table (slowest first) and writes it to bench/results/packs-<site>-<UTC time>.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import neo4j

from archmodel.db.connection import ConnectionSettings, Graph, connect
from archmodel.errors import PackError
from archmodel.packs.registry import Check, load_registry
from archmodel.packs.runner import Runner

RESULTS = Path(__file__).resolve().parent / "results"
TOTAL_BUDGET_S = 60.0
CHECK_BUDGET_S = 10.0


def db_hits(plan: Any) -> int:
    hits = plan.get("dbHits", 0) if isinstance(plan, dict) else 0
    return hits + sum(db_hits(child) for child in plan.get("children", []))


def operators(plan: Any) -> list[str]:
    names = [str(plan.get("operatorType", "")).split("@")[0]]
    return names + [name for child in plan.get("children", []) for name in operators(child)]


def profile_check(runner: Runner, check: Check, parameters: dict[str, Any]) -> tuple[int, bool]:
    """Database hits, and whether the executed plan contains a Cartesian product."""

    def work(tx: neo4j.ManagedTransaction) -> tuple[int, bool]:
        summary = tx.run("PROFILE " + check.cypher, parameters).consume()
        plan = summary.profile or {}
        return db_hits(plan), "CartesianProduct" in operators(plan)

    with runner.graph.session(default_access_mode=neo4j.READ_ACCESS) as session:
        return session.execute_read(work)


def time_checks(
    graph: Graph,
    site: str | None,
    profile: bool = True,
    pack_dirs: list[Path] | None = None,
    runner: Runner | None = None,
) -> list[dict[str, Any]]:
    """Each check's time (as the runner runs it), database hits and findings; skipped ones noted."""
    runner = runner or Runner.for_site(graph, site)
    timings = []
    for check in load_registry(pack_dirs or []):
        reason = runner.skip_reason(check)
        if reason:
            timings.append({"check": check.name, "seconds": None, "hits": None, "findings": None,
                            "note": f"skipped: {reason}"})
            continue
        started = time.perf_counter()
        try:
            outcome = runner.run_check(check)
        except PackError as exc:  # e.g. the server's transaction memory limit on XL: recorded, the run goes on
            timings.append({"check": check.name, "seconds": None, "hits": None, "findings": None,
                            "note": f"failed after {time.perf_counter() - started:.1f} s: {exc.what}"})
            print(f"{check.name:55s} failed: {exc.what}", file=sys.stderr)
            continue
        seconds = time.perf_counter() - started
        hits, cartesian = profile_check(runner, check, runner.parameters_for(check)) if profile else (None, False)
        timings.append({"check": check.name, "seconds": round(seconds, 4), "hits": hits,
                        "findings": len(outcome.findings), "note": "CARTESIAN PRODUCT" if cartesian else ""})
        print(f"{check.name:55s} {seconds:8.3f} s", file=sys.stderr)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=None, help="Bolt URI [env NEO4J_URI]")
    parser.add_argument("--site", default=None, help="Site host (default: the only or latest site)")
    parser.add_argument("--pack-dir", action="append", default=[], type=Path, help="Also time these packs")
    parser.add_argument("--no-profile", action="store_true", help="Skip the PROFILE run (times only)")
    args = parser.parse_args(argv)

    graph = connect(ConnectionSettings.resolve(uri=args.uri))
    runner = Runner.for_site(graph, args.site, say=lambda m: print(m, file=sys.stderr))
    crawl = runner.site.crawl
    timings = time_checks(graph, args.site, profile=not args.no_profile, pack_dirs=args.pack_dir, runner=runner)
    rows = [(t["check"], t["seconds"], t["hits"], t["findings"], t["note"]) for t in timings]
    total = sum(t["seconds"] for t in timings if t["seconds"] is not None)

    timed = [r for r in rows if r[1] is not None]
    timed.sort(key=lambda r: -r[1])
    slowest = timed[0] if timed else None
    lines = [
        f"# Pack benchmark: {runner.site.host}",
        "",
        f"{crawl.get('pages', '?')} pages, {crawl.get('links', '?')} links, crawl {runner.site.crawl_id}, "
        f"{datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        "",
        "| check | seconds | db hits | findings | note |",
        "|---|---:|---:|---:|---|",
    ]
    for name, seconds, hits, findings, note in timed + [r for r in rows if r[1] is None]:
        over = " **over 10 s**" if seconds is not None and seconds > CHECK_BUDGET_S else ""
        lines.append(
            f"| {name} | {'' if seconds is None else f'{seconds:.3f}'} | "
            f"{'' if hits is None else f'{hits:,}'} | {'' if findings is None else findings} | {note}{over} |"
        )
    lines += [
        "",
        f"All packs: {total:.2f} s (budget {TOTAL_BUDGET_S:.0f} s: {'ok' if total < TOTAL_BUDGET_S else 'OVER'}).",
    ]
    if slowest:
        lines.append(
            f"Slowest: {slowest[0]} {slowest[1]:.2f} s (budget {CHECK_BUDGET_S:.0f} s: "
            f"{'ok' if slowest[1] < CHECK_BUDGET_S else 'OVER'})."
        )
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"packs-{runner.site.host}-{stamp}.md").write_text(text, encoding="utf-8")
    graph.close()
    over_budget = total >= TOTAL_BUDGET_S or (slowest is not None and slowest[1] >= CHECK_BUDGET_S)
    return 1 if over_budget else 0


if __name__ == "__main__":
    raise SystemExit(main())
