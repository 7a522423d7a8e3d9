"""Place every page: a page type from its URL words and its title words together.

URL folders carry most of the signal on medical sites (`/conditions/`, `/heart-conditions/`,
`/health/a-z/`, `/doctors/`), and words are matched on hyphen-separated tokens so `heart-conditions`
and `conditions-we-treat` both count. Titles settle what folders leave open: a stage page
("Symptoms of ...", "How ... is diagnosed") under a condition, a practitioner ("Dr. ...") in a
folder with another name, a specialty hub ("Cardiology", "Heart & Vascular") among services.
A page under a condition folder that has entity children of its own is an index ("Knee
conditions"), not a condition.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from archmodel.infer.evidence import Evidence
from archmodel.infer.vocabulary import Vocabulary, fold

# folder tokens -> the type of the entity pages under the folder (first listed wins on a tie)
FOLDER_TOKENS: list[tuple[str, frozenset[str]]] = [
    ("policy", frozenset("privacy terms disclaimer medical-disclaimer editorial-policy editorial-process "
                         "medical-review cookie-policy cookies hipaa legal non-emergency-care".split())),
    ("telehealth", frozenset("telehealth telemedicine virtual-care virtual-visits video-visits "
                             "online-consultation".split())),
    ("appointment", frozenset("appointments appointment book booking book-appointment request-appointment "
                              "schedule find-a-specialist second-opinion".split())),
    ("test", frozenset("tests diagnostics lab-tests labs imaging screenings screening "
                       "tests-and-procedures".split())),
    ("treatment", frozenset("treatments therapies procedures surgery surgeries treatment-options".split())),
    ("condition", frozenset("conditions diseases disorders illnesses injuries a-z az "
                            "health-a-z conditions-we-treat conditions-treated".split())),
    ("provider", frozenset("providers doctors physicians find-a-doctor our-doctors clinicians specialists "
                           "team our-team staff experts surgeons medical-reviewers reviewers".split())),
    ("location", frozenset("locations clinics offices hospitals our-locations facilities".split())),
    ("specialty_hub", frozenset("specialties specialities departments centers centres programs institutes "
                                "clinical-services our-specialties care".split())),
    ("service", frozenset("services".split())),
    ("blog", frozenset("blog news articles stories insights".split())),
    ("resource_hub", frozenset("resources patient-resources patient-education education library "
                               "health-library guides".split())),
]
STAGE_SEGMENTS = {
    "symptoms": "symptom", "signs-and-symptoms": "symptom", "signs": "symptom", "symptoms-and-causes": "symptom",
    "diagnosis": "diagnosis", "diagnosing": "diagnosis", "diagnosis-and-tests": "diagnosis",
    "tests": "test", "testing": "test",
    "treatment": "treatment", "treatments": "treatment", "treatment-options": "treatment",
    "follow-up": "follow_up", "followup": "follow_up", "aftercare": "follow_up", "living-with": "follow_up",
    "recovery": "follow_up", "follow-up-care": "follow_up", "outlook": "follow_up",
}
STAGE_TYPE_OF = {"symptom": "symptoms", "diagnosis": "diagnosis", "test": "tests", "treatment": "treatment",
                 "follow_up": "follow_up"}
TITLE_STAGE = [
    (re.compile(r"^(signs and )?symptoms\b|\bsymptoms of\b|\bwarning signs\b", re.I), "symptom"),
    (re.compile(r"\bdiagnos(is|ed|ing)\b", re.I), "diagnosis"),
    (re.compile(r"\bfollow[- ]up\b|\bliving (well )?with\b|\brecovery\b|\baftercare\b", re.I), "follow_up"),
]
TITLE_PROVIDER = re.compile(r"^(dr\.?|doctor)\s|,\s*(md|do|mbbs|phd|np|pa-c|dnp|facc|facs)\b", re.I)
TITLE_APPOINTMENT = re.compile(r"^(book|request|schedule|make)\b.*\b(appointment|visit|evaluation|consultation)\b", re.I)
ENTITY_TYPES = {"condition", "provider", "location", "specialty_hub"}


@dataclass(slots=True)
class Placement:
    type: str
    reason: str
    folder: str = ""  # the folder word that placed it
    depth: int = 0  # segment index of the folder word


def tokens(segment: str) -> set[str]:
    low = segment.lower()
    return {low, *low.split("-")}


def folder_type(segment: str, depth: int = 0) -> str | None:
    """A directory search (`find-a-doctor`, `find-an-expert`) is a next step, an appointment page.
    The folder kind a segment names: by any of its words at the top level (`heart-conditions`),
    by the whole segment deeper down (so an entity slug such as `heart-valve-disease` or
    `cardiac-stress-test` is not taken for a folder)."""
    if depth == 0 and re.match(r"find-(a|an|your)-", segment.lower()):
        return "appointment"
    words = tokens(segment) if depth == 0 else {segment.lower()}
    for page_type, names in FOLDER_TOKENS:
        if words & names:
            return page_type
    return None


def title_stage(text: str) -> str | None:
    for pattern, stage in TITLE_STAGE:
        if pattern.search(text):
            return stage
    return None


class Classifier:
    def __init__(self, evidence: Evidence, vocabulary: Vocabulary) -> None:
        self.evidence = evidence
        self.vocabulary = vocabulary
        self.children: dict[str, set[str]] = defaultdict(set)
        for page in evidence.pages:
            segments = _segments(page.path)
            for depth in range(1, len(segments)):
                self.children["/".join(segments[:depth])].add(segments[depth])

    def place_all(self) -> dict[int, Placement]:
        return {i: self.place(i) for i in range(len(self.evidence.pages))}

    def place(self, page_id: int) -> Placement:
        page = self.evidence.pages[page_id]
        segments = _segments(page.path)
        text = page.text
        if not segments:
            return Placement("home", "the home page")
        if page.status is not None and 300 <= page.status < 400:
            return Placement("other", "redirects elsewhere")
        kinds = [folder_type(s, i) for i, s in enumerate(segments)]
        last = segments[-1].lower()
        key = "/".join(segments)
        has_children = bool(self.children.get(key))
        stage_children = sum(1 for c in self.children.get(key, ()) if c.lower() in STAGE_SEGMENTS)
        entity_children = len(self.children.get(key, ())) - stage_children
        # a stage sub-page of a condition: /conditions/x/symptoms/
        if len(segments) >= 3 and last in STAGE_SEGMENTS and "condition" in kinds[:-2]:
            return Placement(STAGE_SEGMENTS[last], f"stage word '{last}' under a condition", segments[kinds.index("condition")])
        # the innermost folder word decides
        for depth in range(len(segments) - 1, -1, -1):
            kind = kinds[depth]
            if kind is None:
                continue
            folder = segments[depth]
            is_folder_page = depth == len(segments) - 1
            if kind == "policy":
                return Placement("policy", f"policy word '{folder}'", folder, depth)
            if kind in ("telehealth", "appointment"):
                return Placement(kind, f"folder '{folder}'", folder, depth)
            if is_folder_page:
                return self._folder_index(kind, folder, has_children, text, depth)
            if kind == "condition":
                if entity_children >= 2 and stage_children == 0:
                    return Placement("resource_hub", f"index of conditions under '{folder}'", folder, depth)
                stage = title_stage(text) if len(segments) - depth > 2 else None
                if stage:
                    return Placement(stage, f"title '{_short(text)}' under '{folder}'", folder, depth)
                return Placement("condition", f"folder '{folder}'", folder, depth)
            if kind in ("specialty_hub", "service"):
                if len(segments) - depth > 2:
                    return Placement("other", f"deep under '{folder}'", folder, depth)
                if self.vocabulary.specialty(_clean_hub(text)) or self.vocabulary.specialty(last):
                    return Placement("specialty_hub", f"specialty name '{_short(text)}' under '{folder}'", folder, depth)
                if kind == "specialty_hub":
                    return Placement("specialty_hub", f"folder '{folder}'", folder, depth)
                return Placement("service", f"folder '{folder}'", folder, depth)
            if kind == "provider" and len(segments) - depth == 2:
                return Placement("provider", f"folder '{folder}'", folder, depth)
            if kind == "location" and len(segments) - depth == 2:
                return Placement("location", f"folder '{folder}'", folder, depth)
            if kind in ("provider", "location"):
                return Placement("other", f"deep under '{folder}'", folder, depth)
            if kind == "blog" and any(s.lower() in ("archive", "tag", "tags", "category", "page") for s in segments[depth + 1:]):
                return Placement("other", f"archive under '{folder}'", folder, depth)
            return Placement(kind, f"folder '{folder}'", folder, depth)
        # no folder word: titles alone
        if text and TITLE_PROVIDER.search(text):
            return Placement("provider", f"title '{_short(text)}'")
        if text and len(segments) == 1 and self.vocabulary.specialty(_clean_hub(text)):
            return Placement("specialty_hub", f"specialty name '{_short(text)}'")
        return Placement("other", "no folder or title word")

    def _folder_index(self, kind: str, folder: str, has_children: bool, text: str, depth: int) -> Placement:
        """The page of a folder itself (`/conditions/`, `/doctors/`): an index, or the page itself."""
        if kind == "condition":
            return Placement("resource_hub" if has_children else "other", f"index of '{folder}'", folder, depth)
        if kind == "specialty_hub" and not has_children and self.vocabulary.specialty(_clean_hub(text)):
            return Placement("specialty_hub", f"specialty name '{_short(text)}'", folder, depth)
        if kind in ("specialty_hub", "service", "location", "blog"):
            return Placement("other", f"index of '{folder}'", folder, depth)
        if kind == "provider":
            return Placement("appointment" if has_children else "other", f"directory '{folder}'", folder, depth)
        if kind in ("test", "treatment"):
            return Placement("other" if has_children else kind, f"index of '{folder}'", folder, depth)
        if kind == "resource_hub":
            return Placement("resource_hub", f"folder '{folder}'", folder, depth)
        return Placement(kind, f"folder '{folder}'", folder, depth)


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


_HUB_NOISE = re.compile(r"\s+(at|in)\s+.*$|\s+(services|program|center|centre|department|institute|care)$", re.I)


def _clean_hub(text: str) -> str:
    """`Cardiology at Lakeside Health` -> `Cardiology`; `Orthopedics and Spine | X` -> `Orthopedics and Spine`."""
    head = re.split(r"\s+[|\u2013\u2014-]\s+", text.strip())[0] if text else ""
    return _HUB_NOISE.sub("", head).strip()


__all__ = ["Classifier", "Placement", "STAGE_SEGMENTS", "STAGE_TYPE_OF", "folder_type", "fold", "title_stage"]
