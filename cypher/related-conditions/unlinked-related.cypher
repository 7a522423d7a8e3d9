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
