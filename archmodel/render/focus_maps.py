"""The focused views: a specialty's hub and spokes, a condition's care pathway, and the provider
x condition matrix. Each shows the links the checks expect (docs/check-semantics.md), present
ones solid and missing ones dashed in vermillion, with the reason on hover.

These views are small (tens to hundreds of nodes), so they use SVG traces, which can draw dashed
lines and rotated arrow markers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from archmodel.render.entities import HubModel, LinkSet, PageRef, PathwayModel, ProviderMatrix
from archmodel.render.escape import plotly_text
from archmodel.render.findings import FindingIndex
from archmodel.render.palette import ERROR_LINK, ERROR_LINK_NAME, MISSING, OKABE_ITO, ONE_WAY, ONE_WAY_OTHER, PRESENT, STATUS_COLOURS, type_symbol
from archmodel.render.traces import MapView, findings_lines, map_layout, matrix_layout
from archmodel.render.words import type_words

SPOKE_COLOURS = {"condition": OKABE_ITO[0], "treatment": OKABE_ITO[2], "provider": OKABE_ITO[3], "location": OKABE_ITO[1]}
SPOKE_LABELS = {"condition": "Condition overviews", "treatment": "Treatment pages", "provider": "Provider profiles", "location": "Location pages"}
LINK_STYLES = {
    "present": ("Link present", PRESENT, "solid", 2.0),
    "missing": ("Missing link (expected by a check)", MISSING, "dash", 2.0),
    "extra": ("Link present, not required", "rgba(120,120,120,0.55)", "solid", 1.0),
    "broken": (ERROR_LINK_NAME, ERROR_LINK, "dot", 2.5),
}


@dataclass
class Arrow:
    """One drawn link: a polyline from source to target, its style and its hover text."""

    points: list[tuple[float, float]]
    style: str
    hover: str


def _page_line(page: PageRef | None, url: str | None) -> list[str]:
    if page is None:
        return [plotly_text(url or "no page in the site model", 110), "Not in the crawl"]
    depth = "unreachable" if page.depth is None else str(page.depth)
    status = "not crawled" if not page.in_crawl else str(page.status)
    return [
        plotly_text(page.url, 110),
        f"Type: {plotly_text(type_words(page.type))} | depth {depth} | {page.inlinks} inlinks | PageRank {page.pagerank:.3g} | "
        f"status {status} ({page.state})",
    ]


def _node_hover(label: str, page: PageRef | None, url: str | None, findings: FindingIndex, extra: str = "") -> str:
    title = page.title if page and page.title else ""
    lines = [f"<b>{plotly_text(label, 80)}</b>"]
    if title and title != label:
        lines.append(plotly_text(title, 90))
    lines += _page_line(page, url)
    if extra:
        lines.append(extra)
    lines += findings_lines(findings.for_page(url) if url else [])
    return "<br>".join(lines)


def _link_reason(
    links: LinkSet, source: str, target: str, source_label: str, target_label: str,
    findings: FindingIndex, checks: tuple[str, ...], expected: bool, target_page: PageRef | None = None,
) -> tuple[str, str]:
    """(style, hover) of the link source -> target; a body link to a page answering 4xx/5xx or
    redirecting is "broken", whatever the checks expect."""
    state = links.state(source, target)
    head = f"{plotly_text(source_label, 60)} \u2192 {plotly_text(target_label, 60)}"
    if state == "body" and target_page is not None and target_page.state in ("error", "redirect"):
        what = "redirects" if target_page.state == "redirect" else "fails"
        return "broken", (f"{head}<br><b>Link to a page that {what}</b> (status {target_page.status}): "
                          f"{plotly_text(target, 90)}<br>Point the link at the live page, or fix the target.")
    if state == "body":
        anchor = links.anchors.get((source, target), "")
        text = f"{head}<br>Body link present" + (f", anchor \u201c{plotly_text(anchor, 60)}\u201d" if anchor else "")
        return ("present" if expected else "extra"), text
    if not expected:
        return "", ""
    finding = findings.link_finding(source, target, checks)
    why = (
        plotly_text(finding.get("detail") or finding.get("title"), 140)
        if finding
        else f"No body link from {plotly_text(source_label, 60)} to {plotly_text(target_label, 60)}."
    )
    nav = "<br>It links only from the header, navigation or footer, which carries no topical weight." if state == "nav" else ""
    check = f"<br>Check: {plotly_text(finding.get('pack'))}/{plotly_text(finding.get('check'))}" if finding else (
        f"<br>Expected by: {', '.join(checks)}"
    )
    return "missing", f"{head}<br><b>Missing</b>: {why}{nav}{check}"


def _arrow_traces(arrows: list[Arrow]) -> list[go.Scatter]:
    traces = []
    for style, (name, colour, dash, width) in LINK_STYLES.items():
        chosen = [a for a in arrows if a.style == style]
        if not chosen:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        mx, my, angles, hover = [], [], [], []
        for arrow in chosen:
            xs += [p[0] for p in arrow.points] + [None]
            ys += [p[1] for p in arrow.points] + [None]
            k = max(1, int(len(arrow.points) * 0.6))
            (x0, y0), (x1, y1) = arrow.points[k - 1], arrow.points[min(k, len(arrow.points) - 1)]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            angles.append(math.degrees(math.atan2(x1 - x0, y1 - y0)))
            hover.append(arrow.hover)
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", name=name, legendgroup=style, hoverinfo="skip",
                                 line={"color": colour, "dash": dash, "width": width}))
        traces.append(go.Scatter(x=mx, y=my, mode="markers", legendgroup=style, showlegend=False, name=name,
                                 hovertext=hover, hoverinfo="text",
                                 marker={"symbol": "triangle-up", "angle": angles, "size": 11, "color": colour}))
    return traces


def _offset(p: tuple[float, float], q: tuple[float, float], d: float) -> list[tuple[float, float]]:
    """The segment p -> q shifted sideways by d, so the two directions of a pair stay apart."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / length * d, dx / length * d
    return [(p[0] + ox, p[1] + oy), (q[0] + ox, q[1] + oy)]


