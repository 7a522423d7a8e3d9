"""Figure building from in-memory site data: what is drawn, how much, and always the same way."""

from __future__ import annotations

import base64
import gzip
import json

import numpy as np
import plotly.io as pio
import pytest

from archmodel.render.clusters import cluster_pages, community_name
from archmodel.render.data import PageTable, SiteData, choose_specialty
from archmodel.render.findings import FindingIndex
from archmodel.render.focus_maps import matrix_cell
from archmodel.render.layout import local_layout, site_layout
from archmodel.render.site_map import clusters_view
from archmodel.render.structure import structure_groups, structure_view
from archmodel.render.report import findings_section
from archmodel.render.traces import sample_rows, segments

HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"


def make_site(pages_per_group: int = 12, groups: int = 4, seed: int = 7) -> SiteData:
    """Groups of densely linked pages; the first two groups belong to specialties."""
    rng = np.random.default_rng(seed)
    urls, types, specialty = [], [], []
    kinds = ["condition", "symptom", "treatment", "provider", "blog"]
    for g in range(groups):
        for k in range(pages_per_group):
            urls.append(f"https://site.example/g{g}/p{k:03d}/")
            types.append(kinds[k % len(kinds)])
            specialty.append(f"s{g}" if g < 2 else None)
    n = len(urls)
    links = set()
    for g in range(groups):
        base = g * pages_per_group
        for _ in range(pages_per_group * 3):
            a, b = rng.integers(0, pages_per_group, 2)
            if a != b:
                links.add((base + int(a), base + int(b)))
    links.add((0, pages_per_group))  # one link between groups
    body = np.array(sorted(links), dtype=np.int32)
    nav = np.array([(i, 0) for i in range(1, n)], dtype=np.int32)
    titles = [f"Page {i} {HOSTILE}" for i in range(n)]
    pages = PageTable(
        url=urls, title=titles, h1=titles, type=types, status=np.full(n, 200), depth=np.arange(n) % 5,
        inlinks=np.bincount(body[:, 1], minlength=n), pagerank=np.linspace(0.15, 3, n), in_crawl=np.ones(n, bool),
        indexable=np.ones(n, bool), is_home=np.arange(n) == 0,
    )
    return SiteData("site.example", "crawl-1", {"site_name": "Site <b>"}, pages, body, nav, specialty,
                    {"s0": "Cardiology", "s1": "Endocrinology"})


def page_traces(figure) -> list:
    return [t for t in figure.data if t.meta and t.meta.get("role") == "pages"]


def test_full_view_draws_every_page_once_with_escaped_hover() -> None:
    data = make_site()
    clustering = cluster_pages(data, backend="igraph")
    findings = FindingIndex.build([{"pack": "orphans", "check": "orphan-pages", "severity": "high", "url": data.pages.url[3],
                                    "title": HOSTILE}])
    view = clusters_view(data, clustering, findings)
    traces = page_traces(view.figure)
    assert sum(len(t.x) for t in traces) == len(data.pages)
    assert all(t.type == "scattergl" for t in traces)
    names = [t.name for t in traces]
    assert names[:2] == ["Cardiology (12)", "Endocrinology (12)"]
    for trace in traces:
        for text in trace.hovertext:
            assert "<script" not in text and "<img" not in text
            assert "&lt;script&gt;" in text
    types_shown = {text.split("Type: ")[1].split(" | ")[0] for t in traces for text in t.hovertext}
    assert {"condition overview", "provider profile", "blog post"} <= types_shown, "page types in words, not ids"
    flagged = next(t for t in view.figure.data if t.name.startswith("High-severity findings"))
    assert len(flagged.x) == 1
    nav = next(t for t in view.figure.data if t.name.startswith("Navigation"))
    assert nav.visible == "legendonly"
    body = next(t for t in view.figure.data if t.name.startswith("Body links"))
    assert body.x.dtype == np.float32 and len(body.x) == 3 * len(data.body)
    assert np.isnan(body.x[2::3]).all()
    assert [t.name for t in view.figure.data if t.legend == "legend2"] == sorted(set(data.pages.type))


