// id: AM033
// title: Related link off the care pathway
// description: >-
//   A body link from one of a condition's own pages to a clinical page about conditions that
//   no specialty covering the condition covers: "related services" should stay within the same
//   care pathway.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, condition, specialty, detail]
// identity: [source, target, condition, specialty]
// fix_cost: link
// why: >-
//   A page about one condition links from its main content to a clinical page about a condition
//   that none of that condition's specialties cover. Off-pathway links can steer patients toward
//   care that does not fit and blur how search engines group related pages.
// how_to_fix: >-
//   Replace the link with a related page in the same specialty, or remove it if it does not help
//   the reader. If the link is clinically sound, such as a known complication, keep it and ignore
//   the finding, or add the condition to the specialty in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})
USING INDEX x:Condition(crawl)
WHERE EXISTS { MATCH (x)<-[:COVERS]-(:Specialty) }
MATCH (x)<-[a:ABOUT]-(s:Page)
WHERE a.via IN ['capture', 'model'] AND s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t AND t.in_crawl AND t.status = 200
  AND t.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
WITH DISTINCT x, s, t
WITH x, s, t, COLLECT { MATCH (t)-[:ABOUT]->(y:Condition) RETURN DISTINCT y } AS about
WHERE size(about) > 0
  AND none(y IN about WHERE y = x OR EXISTS { MATCH (x)<-[:COVERS]-(:Specialty)-[:COVERS]->(y) })
UNWIND about AS y
MATCH (y)<-[:COVERS]-(sp:Specialty)
WITH DISTINCT x, s, t, sp
RETURN s.url AS source,
       t.url AS target,
       x.id AS condition,
       sp.id AS specialty,
       coalesce(s.path, s.url) + ' (' + x.name + ') links to ' + coalesce(t.path, t.url) + ', a page of the '
         + sp.name + ' specialty, outside its care pathway: keep related links within the specialties '
         + 'that treat ' + x.name + '.' AS detail
ORDER BY source, target, condition, specialty
