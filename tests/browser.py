"""Open a local HTML file in real headless Chromium and report what happened.

Shared by the browser tests: Debian's `/usr/bin/chromium` driven by Playwright (never
`playwright install`). Software WebGL needs `--enable-unsafe-swiftshader`, else WebGL traces draw
only their axes, silently (research-notes.md "Plotly maps"). Every request is routed and counted,
so a test can prove a file made no network request; console errors and page errors are
collected, so a test can prove nothing failed or was blocked. The one request allowed besides
the file itself is the shared plotly.min.js beside it (files of a folder share one copy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

RENDERED_JS = """() => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  return plots.length > 0 && plots.every(p => p._fullData && p._fullData.length > 0 && p._fullLayout);
}"""


@dataclass
class PageVisit:
    """What one page load did: requests, console messages, errors; `page` stays usable."""

    page: Any
    file_url: str
    allowed: tuple[str, ...] = ()
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    console_messages: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.file_url and url not in self.allowed]

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg) if arg is not None else self.page.evaluate(script)

    def plot_summaries(self) -> list[dict[str, Any]]:
        return self.page.evaluate(
            """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => ({
                id: p.id,
                traces: p._fullData.length,
                types: p._fullData.map(t => t.type),
                canvases: p.querySelectorAll('canvas').length,
                points: p._fullData.reduce((n, t) => n + ((t.x && t.x.length) || (t.z && t.z.length) || 0), 0)
            }))"""
        )


@contextmanager
def browser(classic_scrollbars: bool = False) -> Iterator[Any]:
    """Headless Chromium; `classic_scrollbars` draws scrollbars that take width from the page, as a
    desktop browser on Windows or Linux does (headless hides them by default)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            ignore_default_args=["--hide-scrollbars"] if classic_scrollbars else None,
        )
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def open_html(
    path: Path,
    width: int = 1500,
    height: int = 1000,
    timeout_ms: int = 30_000,
    before_load: Callable[[Any], None] | None = None,
    chromium: Any = None,
    wait_for_plots: bool = True,
) -> Iterator[PageVisit]:
    """Load `path`, wait until every Plotly figure has rendered data (unless `wait_for_plots` is
    false: a page expected to fail to draw), yield the visit.

    `chromium`: a browser from `browser()` to reuse across many files, else one is started."""
    if chromium is None:
        with browser() as started:
            with open_html(path, width, height, timeout_ms, before_load, started, wait_for_plots) as visit:
                yield visit
        return
    file_url = path.resolve().as_uri()
    shared = (path.resolve().parent / "plotly.min.js").as_uri()
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    visit = PageVisit(page=page, file_url=file_url, allowed=(shared,))

    def route(route_request: Any) -> None:
        url = route_request.request.url
        if url == file_url or url == shared:
            route_request.continue_()
        else:
            route_request.abort()

    context.route("**/*", route)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda msg: _console(visit, msg))
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    if before_load is not None:
        before_load(page)
    page.goto(file_url, wait_until="load", timeout=timeout_ms)
    if wait_for_plots:
        page.wait_for_function(RENDERED_JS, timeout=timeout_ms)
    yield visit
    context.close()


def _console(visit: PageVisit, message: Any) -> None:
    text = f"{message.type}: {message.text}"
    visit.console_messages.append(text)
    if message.type == "error":
        visit.console_errors.append(text)
