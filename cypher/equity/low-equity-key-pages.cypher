// id: AM039
// title: Key pages with little link equity
// description: >-
//   A specialty hub, condition overview, diagnosis, treatment or appointment page whose internal
//   PageRank (over followed links) is below two thirds of the median of its peers, the live
//   pages of its type at its depth (at least three): the site links its peers and not it, so
//   readers and crawlers miss one of its most important care pages. The median column is its
//   peers' median.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, pagerank, median, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This specialty hub, condition, diagnosis, treatment or appointment page receives much less
//   internal link equity than the other pages of its type at the same depth. The site links its
//   peers and not it, so patients and search engines are pointed away from one of its care pages.
// how_to_fix: >-
//   Link it from hubs, condition overviews, related guides and blog posts with descriptive
//   anchors, and from the menu if it is a main entry point. Fixing orphan, hub and pathway
//   findings for the same page usually lifts it.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['specialty_hub', 'condition', 'diagnosis', 'treatment', 'appointment']
  AND p.in_crawl AND p.status = 200 AND p.depth IS NOT NULL AND p.pagerank IS NOT NULL
  AND NOT coalesce(p.resource, false)
// A key page is compared with its peers, the live pages of its type at its depth: every page
// deeper in the site holds less PageRank (the depth checks report depth), so "below the site's
// median" lists whole levels of a site. A page with less than two thirds of its peers' median
// lacks the links its peers have, and linking it like them is the fix. Levels of fewer than three
// pages have no typical page to compare with.
WITH p.type AS type, p.depth AS depth, collect(p) AS peers, percentileCont(p.pagerank, 0.5) AS median
WHERE size(peers) >= 3
UNWIND peers AS p
WITH p, type, depth, median, size(peers) AS n
WHERE p.pagerank < median * 2.0 / 3.0
RETURN p.url AS url,
       p.type AS type,
       round(p.pagerank, 4) AS pagerank,
       round(median, 4) AS median,
       coalesce(p.path, p.url) + ' holds ' + toInteger(round(100.0 * p.pagerank / median)) + '% of the internal '
         + 'PageRank of a typical ' + replace(type, '_', ' ') + ' page ' + depth + ' clicks from home (the median of '
         + 'the ' + n + ' such pages): link it from the hubs, overviews and guides that link the others.' AS detail
ORDER BY pagerank, url
