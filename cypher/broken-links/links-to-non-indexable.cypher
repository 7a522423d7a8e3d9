// id: AM024
// title: Links to non-indexable pages
// description: >-
//   A link (any position, followed or not) to a page that answers 200 but is noindex or
//   canonicalised to another URL.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, indexability, canonical, detail]
// identity: [source, target]
// fix_cost: link
// why: >-
//   A page links to a page that is set to noindex or canonicalized to another URL. Link equity
//   flows to a page search engines will not show, and patients may land on a duplicate or outdated
//   version of the content.
// how_to_fix: >-
//   Link to the canonical, indexable URL instead. If the target should appear in search, remove
//   its noindex or fix its canonical tag. Links to utility pages that are meant to stay out of
//   search, such as a patient portal login, can be ignored.
MATCH (c:Crawl {id: $crawl, site: $site})
// Start from the few pages that fail, not from every link of the site.
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.status = 200 AND t.indexable = false
CALL (t) {
  MATCH (t)<-[l:LINKS_TO]-(s:Page)
  WHERE s <> t AND s.in_crawl AND s.status = 200
  RETURN s, l
}
WITH DISTINCT s, t
RETURN s.url AS source,
       t.url AS target,
       t.indexability AS indexability,
       t.canonical AS canonical,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which is not indexable'
         + CASE WHEN t.canonical IS NOT NULL AND t.canonical <> t.url THEN ' (canonical: ' + t.canonical + '): link to the canonical URL instead.'
                ELSE ': link to an indexable page instead, or make this one indexable.' END AS detail
ORDER BY source, target
