// id: AM021
// title: Unreachable pages
// description: >-
//   A crawled page that cannot be reached from the home page by following links (in any
//   position): the crawler found it some other way (sitemap, list mode, redirects). A URL that
//   only images, style sheets or scripts point at is a resource, not a page, and is left out.
// severity: high
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, status, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   The crawler found this page, but no chain of followed links leads to it from the home page; it
//   was reached only through the sitemap, a URL list or a redirect. Patients browsing the site
//   cannot get there, and search engines may treat it as unimportant.
// how_to_fix: >-
//   Link it from a reachable related page, such as its specialty hub or condition overview, and
//   make sure those links are not nofollow. If the page is retired, redirect or remove it and take
//   it out of the sitemap.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_crawl AND p.depth IS NULL AND NOT coalesce(p.is_home, false)
  // an image, style sheet or script URL no hyperlink points at is a resource, not a page
  AND NOT coalesce(p.resource, false)
RETURN p.url AS url,
       p.type AS type,
       p.status AS status,
       'No chain of followed links leads from the home page to ' + coalesce(p.path, p.url)
         + ': link it from a page that is reachable, or retire it.' AS detail
ORDER BY url
