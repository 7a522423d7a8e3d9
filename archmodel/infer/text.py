"""What a page says it is, read from its title, H1 and slug, in English, Spanish and Portuguese.

These are the signals that do not depend on a site's folder names: stage phrases ("How is
sciatica diagnosed?", "Síntomas de la ciática", "Recovery after ACL surgery"), a person's name
with a credential ("Amara Okonkwo, MD", "Dra. Ana Pérez"), place phrases ("Our Mesa location",
"Nuestra ubicación en Gilbert", "Chiropractor in Round Rock, TX"), booking, telehealth, policy and
"page not found" titles, and the site's own boilerplate around a name ("Book an appointment with
...", "Meet ...", "Conozca a ..."). Each function answers one question about a text; the
classifier weighs the answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from archmodel.names import fold

# -- titles: the part that names the subject -----------------------------------------------------

SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022\u00bb]\s+|\s+-\s+|\s*::\s*|:\s+")


def title_parts(text: str, site: str = "") -> list[str]:
    """The parts of a title between separators, the site's own name dropped."""
    parts = [p.strip() for p in SEPARATORS.split(text or "") if p and p.strip()]
    site_key = fold(site)
    kept = [p for i, p in enumerate(parts) if not site_key or (
        fold(p) != site_key and not (i == len(parts) - 1 and i and site_key.startswith(fold(p))))]
    return kept or parts


# -- stages of a condition ---------------------------------------------------------------------

STAGES = ("symptoms", "diagnosis", "tests", "treatment", "follow_up")

# phrases that open a title and say which stage of which condition it is ("Symptoms of X")
LEADING_STAGE = [
    ("symptoms", r"(what are the )?(early |common )?(signs (and|&) )?symptoms( (of|and causes of))?|warning signs( of)?|signs of"
                 r"|(cuales son los )?(signos y )?sintomas( (de|del|de la))?|(quais (sao )?os )?(sinais e )?sintomas( (de|do|da))?"),
    ("diagnosis", r"how (is|are|do|does|we|to|can|doctors) (.{1,60} )?(diagnosed?|diagnosing|tested|test for)|diagnosing|diagnosis (of|for)"
                  r"|do i have|could i have|how do i know if|how to tell if|am i at risk"
                  r"|(como se diagnostica|diagnostico (de|del|de la))|(como (e|se) diagnostica(do|da)?|diagnostico (de|do|da))"),
    ("tests", r"tests? (for|of)|testing for|pruebas (de|para)|exames (de|para)"),
    # not "Treatment for X": that is how clinics title the condition's own page
    ("treatment", r"how (is|are|do|does|we|to|can) (.{1,60} )?(treated|treat|treating|managed|manage)|treat|treating|treatment options for"
                  r"|como se trata|como (e|se) trata(do|da)?|tratar|como tratar"),
    ("follow_up", r"living (well )?with|life after|recovery (after|from)|recovering from|outlook for|prognosis (of|for)|caring for|managing"
                  r"|vivir con|recuperacion (de|tras|despues de)|pronostico (de|del)|viver com|recuperacao (de|apos|depois de)|prognostico (de|do|da)"),
]
_LEADING = [(stage, re.compile(rf"^(?:{pattern})\b")) for stage, pattern in LEADING_STAGE]

