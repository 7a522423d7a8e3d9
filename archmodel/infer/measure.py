"""Measure `archmodel init` on a site with a hand-written model: model scores and findings.

Shared by `bench/infer.py` and the test of the accuracy floors. With a graph, the crawl is loaded
twice (hand-written model, inferred model), every pack runs each time, and the findings are
compared on their identity keys (archmodel.infer.score).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from archmodel.infer.pipeline import propose
from archmodel.infer.score import compare_findings, finding_keys, id_translation, score_against_labels, score_models
from archmodel.ingest.sitemodel import load_site_model

CRAWL_FILES = ("internal_all.csv", "all_inlinks.csv")


def run_packs(graph: Any, folder: Path, site_yml: Path) -> list[dict[str, Any]]:
    from archmodel.audit import audit
    from archmodel.ingest.loader import load_crawl
    from archmodel.packs.registry import load_registry
    from archmodel.packs.runner import Runner

    loaded = load_crawl(graph, [folder / name for name in CRAWL_FILES], site_model=site_yml,
                        sitemaps=[folder / "sitemap.xml"])
    return list(audit(Runner.for_site(graph, loaded.site), load_registry(), score=False).findings)


def measure_site(folder: Path, graph: Any = None, out: Path | None = None) -> dict[str, Any]:
    """Scores of the model inferred from `folder` against `folder/site.yml` (+ findings with a graph)."""
    from archmodel.packs.registry import builtin_registry

    identity = {check.name: check.identity for check in builtin_registry()}
    inferred_path = (out or folder) / "site.inferred.yml"
    started = time.perf_counter()
    text, model = propose([folder / name for name in CRAWL_FILES], inferred_path, [folder / "sitemap.xml"])
    seconds = time.perf_counter() - started
    inferred_path.write_text(text, encoding="utf-8")
    inferred = load_site_model(inferred_path)
    truth = load_site_model(folder / "site.yml")
    result: dict[str, Any] = {"seconds": round(seconds, 2), "confidence": model.confidence(),
                              "scores": score_models(inferred, truth)}
    if graph is not None:
        hand = finding_keys(run_packs(graph, folder, folder / "site.yml"), identity)
        auto = finding_keys(run_packs(graph, folder, inferred_path), identity, id_translation(inferred, truth))
        result["findings"] = compare_findings(auto, hand)
    return result


def measure_labelled(folder: Path, labels_path: Path, out: Path) -> dict[str, Any]:
    """Scores of the model inferred from a real export in `folder` against a person's labels."""
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    inferred_path = out / f"{labels_path.stem}.inferred.yml"
    started = time.perf_counter()
    text, model = propose([folder], inferred_path)
    seconds = time.perf_counter() - started
    inferred_path.write_text(text, encoding="utf-8")
    return {"seconds": round(seconds, 2), "pages": model.pages, "why_no_medical": model.why_no_medical,
            "without_links": bool(model.without_links), "scores": score_against_labels(load_site_model(inferred_path), labels)}
