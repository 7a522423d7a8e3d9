// id: AM004
// title: Hub missing a spoke
// description: >-
//   A specialty hub that does not link, from its body, to the overview page of a condition its
//   specialty covers, or to the profile of a provider practising that specialty.
// severity: high
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, specialty, condition, provider, detail]
// identity: [source, target, specialty]
// fix_cost: link
// why: >-
//   The specialty hub does not link from its main content to a condition overview or specialist
//   profile that belongs to the specialty. Patients browsing the specialty miss that condition or
//   clinician, and search engines see a weaker tie between the specialty and its topics.
// how_to_fix: >-
//   Add the condition to the hub's conditions list, or the clinician to its specialists list,
//   anchored with the condition's name or the clinician's name and title. If it does not belong to
//   this specialty, correct `site.yml`.
// suggests:
//   placement: "hub: conditions list"
//   placement_by: provider
//   placements: {"*": "hub: specialists list"}
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (s:Specialty {crawl: c.id})-[:HUB]->(hub:Page)
USING INDEX s:Specialty(crawl)
WHERE hub.in_crawl AND hub.status = 200
CALL (s) {
  MATCH (s)-[:COVERS]->(x:Condition)-[:STAGE {stage: 'overview'}]->(spoke:Page)
  RETURN spoke, x.id AS condition, null AS provider, 'the ' + x.name + ' overview' AS label
  UNION
  MATCH (s)<-[:PRACTISES]-(pr:Provider)-[:PROFILE]->(spoke:Page)
  RETURN spoke, null AS condition, pr.id AS provider, pr.name + '\'s profile' AS label
}
WITH s, hub, spoke, condition, provider, label
WHERE spoke.in_crawl AND spoke.status = 200 AND spoke <> hub
  AND NOT EXISTS {
    MATCH (hub)-[l:LINKS_TO]->(spoke)
    WHERE l.follow AND l.body
  }
RETURN hub.url AS source,
       spoke.url AS target,
       s.id AS specialty,
       condition,
       provider,
       'The ' + s.name + ' hub does not link to ' + label + ': add it to the hub\'s '
         + CASE WHEN provider IS NULL THEN 'conditions' ELSE 'specialists' END + ' list.' AS detail
ORDER BY source, target, condition, provider
