"""The site-model side of the focused maps: a specialty's hub and spokes, a condition's care
pathway, the provider x condition matrix, and the links between the pages involved.

Definitions follow docs/check-semantics.md: a page is live when crawled with status 200, a link
is a followed `LINKS_TO` between two different pages, and a body link is one with `body = true`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from archmodel.db.connection import Graph
from archmodel.errors import ArchmodelError


@dataclass(frozen=True)
class PageRef:
    url: str
    title: str = ""
    type: str = "other"
    status: int | None = None
    in_crawl: bool = False
    indexable: bool = True
    depth: int | None = None
    inlinks: int = 0
    pagerank: float = 0.0

    @property
    def live(self) -> bool:
        return self.in_crawl and self.status == 200

    @property
    def state(self) -> str:
        if not self.in_crawl:
            return "not crawled"
        if self.status is not None and 300 <= self.status < 400:
            return "redirect"
        if self.status != 200:
            return "error"
        return "live" if self.indexable else "non-indexable"


@dataclass
class LinkSet:
    """Followed links between a set of pages: body links and any-position links."""

    body: set[tuple[str, str]] = field(default_factory=set)
    any: set[tuple[str, str]] = field(default_factory=set)
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)

    def state(self, source: str, target: str) -> str:
        """"body", "nav" (only header/navigation/footer links) or "none"."""
        if (source, target) in self.body:
            return "body"
        return "nav" if (source, target) in self.any else "none"


PAGES_BY_URL = """
MATCH (p:Page {crawl: $crawl}) WHERE p.url IN $urls
RETURN p.url AS url, p.title AS title, p.h1 AS h1, p.type AS type, p.status AS status,
       p.in_crawl AS in_crawl, p.indexable AS indexable, p.depth AS depth,
       p.inlinks AS inlinks, p.pagerank AS pagerank
"""

LINKS_AMONG = """
MATCH (a:Page {crawl: $crawl}) WHERE a.url IN $urls
MATCH (a)-[r:LINKS_TO]->(b:Page)
WHERE b.url IN $urls AND b <> a AND r.follow
WITH a, b, collect(r) AS rels
RETURN a.url AS source, b.url AS target,
       any(r IN rels WHERE r.body) AS body,
       head([r IN rels WHERE r.body AND r.anchor <> '' | r.anchor] + [r IN rels WHERE r.anchor <> '' | r.anchor]) AS anchor
