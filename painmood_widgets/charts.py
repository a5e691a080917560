"""Altair charts of the pain-depression loop, built from tidy DataFrames.

Every function here is pure: it checks its input, then returns a chart specification
(nothing is drawn until the chart is displayed or saved). Each chart carries a title and
a Vega-Lite ``description`` written from its data, which screen readers announce as the
chart's label. Colours and type come from the one painmood theme
(:mod:`painmood_widgets.theme`); PHQ-9 severity bands come from
:mod:`painmood_widgets.scales`.

The charts:

- :func:`trajectory_chart`: pain and PHQ-9 of the typical patient over the weeks, the
  10-90% band of a simulated cohort, the PHQ-9 severity bands and the re-evaluation
  visits every 4 to 6 weeks, optionally with a reference course (such as "usual care")
  and a patient's observed scores;
- :func:`comparison_chart`: two scenarios overlaid;
- :func:`tornado_chart`: one-at-a-time sensitivity of an outcome to each lever;
- :func:`cohort_distribution_chart`: pain or PHQ-9 across a cohort at one week;
- :func:`feedback_loop_chart`: the vicious cycle of pain, sleep, activity and mood;
- :func:`overlap_table_html`: the overlap of the two conditions as an HTML table (a real
  table reads better than a chart of text, for screen readers and on small screens);
- :func:`save_chart`: PNG or SVG for slides.

Educational, not diagnostic.

Examples
--------
>>> import pandas as pd
>>> patient = pd.DataFrame({"week": [0, 4, 8, 12], "pain": [7.0, 6.1, 5.0, 4.2],
...                         "phq9": [15.0, 13.0, 11.0, 9.0]})
>>> chart = trajectory_chart(patient)
>>> print(chart.to_dict()["description"])
Typical patient, weeks 0 to 12: pain falls from 7.0 to 4.2 (0-10 scale); PHQ-9 falls from 15
(moderately severe) to 9 (mild). Re-evaluation visits every 4 weeks: weeks 4, 8 and 12.
"""

import html
import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import vl_convert as vlc

from painmood_widgets.model import SCENARIO_FIELDS, SUMMARY_COLUMNS
from painmood_widgets.rendering import enable_offline_rendering
from painmood_widgets.scales import PHQ9_SEVERITY_BANDS, phq9_severity
from painmood_widgets.theme import MEASURE_COLOURS, OKABE_ITO, SEVERITY_SHADES
from painmood_widgets.wording import listing

# Charts are for showing: importing them makes every Altair chart render offline.
enable_offline_rendering()

__all__ = [
    "MONITORING_INTERVAL_WEEKS",
    "PAIN_MAX",
    "PHQ9_MAX",
    "SAVE_FORMATS",
    "TrajectoryData",
    "cohort_distribution_chart",
    "comparison_chart",
    "feedback_loop_chart",
    "overlap_table_html",
    "save_chart",
    "tornado_chart",
    "trajectory_chart",
    "trajectory_data",
    "vicious_cycle_links",
    "vicious_cycle_nodes",
]

PAIN_MAX = 10
"""Top of the pain numeric rating scale (0-10); the pain axis is always 0 to 10."""

PHQ9_MAX = 27
"""Highest PHQ-9 total; the PHQ-9 axis is always 0 to 27."""

MONITORING_INTERVAL_WEEKS = (4, 6)
"""Shortest and longest interval between re-evaluation visits, in weeks: reassess pain
and mood every 4 to 6 weeks (ICSI depression guideline; an antidepressant should show
at least 25% improvement by 6 weeks on a therapeutic dose)."""

SAVE_FORMATS = (".png", ".svg")
"""File suffixes :func:`save_chart` writes."""

_MEASURES = {
    "pain": ("Pain", PAIN_MAX, "Pain (0-10)"),
    "phq9": ("PHQ-9", PHQ9_MAX, "PHQ-9 (0-27)"),
}
_PANEL_WIDTH = 520
_PANEL_HEIGHT = 200
_WEEK = "Week"
_VISIT_COLOUR = "#555555"
_PAIN_TICKS = list(range(0, PAIN_MAX + 1, 2))
_PHQ9_TICKS = [0, *(band.lowest for band in PHQ9_SEVERITY_BANDS[1:]), PHQ9_MAX]
_FRAME_COLUMNS = ("week", "pain", "phq9")
_EXTRA_COLOUR = OKABE_ITO["black"]  # the reference course and observed points
_REFERENCE_DASH = [10, 4, 2, 4]  # dash-dot: unlike the cohort median's dashes
_SETTINGS = ("low", "high")
_SETTING_LABELS = {"low": "lever at its low value", "high": "lever at its high value"}
_DATA_NAMES = {  # the trajectory chart's data sets; fixed, so its layout never names numbers
    "bands": "phq9_severity_bands",
    "patient": "typical_patient",
    "summary": "cohort_percentiles",
    "visits": "visits",
    "reference": "reference_course",
    "observed": "observed_scores",
}


# --------------------------------------------------------------------------- checks
def _check_frame(frame: object, name: str, columns: Sequence[str]) -> None:
    """Check that ``frame`` is a non-empty DataFrame holding ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame, got a {type(frame).__name__}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {', '.join(missing)}; "
            f"it needs the columns {', '.join(columns)}"
        )
    if frame.empty:
        raise ValueError(f"{name} has no rows")


def _check_numbers(
    frame: pd.DataFrame, name: str, columns: Sequence[str], low: float, high: float
) -> None:
    """Check that ``columns`` hold finite numbers from ``low`` to ``high``."""
    for column in columns:
        series = frame[column]
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            raise ValueError(f"{name} column {column} must hold numbers, got {series.dtype}")
        values = series.to_numpy(dtype=float)
        if not np.isfinite(values).all():
            raise ValueError(f"{name} column {column} has missing or infinite values")
        if (values < low).any() or (values > high).any():
            raise ValueError(
                f"{name} column {column} must stay from {low:g} to {high:g}, "
                f"got {values.min():g} to {values.max():g}"
            )


def _check_weeks(frame: pd.DataFrame, name: str) -> None:
    """Check that the ``week`` column holds distinct whole weeks from 0."""
    _check_numbers(frame, name, ["week"], 0, math.inf)
    weeks = frame["week"].to_numpy(dtype=float)
    if not np.all(weeks == np.round(weeks)):
        raise ValueError(f"{name} column week must hold whole weeks")
    if len(np.unique(weeks)) != len(weeks):
        raise ValueError(f"{name} has more than one row for the same week")


def _check_whole(value: object, name: str, low: int, high: float) -> int:
    """Return ``value`` as an int if it is a whole number (not a bool) in the range."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and low <= value <= high:
        return int(value)
    shown = repr(value) if isinstance(value, str | float | bool | None) else str(value)
    rule = f"from {low} to {high:g}" if math.isfinite(high) else f"of at least {low}"
    raise ValueError(f"{name} must be a whole number {rule}, got {shown}")


def _check_text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


# --------------------------------------------------------------------------- wording
def _whole(value: float) -> int:
    """Nearest whole number, halves rounded up (as a PHQ-9 total is read)."""
    return math.floor(value + 0.5)


def _phq9_words(value: float) -> str:
    total = _whole(value)
    return f"{total} ({phq9_severity(total)})"


def _change_by_value(name: str, start: float, end: float, start_text: str, end_text: str) -> str:
    if start_text == end_text:
        return f"{name} stays at {start_text}"
    verb = "falls" if end < start else "rises"
    return f"{name} {verb} from {start_text} to {end_text}"


