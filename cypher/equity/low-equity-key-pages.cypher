// id: AM039
// title: Key pages with little link equity
// description: >-
//   A specialty hub, condition overview, diagnosis, treatment or appointment page whose internal
//   PageRank (over followed links) is below the median of the site's pages: the site's own links
//   do not point readers and crawlers at its most important care pages.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, pagerank, median, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This specialty hub, condition, diagnosis, treatment or appointment page receives less internal
//   link equity than half the site's pages. The site's own links are not pointing patients or
//   search engines at one of its most important care pages.
// how_to_fix: >-
//   Link it from hubs, condition overviews, related guides and blog posts with descriptive
//   anchors, and from the menu if it is a main entry point. Fixing orphan, hub and pathway
//   findings for the same page usually lifts it.
MATCH (c:Crawl {id: $crawl, site: $site})
CALL (c) {
  MATCH (p:Page {crawl: c.id})
  USING INDEX p:Page(crawl)
  WHERE p.in_crawl AND p.status = 200
  RETURN percentileCont(p.pagerank, 0.5) AS median
}
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['specialty_hub', 'condition', 'diagnosis', 'treatment', 'appointment']
  AND p.in_crawl AND p.status = 200 AND p.pagerank < median
RETURN p.url AS url,
       p.type AS type,
       round(p.pagerank, 4) AS pagerank,
       round(median, 4) AS median,
       coalesce(p.path, p.url) + ' holds less internal PageRank than half the site\'s pages: link it '
         + 'from hubs, overviews and related guides.' AS detail
ORDER BY pagerank, url
