"""The seed's own model of every check: what the checks must find in the generated site.

This is not the Cypher checks run another way: it reads the generator's pages and link list
(never Neo4j) and applies docs/check-semantics.md to them, so the expected-findings file can be
compared with what the packs return. Depth is a breadth-first search over followed links of any
position from home; PageRank is the unnormalised GDS-style computation of check-semantics.md.
Where that document leaves a reading open, `Ambiguity` records both readings and the seed is
built so they agree (the generator refuses to write a seed where they differ).
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from archmodel.ingest.anchor_facts import OwnNames
from archmodel.ingest.copies import is_copy
from archmodel.ingest.patterns import PatternSet
from archmodel.ingest.readers.structured_data import type_name
from archmodel.synth import model as m
from archmodel.synth.links import Link
from archmodel.synth.model import Site
from archmodel.synth.sitefile import PAGE_TYPE_RULES, reviewed_by_map

CLINICAL = {"condition", "symptom", "diagnosis", "test", "treatment", "follow_up"}
NEXT_STEP = {"appointment", "location", "telehealth", "provider"}
DEPTH_KEY = {"specialty_hub", "condition", "appointment"}
EQUITY_KEY = {"specialty_hub", "condition", "diagnosis", "treatment", "appointment"}
GUIDES = {"symptom", "diagnosis", "test", "follow_up"}
NAV = {"Header", "Navigation", "Footer"}
BODY = {"Content", "Aside", "Sidebar"}
WIDGETS = {"Aside", "Sidebar"}  # repeated blocks: over-optimised-anchor does not count their links
GENERIC = ["learn more", "click here", "read more", "here", "more", "this page", "find out more", "continue"]
SCHEDULING = ["appointment", "book", "schedule"]
CLINICAL_WORDS = ["symptoms", "diagnosis", "treatment", "test"]
MAX_DEPTH, KEY_MAX_DEPTH, MAX_OUT, MIN_CONTEXT, REPEAT_SHARE = 3, 2, 100, 3, 0.8
PEERS, PEER_SHARE = 3, 2.0 / 3.0  # low-equity-key-pages: below 2/3 of the median of >= 3 peers (type, depth)
DAMPING = 0.85

CHECKS = [
    "orphans/orphan-pages", "orphans/sitemap-only", "orphans/nav-only-inlinks",
    "hub-spoke/hub-missing-spoke", "hub-spoke/spoke-missing-hub", "hub-spoke/condition-without-hub",
    "pathways/broken-step", "pathways/overview-missing-stage", "pathways/missing-stage-page",
    "pathways/dead-end-education",
    "provider-condition/provider-missing-condition", "provider-condition/condition-missing-provider",
    "provider-condition/provider-without-page",
    "anchors/generic-anchor", "anchors/empty-anchor", "anchors/anchor-intent-mismatch",
    "anchors/over-optimised-anchor", "anchors/off-synonym-anchor",
    "depth/deep-pages", "depth/deep-key-pages", "depth/unreachable",
    "broken-links/links-to-error", "broken-links/links-to-redirect", "broken-links/links-to-non-indexable",
    "broken-links/nofollow-internal",
    "trust/missing-reviewer-link", "trust/missing-review-policy", "trust/missing-policy-links",
    "access/no-location-link", "access/location-missing-specialty", "access/provider-missing-location",
    "related-conditions/unlinked-related", "related-conditions/off-pathway-related",
    "content-links/blog-missing-service", "content-links/service-missing-guides",
    "content-links/resource-hub-thin", "content-links/too-many-links", "content-links/too-few-contextual-links",
    "equity/low-equity-key-pages", "equity/equity-sinks",
    "structured-data/condition-without-medical-type", "structured-data/provider-without-physician",
    "structured-data/location-without-medical-organization", "structured-data/key-page-schema-errors",
]
# structured-data: the types each check accepts (the checks' headers say which and why)
CONDITION_TYPES = {"MedicalWebPage", "MedicalCondition", "InfectiousDisease"}
CLINICIAN_TYPES = {"Physician", "IndividualPhysician", "Dentist", "Optician"}
CARE_PLACE_TYPES = {"MedicalOrganization", "MedicalBusiness", "MedicalClinic", "CovidTestingFacility", "Hospital",
                    "Dentist", "DiagnosticLab", "Pharmacy", "Optician", "Physician"}
SCHEMA_KEY = {"specialty_hub", "condition", "diagnosis", "treatment", "appointment", "provider", "location"}


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip()).lower()


def has_words(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(fold(phrase)) + r"(?!\w)", fold(text)) is not None


@dataclass
class PageNode:
    url: str
    path: str
    type: str
    crawled: bool
    status: int | None
    indexable: bool | None
    in_sitemap: bool
    trust_role: str | None = None


@dataclass(frozen=True)
class Rel:
    source: str
    target: str
    anchor: str
    alt: str
    position: str
    follow: bool

    @property
    def body(self) -> bool:
        return self.position in BODY


@dataclass
class Graph:
    """The graph the loader should build from the seed files, as plain Python."""

    pages: dict[str, PageNode]
    rels: list[Rel]
    about: dict[str, set[tuple[str, str]]]  # url -> {(label, id)}
    about_own: dict[str, set[str]]  # url -> condition ids via capture or model
    site: Site
    depth: dict[str, int | None] = field(default_factory=dict)
    pagerank: dict[str, float] = field(default_factory=dict)
    ambiguities: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return m.BASE_URL + path


def build_graph(site: Site, links: list[tuple[str, Link]]) -> Graph:
    patterns = PatternSet(PAGE_TYPE_RULES)
    reviewed = reviewed_by_map(site)
    named: set[str] = set()
    for c in site.conditions.values():
        named |= set(c.pages.values())
    named |= {sp.hub for sp in site.specialties} | {p.page for p in site.providers.values()}
    named |= {loc.page for loc in site.locations.values()} | {m.EDITORIAL, *m.POLICY_PAGES}
    pages: dict[str, PageNode] = {}
    # copies of another page take no type or capture from the patterns (as the loader types them)
    copies = {path for path in {*site.pages, *named} if path != m.HOME and is_copy(m.BASE_URL + path)}
    copies |= {page.path for page in site.pages.values() if page.crawled and page.path != m.HOME and is_copy(
        m.BASE_URL + page.path, m.BASE_URL + page.canonical if page.canonical else None, page.indexability_status)}
    for page in site.pages.values():
        if not page.crawled and not page.in_sitemap and page.path not in named:
            continue
        ptype, _ = ("other", {}) if page.path in copies else patterns.classify(page.path)
        if page.crawled and ptype != page.type:
            raise AssertionError(f"{page.path}: model type {page.type} but site.yml rules say {ptype}")
        role = "review" if page.path == m.EDITORIAL else ("policy" if page.path in m.POLICY_PAGES else None)
        pages[page.path] = PageNode(m.BASE_URL + page.path, page.path, ptype, page.crawled,
                                    page.status if page.crawled else None,
                                    page.indexable if page.crawled else None, page.in_sitemap, role)
    for path in named:
        if path not in pages:
            ptype, _ = ("other", {}) if path in copies else patterns.classify(path)
            pages[path] = PageNode(m.BASE_URL + path, path, ptype, False, None, None, False)
    rels = sorted({Rel(src, ln.target, ln.anchor.strip(), ln.alt.strip(), ln.position, ln.follow)
                   for src, ln in links if ln.internal and ln.kind == "Hyperlink" and ln.target in pages},
                  key=lambda r: (r.source, r.target, r.anchor, r.position))
    about: dict[str, set[tuple[str, str]]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    labels = {"condition": ("Condition", site.conditions), "specialty": ("Specialty", {s.id: s for s in site.specialties}),
              "provider": ("Provider", site.providers), "location": ("Location", site.locations)}
    for path in pages:
        _, captures = ("other", {}) if path in copies else patterns.classify(path)
        for name, value in captures.items():
            if name in labels and value in labels[name][1]:
                about[path].add((labels[name][0], value))
                if name == "condition":
                    own[path].add(value)
    for c in site.conditions.values():
        for path in c.pages.values():
            about[path].add(("Condition", c.id))
            own[path].add(c.id)
    for sp in site.specialties:
        about[sp.hub].add(("Specialty", sp.id))
        for cid in sp.conditions:
            about[sp.hub].add(("Condition", cid))
    for p in site.providers.values():
        about[p.page].add(("Provider", p.id))
        for cid in p.treats:
            about[p.page].add(("Condition", cid))
    for loc in site.locations.values():
        about[loc.page].add(("Location", loc.id))
    graph = Graph(pages, rels, about, own, site)
    graph.reviewed = reviewed  # type: ignore[attr-defined]
    _depth(graph)
    _pagerank(graph)
    return graph


def _followed(graph: Graph) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in graph.rels if r.follow and r.source != r.target}


def _depth(graph: Graph) -> None:
    adjacency: dict[str, list[str]] = defaultdict(list)
    for s, t in sorted(_followed(graph)):
        adjacency[s].append(t)
    depth: dict[str, int | None] = {p: None for p in graph.pages}
    depth[m.HOME] = 0
    queue = deque([m.HOME])
    while queue:
        node = queue.popleft()
        for nxt in adjacency[node]:
            if depth[nxt] is None:
                depth[nxt] = depth[node] + 1  # type: ignore[operator]
                queue.append(nxt)
    graph.depth = depth


def _pagerank(graph: Graph) -> None:
    nodes = [p for p, node in graph.pages.items() if node.crawled]
    index = {p: i for i, p in enumerate(nodes)}
    edges = [(index[s], index[t]) for s, t in sorted(_followed(graph)) if s in index and t in index]
    n = len(nodes)
    src = np.array([e[0] for e in edges])
    dst = np.array([e[1] for e in edges])
    out_degree = np.bincount(src, minlength=n).astype(float)
    matrix = sparse.csr_matrix((1.0 / out_degree[src], (dst, src)), shape=(n, n))
    scores = np.full(n, 1 - DAMPING)
    for _ in range(1000):
        updated = (1 - DAMPING) + DAMPING * (matrix @ scores)
        if np.max(np.abs(updated - scores)) < 1e-13:
            scores = updated
            break
        scores = updated
    graph.pagerank = {p: float(scores[index[p]]) for p in nodes}


@dataclass(frozen=True)
class Markup:
    """A page's structured data as the export says it: type names (schema.org URLs read as names)
    and the validation error count."""

    types: frozenset[str]
    errors: int


class Evaluator:
    def __init__(self, graph: Graph, markup: dict[str, Markup]) -> None:
        self.g = graph
        self.markup = markup
        self.site = graph.site
        g = graph
        self.live = {p for p, n in g.pages.items() if n.crawled and n.status == 200}
        self.links = [r for r in g.rels if r.follow and r.source != r.target]
        self.body_out: dict[str, set[str]] = defaultdict(set)
        self.any_out: dict[str, set[str]] = defaultdict(set)
        self.any_in: dict[str, list[Rel]] = defaultdict(list)
        for r in self.links:
            self.any_out[r.source].add(r.target)
            self.any_in[r.target].append(r)
            if r.body:
                self.body_out[r.source].add(r.target)
        self.findings: dict[str, list[dict[str, Any]]] = {c: [] for c in CHECKS}

    def add(self, check: str, **keys: Any) -> None:
        row = {k: (self.g.url(v) if k in ("url", "source", "target") else v) for k, v in keys.items()}
        if row not in self.findings[check]:
            self.findings[check].append(row)

    def type(self, path: str) -> str:
        return self.g.pages[path].type

    def linked(self, source: str, target: str) -> bool:
        return target in self.body_out[source]

    def overview(self, cid: str) -> str | None:
        c = self.site.conditions[cid]
        return c.overview if "overview" in c.stages else None

    def names(self, anchor: str) -> set[str]:
        return {c.id for c in self.site.conditions.values()
                if any(has_words(anchor, n) for n in [c.name, *c.synonyms])}

    def run(self) -> dict[str, list[dict[str, Any]]]:
        for method in (self.orphans, self.hub_spoke, self.pathways, self.provider_condition, self.anchors,
                       self.depth, self.broken_links, self.trust, self.access, self.related, self.content, self.equity,
                       self.structured_data):
            method()
        for check in self.findings:
            self.findings[check].sort(key=lambda row: sorted((k, str(v)) for k, v in row.items()))
        return self.findings

    # -- packs ---------------------------------------------------------------------------------

    def orphans(self) -> None:
        g = self.g
        for p, n in g.pages.items():
            if p == m.HOME or not (n.crawled or n.in_sitemap) or n.indexable is False or n.status not in (200, None):
                continue
            if not self.any_in[p]:
                self.add("orphans/orphan-pages", url=p)
        for p, n in g.pages.items():
            if n.in_sitemap and not n.crawled:
                self.add("orphans/sitemap-only", url=p)
        for p in self.live:
            if self.type(p) in CLINICAL | NEXT_STEP and self.any_in[p] and all(r.position in NAV for r in self.any_in[p]):
                self.add("orphans/nav-only-inlinks", url=p)

    def hub_spoke(self) -> None:
        s = self.site
        for sp in s.specialties:
            if sp.hub not in self.live:
                continue
            for cid in sp.conditions:
                ov = self.overview(cid)
                if ov in self.live and not self.linked(sp.hub, ov):
                    self.add("hub-spoke/hub-missing-spoke", source=sp.hub, target=ov, specialty=sp.id, condition=cid)
            for p in s.providers_practising(sp.id):
                if p.page in self.live and not self.linked(sp.hub, p.page):
                    self.add("hub-spoke/hub-missing-spoke", source=sp.hub, target=p.page, specialty=sp.id, provider=p.id)
            spokes = {self.overview(cid) for cid in sp.conditions} | {p.page for p in s.providers_practising(sp.id)}
            spokes |= {path for path in self.live if self.type(path) == "treatment"
                       and any(("Condition", cid) in self.g.about[path] for cid in sp.conditions)}
            for spoke in sorted(x for x in spokes if x in self.live):
                if not self.linked(spoke, sp.hub):
                    self.add("hub-spoke/spoke-missing-hub", source=spoke, target=sp.hub, specialty=sp.id)
        covered = {cid for sp in s.specialties for cid in sp.conditions}
        for cid in s.conditions:
            if cid not in covered:
                self.findings["hub-spoke/condition-without-hub"].append({"condition": cid})

    def pathways(self) -> None:
        s = self.site
        for c in s.conditions.values():
            stages = [c.stage_path(st) for st in c.stages if c.stage_path(st) in self.live]
            for a, b in zip(stages, stages[1:]):
                if not self.linked(a, b):
                    self.add("pathways/broken-step", source=a, target=b, condition=c.id)
            ov = c.overview
            if ov in self.live:
                for st in c.stages:
                    path = c.stage_path(st)
                    if st != "overview" and path in self.live and not self.linked(ov, path):
                        self.add("pathways/overview-missing-stage", source=ov, target=path, condition=c.id)
            for st in c.stages:
                n = self.g.pages[c.stage_path(st)]
                if not n.crawled or n.status != 200 or n.indexable is False:
                    self.add("pathways/missing-stage-page", url=c.stage_path(st), condition=c.id)
        for p in self.live:
            if self.type(p) in CLINICAL | {"blog"}:
                if not any(self.type(t) in NEXT_STEP for t in self.body_out[p]):
                    self.add("pathways/dead-end-education", url=p)

    def provider_condition(self) -> None:
        s = self.site
        for p in s.providers.values():
            for cid in p.treats:
                ov = self.overview(cid)
                if p.page in self.live and ov in self.live and not self.linked(p.page, ov):
                    self.add("provider-condition/provider-missing-condition", source=p.page, target=ov,
                             provider=p.id, condition=cid)
        for c in s.conditions.values():
            ov = c.overview
            if ov not in self.live:
                continue
            treating = [p for p in s.providers_treating(c.id) if p.page in self.live]
            if treating and not any(self.linked(ov, p.page) for p in treating):
                for p in treating:
                    self.add("provider-condition/condition-missing-provider", source=ov, target=p.page,
                             condition=c.id, provider=p.id)
            others = [p for p in s.providers_treating(c.id) if p.page not in self.live]
            if others and treating and not any(self.linked(ov, p.page) for p in treating):
                self.g.ambiguities.append(f"condition-missing-provider: {c.id} has treating providers without a live page")
        for p in s.providers.values():
            if not self.g.pages[p.page].crawled:
                self.findings["provider-condition/provider-without-page"].append({"provider": p.id})

    def anchors(self) -> None:
        s = self.site
        overview_of = {c.overview: c for c in s.conditions.values()}
        incoming: dict[str, list[Rel]] = defaultdict(list)
        for r in self.links:
            if not r.body or r.source not in self.live:
                continue
            anchor = fold(r.anchor)
            if anchor in GENERIC:
                self.add("anchors/generic-anchor", source=r.source, target=r.target, anchor=r.anchor)
            if not r.anchor and not r.alt:
                self.add("anchors/empty-anchor", source=r.source, target=r.target)
            named = self.names(r.anchor)
            about = {cid for label, cid in self.g.about[r.target] if label == "Condition"}
            target_type = self.type(r.target)
            for words_mode in ("whole", "substring"):
                def has(word: str) -> bool:
                    return has_words(r.anchor, word) if words_mode == "whole" else word in anchor
                scheduling = any(has(w) for w in SCHEDULING)
                clinical = any(has(w) for w in CLINICAL_WORDS)
                mismatch = bool(about and named - about) or (scheduling and target_type != "appointment") or (
                    target_type == "appointment" and named and clinical and not scheduling)
                if words_mode == "whole":
                    whole = mismatch
                elif mismatch != whole:
                    self.g.ambiguities.append(f"anchor-intent word matching differs: {r.source} -> {r.target} {r.anchor!r}")
            if whole:
                self.add("anchors/anchor-intent-mismatch", source=r.source, target=r.target, anchor=r.anchor)
            if r.target in overview_of and r.anchor and anchor not in GENERIC:
                c = overview_of[r.target]
                if not any(has_words(r.anchor, n) for n in [c.name, *c.synonyms]):
                    self.add("anchors/off-synonym-anchor", source=r.source, target=r.target, anchor=r.anchor)
            if r.position not in WIDGETS:
                incoming[r.target].append(r)
        own = OwnNames({p.id: p.name for p in s.providers.values()}, {loc.id: loc.name for loc in s.locations.values()})
        for path, entities in self.g.about.items():
            for label, entity_id in entities:
                own.add_page(path, label, entity_id)
        for target, rels in incoming.items():
            if target not in self.live:
                continue
            # a condition page's own names: what off-synonym-anchor asks links to it to say
            own_conditions = {c.id for c in s.conditions.values() if c.overview == target}
            if self.type(target) == "condition":
                own_conditions |= {cid for label, cid in self.g.about[target] if label == "Condition"}
            results = []
            for mode in ("relationships", "sources"):
                counts: dict[str, set[Any]] = defaultdict(set)
                for r in rels:
                    counts[fold(r.anchor)].add(r if mode == "relationships" else r.source)
                total = len(rels) if mode == "relationships" else len({r.source for r in rels})
                hits = sorted(a for a, v in counts.items() if total >= 5 and len(v) / total > REPEAT_SHARE)
                results.append(hits)
            if results[0] != results[1]:
                self.g.ambiguities.append(f"over-optimised-anchor counting differs for {target}")
            for folded in results[0]:
                original = next(r.anchor for r in rels if fold(r.anchor) == folded)
                if own.named(original, target) or self.names(original) & own_conditions:
                    continue
                self.add("anchors/over-optimised-anchor", url=target, anchor=original)

    def depth(self) -> None:
        g = self.g
        for p, n in g.pages.items():
            d = g.depth.get(p)
            if p in self.live and n.indexable and d is not None and d > MAX_DEPTH:
                self.add("depth/deep-pages", url=p)
            if p in self.live and n.type in DEPTH_KEY and d is not None and d > KEY_MAX_DEPTH:
                self.add("depth/deep-key-pages", url=p)
            if n.crawled and d is None and p != m.HOME:
                self.add("depth/unreachable", url=p)

    def broken_links(self) -> None:
        g = self.g
        for r in g.rels:
            if r.source == r.target or r.source not in self.live:
                continue
            t = g.pages[r.target]
            if t.status is not None and 400 <= t.status <= 599:
                self.add("broken-links/links-to-error", source=r.source, target=r.target)
            if t.status is not None and 300 <= t.status <= 399:
                self.add("broken-links/links-to-redirect", source=r.source, target=r.target)
            if t.status == 200 and t.indexable is False:
                self.add("broken-links/links-to-non-indexable", source=r.source, target=r.target)
            if not r.follow:
                self.add("broken-links/nofollow-internal", source=r.source, target=r.target)

    def trust(self) -> None:
        g = self.g
        reviewed = g.reviewed  # type: ignore[attr-defined]
        profiles = {p.page for p in self.site.providers.values()}
        for p in sorted(self.live):
            if self.type(p) not in CLINICAL:
                continue
            if p in reviewed:
                if not self.linked(p, self.site.providers[reviewed[p]].page):
                    self.add("trust/missing-reviewer-link", url=p)
            elif not any(t in profiles for t in self.body_out[p]):
                self.add("trust/missing-reviewer-link", url=p)
            if not any(g.pages[t].trust_role == "review" for t in self.body_out[p]):
                self.add("trust/missing-review-policy", url=p)
            if not any(g.pages[t].trust_role == "policy" for t in self.any_out[p]):
                self.add("trust/missing-policy-links", url=p)

    def access(self) -> None:
        s = self.site
        for p in sorted(self.live):
            t = self.type(p)
            is_overview = any(c.overview == p for c in s.conditions.values())
            if (is_overview or t == "specialty_hub") and not any(
                    x in self.live and self.type(x) in ("location", "telehealth") for x in self.body_out[p]):
                self.add("access/no-location-link", url=p)
        for loc in s.locations.values():
            for sid in loc.specialties:
                hub = s.specialty(sid).hub  # type: ignore[union-attr]
                if loc.page in self.live and hub in self.live and not self.linked(loc.page, hub):
                    self.add("access/location-missing-specialty", source=loc.page, target=hub, specialty=sid)
        for p in s.providers.values():
            for lid in p.locations:
                page = s.locations[lid].page
                if p.page in self.live and page in self.live and not self.linked(p.page, page):
                    self.add("access/provider-missing-location", source=p.page, target=page, provider=p.id, location=lid)

    def related(self) -> None:
        s = self.site
        for c in s.conditions.values():
            for rid in c.related:
                a, b = c.overview, s.conditions[rid].overview
                if a in self.live and b in self.live and not self.linked(a, b) and not self.linked(b, a):
                    self.add("related-conditions/unlinked-related", source=a, target=b, condition=c.id, related=rid)
        covering: dict[str, set[str]] = defaultdict(set)
        for sp in s.specialties:
            for cid in sp.conditions:
                covering[cid].add(sp.id)
        for r in self.links:
            if not r.body or r.source not in self.live or r.target not in self.live:
                continue
            if self.type(r.target) not in CLINICAL:
                continue
            target_conditions = {cid for label, cid in self.g.about[r.target] if label == "Condition"}
            if not target_conditions:
                self.g.ambiguities.append(f"off-pathway: clinical target about nothing {r.source} -> {r.target}")
                continue
            for x in self.g.about_own[r.source]:
                if not covering[x]:
                    continue
                if all(not (covering[y] & covering[x]) for y in target_conditions):
                    specs = set().union(*(covering[y] for y in target_conditions))
                    if not specs:
                        self.g.ambiguities.append(f"off-pathway: target conditions uncovered {r.source} -> {r.target}")
                    for sid in sorted(specs):
                        self.add("related-conditions/off-pathway-related", source=r.source, target=r.target,
                                 condition=x, specialty=sid)

    def content(self) -> None:
        s = self.site
        live_overviews = {c.overview for c in s.conditions.values() if c.overview in self.live}
        for p in sorted(self.live):
            t = self.type(p)
            page = s.pages[p]
            if t == "blog":
                for c in s.conditions.values():
                    if any(has_words(page.title, n) or has_words(page.h1, n) for n in [c.name, *c.synonyms]):
                        targets = {c.overview} | {c.stage_path("treatment")} if "treatment" in c.stages else {c.overview}
                        targets |= {x for x in self.live if self.type(x) == "treatment" and ("Condition", c.id) in self.g.about[x]}
                        if not (targets & self.body_out[p]):
                            self.add("content-links/blog-missing-service", url=p, condition=c.id)
            if t in ("treatment", "service") and not any(self.type(x) in GUIDES for x in self.body_out[p]):
                self.add("content-links/service-missing-guides", url=p)
            if t == "resource_hub" and len(self.body_out[p] & live_overviews) < len(live_overviews):
                self.add("content-links/resource-hub-thin", url=p)
            if len(self.body_out[p]) > MAX_OUT:
                self.add("content-links/too-many-links", url=p)
            if t in ("condition", "treatment", "service") and len(self.body_out[p]) < MIN_CONTEXT:
                self.add("content-links/too-few-contextual-links", url=p)

    def structured_data(self) -> None:
        """A live condition overview, profile or in-person location page whose markup has none of
        its accepted types (no row: no types); a live key page with validation errors."""
        s = self.site
        none = Markup(frozenset(), 0)
        for c in s.conditions.values():
            if "overview" in c.stages and c.overview in self.live \
                    and not self.markup.get(c.overview, none).types & CONDITION_TYPES:
                self.add("structured-data/condition-without-medical-type", url=c.overview, condition=c.id)
        for p in s.providers.values():
            if p.page in self.live and not self.markup.get(p.page, none).types & CLINICIAN_TYPES:
                self.add("structured-data/provider-without-physician", url=p.page, provider=p.id)
        for loc in s.locations.values():
            if not loc.telehealth and loc.page in self.live \
                    and not self.markup.get(loc.page, none).types & CARE_PLACE_TYPES:
                self.add("structured-data/location-without-medical-organization", url=loc.page, location=loc.id)
        for path in sorted(self.live):
            if self.type(path) in SCHEMA_KEY and self.markup.get(path, none).errors > 0:
                self.add("structured-data/key-page-schema-errors", url=path)

    def equity(self) -> None:
        g = self.g
        scores = {p: g.pagerank[p] for p in self.live}
        peers: dict[tuple[str, int], list[str]] = defaultdict(list)
        for p in sorted(self.live):
            if self.type(p) in EQUITY_KEY and g.depth.get(p) is not None:
                peers[(self.type(p), g.depth[p])].append(p)  # type: ignore[index]
        for group in peers.values():
            if len(group) < PEERS:
                continue
            values = sorted(scores[p] for p in group)
            n = len(values)
            floor = (values[(n - 1) // 2] + values[n // 2]) / 2 * PEER_SHARE
            for p in group:
                if abs(scores[p] - floor) < 0.001 * floor:
                    g.ambiguities.append(f"equity: {p} is too close to its peers' floor ({scores[p]:.6f} vs {floor:.6f})")
                if scores[p] < floor:
                    self.add("equity/low-equity-key-pages", url=p)
        ranked = sorted(scores, key=lambda p: (-scores[p], g.url(p)))
        if scores[ranked[9]] - scores[ranked[10]] < 0.0005 * scores[ranked[9]]:
            g.ambiguities.append("equity-sinks: the 10th and 11th pages are too close")
        for p in ranked[:10]:
            self.add("equity/equity-sinks", url=p)


def read_markup(rows: dict[str, tuple[list[str], int]]) -> dict[str, Markup]:
    """Page path -> its markup, from the export's rows (path -> types as written, errors)."""
    return {
        path: Markup(frozenset(type_name(t) for t in types if t), errors)
        for path, (types, errors) in rows.items()
    }


def evaluate(site: Site, links: list[tuple[str, Link]],
             markup: dict[str, Markup]) -> tuple[Graph, dict[str, list[dict[str, Any]]]]:
    graph = build_graph(site, links)
    return graph, Evaluator(graph, markup).run()
