"""`make bench`: every target of targets.md measured in one run, side by side with its baseline.

For each tier (S, M, L from `archmodel synth`, deterministic by seed) on a dedicated local server:
load throughput and peak memory of `archmodel load`; every check's time and database hits; report
and map time, size and render time in headless Chromium. On M (and L for LOAD CSV) the baselines
run in the same process on the same files: the naive one-MERGE-per-row loader and Neo4j's own
server-side LOAD CSV. Results go to bench/results/latest.json and latest.md.

    .venv/bin/python bench/run.py [--tiers S,M,L] [--xl] [--naive-links 20000] [--keep-server] [--history]
    .venv/bin/python bench/run.py --tiers XL --load-only   # only the loads: bench/results/load-XL.md

Per tier it prints the time per link and the peak memory per page of the load (the scaling
curve: both should stay flat from S to L), and the report's time split by phase as the report
command prints it. `--xl` adds the XL tier (1M pages, about 40M links): heavy, run it only on a
machine with the time and memory to spare.
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
sys.path.insert(0, str(BENCH))

from archmodel.db import server  # noqa: E402
from archmodel.db.connection import ConnectionSettings, Graph, connect  # noqa: E402
from bench_packs import time_checks  # noqa: E402
from loading import LoadRun, archmodel_load, load_csv, naive_load, wipe  # noqa: E402

TIERS = {"S": 1_000, "M": 10_000, "L": 100_000, "XL": 1_000_000}
SEED = 7
WORK = BENCH / "work"
RESULTS = BENCH / "results"
PORT = int(os.environ.get("ARCHMODEL_BENCH_PORT", "7696"))
DATA_DIR = WORK / "neo4j"  # the benchmark server's store; LOAD CSV reads from its import/ folder

TARGETS = {
    "load_links_per_s": (">=", 100_000),
    "naive_speedup_m": (">=", 50),
    "load_csv_ratio": ("<=", 0.5),
    "load_per_link_l_over_m": ("<=", 1.0),
    "peak_rss_mb": ("<", 1024),
    "packs_total_s": ("<", 60),
    "slowest_check_s": ("<", 10),
    "report_s": ("<", 60),
    "report_stored_s": ("<", 60),
    "report_mb": ("<", 15),
    "render_s": ("<", 5),
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def synth(tier: str) -> Path:
    folder = WORK / "tiers" / f"{tier}-{SEED}"
    if (folder / "site.yml").exists() and (folder / "all_inlinks.csv").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"synth {tier}: {TIERS[tier]:,} pages")
    subprocess.run(
        [sys.executable, "-m", "archmodel", "synth", "--pages", str(TIERS[tier]), "-o", str(folder), "--seed", str(SEED)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return folder


def cli_env(settings: ConnectionSettings) -> dict[str, str]:
    env = {**os.environ, "NEO4J_URI": settings.uri}
    if settings.password is not None:
        env["NEO4J_PASSWORD"] = settings.password.get_secret_value()
    return env


def timed_cli(settings: ConnectionSettings, *args: str) -> tuple[float, str]:
    """Seconds and standard error of one CLI run."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "archmodel", *args], env=cli_env(settings),
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"archmodel {' '.join(args)} failed: {result.stderr.strip()[-500:]}")
    return time.monotonic() - started, result.stderr


def report_phases(stderr: str) -> str:
    """The "Report in ... s: checks ..., graph reads ..." line the report command logs."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip().startswith("Report in ")]
    return lines[-1] if lines else ""


def render_seconds(html: Path) -> float:
    """Time until the report's figures are drawn in headless Chromium, no console errors allowed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        started = time.monotonic()
        page.goto(html.as_uri(), wait_until="load", timeout=120_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].length > 0 && "
            "[...document.querySelectorAll('.js-plotly-plot')].every(d => d._fullData && d._fullData.length > 0)",
            timeout=120_000,
        )
        seconds = time.monotonic() - started
        browser.close()
    if errors:
        raise RuntimeError(f"console errors while rendering {html.name}: {errors[:3]}")
    return seconds


