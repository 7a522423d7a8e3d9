// id: AM027
// title: Clinical page missing the review policy
// description: >-
//   A clinical page that does not link from its body to a page explaining how medical content
//   is written and reviewed (the site model's trust.review_pages).
// severity: low
// requires: [links, site_model, review_pages]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
// identity: [url]
// fix_cost: link
// why: >-
//   This clinical page does not link from its main content to the page explaining how medical
//   content is written and reviewed. Patients and search engines cannot see the editorial process
//   behind the advice, a key trust signal (E-E-A-T) for health content.
// how_to_fix: >-
//   Link the editorial or review policy next to the 'Reviewed by' line, ideally in the clinical
//   page template; a footer link alone does not count. If the policy lives at another URL, update
//   trust.review_pages in `site.yml`.
// suggests:
//   placement: "body: next to the 'Reviewed by' line"
//   targets: |
//     MATCH (t:Page {crawl: $crawl})
//     WHERE t.trust_role = 'review' AND t.in_crawl AND t.status = 200
//     WITH t ORDER BY t.url LIMIT 1
//     UNWIND $urls AS url
//     RETURN url, t.url AS target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
  AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND l.body AND t <> p AND t.trust_role = 'review'
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' does not link to the review methodology page: link it next to '
         + 'the \'Reviewed by\' line.' AS detail
ORDER BY url