def test_same_input_same_picture() -> None:
    first = clusters_view(make_site(), cluster_pages(make_site(), backend="igraph"))
    second = clusters_view(make_site(), cluster_pages(make_site(), backend="igraph"))
    assert pio.to_json(first.figure) == pio.to_json(second.figure)


def test_unplaced_pages_get_link_communities() -> None:
    data = make_site(groups=4)
    clustering = cluster_pages(data, backend="igraph")
    assert clustering.kinds[:2] == ["specialty", "specialty"]
    communities = [i for i, kind in enumerate(clustering.kinds) if kind != "specialty"]
    assert communities, "pages without a specialty are grouped"
    groups = {tuple(sorted({int(l) for l in clustering.labels[g * 12:(g + 1) * 12]})) for g in (2, 3)}
    assert all(len(g) == 1 for g in groups), "each densely linked group stays in one community"


def test_large_site_aggregates_and_precomputes_each_cluster() -> None:
    data = make_site()
    clustering = cluster_pages(data, backend="igraph")
    view = clusters_view(data, clustering, max_pages=10)
    assert view.payload and view.options["drill"]
    bubbles = next(t for t in view.figure.data if t.meta and t.meta.get("role") == "clusters")
    assert len(bubbles.x) == len(clustering.names)
    document = json.loads(gzip.decompress(base64.b64decode(view.payload)))
    assert sum(len(c["hover"]) for c in document["clusters"]) == len(data.pages)
    first = document["clusters"][0]
    xs = np.frombuffer(base64.b64decode(first["x"]), dtype="<u2")
    edges = np.frombuffer(base64.b64decode(first["edges"]), dtype="<u2").reshape(-1, 2)
    assert len(xs) == len(first["hover"]) and edges.max() < len(xs)
    assert all("<script" not in h for c in document["clusters"] for h in c["hover"])


def test_layouts_are_bounded_and_put_isolated_pages_on_a_ring() -> None:
    edges = np.array([[0, 1], [1, 2], [2, 0]])
    coords = local_layout(5, edges)
    radius = np.hypot(coords[:, 0], coords[:, 1])
    assert (radius[:3] <= 1.06).all() and (radius[3:] >= 1.1).all()
    labels = np.array([0, 0, 0, 1, 1])
    positions, centres, radii = site_layout(labels, np.array([[0, 1], [3, 4]]), 2)
    assert np.hypot(*(centres[0] - centres[1])) >= radii.sum()


def test_segments_and_sampling() -> None:
    xs, ys = segments(np.array([[0.0, 0.0], [1.0, 2.0]]), np.array([[0, 1]]))
    assert xs.tolist()[:2] == [0.0, 1.0] and np.isnan(xs[2]) and ys.tolist()[1] == 2.0
    rows = np.arange(100).reshape(50, 2)
    assert len(sample_rows(rows, 10)) == 10 and (sample_rows(rows, 10) == sample_rows(rows, 10)).all()


@pytest.mark.parametrize(
    ("treats", "forward", "backward", "live", "expected"),
    [(True, True, True, True, 5), (True, True, False, True, 4), (True, False, True, True, 3),
     (True, False, False, True, 2), (True, True, True, False, 6), (False, False, False, True, 0), (False, True, False, True, 1)],
)
def test_matrix_categories(treats, forward, backward, live, expected) -> None:
    assert matrix_cell(treats, forward, backward, live) == expected


def test_specialty_hint_strength_then_frequency() -> None:
    assert choose_specialty([(3, "b"), (0, "a")]) == "a"
    assert choose_specialty([(3, "b"), (3, "a"), (3, "b")]) == "b"
    assert choose_specialty([]) is None


