"""A site model's YAML read from events: the same data as yaml.safe_load, its rules, its memory."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archmodel.ingest.yaml_data import AliasFound, DuplicateKey, UnsupportedYaml, compose, read_data

# strings YAML reads as other types when unquoted, so the dump must quote them and the read must agree
tricky_text = st.sampled_from(["yes", "No", "on", "~", "null", "1e3", "0x1F", "0o17", "1_000", ".inf", "-.NaN",
                               "2024-01-31", "12:30", "<<", "=", "!x", "*a", "&a", "- a", "a: b", "#c", ""])
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12), tricky_text,
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(data=documents, flow=st.sampled_from([None, True, False]))
def test_reads_what_safe_load_reads(data: object, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert read_data(text)[0] == yaml.safe_load(text)


def test_plain_scalars_resolve_as_safe_load_resolves_them() -> None:
    text = "a: yes\nb: 0x1F\nc: 2024-01-31\nd: ~\ne: !!str 12\nf: 1.5\ng: '7'\nh: [1, two]\n"
    data, _ = read_data(text)
    assert data == yaml.safe_load(text)
    assert data["c"] == date(2024, 1, 31) and data["e"] == "12" and data["b"] == 31


def test_top_level_key_lines_and_empty_documents() -> None:
    assert read_data("site:\n  name: X\n\nconditions:\n  - id: a\n")[1] == {"site": 1, "conditions": 4}
    assert read_data("") == (None, {})
    assert read_data("# only a comment\n")[0] is None


@pytest.mark.parametrize(
    ("text", "error", "line"),
    [
        ("site: 1\nother: 2\nsite: 3\n", DuplicateKey, 3),
        ("a:\n  - x: 1\n    x: 2\n", DuplicateKey, 3),
        ("a: &x [1]\nb: *x\n", AliasFound, 2),
        ("a: {x: 1}\nb:\n  <<: {x: 2}\n", UnsupportedYaml, 3),
        ("a: !!set {x, y}\n", UnsupportedYaml, 1),
        ("a: !!omap [x: 1]\n", UnsupportedYaml, 1),
    ],
)
def test_refused_with_the_line(text: str, error: type, line: int) -> None:
    with pytest.raises(error) as caught:
        read_data(text)
    assert caught.value.line == line


@pytest.mark.parametrize("text", ["a: 1\n--- \nb: 2\n", "? [1, 2]\n: x\n", "a: !custom x\n", "a: [1\n"])
def test_what_safe_load_refuses_is_refused(text: str) -> None:
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError):
        read_data(text)


def test_no_node_tree_is_built() -> None:
    """The point of reading events: a big model's peak memory is about its data, not a node per
    value with its position (which took 1 GB for a million-page site's 68 MB site.yml)."""
    entries = "".join(
        f"  - {{id: condition-{i}, name: Condition {i}, synonyms: [alias {i}, other {i}], related: [c{i + 1}]}}\n"
        for i in range(2_000)
    )
    text = "conditions:\n" + entries

    def peak(read: object) -> int:
        tracemalloc.start()
        try:
            result = read(text)  # type: ignore[operator]
            return tracemalloc.get_traced_memory()[1] if result is not None else 0
        finally:
            tracemalloc.stop()

    def with_node_tree(text: str) -> object:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            return loader.construct_document(loader.get_single_node())
        finally:
            loader.dispose()

    assert peak(read_data) < 0.5 * peak(with_node_tree)
    assert compose(text).value[0][0].value == "conditions"  # positions are still there for error messages
