"""Scoring the PHQ-9, the BPI short form and the PEG, exactly as the published rules do.

Educational, not diagnostic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from painmood_widgets.scales.items import (
    BPI_FEWEST_INTERFERENCE_ANSWERS,
    BPI_INTERFERENCE_ITEMS,
    BPI_SEVERITY_BANDS,
    BPI_SEVERITY_ITEMS,
    PHQ9_MAX,
    PHQ9_MOST_MISSING,
    PHQ9_SEVERITY_BANDS,
    _band_label,
    _integer_answer,
    _item_answers,
    _mean,
    _round_half_up,
    check_item,
)
from painmood_widgets.wording import in_sentence


@dataclass(frozen=True)
class Phq9Result:
    """A scored PHQ-9.

    Attributes
    ----------
    total : int
        Total score, 0 to 27 (prorated when 1 or 2 items are missing).
    severity : str
        Band of the total: "minimal", "mild", "moderate", "moderately severe" or
        "severe" (see `PHQ9_SEVERITY_BANDS`).
    item9_positive : bool
        True when item 9 (thoughts of death or self-harm) was answered above 0: this
        needs follow-up whatever the total. False does not mean safe: see
        `item9_answered`, and note that a 0 is no all-clear either.
    item9_answered : bool
        False when item 9 was left blank. A blank item 9 is never an all-clear: ask it.
    answered : int
        Number of items answered, 7 to 9.
    prorated : bool
        True when missing items were replaced by the mean of the answered ones.
    """

    total: int
    severity: str
    item9_positive: bool
    item9_answered: bool
    answered: int
    prorated: bool


@dataclass(frozen=True)
class BpiResult:
    """A scored BPI short form.

    Attributes
    ----------
    severity : float
        Mean of the four severity items, 0 to 10, rounded to 2 decimals.
    interference : float or None
        Mean of the answered interference items, 0 to 10, rounded to 2 decimals;
        None when fewer than 4 of the 7 were answered (not scorable).
    severity_band : str
        Band of the worst-pain item: "none", "mild", "moderate" or "severe" (see
        `BPI_SEVERITY_BANDS`; cancer-pain cut-points).
    interference_answered : int
        Number of interference items answered, 0 to 7.
    """

    severity: float
    interference: float | None
    severity_band: str
    interference_answered: int


def phq9_severity(total: int) -> str:
    """Severity band of a PHQ-9 total.

    Parameters
    ----------
    total : int
        PHQ-9 total score, an integer from 0 to 27.

    Returns
    -------
    str
        "minimal" (0-4), "mild" (5-9), "moderate" (10-14), "moderately severe"
        (15-19) or "severe" (20-27).

    Raises
    ------
    ValueError
        If `total` is not an integer from 0 to 27.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    Examples
    --------
    >>> phq9_severity(14)
    'moderate'
    >>> phq9_severity(15)
    'moderately severe'
    """
    total = _integer_answer(total, "PHQ-9 total", PHQ9_MAX)
    return _band_label(PHQ9_SEVERITY_BANDS, total)


def bpi_severity_band(worst_pain: int) -> str:
    """Band of the BPI worst-pain item.

    The cut-points (1-4 mild, 5-6 moderate, 7-10 severe) come from cancer pain
    (Serlin et al. 1995). In non-cancer pain published cut-points vary (Woo et al.
    2015), so treat the band as a teaching label, not a threshold for care.

    Parameters
    ----------
    worst_pain : int
        Worst pain in the last 24 hours, an integer from 0 to 10.

    Returns
    -------
    str
        "none" (0), "mild" (1-4), "moderate" (5-6) or "severe" (7-10).

    Raises
    ------
    ValueError
        If `worst_pain` is not an integer from 0 to 10.

    References
    ----------
    Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain
    mild, moderate or severe? Grading pain severity by its interference with function.
    Pain 1995;61:277-284.

    Woo A, Lechner B, Fu T, et al. Cut points for mild, moderate, and severe pain among
    cancer and non-cancer patients: a literature review. Ann Palliat Med 2015.

    Examples
    --------
    >>> bpi_severity_band(4)
    'mild'
    >>> bpi_severity_band(7)
    'severe'
    """
    worst_pain = _integer_answer(
        worst_pain, f"BPI severity item 1 ({in_sentence(BPI_SEVERITY_ITEMS[0])})", 10
    )
    return _band_label(BPI_SEVERITY_BANDS, worst_pain)


def score_phq9(items: Sequence[int | None]) -> Phq9Result:
    """Score a PHQ-9 depression questionnaire.

    Each of the nine items is scored 0 ("Not at all") to 3 ("Nearly every day") for
    the last 2 weeks; the total (0-27) is banded 0-4 minimal, 5-9 mild, 10-14
    moderate, 15-19 moderately severe, 20-27 severe. The tenth question (how
    difficult the problems made life) is not part of the total and is not taken here.

    With 1 or 2 items missing, each missing item is replaced by the mean of the
    answered ones, that is total = sum of answers x 9 / number answered, rounded to
    a whole number with halves rounded up (exact arithmetic: 4.5 gives 5). With 3 or
    more missing the questionnaire is not scored.

    Item 9 (thoughts of death or self-harm): any answer above 0 needs follow-up
    whatever the total, and sets `item9_positive`. A blank item 9 leaves
    `item9_positive` False but `item9_answered` False too: a missing item 9 is never
    an all-clear, and most people who die by suicide answered "not at all", so even a
    0 is no all-clear. Always offer a crisis resource.

    Parameters
    ----------
    items : sequence of int or None
        The nine answers in questionnaire order (see `PHQ9_ITEMS`), each an integer
        from 0 to 3 (Python or numpy integer) or None if missing. A list, tuple or
        1-D numpy array; floats (even 2.0), bools, strings and NaN are refused.

    Returns
    -------
    Phq9Result
        Total, severity band, item 9 flags, number answered and whether the total
        was prorated.

    Raises
    ------
    ValueError
        If `items` is not a sequence of nine answers, if an answer is not an integer
        from 0 to 3 or None, or if 3 or more items are missing.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    Simon GE, Rutter CM, Peterson D, et al. Does response on the PHQ-9 depression
    questionnaire predict subsequent suicide attempt or suicide death? Psychiatr Serv
    2013;64:1195-1202.

    NHS Data Dictionary, Patient Health Questionnaire (PHQ-9) entry: prorating rule for
    1 or 2 missing items (no rule from the PHQ authors was found).

    Examples
    --------
    >>> result = score_phq9([2, 2, 1, 2, 1, 1, 1, 1, 0])
    >>> result.total, result.severity, result.item9_positive
    (11, 'moderate', False)

    One item missing: 13 x 9 / 8 = 14.625, reported as 15.

    >>> result = score_phq9([2, 2, None, 2, 1, 2, 2, 1, 1])
    >>> result.total, result.severity, result.prorated, result.item9_positive
    (15, 'moderately severe', True, True)

    A blank item 9 is flagged as unanswered, not as negative.

    >>> result = score_phq9([1, 1, 1, 1, 1, 1, 1, 1, None])
    >>> result.item9_positive, result.item9_answered
    (False, False)
    """
    answers = _item_answers(items, "PHQ-9", order="items 1 to 9 in questionnaire order")
    missing = [number for number, answer in enumerate(answers, start=1) if answer is None]
    if len(missing) > PHQ9_MOST_MISSING:
        listed = ", ".join(str(number) for number in missing)
        raise ValueError(
            f"PHQ-9 cannot be scored with {len(missing)} items missing (items {listed}); "
            f"at most {PHQ9_MOST_MISSING} of the 9 items may be missing"
        )
    given = [answer for answer in answers if answer is not None]
    if missing:
        total = int(_round_half_up(Fraction(sum(given) * len(answers), len(given)), 0))
    else:
        total = sum(given)
    item9 = answers[8]
    return Phq9Result(
        total=total,
        severity=_band_label(PHQ9_SEVERITY_BANDS, total),
        item9_positive=item9 is not None and item9 > 0,
        item9_answered=item9 is not None,
        answered=len(given),
        prorated=bool(missing),
    )


def score_bpi(severity: Sequence[int], interference: Sequence[int | None]) -> BpiResult:
    """Score a Brief Pain Inventory short form.

    Pain severity is the mean of the four severity items (worst, least, average and
    now, each 0-10); all four are required. Pain interference is the mean of the
    answered items among the seven (each 0-10), and is scored only when at least 4
    are answered. Both means are rounded to 2 decimals, halves up.

    The severity band comes from the worst-pain item: 0 none, 1-4 mild, 5-6
    moderate, 7-10 severe. These cut-points come from cancer pain (Serlin et al.
    1995); in non-cancer pain published cut-points vary (Woo et al. 2015), so treat
    the band as a teaching label. An interference change of 1 point is considered
    clinically important (IMMPACT).

    Parameters
    ----------
    severity : sequence of int
        Four answers in the order worst, least, average, now (see
        `BPI_SEVERITY_ITEMS`), each an integer from 0 to 10. None is refused.
    interference : sequence of int or None
        Seven answers in the order general activity, mood, walking ability, normal
        work, relations with other people, sleep, enjoyment of life (see
        `BPI_INTERFERENCE_ITEMS`), each an integer from 0 to 10 or None if missing.

    Returns
    -------
    BpiResult
        Severity mean, interference mean (None when fewer than 4 answered),
        worst-pain band and the number of interference items answered.

    Raises
    ------
    ValueError
        If either argument is not a sequence of the right length, or an answer is
        not an integer from 0 to 10 (or None where allowed).

    References
    ----------
    Cleeland CS. The Brief Pain Inventory User Guide. Houston: MD Anderson Cancer
    Center; 2009.

    Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain
    mild, moderate or severe? Grading pain severity by its interference with function.
    Pain 1995;61:277-284.

    Woo A, Lechner B, Fu T, et al. Cut points for mild, moderate, and severe pain among
    cancer and non-cancer patients: a literature review. Ann Palliat Med 2015.

    Examples
    --------
    >>> result = score_bpi([7, 3, 5, 6], [6, 7, 5, 8, 4, 6, 7])
    >>> result.severity, result.interference, result.severity_band
    (5.25, 6.14, 'severe')

    With only 3 interference items answered, interference is not scored.

    >>> score_bpi([4, 1, 2, 3], [5, None, 4, None, None, 6, None]).interference is None
    True
    """
    severity_answers = _item_answers(severity, "BPI severity", order="worst, least, average, now")
    interference_answers = _item_answers(
        interference,
        "BPI interference",
        order=", ".join(in_sentence(label) for label in BPI_INTERFERENCE_ITEMS),
    )
    severity_scores = [answer for answer in severity_answers if answer is not None]
    given = [answer for answer in interference_answers if answer is not None]
    return BpiResult(
        severity=_mean(severity_scores),
        interference=_mean(given) if len(given) >= BPI_FEWEST_INTERFERENCE_ANSWERS else None,
        severity_band=_band_label(BPI_SEVERITY_BANDS, severity_scores[0]),
        interference_answered=len(given),
    )


def score_peg(pain: int, enjoyment: int, activity: int) -> float:
    """PEG three-item pain score (Krebs et al., J Gen Intern Med 2009).

    The mean of average pain, interference with enjoyment of life and interference
    with general activity over the past week, each 0-10, rounded to 2 decimals
    (halves up). The authors give no severity bands, so any band put on the PEG is
    illustrative.

    Parameters
    ----------
    pain : int
        Average pain in the past week, an integer from 0 to 10.
    enjoyment : int
        Interference with enjoyment of life in the past week, an integer from 0 to 10.
    activity : int
        Interference with general activity in the past week, an integer from 0 to 10.

    Returns
    -------
    float
        PEG score, 0 to 10.

    Raises
    ------
    ValueError
        If an item is not an integer from 0 to 10.

    References
    ----------
    Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG,
    a three-item scale assessing pain intensity and interference. J Gen Intern Med
    2009;24:733-738.

    Examples
    --------
    >>> score_peg(6, 5, 7)
    6.0
    >>> score_peg(5, 5, 6)
    5.33
    """
    answers = [
        check_item("PEG", number, value)
        for number, value in enumerate((pain, enjoyment, activity), start=1)
    ]
    return _mean(answers)