# --------------------------------------------------------------------------- pieces
def _severity_band_frame(low: float, high: float) -> pd.DataFrame:
    """PHQ-9 severity bands as rows, with edges between whole scores.

    A band covering totals 10-14 is drawn from 9.5 to 14.5 (clipped to ``low``-``high``),
    so a continuous model score is shaded as the whole score it rounds to.
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


def _severity_bands_on_y(data: alt.NamedData | None = None) -> alt.LayerChart:
    """Horizontal PHQ-9 severity bands across a panel, labelled at the right edge.

    The bands are drawn from `data` (a named data set holding
    ``_severity_band_frame(0, PHQ9_MAX)``) when given, else from the frame inline.
    """
    bands = alt.Chart(_severity_band_frame(0, PHQ9_MAX) if data is None else data)
    shading = bands.mark_rect().encode(
        y=alt.Y("band_start:Q", scale=_measure_scale("phq9"), axis=_measure_axis("phq9")),
        y2="band_end:Q",
        color=alt.Color("shade:N", scale=None),
        tooltip=[
            alt.Tooltip("band:N", title="PHQ-9 severity"),
            alt.Tooltip("range:N", title="Total"),
        ],
    )
    labels = bands.mark_text(align="right", baseline="middle", dx=-4, color="#444444").encode(
        x=alt.value(_PANEL_WIDTH),
        y=alt.Y("band_middle:Q"),
        text="band:N",
    )
    return alt.layer(
        shading,
        labels.transform_calculate(band_middle="(datum.band_start + datum.band_end) / 2"),
    )


def _week_axis(first: int, last: int) -> alt.X:
    return alt.X(
        "week:Q",
        title=_WEEK,
        scale=alt.Scale(domain=[first, last], nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )


def _measure_scale(measure: str) -> alt.Scale:
    top = _MEASURES[measure][1]
    return alt.Scale(domain=[0, top], nice=False, clamp=True)


def _measure_axis(measure: str, title_suffix: str = "") -> alt.Axis:
    ticks = _PAIN_TICKS if measure == "pain" else _PHQ9_TICKS
    # Vega thins explicit tick values down to tickCount, so the count must match them.
    return alt.Axis(values=ticks, tickCount=len(ticks), title=_MEASURES[measure][2] + title_suffix)


def _visit_weeks(
    first: int, last: int, interval: int, visit_weeks: Sequence[int] | None
) -> list[int]:
    if visit_weeks is None:
        return list(range(first + interval, last + 1, interval))
    if isinstance(visit_weeks, str | bytes) or not isinstance(visit_weeks, Sequence):
        raise ValueError(
            f"visit_weeks must be a list of whole weeks, got a {type(visit_weeks).__name__}"
        )
    weeks = [_check_whole(week, "each visit week", first, last) for week in visit_weeks]
    return sorted(set(weeks))


# --------------------------------------------------------------------------- trajectory
def trajectory_chart(
    trajectory: pd.DataFrame,
    cohort_summary: pd.DataFrame | None = None,
    *,
    visit_interval_weeks: int = 4,
    visit_weeks: Sequence[int] | None = None,
    reference: pd.DataFrame | None = None,
    reference_label: str = "usual care",
    observed: pd.DataFrame | None = None,
    observed_label: str | None = None,
    title: str = "Pain and depression over time",
) -> alt.VConcatChart:
    """Pain and PHQ-9 of the typical patient week by week, with the cohort's band.

    Two panels share the week axis: pain on its fixed 0-10 axis, and PHQ-9 on its fixed
    0-27 axis over the five severity bands (minimal, mild, moderate, moderately severe,
    severe). When a cohort summary is given, its 10th-90th percentile range is shaded and
    its median dashed. Dotted vertical lines mark the re-evaluation visits, every 4 to 6
    weeks as guidelines advise. A reference course (for instance the same start with no
    change) is drawn as a black dash-dot line, and a patient's observed scores as black
    diamonds, the label beside the last one. The subtitle says what each line and mark
    is, and the description (the text alternative) gives their figures.

    Parameters
    ----------
    trajectory : pandas.DataFrame
        The typical patient: columns ``week`` (distinct whole weeks), ``pain`` (0-10) and
        ``phq9`` (0-27), as from ``model.trajectory``; other columns (the mediators) are
        ignored.
    cohort_summary : pandas.DataFrame, optional
        Percentiles of a simulated cohort by week, as from ``model.summarize``: columns
        ``week, pain_p10, pain_p50, pain_p90, phq9_p10, phq9_p50, phq9_p90``.
    visit_interval_weeks : int, default 4
        Weeks between re-evaluation visits, 4 to 6; visits fall at this interval after
        the first week. Ignored when `visit_weeks` is given.
    visit_weeks : sequence of int, optional
        Weeks of the visits, when they do not fall at a regular interval.
    reference : pandas.DataFrame, optional
        A second course to compare with, columns ``week``, ``pain`` and ``phq9`` like
        `trajectory`.
    reference_label : str, default "usual care"
        What the reference course is, for the subtitle, the tooltip and the description.
    observed : pandas.DataFrame, optional
        A patient's observed scores, columns ``week``, ``pain`` and ``phq9``, one row per
        visit.
    observed_label : str, optional
        Whose scores they are (a name), written beside the last observed point and in
        the subtitle and the description.
    title : str, default "Pain and depression over time"
        Chart title.

    Returns
    -------
    altair.VConcatChart
        The pain panel above the PHQ-9 panel. The subtitle is a list of lines, one legend
        sentence each.

    Raises
    ------
    ValueError
        If a DataFrame is missing a column (the message names it), has no rows, repeats a
        week or holds a score outside its scale; if the visit interval is not a whole
        number from 4 to 6; if a visit week lies outside the weeks shown; or if a label
        is empty.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613 (severity bands).

    Institute for Clinical Systems Improvement. Depression in primary care (re-evaluate
    every 4 to 6 weeks until remission).

    Examples
    --------
    >>> import pandas as pd
    >>> patient = pd.DataFrame({"week": [0, 6, 12], "pain": [7.0, 5.5, 4.0],
    ...                         "phq9": [15.0, 11.2, 9.0]})
    >>> spec = trajectory_chart(patient, visit_interval_weeks=6).to_dict()
    >>> spec["title"]["text"]
    'Pain and depression over time'
    >>> trajectory_chart(patient, visit_interval_weeks=8)
    Traceback (most recent call last):
    ...
    ValueError: visit_interval_weeks must be a whole number from 4 to 6, got 8
    >>> trajectory_chart(patient.drop(columns="phq9"))
    Traceback (most recent call last):
    ...
    ValueError: trajectory is missing column(s) phq9; it needs the columns week, pain, phq9

    A reference course and observed scores are drawn on both panels:

    >>> maria = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.0], "phq9": [15.0, 6.0]})
    >>> spec = trajectory_chart(patient, reference=patient.assign(pain=7.0, phq9=15.0),
    ...                         observed=maria, observed_label="Maria").to_dict()
    >>> spec["title"]["subtitle"][-1]
    "Black diamonds: Maria's scores at weeks 0 and 12."
    >>> trajectory_chart(patient, observed=maria.drop(columns="pain"))
    Traceback (most recent call last):
    ...
    ValueError: observed is missing column(s) pain; it needs the columns week, pain, phq9
    """
    inputs = _trajectory_inputs(
        trajectory,
        cohort_summary,
        visit_interval_weeks=visit_interval_weeks,
        visit_weeks=visit_weeks,
        reference=reference,
        reference_label=reference_label,
        observed=observed,
        observed_label=observed_label,
        title=title,
    )
    data = _trajectory_data(inputs)
    panels = [_trajectory_panel(measure, inputs) for measure in _MEASURES]
    # One legend sentence per subtitle line, so the legend wraps to the panels' width.
    return alt.vconcat(*panels, spacing=16).properties(
        title=alt.Title(inputs.title, subtitle=_trajectory_legend(inputs)),
        description=data.description,
        datasets=data.datasets,
    )


@dataclass(frozen=True)
class TrajectoryData:
    """What a trajectory chart draws from its numbers, apart from its layout.

    :func:`trajectory_chart` reads its data by name from the chart's top-level
    ``datasets``, so two charts with equal ``layout`` differ only in ``datasets`` and
    ``description``: a chart widget can show new numbers by swapping those two
    (:func:`painmood_widgets.rendering.replace_data`), with no chart rebuilt.

    Attributes
    ----------
    layout : tuple
        Everything else the chart depends on: the title, the weeks the axis spans, the
        visit weeks, which courses are drawn, their labels and the observed weeks.
    datasets : dict of str to list of dict
        The chart's Vega-Lite ``datasets``: rows by data set name (the names are fixed,
        not derived from the numbers).
    description : str
        The chart's text alternative.
    """

    layout: tuple
    datasets: dict[str, list[dict]]
    description: str


def trajectory_data(
    trajectory: pd.DataFrame,
    cohort_summary: pd.DataFrame | None = None,
    *,
    visit_interval_weeks: int = 4,
    visit_weeks: Sequence[int] | None = None,
    reference: pd.DataFrame | None = None,
    reference_label: str = "usual care",
    observed: pd.DataFrame | None = None,
    observed_label: str | None = None,
    title: str = "Pain and depression over time",
) -> TrajectoryData:
    """The data, text alternative and layout key of :func:`trajectory_chart`.

    Takes the same arguments and checks them the same way, but builds no chart: it
    costs a small fraction of building one. ``trajectory_chart(...).to_dict()`` carries
    exactly these ``datasets`` and this ``description``.

    Parameters
    ----------
    trajectory, cohort_summary, visit_interval_weeks, visit_weeks, reference, \
