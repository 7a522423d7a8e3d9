// id: AM042
// title: Provider profile without clinician structured data
// description: >-
//   A live provider profile whose structured data has no type that names a clinician:
//   Physician, IndividualPhysician (schema.org's type for one doctor), Dentist or Optician, in
//   any Type column. A bare Person does not count unless `person_counts` is true, because the
//   export lists types only and cannot show the Person's medical role (hasOccupation, jobTitle).
//   A page missing from the Structured Data export counts as having no type.
// severity: low
// requires: [site_model, structured_data]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
//   person_counts: {type: boolean, default: false, description: "Count a Person type as a clinician (for sites that mark clinicians as Person with a medical hasOccupation, which the export cannot show)"}
// columns: [url, provider, types, detail]
// identity: [url, provider]
// fix_cost: page
// why: >-
//   This clinician's profile has no Physician (or IndividualPhysician, Dentist, Optician) type in
//   its structured data, so search engines cannot tie the clinical pages that name this person to
//   a medical professional, weakening the expertise signal behind every page they reviewed. A
//   Person type alone does not count: the export lists types, not a Person's medical role.
// how_to_fix: >-
//   Add JSON-LD to the profile template: a Physician (or IndividualPhysician) with the
//   clinician's name, medicalSpecialty and the locations they work at, and validate it. If the
//   site marks clinicians as Person with a medical hasOccupation on purpose, run the check with
//   `-p person_counts true`.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (pr:Provider {crawl: c.id})-[:PROFILE]->(p:Page)
USING INDEX pr:Provider(crawl)
WHERE p.in_crawl AND p.status = 200 AND NOT coalesce(p.resource, false)
  AND none(t IN coalesce(p.schema_types, []) WHERE t IN ['Physician', 'IndividualPhysician', 'Dentist', 'Optician']
           OR ($person_counts AND t = 'Person'))
RETURN p.url AS url,
       pr.id AS provider,
       coalesce(p.schema_types, []) AS types,
       pr.name + '\'s profile ' + CASE
         WHEN p.schema_types IS NULL THEN 'is not in the structured-data export (export Structured Data with its All filter)'
         WHEN size(p.schema_types) = 0 THEN 'has no structured data'
         ELSE 'has structured data of types ' + reduce(s = '', t IN p.schema_types | s + CASE s WHEN '' THEN '' ELSE ', ' END + t)
           + ' only'
       END + ': mark it up as a Physician.' AS detail
ORDER BY url, provider
