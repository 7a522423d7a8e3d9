"""Docs that cannot drift from the program: the command reference equals `--help`, the check
catalogue equals the checks' headers, and every document the code cites is in the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.docs_reference import DOCS, GENERATED

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_docs_equal_the_program(name: str) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == GENERATED[name](), f"docs/{name} is stale: run python -m tests.docs_reference"


def test_the_command_reference_covers_every_command() -> None:
    reference = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    for command in ("run", "report", "map", "init", "load", "diff", "suggest", "packs list", "crawls prune",
                    "traffic add", "db start"):
        assert f"## archmodel {command}\n" in reference, command


CITED = re.compile(r"(?<![\w./-])((?:docs/)?[a-z][a-z0-9-]*\.md)\b")


def test_every_cited_document_is_in_the_repository() -> None:
    """Docstrings cite docs/NAME.md; a bare NAME.md would point at contracts a user's clone lacks."""
    missing = []
    for path in sorted((REPO / "archmodel").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for cited in CITED.findall(line):
                if cited.startswith("docs/") and (REPO / cited).is_file():
                    continue
                if cited.upper() == "README.MD":
                    continue
                missing.append(f"{path.relative_to(REPO)}:{number}: {cited}")
    assert not missing, "\n".join(missing)
