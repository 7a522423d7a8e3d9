"""Place every page: a page type from what the page says, with its URL as one more witness.

Two independent readings of each page are weighed:

- **what it says** (`_by_text`): its H1 and title (and slug words) read against the vocabulary and
  the phrases of `archmodel.infer.text`, in English, Spanish and Portuguese: a condition by any of
  its names, a stage of one ("How is sciatica diagnosed?"), a person with a credential, a place, a
  booking, telehealth or policy page;
- **where it sits** (`_by_url`): folder words matched on hyphen tokens at the top level
  (`heart-conditions`, `conditions-we-treat`) and on whole segments deeper, stage segments under a
  condition, date permalinks.

The stronger reading wins, so a `find-a-doctor/amara-okonkwo-md` page titled "Amara Okonkwo, MD"
is a provider and a `/health-library/asthma/` page titled "Asthma" a condition, while a site
whose folders say everything still reads as before. Then the site teaches itself: pages of one
URL template follow the type most of their confidently placed siblings have, and a question page
with no name of its own ("How is it diagnosed?") is a stage of the condition page above it.

Never an entity, whatever else they say: rows never fetched (status 0), errors, redirects, soft
404 templates, archive pages (tag, category, author, pagination, feeds), attachments, a URL whose
canonical is another, a mixed-case twin of a lower-case URL. Pages of a second-language mirror
(`/es/...` beside an English site) are typed like the others but marked with their language, so
the model takes its entities from the main language and lists the mirror pages as translations.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from archmodel.infer.evidence import Evidence, PageInfo
from archmodel.names import clinical, fold, person_credential
from archmodel.infer.names import site_name
from archmodel.infer.text import (ARTICLE_QUESTION, BOOKING, CONTACT, LISTING_TABS, NON_CLINICAL_ROLE, NOT_FOUND, POLICY,
                                  RESEARCH, TABS, TELEHEALTH, place_name, stage_of, title_parts)
from archmodel.infer.vocabulary import Vocabulary

# folder tokens -> the type of the entity pages under the folder (first listed wins on a tie)
FOLDER_TOKENS: list[tuple[str, frozenset[str]]] = [
    ("policy", frozenset("privacy terms disclaimer medical-disclaimer editorial-policy editorial-process "
                         "medical-review cookie-policy cookies hipaa legal non-emergency-care".split())),
    ("telehealth", frozenset("telehealth telemedicine virtual-care virtual-visits video-visits "
                             "online-consultation telemedicina teleconsulta".split())),
    ("appointment", frozenset("appointments appointment book booking book-appointment request-appointment "
                              "schedule find-a-specialist second-opinion citas cita agendar pedir-cita".split())),
    ("test", frozenset("tests diagnostics lab-tests labs imaging screenings screening "
                       "tests-and-procedures pruebas examenes exames".split())),
    ("treatment", frozenset("treatments therapies procedures surgery surgeries treatment-options tratamientos "
                            "tratamentos procedimientos procedimentos cirugias cirurgias".split())),
    ("condition", frozenset("conditions diseases disorders illnesses injuries a-z az "
                            "health-a-z conditions-we-treat conditions-treated areas-we-treat what-we-treat condiciones enfermedades "
                            "padecimientos "
                            "doencas condicoes".split())),
    ("provider", frozenset("providers doctors physicians find-a-doctor our-doctors clinicians specialists "
                           "team our-team staff experts surgeons medical-reviewers reviewers medicos doctores "
                           "especialistas equipo nuestro-equipo equipe nossa-equipe faculty profiles care-team medical-staff biographies bios "
                           "corpo-clinico".split())),
    ("location", frozenset("locations clinics offices hospitals our-locations facilities medical-centers medical-centres "
                           "health-centers ubicaciones sedes "
                           "clinicas unidades localizacoes".split())),
    ("specialty_hub", frozenset("specialties specialities departments centers centres programs institutes "
                                "clinical-services our-specialties especialidades".split())),
    ("follow_up", frozenset("aftercare after-care post-op-instructions post-op post-operative-instructions "
                            "post-operative-care recovery-guides cuidados-posteriores".split())),
    ("service", frozenset("services servicios servicos".split())),
    ("blog", frozenset("blog news articles stories insights noticias articulos artigos".split())),
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
TYPE_OF_STAGE = {"symptoms": "symptom", "diagnosis": "diagnosis", "tests": "test", "treatment": "treatment",
                 "follow_up": "follow_up"}
ENTITY_TYPES = {"condition", "provider", "location", "specialty_hub"}
ARCHIVE_SEGMENTS = {"tag", "tags", "category", "categories", "categoria", "categorias", "author", "authors", "autor",
                    "page", "feed", "rss", "attachment", "wp-content", "wp-json", "search", "etiqueta", "etiquetas"}
LANGUAGES = {"es", "pt", "en", "fr", "de", "it", "zh", "ko", "vi", "ar", "ru", "ht", "es-us", "es-mx", "es-es", "pt-br",
             "pt-pt", "en-us", "en-gb", "espanol", "spanish", "portugues"}
DATE_SEGMENT = re.compile(r"^(19|20)\d\d$")
CONDITION_MORPHOLOGY = re.compile(
    r"\b\w+(itis|osis|algia|pathy|opathy|oma|emia|plegia|ectasis|iasis)\b|\b(syndrome|disease|disorder|injury|injuries|pain|"
    r"tear|fracture|sprain|strain|cancer|infection|deficiency|stenosis|hernia|palsy|dysfunction|instability|impingement|"
    r"tendonitis|arthritis|ache|headaches?|migraines?|sindrome|enfermedad|trastorno|lesion|dolor|doenca|transtorno|"
    r"lesao|dor)\b")
TREATMENT_NAMED = re.compile(r"^(\w+ )?(treatments?|therapy|care|relief|specialists?|doctors?|tratamiento|tratamento|terapia)\b")
TREATMENT_WORDS = re.compile(r"\b(treatments?|therapy|therapies|surgery|prevention|management|program|clinic|center|"
                             r"tratamiento|tratamento|terapia|cirugia|cirurgia|prevencion|prevencao)\b")
TEST_WORDS = re.compile(r"\b(tests?|testing|screening|scan|mri|ct|x ray|xray|ultrasound|imaging|biopsy|panel|"
                        r"exam|examination|study|monitoring|prueba|pruebas|examen|estudio|exame|exames)\b")
FOLDER_WORDS = dict(FOLDER_TOKENS)
CONDITION_FOLDERS = FOLDER_WORDS["condition"]  # whole folder names that hold conditions (`conditions`, `doencas`)
SERVICE_WORDS = re.compile(r"\b(unit|center|centre|program|programme|clinic|service|services|department|lab|laboratory)\b")
ARTICLE_LEAD = re.compile(r"^(preparing|prepare|getting ready|what to expect|how to|questions|tips|your|a guide|guide)\b")
BOOKING_PATH = re.compile(r"contact|book|appointment|consult|schedule|cita|agendar|contato|contacto", re.I)
WHAT_IS = re.compile(r"^(what (is|are)|que es|o que e)\b")
# procedures only clinicians perform: a practice whose pages are "Root canal", "Tooth extraction" and
# "Dental implants" is medical even with no condition page; cosmetic and service entries ("Teeth
# whitening", "Dentures") and medication classes are sold by shops and spas as well
CLINICAL_KINDS = {"surgery", "procedure", "test", "therapy"}
CARE_WORDS = set("care health wellness medical medicine pain sleep vein weight women womens children childrens kids "
                 "pediatric cancer heart breast eye skin spine joint sports rhythm rehab rehabilitation therapy "
                 "physical surgery surgical urgent walk primary family dental headache memory wound diabetes "
                 "imaging lab laboratory infusion dialysis fertility birth maternity behavioral mental".split())
FILLER = re.compile(r"\b(what is|what are|about|understanding|overview|learn about|all about|guide to|que es|o que e|"
                    r"childhood|pediatric|paediatric|juvenile|infantile|congenital|in children|in kids|infantil|"
                    r"in|near|for|the|a|an|and|of|de|en|em|para|del|la|el|do|da)\b")


@dataclass(slots=True)
class Placement:
    type: str
    reason: str
    folder: str = ""  # the folder word that placed it
    depth: int = 0  # segment index of the folder word
    strength: float = 0.5  # how sure the reading that placed it is (0 = nothing said it)
    subject: str = ""  # condition and stage pages: the vocabulary id (or folded name) they are about
    language: str = ""  # a second-language mirror's prefix (`es`); "" for the site's main language
    excluded: bool = False  # never an entity (see the module docstring)
    question_stage: str = ""  # a stage its title or slug names without naming a condition
    medical: bool = False  # what it says is medical: a vocabulary condition, a clinician, a specialty, a clinical procedure


def tokens(segment: str) -> set[str]:
    low = segment.lower()
    return {low, *low.split("-")}


def folder_type(segment: str, depth: int = 0) -> str | None:
    """The folder kind a segment names: by any of its words at the top level (`heart-conditions`),
    by the whole segment deeper down (so an entity slug such as `heart-valve-disease` or
    `cardiac-stress-test` is not taken for a folder). A directory search at the top level
    (`find-a-doctor`, `find-an-expert`) is a next step, an appointment page."""
    if depth == 0 and re.match(r"find-(a|an|your)-", segment.lower()):
        return "appointment"
    words = tokens(segment) if depth == 0 else {segment.lower()}
    if depth == 0 and words & CONDITION_FOLDERS:  # `conditions-and-treatments` holds conditions
        return "condition"
    for page_type, names in FOLDER_TOKENS:
        if words & names:
            return page_type
    return None


def title_stage(text: str) -> str | None:
    """The stage page type a title names ("symptom", "diagnosis", ...), or None."""
    stage = stage_of(text)
    return TYPE_OF_STAGE.get(stage) if stage else None


class Classifier:
    def __init__(self, evidence: Evidence, vocabulary: Vocabulary) -> None:
        self.evidence = evidence
        self.vocabulary = vocabulary
        self.site = site_name(evidence.home_title, evidence.host, (p.title for p in evidence.pages))
        self.children: dict[str, set[str]] = defaultdict(set)
        for page in evidence.pages:
            segments = _segments(page.path)
            for depth in range(1, len(segments)):
                self.children["/".join(segments[:depth])].add(segments[depth])
        self.mirrors = _mirror_prefixes(evidence)
        self._lower = {p.path for p in evidence.pages if p.path == p.path.lower()}
        # words that make "X clinic" a service ("Heart rhythm clinic"), not a place ("Riverside Clinic")
        self.care_words = CARE_WORDS | {w for sp in vocabulary.specialties
                                        for text in (sp.name, *sp.aliases, *sp.words) for w in fold(text).split()}

    def place_all(self) -> dict[int, Placement]:
        placed = {i: self.place(i) for i in range(len(self.evidence.pages))}
        self._like_siblings(placed)
        self._questions_under_conditions(placed)
        self._article_folders(placed)
        self._posts_beside_a_condition_folder(placed)
        return placed

    def place(self, page_id: int) -> Placement:
        page = self.evidence.pages[page_id]
        segments = _segments(page.path)
        if not segments:
            return Placement("home", "the home page", strength=1.0)
        language = segments[0].lower() if segments[0].lower() in self.mirrors else ""
        excluded = self._excluded(page, segments)
        if excluded:
            return Placement("other", excluded, strength=1.0, language=language, excluded=True)
        named = entity_segments(page.path)  # a trailing content id (`syc-20356456`) says nothing
        url = self._by_url(page_id, named[1:] if language else named)
        said = self._by_text(page, named)
        chosen = url
        if (said is None or said.type == "other") and url.type == "condition" and url.strength < 0.45:  # `/conditions-pregnancy/`
            chosen = Placement("other", f"{url.reason}, but its heading names no condition", strength=0.2)
        if said is not None:
            if said.type == url.type:
                chosen = url
                chosen.strength = max(url.strength, said.strength)
                chosen.subject = said.subject or url.subject
                chosen.reason = f"{url.reason}; {said.reason}" if url.strength else said.reason
            elif said.strength > url.strength:
                chosen = said
                if url.strength:
                    chosen.reason = f"{said.reason} (the URL says {url.type})"
            chosen.question_stage = said.question_stage
            chosen.medical = said.medical
        chosen.language = language
        return chosen

    # -- never an entity ---------------------------------------------------------------------

    def _excluded(self, page: PageInfo, segments: list[str]) -> str:
        if not page.crawled:
            return ""  # known from the sitemap or links only: read by its URL, with low confidence
        if page.status == 0:
            return "never fetched (status 0)"
        if page.status is not None and 300 <= page.status < 400:
            return "redirects elsewhere"
        if page.status is not None and page.status >= 400:
            return f"error {page.status}"
        if NOT_FOUND.search(page.title or "") or NOT_FOUND.search(page.h1 or ""):
            return "a 'page not found' template"
        low = [s.lower() for s in segments]
        if ARCHIVE_SEGMENTS & set(low) or (len(low) >= 2 and low[-2] == "page" and low[-1].isdigit()):
            return "an archive page (tag, category, author, pagination, feed)"
        if page.canonical_elsewhere:
            return "its canonical is another URL"
        if page.path != page.path.lower() and page.path.lower() in self._lower:
            return "a mixed-case twin of a lower-case URL"
        return ""

    # -- what it says ------------------------------------------------------------------------

    def _by_text(self, page: PageInfo, segments: list[str]) -> Placement | None:
        parts = title_parts(page.title, self.site)
        h1_parts = title_parts(page.h1, self.site) if page.h1.strip() else []
        heads = [t for t in (" - ".join(h1_parts), parts[0] if parts else "") if t]
        slug = segments[-1].replace("-", " ").replace("_", " ")
        slug = re.sub(r"\.(html?|php|aspx?)$", "", slug)
        head = heads[0] if heads else ""
        listed = next((part for part in parts[1:] if fold(part) in LISTING_TABS), None)
        if listed:  # "AFib - Doctors and departments": a listing tab of the condition, not its page
            return Placement("other", f"'{_short(page.title)}' is a '{listed}' tab", strength=0.8)
        if any(NON_CLINICAL_ROLE.search(t) for t in parts[1:] + h1_parts[1:]):  # "Rachel Dunn - Clinic Manager"
            return Placement("other", f"'{_short(page.title)}' names a non-clinical role", strength=0.7)
        for text in [*h1_parts, *parts]:  # "Licensed Chiropractor in Singapore - Dr. Theo Kieu": a part each
            found = person_credential(text)
            if found and self.vocabulary.conditions_in(found[0]):  # "Multiple Sclerosis (MS)" is no Master of Science
                continue
            if found and BOOKING.search(text):  # "Book Appointment with Dr. X": the visit's form, not the profile
                return Placement("appointment", f"'{_short(text)}' books a visit with a clinician", strength=0.55)
            if found and (not clinical(found[1]) or any(RESEARCH.search(t) for t in parts)):
                return Placement("other", f"'{_short(text)}' is a researcher or faculty member, not a clinician",
                                 strength=0.7)
            if found:
                strong = found[1].lower().rstrip(".") not in ("dr", "dra", "doctor", "doctora", "prof", "profa")
                return Placement("provider", f"'{_short(text)}' names a {'clinician' if strong else 'doctor'}",
                                 strength=0.9 if strong else 0.8, medical=True)
        if any(POLICY.search(t) for t in heads) or POLICY.search(slug):
            return Placement("policy", f"'{_short(head or slug)}' is a policy page", strength=0.75)
        named_by_h1 = bool(h1_parts) and self.vocabulary.condition(h1_parts[0]) is not None  # "Ciática" above any tagline
        question = stage_of(slug) or next(filter(None, map(stage_of, heads[: 1 if named_by_h1 else 2])), None) or next(
            (TABS[fold(part)] for part in parts[1:] if fold(part) in TABS), None)  # "AFib - Tests and Diagnosis | Site"
        conditions = next(filter(None, map(self.vocabulary.conditions_in, heads)), None) or self.vocabulary.conditions_in(slug)
        if question and conditions:
            return Placement(TYPE_OF_STAGE[question], f"'{_short(head or slug)}': {question} of {conditions[0].name}",
                             strength=0.75, subject=conditions[0].id, medical=True)
        if question and not conditions and (stage_of(slug) or not head or stage_of(head)):
            found = Placement("other", f"'{_short(head or slug)}' names a stage", strength=0.0)
            found.question_stage = question
            return found
        if TELEHEALTH.match(fold(head)) or TELEHEALTH.match(slug):  # the service itself, not "Preparing for a telehealth visit"
            return Placement("telehealth", f"'{_short(head or slug)}' offers virtual visits", strength=0.6)
        booked = len(self.evidence.booking_sources.get(self.evidence.index.get(page.path, -1), ()))
        if any(BOOKING.search(t) for t in heads) or (booked >= 2 and (CONTACT.match(head) or CONTACT.match(slug))):
            why = f"{booked} pages link to it to book a visit" if booked >= 2 else f"'{_short(head)}' books visits"
            return Placement("appointment", why, strength=0.6)
        if head and ARTICLE_QUESTION.search(head):
            return None  # "Is lower back pain normal?": an article about a condition, not its page
        if conditions:
            condition = conditions[0]
            rest = _without(fold(head or slug), condition, self.vocabulary)
            if TEST_WORDS.search(rest) and not SERVICE_WORDS.search(rest) and not ARTICLE_LEAD.match(fold(head or slug)):
                return Placement("test", f"'{_short(head or slug)}' is a test for {condition.name}", strength=0.6,
                                 subject=condition.id, medical=True)
            if not rest:  # "What is sciatica?" is as often an article as the condition's page: a little weaker
                asked = bool(WHAT_IS.match(fold(head or slug)))
                return Placement("condition", f"'{_short(head or slug)}' names {condition.name}",
                                 strength=0.7 if asked else 0.75, subject=condition.id, medical=True)
            if TREATMENT_NAMED.search(rest) and len(rest.split()) <= 5 and not self.vocabulary.treatment(head):
                return Placement("condition", f"'{_short(head)}' offers care for {condition.name}", strength=0.45,
                                 subject=condition.id, medical=True)
        listing = folder_type(segments[-1], 1) in ("provider", "appointment", "location", "blog")  # `.../faculty/`
        if head and not listing and self._names_specialty(head, "") and (len(segments) <= 2 or _HUB_PREFIX.match(head)):
            return Placement("specialty_hub", f"specialty name '{_short(head)}'", strength=0.6, medical=True)
        known = self.vocabulary.treatment(head) if head else None
        if known:
            kind = "test" if known.kind == "test" else "treatment"
            return Placement(kind, f"'{_short(head)}' is a {'test' if kind == 'test' else known.kind}", strength=0.5,
                             medical=known.kind in CLINICAL_KINDS)
        if head and TEST_WORDS.search(fold(head)) and not conditions and not SERVICE_WORDS.search(fold(head)) \
                and not ARTICLE_LEAD.match(fold(head)):  # "Knee MRI", not "Preparing your child for a test"
            return Placement("test", f"'{_short(head)}' names a test", strength=0.5)
        where = next((place_name(t) for t in heads if place_name(t)), None)
        if where and not self.vocabulary.specialty(where) and not self.vocabulary.conditions_in(where) \
                and not set(fold(where).split()) & self.care_words:
            return Placement("location", f"'{_short(head)}' names the place {where}", strength=0.55)
        if head and len(head.split()) <= 5 and len(h1_parts) <= 1 and CONDITION_MORPHOLOGY.search(fold(head)) \
                and not TREATMENT_WORDS.search(fold(head)) \
                and not any(w.endswith("ing") for w in fold(head).split()):
            return Placement("condition", f"'{_short(head)}' reads as a condition", strength=0.45, subject=fold(head))
        return None

    def _names_specialty(self, text: str, slug: str) -> bool:
        """"Cancer Institute", "Heart & Vascular", "Cardiology at X", a slug such as `cardiology`, or a
        short heading that ends with a specialty's name ("Women's Health Physiotherapy")."""
        head = title_parts(text, self.site)[0] if text else ""
        if any(self.vocabulary.specialty(t) for t in (head, _clean_hub(text), slug) if t):
            return True
        words = fold(re.sub(r"\([^)]*\)", " ", head)).split()
        return 2 <= len(words) <= 4 and any(self.vocabulary.specialty(" ".join(words[-n:])) for n in (1, 2))

    # -- where it sits -----------------------------------------------------------------------

    def _by_url(self, page_id: int, segments: list[str]) -> Placement:
        page = self.evidence.pages[page_id]
        text = page.text
        if not segments:
            return Placement("other", "a language's home page", strength=0.5)
        kinds = [folder_type(s, i) for i, s in enumerate(segments)]
        last = segments[-1].lower()
        key = "/".join(_segments(page.path))
        has_children = bool(self.children.get(key))
        stage_children = sum(1 for c in self.children.get(key, ()) if c.lower() in STAGE_SEGMENTS or stage_of(c))
        entity_children = len(self.children.get(key, ())) - stage_children
        if len(segments) >= 3 and last in STAGE_SEGMENTS and "condition" in kinds[:-2]:
            return Placement(STAGE_SEGMENTS[last], f"stage word '{last}' under a condition",
                             segments[kinds.index("condition")], strength=0.9)
        if DATE_SEGMENT.match(segments[0]) and len(segments) >= 2:
            return Placement("blog", "a dated post", segments[0], strength=0.8)
        for depth in range(len(segments) - 1, -1, -1):
            kind = kinds[depth]
            if kind is None:
                continue
            folder = segments[depth]
            is_folder_page = depth == len(segments) - 1
            if kind == "policy":
                return Placement("policy", f"policy word '{folder}'", folder, depth, strength=0.8)
            if kind in ("telehealth", "appointment"):
                return Placement(kind, f"folder '{folder}'", folder, depth, strength=0.5)
            if is_folder_page:
                return self._folder_index(kind, folder, has_children, text, depth)
            if kind == "condition":
                if entity_children >= 2 and stage_children == 0:
                    return Placement("resource_hub", f"index of conditions under '{folder}'", folder, depth, strength=0.6)
                stage = title_stage(text) if len(segments) - depth > 2 else None
                if stage:
                    return Placement(stage, f"title '{_short(text)}' under '{folder}'", folder, depth, strength=0.7)
                return Placement("condition", f"folder '{folder}'", folder, depth, strength=0.6)
            if kind in ("specialty_hub", "service"):
                if len(segments) - depth == 3 and self._names_specialty(text, last) \
                        and folder_type(last, 1) is None:  # /departments/medicine/cardiology/, not its /faculty/
                    return Placement("specialty_hub", f"specialty name '{_short(text)}' under '{folder}'", folder, depth,
                                     strength=0.7)
                if len(segments) - depth > 2:
                    return Placement("other", f"deep under '{folder}'", folder, depth, strength=0.3)
                if self._names_specialty(text, last):
                    return Placement("specialty_hub", f"specialty name '{_short(text)}' under '{folder}'", folder, depth,
                                     strength=0.7)
                if kind == "specialty_hub":
                    return Placement("specialty_hub", f"folder '{folder}'", folder, depth, strength=0.5)
                return Placement("service", f"folder '{folder}'", folder, depth, strength=0.45)  # "Dry Needling": a treatment
            if kind == "provider" and len(segments) - depth == 2 and not has_children:  # not `/our-team/leadership`
                return Placement("provider", f"folder '{folder}'", folder, depth, strength=0.6)
            if kind == "location" and len(segments) - depth == 2:
                return Placement("location", f"folder '{folder}'", folder, depth, strength=0.6)
            if kind in ("provider", "location"):
                return Placement("other", f"deep under '{folder}'", folder, depth, strength=0.3)
            if kind == "blog":
                if any(s.lower() in ("archive", "tag", "tags", "category", "page") for s in segments[depth + 1:]):
                    return Placement("other", f"archive under '{folder}'", folder, depth, strength=0.8)
                return Placement("blog", f"folder '{folder}'", folder, depth, strength=0.8)
            if kind == "resource_hub" and not is_folder_page:
                return Placement("resource_hub", f"folder '{folder}'", folder, depth, strength=0.4)
            return Placement(kind, f"folder '{folder}'", folder, depth, strength=0.5)
        return Placement("other", "no folder word", strength=0.0)

    def _folder_index(self, kind: str, folder: str, has_children: bool, text: str, depth: int) -> Placement:
        """The page of a folder itself (`/conditions/`, `/doctors/`): an index, or the page itself."""
        if kind == "condition" and not has_children and depth == 0 and folder.lower() not in CONDITION_FOLDERS:
            return Placement("condition", f"condition word in its slug '{folder}'", strength=0.4)
        if kind == "condition":
            return Placement("resource_hub" if has_children else "other", f"index of '{folder}'", folder, depth,
                             strength=0.6)
        if kind == "specialty_hub" and not has_children and self.vocabulary.specialty(_clean_hub(text)):
            return Placement("specialty_hub", f"specialty name '{_short(text)}'", folder, depth, strength=0.7)
        if kind in ("specialty_hub", "service", "location", "blog", "provider"):
            return Placement("other", f"index of '{folder}'", folder, depth, strength=0.5)
        if kind in ("test", "treatment"):  # an index of tests is no test, whatever its heading says
            return Placement("other" if has_children else kind, f"index of '{folder}'", folder, depth,
                             strength=0.65 if has_children else 0.5)
        return Placement(kind, f"folder '{folder}'", folder, depth, strength=0.5)

    # -- what the links say (after `read_links`) -----------------------------------------------

    def refine_with_links(self, placed: dict[int, Placement]) -> None:
        """Two readings only links give: the page booking anchors lead to ("Schedule a consultation"
        -> `/contact/`) is where the site books visits, and a page about a condition that only post
        listings link to (`/blog/page/6/`, a category archive) is a post, not the condition's page.
        A post squarely about one stage of a condition ("How to sleep better if you have
        scoliosis") stays that stage's page: clinics publish stage pages as posts, and only the
        condition's own page has an older twin to be confused with."""
        evidence = self.evidence
        if not evidence.has_links:
            return
        for page_id, sources in evidence.booking_sources.items():
            placement = placed.get(page_id)
            if placement is None or placement.excluded or placement.type not in ("other", "appointment") or len(sources) < 2:
                continue
            page = evidence.pages[page_id]
            if CONTACT.match(page.text or "") or BOOKING_PATH.search(page.path):
                placed[page_id] = Placement("appointment", f"{len(sources)} pages link to it to book a visit",
                                            strength=0.7, language=placement.language)
        for page_id, placement in placed.items():
            if placement.excluded or placement.type != "condition" or page_id in evidence.nav_from_home:
                continue
            sources = [s for s in evidence.in_links(page_id).tolist() if s != page_id]
            if sources and all(placed[s].excluded or placed[s].type == "blog" or _is_listing(evidence.pages[s].path)
                               for s in sources):
                placed[page_id] = Placement("blog", f"{placement.reason}, but only post listings link to it",
                                            strength=0.6, language=placement.language)

    # -- what the site teaches -----------------------------------------------------------------

    def _like_siblings(self, placed: dict[int, Placement]) -> None:
        """Pages of one URL template (`/find-a-doctor/*/`) take the entity type most of their
        confidently placed siblings have, when nothing they say contradicts it."""
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for page_id, placement in placed.items():
            segments = _segments(self.evidence.pages[page_id].path)
            if len(segments) >= 2 and not placement.excluded:
                groups[tuple(s.lower() for s in segments[:-1])].append(page_id)
        for folder, members in groups.items():
            if len(members) < 3:
                continue
            sure = Counter(placed[i].type for i in members if placed[i].strength >= 0.7 and placed[i].type in ENTITY_TYPES)
            if not sure:
                continue
            kind, count = sure.most_common(1)[0]
            if count < 2 or count < 0.6 * sum(sure.values()):
                continue
            for page_id in members:
                placement = placed[page_id]
                if placement.type in ("other", "resource_hub") and placement.strength < 0.5 and not placement.question_stage \
                        and self.evidence.pages[page_id].crawled:
                    placed[page_id] = Placement(kind, f"like {count} other pages of /{'/'.join(folder)}/", strength=0.5,
                                                language=placement.language)

    def _article_folders(self, placed: dict[int, Placement]) -> None:
        """A folder of pages each about one stage of a different condition ("Early signs of X",
        "Living well with Y" under `/health-hub/`; "Signs of X in toddlers" for four conditions or
        more under `/for-parents/`) is a collection of articles, not the conditions' stage pages. At
        the root, where flat-slug sites keep their real stage pages, it never applies."""
        folders: dict[tuple[str, ...], list[int]] = defaultdict(list)
        sections: dict[str, int] = {}
        index = self.evidence.index
        for page_id, placement in placed.items():
            path = self.evidence.pages[page_id].path
            segments = entity_segments(path)
            if placement.type not in STAGE_TYPE_OF or len(segments) < 2 or placement.excluded:
                continue
            above = _parent_path(path)
            parent = index.get(above, index.get(above.rstrip("/") + "/"))
            if parent is not None and placed[parent].type == "condition":
                continue  # `/health-library/asthma/living-with`: a stage below its condition
            folders[(segments[0].lower(),)].append(page_id)  # one section (`/healthy-lifestyle/...`)
        for folder, members in folders.items():
            about = [i for i in members if placed[i].subject]
            subjects = {placed[i].subject for i in about}
            kinds = {placed[i].type for i in about}
            if len(subjects) >= 3 and (len(kinds) >= 2 or len(subjects) >= 4) \
                    and not any(folder_type(s) == "condition" for s in folder):
                sections[folder[0]] = len(subjects)
        for page_id, placement in placed.items():  # "Questions before your MRI" in the same section is an article too
            segments = entity_segments(self.evidence.pages[page_id].path)
            if len(segments) >= 2 and segments[0].lower() in sections and not placement.excluded \
                    and placement.type in STAGE_TYPE_OF and placement.strength < 0.8:
                placed[page_id] = Placement("blog", f"an article of /{segments[0]}/, where {sections[segments[0].lower()]} "
                                            f"conditions have articles", strength=0.6, language=placement.language)

    def _posts_beside_a_condition_folder(self, placed: dict[int, Placement]) -> None:
        """A site that keeps its condition pages in a folder (`/areas-we-treat/knee/`) does not keep
        others at the root: a root-level page that only its heading calls a condition is a post."""
        counted: Counter[str] = Counter()
        for placement in placed.values():
            if placement.type == "condition" and placement.folder and not placement.excluded:
                counted[placement.folder.lower()] += 1
        if not counted or counted.most_common(1)[0][1] < 3:
            return
        for page_id, placement in placed.items():
            if placement.type in STAGE_TYPE_OF.keys() | {"condition"} and not placement.folder and not placement.excluded \
                    and len(_segments(self.evidence.pages[page_id].path)) == 1 and placement.strength < 0.9:
                placed[page_id] = Placement("blog", f"{placement.reason}, but the site keeps its conditions in "
                                            f"/{counted.most_common(1)[0][0]}/", strength=0.5, language=placement.language)

    def _questions_under_conditions(self, placed: dict[int, Placement]) -> None:
        """"How is it diagnosed?" below a condition page is that condition's diagnosis page."""
        for page_id, placement in placed.items():
            if not placement.question_stage or placement.excluded or placement.type in ENTITY_TYPES - {"condition"}:
                continue
            above = _parent_path(self.evidence.pages[page_id].path)
            parent = self.evidence.index.get(above, self.evidence.index.get(above.rstrip("/") + "/"))
            if parent is not None and placed[parent].type == "condition":
                stage = TYPE_OF_STAGE[placement.question_stage]
                placed[page_id] = Placement(stage, f"{placement.question_stage} page below a condition page",
                                            strength=0.7, subject=placed[parent].subject, language=placement.language)


