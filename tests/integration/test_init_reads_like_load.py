"""`archmodel init` reads every file as `archmodel load` does: same files accepted, same refused.

Every file the reader tests use (tests/data/reliability, tests/data/bad, the realistic exports)
and Screaming Frog All Inlinks exports damaged the ways the reliability cases damage page files
go to both commands, with and without `--strict` where it matters. Both must exit the same way;
when both refuse, with the same error (what and where); when both accept, with the same pages:
the URLs `load` stored and the URLs `init` reasoned about (`init` takes `?query` variants as
their page, so both sides are compared without the query).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.infer.evidence import gather
from archmodel.ingest.accounting import ReadOptions

DATA = Path(__file__).resolve().parent.parent / "data"
TEMPLATE = DATA / "sf_current" / "all_inlinks.csv"

FILES = sorted((DATA / "reliability").iterdir()) + sorted((DATA / "bad").iterdir())
FOLDERS = [DATA / name for name in ("sf_current", "sf_2017", "generic", "advertools", "never_fetched", "internal_html_only")]


def damaged_inlinks(folder: Path) -> list[Path]:
    """All Inlinks exports with the reliability cases' damage, where `init` once read with pandas
    on its own: a stray byte in a UTF-8 file, a NUL, control characters, a quote left open at the
    end of a line, a duplicated Destination column, and nofollow links only."""
    text = TEMPLATE.read_bytes()
    header, *rows = text.split(b"\n")
    made: dict[str, bytes] = {
        "inlinks_stray_byte.csv": text.replace(b'"Dr. Maria Okafor"', "\"Santé Okafor\"".encode() , 1)
        .replace(b'"Old diabetes page"', b'"Caf\xe9 page"', 1),
        "inlinks_nul.csv": text.replace(b'"Old diabetes page"', b'"Old \x00 page"', 1),
        "inlinks_control_chars.csv": text.replace(b'"Old diabetes page"', b'"Old \x0b diabetes\x1f page"', 1),
        "inlinks_unclosed_quote.csv": b"\n".join([header, rows[0], rows[1].replace(b'"HTML"', b'"HTML ""x', 1), *rows[2:]]),
        # the first Destination holds "n/a", the second the URLs: the readers read the second
        "inlinks_duplicate_destination.csv": b"\n".join(
            [header.replace(b'"Size (Bytes)"', b'"Destination"', 1)]
            + [re.sub(rb'^("[^"]*","[^"]*"),("[^"]*"),"[^"]*"', rb'\1,"n/a",\2', row) for row in rows]
        ),
        "inlinks_nofollow_only.csv": text.replace(b'"True"', b'"False"'),
    }
    paths = []
    for name, content in made.items():
        path = folder / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def run(*args: str, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    return code, errors[0].split(" - ")[0] if errors else ""


def loaded_pages(graph: Graph, result: Path) -> set[str]:
    site = json.loads(result.read_text())["site"]
    rows = graph.read(
        "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) RETURN p.url AS url",
        {"host": site},
    )
    return {row["url"].split("?", 1)[0] for row in rows}


def inferred_pages(path: Path, strict: bool) -> set[str]:
    evidence = gather([path], [], lambda _: set(), ReadOptions(strict=strict))
    return {evidence.base_url + page.path for page in evidence.pages}


def compare(
    path: Path, strict: bool, graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture
) -> tuple[int, str | None]:
    """`load`'s exit code, and what differs between the two commands on `path` (or None)."""
    options = ["--strict"] if strict else []
    result = tmp_path / "load.json"
    result.unlink(missing_ok=True)
    load_code, load_error = run("load", str(path), "--pagerank", "python", "-o", str(result), *options, capsys=capsys)
    init_code, init_error = run("init", "--from", str(path), "-o", str(tmp_path / "site.yml"), "--force", *options,
                                capsys=capsys)
    label = f"{path.name}{' --strict' if strict else ''}"
    if (load_code, load_error) != (init_code, init_error):
        return load_code, f"{label}: load exits {load_code} {load_error!r}, init exits {init_code} {init_error!r}"
    if load_code != 0:
        return load_code, None
    loaded, inferred = loaded_pages(graph, result), inferred_pages(path, strict)
    if loaded != inferred:
        return load_code, f"{label}: pages only loaded {sorted(loaded - inferred)}, only in init {sorted(inferred - loaded)}"
    return load_code, None


def test_init_accepts_and_refuses_the_files_load_does(
    graph: Graph, cli_env: dict, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    damaged = damaged_inlinks(tmp_path)
    cases = [(path, False) for path in FILES + FOLDERS + damaged]
    cases += [(path, True) for path in sorted((DATA / "reliability").iterdir()) + damaged]
    outcomes = {}
    differences = []
    for path, strict in cases:
        outcomes[(path.name, strict)], difference = compare(path, strict, graph, tmp_path, capsys)
        if difference:
            differences.append(difference)
    assert not differences, "init and load read these inputs differently:\n" + "\n".join(differences)
    # the damaged exports are the cases that once differed: each is accepted or refused as the readers decide
    assert outcomes[("inlinks_stray_byte.csv", False)] == 0 and outcomes[("inlinks_stray_byte.csv", True)] == 2
    assert outcomes[("inlinks_control_chars.csv", False)] == 0 and outcomes[("inlinks_control_chars.csv", True)] == 2
    assert outcomes[("inlinks_nul.csv", False)] == 2
    assert outcomes[("inlinks_unclosed_quote.csv", False)] == 2
    assert outcomes[("inlinks_duplicate_destination.csv", False)] == 0
    assert sum(1 for code in outcomes.values() if code == 0) >= 20 and sum(1 for code in outcomes.values() if code == 2) >= 20
