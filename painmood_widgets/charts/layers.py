"""Layers of the painmood charts: small Altair charts on shared encodings, to add up.

Each function returns one layer (an ``alt.Chart``, or for the severity bands the shading
and its labels as an ``alt.LayerChart``) that encodes the week on x and a score on y
exactly as the others do: the week axis over the weeks shown, pain on its fixed 0-10
axis, PHQ-9 on its fixed 0-27 axis. So layers compose with Altair's operators, ``+`` to
draw them on one panel, ``|`` and ``&`` to set panels side by side or one above the
other, and the trajectory chart is such a sum:

- :func:`severity_bands`: the five PHQ-9 severity bands, labelled;
- :func:`cohort_band` and :func:`cohort_median`: 10-90% of a simulated cohort, and its
  median dashed;
- :func:`course_line`: the typical patient's course, a solid line;
- :func:`visit_rules`: the re-evaluation visits, dotted;
- :func:`reference_course`: a course to compare with, a black dash-dot line;
- :func:`observed_points` and :func:`observed_label`: a patient's observed scores as
  black diamonds, and whose they are beside one of them;
- :func:`scenario_lines`: several scenarios told apart by colour and dash.

A layer draws a DataFrame, or a data set the chart carries by name
(``alt.NamedData``), which lets a widget swap a chart's numbers without rebuilding it
(see :mod:`painmood_widgets.charts.live`); a named layer needs the weeks its axis spans.
The encodings, sizes and colours they share are in
:mod:`painmood_widgets.charts.encodings`; colours come from the theme
(:mod:`painmood_widgets.theme`), never restated.

Examples
--------
>>> import pandas as pd
>>> patient = pd.DataFrame({"week": [0, 6, 12], "pain": [7.0, 5.5, 4.0],
...                         "phq9": [15.0, 11.2, 9.0]})
>>> panel = severity_bands() + course_line(patient, "phq9")
>>> [layer["mark"]["type"] for layer in panel.to_dict()["layer"]]
['rect', 'text', 'line']
>>> pain = course_line(patient, "pain") + visit_rules(visit_frame([6, 12]), weeks=(0, 12))
>>> both = (pain & panel).to_dict()
>>> [[layer["mark"]["type"] for layer in row["layer"]] for row in both["vconcat"]]
[['line', 'rule'], ['rect', 'text', 'line']]
"""

from collections.abc import Sequence
from functools import cache
from typing import Literal

import altair as alt
import pandas as pd

from painmood_widgets.charts.checks import check_frame, check_whole
from painmood_widgets.charts.encodings import (
    BLACK,
    MUTED_COLOUR,
    PANEL_WIDTH,
    histogram_axis,
    histogram_scale,
    named_tooltip,
    score_axis,
    score_tooltip,
    score_y,
    week_x,
)
from painmood_widgets.describe.charts import MEASURE_NAMES, check_measure
from painmood_widgets.scales import PHQ9_MAX, PHQ9_SEVERITY_BANDS
from painmood_widgets.theme import MEASURE_COLOURS, SEVERITY_SHADES

__all__ = [
    "REFERENCE_DASH",
    "cohort_band",
    "cohort_median",
    "course_line",
    "observed_label",
    "observed_points",
    "reference_course",
    "scenario_lines",
    "severity_band_frame",
    "severity_band_rows",
    "severity_bands",
    "visit_frame",
    "visit_rows",
    "visit_rules",
]

REFERENCE_DASH = [10, 4, 2, 4]
"""Dash-dot pattern of a reference course: unlike the cohort median's plain dashes."""

DataLike = pd.DataFrame | alt.NamedData
"""What a layer draws: a DataFrame, or a data set the chart carries by name."""

_BAND_TOOLTIP = [
    alt.Tooltip("band:N", title="PHQ-9 severity"),
    alt.Tooltip("range:N", title="Total"),
]
_BAND_MIDDLE = "(datum.band_start + datum.band_end) / 2"


def _layer_base(data: DataLike, columns: Sequence[str]) -> alt.Chart:
    """A chart of ``data``; a DataFrame must hold ``columns``."""
    if not isinstance(data, alt.NamedData):
        check_frame(data, "data", columns)
    return alt.Chart(data)


