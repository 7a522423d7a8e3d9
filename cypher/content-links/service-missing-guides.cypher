// id: AM035
// title: Service page without supporting guides
// description: >-
//   A treatment or service page that links from its body to no supporting guide (a symptom,
//   diagnosis, test or follow-up page): the page books care but does not explain it.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This treatment or service page does not link from its main content to any symptom, diagnosis,
//   test or follow-up guide. Patients can book but cannot read what to expect before and after, so
//   the page is only a doorway, not a resource.
// how_to_fix: >-
//   Add a 'Before and after treatment' section linking the relevant symptoms, diagnosis, test and
//   follow-up care pages, with anchors that name each one, such as 'A1C test' or 'care after
//   treatment'.
// suggests:
//   placement: "body: 'Before and after treatment' section"
//   targets: |
//     UNWIND $urls AS url
//     MATCH (p:Page {crawl: $crawl, url: url})-[:ABOUT]->(x:Condition)-[st:STAGE]->(t:Page)
//     WHERE t.type IN ['symptom', 'diagnosis', 'test', 'follow_up'] AND t.in_crawl AND t.status = 200
//     WITH url, t, min(st.order) AS rank ORDER BY rank, t.url
//     WITH url, collect(t.url)[0..2] AS targets
//     UNWIND targets AS target
//     RETURN url, target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['treatment', 'service'] AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p
      AND t.type IN ['symptom', 'diagnosis', 'test', 'follow_up']
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to no supporting guide (symptoms, diagnosis, tests, '
         + 'follow-up care): add a \'Before and after treatment\' section linking them.' AS detail
ORDER BY url
