"""`archmodel db browser`: Neo4j Browser served on loopback for the local server, used in headless
Chromium the way a person uses it: log in, run a query, read the seed's page count."""

from __future__ import annotations

import socket
from pathlib import Path

import psutil
import pytest

from archmodel.cli import main
from archmodel.db import browser
from archmodel.db.connection import Graph
from archmodel.db.uri import uri_port
from archmodel.ingest.loader import load_crawl
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import wipe

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]
SEED = Path(__file__).resolve().parents[2] / "seed_data"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_browser_logs_in_and_reads_the_seed(graph: Graph, neo4j_settings, cli_env: dict,
                                                capsys: pytest.CaptureFixture) -> None:
    from playwright.sync_api import sync_playwright

    load_crawl(graph, [SEED], site_model=SEED / "site.yml", sitemaps=[SEED / "sitemap.xml"])
    pages = graph.read("MATCH (:Site)-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) RETURN count(p) AS n")[0]["n"]
    bolt, web = uri_port(neo4j_settings.uri), _free_port()
    password = neo4j_settings.password.get_secret_value()
    try:
        assert main(["db", "browser", "--port", str(bolt), "--browser-port", str(web)]) == 0
        url = capsys.readouterr().out.strip()
        assert url == f"http://127.0.0.1:{web}/?dbms=bolt://127.0.0.1:{bolt}&preselectAuthMethod=NATIVE"
        assert password not in url
        record = browser.read_record(bolt)
        listening = {c.laddr.ip for c in psutil.Process(record.pid).net_connections(kind="tcp")
                     if c.status == psutil.CONN_LISTEN}
        assert listening == {"127.0.0.1"}, "loopback only"
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            assert page.get_by_test_id("boltaddress").input_value() == f"127.0.0.1:{bolt}"
            page.get_by_test_id("username").fill(neo4j_settings.user)
            page.get_by_test_id("password").fill(password)
            page.get_by_test_id("connect").click()
            page.get_by_text(f"to bolt://127.0.0.1:{bolt}").wait_for(timeout=30_000)
            page.get_by_test_id("activeEditor").click()
            page.keyboard.type("MATCH (:Site)-[:CURRENT]->(c:Crawl) MATCH (p:Page {crawl: c.id}) RETURN count(p) AS pages")
            page.get_by_test_id("editor-Run").click()
            page.get_by_text("Started streaming 1 records").wait_for(timeout=30_000)
            first = page.get_by_test_id("frame").first.inner_text()
            chromium.close()
        assert f"\t{pages}" in first, first
    finally:
        assert browser.stop_browser(bolt)
    assert browser.browser_status(bolt) is None
