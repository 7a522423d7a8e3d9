"""The site model read in a child process (archmodel/ingest/prepared.py): the load gets the same
rows, names and errors as reading it in its own process, and keeps no entity of the model."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from archmodel.errors import ConfigError, InputError
from archmodel.ingest.anchor_facts import ConditionNames, OwnNames
from archmodel.ingest.entities import EntityRows, EntityRowsOnDisk, build_entity_rows
from archmodel.ingest.prepared import prepare_site_model
from archmodel.ingest.sitemodel import load_site_model

SEED_MODEL = Path(__file__).resolve().parents[2] / "seed_data" / "site.yml"


def on_disk_as_rows(rows: EntityRowsOnDisk) -> dict[str, object]:
    about = [row for label in ("Condition", "Specialty", "Provider", "Location") for row in rows.about(label)]
    return {"nodes": dict(rows.nodes()), "relations": dict(rows.relations()), "page_links": dict(rows.page_links()),
            "about": sorted(about, key=repr), "reviewed_by": rows.reviewed_by(), "named_urls": rows.named_urls(),
            "ids": dict(rows.ids())}


def as_rows(rows: EntityRows) -> dict[str, object]:
    return {"nodes": dict(rows.nodes), "relations": dict(rows.relations), "page_links": dict(rows.page_links),
            "about": sorted(rows.about, key=repr), "reviewed_by": rows.reviewed_by, "named_urls": rows.named_urls,
            "ids": dict(rows.ids)}


def test_rows_on_disk_read_back_as_built() -> None:
    model = load_site_model(SEED_MODEL)
    rows = build_entity_rows(model, model.normaliser.to_url)
    on_disk = EntityRowsOnDisk.of(rows)
    assert on_disk_as_rows(on_disk) == as_rows(rows)
    assert list(on_disk.nodes())[0][0] == "Condition"  # sections come back in the order they were built
    on_disk.close()
    assert on_disk.closed


@pytest.mark.parametrize("make", [lambda: EntityRowsOnDisk.of(EntityRows()), EntityRowsOnDisk.empty],
                         ids=["written", "no-model"])
def test_empty_rows_read_back_empty(make) -> None:
    on_disk = make()
    assert list(on_disk.nodes()) == [] and on_disk.about("Condition") == [] and on_disk.named_urls() == set()
    assert on_disk.ids()["Provider"] == set() and on_disk.reviewed_by() == []
    on_disk.close()
    assert on_disk.closed


def test_the_child_returns_what_reading_the_model_here_gives() -> None:
    model = load_site_model(SEED_MODEL)
    prepared = prepare_site_model(SEED_MODEL)
    to_url = model.normaliser.to_url
    rows = build_entity_rows(model, to_url)
    assert on_disk_as_rows(prepared.rows) == as_rows(rows)
    assert prepared.trust_roles == rows.trust_roles and prepared.trust_roles
    assert prepared.condition_entries == ConditionNames.entries(model)
    assert prepared.own_entries == OwnNames.entries(model, to_url)
    assert prepared.digest == hashlib.sha256(model.model_dump_json().encode()).hexdigest()
    assert prepared.peak_memory_mb > 20  # the child's own peak: an interpreter with pydantic and the model
    kept = prepared.model
    assert not (kept.conditions or kept.providers or kept.specialties or kept.locations)
    assert kept.page_types == model.page_types and kept.site == model.site and kept.trust == model.trust
    assert kept.csv_files == model.csv_files and kept.warnings == model.warnings
    for path in ("/", "/conditions/asthma/", "/doctors/maria-okafor/", "/about/"):
        assert kept.classify(path) == model.classify(path)
    prepared.rows.close()


@pytest.mark.parametrize(
    "text",
    ["site: [unclosed\n", "site:\n  base_url: https://a.example\nsite:\n  base_url: https://b.example\n",
     "site:\n  base_url: https://a.example\nconditions:\n  - id: x\n    related: [nowhere]\n"],
)
def test_a_model_that_cannot_be_read_fails_with_the_error_reading_it_here_gives(tmp_path: Path, text: str) -> None:
    path = tmp_path / "site.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as here:
        load_site_model(path)
    with pytest.raises(ConfigError) as child:
        prepare_site_model(path)
    assert (child.value.what, child.value.where, child.value.fix) == (here.value.what, here.value.where, here.value.fix)
    assert str(child.value) == str(here.value)


def test_a_missing_model_fails_as_before(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="site model not found"):
        prepare_site_model(tmp_path / "absent.yml")


def test_user_errors_survive_pickling_with_their_parts() -> None:
    error = InputError("bad row", "pages.csv", 12, "fix the row")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InputError
    assert (copy.what, copy.where, copy.fix, copy.file, copy.line) == (error.what, error.where, error.fix, "pages.csv", 12)
    assert str(copy) == str(error) == "Error: bad row (pages.csv, line 12) - fix the row"
