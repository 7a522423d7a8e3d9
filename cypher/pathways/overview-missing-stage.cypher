// id: AM008
// title: Overview missing a stage
// description: >-
//   A condition overview that does not link from its body to one of the condition's other
//   care-pathway stage pages (symptoms, diagnosis, tests, treatment, follow-up, appointment).
// severity: medium
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, condition, stage, detail]
// identity: [source, target, condition]
// fix_cost: link
// why: >-
//   The condition overview does not link from its main content to one of the condition's own
//   pathway pages (symptoms, diagnosis, tests, treatment, follow-up or appointment). Patients
//   starting at the overview cannot find that part of their care, and the stage page loses its
//   most relevant link.
// how_to_fix: >-
//   Link the stage page from the section of the overview that covers that stage, for example
//   'symptoms of hypothyroidism' in the symptoms section. If the page listed for that stage is the
//   wrong one, correct the condition's pages in `site.yml`.
// suggests:
//   placement: "body: section on that stage"
//   placement_by: stage
//   placements:
//     symptoms: "body: 'Symptoms' section"
//     diagnosis: "body: 'How it is diagnosed' section"
//     tests: "body: 'Common tests' section"
//     treatment: "body: 'Treatment options' section"
//     follow_up: "body: 'After treatment' section"
//     appointment: "body: next-step block at the end"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})-[:STAGE {stage: 'overview'}]->(overview:Page)
USING INDEX x:Condition(crawl)
WHERE overview.in_crawl AND overview.status = 200
MATCH (x)-[st:STAGE]->(p:Page)
WHERE st.stage <> 'overview' AND p.in_crawl AND p.status = 200 AND p <> overview
  AND NOT EXISTS {
    MATCH (overview)-[l:LINKS_TO]->(p)
    WHERE l.follow AND l.body
  }
WITH x, overview, p, collect(st.stage) AS stages
RETURN overview.url AS source,
       p.url AS target,
       x.id AS condition,
       stages[0] AS stage,
       'The ' + x.name + ' overview does not link to its ' + replace(stages[0], '_', '-')
         + ' page: link it from the section of the overview that covers that stage.' AS detail
ORDER BY condition, source, target
