"""Decide a text file's encoding from evidence, and find its bad bytes and control characters by line.

A UTF-8 export with one stray cp1252 byte used to be re-decoded whole as cp1252, turning every
accented title into mojibake (`SantÃ©`) without a word. The scan reads the whole file once, in
chunks (constant memory), decoding it as UTF-8 (or UTF-16 when it has that BOM) with an error
handler that marks each invalid sequence instead of stopping, and counts the evidence:

- no invalid sequence: UTF-8 (or UTF-16);
- invalid sequences, but at least as many valid multi-byte characters: a UTF-8 file with a few
  damaged bytes. It stays UTF-8; the damaged bytes become U+FFFD and a warning names their lines
  (`--strict` refuses the file instead);
- otherwise the file was written in a single-byte code page: cp1252, or Latin-1 when it holds
  bytes cp1252 leaves undefined. Lines that did decode as UTF-8 multi-byte characters in such a
  file are named in a warning, since they will read as mojibake.

NUL and other C0 control characters are found as characters, the same way in every encoding: on
the bytes of ASCII-compatible files (UTF-8, cp1252 and Latin-1 encode them identically, and fast
byte operations keep the scan cheap), on the decoded text of UTF-16 files (where a NUL is two
bytes, and a 0x0A byte is not always a line break). Line numbers count line breaks, as the CSV
reader does. A NUL is an error at its line; other control characters are dropped from the cells
with a warning naming the lines (an error with `--strict`). Pure ASCII chunks skip decoding.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archmodel.errors import InputError

CHUNK = 1 << 20
SHOWN_LINES = 5
_MARK = "\udc80"  # a lone surrogate: no decoder yields one, so it can only be our mark
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
REEXPORT = "re-export from Screaming Frog, or open and save as CSV UTF-8"


def _mark_errors(error: UnicodeError) -> tuple[str, int]:
    return _MARK, error.end  # type: ignore[attr-defined]


codecs.register_error("archmodel-mark", _mark_errors)


def describe_lines(lines: list[int], total: int) -> str:
    """`line 7`, `lines 7, 9 and 12`, `lines 7, 9, 12, 15, 20 and 14 more`."""
    shown = [f"{line:,}" for line in lines[:SHOWN_LINES]]
    more = total - len(shown)
    if more > 0:
        return "lines " + ", ".join(shown) + f" and {more:,} more"
    if len(shown) == 1:
        return "line " + shown[0]
    return "lines " + ", ".join(shown[:-1]) + " and " + shown[-1]


@dataclass
class TextScan:
    """What one pass over a file found; `encoding` and `errors` are what the row reader opens with."""

    encoding: str
    errors: str = "strict"
    lines: int = 0
    has_controls: bool = False
    invalid: int = 0  # byte sequences that are not valid UTF-8 (UTF-16)
    invalid_first: int | None = None
    invalid_where: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Lines:
    """Distinct lines with a finding: the first few kept, all counted."""

    first: list[int] = field(default_factory=list)
    count: int = 0
    last: int = 0

    def add(self, line: int) -> None:
        if line == self.last:
            return
        self.last = line
        self.count += 1
        if len(self.first) < SHOWN_LINES:
            self.first.append(line)

    def describe(self) -> str:
        return describe_lines(self.first, self.count)


@dataclass
class _Evidence:
    invalid: int = 0
    invalid_lines: _Lines = field(default_factory=_Lines)
    multibyte: int = 0
    multibyte_lines: _Lines = field(default_factory=_Lines)
    control: int = 0
    control_lines: _Lines = field(default_factory=_Lines)
    undefined_cp1252: bool = False


def _lines_of(text: Any, pattern: re.Pattern[Any], base: int, found: _Lines, stop_early: bool = False) -> None:
    """Add the 1-based lines of `pattern`'s hits in `text` (str or bytes; line `base` at its start)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    position = 0
    line = base
    for match in pattern.finditer(text):
        start = match.start()
        line += text.count(newline, position, start)
        position = start
        found.add(line)
        if stop_early and len(found.first) >= SHOWN_LINES:
            return


def scan_text(path: Path, strict: bool = False) -> TextScan:
    """One pass over the file; raises InputError for a NUL byte, or for any bad byte or control
    character when `strict`."""
    name = path.name
    with path.open("rb") as handle:
        head = handle.read(4)
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    encoding = "utf-16" if utf16 else "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)(errors="archmodel-mark")
    evidence = _Evidence()
    line = 1
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK)
            final = not chunk
            if not utf16 and chunk.isascii() and not decoder.getstate()[0]:
                text = ""  # ASCII decodes to itself: nothing to mark, nothing multi-byte
            else:
                text = decoder.decode(chunk, final=final)
            if utf16:
                _check_text(text, line, evidence, name)
                line += text.count("\n")
            elif chunk:
                _check_bytes(chunk, text, line, evidence, name)
                line += chunk.count(b"\n")
            if final:
                break
    scan = TextScan(encoding=encoding, lines=line if not _ends_with_newline(path, utf16) else line - 1)
    scan.has_controls = evidence.control > 0
    _decide(scan, evidence, utf16, strict, name)
    if evidence.control:
        where = evidence.control_lines.describe()
        if strict:
            raise InputError(
                "the file contains control characters" + _also(evidence.control_lines), name,
                evidence.control_lines.first[0],
                f"{REEXPORT}; or load without --strict to drop them",
            )
        plural = "s" if evidence.control != 1 else ""
        scan.warnings.append(f"{name}: dropped {evidence.control:,} control character{plural} on {where}")
    return scan


