// title: Dead-end education page
// description: >-
//   A clinical or blog page with no body link to any next-step page (appointment, location,
//   telehealth or provider profile), so a reader who is ready to act has nowhere to go.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up', 'blog']
  AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p
      AND t.type IN ['appointment', 'location', 'telehealth', 'provider']
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to no next step (appointment, location, telehealth or '
         + 'specialist): add a next-step block at the end of the page.' AS detail
ORDER BY url
