"""Describers of a treatment plan: when the re-evaluation visits fall.

Educational, not diagnostic.
"""

from __future__ import annotations

import numbers

import numpy as np

from painmood_widgets.wording import listing, noun, plural

__all__ = ["describe_visits"]


def describe_visits(interval_weeks: int, weeks: int) -> str:
    """When the re-evaluation visits fall, as the trajectory chart marks them.

    Parameters
    ----------
    interval_weeks : int
        Weeks between visits (the guideline range is 4 to 6).
    weeks : int
        Weeks simulated; visits fall at ``interval_weeks, 2 * interval_weeks, ...`` up to
        it.

    Returns
    -------
    str
        One sentence.

    Raises
    ------
    ValueError
        If either is not a whole number of at least 1.

    Examples
    --------
    >>> describe_visits(6, 26)
    'Re-evaluation every 6 weeks: weeks 6, 12, 18 and 24.'
    >>> describe_visits(4, 3)
    'Re-evaluation every 4 weeks: no visit falls within the 3 weeks simulated.'
    """
    for name, value in (("interval_weeks", interval_weeks), ("weeks", weeks)):
        if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
            raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
    visits = [str(week) for week in range(interval_weeks, weeks + 1, interval_weeks)]
    head = f"Re-evaluation every {plural(interval_weeks, 'week')}"
    if not visits:
        return f"{head}: no visit falls within the {plural(weeks, 'week')} simulated."
    return f"{head}: {noun(len(visits), 'week')} {listing(visits)}."
