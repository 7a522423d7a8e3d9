"""The pack registry: every shipped check validates, and broken user packs fail in one clear line."""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from archmodel.errors import PackError
from archmodel.packs.identity import identity
from archmodel.packs.registry import (
    PACK_PATH_ENV,
    SEVERITIES,
    builtin_root,
    load_registry,
    parse_check,
    query_parameters,
)
from archmodel.packs.runner import convert_value, guess_value

REPO = Path(__file__).resolve().parents[2]

# packs.md: the catalogue, pack by pack.
CATALOGUE = {
    "orphans": {"orphan-pages", "sitemap-only", "nav-only-inlinks"},
    "hub-spoke": {"hub-missing-spoke", "spoke-missing-hub", "condition-without-hub"},
    "pathways": {"broken-step", "overview-missing-stage", "missing-stage-page", "dead-end-education"},
    "provider-condition": {"provider-missing-condition", "condition-missing-provider", "provider-without-page"},
    "anchors": {"generic-anchor", "empty-anchor", "anchor-intent-mismatch", "over-optimised-anchor", "off-synonym-anchor"},
    "depth": {"deep-pages", "deep-key-pages", "unreachable"},
    "broken-links": {"links-to-error", "links-to-redirect", "links-to-non-indexable", "nofollow-internal"},
    "trust": {"missing-reviewer-link", "missing-review-policy", "missing-policy-links"},
    "access": {"no-location-link", "location-missing-specialty", "provider-missing-location"},
    "related-conditions": {"unlinked-related", "off-pathway-related"},
    "content-links": {"blog-missing-service", "service-missing-guides", "resource-hub-thin", "too-many-links", "too-few-contextual-links"},
    "equity": {"low-equity-key-pages", "equity-sinks"},
    "structured-data": {"condition-without-medical-type", "provider-without-physician",
                        "location-without-medical-organization", "key-page-schema-errors"},
}
SEVERITY = {
    "orphans/orphan-pages": "high", "orphans/sitemap-only": "high", "orphans/nav-only-inlinks": "medium",
    "hub-spoke/hub-missing-spoke": "high", "hub-spoke/spoke-missing-hub": "medium",
    "hub-spoke/condition-without-hub": "medium", "pathways/broken-step": "high",
    "pathways/overview-missing-stage": "medium", "pathways/missing-stage-page": "high",
    "pathways/dead-end-education": "medium", "provider-condition/provider-missing-condition": "medium",
    "provider-condition/condition-missing-provider": "medium", "provider-condition/provider-without-page": "low",
    "anchors/generic-anchor": "medium", "anchors/empty-anchor": "medium", "anchors/anchor-intent-mismatch": "high",
    "anchors/over-optimised-anchor": "low", "anchors/off-synonym-anchor": "info", "depth/deep-pages": "medium",
    "depth/deep-key-pages": "high", "depth/unreachable": "high", "broken-links/links-to-error": "high",
    "broken-links/links-to-redirect": "medium", "broken-links/links-to-non-indexable": "medium",
    "broken-links/nofollow-internal": "low", "trust/missing-reviewer-link": "medium",
    "trust/missing-review-policy": "low", "trust/missing-policy-links": "low", "access/no-location-link": "medium",
    "access/location-missing-specialty": "low", "access/provider-missing-location": "low",
    "related-conditions/unlinked-related": "medium", "related-conditions/off-pathway-related": "low",
    "content-links/blog-missing-service": "medium", "content-links/service-missing-guides": "low",
    "content-links/resource-hub-thin": "low", "content-links/too-many-links": "low",
    "content-links/too-few-contextual-links": "low", "equity/low-equity-key-pages": "medium", "equity/equity-sinks": "info",
    "structured-data/condition-without-medical-type": "medium", "structured-data/provider-without-physician": "low",
    "structured-data/location-without-medical-organization": "low",
    "structured-data/key-page-schema-errors": "medium",
}
# docs/check-semantics.md "Identity of a finding": every identity key must be a declared column.
IDENTITY_KEYS = {"url", "source", "target", "condition", "specialty", "provider", "location", "related", "anchor"}

GOOD_HEADER = """\
// title: Pages with a title
// description: Pages whose title is set.
// severity: low
// parameters:
//   site: {type: string, description: Site host}
// columns: [url, detail]
MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)
MATCH (p:Page {crawl: c.id}) WHERE p.title IS NOT NULL
RETURN p.url AS url, 'has a title' AS detail
"""


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PACK_PATH_ENV, raising=False)


