"""The report's opening: what to fix first, in plain words, ranked by impact (docs/impact.md).

The plan takes the findings and suggested links the report already has, scores them with
`archmodel.packs.impact` (when they came from a file without scores) and writes:

1. which signals the ranking used (traffic data or not), shown in the report's appendix;
2. the top 10 fixes: what to change, on which page, why it matters, the expected effect (the
   first three open the report's executive summary);
3. editor tasks: every fix grouped by the page an editor opens, one task per page, most severe
   first and then by its largest single fix, so many small fixes never outrank an urgent one by
   count alone; the report shows the first ten and tasks.csv holds them all.

Areas (packs) and page types are written in words for readers who never saw a pack id.

It also folds info-level findings that hold on every live page of one type (or on many of them)
into one line each, so the detail tables list what needs a decision, not a catalogue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.packs.identity import definition
from archmodel.packs.impact import COST_LABELS, ImpactModel, PageFacts, by_impact, fix_cost, has_traffic, signals
from archmodel.render.escape import html_text
from archmodel.render.words import TYPE_PLURALS, TYPE_WORDS, type_words

TOP_FIXES = 10
TOP_TASKS = 10
MAX_STEPS = 6  # steps listed per task in the report (tasks.csv has them all)
FOLD_AT_LEAST = 5  # info findings of one check on this many pages of one type are folded too

EFFECTS = {
    "hub-spoke": "the page is linked from its specialty hub, so search engines read it as part of the service and patients browsing the hub find it",
    "pathways": "patients can go on to the next step of their care instead of leaving the site",
    "provider-condition": "patients reading about a condition find a specialist who treats it, and profiles show what each specialist treats",
    "anchors": "the link text tells patients and search engines what the target page is about",
    "depth": "the page moves closer to the home page, so patients and crawlers reach it sooner",
    "broken-links": "visitors and crawlers stop landing on errors, redirects and pages that cannot rank",
    "trust": "patients and search engines see who reviewed the medical content and how",
    "access": "patients see where and how they can be seen",
    "related-conditions": "patients and search engines can follow related conditions from one overview to the other",
    "content-links": "readers of articles and guides reach the clinical pages that answer their next question",
    "orphans": "the page gets links from the body of related pages, so patients and search engines can find it",
    "equity": "more of the site's link equity reaches the pages that matter",
    "structured-data": "search engines read the page as the medical page, clinician or clinic it is",
}
AREA_WORDS = {
    "hub-spoke": "specialty hubs and their pages", "pathways": "care pathways",
    "provider-condition": "doctors and the conditions they treat", "anchors": "link wording",
    "depth": "pages hard or impossible to reach", "broken-links": "broken and redirected links", "trust": "medical trust signals",
    "access": "locations and ways to book", "related-conditions": "related conditions",
    "content-links": "links from articles and guides", "orphans": "pages no link leads to",
    "equity": "link strength of key pages",
    "structured-data": "medical structured data (schema.org)",
}


def area_words(pack: str) -> str:
    """A pack as a director reads it: the area of the site it audits."""
    return AREA_WORDS.get(pack, pack.replace("-", " ").replace("_", " "))


def priority_score(impact: float | None) -> str:
    """The impact score as shown: a whole number (the appendix says how it is computed)."""
    return f"{round(impact or 0):,}"


PLAN_CSS = (
    ".am-plan { border: 2px solid var(--accent); border-radius: 8px; padding: 4px 16px 10px; margin: 14px 0 8px; }"
    ".am-plan h2 { border: 0; margin-top: 12px; } .am-plan h3 { margin-top: 14px; }"
    ".am-plan ol.am-fixes { padding-left: 1.6em; margin: 6px 0; } .am-plan ol.am-fixes li { margin: 0 0 10px; }"
    ".am-plan .what { font-weight: 600; } .am-plan .why, .am-plan .effect { color: var(--muted); display: block; }"
    ".am-plan .score { white-space: nowrap; font-size: 12px; color: var(--muted); }"
    ".am-signals { margin: 4px 0 8px; }"
    "table.am-table th.num, table.am-table td.num { white-space: nowrap; overflow-wrap: normal; }"
    "table.am-tasks { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 12px; }"
    "table.am-tasks th, table.am-tasks td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;"
    " vertical-align: top; } table.am-tasks th { background: #f6f8fa; } table.am-tasks .num { text-align: right; white-space: nowrap; }"
)


@dataclass
class Fix:
    impact: float
    page: str  # the page an editor opens
    what: str  # html
    why: str  # text: the problem
    value: str  # text: what the page is worth
    effect: str  # text
    verb: str  # add | reword | repair | fix
    check: str
    severity: str = "medium"
    text: str = ""  # what to do, plain text (tasks.csv)
    anchor: str = ""  # the words to link (a link to add) or the words to reword
    placement: str = ""  # where on the page


@dataclass
class Task:
    """One ticket for an editor: everything to change on one page."""

    page: str
    name: str
    page_type: str
    severity: str  # the most severe of its fixes: many low ones stay low
    impact: float  # the largest single fix's impact: a task never outranks another by count alone
    total_impact: float
    link_score: int | None
    fixes: list[Fix]

    @property
    def actions(self) -> str:
        counts: dict[str, int] = defaultdict(int)
        for fix in self.fixes:
            counts[fix.verb] += 1
        return ", ".join(f"{WORDS[v][0]} {n} {WORDS[v][1] if n == 1 else WORDS[v][2]}"
                         for v in ("add", "reword", "repair", "fix") if (n := counts.get(v)))

    def row(self, rank: int) -> dict[str, Any]:
        """The task as a tasks.csv row."""
        return {
            "rank": rank, "page_url": self.page, "page": self.name, "page_type": type_words(self.page_type),
            "severity": self.severity, "priority_score": round(self.impact), "impact": round(self.impact, 1),
            "total_impact": round(self.total_impact, 1), "summary": self.actions,
            "what_to_do": "\n".join(f"\u2022 {fix.text}" for fix in self.fixes),
            "anchors": "; ".join(dict.fromkeys(f.anchor for f in self.fixes if f.anchor)),
            "placement": "; ".join(dict.fromkeys(f.placement for f in self.fixes if f.placement)),
            "why": "\n".join(dict.fromkeys(f"\u2022 {fix.why}" for fix in self.fixes if fix.why)),
            "link_score": self.link_score if self.link_score is not None else "",
        }


TASK_COLUMNS = ["rank", "page_url", "page", "page_type", "severity", "priority_score", "impact", "total_impact",
                "summary", "what_to_do", "anchors", "placement", "why", "link_score"]


@dataclass
class ActionPlan:
    html: str = ""
    folded_ids: set[int] = field(default_factory=set)  # id() of findings summarised in `folded`
    folded: dict[str, list[str]] = field(default_factory=dict)  # pack -> lines
    link_scores: dict[str, int] = field(default_factory=dict)  # page url -> link score, for the tables
    fixes: list[Fix] = field(default_factory=list)  # every fix, most impact first (the summary shows the top 3)
    method: str = ""  # html: which signals ranked the fixes (shown in the appendix)
    tasks: list[Task] = field(default_factory=list)  # one per page, most urgent first (tasks.csv)

    def task_rows(self) -> list[dict[str, Any]]:
        return [task.row(rank) for rank, task in enumerate(self.tasks, 1)]


def _path(url: str | None) -> str:
    parts = urlsplit(str(url or ""))
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "") if parts.netloc else str(url or "")


def _name(facts: PageFacts | None, url: str | None) -> str:
    """A page's title without the site name suffix, else its path."""
    title = (facts.title if facts else "") or ""
    for separator in (" | ", " – ", " — ", " - "):
        if separator in title:
            title = title.split(separator)[0]
            break
    return title.strip() or _path(url)


