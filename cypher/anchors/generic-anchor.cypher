// id: AM014
// title: Generic anchor text
// description: >-
//   A body link whose anchor text is one of the configured generic phrases ("learn more",
//   "click here"): it tells neither readers nor search engines what the target is about.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   generic_anchors:
//     type: list
//     default: [learn more, click here, read more, here, more, this page, find out more, continue]
//     description: Anchor texts counted as generic (compared case-insensitively, white space folded)
// columns: [source, target, anchor, detail]
// identity: [source, target, anchor]
// fix_cost: link
// why: >-
//   A link in the main content uses a generic phrase such as 'learn more' or 'click here'.
//   Patients scanning the page, including screen reader users, cannot tell where it leads, and
//   search engines learn nothing about the target page's topic.
// how_to_fix: >-
//   Rewrite the anchor to name the target, for example 'symptoms of atrial fibrillation' instead
//   of 'read more'. If the phrase comes from a shared component, fix the template once. If a
//   listed phrase is acceptable on your site, edit generic_anchors in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
WITH c, [g IN $generic_anchors |
         reduce(s = '', w IN [w IN split(toLower(trim(g)), [' ', '\t', '\n', '\r', '\u00a0']) WHERE w <> ''] |
                s + CASE WHEN s = '' THEN '' ELSE ' ' END + w)] AS generic
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t AND l.anchor_key <> '' AND l.anchor_key IN generic
WITH s, t, trim(coalesce(l.anchor, '')) AS anchor
RETURN DISTINCT s.url AS source,
       t.url AS target,
       anchor,
       'The link from ' + coalesce(s.path, s.url) + ' to ' + coalesce(t.path, t.url) + ' says "' + anchor
         + '": replace it with words that name the target page\'s topic.' AS detail
ORDER BY source, target, anchor
