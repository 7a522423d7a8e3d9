// id: AM036
// title: Thin resource hub
// description: >-
//   A resource hub whose body links reach fewer of the site's condition overviews than the site
//   has: patient-education hubs should open onto every condition.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, linked, total, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This patient resource hub links from its main content to only some of the site's condition
//   overviews. Patients who start there cannot reach every condition, and the overviews left out
//   get less link equity and fewer paths for search engines.
// how_to_fix: >-
//   Add the missing condition overviews to the hub, for example as an A to Z list. If this is a
//   narrow resource page, such as lab prep or billing help, rather than a general hub, correct its
//   page type in `site.yml`.
// suggests:
//   placement: "hub: conditions list"
//   targets: |
//     UNWIND $urls AS url
//     MATCH (h:Page {crawl: $crawl, url: url})
//     MATCH (:Condition {crawl: $crawl})-[:STAGE {stage: 'overview'}]->(t:Page)
//     WHERE t.in_crawl AND t.status = 200
//       AND NOT EXISTS { MATCH (h)-[l:LINKS_TO]->(t) WHERE l.follow AND l.body }
//     WITH DISTINCT url, t ORDER BY t.url
//     RETURN url, t.url AS target
MATCH (c:Crawl {id: $crawl, site: $site})
CALL (c) {
  MATCH (x:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(o:Page)
  USING INDEX x:Condition(crawl)
  WHERE o.in_crawl AND o.status = 200
  RETURN collect(DISTINCT o) AS overviews
}
MATCH (h:Page {crawl: c.id, type: 'resource_hub'})
USING INDEX h:Page(crawl)
WHERE h.in_crawl AND h.status = 200
WITH h, overviews,
     COLLECT {
       MATCH (h)-[l:LINKS_TO]->(t:Page)
       WHERE l.follow AND l.body AND t <> h
       RETURN DISTINCT t
     } AS targets
WITH h, size(overviews) AS total, size([o IN overviews WHERE o IN targets]) AS linked
WHERE linked < total
RETURN h.url AS url,
       linked,
       total,
       coalesce(h.path, h.url) + ' links to ' + linked + ' of the site\'s ' + total
         + ' condition overviews: add the missing conditions to the hub.' AS detail
ORDER BY url
