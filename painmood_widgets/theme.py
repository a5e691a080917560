"""The one Altair theme of painmood: a colour-blind-safe palette and readable type.

Importing this module registers the theme ``"painmood"`` with Altair and enables it,
once per Python process (Python runs a module's body once, however often it is
imported). Charts never restate colours or font sizes: they take them from here.

The palette is Okabe and Ito's eight colours, chosen to stay distinguishable under the
common colour-vision deficiencies (Okabe M, Ito K. Color Universal Design, 2002;
Wong B. Points of view: color blindness. Nat Methods 2011;8:441). Colour is never the
only cue in a painmood chart: lines also differ in dash, bands carry text labels.

Examples
--------
>>> import altair as alt
>>> THEME_NAME in alt.theme.names()
True
>>> painmood_theme()["config"]["axis"]["labelFontSize"] >= 12
True
"""

from types import MappingProxyType

import altair as alt

__all__ = [
    "FONT",
    "HTML_COLOURS",
    "MEASURE_COLOURS",
    "OKABE_ITO",
    "PALETTE",
    "SEVERITY_SHADES",
    "TEXT_COLOUR",
    "THEME_NAME",
    "painmood_theme",
]

THEME_NAME = "painmood"
"""Name under which the theme is registered with ``alt.theme``."""

OKABE_ITO = MappingProxyType(
    {
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "bluish green": "#009E73",
        "reddish purple": "#CC79A7",
        "orange": "#E69F00",
        "sky blue": "#56B4E9",
        "yellow": "#F0E442",
        "black": "#000000",
    }
)
"""Okabe-Ito colours by name, in the order categories receive them."""

PALETTE = tuple(OKABE_ITO.values())
"""Category colours (Okabe-Ito), in order: the theme's ``range.category``."""

MEASURE_COLOURS = MappingProxyType({"pain": OKABE_ITO["vermillion"], "phq9": OKABE_ITO["blue"]})
"""Colour of each observable measure wherever it is drawn on its own."""

SEVERITY_SHADES = ("#FFFFFF", "#F2F2F2", "#E4E4E4", "#D6D6D6", "#C8C8C8")
"""Grey shades behind the PHQ-9 severity bands, minimal to severe (labels say which is
which, so the shading never carries meaning on its own)."""

FONT = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif"
"""Font stack: fonts installed with the operating system, never fetched from the web."""

TEXT_COLOUR = "#222222"
"""Colour of all text, in charts and around them (contrast 15.9:1 on white)."""

HTML_COLOURS = MappingProxyType(
    {
        "text": TEXT_COLOUR,
        "rule": "#CCCCCC",
        "refusal": "#8B0000",
        "safety_border": "#B00020",
        "safety_background": "#FDECEA",
        "illustrative_border": "#8A6D00",
        "illustrative_background": "#FFF3CD",
        "focus": OKABE_ITO["blue"],
    }
)
"""Colours of the widgets' HTML around the charts: table rules, a refused input's message
(dark red, 10.0:1 on white), the PHQ-9 safety panel and the marking of an illustrative
evidence row, and the keyboard focus ring of the apps' controls (the apps' stylesheet,
``share/jupyter/voila/templates/painmood/static/painmood.css``, repeats it). Text on each
background keeps a contrast of at least 4.5:1, the focus ring 3:1 (WCAG 2.2 AA)."""

_LABEL_SIZE = 12
_TITLE_SIZE = 13
_CHART_TITLE_SIZE = 16


def painmood_theme() -> alt.theme.ThemeConfig:
    """Vega-Lite configuration of the painmood theme.

    Returns
    -------
    altair.theme.ThemeConfig
        A fresh dictionary: white background (for slides), Okabe-Ito category colours,
        labels of at least 12 px, titles anchored left.

    Examples
    --------
    >>> config = painmood_theme()["config"]
    >>> config["range"]["category"][:2]
    ['#0072B2', '#D55E00']
    >>> config["legend"]["labelFontSize"]
    12
    """
    labels = {
        "labelFontSize": _LABEL_SIZE,
        "titleFontSize": _TITLE_SIZE,
        "labelColor": TEXT_COLOUR,
        "titleColor": TEXT_COLOUR,
    }
    return alt.theme.ThemeConfig(
        background="white",
        config={
            "font": FONT,
            "view": {"continuousWidth": 520, "continuousHeight": 220, "stroke": None},
            "title": {
                "fontSize": _CHART_TITLE_SIZE,
                "subtitleFontSize": _TITLE_SIZE,
                "anchor": "start",
                "color": TEXT_COLOUR,
                "subtitleColor": "#444444",
            },
            "axis": {**labels, "gridColor": "#E0E0E0", "domainColor": "#888888"},
            "legend": {**labels, "orient": "bottom", "symbolStrokeWidth": 3},
            "header": {**labels},
            "text": {"fontSize": _LABEL_SIZE, "color": TEXT_COLOUR},
            "line": {"strokeWidth": 3},
            "range": {"category": list(PALETTE)},
        },
    )


alt.theme.register(THEME_NAME, enable=True)(painmood_theme)
