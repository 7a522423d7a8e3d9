// title: Service page without supporting guides
// description: >-
//   A treatment or service page that links from its body to no supporting guide (a symptom,
//   diagnosis, test or follow-up page): the page books care but does not explain it.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['treatment', 'service'] AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p
      AND t.type IN ['symptom', 'diagnosis', 'test', 'follow_up']
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to no supporting guide (symptoms, diagnosis, tests, '
         + 'follow-up care): add a \'Before and after treatment\' section linking them.' AS detail
ORDER BY url
