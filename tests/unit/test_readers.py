"""Every reader to exact records; the SF 2017 and current exports give the same links."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from archmodel.errors import InputError
from archmodel.ingest.inputs import NO_POSITION_WARNING, open_inputs
from archmodel.ingest.normalise import UrlNormaliser
from archmodel.ingest.readers.common import normalise_position
from archmodel.ingest.readers.sitemap import SitemapReader
from archmodel.ingest.records import InputWarnings, LinkRecord, PageRecord, SitemapEntry

DATA = Path(__file__).resolve().parent.parent / "data"
H = "https://www.northside-endo.example"


@pytest.fixture
def n() -> UrlNormaliser:
    return UrlNormaliser(H)


def _link(source: str, target: str, anchor: str = "", position: str | None = None, follow: bool = True,
          alt: str = "") -> LinkRecord:
    return LinkRecord(H + source, H + target, anchor, alt, position, follow)


SF_LINKS = [
    _link("/", "/conditions/diabetes/", "Diabetes", "Navigation"),
    _link("/", "/providers/maria-okafor/", "Dr. Maria Okafor", "Content"),
    _link("/", "/old-diabetes-page/", "Old diabetes page", "Content"),
    _link("/conditions/diabetes/", "/conditions/diabetes/symptoms/", "Symptoms of diabetes", "Content"),
    _link("/conditions/diabetes/", "/tests/a1c/", "A1C test", "Content"),
    _link("/conditions/diabetes/", "/tests/a1c/", "A1C test", "Content"),
    _link("/conditions/diabetes/", "/", "Home", "Header"),
    _link("/conditions/diabetes/symptoms/", "/conditions/diabetes/", "Back to diabetes", "Content", follow=False),
    _link("/providers/maria-okafor/", "/privacy/", "Privacy", "Footer"),
    _link("/providers/maria-okafor/", "/conditions/diabetes/", "", "Aside", alt="Diabetes care"),
    _link("/tests/a1c/", "/conditions/diabetes/", 'Tests, results & "next steps"', "Sidebar"),
]


def test_screaming_frog_current_links(n: UrlNormaliser) -> None:
    crawl = open_inputs([DATA / "sf_current/all_inlinks.csv"], n)
    assert crawl.has_positions
    assert list(crawl.links()) == SF_LINKS


def test_screaming_frog_2017_and_current_give_the_same_links(n: UrlNormaliser) -> None:
    current = open_inputs([DATA / "sf_current/all_inlinks.csv"], n)
    old = open_inputs([DATA / "sf_2017/all_inlinks.csv"], n)
    assert not old.has_positions
    assert NO_POSITION_WARNING in old.warnings.messages
    assert NO_POSITION_WARNING not in current.warnings.messages
    strip = [LinkRecord(l.source, l.target, l.anchor, l.alt, None, l.follow) for l in current.links()]
    assert list(old.links()) == strip
    assert all(link.position is None and link.body for link in old.links())


def test_image_css_and_script_targets_are_remembered_as_resources_never_canonicals(n: UrlNormaliser) -> None:
    resources = {H + "/images/logo.png", H + "/assets/site.css", H + "/assets/app.js"}
    for export in ("sf_current", "sf_2017"):
        crawl = open_inputs([DATA / export / "all_inlinks.csv"], n)
        assert crawl.resource_targets() == set()
        list(crawl.links())
        assert crawl.resource_targets() == resources, export


def test_generic_links_with_a_type_column_remember_image_targets(tmp_path: Path, n: UrlNormaliser) -> None:
    links = tmp_path / "links.csv"
    links.write_text(
        "source,target,type\n/,/about/,a\n/,/img/team.jpg,image\n/,https://cdn.example/x.js,js\n/about/,/,canonical\n",
        encoding="utf-8",
    )
    crawl = open_inputs([links], n)
    assert [link.target for link in crawl.links()] == [H + "/about/"]
    assert crawl.resource_targets() == {H + "/img/team.jpg"}


def test_screaming_frog_internal_current(n: UrlNormaliser) -> None:
    pages = {p.url: p for p in open_inputs([DATA / "sf_current/internal_all.csv"], n).pages()}
    assert len(pages) == 8
    assert pages[H + "/"] == PageRecord(
        url=H + "/", status=200, title="Home | Northside Endocrine & Metabolic Center", h1="Expert hormone care",
        indexable=True, indexability=None, canonical=H + "/", redirect_to=None,
        content_type="text/html; charset=utf-8", crawl_depth=0, word_count=412, reviewed_by=None,
        origin="internal_all.csv:2",
    )
    diabetes = pages[H + "/conditions/diabetes/"]
    assert diabetes.reviewed_by == "maria-okafor" and diabetes.word_count == 1250
    a1c = pages[H + "/tests/a1c/"]
    assert (a1c.indexable, a1c.indexability) == (False, "noindex")
    old = pages[H + "/old-diabetes-page/"]
    assert (old.status, old.redirect_to, old.indexability) == (301, H + "/conditions/diabetes/", "Redirected")
    logo = pages[H + "/images/logo.png"]
    assert logo.content_type == "image/png" and not logo.is_html


def test_screaming_frog_internal_2017_matches_current(n: UrlNormaliser) -> None:
    """Old column names (Content, Level, Redirect URI, no Indexability) give the same pages."""
    current = list(open_inputs([DATA / "sf_current/internal_all.csv"], n).pages())
    old = list(open_inputs([DATA / "sf_2017/internal_all.csv"], n).pages())
    assert [p.origin for p in old][:2] == ["internal_all.csv:3", "internal_all.csv:4"]  # after the title row

    def comparable(p: PageRecord) -> tuple:
        return (p.url, p.status, p.title, p.h1, p.indexable, p.indexability, p.canonical, p.redirect_to,
                p.content_type, p.crawl_depth, p.word_count)

    assert [comparable(p) for p in old] == [comparable(p) for p in current]


def test_generic_pair(n: UrlNormaliser) -> None:
    crawl = open_inputs([DATA / "generic"], n)
    assert [f.kind for f in crawl.files] == ["generic_links", "generic_pages"]
    assert crawl.has_positions
    pages = list(crawl.pages())
    assert [(p.url, p.status, p.indexable, p.crawl_depth) for p in pages] == [
        (H + "/", 200, True, 0),
        (H + "/conditions/diabetes/", 200, True, 1),
        (H + "/blog/a1c-explained/", 200, False, 2),
    ]
    assert list(crawl.links()) == [
        _link("/", "/conditions/diabetes/", "Diabetes", "Navigation"),
        _link("/", "/blog/a1c-explained/", "A1C explained", "Content"),
        _link("/conditions/diabetes/", "/", "Home", "Header", follow=False),
        _link("/blog/a1c-explained/", "/conditions/diabetes/", "diabetes", "Sidebar"),
    ]


def test_advertools(n: UrlNormaliser) -> None:
    crawl = open_inputs([DATA / "advertools/crawl.jl"], n)
    assert crawl.has_positions
    pages = list(crawl.pages())
    assert [(p.url, p.status, p.indexable, p.indexability, p.redirect_to) for p in pages] == [
        (H + "/", 200, True, None, None),
        (H + "/conditions/diabetes/", 200, False, "noindex", None),
        (H + "/diabetes", 308, False, "Redirected", H + "/conditions/diabetes/"),
        (H + "/tests/a1c/", 404, False, "Client Error", None),
    ]
    assert pages[0].h1 == "Expert hormone care" and pages[0].word_count == 4
    assert list(crawl.links()) == [
        _link("/", "/conditions/diabetes/", "Diabetes", "Navigation"),
        _link("/", "/providers/maria-okafor/", "Dr. Maria Okafor", "Content"),
        _link("/", "/privacy/", "Privacy", "Footer", follow=False),
        _link("/conditions/diabetes/", "/tests/a1c/", "A1C test", "Content"),
        _link("/conditions/diabetes/", "/", "Top", "Content"),
    ]


def test_sitemap_index_resolves_local_children(n: UrlNormaliser) -> None:
    warnings = InputWarnings()
    reader = SitemapReader(DATA / "sitemaps/sitemap_index.xml", warnings)
    assert [p.name for p in reader.files] == ["sitemap_index.xml", "sitemap-pages.xml.gz", "sitemap-posts.xml"]
    assert list(reader.sitemap_entries(n)) == [
        SitemapEntry(H + "/conditions/diabetes/", "2026-01-15"),
        SitemapEntry(H + "/blog/a1c-explained/", None),
    ]
    assert len(warnings.messages) == 1 and "sitemap-missing.xml" in warnings.messages[0]


def _urlset(*paths: str) -> str:
    urls = "".join(f"<url><loc>{H}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def test_index_children_with_the_index_file_name_are_found_by_url_path(n: UrlNormaliser, tmp_path: Path) -> None:
    """Multilingual sites: /sitemap.xml lists /en/sitemap.xml and /es/sitemap.xml. Found by name
    alone they would be the index itself: 0 URLs and orphan checks clean without a word."""
    index = tmp_path / "sitemap.xml"
    index.write_text('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     f"<sitemap><loc>{H}/en/sitemap.xml</loc></sitemap><sitemap><loc>{H}/es/sitemap.xml</loc></sitemap>"
                     f"<sitemap><loc>{H}/pt/sitemap.xml</loc></sitemap></sitemapindex>")
    for lang in ("en", "es"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "sitemap.xml").write_text(_urlset(f"/{lang}/conditions/diabetes/"))
    warnings = InputWarnings()
    reader = SitemapReader(index, warnings)
    assert [e.url for e in reader.sitemap_entries(n)] == [H + "/en/conditions/diabetes/", H + "/es/conditions/diabetes/"]
    assert len(warnings.messages) == 1 and "/pt/sitemap.xml" in warnings.messages[0]
    assert "a file already read" in warnings.messages[0]  # only the index itself has that name here


def test_plain_sitemap_with_aliases_and_other_hosts(n: UrlNormaliser) -> None:
    crawl = open_inputs([DATA / "generic"], n, sitemaps=[DATA / "sitemaps/sitemap.xml"])
    assert crawl.has_sitemap
    assert list(crawl.sitemap_entries()) == [
        SitemapEntry(H + "/", "2026-02-01"),
        SitemapEntry(H + "/orphan-page/", None),
    ]
    assert any("sitemap URLs are not on www.northside-endo.example" in m for m in crawl.warnings.messages)


def test_a_sitemap_of_another_site_is_refused(n: UrlNormaliser, tmp_path: Path) -> None:
    other = tmp_path / "sitemap.xml"
    other.write_text(_urlset().replace("<urlset", "<urlset").replace("</urlset>", "<url><loc>https://www.other-clinic.example/a/</loc>"
                                                                      "</url></urlset>"))
    with pytest.raises(InputError) as raised:
        open_inputs([DATA / "generic"], n, sitemaps=[other])
    assert "none of the sitemap's 1 URLs is on www.northside-endo.example" in str(raised.value)
    assert "sitemap.xml" in str(raised.value)


def test_gzip_sitemap_without_gz_name(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_bytes(gzip.compress(b'<urlset><url><loc>/relative/</loc></url></urlset>'))
    assert list(SitemapReader(path).sitemap_entries(n)) == [SitemapEntry(H + "/relative/")]


def test_self_redirects_from_normalisation_do_not_shadow_pages(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "internal.csv"
    path.write_text(
        "Address,Status Code,Redirect URL,Title 1\n"
        "http://northside-endo.example/,301,https://www.northside-endo.example/,\n"
        "https://www.northside-endo.example/,200,,Home\n"
        "http://northside-endo.example/only-redirect/,301,https://www.northside-endo.example/only-redirect/,\n"
    )
    pages = list(open_inputs([path], n).pages())
    assert [(p.url, p.status, p.title, p.redirect_to) for p in pages] == [
        (H + "/", 200, "Home", None),
        (H + "/only-redirect/", 301, None, None),
    ]


def test_derived_indexability_without_indexability_column(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "internal.csv"
    path.write_text(
        "Address,Status Code,Meta Robots 1,Canonical Link Element 1\n"
        f"{H}/a/,200,,\n{H}/b/,200,\"noindex,follow\",\n{H}/c/,200,,{H}/a/\n{H}/d/,500,,\n{H}/e/,0,,\n"
    )
    crawl = open_inputs([path], n)
    pages = list(crawl.pages())
    assert [(p.indexable, p.indexability) for p in pages] == [
        (True, None), (False, "noindex"), (False, "Canonicalised"), (False, "Server Error"),
    ]
    # status 0: never fetched, so not a page (docs/ingest.md "Rows the crawler never fetched")
    assert (crawl.summary()[0]["skipped_never_fetched"], crawl.summary()[0]["never_fetched"]) == (1, {"No Response": 1})


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Content", "Content"), ("NAV", "Navigation"), ("navigation", "Navigation"), ("Side Bar", "Sidebar"),
     ("aside", "Aside"), ("HEADER", "Header"), ("footer", "Footer"), ("", None), ("Head", "Header"), ("??", None)],
)
def test_positions(text: str, expected: str | None) -> None:
    assert normalise_position(text) == expected


def test_missing_required_column_names_file_and_header_line(tmp_path: Path, n: UrlNormaliser) -> None:
    path = tmp_path / "all_inlinks.csv"
    path.write_text('"All Inlinks"\n"Source","Destination","Anchor"\n"https://x.org/","https://x.org/a","a"\n')
    with pytest.raises(InputError, match=r"no 'Type' column .*\(all_inlinks.csv, line 2\)"):
        open_inputs([path], n)


def test_streams_can_be_read_twice(n: UrlNormaliser) -> None:
    crawl = open_inputs([DATA / "sf_current"], n)
    assert list(crawl.links()) == list(crawl.links())
    assert [p.url for p in crawl.pages()] == [p.url for p in crawl.pages()]
