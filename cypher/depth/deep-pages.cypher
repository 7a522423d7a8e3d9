// id: AM019
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
// identity: [url]
// fix_cost: links
// headline: Pages too deep
// why: >-
//   This indexable page is more clicks from the home page than the limit (3 by default). Patients
//   rarely browse that far, and search engines tend to crawl deep pages less often and treat them
//   as less important.
// how_to_fix: >-
//   Link it from a hub, condition overview or resource page closer to the home page, and shorten
//   long chains such as paginated archives. If deep pages of this kind are acceptable on your
//   site, raise max_depth in `site.yml`.
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
