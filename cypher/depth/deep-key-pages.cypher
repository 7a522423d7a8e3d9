// id: AM020
// title: Deep key pages
// description: >-
//   A specialty hub, condition overview or appointment page more clicks from the home page than
//   key_page_max_depth: the pages that matter most should be closest to home.
// severity: high
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   key_page_max_depth: {type: integer, default: 2, description: "Largest acceptable clicks from home for hubs, condition overviews and appointment pages"}
// columns: [url, type, depth, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   A specialty hub, condition page or appointment page sits more clicks from the home page than
//   the limit for key pages (2 by default). These are the pages patients most need to reach
//   quickly, and depth tells search engines they matter less.
// how_to_fix: >-
//   Link it from the home page, the main menu or a specialty hub one click from home; a 'Book an
//   appointment' link in the header fixes appointment pages site-wide. Change key_page_max_depth
//   in `site.yml` only if the limit does not suit the site.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['specialty_hub', 'condition', 'appointment']
  AND p.in_crawl AND p.status = 200 AND p.depth > $key_page_max_depth
RETURN p.url AS url,
       p.type AS type,
       p.depth AS depth,
       coalesce(p.path, p.url) + ' is a key ' + replace(p.type, '_', ' ') + ' page ' + p.depth
         + ' clicks from home (limit ' + $key_page_max_depth + '): link it from the home page or the main menu.' AS detail
ORDER BY depth DESC, url
