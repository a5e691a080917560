"""Text alternatives of the comparison charts: scenarios side by side, levers, a cohort.

What :mod:`painmood_widgets.charts.compare` draws, in sentences: where each scenario of a
comparison ends, which levers swing an outcome most (the tornado chart), and how a
simulated cohort's scores are spread (the histogram), with the share at the PHQ-9
screening threshold. Scores are read as in :mod:`painmood_widgets.describe.charts`.

Pure text: pandas and numpy in, strings out; no chart library. Educational, not
diagnostic.

Examples
--------
>>> print(describe_distribution([4.0, 9.6, 12.0, 15.2], 12))
PHQ-9 at week 12 across 4 simulated patients: median 11 (10-90%: 6 to 14); 3 of 4 (75%)
at 10 or more, the screening threshold for major depression.

A total of 9.6 reads as 10, as a PHQ-9 total is read, so it counts at the threshold.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from painmood_widgets.describe.charts import (
    COURSE_COLUMNS,
    MEASURE_NAMES,
    MEASURE_TOPS,
    check_columns,
    check_measure,
    first_and_last_rows,
    phq9_words,
    reading_text,
)
from painmood_widgets.model import SCENARIO_FIELDS
from painmood_widgets.scales import PHQ9_SEVERITY_BANDS
from painmood_widgets.wording import count_word, noun, number, plural, round_half_up

__all__ = [
    "SCREENING_THRESHOLD",
    "describe_distribution",
    "describe_scenarios",
    "describe_tornado",
    "lever_label",
    "levers_by_swing",
    "patients_by_score",
]

SCREENING_THRESHOLD = PHQ9_SEVERITY_BANDS[2].lowest
"""PHQ-9 of 10 or more, the lowest total of the moderate band: the usual screening
threshold for major depression (sensitivity and specificity 88%; Kroenke et al., J Gen
Intern Med 2001;16:606)."""


def patients_by_score(scores: Sequence[float] | np.ndarray, measure: str = "phq9") -> np.ndarray:
    """How many patients have each whole score.

    Each score is read halves up, as a PHQ-9 total is read
    (:func:`painmood_widgets.wording.round_half_up`).

    The scores are sorted once and the first one reading as each whole number is found by
    bisection, so a cohort of 100,000 patients is counted in milliseconds.

    Parameters
    ----------
    scores : sequence of float
        Scores on the measure's scale, such as one week of a simulated cohort.
    measure : {"phq9", "pain"}, default "phq9"
        Which score: PHQ-9 counts run 0 to 27, pain 0 to 10.

    Returns
    -------
    numpy.ndarray of int
        Patients with a whole score of 0, 1, ... up to the scale's top.

    Raises
    ------
    ValueError
        If `measure` is unknown, or a score is missing or off its scale.

    Examples
    --------
    >>> patients_by_score([9.49, 9.5, 9.9, 0.5], "pain").tolist()
    [0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2]
    """
    top = MEASURE_TOPS[check_measure(measure)]
    ordered = np.sort(np.asarray(scores, dtype=float))
    if ordered.size and not (np.isfinite(ordered).all() and 0 <= ordered[0] <= ordered[-1] <= top):
        raise ValueError(f"scores must be numbers from 0 to {top}")
    starts = [bisect_left(ordered, whole, key=round_half_up) for whole in range(top + 2)]
    return np.diff(starts)


def describe_scenarios(courses: Mapping[str, pd.DataFrame]) -> str:
    """The text alternative of a comparison chart: where each scenario ends.

    Parameters
    ----------
    courses : mapping of str to pandas.DataFrame
        Each scenario's name and its typical patient (``week``, ``pain``, ``phq9``), in
        the order the chart's legend lists them.

    Returns
    -------
    str
        The weeks shown, then each scenario's pain and PHQ-9 at the last week.

    Raises
    ------
    ValueError
        If there is no scenario, a DataFrame lacks a column or has no rows, or a score is
        off its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> usual = pd.DataFrame({"week": [0, 12], "pain": [7.0, 6.8], "phq9": [15.0, 14.6]})
    >>> treated = pd.DataFrame({"week": [0, 12], "pain": [7.0, 4.1], "phq9": [15.0, 7.7]})
    >>> print(describe_scenarios({"usual care": usual, "duloxetine": treated}))
    Two scenarios from week 0 to week 12. At week 12: usual care, pain 6.8 and PHQ-9 15
    (moderately severe); duloxetine, pain 4.1 and PHQ-9 8 (mild).
    """
    if not isinstance(courses, Mapping) or not courses:
        raise ValueError(f"courses must map scenario names to DataFrames, got {courses!r}")
    frames = {name: check_columns(frame, name, COURSE_COLUMNS) for name, frame in courses.items()}
    first = int(min(frame["week"].min() for frame in frames.values()))
    last = int(max(frame["week"].max() for frame in frames.values()))
    outcomes = []
    for name, frame in frames.items():
        _, final = first_and_last_rows(frame, ("pain", "phq9"))
        outcomes.append(
            f"{name}, pain {reading_text('pain', final['pain'])} and PHQ-9 "
            f"{phq9_words(final['phq9'])}"
        )
    scenarios = count_word(len(frames)).capitalize()
    return (
        f"{scenarios} {noun(len(frames), 'scenario')} from week {first} to week {last}. "
        f"At week {last}: {'; '.join(outcomes)}."
    )


def lever_label(lever: str, low: float, high: float) -> str:
    """A lever and the range it was moved over, as a tornado chart's row names it.

    Scenario fields are shown with their plain label and unit
    (:data:`painmood_widgets.model.SCENARIO_FIELDS`); any other text as it is.

    Examples
    --------
    >>> lever_label("sleep_hours", 4, 9), lever_label("stress", 0, 1)
    ('Sleep (4 to 9 hours per night)', 'stress (0 to 1)')
    """
    field = SCENARIO_FIELDS.get(lever)
    if field is None:
        return f"{lever} ({number(low)} to {number(high)})"
    return f"{field.label} ({number(low)} to {number(high)} {field.unit})"


def levers_by_swing(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """The levers of a sensitivity analysis, labelled, widest swing first.

    Parameters
    ----------
    sensitivity : pandas.DataFrame
        One row per lever, as from ``model.sensitivity``: columns ``lever``, ``low``,
        ``high``, ``outcome_low`` and ``outcome_high``.

    Returns
    -------
    pandas.DataFrame
        The rows with two more columns, ``label`` (:func:`lever_label`) and ``swing``
        (how far apart the two outcomes are), sorted by swing, widest first (ties keep
        their order).

    Raises
    ------
    ValueError
        If a column is missing or there are no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> levers = pd.DataFrame({"lever": ["crp_mg_l", "sleep_hours"], "low": [0.5, 4.0],
    ...                        "high": [10.0, 9.0], "outcome_low": [11.5, 15.2],
    ...                        "outcome_high": [13.9, 10.1]})
    >>> levers_by_swing(levers)["lever"].tolist()
    ['sleep_hours', 'crp_mg_l']
    """
    columns = ("lever", "low", "high", "outcome_low", "outcome_high")
    sensitivity = check_columns(sensitivity, "sensitivity", columns)
    labels = [
        lever_label(str(lever), low, high)
        for lever, low, high in sensitivity[["lever", "low", "high"]].itertuples(index=False)
    ]
    swing = (sensitivity["outcome_high"] - sensitivity["outcome_low"]).abs()
    rows = sensitivity.assign(label=labels, swing=swing)
    return rows.sort_values("swing", ascending=False, kind="stable")


def describe_tornado(sensitivity: pd.DataFrame, reference_outcome: float, outcome: str) -> str:
    """The text alternative of a tornado chart: each lever's two outcomes and its swing.

    Parameters
    ----------
    sensitivity : pandas.DataFrame
        As for :func:`levers_by_swing`.
    reference_outcome : float
        The outcome with every lever at its scenario value.
    outcome : str
        What the outcome is, such as "PHQ-9 at week 12".

    Returns
    -------
    str
        The levers from widest to narrowest swing, outcomes to one decimal.

    Raises
    ------
    ValueError
        As :func:`levers_by_swing`.

    Examples
    --------
    >>> import pandas as pd
    >>> levers = pd.DataFrame({"lever": ["sleep_hours"], "low": [4.0], "high": [9.0],
    ...                        "outcome_low": [15.2], "outcome_high": [10.1]})
    >>> print(describe_tornado(levers, 12.0, "PHQ-9 at week 12"))
    Tornado chart of PHQ-9 at week 12, reference 12.0, levers from widest to narrowest swing.
    Sleep (4 to 9 hours per night): 15.2 at 4, 10.1 at 9, a swing of 5.1.
    """
    parts = [
        f"{row.label}: {row.outcome_low:.1f} at {number(row.low)}, {row.outcome_high:.1f} at "
        f"{number(row.high)}, a swing of {row.swing:.1f}"
        for row in levers_by_swing(sensitivity).itertuples(index=False)
    ]
    return (
        f"Tornado chart of {outcome}, reference {reference_outcome:.1f}, levers from widest to "
        f"narrowest swing. " + "; ".join(parts) + "."
    )


def describe_distribution(
    scores: Sequence[float] | np.ndarray, week: int, measure: str = "phq9"
) -> str:
    """The text alternative of a cohort distribution: median and 10-90% range.

    For PHQ-9 it also says how many are at the screening threshold or above
    (:data:`SCREENING_THRESHOLD`, with its study).

    Parameters
    ----------
    scores : sequence of float
        Each simulated patient's score at `week` (0-10 for pain, 0-27 for PHQ-9).
    week : int
        The week the scores are from.
    measure : {"phq9", "pain"}, default "phq9"
        Which score.

    Returns
    -------
    str
        One sentence; PHQ-9 figures read to whole points, pain to one decimal.

    Raises
    ------
    ValueError
        If there is no score, `measure` is unknown or a percentile is off its scale.

    Examples
    --------
    >>> print(describe_distribution([4.0, 9.6, 12.0, 21.0], week=12))
    PHQ-9 at week 12 across 4 simulated patients: median 11 (10-90%: 6 to 18); 3 of 4 (75%)
    at 10 or more, the screening threshold for major depression.
    >>> describe_distribution([3.0, 5.5, 8.0], week=0, measure="pain")
    'Pain at week 0 across 3 simulated patients: median 5.5 (10-90%: 3.5 to 7.5).'
    """
    measure = check_measure(measure)
    values = np.asarray(scores, dtype=float)
    if values.size == 0:
        raise ValueError("scores has no values")
    p10, median, p90 = (
        reading_text(measure, value) for value in np.percentile(values, [10, 50, 90])
    )
    patients = values.size
    text = (
        f"{MEASURE_NAMES[measure]} at week {week} across {plural(patients, 'simulated patient')}: "
        f"median {median} (10-90%: {p10} to {p90})"
    )
    if measure == "phq9":
        screened = int(patients_by_score(values)[SCREENING_THRESHOLD:].sum())
        text += (
            f"; {screened} of {patients} ({screened / patients:.0%}) at {SCREENING_THRESHOLD} "
            f"or more, the screening threshold for major depression"
        )
    return f"{text}."
