"""Read the traffic exports teams already have: Search Console, GA4, or a plain `url,metric` CSV.

Like the crawl readers, a file's kind comes from its header, never its name (docs/impact.md
"Traffic files"):

- **Search Console performance export** (Performance > Export > CSV, a zip of one CSV per tab):
  `Pages.csv` has `Top pages,Clicks,Impressions,CTR,Position` (older and other exports say
  `Page` or `Landing page`; localised ones `Häufigste Seiten,Klicks,Impressionen,CTR,Position`,
  `Pages les plus populaires,Clics,...`, `Páginas principales,Clics,Impresiones,CTR,Posición`).
  `Queries.csv`, `Dates.csv`/`Chart.csv`, `Countries.csv`, `Devices.csv`, `Search appearance.csv`
  and `Filters.csv` of the same zip are recognised and ignored with a note: they are not per page.
  The Search Analytics API shape is read too: CSV with `page` (or `keys`) and lower-case metrics,
  or the JSON response `{"rows": [{"keys": [url], "clicks": .., "impressions": .., "ctr": ..,
  "position": ..}]}`.
- **GA4** report downloads (Landing page, Pages and screens): `#` comment lines (report name,
  account, property, date range) above the header; the page column is `Landing page`,
  `Landing page + query string`, `Page path and screen class`, `Page path + query string and
  screen class`, `Page path`, `Page location` or `Full page URL`; metrics `Sessions`, `Engaged
  sessions`, `Key events` (called `Conversions` before 2024), `Views`, `Active users`/`Users`.
  Paths are relative to the site.
- **Generic**: a `url` (or `page`) column plus any of the metric names above.

Numbers may be localised (`1.234`, `1,234`, `12,5 %`). A cell that is not a number is an
InputError naming file and line. Rows are returned as read; joining them to pages (and summing
rows that name the same page) is `archmodel.ingest.traffic_join`'s job.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archmodel.errors import InputError
from archmodel.ingest.cells import parse_float, parse_int
from archmodel.ingest.csvio import DELIMITERS, Header, column_key, detect_encoding, looks_binary

# Metric -> (graph property, is a count that adds up across rows).
METRICS: dict[str, tuple[str, bool]] = {
    "clicks": ("gsc_clicks", True),
    "impressions": ("gsc_impressions", True),
    "ctr": ("gsc_ctr", False),
    "position": ("gsc_position", False),
    "sessions": ("ga_sessions", True),
    "engaged_sessions": ("ga_engaged_sessions", True),
    "key_events": ("ga_key_events", True),
    "views": ("ga_views", True),
    "users": ("ga_users", True),
}
PROPERTIES = tuple(prop for prop, _ in METRICS.values())

# Column names (as csvio column keys) for each metric, English first, then localised UIs.
_METRIC_NAMES: dict[str, tuple[str, ...]] = {
    "clicks": ("clicks", "klicks", "clics", "cliques", "klikken", "kliknięcia"),
    "impressions": ("impressions", "impressionen", "impresiones", "impressões", "impressioni", "vertoningen", "wyświetlenia"),
    "ctr": ("ctr", "click through rate", "durchschnittliche ctr"),
    "position": ("position", "average position", "posición", "posição", "posizione", "positie", "pozycja", "durchschnittliche position"),
    "sessions": ("sessions", "sitzungen", "sesiones", "sessões", "sessioni"),
    "engaged_sessions": ("engaged sessions", "sitzungen mit interaktionen", "sesiones con interacción"),
    "key_events": ("key events", "conversions", "schlüsselereignisse", "conversions (all)", "eventos clave"),
    "views": ("views", "screen page views", "pageviews", "page views", "aufrufe", "vistas"),
    "users": ("active users", "users", "total users", "aktive nutzer", "nutzer", "usuarios activos"),
}

GSC_PAGE_COLUMNS = (
    "top pages", "page", "pages", "häufigste seiten", "top seiten", "seite", "pages les plus populaires",
    "page principale", "páginas principales", "página", "páginas mais frequentes", "pagine principali",
    "populairste pagina's", "najpopularniejsze strony",
)
GSC_OTHER_TABLES = {
    "top queries": "Queries", "query": "Queries", "queries": "Queries", "häufigste suchanfragen": "Queries",
    "requêtes les plus fréquentes": "Queries", "consultas principales": "Queries",
    "date": "Dates", "datum": "Dates", "fecha": "Dates",
    "country": "Countries", "land": "Countries", "pays": "Countries", "país": "Countries",
    "device": "Devices", "gerät": "Devices", "appareil": "Devices", "dispositivo": "Devices",
    "search appearance": "Search appearance", "darstellung in der suche": "Search appearance",
    "filter": "Filters", "filtre": "Filters", "filtro": "Filters",
}
GA4_PAGE_COLUMNS = (
    "landing page", "landing page + query string", "page path and screen class",
    "page path + query string and screen class", "page path", "page location", "full page url",
    "zielseite", "seitenpfad und bildschirmklasse", "página de destino",
)
GENERIC_PAGE_COLUMNS = ("url", "address", "page url", "landing page url")
# Rows that are not pages: totals and GA4's buckets for what it could not attribute.
NOT_PAGES = frozenset({"(not set)", "(other)", "grand total", "total", "totals", "gesamtsumme", "summe"})

KIND_LABELS = {"gsc": "Search Console pages", "ga4": "GA4 pages", "generic": "traffic CSV"}


@dataclass
class TrafficRow:
    line: int
    page: str  # as written: absolute URL (Search Console, generic) or path (GA4)
    metrics: dict[str, float]


@dataclass
class TrafficFile:
    """One traffic table read from a file (or a zip member); `kind` None means ignored, see `note`."""

    name: str
    kind: str | None  # gsc | ga4 | generic | None
    rows: list[TrafficRow] = field(default_factory=list)
    note: str = ""
    digest: str = ""


def read_traffic(path: Path) -> list[TrafficFile]:
    """Every traffic table in `path`: a CSV, a JSON API response, a GSC export zip or a folder."""
    path = Path(path)
    if path.is_dir():
        found = []
        for child in sorted(path.iterdir()):
            if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in (".csv", ".json", ".zip", ".tsv"):
                found.extend(_lenient(lambda: read_traffic(child), child.name))
        if not any(t.kind for t in found):
            raise InputError("the folder holds no traffic export", str(path), fix="pass the CSV files or the export zip")
        return found
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", str(path), fix="check the path") from None
    if data.startswith(b"PK\x03\x04"):
        return _read_zip(path, data)
    return [_read_one(path.name, data, path)]


MAX_METRIC = 1e15  # more clicks than the web has: a damaged cell, and an overflow in Neo4j's integers
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # a traffic table of a few million pages; a zip bomb stops here


def _read_zip(path: Path, data: bytes) -> list[TrafficFile]:
    """The CSV and JSON members of an export zip, each read with a size bound (a member's declared
    size can lie: the bound counts what is actually decompressed)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = []
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith((".csv", ".json")):
                continue
            with archive.open(info) as handle:
                content = handle.read(MAX_MEMBER_BYTES + 1)
            if len(content) > MAX_MEMBER_BYTES:
                raise InputError(f"{info.filename} is larger than {MAX_MEMBER_BYTES // (1024 * 1024)} MB once unzipped",
                                 path.name, fix="pass the export's CSV files themselves, or a real export zip")
            members.append((info.filename, content))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise InputError(f"the zip file is damaged ({exc})", path.name, fix="download the export again") from None
    found = []
    for name, content in members:
        found.extend(_lenient(lambda: [_read_one(f"{path.name}:{name}", content, None)], f"{path.name}:{name}"))
    if not any(t.kind for t in found):
        raise InputError("the zip holds no per-page traffic table", path.name,
                         fix="export Search Console Performance with the Pages tab, or pass Pages.csv")
    return found