def _value_line(model: ImpactModel, url: str | None) -> str:
    """What a page is worth, in the signals the score used: type, pathway step, traffic, link score."""
    facts = model.pages.get(url or "")
    if facts is None:
        return ""
    parts = [f"{_name(facts, url)} is {TYPE_WORDS.get(facts.type, 'a page')}"]
    if facts.stage:
        parts.append(facts.stage)
    if facts.clicks is not None or facts.impressions is not None:
        parts.append(f"{int(facts.clicks or 0):,} Google clicks of {int(facts.impressions or 0):,} impressions")
    if facts.sessions is not None:
        events = int(facts.key_events or 0)
        parts.append(f"{int(facts.sessions):,} sessions, {events:,} key event{'' if events == 1 else 's'}")
    parts.append(f"link score {facts.link_score}/100")
    return " \u00b7 ".join(parts)


def _verb(check: str, suggestion: bool) -> str:
    if suggestion:
        return "add"
    if check.startswith("anchors/"):
        return "reword"
    if check.startswith("broken-links/"):
        return "repair"
    return "fix"


def _fixes(model: ImpactModel, findings: list[dict[str, Any]], suggestions: list[dict[str, Any]] | None) -> list[Fix]:
    fixes = []
    answered: set[str] = set()
    for row in suggestions or []:
        checks = [c for c in str(row.get("check") or "").split(", ") if c]
        answered.update(checks)
        source, target = row.get("source"), row.get("target")
        what = (
            f"Add a link to <b>{html_text(_name(model.pages.get(target), target))}</b> on "
            f"<b>{html_text(_name(model.pages.get(source), source))}</b> with the words "
            f"\u201c{html_text(row.get('suggested_anchor', ''))}\u201d ({html_text(row.get('placement', ''))})."
        )
        pack = checks[0].split("/")[0] if checks else ""
        anchor, placement = str(row.get("suggested_anchor") or ""), str(row.get("placement") or "")
        fixes.append(Fix(
            float(row.get("impact") or 0), str(source), what, str(row.get("reason") or ""), _value_line(model, target),
            EFFECTS.get(pack, ""), "add", checks[0] if checks else "", str(row.get("priority") or "medium"),
            f"Add a link to {_name(model.pages.get(target), target)} ({target}) with the words \u201c{anchor}\u201d "
            f"({placement}).", anchor, placement,
        ))
    for finding in findings:
        name = f"{finding.get('pack')}/{finding.get('check')}"
        check = definition(finding)
        if suggestions is not None and check is not None and check.header.suggests and name in answered:
            continue
        if finding.get("severity") == "info":
            continue
        page = finding.get("url") or finding.get("source")
        detail = str(finding.get("detail") or finding.get("title") or name)
        cost = COST_LABELS[fix_cost(finding)]
        fixes.append(Fix(
            float(finding.get("impact") or 0), str(page or ""), html_text(detail),
            f"{finding.get('title') or name} ({finding.get('severity')} severity; the fix takes {cost}).",
            _value_line(model, page), EFFECTS.get(str(finding.get("pack")), ""), _verb(name, False), name,
            str(finding.get("severity") or "medium"), detail, str(finding.get("anchor") or ""),
            check.header.suggests.placement_for(finding) if check is not None and check.header.suggests else "",
        ))
    fixes.sort(key=lambda f: (-f.impact, f.check, f.page, f.what))
    return fixes


