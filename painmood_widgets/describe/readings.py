"""Readings: a model score as a clinician reads it, and the week an app describes.

A PHQ-9 total is read to whole points (halves up), pain to one decimal on the 0-10 scale;
every describer, chart text alternative and case sentence reads scores through here.
Scale tops come from :mod:`painmood_widgets.scales`. Pure functions. Educational, not
diagnostic.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

from painmood_widgets import model
from painmood_widgets.scales import PAIN_MAX, PHQ9_MAX
from painmood_widgets.wording import in_sentence, round_half_up

__all__ = [
    "SUMMARY_WEEK",
    "pain_reading",
    "phq9_reading",
    "summary_week",
    "treatment_names",
    "week_row",
]

SUMMARY_WEEK = 12
"""Week the apps describe: three months, when a treatment plan is usually judged."""


def _finite(value: object, name: str, highest: float) -> float:
    rule = f"{name} must be a number from 0 to {highest:g}"
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{rule}; got {value!r}")
    number = float(value)
    if not (math.isfinite(number) and 0 <= number <= highest):
        raise ValueError(f"{rule}; got {number:g}")
    return number


def phq9_reading(value: float) -> int:
    """A model PHQ-9 score as the whole total a clinician reads (halves rounded up).

    Parameters
    ----------
    value : float
        PHQ-9 score, 0 to 27 (the model's scores are continuous).

    Returns
    -------
    int
        The nearest whole total, 0 to 27.

    Raises
    ------
    ValueError
        If `value` is not a finite number from 0 to 27.

    Examples
    --------
    >>> phq9_reading(9.5), phq9_reading(9.49)
    (10, 9)
    """
    return int(round_half_up(_finite(value, "PHQ-9", PHQ9_MAX)))


def pain_reading(value: float) -> float:
    """A model pain score as read on the 0-10 scale: one decimal, halves rounded up.

    Parameters
    ----------
    value : float
        Pain intensity, 0 to 10.

    Returns
    -------
    float
        The score to one decimal.

    Raises
    ------
    ValueError
        If `value` is not a finite number from 0 to 10.

    Examples
    --------
    >>> pain_reading(4.75), pain_reading(4.749)
    (4.8, 4.7)
    """
    return round_half_up(_finite(value, "pain", PAIN_MAX), 1)


def summary_week(weeks: int) -> int:
    """The week an app describes: week 12, or the last week when fewer are simulated.

    Parameters
    ----------
    weeks : int
        Weeks simulated (1 or more).

    Returns
    -------
    int
        ``min(SUMMARY_WEEK, weeks)``.

    Examples
    --------
    >>> summary_week(26), summary_week(8)
    (12, 8)
    """
    return min(SUMMARY_WEEK, int(weeks))


def treatment_names(treatments: object) -> list[str]:
    """Plain names of treatments, in the model's order, for a sentence.

    Taken from :data:`painmood_widgets.model.TREATMENT_LABELS` (the label before its
    bracket), so a label changed there changes here too.

    Parameters
    ----------
    treatments : collection of str
        Names from :data:`painmood_widgets.model.TREATMENTS`.

    Returns
    -------
    list of str
        One name per treatment chosen.

    Raises
    ------
    ValueError
        If a name is not a treatment of the model.

    Examples
    --------
    >>> treatment_names({"cbt_i", "duloxetine"})
    ['duloxetine', 'CBT for insomnia']
    """
    chosen = model.Scenario(treatments=treatments).treatments
    names = []
    for name in model.TREATMENTS:
        if name in chosen:
            names.append(in_sentence(model.TREATMENT_LABELS[name].split(" (")[0]))
    return names


def week_row(frame: object, name: str, week: object, columns: tuple[str, ...]) -> pd.Series:
    """The one row of ``frame`` at ``week``, checked (a clear error names what is wrong)."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")
    missing = [column for column in ("week", *columns) if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {', '.join(missing)}")
    if isinstance(week, bool | np.bool_) or not isinstance(week, numbers.Integral):
        raise ValueError(f"week must be a whole number; got {week!r}")
    rows = frame.loc[frame["week"] == week]
    if len(rows) != 1:
        weeks = frame["week"]
        shown = f"{weeks.min():g} to {weeks.max():g}" if len(weeks) else "none"
        raise ValueError(f"week {week} must appear once in {name} (weeks {shown})")
    return rows.iloc[0]
