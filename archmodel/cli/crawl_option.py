"""`--crawl ID|-N|DATE`, shared by every command that reads a crawl (archmodel/db/crawls.py)."""

from __future__ import annotations

from typing import Annotated

import typer

CrawlOption = Annotated[
    str | None,
    typer.Option(
        "--crawl",
        metavar="ID|-N|DATE",
        help="Read a kept crawl instead of the current one: its id, -N (N crawls before the current), "
        "or a date YYYY-MM-DD (the newest crawl loaded that day, UTC); see `archmodel crawls list`.",
    ),
]
