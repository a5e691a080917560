"""Text alternatives of the painmood charts: what each chart shows, in plain sentences.

Every chart in :mod:`painmood_widgets.charts` carries a Vega-Lite ``description``, which
screen readers announce as the chart's label, and a subtitle that says what each line and
mark is. Both are written here, from the same numbers the chart draws: the trajectory
chart and the feedback loop in this module, the comparison charts in
:mod:`painmood_widgets.describe.compare`, from the reading helpers below. Scores are read
through :mod:`painmood_widgets.describe.readings` (a PHQ-9 total to whole points, halves
up, with its severity band; pain to one decimal); lists, plurals and figures come from
:mod:`painmood_widgets.wording`.

Pure text: pandas and numpy in, strings out; no chart library is imported, so a describer
can run where no chart is drawn. Educational, not diagnostic.

Examples
--------
>>> import pandas as pd
>>> patient = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.2], "phq9": [15.0, 9.0]})
>>> print(describe_trajectory(patient, visits=[4, 8, 12], visit_interval_weeks=4))
Typical patient, weeks 0 to 12: pain falls from 7.0 to 4.2 (0-10 scale); PHQ-9 falls from 15
(moderately severe) to 9 (mild). Re-evaluation visits every 4 weeks: weeks 4, 8 and 12.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

import pandas as pd

from painmood_widgets.describe.readings import pain_reading, phq9_reading
from painmood_widgets.scales import PAIN_MAX, PHQ9_MAX, phq9_severity
from painmood_widgets.wording import (
    in_sentence,
    listing,
    noun,
    number,
    plural,
)

__all__ = [
    "COURSE_COLUMNS",
    "MEASURE_NAMES",
    "MEASURE_TOPS",
    "check_columns",
    "check_measure",
    "describe_feedback_loop",
    "describe_trajectory",
    "first_and_last_rows",
    "phq9_words",
    "reading_text",
    "trajectory_legend",
]

MEASURE_NAMES = MappingProxyType({"pain": "Pain", "phq9": "PHQ-9"})
"""How each observable measure is named on an axis, in a tooltip and in a sentence."""

MEASURE_TOPS = MappingProxyType({"pain": PAIN_MAX, "phq9": PHQ9_MAX})
"""Top of each observable measure's scale (:mod:`painmood_widgets.scales`); every chart
axis runs from 0 to it."""


COURSE_COLUMNS = ("week", "pain", "phq9")
"""Columns of a course: the week and both scores."""


def check_columns(frame: object, name: str, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` if it is a DataFrame with ``columns`` and rows; else a ValueError."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {', '.join(missing)}")
    if frame.empty:
        raise ValueError(f"{name} has no rows")
    return frame


def check_measure(measure: object) -> str:
    """``measure`` if it is one of the observable measures, ``"pain"`` or ``"phq9"``.

    Raises
    ------
    ValueError
        Otherwise.

    Examples
    --------
    >>> check_measure("mood")
    Traceback (most recent call last):
    ...
    ValueError: measure must be one of pain, phq9, got 'mood'
    """
    if measure not in MEASURE_NAMES:
        raise ValueError(f"measure must be one of {', '.join(MEASURE_NAMES)}, got {measure!r}")
    return str(measure)


# --------------------------------------------------------------------------- readings
def reading_text(measure: str, value: float) -> str:
    """A model score as a sentence shows it: pain "4.2" (one decimal), PHQ-9 "11".

    Parameters
    ----------
    measure : {"pain", "phq9"}
        Which score.
    value : float
        The score, on its scale (0-10 or 0-27).

    Returns
    -------
    str
        The reading, halves rounded up.

    Raises
    ------
    ValueError
        If `measure` is unknown or `value` is off its scale.

    Examples
    --------
    >>> reading_text("pain", 4.25), reading_text("phq9", 10.5)
    ('4.3', '11')
    """
    if check_measure(measure) == "pain":
        return f"{pain_reading(value):.1f}"
    return str(phq9_reading(value))


def phq9_words(value: float) -> str:
    """'15 (moderately severe)': the whole total and its severity band."""
    total = phq9_reading(value)
    return f"{total} ({phq9_severity(total)})"


# --------------------------------------------------------------------------- trajectory
def _change(name: str, start: float, end: float, start_text: str, end_text: str) -> str:
    if start_text == end_text:
        return f"{name} stays at {start_text}"
    verb = "falls" if end < start else "rises"
    return f"{name} {verb} from {start_text} to {end_text}"


def first_and_last_rows(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[dict, dict]:
    """The values of ``columns`` in the first week of ``frame`` and in its last."""
    weeks = frame["week"].to_numpy()
    first, last = int(weeks.argmin()), int(weeks.argmax())
    values = {column: frame[column].to_numpy() for column in ("week", *columns)}
    return (
        {column: float(value[first]) for column, value in values.items()},
        {column: float(value[last]) for column, value in values.items()},
    )


def _course_changes(course: pd.DataFrame) -> tuple[str, str]:
    """How pain and PHQ-9 change from a course's first week to its last, in words."""
    start, end = first_and_last_rows(course, ("pain", "phq9"))
    pain = _change(
        "pain",
        start["pain"],
        end["pain"],
        reading_text("pain", start["pain"]),
        reading_text("pain", end["pain"]),
    )
    phq9 = _change(
        "PHQ-9", start["phq9"], end["phq9"], phq9_words(start["phq9"]), phq9_words(end["phq9"])
    )
    return pain, phq9


