"""A load's site model, read and turned into rows in a child process.

Why a child: on a site with 160,000 entities (the XL tier's 68 MB site.yml), parsing the model
and building its rows allocate about 1.2 GB of small Python objects, and freeing them gives
little back: the few that live on (entity ids, names, URLs) are scattered through that memory
and keep it with the process (measured: the model's and rows' objects freed, the process still
held 1,100 MB). A child process returns all of it to the system when it ends. The load keeps
only what it uses from then on (`PreparedModel`): the model without its entities (page types,
settings), the condition and own names that anchors and titles are matched against, the trust
roles the page rows carry, and the rows themselves on disk (entities.EntityRowsOnDisk) until
the entities phase. A site model that cannot be read fails in the child with the same error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import archmodel
from archmodel.errors import ArchmodelError, ConfigError
from archmodel.ingest.anchor_facts import ConditionNames, OwnNameEntries, OwnNames
from archmodel.ingest.entities import EntityRowsOnDisk, build_entity_rows
from archmodel.ingest.memory import peak_memory_mb
from archmodel.ingest.sitemodel import SiteModel, load_site_model
from archmodel.ingest.spool import PickleSpool


PACKAGE_ROOT = Path(archmodel.__file__).resolve().parent.parent
CHILD_ENTRY = "import sys; from archmodel.ingest.prepared import child_main; child_main(sys.argv[1:])"


@dataclass
class PreparedModel:
    """What a load keeps of its site model."""

    model: SiteModel  # without its entities (SiteModel.without_entities)
    digest: str  # of the whole model, for the crawl's fingerprint
    condition_entries: list[tuple[str, list[str]]]
    own_entries: OwnNameEntries
    trust_roles: dict[str, str]  # page URL -> "review" or "policy"
    rows: EntityRowsOnDisk  # in the child's file, which it wrote and the load reads
    peak_memory_mb: int  # the child process's


def prepare_site_model(path: Path) -> PreparedModel:
    """Read and validate the site model at `path` and write its entity rows, in a child process
    (a fresh interpreter, so that nothing of the caller's program runs again in it)."""
    with tempfile.TemporaryDirectory(prefix="archmodel-site-model-") as folder:
        rows_path, result_path = Path(folder) / "rows", Path(folder) / "result"
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(PACKAGE_ROOT), *filter(None, [environment.get("PYTHONPATH")])]
        )
        child = subprocess.run(
            [sys.executable, "-c", CHILD_ENTRY, str(Path(path)), str(rows_path), str(result_path)],
            env=environment, capture_output=True, text=True, check=False,
        )
        if not result_path.exists():
            detail = (child.stderr.strip().splitlines() or ["no message"])[-1]
            raise ConfigError(f"the site model could not be read: the process reading it ended with code "
                              f"{child.returncode} ({detail})", str(path),
                              "run `archmodel validate` on it; if it is very large, free memory and load again")
        with open(result_path, "rb") as file:
            # the rows' spool opens the child's file for reading here; it stays readable when the folder goes
            outcome = pickle.load(file)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def child_main(argv: list[str]) -> None:
    """The child: read the model at argv[0], write its rows to argv[1] and what the load keeps
    (or the user error met) to argv[2]."""
    site_path, rows_path, result_path = (Path(value) for value in argv)
    try:
        outcome: PreparedModel | ArchmodelError = _prepare(site_path, rows_path)
    except ArchmodelError as error:
        outcome = error
    with open(result_path, "wb") as file:
        pickle.dump(outcome, file, protocol=pickle.HIGHEST_PROTOCOL)


def _prepare(path: Path, rows_path: Path) -> PreparedModel:
    """Everything that needs the whole model; the rows go to the file at `rows_path`."""
    model = load_site_model(path)
    to_url = model.normaliser.to_url
    rows = build_entity_rows(model, to_url)
    spool = PickleSpool(open(rows_path, "wb"))
    offsets = EntityRowsOnDisk.write(rows, spool)
    spool.close()
    prepared = PreparedModel(
        model=model,
        digest=hashlib.sha256(model.model_dump_json().encode()).hexdigest(),
        condition_entries=ConditionNames.entries(model),
        own_entries=OwnNames.entries(model, to_url),
        trust_roles=rows.trust_roles,
        rows=EntityRowsOnDisk(spool, offsets),
        peak_memory_mb=0,
    )
    model.normaliser.forget()
    prepared.model = model.without_entities()
    prepared.peak_memory_mb = peak_memory_mb()
    return prepared
