"""`archmodel init --merge site.yml`: add what a new crawl shows, keep what a person wrote.

No comment-preserving YAML library is among the dependencies, and a person's comments, order
and formatting are the point, so the merge is textual: the existing file is validated first
(an error names the file, line and key, and nothing is written), new entries are rendered by the
same writer as a fresh proposal and inserted at the end of their sections, new page-type rules
at the end of `page_types` (first match wins, so they only place pages no existing rule places).
Nothing already in the file is changed. A section read from a CSV file gets its new entries as a
commented block at the end of site.yml, for the person to move into the CSV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from archmodel.infer.entries import Entry, InferredModel
from archmodel.infer.writer import entry_block, q
from archmodel.ingest.sitemodel import SiteModel, load_site_model, parse_site_model

PAGE_KEY = {"specialties": "hub", "providers": "page", "locations": "page"}


@dataclass
class MergeResult:
    text: str
    added: dict[str, list[str]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.added.values())


def _page(entry: Entry) -> str | None:
    if entry.kind == "conditions":
        return entry.fields["pages"]["overview"]
    return entry.fields.get(PAGE_KEY[entry.kind])


def _existing_pages(model: SiteModel, kind: str) -> set[str]:
    if kind == "conditions":
        return {c.pages["overview"] for c in model.conditions if "overview" in c.pages}
    if kind == "specialties":
        return {s.hub for s in model.specialties if s.hub}
    return {e.page for e in getattr(model, kind) if e.page}


def _section(lines: list[str], key: str) -> tuple[int, int] | None:
    """(header line index, index after the section's last entry line) of a top-level key."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
    if start is None:
        return None
    end = start + 1
    last = start + 1
    while end < len(lines):
        line = lines[end]
        if line and not line[0].isspace() and not line.startswith("#"):
            break
        if line.strip() and not line.startswith("#"):
            last = end + 1
        end += 1
    return start, last


def merge(existing_path: Path, model: InferredModel) -> MergeResult:
    existing = load_site_model(existing_path)  # ConfigError (file, line, key) before anything is written
    text = existing_path.read_text(encoding="utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    added: dict[str, list[str]] = {}
    accepted = {kind: {e.id for e in getattr(existing, kind)} for kind in model.lists()}
    new: dict[str, list[Entry]] = {}
    for kind, items in model.lists().items():
        taken_ids, taken_pages = accepted[kind].copy(), _existing_pages(existing, kind)
        for entry in items:
            if entry.id in taken_ids or _page(entry) in taken_pages:
                continue
            new.setdefault(kind, []).append(entry)
            if entry.accepted:
                accepted[kind].add(entry.id)
    rules = [r for r in model.rules if r.type != "other" and r.sample and existing.classify(r.sample)[0] == "other"
             and r.match not in {rule.match for rule in existing.page_types}]
    tail: list[str] = []
    if rules:
        block = []
        for rule in rules:
            block += [f"  # added by merge: {rule.evidence}; confidence {rule.confidence:.2f}",
                      f"  - {{match: {q(rule.match)}, type: {rule.type}}}"]
        lines = _insert(lines, "page_types", block, tail)
        added["page_types"] = [r.match for r in rules]
    raw_sections = _raw_sections(existing_path)
    for kind, entries in new.items():
        block = []
        for entry in entries:
            block += entry_block(entry, accepted)
        if kind in raw_sections:
            tail += [f"# merge: new {kind} found, but {kind} are read from {raw_sections[kind]}; add them there:"]
            tail += ["# " + line.strip() if not line.strip().startswith("#") else line.strip() for line in block]
        else:
            lines = _insert(lines, kind, block, tail)
        added[kind] = [e.id for e in entries if e.accepted]
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    summary = ", ".join(f"{len(v)} {k}" for k, v in added.items() if v) or "nothing new"
    lines += [""] + tail + [f"# Merged by `archmodel init --merge` on {stamp} from {', '.join(model.sources)}: {summary}."]
    merged = newline.join(lines) + newline
    parse_site_model(merged, existing_path)  # the merge must load back; if not, nothing is written
    return MergeResult(merged, added)


def _raw_sections(path: Path) -> dict[str, str]:
    """Sections given as `{csv: FILE}` (their entries live in the CSV file)."""
    out = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        found = re.match(r"(\w+)\s*:\s*\{\s*csv\s*:\s*([^}]+)\}", line)
        if found:
            out[found.group(1)] = found.group(2).strip()
    return out


def _insert(lines: list[str], key: str, block: list[str], tail: list[str]) -> list[str]:
    """`block` appended to section `key`; a one-line (flow) section is left alone and the block
    goes, commented, into `tail` for the person to move."""
    where = _section(lines, key)
    if where is None:
        return lines + ["", f"{key}:"] + block
    start, end = where
    header = lines[start]
    if re.match(rf"{re.escape(key)}\s*:\s*\[\s*\]\s*(#.*)?$", header):
        return lines[:start] + [f"{key}:"] + block + lines[start + 1:]
    if not re.match(rf"{re.escape(key)}\s*:\s*(#.*)?$", header):
        tail.append(f"# merge: new {key} found, but {key} is written on one line; add them to it:")
        tail.extend("# " + line.strip() if not line.strip().startswith("#") else line.strip() for line in block)
        return lines
    return lines[:end] + block + lines[end:]
