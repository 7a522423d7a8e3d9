// title: Sitemap-only URLs
// description: >-
//   A URL listed in the sitemap that the crawl never reached by following links: it exists for
//   search engines but no navigation path leads to it.
// severity: high
// requires: [sitemap]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_sitemap AND NOT p.in_crawl
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' is in the sitemap but no crawled page links to it: link to it '
         + 'from its parent section, or remove it from the sitemap if it is retired.' AS detail
ORDER BY url
