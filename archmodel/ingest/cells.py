"""One cell of an export: its text, or the number or yes/no it holds, as exports write them.

Localised decimals (`0,108`, `1.234,5`), thousands separators of any locale and localised
booleans (`Wahr`, `sim`) are read here, for the readers, the duplicate-column chooser and the
value checks alike; it needs nothing else of the package.
"""

from __future__ import annotations

import re

_THOUSANDS_INT = re.compile(r"-?\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+$")


def _clean_number(text: str | None) -> str:
    return (text or "").strip().replace("\u00a0", "").replace("\u202f", "")


def parse_float(text: str | None) -> float | None:
    """`0.108`, `0,108`, `1.234,5`, `1,234.5`, `12 %` -> float; blank or text -> None.

    With both separators the later one is the decimal mark; with one kind only, a single
    occurrence is a decimal mark and several are thousands separators.
    """
    value = _clean_number(text).rstrip("%").strip().replace(" ", "")
    if not value:
        return None
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif value.count(",") == 1:
        value = value.replace(",", ".")
    elif value.count(",") > 1:
        value = value.replace(",", "")
    elif value.count(".") > 1:
        value = value.replace(".", "")
    try:
        return float(value)
    except ValueError:
        return None


def parse_int(text: str | None) -> int | None:
    """Whole numbers, with thousands separators of any locale (`1.234`, `1,234`, `1 234`)."""
    value = _clean_number(text)
    if not value:
        return None
    if _THOUSANDS_INT.match(value):
        return int(re.sub(r"[^\d-]", "", value))
    number = parse_float(value)
    if number is None or number != number or not number.is_integer():
        return None
    return int(number)


_TRUE = frozenset({"true", "yes", "y", "1", "wahr", "vrai", "verdadero", "vero", "waar", "sim", "ja"})
_FALSE = frozenset({"false", "no", "n", "0", "falsch", "faux", "falso", "onwaar", "nao", "não", "nein", "nee"})


def parse_bool(text: str | None) -> bool | None:
    """True/False in the forms exports use (`True`, `yes`, `1`, localised `Wahr`); else None."""
    value = (text or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def cell(cells: list[str], index: int | None) -> str | None:
    """The stripped cell at `index`, None when the column is absent or the cell blank."""
    if index is None:
        return None
    value = cells[index].strip()
    return value or None


def raw_cell(cells: list[str], index: int | None) -> str:
    """The cell as written ('' when absent): anchors keep their inner spacing."""
    return cells[index] if index is not None else ""
