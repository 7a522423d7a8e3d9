// title: Anchor that misleads about its target
// description: >-
//   The anchor names a condition (its name or a synonym) other than the one the target page is
//   about, or uses scheduling words (appointment, book, schedule) for a page that is not an
//   appointment page, or clinical words (symptoms, diagnosis, treatment, test) for an
//   appointment page.
// severity: high
// requires: [site_model]
// parameters:
//   site: {type: string, description: Site host}
// columns: [source, target, anchor, target_type, detail]
MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)
// Condition names and synonyms as ' word word ' keys; a key two conditions share is ambiguous.
CALL (c) {
  MATCH (x:Condition {crawl: c.id})
  USING INDEX x:Condition(crawl)
  UNWIND [x.name] + coalesce(x.synonyms, []) AS name
  WITH x, reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key
  WHERE key <> ' '
  RETURN collect(DISTINCT key) AS keys,
         collect({key: key, id: x.id, name: x.name}) AS names,
         collect(DISTINCT split(trim(key), ' ')[0]) AS first_words,
         max(size(split(trim(key), ' '))) AS longest
}
CALL (c) {
  MATCH (x:Condition {crawl: c.id})
  USING INDEX x:Condition(crawl)
  UNWIND [x.name] + coalesce(x.synonyms, []) AS name
  WITH x, reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key
  WITH key, count(DISTINCT x) AS owners
  WHERE owners > 1
  RETURN collect(key) AS shared_keys
}
// Each distinct anchor is split into word n-grams once and looked up among the keys (list
// membership is a hash lookup), so the cost does not grow with anchors x conditions.
CALL (c, keys, first_words, shared_keys, longest) {
  MATCH (s:Page {crawl: c.id})
  USING INDEX s:Page(crawl)
  WHERE s.in_crawl AND s.status = 200
  MATCH (s)-[l:LINKS_TO]->(t:Page)
  WHERE l.follow AND l.body AND s <> t
  WITH DISTINCT trim(coalesce(l.anchor, '')) AS anchor
  WHERE anchor <> ''
  WITH anchor, [w IN split(toLower(anchor), [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] AS ws
  WITH anchor, ws,
       reduce(grams = [], i IN [i IN range(0, size(ws) - 1) WHERE ws[i] IN first_words] |
         grams + [j IN range(i, CASE WHEN i + coalesce(longest, 1) - 1 < size(ws) - 1 THEN i + coalesce(longest, 1) - 1 ELSE size(ws) - 1 END) |
                  reduce(g = ' ', w IN ws[i..j + 1] | g + w + ' ')]) AS grams
  WITH anchor,
       reduce(found = [], g IN grams | CASE WHEN g IN keys AND NOT g IN found THEN found + g ELSE found END) AS named,
       any(w IN ws WHERE w IN ['appointment', 'book', 'schedule']) AS scheduling,
       any(w IN ws WHERE w IN ['symptoms', 'diagnosis', 'treatment', 'test']) AS clinical
  WHERE size(named) > 0 OR scheduling
  WITH collect({anchor: anchor, named: named, scheduling: scheduling, clinical: clinical}) AS flagged
  RETURN [f IN flagged WHERE f.scheduling | f.anchor] AS scheduling_anchors,
         [f IN flagged WHERE size(f.named) > 0 | f.anchor] AS named_anchors,
         [f IN flagged WHERE size(f.named) > 0 AND f.clinical AND NOT f.scheduling | f.anchor] AS clinical_anchors,
         [f IN flagged WHERE any(k IN f.named WHERE k IN shared_keys) | f.anchor] AS ambiguous_anchors,
         [f IN flagged WHERE size(f.named) > 0 | f.anchor + '\n#' + toString(size(f.named))] AS named_counts,
         COLLECT { UNWIND flagged AS f UNWIND f.named AS k RETURN f.anchor + '\n' + k } AS named_pairs
}
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t
WITH names, scheduling_anchors, named_anchors, clinical_anchors, ambiguous_anchors, named_counts, named_pairs,
     s, t, trim(coalesce(l.anchor, '')) AS anchor
WHERE anchor IN scheduling_anchors OR anchor IN named_anchors
WITH names, s, t, anchor,
     anchor IN scheduling_anchors AS scheduling,
     anchor IN clinical_anchors AS clinical_named,
     CASE
       WHEN NOT anchor IN named_anchors THEN null
       WHEN NOT EXISTS { MATCH (t)-[:ABOUT]->(:Condition) } THEN null
       WHEN anchor IN ambiguous_anchors
         OR NOT (anchor + '\n#' + toString(size(COLLECT {
                  MATCH (t)-[:ABOUT]->(y:Condition)
                  UNWIND [y.name] + coalesce(y.synonyms, []) AS name
                  WITH DISTINCT reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key
                  WHERE anchor + '\n' + key IN named_pairs
                  RETURN key
                }))) IN named_counts
         THEN [n IN names WHERE reduce(k = ' ', w IN [w IN split(toLower(anchor),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') CONTAINS n.key
                 AND NOT EXISTS { MATCH (t)-[:ABOUT]->(:Condition {id: n.id}) }][0]
     END AS foreign
WITH s, t, anchor,
     CASE
       WHEN foreign IS NOT NULL THEN 'names ' + foreign.name + ', a condition that page is not about: name the page\'s own condition instead.'
       WHEN scheduling AND coalesce(t.type, '') <> 'appointment' THEN 'promises a booking, but the target is not an appointment page: link the words to the appointment page, or describe the target.'
       WHEN clinical_named AND t.type = 'appointment' THEN 'reads like clinical information, but the target is an appointment page: say what the reader can book.'
     END AS problem
WHERE problem IS NOT NULL
WITH DISTINCT s, t, anchor, problem
RETURN s.url AS source,
       t.url AS target,
       anchor,
       t.type AS target_type,
       'The anchor "' + anchor + '" on ' + coalesce(s.path, s.url) + ' ' + problem AS detail
ORDER BY source, target, anchor