# ---- hub ------------------------------------------------------------------------------------

def hub_view(model: HubModel, findings: FindingIndex | None = None) -> MapView:
    findings = findings or FindingIndex()
    spokes = model.spokes
    positions: list[tuple[float, float]] = []
    gap = 0.35
    total = len(spokes) + gap * len({s.kind for s in spokes})
    cursor = 0.0
    last_kind = None
    for i, spoke in enumerate(spokes):
        if spoke.kind != last_kind:
            cursor += gap / 2 if last_kind is None else gap
            last_kind = spoke.kind
        angle = math.pi / 2 - 2 * math.pi * (cursor + 0.5) / max(total, 1)
        radius = 1.0 if len(spokes) <= 40 or i % 2 == 0 else 1.22
        positions.append((radius * math.cos(angle), radius * math.sin(angle)))
        cursor += 1
    hub_page = model.pages.get(model.hub_url) if model.hub_url else None
    hub_label = f"{model.name} hub"
    arrows: list[Arrow] = []
    for spoke, pos in zip(spokes, positions):
        page = model.pages.get(spoke.url) if spoke.url else None
        if not (model.hub_url and spoke.url):
            continue
        hub_live = bool(hub_page and hub_page.live)
        live = bool(page and page.live)
        out_expected = hub_live and live and spoke.kind in ("condition", "provider")
        in_expected = hub_live and live
        in_checks = ("location-missing-specialty",) if spoke.kind == "location" else ("spoke-missing-hub",)
        label = spoke.name
        style, hover = _link_reason(model.links, model.hub_url, spoke.url, hub_label, label, findings,
                                    ("hub-missing-spoke",), out_expected, page)
        if style:
            arrows.append(Arrow(_offset((0.0, 0.0), pos, 0.018), style, hover))
        style, hover = _link_reason(model.links, spoke.url, model.hub_url, label, hub_label, findings,
                                    in_checks, in_expected, hub_page)
        if style:
            arrows.append(Arrow(_offset(pos, (0.0, 0.0), 0.018), style, hover))

    traces: list[go.BaseTraceType] = _arrow_traces(arrows)
    show_text = len(spokes) <= 60
    for kind in SPOKE_ORDER_KINDS:
        members = [(s, p) for s, p in zip(spokes, positions) if s.kind == kind]
        if not members:
            continue
        traces.append(
            go.Scatter(
                x=[p[0] for _, p in members], y=[p[1] for _, p in members],
                mode="markers+text" if show_text else "markers",
                name=f"{SPOKE_LABELS[kind]} ({len(members)})",
                text=[plotly_text(s.name, 28) for s, _ in members],
                textposition=["middle right" if p[0] >= 0 else "middle left" for _, p in members],
                textfont={"size": 11},
                hovertext=[
                    _node_hover(s.name, model.pages.get(s.url) if s.url else None, s.url, findings,
                                f"{SPOKE_LABELS[kind][:-1]} of {plotly_text(model.name)}")
                    for s, _ in members
                ],
                hoverinfo="text",
                meta={"role": "pages"},
                marker=_status_marker([model.pages.get(s.url) if s.url else None for s, _ in members],
                                      SPOKE_COLOURS[kind], symbol=_kind_symbol(kind)),
            )
        )
    traces.append(
        go.Scatter(
            x=[0.0], y=[0.0], mode="markers+text", name="Specialty hub", text=[plotly_text(hub_label, 40)],
            textposition="bottom center", hoverinfo="text", meta={"role": "pages"},
            hovertext=[_node_hover(hub_label, hub_page, model.hub_url, findings,
                                   "" if model.hub_url else "The site model names no hub page for this specialty")],
            marker=_status_marker([hub_page], "#000000", symbol="hexagon", size=30),
        )
    )
    missing = sum(1 for a in arrows if a.style == "missing")
    title = f"{model.name}: hub and spokes ({len(spokes)} spokes, {missing} missing link{'' if missing == 1 else 's'})"
    figure = go.Figure(traces, map_layout(title, height=800))
    figure.update_layout(legend={"title": {"text": "Click to hide"}}, xaxis={"range": [-1.9, 1.9]}, yaxis={"range": [-1.45, 1.45]})
    return MapView(
        key=f"hub-{model.specialty}",
        title=f"Hub and spokes: {model.name}",
        figure=figure,
        description=(
            "The specialty hub in the middle; around it the overviews of the conditions it covers, their "
            "treatment pages, the profiles of providers who practise it and the locations that offer it. "
            "Arrows show body links (hub to spoke and back); dashed vermillion arrows are links a check "
            "expects and the site lacks (hover for the reason); dotted vermillion arrows are links to a page that "
            "fails (4xx/5xx) or redirects. Markers with a dark outline are live pages; "
            "a hollow or grey marker is a page that is missing, not crawled or not answering 200."
        ),
        options={"search": True},
        height=800,
    )


