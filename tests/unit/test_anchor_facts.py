"""Anchor facts the loader stores: folded anchor keys and conditions named as whole words."""

from __future__ import annotations

from types import SimpleNamespace

from archmodel.ingest.anchor_facts import ConditionNames, OwnNames, anchor_key, words


def names() -> ConditionNames:
    return ConditionNames(
        [
            ("diabetes", ["Diabetes", "type 2 diabetes", "high blood sugar"]),
            ("hypoglycemia", ["Hypoglycemia", "low blood sugar"]),
            ("crohns", ["Crohn's disease"]),
            ("hbp", ["High blood pressure", "hypertension"]),
            ("htn-shared", ["Hypertension"]),
        ]
    )


def test_anchor_key_trims_lowers_and_folds_white_space() -> None:
    assert anchor_key("  Learn\u00a0 MORE\t\n") == "learn more"
    assert anchor_key("\u2003Click here") == "click here"
    assert anchor_key("") == "" and anchor_key(None) == ""


def test_anchor_key_keeps_punctuation() -> None:
    assert anchor_key("Learn more.") == "learn more."


def test_words_split_on_punctuation_and_lower_case() -> None:
    assert words("Type-2 Diabetes: what \u201cA1C\u201d means") == ("type", "2", "diabetes", "what", "a1c", "means")


def test_a_name_or_synonym_as_whole_words_is_named() -> None:
    found = names()
    assert found.named("Managing type 2 diabetes") == ["diabetes"]
    assert found.named("LOW BLOOD SUGAR help") == ["hypoglycemia"]
    assert found.named("Crohn s disease") == ["crohns"]
    assert found.named("about crohn's disease.") == ["crohns"]


def test_part_of_a_word_is_not_a_name() -> None:
    assert names().named("prediabetes and diabetesmellitus") == []
    assert names().named("blood sugar levels") == []


def test_several_names_come_in_condition_order_once_each() -> None:
    found = names()
    assert found.named("hypoglycemia versus diabetes and diabetes") == ["diabetes", "hypoglycemia"]
    assert found.named("High blood pressure or hypertension") == ["hbp", "htn-shared"]


def test_a_shared_synonym_names_every_condition_it_belongs_to() -> None:
    assert names().named("hypertension") == ["hbp", "htn-shared"]


def test_any_of_several_texts_counts() -> None:
    assert names().named("Our blog", None, "Living with diabetes") == ["diabetes"]


def test_anchor_facts_give_key_and_names_and_ignore_surrounding_space() -> None:
    assert names().anchor_facts("\u2003Diabetes  Care ") == ("diabetes care", ["diabetes"])
    assert names().anchor_facts("") == ("", [])


def test_from_model_reads_names_and_synonyms() -> None:
    model = SimpleNamespace(
        conditions=[SimpleNamespace(id="asthma", name="Asthma", synonyms=["reactive airway disease"])]
    )
    found = ConditionNames.from_model(model)
    assert found.named("reactive airway disease in children") == ["asthma"]
    assert ConditionNames.from_model(SimpleNamespace(conditions=[])).named("asthma") == []


def test_own_names_of_profiles_and_locations() -> None:
    own = OwnNames.from_model(
        SimpleNamespace(
            providers=[SimpleNamespace(id="mo", name="Dr. Maria Okafor", page="/providers/maria-okafor/")],
            locations=[SimpleNamespace(id="dt", name="Downtown Medical Center", page="/locations/downtown/")],
        ),
        lambda path: "https://x.example" + path,
    )
    profile, place = "https://x.example/providers/maria-okafor/", "https://x.example/locations/downtown/"
    assert own.named("Dr. Maria Okafor, endocrinologist", profile) is True
    assert own.named("MARIA OKAFOR, M.D.", profile) is True  # no "Dr.", other credentials, any case
    assert own.named("Dr. Okafor", profile) is None  # the surname alone is not the name
    assert own.named("Maria Okaforova", profile) is None  # whole words only
    assert own.named("Dr. Maria Okafor", place) is None  # her name is not the location's
    assert own.named("Downtown Medical Center", place) is True
    assert own.named("our downtown clinic", place) is None
    own.add_page("https://x.example/doctors/maria-okafor/", "Provider", "mo")  # captured from the URL
    own.add_page("https://x.example/doctors/nobody/", "Provider", "nobody")  # not in the site model
    assert own.named("Maria Okafor", "https://x.example/doctors/maria-okafor/") is True
    assert own.named("Maria Okafor", "https://x.example/doctors/nobody/") is None
