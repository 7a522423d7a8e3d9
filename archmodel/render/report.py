"""The stakeholder report: one printable, self-contained HTML page.

An executive summary first (a verdict in plain words, urgent issues by area, the three fixes
that matter most, what changed since the last crawl, key figures), then the action plan, findings
by area and severity in sortable tables, the top suggested links, four charts, the maps, and an
appendix with the method and commands. Every count is computed once from the findings, so a card
and a chart that name the same thing agree. The report reads the graph for what it draws and takes findings and
suggestions as input (the packs runner and `suggest` produce them), so it never reruns or
re-derives a check: the numbers in the report are the numbers `archmodel run` prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from archmodel.packs.identity import definition
from archmodel.packs.registry import Check, builtin_registry
from archmodel.packs.runner import GROUPED_SKIPS, links_sentence
from archmodel.render.action_plan import PLAN_CSS, ActionPlan, area_words, priority_score, url_link
from archmodel.render.escape import html_prose, html_text
from archmodel.render.findings import SEVERITIES, Finding, FindingIndex, check_name, severity_rank, subject_url
from archmodel.render.html import map_section, page
from archmodel.render.traces import MapView

MAX_ROWS_PER_CHECK = 100
MAX_SUGGESTIONS = 50


@dataclass
class ReportInput:
    """What the report shows; `findings`/`suggestions` None means the packs were not run."""

    site_name: str
    host: str
    loaded_at: str
    pages: int
    links: int
    unlinked_pairs: int
    findings: list[Finding] | None
    suggestions: list[dict[str, Any]] | None
    skipped: list[tuple[str, str]] = field(default_factory=list)
    charts: list[MapView] = field(default_factory=list)
    maps: list[MapView] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    since: str = ""  # the "Since the last crawl" section (archmodel/render/history_section.py), HTML
    plan: ActionPlan = field(default_factory=ActionPlan)
    has_links: bool = True  # False: the crawl was loaded without links, so the link checks were skipped
    since_line: str = ""  # one sentence on what changed since the last crawl ("" without one)
    appendix: list[str] = field(default_factory=list)  # html items: commands and references for analysts


def headline(report: ReportInput) -> list[tuple[str, str, bool]]:
    """(label, value, is_bad) for the figures at the top."""
    index = FindingIndex.build(report.findings) if report.findings is not None else None
    skipped = {name for name, _ in report.skipped}

    def from_findings(check: Check) -> tuple[str, bool]:
        if index is None:
            return "not run", False
        if not report.has_links or check.name in skipped:
            return "skipped", False
        count = index.count(check.pack, check.id)
        return f"{count:,}", count > 0

    cards = [("Pages crawled", f"{report.pages:,}", False), ("Internal links", f"{report.links:,}", False)]
    headlined = sorted((check for check in builtin_registry() if check.header.headline), key=lambda c: c.stable_id)
    for check in headlined:
        value, bad = from_findings(check)
        cards.append((str(check.header.headline), value, bad))
    pairs = (f"{report.unlinked_pairs:,}", report.unlinked_pairs > 0) if report.has_links else ("no links", False)
    cards.append(("Provider-condition pairs not linked either way, both pages live", *pairs))
    return cards


def _severity_badge(severity: str) -> str:
    safe = severity if severity in SEVERITIES else "info"
    return f'<span class="sev sev-{safe}">{html_text(severity)}</span>'


def _table(headers: list[tuple[str, bool]], rows: list[list[tuple[str, Any]]], caption: str = "") -> str:
    """A sortable table; cells are (escaped html, sort key or None)."""
    num = ' class="num"'
    head = "".join(
        f'<th scope="col"{num if numeric else ""}><button type="button">{html_text(name)}</button></th>'
        for name, numeric in headers
    )
    body = []
    for row in rows:
        cells = []
        for (cell, sort), (name, numeric) in zip(row, headers):
            attrs = (num if numeric else "") + f' data-label="{html_text(name)}"' + (
                f' data-sort="{html_text(sort)}"' if sort is not None else "")
            cells.append(f"<td{attrs}>{cell}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html_text(caption)}</caption>" if caption else ""
    return f'<table class="am-table">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _short(url: Any) -> str:
    """A URL of the site as a link showing its path (readable in a table), the full URL on hover."""
    return url_link(str(url or ""))


def _where(finding: Finding) -> str:
    if finding.get("source") and finding.get("target"):
        return f"{_short(finding['source'])} \u2192 {_short(finding['target'])}"
    url = subject_url(finding)
    if url:
        return _short(url)
    entities = [f"{k}: {finding[k]}" for k in ("condition", "specialty", "provider", "location") if finding.get(k)]
    return html_text(", ".join(entities))


def _check_words(name: str) -> str:
    """A skipped check as a reader knows it: its title, with the `pack/check` name an analyst
    passes to `archmodel run` (a user's check missing from the shipped catalogue keeps its name)."""
    check = builtin_registry().definition(name)
    return f"{check.title} ({name})" if check else name


def findings_section(findings: list[Finding] | None, skipped: list[tuple[str, str]], plan: ActionPlan | None = None) -> str:
    if findings is None:
        return (
            "<h2 id=\"findings\">Findings</h2><p>The checks were not run for this report, so it lists no "
            "findings (the appendix says how to run them).</p>"
        )
    by_pack: dict[str, Counter[str]] = {}
    for finding in findings:
        by_pack.setdefault(str(finding.get("pack", "?")), Counter())[str(finding.get("severity", "info"))] += 1
    summary_rows = []
    for pack, counts in sorted(by_pack.items()):
        total = sum(counts.values())
        summary_rows.append(
            [(f'<a href="#pack-{html_text(pack)}">{html_text(area_words(pack)).capitalize()}</a>', area_words(pack))]
            + [(f"{counts.get(s, 0):,}", counts.get(s, 0)) for s in SEVERITIES]
            + [(f"{total:,}", total)]
        )
    parts = [
        '<h2 id="findings">Findings by area and severity</h2>',
        f"<p>{len(findings):,} findings in {len(by_pack)} areas. Click a column to sort.</p>",
        _table([("area", False)] + [(s, True) for s in SEVERITIES] + [("total", True)], summary_rows),
    ]
    if skipped:
        items = ""
        for shared, kind in GROUPED_SKIPS.items():
            names = [_check_words(name) for name, reason in skipped if reason == shared]
            if names:
                items += f"<li><b>{len(names)} {kind}s</b> ({html_text('; '.join(names))}): {html_text(shared)}</li>"
        items += "".join(
            f"<li><b>{html_text(_check_words(name))}</b>: {html_text(reason)}</li>"
            for name, reason in skipped if reason not in GROUPED_SKIPS
        )
        parts.append(f"<details><summary>{len(skipped)} checks skipped, and why</summary><ul>{items}</ul></details>")
    plan = plan or ActionPlan()
    grouped: dict[str, list[Finding]] = {pack: [] for pack in plan.folded}
    for finding in sorted(findings, key=lambda f: (severity_rank(f), check_name(f), _where(f))):
        if id(finding) not in plan.folded_ids:
            grouped.setdefault(str(finding.get("pack", "?")), []).append(finding)
    for pack in sorted(grouped):
        rows = []
        shown: Counter[str] = Counter()
        hidden: Counter[str] = Counter()
        for finding in grouped[pack]:
            name = check_name(finding)
            if shown[name] >= MAX_ROWS_PER_CHECK:
                hidden[name] += 1
                continue
            shown[name] += 1
            severity = str(finding.get("severity", "info"))
            impact, score = finding.get("impact"), plan.link_scores.get(subject_url(finding) or "")
            rows.append(
                [
                    (_severity_badge(severity), severity_rank(finding)),
                    (html_text(finding.get("title") or name), None),
                    (_where(finding), None),
                    (html_text(finding.get("detail", "")), None),
                    (priority_score(impact) if impact is not None else "", impact),
                    (str(score) if score is not None else "", score),
                ]
            )
        titles = {check_name(f): str(f.get("title") or check_name(f)) for f in grouped[pack]}
        more = "".join(
            f'<p class="am-note">{hidden[n]:,} more \u2018{html_text(titles[n])}\u2019 findings are not listed here; '
            "findings.csv lists them all (the appendix says how to write it).</p>"
            for n in sorted(hidden)
        )
        folded = "".join(f'<p class="am-note">{html_text(line)}</p>' for line in plan.folded.get(pack, []))
        parts.append(
            f'<details open id="pack-{html_text(pack)}"><summary>{html_text(area_words(pack)).capitalize()} '
            f'({sum(by_pack[pack].values()):,})</summary>'
            + _hints(grouped[pack])
            + folded
            + (_table([("severity", False), ("check", False), ("page or link", False), ("what to do", False),
                       ("priority score", True), ("link score", True)], rows) if rows else "")
            + more
            + "</details>"
        )
    return "".join(parts)


def _hints(findings: list[Finding]) -> str:
    """"Why it matters" and "How to fix" of each check with findings listed, from its header."""
    seen: dict[str, Finding] = {}
    for finding in findings:
        seen.setdefault(check_name(finding), finding)
    items = []
    for name, finding in seen.items():
        check = definition(finding)
        if check is None or not (check.header.why or check.header.how_to_fix):
            continue
        why = f"<p><b>Why it matters.</b> {html_prose(check.header.why)}</p>" if check.header.why else ""
        fix = f"<p><b>How to fix.</b> {html_prose(check.header.how_to_fix)}</p>" if check.header.how_to_fix else ""
        items.append(f'<div class="am-hint"><h4>{html_text(check.title)}</h4>{why}{fix}</div>')
    return f'<div class="am-hints">{"".join(items)}</div>' if items else ""


def suggestions_section(suggestions: list[dict[str, Any]] | None) -> str:
    if suggestions is None:
        return ""
    top = sorted(suggestions, key=lambda s: (-(s.get("impact") or 0), severity_rank({"severity": s.get("priority", "info")}), s.get("source", ""), s.get("target", "")))
    rows = [
        [
            (_severity_badge(str(s.get("priority", ""))), severity_rank({"severity": s.get("priority", "info")})),
            (_short(s.get("source", "")), None),
            (_short(s.get("target", "")), None),
            (html_text(s.get("suggested_anchor", "")), None),
            (html_text(s.get("placement", "")), None),
            (html_text(s.get("reason", "")), None),
            (priority_score(s["impact"]) if s.get("impact") is not None else "", s.get("impact")),
        ]
        for s in top[:MAX_SUGGESTIONS]
    ]
    shown = f"the top {MAX_SUGGESTIONS} of {len(suggestions):,}" if len(suggestions) > MAX_SUGGESTIONS else f"all {len(suggestions):,}"
    return (
        '<h2 id="suggestions">Links to add</h2>'
        f"<p>Suggested internal links, {shown}, most important first "
        "(suggestions.csv lists every one; see the appendix).</p>"
        + _table(
            [("priority", False), ("on page", False), ("link to", False), ("anchor text", False), ("where", False), ("why", False), ("priority score", True)],
            rows,
        )
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def verdict(report: ReportInput) -> str:
    """One sentence on the site's health that a director can repeat, from the findings' severities."""
    name = report.site_name
    if report.findings is None:
        return f"The checks were not run for this report, so it describes {name}'s pages and links without a verdict."
    if not report.has_links:
        return f"The crawl of {name} was loaded without its links, so its internal linking could not be judged yet."
    counts = Counter(str(f.get("severity", "info")) for f in report.findings)
    high = [f for f in report.findings if f.get("severity") == "high"]
    if high:
        areas = Counter(str(f.get("pack", "?")) for f in high)
        top, _ = max(areas.items(), key=lambda kv: (kv[1], kv[0]))
        return (f"{name}'s internal links need urgent work: {_plural(len(high), 'urgent issue', 'urgent issues')} "
                f"in {_plural(len(areas), 'area', 'areas')}, most of them in {area_words(top)}.")
    if counts["medium"]:
        return (f"{name}'s internal links have no urgent problems, but "
                f"{_plural(counts['medium'], 'issue', 'issues')} of medium severity are worth planning.")
    return f"{name}'s internal links are in good shape: no urgent or medium-severity issues were found."


def urgent_by_area(findings: list[Finding] | None) -> list[tuple[str, int]]:
    """(area in words, high-severity findings) for each area with any, most first."""
    counts = Counter(str(f.get("pack", "?")) for f in findings or [] if f.get("severity") == "high")
    return [(area_words(pack), n) for pack, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def summary_section(report: ReportInput) -> str:
    """The first screen: the verdict, urgent issues by area, the three fixes that matter most,
    what changed since the last crawl, then the headline figures."""
    cards = "".join(
        f'<div class="am-card{" bad" if bad else ""}"><div class="value">{html_text(value)}</div>'
        f'<div class="label">{html_text(label)}</div></div>'
        for label, value, bad in headline(report)
    )
    parts = [f'<p class="am-verdict">{html_text(verdict(report))}</p>']
    urgent = urgent_by_area(report.findings)
    if report.findings is not None:
        items = "".join(
            f"<li><b>{html_text(area.capitalize())}</b>: {html_text(_plural(n, 'urgent issue', 'urgent issues'))}</li>"
            for area, n in urgent
        )
        parts.append('<h3>Urgent issues by area</h3>' + (f'<ul class="am-urgent">{items}</ul>' if items
                     else "<p>None: no finding is of high severity.</p>"))
    top = report.plan.fixes[:3]
    if top:
        fixes = "".join(
            f'<li><span class="what">{fix.what}</span> <span class="score">priority score {priority_score(fix.impact)}</span></li>'
            for fix in top
        )
        parts.append(f'<h3>The three fixes that matter most</h3><ol class="am-top3">{fixes}</ol>')
    if report.since_line:
        parts.append(f'<h3>Since the last crawl</h3><p class="am-since-line">{html_text(report.since_line)}</p>')
    parts.append(f'<h3>Key figures</h3><div class="am-cards">{cards}</div>')
    return f'<section class="am-summary" id="summary"><h2>Summary</h2>{"".join(parts)}</section>'


APPENDIX_COMMANDS = (
    ("List every finding of one check", "archmodel run PACK/CHECK --format csv -o findings.csv"),
    ("List every suggested link", "archmodel suggest --format csv -o suggestions.csv"),
    ("Draw the map of any specialty hub", "archmodel map --view hub --focus SPECIALTY -o hub.html"),
    ("Draw the map of any care pathway", "archmodel map --view pathway --focus CONDITION -o pathway.html"),
    ("Draw the site structure (specialties \u00d7 page types, links between them)", "archmodel map --view structure -o structure.html"),
    ("List every change since an earlier crawl", "archmodel diff"),
    ("Rank fixes by real demand", "archmodel traffic add Pages.csv"),
    ("Run the checks and write this report", "archmodel report -o report.html"),
)


def appendix_section(report: ReportInput) -> str:
    """Method, the priority score, commands and references: for the analyst, after everything else."""
    commands = "".join(f"<li>{html_text(what)}: <code>{html_text(cmd)}</code></li>" for what, cmd in APPENDIX_COMMANDS)
    extra = "".join(f"<li>{item}</li>" for item in report.appendix)
    return (
        '<section class="am-appendix" id="appendix"><h2>Appendix: method and commands</h2>'
        "<h3>How the fixes are ranked</h3>"
        f"{report.plan.method or '<p>The checks were not run, so nothing was ranked.</p>'}"
        "<p>Each finding comes from one check of the site's internal links; the checks are grouped in areas "
        "(specialty hubs, care pathways, link wording and so on). Severity says how much a problem hurts "
        "patients and search engines: high issues are counted as urgent.</p>"
        f"<h3>Commands</h3><ul>{commands}{extra}</ul>"
        "<h3>References</h3><ul><li>docs/maps-and-report.md: what each section and map shows</li>"
        "<li>docs/impact.md: the priority score</li><li>docs/check-semantics.md: the exact reading of every check</li></ul>"
        "</section>"
    )


def build_report_html(report: ReportInput, plotly_src: str | None = None) -> str:
    """The report page; with `plotly_src` it loads the plotly.js written beside it."""
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    charts = "".join(
        f'<div class="am-chart">{map_section(chart, f"chart-{i}")}</div>' for i, chart in enumerate(report.charts)
    )
    maps = "".join(map_section(view, f"map-{i}") for i, view in enumerate(report.maps))
    notes = "".join(f'<p class="am-note">{html_text(n)}</p>' for n in report.notes)
    warning = ""
    if not report.has_links:
        warning = (
            f'<p class="am-note" id="no-links"><b>Link checks skipped.</b> {html_text(links_sentence(capital=True))} '
            "Until then this report shows only what the pages themselves tell: status, titles, page types "
            "and the site model.</p>"
        )
    body = (
        "<main>"
        f'<p class="am-kicker">Internal link architecture report</p><h1>{html_text(report.site_name)}</h1>'
        f'<p class="am-meta">{html_text(report.host)} \u00b7 crawl loaded {html_text(report.loaded_at)} '
        f"\u00b7 report generated {html_text(generated)}</p>{warning}{summary_section(report)}{notes}{report.plan.html}"
        f"{report.since}"
        f"{findings_section(report.findings, report.skipped, report.plan)}"
        f"{suggestions_section(report.suggestions)}"
        f'<h2 id="charts">Charts</h2><div class="am-charts">{charts}</div>'
        f'<div id="maps">{maps}</div>{appendix_section(report)}'
        + (
            f"<footer>Made with archmodel. This file makes no network requests and opens offline together with "
            f"{html_text(plotly_src)} beside it: keep them in one folder when you forward it.</footer></main>"
            if plotly_src
            else "<footer>Made with archmodel. This file is self-contained: it makes no network requests and can be "
            "opened offline, forwarded or printed.</footer></main>"
        )
    )
    css = ".am-chart .am-map h2 { font-size: 15px; border: 0; margin-top: 8px; } .am-chart .am-description:empty { display: none; }" + PLAN_CSS
    return page(f"{report.site_name}: internal link report", body, extra_css=css, scripts=("map.js", "report.js"),
                plotly_src=plotly_src)
