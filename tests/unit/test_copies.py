"""Which URLs are copies of another page (archmodel/ingest/copies.py)."""

from __future__ import annotations

import pytest

from archmodel.ingest.copies import has_tracking_parameters, is_copy

B = "https://www.spine.example"


@pytest.mark.parametrize(
    ("url", "tracked"),
    [
        (f"{B}/sciatica/?utm_source=newsletter", True),
        (f"{B}/sciatica/?page=2&UTM_Campaign=spring", True),
        (f"{B}/sciatica/?gclid=abc", True),
        (f"{B}/sciatica/?fbclid=abc&x=1", True),
        (f"{B}/sciatica/?%75tm_medium=email", True),
        (f"{B}/sciatica/?pk_campaign=x", True),
        (f"{B}/sciatica/", False),
        (f"{B}/sciatica/?page=2", False),
        (f"{B}/search/?q=utm_source", False),
        (f"{B}/sciatica/?utmost=1", False),
    ],
)
def test_tracking_parameters(url: str, tracked: bool) -> None:
    assert has_tracking_parameters(url) is tracked


def test_a_copy_is_tagged_or_canonicalised_to_another_url() -> None:
    page = f"{B}/sciatica/"
    assert not is_copy(page)
    assert not is_copy(page, canonical=page, indexability=None)
    assert is_copy(f"{B}/back-pain/", canonical=page)
    assert is_copy(f"{B}/sciatica/?utm_source=x", canonical=None)
    # canonical on another host: the loader keeps no canonical, the crawler still says why
    assert is_copy(page, canonical=None, indexability="Canonicalised")
    assert not is_copy(page, canonical=None, indexability="noindex")
