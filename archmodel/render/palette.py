"""Colours and marker shapes shared by every map and chart.

Colours come from the Okabe-Ito palette (safe for the common colour-vision deficiencies), then
Paul Tol's "muted" set when a site has more clusters than Okabe-Ito has colours. Meaning never
rests on colour alone: page types also differ by marker shape, and missing links are dashed.
"""

from __future__ import annotations

OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
CLUSTER_COLOURS = OKABE_ITO[:7] + TOL_MUTED
UNGROUPED_COLOUR = "#9A9A9A"

PRESENT = "#0072B2"
MISSING = "#D55E00"
ONE_WAY = "#E69F00"
ONE_WAY_OTHER = "#56B4E9"
NOT_EXPECTED = "#EEEEEE"
BODY_EDGE = "rgba(90, 90, 90, 0.25)"
NAV_EDGE = "rgba(0, 114, 178, 0.12)"
FINDING_RING = "#D55E00"
SEARCH_HIT = "#000000"

ERROR_LINK = "#D55E00"  # the "error" status colour: a link to a 4xx/5xx page or a redirect
ERROR_LINK_NAME = "Link to an error page (4xx/5xx) or a redirect"

STATUS_COLOURS = {
    "live": "#009E73",
    "error": "#D55E00",
    "redirect": "#E69F00",
    "non-indexable": "#CC79A7",
    "not crawled": "#9A9A9A",
}

# Shapes available to both SVG and WebGL scatter traces.
TYPE_SYMBOLS = {
    "home": "star",
    "specialty_hub": "hexagon",
    "condition": "circle",
    "symptom": "triangle-up",
    "diagnosis": "triangle-down",
    "test": "triangle-left",
    "treatment": "diamond",
    "follow_up": "triangle-right",
    "appointment": "square",
    "provider": "pentagon",
    "location": "cross",
    "telehealth": "x",
    "blog": "circle-open",
    "service": "diamond-open",
    "resource_hub": "hexagon-open",
    "policy": "square-open",
    "other": "circle-dot",
}
FALLBACK_SYMBOL = "circle-dot"

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def cluster_colour(index: int) -> str:
    return CLUSTER_COLOURS[index % len(CLUSTER_COLOURS)]


def type_symbol(page_type: str | None) -> str:
    return TYPE_SYMBOLS.get(page_type or "other", FALLBACK_SYMBOL)
