"""What commands call: build a map or the report for one site and write it to a file.

`write_all` is the one call for "everything into a folder" (the demo): the report plus one file
per map view; the maps load one plotly.min.js written beside them, the report inlines it (it is
the file that gets forwarded). A single file is self-contained (plotly.js inlined) unless
`self_contained=False`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef, resolve_site
from archmodel.errors import ArchmodelError
from archmodel.packs.registry import Check
from archmodel.tables import Format, render
from archmodel.packs.runner import crawl_has_links
from archmodel.render import charts
from archmodel.render.action_plan import TASK_COLUMNS, ActionPlan, build_action_plan
from archmodel.render.clusters import cluster_pages
from archmodel.render.data import SiteData, load_site_data
from archmodel.render.entities import entity_ids, load_hub, load_pathway, load_provider_matrix
from archmodel.render.findings import Finding, FindingIndex
from archmodel.render.gather import Gathered, gather
from archmodel.render.focus_maps import UNLINKED, hub_view, matrix_counts, pathway_view, providers_view
from archmodel.render.history_overlay import with_lost_links
from archmodel.render.history_section import history_parts
from archmodel.render.html import map_page, write_plotly_js
from archmodel.render.provenance import inferred_notes
from archmodel.render.report import ReportInput, build_report_html
from archmodel.render.site_map import MAX_DRAWN_PAGES, clusters_view
from archmodel.render.timing import PhaseTimes, measure
from archmodel.render.structure import structure_view
from archmodel.render.traces import MapView

VIEWS = ("clusters", "hub", "pathway", "providers", "structure")
TASKS_FILE = "tasks.csv"
MAX_FOCUS_MAPS_IN_REPORT = 6

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def _site(graph: Graph, site: str | SiteRef | None, say: Say) -> SiteRef:
    return site if isinstance(site, SiteRef) else resolve_site(graph, site, say=say)


def _ranked_focus(graph: Graph, site: SiteRef, label: str, index: FindingIndex, key: str, packs: tuple[str, ...]) -> list[str]:
    """Entity ids, those with the most findings of `packs` first, then by id."""
    ids = [row["id"] for row in entity_ids(graph, site.crawl_id, label)]
    weight = {i: 0 for i in ids}
    for finding in index.findings:
        if finding.get("pack") in packs and finding.get(key) in weight:
            weight[finding[key]] += 1
    return sorted(ids, key=lambda i: (-weight[i], i))


def build_view(
    graph: Graph,
    view: str,
    site: str | SiteRef | None = None,
    focus: str | None = None,
    findings: list[Finding] | None = None,
    max_pages: int = MAX_DRAWN_PAGES,
    community_backend: str = "auto",
    say: Say = _quiet,
    data: SiteData | None = None,
    since: SiteRef | None = None,
) -> MapView:
    """One map view of the current crawl of `site` (the only or latest site when None);
    `since` adds the links lost since that earlier crawl (archmodel/render/history_overlay.py)."""
    if since is not None:
        ref = _site(graph, site, say)
        if view == "clusters":
            data = data or load_site_data(graph, ref)
            clustering = cluster_pages(data, graph, community_backend)
            built = clusters_view(data, clustering, FindingIndex.build(findings), max_pages)
            return with_lost_links(graph, built, since, ref, data, clustering)
        built = build_view(graph, view, ref, focus, findings, max_pages, community_backend, say, data)
        return with_lost_links(graph, built, since, ref)
    if view not in VIEWS:
        raise ArchmodelError(f"unknown map view '{view}'", "--view", "use one of: " + ", ".join(VIEWS))
    ref = _site(graph, site, say)
    index = FindingIndex.build(findings)
    if view == "clusters":
        data = data or load_site_data(graph, ref)
        return clusters_view(data, cluster_pages(data, graph, community_backend), index, max_pages)
    if view == "providers":
        return providers_view(load_provider_matrix(graph, ref.crawl_id), index)
    if view == "structure":
        return structure_view(data or load_site_data(graph, ref))
    label, key, packs = ("Specialty", "specialty", ("hub-spoke",)) if view == "hub" else ("Condition", "condition", ("pathways",))
    if focus is None:
        ranked = _ranked_focus(graph, ref, label, index, key, packs)
        if not ranked:
            raise ArchmodelError(
                f"the {view} view needs a {key}, and the loaded crawl has none",
                ref.host,
                "load the crawl with a site model: `archmodel load CRAWL --site site.yml`",
            )
        focus = ranked[0]
        say(f"Showing {key} '{focus}'; pick another with --focus (one of: {', '.join(ranked[:15])}).")
    model = load_hub(graph, ref.crawl_id, focus) if view == "hub" else load_pathway(graph, ref.crawl_id, focus)
    return hub_view(model, index) if view == "hub" else pathway_view(model, index)  # type: ignore[arg-type]


def _plotly_src(output: Path, self_contained: bool) -> str | None:
    """None to inline plotly.js, else the name of the copy written beside `output`."""
    return None if self_contained else write_plotly_js(output.parent)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def site_heading(graph: Graph, ref: SiteRef) -> str:
    rows = graph.read("MATCH (s:Site {host: $host}) RETURN s.name AS name", {"host": ref.host})
    return (rows[0]["name"] if rows and rows[0]["name"] else None) or ref.host


def write_map(
    graph: Graph,
    view: str,
    output: Path,
    site: str | SiteRef | None = None,
    focus: str | None = None,
    findings: list[Finding] | None = None,
    say: Say = _quiet,
    self_contained: bool = True,
    **options: Any,
) -> Path:
    """Write one map file (self-contained, or loading plotly.min.js beside it)."""
    ref = _site(graph, site, say)
    built = build_view(graph, view, ref, focus, findings, say=say, **options)
    return _write(output, map_page(built, site_heading(graph, ref), _plotly_src(output, self_contained)))


def build_report(
    graph: Graph,
    site: str | SiteRef | None = None,
    findings: list[Finding] | None = None,
    suggestions: list[dict[str, Any]] | None = None,
    skipped: list[tuple[str, str]] | None = None,
    max_pages: int = MAX_DRAWN_PAGES,
    community_backend: str = "auto",
    say: Say = _quiet,
    plotly_src: str | None = None,
    gathered: Gathered | None = None,
    times: PhaseTimes | None = None,
    checks: list[Check] | None = None,
    tasks_csv: Path | None = None,
) -> str:
    """The report as HTML; with `tasks_csv` (and findings) also the editor tasks, one row per page. `findings`/`suggestions` None: say the packs were not run.
    `gathered`: the graph reads and layouts done already (while the checks ran). `checks`: the
    checks the findings come from (the earlier crawl is audited with the same ones); None: the
    checks the findings name."""
    ref = gathered.ref if gathered is not None else _site(graph, site, say)
    gathered = gathered or gather(graph, ref, max_pages, community_backend, times)
    index = FindingIndex.build(findings)
    data, matrix, crawl = gathered.data, gathered.matrix, ref.crawl
    with measure(times, "layout"):
        providers = providers_view(matrix, index)
        unlinked = matrix_counts(matrix)[UNLINKED]
        positions, _ = charts.positions_chart(gathered.link_rows)
        anchors, _ = charts.anchors_chart(gathered.link_rows, list(crawl.get("generic_anchors") or []),
                                          charts.charted(findings, "anchors"))
        maps = [clusters_view(data, gathered.clustering, index, max_pages), structure_view(data)]
    notes = inferred_notes(crawl)
    for view, label, key, packs in (("hub", "Specialty", "specialty", ("hub-spoke",)), ("pathway", "Condition", "condition", ("pathways",))):
        with measure(times, "graph reads"):
            ranked = _ranked_focus(graph, ref, label, index, key, packs)
        for focus in ranked[:MAX_FOCUS_MAPS_IN_REPORT]:
            with measure(times, "graph reads"):
                model = load_hub(graph, ref.crawl_id, focus) if view == "hub" else load_pathway(graph, ref.crawl_id, focus)
            with measure(times, "layout"):
                maps.append(hub_view(model, index) if view == "hub" else pathway_view(model, index))  # type: ignore[arg-type]
        if len(ranked) > MAX_FOCUS_MAPS_IN_REPORT:
            kind = "specialty hub" if view == "hub" else "care pathway"
            notes.append(
                f"The report shows the {MAX_FOCUS_MAPS_IN_REPORT} {kind} maps with the most findings of "
                f"{len(ranked)}; the appendix says how to draw any other."
            )
    if matrix.providers and matrix.conditions:
        maps.append(providers)
    plan = build_action_plan(graph, ref, findings, suggestions)
    since, since_line = history_parts(graph, ref, findings, checks)
    if tasks_csv is not None and findings is not None:
        write_tasks(plan, tasks_csv)
    report = ReportInput(
        site_name=site_heading(graph, ref),
        host=ref.host,
        loaded_at=ref.loaded_at,
        pages=int(data.pages.in_crawl.sum()),
        links=int(crawl.get("links") or (len(data.body) + len(data.nav))),
        unlinked_pairs=unlinked,
        findings=findings,
        suggestions=suggestions,
        skipped=skipped or [],
        charts=[
            charts.depth_chart(data.pages, crawl.get("max_depth"), charts.charted(findings, "depth")),
            positions,
            anchors,
            charts.pagerank_chart(data.pages),
        ],
        maps=maps,
        notes=notes,
        plan=plan,
        since=since,
        since_line=since_line,
        has_links=crawl_has_links(crawl),
    )
    with measure(times, "HTML"):
        return build_report_html(report, plotly_src)


def write_tasks(plan: ActionPlan, path: Path) -> Path:
    """tasks.csv: one ticket per page (docs/maps-and-report.md "Tasks"), cells a spreadsheet
    never runs as formulas."""
    return _write(path, render(plan.task_rows(), TASK_COLUMNS, Format.csv))


def write_report(
    graph: Graph, output: Path, site: str | SiteRef | None = None, self_contained: bool = True, **options: Any
) -> Path:
    """The report file, and tasks.csv beside it when the checks ran."""
    options.setdefault("tasks_csv", output.parent / TASKS_FILE)
    html = build_report(graph, site, plotly_src=_plotly_src(output, self_contained), **options)
    with measure(options.get("times"), "HTML"):
        return _write(output, html)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


def write_all(
    graph: Graph,
    folder: Path,
    site: str | SiteRef | None = None,
    findings: list[Finding] | None = None,
    suggestions: list[dict[str, Any]] | None = None,
    skipped: list[tuple[str, str]] | None = None,
    say: Say = _quiet,
    self_contained: bool = False,
    checks: list[Check] | None = None,
) -> list[Path]:
    """The report and every map into `folder`: report.html, then what `write_maps` writes. The
    report is self-contained (it is the file people forward); the maps load one plotly.min.js
    beside them unless `self_contained`."""
    ref = _site(graph, site, say)
    written = [write_report(graph, folder / "report.html", ref, True, findings=findings,
                            suggestions=suggestions, skipped=skipped, checks=checks)]
    return written + write_maps(graph, folder, ref, findings, say, self_contained)


def write_maps(
    graph: Graph,
    folder: Path,
    site: str | SiteRef | None = None,
    findings: list[Finding] | None = None,
    say: Say = _quiet,
    self_contained: bool = False,
) -> list[Path]:
    """Every map into `folder`: map-clusters.html, map-providers.html, map-structure.html, map-hub-<specialty>.html,
    map-pathway-<condition>.html, sharing one plotly.min.js unless `self_contained`."""
    ref = _site(graph, site, say)
    heading = site_heading(graph, ref)
    src = _plotly_src(folder / "map-clusters.html", self_contained)
    written = [_write(folder / "map-clusters.html", map_page(build_view(graph, "clusters", ref, findings=findings), heading, src))]
    written.append(_write(folder / "map-providers.html", map_page(build_view(graph, "providers", ref, findings=findings), heading, src)))
    written.append(_write(folder / "map-structure.html", map_page(build_view(graph, "structure", ref), heading, src)))
    for view, label in (("hub", "Specialty"), ("pathway", "Condition")):
        for row in entity_ids(graph, ref.crawl_id, label):
            built = build_view(graph, view, ref, row["id"], findings)
            written.append(_write(folder / f"map-{view}-{_slug(row['id'])}.html", map_page(built, heading, src)))
    return written