SPOKE_ORDER_KINDS = ("condition", "treatment", "provider", "location")


def _kind_symbol(kind: str) -> str:
    return {"condition": "circle", "treatment": "diamond", "provider": "pentagon", "location": "cross"}[kind]


def _status_marker(pages: list[PageRef | None], colour: str, symbol: str, size: int = 16) -> dict:
    """Live pages filled in their colour; others hollow, outlined by their status colour."""
    fills, lines, symbols = [], [], []
    for page in pages:
        state = page.state if page else "not crawled"
        live = state == "live"
        fills.append(colour if live else "white")
        lines.append("#222" if live else STATUS_COLOURS[state])
        symbols.append(symbol)
    return {"color": fills, "size": size, "symbol": symbols, "line": {"color": lines, "width": 2}}


# ---- pathway --------------------------------------------------------------------------------

def pathway_view(model: PathwayModel, findings: FindingIndex | None = None) -> MapView:
    findings = findings or FindingIndex()
    columns: dict[int, list[tuple[str, str]]] = {}
    for stage, order, url in sorted(model.stages, key=lambda s: (s[1], s[2])):
        columns.setdefault(order, []).append((stage, url))
    position: dict[str, tuple[float, float]] = {}
    stage_of: dict[str, str] = {}
    column_of: dict[str, int] = {}
    for x, order in enumerate(sorted(columns)):
        for row, (stage, url) in enumerate(columns[order]):
            position[url] = (float(x), -PATHWAY_ROW_GAP * row)
            stage_of[url] = stage
            column_of[url] = x
    ordered = [url for order in sorted(columns) for _, url in columns[order]]
    live = [u for u in ordered if model.pages.get(u) and model.pages[u].live]
    label = {u: f"{stage_of[u].replace('_', ' ')}: {model.name}" for u in ordered}
    arrows: list[Arrow] = []
    for a, b in zip(live, live[1:]):
        style, hover = _link_reason(model.links, a, b, label[a], label[b], findings, ("broken-step",), True)
        # A step that skips a page which is not live would run straight through it (and its arrow
        # would sit on that page's marker and take its hover): bend it over the skipped page.
        blocked = any(_on_segment(position[u], position[a], position[b]) for u in ordered if u not in (a, b))
        points = _arc(position[a], position[b], up=True, lift=0.3) if blocked else _offset(position[a], position[b], 0.0)
        arrows.append(Arrow(points, style, hover))
    overviews = [u for u in ordered if stage_of[u] == "overview"]
    for overview in overviews:
        for target in live:
            if target == overview or overview not in live:
                continue
            style, hover = _link_reason(model.links, overview, target, label[overview], label[target], findings,
                                        ("overview-missing-stage",), True)
            arrows.append(Arrow(_arc(position[overview], position[target], up=True), style, hover))
    drawn = {(a, b) for a, b in zip(live, live[1:])} | {(o, t) for o in overviews for t in live}
    for source, target in sorted(model.links.body - drawn):
        if source in position and target in position:
            style, hover = _link_reason(model.links, source, target, label[source], label[target], findings, (), False,
                                        model.pages.get(target))
            arrows.append(Arrow(_arc(position[source], position[target], up=False), style, hover))

    traces: list[go.BaseTraceType] = _arrow_traces(arrows)
    for state, colour in STATUS_COLOURS.items():
        members = [u for u in ordered if (model.pages[u].state if u in model.pages else "not crawled") == state]
        if not members:
            continue
        traces.append(
            go.Scatter(
                x=[position[u][0] for u in members], y=[position[u][1] for u in members],
                mode="markers+text", name=f"Page {state} ({len(members)})", hoverinfo="text", meta={"role": "pages"},
                text=[_pathway_label(stage_of[u], (model.pages[u].title if u in model.pages else "") or u, column_of[u])
                      for u in members],
                textposition="bottom center", textfont={"size": 11},
                hovertext=[
                    _node_hover(label[u], model.pages.get(u), u, findings,
                                "" if u in live else "Not live: skipped in the step chain (pathways/missing-stage-page)")
                    for u in members
                ],
                marker={"color": colour if state == "live" else "white", "size": 26, "line": {"color": colour if state != "live" else "#222", "width": 3},
                        "symbol": [type_symbol(model.pages[u].type if u in model.pages else None) for u in members]},
            )
        )
    missing = sum(1 for a in arrows if a.style == "missing")
    width = max(len(columns) - 1, 1)
    rows = max((len(c) for c in columns.values()), default=1)
    height = 560 + 190 * (rows - 1)
    figure = go.Figure(traces, map_layout(f"{model.name}: care pathway ({len(ordered)} stage pages, {missing} missing link{'' if missing == 1 else 's'})", height=height))
    figure.update_layout(
        xaxis={"range": [-0.6, width + 0.6]},
        yaxis={"range": [-PATHWAY_ROW_GAP * (rows - 1) - 1.1, 0.25 + 0.12 * width + 0.35], "scaleanchor": False},
        legend={"title": {"text": "Click to hide"}},
    )
    return MapView(
        key=f"pathway-{model.condition}",
        title=f"Care pathway: {model.name}",
        figure=figure,
        description=(
            "Stage pages left to right in the condition's pathway order. Straight arrows are the next-step "
            "links each live stage page should have (pathways/broken-step; a step that skips a page which is not "
            "live bends over it); arcs above are the overview's "
            "links to every stage (pathways/overview-missing-stage); grey arcs below are other body links. "
            "Dotted vermillion links lead to a page that fails (4xx/5xx) or redirects. "
            "Filled markers are live pages; hollow ones are missing, redirected, failing or not indexable."
        ),
        options={"search": True},
        height=height,
    )


