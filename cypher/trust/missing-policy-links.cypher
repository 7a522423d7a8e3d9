// title: Clinical page missing policy links
// description: >-
//   A clinical page that links (from any position, footer included) to none of the policy pages:
//   medical disclaimer, non-emergency guidance, privacy (the site model's trust.policy_pages).
// severity: low
// requires: [links, site_model, policy_pages]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
  AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND t <> p AND t.trust_role = 'policy'
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to none of the policy pages (medical disclaimer, '
         + 'non-emergency guidance, privacy): add them to the page footer or below the content.' AS detail
ORDER BY url
