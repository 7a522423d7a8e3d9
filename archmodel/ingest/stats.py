"""What a load put in the graph, for `archmodel stats` and the report's headline figures."""

from __future__ import annotations

from typing import Any

from archmodel.db.connection import Graph
from archmodel.db.sites import SiteRef


def crawl_stats(graph: Graph, site: SiteRef) -> dict[str, Any]:
    params = {"crawl": site.crawl_id}
    pages = graph.read(
        "MATCH (p:Page {crawl: $crawl}) RETURN count(p) AS pages, "
        "count(CASE WHEN p.in_crawl THEN 1 END) AS crawled, "
        "count(CASE WHEN p.in_sitemap THEN 1 END) AS in_sitemap",
        params,
    )[0]
    by_type = graph.read(
        "MATCH (p:Page {crawl: $crawl}) RETURN p.type AS key, count(*) AS n ORDER BY n DESC, key", params
    )
    by_status = graph.read(
        "MATCH (p:Page {crawl: $crawl}) WHERE p.in_crawl "
        "RETURN coalesce(toString(p.status), 'unknown') AS key, count(*) AS n ORDER BY key",
        params,
    )
    links = graph.read(
        "MATCH (p:Page {crawl: $crawl})-[r:LINKS_TO]->() "
        "RETURN coalesce(r.position, 'unknown') AS key, sum(r.count) AS n ORDER BY n DESC, key",
        params,
    )
    entities = {
        label: graph.read(f"MATCH (n:{label} {{crawl: $crawl}}) RETURN count(n) AS n", params)[0]["n"]
        for label in ("Specialty", "Condition", "Provider", "Location")
    }
    crawl = site.crawl
    return {
        "site": site.host,
        "crawl": site.crawl_id,
        "loaded_at": crawl.get("loaded_at"),
        "sources": crawl.get("sources", []),
        "pages": pages["pages"],
        "crawled_pages": pages["crawled"],
        "sitemap_pages": pages["in_sitemap"],
        "links": sum(row["n"] for row in links),
        "has_site_model": crawl.get("has_site_model"),
        "has_positions": crawl.get("has_positions"),
        "has_sitemap": crawl.get("has_sitemap"),
        "has_structured_data": bool(crawl.get("has_structured_data")),
        "pages_by_type": {row["key"]: row["n"] for row in by_type},
        "pages_by_status": {row["key"]: row["n"] for row in by_status},
        "links_by_position": {row["key"]: row["n"] for row in links},
        "entities": entities,
    }
