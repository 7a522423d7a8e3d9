"""Numbers from exports, checked before they reach the graph.

Status codes such as `abc`, `200.5`, `-200` or `1e9` used to be stored as null or nonsense, and an
integer too large for Neo4j failed inside a write transaction with no file or line. Now a status
code is an integer from 100 to 599 (0, Screaming Frog's "no response", is accepted and means no
status), and depths and counts are non-negative integers within 64 bits. Anything else is a
warning naming file, line and column, and the value is stored as null; when more than a share of
a file's rows (`--max-bad-rows`, 1% by default) hold such values, or any with `--strict`, the load
stops with an error at the first one. No value the server would refuse gets through.
"""

from __future__ import annotations

from collections.abc import Callable

from archmodel.errors import InputError
from archmodel.ingest.accounting import ReadOptions, RowAccount
from archmodel.ingest.cells import parse_int

INT64_MAX = 2**63 - 1
SHOWN_PER_COLUMN = 5
EARLY_FAIL_ROWS = 100  # past this many bad rows, fail as soon as the share is certain to be exceeded
FIX = "correct the value in the export, or re-export from Screaming Frog, or open and save as CSV UTF-8"


class ValueChecker:
    """Checks the numbers of one stream of one file; counts rows with bad values on its account."""

    def __init__(self, account: RowAccount, options: ReadOptions, columns: list[str], row_bound: int = 0) -> None:
        self.account = account
        self.options = options
        self.columns = columns  # header names, to name a column by index
        self.row_bound = row_bound  # physical lines: no more rows than that can follow
        self.first: tuple[int, str] | None = None
        self.shown: dict[str, int] = {}
        self._last_bad_line = -1

    def status(self, cells: list[str], index: int | None, line: int) -> int | None:
        return self._cell(cells, index, line, 100, 599, ValueChecker._not_status)

    def count(self, cells: list[str], index: int | None, line: int) -> int | None:
        return self._cell(cells, index, line, 0, INT64_MAX, ValueChecker.count_text)

    def _cell(self, cells: list[str], index: int | None, line: int, low: int, high: int,
              otherwise: Callable[[ValueChecker, str, int, str], int | None]) -> int | None:
        """The number in one cell: None when the column is absent or the cell empty, the value when
        it is ASCII digits from `low` to `high` or 0 (no response, for a status), else what
        `otherwise` (text, line, column) makes of it. Called for every page row, so the common
        case is a strip, two str checks and an int, with no regex and nothing built."""
        if index is None:
            return None
        text = cells[index].strip()
        if not text:
            return None
        if text.isascii() and text.isdigit():
            value = int(text)
            if low <= value <= high or value == 0:
                return value
        return otherwise(self, text, line, self.columns[index])

    def _not_status(self, text: str, line: int, column: str) -> None:
        return self._bad(text, line, column, "is not a status code (an integer from 100 to 599)")

    def count_text(self, text: str, line: int, column: str) -> int | None:
        """A count written with separators (`1.234`, `1 234`), or a bad value."""
        value = parse_int(text) if "e" not in text.lower() else None
        if value is None:
            return self._bad(text, line, column, "is not a whole number")
        if value < 0:
            return self._bad(text, line, column, "is negative")
        if value > INT64_MAX:
            return self._bad(text, line, column, "is larger than a 64-bit integer")
        return value

    def json_status(self, value: object, line: int, key: str) -> int | None:
        """A status from a JSON value (advertools): ints, integral floats or digit strings."""
        if value is None or value == "":
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
            if float(value).is_integer() and (100 <= value <= 599 or value == 0):
                return int(value)
        elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            number = int(value.strip())
            if 100 <= number <= 599 or number == 0:
                return number
        return self._not_status(repr(value), line, key)

    def json_count(self, value: object, line: int, key: str) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
            if float(value).is_integer() and 0 <= value <= INT64_MAX:
                return int(value)
            return self._bad(repr(value), line, key, "is not a non-negative whole number within 64 bits")
        if isinstance(value, str):
            return self.count_text(value.strip(), line, key)
        return self._bad(repr(value), line, key, "is not a whole number")

    def _bad(self, text: str, line: int, column: str, why: str) -> None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        what = f"column '{column}': {shown!r} {why}"
        if self.options.strict:
            raise InputError(what, self.account.file, line, f"{FIX}; or load without --strict to store it as null")
        if self.first is None:
            self.first = (line, what)
        if line != self._last_bad_line:
            self._last_bad_line = line
            self.account.bad_values += 1
        seen = self.shown.get(column, 0)
        self.shown[column] = seen + 1
        if seen < SHOWN_PER_COLUMN:
            self.account.warnings.append(f"{self.account.file}, line {line:,}: {what}; stored as null")
        if self.account.bad_values > max(EARLY_FAIL_ROWS, self.options.max_bad_rows * self.row_bound):
            self._fail(early=True)
        return None

    def finish(self) -> None:
        """At the end of the stream: too many bad rows is an error; else one warning per column beyond those shown."""
        if self.account.bad_values > self.options.max_bad_rows * self.account.read:
            self._fail()
        for column, count in self.shown.items():
            if count > SHOWN_PER_COLUMN:
                self.account.warnings.append(
                    f"{self.account.file}: {count - SHOWN_PER_COLUMN:,} more invalid values in column '{column}' "
                    "stored as null"
                )

    def _fail(self, early: bool = False) -> None:
        assert self.first is not None
        line, what = self.first
        share = f"{self.options.max_bad_rows * 100:g}%"
        bad = self.account.bad_values
        counted = f"{bad:,} rows" if early else f"{bad:,} of {self.account.read:,} rows"
        raise InputError(
            f"{counted} hold invalid numbers, more than the {share} allowed; the first: {what}",
            self.account.file, line,
            f"{FIX}; or pass --max-bad-rows with a higher percentage to load them as null",
        )
