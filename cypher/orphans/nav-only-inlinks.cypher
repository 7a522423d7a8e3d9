// id: AM003
// title: Pages linked only from navigation
// description: >-
//   A clinical or next-step page whose incoming links all come from the header, navigation or
//   footer. It is discoverable, but no body content links to it, so nothing tells readers or
//   search engines what topic it belongs to.
// severity: medium
// requires: [links, site_model, positions]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, type, inlinks, detail]
// identity: [url]
// fix_cost: links
// why: >-
//   Every link to this care or next-step page comes from the header, main menu or footer. Patients
//   can find it, but no related page points them to it when they need it, and search engines get
//   no signal about which condition or service it belongs to.
// how_to_fix: >-
//   Add at least one link from the main content of a related page, for example from the condition
//   overview to its diagnosis page or from a treatment page to the appointment page, with words
//   that describe the target. Keep the menu link.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (p:Page {crawl: c.id})
USING INDEX p:Page(crawl)
WHERE p.type IN ['condition', 'symptom', 'diagnosis', 'test', 'treatment', 'follow_up',
                 'appointment', 'location', 'telehealth', 'provider']
  AND p.in_crawl AND p.status = 200
MATCH (q:Page)-[l:LINKS_TO]->(p)
WHERE l.follow AND q <> p
WITH p, collect(coalesce(l.position, 'unknown')) AS positions, count(DISTINCT q) AS inlinks
WHERE all(position IN positions WHERE position IN ['Header', 'Navigation', 'Footer'])
RETURN p.url AS url,
       p.type AS type,
       inlinks,
       coalesce(p.path, p.url) + ' is linked only from menus (header, navigation, footer): add a '
         + 'contextual link to it from the body of a related page.' AS detail
ORDER BY url
