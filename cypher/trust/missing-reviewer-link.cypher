// title: Clinical page missing its reviewer
// description: >-
//   A clinical page that does not link from its body to the profile of the provider who wrote
//   or reviewed it, or, when nobody is named, to any provider profile: readers cannot check who
//   stands behind the medical content.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, provider, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
  AND p.in_crawl AND p.status = 200
WITH p, COLLECT { MATCH (p)-[:REVIEWED_BY]->(r:Provider) RETURN r ORDER BY r.id } AS reviewers
WHERE CASE WHEN size(reviewers) > 0
        THEN NOT EXISTS {
          MATCH (p)-[l:LINKS_TO]->(t:Page)<-[:PROFILE]-(r:Provider)
          WHERE l.follow AND l.body AND t <> p AND r IN reviewers
        }
        ELSE NOT EXISTS {
          MATCH (p)-[l:LINKS_TO]->(t:Page)<-[:PROFILE]-(:Provider)
          WHERE l.follow AND l.body AND t <> p
        }
      END
RETURN p.url AS url,
       p.type AS type,
       CASE WHEN size(reviewers) > 0 THEN reviewers[0].id END AS provider,
       CASE WHEN size(reviewers) > 0
         THEN coalesce(p.path, p.url) + ' does not link to its reviewer, ' + reviewers[0].name
              + ': add a linked \'Reviewed by\' line under the title.'
         ELSE coalesce(p.path, p.url) + ' links to no clinician profile: name the author or medical '
              + 'reviewer and link their profile under the title.'
       END AS detail
ORDER BY url
