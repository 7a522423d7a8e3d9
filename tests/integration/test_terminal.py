"""Output that fits a terminal: at 80 columns `run`, `suggest`, `packs list` and `packs show`
print no line longer than 80 characters, run in a real pseudo-terminal as a user runs them."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from tests.conftest import wipe

SEED = Path(__file__).resolve().parents[2] / "seed_data"
ARCHMODEL = [sys.executable, "-m", "archmodel"]
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_terminal(args: list[str], env: dict[str, str], columns: int = 80) -> tuple[int, list[str]]:
    """Run `archmodel ARGS` with standard output and error on a pseudo-terminal `columns` wide;
    the exit code and the lines a person sees (colour codes removed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen([*ARCHMODEL, *args], stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, **env, "COLUMNS": str(columns), "TERM": "xterm"}, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    code = process.wait(timeout=60)
    text = ESCAPES.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "")
    return code, text.split("\n")


@pytest.fixture(scope="module")
def seed_env(session_graph: Graph, neo4j_settings) -> dict[str, str]:
    wipe(session_graph)
    load_crawl(session_graph, [SEED], site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"])
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.user,
           "NEO4J_DATABASE": neo4j_settings.database}
    if neo4j_settings.password is not None:
        env["NEO4J_PASSWORD"] = neo4j_settings.password.get_secret_value()
    return env


@pytest.mark.parametrize("args", [["run"], ["suggest"], ["run", "--sort", "check", "pathways"], ["packs", "list"],
                                  ["packs", "show", "AM014"], ["packs", "show", "AM042"],
                                  ["run", "--min-severity", "high", "--top", "3"]])
def test_nothing_is_wider_than_80_columns(seed_env: dict[str, str], args: list[str]) -> None:
    code, lines = in_terminal(args, seed_env)
    assert code == 0, "\n".join(lines)
    if args[0] == "packs" and args[1] == "show":  # the Cypher is printed verbatim, to paste into Browser
        lines = lines[: lines.index(f"// id: {args[2]}")]
    long = [line for line in lines if len(line) > 80]
    assert not long, "\n".join(long)


def test_run_on_a_terminal_is_counts_per_check_and_the_top_ten(seed_env: dict[str, str]) -> None:
    code, lines = in_terminal(["run"], seed_env)
    text = "\n".join(lines)
    assert code == 0 and len(lines) < 120, f"{len(lines)} lines"
    assert "105 findings on www.lakeside-health.example, by check, most impact first:" in text
    assert re.search(r"^ 1\. \[high\] .+ \(impact [\d.]+\)$", text, re.M)
    assert re.search(r"^10\. \[", text, re.M) and not re.search(r"^11\. \[", text, re.M)
    assert "https://www.lakeside-health.example" not in text, "pages show as site paths"
    impacts = [float(v) for v in re.findall(r"^ ?\d+\. \[\w+\] .+ \(impact ([\d.]+)\)$", text, re.M)]
    assert impacts == sorted(impacts, reverse=True)

    code, lines = in_terminal(["run", "--min-severity", "high", "--top", "3"], seed_env)
    text = "\n".join(lines)
    assert re.findall(r"^\d\. \[(\w+)\]", text, re.M) == ["high"] * 3
