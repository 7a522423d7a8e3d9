// title: Links to error pages
// description: >-
//   A link (any position, followed or not) to a page that answered 4xx or 5xx.
// severity: high
// parameters:
//   site: {type: string, description: Site host}
// columns: [source, target, status, anchor, detail]
MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE s <> t AND t.status >= 400 AND t.status <= 599
WITH s, t, collect(trim(coalesce(l.anchor, ''))) AS anchors
RETURN s.url AS source,
       t.url AS target,
       t.status AS status,
       anchors[0] AS anchor,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which answers ' + t.status
         + ': point the link at a working page or remove it.' AS detail
ORDER BY source, target
