// title: Links to error pages
// description: >-
//   A link (any position, followed or not) to a page that answered 4xx or 5xx.
// severity: high
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, status, anchor, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
// Start from the few pages that fail, not from every link of the site.
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.status >= 400 AND t.status <= 599
CALL (t) {
  MATCH (t)<-[l:LINKS_TO]-(s:Page)
  WHERE s <> t AND s.in_crawl AND s.status = 200
  RETURN s, l
}
WITH s, t, collect(trim(coalesce(l.anchor, ''))) AS anchors
RETURN s.url AS source,
       t.url AS target,
       t.status AS status,
       anchors[0] AS anchor,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which answers ' + t.status
         + ': point the link at a working page or remove it.' AS detail
ORDER BY source, target
