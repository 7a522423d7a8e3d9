"""site.yml: the contract example loads unchanged; every mistake is one ConfigError with a key path."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import yaml

from archmodel.errors import ConfigError
from archmodel.ingest.sitemodel import SiteModel, load_site_model, parse_site_model

DATA = Path(__file__).resolve().parent.parent / "data" / "sitemodel"


@pytest.fixture(scope="module")
def model() -> SiteModel:
    return load_site_model(DATA / "site.yml")


def test_contract_example_loads(model: SiteModel) -> None:
    assert model.source == DATA / "site.yml"
    assert model.site.base_url == "https://www.northside-endo.example"
    assert model.host == "www.northside-endo.example"
    assert len(model.page_types) == 18
    assert [p.id for p in model.providers] == ["maria-okafor"]
    assert model.locations[1].telehealth is True
    assert model.trust.reviewed_by == {"/conditions/diabetes/": "maria-okafor"}
    assert model.thresholds.max_depth == 3 and model.thresholds.anchor_repeat_share == 0.8


def test_conditions_named_only_by_lists_are_implied(model: SiteModel) -> None:
    """The contract's example names obesity and insulin-resistance without describing them."""
    assert [c.id for c in model.conditions] == ["diabetes", "thyroid-nodules", "obesity", "insulin-resistance"]
    assert model.condition("insulin-resistance").name == "Insulin resistance"
    assert len(model.warnings) == 2 and "obesity" in model.warnings[0]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("home", {})),
        ("/specialties/endocrinology/", ("specialty_hub", {"specialty": "endocrinology"})),
        ("/conditions/diabetes/", ("condition", {"condition": "diabetes"})),
        ("/conditions/diabetes/symptoms/", ("symptom", {"condition": "diabetes"})),
        ("/tests/a1c/", ("test", {})),
        ("/find-a-specialist/endo/", ("appointment", {})),
        ("/medical-disclaimer/", ("policy", {})),
        ("/careers/", ("other", {})),
        ("https://www.northside-endo.example/providers/maria-okafor/", ("provider", {"provider": "maria-okafor"})),
    ],
)
def test_classify(model: SiteModel, path: str, expected: tuple[str, dict[str, str]]) -> None:
    assert model.classify(path) == expected


def test_condition_stages(model: SiteModel) -> None:
    stages = model.condition_stages("diabetes")
    assert stages[0] == ("overview", 0, "/conditions/diabetes/")
    assert [s[0] for s in stages] == ["overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment"]
    assert [s[1] for s in stages] == list(range(7))
    assert model.condition_stages(model.condition("thyroid-nodules")) == []


def test_stage_order_keeps_gaps_and_own_pathway(tmp_path: Path) -> None:
    text = (
        "site: {name: X, base_url: 'https://www.example.org'}\n"
        "conditions:\n"
        "  - id: a\n    name: A\n    pages: {overview: /a/, treatment: /a/treatment/}\n"
        "  - id: b\n    name: B\n    pathway: [treatment, overview]\n    pages: {overview: /b/, treatment: /b/t/}\n"
    )
    model = parse_site_model(text, tmp_path / "site.yml")
    assert model.condition_stages("a") == [("overview", 0, "/a/"), ("treatment", 4, "/a/treatment/")]
    assert model.condition_stages("b") == [("treatment", 0, "/b/t/"), ("overview", 1, "/b/")]


def test_without_model() -> None:
    bare = SiteModel.without_model("https://WWW.Example.org")
    assert bare.source is None and bare.is_placeholder
    assert bare.site.name == "www.example.org"
    assert bare.classify("/") == ("home", {})
    assert bare.classify("/conditions/diabetes/") == ("other", {})
    assert bare.conditions == [] and bare.thresholds.max_depth == 3