def _weeks_of(data: DataLike, weeks: tuple[int, int] | None) -> tuple[int, int]:
    """The weeks the x axis spans: ``weeks`` if given, else those of a DataFrame."""
    if weeks is None:
        if isinstance(data, alt.NamedData):
            raise ValueError("weeks must be given, as (first, last), for named data")
        return int(data["week"].min()), int(data["week"].max())
    if not isinstance(weeks, tuple | list) or len(weeks) != 2:
        raise ValueError(f"weeks must be two whole weeks (first, last), got {weeks!r}")
    first = check_whole(weeks[0], "the first week", 0, float("inf"))
    last = check_whole(weeks[1], "the last week", first, float("inf"))
    return first, last


# --------------------------------------------------------------------------- severity bands
def severity_band_frame(low: float = 0, high: float = PHQ9_MAX) -> pd.DataFrame:
    """The PHQ-9 severity bands as rows, with edges between whole scores.

    A band covering totals 10-14 is drawn from 9.5 to 14.5 (clipped to `low`-`high`),
    so a continuous model score is shaded as the whole score it rounds to.

    Parameters
    ----------
    low, high : float, default 0 and 27
        Where the first band starts and the last ends.

    Returns
    -------
    pandas.DataFrame
        One row per band of :data:`painmood_widgets.scales.PHQ9_SEVERITY_BANDS`: columns
        ``band, lowest, highest, band_start, band_end, shade, range``.

    Examples
    --------
    >>> severity_band_frame().loc[2, ["band", "band_start", "band_end", "range"]].to_dict()
    {'band': 'moderate', 'band_start': 9.5, 'band_end': 14.5, 'range': '10-14'}
    """
    return pd.DataFrame(
        {
            "band": [band.label for band in PHQ9_SEVERITY_BANDS],
            "lowest": [band.lowest for band in PHQ9_SEVERITY_BANDS],
            "highest": [band.highest for band in PHQ9_SEVERITY_BANDS],
            "band_start": [max(low, band.lowest - 0.5) for band in PHQ9_SEVERITY_BANDS],
            "band_end": [min(high, band.highest + 0.5) for band in PHQ9_SEVERITY_BANDS],
            "shade": list(SEVERITY_SHADES),
            "range": [f"{band.lowest}-{band.highest}" for band in PHQ9_SEVERITY_BANDS],
        }
    )


@cache
def severity_band_rows() -> tuple[dict, ...]:
    """The rows of :func:`severity_band_frame` (0 to 27), as a chart's data set holds them.

    Examples
    --------
    >>> severity_band_rows()[0]["band"], len(severity_band_rows())
    ('minimal', 5)
    """
    return tuple(alt.utils.data.to_values(severity_band_frame())["values"])


def severity_bands(
    data: alt.NamedData | None = None, *, score_axis_on: Literal["y", "x"] = "y"
) -> alt.LayerChart:
    """The five PHQ-9 severity bands, shaded grey and labelled.

    The labels carry the meaning; the shading alone never does.

    Parameters
    ----------
    data : altair.NamedData, optional
        A data set holding :func:`severity_band_rows`; by default the bands are written
        into the chart.
    score_axis_on : {"y", "x"}, default "y"
        Where the PHQ-9 axis is: "y" behind a course (the bands run across the panel,
        labelled at its right edge), "x" behind a histogram of totals (the bands stand
        up, labelled at the top, their edges between whole scores on an axis from -0.5
        to 27.5).

    Returns
    -------
    altair.LayerChart
        The shading and the labels.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    Examples
    --------
    >>> spec = severity_bands().to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rect', 'text']
    >>> spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    [0, 27]
    >>> severity_bands(score_axis_on="z")
    Traceback (most recent call last):
    ...
    ValueError: score_axis_on must be 'y' or 'x', got 'z'
    """
    if score_axis_on == "y":
        bands = alt.Chart(severity_band_frame() if data is None else data)
        shading = bands.mark_rect().encode(
            y=score_y("phq9", "band_start"),
            y2="band_end:Q",
            color=alt.Color("shade:N", scale=None),
            tooltip=_BAND_TOOLTIP,
        )
        labels = bands.mark_text(
            align="right", baseline="middle", dx=-4, color=MUTED_COLOUR
        ).encode(x=alt.value(PANEL_WIDTH), y=alt.Y("band_middle:Q"), text="band:N")
    elif score_axis_on == "x":
        bands = alt.Chart(severity_band_frame(-0.5, PHQ9_MAX + 0.5) if data is None else data)
        shading = bands.mark_rect().encode(
            x=alt.X("band_start:Q", scale=histogram_scale("phq9"), axis=histogram_axis("phq9")),
            x2="band_end:Q",
            color=alt.Color("shade:N", scale=None),
            tooltip=_BAND_TOOLTIP,
        )
        labels = bands.mark_text(baseline="top", dy=4, color=MUTED_COLOUR, lineBreak=" ").encode(
            x="band_middle:Q", y=alt.value(0), text="band:N"
        )
    else:
        raise ValueError(f"score_axis_on must be 'y' or 'x', got {score_axis_on!r}")
    return alt.layer(shading, labels.transform_calculate(band_middle=_BAND_MIDDLE))


