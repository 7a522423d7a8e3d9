"""Two columns with the same name: read the one whose values fit, or stop naming both.

An export with two `Status Code` columns, the first holding `OK` (a merged sheet, a connector
column renamed), used to have every page's status silently read from the first: all null.
When a reader asks for a duplicated column, the first rows of the file decide: the column whose
values fit the column's meaning (status codes, whole numbers, URLs, booleans) is used and a
warning names both; when both fit and hold the same values the first is used; otherwise the
load stops with an error naming both columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Protocol

from archmodel.errors import InputError
from archmodel.ingest.cells import parse_bool, parse_int

SAMPLE_ROWS = 200
FIT_SHARE = 0.9


def _status(text: str) -> bool:
    return text.isascii() and text.isdigit() and (100 <= int(text) <= 599 or int(text) == 0)


def _count(text: str) -> bool:
    value = parse_int(text)
    return value is not None and value >= 0 and "e" not in text.lower()


def _url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://", "/"))


def _bool(text: str) -> bool:
    return parse_bool(text) is not None


_MEANINGS: dict[str, tuple[str, Callable[[str], bool]]] = {}
for _keys, _meaning in (
    (("status code", "status"), ("status codes", _status)),
    (("crawl depth", "level", "depth", "word count"), ("whole numbers", _count)),
    (("address", "url", "source", "destination", "target", "canonical link element 1", "canonical",
      "redirect url", "redirect uri", "redirect to"), ("URLs", _url)),
    (("indexable", "follow"), ("true/false values", _bool)),
):
    for _key in _keys:
        _MEANINGS[_key] = _meaning


class _Header(Protocol):
    names: list[str]
    duplicates: dict[str, list[int]]


class SampledCsv(Protocol):
    """What the chooser reads of an opened file (archmodel.ingest.csvio.CsvFile, which owns a
    chooser: it is named by its shape here, not imported)."""

    path: Path
    header: _Header
    header_line: int
    warnings: list[str]

    def rows(self) -> Iterator[tuple[int, list[str]]]: ...


class ColumnChooser:
    """Picks, once per duplicated name, the column a reader reads; warnings go to the file's list."""

    def __init__(self, opened: SampledCsv) -> None:
        self.opened = opened
        self.chosen: dict[str, int] = {}
        names = opened.header.names
        for key, indices in opened.header.duplicates.items():
            columns = ", ".join(str(i + 1) for i in indices)
            opened.warnings.append(
                f"{opened.path.name}: the header has {len(indices)} columns named '{names[indices[0]]}' "
                f"(columns {columns})"
            )

    def __call__(self, key: str, indices: list[int]) -> int:
        if key not in self.chosen:
            self.chosen[key] = self._choose(key, indices)
        return self.chosen[key]

    def _choose(self, key: str, indices: list[int]) -> int:
        opened = self.opened
        name = opened.header.names[indices[0]]
        label, fits = _MEANINGS.get(key, ("", lambda text: True))
        values: dict[int, list[str]] = {index: [] for index in indices}
        for _, cells in islice(opened.rows(), SAMPLE_ROWS):
            for index in indices:
                values[index].append(cells[index].strip())
        fitting = [index for index in indices if _fit_share(values[index], fits) >= FIT_SHARE]
        columns = " and ".join(f"column {i + 1}" for i in indices)
        if len(fitting) == 1:
            index = fitting[0]
            opened.warnings.append(
                f"{opened.path.name}: reading '{name}' from column {index + 1}, whose values are {label}"
            )
            return index
        candidates = fitting or indices
        if all(values[i] == values[candidates[0]] for i in candidates):
            return candidates[0]
        what = (
            f"two columns named '{name}' ({columns}) hold different values"
            if fitting or not label else f"two columns named '{name}' ({columns}) and neither holds {label}"
        )
        raise InputError(
            what, opened.path.name, opened.header_line,
            "remove or rename the wrong column, or re-export from Screaming Frog, or open and save as CSV UTF-8",
        )


def _fit_share(values: list[str], fits: Callable[[str], bool]) -> float:
    filled = [value for value in values if value]
    if not filled:
        return 0.0
    return sum(1 for value in filled if fits(value)) / len(filled)