def _whose(observed_label: str | None) -> str:
    """'Maria's scores', or 'observed scores' when they have no label."""
    return "observed scores" if observed_label is None else f"{observed_label}'s scores"


def _weeks(weeks: Sequence[float]) -> str:
    """'week 12', 'weeks 0 and 12'."""
    return f"{noun(len(weeks), 'week')} {listing([str(int(week)) for week in weeks])}"


def describe_trajectory(
    patient: pd.DataFrame,
    cohort_summary: pd.DataFrame | None = None,
    *,
    visits: Sequence[int] = (),
    visit_interval_weeks: int | None = None,
    reference: pd.DataFrame | None = None,
    reference_label: str = "usual care",
    observed: pd.DataFrame | None = None,
    observed_label: str | None = None,
) -> str:
    """The text alternative of a trajectory chart: each course and mark, with its figures.

    Parameters
    ----------
    patient : pandas.DataFrame
        The typical patient: columns ``week``, ``pain`` (0-10) and ``phq9`` (0-27).
    cohort_summary : pandas.DataFrame, optional
        Cohort percentiles by week: ``week, pain_p10, pain_p90, phq9_p10, phq9_p90`` at
        least; the last week's 10-90% range is given.
    visits : sequence of int, default ()
        Weeks of the re-evaluation visits marked.
    visit_interval_weeks : int, optional
        The interval the visits fall at ("every 4 weeks"); None when they were given one
        by one ("at weeks 3 and 10").
    reference : pandas.DataFrame, optional
        A reference course (``week``, ``pain``, ``phq9``), drawn as a dash-dot line.
    reference_label : str, default "usual care"
        What the reference course is.
    observed : pandas.DataFrame, optional
        A patient's observed scores (``week``, ``pain``, ``phq9``), drawn as diamonds.
    observed_label : str, optional
        Whose scores they are.

    Returns
    -------
    str
        Sentences: the typical patient's change, then the cohort, the visits, the
        reference course and the observed scores when they are drawn.

    Raises
    ------
    ValueError
        If a DataFrame lacks a column or has no rows, or a score is off its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> patient = pd.DataFrame({"week": [0, 12], "pain": [7.0, 7.04], "phq9": [15.0, 20.5]})
    >>> maria = pd.DataFrame({"week": [12], "pain": [4.0], "phq9": [6.0]})
    >>> print(describe_trajectory(patient, visits=[3], observed=maria, observed_label="Maria"))
    Typical patient, weeks 0 to 12: pain stays at 7.0 (0-10 scale); PHQ-9 rises from 15
    (moderately severe) to 21 (severe). Re-evaluation visits at week 3. Diamonds, Maria's
    scores: week 12, pain 4 and PHQ-9 6 (mild).
    """
    patient = check_columns(patient, "patient", COURSE_COLUMNS)
    pain, phq9 = _course_changes(patient)
    first, last = int(patient["week"].min()), int(patient["week"].max())
    text = f"Typical patient, weeks {first} to {last}: {pain} (0-10 scale); {phq9}."
    if cohort_summary is not None:
        columns = ("week", "pain_p10", "pain_p90", "phq9_p10", "phq9_p90")
        summary = check_columns(cohort_summary, "cohort_summary", columns)
        _, final = first_and_last_rows(summary, columns[1:])
        text += (
            f" Shaded: 10-90% of simulated patients; at week {int(final['week'])} their pain "
            f"runs from {reading_text('pain', final['pain_p10'])} to "
            f"{reading_text('pain', final['pain_p90'])} and their PHQ-9 from "
            f"{phq9_reading(final['phq9_p10'])} to {phq9_reading(final['phq9_p90'])}."
        )
    if visits:
        when = (
            "at"
            if visit_interval_weeks is None
            else f"every {plural(visit_interval_weeks, 'week')}:"
        )
        text += f" Re-evaluation visits {when} {_weeks(visits)}."
    if reference is not None:
        pain, phq9 = _course_changes(check_columns(reference, "reference", COURSE_COLUMNS))
        text += f" Dash-dot line, {reference_label}: {pain}; {phq9}."
    if observed is not None:
        observed = check_columns(observed, "observed", COURSE_COLUMNS).sort_values("week")
        scores = "; ".join(
            f"week {int(row.week)}, pain {number(row.pain)} and PHQ-9 {phq9_words(row.phq9)}"
            for row in observed.itertuples(index=False)
        )
        text += f" Diamonds, {_whose(observed_label)}: {scores}."
    return text


