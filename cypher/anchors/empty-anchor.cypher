// id: AM015
// title: Empty anchor
// description: >-
//   A body link with neither anchor text nor image alt text: screen readers announce nothing
//   useful and search engines learn nothing about the target.
// severity: medium
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, position, detail]
// identity: [source, target]
// fix_cost: link
// why: >-
//   A link in the main content has no text and no image alt text. Screen readers announce nothing
//   useful, patients cannot tell where it leads, and search engines get no description of the
//   target page.
// how_to_fix: >-
//   Add visible link text that names the target, or alt text describing the destination if the
//   link is an image or icon. When the same empty link repeats across pages, fix the card, button
//   or icon in the shared template.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (s:Page {crawl: c.id})
USING INDEX s:Page(crawl)
WHERE s.in_crawl AND s.status = 200
MATCH (s)-[l:LINKS_TO]->(t:Page)
WHERE l.follow AND l.body AND s <> t
  AND trim(coalesce(l.anchor, '')) = '' AND trim(coalesce(l.alt, '')) = ''
WITH s, t, collect(DISTINCT coalesce(l.position, 'unknown')) AS positions
RETURN s.url AS source,
       t.url AS target,
       positions[0] AS position,
       'A link from ' + coalesce(s.path, s.url) + ' to ' + coalesce(t.path, t.url)
         + ' has no text and no image alt text: give it words that describe the target.' AS detail
ORDER BY source, target
