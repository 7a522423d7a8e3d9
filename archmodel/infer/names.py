"""Clean names from titles and H1s: drop the site name and boilerplate, keep the subject.

`Diabetes: causes, care and specialists | Lakeside Health` -> `Diabetes`;
`What is atrial fibrillation (AFib)? - Overview` -> `Atrial fibrillation` (AFib kept apart as an
abbreviation); `Dr. Maria Okafor, endocrinologist | Lakeside` -> (`Dr. Maria Okafor`, `endocrinologist`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from archmodel.infer.text import place_name
from archmodel.ingest.sitemodel import _name_from_id
from archmodel.names import clean_person

SITE_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u2022]\s+|:\s+")
SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7]\s+|\s+-\s+|:\s+")
PREFIXES = re.compile(r"^(what (is|are)|about|understanding|overview of|learn about|living with|all about)\s+", re.I)
SUFFIXES = re.compile(r"\s+(overview|an overview|explained|guide|information|basics|faqs?)$", re.I)
PARENS = re.compile(r"\s*\(([^)]{1,30})\)")


def site_name(home_title: str, host: str, titles: Iterable[str] = ()) -> str:
    """The site's name: the title part most pages end (or start) with ("... | Hill Country Spine"),
    else the part of the home title that is not 'Home' or a tagline."""
    ends: Counter[str] = Counter()
    count = 0
    for title in titles:
        parts = [p.strip() for p in SITE_SEPARATORS.split(title or "") if p.strip()]
        if len(parts) > 1:
            ends[parts[-1]] += 1
            ends[parts[0]] += 0.5  # a name first ("Brand | Page") counts less than the usual name last
        count += 1
    parts = [p.strip() for p in SITE_SEPARATORS.split(home_title or "") if p.strip()]
    parts = [p for p in parts if p.lower() not in ("home", "homepage", "home page", "welcome", "inicio", "início")]
    if ends:
        common, seen = ends.most_common(1)[0]
        if seen >= max(3, 0.3 * count):  # the home page may spell it out: "Northside" -> "Northside Endocrine Center"
            return next((p for p in parts if p.lower().startswith(common.lower()) and len(p) > len(common)), common)
    if len(parts) > 1:
        return parts[0] if len(parts[0]) <= len(parts[-1]) else parts[-1]
    return (parts[0] if parts else "") or host.removeprefix("www.")


def strip_site(text: str, site: str) -> str:
    """The title without the site's name at its end or start."""
    text = text.strip()
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " : "):
        if site and text.endswith(sep + site):
            text = text[: -len(sep + site)]
        if site and text.startswith(site + sep):
            text = text[len(site + sep):]
    return text.strip()


def subject(text: str, site: str, fallback_id: str) -> tuple[str, list[str]]:
    """(clean name, abbreviations found in parentheses) of a condition-like page."""
    head = strip_site(text, site)
    head = SEPARATORS.split(head)[0].strip() if head else ""
    abbreviations = [m.group(1).strip() for m in PARENS.finditer(head)]
    head = PARENS.sub("", head).strip().rstrip("?!.").strip()
    head = PREFIXES.sub("", head)
    head = SUFFIXES.sub("", head).strip()
    if not head or len(head) > 80:
        return _name_from_id(fallback_id), abbreviations
    return head[0].upper() + head[1:], abbreviations


def person(text: str, site: str, fallback_id: str) -> tuple[str, str | None]:
    """(name, practitioner title or None) of a provider page, the site's boilerplate around the
    name removed ("Book an appointment with Dr. X" -> "Dr. X")."""
    head = strip_site(text, site)
    head = re.split(r"\s+[|\u2013\u2014]\s+|\s+-\s+", head)[0].strip() if head else ""
    if not head:
        return _name_from_id(fallback_id), None
    name, title = clean_person(head)
    return (name or _name_from_id(fallback_id)), title


def place(text: str, site: str, fallback_id: str) -> str:
    """A location's name: the place its heading names ("Our Mesa Location" -> "Mesa",
    "Nuestra ubicación en Gilbert" -> "Gilbert"), else the heading."""
    head = strip_site(text, site)
    head = re.split(r"\s+[|\u2013\u2014]\s+|\s+-\s+", head)[0].strip() if head else ""
    return place_name(head) or head or _name_from_id(fallback_id)


def hub(text: str, site: str, fallback_id: str) -> str:
    head = strip_site(text, site)
    head = re.split(r"\s+[|\u2013\u2014]\s+|\s+-\s+", head)[0].strip() if head else ""
    if site:
        head = re.sub(rf"\s+(at|in)\s+{re.escape(site)}$", "", head)
    return head or _name_from_id(fallback_id)
