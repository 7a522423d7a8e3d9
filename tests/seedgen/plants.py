"""The seed's planted defects: at least one for every check, each a small named change.

Each `Plant` says what was changed, where, why it is a defect, which findings it is meant to
produce (`expect`) and which other findings it causes on purpose (`side`), so that
`seed_data/EXPECTED.md` can explain every line of `expected_findings.json`. The generator
refuses to write the seed when the findings its model of the checks computes differ from the
declared ones, so the baseline stays clean by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archmodel.synth import model as m
from archmodel.synth.links import Directives, Link
from archmodel.synth.model import BlogPost, Page, Site

Finding = tuple[str, dict[str, Any]]


@dataclass
class Plant:
    name: str
    where: str
    why: str
    expect: list[Finding]
    side: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)


def before_pages(site: Site) -> None:
    """Entity-level plants that add or hide pages (run before `build_pages`)."""
    site.posts += [
        BlogPost("heart-health-month-2021", "Heart Health Month 2021: free screenings at our clinics", "general",
                 None, "2021-02-01", "clinic"),
        BlogPost("heart-health-month-2021-recap", "Heart Health Month 2021: the recap", "general", None,
                 "2021-03-01", "clinic"),
        BlogPost("flu-shot-clinic-hours-2018", "Flu shot clinic hours for 2018", "general", None, "2018-10-01",
                 "telehealth"),
        BlogPost("meet-our-new-neurologists-2018", "Meet our new neurologists", "general", None, "2018-06-01",
                 "choose"),
    ]
    site.unlisted_posts |= {"heart-health-month-2021", "heart-health-month-2021-recap"}
    site.archive_posts += ["flu-shot-clinic-hours-2018", "meet-our-new-neurologists-2018"]
    site.reviewer["hypertension"] = "omar-haddad"
    site.extra_resources += [
        ("/patients/lab-prep-guide-2023/", "old_guide", "Lab preparation guide (2023 edition)", "other"),
        ("/doctors/maria-okafor/", "redirect", "Dr. Maria Okafor", "other"),
        ("/heart-failure-clinic/", "redirect", "Heart failure clinic", "other"),
        ("/treatments/insulin-pump-program/", "error", "Insulin pump program", "treatment"),
        ("/locations/lakeview-north/", "location", "Lakeview North Clinic", "location"),
    ]


def plant(site: Site, d: Directives) -> list[Plant]:
    """Page- and link-level plants (run after `build_pages`); returns what was planted."""
    P = site.pages
    u = m.BASE_URL

    def page(path: str) -> Page:
        return P[path]

    def drop(source: str, target: str) -> None:
        assert source in P and target in P, (source, target)
        d.drop.add((source, target))

    def extra(source: str, target: str, anchor: str, position: str = "Content") -> None:
        assert source in P and target in P, (source, target)
        d.extra[source].append(Link(target, anchor, position, planted=True))

    plants: list[Plant] = []
    add = plants.append

    # -- orphans ---------------------------------------------------------------------------
    extra("/blog/heart-health-month-2021/", "/blog/heart-health-month-2021-recap/", "read the event recap")
    add(Plant("orphan blog post found only through the sitemap", "/blog/heart-health-month-2021/",
              "An old campaign post is still published and in the sitemap, but no page links to it; the page it "
              "links to (its recap) is therefore unreachable too, though it is not an orphan.",
              [("orphans/orphan-pages", {"url": "/blog/heart-health-month-2021/"}),
               ("depth/unreachable", {"url": "/blog/heart-health-month-2021/"}),
               ("depth/unreachable", {"url": "/blog/heart-health-month-2021-recap/"})]))
    page("/treatments/thyroid-nodule-ablation/").crawled = False
    page("/treatments/thyroid-nodule-ablation/").sitemap = True
    add(Plant("treatment stage page published but never linked", "/treatments/thyroid-nodule-ablation/",
              "The thyroid nodules treatment page is in the sitemap and named as the condition's treatment stage, "
              "but nothing links to it, so the crawl never reached it.",
              [("orphans/sitemap-only", {"url": "/treatments/thyroid-nodule-ablation/"}),
               ("orphans/orphan-pages", {"url": "/treatments/thyroid-nodule-ablation/"}),
               ("pathways/missing-stage-page", {"url": "/treatments/thyroid-nodule-ablation/", "condition": "thyroid-nodules"})]))
    page("/providers/priya-raman/").crawled = False
    page("/providers/priya-raman/").sitemap = True
    add(Plant("provider profile in the sitemap only", "/providers/priya-raman/",
              "Dr. Priya Raman's profile is listed in the sitemap but no page links to it: she has no crawled profile.",
              [("orphans/sitemap-only", {"url": "/providers/priya-raman/"}),
               ("orphans/orphan-pages", {"url": "/providers/priya-raman/"}),
               ("provider-condition/provider-without-page", {"provider": "priya-raman"})]))
    page("/locations/lakeview-north/").crawled = False
    page("/locations/lakeview-north/").sitemap = True
    add(Plant("new location page in the sitemap only", "/locations/lakeview-north/",
              "A clinic page was published and submitted in the sitemap before any menu or page linked to it "
              "(it is not in site.yml either).",
              [("orphans/sitemap-only", {"url": "/locations/lakeview-north/"}),
               ("orphans/orphan-pages", {"url": "/locations/lakeview-north/"})]))
    d.body_hidden |= {"/locations/harbor-point/", m.SECOND_OPINION}
    add(Plant("pages linked only from menus", "/locations/harbor-point/, /appointments/second-opinion/",
              "Harbor Point Heart Center appears only in the Locations menu and the second-opinion page only as a "
              "header button: no content page links to them.",
              [("orphans/nav-only-inlinks", {"url": "/locations/harbor-point/"}),
               ("orphans/nav-only-inlinks", {"url": m.SECOND_OPINION})]))

    # -- hub-spoke -------------------------------------------------------------------------
    drop("/specialties/cardiology/", "/conditions/atrial-fibrillation/")
    drop("/specialties/endocrinology/", "/providers/rachel-goldberg/")
    add(Plant("hub misses a condition and a provider", "/specialties/cardiology/, /specialties/endocrinology/",
              "The cardiology hub does not list atrial fibrillation; the endocrinology hub does not list "
              "Dr. Rachel Goldberg.",
              [("hub-spoke/hub-missing-spoke", {"source": "/specialties/cardiology/", "target": "/conditions/atrial-fibrillation/"}),
               ("hub-spoke/hub-missing-spoke", {"source": "/specialties/endocrinology/", "target": "/providers/rachel-goldberg/"})]))
    drop("/treatments/heart-failure-medications/", "/specialties/cardiology/")
    drop("/providers/kwame-asante/", "/specialties/neurology/")
    add(Plant("spokes that do not link back to their hub", "/treatments/heart-failure-medications/, /providers/kwame-asante/",
              "A treatment page and a provider profile have no body link to their specialty hub.",
              [("hub-spoke/spoke-missing-hub", {"source": "/treatments/heart-failure-medications/"}),
               ("hub-spoke/spoke-missing-hub", {"source": "/providers/kwame-asante/"})]))
    add(Plant("conditions no specialty covers", "sleep-apnea, vitamin-d-deficiency",
              "Both conditions have pages and are in site.yml, but no specialty lists them, so no hub links them.",
              [("hub-spoke/condition-without-hub", {"condition": "sleep-apnea"}),
               ("hub-spoke/condition-without-hub", {"condition": "vitamin-d-deficiency"})],
              [("equity/low-equity-key-pages", {"url": path},
                "no hub links the overview of a condition no specialty covers, so it holds less than two thirds of "
                "the PageRank of a typical condition overview two clicks from home")
               for path in ("/conditions/sleep-apnea/", "/conditions/vitamin-d-deficiency/")]))

    # -- pathways --------------------------------------------------------------------------
    drop("/conditions/hypertension/diagnosis/", "/tests/ambulatory-blood-pressure-monitoring/")
    drop("/treatments/thyroid-hormone-replacement/", "/conditions/hypothyroidism/follow-up/")
    add(Plant("broken pathway steps", "/conditions/hypertension/diagnosis/, /treatments/thyroid-hormone-replacement/",
              "The hypertension diagnosis page does not lead on to its test page; the hypothyroidism treatment page "
              "does not lead on to follow-up care.",
              [("pathways/broken-step", {"source": "/conditions/hypertension/diagnosis/", "target": "/tests/ambulatory-blood-pressure-monitoring/"}),
               ("pathways/broken-step", {"source": "/treatments/thyroid-hormone-replacement/", "target": "/conditions/hypothyroidism/follow-up/"})]))
    drop("/conditions/obesity/", "/conditions/obesity/follow-up/")
    drop("/conditions/atrial-fibrillation/", "/tests/ecg/")
    add(Plant("overviews that skip a stage", "/conditions/obesity/, /conditions/atrial-fibrillation/",
              "The obesity overview never mentions follow-up care; the atrial fibrillation overview never links the ECG page.",
              [("pathways/overview-missing-stage", {"source": "/conditions/obesity/", "target": "/conditions/obesity/follow-up/"}),
               ("pathways/overview-missing-stage", {"source": "/conditions/atrial-fibrillation/", "target": "/tests/ecg/"})]))
    fu = page("/conditions/hypertension/follow-up/")
    fu.status = 404
    add(Plant("deleted stage page still named and linked", "/conditions/hypertension/follow-up/",
              "The hypertension follow-up page was deleted (404) while site.yml and several pages still point to it.",
              [("pathways/missing-stage-page", {"url": "/conditions/hypertension/follow-up/", "condition": "hypertension"})],
              [("broken-links/links-to-error", {"target": "/conditions/hypertension/follow-up/"},
                "every page that still links the deleted page")]))
    page("/conditions/migraine/symptoms/").indexability_status = "noindex"
    add(Plant("stage page set to noindex", "/conditions/migraine/symptoms/",
              "The migraine symptoms page carries a noindex robots tag by mistake.",
              [("pathways/missing-stage-page", {"url": "/conditions/migraine/symptoms/", "condition": "migraine"})],
              [("broken-links/links-to-non-indexable", {"target": "/conditions/migraine/symptoms/"},
                "every page that links the noindex page")]))
    d.flags["/blog/questions-before-your-a1c/"].add("dead_end")
    d.flags["/conditions/multiple-sclerosis/symptoms/"].add("dead_end")
    add(Plant("education with no next step", "/blog/questions-before-your-a1c/, /conditions/multiple-sclerosis/symptoms/",
              "Neither page links to an appointment, location, telehealth or provider page.",
              [("pathways/dead-end-education", {"url": "/blog/questions-before-your-a1c/"}),
               ("pathways/dead-end-education", {"url": "/conditions/multiple-sclerosis/symptoms/"})],
              [("trust/missing-reviewer-link", {"url": "/conditions/multiple-sclerosis/symptoms/"},
                "a reviewer profile is itself a next step, so a clinical dead end has no reviewer link either")]))

    # -- provider-condition ----------------------------------------------------------------
    drop("/providers/james-whitfield/", "/conditions/metabolic-syndrome/")
    drop("/providers/victor-alvarez/", "/conditions/peripheral-neuropathy/")
    add(Plant("profiles that omit a condition the provider treats", "/providers/james-whitfield/, /providers/victor-alvarez/",
              "Each profile leaves out one of the conditions the provider treats.",
              [("provider-condition/provider-missing-condition", {"source": "/providers/james-whitfield/", "condition": "metabolic-syndrome"}),
               ("provider-condition/provider-missing-condition", {"source": "/providers/victor-alvarez/", "condition": "peripheral-neuropathy"})]))
    drop("/conditions/hypertension/", "/providers/lena-park/")
    drop("/conditions/hypertension/", "/providers/grace-liu/")
    add(Plant("condition overview with none of its specialists", "/conditions/hypertension/",
              "The hypertension overview links to none of the providers who treat it (its reviewer, Dr. Omar Haddad, "
              "does not treat hypertension).",
              [("provider-condition/condition-missing-provider", {"source": "/conditions/hypertension/", "provider": "lena-park"}),
               ("provider-condition/condition-missing-provider", {"source": "/conditions/hypertension/", "provider": "grace-liu"})]))
    page("/providers/samuel-ortiz/").crawled = False
    add(Plant("provider without a profile page", "samuel-ortiz",
              "Dr. Samuel Ortiz is in providers.csv but his profile page does not exist in the crawl.",
              [("provider-condition/provider-without-page", {"provider": "samuel-ortiz"})]))

    # -- anchors ---------------------------------------------------------------------------
    d.anchor[("/blog/whats-new-in-diabetes-treatment/", "/treatments/diabetes-medication/")] = ("Read more", "")
    d.anchor[("/locations/downtown/", m.TELEHEALTH)] = ("click here", "")
    add(Plant("generic anchors", "/blog/whats-new-in-diabetes-treatment/, /locations/downtown/",
              "'Read more' and 'click here' say nothing about the destination.",
              [("anchors/generic-anchor", {"source": "/blog/whats-new-in-diabetes-treatment/", "anchor": "Read more"}),
               ("anchors/generic-anchor", {"source": "/locations/downtown/", "anchor": "click here"})]))
    d.anchor[("/blog/living-well-with-obesity/", "/conditions/obesity/")] = ("", "")
    d.anchor[("/services/weight-management-program/", "/conditions/metabolic-syndrome/")] = ("", "")
    add(Plant("empty anchors", "/blog/living-well-with-obesity/, /services/weight-management-program/",
              "Image links without alt text: neither people using screen readers nor search engines learn the destination.",
              [("anchors/empty-anchor", {"source": "/blog/living-well-with-obesity/"}),
               ("anchors/empty-anchor", {"source": "/services/weight-management-program/"})]))
    d.anchor[("/blog/whats-new-in-obesity-treatment/", "/treatments/medical-weight-loss/")] = (
        "weight loss medicine for diabetes", "")
    d.anchor[("/conditions/migraine/", m.TELEHEALTH)] = ("schedule a video visit", "")
    d.anchor[("/conditions/atrial-fibrillation/follow-up/", "/appointments/atrial-fibrillation-evaluation/")] = (
        "atrial fibrillation treatment options", "")
    d.anchor[("/conditions/obesity/", "/conditions/insulin-resistance/")] = ("prediabetes", "")
    add(Plant("anchors that promise the wrong page", "three links",
              "An anchor naming diabetes points at an obesity treatment page; a scheduling anchor points at the "
              "telehealth information page; a treatment anchor points at an appointment page. (The obesity overview's "
              "'prediabetes' link to insulin resistance is deliberately NOT a finding: 'prediabetes' is a synonym of "
              "insulin resistance and does not name diabetes as a whole word.)",
              [("anchors/anchor-intent-mismatch", {"source": "/blog/whats-new-in-obesity-treatment/"}),
               ("anchors/anchor-intent-mismatch", {"source": "/conditions/migraine/", "target": m.TELEHEALTH}),
               ("anchors/anchor-intent-mismatch", {"source": "/conditions/atrial-fibrillation/follow-up/"})]))
    d.fixed_anchor["/tests/a1c/"] = "A1C test"
    d.fixed_anchor["/specialties/cardiology/"] = "Cardiology"
    add(Plant("one anchor on every inlink", "/tests/a1c/, /specialties/cardiology/",
              "Every body link to the A1C test page says 'A1C test' and every body link to the cardiology hub says "
              "'Cardiology': vary the anchors.",
              [("anchors/over-optimised-anchor", {"url": "/tests/a1c/", "anchor": "A1C test"}),
               ("anchors/over-optimised-anchor", {"url": "/specialties/cardiology/", "anchor": "Cardiology"})]))
    d.anchor[("/blog/living-well-with-atrial-fibrillation/", "/conditions/atrial-fibrillation/")] = (
        "heart rhythm problems", "")
    d.anchor[("/conditions/hypothyroidism/", "/conditions/thyroid-nodules/")] = ("a lump in your neck", "")
    add(Plant("anchors off the condition's names", "two links to condition overviews",
              "The anchors use none of the condition's name or synonyms.",
              [("anchors/off-synonym-anchor", {"target": "/conditions/atrial-fibrillation/", "anchor": "heart rhythm problems"}),
               ("anchors/off-synonym-anchor", {"target": "/conditions/thyroid-nodules/", "anchor": "a lump in your neck"})]))

    # -- depth -----------------------------------------------------------------------------
    add(Plant("old posts only in the archive", "/blog/archive/2018/",
              "Two 2018 posts are reachable only through Blog -> Archive -> 2018: four clicks from home.",
              [("depth/deep-pages", {"url": "/blog/flu-shot-clinic-hours-2018/"}),
               ("depth/deep-pages", {"url": "/blog/meet-our-new-neurologists-2018/"})]))
    d.excluded_from_index |= {"/appointments/sleep-apnea-evaluation/", "/appointments/migraine-evaluation/"}
    add(Plant("appointment pages left off the appointments index and hubs",
              "/appointments/sleep-apnea-evaluation/, /appointments/migraine-evaluation/",
              "Reachable only from condition pages, both booking pages sit three clicks from home. (Their low "
              "PageRank is that depth, which deep-key-pages reports; low-equity-key-pages compares a page with "
              "its type at its depth, and these two are the only appointment pages three clicks from home.)",
              [("depth/deep-key-pages", {"url": "/appointments/sleep-apnea-evaluation/"}),
               ("depth/deep-key-pages", {"url": "/appointments/migraine-evaluation/"})]))
    d.nofollow.add((m.RESOURCES, "/patients/insurance-coverage/"))
    add(Plant("page reachable only through a nofollow link", "/patients/insurance-coverage/",
              "The only link to the insurance page is nofollow, so for followed links it is an unreachable orphan.",
              [("broken-links/nofollow-internal", {"source": m.RESOURCES, "target": "/patients/insurance-coverage/"}),
               ("depth/unreachable", {"url": "/patients/insurance-coverage/"}),
               ("orphans/orphan-pages", {"url": "/patients/insurance-coverage/"})]))

    # -- broken links ----------------------------------------------------------------------
    err = page("/treatments/insulin-pump-program/")
    err.status = 404
    extra("/blog/living-well-with-diabetes/", "/treatments/insulin-pump-program/", "our insulin pump program")
    add(Plant("link to a deleted page", "/blog/living-well-with-diabetes/",
              "The post links a program page that now answers 404.",
              [("broken-links/links-to-error", {"source": "/blog/living-well-with-diabetes/"})]))
    page("/doctors/maria-okafor/").status = 301
    page("/doctors/maria-okafor/").redirect_to = "/providers/maria-okafor/"
    page("/heart-failure-clinic/").status = 301
    page("/heart-failure-clinic/").redirect_to = "/specialties/cardiology/"
    extra("/blog/questions-before-your-thyroid-function/", "/doctors/maria-okafor/", "Dr. Maria Okafor")
    extra(m.ABOUT, "/heart-failure-clinic/", "our heart failure clinic")
    add(Plant("links through redirects", "/blog/questions-before-your-thyroid-function/, /about/",
              "Both links point at old URLs that redirect (301): link to the final URL.",
              [("broken-links/links-to-redirect", {"source": "/blog/questions-before-your-thyroid-function/"}),
               ("broken-links/links-to-redirect", {"source": m.ABOUT})]))
    old = page("/patients/lab-prep-guide-2023/")
    old.indexability_status = "Canonicalised"
    old.canonical = m.LAB_PREP
    extra("/blog/understanding-your-lab-results/", "/patients/lab-prep-guide-2023/", "printable lab preparation guide")
    add(Plant("link to a canonicalised page", "/blog/understanding-your-lab-results/",
              "The post links the 2023 lab guide, which is canonicalised to the current guide.",
              [("broken-links/links-to-non-indexable", {"source": "/blog/understanding-your-lab-results/"})]))
    d.nofollow.add(("/providers/maria-okafor/", m.APPOINTMENTS))
    add(Plant("nofollow on an internal booking link", "/providers/maria-okafor/",
              "A booking widget marks the internal appointments link nofollow.",
              [("broken-links/nofollow-internal", {"source": "/providers/maria-okafor/"})]))

    # -- trust -----------------------------------------------------------------------------
    d.reviewer["/conditions/heart-failure/"] = "omar-haddad"
    drop("/conditions/heart-failure/", "/providers/lena-park/")
    d.flags["/conditions/epilepsy/diagnosis/"].add("no_reviewer")
    add(Plant("clinical pages without their reviewer", "/conditions/heart-failure/, /conditions/epilepsy/diagnosis/",
              "The heart failure overview names Dr. Lena Park as reviewer in site.yml but links another "
              "cardiologist's profile; the epilepsy diagnosis page links no provider at all.",
              [("trust/missing-reviewer-link", {"url": "/conditions/heart-failure/"}),
               ("trust/missing-reviewer-link", {"url": "/conditions/epilepsy/diagnosis/"})]))
    d.flags["/conditions/obesity/symptoms/"].add("no_editorial")
    add(Plant("clinical page without the editorial policy", "/conditions/obesity/symptoms/",
              "No link to how the content was reviewed.",
              [("trust/missing-review-policy", {"url": "/conditions/obesity/symptoms/"})]))
    for path in ("/conditions/insulin-resistance/follow-up/", "/tests/thyroid-ultrasound/"):
        d.flags[path].add("legacy")
    add(Plant("clinical pages on a legacy template", "/conditions/insulin-resistance/follow-up/, /tests/thyroid-ultrasound/",
              "An old landing-page template without header, navigation, footer or review box: no link to any "
              "policy page and none to the editorial policy.",
              [("trust/missing-policy-links", {"url": "/conditions/insulin-resistance/follow-up/"}),
               ("trust/missing-policy-links", {"url": "/tests/thyroid-ultrasound/"}),
               ("trust/missing-review-policy", {"url": "/conditions/insulin-resistance/follow-up/"}),
               ("trust/missing-review-policy", {"url": "/tests/thyroid-ultrasound/"})]))

    # -- access ----------------------------------------------------------------------------
    d.flags["/conditions/sleep-apnea/"].add("no_location")
    d.flags["/specialties/neurology/"].add("no_location")
    add(Plant("no way to a location", "/conditions/sleep-apnea/, /specialties/neurology/",
              "Neither page links to a location or telehealth page.",
              [("access/no-location-link", {"url": "/conditions/sleep-apnea/"}),
               ("access/no-location-link", {"url": "/specialties/neurology/"})]))
    drop("/locations/westside/", "/specialties/neurology/")
    drop(m.TELEHEALTH, "/specialties/endocrinology/")
    add(Plant("locations that omit a specialty they offer", "/locations/westside/, /telehealth/",
              "Westside offers neurology and telehealth offers endocrinology, but their pages do not link those hubs.",
              [("access/location-missing-specialty", {"source": "/locations/westside/", "specialty": "neurology"}),
               ("access/location-missing-specialty", {"source": m.TELEHEALTH, "specialty": "endocrinology"})]))
    drop("/providers/daniel-cho/", m.TELEHEALTH)
    drop("/providers/aisha-rahman/", "/locations/lakeshore/")
    add(Plant("profiles that omit a place of work", "/providers/daniel-cho/, /providers/aisha-rahman/",
              "Dr. Cho offers video visits and Dr. Rahman works at Lakeshore, but their profiles do not say so.",
              [("access/provider-missing-location", {"source": "/providers/daniel-cho/", "location": "virtual"}),
               ("access/provider-missing-location", {"source": "/providers/aisha-rahman/", "location": "lakeshore"})]))

    # -- related conditions ----------------------------------------------------------------
    for a, b in (("heart-failure", "hypertension"), ("epilepsy", "migraine")):
        drop(f"/conditions/{a}/", f"/conditions/{b}/")
        drop(f"/conditions/{b}/", f"/conditions/{a}/")
    add(Plant("related conditions that never link", "heart failure / hypertension, epilepsy / migraine",
              "site.yml lists them as related, but neither overview links the other.",
              [("related-conditions/unlinked-related", {"condition": "heart-failure", "related": "hypertension"}),
               ("related-conditions/unlinked-related", {"condition": "epilepsy", "related": "migraine"})]))
    extra("/conditions/diabetes/follow-up/", "/conditions/heart-failure/symptoms/", "heart failure symptoms to watch for", "Aside")
    extra("/treatments/migraine-prevention/", "/conditions/hypertension/", "high blood pressure and headaches", "Aside")
    add(Plant("related links that leave the care pathway", "/conditions/diabetes/follow-up/, /treatments/migraine-prevention/",
              "Related-reading boxes send readers to a cardiology page from endocrinology and neurology pages.",
              [("related-conditions/off-pathway-related", {"source": "/conditions/diabetes/follow-up/"}),
               ("related-conditions/off-pathway-related", {"source": "/treatments/migraine-prevention/"})]))

    # -- content links ---------------------------------------------------------------------
    drop("/blog/early-signs-of-heart-failure/", "/conditions/heart-failure/")
    drop("/blog/early-signs-of-thyroid-nodules/", "/conditions/thyroid-nodules/")
    add(Plant("blog posts that skip the service page", "two 'early signs' posts",
              "Both posts name the condition in their title but link neither its overview nor its treatment page.",
              [("content-links/blog-missing-service", {"url": "/blog/early-signs-of-heart-failure/"}),
               ("content-links/blog-missing-service", {"url": "/blog/early-signs-of-thyroid-nodules/"})]))
    drop("/services/cardiac-rehabilitation/", "/conditions/heart-failure/follow-up/")
    add(Plant("service page without supporting guides", "/services/cardiac-rehabilitation/",
              "The rehabilitation page links no symptom, diagnosis, test or follow-up guide.",
              [("content-links/service-missing-guides", {"url": "/services/cardiac-rehabilitation/"})]))
    add(Plant("resource hub that covers only a few conditions", m.LAB_PREP,
              "The lab preparation hub links every test page but only three condition overviews.",
              [("content-links/resource-hub-thin", {"url": m.LAB_PREP})]))
    add(Plant("A to Z page with too many links", m.LIBRARY,
              "The health library links every clinical page of the site: well over 100 content links.",
              [("content-links/too-many-links", {"url": m.LIBRARY})]))
    for target in ("/specialties/endocrinology/", m.TELEHEALTH, "/conditions/diabetes/"):
        drop("/services/diabetes-education/", target)
    add(Plant("thin service page", "/services/diabetes-education/",
              "The diabetes education page has only two content links.",
              [("content-links/too-few-contextual-links", {"url": "/services/diabetes-education/"})]))

    # -- normalisation exercises (no findings) ----------------------------------------------
    d.raw[("/blog/living-well-with-diabetes/", "/conditions/diabetes/")] = m.ALIAS_URL + "/conditions/diabetes/"
    d.raw[("/conditions/diabetes/", "/conditions/diabetes/symptoms/")] = (
        "https://WWW.Lakeside-Health.example/conditions/diabetes/symptoms/#warning-signs")
    extra("/conditions/diabetes/", "/conditions/diabetes/", "Back to top")
    d.raw[("/conditions/diabetes/", "/conditions/diabetes/")] = u + "/conditions/diabetes/#top"
    return plants


__all__ = ["Plant", "before_pages", "plant"]
