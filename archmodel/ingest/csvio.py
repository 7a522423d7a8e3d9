"""Open any crawl CSV the way it was really written, and stream its rows with line numbers.

Exports reach us from many tool versions and locales: UTF-8 with or without a BOM, cp1252 or
Latin-1 from Excel, UTF-16 "Unicode text"; a one-cell title row above the header in old Screaming
Frog files (`"All Inlinks"`); comma, semicolon or tab separators; decimal commas (`0,108`);
quoted cells spanning lines; cells of a megabyte. `open_csv` settles all of that from the first
bytes of the file and then streams rows, so memory does not grow with the file; `Header` finds
columns by name (case, spaces, `_` and `-` ignored), never by position.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archmodel.errors import InputError
from archmodel.ingest.duplicates import ColumnChooser
from archmodel.ingest.structure import check_multiline_row, extra_cells_error
from archmodel.ingest.textscan import TextScan, scan_text

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t")
_KEY_NOISE = re.compile(r"[\s_\-]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

csv.field_size_limit(2**31 - 1)  # 1 MB cells (whole HTML in a custom extraction) must not fail


def column_key(name: str) -> str:
    """`' Status_Code '`, `'status-code'` and `'Status Code'` all become `'status code'`."""
    return _KEY_NOISE.sub(" ", name.replace("\ufeff", "").strip().lower()).strip()


@dataclass
class Header:
    """A header row with lookup by name.

    Two columns with the same name (two `Status Code` columns, one holding `OK`) are kept in
    `duplicates`; `find` then asks `chooser` which one to read (the CSV file decides from the
    values, see `archmodel.ingest.duplicates`), instead of silently taking the first.
    """

    names: list[str]
    keys: dict[str, int] = field(init=False)
    duplicates: dict[str, list[int]] = field(init=False)
    chooser: Callable[[str, list[int]], int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.keys = {}
        self.duplicates = {}
        for index, name in enumerate(self.names):
            key = column_key(name)
            if not key:
                continue
            if key in self.keys:
                self.duplicates.setdefault(key, [self.keys[key]]).append(index)
            else:
                self.keys[key] = index

    def find(self, *names: str) -> int | None:
        """Index of the first of `names` present (compared as column keys), else None."""
        for name in names:
            key = column_key(name)
            index = self.keys.get(key)
            if index is not None:
                if key in self.duplicates and self.chooser is not None:
                    return self.chooser(key, self.duplicates[key])
                return index
        return None

    def find_containing(self, *fragments: str) -> int | None:
        """Index of the first column whose key contains one of `fragments` (custom extractions)."""
        wanted = [column_key(fragment) for fragment in fragments]
        for index, name in enumerate(self.names):
            key = column_key(name)
            if any(fragment in key for fragment in wanted):
                return index
        return None

    def has(self, *names: str) -> bool:
        return self.find(*names) is not None


@dataclass
class CsvFile:
    """An opened CSV: its layout, settled once from the first bytes, and a row stream.

    `errors` is `replace` only for a UTF-8 file with a few damaged bytes (the scan warned about
    them); `has_controls` makes the stream drop control characters the scan found; `warnings`
    collects what a load should print about this file.
    """

    path: Path
    encoding: str
    delimiter: str
    header: Header
    header_line: int  # 1-based physical line of the header row
    title: str | None  # the old one-cell title row, when present
    errors: str = "strict"
    has_controls: bool = False
    lines: int = 0
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.header.duplicates:
            self.header.chooser = ColumnChooser(self)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) for every non-blank data row, cells padded to the header's width.

        A row that spans several physical lines (a quoted cell with line breaks) is checked: when
        the lines inside the cell look like rows of this file, a quote was left open and the rows
        were swallowed, which is an error at the line where the quote opened.
        """
        width = len(self.header.names)
        name = self.path.name
        delimiter = self.delimiter
        header_line = self.header_line
        drop_controls = self.has_controls
        with self.path.open("r", encoding=self.encoding, errors=self.errors, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            line = 0
            try:
                for cells in reader:
                    start, line = line + 1, reader.line_num
                    if start <= header_line:
                        continue
                    if line > start:
                        check_multiline_row(name, delimiter, width, cells, start, line)
                    if not any(map(str.strip, cells)):  # no cells, or blank ones only
                        continue
                    if drop_controls:
                        cells = [_CONTROL.sub("", cell) for cell in cells]
                    if len(cells) < width:
                        cells.extend([""] * (width - len(cells)))
                    elif len(cells) > width:
                        if any(map(str.strip, cells[width:])):
                            raise extra_cells_error(name, delimiter, width, cells, start, line)
                        del cells[width:]
                    yield start, cells
            except csv.Error as exc:
                raise InputError(
                    f"malformed CSV: {exc}", self.path.name, reader.line_num or None,
                    "re-export the file; it is damaged or not a CSV",
                ) from exc
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot decode the file as {self.encoding}", self.path.name, line + 1 or None,
                    "re-export the file as UTF-8",
                ) from exc