def _lenient(read, name: str) -> list[TrafficFile]:
    """In a folder or zip, a file that is no traffic table is skipped with a note, not fatal."""
    try:
        return read()
    except InputError as exc:
        if "matches no traffic export" not in exc.what:
            raise
        return [TrafficFile(name, None, note="not a traffic export, skipped")]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _read_one(name: str, data: bytes, path: Path | None) -> TrafficFile:
    if not data.strip():
        raise InputError("the file is empty", name, fix="export the report again")
    if looks_binary(data):
        raise InputError("this is a binary file, not a CSV or JSON export", name, 1,
                         "download the report as CSV (not Google Sheets or .xlsx)")
    text = _decode(data, name, path)
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith(("{", "[")):
        table = _read_json(name, stripped)
    else:
        table = _read_csv(name, text)
    table.digest = _digest(data)
    return table


def _decode(data: bytes, name: str, path: Path | None) -> str:
    if path is not None:
        encoding = detect_encoding(path)
    else:
        encoding = "utf-8-sig"
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_like_traffic(head: bytes) -> bool:
    """True when the first bytes of a file are a Search Console or GA4 table (for the crawl
    detector, so `load` can say "pass it with --traffic" instead of "unknown columns")."""
    text = head.decode("utf-8", errors="ignore")
    section = next(_sections(text), None)
    if section is None:
        return False
    try:
        _, _, _, kind, _, note = _header_in("", section[0], section[1])
    except InputError:
        return False
    return kind in ("gsc", "ga4") or bool(note)