reference_label, observed, observed_label, title
        As for :func:`trajectory_chart`.

    Returns
    -------
    TrajectoryData
        The layout key, the data sets by name and the description.

    Raises
    ------
    ValueError
        As :func:`trajectory_chart`.

    Examples
    --------
    >>> import pandas as pd
    >>> patient = pd.DataFrame({"week": [0, 6, 12], "pain": [7.0, 5.5, 4.0],
    ...                         "phq9": [15.0, 11.2, 9.0]})
    >>> data = trajectory_data(patient)
    >>> sorted(data.datasets)
    ['phq9_severity_bands', 'typical_patient', 'visits']
    >>> data.datasets["typical_patient"][-1]
    {'week': 12.0, 'pain': 4.0, 'phq9': 9.0}
    >>> trajectory_chart(patient).to_dict()["datasets"] == data.datasets
    True

    New scores over the same weeks keep the layout; other weeks change it:

    >>> trajectory_data(patient.assign(pain=6.0)).layout == data.layout
    True
    >>> trajectory_data(patient.assign(week=[0, 6, 18])).layout == data.layout
    False
    """
    return _trajectory_data(
        _trajectory_inputs(
            trajectory,
            cohort_summary,
            visit_interval_weeks=visit_interval_weeks,
            visit_weeks=visit_weeks,
            reference=reference,
            reference_label=reference_label,
            observed=observed,
            observed_label=observed_label,
            title=title,
        )
    )


@dataclass(frozen=True)
class _TrajectoryInputs:
    """The checked inputs of a trajectory chart, as the frames it draws."""

    patient: pd.DataFrame
    summary: pd.DataFrame | None
    course: pd.DataFrame | None  # the reference course, with its ``scenario`` column
    seen: pd.DataFrame | None  # the observed scores, with their ``who`` column
    observed_label: str | None
    reference_label: str
    interval: int
    visit_weeks: Sequence[int] | None
    visits: list[int]
    first: int
    last: int
    title: str


def _trajectory_inputs(
    trajectory: pd.DataFrame,
    cohort_summary: pd.DataFrame | None,
    *,
    visit_interval_weeks: int,
    visit_weeks: Sequence[int] | None,
    reference: pd.DataFrame | None,
    reference_label: str,
    observed: pd.DataFrame | None,
    observed_label: str | None,
    title: str,
) -> _TrajectoryInputs:
    """Check the arguments of :func:`trajectory_chart` and prepare what it draws."""
    _check_course(trajectory, "trajectory")
    if cohort_summary is not None:
        _check_frame(cohort_summary, "cohort_summary", SUMMARY_COLUMNS)
        _check_weeks(cohort_summary, "cohort_summary")
        for measure, (_, top, _axis) in _MEASURES.items():
            columns = [f"{measure}_p10", f"{measure}_p50", f"{measure}_p90"]
            _check_numbers(cohort_summary, "cohort_summary", columns, 0, top)
            low, middle, high = (cohort_summary[column] for column in columns)
            if ((low > middle) | (middle > high)).any():
                raise ValueError(
                    f"cohort_summary percentiles must rise: {measure}_p10 <= {measure}_p50 "
                    f"<= {measure}_p90 in every row"
                )
    interval = _check_whole(
        visit_interval_weeks, "visit_interval_weeks", *MONITORING_INTERVAL_WEEKS
    )
    if reference is not None:
        _check_course(reference, "reference")
        reference_label = _check_text(reference_label, "reference_label")
    if observed is not None:
        _check_course(observed, "observed")
        if observed_label is not None:
            observed_label = _check_text(observed_label, "observed_label")
    title = _check_text(title, "title")

    patient = _course(trajectory)
    summary = (
        None
        if cohort_summary is None
        else cohort_summary[list(SUMMARY_COLUMNS)].astype(float).sort_values("week")
    )
    # the reference and the observed points carry a column naming them, for the tooltip
    course = None if reference is None else _course(reference).assign(scenario=reference_label)
    seen = None if observed is None else _course(observed).assign(who=observed_label or "observed")
    week_frames = [frame for frame in (patient, summary, course, seen) if frame is not None]
    first = int(min(frame["week"].min() for frame in week_frames))
    last = int(max(frame["week"].max() for frame in week_frames))
    return _TrajectoryInputs(
        patient=patient,
        summary=summary,
        course=course,
        seen=seen,
        observed_label=observed_label,
        reference_label=reference_label,
        interval=interval,
        visit_weeks=visit_weeks,
        visits=_visit_weeks(first, last, interval, visit_weeks),
        first=first,
        last=last,
        title=title,
    )


def _records(frame: pd.DataFrame) -> list[dict]:
    """The rows of `frame` exactly as Altair writes a DataFrame into a specification.

    Columns of finite floats or of text need no cleaning, and are turned into rows
    directly, several times faster than :func:`altair.utils.data.to_values`, which
    handles every other frame.
    """
    plain = all(
        isinstance(dtype, np.dtype)
        and (
            (dtype == np.float64 and bool(np.isfinite(frame[column].to_numpy()).all()))
            or (dtype.kind == "O" and all(isinstance(value, str) for value in frame[column]))
        )
        for column, dtype in frame.dtypes.items()
    )
    if plain and all(isinstance(column, str) for column in frame.columns):
        return frame.to_dict(orient="records")
    return alt.utils.data.to_values(frame)["values"]


@cache
def _severity_band_rows() -> tuple[dict, ...]:
    """The PHQ-9 severity bands of the trajectory chart's PHQ-9 panel, as rows."""
    return tuple(_records(_severity_band_frame(0, PHQ9_MAX)))


def _trajectory_legend(inputs: _TrajectoryInputs) -> list[str]:
    """One sentence per line and mark drawn, for the subtitle."""
    legend = ["Solid line: the typical patient."]
    if inputs.summary is not None:
        legend.append("Shaded: 10-90% of simulated patients; dashed: their median.")
    if inputs.visits:
        legend.append("Dotted lines: re-evaluation visits.")
    if inputs.course is not None:
        legend.append(f"Black dash-dot line: {inputs.reference_label}.")
    if inputs.seen is not None:
        legend.append(f"Black diamonds: {_whose(inputs.observed_label)} at {_weeks(inputs.seen)}.")
    return legend


def _trajectory_data(inputs: _TrajectoryInputs) -> TrajectoryData:
    frames = {
        _DATA_NAMES["patient"]: inputs.patient,
        _DATA_NAMES["summary"]: inputs.summary,
        _DATA_NAMES["reference"]: inputs.course,
        _DATA_NAMES["observed"]: inputs.seen,
    }
    datasets = {
        _DATA_NAMES["bands"]: [dict(row) for row in _severity_band_rows()],
        **{name: _records(frame) for name, frame in frames.items() if frame is not None},
    }
    if inputs.visits:
        datasets[_DATA_NAMES["visits"]] = [
            {"week": week, "visit": "re-evaluation visit"} for week in inputs.visits
        ]
    description = _trajectory_description(
        inputs.patient, inputs.summary, inputs.visits, inputs.interval, inputs.visit_weeks
    )
    if inputs.course is not None:
        description += f" {_reference_description(inputs.course, inputs.reference_label)}"
    if inputs.seen is not None:
        description += f" {_observed_description(inputs.seen, inputs.observed_label)}"
    layout = (
        inputs.title,
        inputs.first,
        inputs.last,
        tuple(inputs.visits),
        inputs.summary is not None,
        None if inputs.course is None else inputs.reference_label,
        None
        if inputs.seen is None
        else (inputs.observed_label, tuple(int(week) for week in inputs.seen["week"])),
    )
    return TrajectoryData(layout=layout, datasets=datasets, description=description)