def _signals_html(crawl: dict[str, Any]) -> str:
    used = signals(crawl)
    text = "Ranked by " + ", ".join(used) + ", times each check's severity, divided by the cost of the fix."
    if not has_traffic(crawl):
        text += (" No Search Console or analytics data is loaded, so page value comes from the site model and the "
                 "link graph alone; add it with <code>archmodel traffic add Pages.csv</code> to rank by real demand.")
    else:
        files = ", ".join(str(f) for f in crawl.get("traffic_files") or [])
        text += f" Traffic files: {html_text(files)}." if files else ""
    return (f'<p class="am-signals">{text} The priority score is that product, rounded: a fix scoring 150 is worth '
            "about twice one scoring 75. How the score works: docs/impact.md.</p>")


def _fixes_html(fixes: list[Fix]) -> str:
    items = []
    for fix in fixes[:TOP_FIXES]:
        page = url_link(fix.page) if fix.page else ""
        effect = f'<span class="effect">Expected effect: {html_text(fix.effect)}.</span>' if fix.effect else ""
        value = f'<span class="why">Worth it: {html_text(fix.value)}.</span>' if fix.value else ""
        score = f"priority score {priority_score(fix.impact)}"
        items.append(
            f'<li><span class="what">{fix.what}</span> <span class="score">{html_text(score)}</span>'
            f'<span class="why">Edit {page}. Why: {html_text(fix.why)}</span>{value}{effect}</li>'
        )
    return f'<ol class="am-fixes">{"".join(items)}</ol>'


