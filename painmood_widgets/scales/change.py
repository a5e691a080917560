"""When a change in PHQ-9 or in pain matters: response, remission, clinically important.

PHQ-9: Löwe et al., Med Care 2004;42:1194. Pain: Farrar et al., Pain 2001;94:149 and
Dworkin et al., J Pain 2008;9:105. Educational, not diagnostic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from painmood_widgets.scales.items import _describe, _integer_answer, _round_half_up
from painmood_widgets.scales.scoring import Phq9Result

PHQ9_IMPORTANT_CHANGE_POINTS = 5
"""PHQ-9 drop, in points, that is clinically important for one patient (Löwe et al. 2004)."""
PHQ9_PARTIAL_RESPONSE_SHARE = Fraction(1, 4)
"""Share of the baseline a PHQ-9 drop must reach for a partial response, short of the
response at one half (Löwe et al. 2004)."""
PAIN_IMPORTANT_CHANGE_POINTS = 2
PAIN_IMPORTANT_CHANGE_SHARE = Fraction(3, 10)
"""Pain drop that is clinically important: 2 points or 30% of the baseline (Farrar et al.
2001; Dworkin et al. 2008)."""


@dataclass(frozen=True)
class Phq9Change:
    """Change between two PHQ-9 totals.

    Attributes
    ----------
    delta : int
        After minus before; negative is improvement.
    response : bool
        A drop of at least 50% from a baseline of 10 or more.
    remission : bool
        The later total is below 5.
    clinically_important : bool
        A drop of at least 5 points (individual clinically important change).
    """

    delta: int
    response: bool
    remission: bool
    clinically_important: bool


@dataclass(frozen=True)
class PainChange:
    """Change between two pain ratings on the 0-10 scale.

    Attributes
    ----------
    delta : float
        After minus before, rounded to 2 decimals; negative is improvement.
    percent : float or None
        Change as a percent of the earlier rating, rounded to 2 decimals; negative is
        improvement. 0.0 when both ratings are 0; None when the earlier rating is 0 and
        the later is not, because a percent change from zero is undefined (also for a
        rise from a baseline so close to 0 that the percent would overflow a float).
    clinically_important : bool
        A drop of at least 2 points or at least 30% (IMMPACT). A rise is never
        flagged: this is about improvement.
    """

    delta: float
    percent: float | None
    clinically_important: bool


def _phq9_total(value: object, name: str) -> int:
    if isinstance(value, Phq9Result):
        return value.total
    return _integer_answer(value, f"PHQ-9 total {name}", 27, " (or a Phq9Result)")


def phq9_change(before: int | Phq9Result, after: int | Phq9Result) -> Phq9Change:
    """Interpret the change between two PHQ-9 totals.

    Response is a drop of at least 50% from a baseline of 10 or more (the depressive
    range); remission is a later total below 5; an individual clinically important
    change is a drop of at least 5 points. Remission describes the later total only:
    it says most about a patient who started at 10 or more.

    Parameters
    ----------
    before : int or Phq9Result
        Earlier (baseline) total, an integer from 0 to 27, or a scored PHQ-9.
    after : int or Phq9Result
        Later (follow-up) total, an integer from 0 to 27, or a scored PHQ-9.

    Returns
    -------
    Phq9Change
        Change in points and the response, remission and clinically important flags.

    Raises
    ------
    ValueError
        If a total is not an integer from 0 to 27 or a `Phq9Result`.

    References
    ----------
    Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression
    treatment outcomes with the Patient Health Questionnaire-9. Med Care
    2004;42:1194-1201.

    Examples
    --------
    >>> change = phq9_change(15, 6)
    >>> change.delta, change.response, change.remission, change.clinically_important
    (-9, True, False, True)
    """
    before_total = _phq9_total(before, "before (baseline)")
    after_total = _phq9_total(after, "after (follow-up)")
    drop = before_total - after_total
    return Phq9Change(
        delta=after_total - before_total,
        response=before_total >= 10 and 2 * after_total <= before_total,
        remission=after_total < 5,
        clinically_important=drop >= PHQ9_IMPORTANT_CHANGE_POINTS,
    )


def _pain_rating(value: object, name: str) -> Fraction:
    """Return a 0-10 pain rating as an exact fraction.

    A float is read as the decimal it prints as (6.1 is 6.1, not its binary
    approximation), so a change sitting exactly on a threshold is judged exactly.
    """
    rule = f"{name} must be a finite number from 0 to 10"
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        rating = Fraction(int(value))
    elif isinstance(value, float | np.floating) and math.isfinite(value):
        rating = Fraction(Decimal(repr(float(value))))
    else:
        raise ValueError(f"{rule}, got {_describe(value)}")
    if not 0 <= rating <= 10:
        raise ValueError(f"{rule}, got {_describe(value)}")
    return rating


def pain_change(before: float, after: float) -> PainChange:
    """Interpret the change between two 0-10 pain ratings.

    A drop of about 2 points or 30% is clinically important (Farrar et al. 2001),
    as IMMPACT recommends (Dworkin et al. 2008); 10-20% is minimal and 50% or more
    substantial. The ratings may be single items or means such as a BPI severity
    score, so floats are allowed.

    The percent is relative to the earlier rating. It is 0.0 when both ratings are
    0, and None when the earlier rating is 0 and the later is not: a percent change
    from zero is undefined, and `delta` still reports the change. (It is None too in
    the one case where it would not fit in a float: a rise from a baseline within
    about 1e-300 of zero.) A rise is never
    flagged as clinically important: the flag is about improvement.

    Thresholds are judged on exact values (a float is read as the decimal it prints
    as); `delta` and `percent` are then rounded to 2 decimals, halves away from zero.

    Parameters
    ----------
    before : int or float
        Earlier (baseline) pain rating, a finite number from 0 to 10.
    after : int or float
        Later (follow-up) pain rating, a finite number from 0 to 10.

    Returns
    -------
    PainChange
        Change in points, change in percent and the clinically important flag.

    Raises
    ------
    ValueError
        If a rating is not a finite number from 0 to 10 (bools, strings, NaN and
        infinity are refused).

    References
    ----------
    Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM. Clinical importance of
    changes in chronic pain intensity measured on an 11-point numerical pain rating
    scale. Pain 2001;94:149-158.

    Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of
    treatment outcomes in chronic pain clinical trials: IMMPACT recommendations.
    J Pain 2008;9:105-121.

    Examples
    --------
    >>> pain_change(7, 4)
    PainChange(delta=-3.0, percent=-42.86, clinically_important=True)
    >>> pain_change(5, 3.5)
    PainChange(delta=-1.5, percent=-30.0, clinically_important=True)
    >>> pain_change(0, 2)
    PainChange(delta=2.0, percent=None, clinically_important=False)
    """
    before_rating = _pain_rating(before, "pain before (baseline)")
    after_rating = _pain_rating(after, "pain after (follow-up)")
    delta = after_rating - before_rating
    if before_rating == 0:
        percent = None if delta else 0.0
        relative_drop = Fraction(0)
    else:
        relative_drop = -delta / before_rating
        try:
            percent = float(_round_half_up(delta / before_rating * 100, 2))
        except OverflowError:
            # a rise from a baseline within about 1e-300 of zero: as undefined as from zero
            percent = None
    return PainChange(
        delta=float(_round_half_up(delta, 2)),
        percent=percent,
        clinically_important=(
            -delta >= PAIN_IMPORTANT_CHANGE_POINTS or relative_drop >= PAIN_IMPORTANT_CHANGE_SHARE
        ),
    )