def _check_course(frame: object, name: str) -> None:
    """Check a course of scores: distinct whole weeks, pain 0-10 and PHQ-9 0-27."""
    _check_frame(frame, name, _FRAME_COLUMNS)
    _check_weeks(frame, name)
    _check_numbers(frame, name, ["pain"], 0, PAIN_MAX)
    _check_numbers(frame, name, ["phq9"], 0, PHQ9_MAX)


def _course(frame: pd.DataFrame) -> pd.DataFrame:
    """The week, pain and PHQ-9 columns as floats, in week order."""
    return frame[list(_FRAME_COLUMNS)].astype(float).sort_values("week")


def _whose(observed_label: str | None) -> str:
    """'Maria's scores', or 'observed scores' when they have no label."""
    return "observed scores" if observed_label is None else f"{observed_label}'s scores"


def _weeks(frame: pd.DataFrame) -> str:
    """'week 12', 'weeks 0 and 12'."""
    weeks = [str(int(week)) for week in frame["week"]]
    return f"week{'s' if len(weeks) > 1 else ''} {listing(weeks)}"


def _named(part: str) -> alt.NamedData:
    """A trajectory chart's data set, read by name from the chart's ``datasets``."""
    return alt.NamedData(name=_DATA_NAMES[part])


def _trajectory_panel(measure: str, inputs: _TrajectoryInputs) -> alt.LayerChart:
    """One panel of the trajectory chart; its layers read the data sets by name."""
    name, _, title = _MEASURES[measure]
    colour = MEASURE_COLOURS[measure]
    x = _week_axis(inputs.first, inputs.last)
    y_scale = _measure_scale(measure)
    y_axis = _measure_axis(measure)
    layers: list[alt.Chart | alt.LayerChart] = []
    if measure == "phq9":
        layers.append(_severity_bands_on_y(_named("bands")))
    if inputs.summary is not None:
        cohort = alt.Chart(_named("summary"))
        layers.append(
            cohort.mark_area(opacity=0.25, color=colour).encode(
                x=x,
                y=alt.Y(f"{measure}_p10:Q", scale=y_scale, axis=y_axis),
                y2=f"{measure}_p90:Q",
                tooltip=[
                    alt.Tooltip("week:Q", title=_WEEK),
                    alt.Tooltip(f"{measure}_p10:Q", title=f"{name}, 10th percentile", format=".1f"),
                    alt.Tooltip(f"{measure}_p90:Q", title=f"{name}, 90th percentile", format=".1f"),
                ],
            )
        )
        layers.append(
            cohort.mark_line(color=colour, strokeDash=[6, 4], strokeWidth=2).encode(
                x=x,
                y=alt.Y(f"{measure}_p50:Q", scale=y_scale, axis=y_axis),
                tooltip=[
                    alt.Tooltip("week:Q", title=_WEEK),
                    alt.Tooltip(f"{measure}_p50:Q", title=f"{name}, cohort median", format=".1f"),
                ],
            )
        )
    layers.append(
        alt.Chart(_named("patient"))
        .mark_line(color=colour, point=alt.OverlayMarkDef(color=colour, size=30))
        .encode(
            x=x,
            y=alt.Y(f"{measure}:Q", scale=y_scale, axis=y_axis),
            tooltip=[
                alt.Tooltip("week:Q", title=_WEEK),
                alt.Tooltip(f"{measure}:Q", title=f"{name}, typical patient", format=".1f"),
            ],
        )
    )
    if inputs.visits:
        layers.append(
            alt.Chart(_named("visits"))
            .mark_rule(color=_VISIT_COLOUR, strokeDash=[2, 3], strokeWidth=1.5)
            .encode(x=x, tooltip=[alt.Tooltip("visit:N", title="Visit"), "week:Q"])
        )
    y = alt.Y(f"{measure}:Q", scale=y_scale, axis=y_axis)
    if inputs.course is not None:
        layers.append(
            alt.Chart(_named("reference"))
            .mark_line(color=_EXTRA_COLOUR, strokeDash=_REFERENCE_DASH, strokeWidth=2)
            .encode(x=x, y=y, tooltip=_named_tooltip("scenario", "Scenario", measure, name, ".1f"))
        )
    if inputs.seen is not None:
        labelled = inputs.observed_label is not None
        layers += _observed_layers(inputs.seen, measure, title, x, y, labelled)
    return alt.layer(*layers).properties(width=_PANEL_WIDTH, height=_PANEL_HEIGHT)


def _named_tooltip(
    name_field: str, name_title: str, measure: str, title: str, number_format: str
) -> list[alt.Tooltip]:
    """Tooltip of a named course or set of points: what it is, the week and the score."""
    return [
        alt.Tooltip(f"{name_field}:N", title=name_title),
        alt.Tooltip("week:Q", title=_WEEK),
        alt.Tooltip(f"{measure}:Q", title=title, format=number_format),
    ]


def _observed_layers(
    observed: pd.DataFrame, measure: str, title: str, x: alt.X, y: alt.Y, labelled: bool
) -> list[alt.Chart]:
    """Observed scores as black diamonds; when `labelled`, whose they are (the ``who``
    column) just right of the last one.

    The label sits outside the plot when the last point is at the last week, clear of
    the severity band labels at the panel's right edge. The layers read the rows by name
    from the chart's ``datasets``.
    """
    points = alt.Chart(_named("observed"))
    diamonds = points.mark_point(
        shape="diamond", filled=True, size=150, color=_EXTRA_COLOUR, opacity=1
    ).encode(x=x, y=y, tooltip=_named_tooltip("who", "Observed", measure, title, "g"))
    if not labelled:
        return [diamonds]
    label = (
        points.transform_filter(alt.datum.week == float(observed["week"].max()))
        .mark_text(align="left", dx=10, fontWeight="bold", color=_EXTRA_COLOUR)
        .encode(x=x, y=y, text="who:N")
    )
    return [diamonds, label]


def _trajectory_description(
    patient: pd.DataFrame,
    summary: pd.DataFrame | None,
    visits: list[int],
    interval: int,
    visit_weeks: Sequence[int] | None,
) -> str:
    start, end = patient.iloc[0], patient.iloc[-1]
    pain, phq9 = _course_changes(patient)
    text = (
        f"Typical patient, weeks {int(start['week'])} to {int(end['week'])}: "
        f"{pain} (0-10 scale); {phq9}."
    )
    if summary is not None:
        final = summary.iloc[-1]
        text += (
            f" Shaded: 10-90% of simulated patients; at week {int(final['week'])} their pain "
            f"runs from {final['pain_p10']:.1f} to {final['pain_p90']:.1f} and their PHQ-9 "
            f"from {_whole(final['phq9_p10'])} to {_whole(final['phq9_p90'])}."
        )
    if visits:
        weeks = listing([str(week) for week in visits])
        when = "at" if visit_weeks is not None else f"every {interval} weeks:"
        text += f" Re-evaluation visits {when} week{'s' if len(visits) > 1 else ''} {weeks}."
    return text


def _course_changes(course: pd.DataFrame) -> tuple[str, str]:
    """How pain and PHQ-9 change from a course's first week to its last, in words."""
    start, end = course.iloc[0], course.iloc[-1]
    pain = _change_by_value(
        "pain", start["pain"], end["pain"], f"{start['pain']:.1f}", f"{end['pain']:.1f}"
    )
    phq9 = _change_by_value(
        "PHQ-9", start["phq9"], end["phq9"], _phq9_words(start["phq9"]), _phq9_words(end["phq9"])
    )
    return pain, phq9


def _reference_description(course: pd.DataFrame, label: str) -> str:
    pain, phq9 = _course_changes(course)
    return f"Dash-dot line, {label}: {pain}; {phq9}."


def _observed_description(observed: pd.DataFrame, label: str | None) -> str:
    visits = "; ".join(
        f"week {int(row.week)}, pain {row.pain:g} and PHQ-9 {_phq9_words(row.phq9)}"
        for row in observed.itertuples(index=False)
    )
    return f"Diamonds, {_whose(label)}: {visits}."


