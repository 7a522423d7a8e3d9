"""The server-side bulk path of `archmodel load`: the crawl handed to the server as files.

On the Bolt path every link is a Cypher row: the server plans it, looks up both pages by element
id and builds a property map, about 20,000 to 58,000 links a second on 2 cores (README
"Performance"). archmodel's server extension (launcher/src/bulk, `archmodel.bulk.links`) creates
the same relationships through the Java API from a compact file the client writes into the
server's import folder; pages, entity nodes, their relationships and the pages' metrics go the same
way as row files (`archmodel.bulk.nodes`, `.relationships`, `.set`). Everything else stays the Bolt
path's: the client parses, normalises and validates, the loader decides the batches, and each
batch is one Cypher call in one managed transaction, so a batch commits whole or not at all and the generation is switched only after
the last one (archmodel/db/crawls.py), exactly as on the Bolt path.

The bulk path needs two things of the server: the procedure (archmodel's local server loads the
jar it builds; a self-managed or Docker server needs the jar in its plugins folder) and an import
folder the client can write to. `choose` finds out which path a load takes: it knows the import
folder of a local server `archmodel db start` runs, takes any other from `--import-dir` or
`ARCHMODEL_IMPORT_DIR`, and proves the folder is shared by having the server read back a probe
file the client wrote.

Link file (little-endian; launcher/src/bulk/.../BulkLoad.java reads it): the 8 bytes `AMLINKS1`;
an int32 count of strings, each an int32 byte length and its UTF-8 bytes; an int32 count of rows,
each nine int32: source and target (string ids of the pages' element ids), anchor, alt, position,
anchor_key, names (string ids, -1 for null; names joined by U+001F), count, flags (1 body,
2 follow, 4 own_name). Strings are numbered per file, so repeated anchors and pages cost one int.

Row file: one JSON array (json.dumps, C-fast here; Jackson on the server) of property maps
(nodes), `[start, end, properties]` (relationships) or `[node, properties]` rows, nodes named by
element id. The server stores each value as Cypher's `SET n = map` stores the same parameter:
null leaves the property unset, a list is stored as a list of its items' one type.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import secrets
import struct
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from neo4j import exceptions as neo4j_errors

from archmodel.db import server
from archmodel.db.connection import Graph
from archmodel.db.uri import is_loopback_uri, uri_port
from archmodel.errors import ArchmodelError

LINKS_PROCEDURE = "archmodel.bulk.links"
NODES_PROCEDURE = "archmodel.bulk.nodes"
RELATIONSHIPS_PROCEDURE = "archmodel.bulk.relationships"
SET_PROCEDURE = "archmodel.bulk.set"
PROCEDURES = (LINKS_PROCEDURE, NODES_PROCEDURE, RELATIONSHIPS_PROCEDURE, SET_PROCEDURE)
PROBE_FUNCTION = "archmodel.bulk.probe"
IMPORT_DIR_ENV = "ARCHMODEL_IMPORT_DIR"
LINKS_MAGIC = b"AMLINKS1"
FILE_PREFIX = "archmodel-bulk-"
NAMES_SEPARATOR = "\x1f"
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


class WritePath(str, Enum):
    """How `archmodel load` writes the links: `auto` picks `bulk` when the server can take it."""

    auto = "auto"
    bulk = "bulk"
    bolt = "bolt"


@dataclass(frozen=True)
class Choice:
    """The path a load takes, and why (the load summary names it)."""

    path: WritePath
    reason: str
    import_dir: Path | None = None


def choose(graph: Graph, requested: WritePath, import_dir: Path | None = None) -> Choice:
    """The write path for a load: `bolt` when asked for; `bulk` when the server has the procedure
    and shares its import folder, else `bolt` (or an error when `bulk` was asked for)."""
    if requested is WritePath.bolt:
        return Choice(WritePath.bolt, "--writer bolt")
    folder, unavailable = _bulk_folder(graph, import_dir)
    if folder is not None:
        return Choice(WritePath.bulk, f"server extension, import folder {folder}", folder)
    if requested is WritePath.bulk:
        raise ArchmodelError(
            f"the bulk path is not available: {unavailable}",
            graph.settings.uri,
            "install the extension and name the import folder (README \"Bulk path on your own server\"), "
            "or load with --writer bolt",
        )
    return Choice(WritePath.bolt, unavailable)


def _bulk_folder(graph: Graph, import_dir: Path | None) -> tuple[Path | None, str]:
    """The import folder as this machine sees it, when the bulk path works; else why not."""
    missing = missing_procedures(graph)
    if len(missing) == len(PROCEDURES):
        return None, f"the server has no {LINKS_PROCEDURE} procedure"
    if missing:
        return None, (
            f"the server's archmodel extension is older than this archmodel (no {', '.join(missing)}): "
            "restart a local server (`archmodel db stop`, `archmodel db start`) or copy the jar of "
            "`archmodel db extension` into the server's plugins folder again"
        )
    folder = import_dir or _configured_import_dir() or local_import_dir(graph.settings.uri)
    if folder is None:
        return None, (
            f"the server's import folder is not known: pass --import-dir or set {IMPORT_DIR_ENV} "
            "to the folder the server reads as server.directories.import"
        )
    if not folder.is_dir():
        return None, f"the import folder {folder} does not exist on this machine"
    if not shares_folder(graph, folder):
        return None, f"the server does not read {folder} as its import folder"
    return folder, ""


def missing_procedures(graph: Graph) -> list[str]:
    """The bulk procedures this archmodel calls that the server does not have."""
    rows = graph.read("SHOW PROCEDURES YIELD name WHERE name IN $names RETURN name", {"names": list(PROCEDURES)})
    found = {row["name"] for row in rows}
    return [name for name in PROCEDURES if name not in found]


def _configured_import_dir() -> Path | None:
    value = os.environ.get(IMPORT_DIR_ENV, "").strip()
    return Path(value).expanduser() if value else None


def local_import_dir(uri: str) -> Path | None:
    """The import folder of the server `archmodel db start` runs at `uri` on this machine."""
    if not is_loopback_uri(uri):
        return None
    record = server.read_record(uri_port(uri))
    if record is None or not server.listens_on(record.pid, record.port):
        return None
    return Path(record.data_dir) / "import"


def shares_folder(graph: Graph, folder: Path) -> bool:
    """Whether the server reads `folder` as its import folder: it must read back a probe file."""
    token = secrets.token_hex(16)
    name = f"{FILE_PREFIX}probe-{token}.txt"
    path = folder / name
    try:
        path.write_text(token, encoding="utf-8")
    except OSError:
        return False
    try:
        rows = graph.read(f"RETURN {PROBE_FUNCTION}($file) AS text", {"file": name})
    except neo4j_errors.ClientError:  # the server cannot open the file: it reads another folder
        return False
    finally:
        path.unlink(missing_ok=True)
    return bool(rows) and rows[0]["text"] == token


def encode_links(rows: Sequence[Sequence[Any]]) -> bytes:
    """One link file from loader rows [source id, target id, anchor, alt, position, body, follow,
    count, anchor_key, names, own_name]."""
    strings: dict[str, int] = {}

    def string_id(text: str | None) -> int:
        if text is None:
            return -1
        number = strings.get(text)
        if number is None:
            number = strings[text] = len(strings)
        return number

    ints = array("i")
    for source, target, anchor, alt, position, body, follow, count, anchor_key, names, own_name in rows:
        ints.extend((
            string_id(source), string_id(target), string_id(anchor), string_id(alt), string_id(position),
            string_id(anchor_key), -1 if names is None else string_id(NAMES_SEPARATOR.join(names)), count,
            (1 if body else 0) | (2 if follow else 0) | (4 if own_name else 0),
        ))
    if sys.byteorder != "little":
        ints.byteswap()
    parts = [LINKS_MAGIC, struct.pack("<i", len(strings))]
    for text in strings:
        encoded = text.encode("utf-8")
        parts.append(struct.pack("<i", len(encoded)))
        parts.append(encoded)
    parts.append(struct.pack("<i", len(rows)))
    parts.append(ints.tobytes())
    return b"".join(parts)


def encode_rows(rows: Sequence[Any]) -> bytes:
    """One row file: the rows as one JSON array (see the module's docstring)."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def without_nulls(properties: dict[str, Any]) -> dict[str, Any]:
    """The properties a `SET n += map` should set: a null would remove the property instead of
    leaving it as it is, which the bulk path's `set` does."""
    return {key: value for key, value in properties.items() if value is not None}


class BulkFiles:
    """Writes the batches of one load through the server extension.

    Files are named after the site, so the next load of the site (which holds the site's lease)
    can remove what a killed load left in the import folder. The links' writer thread and the
    main thread write at once, so the files are numbered by one shared counter.
    """

    def __init__(self, graph: Graph, folder: Path, host: str, crawl_id: str) -> None:
        self.graph = graph
        self.folder = folder
        # "~" never survives _UNSAFE, so one site's prefix is never the start of another's
        # ("a.example~" against "a.example-clinic.org~"), whose load may be running
        self.prefix = f"{FILE_PREFIX}{_UNSAFE.sub('_', host)}~"
        self.crawl_id = crawl_id
        self._numbers = itertools.count(1)

    def remove_leftovers(self) -> None:
        """Files of earlier loads of this site that were killed before removing them."""
        for path in self.folder.glob(f"{self.prefix}*"):
            path.unlink(missing_ok=True)

    def write_links(self, rows: Sequence[Sequence[Any]]) -> int:
        """Create one batch of links in one transaction; returns how many the server created."""
        created = self._call("links", encode_links(rows), f"CALL {LINKS_PROCEDURE}($file) YIELD links RETURN links")
        return int(created[0]["links"])

    def create_nodes(self, label: str, rows: Sequence[dict[str, Any]]) -> list[str]:
        """One `label` node per property map, in one transaction; their element ids in row order."""
        created = self._call(
            "nodes", encode_rows(rows), f"CALL {NODES_PROCEDURE}($file, $label) YIELD elements RETURN elements",
            label=label,
        )
        return list(created[0]["elements"])

    def create_relationships(self, rel: str, rows: Sequence[tuple[str, str, dict[str, Any]]]) -> int:
        """One `rel` relationship per (start, end, properties) row, ends by element id."""
        created = self._call(
            "relationships", encode_rows(rows),
            f"CALL {RELATIONSHIPS_PROCEDURE}($file, $type) YIELD rows RETURN rows", type=rel,
        )
        return int(created[0]["rows"])

    def set_properties(self, rows: Sequence[tuple[str, dict[str, Any]]]) -> int:
        """Set each (node element id, properties) row's properties; a null leaves one as it is."""
        done = self._call("set", encode_rows(rows), f"CALL {SET_PROCEDURE}($file) YIELD rows RETURN rows")
        return int(done[0]["rows"])

    def _call(self, kind: str, payload: bytes, query: str, **parameters: Any) -> list[dict[str, Any]]:
        name = f"{self.prefix}{_UNSAFE.sub('_', self.crawl_id)}-{next(self._numbers)}.{kind}"
        path = self.folder / name
        path.write_bytes(payload)
        try:
            return self.graph.write(query, {"file": name, **parameters})
        finally:
            path.unlink(missing_ok=True)
