"""Join traffic rows to the pages of a site's current crawl and store them on its Page nodes.

URLs go through the same `UrlNormaliser` as the crawl (scheme and host case, the site's aliases
and `www.` twin, fragments, escapes), so `http://lakeside-health.example/a/#top` in Search
Console meets `https://www.lakeside-health.example/a/` of the crawl. GA4 paths are resolved
against the site's base URL. The trailing-slash policy of the load is not stored, so a URL the
crawl does not know is also tried with its trailing slash added or removed.

Rules (docs/impact.md "Traffic files"):
- a URL the crawl lacks is tried without its query string (GA4 landing pages carry `utm_`
  parameters) and with the trailing slash toggled;
- rows naming the same page after normalisation are added up (clicks, impressions, sessions,
  views, key events, users); CTR is recomputed as clicks / impressions and position is the
  impression-weighted mean; a file given twice (same bytes) is read once;
- a Search Console export where most rows are on other hosts is of another site: refused;
- rows the crawl has no page for are counted and a few are named (`unmatched`);
- adding traffic replaces the metrics the new files carry on every page of the crawl (so adding
  the same export twice changes nothing) and leaves the others; findings never read them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.errors import InputError
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.traffic import KIND_LABELS, METRICS, TrafficFile, read_traffic

OTHER_SITE_SHARE = 0.5
EXAMPLES = 5


@dataclass
class TrafficResult:
    site: str
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (name, kind label, rows)
    pages: int = 0  # pages of the crawl that got metrics
    matched_rows: int = 0
    unmatched_rows: int = 0
    unmatched_examples: list[str] = field(default_factory=list)
    other_host_rows: int = 0
    duplicate_rows: int = 0
    metrics: list[str] = field(default_factory=list)  # graph properties written
    notes: list[str] = field(default_factory=list)


def site_normaliser(graph: Graph, site: SiteRef) -> UrlNormaliser:
    rows = graph.read("MATCH (s:Site {host: $host}) RETURN s.base_url AS base, s.aliases AS aliases", {"host": site.host})
    base = rows[0]["base"] if rows and rows[0]["base"] else f"https://{site.host}"
    aliases = (rows[0]["aliases"] or []) if rows else []
    return UrlNormaliser(base, aliases)


def _slash_twin(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path
    if path in ("", "/"):
        return url
    twin = path[:-1] if path.endswith("/") else path + "/"
    return url.replace(path, twin, 1) if not parts.query else f"{parts.scheme}://{parts.netloc}{twin}?{parts.query}"


def _known_form(url: str, crawl_urls: set[str]) -> str:
    """`url`, or the form of it the crawl has: the trailing slash toggled, or without a query
    string (GA4 landing pages carry utm_ parameters the crawl never saw)."""
    if url in crawl_urls:
        return url
    bare = url.split("?", 1)[0]
    for candidate in (_slash_twin(url), bare, _slash_twin(bare)):
        if candidate in crawl_urls:
            return candidate
    return url


class _Totals:
    """Metrics of one page summed over rows: counts add up, CTR and position are derived."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.weighted_position = 0.0
        self.position_weight = 0.0
        self.rows = 0

    def add(self, metrics: dict[str, float]) -> None:
        self.rows += 1
        for metric, value in metrics.items():
            if METRICS[metric][1]:
                self.values[metric] = self.values.get(metric, 0.0) + value
        if "position" in metrics:
            weight = metrics.get("impressions", 1.0) or 1.0
            self.weighted_position += metrics["position"] * weight
            self.position_weight += weight
        if "ctr" in metrics and "impressions" not in metrics:
            self.values["ctr"] = metrics["ctr"]

    def properties(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for metric, value in self.values.items():
            prop, additive = METRICS[metric]
            out[prop] = int(value) if additive and float(value).is_integer() else round(value, 4)
        if self.values.get("impressions"):
            out["gsc_ctr"] = round(self.values.get("clicks", 0.0) / self.values["impressions"], 4)
        if self.position_weight:
            out["gsc_position"] = round(self.weighted_position / self.position_weight, 2)
        return out


def read_files(paths: Sequence[Path]) -> tuple[list[TrafficFile], list[str]]:
    """Every table of every path, a repeated file (same bytes) once; notes for what was ignored."""
    tables: list[TrafficFile] = []
    notes: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        for table in read_traffic(Path(path)):
            if table.kind is None:
                notes.append(f"{table.name}: {table.note}")
                continue
            if table.digest in seen:
                notes.append(f"{table.name}: the same content as {seen[table.digest]}; read once")
                continue
            seen[table.digest] = table.name
            tables.append(table)
    if not tables:
        raise InputError(
            "no per-page traffic table found", ", ".join(str(p) for p in paths),
            "pass Search Console's Pages.csv (or the export zip), a GA4 Landing page / Pages and screens CSV, "
            "or a url,metric CSV",
        )
    return tables, notes


def join_traffic(
    tables: Sequence[TrafficFile], normaliser: UrlNormaliser, crawl_urls: set[str], result: TrafficResult
) -> dict[str, _Totals]:
    """Page URL -> summed metrics; counts matched, unmatched, other-host and duplicate rows."""
    totals: dict[str, _Totals] = {}
    for table in tables:
        other_hosts: Counter[str] = Counter()
        first_other: int | None = None
        absolute = 0
        within: set[str] = set()
        for row in table.rows:
            is_absolute = "://" in row.page or row.page.startswith("//")
            absolute += is_absolute
            url = normaliser.normalise(row.page)
            if url is None:
                if is_absolute:
                    other_hosts[urlsplit(row.page if "://" in row.page else "https:" + row.page).hostname or row.page] += 1
                    first_other = first_other or row.line
                continue
            url = _known_form(url, crawl_urls)
            if url not in crawl_urls:
                result.unmatched_rows += 1
                if len(result.unmatched_examples) < EXAMPLES:
                    result.unmatched_examples.append(f"{table.name}, line {row.line}: {row.page}")
                continue
            if url in within:
                result.duplicate_rows += 1
            within.add(url)
            totals.setdefault(url, _Totals()).add(row.metrics)
            result.matched_rows += 1
        foreign = sum(other_hosts.values())
        if absolute and foreign / absolute > OTHER_SITE_SHARE:
            hosts = ", ".join(h for h, _ in other_hosts.most_common(2))
            raise InputError(
                f"{foreign} of {absolute} rows are on other hosts ({hosts}), not {normaliser.host}: "
                "this export is of another site",
                table.name, first_other,
                f"export the Search Console property of {normaliser.host}, or load that site's crawl and pass --site",
            )
        result.other_host_rows += foreign
        result.files.append((table.name, KIND_LABELS[table.kind or "generic"], len(table.rows)))
    return totals


def add_traffic(graph: Graph, site: SiteRef, paths: Sequence[Path]) -> TrafficResult:
    """Read, join and store traffic files on the current crawl of `site`."""
    tables, notes = read_files(paths)
    result = TrafficResult(site.host, notes=notes)
    normaliser = site_normaliser(graph, site)
    urls = {row["url"] for row in graph.read(
        "MATCH (p:Page {crawl: $crawl}) RETURN p.url AS url", {"crawl": site.crawl_id})}
    totals = join_traffic(tables, normaliser, urls, result)
    provided = sorted({METRICS[m][0] for t in tables for r in t.rows for m in r.metrics}
                      | ({"gsc_ctr"} if any("impressions" in r.metrics for t in tables for r in t.rows) else set()))
    rows = [{"url": url, "props": total.properties()} for url, total in sorted(totals.items())]
    result.pages = len(rows)
    result.metrics = provided
    if result.duplicate_rows:
        result.notes.append(
            f"{_rows(result.duplicate_rows)} named a page another row of the same file already named "
            "(after URL normalisation): their metrics were added up"
        )
    _store(graph, site, rows, provided, [name for name, _, _ in result.files])
    return result


def _store(graph: Graph, site: SiteRef, rows: list[dict[str, Any]], provided: list[str], files: list[str]) -> None:
    if provided:
        removals = ", ".join(f"p.{prop}" for prop in provided)
        graph.run_autocommit(
            f"MATCH (p:Page {{crawl: $crawl}}) CALL (p) {{ REMOVE {removals} }} IN TRANSACTIONS OF 10000 ROWS",
            {"crawl": site.crawl_id},
        )
    for start in range(0, len(rows), 5000):
        graph.write(
            "UNWIND $rows AS r MATCH (p:Page {crawl: $crawl, url: r.url}) SET p += r.props",
            {"crawl": site.crawl_id, "rows": rows[start : start + 5000]},
        )
    sources = sorted({"gsc" for p in provided if p.startswith("gsc_")} | {"ga" for p in provided if p.startswith("ga_")})
    graph.write(
        "MATCH (c:Crawl {id: $crawl}) "
        "SET c.traffic_sources = [s IN coalesce(c.traffic_sources, []) WHERE NOT s IN $sources] + $sources, "
        "c.traffic_metrics = [m IN coalesce(c.traffic_metrics, []) WHERE NOT m IN $metrics] + $metrics, "
        "c.traffic_files = $files, c.traffic_added_at = $at",
        {"crawl": site.crawl_id, "sources": sources, "metrics": provided, "files": files,
         "at": datetime.now(timezone.utc).isoformat(timespec="seconds")},
    )


def describe(result: TrafficResult) -> list[str]:
    """Lines for standard error: what was read, what joined, what did not."""
    lines = [f"{name}: {kind}, {rows:,} rows" for name, kind, rows in result.files]
    lines += result.notes
    lines.append(
        f"Traffic on {result.site}: {result.matched_rows:,} rows joined to {result.pages:,} pages "
        f"({', '.join(result.metrics) or 'no metrics'})."
    )
    if result.unmatched_rows:
        verb = "names a page" if result.unmatched_rows == 1 else "name pages"
        lines.append(f"{_rows(result.unmatched_rows)} {verb} the crawl does not have, e.g.: "
                     + "; ".join(result.unmatched_examples))
    if result.other_host_rows:
        lines.append(f"{_rows(result.other_host_rows)} on other hosts left out.")
    return lines


def _rows(count: int) -> str:
    return f"{count:,} row" + ("" if count == 1 else "s")
