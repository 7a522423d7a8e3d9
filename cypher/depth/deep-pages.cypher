// title: Deep pages
// description: >-
//   An indexable page more clicks from the home page than max_depth, counting followed links in
//   any position: visitors and crawlers rarely get that far.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   max_depth: {type: integer, default: 3, description: Largest acceptable number of clicks from home}
// columns: [url, type, depth, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_crawl AND p.status = 200 AND coalesce(p.indexable, true) AND p.depth > $max_depth
RETURN p.url AS url,
       p.type AS type,
       p.depth AS depth,
       coalesce(p.path, p.url) + ' is ' + p.depth + ' clicks from the home page (limit ' + $max_depth
         + '): link it from a hub or overview closer to home.' AS detail
ORDER BY depth DESC, url
