"""`archmodel init` reads crawls through the load's readers: Follow/rel, duplicate columns,
`--strict` and the readers' warnings work for it as for `load` (the full comparison of the two
commands on every test file is tests/integration/test_init_reads_like_load.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.errors import InputError
from archmodel.infer.evidence import Evidence, gather
from archmodel.ingest.accounting import ReadOptions

DATA = Path(__file__).resolve().parent.parent / "data"
INLINKS = DATA / "sf_current" / "all_inlinks.csv"
STRAY = DATA / "reliability" / "utf8_stray_byte_pages.csv"


def body_pairs(evidence: Evidence) -> set[tuple[str, str]]:
    return {(evidence.path(int(v) >> 32), evidence.path(int(v) & 0xFFFFFFFF)) for v in evidence.body_pairs}


def test_nofollow_links_make_pages_but_no_body_link() -> None:
    """sf_current's only link from the symptoms page back to the overview is rel=nofollow."""
    evidence = gather([DATA / "sf_current"], [], lambda _: set())
    pairs = body_pairs(evidence)
    assert ("/conditions/diabetes/symptoms/", "/conditions/diabetes/") not in pairs
    assert ("/conditions/diabetes/", "/conditions/diabetes/symptoms/") in pairs
    assert "/conditions/diabetes/symptoms/" in evidence.index
    assert evidence.links_read > len(evidence.body_pairs)


def test_a_follow_column_saying_false_is_read(tmp_path: Path) -> None:
    followed = gather([INLINKS], [], lambda _: set())
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "all_inlinks.csv").write_bytes(INLINKS.read_bytes().replace(b'"True"', b'"False"'))
    nofollow = gather([folder], [], lambda _: set())
    assert len(followed.body_pairs) > 0 and len(nofollow.body_pairs) == 0
    assert nofollow.links_read == followed.links_read and set(nofollow.index) == set(followed.index)


def test_a_duplicated_column_is_read_from_the_column_whose_values_fit(tmp_path: Path) -> None:
    header, *rows = INLINKS.read_bytes().split(b"\n")
    damaged = tmp_path / "all_inlinks.csv"
    damaged.write_bytes(b"\n".join(
        [header.replace(b'"Size (Bytes)"', b'"Destination"', 1)]
        + [re.sub(rb'^("[^"]*","[^"]*"),("[^"]*"),"[^"]*"', rb'\1,"n/a",\2', row) for row in rows]
    ))
    assert set(gather([damaged], [], lambda _: set()).index) == set(gather([INLINKS], [], lambda _: set()).index)


def test_strict_and_the_readers_warnings_reach_init(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "site.yml"
    assert main(["init", "--from", str(STRAY), "-o", str(out)]) == 0
    assert "Warning: utf8_stray_byte_pages.csv: 1 byte sequence is not valid UTF-8 on line 4" in capsys.readouterr().err
    assert main(["init", "--strict", "--from", str(STRAY), "-o", str(out), "--force"]) == 2
    assert "Error: 1 byte sequence is not valid UTF-8 (utf8_stray_byte_pages.csv, line 4)" in capsys.readouterr().err
    bad_numbers = DATA / "reliability" / "bad_numbers_pages.csv"
    assert main(["init", "--from", str(bad_numbers), "-o", str(out), "--force"]) == 2
    assert main(["init", "--from", str(bad_numbers), "-o", str(out), "--force", "--max-bad-rows", "100"]) == 0
    with pytest.raises(InputError, match="not valid UTF-8"):
        gather([STRAY], [], lambda _: set(), ReadOptions(strict=True))
