// id: AM038
// title: Too few contextual links
// description: >-
//   A condition, treatment or service page that links from its body to fewer distinct pages
//   than min_contextual_outlinks: it leaves readers without the next pages of their care.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   min_contextual_outlinks: {type: integer, default: 3, description: "Fewest distinct pages a condition, treatment or service page body should link to"}
// columns: [url, type, content_outlinks, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This condition, treatment or service page links to fewer distinct pages from its main content
//   than the minimum (3 by default). Patients reach the end without a path to symptoms, tests,
//   treatment or booking, and search engines see a page cut off from its topic.
// how_to_fix: >-
//   Link the related symptoms, tests, treatment and next-step pages where the text mentions them,
//   using anchors that name each target. Menu and footer links do not count here, so the links
//   must sit in the content itself.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'treatment', 'service'] AND p.in_crawl AND p.status = 200
// body_outlinks: distinct pages the page links to with followed body links (stored by the loader)
WITH p, p.body_outlinks AS content_outlinks
WHERE content_outlinks < $min_contextual_outlinks
RETURN p.url AS url,
       p.type AS type,
       content_outlinks,
       coalesce(p.path, p.url) + ' links to only ' + content_outlinks + ' pages from its body (at least '
         + $min_contextual_outlinks + ' expected): link its symptoms, tests, treatment and next steps where the text mentions them.' AS detail
ORDER BY url