def trajectory_legend(
    *,
    cohort: bool = False,
    visits: bool = False,
    reference_label: str | None = None,
    observed_weeks: Sequence[float] | None = None,
    observed_label: str | None = None,
) -> list[str]:
    """The subtitle of a trajectory chart: one sentence per line or mark drawn.

    Parameters
    ----------
    cohort : bool, default False
        Whether the cohort's 10-90% band and median are drawn.
    visits : bool, default False
        Whether re-evaluation visits are marked.
    reference_label : str, optional
        What the reference course is, when one is drawn.
    observed_weeks : sequence of float, optional
        Weeks of the observed scores, when they are drawn.
    observed_label : str, optional
        Whose the observed scores are.

    Returns
    -------
    list of str
        One legend sentence per subtitle line, so the legend wraps to the panels' width.

    Examples
    --------
    >>> trajectory_legend(reference_label="usual care", observed_weeks=[0, 12])
    ['Solid line: the typical patient.', 'Black dash-dot line: usual care.', 'Black \
diamonds: observed scores at weeks 0 and 12.']
    """
    legend = ["Solid line: the typical patient."]
    if cohort:
        legend.append("Shaded: 10-90% of simulated patients; dashed: their median.")
    if visits:
        legend.append("Dotted lines: re-evaluation visits.")
    if reference_label is not None:
        legend.append(f"Black dash-dot line: {reference_label}.")
    if observed_weeks is not None:
        legend.append(f"Black diamonds: {_whose(observed_label)} at {_weeks(observed_weeks)}.")
    return legend


# --------------------------------------------------------------------------- feedback loop
def describe_feedback_loop(nodes: pd.DataFrame, links: pd.DataFrame) -> str:
    """The text alternative of the feedback-loop diagram: its nodes, then each link.

    Parameters
    ----------
    nodes : pandas.DataFrame
        Columns ``node`` (key) and ``label`` (shown), in the order to name them.
    links : pandas.DataFrame
        Columns ``from_node`` and ``to_node`` (node keys) and ``label`` (the words on the
        arrow), as in ``datasets/vicious_cycle.csv``.

    Returns
    -------
    str
        "Feedback loop of ... . Pain leads to poor sleep: ... ."

    Raises
    ------
    ValueError
        If a column is missing or a link names a node that is not in `nodes`.

    Examples
    --------
    >>> import pandas as pd
    >>> nodes = pd.DataFrame({"node": ["pain", "sleep"], "label": ["Pain", "Poor sleep"]})
    >>> links = pd.DataFrame({"from_node": ["pain"], "to_node": ["sleep"],
    ...                       "label": ["wakes you at night"]})
    >>> describe_feedback_loop(nodes, links)
    'Feedback loop of Pain and Poor sleep. Pain leads to poor sleep: wakes you at night.'
    """
    nodes = check_columns(nodes, "nodes", ("node", "label"))
    links = check_columns(links, "links", ("from_node", "to_node", "label"))
    label_of = dict(zip(nodes["node"], nodes["label"], strict=True))
    unknown = sorted({*links["from_node"], *links["to_node"]} - set(label_of))
    if unknown:
        raise ValueError(f"links name unknown node(s) {', '.join(map(str, unknown))}")
    steps = [
        f"{label_of[link.from_node]} leads to {in_sentence(label_of[link.to_node])}: {link.label}."
        for link in links.itertuples(index=False)
    ]
    return f"Feedback loop of {listing(list(nodes['label']))}. " + " ".join(steps)
