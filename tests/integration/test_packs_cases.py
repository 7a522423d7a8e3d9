"""Focused crawls for the edge cases of the checks (tests/fixtures/packs/<case>/).

`edges`: link positions known; self links, a nofollow link, links only from menus, a redirect,
a condition without pages, a provider without a page and one whose page was not crawled.
`no-positions`: the same site, links.csv without a position column (every link is a body link).
`no-model`: the same crawl loaded without site.yml: entity checks are skipped, with the reason.
`resources`: Screaming Frog exports of a WordPress clinic whose missing images and style sheet
answer with an HTML page (404, or 200): URLs only Image/CSS/JavaScript rows point at are no pages.
`copies`: a condition page reached again through campaign-tagged, click-id and canonicalised URLs:
copies of a page are never key pages.
`redirects`: links to a chain of two redirects, a loop, a redirect to a 404 and a single redirect.
`over-optimised`: six posts link a profile, a location and a condition page by their own names, a
post from a "Recent posts" sidebar, a symptoms page and a second profile by one repeated phrase.
`equity`: four treatment pages two clicks from home, one linked only from the hub, and five
diagnosis pages three clicks from home, all below the site's median PageRank and alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archmodel.db.connection import Graph
from archmodel.ingest.loader import load_crawl
from archmodel.packs.registry import load_registry
from archmodel.packs.runner import STRUCTURED_DATA_REASON, RunReport, Runner
from tests.conftest import wipe

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "packs"
BASE = "https://www.clinic.example"
HUB = f"{BASE}/specialties/endocrinology/"
OVERVIEW = f"{BASE}/conditions/diabetes/"
SYMPTOMS = f"{BASE}/conditions/diabetes/symptoms/"
PROFILE = f"{BASE}/providers/maria-okafor/"
OLD = f"{BASE}/old-page/"
ISLAND = f"{BASE}/island/"

IDENTITY = {
    "orphans/orphan-pages": ("url",),
    "orphans/nav-only-inlinks": ("url",),
    "hub-spoke/hub-missing-spoke": ("source", "target", "specialty"),
    "hub-spoke/spoke-missing-hub": ("source", "target", "specialty"),
    "hub-spoke/condition-without-hub": ("condition",),
    "pathways/broken-step": ("source", "target", "condition"),
    "pathways/overview-missing-stage": ("source", "target", "condition"),
    "pathways/missing-stage-page": ("url", "condition"),
    "provider-condition/provider-missing-condition": ("source", "target", "provider", "condition"),
    "provider-condition/condition-missing-provider": ("source", "target", "condition", "provider"),
    "provider-condition/provider-without-page": ("provider",),
    "anchors/generic-anchor": ("source", "target", "anchor"),
    "anchors/empty-anchor": ("source", "target"),
    "anchors/anchor-intent-mismatch": ("source", "target", "anchor"),
    "anchors/off-synonym-anchor": ("source", "target", "anchor"),
    "anchors/over-optimised-anchor": ("url", "anchor"),
    "depth/unreachable": ("url",),
    "depth/deep-key-pages": ("url",),
    "equity/low-equity-key-pages": ("url",),
    "broken-links/links-to-redirect": ("source", "target"),
    "broken-links/links-to-error": ("source", "target"),
    "broken-links/nofollow-internal": ("source", "target"),
    "content-links/too-few-contextual-links": ("url",),
}


def load_case(graph: Graph, case: str, with_model: bool = True) -> RunReport:
    folder = CASES / case
    wipe(graph)
    load_crawl(
        graph,
        sorted(folder.glob("*.csv")),
        site_model=folder / "site.yml" if with_model else None,
    )
    runner = Runner.for_site(graph, None)
    return runner.run(load_registry([], environ={}))


def case_fixture(case: str):
    """A class-scoped fixture: the case's crawl loaded with its site.yml and every check run on it."""

    @pytest.fixture(scope="class", name=case.replace("-", "_"))
    def report(session_graph: Graph) -> RunReport:
        return load_case(session_graph, case)

    return report