# --------------------------------------------------------------------------- comparison
def comparison_chart(
    trajectory_a: pd.DataFrame,
    trajectory_b: pd.DataFrame,
    labels: tuple[str, str] = ("baseline", "with treatment"),
    *,
    title: str = "Two scenarios compared",
) -> alt.VConcatChart:
    """Two scenarios' pain and PHQ-9 overlaid, week by week.

    Each scenario has its own colour and its own dash, so the two stay apart without
    colour. The PHQ-9 panel shows the severity bands.

    Parameters
    ----------
    trajectory_a, trajectory_b : pandas.DataFrame
        The two scenarios' typical patients, columns ``week``, ``pain`` (0-10) and
        ``phq9`` (0-27), over the same weeks (as from ``model.trajectory``).
    labels : tuple of two str, default ("baseline", "with treatment")
        Names of the two scenarios, for the legend and the description.
    title : str, default "Two scenarios compared"
        Chart title.

    Returns
    -------
    altair.VConcatChart
        The pain panel above the PHQ-9 panel.

    Raises
    ------
    ValueError
        If a DataFrame is missing a column, holds a score outside its scale, or the two
        cover different weeks; or if `labels` is not two different non-empty strings.

    Examples
    --------
    >>> import pandas as pd
    >>> usual = pd.DataFrame({"week": [0, 12], "pain": [7.0, 6.8], "phq9": [15.0, 14.6]})
    >>> treated = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.1], "phq9": [15.0, 7.7]})
    >>> print(comparison_chart(usual, treated).to_dict()["description"])
    Two scenarios from week 0 to week 12. At week 12: baseline, pain 6.8 and PHQ-9 15
    (moderately severe); with treatment, pain 4.1 and PHQ-9 8 (mild).
    """
    for name, frame in (("trajectory_a", trajectory_a), ("trajectory_b", trajectory_b)):
        _check_course(frame, name)
    if set(trajectory_a["week"]) != set(trajectory_b["week"]):
        raise ValueError("trajectory_a and trajectory_b must cover the same weeks")
    if (
        not isinstance(labels, tuple | list)
        or len(labels) != 2
        or not all(isinstance(label, str) and label.strip() for label in labels)
        or labels[0] == labels[1]
    ):
        raise ValueError(f"labels must be two different non-empty strings, got {labels!r}")
    title = _check_text(title, "title")

    scenarios = [
        _course(frame).assign(scenario=label)
        for frame, label in zip((trajectory_a, trajectory_b), labels, strict=True)
    ]
    both = pd.concat(scenarios, ignore_index=True)
    first, last = int(both["week"].min()), int(both["week"].max())
    scenario_colour = alt.Color(
        "scenario:N",
        title="Scenario",
        scale=alt.Scale(domain=list(labels)),
        sort=list(labels),
    )
    scenario_dash = alt.StrokeDash(
        "scenario:N",
        title="Scenario",
        scale=alt.Scale(domain=list(labels), range=[[1, 0], [8, 4]]),
        sort=list(labels),
    )
    panels = []
    for measure, (name, _, _) in _MEASURES.items():
        lines = (
            alt.Chart(both)
            .mark_line(point=alt.OverlayMarkDef(size=30))
            .encode(
                x=_week_axis(first, last),
                y=alt.Y(f"{measure}:Q", scale=_measure_scale(measure), axis=_measure_axis(measure)),
                color=scenario_colour,
                strokeDash=scenario_dash,
                tooltip=[
                    alt.Tooltip("scenario:N", title="Scenario"),
                    alt.Tooltip("week:Q", title=_WEEK),
                    alt.Tooltip(f"{measure}:Q", title=name, format=".1f"),
                ],
            )
        )
        layers = [_severity_bands_on_y(), lines] if measure == "phq9" else [lines]
        panels.append(alt.layer(*layers).properties(width=_PANEL_WIDTH, height=_PANEL_HEIGHT))

    finals = [frame.iloc[-1] for frame in scenarios]
    outcomes = "; ".join(
        f"{label}, pain {final['pain']:.1f} and PHQ-9 {_phq9_words(final['phq9'])}"
        for label, final in zip(labels, finals, strict=True)
    )
    description = f"Two scenarios from week {first} to week {last}. At week {last}: {outcomes}."
    return (
        alt.vconcat(*panels, spacing=16)
        .resolve_scale(color="shared", strokeDash="shared")
        .properties(
            title=alt.Title(title, subtitle=f"{labels[0]} and {labels[1]}, typical patient"),
            description=description,
        )
    )


# --------------------------------------------------------------------------- tornado
def _lever_label(lever: str, low: float, high: float) -> str:
    field = SCENARIO_FIELDS.get(lever)
    if field is None:
        return f"{lever} ({low:g} to {high:g})"
    return f"{field.label} ({low:g} to {high:g} {field.unit})"


def tornado_chart(
    sensitivity: pd.DataFrame,
    reference_outcome: float,
    *,
    outcome: str = "PHQ-9 at the last week",
    title: str = "Which lever matters most?",
) -> alt.LayerChart:
    """Tornado chart: how far each lever, moved alone, shifts an outcome.

    One row per lever, the widest swing on top. From the reference outcome (the
    scenario as it stands, a vertical line) one bar runs to the outcome with the lever
    at its low value and one to the outcome with the lever at its high value; the lever
    values are printed at the bar ends.

    Parameters
    ----------
    sensitivity : pandas.DataFrame
        One row per lever, as from ``model.sensitivity``: columns ``lever`` (a scenario
        field such as ``sleep_hours``, shown with its plain label and unit, or any text),
        ``low`` and ``high`` (the lever values tried) and ``outcome_low`` and
        ``outcome_high`` (the outcome at each).
    reference_outcome : float
        The outcome with every lever at its scenario value.
    outcome : str, default "PHQ-9 at the last week"
        What the outcome is, for the axis and the description.
    title : str, default "Which lever matters most?"
        Chart title.

    Returns
    -------
    altair.LayerChart
        Bars, the reference line and the lever-value labels.

    Raises
    ------
    ValueError
        If a column is missing, a value is not a finite number, a lever appears twice,
        `reference_outcome` is not a finite number or `outcome` is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> levers = pd.DataFrame({
    ...     "lever": ["crp_mg_l", "sleep_hours"], "low": [0.5, 4.0], "high": [10.0, 9.0],
    ...     "outcome_low": [11.5, 15.2], "outcome_high": [13.9, 10.1]})
    >>> spec = tornado_chart(levers, reference_outcome=12.0).to_dict()
    >>> spec["layer"][0]["encoding"]["y"]["sort"][0]
    'Sleep (4 to 9 hours per night)'
    """
    columns = ["lever", "low", "high", "outcome_low", "outcome_high"]
    _check_frame(sensitivity, "sensitivity", columns)
    _check_numbers(sensitivity, "sensitivity", columns[1:], -math.inf, math.inf)
    if sensitivity["lever"].duplicated().any():
        raise ValueError("sensitivity has more than one row for the same lever")
    if (
        not isinstance(reference_outcome, numbers.Real)
        or isinstance(reference_outcome, bool)
        or not math.isfinite(reference_outcome)
    ):
        raise ValueError(f"reference_outcome must be a finite number, got {reference_outcome!r}")
    outcome = _check_text(outcome, "outcome")
    title = _check_text(title, "title")

    rows = sensitivity.assign(
        label=[
            _lever_label(str(lever), low, high)
            for lever, low, high in sensitivity[["lever", "low", "high"]].itertuples(index=False)
        ],
        swing=(sensitivity["outcome_high"] - sensitivity["outcome_low"]).abs(),
    ).sort_values("swing", ascending=False, kind="stable")
    order = rows["label"].tolist()
    bars = pd.DataFrame(
        {
            "label": np.repeat(rows["label"].to_numpy(), 2),
            "setting": list(_SETTINGS) * len(rows),
            "lever_value": rows[["low", "high"]].to_numpy(dtype=float).ravel(),
            "outcome": rows[["outcome_low", "outcome_high"]].to_numpy(dtype=float).ravel(),
            "swing": np.repeat(rows["swing"].to_numpy(dtype=float), 2),
        }
    ).assign(
        reference=float(reference_outcome),
        setting_label=lambda frame: frame["setting"].map(_SETTING_LABELS),
        value_text=lambda frame: frame["lever_value"].map("{:g}".format),
    )
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x_title = f"{outcome} (line: reference {reference_outcome:.1f})"
    base = alt.Chart(bars)
    bar_layer = base.mark_bar(height={"band": 0.7}).encode(
        x=alt.X("reference:Q", title=x_title, scale=alt.Scale(zero=False, nice=True)),
        x2="outcome:Q",
        y=y,
        color=alt.Color(
            "setting_label:N",
            title=None,
            scale=alt.Scale(domain=[_SETTING_LABELS[setting] for setting in _SETTINGS]),
        ),
        tooltip=[
            alt.Tooltip("label:N", title="Lever"),
            alt.Tooltip("setting_label:N", title="Setting"),
            alt.Tooltip("lever_value:Q", title="Lever value", format="g"),
            alt.Tooltip("outcome:Q", title=outcome, format=".1f"),
            alt.Tooltip("swing:Q", title="Swing (high vs low)", format=".1f"),
        ],
    )
    value_labels = [
        base.mark_text(align=align, dx=dx, baseline="middle")
        .encode(x="outcome:Q", y=y, text="value_text:N")
        .transform_filter(f"datum.outcome {comparison} datum.reference")
        for align, dx, comparison in (("left", 4, ">="), ("right", -4, "<"))
    ]
    reference_rule = (
        alt.Chart(pd.DataFrame({"reference": [float(reference_outcome)]}))
        .mark_rule(color="#222222", strokeWidth=2)
        .encode(x="reference:Q")
    )
    return alt.layer(bar_layer, *value_labels, reference_rule).properties(
        width=_PANEL_WIDTH,
        height={"step": 36},
        title=alt.Title(
            title, subtitle=f"Each lever moved alone; widest swing in {outcome} on top"
        ),
        description=_tornado_description(rows, reference_outcome, outcome),
    )


