"""The seed's Structured Data export: schema.org types and validation counts per live page.

The baseline marks every live page up the way a well-run health site does (condition overviews
as MedicalWebPage about a MedicalCondition, profiles as Physician, locations as MedicalClinic),
so the structured-data checks find nothing on it. `plant_structured_data` then makes the small
named changes whose findings the seed expects, and the traps: rows that look like defects to a
careless reading of the checks but are not (a type in the second column, a Dentist location, a
type written as a schema.org URL, errors on a page that is not a key page, an address written
with the site's alias host). The file is written the way Screaming Frog exports its Structured
Data tab (`structured_data_all.csv`, UTF-8 with BOM, every cell quoted).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from archmodel.synth import model as m
from archmodel.synth.model import Site
from tests.seedgen.plants import Plant

FILE_NAME = "structured_data_all.csv"
ALIAS_ORIGIN = "https://lakeside-health.example"  # site.yml's alias: the normaliser maps it to BASE_URL
LEAD_COLUMNS = ["Address", "Status Code", "Status", "Indexability", "Indexability Status", "Errors", "Warnings",
                "Total Types", "Unique Types"]

BASELINE_TYPES: dict[str, list[str]] = {
    "home": ["WebSite", "Hospital"],
    "specialty_hub": ["MedicalWebPage", "BreadcrumbList"],
    "condition": ["MedicalWebPage", "MedicalCondition", "BreadcrumbList"],
    "symptom": ["MedicalWebPage", "BreadcrumbList"],
    "diagnosis": ["MedicalWebPage", "BreadcrumbList"],
    "follow_up": ["MedicalWebPage", "BreadcrumbList"],
    "test": ["MedicalWebPage", "MedicalTest", "BreadcrumbList"],
    "treatment": ["MedicalWebPage", "MedicalTherapy", "BreadcrumbList"],
    "service": ["MedicalWebPage", "BreadcrumbList"],
    "provider": ["ProfilePage", "Physician", "BreadcrumbList"],
    "location": ["MedicalClinic", "BreadcrumbList"],
    "telehealth": ["MedicalWebPage", "BreadcrumbList"],
    "appointment": ["WebPage", "BreadcrumbList"],
    "blog": ["BlogPosting", "BreadcrumbList"],
    "resource_hub": ["CollectionPage", "BreadcrumbList"],
}
DEFAULT_TYPES = ["WebPage"]


@dataclass
class SchemaRow:
    """One row of the export: the page's types as written, in column order, and its counts."""

    types: list[str]
    errors: int = 0
    warnings: int = 0
    address: str | None = None  # the Address as written, when not BASE_URL + path


@dataclass
class Trap:
    """A row that must not produce a structured-data finding, and why."""

    where: str
    why: str
    checks: list[str] = field(default_factory=list)


def baseline(site: Site) -> dict[str, SchemaRow]:
    """A row for every live page (crawled, status 200), with the types of its page type. Blog
    posts carry a warning (a recommended `image` missing), which no check counts."""
    rows: dict[str, SchemaRow] = {}
    for page in site.pages.values():
        if page.crawled and page.status == 200:
            rows[page.path] = SchemaRow(
                list(BASELINE_TYPES.get(page.type, DEFAULT_TYPES)), warnings=1 if page.type == "blog" else 0
            )
    return rows