WORDS = {"add": ("add", "link", "links"), "reword": ("reword", "link text", "link texts"),
         "repair": ("repair", "link", "links"), "fix": ("fix", "issue", "issues")}


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


def build_tasks(model: ImpactModel, fixes: list[Fix]) -> list[Task]:
    """Every fix grouped by the page an editor opens; most severe first, then by the largest
    single fix, so twenty low suggestions on one page stay one low task below every high one."""
    by_page: dict[str, list[Fix]] = defaultdict(list)
    for fix in fixes:
        by_page[fix.page].append(fix)
    tasks = []
    for page, items in by_page.items():
        items.sort(key=lambda f: (SEVERITY_ORDER.get(f.severity, 4), -f.impact, f.what))
        facts = model.pages.get(page)
        name = _name(facts, page) if page else "Across the site (no single page to edit)"
        tasks.append(Task(page, name, facts.type if facts else "other",
                          min((f.severity for f in items), key=lambda s: SEVERITY_ORDER.get(s, 4)),
                          max(f.impact for f in items), sum(f.impact for f in items),
                          facts.link_score if facts else None, items))
    tasks.sort(key=lambda t: (SEVERITY_ORDER.get(t.severity, 4), -t.impact, t.page))
    return tasks


def url_link(url: str | None, shown: str | None = None) -> str:
    """A page of the site as a link that opens it (http and https only: a crawled `javascript:`
    URL stays text), its path shown with a break opportunity after each slash, never mid-word."""
    text = str(url or "")
    label = html_text(shown if shown is not None else _path(text)).replace("/", "/<wbr>")
    if urlsplit(text).scheme not in ("http", "https"):
        return f'<span class="am-url" title="{html_text(text)}">{label}</span>'
    return f'<a class="am-url" href="{html_text(text)}" title="{html_text(text)}" rel="noopener noreferrer">{label}</a>'


def _tasks_html(tasks: list[Task]) -> str:
    rows = []
    for task in tasks[:TOP_TASKS]:
        steps = "".join(
            f"<li>{fix.what}</li>"
            for fix in task.fixes[:MAX_STEPS]
        )
        more = f"<li>and {len(task.fixes) - MAX_STEPS} more (tasks.csv lists them)</li>" if len(task.fixes) > MAX_STEPS else ""
        rows.append(
            f'<tr><td data-label="page"><b>{html_text(task.name)}</b><br>{url_link(task.page, task.page) if task.page else ""}</td>'
            f'<td data-label="what to do"><b>{html_text(task.actions.capitalize())}</b><ul class="am-steps">{steps}{more}</ul></td>'
            f'<td data-label="severity"><span class="sev sev-{html_text(task.severity)}">{html_text(task.severity)}</span></td>'
            f'<td data-label="priority score" class="num">{priority_score(task.impact)}</td></tr>'
        )
    rest = len(tasks) - TOP_TASKS
    more = (f'<p class="am-note">{rest} more pages have tasks; tasks.csv beside this report lists all {len(tasks)}, '
            "one ticket per page.</p>" if rest > 0 else "")
    return (
        '<table class="am-tasks"><thead><tr><th scope="col">page</th><th scope="col">what to do</th>'
        '<th scope="col">severity</th><th scope="col" class="num">priority score</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>{more}'
    )


