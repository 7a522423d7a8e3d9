"""The report's "Since the last crawl" section: what got worse, what got fixed, and the trend.

Shown at the top of the report when an earlier crawl of the site is kept. The earlier crawl is
audited with the checks the report's findings come from (archmodel/audit.py `audit_like`), so a
finding that was not looked for never reads as fixed, and compared with them by identity; pages and links are compared without their findings
(archmodel/history/diff.py). The trend chart draws the finding counts recorded for each kept
crawl whenever the whole catalogue ran on it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import plotly.graph_objects as go

from archmodel.audit import audit_like, checks_behind, compare
from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef
from archmodel.db.crawls import list_crawls, previous_of
from archmodel.history.diff import diff_crawls
from archmodel.history.findings import finding_trend
from archmodel.packs.registry import SEVERITIES, Check, load_registry
from archmodel.render.escape import html_text
from archmodel.render.html import map_section
from archmodel.render.palette import OKABE_ITO
from archmodel.render.report import _severity_badge, _table, _where
from archmodel.render.traces import TEMPLATE, MapView

LISTED = 25
SEVERITY_COLOURS = {"high": "#D55E00", "medium": "#E69F00", "low": OKABE_ITO[2], "info": "#9A9A9A"}


def history_section(graph: Graph, ref: SiteRef, findings: list[dict[str, Any]] | None,
                    checks: list[Check] | None = None) -> str:
    """The section's HTML, or "" when no earlier crawl is kept or the packs were not run.
    `checks`: those the findings come from (None: the checks the findings name)."""
    return history_parts(graph, ref, findings, checks)[0]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def history_parts(graph: Graph, ref: SiteRef, findings: list[dict[str, Any]] | None,
                  checks: list[Check] | None = None) -> tuple[str, str]:
    """(the section's HTML, one plain sentence for the summary), both "" without an earlier crawl;
    the sentence is built from the same counts as the section's cards."""
    previous = previous_of(graph, ref)
    if previous is None or findings is None:
        return "", ""
    registry = load_registry()
    if checks is None:
        checks = checks_behind(findings, registry)
    compared = compare(audit_like(previous, checks, graph, registry=registry), findings)
    changes = Counter(
        f"{r['section']} {r['change']}" + (f" {r['kind']}" if r.get("kind") else "")
        for r in diff_crawls(graph, previous, ref, None, movers_limit=0).rows
    )
    cards = [
        ("New findings", len(compared.new), True),
        ("Findings fixed", len(compared.resolved), False),
        ("Still open", len(compared.still_open), False),
        ("Pages added", changes["page added"], False),
        ("Pages gone", changes["page removed"], True),
        ("Body links lost", changes["link lost body"], True),
        ("Navigation links lost", changes["link lost navigation"], True),
    ]
    card_html = "".join(
        f'<div class="am-card{" bad" if bad and value else ""}"><div class="value">{value:,}</div>'
        f'<div class="label">{html_text(label)}</div></div>'
        for label, value, bad in cards
    )
    parts = [
        '<h2 id="since">Since the last crawl</h2>',
        f"<p>Compared with crawl {html_text(previous.crawl_id)} loaded {html_text(previous.loaded_at)} "
        "(the appendix says how to list every change).</p>",
        f'<div class="am-cards">{card_html}</div>',
        _listing("What got worse", compared.new),
        _listing("What got fixed", compared.resolved),
    ]
    trend = finding_trend(list_crawls(graph, ref.host))
    if len(trend) > 1:
        parts.append(f'<div class="am-chart">{map_section(trend_chart(trend), "history-trend")}</div>')
    line = (
        f"Since the crawl of {previous.loaded_at[:10]}: {_plural(len(compared.new), 'new issue', 'new issues')}, "
        f"{_plural(len(compared.resolved), 'issue fixed', 'issues fixed')}, "
        f"{_plural(changes['page added'], 'page added', 'pages added')}, "
        f"{_plural(changes['page removed'], 'page gone', 'pages gone')} and "
        f"{_plural(changes['link lost body'], 'link lost', 'links lost')} from page bodies."
    )
    return "".join(parts), line


def _listing(title: str, rows: list[dict[str, Any]]) -> str:
    if not rows:
        return f"<h3>{html_text(title)}</h3><p>Nothing.</p>"
    by_check = Counter(f"{r['pack']}/{r['check']}" for r in rows)
    summary = ", ".join(f"{html_text(name)} ({count:,})" for name, count in by_check.most_common())
    table = _table(
        [("severity", False), ("check", False), ("page or link", False), ("what to do", False)],
        [
            [(_severity_badge(str(r.get("severity", "info"))), SEVERITIES.index(r.get("severity", "info"))),
             (html_text(r.get("title") or r["check"]), None), (_where(r), None), (html_text(r.get("detail", "")), None)]
            for r in rows[:LISTED]
        ],
    )
    more = f'<p class="am-note">{len(rows) - LISTED:,} more are not listed here.</p>' if len(rows) > LISTED else ""
    return f"<h3>{html_text(title)} ({len(rows):,})</h3><p>{summary}</p>{table}{more}"


def trend_chart(trend: list[dict[str, Any]]) -> MapView:
    """Findings per kept crawl, stacked by severity (crawl ids and dates only: no crawl text)."""
    labels = [f"{row['loaded_at'][:16].replace('T', ' ')} ({row['id'][:8]})" for row in trend]
    figure = go.Figure(
        [
            go.Bar(x=labels, y=[row[s] for row in trend], name=s, marker_color=SEVERITY_COLOURS[s],
                   hovertemplate=f"%{{x}}: %{{y}} {s}<extra></extra>")
            for s in reversed(SEVERITIES)
        ],
        go.Layout(template=TEMPLATE, title={"text": "Findings per crawl", "x": 0.01}, height=320, barmode="stack",
                  margin={"l": 60, "r": 20, "t": 50, "b": 60}, showlegend=True,
                  xaxis={"type": "category"}, yaxis={"title": {"text": "findings"}}),
    )
    return MapView("trend", "Findings per crawl", figure, height=320)
