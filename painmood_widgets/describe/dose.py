"""Describers of a dose-response curve: one lever swept, both scores, in plain sentences.

What :func:`painmood_widgets.model.dose_response` computes and
:func:`painmood_widgets.charts.dose_response_chart` draws, as a clinician would say it:
where each score is highest and lowest and by how much they differ, where more of the
lever helps, where it stops helping (a stretch the model leaves flat) and why (the
model's notes on that stretch, :func:`painmood_widgets.model.notes`). Every figure is
read from the curve itself; scores are read through
:mod:`painmood_widgets.describe.readings` (PHQ-9 to whole points with its severity band,
pain to one decimal). The curve's points are evenly spaced, so a bend between two of them
is named by the roundest value between them (7 hours, not 7.025).

Pure functions: pandas in, strings out; no widgets, no chart library. Educational, not
diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> curve = model.dose_response(model.Scenario(), "sleep_hours", week=12)
>>> print(describe_dose_response(curve))  # doctest: +ELLIPSIS
Sleep from 3 to 10 hours per night, typical patient at week 12: PHQ-9 is highest, 10
(moderate), at 3 hours per night and lowest, 8 (mild), from 7 to 10 hours per night, a swing
of 1.9 points; pain is highest, 5.8, at 3 hours per night and lowest, 4.4, from 7 to 10
hours per night, a swing of 1.4 points. More sleep lowers both scores steadily from 3 to 7
hours per night and changes neither score from 7 to 10 hours per night. 4 hours of sleep a
night: the studies compare short sleepers ... 8 hours of sleep a night: from 7 to 9 hours,
the normal range in the cohort studies, the model adds no effect on pain or mood. 10 hours
of sleep a night: long sleep goes with more depression ...
"""

from __future__ import annotations

import math
import numbers
from types import MappingProxyType

import numpy as np
import pandas as pd

from painmood_widgets import model
from painmood_widgets.describe.charts import (
    MEASURE_NAMES,
    MEASURE_TOPS,
    check_columns,
    phq9_words,
    reading_text,
)
from painmood_widgets.describe.simulator import describe_control
from painmood_widgets.wording import listing, plural, round_half_up

__all__ = [
    "DOSE_RESPONSE_COLUMNS",
    "LEVER_MORE",
    "check_dose_response",
    "describe_dose_marks",
    "describe_dose_point",
    "describe_dose_response",
]

DOSE_RESPONSE_COLUMNS = ("lever", "value", "week", "pain", "phq9", "reference")
"""Columns of a dose-response curve, as :func:`painmood_widgets.model.dose_response`
returns them."""

LEVER_MORE = MappingProxyType(
    {
        "sleep_hours": "more sleep",
        "activity_minutes": "more activity",
        "crp_mg_l": "a higher CRP",
        "opioid_days": "longer opioid use",
    }
)
"""How a sentence says "more of this lever", for each of :data:`painmood_widgets.model.LEVERS`."""

_FLAT = 1e-6
"""Points: two scores closer than this are the same score (the model adds nothing)."""

_HARDLY = 0.1
"""Points: a score that swings by less than this along the lever hardly moves."""

_STEADY = 0.6
"""A run bends when one half of it moves a score less than this share of the other half."""

# What a stretch of the curve does to (PHQ-9, pain), each falling (-1), flat (0) or rising (1).
_EFFECTS = MappingProxyType(
    {
        (0, 0): "changes neither score",
        (-1, -1): "lowers both scores",
        (1, 1): "raises both scores",
        (-1, 0): "lowers PHQ-9 only",
        (0, -1): "lowers pain only",
        (1, 0): "raises PHQ-9 only",
        (0, 1): "raises pain only",
        (-1, 1): "lowers PHQ-9 but raises pain",
        (1, -1): "raises PHQ-9 but lowers pain",
    }
)


