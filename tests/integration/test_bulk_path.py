"""The bulk path (archmodel's server extension, archmodel/db/bulk.py) writes the very graph the
Bolt path writes, and `--writer auto` takes it only where the server can read the client's files."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from archmodel.db.bulk import FILE_PREFIX, BulkFiles, WritePath, choose, local_import_dir
from archmodel.db.connection import Graph
from archmodel.errors import ArchmodelError
from archmodel.ingest.loader import load_crawl
from tests.conftest import wipe
from tests.integration.test_loader import SEED

# differ between two loads of the same inputs by design: the generation id and the load's clock
CRAWL_VOLATILE = {"id", "fingerprint", "loaded_at", "seq"}


def load_seed(graph: Graph, writer: WritePath, **kwargs: Any):
    return load_crawl(
        graph,
        [SEED / "internal_all.csv", SEED / "all_inlinks.csv", SEED / "structured_data_all.csv"],
        site_model=SEED / "site.yml",
        sitemaps=[SEED / "sitemap.xml"],
        write_path=writer,
        **kwargs,
    )


def comparable(value: Any) -> Any:
    """A property value that sorts and compares across loads: lists as tuples, floats rounded
    (GDS PageRank sums in relationship order, which two loads need not share)."""
    if isinstance(value, list):
        return tuple(comparable(item) for item in value)
    if isinstance(value, float):
        return round(value, 9) if math.isfinite(value) else value
    return value


def typed_properties(properties: dict[str, Any], types: dict[str, str], skip: set[str]) -> tuple:
    return tuple(
        (key, types[key], comparable(value)) for key, value in sorted(properties.items()) if key not in skip
    )


def graph_dump(graph: Graph, host: str) -> dict[str, list]:
    """Every node and relationship of the site's current crawl with every property and its Cypher
    type, sorted: two loads are the same graph when their dumps are equal."""
    scope = "MATCH (:Site {host: $host})-[:CURRENT]->(c:Crawl) "
    nodes = graph.read(
        scope + "MATCH (n {crawl: c.id}) "
        "RETURN labels(n) AS labels, properties(n) AS props, "
        "apoc.map.fromPairs([k IN keys(n) | [k, valueType(n[k])]]) AS types",
        {"host": host},
    )
    relationships = graph.read(
        scope + "MATCH (a {crawl: c.id})-[r]->(b {crawl: c.id}) "
        "RETURN type(r) AS type, coalesce(a.url, a.id) AS a, coalesce(b.url, b.id) AS b, properties(r) AS props, "
        "apoc.map.fromPairs([k IN keys(r) | [k, valueType(r[k])]]) AS types",
        {"host": host},
    )
    crawl = graph.read(scope + "RETURN properties(c) AS props", {"host": host})[0]["props"]
    return {
        "nodes": sorted((tuple(row["labels"]), typed_properties(row["props"], row["types"], {"crawl"})) for row in nodes),
        "relationships": sorted(
            (row["type"], row["a"], row["b"], typed_properties(row["props"], row["types"], set())) for row in relationships
        ),
        "crawl": [(key, comparable(value)) for key, value in sorted(crawl.items()) if key not in CRAWL_VOLATILE],
    }


def test_seed_loads_into_the_same_graph_on_both_paths(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    bolt = load_seed(graph, WritePath.bolt)
    assert bolt.write_path == "bolt"
    expected = graph_dump(graph, bolt.site)
    wipe(graph)
    files: list[str] = []
    call = BulkFiles._call

    def recorded(self: BulkFiles, kind: str, *args: Any, **kwargs: Any) -> Any:
        files.append(kind)
        return call(self, kind, *args, **kwargs)

    monkeypatch.setattr(BulkFiles, "_call", recorded)
    bulk = load_seed(graph, WritePath.bulk)
    assert bulk.write_path == "bulk"
    got = graph_dump(graph, bulk.site)

    # pages, entities, their relationships and every page property went through the extension
    assert set(files) == {"links", "nodes", "relationships", "set"}
    page_keys = {key for labels, properties in got["nodes"] if "Page" in labels for key, _, _ in properties}
    assert page_keys >= {"depth", "pagerank", "links_hash", "redirect_chain", "schema_types"}

    assert (bulk.pages, bulk.links) == (bolt.pages, bolt.links) == (340, 13_598)
    links = [row for row in got["relationships"] if row[0] == "LINKS_TO"]
    assert len(links) > 10_000
    keys = {key for row in links for key, _, _ in row[3]}
    assert keys == {"anchor", "alt", "position", "body", "follow", "count", "anchor_key", "names", "own_name"}
    assert {row[0] for row in got["relationships"]} >= {"ABOUT", "TREATS", "STAGE", "HUB", "PROFILE", "LINKS_TO"}
    assert got["crawl"] == expected["crawl"]
    assert got["nodes"] == expected["nodes"]
    assert got["relationships"] == expected["relationships"]


def test_auto_takes_the_bulk_path_on_archmodels_local_server(graph: Graph) -> None:
    result = load_seed(graph, WritePath.auto)
    assert result.write_path == "bulk"
    folder = local_import_dir(graph.settings.uri)
    assert folder is not None and str(folder) in result.write_path_reason
    assert not list(folder.glob(f"{FILE_PREFIX}*")), "the load left its link files in the import folder"


def test_a_folder_the_server_does_not_read_means_the_bolt_path(graph: Graph, tmp_path: Path) -> None:
    elsewhere = tmp_path / "not-the-import-folder"
    elsewhere.mkdir()
    choice = choose(graph, WritePath.auto, elsewhere)
    assert choice.path is WritePath.bolt
    assert str(elsewhere) in choice.reason
    with pytest.raises(ArchmodelError, match="the bulk path is not available"):
        load_seed(graph, WritePath.bulk, import_dir=elsewhere)
    result = load_seed(graph, WritePath.auto, import_dir=elsewhere)
    assert result.write_path == "bolt" and result.links == 13_598


def test_loading_twice_on_the_bulk_path_changes_nothing(graph: Graph) -> None:
    first = load_seed(graph, WritePath.bulk)
    before = graph_dump(graph, first.site)
    second = load_seed(graph, WritePath.bulk)
    assert second.unchanged and second.crawl_id == first.crawl_id
    assert graph_dump(graph, first.site) == before
    wipe(graph)
    load_seed(graph, WritePath.bulk, batch_size=97)  # link batches of 194 rows: other files, same graph
    assert graph_dump(graph, first.site) == before
