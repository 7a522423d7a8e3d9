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
CALL (c) {
  MATCH (x:Condition {crawl: c.id})
  UNWIND [x.name] + coalesce(x.synonyms, []) AS name
  WITH x, reduce(k = ' ', w IN [w IN split(toLower(name),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') AS key
  WHERE key <> ' '
  RETURN collect({id: x.id, name: x.name, key: key}) AS names
}
// Each distinct anchor text is matched against the condition names once; the links are then
// checked against the resulting lists (list membership is a hash lookup).
CALL (c, names) {
  MATCH (s:Page {crawl: c.id})
  WHERE s.in_crawl AND s.status = 200
  MATCH (s)-[l:LINKS_TO]->(t:Page)
  WHERE l.follow AND l.body AND s <> t
  WITH DISTINCT trim(coalesce(l.anchor, '')) AS anchor
  WHERE anchor <> ''
  WITH anchor, reduce(s = ' ', w IN [w IN split(toLower(anchor),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | s + w + ' ') AS words
  WITH anchor,
       reduce(ids = [], n IN names |
              CASE WHEN words CONTAINS n.key AND NOT n.id IN ids THEN ids + n.id ELSE ids END) AS named,
       any(w IN ['appointment', 'book', 'schedule'] WHERE words CONTAINS ' ' + w + ' ') AS scheduling,
       any(w IN ['symptoms', 'diagnosis', 'treatment', 'test'] WHERE words CONTAINS ' ' + w + ' ') AS clinical
  WHERE size(named) > 0 OR scheduling
  WITH collect({anchor: anchor, named: named, scheduling: scheduling, clinical: clinical}) AS flagged
  RETURN [f IN flagged WHERE f.scheduling | f.anchor] AS scheduling_anchors,
         [f IN flagged WHERE size(f.named) > 0 | f.anchor] AS named_anchors,
         [f IN flagged WHERE size(f.named) > 0 AND f.clinical AND NOT f.scheduling | f.anchor] AS clinical_anchors,
         [f IN flagged WHERE size(f.named) > 0 | f.anchor + '\n#' + toString(size(f.named))] AS named_counts,
         COLLECT { UNWIND flagged AS f UNWIND f.named AS id RETURN f.anchor + '\n' + id } AS named_pairs
}
MATCH (s:Page {crawl: c.id})
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t
WITH names, scheduling_anchors, named_anchors, clinical_anchors, named_counts, named_pairs,
     s, t, trim(coalesce(l.anchor, '')) AS anchor
WHERE anchor IN scheduling_anchors OR anchor IN named_anchors
WITH names, s, t, anchor,
     anchor IN scheduling_anchors AS scheduling,
     anchor IN clinical_anchors AS clinical_named,
     CASE WHEN anchor IN named_anchors
       THEN COLLECT { MATCH (t)-[:ABOUT]->(y:Condition) RETURN DISTINCT y.id }
       ELSE [] END AS about,
     named_counts, named_pairs
WITH names, s, t, anchor, scheduling, clinical_named, about,
     size(about) > 0
       AND NOT (anchor + '\n#' + toString(size([y IN about WHERE anchor + '\n' + y IN named_pairs]))) IN named_counts AS foreign
WHERE foreign
   OR (scheduling AND coalesce(t.type, '') <> 'appointment')
   OR (clinical_named AND t.type = 'appointment')
WITH DISTINCT s, t, anchor, foreign, scheduling, about, names
WITH s, t, anchor,
     CASE
       WHEN foreign THEN 'names ' + [n IN names WHERE reduce(k = ' ', w IN [w IN split(toLower(anchor),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | k + w + ' ') CONTAINS n.key AND NOT n.id IN about][0].name
            + ', a condition that page is not about: name the page\'s own condition instead.'
       WHEN scheduling AND coalesce(t.type, '') <> 'appointment' THEN 'promises a booking, but the target is not an appointment page: link the words to the appointment page, or describe the target.'
       ELSE 'reads like clinical information, but the target is an appointment page: say what the reader can book.'
     END AS problem
RETURN s.url AS source,
       t.url AS target,
       anchor,
       t.type AS target_type,
       'The anchor "' + anchor + '" on ' + coalesce(s.path, s.url) + ' ' + problem AS detail
ORDER BY source, target, anchor