def plant_structured_data(site: Site, rows: dict[str, SchemaRow]) -> tuple[list[Plant], list[Trap], list[str]]:
    """The planted structured-data defects, the traps, and extra addresses (rows of no crawled page)."""

    def row(path: str) -> SchemaRow:
        assert path in rows, path
        return rows[path]

    plants: list[Plant] = []
    condition = site.conditions
    row(condition["obesity"].overview).types = ["WebPage", "BreadcrumbList"]
    row(condition["migraine"].overview).types = []
    plants.append(Plant(
        "condition overviews without medical markup", "/conditions/obesity/, /conditions/migraine/",
        "The obesity overview is marked up as a plain WebPage and the migraine overview has no structured data "
        "at all: neither says it is a MedicalWebPage about a MedicalCondition.",
        [("structured-data/condition-without-medical-type", {"url": "/conditions/obesity/", "condition": "obesity"}),
         ("structured-data/condition-without-medical-type", {"url": "/conditions/migraine/", "condition": "migraine"})],
    ))
    row(site.providers["daniel-cho"].page).types = ["ProfilePage", "Person", "BreadcrumbList"]
    plants.append(Plant(
        "provider profile marked up as a bare Person", "/providers/daniel-cho/",
        "The profile's markup is a Person: the export cannot show a medical role, and no Physician type says "
        "this is a clinician.",
        [("structured-data/provider-without-physician", {"url": "/providers/daniel-cho/", "provider": "daniel-cho"})],
    ))
    row(site.locations["westside"].page).types = ["LocalBusiness", "BreadcrumbList"]
    plants.append(Plant(
        "location marked up as a plain LocalBusiness", "/locations/westside/",
        "A LocalBusiness is not a place of care: the location has no MedicalClinic, Hospital or other medical "
        "organization type.",
        [("structured-data/location-without-medical-organization",
          {"url": "/locations/westside/", "location": "westside"})],
    ))
    row("/conditions/diabetes/diagnosis/").errors = 2
    row("/conditions/diabetes/diagnosis/").warnings = 1
    row(site.locations["downtown"].page).errors = 1
    plants.append(Plant(
        "key pages whose markup fails validation", "/conditions/diabetes/diagnosis/, /locations/downtown/",
        "A diagnosis page and a location page carry structured data with validation errors, which search engines "
        "may ignore.",
        [("structured-data/key-page-schema-errors", {"url": "/conditions/diabetes/diagnosis/"}),
         ("structured-data/key-page-schema-errors", {"url": "/locations/downtown/"})],
    ))

    traps: list[Trap] = []
    row(condition["thyroid-nodules"].overview).types = ["BreadcrumbList", "MedicalWebPage"]
    traps.append(Trap("/conditions/thyroid-nodules/", "MedicalWebPage is its second type (Type 2): any column counts",
                      ["structured-data/condition-without-medical-type"]))
    row(condition["hypertension"].overview).types = ["MedicalCondition", "BreadcrumbList"]
    traps.append(Trap("/conditions/hypertension/", "MedicalCondition without MedicalWebPage: either type counts",
                      ["structured-data/condition-without-medical-type"]))
    row(site.locations["harbor-point"].page).types = ["Dentist", "BreadcrumbList"]
    traps.append(Trap("/locations/harbor-point/", "Dentist is a MedicalOrganization subtype: a place of care",
                      ["structured-data/location-without-medical-organization"]))
    row(site.providers["maria-okafor"].page).types = ["ProfilePage", "BreadcrumbList", "https://schema.org/Physician"]
    traps.append(Trap("/providers/maria-okafor/",
                      "Physician written as a schema.org URL in the third column: stored as `Physician`",
                      ["structured-data/provider-without-physician"]))
    row("/blog/living-well-with-obesity/").errors = 3
    traps.append(Trap("/blog/living-well-with-obesity/", "validation errors on a blog post, not a key page",
                      ["structured-data/key-page-schema-errors"]))
    row("/specialties/cardiology/").warnings = 3
    traps.append(Trap("/specialties/cardiology/", "warnings only, no errors, on a key page",
                      ["structured-data/key-page-schema-errors"]))
    diabetes = row(condition["diabetes"].overview)
    diabetes.address = ALIAS_ORIGIN + condition["diabetes"].overview
    traps.append(Trap("/conditions/diabetes/",
                      "its Address is written with the alias host: normalised like every crawl URL, it is the page",
                      ["structured-data/condition-without-medical-type"]))
    extra = ["https://www.example.org/partner-clinic/", m.BASE_URL + "/old-campaign/"]
    return plants, traps, extra


def write_structured_data(rows: dict[str, SchemaRow], extra: list[str], out: Path) -> None:
    """`structured_data_all.csv`: one row per page in page order, then rows of URLs that are no
    page of the crawl (another host, a page the crawl never reached), which the load skips."""
    width = max(len(r.types) for r in rows.values())
    header = LEAD_COLUMNS + [f"Type {n}" for n in range(1, width + 1)]
    with open(out / FILE_NAME, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        for path, r in rows.items():
            types = r.types + [""] * (width - len(r.types))
            writer.writerow([r.address or m.BASE_URL + path, 200, "OK", "Indexable", "", r.errors, r.warnings,
                             len(r.types), len(set(r.types)), *types])
        for address in extra:
            writer.writerow([address, 200, "OK", "Indexable", "", 0, 0, 1, 1, "WebPage", *[""] * (width - 1)])
