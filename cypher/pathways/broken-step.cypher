// id: AM007
// title: Broken care-pathway step
// description: >-
//   In a condition's care pathway (overview, symptoms, diagnosis, tests, treatment, follow-up,
//   appointment, as the site model orders them), a stage page that does not link from its body
//   to the next stage page the condition has.
// severity: high
// requires: [links, site_model]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [source, target, condition, stage, next_stage, detail]
// identity: [source, target, condition]
// fix_cost: link
// headline: Broken care-pathway steps
// why: >-
//   This step of a condition's care pathway, for example the symptoms or diagnosis page, does not
//   link from its main content to the next step the site has for that condition. Patients reading
//   in order hit a dead end, and search engines miss the sequence that ties the pathway together.
// how_to_fix: >-
//   Add a next-step link at the end of the page to the next stage, with an anchor that says what
//   comes next, such as 'how diabetes is diagnosed' or 'treatment for diabetes'. If every page of
//   one stage lacks it, add the block to that template.
// suggests:
//   placement: "body: next-step block at the end"
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (x:Condition {crawl: c.id})-[st:STAGE]->(p:Page)
USING INDEX x:Condition(crawl)
WHERE p.in_crawl AND p.status = 200
WITH x, st, p
ORDER BY st.order
WITH x, collect({stage: st.stage, page: p}) AS steps
UNWIND range(0, size(steps) - 2) AS i
WITH x, steps[i].page AS here, steps[i].stage AS stage, steps[i + 1].page AS next, steps[i + 1].stage AS next_stage
WHERE here <> next
  AND NOT EXISTS {
    MATCH (here)-[l:LINKS_TO]->(next)
    WHERE l.follow AND l.body
  }
RETURN here.url AS source,
       next.url AS target,
       x.id AS condition,
       stage,
       next_stage,
       'The ' + x.name + ' ' + replace(stage, '_', '-') + ' page does not link to the '
         + replace(next_stage, '_', '-') + ' page, the next step of the care pathway: add a '
         + 'next-step link at the end of the page.' AS detail
ORDER BY condition, source, target