# stage words anywhere ("Sciatica symptoms", "ACL tear: diagnosis", slug "how-is-it-diagnosed")
STAGE_WORDS = [
    ("symptoms", r"symptoms?|signs|sintomas?|sinais"),
    ("diagnosis", r"diagnos(is|ed|e|ing)|diagnostico|diagnostica(do|da)?"),
    ("tests", r"tests|testing|pruebas|exames"),
    # "Sciatica treatment" is how clinics title the condition itself; its options and remedies are a stage
    ("treatment", r"treated|tratad[oa]|(non surgical |nonsurgical )?treatment options|remedies|"
                  r"opciones de tratamiento|remedios|opcoes de tratamento"),
    ("follow_up", r"living with|recovery|recovering|aftercare|follow ?up|outlook|prognosis|if you have|coping with|"
                  r"recuperacion|pronostico|seguimiento|si tienes|recuperacao|prognostico|acompanhamento|se voce tem"),
]
_WORDS = [(stage, re.compile(rf"\b(?:{pattern})\b")) for stage, pattern in STAGE_WORDS]
# words that say a title is a whole overview, not one stage ("symptoms, causes and treatment")
TABS = {
    # not "symptoms and causes": Mayo-style sites title the overview so
    **dict.fromkeys(["symptoms", "signs and symptoms", "when to see a doctor", "symptoms and when to see a doctor",
                     "sintomas", "signos y sintomas", "sinais e sintomas"], "symptoms"),
    **dict.fromkeys(["diagnosis", "tests and diagnosis", "diagnosis and tests", "tests diagnosis", "diagnosis tests",
                     "diagnosis and treatment", "diagnosis treatment", "diagnostico y tratamiento",
                     "diagnostico", "diagnostico y pruebas", "diagnostico e exames"], "diagnosis"),
    **dict.fromkeys(["treatment", "treatments", "treatment options", "management and treatment", "treatment and management",
                     "management treatment", "tratamiento", "tratamento"], "treatment"),
    **dict.fromkeys(["outlook", "prognosis", "outlook prognosis", "outlook and prognosis", "living with", "recovery",
                     "follow up", "aftercare", "after care", "recovery and follow up", "pronostico", "prognostico"],
                    "follow_up"),
}
# tabs that are the condition's overview, and tabs that are about it but are no stage
OVERVIEW_TABS = {"overview", "symptoms and causes", "symptoms causes", "about", "at a glance", "sintomas y causas",
                 "sintomas e causas"}
OTHER_TABS = {"doctors and departments", "doctors departments", "causes and risk factors", "causes", "risk factors",
              "care at", "clinical trials", "research", "patient stories", "faqs", "resources"}
# of those, tabs that list people or programmes rather than tell about the condition: no condition page
LISTING_TABS = {"doctors and departments", "doctors departments", "care at", "clinical trials", "patient stories"}
ALSO_TREATMENT = re.compile(r"\b(treatments?|tratamientos?|tratamentos?)\b")
OVERVIEW_WORDS = re.compile(r"\b(causes?|overview|what is|what are|que es|o que e|causas)\b")


@lru_cache(maxsize=100_000)
def stage_of(text: str) -> str | None:
    """The one stage a title or slug is about, or None (no stage, or an overview naming several)."""
    folded = fold(text)
    if not folded:
        return None
    if folded in TABS:  # a condition's tab named alone: "Tests and diagnosis", "Management and treatment"
        return TABS[folded]
    for stage, pattern in _LEADING:
        if pattern.search(folded):
            return stage
    named = [stage for stage, pattern in _WORDS if pattern.search(folded)]
    if len(named) != 1 or (ALSO_TREATMENT.search(folded) and named[0] != "treatment"):  # "symptoms, causes and treatment": the whole story
        return None
    if OVERVIEW_WORDS.search(folded) and named[0] != "symptoms":  # "Symptoms and causes" is still the symptoms tab
        return None
    return named[0]


# -- places ------------------------------------------------------------------------------------

PLACE_PATTERNS = [
    re.compile(r"^(?i:our |the )?(?P<name>(?:[A-Z0-9][\w'.-]*\s+)+?)(?i:location|office|clinic|campus|center|centre|"
               r"practice|branch)$"),
    re.compile(r"^(?:our |visit our )?(?:location|office|clinic|campus|practice)s? (?:in|at|on) (?P<name>.+)$", re.I),
    re.compile(r"^.{0,40}?\b(?:in|near) (?P<name>[A-Z][\w .'-]+?),\s*(?:[A-Z]{2}|[A-Z][a-z]+)$"),
    re.compile(r"^(?:nuestra |nuestras |nuestro )?(?:(?:ubicaci[oó]n|ubicaciones|sede|consultorio|oficina) (?:en|de)|"
               r"(?:cl[ií]nica|centro) en) (?P<name>.+)$", re.I),
    re.compile(r"^(?:nossa |nossas |nosso )?(?:(?:unidade|consult[oó]rio|localiza[cç][aã]o|endere[cç]o) (?:em|de|no|na)|"
               r"(?:cl[ií]nica|centro) (?:em|no|na)) (?P<name>.+)$", re.I),
    re.compile(r"^(?:unidade|sede) (?P<name>.+)$", re.I),
]


