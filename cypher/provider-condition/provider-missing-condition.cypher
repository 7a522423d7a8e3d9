// id: AM011
// title: Provider page missing a condition
// description: >-
//   A provider treats a condition, and the provider's profile does not link from its body to
//   that condition's overview.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, provider, condition, detail]
// identity: [source, target, provider, condition]
// fix_cost: link
// why: >-
//   This specialist's profile does not link from its main content to the overview of a condition
//   they treat. Patients checking a clinician cannot read about their condition from there, and
//   search engines see a weaker link between the clinician's expertise and the topic.
// how_to_fix: >-
//   Add the condition to the profile's 'Conditions treated' section, linked to its overview with
//   the condition's name. If the clinician no longer treats it, remove it from their conditions in
//   `site.yml`.
// suggests:
//   placement: "body: 'Conditions treated' list"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (pr:Provider {crawl: c.id})-[:PROFILE]->(profile:Page)
USING INDEX pr:Provider(crawl)
WHERE profile.in_crawl AND profile.status = 200
MATCH (pr)-[:TREATS]->(x:Condition)-[:STAGE {stage: 'overview'}]->(overview:Page)
WHERE overview.in_crawl AND overview.status = 200 AND overview <> profile
  AND NOT EXISTS {
    MATCH (profile)-[l:LINKS_TO]->(overview)
    WHERE l.follow AND l.body
  }
RETURN profile.url AS source,
       overview.url AS target,
       pr.id AS provider,
       x.id AS condition,
       pr.name + '\'s profile does not link to the ' + x.name + ' overview: add it to the '
         + '\'Conditions treated\' section of the profile.' AS detail
ORDER BY provider, condition