def write_pack(root: Path, pack: str, check: str, text: str) -> Path:
    path = root / pack / f"{check}.cypher"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_packs_are_the_catalogue(no_env: None) -> None:
    registry = load_registry()
    found = {pack: {c.id for c in checks} for pack, checks in registry.packs.items()}
    assert found == CATALOGUE
    assert len(registry) == 44
    assert builtin_root() == REPO / "cypher"


def test_every_shipped_check_is_valid(no_env: None) -> None:
    for check in load_registry():
        header = check.header
        assert header.severity == SEVERITY[check.name], check.name
        assert header.severity in SEVERITIES
        assert header.columns[-1] == "detail", f"{check.name}: every finding ends with its detail sentence"
        assert set(header.parameters) == query_parameters(check.cypher), check.name
        assert "site" in header.parameters, check.name
        assert check.cypher.splitlines()[0].startswith("// id: AM"), check.name
        assert "crawl" in header.parameters, check.name
        assert "MATCH (c:Crawl {id: $crawl, site: $site})" in check.cypher, check.name
        keys = set(header.columns) & IDENTITY_KEYS
        assert {"url"} <= keys or {"source", "target"} <= keys or check.name in {
            "hub-spoke/condition-without-hub",
            "provider-condition/provider-without-page",
        }, check.name


def test_every_shipped_check_carries_its_whole_definition(no_env: None) -> None:
    """Identity, fix cost, hint text and suggestions come from the header; nothing else holds them."""
    registry = load_registry()
    ids = [check.stable_id for check in registry]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"AM\d{3}", i) for i in ids)
    for check in registry:
        header = check.header
        assert header.identity and set(header.identity) <= set(header.columns), check.name
        assert header.why and header.how_to_fix, f"{check.name}: every check says why it matters and how to fix it"
        for hint in (header.why, header.how_to_fix):
            assert 40 <= len(hint) <= 400 and "LINKS_TO" not in hint and "pagerank" not in hint.lower(), check.name
        if header.suggests is not None:
            assert header.suggests.targets or {"source", "target"} <= set(header.columns), check.name
    suggesting = {check.pack for check in registry if check.header.suggests}
    assert suggesting == {"hub-spoke", "pathways", "provider-condition", "trust", "access", "related-conditions",
                          "content-links"}, "packs.md: the missing-link packs feed `archmodel suggest`"


def _string_constants(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_table_outside_the_registry_names_a_check(no_env: None) -> None:
    """A check's definition lives in its `.cypher` header only: no Python table, list or
    comparison in the package names a shipped check (its `pack/check` name or its id)."""
    registry = load_registry()
    names = {check.name for check in registry} | {check.stable_id for check in registry}
    pairs = {(check.pack, check.id) for check in registry}
    offenders = []
    for path in sorted((REPO / "archmodel").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, value in _string_constants(tree):
            if value.strip() in names:
                offenders.append(f"{path.relative_to(REPO)}:{line}: {value.strip()}")
        for node in ast.walk(tree):
            if isinstance(node, (ast.Tuple, ast.List)):
                values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                offenders += [f"{path.relative_to(REPO)}:{node.lineno}: {a}, {b}" for a, b in zip(values, values[1:])
                              if (a, b) in pairs]
    assert not offenders, "\n".join(offenders)


def test_the_id_survives_renaming_the_file(tmp_path: Path, no_env: None) -> None:
    """A finding's identity leads with the check's stable id, so a renamed file keeps its history."""
    original = load_registry().checks["anchors/generic-anchor"]
    write_pack(tmp_path, "wording", "vague-link-text", original.cypher)
    copy = load_registry([tmp_path]).checks["wording/vague-link-text"]
    assert copy.stable_id == "wording/vague-link-text", "a copy beside the original is a check of its own"
    renamed = parse_check(tmp_path / "wording" / "vague-link-text.cypher", pack="wording")
    finding = {"source": "https://x.example/a", "target": "https://x.example/b", "anchor": " learn more", "detail": "d"}
    before = identity({"pack": "anchors", "check": "generic-anchor", "check_id": "AM014", **finding})
    after = identity({"pack": "wording", "check": "vague-link-text", "check_id": renamed.stable_id, **finding})
    assert before == after == ("AM014", "https://x.example/a", "https://x.example/b", "learn more")


def test_a_user_check_is_defined_by_its_header_too(tmp_path: Path, no_env: None) -> None:
    text = GOOD_HEADER.replace("// columns: [url, detail]", "// columns: [url, detail]\n// id: MY-001\n"
                               "// identity: [url]\n// fix_cost: site\n// why: >-\n//   Titles tell patients what a page is.\n"
                               "// how_to_fix: Write one.")
    write_pack(tmp_path, "mine", "titled", text)
    check = load_registry([tmp_path]).lookup("MY-001")[0]
    assert check.name == "mine/titled" and check.identity == ("url",) and check.header.fix_cost == "site"
    assert check.header.why == "Titles tell patients what a page is."
    bare = parse_check(write_pack(tmp_path, "mine", "bare", GOOD_HEADER), pack="mine")
    assert bare.stable_id == "mine/bare" and bare.identity == ("url",) and bare.header.fix_cost == "links"


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("// identity: [url, anchor]", "identity: anchor not in columns"),
        ("// fix_cost: cheap", "fix_cost"),
        ("// id: 'no spaces please'", "is not a valid id"),
        ("// suggests: {placement: body}", "needs `targets` Cypher"),
        ("// suggests:\n//   placement: body\n//   targets: RETURN $urls AS url, $other AS target", "uses $other"),
        ("// suggests:\n//   placement: body\n//   placement_by: stage\n//   targets: RETURN 1 AS url", "'stage' not in columns"),
    ],
)
def test_a_broken_definition_is_rejected(tmp_path: Path, no_env: None, extra: str, problem: str) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("// columns: [url, detail]", "// columns: [url, detail]\n" + extra))
    assert problem in error.what


