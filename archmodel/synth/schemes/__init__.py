"""Fictional sites for measuring `archmodel init`: other URL schemes, titles and entities.

- `publisher`: Wellspring Health Guide, a health-information publisher: conditions under
  `/health/a-z/{condition}/` (stages `signs-and-symptoms`, `diagnosis`, `living-with`), tests
  and procedures under `/health/`, experts, topics, clinics, `/book/`, news; the seed's entities.
- `ortho`: Summit Orthopedic Group: conditions nested by body part
  (`/conditions/knee/acl-tear/`, stages `symptoms`, `diagnosis`, `recovery`), `/diagnostics/`,
  `/procedures/`, `/our-specialties/`, `/physicians/`, `/clinics/`, `/request-an-appointment/`,
  articles; its own orthopedic entities.
- `wordpress`: Hill Country Spine & Sports, a WordPress clinic: flat root slugs (`/sciatica/`,
  `/how-is-sciatica-diagnosed/`, `/round-rock/`, `/dr-jason-reyes/`), `/contact/` as the booking page,
  date permalinks with category/tag/author archives and pagination.
- `library`: Brightwater Children's Hospital: `/health-library/asthma/what-are-the-symptoms`,
  `/our-services/<specialty>/` hubs with one appointment page each, `/find-a-doctor/<name>-md/`,
  and a hub's trailing-slash redirect twin.
- `serviceline`: Cascade Health: everything nested under `/services/<line>/` (conditions, tests,
  treatments, booking pages, teams), uncovered conditions left in `/conditions/`.
- `bilingual`: Sonoran Family Health: English pages with Spanish translations under `/es/`
  (own slugs and titles), which the ground truth types but does not count as entities.
- `portuguese`: Clínica Vida Plena, a Portuguese-only clinic: `/doencas/hipertensao/sintomas/`,
  `/exames/`, `/corpo-clinico/dra-.../`, `/unidades/...`; Portuguese titles, anchors, ids and generic anchors.
- `academic`: Halvorsen University Health, an academic medical center: divisions under
  `/departments/<department>/<division>/` with one shared appointment page each, Mayo-style condition
  tabs under `/patient-care/conditions/` (H1 = condition name, the tab in the title) and newer
  `/health-topics/` pages, faculty profiles (`/faculty/first-last/`, `/profiles/<id>-first-last/`) of which
  the research-only faculty are not providers, `/locations/<campus>/` and `/clinics/<name>-clinic/`,
  `/news/<year>/<slug>/`, legacy redirects.
- `dental`: Prairie Creek Dental & Oral Surgery, a multi-office dental group on a flat CMS: conditions,
  treatments and question-style stage pages at the root (`/gum-disease/`, `/do-i-have-a-cavity/`),
  `/meet-dr-<last>/`, offices as `/<city>-dentist/` or `/locations/<city>/`, `/book-online/` as every
  condition's booking page, a blog with category/tag archives and pagination.
- `pediatric-network`: Riverbend Children's Health, a children's health system on Drupal (no trailing
  slashes): `/conditions-and-treatments/<nid>-<slug>` with tabs `/causes`, `/diagnosis-and-tests`,
  `/treatment`, `/after-care`, a Kids' Health A-Z, `/our-team/<specialty>/<name>` ("Priya Natarajan, MD |
  Pediatric Rheumatology") with nurse practitioners and therapists as providers and administrators as not,
  `/departments/<name>` with one appointment page each, `/locations/<city>-<name>`, `/for-parents/` articles
  that are not stage pages, Spanish pages for a third of the conditions.
- `physio`: Harbourside Physio & Sports Rehab, a UK physiotherapy chain on a Squarespace-like builder:
  `/injuries/<injury>` and `/pain/<area>-pain`, symptoms and diagnosis as sections of the page, follow-up
  pages (`-recovery-timeline`, `-exercises`) for some conditions only, `/services/`, `/team/<first-name>`,
  `/clinics/<town>` and `/physio-in-<town>` pages that are no clinics, `/book` redirecting to an external
  booking host (so no appointment pages).
- `womens-health`: Magnolia Women's Health, an OB/GYN and fertility group on a HubSpot-like CMS: `/conditions/<condition>`
  and, for five gynecology conditions, `/gynecology/<condition>`, with separate stage pages (`/symptoms`, `/diagnosis`,
  `/treatment-options`, `/tests/<test>`, `/recovery/<procedure>` "After your hysterectomy: recovery"),
  `/providers/<first>-<last>-<credential>` (MD, DO, CNM, WHNP-BC) with a midwives listing and a billing manager who are
  no providers, `/offices/<city>`, a week-by-week `/pregnancy/` section that is no condition content, one Spanish page.
- `hospital-mayo-style`: Stonebridge Clinic, a large hospital with a Mayo-like scheme: condition tabs
  `/diseases-conditions/<slug>/symptoms-causes/syc-2035xxxx` (overview and symptoms in one) and
  `/diagnosis-treatment/drc-2035xxxx` (diagnosis and treatment in one), a `doctors-departments` tab that is no stage,
  `/tests-procedures/<slug>/about/pac-2038xxxx`, `/biographies/<last>-<first>-<middle>-m-d/bio-200xxxxx` ("Jane A. Smith,
  M.D.") with a Ph.D. researcher who is no provider, `/departments-centers/<dept>/overview/ovc-2045xxxx`,
  `/locations/<city>`, one `/appointments` page, `/healthy-lifestyle/<topic>/in-depth/<slug>/art-2004xxxx` articles.

`publisher` and `ortho` are built with the seed's page and link builders (so the baseline follows the
linking guidance), get one of each kind of `synth` defect (`sprinkle`), and are then rewritten into
their URL scheme and title style (`core`). The others start the same way and are then reworked
in memory (`rework`): pages merged, dropped and added, links and anchors rewritten, counters and
depth recomputed. Each site.yml is the hand-written model: page-type rules written for the scheme,
entities and pathway pages from the generator's own model of the site.
`python -m archmodel.synth.schemes NAME OUT` writes one.
"""

from __future__ import annotations

# registration order is the order `SCHEMES` lists them in
from archmodel.synth.schemes import classic as _classic  # noqa: F401  (publisher, ortho)
from archmodel.synth.schemes import wordpress as _wordpress  # noqa: F401
from archmodel.synth.schemes import library as _library  # noqa: F401  # isort: skip
from archmodel.synth.schemes import serviceline as _serviceline  # noqa: F401  # isort: skip
from archmodel.synth.schemes import bilingual as _bilingual  # noqa: F401  # isort: skip
from archmodel.synth.schemes import portuguese as _portuguese  # noqa: F401  # isort: skip
from archmodel.synth.schemes import academic as _academic  # noqa: F401  # isort: skip
from archmodel.synth.schemes import dental as _dental  # noqa: F401  # isort: skip
from archmodel.synth.schemes import pediatric as _pediatric  # noqa: F401  # isort: skip
from archmodel.synth.schemes import physio as _physio  # noqa: F401  # isort: skip
from archmodel.synth.schemes import womens as _womens  # noqa: F401  # isort: skip
from archmodel.synth.schemes import mayo as _mayo  # noqa: F401  # isort: skip
from archmodel.synth.schemes.core import SCHEMES, STAGES, Scheme, build, generate, main
from archmodel.synth.schemes.rework import Crawl, Rework

__all__ = ["SCHEMES", "STAGES", "Scheme", "Rework", "Crawl", "build", "generate", "main"]