# --------------------------------------------------------------------------- cohort
def cohort_band(
    data: DataLike, measure: str = "phq9", *, weeks: tuple[int, int] | None = None
) -> alt.Chart:
    """The 10th to 90th percentile of a simulated cohort, shaded in the measure's colour.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Cohort percentiles by week, as from ``model.summarize``: ``week`` and
        ``{measure}_p10``, ``{measure}_p90``.
    measure, weeks
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        An area from ``{measure}_p10`` to ``{measure}_p90``.

    Raises
    ------
    ValueError
        As :func:`course_line`.

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"week": [0, 12], "pain_p10": [5.0, 2.5],
    ...                         "pain_p50": [7.0, 4.0], "pain_p90": [9.0, 6.5]})
    >>> area = cohort_band(summary, "pain").to_dict()
    >>> area["mark"]["type"], area["encoding"]["y2"]["field"]
    ('area', 'pain_p90')
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", f"{measure}_p10", f"{measure}_p90"])
    name = MEASURE_NAMES[measure]
    return base.mark_area(opacity=0.25, color=MEASURE_COLOURS[measure]).encode(
        x=week_x(_weeks_of(data, weeks)),
        y=score_y(measure, f"{measure}_p10"),
        y2=f"{measure}_p90:Q",
        tooltip=[
            *score_tooltip(f"{measure}_p10", f"{name}, 10th percentile"),
            alt.Tooltip(f"{measure}_p90:Q", title=f"{name}, 90th percentile", format=".1f"),
        ],
    )


def cohort_median(
    data: DataLike, measure: str = "phq9", *, weeks: tuple[int, int] | None = None
) -> alt.Chart:
    """The median of a simulated cohort week by week, dashed in the measure's colour.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Cohort percentiles by week: ``week`` and ``{measure}_p50``.
    measure, weeks
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        A dashed line.

    Raises
    ------
    ValueError
        As :func:`course_line`.

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"week": [0, 12], "phq9_p50": [15.0, 10.0]})
    >>> cohort_median(summary).to_dict()["mark"]["strokeDash"]
    [6, 4]
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", f"{measure}_p50"])
    colour = MEASURE_COLOURS[measure]
    return base.mark_line(color=colour, strokeDash=[6, 4], strokeWidth=2).encode(
        x=week_x(_weeks_of(data, weeks)),
        y=score_y(measure, f"{measure}_p50"),
        tooltip=score_tooltip(f"{measure}_p50", f"{MEASURE_NAMES[measure]}, cohort median"),
    )


