"""Names compared the same way everywhere: folded text, and people's names with their credentials.

`fold("Parkinson’s Disease")` == `fold("parkinsons-disease")` == "parkinsons disease", and
`fold("Síntomas de la ciática")` == "sintomas de la ciatica": lower case, accents dropped,
apostrophes dropped, every other run of non-alphanumerics one space.

A person's name with a credential ("Amara Okonkwo, MD", "Dra. Ana Pérez", "John Smith PA-C") marks
a clinician's profile, and a "reviewed by" credit must find the same person whichever way it is
written: `person_key` folds both to "amara okonkwo". Inference (`archmodel init`) and the loader
(credits from a crawler's custom extraction) use these same functions, so a credit written
"Medically reviewed by Maria Lopez, MD" matches the provider "Maria Lopez" either way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`\u00b4")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, accents and apostrophes dropped, every other non-alphanumeric run one space."""
    low = text.lower().translate(_APOSTROPHES)
    if not low.isascii():
        low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return _FOLD.sub(" ", low).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


# -- people ------------------------------------------------------------------------------------

CREDENTIALS = ("md", "do", "mbbs", "mbchb", "phd", "psyd", "dpt", "pt", "dc", "dds", "dmd", "np", "fnp", "fnp c",
               "fnp bc", "aprn", "pa", "pa c", "rn", "bsn", "msn", "dnp", "crna", "od", "dpm", "lcsw", "lpc", "lmft",
               "facs", "facc", "faaos", "faap", "facog", "facp", "faan", "frcs", "frcp", "ms", "mph", "rd", "ld",
               "lac", "dacm", "nd", "atc", "ocs", "scs", "cscs", "otr", "otr l", "cnm", "whnp", "ccc slp", "au d",
               "aud", "mba", "msc", "mpas", "ma", "mcmsc", "mspas", "mhs", "pa s", "rph", "pharmd", "ccc")
def _credential_pattern(credential: str) -> str:
    """`md` also as `M.D.`, `pa c` as `PA-C`, `P.A.-C.` or `PA/C`."""
    return r"\.?[\s/-]?".join(r"\.?".join(re.escape(ch) for ch in part) for part in credential.split())


_CRED = "|".join(sorted((_credential_pattern(c) for c in CREDENTIALS), key=len, reverse=True))
CREDENTIAL_TAIL = re.compile(rf"(?:,?\s+\(?(?:{_CRED})\.?\)?)+\s*$", re.I)
DOCTOR_PREFIX = re.compile(r"^(?:dr|dra|drs|doctor|doctora|dr\.\s*ª|prof|profa|profesor|professor|professora)\.?\s+", re.I)
NAME_WORD = r"[A-ZÁÉÍÓÚÑÂÊÔÃÕÇÜ][\w'’.\-]*"
NON_CLINICAL = {"phd", "ms", "ma", "msc", "mba", "mph"}  # degrees alone do not make a clinician


def clinical(credentials: str) -> bool:
    """Whether a credential string ("MD, PhD", "Dr.", "PhD") marks a clinician."""
    found = {re.sub(r"[^a-z]", "", c.lower()) for c in re.split(r"[,\s]+", credentials) if c.strip(" .()")}
    return bool(found - NON_CLINICAL)


PERSON_NAME = re.compile(rf"^{NAME_WORD}(?:\s+(?:{NAME_WORD}|de|del|da|do|dos|das|la|van|von|y|e|bin|al))" r"{1,4}$")
# the site's boilerplate around a person's name, in the three languages
PERSON_BOILERPLATE = re.compile(
    r"^(?:book (?:an |your )?(?:appointment|visit|consultation) with|schedule (?:an appointment |a visit )?with|"
    r"request (?:an appointment )?with|make an appointment with|meet(?: our| your)?|about|get to know|profile(?: of)?|"
    r"our (?:doctor|physician|provider|surgeon)|"
    r"حجز موعد مع|"
    r"(?:pide|pedir|agenda|agende|agendar|reserva|reservar|solicita|solicitar|programa|programar) (?:una |uma )?"
    r"(?:cita|consulta|turno|hora) (?:con|com)(?: el| la| o| a)?|(?:conoce|conozca) a(?: la| el)?|conhe[cç]a(?: a| o)?|sobre)\s+", re.I)
PERSON_SUFFIX_NOISE = re.compile(r"\s+(?:profile|bio|biography|perfil)$", re.I)


def clean_person(text: str) -> tuple[str, str | None]:
    """(the person's name as the site writes it, with "Dr." kept; the title or credentials after it).
    Boilerplate in a language not listed here still goes when "Dr." follows it."""
    head = PERSON_BOILERPLATE.sub("", text.strip()).strip()
    doctor = re.search(r"(?:^|\s)((?:dr|dra)\.?\s+(?:(?:dr|dra)\.?\s+)?)(?=[A-Z\u00c0-\u024f])", head, re.I)
    if doctor and doctor.start() > 0:
        head = head[doctor.start():].strip()
    head = re.sub(r"^((?:dr|dra)\.?\s+)(?:(?:dr|dra)\.?\s+)", r"\1", head, flags=re.I)  # "Dr. Dr. X"
    head = PERSON_SUFFIX_NOISE.sub("", head)
    name, sep, rest = head.partition(", ")
    if not sep:
        tail = CREDENTIAL_TAIL.search(head)
        if tail and tail.start() > 0:
            return head[: tail.start()].strip(" ,"), tail.group(0).strip(" ,()")
        return head, None
    return name.strip(), rest.strip() or None


def person_credential(text: str) -> tuple[str, str] | None:
    """(name, what marks it a clinician) when `text` is a person's name with a credential or
    "Dr."/"Dra.", after the site's boilerplate ("Book an appointment with") is removed."""
    head = PERSON_BOILERPLATE.sub("", text.strip()).strip()
    head = PERSON_SUFFIX_NOISE.sub("", head)
    name, _, rest = head.partition(",")
    tail = CREDENTIAL_TAIL.search(head)
    if tail and tail.start() > 0:
        bare = DOCTOR_PREFIX.sub("", head[: tail.start()].strip(" ,"))
        if PERSON_NAME.match(bare):
            return head[: tail.start()].strip(" ,"), tail.group(0).strip(" ,()")
    prefix = DOCTOR_PREFIX.match(name.strip())
    if prefix:
        bare = name.strip()[prefix.end():].strip()
        if PERSON_NAME.match(bare):
            return name.strip(), prefix.group(0).strip()
    return None


def person_key(text: str) -> str:
    """A person's name folded for matching credits to profiles: "Medically reviewed by Maria Lopez,
    MD" and "Dr. María López" both give "maria lopez"."""
    head = re.sub(r"^(?:medically |clinically )?(?:reviewed|written|approved|verified)( and \w+)? by:?\s+|"
                  r"^(?:revisado|revisada|escrito|revisto|revista) (?:medicamente )?por:?\s+", "", text.strip(), flags=re.I)
    head = PERSON_BOILERPLATE.sub("", head)
    head = head.split(",")[0]
    head = CREDENTIAL_TAIL.sub("", head)
    head = DOCTOR_PREFIX.sub("", head.strip())
    return fold(head)
