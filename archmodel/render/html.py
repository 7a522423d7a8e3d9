"""Self-contained HTML pages: plotly.js inlined once, no network, a strict Content-Security-Policy.

The files go out by email and are opened offline, so everything they need is inside: plotly.js,
our small scripts, the data. The CSP meta tag allows exactly the inline scripts this module wrote
(by SHA-256 hash), no other script source, no network connections, no fonts, no frames, no
forms. Crawl-sourced markup that slipped through escaping could therefore still not run, and an
injected `onerror=` attribute is blocked as well. Plotly needs inline styles (it styles its own
SVG) and data: images (its modebar), so those two are allowed, and its WebGL layer (regl)
compiles shader wrappers with `new Function`, so `'unsafe-eval'` is allowed too: without it every
WebGL map silently shows "WebGL is not supported" (measured in headless Chromium). That keeps
the property that matters: no script runs unless this module put it in the file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources

import plotly.io as pio
from plotly.offline import get_plotlyjs

from archmodel.render.escape import html_text, script_json
from archmodel.render.traces import PLOTLY_CONFIG, MapView

SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("archmodel.render").joinpath("assets", name).read_text(encoding="utf-8")


def _is_executable(attrs: str) -> bool:
    match = re.search(r'type\s*=\s*"([^"]*)"', attrs)
    return match is None or match.group(1) in ("text/javascript", "module", "")


def content_security_policy(document: str) -> str:
    """A policy allowing only the inline scripts present in `document`, by hash."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode() + "'"
            for m in SCRIPT_RE.finditer(document)
            if _is_executable(m.group("attrs"))
        }
    )
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join([*hashes, "'unsafe-eval'"]),
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src 'none'",
            "connect-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def map_section(view: MapView, dom_id: str) -> str:
    """A map block: controls, the Plotly div, its options and (if aggregated) its payload."""
    figure_html = pio.to_html(
        view.figure,
        full_html=False,
        include_plotlyjs=False,
        div_id=dom_id,
        config=PLOTLY_CONFIG,
        default_height=f"{view.height}px",
        default_width="100%",
        validate=False,
    )
    controls = []
    if view.options.get("search"):
        controls.append(
            f'<form class="am-search" role="search"><label>Find a page '
            f'<input type="search" placeholder="URL or title" aria-label="Find a page by URL or title"></label> '
            f'<button type="submit">Find</button> <span class="am-status" aria-live="polite"></span></form>'
        )
    drill = view.options.get("drill")
    if drill:
        options = ['<option value="-1">All clusters (overview)</option>'] + [
            f'<option value="{i}">{html_text(c["name"])} ({c["pages"]:,} pages)</option>'
            for i, c in enumerate(drill["clusters"])
        ]
        controls.append(f'<label>Cluster <select class="am-drill">{"".join(options)}</select></label>')
    notes = "".join(f"<p class=\"am-note\">{html_text(n)}</p>" for n in view.notes)
    payload = (
        f'<script type="application/octet-stream" class="am-payload">{view.payload}</script>' if view.payload else ""
    )
    return (
        f'<section class="am-map" id="{dom_id}-section">'
        f"<h2>{html_text(view.title)}</h2>"
        f'<p class="am-description">{html_text(view.description)}</p>{notes}'
        f'<div class="am-controls">{"".join(controls)}</div>'
        f'<ol class="am-results"></ol>'
        f"{figure_html}"
        f'<script type="application/json" class="am-options">{script_json(view.options)}</script>'
        f"{payload}</section>"
    )


def page(title: str, body: str, extra_css: str = "", scripts: tuple[str, ...] = ("map.js",)) -> str:
    """A complete document with plotly.js inlined once and the policy computed from its scripts."""
    tail = "".join(f"<script>{asset(name)}</script>" for name in scripts)
    head_rest = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(title)}</title>"
        '<link rel="icon" href="data:,">'
        f"<style>{asset('style.css')}{extra_css}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script>'
    )
    rest = f"{head_rest}</head><body>{body}{tail}</body></html>"
    policy = content_security_policy(rest)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html_text(policy)}">{rest}'
    )


def map_page(view: MapView, heading: str) -> str:
    """One map as its own file."""
    body = f'<main class="am-single"><p class="am-kicker">{html_text(heading)}</p>{map_section(view, "map")}</main>'
    return page(f"{heading}: {view.title}", body)