def found(report: RunReport, name: str) -> set[tuple]:
    keys = IDENTITY[name]
    outcome = next(o for o in report.outcomes if o.check.name == name)
    assert outcome.skipped is None, f"{name} was skipped: {outcome.skipped}"
    return {tuple(f[k] for k in keys) for f in outcome.findings}


def skipped(report: RunReport) -> dict[str, str]:
    return {o.check.name: o.skipped for o in report.outcomes if o.skipped}


@pytest.fixture(scope="class")
def edges(session_graph: Graph) -> RunReport:
    return load_case(session_graph, "edges")


@pytest.fixture(scope="class")
def no_positions(session_graph: Graph) -> RunReport:
    return load_case(session_graph, "no-positions")


@pytest.fixture(scope="class")
def no_model(session_graph: Graph) -> RunReport:
    return load_case(session_graph, "no-model", with_model=False)


class TestEdges:
    def test_navigation_links_and_nofollow_do_not_count_for_the_hub(self, edges: RunReport) -> None:
        # The hub reaches the overview only through its menu and the profile only by a nofollow link.
        assert found(edges, "hub-spoke/hub-missing-spoke") == {
            (HUB, OVERVIEW, "endocrinology"),
            (HUB, PROFILE, "endocrinology"),
        }

    def test_body_links_back_to_the_hub_count_even_with_a_generic_anchor(self, edges: RunReport) -> None:
        assert found(edges, "hub-spoke/spoke-missing-hub") == set()
        assert found(edges, "anchors/generic-anchor") == {(OVERVIEW, HUB, "learn more")}

    def test_nofollow_is_reported_once(self, edges: RunReport) -> None:
        assert found(edges, "broken-links/nofollow-internal") == {(HUB, PROFILE)}

    def test_page_linked_only_from_menus(self, edges: RunReport) -> None:
        # The profile's followed inlinks all come from the header; the nofollow body link is no link.
        assert found(edges, "orphans/nav-only-inlinks") == {(PROFILE,)}

    def test_redirect_target_is_reported_with_its_final_url(self, edges: RunReport) -> None:
        assert found(edges, "broken-links/links-to-redirect") == {(SYMPTOMS, OLD)}
        finding = next(f for f in edges.findings if f["check"] == "links-to-redirect")
        assert finding["final_url"] == OVERVIEW
        assert found(edges, "broken-links/links-to-error") == set()

    def test_self_links_are_not_links(self, edges: RunReport) -> None:
        # The overview links to itself and to two other pages: two distinct content outlinks.
        assert found(edges, "content-links/too-few-contextual-links") == {(OVERVIEW,)}
        counts = {f["url"]: f["content_outlinks"] for f in edges.findings if f["check"] == "too-few-contextual-links"}
        assert counts == {OVERVIEW: 2}
        assert not any(f.get("source") == f.get("target") for f in edges.findings if f.get("source"))

    def test_conditions_without_pages_and_conditions_without_a_hub(self, edges: RunReport) -> None:
        assert found(edges, "pathways/missing-stage-page") == set()
        assert found(edges, "pathways/broken-step") == set()
        assert found(edges, "pathways/overview-missing-stage") == set()
        assert found(edges, "hub-spoke/condition-without-hub") == {("lonely-condition",)}

    def test_providers_without_a_crawled_page(self, edges: RunReport) -> None:
        assert found(edges, "provider-condition/provider-without-page") == {("ghost",), ("absent",)}
        # Only the provider with a live profile is expected on the overview.
        assert found(edges, "provider-condition/condition-missing-provider") == {
            (OVERVIEW, PROFILE, "diabetes", "maria-okafor")
        }
        assert found(edges, "provider-condition/provider-missing-condition") == {
            (PROFILE, OVERVIEW, "maria-okafor", "diabetes")
        }

    def test_orphans_and_unreachable(self, edges: RunReport) -> None:
        assert found(edges, "orphans/orphan-pages") == {(ISLAND,)}
        assert found(edges, "depth/unreachable") == {(ISLAND,)}

    def test_requirements_the_load_does_not_meet_are_skipped_with_a_reason(self, edges: RunReport) -> None:
        assert skipped(edges) == {
            "orphans/sitemap-only": "no sitemap was loaded; load the crawl again with --sitemap sitemap.xml",
            "trust/missing-review-policy": "the site model names no review methodology page; add trust.review_pages to site.yml",
            "trust/missing-policy-links": "the site model names no policy page; add trust.policy_pages to site.yml",
            **{check.name: STRUCTURED_DATA_REASON
               for check in load_registry([], environ={}) if check.pack == "structured-data"},
        }

    def test_every_finding_has_the_shared_keys_and_a_detail_sentence(self, edges: RunReport) -> None:
        for finding in edges.findings:
            assert list(finding)[:4] == ["pack", "check", "severity", "title"]
            assert "url" in finding or {"source", "target"} <= set(finding) or "condition" in finding or "provider" in finding
            detail = finding["detail"]
            assert isinstance(detail, str) and detail.endswith(".") and ": " in detail, detail
            for key in ("url", "source", "target"):
                if finding.get(key):
                    assert finding[key].startswith(BASE + "/"), finding


