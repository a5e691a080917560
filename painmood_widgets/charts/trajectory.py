"""The trajectory chart: pain and PHQ-9 week by week, assembled from the layers.

:func:`trajectory_chart` stacks a pain panel above a PHQ-9 panel, each a sum of layers
from :mod:`painmood_widgets.charts.layers` (severity bands, cohort band and median, the
typical patient's course, visit rules, a reference course, observed scores). Its layers
read their rows by name from the chart's top-level ``datasets``, under fixed names, so
the chart's layout never depends on its numbers. :func:`trajectory_data` computes those
data sets, the text alternative and a layout key without building a chart:
:class:`painmood_widgets.charts.live.LiveTrajectoryChart` swaps them into a chart widget
while the layout key stays the same.

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

from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from painmood_widgets import plan
from painmood_widgets.charts import encodings, layers
from painmood_widgets.charts.checks import (
    check_frame,
    check_numbers,
    check_text,
    check_weeks,
    check_whole,
    checked_course,
)
from painmood_widgets.describe.charts import MEASURE_TOPS, describe_trajectory, trajectory_legend
from painmood_widgets.model import SUMMARY_COLUMNS

__all__ = [
    "DATA_NAMES",
    "MONITORING_INTERVAL_WEEKS",
    "TrajectoryData",
    "spec_rows",
    "trajectory_chart",
    "trajectory_data",
]

MONITORING_INTERVAL_WEEKS = plan.monitoring_interval_weeks()
"""Shortest and longest interval between re-evaluation visits, in weeks: reassess pain
and mood every 4 to 6 weeks (ICSI depression guideline; an antidepressant should show
at least 25% improvement by 6 weeks on a therapeutic dose). Read from the evidence table
when the charts are imported; :func:`painmood_widgets.plan.monitoring_interval_weeks`
reads the active table, and is what :func:`trajectory_chart` checks against."""

DATA_NAMES = {
    "bands": "phq9_severity_bands",
    "patient": "typical_patient",
    "summary": "cohort_percentiles",
    "visits": "visits",
    "reference": "reference_course",
    "observed": "observed_scores",
}
"""The trajectory chart's data sets by part; fixed, so its layout never names numbers."""


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


def spec_rows(frame: pd.DataFrame) -> list[dict]:
    """The rows of `frame` exactly as Altair writes a DataFrame into a specification.

    Columns of finite floats, of integers or of text need no cleaning, and are turned
    into rows directly, several times faster than :func:`altair.utils.data.to_values`,
    which handles every other frame.

    Examples
    --------
    >>> import pandas as pd
    >>> spec_rows(pd.DataFrame({"week": [0.0], "who": ["Maria"]}))
    [{'week': 0.0, 'who': 'Maria'}]
    """
    plain = all(
        isinstance(dtype, np.dtype)
        and (
            (dtype == np.float64 and bool(np.isfinite(frame[column].to_numpy()).all()))
            or dtype == np.int64
            or (dtype.kind == "O" and all(isinstance(value, str) for value in frame[column]))
        )
        for column, dtype in frame.dtypes.items()
    )
    if plain and all(isinstance(column, str) for column in frame.columns):
        return frame.to_dict(orient="records")
    return alt.utils.data.to_values(frame)["values"]


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


def _visit_weeks(
    first: int, last: int, interval: int, visit_weeks: Sequence[int] | None
) -> list[int]:
    if visit_weeks is None:
        return list(plan.visit_weeks(interval, last, first))
    if isinstance(visit_weeks, str | bytes) or not isinstance(visit_weeks, Sequence):
        raise ValueError(
            f"visit_weeks must be a list of whole weeks, got a {type(visit_weeks).__name__}"
        )
    weeks = [check_whole(week, "each visit week", first, last) for week in visit_weeks]
    return sorted(set(weeks))


