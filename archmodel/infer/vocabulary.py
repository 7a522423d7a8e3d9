"""The bundled vocabulary: common hospital-site conditions and specialties, shipped as CSV data.

A crawl names a condition the way its editors do ("AFib", "heart rhythm problems"); the
vocabulary adds the names patients and clinicians use that a single site may not show, and
tells which specialty a condition or a practitioner title ("cardiologist") belongs to. It is read
from `archmodel/infer/data/` inside the package: nothing is downloaded at run time.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_FOLD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, apostrophes dropped, every other non-alphanumeric run one space."""
    return _FOLD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")).strip()


@dataclass(frozen=True)
class VocabularyCondition:
    id: str
    name: str
    specialty: str
    lay: tuple[str, ...]
    clinical: tuple[str, ...]
    abbreviations: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the condition goes by, the main name first."""
        return (self.name, *self.lay, *self.clinical, *self.abbreviations)


@dataclass(frozen=True)
class VocabularySpecialty:
    id: str
    name: str
    aliases: tuple[str, ...]
    practitioners: tuple[str, ...]
    words: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("archmodel.infer") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


class Vocabulary:
    """Look-ups by folded name, slug or abbreviation."""

    def __init__(self, conditions: list[VocabularyCondition], specialties: list[VocabularySpecialty]) -> None:
        self.conditions = conditions
        self.specialties = specialties
        self._condition: dict[str, VocabularyCondition] = {}
        for entry in conditions:
            for key in (entry.id, *entry.names):
                self._condition.setdefault(fold(key), entry)
        self._specialty: dict[str, VocabularySpecialty] = {}
        self._practitioner: dict[str, VocabularySpecialty] = {}
        for sp in specialties:
            for key in (sp.id, sp.name, *sp.aliases):
                self._specialty.setdefault(fold(key), sp)
            for key in sp.practitioners:
                self._practitioner.setdefault(fold(key), sp)

    def condition(self, text: str) -> VocabularyCondition | None:
        """The entry whose id, name, lay or clinical name or abbreviation is `text` (folded)."""
        return self._condition.get(fold(text))

    def specialty(self, text: str) -> VocabularySpecialty | None:
        """The specialty named by `text` ("Heart & Vascular", "orthopaedics")."""
        return self._specialty.get(fold(text))

    def practitioner(self, text: str) -> VocabularySpecialty | None:
        """The specialty of a practitioner title found in `text` ("Dr. X, cardiologist")."""
        folded = f" {fold(text)} "
        for key, sp in self._practitioner.items():
            if f" {key} " in folded:
                return sp
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    conditions = [
        VocabularyCondition(r["id"], r["name"], r["specialty"], _split(r["lay"]), _split(r["clinical"]),
                            _split(r["abbreviations"]))
        for r in _rows("conditions.csv")
    ]
    specialties = [
        VocabularySpecialty(r["id"], r["name"], _split(r["aliases"]), _split(r["practitioners"]), _split(r["words"]))
        for r in _rows("specialties.csv")
    ]
    return Vocabulary(conditions, specialties)
