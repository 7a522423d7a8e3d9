"""The identity of a finding: the check plus the keys that name its page, link or entity.

docs/check-semantics.md "Identity of a finding" lists them for the shipped checks; the seed's
expected file and the crawl diff compare findings by them. A user check gets the identity
columns it declares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

IDENTITY: dict[str, tuple[str, ...]] = {
    "orphans/orphan-pages": ("url",), "orphans/sitemap-only": ("url",), "orphans/nav-only-inlinks": ("url",),
    "hub-spoke/hub-missing-spoke": ("source", "target", "specialty"),
    "hub-spoke/spoke-missing-hub": ("source", "target", "specialty"),
    "hub-spoke/condition-without-hub": ("condition",),
    "pathways/broken-step": ("source", "target", "condition"),
    "pathways/overview-missing-stage": ("source", "target", "condition"),
    "pathways/missing-stage-page": ("url", "condition"), "pathways/dead-end-education": ("url",),
    "provider-condition/provider-missing-condition": ("source", "target", "provider", "condition"),
    "provider-condition/condition-missing-provider": ("source", "target", "condition", "provider"),
    "provider-condition/provider-without-page": ("provider",),
    "anchors/generic-anchor": ("source", "target", "anchor"), "anchors/empty-anchor": ("source", "target"),
    "anchors/anchor-intent-mismatch": ("source", "target", "anchor"),
    "anchors/over-optimised-anchor": ("url", "anchor"), "anchors/off-synonym-anchor": ("source", "target", "anchor"),
    "depth/deep-pages": ("url",), "depth/deep-key-pages": ("url",), "depth/unreachable": ("url",),
    "broken-links/links-to-error": ("source", "target"), "broken-links/links-to-redirect": ("source", "target"),
    "broken-links/links-to-non-indexable": ("source", "target"), "broken-links/nofollow-internal": ("source", "target"),
    "trust/missing-reviewer-link": ("url",), "trust/missing-review-policy": ("url",),
    "trust/missing-policy-links": ("url",),
    "access/no-location-link": ("url",), "access/location-missing-specialty": ("source", "target", "specialty"),
    "access/provider-missing-location": ("source", "target", "provider", "location"),
    "related-conditions/unlinked-related": ("source", "target", "condition", "related"),
    "related-conditions/off-pathway-related": ("source", "target", "condition", "specialty"),
    "content-links/blog-missing-service": ("url", "condition"), "content-links/service-missing-guides": ("url",),
    "content-links/resource-hub-thin": ("url",), "content-links/too-many-links": ("url",),
    "content-links/too-few-contextual-links": ("url",),
    "equity/low-equity-key-pages": ("url",), "equity/equity-sinks": ("url",),
}

IDENTITY_COLUMNS = ("url", "source", "target", "condition", "specialty", "provider", "location", "related", "anchor")


def identity_keys(check: str, columns: Sequence[str]) -> tuple[str, ...]:
    """The identity keys of `check` ("pack/check"); for a user check, its identity-like columns
    (or every column but `detail` when it has none)."""
    if check in IDENTITY:
        return IDENTITY[check]
    keys = tuple(c for c in columns if c in IDENTITY_COLUMNS)
    return keys or tuple(c for c in columns if c != "detail")


def identity(finding: Mapping[str, Any], keys: Sequence[str]) -> tuple:
    """A hashable identity; anchors compare trimmed (check-semantics.md)."""
    values: list[Any] = [f"{finding.get('pack')}/{finding.get('check')}"]
    for key in keys:
        value = finding.get(key)
        if isinstance(value, str) and key == "anchor":
            value = value.strip()
        if isinstance(value, list):
            value = tuple(value)
        values.append(value)
    return tuple(values)