def _checked_summary(cohort_summary: object) -> pd.DataFrame:
    """A cohort summary, checked (percentiles on their scale, rising), in week order."""
    check_frame(cohort_summary, "cohort_summary", SUMMARY_COLUMNS)
    check_weeks(cohort_summary, "cohort_summary")
    for measure, top in MEASURE_TOPS.items():
        columns = [f"{measure}_p10", f"{measure}_p50", f"{measure}_p90"]
        check_numbers(cohort_summary, "cohort_summary", columns, 0, top)
        low, middle, high = (cohort_summary[column] for column in columns)
        if ((low > middle) | (middle > high)).any():
            raise ValueError(
                f"cohort_summary percentiles must rise: {measure}_p10 <= {measure}_p50 "
                f"<= {measure}_p90 in every row"
            )
    return cohort_summary[list(SUMMARY_COLUMNS)].astype(float).sort_values("week")


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
    patient = checked_course(trajectory, "trajectory")
    summary = None if cohort_summary is None else _checked_summary(cohort_summary)
    shortest, longest = plan.monitoring_interval_weeks()
    interval = check_whole(visit_interval_weeks, "visit_interval_weeks", shortest, longest)
    course = seen = None
    # the reference and the observed points carry a column naming them, for the tooltip
    if reference is not None:
        course = checked_course(reference, "reference")
        reference_label = check_text(reference_label, "reference_label")
        course = course.assign(scenario=reference_label)
    if observed is not None:
        seen = checked_course(observed, "observed")
        if observed_label is not None:
            observed_label = check_text(observed_label, "observed_label")
        seen = seen.assign(who=observed_label or "observed")
    title = check_text(title, "title")
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


def _trajectory_data(inputs: _TrajectoryInputs) -> TrajectoryData:
    frames = {
        DATA_NAMES["patient"]: inputs.patient,
        DATA_NAMES["summary"]: inputs.summary,
        DATA_NAMES["reference"]: inputs.course,
        DATA_NAMES["observed"]: inputs.seen,
    }
    datasets = {
        DATA_NAMES["bands"]: [dict(row) for row in layers.severity_band_rows()],
        **{name: spec_rows(frame) for name, frame in frames.items() if frame is not None},
    }
    if inputs.visits:
        datasets[DATA_NAMES["visits"]] = layers.visit_rows(inputs.visits)
    description = describe_trajectory(
        inputs.patient,
        inputs.summary,
        visits=inputs.visits,
        visit_interval_weeks=inputs.interval if inputs.visit_weeks is None else None,
        reference=inputs.course,
        reference_label=inputs.reference_label,
        observed=inputs.seen,
        observed_label=inputs.observed_label,
    )
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


def _named(part: str) -> alt.NamedData:
    """A trajectory chart's data set, read by name from the chart's ``datasets``."""
    return alt.NamedData(name=DATA_NAMES[part])


def _trajectory_panel(measure: str, inputs: _TrajectoryInputs) -> alt.LayerChart:
    """One panel of the trajectory chart: the sum of its layers, each reading by name."""
    weeks = (inputs.first, inputs.last)
    panel: list[alt.Chart | alt.LayerChart] = []
    if measure == "phq9":
        panel.append(layers.severity_bands(_named("bands")))
    if inputs.summary is not None:
        summary = _named("summary")
        panel.append(layers.cohort_band(summary, measure, weeks=weeks))
        panel.append(layers.cohort_median(summary, measure, weeks=weeks))
    panel.append(layers.course_line(_named("patient"), measure, weeks=weeks))
    if inputs.visits:
        panel.append(layers.visit_rules(_named("visits"), weeks=weeks))
    if inputs.course is not None:
        panel.append(layers.reference_course(_named("reference"), measure, weeks=weeks))
    if inputs.seen is not None:
        seen = _named("observed")
        panel.append(layers.observed_points(seen, measure, weeks=weeks))
        if inputs.observed_label is not None:
            last_seen = float(inputs.seen["week"].max())
            panel.append(layers.observed_label(seen, measure, at_week=last_seen, weeks=weeks))
    return alt.layer(*panel).properties(width=encodings.PANEL_WIDTH, height=encodings.PANEL_HEIGHT)


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
    is, and the description (the text alternative) gives their figures
    (:func:`painmood_widgets.describe.charts.describe_trajectory`). Each panel is a sum
    of the layers of :mod:`painmood_widgets.charts.layers`.

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
    legend = trajectory_legend(
        cohort=inputs.summary is not None,
        visits=bool(inputs.visits),
        reference_label=None if inputs.course is None else inputs.reference_label,
        observed_weeks=None if inputs.seen is None else inputs.seen["week"].tolist(),
        observed_label=inputs.observed_label,
    )
    panels = [_trajectory_panel(measure, inputs) for measure in MEASURE_TOPS]
    return alt.vconcat(*panels, spacing=16).properties(
        title=alt.Title(inputs.title, subtitle=legend),
        description=data.description,
        datasets=data.datasets,
    )


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