def test_entities_from_csv_and_trailing_slash_policy() -> None:
    model = load_site_model(DATA / "with_csv.yml")
    provider = model.providers[0]
    assert (provider.id, provider.title, provider.treats, provider.locations) == (
        "maria-okafor", "endocrinologist", ["diabetes", "obesity"], ["downtown"],
    )
    assert provider.page == "/providers/maria-okafor/"  # trailing_slash: add
    assert model.providers[1].page is None and model.providers[1].specialties == []
    assert [(l.id, l.telehealth) for l in model.locations] == [("downtown", False), ("virtual", True)]
    assert model.specialties[0].conditions == ["diabetes", "obesity"]
    assert model.entity_ids("provider") == {"maria-okafor", "sam-lee"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("typo_key.yml", "typo_key.yml: conditions[0].synonym: unknown key 'synonym' (did you mean 'synonyms'?)"),
        ("unknown_top_key.yml", "unknown_top_key.yml: page_type: unknown key 'page_type' (did you mean 'page_types'?)"),
        ("unknown_page_type.yml", "page_types[1].type: 'conditon' is not allowed (did you mean 'condition'?)"),
        ("bad_pattern.yml", "page_types[1].match: '**' must be a whole segment in '/tests/**x/'"),
        ("bad_path.yml",
         "bad_path.yml: conditions[2].pages.treatment: 'https://other.example.org/treatments/x' is not a path on www.example.org"),
        ("unknown_reference.yml", "providers[0].treats[1]: unknown condition 'diabets' (did you mean 'diabetes'?)"),
        ("duplicate_key.yml", "duplicate key 'pathway'"),
        ("bad_yaml.yml", "not valid YAML"),
        ("hub_not_a_path.yml", "specialties[0].hub: 'endocrinology' is not a path on www.example.org"),
        ("bad_base_url.yml", "site.base_url: 'www.example.org' is not an http(s) URL with a host"),
        ("bad_csv_ref.yml", "providers[1].treats[1]: unknown condition 'thyroid'"),
    ],
)
def test_errors_name_file_key_path_and_reason(name: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_site_model(DATA / name)
    assert expected in caught.value.what
    assert caught.value.fix


@pytest.mark.parametrize(
    ("name", "where"),
    [("typo_key.yml", "line 7"), ("bad_path.yml", "line 11"), ("duplicate_key.yml", "line 5"),
     ("bad_yaml.yml", "line 3"), ("bad_csv_ref.yml", "bad_providers.csv, line 3")],
)
def test_errors_name_the_line(name: str, where: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_site_model(DATA / name)
    assert caught.value.where == where


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    text = (
        "site: {name: X, base_url: 'https://www.example.org'}\n"
        "thresholds: {max_depth: 0, anchor_repeat_share: 1.5, max_dept: 3}\n"
    )
    with pytest.raises(ConfigError) as caught:
        parse_site_model(text, tmp_path / "site.yml")
    what = caught.value.what
    assert "thresholds.max_depth: Input should be greater than or equal to 1 (got 0)" in what
    assert "thresholds.anchor_repeat_share: Input should be less than or equal to 1 (got 1.5)" in what
    assert "thresholds.max_dept: unknown key 'max_dept' (did you mean 'max_depth'?)" in what


def test_cross_reference_problems(tmp_path: Path) -> None:
    text = (
        "site: {name: X, base_url: 'https://www.example.org'}\n"
        "conditions:\n  - {id: a, name: A, related: [a]}\n  - {id: a, name: Again}\n"
        "locations:\n  - {id: l, name: L, specialties: [cardio]}\n"
        "trust: {reviewed_by: {/a/: nobody}}\n"
        "pathway: [overview, overview]\n"
    )
    with pytest.raises(ConfigError) as caught:
        parse_site_model(text, tmp_path / "site.yml")
    what = caught.value.what
    for fragment in (
        "conditions[1].id: duplicate id 'a' (also conditions[0])",
        "conditions[0].related[0]: a condition cannot be related to itself",
        "locations[0].specialties[0]: unknown specialty 'cardio'",
        "trust.reviewed_by./a/: unknown provider 'nobody'",
        "pathway[1]: 'overview' is listed twice",
    ):
        assert fragment in what


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "the site model is empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("site: {name: X, base_url: 'https://x.org'}\nproviders: {cvs: p.csv}\n", "expected a list or {csv: FILE}"),
        ("site: {name: X, base_url: 'https://x.org'}\nproviders: {csv: missing.csv}\n", "not found"),
        ("page_types: []\n", "site: required key is missing"),
    ],
)
def test_structural_errors(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment.replace("{", r"\{").replace("}", r"\}")):
        parse_site_model(text, tmp_path / "site.yml")


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="site model not found"):
        load_site_model(DATA / "nope.yml")


def test_unquoted_capture_in_flow_mapping_gets_a_quoting_hint(tmp_path: Path) -> None:
    text = "site: {name: X, base_url: 'https://x.org'}\npage_types:\n  - {match: /c/{condition}/, type: condition}\n"
    with pytest.raises(ConfigError) as caught:
        parse_site_model(text, tmp_path / "site.yml")
    assert caught.value.where == "line 3" and "quote patterns" in caught.value.fix


