// id: AM002
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
// identity: [url]
// fix_cost: links
// why: >-
//   This URL is in the sitemap, but the crawl never reached it. Search engines are told the page
//   matters while patients have no route to it through the site, or the crawler was blocked from
//   fetching it.
// how_to_fix: >-
//   Link to it from its parent section, such as the condition overview or specialty hub it belongs
//   under. If it is blocked by robots.txt by mistake, unblock it. If the page is retired or
//   merged, remove it from the sitemap and redirect the URL.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_sitemap AND NOT p.in_crawl
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' is in the sitemap but no crawled page links to it: link to it '
         + 'from its parent section, or remove it from the sitemap if it is retired.' AS detail
ORDER BY url
