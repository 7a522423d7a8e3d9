"""Crawl history costs on the L tier: storage per kept crawl and `archmodel diff` time.

Loads an L crawl, then a changed copy of it (archmodel/synth/recrawl.py: body links dropped,
pages 404ing, new orphan pages), on a dedicated local server, and measures the store size
(`databases/neo4j` on disk) after each load, the time of `archmodel diff` with findings (every
check run on both crawls, as when neither crawl was audited before), again once both crawls'
check results are stored (archmodel/packs/stored.py: the usual case, `run` after each load), and
with `--no-checks` (pages and links only); the two diffs with findings must give the same rows. Results go to
bench/results/history.json and history.md.

    .venv/bin/python bench/history.py [--crawl DIR] [--keep-server]
    .venv/bin/python bench/run.py --history      # the same, after the tiers

Heap and page cache: ARCHMODEL_BENCH_HEAP / ARCHMODEL_BENCH_PAGECACHE (default 3g / 2g).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from archmodel.db import server  # noqa: E402
from archmodel.db.connection import ConnectionSettings, connect  # noqa: E402
from archmodel.synth.recrawl import random_changes, write_recrawl  # noqa: E402

WORK = BENCH / "work"
RESULTS = BENCH / "results"
PORT = int(os.environ.get("ARCHMODEL_BENCH_PORT", "7696"))
DIFF_TARGET_S = 60
CHANGES = {"links": 2000, "errors": 50, "new": 50}


def log(message: str) -> None:
    print(f"[history {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def store_mb(data_dir: Path) -> float:
    store = next((p for p in data_dir.rglob("databases/neo4j") if p.is_dir()), None)
    if store is None:
        return 0.0
    return sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6


def run_cli(settings: ConnectionSettings, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "NEO4J_URI": settings.uri}
    if settings.password is not None:
        env["NEO4J_PASSWORD"] = settings.password.get_secret_value()
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "archmodel", *args], env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"archmodel {' '.join(args)} failed: {result.stderr.strip()[-800:]}")
    return seconds, result


def synth_l(folder: Path) -> Path:
    if not (folder / "all_inlinks.csv").exists():
        log(f"synth L into {folder}")
        subprocess.run([sys.executable, "-m", "archmodel", "synth", "--pages", "100000", "-o", str(folder), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crawl", type=Path, default=WORK / "tiers" / "L-history", help="An L-tier crawl folder.")
    parser.add_argument("--keep-server", action="store_true")
    parser.add_argument("--diff-only", action="store_true",
                        help="Keep the two crawls loaded by an earlier run and its load and storage figures; time the diffs again.")
    args = parser.parse_args(argv)
    first = args.crawl if args.diff_only else synth_l(args.crawl)
    second = args.crawl.parent / (args.crawl.name + "-recrawl")
    if not args.diff_only and not (second / "all_inlinks.csv").exists():
        log("writing the changed re-crawl")
        write_recrawl(first, second, random_changes(first, CHANGES["links"], CHANGES["errors"], CHANGES["new"]))

    data_dir = WORK / "neo4j-history"
    if not args.diff_only:
        # a new store: Neo4j reuses the space of deleted records without shrinking its files, so
        # the size a crawl adds is only measurable from an empty store
        server.stop(PORT)
        shutil.rmtree(data_dir, ignore_errors=True)
    server.start(port=PORT, data_dir=data_dir, heap=os.environ.get("ARCHMODEL_BENCH_HEAP", "3g"),
                 pagecache=os.environ.get("ARCHMODEL_BENCH_PAGECACHE", "2g"), log=log)
    settings = ConnectionSettings.resolve(uri=f"bolt://127.0.0.1:{PORT}")
    result: dict[str, Any] = {}
    earlier = json.loads((RESULTS / "history.json").read_text()) if args.diff_only else {}
    try:
        sizes, loads = earlier.get("store_mb", []), earlier.get("load_s", [])
        if not args.diff_only:
            sizes = [store_mb(data_dir)]
        for folder in () if args.diff_only else (first, second):
            log(f"load {folder}")
            seconds, _ = run_cli(settings, "load", str(folder), "--site", str(folder / "site.yml"),
                                 "--sitemap", str(folder / "sitemap.xml"))
            loads.append(round(seconds, 1))
            time.sleep(5)
            sizes.append(store_mb(data_dir))
        graph = connect(settings)
        graph.write("MATCH (r:CheckResult) DELETE r")
        graph.close()
        log("diff --no-checks")
        links_s, quick = run_cli(settings, "diff", "--no-checks", "--format", "json")
        log("diff with findings, no results stored yet (every check runs on both crawls)")
        cold_s, cold = run_cli(settings, "diff", "--format", "json")
        log("diff with findings, both crawls audited before (their stored check results are read)")
        full_s, full = run_cli(settings, "diff", "--format", "json")
        if json.loads(full.stdout) != json.loads(cold.stdout):
            raise RuntimeError("the diff read from stored check results differs from the one that ran the checks")
        rows = json.loads(full.stdout)
        counts: dict[str, int] = {}
        for row in rows:
            key = f"{row['section']} {row['change']}"
            counts[key] = counts.get(key, 0) + 1
        result = {
            "machine": f"{platform.node()}: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB "
                       f"(1-min load average {os.getloadavg()[0]:.1f} when the diffs ended)",
            "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "heap": os.environ.get("ARCHMODEL_BENCH_HEAP", "3g"),
            "pagecache": os.environ.get("ARCHMODEL_BENCH_PAGECACHE", "2g"),
            "changes": CHANGES,
            "load_s": loads,
            "loads_measured_at": earlier.get("loads_measured_at", earlier.get("measured_at")) if args.diff_only else None,
            "store_mb": [round(s, 1) for s in sizes],
            "store_mb_first_crawl": round(sizes[1] - sizes[0], 1),
            "store_mb_second_crawl_kept": round(sizes[2] - sizes[1], 1),
            "diff_no_checks_s": round(links_s, 1),
            "diff_cold_s": round(cold_s, 1),
            "diff_s": round(full_s, 1),
            "diff_target_s": DIFF_TARGET_S,
            "diff_rows": counts,
            "diff_summary": full.stderr.strip().splitlines()[-1] if full.stderr.strip() else "",
        }
    finally:
        if not args.keep_server:
            server.stop(PORT)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "history.json").write_text(json.dumps(result, indent=2) + "\n")
    verdict = "met" if result["diff_s"] < DIFF_TARGET_S else "MISSED"
    loads_note = f" (loaded {result['loads_measured_at']}, a busier machine)" if result.get("loads_measured_at") else ""
    text = (
        f"# Crawl history on L ({result['measured_at']}, {result['machine']})\n\n"
        f"| measure | value |\n|---|---:|\n"
        f"| load, first / second crawl s{loads_note} | {result['load_s'][0]} / {result['load_s'][1]} |\n"
        f"| store MB: empty / one crawl / two crawls kept | {' / '.join(str(s) for s in result['store_mb'])} |\n"
        f"| store MB added by the second kept crawl | {result['store_mb_second_crawl_kept']} |\n"
        f"| `diff --no-checks` s (pages, links, movers) | {result['diff_no_checks_s']} |\n"
        f"| `diff` s, findings of both crawls computed now (no `run` before) | {result['diff_cold_s']} |\n"
        f"| `diff` s, both crawls audited before (stored check results) | {result['diff_s']} ({verdict}, target < {DIFF_TARGET_S}) |\n\n"
        f"Diff rows: {json.dumps(result['diff_rows'])}\n\n{result['diff_summary']}\n"
    )
    (RESULTS / "history.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
