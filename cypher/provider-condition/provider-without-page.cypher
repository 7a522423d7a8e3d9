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
