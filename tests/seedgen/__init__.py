"""The seed-data generator and its oracle, kept with the tests (not shipped in the wheel).

`python -m tests.seedgen.seed [OUT_DIR]` rewrites seed_data/ byte-identically. `evaluate.py` is
the generator's own model of the site: it computes depths and link scores for the crawl files and
the findings each planted defect must cause, so the seed's expected findings are checked against
an independent reading of the plants, never against the Cypher they test.
"""
