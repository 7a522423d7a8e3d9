// id: AM022
// title: Links to error pages
// description: >-
//   A link (any position, followed or not) to a page that answered 4xx or 5xx.
// severity: high
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, status, anchor, detail]
// identity: [source, target]
// fix_cost: link
// headline: Links to error pages
// why: >-
//   A page links, from its content, a menu or the footer, to a URL that returns a 4xx or 5xx
//   error. Patients following it hit a dead end while looking for care information, search engines
//   waste crawl effort, and broken links make medical content look unmaintained.
// how_to_fix: >-
//   Point the link at the correct working page, or remove it. If the same broken link appears on
//   many pages, it is in a menu, footer or template: fix it there once. If the target should
//   exist, restore it or redirect it to its replacement.
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