def _is_listing(path: str) -> bool:
    """A blog's index or one of its pages (`/blog/`, `/news/page/2/`)."""
    segments = [x.lower() for x in _segments(path)]
    return bool(segments) and (segments[0] in FOLDER_WORDS["blog"] and (len(segments) == 1 or "page" in segments))


def _mirror_prefixes(evidence: Evidence) -> set[str]:
    """Language prefixes (`/es/`) that hold a minority of the site's pages: a second-language mirror."""
    counts: Counter[str] = Counter()
    total = 0
    for page in evidence.pages:
        segments = _segments(page.path)
        if segments:
            total += 1
            if segments[0].lower() in LANGUAGES:
                counts[segments[0].lower()] += 1
    return {lang for lang, n in counts.items() if n >= 2 and n < 0.5 * total}


def _without(folded: str, condition, vocabulary: Vocabulary) -> str:
    """What a heading says besides the condition's name and filler words."""
    rest = f" {folded} "
    for name in sorted(condition.all_names, key=len, reverse=True):
        key = fold(name)
        if key:
            rest = rest.replace(f" {key} ", " ")
    rest = re.sub(r"\([^)]*\)", " ", rest)
    rest = FILLER.sub(" ", rest)
    return " ".join(rest.split())


def _parent_path(path: str) -> str:
    trailing = path.endswith("/")
    parts = _segments(path)[:-1]
    return "/" + "/".join(parts) + ("/" if trailing and parts else "")


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