# --------------------------------------------------------------------------- checks
def check_dose_response(frame: object) -> pd.DataFrame:
    """A dose-response curve, checked, in increasing order of the lever's value.

    Parameters
    ----------
    frame : pandas.DataFrame
        As from :func:`painmood_widgets.model.dose_response`: the columns of
        :data:`DOSE_RESPONSE_COLUMNS`, two rows or more.

    Returns
    -------
    pandas.DataFrame
        The rows sorted by ``value``, index reset.

    Raises
    ------
    ValueError
        If a column is missing, the rows hold more than one lever, week or reference, the
        lever is not one of :data:`painmood_widgets.model.LEVERS`, a value repeats or lies
        outside the lever's range, or a score is off its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> curve = pd.DataFrame({"lever": "sleep", "value": [4.0, 7.0], "week": 12,
    ...                       "pain": [5.2, 4.4], "phq9": [9.6, 8.4], "reference": 7.0})
    >>> check_dose_response(curve)
    Traceback (most recent call last):
    ...
    ValueError: dose_response lever must be one of sleep_hours, activity_minutes, crp_mg_l, \
opioid_days; got 'sleep'
    """
    frame = check_columns(frame, "dose_response", DOSE_RESPONSE_COLUMNS)
    if len(frame) < 2:
        raise ValueError("dose_response needs at least two rows (lever values)")
    for column in ("lever", "week", "reference"):
        if frame[column].nunique(dropna=False) != 1:
            raise ValueError(f"dose_response must hold one {column} in every row")
    lever = frame["lever"].iloc[0]
    if lever not in model.LEVERS:
        raise ValueError(
            f"dose_response lever must be one of {', '.join(model.LEVERS)}; got {lever!r}"
        )
    spec = model.SCENARIO_FIELDS[lever]
    week = frame["week"].iloc[0]
    if isinstance(week, bool | np.bool_) or not isinstance(week, numbers.Integral) or week < 0:
        raise ValueError(f"dose_response week must be a whole number, 0 or more; got {week!r}")
    ranges = {
        "value": (spec.minimum, spec.maximum),
        "reference": (spec.minimum, spec.maximum),
        **{measure: (0, top) for measure, top in MEASURE_TOPS.items()},
    }
    for column, (low, high) in ranges.items():
        values = frame[column]
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            raise ValueError(f"dose_response column {column} must hold numbers")
        numbers_ = values.to_numpy(dtype=float)
        if not (np.isfinite(numbers_).all() and low <= numbers_.min() <= numbers_.max() <= high):
            raise ValueError(
                f"dose_response column {column} must hold numbers from {low:g} to {high:g}"
                + (f" ({spec.unit})" if column in ("value", "reference") else "")
            )
    if frame["value"].duplicated().any():
        raise ValueError("dose_response has more than one row for the same lever value")
    return frame.sort_values("value", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- where on the curve
def _roundest(low: float, high: float, anchor: float, whole: bool) -> float:
    """The roundest number from ``low`` to ``high`` (fewest digits), nearest ``anchor``.

    Examples
    --------
    >>> _roundest(6.85, 7.025, 7.025, False), _roundest(164, 182, 182, True)
    (7.0, 180.0)
    """
    low, high = min(low, high), max(low, high)
    top = max(abs(low), abs(high))
    if top == 0:
        return 0.0
    finest = 0 if whole else -4
    for exponent in range(math.floor(math.log10(top)), finest - 1, -1):
        unit = 10.0**exponent
        first, last = math.ceil(low / unit - 1e-9), math.floor(high / unit + 1e-9)
        if first <= last:
            steps = range(first, last + 1)
            return min((round(step * unit, 10) for step in steps), key=lambda v: abs(v - anchor))
    return float(anchor)


def _figure(value: float, whole: bool) -> str:
    """A lever value as a sentence gives it: whole days, else three significant figures."""
    return str(round(float(value))) if whole else f"{float(f'{value:.3g}'):g}"


class _Curve:
    """The lever values of a checked curve, and the words for points and stretches on it."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.lever = str(frame["lever"].iloc[0])
        self.spec = model.SCENARIO_FIELDS[self.lever]
        self.week = int(frame["week"].iloc[0])
        self.x = frame["value"].to_numpy(dtype=float)
        self.scores = {measure: frame[measure].to_numpy(dtype=float) for measure in MEASURE_NAMES}

    def at(self, index: int) -> str:
        return _figure(self.x[index], self.spec.whole)

    def low_edge(self, first: int) -> str:
        """Where a flat stretch starting at point ``first`` starts, in words (without unit).

        The point before it is off the stretch, so the bend lies between the two: it is
        named by the roundest value between them.
        """
        if first == 0:
            return self.at(first)
        bend = _roundest(self.x[first - 1], self.x[first], self.x[first], self.spec.whole)
        return _figure(bend, self.spec.whole)

    def high_edge(self, last: int) -> str:
        """Where a flat stretch ending at point ``last`` ends (see :meth:`low_edge`)."""
        if last == len(self.x) - 1:
            return self.at(last)
        bend = _roundest(self.x[last], self.x[last + 1], self.x[last], self.spec.whole)
        return _figure(bend, self.spec.whole)

    def stretch(self, low: str, high: str) -> str:
        return f"from {low} to {high} {self.spec.unit}"


def _run_around(values: np.ndarray, index: int) -> tuple[int, int]:
    """First and last point of the flat run of ``values`` that holds point ``index``."""
    first = last = index
    while first > 0 and abs(values[first - 1] - values[index]) <= _FLAT:
        first -= 1
    while last < len(values) - 1 and abs(values[last + 1] - values[index]) <= _FLAT:
        last += 1
    return first, last


def _where(curve: _Curve, values: np.ndarray, index: int) -> str:
    """Where a score takes its value at point ``index``: 'at 3 hours', 'from 7 to 10 hours'."""
    first, last = _run_around(values, index)
    if first == last:
        return f"at {curve.at(first)} {curve.spec.unit}"
    return curve.stretch(curve.low_edge(first), curve.high_edge(last))


def _reading(measure: str, value: float) -> str:
    return phq9_words(value) if measure == "phq9" else reading_text(measure, value)


def _score_part(curve: _Curve, measure: str) -> str:
    """'PHQ-9 is highest, 10 (moderate), at 3 hours and lowest, 8 (mild), from 7 to 10 hours'."""
    values = curve.scores[measure]
    name = MEASURE_NAMES[measure] if measure == "phq9" else "pain"
    highest, lowest = int(values.argmax()), int(values.argmin())
    swing = float(values[highest] - values[lowest])
    if swing <= _FLAT:
        return f"{name} stays at {_reading(measure, values[0])} throughout"
    if swing < _HARDLY:
        low, high = (_reading(measure, values[index]) for index in (lowest, highest))
        shown = f"{low} throughout" if low == high else f"{low} to {high}"
        return f"{name} hardly moves, {shown} (a swing of less than 0.1 points)"
    return (
        f"{name} is highest, {_reading(measure, values[highest])}, "
        f"{_where(curve, values, highest)} and lowest, {_reading(measure, values[lowest])}, "
        f"{_where(curve, values, lowest)}, a swing of {plural(round_half_up(swing, 1), 'point')}"
    )


# --------------------------------------------------------------------------- what more does
def _direction(step: float) -> int:
    return 0 if abs(step) <= _FLAT else (1 if step > 0 else -1)


def _runs(curve: _Curve) -> list[tuple[tuple[int, int], int, int]]:
    """Stretches of the curve doing one thing: ((PHQ-9, pain) directions, first, last point).

    A score that hardly moves along the whole lever (a swing under :data:`_HARDLY`) counts
    as flat throughout, so a stretch never "raises both scores" of which one hardly moves.
    """
    moving = {measure: np.ptp(curve.scores[measure]) >= _HARDLY for measure in ("phq9", "pain")}
    steps = [
        (_direction(phq9) if moving["phq9"] else 0, _direction(pain) if moving["pain"] else 0)
        for phq9, pain in zip(
            np.diff(curve.scores["phq9"]), np.diff(curve.scores["pain"]), strict=True
        )
    ]
    runs: list[tuple[tuple[int, int], int, int]] = []
    for interval, effect in enumerate(steps):
        if runs and runs[-1][0] == effect:
            runs[-1] = (effect, runs[-1][1], interval + 1)
        else:
            runs.append((effect, interval, interval + 1))
    return runs


def _bend(curve: _Curve, first: int, last: int) -> str:
    """'steadily', 'ever more slowly' or 'ever faster': how a run's two halves compare."""
    if last - first < 4:
        return ""
    middle = (first + last) // 2
    total = curve.scores["phq9"] + curve.scores["pain"]
    early, late = abs(total[middle] - total[first]), abs(total[last] - total[middle])
    if late < _STEADY * early:
        return "ever more slowly "
    if early < _STEADY * late:
        return "ever faster "
    return "steadily "


def _boundary(curve: _Curve, runs: list[tuple[tuple[int, int], int, int]], run: int) -> str:
    """Where stretch ``run`` ends and the next begins, in words (without unit).

    Next to a flat stretch, the bend lies in the moving stretch's interval beside it.
    """
    point = runs[run][2]
    if runs[run][0] == (0, 0):
        return curve.high_edge(point)
    if runs[run + 1][0] == (0, 0):
        return curve.low_edge(point)
    return curve.at(point)


def _shape(curve: _Curve) -> str:
    """'More sleep lowers both scores steadily from 3 to 7 hours and changes neither ...'."""
    runs = _runs(curve)
    edges = [
        curve.at(0),
        *(_boundary(curve, runs, run) for run in range(len(runs) - 1)),
        curve.at(len(curve.x) - 1),
    ]
    parts = []
    for run, (effect, first, last) in enumerate(runs):
        # a bend is read off the scores that move, and only when they move the same way
        bend = _bend(curve, first, last) if any(effect) and effect[0] * effect[1] >= 0 else ""
        parts.append(f"{_EFFECTS[effect]} {bend}{curve.stretch(edges[run], edges[run + 1])}")
    more = LEVER_MORE[curve.lever]
    return f"{more[0].upper()}{more[1:]} {listing(parts)}."


# --------------------------------------------------------------------------- why
def _notes_along(curve: _Curve) -> list[str]:
    """The model's notes on stretches of the lever, each once, with a value it holds at."""
    weeks = max(curve.week, 1)

    def texts_at(value: float) -> list[str]:
        setting = round(float(value)) if curve.spec.whole else float(value)
        scenario = model.Scenario(weeks=weeks, **{curve.lever: setting})
        return [
            note.text
            for note in model.notes(scenario)
            if note.control == curve.lever and note.low is not None
        ]

    where: dict[str, list[int]] = {}
    for index, value in enumerate(curve.x):
        for text in texts_at(value):
            where.setdefault(text, []).append(index)
    sentences = []
    for text, indices in where.items():
        low, high = curve.x[indices[0]], curve.x[indices[-1]]
        shown = _roundest(low, high, (low + high) / 2, curve.spec.whole)
        if text not in texts_at(shown):
            shown = low
        words = describe_control(curve.lever, int(shown) if curve.spec.whole else shown)
        sentences.append(f"{words[0].upper()}{words[1:]}: {text}.")
    return sentences


# --------------------------------------------------------------------------- describers
def describe_dose_response(frame: pd.DataFrame) -> str:
    """A dose-response curve in sentences: the two scores, where more helps, and why.

    First where each score is highest and lowest along the lever and how far apart
    (PHQ-9 read to whole points with its severity band, pain to one decimal, the swing to
    one decimal); then what going up the lever does, stretch by stretch (lowers both
    scores, changes neither, ...; "ever more slowly" when the second half of a stretch
    moves the scores less than 60% as much as the first); then the model's notes on the
    stretches of the lever it leaves flat or extrapolates
    (:func:`painmood_widgets.model.notes`), each with a value it holds at.

    Parameters
    ----------
    frame : pandas.DataFrame
        As from :func:`painmood_widgets.model.dose_response` (see
        :func:`check_dose_response`).

    Returns
    -------
    str
        Sentences.

    Raises
    ------
    ValueError
        As :func:`check_dose_response`.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> curve = model.dose_response(model.Scenario(), "activity_minutes")
    >>> print(describe_dose_response(curve))
    Moderate physical activity from 0 to 420 minutes per week, typical patient at week 12:
    PHQ-9 is highest, 9 (mild), at 0 minutes per week and lowest, 8 (mild), at 420 minutes
    per week, a swing of 1.2 points; pain is highest, 5.0, at 0 minutes per week and lowest,
    3.9, at 420 minutes per week, a swing of 1.1 points. More activity lowers both scores ever
    more slowly from 0 to 420 minutes per week. 300 minutes of moderate activity a week: above
    150 minutes a week the gains are smaller and less certain; the model extends the curve of
    the review.
    """
    curve = _Curve(check_dose_response(frame))
    head = (
        f"{curve.spec.label} from {curve.at(0)} to {curve.at(len(curve.x) - 1)} "
        f"{curve.spec.unit}, typical patient at week {curve.week}"
    )
    scores = "; ".join(_score_part(curve, measure) for measure in ("phq9", "pain"))
    if curve.week == 0:
        return (
            f"{head}: {scores}. At week 0 the scores are the starting ones: no lever has acted yet."
        )
    return " ".join([f"{head}: {scores}.", _shape(curve), *_notes_along(curve)])


def describe_dose_point(lever: str, value: float, pain: float, phq9: float, week: int) -> str:
    """Where the patient is on a dose-response curve now, in one sentence.

    Parameters
    ----------
    lever : str
        One of :data:`painmood_widgets.model.LEVERS`.
    value : float
        The lever's value now, in its range.
    pain, phq9 : float
        The typical patient's scores at `week` with the lever at `value`.
    week : int
        The week the scores are from.

    Returns
    -------
    str
        "Now: ...; at week 12, PHQ-9 ... and pain ...".

    Raises
    ------
    ValueError
        If the lever is unknown, the value out of its range, a score off its scale, or
        the week not a whole number.

    Examples
    --------
    >>> describe_dose_point("sleep_hours", 5, pain=5.03, phq9=9.26, week=12)
    'Now: 5 hours of sleep a night; at week 12, PHQ-9 9 (mild) and pain 5.0.'
    """
    if lever not in model.LEVERS:
        raise ValueError(f"lever must be one of {', '.join(model.LEVERS)}; got {lever!r}")
    if isinstance(week, bool | np.bool_) or not isinstance(week, numbers.Integral) or week < 0:
        raise ValueError(f"week must be a whole number, 0 or more; got {week!r}")
    return (
        f"Now: {describe_control(lever, value)}; at week {week}, PHQ-9 {phq9_words(phq9)} and "
        f"pain {reading_text('pain', pain)}."
    )


def describe_dose_marks(lever: str, reference: float, current: float | None = None) -> str:
    """What the vertical lines of a dose-response chart mark, in words.

    Parameters
    ----------
    lever : str
        One of :data:`painmood_widgets.model.LEVERS`.
    reference : float
        The lever's reference value (where it adds nothing).
    current : float, optional
        The lever's value now, when the chart marks it.

    Returns
    -------
    str
        One sentence per line drawn.

    Raises
    ------
    ValueError
        If the lever is unknown or a value is out of its range.

    Examples
    --------
    >>> describe_dose_marks("crp_mg_l", 1.0, 4.0)
    'Dash-dot vertical line: the reference lifestyle, C-reactive protein 1 milligram per \
litre. Solid vertical line: now, C-reactive protein 4 milligrams per litre.'
    """
    if lever not in model.LEVERS:
        raise ValueError(f"lever must be one of {', '.join(model.LEVERS)}; got {lever!r}")
    text = f"Dash-dot vertical line: the reference lifestyle, {describe_control(lever, reference)}."
    if current is not None:
        text += f" Solid vertical line: now, {describe_control(lever, current)}."
    return text
