"""WordPress blog archives, shared by the WordPress sites (`dental`, `wordpress`).

WordPress lists a blog's posts on paginated archives: the blog index (`/blog/`, `/blog/page/2/`, ...),
one archive per category (here the condition's specialty) and one per tag (the condition). The sites
differ in URL roots, page sizes and wording, which are passed in; the paging and the links between
the pages are WordPress's own and the same on both.
"""

from __future__ import annotations

from collections.abc import Callable

from archmodel.synth.model import BlogPost
from archmodel.synth.schemes.rework import Crawl

Categories = dict[str | None, tuple[str, str]]  # specialty (None: a post about no condition) -> (slug, name)


def archive_page(base: str, n: int) -> str:
    """Page `n` of the archive at `base`: WordPress serves page 1 at the archive itself, the others at base/page/n/."""
    return base if n == 1 else f"{base}page/{n}/"


def group_posts(crawl: Crawl, posts: list[BlogPost],
                categories: Categories) -> tuple[dict[str, list[BlogPost]], dict[str, list[BlogPost]]]:
    """The posts of each category archive (by category slug) and of each tag archive (by condition id)."""
    by_category: dict[str, list[BlogPost]] = {}
    by_tag: dict[str, list[BlogPost]] = {}
    for post in posts:
        c = crawl.site.conditions.get(post.condition or "")
        by_category.setdefault(categories[c.specialty if c else None][0], []).append(post)
        if c:
            by_tag.setdefault(c.id, []).append(post)
    return by_category, by_tag


def paged_archive(crawl: Crawl, base: str, name: str, posts: list[BlogPost], per_page: int,
                  heading: Callable[[str, int, int], tuple[str, str]], link_text: Callable[[BlogPost], str],
                  older: str, newer: str) -> None:
    """One category's archive, `per_page` posts a page; heading(name, n, pages) gives page n's (title, H1).

    Each page links its posts, then the next (older) and the previous (newer) page; only page 1 is in the sitemap.
    """
    pages = [posts[i:i + per_page] for i in range(0, len(posts), per_page)]
    for n, chunk in enumerate(pages, 1):
        path = archive_page(base, n)
        title, h1 = heading(name, n, len(pages))
        crawl.add_page(path, title, h1, sitemap=n == 1)
        for post in chunk:
            crawl.add_link(path, crawl.new(post.path), link_text(post))
        if n < len(pages):
            crawl.add_link(path, archive_page(base, n + 1), older)
        if n > 1:
            crawl.add_link(path, archive_page(base, n - 1), newer)


def link_to_archives(crawl: Crawl, post: BlogPost, categories: Categories, category_root: str, tag_root: str) -> None:
    """A post's links to its category archive and, when the post is about a condition, to its tag archive."""
    c = crawl.site.conditions.get(post.condition or "")
    slug, name = categories[c.specialty if c else None]
    path = crawl.new(post.path)
    crawl.add_link(path, f"{category_root}{slug}/", name)
    if c:
        crawl.add_link(path, f"{tag_root}{c.id}/", c.lname)


def blog_index_pages(crawl: Crawl, posts: list[BlogPost], per_page: int, title: Callable[[int, int], str], h1: str,
                     link_text: Callable[[BlogPost], str]) -> bool:
    """The blog index's older pages /blog/page/2/, ...; /blog/ itself already shows the newest `per_page` posts.

    title(n, pages) names page n. Returns whether there are older pages (then /blog/ links to page 2).
    """
    ordered = sorted(posts, key=lambda p: p.date, reverse=True)
    pages = [ordered[i:i + per_page] for i in range(per_page, len(ordered), per_page)]
    for n, chunk in enumerate(pages, 2):
        path = archive_page("/blog/", n)
        crawl.add_page(path, title(n, len(pages) + 1), h1, sitemap=False)
        for post in chunk:
            crawl.add_link(path, crawl.new(post.path), link_text(post))
        crawl.add_link(path, archive_page("/blog/", n - 1), "« Newer Posts")
        if n <= len(pages):
            crawl.add_link(path, archive_page("/blog/", n + 1), "Older Posts »")
    if pages:
        crawl.add_link("/blog/", "/blog/page/2/", "Older Posts »")
    return bool(pages)
