// id: AM006
// title: Condition without a hub
// description: >-
//   A condition that no specialty with a hub page covers, so no hub gathers it with its
//   neighbouring conditions, treatments and specialists.
// severity: medium
// requires: [site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [condition, name, url, detail]
// identity: [condition]
// fix_cost: page
// why: >-
//   No specialty with a hub page covers this condition, so no central page gathers it with related
//   conditions, treatments and specialists, and search engines cannot place it within a clinical
//   specialty.
// how_to_fix: >-
//   Add the condition to the right specialty's conditions in `site.yml` and link its overview from
//   that hub's conditions list. If the specialty has no hub page yet, publish one and record its
//   URL in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})
USING INDEX x:Condition(crawl)
WHERE NOT EXISTS { MATCH (x)<-[:COVERS]-(:Specialty)-[:HUB]->(:Page) }
OPTIONAL MATCH (x)-[:STAGE {stage: 'overview'}]->(overview:Page)
RETURN x.id AS condition,
       x.name AS name,
       overview.url AS url,
       x.name + ' is not covered by any specialty with a hub page: add it to a specialty\'s '
         + 'conditions in the site model and link it from that hub.' AS detail
ORDER BY condition
