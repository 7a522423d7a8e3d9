"""The inferred model as site.yml text, every entry with a comment saying why it is there.

The file opens with a summary (what was inferred, what to review); entries below the confidence
threshold are written commented out, and nothing accepted refers to them, so the file loads as
written and a reviewer uncomments what is right. JSON string syntax is valid YAML, so names and
paths are written with json.dumps and need no further escaping.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from archmodel.infer.entries import Entry, InferredModel

REFERENCES = {
    "specialties": {"conditions": "conditions"},
    "conditions": {"related": "conditions"},
    "providers": {"specialties": "specialties", "treats": "conditions", "locations": "locations"},
    "locations": {"specialties": "specialties"},
}
FIELD_ORDER = ["id", "name", "title", "hub", "page", "synonyms", "related", "pages", "specialties", "treats",
               "conditions", "locations", "telehealth"]


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def flow(values: list[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def comment(entry: Entry) -> str:
    return f"# {' + '.join(entry.evidence)}; confidence {entry.confidence:.2f}"


def entry_lines(entry: Entry, accepted: dict[str, set[str]]) -> list[str]:
    """The YAML lines of one list entry (indented two spaces), references to dropped entries removed."""
    fields: dict[str, Any] = {"id": entry.id, **{k: v for k, v in entry.fields.items() if not k.startswith("_")}}
    for key, kind in REFERENCES[entry.kind].items():
        if key in fields:
            kept = [v for v in fields[key] if v in accepted[kind]]
            if kept:
                fields[key] = kept
            else:
                del fields[key]
    lines: list[str] = []
    for key in sorted(fields, key=lambda k: FIELD_ORDER.index(k) if k in FIELD_ORDER else 99):
        value = fields[key]
        lead = "  - " if not lines else "    "
        if isinstance(value, bool):
            lines.append(f"{lead}{key}: {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{lead}{key}: {flow(value)}")
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            lines += [f"      {stage}: {q(path)}" for stage, path in value.items()]
        else:
            lines.append(f"{lead}{key}: {q(str(value))}")
    return lines


def entry_block(entry: Entry, accepted: dict[str, set[str]]) -> list[str]:
    lines = [f"  {comment(entry)}"] + [f"  # {note}" for note in entry.notes]
    body = entry_lines(entry, accepted)
    if entry.accepted:
        return lines + body
    return lines + ["  # " + line[2:] for line in body]


def summary(model: InferredModel) -> list[str]:
    lists = model.lists()
    conditions = [c for c in model.conditions if c.accepted]
    stages = sum(len(c.fields["pages"]) - 1 for c in conditions)
    synonyms = sum(len(c.fields.get("synonyms", [])) for c in conditions)
    treats = sum(len(p.fields.get("treats", [])) for p in model.providers if p.accepted)
    related = sum(len(c.fields.get("related", [])) for c in conditions)
    review = sum(1 for items in lists.values() for e in items if not e.accepted)
    lines = [
        f"# Site model inferred by `archmodel init` from {', '.join(model.sources) or 'the crawl'} ({model.pages:,} pages).",
        f"# Inferred: {len(model.rules)} page-type rules, "
        + ", ".join(f"{sum(1 for e in items if e.accepted)} {kind}" for kind, items in lists.items())
        + f"; {stages} care pathway stage pages, {synonyms} synonyms, {treats} provider-condition pairs,"
        f" {related} related pairs. Mean confidence {model.confidence():.2f}.",
        "# Review: each entry's comment says what it was inferred from and how confident it is;",
        f"# {review} entr{'y is' if review == 1 else 'ies are'} below the confidence threshold and commented out"
        " (uncomment what is right);",
        "# folders that could not be placed are listed under page_types. Then: archmodel load CRAWL --site site.yml",
    ]
    if model.why_no_medical:
        lines.append(f"# {model.why_no_medical}")
    if model.without_links:
        lines.append(f"# {model.without_links}")
    return lines


def inferred_block(model: InferredModel, at: str | None = None) -> list[str]:
    lists = model.lists()
    entries = sum(len(items) for items in lists.values())
    review = sum(1 for items in lists.values() for e in items if not e.accepted)
    stamp = at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    return [
        "inferred:                          # provenance: `archmodel load` stores it, the report shows it",
        "  by: archmodel init",
        f"  at: {q(stamp)}",
        f"  sources: {flow(model.sources)}",
        f"  confidence: {model.confidence():.2f}",
        f"  entries: {entries}",
        f"  review: {review}",
    ]


def render(model: InferredModel, at: str | None = None) -> str:
    accepted = {kind: model.accepted_ids(kind) for kind in model.lists()}
    lines = summary(model) + [
        "site:",
        f"  name: {q(model.site_name)}",
        f"  base_url: {model.base_url}",
        "  home: /",
        "  aliases: []",
        "",
        *inferred_block(model, at),
        "",
        "# Ordered: the first matching rule gives a page its type.",
        "page_types:",
    ]
    for rule in model.rules:
        lines.append(f"  # {rule.evidence}; confidence {rule.confidence:.2f}")
        lines.append(f"  - {{match: {q(rule.match)}, type: {rule.type}}}")
    if model.unmapped:
        lines.append("# Folders not placed (their pages are type other); add rules for them:")
        lines += [f"#   {entry}" for entry in model.unmapped[:40]]
    for kind, items in model.lists().items():
        if not items:
            continue
        lines.append("")
        lines.append(f"{kind}:" if accepted[kind] else f"{kind}: []")
        for entry in items:
            lines += entry_block(entry, accepted)
    trust: list[str] = []
    if model.review_pages:
        trust.append(f"  review_pages: {flow(model.review_pages)}")
    if model.policy_pages:
        trust.append(f"  policy_pages: {flow(model.policy_pages)}")
    reviewed = {page: pid for page, pid in model.reviewed_by.items() if pid in accepted["providers"]}
    if reviewed:
        trust.append("  reviewed_by:                     # from \"reviewed by\" credits on each condition's pages")
        trust += [f"    {q(page)}: {q(pid)}" for page, pid in reviewed.items()]
    if trust:
        lines += ["", "trust:"] + trust
    return "\n".join(lines) + "\n"