CONTENT_ID = re.compile(r"^([a-z]{1,5}-)?\d{4,}(\.html?|\.aspx?)?$", re.I)  # syc-20356456, bio-20067470, 12345
ID_TABS = {"overview", "about", "home", "index", "symptoms-causes"}


def entity_segments(path: str) -> list[str]:
    """The path's segments without a trailing content id and the tab before it:
    `/diseases-conditions/afib/symptoms-causes/syc-20356456` -> diseases-conditions, afib;
    `/biographies/smith-jane-a-m-d/bio-20067470` -> biographies, smith-jane-a-m-d."""
    segments = _segments(path)
    if len(segments) >= 2 and CONTENT_ID.match(segments[-1]):
        segments = segments[:-1]
        if len(segments) >= 2 and segments[-1].lower() in ID_TABS:
            segments = segments[:-1]
    return segments


def entity_slug(path: str) -> str:
    """The segment that names the entity a page is about (`afib` above), "home" for `/`."""
    segments = entity_segments(path)
    return segments[-1] if segments else "home"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


_HUB_PREFIX = re.compile(r"^(division|department|section|centre|center|institute) (of|for) |^(servicio|departamento|"
                         r"unidad|servico|unidade) de ", re.I)
_HUB_NOISE = re.compile(r"\s+(at|in)\s+.*$|\s+(services|program|center|centre|department|institute|care)$", re.I)


def _clean_hub(text: str) -> str:
    """`Cardiology at Lakeside Health` -> `Cardiology`; `Orthopedics and Spine | X` -> `Orthopedics and Spine`."""
    head = re.split(r"\s+[|\u2013\u2014-]\s+", text.strip())[0] if text else ""
    return _HUB_NOISE.sub("", _HUB_PREFIX.sub("", head)).strip()


__all__ = ["Classifier", "Placement", "STAGE_SEGMENTS", "STAGE_TYPE_OF", "TYPE_OF_STAGE", "entity_segments",
           "entity_slug", "folder_type", "fold", "title_stage"]
