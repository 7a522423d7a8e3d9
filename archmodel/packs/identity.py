"""The identity of a finding: the check's stable id plus the keys that name its page, link or entity.

Each check declares its identity keys in its header (`identity:`, docs/packs.md); a check of
one's own that declares none is identified by its identity-like columns. The seed's expected
file and the crawl diff compare findings by identity, and the check's stable `id` (not its file
name) leads it, so renaming a check file keeps its findings' history.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archmodel.packs.registry import IDENTITY_COLUMNS, Check, Registry, builtin_registry

RESERVED = {"pack", "check", "check_id", "severity", "title", "priority", "impact"}


def check_name(finding: Mapping[str, Any]) -> str:
    return f"{finding.get('pack')}/{finding.get('check')}"


def definition(finding: Mapping[str, Any], registry: Registry | None = None) -> Check | None:
    """The check that produced `finding`: by its stored stable id, else by name, in `registry`
    and then among the shipped checks; None for a check neither knows."""
    for known in (registry, builtin_registry()):
        if known is None:
            continue
        check = (known.by_id(str(finding["check_id"])) if finding.get("check_id") else None) or known.definition(
            check_name(finding))
        if check is not None:
            return check
    return None


def identity_keys(finding: Mapping[str, Any], registry: Registry | None = None) -> tuple[str, ...]:
    """The keys that tell findings of this check apart (the header's `identity`); for a check no
    registry knows, its identity-like columns, else every column but `detail`."""
    check = definition(finding, registry)
    if check is not None:
        return check.identity
    columns = [k for k in finding if k not in RESERVED]
    keys = tuple(c for c in columns if c in IDENTITY_COLUMNS)
    return keys or tuple(c for c in columns if c != "detail")


def identity(finding: Mapping[str, Any], registry: Registry | None = None) -> tuple:
    """A hashable identity; anchors compare trimmed (docs/check-semantics.md)."""
    check = definition(finding, registry)
    values: list[Any] = [check.stable_id if check is not None else check_name(finding)]
    for key in identity_keys(finding, registry):
        value = finding.get(key)
        if isinstance(value, str) and key == "anchor":
            value = value.strip()
        if isinstance(value, list):
            value = tuple(value)
        values.append(value)
    return tuple(values)
