"""Page types in words, as the report, the maps and their hovers name them.

One table, so a page type reads the same in a hover ("condition overview"), a cluster's name
("Condition overviews in /conditions/") and a fix ("a condition overview").
"""

from __future__ import annotations

TYPE_WORDS = {
    "home": "the home page", "specialty_hub": "a specialty hub", "condition": "a condition overview",
    "symptom": "a symptoms page", "diagnosis": "a diagnosis page", "test": "a test page", "treatment": "a treatment page",
    "follow_up": "a follow-up care page", "appointment": "an appointment page", "provider": "a provider profile",
    "location": "a location page", "telehealth": "the telehealth page", "blog": "a blog post", "service": "a service page",
    "resource_hub": "a resource hub", "policy": "a policy page", "other": "a page",
}
TYPE_PLURALS = {
    "home": "home pages", "specialty_hub": "specialty hubs", "condition": "condition overviews", "symptom": "symptoms pages",
    "diagnosis": "diagnosis pages", "test": "test pages", "treatment": "treatment pages", "follow_up": "follow-up pages",
    "appointment": "appointment pages", "provider": "provider profiles", "location": "location pages",
    "telehealth": "telehealth pages", "blog": "blog posts", "service": "service pages", "resource_hub": "resource hubs",
    "policy": "policy pages", "other": "other pages",
}


def type_words(page_type: str | None) -> str:
    """A page type in words, without its article: 'specialty_hub' -> 'specialty hub'."""
    text = TYPE_WORDS.get(page_type or "other", "")
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            return text[len(article):]
    return (page_type or "page").replace("_", " ")


def type_plural(page_type: str) -> str:
    """A page type as a group of pages: 'specialty_hub' -> 'specialty hubs'."""
    return TYPE_PLURALS.get(page_type, f"{page_type.replace('_', ' ')} pages")
