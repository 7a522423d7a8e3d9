"""`archmodel init` on a site it was not tuned on: the floors of issue 9's "Done when".

The `ortho` site (archmodel.synth.schemes: conditions nested by body part, `/physicians/`,
`/diagnostics/`, `/procedures/`, its own entities and one of each kind of planted defect) was
written before the heuristics were tuned, and they were tuned on the seed and the `publisher`
site only. The packs run on a real Neo4j with the hand-written and the inferred model.
"""

from __future__ import annotations

from pathlib import Path

from archmodel.db.connection import Graph
from archmodel.infer.measure import measure_site
from archmodel.synth.schemes import generate


def test_inferred_model_meets_the_floors_on_an_untuned_site(graph: Graph, tmp_path: Path) -> None:
    folder = tmp_path / "ortho"
    folder.mkdir()
    generate("ortho", folder)
    result = measure_site(folder, graph)
    for aspect in ("conditions", "stage pages", "provider-condition pairs"):
        score = result["scores"][aspect]
        assert score["precision"] >= 0.8 and score["recall"] >= 0.8, (aspect, score)
    findings = result["findings"]
    assert findings["hand_written"] > 30
    assert findings["found_share"] >= 0.8, findings
    assert findings["extra_share"] <= 0.1, findings