class TestUnknownPositions:
    def test_links_without_a_position_are_body_links(self, no_positions: RunReport) -> None:
        # The same hub -> overview link, with no position, now counts as a body link.
        assert found(no_positions, "hub-spoke/hub-missing-spoke") == {(HUB, PROFILE, "endocrinology")}

    def test_navigation_only_check_is_skipped_without_positions(self, no_positions: RunReport) -> None:
        assert "link position" in skipped(no_positions)["orphans/nav-only-inlinks"]


class TestWithoutSiteModel:
    def test_entity_checks_are_skipped_with_the_reason(self, no_model: RunReport) -> None:
        reasons = skipped(no_model)
        needs_model = {c.name for c in load_registry([], environ={}) if "site_model" in c.header.requires}
        assert len(needs_model) >= 25
        assert set(reasons) == needs_model | {"orphans/sitemap-only"}
        for name in needs_model:
            assert reasons[name] == "the crawl was loaded without a site model; load it again with --site site.yml"

    def test_crawl_checks_still_run(self, no_model: RunReport) -> None:
        assert found(no_model, "orphans/orphan-pages") == {(ISLAND,)}
        assert found(no_model, "broken-links/nofollow-internal") == {(HUB, PROFILE)}
        assert found(no_model, "anchors/generic-anchor") == {(OVERVIEW, HUB, "learn more")}


@pytest.fixture(scope="class")
def anchors(session_graph: Graph) -> RunReport:
    return load_case(session_graph, "anchors")


class TestAnchorIntent:
    """Whole-word condition names and synonyms, a synonym two conditions share, scheduling words."""

    def test_mismatches(self, anchors: RunReport) -> None:
        base = "https://www.anchors.example"
        diabetes, hypo = f"{base}/conditions/diabetes/", f"{base}/conditions/hypoglycemia/"
        appointment = f"{base}/appointments/diabetes-evaluation/"
        assert found(anchors, "anchors/anchor-intent-mismatch") == {
            (hypo, diabetes, "low blood sugar help"),  # names hypoglycemia, links to diabetes
            (diabetes, hypo, "sugar levels"),  # 'sugar' is also a synonym of diabetes
            (diabetes, f"{base}/about/", "Book a visit"),  # promises a booking
            (diabetes, appointment, "diabetes treatment"),  # clinical words for a booking page
        }
        details = {f["anchor"]: f["detail"] for f in anchors.findings if f["check"] == "anchor-intent-mismatch"}
        assert "names Hypoglycemia, a condition that page is not about" in details["low blood sugar help"]
        assert "names Diabetes" in details["sugar levels"]


resources = case_fixture("resources")


