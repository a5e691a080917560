"""Input checks of the chart functions, each raising ``ValueError`` with a plain message.

A chart function checks its input at the top, so a learner passing the wrong table reads
what is wrong ("trajectory is missing column(s) phq9; it needs the columns week, pain,
phq9") instead of a Vega-Lite error in the browser. Scale tops come from
:mod:`painmood_widgets.scales`.

Examples
--------
>>> import pandas as pd
>>> checked_course(pd.DataFrame({"week": [4, 0], "pain": [6, 7], "phq9": [12, 15]}),
...                "trajectory")["week"].tolist()
[0.0, 4.0]
"""

import math
import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

from painmood_widgets.describe.charts import MEASURE_TOPS

__all__ = [
    "COURSE_COLUMNS",
    "check_frame",
    "check_numbers",
    "check_real",
    "check_text",
    "check_weeks",
    "check_whole",
    "checked_course",
]

COURSE_COLUMNS = ("week", "pain", "phq9")
"""Columns of a course of scores: the week, pain (0-10) and PHQ-9 (0-27)."""


def check_frame(frame: object, name: str, columns: Sequence[str]) -> None:
    """Check that ``frame`` is a non-empty DataFrame holding ``columns``.

    Raises
    ------
    ValueError
        If it is not a DataFrame, lacks a column (the message names it) or has no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> check_frame(pd.DataFrame({"week": [0]}), "visits", ["week", "visit"])
    Traceback (most recent call last):
    ...
    ValueError: visits is missing column(s) visit; it needs the columns week, visit
    """
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


def check_numbers(
    frame: pd.DataFrame, name: str, columns: Sequence[str], low: float, high: float
) -> None:
    """Check that ``columns`` of ``frame`` hold finite numbers from ``low`` to ``high``.

    Raises
    ------
    ValueError
        If a column holds text or booleans, a missing or infinite value, or a number
        outside the range.

    Examples
    --------
    >>> import pandas as pd
    >>> check_numbers(pd.DataFrame({"pain": [3, 11]}), "trajectory", ["pain"], 0, 10)
    Traceback (most recent call last):
    ...
    ValueError: trajectory column pain must stay from 0 to 10, got 3 to 11
    """
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


def check_weeks(frame: pd.DataFrame, name: str) -> None:
    """Check that the ``week`` column holds distinct whole weeks from 0.

    Raises
    ------
    ValueError
        If a week is negative, not whole, or appears twice.

    Examples
    --------
    >>> import pandas as pd
    >>> check_weeks(pd.DataFrame({"week": [0, 4, 4]}), "trajectory")
    Traceback (most recent call last):
    ...
    ValueError: trajectory has more than one row for the same week
    """
    check_numbers(frame, name, ["week"], 0, math.inf)
    weeks = frame["week"].to_numpy(dtype=float)
    if not np.all(weeks == np.round(weeks)):
        raise ValueError(f"{name} column week must hold whole weeks")
    if len(np.unique(weeks)) != len(weeks):
        raise ValueError(f"{name} has more than one row for the same week")


def check_whole(value: object, name: str, low: int, high: float) -> int:
    """``value`` as an int, if it is a whole number (not a bool) from ``low`` to ``high``.

    Raises
    ------
    ValueError
        Otherwise; the message gives the range (``high`` may be ``math.inf``).

    Examples
    --------
    >>> check_whole(6, "visit_interval_weeks", 4, 6)
    6
    >>> check_whole(4.5, "visit_interval_weeks", 4, 6)
    Traceback (most recent call last):
    ...
    ValueError: visit_interval_weeks must be a whole number from 4 to 6, got 4.5
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and low <= value <= high:
        return int(value)
    shown = repr(value) if isinstance(value, str | float | bool | None) else str(value)
    rule = f"from {low} to {high:g}" if math.isfinite(high) else f"of at least {low}"
    raise ValueError(f"{name} must be a whole number {rule}, got {shown}")


def check_real(value: object, name: str, *, positive: bool = False) -> float:
    """``value`` as a float, if it is a finite number (not a bool).

    With ``positive``, it must also be above 0.

    Raises
    ------
    ValueError
        Otherwise.

    Examples
    --------
    >>> check_real(12, "reference_outcome")
    12.0
    >>> check_real(0, "scale", positive=True)
    Traceback (most recent call last):
    ...
    ValueError: scale must be a positive number, got 0
    """
    if (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and (value > 0 or not positive)
    ):
        return float(value)
    rule = "a positive number" if positive else "a finite number"
    raise ValueError(f"{name} must be {rule}, got {value!r}")


def check_text(value: object, name: str) -> str:
    """``value`` if it is a string with more than blanks in it.

    Raises
    ------
    ValueError
        Otherwise.

    Examples
    --------
    >>> check_text(" ", "title")
    Traceback (most recent call last):
    ...
    ValueError: title must be a non-empty string, got ' '
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


def checked_course(frame: object, name: str) -> pd.DataFrame:
    """A course of scores, checked, as floats in week order.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``week`` (distinct whole weeks), ``pain`` (0-10) and ``phq9`` (0-27);
        other columns are dropped.
    name : str
        What the frame is, for the error messages.

    Returns
    -------
    pandas.DataFrame
        The three columns as floats, sorted by week.

    Raises
    ------
    ValueError
        If a column is missing, a week repeats or a score is outside its scale.

    Examples
    --------
    >>> import pandas as pd
    >>> checked_course(pd.DataFrame({"week": [0], "pain": [7], "phq9": [30]}), "observed")
    Traceback (most recent call last):
    ...
    ValueError: observed column phq9 must stay from 0 to 27, got 30 to 30
    """
    check_frame(frame, name, COURSE_COLUMNS)
    check_weeks(frame, name)
    for measure, top in MEASURE_TOPS.items():
        check_numbers(frame, name, [measure], 0, top)
    return frame[list(COURSE_COLUMNS)].astype(float).sort_values("week")
