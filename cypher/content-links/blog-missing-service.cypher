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
// Condition names and synonyms as ' word word ' keys, sorted, with the condition each belongs to.
CALL (c) {
  MATCH (x:Condition {crawl: c.id})
  USING INDEX x:Condition(crawl)
  UNWIND [x.name] + coalesce(x.synonyms, []) AS name
  WITH DISTINCT reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key, x.id AS id
  WHERE key <> ' '
  ORDER BY key, id
  RETURN collect(key) AS keys, collect(id) AS ids, coalesce(max(size(split(trim(key), ' '))), 1) AS longest
}
MATCH (b:Page {crawl: c.id, type: 'blog'})
USING INDEX b:Page(crawl)
WHERE b.in_crawl AND b.status = 200
// The title's and H1's word n-grams that are keys (a hash lookup each), then each key's
// conditions found by binary search in the sorted keys: no scan of every condition per post.
WITH b, keys, ids, longest,
     [w IN split(toLower(coalesce(b.title, '')), [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] AS title,
     [w IN split(toLower(coalesce(b.h1, '')), [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] AS h1
WITH b, keys, ids,
     [g IN reduce(grams = [], i IN range(0, size(title) - 1) |
         grams + [j IN range(i, CASE WHEN i + longest - 1 < size(title) - 1 THEN i + longest - 1 ELSE size(title) - 1 END) |
                  reduce(g = ' ', w IN title[i..j + 1] | g + w + ' ')]) + reduce(grams = [], i IN range(0, size(h1) - 1) |
         grams + [j IN range(i, CASE WHEN i + longest - 1 < size(h1) - 1 THEN i + longest - 1 ELSE size(h1) - 1 END) |
                  reduce(g = ' ', w IN h1[i..j + 1] | g + w + ' ')]) WHERE g IN keys] AS found
WITH b, keys, ids,
     [g IN found | {key: g, first: reduce(span = [0, size(keys)], step IN range(1, 32) |
                      CASE WHEN span[0] >= span[1] THEN span
                           WHEN keys[(span[0] + span[1]) / 2] < g THEN [(span[0] + span[1]) / 2 + 1, span[1]]
                           ELSE [span[0], (span[0] + span[1]) / 2] END)[0]}] AS hits
// A key is followed in the sorted list by the other conditions sharing it (at most 20 looked at).
WITH b,
     reduce(acc = [], hit IN hits |
       acc + [i IN range(hit.first, CASE WHEN hit.first + 20 < size(keys) THEN hit.first + 20 ELSE size(keys) - 1 END)
              WHERE keys[i] = hit.key | ids[i]]) AS named
WITH b, named + COLLECT { MATCH (b)-[a:ABOUT]->(x:Condition) WHERE a.via IN ['capture', 'model'] RETURN x.id } AS about
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