def start_bench_server() -> tuple[ConnectionSettings, Graph]:
    """The dedicated benchmark server (DATA_DIR) and a connection to it."""
    server.start(port=PORT, data_dir=DATA_DIR, heap=os.environ.get("ARCHMODEL_BENCH_HEAP", "5g"),
                 pagecache=os.environ.get("ARCHMODEL_BENCH_PAGECACHE", "3g"), log=log)
    settings = ConnectionSettings.resolve(uri=f"bolt://127.0.0.1:{PORT}")
    return settings, connect(settings)


def start_fresh_bench_server() -> tuple[ConnectionSettings, Graph]:
    """The benchmark server on an empty store. Emptying a store that holds an earlier XL load takes
    Cypher longer than loading it (more than 16 minutes for 42M links); the store is the
    benchmark's own, so it starts anew."""
    server.stop(PORT)
    if DATA_DIR.exists():
        log(f"removing the benchmark store {DATA_DIR}")
        shutil.rmtree(DATA_DIR)
    return start_bench_server()


def measured_load(tier: str, settings: ConnectionSettings, graph: Graph, bolt_too: bool = False
                  ) -> tuple[dict[str, Any], LoadRun]:
    """`archmodel load` of the tier into an emptied database: its figures as a result row, and the
    run. With `bolt_too`, the same load on the Bolt path (`--writer bolt`) first, in the same run."""
    folder = synth(tier)
    extra: dict[str, Any] = {}
    if bolt_too:
        wipe(graph)
        log(f"{tier}: archmodel load --writer bolt")
        bolt = archmodel_load(settings, folder, "bolt")
        log(f"{tier}: bolt path {bolt.links:,} links in {bolt.seconds:.1f} s ({bolt.phases})")
        extra = {"bolt_load_s": round(bolt.seconds, 2), "bolt_links_per_s": round(bolt.links_per_s),
                 "bolt_load_phases": bolt.phases}
    wipe(graph)
    log(f"{tier}: archmodel load")
    run = archmodel_load(settings, folder)
    log(f"{tier}: {run.links:,} links in {run.seconds:.1f} s = {run.links_per_s:,.0f} links/s on the {run.writer} "
        f"path, peak {run.peak_rss_mb:.0f} MB ({run.phases})")
    return {"tier": tier, "pages": run.pages, "links": run.links, "load_s": round(run.seconds, 2),
            "load_links_per_s": round(run.links_per_s), "peak_rss_mb": round(run.peak_rss_mb, 1),
            "load_us_per_link": round(run.seconds / max(run.links, 1) * 1e6, 2),
            "rss_kb_per_page": round(run.peak_rss_mb * 1024 / max(run.pages, 1), 2), "load_phases": run.phases,
            "load_peak_memory_mb": run.peak_memory, "load_writer": run.writer, **extra}, run


def bench_tier(tier: str, settings: ConnectionSettings, graph: Graph, naive_links: int, bolt_too: bool
               ) -> dict[str, Any]:
    result, run = measured_load(tier, settings, graph, bolt_too)
    folder = synth(tier)

    log(f"{tier}: packs")
    timings = time_checks(graph, None, profile=True)
    ran = [t for t in timings if t["seconds"] is not None]
    slowest = max(ran, key=lambda t: t["seconds"]) if ran else None
    result.update(
        packs_total_s=round(sum(t["seconds"] for t in ran), 2),
        slowest_check=slowest["check"] if slowest else None,
        slowest_check_s=round(slowest["seconds"], 3) if slowest else None,
        checks=timings,
    )

    out = WORK / "out" / tier
    out.mkdir(parents=True, exist_ok=True)
    log(f"{tier}: report")
    report = out / "report.html"
    report_s, report_err = timed_cli(settings, "report", "-o", str(report))
    result["report_s"] = round(report_s, 2)
    result["report_phases"] = report_phases(report_err)
    log(f"{tier}: report {report_s:.1f} s ({result['report_phases']})")
    log(f"{tier}: report again (the checks' results are now stored with the crawl, as after `archmodel run`)")
    warm_s, warm_err = timed_cli(settings, "report", "-o", str(out / "report-again.html"))
    result["report_stored_s"] = round(warm_s, 2)
    result["report_stored_phases"] = report_phases(warm_err)
    log(f"{tier}: report again {warm_s:.1f} s ({result['report_stored_phases']})")
    result["report_mb"] = round(report.stat().st_size / 2**20, 2)
    clusters = out / "map-clusters.html"
    result["map_s"] = round(timed_cli(settings, "map", "--view", "clusters", "-o", str(clusters))[0], 2)
    result["map_mb"] = round(clusters.stat().st_size / 2**20, 2)
    result["render_s"] = round(render_seconds(report), 2)
    result["map_render_s"] = round(render_seconds(clusters), 2)

    if tier in ("M", "L", "XL"):
        log(f"{tier}: LOAD CSV baseline")
        wipe(graph)
        baseline = load_csv(graph, folder, DATA_DIR / "import")
        result.update(load_csv_s=round(baseline.seconds, 2), load_csv_links=baseline.links,
                      load_csv_ratio=round(run.seconds / baseline.seconds, 2))
        wipe(graph)
    if tier == "M" and naive_links > 0:
        log(f"{tier}: naive loader on the first {naive_links:,} links")
        naive = naive_load(graph, folder, naive_links)
        result.update(naive_links=naive.links, naive_links_per_s=round(naive.links_per_s, 1),
                      naive_speedup=round(run.links_per_s / naive.links_per_s, 1))
        wipe(graph)
    return result


