// id: AM044
// title: Key page with structured-data errors
// description: >-
//   A live page that matters (specialty hub, condition overview, diagnosis, treatment,
//   appointment, provider profile or location page) whose structured data fails validation:
//   Screaming Frog's Errors count is above zero. Warnings (recommended properties missing) are
//   shown but do not count; other page types are left out.
// severity: medium
// requires: [site_model, structured_data]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, errors, warnings, types, detail]
// identity: [url]
// fix_cost: page
// why: >-
//   The structured data on this key page has validation errors: a required property is missing
//   or a value is invalid. Search engines may ignore markup that fails validation, so the page
//   loses the medical type and the rich result it was meant to carry, on one of the pages
//   patients most need to find.
// how_to_fix: >-
//   Open the page in Screaming Frog's Structured Data Details tab (or a rich-result test), fix
//   each error in the page or its template (usually a missing required property or a wrong
//   value type), then crawl again. Warnings can wait.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['specialty_hub', 'condition', 'diagnosis', 'treatment', 'appointment', 'provider', 'location']
  AND p.in_crawl AND p.status = 200 AND NOT coalesce(p.resource, false)
  AND p.schema_errors > 0
RETURN p.url AS url,
       p.type AS type,
       p.schema_errors AS errors,
       coalesce(p.schema_warnings, 0) AS warnings,
       coalesce(p.schema_types, []) AS types,
       coalesce(p.path, p.url) + ' is a key ' + replace(p.type, '_', ' ') + ' page whose structured data has '
         + p.schema_errors + CASE p.schema_errors WHEN 1 THEN ' validation error: fix it' ELSE ' validation errors: fix them' END
         + ' so search engines read its markup.' AS detail
ORDER BY errors DESC, url
