"""`archmodel demo`: the whole job on the bundled seed data, as `make demo` runs it."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from archmodel.cli import main
from archmodel.db.connection import Graph

SEED = Path(__file__).resolve().parents[2] / "seed_data"


def test_demo_writes_findings_suggestions_report_and_maps(
    graph: Graph, cli_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    expected = json.loads((SEED / "expected_findings.json").read_text())
    planted = sum(len(findings) for findings in expected["checks"].values())
    assert f"Ran 40 checks on {expected['site']}: {planted} findings" in printed

    findings = json.loads((out / "findings.json").read_text())
    assert len(findings) == planted
    assert {f"{f['pack']}/{f['check']}" for f in findings} == set(expected["checks"])
    suggestions = json.loads((out / "suggestions.json").read_text())
    assert suggestions and all(s["suggested_anchor"] and s["source"] != s["target"] for s in suggestions)
    header = (out / "findings.csv").read_text().splitlines()[0].split(",")
    assert header[:4] == ["pack", "check", "severity", "title"] and header[-3:] == ["check_id", "priority", "impact"]
    assert {"url", "source", "target", "anchor", "condition", "provider", "depth", "detail"} <= set(header), \
        "every column a check returns, not a sentence hiding them"

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
