"""Escaping and the page shell: every sink a crawled string can reach, and the CSP."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from archmodel.errors import InputError
from archmodel.render.escape import html_prose, html_text, plotly_text, script_json
from archmodel.render.findings import FindingIndex, read_rows_file
from archmodel.render.html import SCRIPT_RE, content_security_policy, page

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "javascript:window.__pwned=3",
    "\"'><svg onload=alert(1)>",
    "</script><!--",
    "a & b \u2028 c",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plotly_text_leaves_no_tag_open(payload: str) -> None:
    text = plotly_text(payload)
    assert "<" not in text and ">" not in text
    unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == payload.replace("\n", " ")


def test_plotly_text_keeps_quotes_readable_and_shortens() -> None:
    assert plotly_text('Dr. "Maria" O\'Kafor') == 'Dr. "Maria" O\'Kafor'
    assert plotly_text("x" * 50, limit=10) == "x" * 9 + "\u2026"
    assert plotly_text("a\nb\x00c") == "a b c"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_text_escapes_quotes_for_attributes(payload: str) -> None:
    text = html_text(payload)
    assert not set("<>\"'") & set(text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_json_cannot_close_the_script_element(payload: str) -> None:
    encoded = script_json({"title": payload, "list": [payload]})
    assert "</" not in encoded and "<" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == {"title": payload, "list": [payload]}


def test_page_policy_allows_exactly_its_own_scripts() -> None:
    document = page("T <b>", "<main><script>console.log('ours')</script>"
                    '<script type="application/json">{"a": 1}</script></main>', scripts=())
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', document)
    assert match, "the policy is a meta tag"
    assert document.index(match.group(0)) < document.index("<script"), "the policy comes before any script"
    policy = match.group(1).replace("&#x27;", "'")
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group("body").encode()).digest()).decode() + "'"
        for m in SCRIPT_RE.finditer(document)
        if "application/json" not in m.group("attrs")
    }
    assert len(expected) == 2  # plotly.js and the inline script above
    assert set(script_src.split()[1:]) == expected | {"'unsafe-eval'"}
    assert "'unsafe-inline'" not in script_src
    assert "connect-src 'none'" in policy and "default-src 'none'" in policy
    assert "<title>T &lt;b&gt;</title>" in document


def test_policy_ignores_data_blocks() -> None:
    policy = content_security_policy('<script type="application/octet-stream">AAAA</script>')
    assert "sha256" not in policy


def test_finding_index_places_findings_on_the_page_to_edit() -> None:
    findings = [
        {"pack": "orphans", "check": "orphan-pages", "severity": "high", "url": "https://a/x"},
        {"pack": "pathways", "check": "broken-step", "severity": "high", "source": "https://a/s", "target": "https://a/t"},
        {"pack": "anchors", "check": "generic-anchor", "severity": "medium", "source": "https://a/m", "target": "https://a/t"},
    ]
    index = FindingIndex.build(findings)
    assert index.has_high("https://a/x") and index.has_high("https://a/s")
    assert not index.has_high("https://a/m") and not index.has_high("https://a/t")
    assert index.link_finding("https://a/s", "https://a/t", ["broken-step"])["check"] == "broken-step"
    assert index.link_finding("https://a/s", "https://a/t", ["hub-missing-spoke"]) is None
    assert index.count("pathways", "broken-step") == 1


def test_findings_file_formats_and_errors(tmp_path) -> None:
    array = tmp_path / "f.json"
    array.write_text(json.dumps([{"pack": "p", "check": "c"}]))
    lines = tmp_path / "f.ndjson"
    lines.write_text('{"pack": "p"}\n{"pack": "q"}\n')
    assert read_rows_file(array, "findings") == [{"pack": "p", "check": "c"}]
    assert [r["pack"] for r in read_rows_file(lines, "findings")] == ["p", "q"]
    broken = tmp_path / "broken.json"
    broken.write_text("[{")
    with pytest.raises(InputError, match="not JSON"):
        read_rows_file(broken, "findings")
    with pytest.raises(InputError, match="cannot read"):
        read_rows_file(tmp_path / "missing.json", "findings")


def test_hint_text_sets_code_spans_as_code_and_escapes_the_rest() -> None:
    text = "run it with `-p person_counts true` <b>now</b> & a lone ` stays"
    assert html_prose(text) == (
        "run it with <code>-p person_counts true</code> &lt;b&gt;now&lt;/b&gt; &amp; a lone ` stays"
    )
    assert html_prose("`<script>`") == "<code>&lt;script&gt;</code>"
