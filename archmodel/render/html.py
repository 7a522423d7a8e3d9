"""HTML pages that open offline: plotly.js inlined once or shared, a strict Content-Security-Policy.

A single file goes out by email and is opened offline, so everything it needs is inside:
plotly.js, our small scripts, the data. A folder of maps and the report (`archmodel demo`,
`report --maps-dir`) instead loads one `plotly.min.js` written beside them (`PLOTLY_FILE`), which
saves about 4.8 MB per file. The CSP meta tag allows exactly the inline scripts this module wrote
(by SHA-256 hash), no other script source, no network connections, no fonts, no frames, no
forms. Crawl-sourced markup that slipped through escaping could therefore still not run, and an
injected `onerror=` attribute is blocked as well. Plotly needs inline styles (it styles its own
SVG) and data: images (its modebar), so those two are allowed, and its WebGL layer (regl)
compiles shader wrappers with `new Function`, so `'unsafe-eval'` is allowed too: without it every
WebGL map silently shows "WebGL is not supported" (measured in headless Chromium). That keeps
the property that matters: no script runs unless this module put it in the file.

A page that loads the shared plotly.min.js also allows `'self'`, and opens with a banner saying
what to do, which a small inline script removes once Plotly has loaded: copied out of its folder,
the page says why its charts are blank instead of looking empty. The report is always
self-contained (`write_all` inlines plotly.js in it; only the maps of a folder share the file). Subresource Integrity would pin
the exact file, but Chromium refuses integrity checks on file:// scripts (they are not CORS
requests; measured: "the resource requires the request to be CORS enabled"), so the file is
allowed by origin. On file:// Chromium counts every local file as 'self'; inline scripts and event
handlers that were not written here stay blocked all the same.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import plotly.io as pio
from plotly.offline import get_plotlyjs

from archmodel.render.escape import html_text, script_json
from archmodel.render.traces import PLOTLY_CONFIG, MapView

PLOTLY_FILE = "plotly.min.js"
NOPLOTLY_CHECK = ("<script>if (window.Plotly) { var banner = document.getElementById('am-noplotly'); "
                  "if (banner) { banner.remove(); } }</script>")
SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("archmodel.render").joinpath("assets", name).read_text(encoding="utf-8")


def _is_executable(attrs: str) -> bool:
    match = re.search(r'type\s*=\s*"([^"]*)"', attrs)
    return match is None or match.group(1) in ("text/javascript", "module", "")


def write_plotly_js(folder: Path) -> str:
    """Write plotly.js into `folder` once (kept when already identical); its name for `src`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / PLOTLY_FILE
    text = get_plotlyjs()
    if not target.exists() or target.stat().st_size != len(text.encode("utf-8")) or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return PLOTLY_FILE


def content_security_policy(document: str, shared_script: bool = False) -> str:
    """A policy allowing only the inline scripts present in `document`, by hash, and with
    `shared_script` the plotly.min.js beside the file."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode() + "'"
            for m in SCRIPT_RE.finditer(document)
            if _is_executable(m.group("attrs")) and not re.search(r"\bsrc\s*=", m.group("attrs"))
        }
    )
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join([*(["'self'"] if shared_script else []), *hashes, "'unsafe-eval'"]),
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
            '<form class="am-search" role="search"><label>Find a page '
            '<input type="search" placeholder="URL or title" aria-label="Find a page by URL or title"></label> '
            '<button type="submit">Find</button> <span class="am-status" aria-live="polite"></span></form>'
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


def page(
    title: str, body: str, extra_css: str = "", scripts: tuple[str, ...] = ("map.js",), plotly_src: str | None = None
) -> str:
    """A complete document with plotly.js inlined once (or loaded from `plotly_src`, a file
    beside it) and the policy computed from its scripts."""
    tail = "".join(f"<script>{asset(name)}</script>" for name in scripts)
    if plotly_src:
        # Visible until Plotly has loaded: a page copied out of its folder says why it is blank.
        body = (
            f'<div class="am-noplotly" id="am-noplotly" role="alert"><b>The charts cannot load.</b> This page '
            f"draws them with {html_text(plotly_src)}, written beside it: keep the two files in one folder, or "
            "send the self-contained report (<code>archmodel report -o report.html</code>), which needs "
            "nothing else.</div>" + body
        )
        tail = NOPLOTLY_CHECK + tail
    head_rest = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(title)}</title>"
        '<link rel="icon" href="data:,">'
        f"<style>{asset('style.css')}{extra_css}</style>"
        + (f'<script src="{html_text(plotly_src)}"></script>' if plotly_src
           else f'<script type="text/javascript">{get_plotlyjs()}</script>')
    )
    rest = f"{head_rest}</head><body>{body}{tail}</body></html>"
    policy = content_security_policy(rest, shared_script=plotly_src is not None)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html_text(policy)}">{rest}'
    )


def map_page(view: MapView, heading: str, plotly_src: str | None = None) -> str:
    """One map as its own file (self-contained unless `plotly_src` names a shared plotly.js)."""
    body = f'<main class="am-single"><p class="am-kicker">{html_text(heading)}</p>{map_section(view, "map")}</main>'
    return page(f"{heading}: {view.title}", body, plotly_src=plotly_src)
