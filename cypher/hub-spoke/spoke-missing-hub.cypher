// id: AM005
// title: Spoke missing its hub
// description: >-
//   A condition overview, treatment page or provider profile of a specialty that does not link
//   back, from its body, to that specialty's hub.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, specialty, type, detail]
// identity: [source, target, specialty]
// fix_cost: link
// why: >-
//   This condition overview, treatment page or specialist profile does not link back to its
//   specialty hub from its main content. Patients cannot step back to related conditions and
//   clinicians, and the hub gets less link equity from the pages it gathers.
// how_to_fix: >-
//   Add a link to the specialty hub near the introduction, for example 'our endocrinology team'. A
//   menu link does not count. Where many pages of one type lack it, add it to their template; if
//   the page sits under the wrong specialty, fix `site.yml`.
// suggests:
//   placement: "body: introduction ('part of our ... service')"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (s:Specialty {crawl: c.id})-[:HUB]->(hub:Page)
USING INDEX s:Specialty(crawl)
WHERE hub.in_crawl AND hub.status = 200
CALL (s) {
  MATCH (s)-[:COVERS]->(:Condition)-[:STAGE {stage: 'overview'}]->(spoke:Page)
  RETURN spoke
  UNION
  MATCH (s)-[:COVERS]->(x:Condition)<-[:ABOUT]-(spoke:Page {type: 'treatment'})
  RETURN spoke
  UNION
  MATCH (s)<-[:PRACTISES]-(:Provider)-[:PROFILE]->(spoke:Page)
  RETURN spoke
}
WITH s, hub, spoke
WHERE spoke.in_crawl AND spoke.status = 200 AND spoke <> hub
  AND NOT EXISTS {
    MATCH (spoke)-[l:LINKS_TO]->(hub)
    WHERE l.follow AND l.body
  }
RETURN spoke.url AS source,
       hub.url AS target,
       s.id AS specialty,
       spoke.type AS type,
       coalesce(spoke.path, spoke.url) + ' does not link back to the ' + s.name
         + ' hub: add a link to the hub in the page body, near the introduction.' AS detail
ORDER BY source, target