def test_large_provider_matrix_keeps_the_worst_gaps() -> None:
    from archmodel.render.entities import PageRef, ProviderMatrix
    from archmodel.render.focus_maps import providers_view

    live = {u: PageRef(u, status=200, in_crawl=True) for u in ("p1", "p2", "p3", "c1", "c2", "c3")}
    model = ProviderMatrix(
        providers=[("a", "A", "p1"), ("b", "B", "p2"), ("c", "C <script>", "p3")],
        conditions=[("x", "X", "c1"), ("y", "Y", "c2"), ("z", "Z", "c3")],
        treats={("a", "x"), ("b", "y"), ("c", "z")},
        pages=live,
        body={("p1", "c1"), ("c1", "p1"), ("p2", "c2")},  # a-x both ways, b-y one way, c-z not at all
    )
    full = providers_view(model).figure.data[0]
    assert full.z.tolist() == [[5, 0, 0], [0, 4, 0], [0, 0, 2]]
    assert "C &lt;script&gt;" in list(full.y)
    trimmed = providers_view(model, max_providers=1, max_conditions=1)
    assert list(trimmed.figure.data[0].x) == ["Z"] and list(trimmed.figure.data[0].y) == ["C &lt;script&gt;"]
    assert trimmed.notes and "3 providers and 3 conditions" in trimmed.notes[0]


def test_treated_pages_visit_exactly_the_treated_cells_of_the_grid() -> None:
    import random

    from archmodel.render.entities import ProviderMatrix

    rng = random.Random(3)
    providers = [(f"p{i}", f"P{i}", rng.choice([None, f"/p{i}", f"/p{i % 3}"])) for i in range(30)]
    providers.append(("p1", "P1 again", "/p1-second-profile"))
    conditions = [(f"c{i}", f"C{i}", rng.choice([None, f"/c{i}"])) for i in range(25)]
    treats = {(f"p{rng.randrange(35)}", f"c{rng.randrange(28)}") for _ in range(200)}
    model = ProviderMatrix(providers=providers, conditions=conditions, treats=treats, pages={}, body=set())
    grid = sorted(
        (pid, purl, cid, curl) for pid, _, purl in providers for cid, _, curl in conditions if (pid, cid) in treats
    )
    assert sorted(model.treated_pages(), key=str) == sorted(grid, key=str)


def _site_of(rows: list[tuple[str, str, str | None]], links: list[tuple[int, int]]) -> SiteData:
    """A small site from (path, page type, specialty) rows and body links between row numbers."""
    n = len(rows)
    body = np.array(links, dtype=np.int32).reshape(-1, 2)
    titles = [f"Title of {path} | Site" for path, _, _ in rows]
    pages = PageTable(
        url=[f"https://site.example{path}" for path, _, _ in rows], title=titles, h1=titles,
        type=[t for _, t, _ in rows], status=np.full(n, 200), depth=np.ones(n, int), inlinks=np.bincount(body[:, 1], minlength=n),
        pagerank=np.linspace(3, 0.15, n), in_crawl=np.ones(n, bool), indexable=np.ones(n, bool),
        is_home=np.array([path == "/" for path, _, _ in rows]),
    )
    return SiteData("site.example", "crawl-1", {}, pages, body, np.zeros((0, 2), np.int32), [s for _, _, s in rows],
                    {"cardio": "Cardiology"})


def test_community_names_come_from_their_own_pages() -> None:
    rows = [("/", "home", None), ("/appointments/", "appointment", None), ("/appointments/a/", "appointment", None),
            ("/blog/x/", "blog", None), ("/news/a/", "other", None), ("/news/b/", "other", None), ("/news/c/", "policy", None),
            ("/blog/a/", "blog", None), ("/blog/b/", "blog", None), ("/guides/c/", "blog", None)]
    data = _site_of(rows, [])
    assert community_name(data, [0, 1, 2, 3]) == "Home page and appointment pages in /appointments/"
    assert community_name(data, [0, 1, 3, 4]) == "Home page and appointment pages, blog posts and more"
    assert community_name(data, [7, 8, 3]) == "Blog posts in /blog/"
    assert community_name(data, [7, 8, 9]) == "Blog posts in /blog/"
    assert community_name(data, [4, 5, 6]) == "Pages in /news/"
    assert community_name(data, [1, 3, 6, 9]) == "Blog posts"  # half of them
    assert community_name(data, [1, 2, 3, 6, 9]) == "Appointment pages, blog posts and more"


