// id: AM023
// title: Links to redirects
// description: >-
//   A link (any position, followed or not) to a URL that redirects: link to the final URL
//   instead (the end of the redirect chain, final_url), so readers and crawlers skip the extra
//   hops. A chain that comes back to a URL it already passed is reported as a loop.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, status, final_url, detail]
// identity: [source, target]
// fix_cost: link
// why: >-
//   A page links to a URL that redirects. Each hop slows patients down and costs search engines
//   crawl effort, and redirects left in place tend to turn into chains or broken links as the site
//   changes.
// how_to_fix: >-
//   Update the link to point straight at the final URL shown in the finding. Where the old URL
//   sits in a menu, footer or shared template, update it there so every page is fixed at once.
MATCH (c:Crawl {id: $crawl, site: $site})
// Start from the few pages that fail, not from every link of the site.
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.status >= 300 AND t.status <= 399
CALL (t) {
  MATCH (t)<-[l:LINKS_TO]-(s:Page)
  WHERE s <> t AND s.in_crawl AND s.status = 200
  RETURN s, l
}
WITH DISTINCT c, s, t
// The loader follows the redirect hops (Page.redirect_to) and stores the whole chain; a crawl
// loaded before it did has the first hop only.
WITH c, s, t, coalesce(t.redirect_loop, false) AS loop,
     coalesce(t.redirect_chain, CASE WHEN t.redirect_to IS NULL THEN [] ELSE [t.redirect_to] END) AS chain
OPTIONAL MATCH (f:Page {crawl: c.id, url: last(chain)})
WITH s, t, loop, chain, f, left(t.url, size(t.url) - size(coalesce(t.path, ''))) AS origin
WITH s, t, loop, chain, f,
     reduce(shown = coalesce(t.path, t.url), u IN chain |
            shown + ' -> ' + CASE WHEN u STARTS WITH origin + '/' THEN substring(u, size(origin)) ELSE u END) AS route
RETURN s.url AS source,
       t.url AS target,
       t.status AS status,
       CASE WHEN loop THEN null ELSE last(chain) END AS final_url,
       coalesce(s.path, s.url) + ' links to ' + coalesce(t.path, t.url) + ', which redirects'
         + CASE
             WHEN loop THEN ' in a loop (' + route + ') that never reaches a page: fix the redirects, then link to '
               + 'the page they should lead to.'
             WHEN size(chain) = 0 THEN ': link to the final URL instead.'
             WHEN f.status >= 400 THEN ' to ' + last(chain) + CASE WHEN size(chain) > 1 THEN ' (' + route + ')' ELSE '' END
               + ', which answers ' + f.status + ': point the link at a working page.'
             WHEN f.status >= 300 AND f.status <= 399 THEN ' (' + route + ') and the chain stops at a URL that '
               + 'still redirects: fix the redirects, then link to the page they should lead to.'
             WHEN size(chain) > 1 THEN ' to ' + last(chain) + ' through ' + size(chain) + ' redirects (' + route
               + '): link to ' + last(chain) + ' instead.'
             ELSE ' to ' + last(chain) + ': link to the final URL instead.'
           END AS detail
ORDER BY source, target
