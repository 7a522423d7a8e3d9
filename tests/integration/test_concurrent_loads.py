"""Two loads of one site at once: one lease, one clear error, never a site without its crawl.

Before the lease, the second load's clean-up of "stale" generations deleted the first one's
generation while it was being written; the first failed with an unexpected server error, and the
switch could leave the site with no current crawl. Two `archmodel load` processes (two different
crawls of the seed site, so neither is a no-op) start at several offsets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archmodel.db.connection import Graph

SEED = Path(__file__).resolve().parents[2] / "seed_data"
HOST = "www.lakeside-health.example"


@pytest.fixture(scope="module")
def second_crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed crawl with a tenth of its link rows dropped: another fingerprint, same site."""
    folder = tmp_path_factory.mktemp("second")
    for name in ("internal_all.csv", "sitemap.xml"):
        shutil.copy(SEED / name, folder / name)
    lines = (SEED / "all_inlinks.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    (folder / "all_inlinks.csv").write_text(lines[0] + "".join(line for i, line in enumerate(lines[1:]) if i % 10),
                                            encoding="utf-8-sig")
    return folder


def _load(folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "archmodel", "load", str(folder / "internal_all.csv"), str(folder / "all_inlinks.csv"),
         "--sitemap", str(folder / "sitemap.xml"), "--site", str(SEED / "site.yml")],
        env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.parametrize("offset", [0.0, 0.5, 1.5, 5.0])
def test_two_loads_of_one_site(graph: Graph, cli_env: dict[str, str], second_crawl: Path, offset: float) -> None:
    first = _load(SEED, cli_env)
    time.sleep(offset)
    second = _load(second_crawl, cli_env)
    outcomes = []
    for process in (first, second):
        out, err = process.communicate(timeout=600)
        outcomes.append((process.returncode, err))
    assert any(code == 0 for code, _ in outcomes), outcomes
    for code, err in outcomes:
        assert "Traceback" not in err and "unexpected" not in err.lower(), err
        assert code == 0 or (code == 2 and f"another load of {HOST} is running" in err), err
    current = graph.read("MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) RETURN c.id AS id, c.complete AS complete",
                         {"host": HOST})
    assert len(current) == 1 and current[0]["complete"], current
    assert graph.read("MATCH (c:Crawl {site: $host}) WHERE NOT coalesce(c.complete, false) RETURN count(c) AS n",
                      {"host": HOST}) == [{"n": 0}]
    assert graph.read("MATCH (l:LoadLease) RETURN count(l) AS n") == [{"n": 0}]  # released by both