def test_clusters_are_named_by_specialty_or_by_what_their_pages_are() -> None:
    """Specialty pages form their specialty's cluster; two blog communities that link only into
    Cardiology and a home + appointments community are named after their own pages, never after
    the specialty they link to or a folder their pages are not in."""
    rows = [(f"/cardiology/c{k}/", "condition", "cardio") for k in range(6)]
    rows += [("/", "home", None)] + [(f"/appointments/a{k}/", "appointment", None) for k in range(4)]
    rows += [(f"/blog/first-{k}/", "blog", None) for k in range(6)] + [(f"/blog/second-{k}/", "blog", None) for k in range(6)]
    dense = lambda members: [(a, b) for a in members for b in members if a != b]  # noqa: E731
    links = dense(range(0, 6)) + dense(range(6, 11)) + dense(range(11, 17)) + dense(range(17, 23))
    links += [(p, 0) for p in range(6, 23)]  # every unplaced page links into Cardiology
    data = _site_of(rows, links)
    clustering = cluster_pages(data, backend="igraph")
    names = {clustering.names[int(clustering.labels[p])] for p in range(len(rows))}
    assert clustering.names[int(clustering.labels[0])] == "Cardiology"
    home = clustering.names[int(clustering.labels[6])]
    assert home == "Home page and appointment pages in /appointments/", home
    blog = sorted({clustering.names[int(clustering.labels[p])] for p in range(11, 23)})
    assert len(blog) == 2 and all(n.startswith("Blog posts: Title of /blog/") for n in blog), blog
    assert not any("Cardiology" in n for n in names - {"Cardiology"}), names


def test_structure_view_counts_body_links_between_specialty_and_type_groups() -> None:
    data = make_site(groups=4)
    view = structure_view(data)
    heatmap = view.figure.data[0]
    names, labels, specialties = structure_groups(data)
    z = np.asarray(heatmap.z)
    assert z.shape == (len(names), len(names)) and int(z.sum()) == len(data.body)
    # every cell recounted from the links themselves
    for a, b in {(int(labels[s]), int(labels[t])) for s, t in data.body.tolist()}:
        expected = sum(1 for s, t in data.body.tolist() if labels[s] == a and labels[t] == b)
        assert z[a, b] == expected
        assert f"{expected:,} body link" in heatmap.hovertext[a][b]
    # groups are specialty x page type, named from the model and the type
    for i in range(len(data.pages)):
        group = names[int(labels[i])]
        place = data.specialty_names.get(data.specialty_of[i], "No specialty") if data.specialty_of[i] else "No specialty"
        assert group.startswith(f"{place} \u00b7 ")
    assert specialties[int(labels[0])] == "s0"
    assert "--focus s0" in heatmap.hovertext[0][int(labels[0])]
    share = data.pages.pagerank[labels == labels[0]].sum() / data.pages.pagerank.sum()
    assert f"{share:.0%})" in heatmap.y[int(labels[0])]
    assert all(t == "" for a, row in enumerate(heatmap.text) for b, t in enumerate(row) if z[a, b] == 0)
    small = structure_groups(data, max_groups=3)
    assert len(small[0]) == 3 and small[0][-1] == "Other groups" and int(np.bincount(small[1]).sum()) == len(data.pages)
    data.pages.type[5] = "specialty_hub"  # one page: the smallest group, kept all the same
    assert "Cardiology \u00b7 specialty hubs" in structure_groups(data, max_groups=3)[0]


def test_skipped_checks_are_named_by_their_titles() -> None:
    html = findings_section([], [("hub-spoke/hub-missing-spoke", "this crawl has no links"),
                                 ("my-pack/my-check", "needs a site model")])
    assert "<b>Hub missing a spoke (hub-spoke/hub-missing-spoke)</b>" in html and "<b>my-pack/my-check</b>" in html
