"""`archmodel init`: propose a site.yml (page types and the medical model) from a crawl."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from archmodel.cli.root import app
from archmodel.cli.load_summary import max_bad_rows_share
from archmodel.cli.output import log
from archmodel.errors import ConfigError
from archmodel.ingest.accounting import DEFAULT_MAX_BAD_ROWS, ReadOptions


@app.command("init")
def init(
    crawl: list[Path] = typer.Option(..., "--from", help="Crawl export folder or file (repeat for several)."),
    sitemap: list[Path] = typer.Option([], "--sitemap", help="A sitemap.xml to read besides the crawl (repeatable)."),
    output: Path = typer.Option(Path("site.yml"), "--output", "-o", help="Where to write the proposal ('-' for stdout)."),
    merge: Path | None = typer.Option(None, "--merge", help="Add what the crawl shows to this existing site.yml "
                                      "(written back in place unless -o is given); its entries and comments stay."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    strict: bool = typer.Option(
        False, "--strict", help="Refuse bad bytes, control characters and invalid numbers instead of warning (as load)."
    ),
    max_bad_rows: str = typer.Option(
        f"{DEFAULT_MAX_BAD_ROWS * 100:g}%", "--max-bad-rows",
        help="Share of a file's rows that may hold invalid numbers before reading fails, in percent (as load).",
    ),
) -> None:
    """Infer a site model from a crawl: page types, specialties, conditions with synonyms and care
    pathways, providers and locations with what they treat and offer, related conditions.

    Every entry carries a comment with its evidence and confidence; uncertain ones are commented out.
    The crawl is read as `archmodel load` reads it: a file load refuses, init refuses.
    Example: archmodel init --from crawl/ -o site.yml; later: archmodel init --from new-crawl/ --merge site.yml
    """
    from archmodel.infer.merge import merge as merge_model
    from archmodel.infer.pipeline import infer_model, propose

    options = ReadOptions(strict=strict, max_bad_rows=max_bad_rows_share(max_bad_rows))
    to_stdout = str(output) == "-"
    explicit_output = output != Path("site.yml") or to_stdout
    if merge is not None:
        if not merge.is_file():
            raise ConfigError(f"{merge.name} not found", str(merge), "pass the site.yml to merge into, or drop --merge")
        from archmodel.ingest.sitemodel import load_site_model

        load_site_model(merge)  # errors name file, line and key before the crawl is read
        inferred = infer_model(crawl, sitemap, options)
        _warn(inferred.read_warnings)
        result = merge_model(merge, inferred)
        target = output if explicit_output else merge
        if to_stdout:
            sys.stdout.write(result.text)
            return
        if target != merge and target.exists() and not force:
            raise ConfigError(f"{target.name} already exists", str(target), "pass --force to overwrite it or choose another -o")
        target.write_text(result.text, encoding="utf-8")
        summary = ", ".join(f"{len(v)} {k}" for k, v in result.added.items() if v) or "nothing new"
        log(f"Merged into {target}: {summary}.")
        return
    if not to_stdout and output.exists() and not force:
        raise ConfigError(
            f"{output.name} already exists", str(output),
            "pass --force to overwrite it, --merge to add to it, or choose another -o",
        )
    text, model = propose(crawl, Path("site.yml") if to_stdout else output, sitemap, options=options)
    _warn(model.read_warnings)
    if model.why_no_medical:
        log(model.why_no_medical)
    if model.without_links:
        log(model.without_links)
    if to_stdout:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    counts = ", ".join(f"{sum(1 for e in items if e.accepted)} {kind}" for kind, items in model.lists().items())
    log(f"Wrote {output}: {len(model.rules)} page-type rules, {counts}; mean confidence {model.confidence():.2f}. "
        f"Review it, then: archmodel load {' '.join(map(str, crawl))} --site {output}")


def _warn(warnings: list[str]) -> None:
    """What the readers said of the files (bytes replaced, characters dropped), worded as `load` words it."""
    for warning in warnings:
        log(f"Warning: {warning}")