_NOT_UNDEFINED = bytes(b for b in range(256) if b not in _CP1252_UNDEFINED)
_NOT_LEAD = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)
_CONTROL_BYTES = bytes([*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_BYTE = re.compile(b"[" + re.escape(_CONTROL_BYTES) + b"]")


def _ends_with_newline(path: Path, utf16: bool) -> bool:
    size = os.path.getsize(path)
    if size == 0:
        return False
    with path.open("rb") as handle:
        handle.seek(max(0, size - 2))
        tail = handle.read()
    return tail.endswith(b"\n\x00") or tail.endswith(b"\x00\n") if utf16 else tail.endswith(b"\n")


def _nul_error(name: str, line: int) -> InputError:
    return InputError(
        "the file contains a NUL byte (binary data or a damaged export)", name, line,
        "export the crawl again; the file was damaged in writing or copying",
    )


def _check_bytes(chunk: bytes, text: str, line: int, evidence: _Evidence, name: str) -> None:
    """An ASCII-compatible file: NUL, control characters and multi-byte leads are found on the bytes
    (fast, and the same in UTF-8, cp1252 and Latin-1); invalid sequences on the decoded text."""
    nul = chunk.find(b"\x00")
    if nul >= 0:
        raise _nul_error(name, line + chunk.count(b"\n", 0, nul))
    if text:
        _check_non_ascii(chunk, text, line, evidence)
    controls = len(chunk.translate(None, _NOT_CONTROL))
    if controls:
        evidence.control += controls
        _lines_of(chunk, _CONTROL_BYTE, line, evidence.control_lines)


def _check_non_ascii(chunk: bytes, text: str, line: int, evidence: _Evidence) -> None:
    if not evidence.undefined_cp1252 and chunk.translate(None, _NOT_UNDEFINED):
        evidence.undefined_cp1252 = True
    marks = text.count(_MARK)
    if marks:
        evidence.invalid += marks
        _lines_of(text, _MARK_PATTERN, line, evidence.invalid_lines)
    leads = len(chunk.translate(None, _NOT_LEAD))
    if leads > marks:
        evidence.multibyte += leads - marks
        if len(evidence.multibyte_lines.first) < SHOWN_LINES:
            _lines_of(text, _NON_ASCII, line, evidence.multibyte_lines, stop_early=True)


def _check_text(text: str, line: int, evidence: _Evidence, name: str) -> None:
    """A UTF-16 file: everything is checked on the decoded text, so lines count decoded line breaks."""
    nul = text.find("\x00")
    if nul >= 0:
        raise _nul_error(name, line + text.count("\n", 0, nul))
    marks = text.count(_MARK)
    if marks:
        evidence.invalid += marks
        _lines_of(text, _MARK_PATTERN, line, evidence.invalid_lines)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii > marks:
        evidence.multibyte += non_ascii - marks
        if len(evidence.multibyte_lines.first) < SHOWN_LINES:
            _lines_of(text, _NON_ASCII, line, evidence.multibyte_lines, stop_early=True)
    if _CONTROL.search(text):
        evidence.control += len(_CONTROL.findall(text))
        _lines_of(text, _CONTROL, line, evidence.control_lines)


_NON_ASCII = re.compile("[^\x00-\x7f\udc80]")
_MARK_PATTERN = re.compile(_MARK)


def _decide(scan: TextScan, evidence: _Evidence, utf16: bool, strict: bool, name: str) -> None:
    if not evidence.invalid:
        return
    where = evidence.invalid_lines.describe()
    first = evidence.invalid_lines.first[0]
    scan.invalid, scan.invalid_first, scan.invalid_where = evidence.invalid, first, where
    if utf16 or evidence.multibyte >= evidence.invalid:
        label = "UTF-16" if utf16 else "UTF-8"
        if strict:
            raise InputError(
                f"{sequences(evidence.invalid)} not valid {label}" + _also(evidence.invalid_lines), name, first,
                f"{REEXPORT}; or load without --strict to replace them with U+FFFD",
            )
        scan.errors = "replace"
        scan.warnings.append(
            f"{name}: {sequences(evidence.invalid)} not valid {label} on {where}; "
            f"replaced with U+FFFD, the rest of the file read as {label} ({REEXPORT})"
        )
        return
    scan.encoding = "latin-1" if evidence.undefined_cp1252 else "cp1252"
    if evidence.multibyte:
        mixed = evidence.multibyte_lines.describe()
        if strict:
            raise InputError(
                f"the file mixes UTF-8 ({mixed}) with {scan.encoding} ({where})", name, evidence.multibyte_lines.first[0],
                f"{REEXPORT}; or load without --strict to read it all as {scan.encoding}",
            )
        scan.warnings.append(
            f"{name}: read as {scan.encoding}, but {mixed} hold UTF-8 characters, which will show as mojibake "
            f"({REEXPORT})"
        )


def sequences(count: int) -> str:
    return "1 byte sequence is" if count == 1 else f"{count:,} byte sequences are"


def _also(lines: _Lines) -> str:
    """` (lines 7, 9 and 12)` when more lines than the one an error names are affected."""
    return f" ({lines.describe()})" if lines.count > 1 else ""