WRITE_OR_PLUGIN = re.compile(r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|FOREACH|LOAD\s+CSV)\b|\b(apoc|gds)\.", re.I)
CODE_ONLY = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def test_shipped_checks_only_read_and_need_no_plugin(no_env: None) -> None:
    """Packs run unchanged in Neo4j Browser: plain read-only Cypher, no APOC or GDS calls."""
    for check in load_registry():
        code = CODE_ONLY.sub("''", check.cypher)
        assert not WRITE_OR_PLUGIN.search(code), f"{check.name}: {WRITE_OR_PLUGIN.search(code)}"


def test_query_parameters_ignore_comments_strings_and_quoted_names() -> None:
    cypher = """
    // $commented is not a parameter
    MATCH (p:Page {crawl: $crawl}) /* $blocked */
    WHERE p.title <> '$literal' AND p.h1 <> "it's $quoted" AND p.`$odd` IS NULL
    RETURN p.url AS url, $limit AS limit, $`spaced name` AS s, 'https://x//y' AS u, $after
    """
    assert query_parameters(cypher) == {"crawl", "limit", "spaced name", "after"}


def test_user_pack_from_pack_dir_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    write_pack(first, "mine", "titled", GOOD_HEADER)
    write_pack(second, "theirs", "titled", GOOD_HEADER)
    monkeypatch.setenv(PACK_PATH_ENV, f"{second}{os.pathsep}{first}")
    registry = load_registry([first])
    assert {"mine/titled", "theirs/titled"} <= set(registry.checks)
    assert not registry.checks["mine/titled"].builtin
    assert len(registry) == 46


def test_a_folder_of_check_files_is_one_pack(tmp_path: Path, no_env: None) -> None:
    folder = tmp_path / "seo-extra"
    folder.mkdir()
    (folder / "titled.cypher").write_text(GOOD_HEADER)
    assert "seo-extra/titled" in load_registry([folder]).checks


def broken(tmp_path: Path, text: str, pack: str = "mine", check: str = "broken", names_folder: bool = False) -> PackError:
    path = write_pack(tmp_path, pack, check, text)
    with pytest.raises(PackError) as caught:
        load_registry([tmp_path])
    named = path.parent if names_folder else path
    assert f"({named}" in caught.value.message(), "the error names the file (or the pack folder)"
    assert "\n" not in caught.value.message(), "one line"
    return caught.value


def test_unknown_header_key_is_rejected(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("// severity: low", "// severity: low\n// severty: high"))
    assert "severty: unknown key" in error.what


def test_requires_links_is_accepted_and_a_misspelt_requirement_is_rejected(tmp_path: Path, no_env: None) -> None:
    path = write_pack(tmp_path, "mine", "linked", GOOD_HEADER.replace("// severity: low", "// severity: low\n// requires: [links]"))
    assert parse_check(path, pack="mine").header.requires == ["links"]
    error = broken(tmp_path, GOOD_HEADER.replace("// severity: low", "// severity: low\n// requires: [link]"))
    assert "requires.0" in error.what


def test_bad_severity_is_rejected(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("severity: low", "severity: critical"))
    assert "severity" in error.what


def test_missing_columns_is_rejected(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("// columns: [url, detail]\n", ""))
    assert "columns: missing" in error.what