def place_name(text: str) -> str | None:
    """The place a location page's heading names ("Our Mesa Location" -> "Mesa"), or None."""
    head = text.strip()
    for pattern in PLACE_PATTERNS:
        found = pattern.match(head)
        if found:
            name = found.group("name").strip(" ,.-")
            if name and len(name.split()) <= 5 and not set(fold(name).split()) & NOT_PLACE_WORDS:
                return name
    return None


NOT_PLACE_WORDS = set("about our your my the welcome meet contact visit find new best top why how what".split())
# a title that asks something other than "what is it" or a stage: an article, not a condition's page
ARTICLE_QUESTION = re.compile(r"^(?!what (is|are)\b|que es\b|o que e\b).*\?\s*$|^(why|is|are|can|does|do|should|when|"
                              r"will|could|\d+)\b", re.I)


# -- other kinds of pages ----------------------------------------------------------------------

BOOKING = re.compile(r"\b(book|request|schedule|make)\b.{0,30}\b(appointment|visit|consultation|evaluation|exam)s?\b|"
                     r"\bappointments?\b|\b(pide|pedir|agenda|agendar|agende|reserva|solicitar?)\b.{0,20}\b(cita|consulta|turno)\b|"
                     r"\b(marcar|marque|agendar|agende)\b.{0,20}\bconsulta\b|\bcitas?\b", re.I)
BOOKING_ANCHOR = re.compile(r"\b(book|request|schedule|make)\b.{0,30}\b(appointment|visit|consultation|evaluation|exam)|"
                            r"\bappointment\b|\b(pide|pedir|agenda|agendar|agende|reserva|solicitar?|marcar|marque)\b"
                            r".{0,20}\b(cita|consulta|turno)\b|\bfree consultation\b", re.I)
TELEHEALTH = re.compile(r"(our |book an? |schedule an? )?(telehealth|telemedicine|tele medicine|virtual (care|visits?|consultations?)|"
                        r"video (visits?|consultations?)|online (consultations?|visits?|appointments?)|"
                        r"(online|virtual) (physio|physiotherapy|physical therapy|therapy)|telemedicina|teleconsulta|"
                        r"consulta (virtual|online|en linea))\b", re.I)
POLICY = re.compile(r"\b(privacy|terms (of|and) (use|service|conditions)|terms|disclaimer|cookie policy|cookies|hipaa|"
                    r"notice of privacy practices|accessibility|legal notice|non[- ]discrimination|"
                    r"editorial (policy|process|standards|guidelines)|medical review (policy|process|board)|"
                    r"review (policy|process)|how we review|content (policy|standards|review)|"
                    r"how (our|we|the) .{0,40}\b(is|are) (written and )?reviewed|"
                    r"about (our|this) (health |medical )?(content|information)|"
                    r"(meet )?our (medical|clinical) (editors|reviewers|review board)|editorial (board|team)|"
                    r"pol[ií]tica de (privacidad|privacidade|cookies)|aviso (legal|de privacidad)|t[eé]rminos y condiciones|"
                    r"termos (de uso|e condi[cç][oõ]es)|pol[ií]tica editorial)\b", re.I)
NON_CLINICAL_ROLE = re.compile(r"\b(manager|coordinator|administrator|receptionist|front desk|billing|marketing|"
                               r"office manager|operations|ceo|cfo|coo|chief executive|president|recruiter|officer|"
                               r"leadership|board of|trustee|"
                               r"human resources|accountant|secretary|assistant to|recepcionista|gerente|administrador[a]?)\b", re.I)
RESEARCH = re.compile(r"\b(research|researcher|scientist|investigator|laboratory|lab director|emerit(us|a)|"
                      r"investigador|pesquisador)\b", re.I)
REVIEW_POLICY = re.compile(r"\b(editorial|editors?|reviewers?|review(ed|s|ing)?|revisi[oó]n|revis[aã]o|revisado)\b", re.I)
NOT_FOUND = re.compile(r"\b(page not found|not found|404|error 404|p[aá]gina no encontrada|p[aá]gina n[aã]o encontrada|"
                       r"no se encontr[oó]|nothing found|oops)\b", re.I)
CONTACT = re.compile(r"^(contact( us)?|get in touch|contacto|cont[aá]ctanos|contato|fale conosco)\b", re.I)

__all__ = ["BOOKING", "BOOKING_ANCHOR", "CONTACT", "NOT_FOUND", "POLICY", "REVIEW_POLICY", "STAGES", "TELEHEALTH",
           "place_name", "stage_of", "title_parts"]
