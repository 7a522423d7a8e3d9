// id: AM041
// title: Condition overview without medical structured data
// description: >-
//   A live condition overview whose structured data has none of the schema.org types that say
//   it is medical content about a condition: MedicalWebPage, MedicalCondition or
//   MedicalCondition's subtype InfectiousDisease, in any Type column. A page missing from the
//   Structured Data export counts as having no type.
// severity: medium
// requires: [site_model, structured_data]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, condition, types, detail]
// identity: [url, condition]
// fix_cost: page
// why: >-
//   This condition overview does not mark itself up as medical content: its structured data has
//   neither MedicalWebPage nor MedicalCondition (or InfectiousDisease). Health sites are expected
//   to declare clinical pages so search engines read them as medical information about a named
//   condition, with who reviewed it and when; without it the page sends a weaker trust signal.
// how_to_fix: >-
//   Add JSON-LD to the condition page template: a MedicalWebPage whose `about` is a
//   MedicalCondition with the condition's name (and `reviewedBy` and `lastReviewed` for the
//   clinical review), then check it with Screaming Frog's Schema.org validation. The linking
//   guidance pairs internal links with structured data ("schema markup") on condition pages.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (cond:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(p:Page)
USING INDEX cond:Condition(crawl)
WHERE p.in_crawl AND p.status = 200 AND NOT coalesce(p.resource, false)
  AND none(t IN coalesce(p.schema_types, []) WHERE t IN ['MedicalWebPage', 'MedicalCondition', 'InfectiousDisease'])
RETURN p.url AS url,
       cond.id AS condition,
       coalesce(p.schema_types, []) AS types,
       'The ' + cond.name + ' overview ' + CASE
         WHEN p.schema_types IS NULL THEN 'is not in the structured-data export (export Structured Data with its All filter)'
         WHEN size(p.schema_types) = 0 THEN 'has no structured data'
         ELSE 'has structured data of types ' + reduce(s = '', t IN p.schema_types | s + CASE s WHEN '' THEN '' ELSE ', ' END + t)
           + ' only'
       END + ': mark it up as a MedicalWebPage about the MedicalCondition ' + cond.name + '.' AS detail
ORDER BY url, condition
