// id: AM023
// title: Links to redirects
// description: >-
//   A link (any position, followed or not) to a URL that redirects: link to the final URL
//   instead, so readers and crawlers skip the extra hop.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, status, final_url, detail]
// identity: [source, target]
// fix_cost: link
// why: >-
//   A page links to a URL that redirects. Each hop slows patients down and costs search engines
//   crawl effort, and redirects left in place tend to turn into chains or broken links as the site
//   changes.
// how_to_fix: >-
//   Update the link to point straight at the final URL shown in the finding. Where the old URL
//   sits in a menu, footer or shared template, update it there so every page is fixed at once.
MATCH (c:Crawl {id: $crawl, site: $site})
// Start from the few pages that fail, not from every link of the site.
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.status >= 300 AND t.status <= 399
CALL (t) {
  MATCH (t)<-[l:LINKS_TO]-(s:Page)
  WHERE s <> t AND s.in_crawl AND s.status = 200
  RETURN s, l
}
WITH DISTINCT s, t
RETURN s.url AS source,
       t.url AS target,
       t.status AS status,
       t.redirect_to AS final_url,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which redirects'
         + CASE WHEN t.redirect_to IS NULL THEN '' ELSE ' to ' + t.redirect_to END
         + ': link to the final URL instead.' AS detail
ORDER BY source, target