class TestResources:
    """An `<img>`, CSS or JS URL that no hyperlink points at is no page, whatever its server answered."""

    base = "https://www.backcare.example"
    post = f"{base}/blog/stretches-for-sciatica/"
    uploads = f"{base}/wp-content/uploads/2023/05"

    def test_resources_are_neither_unreachable_nor_orphans(self, resources: RunReport) -> None:
        # The missing diagram (HTML 404), the old banner (HTML 200) and the print style sheet
        # (HTML 404) are reached by Image and CSS rows only; the island page is a real page.
        assert found(resources, "depth/unreachable") == {(f"{self.base}/island/",)}
        assert found(resources, "orphans/orphan-pages") == {(f"{self.base}/island/",)}

    def test_a_hyperlink_to_a_missing_file_is_still_a_link_to_an_error(self, resources: RunReport) -> None:
        # The exercise sheet is an <img> and an <a href>: the hyperlink is broken; the <img> rows
        # are no links, so the missing diagram is not reported here either.
        assert found(resources, "broken-links/links-to-error") == {(self.post, f"{self.uploads}/exercise-sheet.jpg")}

    def test_the_graph_marks_resources(self, resources: RunReport, session_graph: Graph) -> None:
        rows = session_graph.read("MATCH (p:Page) WHERE p.resource RETURN p.url AS url ORDER BY url")
        assert [r["url"] for r in rows] == [
            f"{self.base}/wp-content/themes/clinic/print.css",
            f"{self.uploads}/old-banner.png",
            f"{self.uploads}/spine-diagram.jpg",
        ]


copies = case_fixture("copies")


class TestCopies:
    """URLs canonicalised to another URL or carrying tracking parameters are no key pages."""

    base = "https://www.spine.example"
    copies_of_sciatica = {
        f"{base}/conditions/sciatica/?utm_source=newsletter&utm_medium=email",  # canonicalised, tagged
        f"{base}/conditions/sciatica/?gclid=EAIaIQobChMI",  # an ad-click id, no canonical
        f"{base}/conditions/back-pain/",  # canonicalised to the sciatica page
    }

    def test_only_real_key_pages_are_deep(self, copies: RunReport) -> None:
        # All four sit three or more clicks from home; only the booking page is a key page.
        assert found(copies, "depth/deep-key-pages") == {(f"{self.base}/appointments/sciatica-evaluation/",)}

    def test_copies_are_never_low_equity_key_pages(self, copies: RunReport) -> None:
        assert not {url for (url,) in found(copies, "equity/low-equity-key-pages")} & self.copies_of_sciatica

    def test_copies_take_no_type_from_the_patterns(self, copies: RunReport, session_graph: Graph) -> None:
        rows = session_graph.read("MATCH (p:Page) RETURN p.url AS url, p.type AS type")
        types = {r["url"]: r["type"] for r in rows}
        assert {types[url] for url in self.copies_of_sciatica} == {"other"}
        assert types[f"{self.base}/conditions/sciatica/"] == "condition"
        about = session_graph.read("MATCH (p:Page)-[:ABOUT]->(:Condition) RETURN DISTINCT p.url AS url")
        assert {r["url"] for r in about} == {
            f"{self.base}/conditions/sciatica/", f"{self.base}/specialties/spine/",
            f"{self.base}/appointments/sciatica-evaluation/",
        }


redirects = case_fixture("redirects")


class TestRedirectChains:
    """links-to-redirect follows the hops to the end of the chain and says when they loop."""

    base = "https://www.hops.example"

    def findings(self, report: RunReport) -> dict[str, dict]:
        return {f["target"][len(self.base):]: f for f in report.findings if f["check"] == "links-to-redirect"}

    def test_every_link_to_a_redirect_is_reported_once(self, redirects: RunReport) -> None:
        news = f"{self.base}/news/"
        assert found(redirects, "broken-links/links-to-redirect") == {
            (news, f"{self.base}{path}") for path in ("/old-clinic/", "/moved/", "/loop-a/", "/gone/")
        }

    def test_the_final_url_is_the_end_of_the_chain(self, redirects: RunReport) -> None:
        rows = self.findings(redirects)
        assert rows["/old-clinic/"]["final_url"] == f"{self.base}/clinic/"
        assert rows["/old-clinic/"]["detail"] == (
            f"/news/ links to /old-clinic/, which redirects to {self.base}/clinic/ through 2 redirects "
            f"(/old-clinic/ -> /clinic-2019/ -> /clinic/): link to {self.base}/clinic/ instead."
        )
        assert rows["/moved/"]["final_url"] == f"{self.base}/clinic/"
        assert rows["/moved/"]["detail"] == (
            f"/news/ links to /moved/, which redirects to {self.base}/clinic/: link to the final URL instead."
        )

    def test_a_loop_is_named_as_such_with_no_final_url(self, redirects: RunReport) -> None:
        row = self.findings(redirects)["/loop-a/"]
        assert row["final_url"] is None
        assert row["detail"] == (
            "/news/ links to /loop-a/, which redirects in a loop (/loop-a/ -> /loop-b/ -> /loop-a/) that never "
            "reaches a page: fix the redirects, then link to the page they should lead to."
        )

    def test_a_chain_that_ends_in_an_error_says_so(self, redirects: RunReport) -> None:
        row = self.findings(redirects)["/gone/"]
        assert row["final_url"] == f"{self.base}/removed/"
        assert row["detail"] == (
            f"/news/ links to /gone/, which redirects to {self.base}/removed/, which answers 404: "
            "point the link at a working page."
        )


