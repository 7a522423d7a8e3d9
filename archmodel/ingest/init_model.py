"""Propose a starting site.yml from a crawl's URL folders (`archmodel init --from CRAWL`).

Medical sites are organised by folder: `/conditions/diabetes/`, `/doctors/jane-doe/`. The first
path segment names the kind of page; a folder with many children holds one entity per child. So
each top-level folder with a known name becomes a page-type rule (with an `{condition}`-style
capture where the children are entities, and stage rules such as `/conditions/{condition}/symptoms/`
where those sub-folders recur), its children become entities named after their H1, and
recognisable policy pages go under `trust`. Unknown folders are listed in a comment for the user
to map. The text is validated with the real site-model loader before it is returned.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from archmodel.errors import InputError
from archmodel.ingest.inputs import discover_files, infer_base_url, open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.sitemodel import _name_from_id, parse_site_model

# folder name -> (page type, entity capture or None, type of the folder's own index page)
KNOWN_FOLDERS: dict[str, tuple[str, str | None, str | None]] = {}


def _known(names: str, page_type: str, capture: str | None = None, index_type: str | None = None) -> None:
    for name in names.split():
        KNOWN_FOLDERS[name] = (page_type, capture, index_type)


_known("conditions diseases conditions-we-treat conditions-treated health-conditions disorders", "condition",
       "condition", "resource_hub")
_known("specialties specialities services departments centers centres programs clinical-services",
       "specialty_hub", "specialty", "resource_hub")
_known("providers doctors physicians find-a-doctor our-doctors clinicians specialists team our-team staff "
       "experts", "provider", "provider", "appointment")
_known("locations clinics offices hospitals our-locations", "location", "location", "location")
_known("tests diagnostics lab-tests labs imaging screenings", "test")
_known("treatments therapies procedures surgery", "treatment")
_known("blog news articles stories insights press", "blog")
_known("resources patient-resources patient-education education library health-library guides faq faqs "
       "patients", "resource_hub")
_known("appointments appointment book book-appointment request-appointment schedule booking find-a-specialist "
       "contact contact-us", "appointment")
_known("telehealth telemedicine virtual-care virtual-visits video-visits online-consultation", "telehealth")
_known("privacy privacy-policy terms terms-of-use terms-and-conditions disclaimer medical-disclaimer "
       "editorial-policy editorial-process medical-review accessibility cookie-policy cookies hipaa "
       "notice-of-privacy-practices legal", "policy")

STAGE_FOLDERS = {
    "symptoms": "symptom", "signs-and-symptoms": "symptom", "diagnosis": "diagnosis",
    "tests": "test", "testing": "test", "treatment": "treatment", "treatments": "treatment",
    "follow-up": "follow_up", "followup": "follow_up", "aftercare": "follow_up", "living-with": "follow_up",
}
REVIEW_PAGES = {"editorial-policy", "editorial-process", "medical-review"}
ENTITY_LISTS = {"condition": "conditions", "specialty": "specialties", "provider": "providers", "location": "locations"}
MAX_ENTITIES = 500
_NOT_ENTITY = re.compile(r"^(\d+|page|index\.\w+|.*\.\w{2,5})$")


@dataclass
class _Folder:
    name: str
    pages: int = 0
    children: dict[str, str] = field(default_factory=dict)  # child segment -> display name
    stages: Counter[str] = field(default_factory=Counter)


def propose_site_model(paths: Sequence[Path], output: Path = Path("site.yml")) -> str:
    """The text of a proposed site.yml for the crawl at `paths` (validated; loads back)."""
    files = discover_files(paths)
    if not any(f.kind != "sitemap" for f in files):
        raise InputError(
            "no crawl export found", ", ".join(str(p) for p in paths),
            fix="point --from at a folder with Screaming Frog, pages.csv/links.csv or advertools exports",
        )
    base_url = infer_base_url(files)
    normaliser = UrlNormaliser(base_url)
    crawl = open_inputs([f.path for f in files if f.kind != "sitemap"], normaliser,
                        [f.path for f in files if f.kind == "sitemap"])
    titles: dict[str, str] = {}
    paths_seen: list[str] = []
    home_title: str | None = None
    for page in crawl.pages():
        if not page.is_html or (page.status is not None and page.status != 200):
            continue
        path = normaliser.path_of(page.url).split("?", 1)[0]
        if path == "/" and page.title:
            home_title = page.title
        paths_seen.append(path)
        name = page.h1 or _title_head(page.title)
        if name:
            titles[path] = name
    if not paths_seen:
        for link in crawl.links():
            paths_seen.append(normaliser.path_of(link.target).split("?", 1)[0])
    text = _render(base_url, paths_seen, titles, _site_name(home_title, normaliser.host))
    parse_site_model(text, output)  # a proposal that does not load back is a bug here, not the user's
    return text


def _title_head(title: str | None) -> str | None:
    if not title:
        return None
    return re.split(r"\s+[|\-\u2013\u2014]\s+", title.strip())[0].strip() or None


def _site_name(home_title: str | None, host: str) -> str:
    """`Home | Northside Clinic` -> `Northside Clinic`: the part of the home title that is not 'Home'."""
    parts = [p.strip() for p in re.split(r"\s+[|\-\u2013\u2014]\s+", home_title or "") if p.strip()]
    parts = [p for p in parts if p.lower() not in ("home", "homepage", "home page", "welcome")]
    return (parts[-1] if parts else "") or host.removeprefix("www.")


def _render(base_url: str, paths: list[str], titles: dict[str, str], site_name: str) -> str:
    slash = sum(p.endswith("/") for p in paths if p != "/") >= sum(not p.endswith("/") for p in paths if p != "/")
    end = "/" if slash else ""
    folders: dict[str, _Folder] = {}
    for path in sorted(set(paths)):
        segments = [s for s in path.split("/") if s]
        if not segments:
            continue
        folder = folders.setdefault(segments[0], _Folder(segments[0]))
        folder.pages += 1
        if len(segments) >= 2 and not _NOT_ENTITY.match(segments[1]):
            child_path = "/" + "/".join(segments[:2]) + end
            folder.children.setdefault(segments[1], titles.get(child_path) or _name_from_id(segments[1]))
        if len(segments) >= 3 and segments[2] in STAGE_FOLDERS:
            folder.stages[segments[2]] += 1

    rules: list[tuple[str, str]] = [("/", "home")]
    entities: dict[str, list[dict[str, object]]] = defaultdict(list)
    policy_pages: list[str] = []
    review_pages: list[str] = []
    unmapped: list[str] = []
    for folder in sorted(folders.values(), key=lambda f: (-f.pages, f.name)):
        known = KNOWN_FOLDERS.get(folder.name.lower())
        base = f"/{folder.name}"
        if known is None:
            unmapped.append(f"{base}{end} ({folder.pages} page{'s' if folder.pages != 1 else ''})")
            continue
        page_type, capture, index_type = known
        if page_type == "policy" and not folder.children:
            rules.append((f"{base}{end}", "policy"))
            (review_pages if folder.name.lower() in REVIEW_PAGES else policy_pages).append(f"{base}{end}")
            continue
        if capture and folder.children:
            for stage, _ in folder.stages.most_common():
                rules.append((f"{base}/{{{capture}}}/{stage}{end}", STAGE_FOLDERS[stage]))
            rules.append((f"{base}/{{{capture}}}{end}", page_type))
            if index_type:
                rules.append((f"{base}{end}", index_type))
            entities[capture].extend(_entities(capture, base, end, folder))
        else:
            rules.append((f"{base}/**", page_type))
    return _yaml_text(base_url, site_name, rules, entities, policy_pages, review_pages, unmapped)


def _entities(capture: str, base: str, end: str, folder: _Folder) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for child, name in list(sorted(folder.children.items()))[:MAX_ENTITIES]:
        entity: dict[str, object] = {"id": child, "name": name}
        page = f"{base}/{child}{end}"
        if capture == "specialty":
            entity["hub"] = page
        elif capture in ("provider", "location"):
            entity["page"] = page
        out.append(entity)
    return out


def _yaml_text(
    base_url: str,
    name: str,
    rules: list[tuple[str, str]],
    entities: dict[str, list[dict[str, object]]],
    policy_pages: list[str],
    review_pages: list[str],
    unmapped: list[str],
) -> str:
    lines = [
        "# Proposed by `archmodel init` from the crawl's URL folders. Review it: rename the site,",
        "# check every rule and entity, then load with `archmodel load CRAWL --site site.yml`.",
        "site:",
        f"  name: {json.dumps(name, ensure_ascii=False)}",
        f"  base_url: {base_url}",
        "  home: /",
        "  aliases: []",
        "",
        "# Ordered: the first matching rule gives a page its type.",
        "page_types:",
    ]
    for match, page_type in rules:
        lines.append(f"  - {{match: {json.dumps(match)}, type: {page_type}}}")
    if unmapped:
        lines.append("# Folders not mapped (their pages are type other); add rules for them:")
        for entry in unmapped[:40]:
            lines.append(f"#   {entry}")
    body: dict[str, object] = {}
    for capture, key in ENTITY_LISTS.items():
        if entities.get(capture):
            body[key] = entities[capture]
    trust: dict[str, list[str]] = {}
    if review_pages:
        trust["review_pages"] = review_pages
    if policy_pages:
        trust["policy_pages"] = policy_pages
    if trust:
        body["trust"] = trust
    text = "\n".join(lines) + "\n"
    if body:
        text += "\n" + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    return text
