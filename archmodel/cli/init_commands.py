"""`archmodel init`: propose a starting site.yml from a crawl."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from archmodel.cli import app
from archmodel.cli.output import log
from archmodel.errors import ConfigError
from archmodel.ingest.init_model import propose_site_model


@app.command("init")
def init(
    crawl: Path = typer.Option(..., "--from", help="Crawl export folder (or file) to read URL folders from."),
    output: Path = typer.Option(Path("site.yml"), "--output", "-o", help="Where to write the proposal ('-' for stdout)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Propose a site model (page-type rules, entities, trust pages) from a crawl's URL folders.

    Example: archmodel init --from crawl/ -o site.yml
    """
    to_stdout = str(output) == "-"
    if not to_stdout and output.exists() and not force:
        raise ConfigError(
            f"{output.name} already exists", str(output), "pass --force to overwrite it or choose another -o"
        )
    text = propose_site_model([crawl], Path("site.yml") if to_stdout else output)
    if to_stdout:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    rules = sum(1 for line in text.splitlines() if line.startswith("  - {match:"))
    log(f"Wrote {output} with {rules} page-type rules; review it, then: archmodel load {crawl} --site {output}")
