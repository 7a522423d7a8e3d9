// id: AM001
// title: Orphan pages
// description: >-
//   An indexable page (crawled, or listed in the sitemap) that no other page links to, by any
//   followed link in any position. Search engines and visitors can only reach it from the
//   sitemap or from outside the site. A URL that only images, style sheets or scripts point at
//   is a resource, not a page, and is left out.
// severity: high
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, in_crawl, in_sitemap, detail]
// identity: [url]
// fix_cost: links
// headline: Orphan pages
// why: >-
//   No other page links to this page, not even a menu or footer; nofollow links do not count.
//   Patients browsing the site cannot reach it, and search engines can find it only through the
//   sitemap or other sites, so they may treat it as unimportant.
// how_to_fix: >-
//   Link to it from the main content of the most closely related page, such as its specialty hub,
//   condition overview or a related guide, with an anchor that names its topic. If the page is
//   retired, redirect it and remove it from the sitemap.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE (p.in_crawl OR p.in_sitemap)
  AND NOT coalesce(p.is_home, false)
  AND NOT coalesce(p.resource, false)
  AND coalesce(p.indexable, true)
  AND (p.status IS NULL OR p.status = 200)
  AND NOT EXISTS {
    MATCH (q:Page)-[l:LINKS_TO]->(p)
    WHERE l.follow AND q <> p
  }
RETURN p.url AS url,
       p.type AS type,
       p.in_crawl AS in_crawl,
       p.in_sitemap AS in_sitemap,
       'No page links to ' + coalesce(p.path, p.url) + ': add a link to it from a related hub, '
         + 'overview or guide so visitors and search engines can find it.' AS detail
ORDER BY url
