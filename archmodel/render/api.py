"""What commands call: build a map or the report for one site and write it to a file.

`write_all` is the one call for "everything into a folder" (the demo): the report plus one file
per map view.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef, resolve_site
from archmodel.errors import ArchmodelError
from archmodel.render import charts
from archmodel.render.action_plan import build_action_plan
from archmodel.render.clusters import cluster_pages
from archmodel.render.data import SiteData, load_site_data
from archmodel.render.entities import entity_ids, load_hub, load_pathway, load_provider_matrix
from archmodel.render.findings import Finding, FindingIndex
from archmodel.render.focus_maps import hub_view, pathway_view, providers_view
from archmodel.render.html import map_page
from archmodel.render.provenance import inferred_notes
from archmodel.render.report import ReportInput, build_report_html
from archmodel.render.site_map import MAX_DRAWN_PAGES, clusters_view
from archmodel.render.traces import MapView

VIEWS = ("clusters", "hub", "pathway", "providers")
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
) -> MapView:
    """One map view of the current crawl of `site` (the only or latest site when None)."""
    if view not in VIEWS:
        raise ArchmodelError(f"unknown map view '{view}'", "--view", "use one of: " + ", ".join(VIEWS))
    ref = _site(graph, site, say)
    index = FindingIndex.build(findings)
    if view == "clusters":
        data = data or load_site_data(graph, ref)
        return clusters_view(data, cluster_pages(data, graph, community_backend), index, max_pages)
    if view == "providers":
        return providers_view(load_provider_matrix(graph, ref.crawl_id), index)
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
    **options: Any,
) -> Path:
    """Write one self-contained map file."""
    ref = _site(graph, site, say)
    built = build_view(graph, view, ref, focus, findings, say=say, **options)
    return _write(output, map_page(built, site_heading(graph, ref)))


def build_report(
    graph: Graph,
    site: str | SiteRef | None = None,
    findings: list[Finding] | None = None,
    suggestions: list[dict[str, Any]] | None = None,
    skipped: list[tuple[str, str]] | None = None,
    max_pages: int = MAX_DRAWN_PAGES,
    community_backend: str = "auto",
    say: Say = _quiet,
) -> str:
    """The report as HTML. `findings`/`suggestions` None: say the packs were not run."""
    ref = _site(graph, site, say)
    index = FindingIndex.build(findings)
    data = load_site_data(graph, ref)
    crawl = ref.crawl
    matrix = load_provider_matrix(graph, ref.crawl_id)
    providers = providers_view(matrix, index)
    unlinked = sum(
        1
        for pid, _, purl in matrix.providers
        for cid, _, curl in matrix.conditions
        if (pid, cid) in matrix.treats and not ((purl, curl) in matrix.body or (curl, purl) in matrix.body)
    )
    link_rows = charts.link_aggregates(graph, ref.crawl_id)
    positions, _ = charts.positions_chart(link_rows)
    anchors, _ = charts.anchors_chart(link_rows, list(crawl.get("generic_anchors") or []))
    maps = [clusters_view(data, cluster_pages(data, graph, community_backend), index, max_pages)]
    notes = inferred_notes(crawl)
    for view, label, key, packs in (("hub", "Specialty", "specialty", ("hub-spoke",)), ("pathway", "Condition", "condition", ("pathways",))):
        ranked = _ranked_focus(graph, ref, label, index, key, packs)
        for focus in ranked[:MAX_FOCUS_MAPS_IN_REPORT]:
            maps.append(build_view(graph, view, ref, focus, findings))
        if len(ranked) > MAX_FOCUS_MAPS_IN_REPORT:
            notes.append(
                f"The report shows the {MAX_FOCUS_MAPS_IN_REPORT} {view} maps with the most findings of "
                f"{len(ranked)}; `archmodel map --view {view} --focus ID` draws any other."
            )
    if matrix.providers and matrix.conditions:
        maps.append(providers)
    plan = build_action_plan(graph, ref, findings, suggestions)
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
            charts.depth_chart(data.pages, crawl.get("max_depth")),
            positions,
            anchors,
            charts.pagerank_chart(data.pages),
        ],
        maps=maps,
        notes=notes,
        plan=plan,
    )
    return build_report_html(report)


def write_report(graph: Graph, output: Path, site: str | SiteRef | None = None, **options: Any) -> Path:
    return _write(output, build_report(graph, site, **options))


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
) -> list[Path]:
    """The report and every map into `folder`: report.html, map-clusters.html,
    map-providers.html, map-hub-<specialty>.html, map-pathway-<condition>.html."""
    ref = _site(graph, site, say)
    heading = site_heading(graph, ref)
    written = [write_report(graph, folder / "report.html", ref, findings=findings, suggestions=suggestions, skipped=skipped)]
    written.append(_write(folder / "map-clusters.html", map_page(build_view(graph, "clusters", ref, findings=findings), heading)))
    written.append(_write(folder / "map-providers.html", map_page(build_view(graph, "providers", ref, findings=findings), heading)))
    for view, label in (("hub", "Specialty"), ("pathway", "Condition")):
        for row in entity_ids(graph, ref.crawl_id, label):
            built = build_view(graph, view, ref, row["id"], findings)
            written.append(_write(folder / f"map-{view}-{_slug(row['id'])}.html", map_page(built, heading)))
    return written
