// id: AM013
// title: Provider without a page
// description: >-
//   A provider in the site model with no profile page, or whose profile page the crawl did not
//   reach, so conditions and hubs cannot link to them.
// severity: low
// requires: [site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [provider, name, url, detail]
// identity: [provider]
// fix_cost: page
// why: >-
//   This clinician has no profile page, or the crawl did not find it, so condition pages,
//   specialty hubs and reviewed content cannot link to them. Patients cannot check who they would
//   see, and the site loses an important trust signal for its medical content.
// how_to_fix: >-
//   Publish a profile page and link it from the specialty hub and the conditions the clinician
//   treats. If the profile lives at another URL, or the clinician has left, update or remove the
//   entry in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (pr:Provider {crawl: c.id})
USING INDEX pr:Provider(crawl)
OPTIONAL MATCH (pr)-[:PROFILE]->(profile:Page)
WITH pr, profile
WHERE profile IS NULL OR NOT coalesce(profile.in_crawl, false)
RETURN pr.id AS provider,
       pr.name AS name,
       profile.url AS url,
       CASE WHEN profile IS NULL
         THEN pr.name + ' has no profile page in the site model: publish one and add its path as the provider\'s page.'
         ELSE pr.name + '\'s profile ' + coalesce(profile.path, profile.url) + ' was not found by the crawl: publish it or fix the path in the site model.'
       END AS detail
ORDER BY provider