# -- CSV ------------------------------------------------------------------------------------


def _sections(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) of each table: GA4 files separate tables with `#` comments."""
    start, lines = 0, []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if line.startswith("#") or not line.strip():
            if lines:
                yield start, lines
                lines = []
            continue
        if not lines:
            start = number
        lines.append(line)
    if lines:
        yield start, lines


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def classify(header: Header) -> tuple[str | None, int | None, str]:
    """(kind, page column, note) for a header: gsc, ga4, generic, or None with why it is skipped."""
    first = column_key(header.names[0]) if header.names else ""
    has_gsc = header.has(*_METRIC_NAMES["clicks"]) and header.has(*_METRIC_NAMES["impressions"])
    if first in GSC_OTHER_TABLES and (has_gsc or GSC_OTHER_TABLES[first] == "Filters"):
        table = GSC_OTHER_TABLES[first]
        return None, None, f"Search Console '{table}' table: it is not per page, so it is ignored (load Pages.csv)"
    metrics = [m for m, names in _METRIC_NAMES.items() if header.has(*names)]
    if not metrics:
        return None, None, ""
    if has_gsc:
        page = header.find("keys", *GSC_PAGE_COLUMNS, "landing page", *GENERIC_PAGE_COLUMNS)
        if page is not None:
            return "gsc", page, ""
    page = header.find(*GA4_PAGE_COLUMNS)
    if page is not None:
        return "ga4", page, ""
    page = header.find(*GENERIC_PAGE_COLUMNS, "page", "keys")
    if page is not None:
        return "generic", page, ""
    return None, None, ""


def _header_in(name: str, start: int, lines: list[str]) -> tuple[int, list[str], Header, str | None, int | None, str]:
    """The table's header: its first line, or the second or third when a title row sits above it
    (`"Performance on Search"` when a sheet was saved as CSV)."""
    first: tuple[int, list[str], Header, str | None, int | None, str] | None = None
    for skip in range(min(3, len(lines))):
        try:
            names = [cell.strip() for cell in next(csv.reader([lines[skip]], delimiter=_delimiter(lines[skip])))]
        except (csv.Error, StopIteration) as exc:
            raise InputError(f"malformed CSV: {exc}", name, start + skip, "download the report again") from None
        header = Header(names)
        kind, page_column, note = classify(header)
        found = (start + skip, lines[skip + 1 :], header, kind, page_column, note)
        first = first or found
        if kind is not None or note:
            return found
    assert first is not None
    return first


def _read_csv(name: str, text: str) -> TrafficFile:
    ignored = ""
    for start, lines in _sections(text):
        header_line, data, header, kind, page_column, note = _header_in(name, start, lines)
        if kind is None or page_column is None:
            ignored = ignored or note
            continue
        reader = csv.reader(data, delimiter=_delimiter(lines[header_line - start]))
        columns = {m: header.find(*n) for m, n in _METRIC_NAMES.items() if header.has(*n)}
        raw_rows = []
        try:
            for offset, cells in enumerate(reader, start=1):
                line = header_line + offset
                if not any(c.strip() for c in cells):
                    continue
                page = cells[page_column].strip() if page_column < len(cells) else ""
                if not page or page.lower() in NOT_PAGES:
                    continue
                raw_rows.append((line, page, {m: cells[i].strip() if i < len(cells) else "" for m, i in columns.items()}))
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}", name, header_line, "download the report again") from None
        mark = decimal_mark(name, ((line, raw) for line, _, cells in raw_rows for raw in cells.values()))
        rows = []
        for line, page, cells in raw_rows:
            metrics = {m: _number(raw, mark, m, header.names[columns[m]], name, line) for m, raw in cells.items()}
            rows.append(TrafficRow(line, page, {m: v for m, v in metrics.items() if v is not None}))
        return TrafficFile(name, kind, rows)
    if ignored:
        return TrafficFile(name, None, note=ignored)
    first = next(_sections(text), (1, [""]))
    shown = ", ".join(Header([c.strip() for c in next(csv.reader([first[1][0]], delimiter=_delimiter(first[1][0])))]).names[:8])
    raise InputError(
        f"the header matches no traffic export (columns: {shown})", name, first[0],
        "export Search Console Performance (Pages tab), a GA4 Landing page or Pages and screens report as CSV, "
        "or write url,clicks,impressions,sessions,... columns",
    )


# Cells that show which mark is the decimal one: a decimal part of 1-2 or 4+ digits, or both
# marks in one number, or thousands groups repeated. "1.234" or "0,108" alone could be either.
_COMMA_DECIMAL = re.compile(r"^-?(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})$")
_POINT_DECIMAL = re.compile(r"^-?(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})$")


def _plain(raw: str) -> str:
    return raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").rstrip("%")


def decimal_mark(name: str, cells: Iterable[tuple[int, str]]) -> str | None:
    """The file's decimal mark ("," or "."), read once from the cells that show it; None when no
    cell does. An export is written in one language, so numbers that show both marks in one file
    are an error naming the two lines (they were guessed cell by cell: "1.234" as 1234 beside
    "1,5" as 1.5)."""
    comma = point = None
    for line, raw in cells:
        text = _plain(raw)
        if comma is None and _COMMA_DECIMAL.match(text):
            comma = (line, raw)
        elif point is None and _POINT_DECIMAL.match(text):
            point = (line, raw)
        if comma and point:
            raise InputError(
                f"numbers are written two ways: {comma[1]!r} (line {comma[0]}) has a decimal comma, "
                f"{point[1]!r} (line {point[0]}) a decimal point", name, max(comma[0], point[0]),
                "export the report again without editing it (one language's number format)",
            )
    return "," if comma else "." if point else None


def _number(raw: str, mark: str | None, metric: str, column: str, name: str, line: int) -> float | None:
    if not raw or raw in ("-", "—", "n/a", "N/A"):
        return None
    _, additive = METRICS[metric]
    value: float | None
    if mark is not None:
        text = _plain(raw)
        text = text.replace(".", "").replace(",", ".") if mark == "," else text.replace(",", "")
        try:
            value = float(text)
        except ValueError:
            value = None
    elif additive:
        whole = parse_int(raw)
        value = float(whole) if whole is not None else parse_float(raw)
    else:
        value = parse_float(raw)
    if value is not None and metric == "ctr" and (raw.rstrip().endswith("%") or value > 1):
        value = value / 100
    if value is None or value < 0 or not math.isfinite(value) or value > MAX_METRIC:
        raise InputError(
            f"{column} {raw!r} is not a number{' in range' if value is not None and value >= 0 else ''}", name, line,
            "export the report again without formatting, or fix the cell",
        )
    if metric == "ctr" and value > 1:
        raise InputError(f"{column} {raw!r} is more than 100%", name, line, "export the report again, or fix the cell")
    return value


# -- JSON (Search Analytics API) ------------------------------------------------------------


def _read_json(name: str, text: str) -> TrafficFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", name, exc.lineno, "save the API response as it came") from None
    rows = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise InputError("the JSON has no 'rows' list: not a Search Analytics API response", name, 1,
                         "save the searchanalytics.query response with dimensions ['page']")
    lines = _json_row_lines(text)
    out = []
    for index, row in enumerate(rows):
        line = lines[index] if index < len(lines) else None
        if not isinstance(row, dict):
            raise InputError("a row is not an object", name, line, "save the API response as it came")
        keys = row.get("keys")
        page = (keys[0] if isinstance(keys, list) and keys else None) or row.get("page") or row.get("url")
        if not isinstance(page, str) or not page.strip():
            raise InputError("a row has no page in 'keys' (query with dimensions ['page'])", name, line,
                             "request the Search Analytics API with dimensions: ['page']")
        metrics: dict[str, float] = {}
        for metric in ("clicks", "impressions", "ctr", "position"):
            value = row.get(metric)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or not 0 <= value <= MAX_METRIC or metric == "ctr" and value > 1:
                raise InputError(f"{metric} {value!r} is not a number in range", name, line,
                                 "save the API response as it came")
            metrics[metric] = float(value)
        out.append(TrafficRow(line or index + 1, page.strip(), metrics))
    return TrafficFile(name, "gsc", out)


def _json_row_lines(text: str) -> list[int]:
    """Line of each `"keys"` in the text: good enough to point at a row of an API response."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        count = line.count('"keys"') or line.count('"page"')
        lines.extend([number] * count)
    return lines
