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
MATCH (s:Page {crawl: c.id})
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t AND trim(coalesce(l.anchor, '')) <> ''
WITH names, trim(l.anchor) AS anchor, collect(DISTINCT [s, t]) AS uses
WITH names, anchor, uses, reduce(s = ' ', w IN [w IN split(toLower(anchor),
           [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> ''] | s + w + ' ') AS words
WITH anchor, uses,
     [n IN names WHERE words CONTAINS n.key] AS named,
     any(w IN ['appointment', 'book', 'schedule']
         WHERE words CONTAINS ' ' + w + ' ') AS scheduling,
     any(w IN ['symptoms', 'diagnosis', 'treatment', 'test']
         WHERE words CONTAINS ' ' + w + ' ') AS clinical
WHERE size(named) > 0 OR scheduling
UNWIND uses AS use
WITH anchor, named, scheduling, clinical, use[0] AS s, use[1] AS t
WITH anchor, named, scheduling, clinical, s, t,
     COLLECT { MATCH (t)-[:ABOUT]->(y:Condition) RETURN DISTINCT y.id } AS about
WITH anchor, scheduling, clinical, s, t, about, named,
     [n IN named WHERE NOT n.id IN about] AS foreign
WITH anchor, s, t, named, foreign,
     CASE
       WHEN size(about) > 0 AND size(foreign) > 0 THEN 'names ' + foreign[0].name + ', a condition that page is not about: name the page\'s own condition instead.'
       WHEN scheduling AND coalesce(t.type, '') <> 'appointment' THEN 'promises a booking, but the target is not an appointment page: link the words to the appointment page, or describe the target.'
       WHEN t.type = 'appointment' AND size(named) > 0 AND clinical AND NOT scheduling THEN 'reads like clinical information, but the target is an appointment page: say what the reader can book.'
     END AS problem
WHERE problem IS NOT NULL
RETURN DISTINCT s.url AS source,
       t.url AS target,
       anchor,
       t.type AS target_type,
       'The anchor "' + anchor + '" on ' + coalesce(s.path, s.url) + ' ' + problem AS detail
ORDER BY source, target, anchor
