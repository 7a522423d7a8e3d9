"""Screaming Frog's Structured Data export: the schema.org types found on each page.

The Structured Data tab (Configuration > Spider > Extraction: JSON-LD, Microdata, RDFa and
Schema.org Validation on; exported from the tab with its All filter) has one row per URL:
`Address`, often `Status Code`, `Status` and `Indexability`, then `Errors`, `Warnings`
(validation issues), `Total Types`, `Unique Types` and one column per itemtype found, `Type 1`,
`Type 2`, ... (`Type-1` in some versions; compared as column keys, so both read). The types are kept as found, in column order, once each; a type written as a schema.org URL
(`https://schema.org/Physician`, Microdata's itemtype) is stored by its name (`Physician`).
It yields neither pages nor links: the loader stores what it reads on the crawl's pages
(docs/graph-model.md `Page.schema_types`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.cells import cell
from archmodel.ingest.detect import STRUCTURED_DATA_KIND, STRUCTURED_DATA_MARKERS
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.common import CsvReader, require_columns

STREAM = "structured data"
_TYPE_COLUMN = re.compile(r"^type (\d+)$")  # a column key: `Type 1`, `Type-1`, `type_1`
_SCHEMA_ORG = re.compile(r"^(?:https?://(?:www\.)?schema\.org/|schema:)", re.IGNORECASE)


@dataclass(slots=True)
class StructuredDataRecord:
    """The structured data of one URL (normalised): its types as found and its validation counts."""

    url: str
    types: list[str]
    errors: int | None
    warnings: int | None


def type_name(text: str) -> str:
    """`https://schema.org/Physician`, `schema:Physician` and `Physician` are all `Physician`."""
    return _SCHEMA_ORG.sub("", text.strip()).strip("/")


class StructuredDataReader(CsvReader):
    """Types and validation counts per URL from a Structured Data export (`structured_data_all.csv`)."""

    kind = STRUCTURED_DATA_KIND

    def __init__(self, path: Path, options: ReadOptions | None = None) -> None:
        super().__init__(path, options)
        require_columns(self.csv, "Screaming Frog Structured Data", ("Address",), STRUCTURED_DATA_MARKERS)
        numbered = [
            (int(match.group(1)), index)
            for key, index in self.csv.header.keys.items()
            if (match := _TYPE_COLUMN.match(key))
        ]
        self.type_columns = [index for _, index in sorted(numbered)]

    def records(self, normaliser: UrlNormaliser) -> Iterator[StructuredDataRecord]:
        """One record per row naming a URL of the site the crawler fetched (`fetched_rows` counts
        the others); bad counts are warnings (or errors with --strict)."""
        h = self.csv.header
        address = h.find("Address")
        status_code = h.find("Status Code")
        status_text = h.find("Status")
        errors = h.find("Errors")
        warnings = h.find("Warnings")
        account, check = self.start(STREAM)
        rows = self.fetched_rows(account, check, normaliser, address, status_code, status_text)
        for line, cells, url, _ in rows:
            types: list[str] = []
            for index in self.type_columns:
                for written in (cell(cells, index) or "").split(","):
                    name = type_name(written)
                    if name and name not in types:
                        types.append(name)
            yield StructuredDataRecord(
                url, types, check.count(cells, errors, line), check.count(cells, warnings, line)
            )
        check.finish()