"""


def pages_by_url(graph: Graph, crawl: str, urls: set[str]) -> dict[str, PageRef]:
    rows = graph.read(PAGES_BY_URL, {"crawl": crawl, "urls": sorted(urls)})
    return {
        r["url"]: PageRef(
            url=r["url"],
            title=r["title"] or r["h1"] or "",
            type=r["type"] or "other",
            status=r["status"],
            in_crawl=bool(r["in_crawl"]),
            indexable=r["indexable"] is not False,
            depth=r["depth"],
            inlinks=r["inlinks"] or 0,
            pagerank=r["pagerank"] or 0.0,
        )
        for r in rows
    }


def links_among(graph: Graph, crawl: str, urls: set[str]) -> LinkSet:
    links = LinkSet()
    for r in graph.read(LINKS_AMONG, {"crawl": crawl, "urls": sorted(urls)}):
        pair = (r["source"], r["target"])
        links.any.add(pair)
        if r["body"]:
            links.body.add(pair)
        if r["anchor"]:
            links.anchors[pair] = r["anchor"]
    return links


def _unknown(kind: str, wanted: str, known: list[str]) -> ArchmodelError:
    shown = ", ".join(known[:20]) + (" ..." if len(known) > 20 else "") if known else "none (load the crawl with --site site.yml)"
    return ArchmodelError(f"{kind} '{wanted}' is not in the loaded site model", "--focus", f"use one of: {shown}")


def entity_ids(graph: Graph, crawl: str, label: str) -> list[dict[str, Any]]:
    if label not in ("Specialty", "Condition", "Provider", "Location"):
        raise ValueError(label)
    return graph.read(f"MATCH (e:{label} {{crawl: $crawl}}) RETURN e.id AS id, e.name AS name ORDER BY e.id", {"crawl": crawl})


# ---- hub and spokes -------------------------------------------------------------------------

@dataclass
class Spoke:
    kind: str  # "condition", "treatment", "provider" or "location"
    entity: str
    name: str
    url: str | None


@dataclass
class HubModel:
    specialty: str
    name: str
    hub_url: str | None
    spokes: list[Spoke]
    pages: dict[str, PageRef]
    links: LinkSet


HUB_QUERY = """
MATCH (s:Specialty {crawl: $crawl, id: $id})
OPTIONAL MATCH (s)-[:HUB]->(hub:Page)
RETURN s.name AS name, hub.url AS hub
"""

SPOKES_QUERY = """
MATCH (s:Specialty {crawl: $crawl, id: $id})-[:COVERS]->(c:Condition)
OPTIONAL MATCH (c)-[:STAGE {stage: 'overview'}]->(o:Page)
RETURN 'condition' AS kind, c.id AS entity, c.name AS name, o.url AS url
UNION
MATCH (s:Specialty {crawl: $crawl, id: $id})-[:COVERS]->(c:Condition)
MATCH (t:Page {crawl: $crawl, type: 'treatment'})-[:ABOUT]->(c)
RETURN 'treatment' AS kind, c.id AS entity, coalesce(t.title, t.url) AS name, t.url AS url
UNION
MATCH (s:Specialty {crawl: $crawl, id: $id})-[:COVERS]->(c:Condition)-[:STAGE {stage: 'treatment'}]->(t:Page)
RETURN 'treatment' AS kind, c.id AS entity, coalesce(t.title, t.url) AS name, t.url AS url
UNION
MATCH (pr:Provider {crawl: $crawl})-[:PRACTISES]->(:Specialty {crawl: $crawl, id: $id})
OPTIONAL MATCH (pr)-[:PROFILE]->(p:Page)
RETURN 'provider' AS kind, pr.id AS entity, pr.name AS name, p.url AS url
UNION
MATCH (l:Location {crawl: $crawl})-[:OFFERS]->(:Specialty {crawl: $crawl, id: $id})
OPTIONAL MATCH (l)-[:LOCATION_PAGE]->(p:Page)
RETURN 'location' AS kind, l.id AS entity, l.name AS name, p.url AS url
"""

SPOKE_ORDER = {"condition": 0, "treatment": 1, "provider": 2, "location": 3}


def load_hub(graph: Graph, crawl: str, specialty: str) -> HubModel:
    head = graph.read(HUB_QUERY, {"crawl": crawl, "id": specialty})
    if not head:
        raise _unknown("specialty", specialty, [r["id"] for r in entity_ids(graph, crawl, "Specialty")])
    rows = graph.read(SPOKES_QUERY, {"crawl": crawl, "id": specialty})
    seen: set[tuple[str, str | None]] = set()
    spokes = []
    for r in sorted(rows, key=lambda r: (SPOKE_ORDER[r["kind"]], (r["name"] or "").lower(), r["url"] or "")):
        key = (r["kind"], r["url"] or f"{r['kind']}:{r['entity']}")
        if key in seen:
            continue
        seen.add(key)
        spokes.append(Spoke(r["kind"], r["entity"], r["name"] or r["entity"], r["url"]))
    hub_url = head[0]["hub"]
    urls = {s.url for s in spokes if s.url} | ({hub_url} if hub_url else set())
    return HubModel(
        specialty=specialty,
        name=head[0]["name"] or specialty,
        hub_url=hub_url,
        spokes=spokes,
        pages=pages_by_url(graph, crawl, urls),
        links=links_among(graph, crawl, urls),
    )


# ---- care pathway ----------------------------------------------------------------------------

@dataclass
class PathwayModel:
    condition: str
    name: str
    stages: list[tuple[str, int, str]]  # (stage, order, url) in pathway order
    pages: dict[str, PageRef]
    links: LinkSet


PATHWAY_QUERY = """
MATCH (c:Condition {crawl: $crawl, id: $id})
OPTIONAL MATCH (c)-[s:STAGE]->(p:Page)
RETURN c.name AS name, s.stage AS stage, s.order AS order, p.url AS url
ORDER BY s.order, p.url
"""


def load_pathway(graph: Graph, crawl: str, condition: str) -> PathwayModel:
    rows = graph.read(PATHWAY_QUERY, {"crawl": crawl, "id": condition})
    if not rows:
        raise _unknown("condition", condition, [r["id"] for r in entity_ids(graph, crawl, "Condition")])
    stages = [(r["stage"], int(r["order"]), r["url"]) for r in rows if r["url"]]
    urls = {url for _, _, url in stages}
    return PathwayModel(
        condition=condition,
        name=rows[0]["name"] or condition,
        stages=stages,
        pages=pages_by_url(graph, crawl, urls),
        links=links_among(graph, crawl, urls),
    )


# ---- provider x condition ----------------------------------------------------------------

@dataclass
class ProviderMatrix:
    providers: list[tuple[str, str, str | None]]  # (id, name, profile url), ordered
    conditions: list[tuple[str, str, str | None]]  # (id, name, overview url), ordered
    treats: set[tuple[str, str]]
    pages: dict[str, PageRef]
    body: set[tuple[str, str]]

    def treated_pages(self) -> Iterator[tuple[str, str | None, str, str | None]]:
        """(provider, profile url, condition, overview url) for each treated pair of a listed
        provider and condition: what a loop over every provider x condition cell would find,
        without visiting the untreated cells (L tier: 7,497 x 8,330 = 62 million)."""
        profiles: dict[str, list[str | None]] = defaultdict(list)
        overviews: dict[str, list[str | None]] = defaultdict(list)
        for pid, _, purl in self.providers:
            profiles[pid].append(purl)
        for cid, _, curl in self.conditions:
            overviews[cid].append(curl)
        for pid, cid in sorted(self.treats):
            for purl in profiles.get(pid, ()):
                for curl in overviews.get(cid, ()):
                    yield pid, purl, cid, curl


PROVIDERS_QUERY = """
MATCH (pr:Provider {crawl: $crawl})
OPTIONAL MATCH (pr)-[:PROFILE]->(p:Page)
OPTIONAL MATCH (pr)-[:PRACTISES]->(s:Specialty)
WITH pr, p, min(s.name) AS specialty
RETURN pr.id AS id, pr.name AS name, p.url AS url, specialty ORDER BY specialty, pr.name, pr.id
"""
CONDITIONS_QUERY = """
MATCH (c:Condition {crawl: $crawl})
OPTIONAL MATCH (c)-[:STAGE {stage: 'overview'}]->(o:Page)
OPTIONAL MATCH (s:Specialty)-[:COVERS]->(c)
WITH c, o, min(s.name) AS specialty
RETURN c.id AS id, c.name AS name, o.url AS url, specialty ORDER BY specialty, c.name, c.id
"""
TREATS_QUERY = "MATCH (pr:Provider {crawl: $crawl})-[:TREATS]->(c:Condition) RETURN pr.id AS provider, c.id AS condition"
MATRIX_LINKS = """
MATCH (a:Page {crawl: $crawl}) WHERE a.url IN $sources
MATCH (a)-[r:LINKS_TO]->(b:Page)
WHERE b.url IN $targets AND b <> a AND r.follow AND r.body
RETURN DISTINCT a.url AS source, b.url AS target
"""


def load_provider_matrix(graph: Graph, crawl: str) -> ProviderMatrix:
    params = {"crawl": crawl}
    providers = [(r["id"], r["name"] or r["id"], r["url"]) for r in graph.read(PROVIDERS_QUERY, params)]
    conditions = [(r["id"], r["name"] or r["id"], r["url"]) for r in graph.read(CONDITIONS_QUERY, params)]
    treats = {(r["provider"], r["condition"]) for r in graph.read(TREATS_QUERY, params)}
    profiles = sorted({u for _, _, u in providers if u})
    overviews = sorted({u for _, _, u in conditions if u})
    body: set[tuple[str, str]] = set()
    for sources, targets in ((profiles, overviews), (overviews, profiles)):
        if sources and targets:
            rows = graph.read(MATRIX_LINKS, {"crawl": crawl, "sources": sources, "targets": targets})
            body |= {(r["source"], r["target"]) for r in rows}
    return ProviderMatrix(
        providers=providers,
        conditions=conditions,
        treats=treats,
        pages=pages_by_url(graph, crawl, set(profiles) | set(overviews)),
        body=body,
    )
