"""The site model as graph rows: entity nodes, their relationships, and the pages they name.

Kept apart from the loader so the mapping from `site.yml` to docs/graph-model.md is in one
place and can be read next to that document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from archmodel.ingest.spool import PickleSpool

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


class EntityRowsOnDisk:
    """The entity rows of a load, kept in a file from before the load writes anything to the
    entities phase, one section (a label's nodes, a relationship type's rows) read back at a time.

    The rows are built before anything is written, so a site model that cannot be loaded fails
    early, but they are written after the pages and links, and a million-page site's rows take
    more memory than anything else the pages and links phases hold (about 660 MB for 83,000
    conditions and 75,000 providers, README "Performance"). On disk they cost nothing meanwhile,
    and read a section at a time, no more than the largest section when written. A load without
    a site model has no rows and no file (`empty`).
    """

    def __init__(self, spool: PickleSpool | None, offsets: dict[tuple[str, Any], int]) -> None:
        """`spool`: the file `write` wrote, open for reading; `offsets`: what `write` returned."""
        self._spool = spool
        self._offsets = offsets
        self._closed = False

    @staticmethod
    def write(rows: EntityRows, spool: PickleSpool) -> dict[tuple[str, Any], int]:
        """Write `rows` to `spool` a section at a time; returns where each section starts."""
        offsets: dict[tuple[str, Any], int] = {}
        for label, node_rows in rows.nodes.items():
            offsets["nodes", label] = spool.append(node_rows)
        for key, relation_rows in rows.relations.items():
            offsets["relations", key] = spool.append(relation_rows)
        for key, page_rows in rows.page_links.items():
            offsets["page_links", key] = spool.append(page_rows)
        about: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows.about:
            about[row["label"]].append(row)
        for label, about_rows in about.items():
            offsets["about", label] = spool.append(about_rows)
        offsets["reviewed_by", None] = spool.append(rows.reviewed_by)
        offsets["named_urls", None] = spool.append(rows.named_urls)
        offsets["ids", None] = spool.append(dict(rows.ids))
        spool.flush()
        return offsets

    @classmethod
    def of(cls, rows: EntityRows) -> EntityRowsOnDisk:
        """`rows` written to an anonymous temporary file (gone when closed)."""
        spool = PickleSpool.temporary("archmodel-entities-")
        return cls(spool, cls.write(rows, spool))

    @classmethod
    def empty(cls) -> EntityRowsOnDisk:
        """No rows (a load without a site model): every section reads as empty."""
        return cls(None, {})

    def _read(self, section: tuple[str, Any], missing: Any) -> Any:
        offset = self._offsets.get(section)
        if offset is None or self._spool is None:
            return missing
        return self._spool.read(offset)[0]

    def _sections(self, kind: str) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
        for section_kind, key in list(self._offsets):
            if section_kind == kind:
                yield key, self._read((kind, key), [])

    def nodes(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(label, node rows) for each entity label, in the site model's order."""
        return self._sections("nodes")

    def relations(self) -> Iterator[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
        """((start label, type, end label), rows with `a` and `b` ids) between entities."""
        return self._sections("relations")

    def page_links(self) -> Iterator[tuple[tuple[str, str], list[dict[str, Any]]]]:
        """((label, type), rows with the entity `id`, the page `url` and properties)."""
        return self._sections("page_links")

    def about(self, label: str) -> list[dict[str, Any]]:
        """The site model's `ABOUT` rows to entities of `label` (the URL captures are the loader's)."""
        return self._read(("about", label), [])

    def reviewed_by(self) -> list[dict[str, Any]]:
        return self._read(("reviewed_by", None), [])

    def named_urls(self) -> set[str]:
        """The URLs of every page the site model names."""
        return self._read(("named_urls", None), set())

    def ids(self) -> dict[str, set[str]]:
        """The entity ids by label."""
        return defaultdict(set, self._read(("ids", None), {}))

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
        self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed
