// id: AM031
// title: Provider page missing a location
// description: >-
//   A provider profile that does not link from its body to a location the provider works at.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, provider, location, detail]
// identity: [source, target, provider, location]
// fix_cost: link
// why: >-
//   This specialist's profile does not link from its main content to a location where they see
//   patients. A patient who has chosen a clinician cannot find where to go, and the location page
//   misses a relevant link.
// how_to_fix: >-
//   Add a 'Where to see' section to the profile linking each location the clinician works at,
//   anchored with the location's name. If they no longer work there, update their locations in
//   `site.yml`.
// suggests:
//   placement: "body: 'Locations' section of the profile"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (pr:Provider {crawl: c.id})-[:PROFILE]->(profile:Page)
USING INDEX pr:Provider(crawl)
WHERE profile.in_crawl AND profile.status = 200
MATCH (pr)-[:WORKS_AT]->(loc:Location)-[:LOCATION_PAGE]->(page:Page)
WHERE page.in_crawl AND page.status = 200 AND page <> profile
  AND NOT EXISTS {
    MATCH (profile)-[l:LINKS_TO]->(page)
    WHERE l.follow AND l.body
  }
RETURN profile.url AS source,
       page.url AS target,
       pr.id AS provider,
       loc.id AS location,
       pr.name + '\'s profile does not link to ' + loc.name + ', where they see patients: add it '
         + 'to the profile\'s \'Where to see ' + pr.name + '\' section.' AS detail
ORDER BY provider, location
