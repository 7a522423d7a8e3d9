"""The site model as graph rows: entity nodes, their relationships, and the pages they name.

Kept apart from the loader so the mapping from `site.yml` to docs/graph-model.md is in one
place and can be read next to that document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CAPTURE_LABELS = {
    "condition": "Condition",
    "specialty": "Specialty",
    "provider": "Provider",
    "location": "Location",
}


@dataclass
class EntityRows:
    """Everything the site model contributes, ready for `UNWIND $rows` batches."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    page_links: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    about: list[dict[str, Any]] = field(default_factory=list)
    reviewed_by: list[dict[str, Any]] = field(default_factory=list)
    trust_roles: dict[str, str] = field(default_factory=dict)
    named_urls: set[str] = field(default_factory=set)
    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def build_entity_rows(model: Any, to_url: Callable[[str], str]) -> EntityRows:
    """Map a validated SiteModel to node and relationship rows (urls normalised by `to_url`)."""
    rows = EntityRows()

    def page(label: str, rel: str, entity_id: str, path: str | None, **props: Any) -> None:
        if not path:
            return
        url = to_url(path)
        rows.named_urls.add(url)
        rows.page_links[(label, rel)].append({"id": entity_id, "url": url, **props})
        rows.about.append({"label": label, "id": entity_id, "url": url, "via": "model"})

    for condition in model.conditions:
        stages = model.condition_stages(condition)
        rows.nodes["Condition"].append(
            {
                "id": condition.id,
                "name": condition.name,
                "synonyms": list(condition.synonyms or []),
                "pathway": [stage for stage, _, _ in stages],
            }
        )
        rows.ids["Condition"].add(condition.id)
        for stage, order, path in stages:
            page("Condition", "STAGE", condition.id, path, stage=stage, order=order)
        for related in condition.related or []:
            rows.relations[("Condition", "RELATED_TO", "Condition")].append({"a": condition.id, "b": related})

    for specialty in model.specialties:
        rows.nodes["Specialty"].append({"id": specialty.id, "name": specialty.name})
        rows.ids["Specialty"].add(specialty.id)
        page("Specialty", "HUB", specialty.id, specialty.hub)
        for condition_id in specialty.conditions or []:
            rows.relations[("Specialty", "COVERS", "Condition")].append({"a": specialty.id, "b": condition_id})
            if specialty.hub:
                rows.about.append({"label": "Condition", "id": condition_id, "url": to_url(specialty.hub), "via": "covers"})

    for provider in model.providers:
        rows.nodes["Provider"].append(
            {"id": provider.id, "name": provider.name, "title": getattr(provider, "title", None)}
        )
        rows.ids["Provider"].add(provider.id)
        page("Provider", "PROFILE", provider.id, provider.page)
        for specialty_id in provider.specialties or []:
            rows.relations[("Provider", "PRACTISES", "Specialty")].append({"a": provider.id, "b": specialty_id})
        for condition_id in provider.treats or []:
            rows.relations[("Provider", "TREATS", "Condition")].append({"a": provider.id, "b": condition_id})
            if provider.page:
                rows.about.append({"label": "Condition", "id": condition_id, "url": to_url(provider.page), "via": "treats"})
        for location_id in provider.locations or []:
            rows.relations[("Provider", "WORKS_AT", "Location")].append({"a": provider.id, "b": location_id})

    for location in model.locations:
        rows.nodes["Location"].append(
            {"id": location.id, "name": location.name, "telehealth": bool(getattr(location, "telehealth", False))}
        )
        rows.ids["Location"].add(location.id)
        page("Location", "LOCATION_PAGE", location.id, location.page)
        for specialty_id in location.specialties or []:
            rows.relations[("Location", "OFFERS", "Specialty")].append({"a": location.id, "b": specialty_id})

    trust = model.trust
    if trust is not None:
        for path in trust.review_pages or []:
            url = to_url(path)
            rows.trust_roles[url] = "review"
            rows.named_urls.add(url)
        for path in trust.policy_pages or []:
            url = to_url(path)
            rows.trust_roles.setdefault(url, "policy")
            rows.named_urls.add(url)
        for path, provider_id in (trust.reviewed_by or {}).items():
            url = to_url(path)
            rows.reviewed_by.append({"url": url, "id": provider_id})
    return rows
