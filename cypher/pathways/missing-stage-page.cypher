// id: AM009
// title: Missing care-pathway page
// description: >-
//   A care-pathway stage page named in the site model that the crawl did not reach, that does
//   not answer 200, or that is not indexable, so the pathway has a hole.
// severity: high
// requires: [site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, condition, stage, status, detail]
// identity: [url, condition]
// fix_cost: page
// why: >-
//   A page planned as a step in this condition's care pathway was not found by the crawl, answers
//   with an error or redirect, or is not indexable. Patients following the pathway hit a gap, and
//   search engines cannot show that step of care.
// how_to_fix: >-
//   Publish or restore the page, remove a stray noindex or canonical tag, and link it from the
//   previous step of the pathway. If the page moved or was merged into another, update its URL in
//   the condition's pages in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})-[st:STAGE]->(p:Page)
USING INDEX x:Condition(crawl)
WHERE NOT coalesce(p.in_crawl, false)
   OR p.status IS NULL OR p.status <> 200
   OR p.indexable = false
WITH x, p, st
ORDER BY st.order
WITH x, p, collect(st.stage) AS stages
RETURN p.url AS url,
       x.id AS condition,
       stages[0] AS stage,
       p.status AS status,
       'The ' + x.name + ' ' + replace(stages[0], '_', '-') + ' page ' + coalesce(p.path, p.url) + ' '
         + CASE
             WHEN NOT coalesce(p.in_crawl, false) THEN 'was not found by the crawl: publish it and link it from the previous pathway step.'
             WHEN p.status IS NULL OR p.status <> 200 THEN 'answers ' + coalesce(toString(p.status), 'no status') + ': restore it or point the site model at its replacement.'
             ELSE 'is not indexable: remove the noindex or canonical to another URL, or point the site model at the indexable page.'
           END AS detail
ORDER BY condition, url
