"""Two more fictional sites for measuring `archmodel init`: other URL schemes, titles and entities.

- `publisher`: Wellspring Health Guide, a health-information publisher: conditions under
  `/health/a-z/{condition}/` (stages `signs-and-symptoms`, `diagnosis`, `living-with`), tests
  and procedures under `/health/`, experts, topics, clinics, `/book/`, news; the seed's entities.
- `ortho`: Summit Orthopedic Group: conditions nested by body part
  (`/conditions/knee/acl-tear/`, stages `symptoms`, `diagnosis`, `recovery`), `/diagnostics/`,
  `/procedures/`, `/our-specialties/`, `/physicians/`, `/clinics/`, `/request-an-appointment/`,
  articles; its own orthopedic entities.

Each is built with the seed's page and link builders (so the baseline follows the linking
guidance), gets one of each kind of `synth` defect (`sprinkle`), and is then rewritten into its
URL scheme and title style. Its site.yml is the hand-written model: page-type rules written for
the scheme below, entities and pathway pages from the generator's own model of the site.
`python -m archmodel.synth.schemes NAME OUT` writes one.
"""

from __future__ import annotations

from archmodel.synth.schemes import classic as _classic  # noqa: F401  (registers publisher, ortho)
from archmodel.synth.schemes import bilingual as _bilingual  # noqa: F401
from archmodel.synth.schemes import library as _library  # noqa: F401
from archmodel.synth.schemes import serviceline as _serviceline  # noqa: F401
from archmodel.synth.schemes import wordpress as _wordpress  # noqa: F401
from archmodel.synth.schemes.core import SCHEMES, STAGES, Scheme, build, generate, main
from archmodel.synth.schemes.rework import Crawl, Rework

__all__ = ["SCHEMES", "STAGES", "Scheme", "Rework", "Crawl", "build", "generate", "main"]
