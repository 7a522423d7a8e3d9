// id: AM028
// title: Clinical page missing policy links
// description: >-
//   A clinical page that links (from any position, footer included) to none of the policy pages:
//   medical disclaimer, non-emergency guidance, privacy (the site model's trust.policy_pages).
// severity: low
// requires: [links, site_model, policy_pages]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   This clinical page links nowhere, not even from the footer, to the medical disclaimer, non-
//   emergency guidance or privacy pages. Patients may not learn when to seek urgent care or how
//   their data is handled, and the page loses a basic trust signal.
// how_to_fix: >-
//   Add the policy links to the footer or below the content in the clinical page template, so
//   every page gets them at once. If the policies live at other URLs than those recorded, update
//   trust.policy_pages in `site.yml`.
// suggests:
//   placement: "body: disclaimer note below the content"
//   targets: |
//     MATCH (t:Page {crawl: $crawl})
//     WHERE t.trust_role = 'policy' AND t.in_crawl AND t.status = 200
//     WITH t ORDER BY t.url
//     UNWIND $urls AS url
//     RETURN url, t.url AS target
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up']
  AND p.in_crawl AND p.status = 200
  AND NOT EXISTS {
    MATCH (p)-[l:LINKS_TO]->(t:Page)
    WHERE l.follow AND t <> p AND t.trust_role = 'policy'
  }
RETURN p.url AS url,
       p.type AS type,
       coalesce(p.path, p.url) + ' links to none of the policy pages (medical disclaimer, '
         + 'non-emergency guidance, privacy): add them to the page footer or below the content.' AS detail
ORDER BY url
