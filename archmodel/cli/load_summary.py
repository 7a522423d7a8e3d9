"""What `archmodel load` prints when it is done: one line for people, the input summary, or JSON.

The summary says, per input file, how many rows were read, loaded, skipped by reason (external,
non-HTML, resource, duplicate, never fetched by the crawler, with the crawler's reasons) and
rejected, so a file that lost most of its rows is seen at once
rather than discovered in the audit. Without `--format` the result line goes to standard output
as before and the summary table to standard error; `--format json` prints one object (the
counts, warnings and the summary) and the other formats print the summary rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from archmodel.cli.output import Format, emit, log, to_json, write_output
from archmodel.errors import ConfigError
from archmodel.ingest.accounting import SKIP_REASONS, SUMMARY_COLUMNS, summary_key

if TYPE_CHECKING:
    from archmodel.ingest.loader import LoadResult


def max_bad_rows_share(text: str) -> float:
    """`1%`, `1` and `0.5%` are percentages of a file's rows; returned as a share (0.01)."""
    value = text.strip().removesuffix("%").strip()
    try:
        percent = float(value)
    except ValueError:
        percent = -1.0
    if not 0 <= percent <= 100:
        raise ConfigError(
            f"{text!r} is not a percentage from 0 to 100", "--max-bad-rows", "pass e.g. --max-bad-rows 1 or 2.5%"
        )
    return percent / 100


def summary_lines(inputs: list[dict[str, Any]]) -> list[str]:
    """`all_inlinks.csv  links: 1,200 read, 1,100 loaded, 80 resource, 20 external` per input."""
    width = max((len(row["file"]) for row in inputs), default=0)
    lines = []
    for row in inputs:
        parts = [f"{row['read']:,} read", f"{row['loaded']:,} loaded"]
        for reason in SKIP_REASONS:
            count = row[summary_key(reason)]
            if count and reason == "never fetched":
                reasons = ", ".join(f"{n:,} {text}" for text, n in (row.get("never_fetched") or {}).items())
                parts.append(f"{count:,} never fetched" + (f" ({reasons})" if reasons else ""))
            elif count:
                parts.append(f"{count:,} skipped ({reason})")
        if row["rejected"]:
            parts.append(f"{row['rejected']:,} rejected")
        if row["bad_values"]:
            parts.append(f"{row['bad_values']:,} with invalid numbers (stored as null)")
        lines.append(f"  {row['file']:<{width}}  {row['records']}: " + ", ".join(parts))
    return lines


def result_object(result: LoadResult) -> dict[str, Any]:
    rate = result.links / result.seconds if result.seconds else 0
    return {
        "site": result.site,
        "crawl": result.crawl_id,
        "unchanged": result.unchanged,
        "pages": result.pages,
        "links": result.links,
        "seconds": round(result.seconds, 3),
        "links_per_s": round(rate),
        "writer": result.write_path,
        "warnings": list(result.warnings),
        "inputs": result.inputs,
    }


def emit_load_result(result: LoadResult, fmt: Format | None, output: Path | None) -> None:
    if fmt is None and output is not None:
        fmt = Format.json
    if fmt is Format.json:
        write_output(to_json(result_object(result)), output, "the load result")
        return
    if fmt is not None:
        emit(result.inputs, fmt, output, columns=SUMMARY_COLUMNS, title=f"archmodel load: {result.site}")
        return
    if result.inputs:
        log("Input summary:")
        for line in summary_lines(result.inputs):
            log(line)
    if result.unchanged:
        print(f"{result.site}: unchanged, crawl {result.crawl_id} is already loaded.")
        return
    rate = result.links / result.seconds if result.seconds else 0
    print(
        f"Loaded {result.site}: {result.pages:,} pages, {result.links:,} links "
        f"(crawl {result.crawl_id}) in {result.seconds:.1f} s ({rate:,.0f} links/s, {result.write_path} path)."
    )
    log(f"Crawl written on the {result.write_path} path: {result.write_path_reason}.")
    if result.phases:
        log("Time by phase: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.phases.items()))
    if result.peak_memory_mb:
        log("Peak memory (MB) after: " + ", ".join(f"{name} {mb:,}" for name, mb in result.peak_memory_mb.items()))
    if result.site_model_peak_memory_mb:
        log(f"Peak memory (MB) of the child process that read the site model: {result.site_model_peak_memory_mb:,}")
