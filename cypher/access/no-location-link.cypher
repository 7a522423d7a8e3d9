// id: AM029
// title: No location or telehealth link
// description: >-
//   A condition overview or specialty hub with no body link to a location or telehealth page:
//   readers who are ready to be seen cannot find where.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, condition, specialty, detail]
// identity: [url]
// fix_cost: link
// why: >-
//   This condition overview or specialty hub does not link from its main content to any clinic
//   location or telehealth page. Patients who are ready to be seen cannot find where the care is
//   offered, and location pages miss link equity from the topics that matter most.
// how_to_fix: >-
//   Add a 'Where to be seen' block linking the clinics that offer this care and the virtual visits
//   page, each anchored with the location's name. Where many overviews or hubs lack it, add the
//   block to their template.
// suggests:
//   placement: "body: 'Where to be seen' block"
//   targets: |
//     UNWIND $urls AS url
//     MATCH (p:Page {crawl: $crawl, url: url})
//     CALL (p) {
//       MATCH (p)<-[:STAGE {stage: 'overview'}]-(:Condition)<-[:COVERS]-(:Specialty)<-[:OFFERS]-(l:Location)-[:LOCATION_PAGE]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 0 AS rank
//       UNION
//       MATCH (p)<-[:HUB]-(:Specialty)<-[:OFFERS]-(l:Location)-[:LOCATION_PAGE]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 0 AS rank
//       UNION
//       MATCH (t:Page {crawl: p.crawl, type: 'telehealth'})
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 1 AS rank
//     }
//     WITH url, t, min(rank) AS rank ORDER BY rank, t.url
//     WITH url, collect(t.url)[0..3] AS targets
//     UNWIND targets AS target
//     RETURN url, target
MATCH (c:Crawl {id: $crawl, site: $site})
CALL (c) {
  MATCH (x:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(p:Page)
  USING INDEX x:Condition(crawl)
  RETURN p, x.id AS condition, null AS specialty, x.name + ' overview' AS label
  UNION
  MATCH (s:Specialty {crawl: c.id})-[:HUB]->(p:Page)
  USING INDEX s:Specialty(crawl)
  RETURN p, null AS condition, s.id AS specialty, s.name + ' hub' AS label
}
WITH p, condition, specialty, label
WHERE p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p AND t.type IN ['location', 'telehealth']
      AND t.in_crawl AND t.status = 200
  }
WITH p, collect(condition)[0] AS condition, collect(specialty)[0] AS specialty, collect(label)[0] AS label
RETURN p.url AS url,
       p.type AS type,
       condition,
       specialty,
       'The ' + label + ' links to no location or telehealth page: add a \'Where to be seen\' '
         + 'block with the clinics and virtual visits that offer this care.' AS detail
ORDER BY url
