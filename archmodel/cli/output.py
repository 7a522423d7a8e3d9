"""One shared set of output options for every command that prints rows.

`--format table|json|ndjson|csv|markdown` and `-o FILE` (docs: README "Commands"). `table` is the
default on a terminal and `json` otherwise, so pipes get machine-readable output. Progress and
logs go to standard error through `log`, never into these rows. How rows become text (and why it
is safe for spreadsheets, terminals and JSON parsers) is archmodel/tables.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from archmodel.errors import ArchmodelError
from archmodel.tables import Format, render, site_path, strict, terminal_width, to_json

__all__ = ["Format", "FormatOption", "OutputOption", "emit", "log", "render", "resolve_format", "site_path",
           "strict", "terminal_width", "to_json", "write_output"]

# Status lines fold at a terminal's width; piped into a log they stay one line each (grep-able).
stderr = Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table (default on a terminal), json (default otherwise), ndjson, csv, markdown."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]


def log(message: str) -> None:
    """A progress or status line for people, on standard error."""
    stderr.print(message, markup=False)


def resolve_format(fmt: Format | None, output: Path | None) -> Format:
    if fmt is not None:
        return fmt
    if output is None and sys.stdout.isatty():
        return Format.table
    return Format.json


def emit(
    rows: list[dict[str, Any]],
    fmt: Format | None,
    output: Path | None,
    columns: list[str] | None = None,
    title: str | None = None,
) -> None:
    """Write rows to `output` or standard output in the chosen format."""
    chosen = resolve_format(fmt, output)
    write_output(render(rows, columns, chosen, title), output, f"{len(rows)} rows")


def write_output(text: str, output: Path | None, what: str) -> None:
    """Rendered output to `output` (saying so on standard error) or to standard output."""
    if output is not None:
        if output.is_dir():
            raise ArchmodelError(f"{output} is a folder", "--output", "name a file to write, e.g. findings.json")
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        except OSError as exc:  # a full disk, a read-only folder, a name the file system refuses
            raise ArchmodelError(f"cannot write {output}: {exc.strerror or exc}", "--output",
                                 "choose another path, or free some disk space") from None
        log(f"Wrote {what} to {output}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
