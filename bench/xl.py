"""The XL tier (1M pages, 42.6M links) end to end, once: load, every check, report, map, init.

`bench/run.py --xl` would also run PROFILE on every check, a second report and LOAD CSV, which on
this tier take longer than the rest together; this runs what a user runs on a site of that size,
each step as a child process with its wall time and peak resident memory, and compares each load
phase's cost per link with the L tier of bench/results/latest.json (issue 23: within 1.2 times).
Results: bench/results/end-to-end-XL.json and .md (`--tier S` tries the script on a small tier).

    .venv/bin/python bench/xl.py [--tier XL] [--skip-init] [--keep-server]

It starts the benchmark server on an empty store (bench/work/neo4j is removed first: emptying an
XL graph through Cypher takes longer than loading it). The server's heap and page cache come
from ARCHMODEL_BENCH_HEAP and ARCHMODEL_BENCH_PAGECACHE (bench/run.py). Generating the tier (`archmodel synth --pages 1000000`)
takes about 40 minutes and 15 GB of disk the first time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from archmodel.db import server  # noqa: E402
from bench_packs import time_checks  # noqa: E402
from loading import run_watched  # noqa: E402
from run import (  # noqa: E402
    PORT, RESULTS, WORK, cli_env, log, measured_load, render_seconds, report_phases, start_fresh_bench_server, synth,
)

PHASE = re.compile(r"(\w+) ([\d.]+) s")
PER_LINK_BOUND = 1.2  # issue 23: every phase's cost per link on XL within 1.2 times L's


def phases(line: str) -> dict[str, float]:
    """{"prepare": 1.2, "pages": 17.9, ...} from the "Time by phase" line of `archmodel load`."""
    return {name: float(seconds) for name, seconds in PHASE.findall(line or "")}


def per_link_ratios(xl: dict[str, Any], l_tier: dict[str, Any]) -> dict[str, float | None]:
    """Each load phase's seconds per link on XL over the same on L (None when L spent ~0 s)."""
    xl_phases, l_phases = phases(xl["load_phases"]), phases(l_tier["load_phases"])
    ratios: dict[str, float | None] = {}
    for name, seconds in xl_phases.items():
        base = l_phases.get(name)
        ratios[name] = (None if not base or base < 0.5
                        else round((seconds / xl["links"]) / (base / l_tier["links"]), 2))
    ratios["total"] = round(xl["load_us_per_link"] / l_tier["load_us_per_link"], 2)
    return ratios


def cli_step(settings: Any, name: str, *args: str) -> dict[str, Any]:
    """One `archmodel` command, its time and peak memory; a failure is recorded, not raised."""
    log(f"{name}")
    run = run_watched([sys.executable, "-m", "archmodel", *args], cli_env(settings))
    step = {"seconds": round(run.seconds, 1), "peak_rss_mb": round(run.peak_rss_mb), "exit": run.returncode}
    if run.returncode not in (0, 1):
        step["error"] = run.err.strip()[-800:]
    log(f"{name} {run.seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB, exit {run.returncode}")
    return step | {"stderr": run.err}


