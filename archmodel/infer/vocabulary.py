"""The bundled vocabulary: conditions, treatments and specialties, shipped as CSV data.

A crawl names a condition the way its editors do ("AFib", "heart rhythm problems", "ciática");
the vocabulary holds the names patients and clinicians use in English, Spanish and Portuguese,
so that what a page's title, H1 or slug says can be read as "this page is about sciatica" on any
URL scheme. It also tells which specialty a condition or a practitioner title ("cardiologist")
belongs to, and which names are treatments and procedures (never conditions). Clinical names and
inclusion terms come from ICD-10-CM through `simple-icd-10-cm` for entries that carry a code.
Everything is read from `archmodel/infer/data/` and the installed package: nothing is downloaded
at run time.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import simple_icd_10_cm as icd

from archmodel.names import fold
from archmodel.infer.matcher import TermMatcher

ICD_NOISE = re.compile(r",?\s*\b(unspecified|not elsewhere classified|nec|nos|other specified|unspecified site|"
                       r"unspecified side|initial encounter|without complication)\b.*$", re.I)
ICD_MAX_WORDS = 6
ABBREVIATION_WORD = re.compile(r"\b\w*[A-Z]\w*[A-Z]\w*\b")  # two capitals at least: COPD, AFib, ACL
# words a page title adds to a procedure's name without naming another one: "Root Canal Treatment"
TREATMENT_TAIL = {"treatment", "treatments", "therapy", "procedure", "procedures", "surgery"}
TREATMENT_HEAD = re.compile(r"^(tratamiento|tratamento|cirugia|cirurgia) (de |del |da |do |dos |das )?")


@dataclass(frozen=True)
class VocabularyCondition:
    id: str
    name: str
    specialty: str
    lay: tuple[str, ...]
    clinical: tuple[str, ...]
    abbreviations: tuple[str, ...]
    spanish: tuple[str, ...] = ()
    portuguese: tuple[str, ...] = ()
    icd10: str = ""
    icd_terms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every English name the condition goes by, the main name first."""
        return (self.name, *self.lay, *self.clinical, *self.abbreviations)

    @property
    def all_names(self) -> tuple[str, ...]:
        """English, Spanish, Portuguese and ICD-10-CM names: what a page in any of them may say."""
        return (*self.names, *self.spanish, *self.portuguese, *self.icd_terms)


@dataclass(frozen=True)
class VocabularyTreatment:
    id: str
    name: str
    specialty: str
    kind: str  # procedure, surgery, therapy, medication-class, cosmetic, test, service
    names: tuple[str, ...]


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
    """Look-ups by folded name, slug or abbreviation, and finds of any name inside a text."""

    def __init__(self, conditions: list[VocabularyCondition], specialties: list[VocabularySpecialty],
                 treatments: list[VocabularyTreatment] = ()) -> None:
        self.conditions = conditions
        self.specialties = specialties
        self.treatments = list(treatments)
        self._condition: dict[str, VocabularyCondition] = {}
        for entry in conditions:
            for key in (entry.id, *entry.names):
                self._condition.setdefault(fold(key), entry)
        for entry in conditions:  # other languages and ICD terms never shadow an English name
            for key in (*entry.spanish, *entry.portuguese, *entry.icd_terms):
                self._condition.setdefault(fold(key), entry)
        self._treatment: dict[str, VocabularyTreatment] = {}  # folded name -> entry: one look-up per form of a title
        for t in self.treatments:
            for name in (t.name, *t.names):
                self._treatment.setdefault(fold(name), t)
        self._specialty: dict[str, VocabularySpecialty] = {}
        self._practitioner: dict[str, VocabularySpecialty] = {}
        for sp in specialties:
            for key in (sp.id, sp.name, *sp.aliases):
                self._specialty.setdefault(fold(key), sp)
                self._specialty.setdefault(_without_and(fold(key)), sp)
            for key in sp.practitioners:
                self._practitioner.setdefault(fold(key), sp)

    @cached_property
    def condition_finder(self) -> TermMatcher[VocabularyCondition]:
        """Every condition name (abbreviations only as written in capitals, see `conditions_in`)."""
        return TermMatcher((key, entry) for key, entry in self._condition.items()
                           if not _is_abbreviation(key, entry))

    @cached_property
    def abbreviation_finder(self) -> TermMatcher[VocabularyCondition]:
        return TermMatcher((key, c) for key, c in self._condition.items() if _is_abbreviation(key, c))

    @cached_property
    def treatment_finder(self) -> TermMatcher[VocabularyTreatment]:
        return TermMatcher((name, t) for t in self.treatments for name in (t.name, *t.names))

    @cached_property
    def specialty_finder(self) -> TermMatcher[VocabularySpecialty]:
        return TermMatcher((key, sp) for key, sp in self._specialty.items())

    def conditions_in(self, text: str) -> list[VocabularyCondition]:
        """The conditions a text names, in text order: by any name, or by an abbreviation written in
        capitals in the text ("ACL tear", "COPD"), never by a lower-case word that happens to be
        one ("als" in Spanish, "ms" in "forms")."""
        found = self.condition_finder.find(text)
        out = [f.value for f in found]
        capitals = set(ABBREVIATION_WORD.findall(text))
        if capitals:
            for hit in self.abbreviation_finder.find(" ".join(capitals)):
                if hit.value not in out:
                    out.append(hit.value)
        return out

    def treatment(self, text: str) -> VocabularyTreatment | None:
        """The treatment or procedure `text` is the name of. Practice sites title a procedure page
        as they like ("Root Canal Treatment", "Dental Implant", "Tratamiento de ortodoncia") while
        the vocabulary holds one form ("Root canal", "Dental implants", "ortodoncia"): a trailing or
        leading generic word and the number of the last word do not change which procedure it is."""
        for key in _treatment_forms(fold(text)):
            found = self._treatment.get(key)
            if found is not None:
                return found
        return None

    def condition(self, text: str) -> VocabularyCondition | None:
        """The entry whose id, name, lay or clinical name or abbreviation is `text` (folded)."""
        return self._condition.get(fold(text))

    def specialty(self, text: str) -> VocabularySpecialty | None:
        """The specialty named by `text` ("Heart & Vascular", "orthopaedics", "Endodontics (Root Canal
        Specialists)"): "&" and "and" read alike, a parenthesised aside is dropped."""
        key = fold(text)
        return self._specialty.get(key) or self._specialty.get(_without_and(fold(re.sub(r"\([^)]*\)", " ", text))))

    def practitioner(self, text: str) -> VocabularySpecialty | None:
        """The specialty of a practitioner title found in `text` ("Dr. X, cardiologist")."""
        folded = f" {fold(text)} "
        for key, sp in self._practitioner.items():
            if f" {key} " in folded:
                return sp
        return None


