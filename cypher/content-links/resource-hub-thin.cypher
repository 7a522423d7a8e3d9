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
