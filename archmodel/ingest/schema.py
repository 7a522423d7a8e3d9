"""Constraints and indexes, created before any load (docs/graph-model.md "Indexes").

Community edition accepts only uniqueness constraints, which also give the index every check
starts from. Creation is idempotent (`IF NOT EXISTS`), so every load simply ensures them.
"""

from __future__ import annotations

from archmodel.db.connection import Graph
from archmodel.db.inspect import SCHEMA_PREFIX

ENTITY_LABELS = ("Condition", "Specialty", "Provider", "Location")

STATEMENTS = [
    f"CREATE CONSTRAINT {SCHEMA_PREFIX}site_host IF NOT EXISTS FOR (s:Site) REQUIRE s.host IS UNIQUE",
    f"CREATE CONSTRAINT {SCHEMA_PREFIX}crawl_id IF NOT EXISTS FOR (c:Crawl) REQUIRE c.id IS UNIQUE",
    f"CREATE CONSTRAINT {SCHEMA_PREFIX}page_url IF NOT EXISTS FOR (p:Page) REQUIRE (p.crawl, p.url) IS UNIQUE",
    *(
        f"CREATE CONSTRAINT {SCHEMA_PREFIX}{label.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE (n.crawl, n.id) IS UNIQUE"
        for label in ENTITY_LABELS
    ),
    f"CREATE CONSTRAINT {SCHEMA_PREFIX}check_result IF NOT EXISTS "
    "FOR (r:CheckResult) REQUIRE (r.crawl, r.check) IS UNIQUE",
    f"CREATE INDEX {SCHEMA_PREFIX}page_crawl IF NOT EXISTS FOR (p:Page) ON (p.crawl)",
    f"CREATE INDEX {SCHEMA_PREFIX}page_crawl_type IF NOT EXISTS FOR (p:Page) ON (p.crawl, p.type)",
    *(
        f"CREATE INDEX {SCHEMA_PREFIX}{label.lower()}_crawl IF NOT EXISTS FOR (n:{label}) ON (n.crawl)"
        for label in ENTITY_LABELS
    ),
    f"CREATE INDEX {SCHEMA_PREFIX}crawl_site IF NOT EXISTS FOR (c:Crawl) ON (c.site)",
    f"CREATE CONSTRAINT {SCHEMA_PREFIX}load_lease IF NOT EXISTS FOR (l:LoadLease) REQUIRE l.site IS UNIQUE",
]


def ensure_schema(graph: Graph) -> None:
    for statement in STATEMENTS:
        graph.write(statement)
    graph.write("CALL db.awaitIndexes(300)")
