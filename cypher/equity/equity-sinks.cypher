// id: AM040
// title: Where link equity pools
// description: >-
//   The pages holding the most internal PageRank, with their type, so a team sees whether link
//   equity pools on policy or utility pages instead of care pages.
// severity: info
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   limit: {type: integer, default: 10, description: How many pages to list}
// columns: [url, type, pagerank, share, detail]
// identity: [url]
// fix_cost: site
// why: >-
//   These are the pages that hold the most internal link equity. If privacy, policy or utility
//   pages top the list rather than hubs, condition overviews or booking pages, menus and footers
//   are pouring value into pages patients rarely need.
// how_to_fix: >-
//   Use the main content of high-equity care pages to link on to care pages that need support. If
//   policy or utility pages top the list, trim repeated menu and footer links to them. The home
//   page and key hubs ranking high is normal.
MATCH (c:Crawl {id: $crawl, site: $site})
CALL (c) {
  MATCH (p:Page {crawl: c.id})
  USING INDEX p:Page(crawl)
  WHERE p.in_crawl AND p.status = 200 AND NOT coalesce(p.resource, false)
  RETURN sum(p.pagerank) AS total
}
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.in_crawl AND p.status = 200 AND p.pagerank IS NOT NULL AND NOT coalesce(p.resource, false)
WITH p, total
ORDER BY p.pagerank DESC, p.url
LIMIT $limit
RETURN p.url AS url,
       p.type AS type,
       round(p.pagerank, 4) AS pagerank,
       CASE WHEN total > 0 THEN round(p.pagerank / total, 4) ELSE 0.0 END AS share,
       coalesce(p.path, p.url) + ' (' + coalesce(p.type, 'other') + ') holds '
         + toString(round(100.0 * p.pagerank / CASE WHEN total > 0 THEN total ELSE 1.0 END, 1)) + '% of the site\'s internal PageRank'
         + CASE WHEN p.type = 'policy'
             THEN ': check that menus and footers do not pour equity into policy pages.'
             ELSE ': use its body links to pass readers on to the care pages that need them.' END AS detail
ORDER BY pagerank DESC, url
