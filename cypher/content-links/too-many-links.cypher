// id: AM037
// title: Too many content links
// description: >-
//   A page whose body links to more distinct pages than max_content_outlinks: the links that
//   matter drown among the rest.
// severity: low
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   max_content_outlinks: {type: integer, default: 100, description: Most distinct pages a page body should link to}
// columns: [url, type, content_outlinks, detail]
// identity: [url]
// fix_cost: page
// why: >-
//   The main content of this page links to more distinct pages than the limit (100 by default).
//   The links that matter for a patient's next step get lost among the rest, and each link passes
//   less value to its target.
// how_to_fix: >-
//   Keep the links a reader needs at that point and move long lists to their own index pages. If
//   the crawl recorded no link positions, menu links count as content too. For an A to Z index,
//   raise max_content_outlinks in `site.yml` or ignore it.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_crawl AND p.status = 200
// body_outlinks: distinct pages the page links to with followed body links (stored by the loader)
WITH p, p.body_outlinks AS content_outlinks
WHERE content_outlinks > $max_content_outlinks
RETURN p.url AS url,
       p.type AS type,
       content_outlinks,
       coalesce(p.path, p.url) + ' links to ' + content_outlinks + ' pages from its body (limit '
         + $max_content_outlinks + '): keep the links a reader needs at that point and drop the rest.' AS detail
ORDER BY content_outlinks DESC, url