@pytest.mark.parametrize(("value", "reason"), [("true", "valid integer"), ("1000000000000000000000000000000", "less than"),
                                               ("'3'", "valid integer")])
def test_thresholds_are_whole_numbers_in_range(value: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "site.yml"
    path.write_text(f"site:\n  name: X\n  base_url: https://x.example\nthresholds:\n  max_depth: {value}\n")
    with pytest.raises(ConfigError) as raised:
        load_site_model(path)
    assert "thresholds.max_depth" in str(raised.value) and reason in str(raised.value) and "line 5" in str(raised.value)


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    """A "billion laughs" site.yml of a few hundred bytes: one clear error, at once."""
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, below in zip("bcdefghij", "abcdefghi"):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{below}"] * 9) + "]")
    path = tmp_path / "site.yml"
    path.write_text("site:\n  name: X\n  base_url: https://x.example\n" + "\n".join(levels) + "\n")
    with pytest.raises(ConfigError, match=r"YAML aliases \(\*name\) are not allowed.*line 5"):  # the first *a
        load_site_model(path)


@pytest.mark.timeout(60)
def test_thousands_of_wrong_references_are_reported_without_scanning_every_id_each_time(tmp_path: Path) -> None:
    """`treats` written as names instead of ids, for 3,000 providers: one error, quickly (it took
    22 s for 1,000 providers and never finished for 3,000)."""
    lines = ["site:\n  name: X\n  base_url: https://x.example\nconditions:\n"]
    lines += [f"  - {{id: cond-{i}, name: Condition {i}}}\n" for i in range(3000)]
    lines.append("providers:\n")
    lines += [f'  - {{id: p-{i}, name: P {i}, treats: ["Condition number {i}"]}}\n' for i in range(3000)]
    path = tmp_path / "site.yml"
    path.write_text("".join(lines))
    with pytest.raises(ConfigError, match=r"providers\[0\]\.treats\[0\]: unknown condition 'Condition number 0'"):
        load_site_model(path)


def test_csv_lists_stay_inside_the_folder_of_site_yml_unless_absolute(tmp_path: Path) -> None:
    """`csv:` reads a file next to site.yml; `../` cannot reach files elsewhere on the disk, an
    absolute path is read because someone wrote it on purpose."""
    folder = tmp_path / "model"
    folder.mkdir()
    outside = tmp_path / "providers.csv"
    outside.write_text("id,name\nlena-park,Lena Park\n", encoding="utf-8")
    head = "site: {name: X, base_url: 'https://x.org'}\n"
    with pytest.raises(ConfigError, match="outside the folder of site.yml") as caught:
        parse_site_model(head + "providers: {csv: ../providers.csv}\n", folder / "site.yml")
    assert caught.value.where == "line 2" and "absolute path" in caught.value.fix
    model = parse_site_model(head + f"providers: {{csv: '{outside}'}}\n", folder / "site.yml")
    assert [p.id for p in model.providers] == ["lena-park"]
    (folder / "lists").mkdir()
    (folder / "lists" / "providers.csv").write_text("id,name\nomar-reyes,Omar Reyes\n", encoding="utf-8")
    model = parse_site_model(head + "providers: {csv: lists/providers.csv}\n", folder / "site.yml")
    assert [p.id for p in model.providers] == ["omar-reyes"]



def test_the_yaml_tree_is_freed_before_the_model_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The node tree (a position for every value, twice the model's size: 98 MB for the L tier's
    site.yml) is gone when validation builds the model, so the two are never in memory together."""
    validate = SiteModel.model_validate
    nodes_alive: list[int] = []

    def counting_validate(cls: type[SiteModel], data: object) -> SiteModel:
        gc.collect()
        nodes_alive.append(sum(1 for thing in gc.get_objects() if isinstance(thing, yaml.Node)))
        return validate(data)

    monkeypatch.setattr(SiteModel, "model_validate", classmethod(counting_validate))
    conditions = "".join(f"  - id: condition-{i}\n    name: \"Condition {i}\"\n" for i in range(200))
    model = parse_site_model("site:\n  name: Example\n  base_url: https://www.example.org\nconditions:\n" + conditions,
                             tmp_path / "site.yml")
    assert len(model.conditions) == 200
    assert nodes_alive == [0]