def verdict(key: str, value: Any) -> str:
    if key not in TARGETS or value is None:
        return ""
    op, bound = TARGETS[key]
    ok = {"<": value < bound, "<=": value <= bound, ">=": value >= bound}[op]
    return f"{'met' if ok else 'MISSED'} ({op} {bound:,})"


def markdown(latest: dict[str, Any], tiers: list[dict[str, Any]]) -> str:
    lines = [
        f"Measured {latest['measured_at']} on {latest['machine']} (1-min load average "
        f"{latest.get('load_average_at_end', '?')} when it ended).",
        "",
        "| tier | pages | links | load s | links/s | \u00b5s per link | peak RSS MB | KB per page | LOAD CSV s | "
        "packs s | slowest check s | report s | report s, checks stored | report MB | render s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in tiers:
        lines.append(
            f"| {t['tier']} | {t['pages']:,} | {t['links']:,} | {t['load_s']} | {t['load_links_per_s']:,} | "
            f"{t['load_us_per_link']} | {t['peak_rss_mb']} | {t['rss_kb_per_page']} | {t.get('load_csv_s', '')} | "
            f"{t['packs_total_s']} | {t['slowest_check_s']} | {t['report_s']} | {t.get('report_stored_s', '')} | "
            f"{t['report_mb']} | {t['render_s']} |"
        )
    lines += ["", "Load time by phase (as `archmodel load` logs it; `links` reads the inlinks export and writes the links):", ""]
    lines += [f"- {t['tier']} ({t.get('load_writer') or 'bolt'} path): {t.get('load_phases') or 'not logged'}"
              for t in tiers]
    bolt = [t for t in tiers if "bolt_load_s" in t]
    if bolt:
        lines += ["", "The same loads on the Bolt path (`--writer bolt`), in the same run:", ""]
        lines += [f"- {t['tier']}: {t['bolt_load_s']} s, {t['bolt_links_per_s']:,} links/s ({t['bolt_load_phases']})"
                  for t in bolt]
    lines += ["", "Report time by phase (as `archmodel report` logs it; the checks run alongside the reads and layout):", ""]
    lines += [f"- {t['tier']}: {t.get('report_phases') or 'not logged'}" for t in tiers]
    lines += ["", "Again, with the checks' results stored for the crawl (archmodel/packs/stored.py):", ""]
    lines += [f"- {t['tier']}: {t.get('report_stored_phases') or 'not logged'}" for t in tiers]
    lines += ["", "| target (targets.md) | measured | verdict |", "|---|---:|---|"]
    for key in TARGETS:
        if latest.get(key) is not None:
            lines.append(f"| `{key}` | {latest[key]} | {verdict(key, latest[key])} |")
    extra = {k: latest[k] for k in ("naive_links_per_s_m", "load_csv_s", "load_csv_s_m", "load_csv_ratio_m")
             if latest.get(k) is not None}
    if extra:
        lines += ["", "Baselines: " + ", ".join(f"`{k}` = {v}" for k, v in extra.items()) + "."]
    return "\n".join(lines) + "\n"


def loads_only(tiers: list[str], keep_server: bool) -> int:
    """Each tier's load alone, into an emptied database: the scaling curve without the rest."""
    settings, graph = start_fresh_bench_server()
    lines = [f"Loads only (`bench/run.py --load-only`), measured {datetime.now(timezone.utc).isoformat(timespec='seconds')} "
             f"on {platform.node()}: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB.", "",
             "| tier | pages | links | load s | links/s | \u00b5s per link | peak RSS MB | time by phase |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    results = []
    try:
        for tier in tiers:
            r, _ = measured_load(tier, settings, graph)
            results.append(r)
            lines.append(f"| {tier} | {r['pages']:,} | {r['links']:,} | {r['load_s']} | {r['load_links_per_s']:,} | "
                         f"{r['load_us_per_link']} | {r['peak_rss_mb']} | {r['load_phases']} |")
    finally:
        graph.close()
        if not keep_server:
            server.stop(PORT)
    name = "load-" + "-".join(tiers)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", default="S,M,L")
    parser.add_argument("--naive-links", type=int, default=20_000, help="0 leaves the naive loader out")
    parser.add_argument("--keep-server", action="store_true")
    parser.add_argument("--history", action="store_true", help="Also measure crawl history on L (bench/history.py).")
    parser.add_argument("--xl", action="store_true", help="also the XL tier (1M pages); heavy")
    parser.add_argument("--bolt", action="store_true",
                        help="Also time each tier's load on the Bolt path (--writer bolt) in the same run")
    parser.add_argument("--load-only", action="store_true",
                        help="Only `archmodel load` of each tier (time, phases, memory): bench/results/load-TIERS.md")
    args = parser.parse_args(argv)
    tiers = [t.strip().upper() for t in args.tiers.split(",") if t.strip()]
    if args.xl and "XL" not in tiers:
        tiers.append("XL")
    if args.load_only:
        return loads_only(tiers, args.keep_server)

    settings, graph = start_bench_server()
    results = []
    try:
        log("warm-up: one unmeasured S-tier load, so JVM, query plans and GDS are warm as on a server in use")
        wipe(graph)
        archmodel_load(settings, synth("S"))
        for tier in tiers:
            results.append(bench_tier(tier, settings, graph, args.naive_links, args.bolt))
    finally:
        graph.close()
        if not args.keep_server:
            server.stop(PORT)

    by_tier = {r["tier"]: r for r in results}
    main_tier = by_tier.get("L") or results[-1]
    per_link_ratio = None
    if "L" in by_tier and "M" in by_tier:
        per_link_ratio = round(by_tier["L"]["load_us_per_link"] / by_tier["M"]["load_us_per_link"], 2)
    latest: dict[str, Any] = {
        "machine": f"{platform.node()}: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
                   f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "load_average_at_end": round(os.getloadavg()[0], 1),
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tier": main_tier["tier"],
        "pages": main_tier["pages"],
        "links": main_tier["links"],
        "load_links_per_s": main_tier["load_links_per_s"],
        "peak_rss_mb": main_tier["peak_rss_mb"],
        "packs_total_s": main_tier["packs_total_s"],
        "slowest_check": main_tier["slowest_check"],
        "slowest_check_s": main_tier["slowest_check_s"],
        "report_s": main_tier["report_s"],
        "report_phases": main_tier.get("report_phases"),
        "report_stored_s": main_tier.get("report_stored_s"),
        "report_mb": main_tier["report_mb"],
        "render_s": main_tier["render_s"],
    }
    if per_link_ratio is not None:
        latest["load_per_link_l_over_m"] = per_link_ratio
    if "load_csv_ratio" in main_tier:
        latest["load_csv_ratio"] = main_tier["load_csv_ratio"]
        latest["load_csv_s"] = main_tier["load_csv_s"]
    if "M" in by_tier:
        m = by_tier["M"]
        latest["naive_speedup_m"] = m.get("naive_speedup")
        latest["naive_links_per_s_m"] = m.get("naive_links_per_s")
        latest["load_csv_ratio_m"] = m.get("load_csv_ratio")
        latest["load_csv_s_m"] = m.get("load_csv_s")
    latest["tiers"] = results
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(latest, indent=2) + "\n")
    table = markdown(latest, results)
    (RESULTS / "latest.md").write_text(table)
    print(table)
    if args.history:
        import history

        return history.main([])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
