"""Tell a quoted multi-line cell from a quote that was never closed.

A semicolon file re-saved by Excel without quotes, where one title starts with `"`, makes the
CSV reader treat the rest of the file (or everything up to the next stray quote) as one cell:
the load then "succeeds" with 3% of the crawl. Legitimate cells do span lines (anchors with line
breaks, custom extractions of HTML), so a row spanning lines is not an error by itself. What
gives a swallowed row away is the text inside the cell: lines that split, at the file's
delimiter, into most of the header's columns and hold a URL are rows of the file, not part of a
title. Every physical line of the file is thus accounted for: the header (and title row), a data
row, a blank line, or a line inside a quoted cell that does not look like a row.
"""

from __future__ import annotations

from archmodel.errors import InputError
from archmodel.ingest.textscan import REEXPORT

_URL_STARTS = ("http://", "https://", '"http://', '"https://')


def looks_like_row(text: str, delimiter: str, width: int) -> bool:
    """A physical line that splits into at least half the header's columns and holds a URL."""
    if delimiter not in text:
        return False
    fields = text.split(delimiter)
    if len(fields) < max(2, (width + 1) // 2):
        return False
    return any(field.strip().lower().startswith(_URL_STARTS) for field in fields)


def swallowed_lines(cells: list[str], delimiter: str, width: int) -> int:
    """How many lines inside the row's multi-line cells look like rows of the file."""
    count = 0
    for cell in cells:
        if "\n" not in cell and "\r" not in cell:
            continue
        for part in cell.splitlines()[1:]:
            if looks_like_row(part, delimiter, width):
                count += 1
    return count


def check_multiline_row(name: str, delimiter: str, width: int, cells: list[str], start: int, end: int) -> None:
    """Raise at the row's first line when its quoted cells swallowed what look like rows
    (`name` is the file's, `width` the header's number of columns)."""
    swallowed = swallowed_lines(cells, delimiter, width)
    if swallowed:
        raise InputError(
            f"a quote opened on this line is never closed where it should be: the cell runs to line "
            f"{end:,} and swallows {swallowed:,} lines that look like rows (unbalanced quote)",
            name, start, REEXPORT,
        )


def extra_cells_error(name: str, delimiter: str, width: int, cells: list[str], start: int, end: int) -> InputError:
    """More non-empty cells than the header: an unquoted delimiter, or (over several lines) a stray quote."""
    if end > start:
        return InputError(
            f"row has {len(cells)} cells but the header has {width}: a quote opened on this line closes on "
            f"line {end:,} (unbalanced quote)",
            name, start, REEXPORT,
        )
    shown = "\\t" if delimiter == "\t" else delimiter
    return InputError(
        f"row has {len(cells)} cells but the header has {width}",
        name, start,
        f"a cell probably contains an unquoted '{shown}'; re-export the file with every field quoted",
    )
