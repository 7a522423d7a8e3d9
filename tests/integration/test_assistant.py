"""`archmodel mcp` driven by the official MCP client over stdio against a real server with the
seed loaded: the tools answer as the command line does, and read-only holds through them."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import Client, StdioServerParameters

from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from tests.conftest import wipe

SEED = Path(__file__).resolve().parents[2] / "seed_data"
HOST = "www.lakeside-health.example"


@pytest.fixture(scope="module")
def seeded(session_graph: Graph) -> Graph:
    wipe(session_graph)
    load_crawl(session_graph, [SEED], site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"])
    return session_graph


def talk(env: dict[str, str], calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[str], list[Any]]:
    """Start `archmodel mcp`, list its tools and make `calls`; (tool names, each call's result)."""
    async def session() -> tuple[list[str], list[Any]]:
        server = StdioServerParameters(command=sys.executable, args=["-m", "archmodel", "mcp"],
                                       env={**os.environ, **env})
        async with Client(server, read_timeout_seconds=120) as client:
            tools = [tool.name for tool in (await client.list_tools()).tools]
            return tools, [await client.call_tool(name, arguments) for name, arguments in calls]

    return asyncio.run(session())


def answer(result: Any) -> Any:
    assert not result.is_error, result.content
    if result.structured_content is not None:
        content = result.structured_content
        return content.get("result", content) if isinstance(content, dict) and set(content) == {"result"} else content
    return json.loads(result.content[0].text)


def test_the_tools_answer_as_the_command_line_does(seeded: Graph, cli_env: dict[str, str]) -> None:
    expected = json.loads((SEED / "expected_findings.json").read_text(encoding="utf-8"))
    planted = sum(len(rows) for rows in expected["checks"].values())
    tools, results = talk(cli_env, [
        ("sites", {}),
        ("checks", {}),
        ("findings", {"limit": 5}),
        ("findings", {"names": ["pathways/broken-step"]}),
        ("suggested_links", {"limit": 3}),
        ("query", {"cypher": "MATCH (p:Page {crawl: $crawl}) WHERE p.type = $type RETURN count(p) AS n",
                   "parameters": {"type": "specialty_hub"}}),
    ])
    assert set(tools) == {"sites", "crawls", "stats", "checks", "findings", "suggested_links", "diff", "query"}
    sites, catalogue, top, broken, links, counted = (answer(r) for r in results)
    assert [s["site"] for s in sites] == [HOST]
    assert len(catalogue) == 44 and all(row["why"] and row["how_to_fix"] for row in catalogue)
    assert top["total"] == planted and len(top["findings"]) == 5
    impacts = [f["impact"] for f in top["findings"]]
    assert impacts == sorted(impacts, reverse=True)
    assert {(f["source"], f["target"]) for f in broken["findings"]} == {
        (f"https://{HOST}{row['source']}" if row["source"].startswith("/") else row["source"],
         f"https://{HOST}{row['target']}" if row["target"].startswith("/") else row["target"])
        for row in expected["checks"]["pathways/broken-step"]}
    assert links["total"] > 3 and len(links["links"]) == 3 and all(row["suggested_anchor"] for row in links["links"])
    hubs = seeded.read("MATCH (:Site)-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id, type: 'specialty_hub'}) "
                       "RETURN count(p) AS n")
    assert counted == {"columns": ["n"], "rows": hubs, "truncated": False} and hubs[0]["n"] > 0


def test_read_only_holds_through_the_assistant(seeded: Graph, cli_env: dict[str, str]) -> None:
    before = seeded.read("MATCH (p:Page) RETURN count(p) AS n")
    _, results = talk(cli_env, [
        ("query", {"cypher": "MATCH (p:Page) SET p.title = 'changed by an assistant'"}),
        ("query", {"cypher": "CALL gds.graph.generate('leftover', 100, 2) YIELD name RETURN name"}),
        ("findings", {"names": ["nope"]}),
    ])
    written, procedure, unknown = results
    assert written.is_error and "refused: the query writes to the graph" in written.content[0].text
    assert procedure.is_error and "the procedure gds.graph.generate" in procedure.content[0].text
    assert unknown.is_error and "unknown pack 'nope'" in unknown.content[0].text
    assert seeded.read("MATCH (p:Page) RETURN count(p) AS n") == before
    assert seeded.read("MATCH (p:Page) WHERE p.title = 'changed by an assistant' RETURN count(p) AS n") == [{"n": 0}]
    assert seeded.read("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n") == [{"n": 0}]
