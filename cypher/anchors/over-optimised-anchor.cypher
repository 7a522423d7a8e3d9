// title: Over-optimised anchor
// description: >-
//   One exact anchor text carries more than the configured share of a page's incoming body
//   links (pages with at least 5 such links): vary the anchors ("symptoms of", "diagnosis of",
//   "treatment for", "care after") so they read naturally.
// severity: low
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   anchor_repeat_share: {type: float, default: 0.8, description: Largest share of a page's inlinks one anchor may carry}
// columns: [url, anchor, share, inlinks, detail]
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.in_crawl AND t.status = 200
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200
WITH t, collect([l.anchor_key, trim(coalesce(l.anchor, ''))]) AS links
WHERE size(links) >= 5
UNWIND links AS link
WITH t, size(links) AS inlinks, link[0] AS folded, link[1] AS anchor
WHERE folded <> ''
WITH t, inlinks, folded, collect(anchor) AS forms
WHERE toFloat(size(forms)) / inlinks > $anchor_repeat_share
UNWIND forms AS form
WITH t, inlinks, folded, size(forms) AS uses, form, count(*) AS times
ORDER BY times DESC, form
WITH t, inlinks, uses, collect(form)[0] AS anchor
RETURN t.url AS url,
       anchor,
       round(toFloat(uses) / inlinks, 3) AS share,
       inlinks,
       uses + ' of the ' + inlinks + ' body links to ' + coalesce(t.path, t.url) + ' say "' + anchor
         + '": vary them ("symptoms of", "diagnosis of", "treatment for", "care after") as each linking page fits.' AS detail
ORDER BY url, anchor
