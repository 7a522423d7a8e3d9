"""URLs that are copies of another page: canonicalised to another URL, or carrying tracking parameters.

Page-type patterns ignore the query string (docs/ingest.md), so `/sciatica/?utm_source=news`
would be typed like `/sciatica/` and reported as a deep condition page with little link equity,
with advice to link it from the home page. Such a URL is not a page of its own: the site says so
with its canonical, or the parameters only tell analytics where a visit came from. The loader
types it `other` (docs/check-semantics.md "Copies"), so no check takes it for a key page, a
condition page or any other typed page.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

# Parameters that only track a visit (campaign tags and ad-click ids); names compared lower case.
TRACKING_PARAMETERS = frozenset({
    "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "twclid", "ttclid",
    "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc",
    "__hsfp", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id", "s_cid", "srsltid",
})
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_", "mtm_")


def has_tracking_parameters(url: str) -> bool:
    """Whether the URL's query names a campaign tag or click id (`utm_source`, `gclid`, ...)."""
    query = urlsplit(url).query
    for part in query.split("&") if query else ():
        name = unquote(part.split("=", 1)[0]).strip().lower()
        if name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES):
            return True
    return False


def is_copy(url: str, canonical: str | None = None, indexability: str | None = None) -> bool:
    """A URL with tracking parameters, or one whose canonical names another URL (or that the crawler
    calls Canonicalised, when the canonical is on another host and so not kept)."""
    if has_tracking_parameters(url):
        return True
    if canonical is not None and canonical != url:
        return True
    return (indexability or "").strip().lower().startswith(("canonicalised", "canonicalized"))
