"""`archmodel synth`: write a realistic synthetic medical site crawl and its site model."""

from __future__ import annotations

from pathlib import Path

import typer

from archmodel.cli.root import app
from archmodel.cli.output import log
from archmodel.errors import ArchmodelError
from archmodel.synth.generate import MIN_PAGES, generate_synth

SYNTH_FILES = {"internal_all.csv", "all_inlinks.csv", "sitemap.xml", "site.yml", "providers.csv"}


@app.command("synth")
def synth(
    pages: int = typer.Option(..., "--pages", "-n", help="How many crawled pages (S=1000, M=10000, L=100000)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write the files into (created if missing)."),
    seed: int = typer.Option(1, "--seed", help="Random seed: the same pages and seed give byte-identical files."),
    force: bool = typer.Option(False, "--force", help="Overwrite the files of an earlier synth in the folder."),
) -> None:
    """Write a synthetic health-system crawl (Screaming Frog format), sitemap.xml, site.yml and providers.csv.

    Example: archmodel synth --pages 10000 -o crawl-m/ --seed 1
    """
    if pages < MIN_PAGES:
        raise ArchmodelError(f"--pages {pages} is too small", "--pages", f"use at least {MIN_PAGES}")
    if output.exists() and not output.is_dir():
        raise ArchmodelError(f"{output} is a file, not a folder", "--output", "name a folder to write into")
    taken = sorted(f.name for f in output.glob("*") if f.name in SYNTH_FILES) if output.is_dir() else []
    if taken and not force:  # a hand-edited site.yml must not vanish under a second synth
        raise ArchmodelError(f"{output} already holds {', '.join(taken)}", "--output",
                             "pass --force to overwrite them or choose another folder")
    generate_synth(pages, output, seed, progress=log)