PATHWAY_ROW_GAP = 0.9  # stage pages sharing a column: room for a staggered label between them
LABEL_WIDTH = 20  # characters per label line: two columns' width at 11 px, labels being staggered
LABEL_LINES = 2  # lines of page title under the stage name
STAGGER_LINES = 1 + LABEL_LINES  # odd columns' labels start below the even columns' labels


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> list[str]:
    """`text` in at most `lines` lines of at most `width` characters, broken at spaces (a word
    longer than a line is cut), the last line ending in an ellipsis when text is left over."""
    words = " ".join(str(text).split()).split(" ")
    out: list[str] = []
    current = ""
    for word in words:
        while len(word) > width:
            if current:
                out.append(current)
                current = ""
            out.append(word[:width])
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "\u2026"
    return out


def _pathway_label(stage: str, title: str, column: int) -> str:
    """Stage name in bold and the wrapped title; in odd columns pushed down below the labels of
    their neighbours (blank lines), so neighbouring labels never share a line."""
    lines = [f"<b>{plotly_text(stage.replace('_', ' '))}</b>"] + [plotly_text(line) for line in wrap_label(title)]
    pad = ["\u00a0"] * (STAGGER_LINES if column % 2 else 0)
    return "<br>".join(pad + lines)


def _on_segment(r: tuple[float, float], p: tuple[float, float], q: tuple[float, float], tol: float = 0.05) -> bool:
    """Whether point r lies on the segment p -> q (strictly between its ends)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length2 = dx * dx + dy * dy
    if not length2:
        return False
    t = ((r[0] - p[0]) * dx + (r[1] - p[1]) * dy) / length2
    if not 0 < t < 1:
        return False
    return math.hypot(p[0] + t * dx - r[0], p[1] + t * dy - r[1]) < tol


def _arc(p: tuple[float, float], q: tuple[float, float], up: bool, steps: int = 16, lift: float | None = None) -> list[tuple[float, float]]:
    lift = (lift if lift is not None else 0.25 + 0.12 * abs(q[0] - p[0])) * (1 if up else -1)
    mid = ((p[0] + q[0]) / 2, max(p[1], q[1]) + lift if up else min(p[1], q[1]) + lift)
    points = []
    for k in range(steps + 1):
        t = k / steps
        x = (1 - t) ** 2 * p[0] + 2 * (1 - t) * t * mid[0] + t**2 * q[0]
        y = (1 - t) ** 2 * p[1] + 2 * (1 - t) * t * mid[1] + t**2 * q[1]
        points.append((x, y))
    return points


# ---- provider x condition matrix ------------------------------------------------------------

MATRIX_CATEGORIES = [
    ("does not treat", "#F4F4F4", ""),
    ("does not treat, linked", "#D9D9D9", "\u00b7"),
    ("treats: not linked either way", MISSING, "\u2715"),
    ("treats: condition page links to profile only", ONE_WAY_OTHER, "\u2190"),
    ("treats: profile links to condition page only", ONE_WAY, "\u2192"),
    ("treats: linked both ways", "#009E73", "\u21c4"),
    ("treats: a page is missing or not live", "#8C8C8C", "?"),
]


def matrix_cell(treats: bool, forward: bool, backward: bool, pages_live: bool) -> int:
    """Category index (MATRIX_CATEGORIES) of one provider x condition cell."""
    if not treats:
        return 1 if forward or backward else 0
    if not pages_live:
        return 6
    if forward and backward:
        return 5
    if forward:
        return 4
    if backward:
        return 3
    return 2


UNLINKED = 2  # MATRIX_CATEGORIES index: treats, both pages live, no body link either way


def matrix_counts(model: ProviderMatrix) -> list[int]:
    """Treated provider x condition pairs per category over the whole matrix (before trimming;
    untreated cells are not visited, so those categories stay 0): the report's card and the
    map's title both read UNLINKED from here."""
    counts = [0] * len(MATRIX_CATEGORIES)
    for _, purl, _, curl in model.treated_pages():
        forward = bool(purl and curl and (purl, curl) in model.body)
        backward = bool(purl and curl and (curl, purl) in model.body)
        live = bool(purl and curl and model.pages.get(purl, PageRef("")).live and model.pages.get(curl, PageRef("")).live)
        counts[matrix_cell(True, forward, backward, live)] += 1
    return counts