_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SCANS: dict[tuple[str, int, int, bool], TextScan] = {}


def scan_file(path: Path, strict: bool = False) -> TextScan:
    """The encoding scan of a file, once per version of the file (detection and the readers both
    open it, and a load opens each file more than once)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, strict)
    scan = _SCANS.get(key)
    if scan is None:
        scan = scan_text(path, strict)
        if len(_SCANS) >= 64:
            _SCANS.clear()
        _SCANS[key] = scan
    return scan


def detect_encoding(path: Path) -> str:
    """utf-8-sig for UTF-8 (BOM or not, a few bad bytes replaced), utf-16 by BOM, else cp1252 or
    latin-1, decided from the whole file (`archmodel.ingest.textscan`)."""
    return scan_file(path).encoding


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB (git's rule): an image, a zip, not text.

    A NUL further down is reported by the row reader with its line number instead.
    """
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = sample[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count = 0
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _parse_line(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def sniff_layout(lines: list[str]) -> tuple[str, int, str | None]:
    """(delimiter, index of the header among `lines`, title text) from the first non-blank lines.

    A title row is a first line with a single non-empty cell followed by a line that has several.
    The delimiter is the one of comma, semicolon and tab that splits the header line most often
    (outside quotes); a header with none of them is a one-column file (comma).
    """
    if not lines:
        return ",", 0, None

    def best(line: str) -> tuple[str, int]:
        counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
        delimiter = max(DELIMITERS, key=lambda d: counts[d])
        return delimiter, counts[delimiter]

    first_delimiter, first_count = best(lines[0])
    if len(lines) > 1:
        second_delimiter, second_count = best(lines[1])
        first_cells = [c for c in _parse_line(lines[0], second_delimiter) if c.strip()]
        if second_count > 0 and len(first_cells) == 1 and first_count < second_count:
            return second_delimiter, 1, first_cells[0].strip()
    return (first_delimiter if first_count else ","), 0, None


def open_csv(path: Path, strict: bool = False) -> CsvFile:
    """Settle encoding, title row, delimiter and header of a CSV; raises InputError when unusable.

    `strict` refuses a file with bad bytes or control characters instead of warning.
    """
    name = path.name
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", str(path), fix="check the path") from exc
    if not sample.strip():
        raise InputError("the file is empty", name, fix="export the crawl again; the file has no header row")
    if looks_binary(sample):
        raise InputError(
            "this is a binary file, not a CSV export", name, 1,
            "export the report as CSV (not .xlsx or .seospider) and pass that file",
        )
    scan = scan_file(path, strict)
    encoding = scan.encoding
    text = sample.decode(encoding, errors="ignore")
    physical = _LINE_BREAK.split(text)
    if len(sample) == SAMPLE_BYTES and len(physical) > 1:
        physical = physical[:-1]  # the last line of a sample may be cut
    numbered = [(number, line) for number, line in enumerate(physical, start=1) if line.strip()][:3]
    delimiter, header_index, title = sniff_layout([line for _, line in numbered])
    header_line = numbered[header_index][0] if numbered else 1
    names = [cell.strip() for cell in _parse_line(numbered[header_index][1], delimiter)] if numbered else []
    if names and names[0].startswith("\ufeff"):
        names[0] = names[0].lstrip("\ufeff")
    while names and not names[-1]:
        names.pop()
    return CsvFile(
        path, encoding, delimiter, Header(names), header_line, title,
        errors=scan.errors, has_controls=scan.has_controls, lines=scan.lines, warnings=list(scan.warnings),
    )