def _treatment_forms(folded: str) -> list[str]:
    """`folded` as written, without a generic head or tail word, each also with its last word's
    English number switched (implant / implants); the written form first."""
    words = folded.split()
    bases = [folded]
    if len(words) > 1 and words[-1] in TREATMENT_TAIL:
        bases.append(" ".join(words[:-1]))
    headless = TREATMENT_HEAD.sub("", folded)
    if headless != folded and headless:
        bases.append(headless)
    forms = list(bases)
    for base in bases:
        last = base.rsplit(" ", 1)[-1]
        if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
            forms.append(base[:-1])
        elif len(last) > 2 and not last.endswith("s"):
            forms.append(base + "s")
    return forms


def _without_and(folded: str) -> str:
    return " ".join(w for w in folded.split() if w not in ("and", "y", "e"))


def _is_abbreviation(key: str, entry: VocabularyCondition) -> bool:
    """A name written in capitals anywhere in the entry ("MS", "AFib" is not): found only when a
    text writes it in capitals too."""
    return any(fold(n) == key and (n.isupper() or n in entry.abbreviations and len(key) <= 3)
               for n in entry.all_names)


def icd_terms(code: str) -> tuple[str, ...]:
    """Short clinical names of an ICD-10-CM code: its description and inclusion terms, and those of
    its direct children, without the classification's qualifiers ("unspecified", "NEC")."""
    code = code.strip()
    if not code or not icd.is_valid_item(code):
        return ()
    terms: list[str] = []
    for item in (code, *icd.get_children(code)):
        for text in (icd.get_description(item), *icd.get_inclusion_term(item)):
            cleaned = ICD_NOISE.sub("", text).strip(" ,;")
            cleaned = re.sub(r"\s*\[[^\]]*\]|\s*\([^)]*\)", "", cleaned).strip()
            if cleaned and len(cleaned.split()) <= ICD_MAX_WORDS and not cleaned.lower().startswith("other "):
                terms.append(cleaned)
    return tuple(dict.fromkeys(terms))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    conditions = [
        VocabularyCondition(r["id"], r["name"], r["specialty"], _split(r["lay"]), _split(r["clinical"]),
                            _split(r["abbreviations"]), _split(r.get("es") or ""), _split(r.get("pt") or ""),
                            (r.get("icd10") or "").strip(), icd_terms(r.get("icd10") or ""))
        for r in _rows("conditions.csv")
    ]
    specialties = [
        VocabularySpecialty(r["id"], r["name"], _split(r["aliases"]), _split(r["practitioners"]), _split(r["words"]))
        for r in _rows("specialties.csv")
    ]
    treatments = [
        VocabularyTreatment(r["id"], r["name"], r["specialty"], r["kind"],
                            _split(r.get("lay") or "") + _split(r.get("es") or "") + _split(r.get("pt") or ""))
        for r in _rows("treatments.csv")
    ] if (resources.files("archmodel.infer") / "data" / "treatments.csv").is_file() else []
    return Vocabulary(conditions, specialties, treatments)
