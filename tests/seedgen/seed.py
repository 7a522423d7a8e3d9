"""Regenerate the bundled seed data: `python -m tests.seedgen.seed [OUT_DIR]` (default seed_data/).

Writes the crawl (Screaming Frog format), its Structured Data export (tests/seedgen/structured_data.py),
sitemap, site.yml, providers.csv, a traffic sample (`traffic/`: Search Console and GA4 exports,
archmodel.synth.traffic), and the expected findings of every built-in check
(`expected_findings.json`, `EXPECTED.md`), byte-identically every time.
The expected findings come from the generator's own model of the site (tests/seedgen/evaluate.py),
and must equal what the plants declare; any difference stops the generator.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archmodel.packs.registry import builtin_registry
from tests.seedgen import evaluate as ev
from archmodel.synth import model as m
from tests.seedgen import plants as pl
from tests.seedgen import structured_data as sd
from archmodel.synth.links import Directives, Link, LinkBuilder
from archmodel.synth.model import Site
from archmodel.synth.profiles import add_structural_extras, seed_entities
from archmodel.synth.sitefile import write_site_files
from archmodel.synth.traffic import write_traffic
from archmodel.synth.writer import write_crawl



IDENTITY = {check.name: check.identity for check in builtin_registry()}


@dataclass
class Seed:
    site: Site
    directives: Directives
    plants: list[pl.Plant]
    markup: dict[str, sd.SchemaRow]  # the Structured Data export's rows by page path
    traps: list[sd.Trap]
    foreign_rows: list[str]  # Structured Data rows of URLs that are no page of the crawl


def build_seed() -> Seed:
    site = seed_entities()
    add_structural_extras(site)
    pl.before_pages(site)
    site.build_pages()
    directives = Directives()
    plants = pl.plant(site, directives)
    markup = sd.baseline(site)
    markup_plants, traps, foreign = sd.plant_structured_data(site, markup)
    return Seed(site, directives, plants + markup_plants, markup, traps, foreign)


def _matches(row: dict[str, Any], keys: dict[str, Any]) -> bool:
    def norm(key: str, value: Any) -> Any:
        return m.BASE_URL + value if key in ("url", "source", "target") and str(value).startswith("/") else value
    return all(row.get(k) == norm(k, v) for k, v in keys.items())


def explain(findings: dict[str, list[dict[str, Any]]], plants: list[pl.Plant],
            equity_note: str) -> tuple[dict[str, list[tuple[dict[str, Any], str]]], list[str]]:
    """Each finding with the plant that explains it; and a list of problems (unexplained or missing)."""
    problems: list[str] = []
    explained: dict[str, list[tuple[dict[str, Any], str]]] = {c: [] for c in findings}
    for check, rows in findings.items():
        for row in rows:
            reason = None
            for p in plants:
                if any(c == check and _matches(row, keys) for c, keys in p.expect):
                    reason = f"planted: {p.name}"
                    break
                side = next((why for c, keys, why in p.side if c == check and _matches(row, keys)), None)
                if side:
                    reason = f"side effect of '{p.name}': {side}"
                    break
            if reason is None and check == "equity/equity-sinks":
                reason = equity_note
            if reason is None:
                problems.append(f"unexplained {check}: {row}")
            explained[check].append((row, reason or "?"))
    for p in plants:
        for check, keys in p.expect:
            if not any(_matches(row, keys) for row in findings[check]):
                problems.append(f"planted but not found: {check} {keys} ({p.name})")
    for check in ev.CHECKS:
        if not findings[check]:
            problems.append(f"no finding for {check}")
    return explained, problems


def generate(out: Path, check: bool = True) -> dict[str, Any]:
    seed = build_seed()
    site, directives, plants = seed.site, seed.directives, seed.plants
    links: list[tuple[str, Link]] = []
    # first pass only collects links (depth and link score are written into internal_all.csv)
    collector = LinkBuilder(site, directives)
    for page in site.pages.values():
        if page.crawled:
            links.extend((page.path, ln) for ln in collector.links(page))
    graph, findings = ev.evaluate(site, links, ev.read_markup({p: (r.types, r.errors) for p, r in seed.markup.items()}))
    scores = graph.pagerank
    top = max(scores.values())
    link_scores = {p: int(round(100 * math.log(1 + s) / math.log(1 + top))) for p, s in scores.items()}
    write_crawl(site, LinkBuilder(site, directives), out, depths=graph.depth, link_scores=link_scores)
    write_site_files(site, out)
    write_traffic(site, graph.pagerank, out)
    sd.write_structured_data(seed.markup, seed.foreign_rows, out)
    equity_note = ("by construction: a page every menu links to (see 'Equity' above)")
    explained, problems = explain(findings, plants, equity_note)
    problems += graph.ambiguities
    if problems and check:
        raise SystemExit("seed is not consistent:\n  " + "\n  ".join(problems))
    expected = {"site": "www.lakeside-health.example",
                "checks": {c: [{k: row[k] for k in IDENTITY[c]} for row in findings[c]] for c in ev.CHECKS}}
    (out / "expected_findings.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8", newline="\n")
    (out / "EXPECTED.md").write_text(expected_md(site, plants, explained, graph, seed.traps), encoding="utf-8",
                                     newline="\n")
    return {"pages": sum(1 for p in site.pages.values() if p.crawled), "links": len(links), "problems": problems}


def expected_md(site: Site, plants: list[pl.Plant], explained: dict[str, list[tuple[dict[str, Any], str]]],
                graph: ev.Graph, traps: list[sd.Trap]) -> str:
    live = sorted(p for p, n in graph.pages.items() if n.crawled and n.status == 200)
    values = sorted(graph.pagerank[p] for p in live)
    n = len(values)
    median = (values[(n - 1) // 2] + values[n // 2]) / 2
    total = sum(len(v) for v in explained.values())
    lines = [
        "# Seed data: planted defects and expected findings",
        "",
        "Generated by `python -m tests.seedgen.seed` (do not edit by hand). `expected_findings.json` lists, for",
        f"each of the {len(ev.CHECKS)} checks, exactly the findings the Cypher checks must return on this seed (identity keys of",
        f"docs/check-semantics.md): {total} findings in all. This page says why each one is there.",
        "",
        "The baseline site is clean by construction: every page carries the same header, navigation and footer",
        "menus, and body links follow the guidance. Each defect below is one small, named change to that baseline;",
        "a finding not caused by a plant on purpose would stop the generator.",
        "",
        "## Planted defects",
        "",
    ]
    for p in plants:
        lines += [f"### {p.name}", "", f"- where: {p.where}", f"- why it is a defect: {p.why}"]
        checks = sorted({c for c, _ in p.expect} | {c for c, _, _ in p.side})
        lines.append(f"- checks: {', '.join('`' + c + '`' for c in checks)}")
        lines.append("")
    lines += [
        "## Structured-data traps",
        "",
        f"Rows of `{sd.FILE_NAME}` that look like defects to a careless reading of the structured-data checks",
        "and must produce no finding:",
        "",
        *(f"- {t.where}: {t.why} ({', '.join('`' + c + '`' for c in t.checks)})" for t in traps),
        "",
        "Two more rows name URLs that are no page of the crawl (another host, a page never crawled): the load",
        "counts them as skipped.",
        "",
        "## Equity",
        "",
        "PageRank is computed by the generator over its own link list exactly as check-semantics.md defines it",
        "(crawled pages, distinct followed links of any position, self links excluded, damping 0.85,",
        f"unnormalised, dangling rank not redistributed). The median over {n} live pages is {median:.6f}.",
        "`low-equity-key-pages` compares each key page with its peers, the live pages of its type at its depth",
        "(levels of at least three pages), and reports those under two thirds of their peers' median. Key pages",
        "of one type at one depth are linked alike by design: hubs are in the menus of every page, condition",
        "overviews are linked from their hub, the resource hub, the A to Z library and every stage page's",
        "sidebar, and each stage page's 'key pages' sidebar links the condition's diagnosis, treatment and",
        "appointment pages. The low-equity findings are the overviews the plants above deprive of their hub's",
        "links. `equity-sinks` is the top 10: menus pool rank on the pages every page links to. No key page lies",
        "within 0.1% of its peers' two-thirds mark, and the 10th and 11th pages differ by more than 0.05%: far",
        "above the float noise of an engine that stops iterating at tolerance 1e-9.",
        "",
        "## Every expected finding",
        "",
    ]
    for check in ev.CHECKS:
        lines.append(f"### {check} ({len(explained[check])})")
        lines.append("")
        for row, reason in explained[check]:
            shown = ", ".join(f"{k}={_short(v)}" for k, v in row.items() if k in IDENTITY[check])
            extra = ""
            if check.startswith("equity/"):
                extra = f" (pagerank {graph.pagerank[row['url'][len(m.BASE_URL):]]:.4f})"
            lines.append(f"- {shown}{extra}: {reason}")
        lines.append("")
    return "\n".join(lines)


def _short(value: Any) -> str:
    text = str(value)
    return text[len(m.BASE_URL):] if text.startswith(m.BASE_URL) else text


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "seed_data"
    result = generate(out)
    print(f"wrote {out}: {result['pages']} pages, {result['links']} link rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
