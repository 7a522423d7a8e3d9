// id: AM018
// title: Anchor off the condition's names
// description: >-
//   A body link to a condition overview whose anchor uses neither the condition's name nor any
//   of its synonyms, so the site names the condition inconsistently.
// severity: info
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   generic_anchors:
//     type: list
//     default: [learn more, click here, read more, here, more, this page, find out more, continue]
//     description: Generic anchor texts (reported by anchors/generic-anchor, not here)
// columns: [source, target, anchor, condition, detail]
// identity: [source, target, anchor]
// fix_cost: link
// why: >-
//   A link to a condition overview uses words that contain neither the condition's name nor any of
//   its listed synonyms. Patients may not recognize the topic, and naming a condition
//   inconsistently blurs the signal search engines use to match the page to searches.
// how_to_fix: >-
//   Include the condition's name or a listed synonym in the anchor, for example 'thyroid nodules'
//   or 'benign thyroid nodules'. If the wording is a common patient term for the condition, add it
//   to the condition's synonyms in `site.yml` instead.
MATCH (c:Crawl {id: $crawl, site: $site})
WITH c, [g IN $generic_anchors |
         reduce(f = '', w IN [w IN split(toLower(trim(g)), [' ', '\t', '\n', '\r', '\u00a0']) WHERE w <> ''] |
            f + CASE WHEN f = '' THEN '' ELSE ' ' END + w)] AS generic
MATCH (x:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(t:Page)
USING INDEX x:Condition(crawl)
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200
  AND NOT x.id IN l.names AND NOT l.anchor_key IN generic
WITH x, s, t, trim(coalesce(l.anchor, '')) AS anchor
WHERE anchor <> ''
RETURN DISTINCT s.url AS source,
       t.url AS target,
       anchor,
       x.id AS condition,
       'The link to the ' + x.name + ' overview on ' + coalesce(s.path, s.url) + ' says "' + anchor
         + '": use the condition\'s name or a synonym (' + reduce(acc = x.name, n IN coalesce(x.synonyms, []) | acc + ', ' + n) + ').' AS detail
ORDER BY source, target, anchor