def test_invalid_yaml_names_the_line(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("// columns: [url, detail]", "// columns: [url, detail"))
    assert "not valid YAML" in error.what
    assert ", line " in error.where


def test_undeclared_parameter_is_rejected(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER.replace("WHERE p.title IS NOT NULL", "WHERE p.depth > $max_depth"))
    assert "uses undeclared $max_depth" in error.what


def test_unused_parameter_is_rejected(tmp_path: Path, no_env: None) -> None:
    text = GOOD_HEADER.replace(
        "//   site: {type: string, description: Site host}",
        "//   site: {type: string, description: Site host}\n//   limit: {type: integer, default: 5, description: n}",
    )
    assert "declares unused limit" in broken(tmp_path, text).what


def test_default_must_match_type(tmp_path: Path, no_env: None) -> None:
    text = GOOD_HEADER.replace(
        "//   site: {type: string, description: Site host}",
        "//   site: {type: string, description: Site host}\n//   limit: {type: integer, default: many, description: n}",
    ).replace("'has a title' AS detail", "'has a title' AS detail LIMIT $limit")
    assert "parameters.limit" in broken(tmp_path, text).what


def test_duplicate_pack_id_is_rejected(tmp_path: Path, no_env: None) -> None:
    error = broken(tmp_path, GOOD_HEADER, pack="orphans", check="extra", names_folder=True)
    assert "pack 'orphans' is defined twice" in error.what


def test_duplicate_check_across_user_folders_is_rejected(tmp_path: Path, no_env: None) -> None:
    write_pack(tmp_path / "a", "mine", "titled", GOOD_HEADER)
    write_pack(tmp_path / "b", "mine", "titled", GOOD_HEADER)
    with pytest.raises(PackError, match="pack 'mine' is defined twice"):
        load_registry([tmp_path / "a", tmp_path / "b"])


def test_missing_pack_dir_is_an_error(tmp_path: Path, no_env: None) -> None:
    with pytest.raises(PackError, match="pack folder does not exist"):
        load_registry([tmp_path / "nowhere"])


def test_file_without_header_is_rejected(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "mine", "bare", "MATCH (n) RETURN n\n")
    with pytest.raises(PackError, match="check has no header"):
        parse_check(path, pack="mine")


def test_unknown_names_list_the_valid_ones(no_env: None) -> None:
    registry = load_registry()
    with pytest.raises(PackError) as caught:
        registry.select(["depth/nope"])
    assert caught.value.fix == "use one of: depth/deep-key-pages, depth/deep-pages, depth/unreachable"
    with pytest.raises(PackError) as caught:
        registry.select(["nope"])
    assert "orphans" in caught.value.fix and "equity" in caught.value.fix


def test_select_keeps_registry_order_and_removes_duplicates(no_env: None) -> None:
    registry = load_registry()
    names = [c.name for c in registry.select(["depth/unreachable", "depth", "anchors/empty-anchor"])]
    assert names == ["anchors/empty-anchor", "depth/deep-key-pages", "depth/deep-pages", "depth/unreachable"]


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("4", "integer", 4),
        ("0.5", "float", 0.5),
        ("yes", "boolean", True),
        ("false", "boolean", False),
        ("learn more, click here", "list", ["learn more", "click here"]),
        ('["a, b", "c"]', "list", ["a, b", "c"]),
        (" spaced ", "string", " spaced "),
    ],
)
def test_parameter_values_are_typed_by_the_header(raw: str, kind: str, expected: object) -> None:
    assert convert_value("p", raw, kind) == expected


def test_parameter_of_wrong_type_is_a_usage_error() -> None:
    with pytest.raises(PackError, match="parameter 'max_depth' must be an integer, not 'deep'"):
        convert_value("max_depth", "deep", "integer")


def test_ad_hoc_parameters_are_guessed() -> None:
    assert [guess_value(v) for v in ["3", "2.5", "true", '["a"]', "text", "null"]] == [3, 2.5, True, ["a"], "text", None]


def test_the_documented_example_pack_is_valid(tmp_path: Path) -> None:
    """docs/packs.md shows a user pack; it must pass the same validation as a real one."""
    text = (REPO / "docs" / "packs.md").read_text(encoding="utf-8")
    example = text.split("```cypher\n", 1)[1].split("```", 1)[0]
    path = write_pack(tmp_path, "mine", "thin-conditions", example)
    check = parse_check(path, pack="mine")
    assert check.header.requires == ["site_model"]
    assert set(check.header.parameters) == {"site", "crawl", "min_words"}
    assert check.columns == ["url", "words", "detail"]
