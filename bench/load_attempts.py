"""Ways to write links faster, measured side by side on one tier in one run (issue 12).

Each attempt is the real loader (`load_crawl`, in this process) with its link writer swapped for
a variant; every attempt starts from an empty database, and Neo4j's own LOAD CSV of the same
files runs last in the same run as the yardstick. The figures go to bench/results/attempts.md
(appended, with the time and machine) including the attempts that did not help.

    .venv/bin/python bench/load_attempts.py [--tier M] [--attempts baseline,one-writer,...] [--shared TEXT]

An attempt may be named twice (e.g. baseline first and last) to see the run-to-run spread.

Attempts (all but `bulk` on the Bolt path, `--writer bolt`):
  baseline         two background writer threads, UNWIND batches of 10,000 rows (the loader)
  bulk             the server extension's bulk path (archmodel/db/bulk.py), batches of 20,000
  one-writer       one writer thread taking the batches (the loader before two: the export is
                   grouped by source page, so two threads' batches rarely share a source node)
  concurrent-tx    each batch as `CALL { ... } IN CONCURRENT TRANSACTIONS OF 2,500 ROWS`
  no-anchor-facts  links without anchor_key/names (what storing the anchor facts once per
                   distinct anchor would save at most; the checks read them, so this is a bound,
                   not a loader that could ship)
  batch-50k        UNWIND batches of 50,000 rows instead of 10,000
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from archmodel.db import server  # noqa: E402
from archmodel.db.bulk import WritePath  # noqa: E402
from archmodel.ingest import loader as loader_module  # noqa: E402
from loading import load_csv, wipe  # noqa: E402
from run import DATA_DIR, PORT, RESULTS, log, start_bench_server, synth  # noqa: E402

class OneWriter(loader_module.GenerationWriter):
    writer_threads = 1


class ConcurrentTx(loader_module.GenerationWriter):
    def write_links(self, rows: list[list]) -> None:
        self.graph.run_autocommit(
            f"UNWIND $rows AS r CALL (r) {{ {loader_module.LINK_CREATE} }} IN CONCURRENT TRANSACTIONS OF 2500 ROWS",
            {"rows": rows},
        )


class NoAnchorFacts(loader_module.GenerationWriter):
    def submit_links(self, rows: list[list]) -> None:
        super().submit_links([row[:8] + ["", [], None] for row in rows])


ATTEMPTS = {
    "baseline": (loader_module.GenerationWriter, loader_module.DEFAULT_BATCH, WritePath.bolt),
    "bulk": (loader_module.GenerationWriter, loader_module.DEFAULT_BATCH, WritePath.bulk),
    "one-writer": (OneWriter, loader_module.DEFAULT_BATCH, WritePath.bolt),
    "concurrent-tx": (ConcurrentTx, loader_module.DEFAULT_BATCH, WritePath.bolt),
    "no-anchor-facts": (NoAnchorFacts, loader_module.DEFAULT_BATCH, WritePath.bolt),
    "batch-50k": (loader_module.GenerationWriter, 50_000, WritePath.bolt),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", default="M")
    parser.add_argument("--attempts", default="baseline,two-writers,concurrent-tx,no-anchor-facts")
    parser.add_argument("--no-load-csv", action="store_true")
    parser.add_argument("--shared", default="shared with other work",
                        help="What else used the machine during the run, for the results line.")
    args = parser.parse_args(argv)
    folder = synth(args.tier)
    _, graph = start_bench_server()
    rows = []
    original = loader_module.GenerationWriter
    try:
        log("warm-up: one unmeasured S-tier load, so the JVM and query plans are warm for the first attempt")
        wipe(graph)
        loader_module.load_crawl(graph, [synth("S")], site_model=synth("S") / "site.yml")
        for name in [a.strip() for a in args.attempts.split(",") if a.strip()]:
            writer, batch, path = ATTEMPTS[name]
            wipe(graph)
            loader_module.GenerationWriter = writer
            log(f"{args.tier}: {name}")
            started = time.monotonic()
            result = loader_module.load_crawl(graph, [folder], site_model=folder / "site.yml", batch_size=batch,
                                              write_path=path)
            seconds = time.monotonic() - started
            loader_module.GenerationWriter = original
            rows.append((name, seconds, result.links, result.phases.get("links", 0.0)))
            log(f"{name}: {seconds:.1f} s, links phase {result.phases.get('links', 0.0):.1f} s")
        if not args.no_load_csv:
            wipe(graph)
            log(f"{args.tier}: LOAD CSV")
            baseline = load_csv(graph, folder, DATA_DIR / "import")
            rows.append(("LOAD CSV (server-side)", baseline.seconds, baseline.links, None))
        wipe(graph)
    finally:
        loader_module.GenerationWriter = original
        graph.close()
        server.stop(PORT)
    csv_s = next((s for n, s, _, _ in rows if n.startswith("LOAD CSV")), None)
    lines = [
        "",
        f"### {args.tier} tier, {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        "",
        f"{platform.node()}: {psutil.cpu_count()} cores, {args.shared} (load average "
        f"{os.getloadavg()[0]:.1f} at the end), server heap {os.environ.get('ARCHMODEL_BENCH_HEAP', '5g')}.",
        "",
        "| attempt | load s | links | links/s | links phase s | ratio to LOAD CSV |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, seconds, links, phase in rows:
        ratio = f"{seconds / csv_s:.2f}" if csv_s else ""
        lines.append(f"| {name} | {seconds:.1f} | {links:,} | {links / seconds:,.0f} | "
                     f"{'' if phase is None else f'{phase:.1f}'} | {ratio} |")
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / "attempts.md"
    if not target.exists():
        target.write_text("# Load attempts (bench/load_attempts.py)\n\nEach run appends a table; see the docstring "
                          "of bench/load_attempts.py for what each attempt changes.\n")
    with target.open("a") as handle:
        handle.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
