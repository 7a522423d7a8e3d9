// id: AM010
// title: Dead-end education page
// description: >-
//   A clinical or blog page with no body link to any next-step page (appointment, location,
//   telehealth or provider profile), so a reader who is ready to act has nowhere to go.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
// identity: [url]
// fix_cost: link
// why: >-
//   This clinical or blog page has no link in its main content to booking, a location, telehealth
//   or a specialist profile. A patient who is ready to be seen has to hunt through menus, and the
//   pages that turn reading into care miss a relevant link from the content.
// how_to_fix: >-
//   Add a next-step block at the end of the page, for example 'book a diabetes evaluation', a
//   clinic's name or a specialist's name and title. Where a whole page type lacks it, add the
//   block to the template rather than page by page.
// suggests:
//   placement: "body: next-step block at the end"
//   targets: |
//     UNWIND $urls AS url
//     MATCH (p:Page {crawl: $crawl, url: url})
//     CALL (p) {
//       MATCH (p)-[:ABOUT]->(:Condition)-[:STAGE {stage: 'appointment'}]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 0 AS rank
//       UNION
//       MATCH (p)-[:ABOUT]->(:Condition)<-[:TREATS]-(:Provider)-[:PROFILE]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 1 AS rank
//     }
//     WITH url, t, rank ORDER BY rank, t.url
//     RETURN url, collect(t.url)[0] AS target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up', 'blog']
  AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p
      AND t.type IN ['appointment', 'location', 'telehealth', 'provider']
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to no next step (appointment, location, telehealth or '
         + 'specialist): add a next-step block at the end of the page.' AS detail
ORDER BY url
