// id: AM026
// title: Clinical page missing its reviewer
// description: >-
//   A clinical page that does not link from its body to the profile of the provider who wrote
//   or reviewed it, or, when nobody is named, to any provider profile: readers cannot check who
//   stands behind the medical content.
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, provider, detail]
// identity: [url]
// fix_cost: link
// why: >-
//   This clinical page does not link from its main content to the profile of the clinician who
//   wrote or reviewed it, or to any clinician when none is recorded. Patients cannot check who
//   stands behind the advice, weakening the expertise and trust (E-E-A-T) signals search engines
//   look for.
// how_to_fix: >-
//   Add a linked 'Reviewed by' line under the title with the reviewer's name and title, ideally in
//   the clinical page template. If the recorded reviewer is wrong or missing, update
//   trust.reviewed_by in `site.yml`.
// suggests:
//   placement: "body: 'Reviewed by' line under the title"
//   targets: |
//     UNWIND $urls AS url
//     MATCH (p:Page {crawl: $crawl, url: url})
//     CALL (p) {
//       MATCH (p)-[:REVIEWED_BY]->(:Provider)-[:PROFILE]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200
//       RETURN t, 0 AS rank
//       UNION
//       MATCH (p)-[:ABOUT]->(:Condition)<-[:TREATS]-(:Provider)-[:PROFILE]->(t:Page)
//       WHERE t.in_crawl AND t.status = 200 AND NOT EXISTS { MATCH (p)-[:REVIEWED_BY]->() }
//       RETURN t, 1 AS rank
//     }
//     WITH url, t, rank ORDER BY rank, t.url
//     RETURN url, collect(t.url)[0] AS target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
  AND p.in_crawl AND p.status = 200
WITH p, COLLECT { MATCH (p)-[:REVIEWED_BY]->(r:Provider) RETURN r ORDER BY r.id } AS reviewers
WHERE CASE WHEN size(reviewers) > 0
        THEN NOT EXISTS {
          MATCH (p)-[l:LINKS_TO]->(t:Page)<-[:PROFILE]-(r:Provider)
          WHERE l.follow AND l.body AND t <> p AND r IN reviewers
        }
        ELSE NOT EXISTS {
          MATCH (p)-[l:LINKS_TO]->(t:Page)<-[:PROFILE]-(:Provider)
          WHERE l.follow AND l.body AND t <> p
        }
      END
RETURN p.url AS url,
       p.type AS type,
       CASE WHEN size(reviewers) > 0 THEN reviewers[0].id END AS provider,
       CASE WHEN size(reviewers) > 0
         THEN coalesce(p.path, p.url) + ' does not link to its reviewer, ' + reviewers[0].name
              + ': add a linked \'Reviewed by\' line under the title.'
         ELSE coalesce(p.path, p.url) + ' links to no clinician profile: name the author or medical '
              + 'reviewer and link their profile under the title.'
       END AS detail
ORDER BY url
