"""Escaping for every place a crawl-sourced string can land in a shared HTML file.

Titles, H1s, anchors and URLs come from the crawled site, so they are untrusted: a page titled
`<img src=x onerror=...>` must show as text in a map or report that a stakeholder opens from an
email (docs/targets.md "Shared HTML is inert"). There are three sinks, each with its own rule:

- HTML text and attribute values: `html_text` (full HTML escaping, quotes included);
- Plotly text (hover text, legend names, tick labels): Plotly renders them through its own
  pseudo-HTML parser, which understands `<b>`, `<br>`, `<a href>` and decodes only `&amp;`,
  `&lt;`, `&gt;` and numeric entities. `plotly_text` escapes `&`, `<`, `>` so nothing is read
  as a tag, and leaves quotes alone (they cannot open a tag and `&quot;` would show literally);
- JSON inside `<script>`: `script_json` escapes `<`, `>`, `&` and the two JavaScript line
  separators, so `</script>` or `<!--` in a value cannot end or confuse the script element.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return _CONTROL.sub(" ", str(value))


def html_text(value: Any) -> str:
    """Escape for HTML text or a quoted attribute value."""
    return html.escape(_clean(value), quote=True)


_CODE_SPAN = re.compile(r"`([^`]+)`")


def html_prose(value: Any) -> str:
    """Text written for the terminal and the report alike (a check's hint text), escaped, with its
    `code` spans (commands, parameters, schema.org properties) set as <code>, not shown with
    their backticks."""
    return _CODE_SPAN.sub(r"<code>\1</code>", html_text(value))


def plotly_text(value: Any, limit: int | None = None) -> str:
    """Escape for a Plotly label or hover line; `limit` shortens long crawl strings first."""
    text = _clean(value).replace("\r", " ").replace("\n", " ")
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value: Any) -> str:
    """JSON that is safe to place verbatim inside a `<script>` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group(0)], text)
