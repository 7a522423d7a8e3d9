"""Kept for callers of the first `archmodel init`: the proposal now comes from archmodel.infer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def propose_site_model(paths: Sequence[Path], output: Path = Path("site.yml")) -> str:
    """The text of a proposed site.yml for the crawl at `paths` (validated; loads back)."""
    from archmodel.infer.pipeline import propose

    return propose(paths, output)[0]
