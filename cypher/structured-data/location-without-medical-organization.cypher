// id: AM043
// title: Location page without medical organization structured data
// description: >-
//   A live page of an in-person location (telehealth aside) whose structured data has none of
//   MedicalOrganization, MedicalBusiness or their schema.org subtypes for a place of care:
//   MedicalClinic, CovidTestingFacility, Hospital, Dentist, DiagnosticLab, Pharmacy, Optician
//   and Physician (a doctor's office), in any Type column. A page missing from the Structured
//   Data export counts as having no type.
// severity: low
// requires: [site_model, structured_data]
// parameters:
//   site: {type: string, description: Site host}
//   crawl: {type: string, description: Crawl id (archmodel crawls list); archmodel fills it in}
// columns: [url, location, types, detail]
// identity: [url, location]
// fix_cost: page
// why: >-
//   This location page does not say in its structured data that it is a place of care: it has no
//   MedicalClinic, Hospital or other medical organization type (a plain LocalBusiness or
//   Organization is not one). Search engines and maps then cannot match it to searches for a
//   clinic near the patient, and the specialties and clinicians linked to it lose a signal.
// how_to_fix: >-
//   Add JSON-LD to the location template: a MedicalClinic (or Hospital, Dentist, Pharmacy... as
//   fits) with the location's name, address, opening hours, telephone and medicalSpecialty, and
//   validate it with Screaming Frog's Schema.org validation.
MATCH (c:Crawl {id: $crawl, site: $site})
MATCH (loc:Location {crawl: c.id})-[:LOCATION_PAGE]->(p:Page)
USING INDEX loc:Location(crawl)
WHERE NOT coalesce(loc.telehealth, false)
  AND p.in_crawl AND p.status = 200 AND NOT coalesce(p.resource, false)
  AND none(t IN coalesce(p.schema_types, []) WHERE t IN [
        'MedicalOrganization', 'MedicalBusiness', 'MedicalClinic', 'CovidTestingFacility', 'Hospital', 'Dentist',
        'DiagnosticLab', 'Pharmacy', 'Optician', 'Physician'])
RETURN p.url AS url,
       loc.id AS location,
       coalesce(p.schema_types, []) AS types,
       'The ' + loc.name + ' page ' + CASE
         WHEN p.schema_types IS NULL THEN 'is not in the structured-data export (export Structured Data with its All filter)'
         WHEN size(p.schema_types) = 0 THEN 'has no structured data'
         ELSE 'has structured data of types ' + reduce(s = '', t IN p.schema_types | s + CASE s WHEN '' THEN '' ELSE ', ' END + t)
           + ' only'
       END + ': mark it up as a MedicalClinic (or Hospital) with its address and hours.' AS detail
ORDER BY url, location
