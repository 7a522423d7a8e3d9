// id: AM034
// title: Blog post missing its service page
// description: >-
//   A blog post about a condition (by its URL, or by the condition's name or a synonym in its
//   title or H1) that does not link from its body to the condition's overview or treatment page.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, condition, detail]
// identity: [url, condition]
// fix_cost: link
// why: >-
//   This blog post is about a condition, judging by its URL, title or main heading, but its main
//   content links to neither that condition's overview nor its treatment page. Readers ready to
//   learn how it is assessed or treated have no path to the care pages.
// how_to_fix: >-
//   Link the condition's overview or treatment page where the post discusses evaluation or
//   treatment, for example 'treatment for high blood pressure'. If the post only mentions the
//   condition in passing, the finding can be ignored.
// suggests:
//   placement: "body: paragraph on evaluation or treatment"
//   targets: |
//     UNWIND $findings AS finding
//     MATCH (x:Condition {crawl: $crawl, id: finding.condition})
//     CALL (x) {
//       MATCH (x)-[st:STAGE]->(t:Page)
//       WHERE st.stage IN ['overview', 'treatment'] AND t.in_crawl AND t.status = 200
//       RETURN t, CASE st.stage WHEN 'treatment' THEN 0 ELSE 1 END AS rank
//       UNION
//       MATCH (x)<-[:ABOUT]-(t:Page {type: 'treatment'})
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 0 AS rank
//     }
//     WITH finding, t, rank ORDER BY rank, t.url
//     RETURN finding.url AS url, collect(t.url)[0] AS target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (b:Page {crawl: c.id, type: 'blog'})
USING INDEX b:Page(crawl)
WHERE b.in_crawl AND b.status = 200
// b.names: conditions whose name or synonym the title or H1 holds as whole words (stored by the loader).
WITH b, b.names + COLLECT { MATCH (b)-[a:ABOUT]->(x:Condition) WHERE a.via IN ['capture', 'model'] RETURN x.id } AS about
UNWIND about AS id
WITH DISTINCT b, id
MATCH (x:Condition {crawl: b.crawl, id: id})
WHERE NOT EXISTS {
  MATCH (b)-[l:LINKS_TO]->(t:Page)
  WHERE l.follow AND l.body AND t <> b
    AND (EXISTS { MATCH (x)-[st:STAGE]->(t) WHERE st.stage IN ['overview', 'treatment'] }
         OR (t.type = 'treatment' AND EXISTS { MATCH (t)-[:ABOUT]->(x) }))
}
RETURN b.url AS url,
       x.id AS condition,
       coalesce(b.path, b.url) + ' is about ' + x.name + ' but links to neither its overview nor its '
         + 'treatment page: link one where the post discusses evaluation or treatment.' AS detail
ORDER BY url, condition