MAX_MATRIX_PROVIDERS = 80
MAX_MATRIX_CONDITIONS = 60


def _trim_matrix(model: ProviderMatrix, max_providers: int, max_conditions: int) -> tuple[ProviderMatrix, str]:
    """Keep a large matrix readable: the conditions and providers with the most gaps."""
    if len(model.providers) <= max_providers and len(model.conditions) <= max_conditions:
        return model, ""
    gaps_by_condition: dict[str, int] = {}
    gaps_by_provider: dict[str, int] = {}
    for pid, purl, cid, curl in model.treated_pages():
        links = int(bool(purl and curl and (purl, curl) in model.body)) + int(bool(purl and curl and (curl, purl) in model.body))
        weight = {0: 4, 1: 1, 2: 0}[links]  # a pair not linked at all matters most
        if weight:
            gaps_by_condition[cid] = gaps_by_condition.get(cid, 0) + weight
            gaps_by_provider[pid] = gaps_by_provider.get(pid, 0) + weight
    conditions = sorted(gaps_by_condition, key=lambda c: (-gaps_by_condition[c], c))[:max_conditions]
    kept_conditions = set(conditions)
    providers = [p for p, c in model.treats if c in kept_conditions]
    ranked = sorted(set(providers), key=lambda p: (-gaps_by_provider.get(p, 0), p))[:max_providers]
    kept_providers = set(ranked)
    trimmed = ProviderMatrix(
        providers=[row for row in model.providers if row[0] in kept_providers],
        conditions=[row for row in model.conditions if row[0] in kept_conditions],
        treats=model.treats, pages=model.pages, body=model.body,
    )
    note = (
        f"The site has {len(model.providers):,} providers and {len(model.conditions):,} conditions; this matrix shows "
        f"the {len(trimmed.conditions)} conditions and {len(trimmed.providers)} providers with the most treated pairs "
        "not linked both ways."
    )
    return trimmed, note


