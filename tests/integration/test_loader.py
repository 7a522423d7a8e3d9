"""The loader on a real server: the documented graph, idempotency, replacement, several sites."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from archmodel.db.connection import Graph
from archmodel.ingest.loader import CrawlLoader, load_crawl
from archmodel.ingest.readers.sitemap import SitemapReader
from archmodel.ingest.sitemodel import load_site_model

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "loader" / "basic"
SEED = Path(__file__).resolve().parents[2] / "seed_data"
BASE = "https://www.basic-clinic.example"


def u(path: str) -> str:
    return BASE + path


def load_basic(graph: Graph, **kwargs):
    return load_crawl(
        graph,
        [FIXTURE / "pages.csv", FIXTURE / "links.csv"],
        site_model=FIXTURE / "site.yml",
        sitemaps=[FIXTURE / "sitemap.xml"],
        **kwargs,
    )


def snapshot(graph: Graph, host: str) -> dict[str, set]:
    """Everything a load wrote for one site, without generation ids and timestamps."""
    scope = "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) "
    params = {"host": host}
    pages = graph.read(
        scope + "MATCH (p:Page {crawl: c.id}) "
        "RETURN p.url AS url, p.type AS type, p.status AS status, p.in_crawl AS in_crawl, "
        "p.in_sitemap AS in_sitemap, p.indexable AS indexable, p.depth AS depth, "
        "p.inlinks AS inlinks, p.outlinks AS outlinks, p.trust_role AS trust_role, p.title AS title, "
        "round(p.pagerank, 6) AS pagerank",
        params,
    )
    links = graph.read(
        scope + "MATCH (a:Page {crawl: c.id})-[r:LINKS_TO]->(b:Page) "
        "RETURN a.url AS s, b.url AS t, r.anchor AS anchor, r.position AS position, r.body AS body, "
        "r.follow AS follow, r.count AS count",
        params,
    )
    relations = graph.read(
        scope + "MATCH (n {crawl: c.id})-[r]->(m {crawl: c.id}) WHERE type(r) <> 'LINKS_TO' "
        "RETURN labels(n)[0] AS a, coalesce(n.id, n.url) AS a_key, type(r) AS rel, "
        "labels(m)[0] AS b, coalesce(m.id, m.url) AS b_key, r.stage AS stage",
        params,
    )
    return {
        "pages": {tuple(sorted(row.items(), key=lambda kv: kv[0])) for row in pages},
        "links": {tuple(row.values()) for row in links},
        "relations": {tuple(row.values()) for row in relations},
    }


def test_documented_graph(graph: Graph) -> None:
    result = load_basic(graph)
    assert result.site == "www.basic-clinic.example"
    assert result.pages == 13
    assert result.links == 13
    assert result.has_site_model and result.has_sitemap and result.has_positions

    pages = {
        row["url"]: row
        for row in graph.read(
            "MATCH (:Site {host: 'www.basic-clinic.example'})-[:CURRENT]->(c:Crawl) "
            "MATCH (p:Page {crawl: c.id}) RETURN p.url AS url, p.type AS type, p.status AS status, "
            "p.in_crawl AS in_crawl, p.in_sitemap AS in_sitemap, p.depth AS depth, p.trust_role AS trust"
        )
    }
    assert {url: (p["type"], p["status"], p["in_crawl"], p["in_sitemap"], p["depth"]) for url, p in pages.items()} == {
        u("/"): ("home", 200, True, True, 0),
        u("/specialties/endocrinology/"): ("specialty_hub", 200, True, False, 1),
        u("/conditions/diabetes/"): ("condition", 200, True, True, 2),
        u("/conditions/diabetes/symptoms/"): ("symptom", 200, True, False, 3),
        u("/tests/a1c/"): ("test", 200, True, False, 4),
        u("/providers/maria-okafor/"): ("provider", 200, True, False, 2),
        u("/locations/downtown/"): ("location", 200, True, False, 3),
        u("/old-page/"): ("other", 301, True, False, 3),
        u("/gone/"): ("other", 404, True, False, None),
        u("/privacy/"): ("policy", 200, True, False, 1),
        u("/editorial-policy/"): ("policy", 200, True, False, 1),
        u("/conditions/unknown-thing/"): ("condition", 200, True, False, 3),
        u("/island/"): ("other", 200, True, True, None),
        u("/forgotten/"): ("other", None, False, True, None),
        u("/appointments/diabetes-evaluation/"): ("appointment", None, False, False, None),
    }
    assert pages[u("/privacy/")]["trust"] == "policy"
    assert pages[u("/editorial-policy/")]["trust"] == "review"

    links = snapshot(graph, "www.basic-clinic.example")["links"]
    assert links == {
        (u("/"), u("/specialties/endocrinology/"), "Endocrinology", "Navigation", False, True, 1),
        (u("/"), u("/privacy/"), "Privacy", "Footer", False, True, 1),
        (u("/"), u("/editorial-policy/"), "Editorial policy", "Footer", False, True, 1),
        (u("/specialties/endocrinology/"), u("/conditions/diabetes/"), "Diabetes care", "Content", True, True, 2),
        (u("/specialties/endocrinology/"), u("/providers/maria-okafor/"), "Dr. Maria Okafor", "Content", True, True, 1),
        (u("/specialties/endocrinology/"), u("/specialties/endocrinology/"), "Endocrinology", "Content", True, True, 1),
        (u("/conditions/diabetes/"), u("/conditions/diabetes/symptoms/"), "symptoms of diabetes", "Content", True, True, 1),
        (u("/conditions/diabetes/"), u("/old-page/"), "learn more", "Content", True, True, 1),
        (u("/conditions/diabetes/"), u("/gone/"), "read more", "Content", True, False, 1),
        (u("/conditions/diabetes/symptoms/"), u("/tests/a1c/"), "A1C test", "Content", True, True, 1),
        (u("/providers/maria-okafor/"), u("/locations/downtown/"), "Downtown Clinic", "Content", True, True, 1),
        (u("/providers/maria-okafor/"), u("/conditions/unknown-thing/"), "unknown", "Content", True, True, 1),
    }

    relations = snapshot(graph, "www.basic-clinic.example")["relations"]
    entity_relations = {(a, ak, rel, b, bk) for a, ak, rel, b, bk, _ in relations if a != "Page"}
    assert {
        ("Specialty", "endocrinology", "COVERS", "Condition", "diabetes"),
        ("Specialty", "endocrinology", "COVERS", "Condition", "thyroid-nodules"),
        ("Specialty", "endocrinology", "HUB", "Page", u("/specialties/endocrinology/")),
        ("Condition", "diabetes", "RELATED_TO", "Condition", "thyroid-nodules"),
        ("Provider", "maria-okafor", "PROFILE", "Page", u("/providers/maria-okafor/")),
        ("Provider", "maria-okafor", "TREATS", "Condition", "diabetes"),
        ("Provider", "maria-okafor", "PRACTISES", "Specialty", "endocrinology"),
        ("Provider", "maria-okafor", "WORKS_AT", "Location", "downtown"),
        ("Location", "downtown", "LOCATION_PAGE", "Page", u("/locations/downtown/")),
        ("Location", "downtown", "OFFERS", "Specialty", "endocrinology"),
    } <= entity_relations
    stages = {(bk, stage) for a, ak, rel, b, bk, stage in relations if rel == "STAGE"}
    assert stages == {
        (u("/conditions/diabetes/"), "overview"),
        (u("/conditions/diabetes/symptoms/"), "symptoms"),
        (u("/tests/a1c/"), "tests"),
        (u("/appointments/diabetes-evaluation/"), "appointment"),
    }
    about = {(ak, bk) for a, ak, rel, b, bk, _ in relations if rel == "ABOUT"}
    assert about == {
        (u("/specialties/endocrinology/"), "endocrinology"),
        (u("/specialties/endocrinology/"), "diabetes"),
        (u("/specialties/endocrinology/"), "thyroid-nodules"),
        (u("/conditions/diabetes/"), "diabetes"),
        (u("/conditions/diabetes/symptoms/"), "diabetes"),
        (u("/tests/a1c/"), "diabetes"),
        (u("/appointments/diabetes-evaluation/"), "diabetes"),
        (u("/providers/maria-okafor/"), "maria-okafor"),
        (u("/providers/maria-okafor/"), "diabetes"),
        (u("/locations/downtown/"), "downtown"),
    }
    reviewed = {(ak, bk) for a, ak, rel, b, bk, _ in relations if rel == "REVIEWED_BY"}
    assert reviewed == {(u("/conditions/diabetes/"), "maria-okafor")}
    assert any("unknown-thing" in warning for warning in result.warnings)

    crawl = graph.read("MATCH (:Site)-[:CURRENT]->(c:Crawl) RETURN properties(c) AS c")[0]["c"]
    assert crawl["complete"] is True
    assert crawl["max_depth"] == 3 and crawl["key_page_max_depth"] == 2


def test_loading_the_same_crawl_twice_changes_nothing(graph: Graph) -> None:
    first = load_basic(graph)
    before = snapshot(graph, first.site)
    crawls_before = graph.read("MATCH (c:Crawl) RETURN c.id AS id, c.loaded_at AS at")
    second = load_basic(graph)
    assert second.unchanged
    assert second.crawl_id == first.crawl_id
    assert snapshot(graph, first.site) == before
    assert graph.read("MATCH (c:Crawl) RETURN c.id AS id, c.loaded_at AS at") == crawls_before


def test_small_batches_write_the_same_pages_and_relationships(graph: Graph) -> None:
    """Entities, ABOUT and provider relationships go in batches too; splitting changes nothing."""

    def relation_count() -> int:
        return graph.read("MATCH (n)-[r]->() WHERE type(r) <> 'LINKS_TO' AND n.crawl IS NOT NULL RETURN count(r) AS n")[0]["n"]

    whole = load_basic(graph)
    expected, expected_count = snapshot(graph, whole.site), relation_count()
    graph.write("MATCH (n) DETACH DELETE n")
    split = load_basic(graph, batch_size=2)
    got = snapshot(graph, split.site)
    assert len(expected["relations"]) > 2 and got["relations"] == expected["relations"]
    assert got["pages"] == expected["pages"]
    assert relation_count() == expected_count


def test_a_new_crawl_with_keep_1_replaces_the_old_one_completely(graph: Graph, tmp_path: Path) -> None:
    first = load_basic(graph)
    changed = tmp_path / "crawl"
    changed.mkdir()
    shutil.copy(FIXTURE / "pages.csv", changed / "pages.csv")
    lines = (FIXTURE / "links.csv").read_text().splitlines()
    (changed / "links.csv").write_text("\n".join(lines[:4]) + "\n")
    kept = load_crawl(graph, [changed], site_model=FIXTURE / "site.yml")
    assert graph.read("MATCH (c:Crawl) RETURN c.id AS id ORDER BY c.seq DESC") == [{"id": kept.crawl_id}, {"id": first.crawl_id}]
    load_basic(graph)
    result = load_crawl(graph, [changed], site_model=FIXTURE / "site.yml", keep=1)
    assert not result.unchanged
    assert graph.read("MATCH (c:Crawl) RETURN count(c) AS n")[0]["n"] == 1
    assert graph.read("MATCH (p:Page) WHERE p.crawl <> $id RETURN count(p) AS n", {"id": result.crawl_id})[0]["n"] == 0
    assert graph.read("MATCH ()-[r:LINKS_TO]->() RETURN count(r) AS n")[0]["n"] == 3


def test_several_sites_live_side_by_side(graph: Graph, tmp_path: Path) -> None:
    load_basic(graph)
    other = tmp_path / "other"
    other.mkdir()
    (other / "pages.csv").write_text("url,status\nhttps://www.other-clinic.example/,200\nhttps://www.other-clinic.example/a/,200\n")
    (other / "links.csv").write_text("source,target\nhttps://www.other-clinic.example/,https://www.other-clinic.example/a/\n")
    before = snapshot(graph, "www.basic-clinic.example")
    result = load_crawl(graph, [other])
    assert result.site == "www.other-clinic.example"
    assert not result.has_site_model
    assert snapshot(graph, "www.basic-clinic.example") == before
    sites = graph.read("MATCH (s:Site)-[:CURRENT]->(c:Crawl) RETURN s.host AS host ORDER BY host")
    assert [row["host"] for row in sites] == ["www.basic-clinic.example", "www.other-clinic.example"]
    types = graph.read(
        "MATCH (:Site {host: 'www.other-clinic.example'})-[:CURRENT]->(c:Crawl) "
        "MATCH (p:Page {crawl: c.id}) RETURN p.url AS url, p.type AS type ORDER BY url"
    )
    assert [(row["url"], row["type"]) for row in types] == [
        ("https://www.other-clinic.example/", "home"),
        ("https://www.other-clinic.example/a/", "other"),
    ]


@pytest.mark.parametrize(("requested", "engine"), [("gds", "gds"), ("python", "python"), ("auto", "python")])
def test_pagerank_engines(graph: Graph, requested: str, engine: str) -> None:
    result = load_basic(graph, pagerank_engine=requested)
    assert result.pagerank_engine == engine
    scores = graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN p.url AS url, p.pagerank AS pr")
    assert all(row["pr"] is not None and row["pr"] >= 0.15 - 1e-9 for row in scores)


def test_gds_and_python_pagerank_agree(graph: Graph) -> None:
    load_basic(graph, pagerank_engine="gds")
    gds = {r["url"]: r["pr"] for r in graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN p.url AS url, p.pagerank AS pr")}
    graph.run_autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    load_basic(graph, pagerank_engine="python")
    python = {r["url"]: r["pr"] for r in graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN p.url AS url, p.pagerank AS pr")}
    assert gds.keys() == python.keys()
    for url, score in gds.items():
        assert python[url] == pytest.approx(score, abs=1e-6), url


def test_gds_counts_repeated_links_between_two_pages_once_like_python(graph: Graph) -> None:
    """The seed site links many pages to the same target from both navigation and body."""

    def load_seed(engine: str) -> dict[str, float]:
        load_crawl(graph, [SEED], site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"], pagerank_engine=engine)
        return {r["url"]: r["pr"] for r in graph.read("MATCH (p:Page) WHERE p.in_crawl RETURN p.url AS url, p.pagerank AS pr")}

    gds = load_seed("gds")
    repeated = graph.read(
        "MATCH (a:Page)-[r:LINKS_TO]->(b:Page) WHERE r.follow AND a <> b AND a.in_crawl AND b.in_crawl "
        "WITH a, b, count(r) AS n WHERE n > 1 RETURN count(*) AS pairs"
    )[0]["pairs"]
    assert repeated > 100
    graph.run_autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    python = load_seed("python")
    assert gds.keys() == python.keys()
    for url, score in gds.items():
        assert python[url] == pytest.approx(score, abs=1e-6), url


def test_what_the_metrics_do_not_need_is_freed_before_them(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    """The metrics phase builds the link graph's arrays, the load's memory peak on a big site; the
    link counts (stored when the links are read), the sitemap's URLs, the entity rows and the URL
    memo must be gone by then, not sitting beside the arrays."""
    seen: dict[str, int] = {}
    compute = CrawlLoader._compute_metrics

    def record_then_compute(loader: CrawlLoader) -> None:
        seen.update(tally=len(loader.link_tally.counts), sitemap=len(loader.sitemap_urls),
                    rows_open=not loader.entity_rows.closed, memo=len(loader.normaliser._cache))
        compute(loader)

    monkeypatch.setattr(CrawlLoader, "_compute_metrics", record_then_compute)
    result = load_basic(graph)
    assert seen == {"tally": 0, "sitemap": 0, "rows_open": False, "memo": 0}
    stored = graph.read("MATCH (s:LinkSummary {crawl: $crawl}) RETURN count(s) AS n", {"crawl": result.crawl_id})
    assert stored[0]["n"] == 1


def test_the_pages_and_links_phases_hold_no_entities_and_no_loaded_sitemap_url(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a big site the links phase is the load's memory peak: the site model's entities wait on
    disk (read in a child process, archmodel/ingest/prepared.py) and the sitemap keeps only the
    URLs no page was created for; the graph still gets every entity and sitemap page."""
    seen: dict[str, int] = {}
    load_links = CrawlLoader._load_links

    def record_then_load(loader: CrawlLoader, *args: Any, **kwargs: Any) -> None:
        model = loader.site_model
        seen.update(entities=len(model.conditions) + len(model.providers) + len(model.specialties)
                    + len(model.locations), loaded_sitemap_urls=len(loader.sitemap_urls & loader.index.keys()),
                    sitemap_urls=len(loader.sitemap_urls))
        load_links(loader, *args, **kwargs)

    monkeypatch.setattr(CrawlLoader, "_load_links", record_then_load)
    load_basic(graph)
    assert seen["entities"] == 0 and seen["loaded_sitemap_urls"] == 0
    counts = graph.read(
        "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) "
        "CALL (c) { MATCH (n:Condition {crawl: c.id}) RETURN count(n) AS conditions } "
        "CALL (c) { MATCH (n:Provider {crawl: c.id}) RETURN count(n) AS providers } "
        "CALL (c) { MATCH (p:Page {crawl: c.id}) WHERE p.in_sitemap RETURN count(p) AS in_sitemap } "
        "RETURN conditions, providers, in_sitemap",
        {"host": "www.basic-clinic.example"},
    )[0]
    model = load_site_model(FIXTURE / "site.yml")
    assert counts["conditions"] == len(model.conditions) > 0 and counts["providers"] == len(model.providers) > 0
    sitemap = SitemapReader(FIXTURE / "sitemap.xml")
    assert counts["in_sitemap"] == len({entry.url for entry in sitemap.sitemap_entries(model.normaliser)}) > 0
