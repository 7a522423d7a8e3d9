"""`archmodel demo`: the whole job on the bundled seed data, as `make demo` runs it."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph
from archmodel.packs.identity import definition

SEED = Path(__file__).resolve().parents[2] / "seed_data"


def test_demo_writes_findings_suggestions_report_and_maps(
    graph: Graph, cli_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    printed = captured.out
    expected = json.loads((SEED / "expected_findings.json").read_text())
    planted = sum(len(findings) for findings in expected["checks"].values())
    assert "links loaded in" in captured.err and "s (bulk path)." in captured.err, "the local server takes the bulk path"
    assert f"Ran 44 checks on {expected['site']}: {planted} findings" in printed

    findings = json.loads((out / "findings.json").read_text())
    assert len(findings) == planted
    assert {f"{f['pack']}/{f['check']}" for f in findings} == set(expected["checks"])
    suggestions = json.loads((out / "suggestions.json").read_text())
    assert suggestions and all(s["suggested_anchor"] and s["source"] != s["target"] for s in suggestions)
    header = (out / "findings.csv").read_text().splitlines()[0].split(",")
    assert header[:4] == ["pack", "check", "severity", "title"] and header[-3:] == ["check_id", "priority", "impact"]
    assert {"url", "source", "target", "anchor", "condition", "provider", "depth", "detail"} <= set(header), \
        "every column a check returns, not a sentence hiding them"

    tasks = list(csv.DictReader((out / "tasks.csv").open(encoding="utf-8")))
    pages = [t["page_url"] for t in tasks]
    assert tasks and len(pages) == len(set(pages)), "one task per page"
    fixable = {f.get("url") or f.get("source") for f in findings
               if f["severity"] != "info" and not definition(f).header.suggests}
    assert fixable - {None} <= set(pages), "every page with a fix has its task"
    assert {s["source"] for s in suggestions} <= set(pages), "every suggested link is in its page's task"
    order = {"high": 0, "medium": 1, "low": 2}
    ranks = [order[t["severity"]] for t in tasks]
    assert ranks == sorted(ranks), "most severe first: many low fixes never outrank a high one"
    for severity in order:
        scores = [int(t["priority_score"]) for t in tasks if t["severity"] == severity]
        assert scores == sorted(scores, reverse=True)
    assert all(t["page_url"].startswith("https://") for t in tasks if t["page_url"]) and all(t["what_to_do"] for t in tasks)
    many = [t for t in tasks if t["what_to_do"].count("\u2022") > 1]
    assert many, "a page with several fixes is one task listing each"
    for t in many:
        assert t["summary"] and len(t["what_to_do"].split("\n")) >= 2

    report = (out / "report.html").read_text()
    assert "Lakeside Health" in report
    assert report.count('<script src="plotly.min.js">') == 0 and 'id="am-noplotly"' not in report, "sent alone, it draws"
    assert (out / "plotly.min.js").stat().st_size > 1_000_000
    for name in ("map-clusters.html", "map-providers.html", "map-hub-endocrinology.html", "map-pathway-diabetes.html"):
        text = (out / name).read_text()
        assert text.count('<script src="plotly.min.js">') == 1 and "script-src 'self'" in html.unescape(text[:2000])
    assert sum(p.stat().st_size for p in out.iterdir()) < 20 * 2**20
    assert "links to add, with anchors and placement." in printed
    ending = printed[printed.index("The three fixes that matter most:"):].splitlines()
    assert [line[:3] for line in ending if line[:3] in {"1. ", "2. ", "3. "}] == ["1. ", "2. ", "3. "]
    assert f"Open the report: {(out / 'report.html').resolve().as_uri()}" in ending
    assert "stop it with `make stop`" in " ".join(ending[-2:])

    assert main(["demo", "-o", str(out)]) == 0
    assert "is already loaded" in capsys.readouterr().err