def markdown(result: dict[str, Any]) -> str:
    load, ratios = result["load"], result.get("per_link_over_l", {})
    lines = [
        f"{result['tier']} end to end (`bench/xl.py`), measured {result['measured_at']} on {result['machine']}; "
        f"server heap {result['heap']}, page cache {result['pagecache']}; 1-min load average "
        f"{result['load_average_at_start']} when it started, {result['load_average_at_end']} when it ended.",
        "",
        f"Load: {load['pages']:,} pages, {load['links']:,} links in {load['load_s']} s "
        f"({load['load_links_per_s']:,} links/s, {load['load_us_per_link']} µs per link, {load['load_writer']} path), "
        f"peak RSS of the `archmodel` process {load['peak_rss_mb']} MB.",
        "",
        f"By phase: {load['load_phases']}.",
        "",
        f"Peak memory of the process (MB), so far after set-up and each phase: {load.get('load_peak_memory_mb', '')}.",
        "",
        f"| load phase | {result['tier']} s per link over L's | within 1.2 |",
        "|---|---:|---|",
    ]
    for name, ratio in ratios.items():
        verdict = "" if ratio is None else ("yes" if ratio <= PER_LINK_BOUND else "NO")
        lines.append(f"| {name} | {'' if ratio is None else ratio} | {verdict} |")
    lines += ["", "| step | s | peak RSS MB | exit |", "|---|---:|---:|---:|"]
    for name, step in result["steps"].items():
        lines.append(f"| {name} | {step['seconds']} | {step.get('peak_rss_mb', '')} | {step.get('exit', '')} |")
    if result.get("packs_total_s") is not None:
        lines += ["", f"Checks, one at a time as the runner runs them: {result['packs_total_s']} s in all; "
                  f"slowest {result['slowest_check']} {result['slowest_check_s']} s.", ""]
        lines += ["| check | s | findings |", "|---|---:|---:|"]
        lines += [f"| {t['check']} | {t['seconds']:.1f} | {t['findings']} |"
                  for t in sorted(result["checks"], key=lambda t: -(t["seconds"] or 0))[:10]]
    if result.get("report_phases"):
        lines += ["", f"Report: {result['report_phases']}; {result.get('report_mb')} MB; drawn in Chromium in "
                  f"{result.get('render_s')} s."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", default="XL", help="another tier, to try this script quickly")
    parser.add_argument("--skip-init", action="store_true", help="leave out `archmodel init` on the tier")
    parser.add_argument("--keep-server", action="store_true")
    args = parser.parse_args(argv)

    latest = json.loads((RESULTS / "latest.json").read_text())
    l_tier = next(t for t in latest["tiers"] if t["tier"] == "L")
    folder = synth(args.tier)
    result: dict[str, Any] = {
        "tier": args.tier,
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.node()}: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB",
        "heap": os.environ.get("ARCHMODEL_BENCH_HEAP", "5g"),
        "pagecache": os.environ.get("ARCHMODEL_BENCH_PAGECACHE", "3g"),
        "load_average_at_start": round(os.getloadavg()[0], 1),
        "l_reference": {"measured_at": latest["measured_at"], "load_phases": l_tier["load_phases"]},
        "steps": {},
    }
    out = WORK / "out" / args.tier
    out.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        result["load_average_at_end"] = round(os.getloadavg()[0], 1)
        RESULTS.mkdir(parents=True, exist_ok=True)
        stored = {**result, "steps": {k: {f: v for f, v in s.items() if f != "stderr"}
                                      for k, s in result["steps"].items()}}
        (RESULTS / f"end-to-end-{args.tier}.json").write_text(json.dumps(stored, indent=2) + "\n")
        (RESULTS / f"end-to-end-{args.tier}.md").write_text(markdown(stored))

    settings, graph = start_fresh_bench_server()
    try:
        load, _ = measured_load(args.tier, settings, graph)
        result["load"] = load
        result["per_link_over_l"] = per_link_ratios(load, l_tier)
        result["steps"]["load"] = {"seconds": load["load_s"], "peak_rss_mb": load["peak_rss_mb"], "exit": 0}
        save()

        log(f"{args.tier}: every check, one at a time")
        started = time.monotonic()
        timings = time_checks(graph, None, profile=False)
        ran = [t for t in timings if t["seconds"] is not None]
        slowest = max(ran, key=lambda t: t["seconds"])
        result.update(packs_total_s=round(sum(t["seconds"] for t in ran), 1), checks=timings,
                      slowest_check=slowest["check"], slowest_check_s=round(slowest["seconds"], 1))
        result["steps"]["checks"] = {"seconds": round(time.monotonic() - started, 1)}
        save()

        report = out / "report.html"
        step = cli_step(settings, "report", "report", "-o", str(report))
        result["steps"]["report"] = step
        result["report_phases"] = report_phases(step["stderr"])
        if report.exists() and step["exit"] in (0, 1):
            result["report_mb"] = round(report.stat().st_size / 2**20, 1)
            result["render_s"] = round(render_seconds(report), 1)
        save()

        result["steps"]["map"] = cli_step(settings, "map", "map", "--view", "clusters", "-o", str(out / "map.html"))
        save()
    finally:
        graph.close()
        if not args.keep_server:
            server.stop(PORT)

    if not args.skip_init:
        result["steps"]["init"] = cli_step(settings, "init (parse and infer, no server)", "init", "--from",
                                           str(folder), "-o", str(out / "site.yml"), "--force")
    save()
    print((RESULTS / f"end-to-end-{args.tier}.md").read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