def _tornado_description(rows: pd.DataFrame, reference: float, outcome: str) -> str:
    parts = [
        f"{row.label}: {row.outcome_low:.1f} at {row.low:g}, {row.outcome_high:.1f} at "
        f"{row.high:g}, a swing of {row.swing:.1f}"
        for row in rows.itertuples(index=False)
    ]
    return (
        f"Tornado chart of {outcome}, reference {reference:.1f}, levers from widest to "
        f"narrowest swing. " + "; ".join(parts) + "."
    )


# --------------------------------------------------------------------------- cohort
def cohort_distribution_chart(
    cohort: pd.DataFrame,
    week: int,
    measure: str = "phq9",
    *,
    title: str | None = None,
) -> alt.LayerChart:
    """How pain or PHQ-9 is spread across a simulated cohort at one week.

    A histogram of patients by whole-number score (each patient's score rounded, halves
    up), with the median marked. For PHQ-9 the severity bands are shaded behind the bars,
    and the description gives the share at 10 or more, the usual screening threshold for
    major depression. Counts are computed here, so even a cohort of 100,000 patients
    makes a small chart.

    Parameters
    ----------
    cohort : pandas.DataFrame
        One row per patient and week, as from ``model.simulate_cohort``: columns
        ``patient``, ``week``, ``pain`` (0-10) and ``phq9`` (0-27).
    week : int
        The week to show; must be present in `cohort`.
    measure : {"phq9", "pain"}, default "phq9"
        Which score to show.
    title : str, optional
        Chart title; by default "PHQ-9 at week N" or "Pain at week N".

    Returns
    -------
    altair.LayerChart
        Bars and median line (over the severity bands, for PHQ-9).

    Raises
    ------
    ValueError
        If a column is missing, a score is outside its scale, `measure` is unknown or
        `week` is not in `cohort`.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-613 (PHQ-9 of
    10 or more: sensitivity and specificity 88% for major depression).

    Examples
    --------
    >>> import pandas as pd
    >>> cohort = pd.DataFrame({"patient": [1, 2, 3, 4], "week": [12] * 4,
    ...                        "pain": [3.0, 5.5, 6.2, 8.0], "phq9": [4.0, 9.6, 12.0, 21.0]})
    >>> print(cohort_distribution_chart(cohort, week=12).to_dict()["description"])
    PHQ-9 at week 12 across 4 simulated patients: median 11 (10-90%: 6 to 18); 3 of 4 (75%)
    at 10 or more, the screening threshold for major depression.
    """
    _check_frame(cohort, "cohort", ["patient", "week", "pain", "phq9"])
    _check_numbers(cohort, "cohort", ["week"], 0, math.inf)
    _check_numbers(cohort, "cohort", ["pain"], 0, PAIN_MAX)
    _check_numbers(cohort, "cohort", ["phq9"], 0, PHQ9_MAX)
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_MEASURES)}, got {measure!r}")
    week = _check_whole(week, "week", 0, math.inf)
    weeks = cohort["week"]
    if not (weeks == week).any():
        raise ValueError(
            f"week {week} is not in cohort, which covers weeks {int(weeks.min())} to "
            f"{int(weeks.max())}"
        )
    name, top, _ = _MEASURES[measure]
    title = _check_text(f"{name} at week {week}" if title is None else title, "title")

    scores = cohort.loc[weeks == week, measure].to_numpy(dtype=float)
    whole = np.floor(scores + 0.5).astype(int)
    counts = np.bincount(whole, minlength=top + 1)
    bins = pd.DataFrame(
        {
            "score": np.arange(top + 1),
            "bin_start": np.arange(top + 1) - 0.5,
            "bin_end": np.arange(top + 1) + 0.5,
            "patients": counts,
        }
    )
    p10, median, p90 = np.percentile(scores, [10, 50, 90])
    x_scale = alt.Scale(domain=[-0.5, top + 0.5], nice=False)
    x_axis = _measure_axis(measure, ", rounded")
    bars = (
        alt.Chart(bins)
        .mark_bar(color=MEASURE_COLOURS[measure], stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("bin_start:Q", scale=x_scale, axis=x_axis),
            x2="bin_end:Q",
            # headroom above the tallest bar for the band labels
            y=alt.Y(
                "patients:Q", title="Patients", scale=alt.Scale(domainMax=float(counts.max()) * 1.3)
            ),
            y2=alt.datum(0),
            tooltip=[
                alt.Tooltip("score:Q", title=name),
                alt.Tooltip("patients:Q", title="Patients"),
            ],
        )
    )
    median_text = f"{median:.1f}" if measure == "pain" else str(_whole(median))
    layers: list[alt.Chart | alt.LayerChart] = []
    if measure == "phq9":
        bands = alt.Chart(_severity_band_frame(-0.5, top + 0.5))
        layers += [
            bands.mark_rect().encode(
                x=alt.X("band_start:Q", scale=x_scale, axis=x_axis),
                x2="band_end:Q",
                color=alt.Color("shade:N", scale=None),
                tooltip=[
                    alt.Tooltip("band:N", title="PHQ-9 severity"),
                    alt.Tooltip("range:N", title="Total"),
                ],
            ),
            bands.mark_text(baseline="top", dy=4, color="#444444", lineBreak=" ")
            .encode(x="band_middle:Q", y=alt.value(0), text="band:N")
            .transform_calculate(band_middle="(datum.band_start + datum.band_end) / 2"),
        ]
    layers += [
        bars,
        alt.Chart(pd.DataFrame({"median": [median]}))
        .mark_rule(color="#222222", strokeWidth=2, strokeDash=[6, 3])
        .encode(x="median:Q", tooltip=[alt.Tooltip("median:Q", title="Median", format=".1f")]),
    ]
    patients = len(scores)
    if measure == "pain":
        spread = f"median {median:.1f} (10-90%: {p10:.1f} to {p90:.1f})"
        extra = ""
    else:
        spread = f"median {_whole(median)} (10-90%: {_whole(p10)} to {_whole(p90)})"
        screened = int((whole >= PHQ9_SEVERITY_BANDS[2].lowest).sum())
        extra = (
            f"; {screened} of {patients} ({screened / patients:.0%}) at "
            f"{PHQ9_SEVERITY_BANDS[2].lowest} or more, the screening threshold for major "
            f"depression"
        )
    return alt.layer(*layers).properties(
        width=_PANEL_WIDTH,
        height=_PANEL_HEIGHT,
        title=alt.Title(
            title,
            subtitle=f"{patients} simulated patients by whole-number score; "
            f"dashed line: median {median_text}",
        ),
        description=f"{name} at week {week} across {patients} simulated patients: {spread}{extra}.",
    )