# --------------------------------------------------------------------------- courses
def course_line(
    data: DataLike, measure: str = "phq9", *, weeks: tuple[int, int] | None = None
) -> alt.Chart:
    """The typical patient's course: a solid line in the measure's colour, a dot a week.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Columns ``week`` and the measure, as from ``model.trajectory``.
    measure : {"phq9", "pain"}, default "phq9"
        Which score.
    weeks : tuple of two int, optional
        First and last week of the axis; by default those of `data` (required for named
        data).

    Returns
    -------
    altair.Chart
        A line with points.

    Raises
    ------
    ValueError
        If `measure` is unknown, a column is missing, or named data come without weeks.

    Examples
    --------
    >>> import pandas as pd
    >>> patient = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.0], "phq9": [15.0, 9.0]})
    >>> line = course_line(patient, "pain").to_dict()
    >>> line["encoding"]["y"]["scale"]["domain"], line["encoding"]["x"]["scale"]["domain"]
    ([0, 10], [0, 12])
    >>> course_line(patient, "mood")
    Traceback (most recent call last):
    ...
    ValueError: measure must be one of pain, phq9, got 'mood'
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", measure])
    colour = MEASURE_COLOURS[measure]
    return base.mark_line(color=colour, point=alt.OverlayMarkDef(color=colour, size=30)).encode(
        x=week_x(_weeks_of(data, weeks)),
        y=score_y(measure),
        tooltip=score_tooltip(measure, f"{MEASURE_NAMES[measure]}, typical patient"),
    )


def reference_course(
    data: DataLike, measure: str = "phq9", *, weeks: tuple[int, int] | None = None
) -> alt.Chart:
    """A course to compare with (such as usual care): a black dash-dot line.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Columns ``week``, the measure and ``scenario`` (what the course is, for the
        tooltip).
    measure, weeks
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        A dash-dot line.

    Raises
    ------
    ValueError
        As :func:`course_line`.

    Examples
    --------
    >>> import pandas as pd
    >>> usual = pd.DataFrame({"week": [0, 12], "phq9": [15.0, 14.0],
    ...                       "scenario": "usual care"})
    >>> reference_course(usual).to_dict()["mark"]["strokeDash"]
    [10, 4, 2, 4]
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", measure, "scenario"])
    tooltip = named_tooltip("scenario", "Scenario", measure, MEASURE_NAMES[measure], ".1f")
    return base.mark_line(color=BLACK, strokeDash=REFERENCE_DASH, strokeWidth=2).encode(
        x=week_x(_weeks_of(data, weeks)), y=score_y(measure), tooltip=tooltip
    )


