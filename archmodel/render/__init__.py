"""Interactive maps and the stakeholder report: self-contained HTML files, safe to share.

Entry points (see docs/maps-and-report.md): `write_map`, `write_report`, `write_all`, `write_maps`, and
`build_view` / `build_report` for the HTML text.
"""

from archmodel.render.api import VIEWS, build_report, build_view, write_all, write_map, write_maps, write_report

__all__ = ["VIEWS", "build_report", "build_view", "write_all", "write_map", "write_maps", "write_report"]
