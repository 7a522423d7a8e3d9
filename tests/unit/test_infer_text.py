"""What a page says, read without its URL: stage phrases, people, places, names in three languages."""

from __future__ import annotations

import pytest

from archmodel.infer.matcher import TermMatcher
from archmodel.infer.text import place_name, stage_of, title_parts
from archmodel.infer.vocabulary import vocabulary
from archmodel.names import clean_person, fold, person_credential, person_key


@pytest.mark.parametrize(("text", "stage"), [
    ("How is sciatica diagnosed?", "diagnosis"),
    ("how-is-it-diagnosed", "diagnosis"),
    ("what-are-the-symptoms", "symptoms"),
    ("how-is-it-treated", "treatment"),
    ("Sciatica: signs and symptoms", "symptoms"),
    ("ACL tear symptoms", "symptoms"),
    ("Symptoms and causes", "symptoms"),
    ("Recovery after ACL tear treatment", "follow_up"),
    ("Living with diabetes", "follow_up"),
    ("Diagnosing heart failure", "diagnosis"),
    ("Síntomas de la ciática", "symptoms"),
    ("¿Cómo se diagnostica la diabetes?", "diagnosis"),
    ("¿Cómo se trata la hernia discal?", "treatment"),
    ("Sintomas de diabetes", "symptoms"),
    ("Como é diagnosticada a hipertensão?", "diagnosis"),
    # the whole story, or the condition's own page: no single stage
    ("Diabetes - symptoms, causes and treatment", None),
    ("Sciatica Treatment in Austin", None),
    ("Herniated Disc Treatment", None),
    ("Treatment for Neck Pain at Desert Spine", None),  # clinics title the condition's own page so
    ("Tratamiento de la hernia discal", None),
    ("Diabetes: causes, care and specialists", None),
])
def test_stage_of_reads_titles_and_slugs_in_three_languages(text: str, stage: str | None) -> None:
    assert stage_of(text) == stage


@pytest.mark.parametrize(("text", "expected"), [
    ("Amara Okonkwo, MD", ("Amara Okonkwo", "MD")),
    ("Maria Lopez, DPT", ("Maria Lopez", "DPT")),
    ("John Smith PA-C", ("John Smith", "PA-C")),
    ("Book an appointment with Dr. Jane Doe", ("Dr. Jane Doe", "Dr.")),
    ("Conoce a la Dra. Ana Pérez", ("Dra. Ana Pérez", "Dra.")),
    ("Dr. Theo Kieu", ("Dr. Theo Kieu", "Dr.")),
    ("Josh Reedy, MA, PA-C", ("Josh Reedy", "MA, PA-C")),
    ("Dr. Susan Sorosky Named One of the Top 100 Best Doctors in AZ 2024", None),
    ("Congratulations to Dr. Susan Sorosky MD, Named 100 Best Doctors", None),
    ("Sciatica Treatment", None),
    ("Our Team", None),
    ("Contact Us", None),
])
def test_person_with_a_credential_is_a_clinician(text: str, expected: tuple[str, str] | None) -> None:
    assert person_credential(text) == expected


def test_credits_round_trip_with_and_without_credentials() -> None:
    key = person_key("Maria Lopez")
    for credit in ("Medically reviewed by Maria Lopez, MD", "Reviewed by: Dr. Maria Lopez", "Dra. María López",
                   "Maria Lopez, DPT", "Revisado por Dra. María López"):
        assert person_key(credit) == key, credit
    assert clean_person("Book an appointment with Dr. Jane Doe") == ("Dr. Jane Doe", None)
    assert clean_person("Dr. Maria Okafor, endocrinologist") == ("Dr. Maria Okafor", "endocrinologist")


@pytest.mark.parametrize(("text", "place"), [
    ("Our Mesa Location", "Mesa"),
    ("Our Round Rock Location", "Round Rock"),
    ("Nuestra ubicación en Gilbert", "Gilbert"),
    ("Chiropractor in Cedar Park, TX", "Cedar Park"),
    ("Riverside Clinic", "Riverside"),
    ("Unidade Moema", "Moema"),
    ("Heart rhythm clinic", None),
    ("Condo owner resource centre", None),
    ("About Our Practice", None),
    ("Centro de Endoscopia", None),
])
def test_place_names_without_boilerplate(text: str, place: str | None) -> None:
    assert place_name(text) == place


def test_title_parts_drop_the_site_name_even_when_shortened() -> None:
    assert title_parts("Sciatica Treatment in Austin | Hill Country Spine", "Hill Country Spine") == [
        "Sciatica Treatment in Austin"]
    assert title_parts("Diabetes | Northside", "Northside Endocrine & Metabolic Center") == ["Diabetes"]


def test_fold_drops_accents_apostrophes_and_punctuation() -> None:
    assert fold("Parkinson’s Disease") == fold("parkinsons-disease") == "parkinsons disease"
    assert fold("Síntomas de la ciática") == "sintomas de la ciatica"


def test_matcher_finds_whole_words_longest_first() -> None:
    matcher = TermMatcher([("diabetes", 1), ("type 2 diabetes", 2), ("ms", 3)])
    assert [f.value for f in matcher.find("Living with type 2 diabetes")] == [2]
    assert matcher.find("forms and terms") == []
    assert matcher.exact("Type-2 Diabetes") == 2


def test_vocabulary_finds_conditions_by_any_name_in_any_language() -> None:
    vocab = vocabulary()
    assert [c.id for c in vocab.conditions_in("Sciatica Treatment in Austin | Clinic")] == ["sciatica"]
    assert vocab.conditions_in("Dolor de ciática: síntomas")[0].id == "sciatica"
    assert vocab.conditions_in("Living with MS")[0].id == "multiple-sclerosis"
    assert vocab.conditions_in("forms for new patients") == []  # "ms" only in capitals
    assert vocab.conditions_in("AFib care")[0].id == "atrial-fibrillation"
    assert vocab.treatment("Spinal Decompression").kind != "test"
    assert vocab.treatment("Botox") is not None and vocab.condition("Botox") is None