def fold_info(findings: list[dict[str, Any]], model: ImpactModel, live_by_type: dict[str, int]) -> tuple[set[int], dict[str, list[str]]]:
    """Info findings of one check that hold on every live page of a type (or on FOLD_AT_LEAST
    of them) become one line for their pack."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        if finding.get("severity") != "info" or not finding.get("url"):
            continue
        facts = model.pages.get(finding["url"])
        groups[(f"{finding.get('pack')}/{finding.get('check')}", facts.type if facts else "other")].append(finding)
    folded: set[int] = set()
    lines: dict[str, list[str]] = defaultdict(list)
    for (check, page_type), rows in sorted(groups.items()):
        total = live_by_type.get(page_type, 0)
        every = len(rows) >= 2 and len(rows) >= total
        if not every and len(rows) < FOLD_AT_LEAST:
            continue
        folded.update(id(r) for r in rows)
        paths = sorted(_path(r["url"]) for r in rows)
        shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
        scope = f"all {len(rows)} {TYPE_PLURALS.get(page_type, 'pages')}" if every else f"{len(rows)} of {total} {TYPE_PLURALS.get(page_type, 'pages')}"
        lines[check.split("/")[0]].append(
            f"\u2018{rows[0].get('title') or check}\u2019 (for information) applies to {scope}: {shown}. "
            f"Listed in one line instead of {len(rows)} rows."
        )
    return folded, dict(lines)


LIVE_BY_TYPE = "MATCH (p:Page {crawl: $crawl}) WHERE p.in_crawl AND p.status = 200 RETURN p.type AS type, count(*) AS n"


def build_action_plan(
    graph: Graph, site: SiteRef, findings: list[dict[str, Any]] | None, suggestions: list[dict[str, Any]] | None
) -> ActionPlan:
    """The plan section and the folded info findings; an empty plan when the packs were not run."""
    if findings is None:
        return ActionPlan()
    model = ImpactModel.load(graph, site, [*findings, *(suggestions or [])])
    for finding in findings:
        if finding.get("impact") is None:
            finding["impact"] = model.finding_impact(finding)
    for row in suggestions or []:
        if row.get("impact") is None:
            row["impact"] = model.suggestion_impact(row)
    live = {row["type"] or "other": row["n"] for row in graph.read(LIVE_BY_TYPE, {"crawl": site.crawl_id})}
    folded_ids, folded = fold_info(findings, model, live)
    fixes = _fixes(model, by_impact(findings), by_impact(suggestions) if suggestions is not None else None)
    tasks = build_tasks(model, fixes)
    if not fixes:
        body = "<p>No fixes to rank: the checks found nothing above info level.</p>"
    else:
        body = (
            f"<h3>The {min(TOP_FIXES, len(fixes))} fixes with the most impact</h3>{_fixes_html(fixes)}"
            f"<h3>Tasks for editors, page by page</h3><p>One task per page, most urgent first: the most severe fix "
            f"on the page, then its largest priority score.</p>{_tasks_html(tasks)}"
        )
    html = (
        '<section class="am-plan" id="action-plan"><h2>What to fix first</h2>'
        f"{body}</section>"
    )
    return ActionPlan(html, folded_ids, folded, {url: facts.link_score for url, facts in model.pages.items()},
                      fixes, _signals_html(dict(site.crawl)), tasks)