# --------------------------------------------------------------------------- feedback loop
_NODE_RADIUS = 1.15
_PIXELS_PER_UNIT = 40
_DIAGRAM_UNITS = (15, 10)
_LANE_OFFSET = 0.3
_LABEL_OFFSET = 0.42
_ARROW_HEAD = 0.2
_LABEL_ALONG = 0.6


def vicious_cycle_nodes() -> pd.DataFrame:
    """Nodes of the vicious-cycle diagram: pain and the three things it feeds.

    Returns
    -------
    pandas.DataFrame
        Columns ``node`` (key), ``label`` (shown), ``x`` and ``y`` (position, 0-15
        across, 0-10 up) and ``colour`` (outline).

    Examples
    --------
    >>> vicious_cycle_nodes()["node"].tolist()
    ['pain', 'sleep', 'activity', 'mood']
    """
    return pd.DataFrame(
        {
            "node": ["pain", "sleep", "activity", "mood"],
            "label": ["Pain", "Poor sleep", "Less activity", "Low mood"],
            "x": [2.5, 12.5, 12.5, 12.5],
            "y": [5.0, 8.7, 5.0, 1.3],
            "colour": [
                MEASURE_COLOURS["pain"],
                OKABE_ITO["bluish green"],
                OKABE_ITO["reddish purple"],
                MEASURE_COLOURS["phq9"],
            ],
        }
    )


def vicious_cycle_links() -> pd.DataFrame:
    """Links of the vicious-cycle diagram: pain feeds each node and each feeds pain.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` and ``target`` (node keys), ``label`` (a few words on the
        arrow) and ``explanation`` (a sentence with its source, for the tooltip).

    References
    ----------
    Afolalu EF, Ramlee F, Tang NKY. Effects of sleep changes on pain-related health
    outcomes in the general population: a systematic review of longitudinal studies with
    exploratory meta-analysis. Sleep Med Rev 2018;39:82-97.

    Vlaeyen JWS, Linton SJ. Fear-avoidance and its consequences in chronic
    musculoskeletal pain: a state of the art. Pain 2000;85:317-332.

    Sharp J, Harvey A. Chronic pain and posttraumatic stress disorder: mutual
    maintenance? Clin Psychol Rev 2001;21:857-877.

    Bair MJ, Robinson RL, Katon W, Kroenke K. Depression and pain comorbidity: a
    literature review. Arch Intern Med 2003;163:2433-2445.

    Examples
    --------
    >>> links = vicious_cycle_links()
    >>> links.loc[0, ["source", "target"]].tolist()
    ['pain', 'sleep']
    """
    return pd.DataFrame(
        {
            "source": ["pain", "sleep", "pain", "activity", "pain", "mood"],
            "target": ["sleep", "pain", "activity", "pain", "mood", "pain"],
            "label": [
                "wakes you at night",
                "lowers pain tolerance",
                "fear of moving",
                "deconditioning",
                "wears mood down",
                "amplifies pain",
            ],
            "explanation": [
                "Pain makes it hard to fall or stay asleep.",
                "Poor sleep predicts new or worse pain, 2-3 times as often "
                "(Afolalu et al., Sleep Med Rev 2018).",
                "Fear of pain leads to avoiding movement (Vlaeyen & Linton, Pain 2000).",
                "Disuse and deconditioning bring more pain and disability "
                "(Vlaeyen & Linton, Pain 2000).",
                "Persistent pain brings distress and depression (Bair et al., Arch Intern "
                "Med 2003).",
                "Depression lowers the threshold for pain and keeps it going (mutual "
                "maintenance: Sharp & Harvey, Clin Psychol Rev 2001).",
            ],
        }
    )


