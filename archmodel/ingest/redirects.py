"""Redirect chains: where a redirecting URL ends up, following each page's `redirect_to`.

A crawl stores one hop per redirecting page (`Page.redirect_to`). A link to a URL that
redirects should point at the end of the chain, not at the next hop, which may redirect again;
and a chain that comes back to a URL it already passed never ends. The loader follows the hops
once (there are few redirects, and Cypher cannot follow a property from page to page) and stores
the chain on the page, so `broken-links/links-to-redirect` stays a plain read.
"""

from __future__ import annotations

from collections.abc import Mapping

# Browsers give up after 20 redirects; a longer chain ends there, at a URL that still redirects.
MAX_HOPS = 20


def follow(start: str, redirects: Mapping[str, str]) -> tuple[list[str], bool]:
    """(the URLs the redirect of `start` passes through, in order, ending at the final URL; whether
    it is a loop). A loop's chain ends at the first URL seen twice (the start URL included)."""
    chain: list[str] = []
    seen = {start}
    url = start
    while url in redirects and len(chain) < MAX_HOPS:
        url = redirects[url]
        chain.append(url)
        if url in seen:
            return chain, True
        seen.add(url)
    return chain, False


def chains(redirects: Mapping[str, str]) -> dict[str, tuple[list[str], bool]]:
    """`follow` for every redirecting URL of `redirects` (url -> the URL it redirects to)."""
    return {url: follow(url, redirects) for url in redirects}
