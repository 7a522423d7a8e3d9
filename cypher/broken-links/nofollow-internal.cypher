// id: AM025
// title: Nofollow internal links
// description: >-
//   An internal link marked rel="nofollow": it withholds link equity from the site's own page.
// severity: low
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, anchor, position, detail]
// identity: [source, target]
// fix_cost: link
// why: >-
//   An internal link carries rel=nofollow. It tells search engines not to pass value to the site's
//   own page, so that page gets less link equity, and this audit does not count the link as
//   connecting the two pages.
// how_to_fix: >-
//   Remove rel=nofollow from internal links; it is meant for untrusted or paid links to other
//   sites. If it comes from a CMS setting, a link plugin or a shared template, change it there
//   rather than page by page.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE s <> t AND l.follow = false
WITH s, t, collect(l) AS links
WITH s, t, links[0] AS l
RETURN s.url AS source,
       t.url AS target,
       trim(coalesce(l.anchor, '')) AS anchor,
       l.position AS position,
       'The link from ' + coalesce(s.path, s.url) + ' to ' + coalesce(t.path, t.url)
         + ' is marked nofollow: remove rel="nofollow" from internal links.' AS detail
ORDER BY source, target