def providers_view(
    model: ProviderMatrix,
    findings: FindingIndex | None = None,
    max_providers: int = MAX_MATRIX_PROVIDERS,
    max_conditions: int = MAX_MATRIX_CONDITIONS,
) -> MapView:
    findings = findings or FindingIndex()
    whole = matrix_counts(model)
    model, note = _trim_matrix(model, max_providers, max_conditions)
    z = np.zeros((len(model.providers), len(model.conditions)), dtype=np.int64)
    hover: list[list[str]] = []
    counts = [0] * len(MATRIX_CATEGORIES)
    for r, (pid, pname, purl) in enumerate(model.providers):
        row = []
        for c, (cid, cname, curl) in enumerate(model.conditions):
            treats = (pid, cid) in model.treats
            forward = bool(purl and curl and (purl, curl) in model.body)
            backward = bool(purl and curl and (curl, purl) in model.body)
            live = bool(purl and curl and model.pages.get(purl, PageRef("")).live and model.pages.get(curl, PageRef("")).live)
            z[r, c] = matrix_cell(treats, forward, backward, live)
            counts[z[r, c]] += 1
            row.append(_cell_hover(pname, cname, treats, forward, backward, live, purl, curl, findings) if treats or forward or backward else
                       f"{plotly_text(pname, 50)} \u00d7 {plotly_text(cname, 50)}<br>Does not treat; no links")
        hover.append(row)
    n = len(MATRIX_CATEGORIES)
    scale = []
    for k, (_, colour, _) in enumerate(MATRIX_CATEGORIES):
        scale += [[k / n, colour], [(k + 1) / n, colour]]
    small = z.size <= 4000
    heatmap = go.Heatmap(
        z=z, x=[plotly_text(name, 40) for _, name, _ in model.conditions],
        y=[plotly_text(name, 40) for _, name, _ in model.providers],
        zmin=-0.5, zmax=n - 0.5, colorscale=scale, xgap=1, ygap=1,
        text=[[MATRIX_CATEGORIES[v][2] for v in row] for row in z.tolist()] if small else None,
        texttemplate="%{text}" if small else None, textfont={"size": 13, "color": "#111"},
        hovertext=hover, hoverinfo="text",
        colorbar={"tickvals": list(range(n)), "ticktext": [f"{label} ({counts[k]})" for k, (label, _, _) in enumerate(MATRIX_CATEGORIES)],
                  "title": {"text": "Provider \u00d7 condition"}, "lenmode": "pixels", "len": 320, "thickness": 16,
                  "y": 1.0, "yanchor": "top"},
    )
    height = int(min(4000, max(480, 170 + 22 * len(model.providers))))
    figure = go.Figure(
        [heatmap],
        matrix_layout(f"Providers \u00d7 conditions ({whole[UNLINKED]} treated pairs not linked either way)", height,
                      top=150, tickangle=-40, title_y=0.99),
    )
    return MapView(
        key="providers",
        title="Providers and the conditions they treat",
        figure=figure,
        description=(
            "One row per provider, one column per condition. Where the provider treats the condition, the "
            "profile should link to the condition overview and the overview to the profile "
            "(provider-condition checks): \u21c4 both ways, \u2192 profile to condition only, \u2190 condition to "
            "profile only, \u2715 not at all, ? a page is missing or not live."
        ),
        notes=[note] if note else [],
        height=height,
    )


def _cell_hover(pname: str, cname: str, treats: bool, forward: bool, backward: bool, live: bool,
                purl: str | None, curl: str | None, findings: FindingIndex) -> str:
    yes = {True: "yes", False: "<b>no</b>"}
    lines = [
        f"<b>{plotly_text(pname, 50)}</b> \u00d7 <b>{plotly_text(cname, 50)}</b>",
        f"Treats: {'yes' if treats else 'no'}",
        f"Profile \u2192 condition overview: {yes[forward]}",
        f"Condition overview \u2192 profile: {yes[backward]}",
        f"Profile: {plotly_text(purl or 'none', 90)}",
        f"Overview: {plotly_text(curl or 'none', 90)}",
    ]
    if treats and not live:
        lines.append("A page is missing, not crawled or not answering 200")
    about_pair = [f for f in findings.for_page(purl or "") if f.get("target") == curl]
    about_pair += [f for f in findings.for_page(curl or "") if f.get("target") == purl]
    return "<br>".join(lines + findings_lines(about_pair))
