// title: Blog post missing its service page
// description: >-
//   A blog post about a condition (by its URL, or by the condition's name or a synonym in its
//   title or H1) that does not link from its body to the condition's overview or treatment page.
// severity: medium
// requires: [site_model]
// parameters:
//   site: {type: string, description: Site host}
// columns: [url, condition, detail]
MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)
CALL (c) {
  MATCH (x:Condition {crawl: c.id})
  USING INDEX x:Condition(crawl)
  UNWIND [x.name] + coalesce(x.synonyms, []) AS name
  WITH x, reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key
  WHERE key <> ' '
  RETURN collect({id: x.id, key: key}) AS names
}
MATCH (b:Page {crawl: c.id, type: 'blog'})
USING INDEX b:Page(crawl)
WHERE b.in_crawl AND b.status = 200
WITH b, names,
     reduce(t = ' ', w IN [w IN split(toLower(coalesce(b.title, '')),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | t + w + ' ') AS title,
     reduce(h = ' ', w IN [w IN split(toLower(coalesce(b.h1, '')),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | h + w + ' ') AS h1
WITH b, [n IN names WHERE title CONTAINS n.key OR h1 CONTAINS n.key | n.id]
        + COLLECT { MATCH (b)-[a:ABOUT]->(x:Condition) WHERE a.via IN ['capture', 'model'] RETURN x.id } AS ids
UNWIND ids AS id
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
