"""Charts that compare: two scenarios, the levers of a scenario, the patients of a cohort.

- :func:`comparison_chart`: two scenarios' courses overlaid (scenario lines over the
  severity bands);
- :func:`tornado_chart`: how far each lever, moved alone, shifts an outcome;
- :func:`cohort_distribution_chart`: pain or PHQ-9 across a simulated cohort at one week.

Text alternatives come from :mod:`painmood_widgets.describe.charts`. Educational, not
diagnostic.

Examples
--------
>>> import pandas as pd
>>> usual = pd.DataFrame({"week": [0, 12], "pain": [7.0, 6.8], "phq9": [15.0, 14.6]})
>>> treated = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.1], "phq9": [15.0, 7.7]})
>>> comparison_chart(usual, treated).to_dict()["title"]["subtitle"]
'baseline and with treatment, typical patient'
"""

import math

import altair as alt
import numpy as np
import pandas as pd

from painmood_widgets.charts import encodings, layers
from painmood_widgets.charts.checks import (
    check_frame,
    check_numbers,
    check_real,
    check_text,
    check_whole,
    checked_course,
)
from painmood_widgets.describe.charts import (
    MEASURE_NAMES,
    MEASURE_TOPS,
    check_measure,
    reading_text,
)
from painmood_widgets.describe.compare import (
    describe_distribution,
    describe_scenarios,
    describe_tornado,
    levers_by_swing,
    patients_by_score,
)
from painmood_widgets.theme import MEASURE_COLOURS
from painmood_widgets.wording import plural

__all__ = ["cohort_distribution_chart", "comparison_chart", "tornado_chart"]

_SETTINGS = ("low", "high")
_SETTING_LABELS = {"low": "lever at its low value", "high": "lever at its high value"}


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
    colour (:func:`~painmood_widgets.charts.layers.scenario_lines`). The PHQ-9 panel
    shows the severity bands.

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
    courses = [
        checked_course(frame, name)
        for name, frame in (("trajectory_a", trajectory_a), ("trajectory_b", trajectory_b))
    ]
    if set(courses[0]["week"]) != set(courses[1]["week"]):
        raise ValueError("trajectory_a and trajectory_b must cover the same weeks")
    if (
        not isinstance(labels, tuple | list)
        or len(labels) != 2
        or not all(isinstance(label, str) and label.strip() for label in labels)
        or labels[0] == labels[1]
    ):
        raise ValueError(f"labels must be two different non-empty strings, got {labels!r}")
    title = check_text(title, "title")

    scenarios = dict(zip(labels, courses, strict=True))
    both = pd.concat(
        [course.assign(scenario=label) for label, course in scenarios.items()], ignore_index=True
    )
    weeks = (int(both["week"].min()), int(both["week"].max()))
    panels = []
    for measure in MEASURE_TOPS:
        lines = layers.scenario_lines(both, measure, labels=labels, weeks=weeks)
        panel = [layers.severity_bands(), lines] if measure == "phq9" else [lines]
        panels.append(
            alt.layer(*panel).properties(width=encodings.PANEL_WIDTH, height=encodings.PANEL_HEIGHT)
        )
    return (
        alt.vconcat(*panels, spacing=16)
        .resolve_scale(color="shared", strokeDash="shared")
        .properties(
            title=alt.Title(title, subtitle=f"{labels[0]} and {labels[1]}, typical patient"),
            description=describe_scenarios(scenarios),
        )
    )


