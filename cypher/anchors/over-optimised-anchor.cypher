// id: AM017
// title: Over-optimised anchor
// description: >-
//   One exact anchor text carries more than the configured share of a page's incoming body
//   links (pages with at least 5 such links): vary the anchors ("symptoms of", "diagnosis of",
//   "treatment for", "care after") so they read naturally.
// severity: low
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   anchor_repeat_share: {type: float, default: 0.8, description: Largest share of a page's inlinks one anchor may carry}
// columns: [url, anchor, share, inlinks, detail]
// identity: [url, anchor]
// fix_cost: links
// why: >-
//   Most links in the main content that point to this page (over 80% by default, from at least 5
//   links) use the same exact words. A repeated keyword phrase reads as forced to patients and can
//   look manipulative to search engines, while varied, accurate anchors describe the page better.
// how_to_fix: >-
//   Vary the anchors to fit each linking page, such as 'symptoms of', 'diagnosis of', 'treatment
//   for' or 'care after', where the target covers that. A repeated clinician or clinic name is
//   natural and can be ignored, or raise anchor_repeat_share in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.in_crawl AND t.status = 200
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200
// First only the folded anchors are counted; the original spellings are read back afterwards
// for the few targets over the share.
WITH t, l.anchor_key AS folded, count(*) AS uses
WITH t, sum(uses) AS inlinks, collect([folded, uses]) AS counts
WHERE inlinks >= 5
UNWIND counts AS pair
WITH t, inlinks, pair[0] AS folded, pair[1] AS uses
WHERE folded <> '' AND toFloat(uses) / inlinks > $anchor_repeat_share
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200 AND l.anchor_key = folded
WITH t, inlinks, uses, trim(coalesce(l.anchor, '')) AS form, count(*) AS times
ORDER BY times DESC, form
WITH t, inlinks, uses, collect(form)[0] AS anchor
RETURN t.url AS url,
       anchor,
       round(toFloat(uses) / inlinks, 3) AS share,
       inlinks,
       uses + ' of the ' + inlinks + ' body links to ' + coalesce(t.path, t.url) + ' say "' + anchor
         + '": vary them ("symptoms of", "diagnosis of", "treatment for", "care after") as each linking page fits.' AS detail
ORDER BY url, anchor