def _arrow_frame(nodes: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Arrow geometry: shafts trimmed to the node circles, offset into lanes.

    Each arrow is shifted to its own right, so the arrows of a pair (a to b, b to a)
    run side by side, and its label sits further out on the same side, part of the way
    from the end with more links (where arrows crowd) to the other end.
    """
    at = nodes.set_index("node")
    links_per_node = pd.concat([links["source"], links["target"]]).value_counts()
    rows = []
    for link in links.itertuples(index=False):
        x0, y0 = at.loc[link.source, ["x", "y"]].astype(float)
        x1, y1 = at.loc[link.target, ["x", "y"]].astype(float)
        length = math.hypot(x1 - x0, y1 - y0)
        if length < 2 * _NODE_RADIUS + 2 * _ARROW_HEAD:
            raise ValueError(
                f"nodes {link.source} and {link.target} are too close to draw an arrow "
                f"between them (at least {2 * _NODE_RADIUS + 2 * _ARROW_HEAD:g} apart)"
            )
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        rx, ry = uy, -ux  # the arrow's right-hand side (y points up)
        trim = math.sqrt(_NODE_RADIUS**2 - _LANE_OFFSET**2)
        start_x = x0 + ux * trim + rx * _LANE_OFFSET
        start_y = y0 + uy * trim + ry * _LANE_OFFSET
        tip_x = x1 - ux * trim + rx * _LANE_OFFSET
        tip_y = y1 - uy * trim + ry * _LANE_OFFSET
        crowded_at_source = links_per_node[link.source] >= links_per_node[link.target]
        along = _LABEL_ALONG if crowded_at_source else 1 - _LABEL_ALONG
        rows.append(
            {
                "source": link.source,
                "target": link.target,
                "label": link.label,
                "explanation": link.explanation,
                "x": start_x,
                "y": start_y,
                "x2": tip_x - ux * _ARROW_HEAD,
                "y2": tip_y - uy * _ARROW_HEAD,
                "head_x": tip_x - ux * _ARROW_HEAD,
                "head_y": tip_y - uy * _ARROW_HEAD,
                "angle": math.degrees(math.atan2(ux, uy)) % 360,
                "label_x": start_x + (tip_x - start_x) * along + rx * _LABEL_OFFSET,
                "label_y": start_y + (tip_y - start_y) * along + ry * _LABEL_OFFSET,
                "label_angle": _reading_angle(ux, uy),
            }
        )
    return pd.DataFrame(rows)


def _reading_angle(ux: float, uy: float) -> float:
    """Text angle (degrees, clockwise on screen) along a direction, never upside down."""
    angle = -math.degrees(math.atan2(uy, ux))
    if angle > 90:
        angle -= 180
    elif angle < -90:
        angle += 180
    return angle


def feedback_loop_chart(
    nodes: pd.DataFrame | None = None,
    links: pd.DataFrame | None = None,
    *,
    title: str = "The vicious cycle",
) -> alt.LayerChart:
    """Diagram of the loop: pain disturbs sleep, activity and mood, and each feeds pain.

    Nodes are circles with their label; each link is an arrow with a few words on it and
    a sentence with its source in the tooltip. Drawn with Altair marks from the
    positions in `nodes`, so it renders and exports like any other chart.

    Parameters
    ----------
    nodes : pandas.DataFrame, optional
        Columns ``node``, ``label``, ``x`` (0-15), ``y`` (0-10) and ``colour``; by
        default :func:`vicious_cycle_nodes`.
    links : pandas.DataFrame, optional
        Columns ``source``, ``target``, ``label`` and ``explanation``; by default
        :func:`vicious_cycle_links`.
    title : str, default "The vicious cycle"
        Chart title.

    Returns
    -------
    altair.LayerChart
        Arrows, arrow heads, labels and nodes.

    Raises
    ------
    ValueError
        If a column is missing, a position is off the drawing, a node key repeats, a link
        names an unknown node or links a node to itself.

    Examples
    --------
    >>> spec = feedback_loop_chart().to_dict()
    >>> print(spec["description"])
    Feedback loop of Pain, Poor sleep, Less activity and Low mood. Pain leads to poor sleep:
    wakes you at night. Poor sleep leads to pain: lowers pain tolerance. Pain leads to less
    activity: fear of moving. Less activity leads to pain: deconditioning. Pain leads to low
    mood: wears mood down. Low mood leads to pain: amplifies pain.
    """
    nodes = vicious_cycle_nodes() if nodes is None else nodes
    links = vicious_cycle_links() if links is None else links
    _check_frame(nodes, "nodes", ["node", "label", "x", "y", "colour"])
    _check_numbers(nodes, "nodes", ["x"], 0, _DIAGRAM_UNITS[0])
    _check_numbers(nodes, "nodes", ["y"], 0, _DIAGRAM_UNITS[1])
    if nodes["node"].duplicated().any():
        raise ValueError("nodes has more than one row for the same node")
    _check_frame(links, "links", ["source", "target", "label", "explanation"])
    known = set(nodes["node"])
    unknown = sorted({str(name) for name in (*links["source"], *links["target"])} - known)
    if unknown:
        raise ValueError(f"links name unknown node(s) {', '.join(unknown)}")
    if (links["source"] == links["target"]).any():
        raise ValueError("links must join two different nodes")
    title = _check_text(title, "title")

    arrows = _arrow_frame(nodes, links)
    width, height = (units * _PIXELS_PER_UNIT for units in _DIAGRAM_UNITS)
    x_scale = alt.Scale(domain=[0, _DIAGRAM_UNITS[0]], nice=False, zero=False)
    y_scale = alt.Scale(domain=[0, _DIAGRAM_UNITS[1]], nice=False, zero=False)
    x = alt.X("x:Q", scale=x_scale, axis=None)
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    arrow_tooltip = [
        alt.Tooltip("label:N", title="Link"),
        alt.Tooltip("explanation:N", title="Why"),
    ]
    base = alt.Chart(arrows)
    shafts = base.mark_rule(color=_VISIT_COLOUR, strokeWidth=2.5).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", tooltip=arrow_tooltip
    )
    heads = base.mark_point(
        shape="triangle-up", filled=True, size=160, color=_VISIT_COLOUR, opacity=1
    ).encode(
        x=alt.X("head_x:Q", scale=x_scale, axis=None),
        y=alt.Y("head_y:Q", scale=y_scale, axis=None),
        angle=alt.Angle("angle:Q", scale=None),
        tooltip=arrow_tooltip,
    )
    arrow_labels = base.mark_text(baseline="middle", color="#333333").encode(
        x=alt.X("label_x:Q", scale=x_scale, axis=None),
        y=alt.Y("label_y:Q", scale=y_scale, axis=None),
        angle=alt.Angle("label_angle:Q", scale=None),
        text="label:N",
        tooltip=arrow_tooltip,
    )
    diameter = 2 * _NODE_RADIUS * _PIXELS_PER_UNIT
    circles = (
        alt.Chart(nodes)
        .mark_point(shape="circle", filled=True, fill="white", strokeWidth=4, opacity=1)
        .encode(
            x=x,
            y=y,
            size=alt.value(diameter**2),
            stroke=alt.Stroke("colour:N", scale=None),
            tooltip=[alt.Tooltip("label:N", title="")],
        )
    )
    node_labels = (
        alt.Chart(nodes)
        .mark_text(fontSize=14, fontWeight="bold", lineBreak=" ", baseline="middle")
        .encode(x=x, y=y, text="label:N")
    )
    label_of = dict(zip(nodes["node"], nodes["label"], strict=True))
    steps = [
        f"{label_of[link.source]} leads to {label_of[link.target].lower()}: {link.label}."
        for link in links.itertuples(index=False)
    ]
    description = f"Feedback loop of {listing(list(nodes['label']))}. " + " ".join(steps)
    return alt.layer(shafts, heads, arrow_labels, circles, node_labels).properties(
        width=width,
        height=height,
        title=alt.Title(title, subtitle="Each arrow feeds the next: the loop keeps itself going"),
        description=description,
    )


# --------------------------------------------------------------------------- overlap table
_OVERLAP_HEADINGS = {
    "aspect": "Aspect",
    "chronic_pain": "Chronic pain",
    "depression": "Depression",
    "source": "Sources",
}


def overlap_table_html(
    overlap: pd.DataFrame, *, caption: str = "Chronic pain and depression side by side"
) -> str:
    """The overlap of chronic pain and depression as an accessible HTML table.

    A real table, not a chart: a screen reader moves through it cell by cell and
    announces each cell's row and column headings, the long cells wrap to the screen, and
    it needs no JavaScript. Show it with ``ipywidgets.HTML(overlap_table_html(frame))``.
    Every cell is HTML-escaped.

    Parameters
    ----------
    overlap : pandas.DataFrame
        As in ``datasets/overlap.csv``: columns ``aspect``, ``chronic_pain`` and
        ``depression``, and optionally ``source`` (shown as a last column).
    caption : str, default "Chronic pain and depression side by side"
        The table's caption (its title).

    Returns
    -------
    str
        A ``<table>`` with a caption, column headings and one row heading per aspect.

    Raises
    ------
    ValueError
        If a column is missing or the caption is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"aspect": ["Duration"], "chronic_pain": ["> 3 months"],
    ...                      "depression": ["At least 2 weeks"]})
    >>> table = overlap_table_html(rows)
    >>> '>Duration</th>' in table, "&gt; 3 months" in table
    (True, True)
    """
    _check_frame(overlap, "overlap", ["aspect", "chronic_pain", "depression"])
    caption = _check_text(caption, "caption")
    columns = [column for column in _OVERLAP_HEADINGS if column in overlap.columns]
    cell_style = "border: 1px solid #767676; padding: 0.3em 0.5em; text-align: left"
    heading_cells = "".join(
        f'<th scope="col" style="{cell_style}">{_OVERLAP_HEADINGS[column]}</th>'
        for column in columns
    )
    body_rows = []
    for row in overlap[columns].itertuples(index=False):
        cells = [html.escape(str(value)) for value in row]
        body_rows.append(
            f'<tr><th scope="row" style="{cell_style}">{cells[0]}</th>'
            + "".join(f'<td style="{cell_style}">{cell}</td>' for cell in cells[1:])
            + "</tr>"
        )
    style = (
        "border-collapse: collapse; font-size: 14px; line-height: 1.4; max-width: 60em; "
        "color: #222222"
    )
    return (
        f'<table class="painmood-overlap" style="{style}">'
        f'<caption style="text-align: left; font-weight: bold; font-size: 16px; '
        f'padding-bottom: 0.4em">{html.escape(caption)}</caption>'
        f"<thead><tr>{heading_cells}</tr></thead>"
        f"<tbody>{''.join(body_rows)}</tbody></table>"
    )


# --------------------------------------------------------------------------- export
def _title_text(spec: dict) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    return " ".join(title) if isinstance(title, list) else str(title)


def save_chart(chart: alt.TopLevelMixin, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save a chart as a PNG or SVG file for slides, with no network access.

    The suffix of `path` decides the format. The chart is drawn by vl-convert, which
    fetches nothing from the internet (any external data URL is refused). An SVG gets
    the chart's title and description as ``<title>`` and ``<desc>``, its text
    alternative.

    Parameters
    ----------
    chart : altair chart
        Any chart from this module (or any Altair chart).
    path : str or pathlib.Path
        File to write, ending in ``.png`` or ``.svg`` (any case); its folder must exist.
    scale : float, default 2.0
        PNG only: pixels per chart pixel (2 suits high-resolution projectors).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValueError
        If the suffix is not ``.png`` or ``.svg``, or `scale` is not a positive number.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = save_chart(feedback_loop_chart(), Path(folder) / "loop.svg")
    ...     written.read_text().startswith("<svg")
    True
    >>> save_chart(feedback_loop_chart(), "loop.pdf")
    Traceback (most recent call last):
    ...
    ValueError: path must end in .png or .svg (the suffix decides the format), got 'loop.pdf'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise ValueError(
            f"path must end in {' or '.join(SAVE_FORMATS)} (the suffix decides the format), "
            f"got {str(path)!r}"
        )
    if (
        not isinstance(scale, numbers.Real)
        or isinstance(scale, bool)
        or not math.isfinite(scale)
        or scale <= 0
    ):
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    spec = chart.to_dict()
    version = "v" + ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    if suffix == ".png":
        path.write_bytes(
            vlc.vegalite_to_png(spec, vl_version=version, scale=float(scale), allowed_base_urls=[])
        )
        return path
    svg = vlc.vegalite_to_svg(spec, vl_version=version, allowed_base_urls=[])
    text_alternative = (
        f"<title>{html.escape(_title_text(spec))}</title>"
        f"<desc>{html.escape(str(spec.get('description', '')))}</desc>"
    )
    root_end = re.search(r"<svg\b[^>]*>", svg).end()
    path.write_text(svg[:root_end] + text_alternative + svg[root_end:], encoding="utf-8")
    return path
