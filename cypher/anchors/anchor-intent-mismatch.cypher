// id: AM016
// title: Anchor that misleads about its target
// description: >-
//   The anchor names a condition (its name or a synonym) other than the one the target page is
//   about, or uses scheduling words (appointment, book, schedule) for a page that is not an
//   appointment page, or clinical words (symptoms, diagnosis, treatment, test) for an
//   appointment page.
// severity: high
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, anchor, target_type, detail]
// identity: [source, target, anchor]
// fix_cost: link
// why: >-
//   The link text promises something the target does not deliver: it names a condition the page is
//   not about, offers booking on a page that is not an appointment page, or reads like clinical
//   information but leads to booking. Patients land somewhere unexpected and search engines get a
//   wrong signal.
// how_to_fix: >-
//   Reword the anchor to describe the actual target, or point the link at the page the words
//   promise, for example 'book an appointment' to the appointment page. If the target's page type
//   is wrong, such as a booking page not classed as appointment, correct it in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
// `names` (conditions the anchor names as whole words) and `anchor_key` are stored by the loader;
// the CONTAINS tests only let through anchors that may hold a scheduling word, checked exactly below.
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t
  AND (l.names <> [] OR l.anchor_key CONTAINS 'appointment' OR l.anchor_key CONTAINS 'book'
       OR l.anchor_key CONTAINS 'schedule')
// Only anchors that may hold a scheduling word, or that point at an appointment page, are split
// into words; the rest can only name a foreign condition.
WITH c, s, t, trim(coalesce(l.anchor, '')) AS anchor, l.names AS named,
     CASE WHEN l.anchor_key CONTAINS 'appointment' OR l.anchor_key CONTAINS 'book'
               OR l.anchor_key CONTAINS 'schedule' OR t.type = 'appointment'
          THEN [w IN split(l.anchor_key, [' ', '\t', '\n', '\r', '\u00a0', ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '/', '\\', '-', '\u2013', '\u2014', '\u2026', '&', '+', '*', '|', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']) WHERE w <> '']
          ELSE [] END AS ws
WITH c, s, t, anchor, named,
     any(w IN ws WHERE w IN ['appointment', 'book', 'schedule']) AS scheduling,
     any(w IN ws WHERE w IN ['symptoms', 'diagnosis', 'treatment', 'test']) AS clinical
WHERE named <> [] OR scheduling
WITH c, s, t, anchor, named, scheduling, named <> [] AND clinical AND NOT scheduling AS clinical_named
// The first named condition (in site-model order) that the target, being about conditions, is not about.
WITH c, s, t, anchor, scheduling, clinical_named, named,
     CASE WHEN named = [] THEN [] ELSE [(t)-[:ABOUT]->(x:Condition) | x.id] END AS about
WITH c, s, t, anchor, scheduling, clinical_named,
     CASE WHEN about = [] THEN null ELSE [id IN named WHERE NOT id IN about][0] END AS foreign
WITH s, t, anchor,
     CASE
       WHEN foreign IS NOT NULL THEN 'names ' + COLLECT { MATCH (x:Condition {crawl: c.id, id: foreign}) RETURN x.name }[0]
         + ', a condition that page is not about: name the page\'s own condition instead.'
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
