"""The shape of one row of `archmodel diff`: page, link, mover and finding rows alike.

Kept apart from diff.py because the findings comparison (findings.py) writes rows too, and
diff.py reads the findings comparison.
"""

from __future__ import annotations

from typing import Any

COLUMNS = ["section", "change", "url", "source", "target", "kind", "old", "new", "check", "severity", "keys", "detail"]
SECTIONS = ("page", "link", "depth", "pagerank", "finding")


def row(section: str, change: str, **values: Any) -> dict[str, Any]:
    return {column: values.get(column) for column in COLUMNS} | {"section": section, "change": change}
