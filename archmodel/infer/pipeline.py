"""`archmodel init`: read the crawl once, place pages, infer the medical model, write site.yml.

The text is validated with the real site-model loader before it is returned: a proposal that
does not load back is a bug here, not the user's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from archmodel.infer.classify import Classifier, Placement
from archmodel.infer.conditions import find_conditions
from archmodel.infer.entries import InferredModel
from archmodel.infer.evidence import open_crawl, read_links, read_pages
from archmodel.infer.names import site_name
from archmodel.infer.people import complete_offers, find_locations, find_providers, reviewed_by
from archmodel.infer.related import find_related
from archmodel.infer.rules import propose_rules
from archmodel.infer.specialties import find_specialties, settle_hubs
from archmodel.infer.text import REVIEW_POLICY
from archmodel.infer.vocabulary import vocabulary
from archmodel.infer.writer import render
from archmodel.ingest.accounting import ReadOptions
from archmodel.ingest.sitemodel import parse_site_model

MIN_MEDICAL_PAGES = 3  # pages whose heading names a condition, a clinician, a specialty or a clinical procedure
ANCHOR_TYPES = {"condition", "symptom", "diagnosis", "test", "treatment", "follow_up"}
REVIEW_WORDS = ("editorial", "review")


def infer_model(paths: Sequence[Path], sitemaps: Sequence[Path] = (), options: ReadOptions | None = None) -> InferredModel:
    """The model the crawl shows; `options` are the readers' `--strict` and `--max-bad-rows`, as for `load`."""
    vocab = vocabulary()
    crawl, _ = open_crawl(paths, sitemaps, options)
    evidence = read_pages(crawl)
    if not evidence.pages:  # links only: pages are known from the links, anchors are not kept
        read_links(crawl, evidence, set())
        placed = Classifier(evidence, vocab).place_all()
    else:
        classifier = Classifier(evidence, vocab)
        placed = classifier.place_all()
        read_links(crawl, evidence, {i for i, p in placed.items() if p.type in ANCHOR_TYPES},
                   {i for i, p in placed.items() if p.type == "provider"})
        for page_id in range(len(placed), len(evidence.pages)):  # link targets no page row described
            placed[page_id] = classifier.place(page_id)
        classifier.refine_with_links(placed)
    settle_hubs(evidence, placed, vocab)
    medical = sum(1 for p in placed.values() if p.medical and not p.excluded)
    if medical < MIN_MEDICAL_PAGES:  # a shop, a builder, a library: its "experts" and "centres" are not clinical
        for page_id, placement in placed.items():
            if placement.type in ("condition", "provider", "location", "specialty_hub", "symptom", "diagnosis", "follow_up"):
                placed[page_id] = Placement("other", f"{placement.reason}; but the site says nothing medical",
                                            strength=placement.strength, excluded=True)
    site = site_name(evidence.home_title, evidence.host, (p.title for p in evidence.pages))
    conditions = find_conditions(evidence, placed, vocab, site)
    specialties = find_specialties(evidence, placed, conditions, vocab, site)
    locations = find_locations(evidence, placed, specialties, site)
    providers = find_providers(evidence, placed, specialties, conditions, locations, vocab, site)
    complete_offers(locations, providers)
    find_related(evidence, conditions)
    captures = set()
    for page_type, entries in (("condition", conditions), ("specialty_hub", specialties),
                               ("provider", providers), ("location", locations)):
        if entries and all(e.id == [s for s in _page_of(e).split("/") if s][-1] for e in entries):
            captures.add(page_type)
    rules, unmapped = propose_rules(evidence, placed, captures)
    policy = sorted(evidence.pages[i].path for i, p in placed.items()
                    if p.type == "policy" and not p.excluded and not p.language and evidence.pages[i].crawled)
    model = InferredModel(
        base_url=evidence.base_url, site_name=site, rules=rules, unmapped=unmapped,
        specialties=specialties, conditions=conditions, providers=providers, locations=locations,
        review_pages=[p for p in policy if _about_review(evidence, p)],
        policy_pages=[p for p in policy if not _about_review(evidence, p)],
        reviewed_by=reviewed_by(evidence, conditions, providers),
        sources=evidence.sources, pages=sum(1 for p in evidence.pages if p.crawled),
        read_warnings=list(dict.fromkeys(w for account in crawl.accounts() for w in account.warnings)),
    )
    if not evidence.has_links:
        model.without_links = (
            "No link export: page types, conditions, providers and locations come from titles and URLs only; "
            "specialty coverage, treats, related conditions, synonyms and linked test/treatment pages need the "
            "links (Screaming Frog: Bulk Export > Links > All Inlinks)."
        )
    if not conditions and not specialties and not providers:
        model.why_no_medical = (
            f"No medical structure recognised: {medical} page{'s' if medical != 1 else ''} name a condition, a "
            "clinician, a specialty or a clinical procedure in their titles or headings (at least "
            f"{MIN_MEDICAL_PAGES} are needed), so only page types were proposed."
        )
    return model


def _about_review(evidence, path: str) -> bool:
    page = evidence.pages[evidence.index[path]]
    return any(w in path for w in REVIEW_WORDS) or bool(REVIEW_POLICY.search(page.text))


def _page_of(entry) -> str:
    return entry.fields.get("hub") or entry.fields.get("page") or entry.fields["pages"]["overview"]


def propose(paths: Sequence[Path], output: Path = Path("site.yml"), sitemaps: Sequence[Path] = (),
            at: str | None = None, options: ReadOptions | None = None) -> tuple[str, InferredModel]:
    """(site.yml text, the model it was written from); the text loads back as written."""
    model = infer_model(paths, sitemaps, options)
    text = render(model, at)
    parse_site_model(text, output)
    return text, model


def propose_site_model(paths: Sequence[Path], output: Path = Path("site.yml")) -> str:
    """The text of a proposed site.yml for the crawl at `paths` (validated; loads back). The first
    `archmodel init`'s entry point, once archmodel/ingest/init_model.py."""
    return propose(paths, output)[0]
