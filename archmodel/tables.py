"""Rows as text for their reader: json, ndjson, csv, markdown, or a table fitted to a terminal.

One place decides how rows are written wherever they go (the command line's output, the report's
tasks.csv). Output is safe for its reader: crawled text (titles, anchors, URLs) reaches
spreadsheets, terminals and JSON parsers. A CSV text cell that a spreadsheet would run as a
formula (`=HYPERLINK(...)`, `@SUM(...)`, `+`, `-`, tab, carriage return first) gets a leading `'`
(OWASP's advice for CSV injection; JSON and ndjson keep the raw value); control characters never
reach a terminal table; JSON is strict (NaN and infinities are written as null).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    markdown = "markdown"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # ESC sequences retitle or clear a terminal


def _csv_cell(value: Any) -> str:
    """A CSV cell no spreadsheet runs as a formula; numbers stay numbers; a carriage return (which
    the writer would leave unquoted) becomes a space."""
    text = _cell(value)
    if not isinstance(value, (int, float)) and text.startswith(FORMULA_START):
        text = "'" + text
    return text.replace("\r", " ")


def _screen_cell(value: Any) -> str:
    """A table or markdown cell without control characters."""
    return CONTROL.sub("", _cell(value))


def strict(value: Any) -> Any:
    """`value` with NaN and infinities as None, so the JSON written is valid JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render(rows: list[dict[str, Any]], columns: list[str] | None, fmt: Format, title: str | None = None) -> str:
    """Rows as text in one of the formats; `columns` fixes the order (default: first row's keys)."""
    if columns is None:
        columns = list(rows[0].keys()) if rows else []
        for row in rows[1:]:
            columns.extend(k for k in row if k not in columns)
    if fmt is Format.json:
        return to_json(rows)
    if fmt is Format.ndjson:
        return "".join(json.dumps(strict(r), ensure_ascii=False, default=str, allow_nan=False) + "\n" for r in rows)
    if fmt is Format.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_cell(row.get(c)) for c in columns})
        return buffer.getvalue()
    if fmt is Format.markdown:
        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = []
        if title:
            lines += [f"### {esc(title)}", ""]
        lines.append("| " + " | ".join(esc(c) for c in columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in rows:
            lines.append("| " + " | ".join(esc(_screen_cell(row.get(c))) for c in columns) + " |")
        return "\n".join(lines) + "\n"
    return _terminal_text(rows, columns, title, terminal_width())


URL_COLUMNS = {"url", "source", "target"}
MIN_COLUMN_WIDTH = 14  # below this a table column wraps words letter by letter: list the rows instead


def terminal_width() -> int:
    """The width tables are laid out for: the terminal's (COLUMNS when set), at least 40."""
    return max(40, Console().width)


def site_path(value: Any) -> str:
    """A URL as the path an editor recognises (`/conditions/asthma/`); other values unchanged.
    Findings and suggestions name pages of one site, so the host adds nothing on a screen."""
    text = _screen_cell(value)
    if text.startswith(("http://", "https://")):
        parts = urlsplit(text)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return text


def _terminal_text(rows: list[dict[str, Any]], columns: list[str], title: str | None, width: int) -> str:
    """Rows for a person at a terminal of `width` columns: a table when its columns fit, else one
    block per row (`column: value` lines, folded at the width). URLs show as site paths."""
    def cell(row: dict[str, Any], column: str) -> str:
        return site_path(row.get(column)) if column in URL_COLUMNS else _screen_cell(row.get(column))

    console = Console(file=io.StringIO(), width=width, highlight=False)
    if len(columns) * MIN_COLUMN_WIDTH + 1 <= width:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(cell(row, c) for c in columns))
        console.print(table)
        return console.file.getvalue()  # type: ignore[attr-defined]
    lines = [title, "=" * min(len(title), width), ""] if title else []
    label_width = max(len(c) for c in columns) + 2 if columns else 0
    for number, row in enumerate(rows, 1):
        for i, column in enumerate(columns):
            value = cell(row, column)
            if value == "":
                continue
            lead = (f"{number}. " if i == 0 else "").ljust(len(str(len(rows))) + 2)
            prefix = lead + f"{column}:".ljust(label_width)
            lines += textwrap.wrap(value, width, initial_indent=prefix, subsequent_indent=" " * len(prefix),
                                   break_long_words=True, break_on_hyphens=False) or [prefix.rstrip()]
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


def to_json(value: Any) -> str:
    """The JSON text of `--format json`: indented, non-ASCII kept, other types as strings."""
    return json.dumps(strict(value), ensure_ascii=False, indent=2, default=str, allow_nan=False) + "\n"
