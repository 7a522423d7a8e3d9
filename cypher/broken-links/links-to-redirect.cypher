// title: Links to redirects
// description: >-
//   A link (any position, followed or not) to a URL that redirects: link to the final URL
//   instead, so readers and crawlers skip the extra hop.
// severity: medium
// parameters:
//   site: {type: string, description: Site host}
// columns: [source, target, status, final_url, detail]
MATCH (:Site {host: $site})-[:CURRENT]->(c:Crawl)
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE s <> t AND t.status >= 300 AND t.status <= 399
WITH DISTINCT s, t
RETURN s.url AS source,
       t.url AS target,
       t.status AS status,
       t.redirect_to AS final_url,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which redirects'
         + CASE WHEN t.redirect_to IS NULL THEN '' ELSE ' to ' + t.redirect_to END
         + ': link to the final URL instead.' AS detail
ORDER BY source, target
