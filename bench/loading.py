"""Load benchmarks: archmodel's loader, the naive loader, and Neo4j's server-side LOAD CSV.

All three read the same Screaming Frog files (`internal_all.csv`, `all_inlinks.csv`) written by
`archmodel synth`, on the same server, in the same run (targets.md "Load").
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from archmodel.db.connection import ConnectionSettings, Graph

HYPERLINK = {"hyperlink", "href"}


@dataclass
class LoadRun:
    seconds: float
    links: int
    pages: int
    peak_rss_mb: float
    phases: str = ""  # the "Time by phase" line archmodel load logs
    writer: str = ""  # the write path the load took ("bulk" or "bolt"), as its summary line says
    peak_memory: str = ""  # the "Peak memory (MB) after" line: the running peak after set-up and each phase

    @property
    def links_per_s(self) -> float:
        return self.links / self.seconds if self.seconds else 0.0


def wipe(graph: Graph) -> None:
    graph.run_autocommit("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 100000 ROWS")
    graph.run_autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS")


@dataclass
class WatchedRun:
    """One child process: its wall time, peak resident memory, exit code and output."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    out: str
    err: str


def run_watched(args: list[str], env: dict[str, str]) -> WatchedRun:
    """Run `args` and sample its resident memory every 50 ms. Output goes to temporary files, not
    pipes, so a child that writes much to standard error never blocks on a full pipe."""
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        started = time.monotonic()
        process = subprocess.Popen(args, env=env, stdout=out_file, stderr=err_file, text=True)
        watched = psutil.Process(process.pid)
        peak = 0
        while process.poll() is None:
            try:
                peak = max(peak, watched.memory_info().rss)
            except psutil.Error:
                break
            time.sleep(0.05)
        process.wait()
        seconds = time.monotonic() - started
        out_file.seek(0)
        err_file.seek(0)
        return WatchedRun(seconds, peak / 2**20, process.returncode, out_file.read(), err_file.read())


def archmodel_load(settings: ConnectionSettings, folder: Path, writer: str = "auto") -> LoadRun:
    """`archmodel load` as a user runs it, end to end, with its peak resident memory; `writer` is
    its `--writer` (auto: the bulk path on the benchmark server, which archmodel started)."""
    env = {**os.environ, "NEO4J_URI": settings.uri}
    if settings.password is not None:
        env["NEO4J_PASSWORD"] = settings.password.get_secret_value()
    run = run_watched(
        [sys.executable, "-m", "archmodel", "load", str(folder), "--site", str(folder / "site.yml"), "--writer", writer],
        env,
    )
    out, err = run.out, run.err
    if run.returncode != 0:
        raise RuntimeError(f"archmodel load failed: {err.strip()[-500:]}")
    if "Loaded" not in out:
        raise RuntimeError(f"archmodel load did not load (wipe the database first): {out.strip()}")
    numbers = out.split("Loaded", 1)[1].split(":", 1)[1]
    pages = int(numbers.split("pages")[0].strip().replace(",", ""))
    links = int(numbers.split("pages,")[1].split("links")[0].strip().replace(",", ""))
    phases = next((line.split(":", 1)[1].strip() for line in err.splitlines() if line.startswith("Time by phase:")), "")
    path = numbers.split("links/s, ", 1)[1].split(" path", 1)[0] if "links/s, " in numbers else ""
    peaks = next((line.split(":", 1)[1].strip() for line in err.splitlines()
                  if line.startswith("Peak memory (MB) after:")), "")
    return LoadRun(run.seconds, links, pages, run.peak_rss_mb, phases, path, peaks)


def naive_load(graph: Graph, folder: Path, max_links: int) -> LoadRun:
    """The pattern of older py2neo tutorials: one MERGE query per CSV row, auto-commit.

    It is too slow to run on a whole tier in a benchmark, so it loads the pages and then the
    first `max_links` hyperlink rows; the speed-up compares links per second on the same file.
    """
    pages = 0
    with graph.session() as session:
        with open(folder / "internal_all.csv", encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                session.run(
                    "MERGE (p:NaivePage {url: $url}) SET p.status = $status, p.title = $title",
                    url=row["Address"], status=row["Status Code"], title=row["Title 1"],
                ).consume()
                pages += 1
        links = 0
        link_started = time.monotonic()
        with open(folder / "all_inlinks.csv", encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["Type"].lower() not in HYPERLINK:
                    continue
                session.run(
                    "MERGE (a:NaivePage {url: $source}) MERGE (b:NaivePage {url: $target}) "
                    "MERGE (a)-[:NAIVE_LINK {anchor: $anchor, position: $position}]->(b)",
                    source=row["Source"], target=row["Destination"], anchor=row["Anchor"],
                    position=row["Link Position"],
                ).consume()
                links += 1
                if links >= max_links:
                    break
        link_seconds = time.monotonic() - link_started
    return LoadRun(link_seconds, links, pages, 0.0)


def load_csv(graph: Graph, folder: Path, import_dir: Path) -> LoadRun:
    """Neo4j's own server-side LOAD CSV of the same pages and links: the ceiling over Bolt."""
    for name in ("internal_all.csv", "all_inlinks.csv"):
        target = import_dir / name
        target.unlink(missing_ok=True)
        try:
            os.link(folder / name, target)
        except OSError:
            shutil.copy(folder / name, target)
    graph.write("CREATE CONSTRAINT bench_csv_page IF NOT EXISTS FOR (p:CsvPage) REQUIRE p.url IS UNIQUE")
    graph.write("CALL db.awaitIndexes(300)")
    started = time.monotonic()
    graph.run_autocommit(
        "LOAD CSV WITH HEADERS FROM 'file:///internal_all.csv' AS row "
        "CALL (row) { CREATE (:CsvPage {url: row.Address, status: toInteger(row.`Status Code`), "
        "title: row.`Title 1`, h1: row.`H1-1`, indexability: row.Indexability}) } "
        "IN TRANSACTIONS OF 10000 ROWS"
    )
    graph.run_autocommit(
        "LOAD CSV WITH HEADERS FROM 'file:///all_inlinks.csv' AS row "
        "WITH row WHERE toLower(row.Type) = 'hyperlink' "
        "CALL (row) { MATCH (a:CsvPage {url: row.Source}) MATCH (b:CsvPage {url: row.Destination}) "
        "CREATE (a)-[:CSV_LINK {anchor: row.Anchor, alt: row.`Alt Text`, position: row.`Link Position`, "
        "follow: row.Follow = 'True', count: 1}]->(b) } IN TRANSACTIONS OF 10000 ROWS"
    )
    seconds = time.monotonic() - started
    counts = graph.read("MATCH (p:CsvPage) RETURN count(p) AS pages, COUNT { ()-[:CSV_LINK]->() } AS links")[0]
    graph.write("DROP CONSTRAINT bench_csv_page IF EXISTS")
    for name in ("internal_all.csv", "all_inlinks.csv"):
        (import_dir / name).unlink(missing_ok=True)
    return LoadRun(seconds, counts["links"], counts["pages"], 0.0)
