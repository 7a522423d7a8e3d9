// id: AM012
// title: Condition page missing its providers
// description: >-
//   A condition overview that links from its body to none of the providers who treat the
//   condition; one finding per provider left unlinked.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, condition, provider, detail]
// identity: [source, target, condition, provider]
// fix_cost: link
// why: >-
//   The condition overview links from its main content to none of the specialists who treat this
//   condition. Patients cannot see who provides the care, and search engines miss evidence that
//   real clinicians stand behind the topic.
// how_to_fix: >-
//   Add a 'Who treats this condition' section linking the relevant specialists by name and title;
//   linking one of them clears every finding for this overview. If a listed clinician does not
//   treat the condition, correct `site.yml`.
// suggests:
//   placement: "body: 'Who treats this condition' section"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(overview:Page)
USING INDEX x:Condition(crawl)
WHERE overview.in_crawl AND overview.status = 200
MATCH (x)<-[:TREATS]-(pr:Provider)-[:PROFILE]->(profile:Page)
WHERE profile.in_crawl AND profile.status = 200 AND profile <> overview
WITH x, overview, pr, profile,
     EXISTS {
       MATCH (overview)-[l:LINKS_TO]->(profile)
       WHERE l.follow AND l.body
     } AS linked
WITH x, overview, collect({provider: pr, page: profile}) AS treating, any(flag IN collect(linked) WHERE flag) AS links_one
WHERE NOT links_one
UNWIND treating AS t
RETURN overview.url AS source,
       t.page.url AS target,
       x.id AS condition,
       t.provider.id AS provider,
       'The ' + x.name + ' overview links to none of the specialists who treat it: add '
         + t.provider.name + ' to a \'Who treats ' + x.name + '\' section.' AS detail
ORDER BY condition, provider
