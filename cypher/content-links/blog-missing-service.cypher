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
