"""The report's note on where the site model came from, when `archmodel init` inferred it."""

from __future__ import annotations

from typing import Any


def inferred_notes(crawl: dict[str, Any]) -> list[str]:
    """One note when the crawl was loaded with an inferred site model (Crawl node properties)."""
    at = crawl.get("inferred_at")
    if not at:
        return []
    confidence = float(crawl.get("inferred_confidence") or 0)
    review = int(crawl.get("inferred_review") or 0)
    entries = int(crawl.get("inferred_entries") or 0)
    pending = f"; {review} of {entries} entries were below the threshold and left out" if review else ""
    return [f"The site model was inferred by archmodel init on {at} (mean confidence {confidence:.2f}{pending}); "
            "findings that depend on specialties, conditions and providers are as good as that model."]
