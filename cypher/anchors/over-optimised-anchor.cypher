// id: AM017
// title: Over-optimised anchor
// description: >-
//   One exact anchor text carries more than the configured share of a page's incoming body
//   links (pages with at least 5 such links; links in sidebars and asides, repeated widgets such
//   as "Recent posts", are not counted): vary the anchors in the words the page's type suggests
//   so they read naturally. A provider's or location's own name on its page, and a condition's
//   name or synonym on its condition page (what off-synonym-anchor asks for), are never reported.
// severity: low
// requires: [links]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   anchor_repeat_share: {type: float, default: 0.8, description: Largest share of a page's inlinks one anchor may carry}
// columns: [url, anchor, share, inlinks, detail]
// identity: [url, anchor]
// fix_cost: links
// why: >-
//   Most links in the main content that point to this page (over 80% by default, from at least 5
//   links) use the same exact words. A repeated keyword phrase reads as forced to patients and can
//   look manipulative to search engines, while varied, accurate anchors describe the page better.
// how_to_fix: >-
//   Vary the anchors to fit each linking page, such as 'symptoms of', 'diagnosis of', 'treatment
//   for' or 'care after', where the target covers that. If the repetition is deliberate, raise
//   anchor_repeat_share in `site.yml`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (t:Page {crawl: c.id})
USING INDEX t:Page(crawl)
WHERE t.in_crawl AND t.status = 200
// Body links in the content (or of unknown position) count; those in sidebars and asides
// (related-posts and "Recent posts" boxes, key-pages lists) are repeated widgets, not words an
// editor chose for one page, and do not.
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200
  AND (l.position IS NULL OR l.position = 'Content')
// First only the folded anchors are counted; the original spellings (and the facts of the
// anchor) are read back afterwards for the few targets over the share.
WITH t, l.anchor_key AS folded, count(*) AS uses
WITH t, sum(uses) AS inlinks, collect([folded, uses]) AS counts
WHERE inlinks >= 5
UNWIND counts AS pair
WITH t, inlinks, pair[0] AS folded, pair[1] AS uses
WHERE folded <> '' AND toFloat(uses) / inlinks > $anchor_repeat_share
MATCH (s:Page)-[l:LINKS_TO]->(t)
WHERE l.follow AND l.body AND s <> t AND s.in_crawl AND s.status = 200 AND l.anchor_key = folded
  AND (l.position IS NULL OR l.position = 'Content')
WITH t, inlinks, uses, trim(coalesce(l.anchor, '')) AS form, coalesce(l.own_name, false) AS own_name,
     coalesce(l.names, []) AS names, count(*) AS times
ORDER BY times DESC, form
WITH t, inlinks, uses, collect(form)[0] AS anchor, collect(own_name)[0] AS own_name, collect(names)[0] AS names
// A provider's or location's own name is the right anchor for its page (LINKS_TO.own_name); a
// condition's name or synonym is the right anchor for its condition page, and what
// off-synonym-anchor asks for: neither is over-optimised.
WHERE NOT own_name
  AND none(id IN names WHERE id IN COLLECT { MATCH (x:Condition)-[:STAGE {stage: 'overview'}]->(t) RETURN x.id }
                                   + CASE WHEN t.type = 'condition'
                                       THEN COLLECT { MATCH (t)-[:ABOUT]->(x:Condition) RETURN x.id } ELSE [] END)
// The advice fits the page: what a linking page can say instead depends on what the target is.
WITH t, inlinks, uses, anchor,
     COLLECT { MATCH (t)-[:ABOUT]->(x:Condition) RETURN x.name ORDER BY x.id LIMIT 1 }[0] AS named,
     COLLECT { MATCH (t)-[:ABOUT]->(x:Specialty) RETURN x.name ORDER BY x.id LIMIT 1 }[0] AS specialty,
     COLLECT { MATCH (t)-[:ABOUT]->(x:Provider) RETURN x.name ORDER BY x.id LIMIT 1 }[0] AS provider,
     COLLECT { MATCH (t)-[:ABOUT]->(x:Location) RETURN x.name ORDER BY x.id LIMIT 1 }[0] AS location
WITH t, inlinks, uses, anchor, named, specialty, provider, location,
     CASE WHEN split(coalesce(named, ''), ' ')[0] =~ '[A-Z][a-z]+' THEN toLower(left(named, 1)) + substring(named, 1)
          ELSE coalesce(named, 'the condition') END AS condition
RETURN t.url AS url,
       anchor,
       round(toFloat(uses) / inlinks, 3) AS share,
       inlinks,
       uses + ' of the ' + inlinks + ' body links to ' + coalesce(t.path, t.url) + ' say "' + anchor + '": '
         + CASE t.type
             WHEN 'symptom' THEN 'vary them ("symptoms of ' + condition + '", "signs of ' + condition
               + '", "when to see a doctor") as each linking page fits.'
             WHEN 'diagnosis' THEN 'vary them ("how ' + condition + ' is diagnosed", "diagnosing ' + condition
               + '", "getting a diagnosis") as each linking page fits.'
             WHEN 'test' THEN 'vary them ("what the ' + coalesce(t.h1, 'test') + ' shows", "preparing for the '
               + coalesce(t.h1, 'test') + '", "' + coalesce(t.h1, 'test') + ' results") as each linking page fits.'
             WHEN 'treatment' THEN 'vary them ("treatment for ' + condition + '", "' + condition
               + ' treatment options", "how we treat ' + condition + '") as each linking page fits.'
             WHEN 'follow_up' THEN 'vary them ("care after ' + condition + ' treatment", "living with ' + condition
               + '", "follow-up care") as each linking page fits.'
             WHEN 'condition' THEN 'name the condition instead ("' + condition + '" or a synonym), as '
               + 'off-synonym-anchor asks, in the words each linking page needs.'
             WHEN 'specialty_hub' THEN 'vary them ("our ' + toLower(coalesce(specialty, 'specialist')) + ' team", "'
               + toLower(coalesce(specialty, 'specialist')) + ' care", "see a specialist") as each linking page fits.'
             WHEN 'provider' THEN 'name the provider ("' + coalesce(provider, 'their name') + '") or what they '
               + 'treat, as each linking page fits.'
             WHEN 'location' THEN 'name the location ("' + coalesce(location, 'its name') + '") or what it offers, '
               + 'as each linking page fits.'
             WHEN 'telehealth' THEN 'name the service ("' + coalesce(location, 'video visits') + '") or what it '
               + 'offers, as each linking page fits.'
             WHEN 'appointment' THEN 'vary them ("book ' + CASE WHEN named IS NULL THEN 'an appointment'
               ELSE 'a ' + condition + ' evaluation' END + '", "request an appointment", "see a specialist") '
               + 'as each linking page fits.'
             ELSE 'vary them so each says what the reader finds there, as each linking page fits.'
           END AS detail
ORDER BY url, anchor
