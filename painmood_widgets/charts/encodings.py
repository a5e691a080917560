"""What every chart layer shares, so that layers compose: encodings, sizes and colours.

Two layers drawn on one panel must encode the week and the score the same way, or
Vega-Lite would merge two scales into one it chose itself. Here are those encodings: the
week on x over the weeks shown (:func:`week_x`), a score on its fixed scale and axis
(:func:`score_scale`, :func:`score_axis`, :func:`score_y`) or along a histogram of whole
scores (:func:`histogram_scale`, :func:`histogram_axis`); the panel size; and the few
neutral colours the layers need, read from the painmood theme
(:func:`painmood_widgets.theme.painmood_theme`) rather than restated.

Examples
--------
>>> score_scale("pain").to_dict()["domain"], week_x((0, 26)).to_dict()["title"]
([0, 10], 'Week')
"""

import altair as alt

from painmood_widgets.describe.charts import MEASURE_NAMES, MEASURE_TOPS, check_measure
from painmood_widgets.scales import PHQ9_MAX, PHQ9_SEVERITY_BANDS
from painmood_widgets.theme import OKABE_ITO, painmood_theme

__all__ = [
    "BACKGROUND_COLOUR",
    "BLACK",
    "MUTED_COLOUR",
    "PANEL_HEIGHT",
    "PANEL_WIDTH",
    "TEXT_COLOUR",
    "histogram_axis",
    "histogram_scale",
    "named_tooltip",
    "score_axis",
    "score_scale",
    "score_tooltip",
    "score_y",
    "week_x",
]

PANEL_WIDTH = 520
"""Width of one chart panel, in pixels."""

PANEL_HEIGHT = 200
"""Height of one panel of a trajectory, comparison or distribution chart, in pixels."""

_THEME = painmood_theme()
TEXT_COLOUR = _THEME["config"]["text"]["color"]
"""The theme's text colour, also for rules that must read as strongly as text."""

MUTED_COLOUR = _THEME["config"]["title"]["subtitleColor"]
"""The theme's subtitle grey: for marks that guide the eye (visits, arrows, band labels)."""

BACKGROUND_COLOUR = _THEME["background"]
"""The theme's background, for fills that should read as blank."""

BLACK = OKABE_ITO["black"]
"""Colour of what is drawn beside the model: a reference course and observed scores."""

_WEEK = "Week"
_PAIN_TICKS = list(range(0, MEASURE_TOPS["pain"] + 1, 2))
_PHQ9_TICKS = [0, *(band.lowest for band in PHQ9_SEVERITY_BANDS[1:]), PHQ9_MAX]


def week_x(weeks: tuple[int, int]) -> alt.X:
    """The week on x, over ``weeks`` (first, last) exactly, whole weeks only.

    Examples
    --------
    >>> week_x((0, 12)).to_dict()["scale"]
    {'domain': [0, 12], 'nice': False}
    """
    first, last = weeks
    return alt.X(
        "week:Q",
        title=_WEEK,
        scale=alt.Scale(domain=[first, last], nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )


def score_scale(measure: str) -> alt.Scale:
    """A score's fixed scale, 0 to its top (10 for pain, 27 for PHQ-9), whatever the data.

    Examples
    --------
    >>> score_scale("phq9").to_dict()
    {'clamp': True, 'domain': [0, 27], 'nice': False}
    """
    return alt.Scale(domain=[0, MEASURE_TOPS[check_measure(measure)]], nice=False, clamp=True)


def score_axis(measure: str, title_suffix: str = "") -> alt.Axis:
    """A score's axis: ticks every 2 pain points, or at the PHQ-9 severity band edges.

    Examples
    --------
    >>> score_axis("phq9").to_dict()["values"]
    [0, 5, 10, 15, 20, 27]
    >>> score_axis("pain", ", rounded").to_dict()["title"]
    'Pain (0-10), rounded'
    """
    ticks = _PAIN_TICKS if check_measure(measure) == "pain" else _PHQ9_TICKS
    title = f"{MEASURE_NAMES[measure]} (0-{MEASURE_TOPS[measure]}){title_suffix}"
    # Vega thins explicit tick values down to tickCount, so the count must match them.
    return alt.Axis(values=ticks, tickCount=len(ticks), title=title)


def score_y(measure: str, field: str | None = None) -> alt.Y:
    """``field`` (by default the measure itself) on the measure's fixed y scale and axis.

    Examples
    --------
    >>> score_y("pain", "pain_p10").to_dict()["axis"]["title"]
    'Pain (0-10)'
    """
    return alt.Y(f"{field or measure}:Q", scale=score_scale(measure), axis=score_axis(measure))


def histogram_scale(measure: str) -> alt.Scale:
    """A score on x for a histogram of whole scores, each bar centred on its score.

    The axis runs from -0.5 to the scale's top + 0.5.

    Examples
    --------
    >>> histogram_scale("pain").to_dict()["domain"]
    [-0.5, 10.5]
    """
    return alt.Scale(domain=[-0.5, MEASURE_TOPS[check_measure(measure)] + 0.5], nice=False)


def histogram_axis(measure: str) -> alt.Axis:
    """A score's axis under a histogram of rounded scores.

    Examples
    --------
    >>> histogram_axis("phq9").to_dict()["title"]
    'PHQ-9 (0-27), rounded'
    """
    return score_axis(measure, ", rounded")


def score_tooltip(field: str, title: str) -> list[alt.Tooltip]:
    """Tooltip of a course or a band: the week, and the score in `field` to one decimal.

    Examples
    --------
    >>> [item.to_dict()["title"] for item in score_tooltip("pain", "Pain, typical patient")]
    ['Week', 'Pain, typical patient']
    """
    return [
        alt.Tooltip("week:Q", title=_WEEK),
        alt.Tooltip(f"{field}:Q", title=title, format=".1f"),
    ]


def named_tooltip(
    name_field: str, name_title: str, measure: str, title: str, number_format: str
) -> list[alt.Tooltip]:
    """Tooltip of a named course or set of points: what it is, the week and the score.

    Examples
    --------
    >>> [item.to_dict()["field"] for item in named_tooltip("who", "Observed", "phq9", "", "g")]
    ['who', 'week', 'phq9']
    """
    return [
        alt.Tooltip(f"{name_field}:N", title=name_title),
        alt.Tooltip("week:Q", title=_WEEK),
        alt.Tooltip(f"{measure}:Q", title=title, format=number_format),
    ]
