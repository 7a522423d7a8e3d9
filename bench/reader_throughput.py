"""Parse-only reader throughput: how fast the readers stream a crawl, without a server.

The validation added to the readers (encoding scan, structure checks, number checks, row
accounting) must not slow a load by more than 5% (issue 13). End-to-end load times on a shared
machine move by more than that from run to run, so this measures the part that changed, the
readers, alone: `open_inputs` on a synthetic crawl, then every page and link record streamed,
repeated, best and median of the runs reported. Run it on two commits side by side.

    .venv/bin/python bench/reader_throughput.py [--pages 10000] [--repeat 5] [--dir /tmp/i13-M] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from archmodel.ingest.inputs import open_inputs  # noqa: E402
from archmodel.ingest.sitemodel import load_site_model  # noqa: E402


def ensure_crawl(folder: Path, pages: int, seed: int) -> None:
    if (folder / "site.yml").is_file():
        return
    subprocess.run(
        [sys.executable, "-m", "archmodel", "synth", "--pages", str(pages), "-o", str(folder), "--seed", str(seed), "--force"],
        check=True,
    )


def one_pass(folder: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, pages, links) for opening the inputs and streaming every record once.

    CPU time of this process is the steadier figure on a shared machine: other processes
    lengthen the wall time, not the work the readers do."""
    model = load_site_model(folder / "site.yml")
    crawl_files = [p for p in sorted(folder.iterdir()) if p.suffix == ".csv" and p.parent == folder]
    crawl_files = [p for p in crawl_files if p.resolve() not in {c.resolve() for c in model.csv_files}]
    started, cpu = time.perf_counter(), time.process_time()
    crawl = open_inputs(crawl_files, model.normaliser)
    pages = sum(1 for _ in crawl.pages())
    links = sum(1 for _ in crawl.links())
    return time.perf_counter() - started, time.process_time() - cpu, pages, links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/archmodel-reader-bench"))
    parser.add_argument("--json", type=Path, default=None, help="Append the result as one JSON line to FILE.")
    args = parser.parse_args(argv)
    ensure_crawl(args.dir, args.pages, args.seed)
    runs = [one_pass(args.dir) for _ in range(args.repeat)]
    seconds = [run[0] for run in runs]
    cpu = [run[1] for run in runs]
    _, _, pages, links = runs[0]
    commit = subprocess.run(["git", "-C", str(BENCH.parent), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    result = {
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "commit": commit,
        "host": platform.node(),
        "pages": pages,
        "links": links,
        "runs_s": [round(s, 3) for s in seconds],
        "best_s": round(min(seconds), 3),
        "median_s": round(statistics.median(seconds), 3),
        "links_per_s_best": round(links / min(seconds)),
        "cpu_runs_s": [round(s, 3) for s in cpu],
        "cpu_best_s": round(min(cpu), 3),
        "cpu_median_s": round(statistics.median(cpu), 3),
    }
    print(json.dumps(result))
    if args.json:
        with args.json.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