def scenario_lines(
    data: DataLike,
    measure: str = "phq9",
    *,
    labels: Sequence[str],
    weeks: tuple[int, int] | None = None,
) -> alt.Chart:
    """Several scenarios' courses, each with its own colour and its own dash.

    The dashes keep them apart without colour.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Long format: columns ``scenario``, ``week`` and the measure.
    measure : {"phq9", "pain"}, default "phq9"
        Which score.
    labels : sequence of str
        The scenarios, in legend order; the colours are the theme's categories.
    weeks : tuple of two int, optional
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        Lines with points, coloured and dashed by scenario.

    Raises
    ------
    ValueError
        As :func:`course_line`.

    Examples
    --------
    >>> import pandas as pd
    >>> both = pd.DataFrame({"scenario": ["a", "a", "b", "b"], "week": [0, 12, 0, 12],
    ...                      "phq9": [15.0, 14.0, 15.0, 9.0]})
    >>> lines = scenario_lines(both, labels=["a", "b"]).to_dict()
    >>> lines["encoding"]["strokeDash"]["scale"]["range"]
    [[1, 0], [8, 4]]
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["scenario", "week", measure])
    domain = list(labels)
    return base.mark_line(point=alt.OverlayMarkDef(size=30)).encode(
        x=week_x(_weeks_of(data, weeks)),
        y=score_y(measure),
        color=alt.Color(
            "scenario:N", title="Scenario", scale=alt.Scale(domain=domain), sort=domain
        ),
        strokeDash=alt.StrokeDash(
            "scenario:N",
            title="Scenario",
            scale=alt.Scale(domain=domain, range=[[1, 0], [8, 4]]),
            sort=domain,
        ),
        tooltip=named_tooltip("scenario", "Scenario", measure, MEASURE_NAMES[measure], ".1f"),
    )


# --------------------------------------------------------------------------- visits
def visit_rows(visit_weeks: Sequence[int]) -> list[dict]:
    """Re-evaluation visits as the rows :func:`visit_rules` draws.

    Examples
    --------
    >>> visit_rows([4, 8])[0]
    {'week': 4, 'visit': 're-evaluation visit'}
    """
    return [{"week": int(week), "visit": "re-evaluation visit"} for week in visit_weeks]


def visit_frame(visit_weeks: Sequence[int]) -> pd.DataFrame:
    """Re-evaluation visits as a DataFrame, for :func:`visit_rules`.

    Examples
    --------
    >>> visit_frame([4, 8])["week"].tolist()
    [4, 8]
    """
    return pd.DataFrame(visit_rows(visit_weeks), columns=["week", "visit"])


def visit_rules(data: DataLike, *, weeks: tuple[int, int] | None = None) -> alt.Chart:
    """The re-evaluation visits: a dotted vertical line at each.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Columns ``week`` and ``visit`` (what the visit is), as from :func:`visit_frame`.
    weeks : tuple of two int, optional
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        Vertical rules.

    Raises
    ------
    ValueError
        If a column is missing, or named data come without weeks.

    Examples
    --------
    >>> rules = visit_rules(visit_frame([4, 8, 12])).to_dict()
    >>> rules["mark"]["type"], rules["mark"]["strokeDash"]
    ('rule', [2, 3])
    """
    base = _layer_base(data, ["week", "visit"])
    return base.mark_rule(color=MUTED_COLOUR, strokeDash=[2, 3], strokeWidth=1.5).encode(
        x=week_x(_weeks_of(data, weeks)),
        tooltip=[alt.Tooltip("visit:N", title="Visit"), "week:Q"],
    )


# --------------------------------------------------------------------------- observed
def observed_points(
    data: DataLike, measure: str = "phq9", *, weeks: tuple[int, int] | None = None
) -> alt.Chart:
    """A patient's observed scores: black diamonds.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        Columns ``week``, the measure and ``who`` (whose scores, for the tooltip).
    measure, weeks
        As for :func:`course_line`.

    Returns
    -------
    altair.Chart
        Filled diamonds.

    Raises
    ------
    ValueError
        As :func:`course_line`.

    Examples
    --------
    >>> import pandas as pd
    >>> maria = pd.DataFrame({"week": [0, 12], "phq9": [15.0, 6.0], "who": "Maria"})
    >>> observed_points(maria).to_dict()["mark"]["shape"]
    'diamond'
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", measure, "who"])
    tooltip = named_tooltip("who", "Observed", measure, score_axis(measure).title, "g")
    return base.mark_point(shape="diamond", filled=True, size=150, color=BLACK, opacity=1).encode(
        x=week_x(_weeks_of(data, weeks)), y=score_y(measure), tooltip=tooltip
    )


def observed_label(
    data: DataLike,
    measure: str = "phq9",
    *,
    at_week: float | None = None,
    weeks: tuple[int, int] | None = None,
) -> alt.Chart:
    """Whose the observed scores are, in bold just right of the point at one week.

    Placed at the last observed week, the label sits outside the plot when that week
    is the last one shown, clear of the severity band labels at the panel's right edge.

    Parameters
    ----------
    data : pandas.DataFrame or altair.NamedData
        As for :func:`observed_points`.
    measure, weeks
        As for :func:`course_line`.
    at_week : float, optional
        The week of the point to label; by default the last week of `data` (required
        for named data).

    Returns
    -------
    altair.Chart
        One text mark (per patient) at `at_week`.

    Raises
    ------
    ValueError
        As :func:`course_line`, or if named data come without `at_week`.

    Examples
    --------
    >>> import pandas as pd
    >>> maria = pd.DataFrame({"week": [0, 12], "phq9": [15.0, 6.0], "who": "Maria"})
    >>> observed_label(maria).to_dict()["transform"]
    [{'filter': '(datum.week === 12.0)'}]
    """
    measure = check_measure(measure)
    base = _layer_base(data, ["week", measure, "who"])
    if at_week is None:
        if isinstance(data, alt.NamedData):
            raise ValueError("at_week must be given for named data")
        at_week = data["week"].max()
    return (
        base.transform_filter(alt.datum.week == float(at_week))
        .mark_text(align="left", dx=10, fontWeight="bold", color=BLACK)
        .encode(x=week_x(_weeks_of(data, weeks)), y=score_y(measure), text="who:N")
    )