over_optimised = case_fixture("over-optimised")


class TestOverOptimisedAnchor:
    """Own names and widget links are no over-optimisation; the advice fits the page's type."""

    base = "https://www.physio.example"

    def test_only_repeated_phrases_are_reported(self, over_optimised: RunReport) -> None:
        # Not reported: "Dr. Ann Lee" to her profile, "Riverside Clinic" to its page, "sciatica" to
        # the sciatica overview (what off-synonym-anchor asks for), the sidebar links to a post.
        assert found(over_optimised, "anchors/over-optimised-anchor") == {
            (f"{self.base}/conditions/sciatica/symptoms/", "sciatica symptoms"),
            (f"{self.base}/team/ben-ode/", "our physiotherapist"),
        }
        assert found(over_optimised, "anchors/off-synonym-anchor") == set()

    def test_the_advice_fits_the_page(self, over_optimised: RunReport) -> None:
        details = {f["url"][len(self.base):]: f["detail"] for f in over_optimised.findings
                   if f["check"] == "over-optimised-anchor"}
        assert details == {
            "/conditions/sciatica/symptoms/": '6 of the 6 body links to /conditions/sciatica/symptoms/ say "sciatica '
            'symptoms": vary them ("symptoms of sciatica", "signs of sciatica", "when to see a doctor") as each '
            "linking page fits.",
            "/team/ben-ode/": '6 of the 6 body links to /team/ben-ode/ say "our physiotherapist": name the provider '
            '("Ben Ode, DPT") or what they treat, as each linking page fits.',
        }

    def test_the_own_name_is_stored_on_the_link(self, over_optimised: RunReport, session_graph: Graph) -> None:
        rows = session_graph.read(
            "MATCH (:Page)-[l:LINKS_TO]->(t:Page) WHERE l.own_name RETURN DISTINCT t.path AS path, l.anchor AS anchor"
        )
        assert {(r["path"], r["anchor"]) for r in rows} == {
            ("/team/ann-lee/", "Dr. Ann Lee"), ("/locations/riverside/", "Riverside Clinic"),
            ("/team/ben-ode/", "Ben Ode, DPT"),
        }


equity = case_fixture("equity")


class TestLowEquityKeyPages:
    """A key page is compared with the pages of its type at its depth, not with the whole site."""

    base = "https://www.spine-centre.example"

    def test_only_the_page_its_peers_outrank_is_reported(self, equity: RunReport) -> None:
        # The five diagnosis pages are below the site's median (they are deeper than most pages),
        # but alike: nothing for a team to fix there. The physiotherapy page lacks the blog links
        # its three peers have.
        assert found(equity, "equity/low-equity-key-pages") == {(f"{self.base}/treatments/physiotherapy/",)}
        row = next(f for f in equity.findings if f["check"] == "low-equity-key-pages")
        assert (row["pagerank"], row["median"]) == (0.7269, 1.3264)
        assert row["detail"] == (
            "/treatments/physiotherapy/ holds 55% of the internal PageRank of a typical treatment page 2 clicks "
            "from home (the median of the 4 such pages): link it from the hubs, overviews and guides that link the "
            "others."
        )