# --------------------------------------------------------------------------- tornado
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
    check_frame(sensitivity, "sensitivity", columns)
    check_numbers(sensitivity, "sensitivity", columns[1:], -math.inf, math.inf)
    if sensitivity["lever"].duplicated().any():
        raise ValueError("sensitivity has more than one row for the same lever")
    reference = check_real(reference_outcome, "reference_outcome")
    outcome = check_text(outcome, "outcome")
    title = check_text(title, "title")

    rows = levers_by_swing(sensitivity)
    bars = pd.DataFrame(
        {
            "label": np.repeat(rows["label"].to_numpy(), 2),
            "setting": list(_SETTINGS) * len(rows),
            "lever_value": rows[["low", "high"]].to_numpy(dtype=float).ravel(),
            "outcome": rows[["outcome_low", "outcome_high"]].to_numpy(dtype=float).ravel(),
            "swing": np.repeat(rows["swing"].to_numpy(dtype=float), 2),
        }
    ).assign(
        reference=reference,
        setting_label=lambda frame: frame["setting"].map(_SETTING_LABELS),
        value_text=lambda frame: frame["lever_value"].map("{:g}".format),
    )
    y = alt.Y("label:N", sort=rows["label"].tolist(), title=None, axis=alt.Axis(labelLimit=320))
    base = alt.Chart(bars)
    bar_layer = base.mark_bar(height={"band": 0.7}).encode(
        x=alt.X(
            "reference:Q",
            title=f"{outcome} (line: reference {reference:.1f})",
            scale=alt.Scale(zero=False, nice=True),
        ),
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
        alt.Chart(pd.DataFrame({"reference": [reference]}))
        .mark_rule(color=encodings.TEXT_COLOUR, strokeWidth=2)
        .encode(x="reference:Q")
    )
    return alt.layer(bar_layer, *value_labels, reference_rule).properties(
        width=encodings.PANEL_WIDTH,
        height={"step": 36},
        title=alt.Title(
            title, subtitle=f"Each lever moved alone; widest swing in {outcome} on top"
        ),
        description=describe_tornado(sensitivity, reference, outcome),
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
    check_frame(cohort, "cohort", ["patient", "week", "pain", "phq9"])
    check_numbers(cohort, "cohort", ["week"], 0, math.inf)
    for score, top in MEASURE_TOPS.items():
        check_numbers(cohort, "cohort", [score], 0, top)
    measure = check_measure(measure)
    week = check_whole(week, "week", 0, math.inf)
    weeks = cohort["week"]
    if not (weeks == week).any():
        raise ValueError(
            f"week {week} is not in cohort, which covers weeks {int(weeks.min())} to "
            f"{int(weeks.max())}"
        )
    name = MEASURE_NAMES[measure]
    title = check_text(f"{name} at week {week}" if title is None else title, "title")

    scores = cohort.loc[weeks == week, measure].to_numpy(dtype=float)
    counts = patients_by_score(scores, measure)
    median = float(np.median(scores))
    chart = [layers.severity_bands(score_axis_on="x")] if measure == "phq9" else []
    chart += [_score_bars(counts, measure), _median_rule(median)]
    return alt.layer(*chart).properties(
        width=encodings.PANEL_WIDTH,
        height=encodings.PANEL_HEIGHT,
        title=alt.Title(
            title,
            subtitle=f"{plural(len(scores), 'simulated patient')} by whole-number score; "
            f"dashed line: median {reading_text(measure, median)}",
        ),
        description=describe_distribution(scores, week, measure),
    )


def _score_bars(counts: np.ndarray, measure: str) -> alt.Chart:
    """One bar per whole score, as high as the patients with that score."""
    scores = np.arange(len(counts))
    bins = pd.DataFrame(
        {"score": scores, "bin_start": scores - 0.5, "bin_end": scores + 0.5, "patients": counts}
    )
    return (
        alt.Chart(bins)
        .mark_bar(color=MEASURE_COLOURS[measure], stroke=encodings.BACKGROUND_COLOUR, strokeWidth=1)
        .encode(
            x=alt.X(
                "bin_start:Q",
                scale=encodings.histogram_scale(measure),
                axis=encodings.histogram_axis(measure),
            ),
            x2="bin_end:Q",
            # headroom above the tallest bar for the band labels
            y=alt.Y(
                "patients:Q", title="Patients", scale=alt.Scale(domainMax=float(counts.max()) * 1.3)
            ),
            y2=alt.datum(0),
            tooltip=[
                alt.Tooltip("score:Q", title=MEASURE_NAMES[measure]),
                alt.Tooltip("patients:Q", title="Patients"),
            ],
        )
    )


def _median_rule(median: float) -> alt.Chart:
    """The median, a dashed vertical line."""
    return (
        alt.Chart(pd.DataFrame({"median": [median]}))
        .mark_rule(color=encodings.TEXT_COLOUR, strokeWidth=2, strokeDash=[6, 3])
        .encode(x="median:Q", tooltip=[alt.Tooltip("median:Q", title="Median", format=".1f")])
    )
