// id: AM032
// title: Related conditions not linked
// description: >-
//   Two related conditions (the site model's `related`) whose overview pages do not link to
//   each other from their body in either direction.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, condition, related, detail]
// identity: [source, target, condition, related]
// fix_cost: link
// why: >-
//   Two conditions listed as related, such as obesity and insulin resistance, have overviews that
//   do not link to each other from their main content in either direction. Patients with
//   overlapping conditions miss useful information, and search engines see a weaker topic cluster.
// how_to_fix: >-
//   Add a 'Related conditions' link in each overview's main content, anchored with the other
//   condition's name. If the two conditions are not meaningfully related, remove the pairing from
//   the related list in `site.yml`.
// suggests:
//   placement: "body: 'Related conditions' section"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})-[:RELATED_TO]->(y:Condition)
USING INDEX x:Condition(crawl)
MATCH (x)-[:STAGE {stage: 'overview'}]->(a:Page)
WHERE a.in_crawl AND a.status = 200
MATCH (y)-[:STAGE {stage: 'overview'}]->(b:Page)
WHERE b.in_crawl AND b.status = 200 AND a <> b
  AND NOT EXISTS {
    MATCH (a)-[l:LINKS_TO]-(b)
    WHERE l.follow AND l.body
  }
RETURN a.url AS source,
       b.url AS target,
       x.id AS condition,
       y.id AS related,
       'The ' + x.name + ' and ' + y.name + ' overviews do not link to each other: add a '
         + '\'Related conditions\' link in each.' AS detail
ORDER BY condition, related
