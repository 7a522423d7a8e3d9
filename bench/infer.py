"""`archmodel init` measured: accuracy against hand-written models and labels, and time on the L tier.

Synthetic sites (archmodel.synth.schemes; each with a hand-written site.yml). "tuned": the
heuristics were tuned on it; "tuned after 1st": held out until its first measurement (kept in
bench/results/infer-heldout-*.md and infer-before-tuning-*.md), tuned on after it; "held out": never
tuned on (`ortho`, `womens-health`). Every site but the seed, publisher and ortho was written by
another developer than the heuristics' author, blind to them.
For each: precision and recall of specialties, conditions, providers, locations, synonyms, stage
pages, provider-condition pairs and related pairs (archmodel.infer.score), and, on a real Neo4j,
how many of the findings the packs give with the hand-written model they also give with the
inferred one, and how many extra.

Real public crawl exports, labelled by hand in tests/data/real_labels/ (the exports themselves are
not in the repository: each label file names its source repository, path and commit; put the
files in `--real DIR/<name>/`): lightchiro-sg and plasticsurgery-nj were tuned on, desertspine,
sehasave and smhdental held out until their first measurement and tuned on after it
(bench/results/infer-heldout-smhdental-dembitskyi-first.md and the files it follows), dembitskyi
held out (never tuned on); five non-medical or near-empty controls check that init says "no
medical structure" instead of inventing entities. Sites whose files are absent are listed as skipped.

Then `archmodel init` (parse + infer, no server) on an L-tier crawl (`archmodel synth --pages
100000`), in a child process for its wall time and peak memory.
Results: bench/results/infer.json and infer.md.

    .venv/bin/python bench/infer.py [--real DIR] [--l-tier DIR] [--skip-l] [--no-findings] [--uri bolt://...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from archmodel.db import server  # noqa: E402
from archmodel.db.connection import ConnectionSettings, connect  # noqa: E402
from archmodel.infer.measure import measure_labelled, measure_site  # noqa: E402
from archmodel.synth import schemes  # noqa: E402

RESULTS = BENCH / "results"
PORT = int(os.environ.get("ARCHMODEL_BENCH_PORT", "7696"))
SITES = [("seed", "tuned"), ("publisher", "tuned"), ("wordpress", "tuned"), ("bilingual", "tuned"),
         ("portuguese", "tuned"), ("library", "tuned after 1st"), ("serviceline", "tuned after 1st"),
         ("academic", "tuned after 1st"), ("dental", "tuned after 1st"), ("pediatric-network", "tuned after 1st"),
         ("physio", "tuned after 1st"), ("hospital-mayo-style", "tuned after 1st"), ("ortho", "held out"),
         ("womens-health", "held out")]
REAL = [("lightchiro-sg", "tuned"), ("plasticsurgery-nj", "tuned"), ("desertspine", "tuned after 1st"),
        ("sehasave", "tuned after 1st"), ("smhdental", "tuned after 1st"), ("dembitskyi", "held out"),
        ("drdiomar", "control"), ("squareone", "control"), ("nutrisport", "control"), ("davidsonhomes", "control"),
        ("clearviewlibrary", "control")]
LABELS = BENCH.parent / "tests" / "data" / "real_labels"
ASPECTS = ["specialties", "conditions", "providers", "locations", "synonyms", "stage pages", "provider-condition pairs",
           "related pairs"]
REAL_ASPECTS = ["conditions", "stage pages", "providers", "locations", "specialties"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def site_folder(name: str, work: Path) -> Path:
    if name == "seed":
        return BENCH.parent / "seed_data"
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    schemes.generate(name, folder)
    return folder


def l_tier(folder: Path | None, work: Path) -> dict[str, Any]:
    if folder is None:
        folder = work / "L"
        log("generating the L tier (archmodel synth --pages 100000) ...")
        subprocess.run([sys.executable, "-m", "archmodel", "synth", "--pages", "100000", "-o", str(folder), "--force"], check=True)
    code = ("import resource,sys,time; from pathlib import Path; from archmodel.infer.pipeline import propose; "
            "t=time.perf_counter(); text, m = propose([Path(sys.argv[1])], Path(sys.argv[2])); "
            "Path(sys.argv[2]).write_text(text); "
            "print(time.perf_counter()-t, m.pages, len(m.conditions), len(m.providers), len(m.specialties), "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = work / "L.site.yml"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(folder), str(out)], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    # the child reports its own peak: RUSAGE_CHILDREN would also count the Neo4j server this bench stopped
    inner, pages, conditions, providers, specialties, peak_kb = done.stdout.split()
    peak = int(peak_kb) / 1024
    return {"pages": int(pages), "wall_s": round(wall, 1), "parse_and_infer_s": round(float(inner), 1),
            "peak_rss_mb": round(peak), "conditions": int(conditions), "providers": int(providers),
            "specialties": int(specialties), "target_s": 60, "met": wall < 60}


def markdown(result: dict[str, Any]) -> str:
    lines = ["# `archmodel init`: inference measured", "", f"Measured {result['measured_at']} on {result['machine']}.",
             "The machine was shared with other work; times are noisy.", "",
             "## Model against the hand-written site.yml (precision / recall)", "",
             "| site | tuned? | " + " | ".join(ASPECTS) + " |", "|---|---|" + "---|" * len(ASPECTS)]
    for site in result["sites"]:
        cells = [f"{site['scores'][a]['precision']:.0%} / {site['scores'][a]['recall']:.0%}" for a in ASPECTS]
        lines.append(f"| {site['site']} | {site['tuning']} | " + " | ".join(cells) + " |")
    if result.get("real"):
        lines += ["", "## Real public exports against hand labels (precision / recall; found/labelled)", "",
                  "| export | tuned? | links | " + " | ".join(REAL_ASPECTS) + " | says |", "|---|---|---|" + "---|" * len(REAL_ASPECTS) + "---|"]
        for site in result["real"]:
            if "scores" not in site:
                lines.append(f"| {site['site']} | {site['tuning']} | | " + " | ".join("" for _ in REAL_ASPECTS) + f" | {site['skipped']} |")
                continue
            cells = [_cell(site["scores"][a]) for a in REAL_ASPECTS]
            says = "no medical structure" if site["why_no_medical"] else ""
            lines.append(f"| {site['site']} | {site['tuning']} | {'no' if site['without_links'] else 'yes'} | "
                         + " | ".join(cells) + f" | {says} |")
    if any("findings" in s for s in result["sites"]):
        lines += ["", "## Findings of all packs: inferred model against hand-written model", "",
                  "| site | tuned? | with hand-written | with inferred | found of hand-written | extra |", "|---|---|---|---|---|---|"]
        for site in result["sites"]:
            f = site.get("findings")
            if f:
                lines.append(f"| {site['site']} | {site['tuning']} | {f['hand_written']} | {f['inferred']} | "
                             f"{f['both']} ({f['found_share']:.0%}) | {f['extra']} ({f['extra_share']:.0%}) |")
        lines += ["", "Missed (by check):", ""]
        for site in result["sites"]:
            if site.get("findings"):
                lines.append(f"- {site['site']}: " + (", ".join(f"{k} {v}" for k, v in site["findings"]["missed_by_check"].items()) or "none"))
    if result.get("l_tier"):
        lt = result["l_tier"]
        lines += ["", "## `archmodel init` on the L tier (no server)", "",
                  f"{lt['pages']:,} pages: {lt['wall_s']} s wall ({lt['parse_and_infer_s']} s parse + infer), "
                  f"peak memory {lt['peak_rss_mb']} MB; {lt['specialties']} specialties, {lt['conditions']} conditions, "
                  f"{lt['providers']} providers. Target: under {lt['target_s']} s: {'met' if lt['met'] else 'not met'}."]
    return "\n".join(lines) + "\n"


def _cell(score: dict[str, Any]) -> str:
    if not score["expected"] and not score["found"]:
        return "-"
    return f"{score['precision']:.0%} / {score['recall']:.0%} ({score['found']}/{score['expected']})"


def real_sites(folder: Path, work: Path) -> list[dict[str, Any]]:
    out = []
    for name, tuning in REAL:
        export = folder / name
        if not export.is_dir():
            out.append({"site": name, "tuning": tuning, "skipped": f"not in {folder}"})
            continue
        log(f"{name}: inferring and scoring against the labels ...")
        out.append({"site": name, "tuning": tuning, **measure_labelled(export, LABELS / f"{name}.yml", work)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l-tier", type=Path, default=None, help="an existing `archmodel synth --pages 100000` folder")
    parser.add_argument("--skip-l", action="store_true")
    parser.add_argument("--real", type=Path, default=Path(os.environ.get("ARCHMODEL_REAL_EXPORTS", BENCH / "work" / "real")),
                        help="folder with one sub-folder of crawl files per labelled real export")
    parser.add_argument("--no-findings", action="store_true", help="model scores only (no Neo4j)")
    parser.add_argument("--uri", default=None, help="use this server instead of starting one on ARCHMODEL_BENCH_PORT")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="archmodel-infer-bench-"))
    graph = None
    started_server = False
    if not args.no_findings:
        uri = args.uri or f"bolt://127.0.0.1:{PORT}"
        if args.uri is None:
            server.start(port=PORT, heap=os.environ.get("ARCHMODEL_BENCH_HEAP", "1500m"),
                         pagecache=os.environ.get("ARCHMODEL_BENCH_PAGECACHE", "512m"), log=log)
            started_server = True
        graph = connect(ConnectionSettings.resolve(uri=uri))
    sites = []
    try:
        for name, tuning in SITES:
            log(f"{name}: inferring and scoring ...")
            folder = site_folder(name, work)
            measured = measure_site(folder, graph, work if name == "seed" else None)
            sites.append({"site": name, "tuning": tuning, **measured})
    finally:
        if graph is not None:
            graph.close()
        if started_server:
            server.stop(PORT)
    result: dict[str, Any] = {
        "machine": f"{platform.node()}: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
                   f"Python {platform.python_version()}",
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sites": sites,
        "real": real_sites(args.real, work),
    }
    if not args.skip_l:
        result["l_tier"] = l_tier(args.l_tier, work)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "infer.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "infer.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
