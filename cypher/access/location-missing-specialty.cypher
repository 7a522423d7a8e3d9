// id: AM030
// title: Location page missing a specialty
// description: >-
//   A location page that does not link from its body to the hub of a specialty offered there.
// severity: low
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, location, specialty, detail]
// identity: [source, target, specialty]
// fix_cost: link
// why: >-
//   This location page does not link from its main content to the hub of a specialty offered
//   there. Patients checking a clinic cannot see what care it provides, and search engines get a
//   weaker signal tying the location to its services.
// how_to_fix: >-
//   Add the specialty to the page's 'Services at this location' list, linked to its hub with the
//   specialty's name. If the location no longer offers that specialty, remove it from the
//   location's specialties in `site.yml`.
// suggests:
//   placement: "body: 'Services at this location' list"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (loc:Location {crawl: c.id})-[:LOCATION_PAGE]->(page:Page)
USING INDEX loc:Location(crawl)
WHERE page.in_crawl AND page.status = 200
MATCH (loc)-[:OFFERS]->(s:Specialty)-[:HUB]->(hub:Page)
WHERE hub.in_crawl AND hub.status = 200 AND hub <> page
  AND NOT EXISTS {
    MATCH (page)-[l:LINKS_TO]->(hub)
    WHERE l.follow AND l.body
  }
RETURN page.url AS source,
       hub.url AS target,
       loc.id AS location,
       s.id AS specialty,
       'The ' + loc.name + ' page does not link to the ' + s.name + ' hub, a specialty offered '
         + 'there: add it to the page\'s \'Services at this location\' list.' AS detail
ORDER BY source, target
