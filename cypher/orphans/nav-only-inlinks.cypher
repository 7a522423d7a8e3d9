// title: Pages linked only from navigation
// description: >-
//   A clinical or next-step page whose incoming links all come from the header, navigation or
//   footer. It is discoverable, but no body content links to it, so nothing tells readers or
//   search engines what topic it belongs to.
// severity: medium
// requires: [links, site_model, positions]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, inlinks, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up',
                 'appointment', 'location', 'telehealth', 'provider']
  AND p.in_crawl AND p.status = 200
MATCH (q:Page)-[l:LINKS_TO]->(p)
WHERE l.follow AND q <> p
WITH p, collect(coalesce(l.position, 'unknown')) AS positions, count(DISTINCT q) AS inlinks
WHERE all(position IN positions WHERE position IN ['Header', 'Navigation', 'Footer'])
RETURN p.url AS url,
       p.type AS type,
       inlinks,
       coalesce(p.path, p.url) + ' is linked only from menus (header, navigation, footer): add a '
         + 'contextual link to it from the body of a related page.' AS detail
ORDER BY url
