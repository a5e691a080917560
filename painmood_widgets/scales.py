"""Scoring rules for the PHQ-9, the Brief Pain Inventory short form and the PEG.

This module is the single source of truth for the three scales: their item
wording or labels, answer options, severity bands, scoring and the rules that say
when a change matters. Widgets, notebooks and the model import from here and never
restate a scale.

Educational, not diagnostic: these functions teach how the published scoring rules
work; they do not assess a real person.

Every function checks its input at the top and raises ``ValueError`` with a plain
message naming the item (by number and label) and the allowed range. Nothing is
clipped or coerced:

- item answers must be integers (``int`` or a numpy integer such as ``np.int64``);
  a float, even ``2.0``, a bool, a string, NaN or infinity is refused;
- a set of items must be a list, tuple, other sequence or 1-D numpy array in
  questionnaire order; a string, dict, set, generator or single number is refused
  (pass a pandas row as ``row.to_numpy()``);
- ``None`` marks a missing answer only where the rule allows one (PHQ-9 items and
  BPI interference items); NaN is never a missing marker.

Results are frozen dataclasses. Means are rounded to 2 decimals with halves rounded
away from zero, computed with exact fractions (never binary floating point), so a
score sitting exactly on a threshold lands on the side the published rule puts it.

Examples
--------
>>> result = score_phq9([1, 2, 1, 2, 1, 1, 2, 1, 0])
>>> result.total, result.severity
(11, 'moderate')
>>> score_bpi([7, 3, 5, 6], [6, 7, 5, 8, 4, 6, 7]).severity_band
'severe'
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from painmood_widgets.wording import in_sentence

__all__ = [
    "BPI_INTERFERENCE_ITEMS",
    "BPI_SEVERITY_BANDS",
    "BPI_SEVERITY_ITEMS",
    "PAIN_MAX",
    "PEG_ITEMS",
    "PHQ9_ANSWERS",
    "PHQ9_ITEMS",
    "PHQ9_ITEM_LABELS",
    "PHQ9_ITEM_MAX",
    "PHQ9_MAX",
    "PHQ9_SEVERITY_BANDS",
    "PHQ9_STEM",
    "BpiResult",
    "PainChange",
    "Phq9Change",
    "Phq9Result",
    "ScoreBand",
    "answer_sequence",
    "bpi_severity_band",
    "check_item",
    "pain_change",
    "phq9_change",
    "phq9_severity",
    "score_bpi",
    "score_peg",
    "score_phq9",
]


class ScoreBand(NamedTuple):
    """One severity band of a scale: the lowest and highest score it covers, inclusive."""

    lowest: int
    highest: int
    label: str


# --- PHQ-9 (Kroenke, Spitzer and Williams, J Gen Intern Med 2001;16:606; free to reproduce) ---

PHQ9_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
"""Question stem printed above the nine PHQ-9 items."""

PHQ9_ITEMS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself \N{EM DASH} or that you are a failure or have let yourself "
    "or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite "
    "\N{EM DASH} being so fidgety or restless that you have been moving around a lot more "
    "than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)
"""Wording of PHQ-9 items 1 to 9, as published (Kroenke et al. 2001)."""

PHQ9_ITEM_LABELS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble sleeping, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself",
    "Trouble concentrating",
    "Moving or speaking slowly, or being restless",
    "Thoughts that you would be better off dead, or of self-harm",
)
"""Short labels of PHQ-9 items 1 to 9, for chart axes and error messages."""

PHQ9_ANSWERS = ("Not at all", "Several days", "More than half the days", "Nearly every day")
"""PHQ-9 answer options; the position is the score (0 to 3)."""

PHQ9_SEVERITY_BANDS = (
    ScoreBand(0, 4, "minimal"),
    ScoreBand(5, 9, "mild"),
    ScoreBand(10, 14, "moderate"),
    ScoreBand(15, 19, "moderately severe"),
    ScoreBand(20, 27, "severe"),
)
"""PHQ-9 total score bands (Kroenke et al. 2001)."""

# --- BPI short form (Cleeland, BPI User Guide 2009; copyrighted: labels are paraphrased) ---

BPI_SEVERITY_ITEMS = (
    "Worst pain in the last 24 hours",
    "Least pain in the last 24 hours",
    "Average pain",
    "Pain right now",
)
"""Paraphrased labels of the four BPI pain severity items (0 to 10), in form order."""

BPI_INTERFERENCE_ITEMS = (
    "General activity",
    "Mood",
    "Walking ability",
    "Normal work",
    "Relations with other people",
    "Sleep",
    "Enjoyment of life",
)
"""Paraphrased labels of the seven BPI interference items (0 to 10), in form order."""

BPI_SEVERITY_BANDS = (
    ScoreBand(0, 0, "none"),
    ScoreBand(1, 4, "mild"),
    ScoreBand(5, 6, "moderate"),
    ScoreBand(7, 10, "severe"),
)
"""Worst-pain bands from cancer pain (Serlin et al. 1995); they vary in non-cancer pain."""

# --- PEG (Krebs et al., J Gen Intern Med 2009;24:733; labels paraphrased) ---

PEG_ITEMS = (
    "Average pain in the past week",
    "Interference with enjoyment of life in the past week",
    "Interference with general activity in the past week",
)
"""Paraphrased labels of the three PEG items (0 to 10): pain, enjoyment, general activity."""

PHQ9_ITEM_MAX = 3
"""Highest answer to one PHQ-9 item: nearly every day (Kroenke et al. 2001)."""

PHQ9_MAX = 27
"""Highest PHQ-9 total: nine items of 0 to 3."""

PAIN_MAX = 10
"""Top of every 0-10 pain rating here: BPI items, PEG items and the model's pain score."""

PHQ9_MOST_MISSING = 2
"""PHQ-9 items that may be missing and still be prorated (NHS Data Dictionary, PHQ-9)."""

BPI_FEWEST_INTERFERENCE_ANSWERS = 4
"""BPI interference items needed for an interference score (Cleeland, BPI User Guide 2009)."""


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


def _describe(value: object) -> str:
    """How a refused value is shown in an error message."""
    if isinstance(value, bool | np.bool_):
        return f"{bool(value)} (a yes/no value, not an answer)"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return repr(float(value))
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "None (missing)"
    return f"a {type(value).__name__}"


def _integer_answer(value: object, name: str, highest: int, note: str = "") -> int:
    """Return ``value`` as an int when it is an integer from 0 to ``highest``."""
    if (
        isinstance(value, int | np.integer)
        and not isinstance(value, bool)
        and 0 <= value <= highest
    ):
        return int(value)
    raise ValueError(f"{name} must be an integer from 0 to {highest}{note}, got {_describe(value)}")


def answer_sequence(
    items: object, scale: str, count: int, rule: str, order: str
) -> tuple[object, ...]:
    """Check the shape of a set of item answers: one value per item, in order.

    The answers themselves are not judged here (the scoring functions do that, item by
    item); only that they come as a list, tuple, other sequence or 1-D numpy array of
    exactly `count` values. A string, dict, set, generator or single number is refused:
    it has no item order.

    Parameters
    ----------
    items : object
        The answers as given.
    scale : str
        The questionnaire (or part of it), for the message: "PHQ-9", "BPI severity".
    count : int
        How many items it has.
    rule : str
        What each answer must be, for the message.
    order : str
        The order the answers are read in, for the message.

    Returns
    -------
    tuple
        The `count` values, numpy scalars turned into Python numbers.

    Raises
    ------
    ValueError
        If `items` is not a sequence or 1-D array, or holds another number of values;
        the message names the scale, the count, the rule and (for a count) the order.

    Examples
    --------
    >>> rule, order = "each from 0 to 10", "pain, enjoyment, activity"
    >>> answer_sequence(np.array([6, 5, 7]), "PEG", 3, rule, order)
    (6, 5, 7)
    >>> answer_sequence([6, 5], "PEG", 3, rule, order)
    Traceback (most recent call last):
    ...
    ValueError: PEG needs exactly 3 item answers (pain, enjoyment, activity), each from 0 to \
10; got 2
    """
    if isinstance(items, np.ndarray):
        if items.ndim != 1:
            raise ValueError(
                f"{scale} items must be a 1-D sequence of {count} answers ({rule}), "
                f"got a {items.ndim}-D array"
            )
        values = tuple(items.tolist())
    elif isinstance(items, Sequence) and not isinstance(items, str | bytes | bytearray):
        values = tuple(items)
    else:
        raise ValueError(
            f"{scale} items must be a list, tuple or 1-D array of {count} answers ({rule}), "
            f"got {_describe(items)}"
        )
    if len(values) != count:
        raise ValueError(
            f"{scale} needs exactly {count} item answers ({order}), {rule}; got {len(values)}"
        )
    return values


_ITEM_SETS = MappingProxyType(
    {
        # scale: (item labels, highest answer, whether scoring allows a missing item)
        "PHQ-9": (PHQ9_ITEM_LABELS, PHQ9_ITEM_MAX, True),
        "BPI severity": (BPI_SEVERITY_ITEMS, PAIN_MAX, False),
        "BPI interference": (BPI_INTERFERENCE_ITEMS, PAIN_MAX, True),
        "PEG": (PEG_ITEMS, PAIN_MAX, False),
    }
)


def check_item(scale: str, number: int, value: object) -> int | None:
    """Check one item's answer, as the scoring functions check it.

    Forms use it to refuse a bad answer before scoring, with the same message.

    Parameters
    ----------
    scale : str
        ``"PHQ-9"``, ``"BPI severity"``, ``"BPI interference"`` or ``"PEG"``.
    number : int
        The item's number on its scale, from 1.
    value : object
        The answer: an integer from 0 to 3 (PHQ-9) or 0 to 10 (BPI, PEG); None marks a
        missing answer where the scale's scoring allows one (PHQ-9, BPI interference).

    Returns
    -------
    int or None
        The answer as a plain int; None for an allowed missing answer.

    Raises
    ------
    ValueError
        If `value` is not an integer in the item's range (bools, floats such as 2.0,
        strings and NaN are refused, and None where scoring needs every item); the
        message names the item by number and label and gives the range. Also if `scale`
        or `number` is unknown.

    Examples
    --------
    >>> check_item("PHQ-9", 9, 1)
    1
    >>> check_item("PEG", 1, 11)
    Traceback (most recent call last):
    ...
    ValueError: PEG item 1 (average pain in the past week) must be an integer from 0 to 10, got 11
    """
    if scale not in _ITEM_SETS:
        raise ValueError(f"scale must be one of {', '.join(_ITEM_SETS)}; got {scale!r}")
    labels, highest, missing_allowed = _ITEM_SETS[scale]
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(labels):
        raise ValueError(f"{scale} item number must be from 1 to {len(labels)}; got {number!r}")
    if value is None and missing_allowed:
        return None
    note = " or None if missing" if missing_allowed else ""
    name = f"{scale} item {number} ({in_sentence(labels[number - 1])})"
    return _integer_answer(value, name, highest, note)


def _item_answers(items: object, scale: str, order: str) -> tuple[int | None, ...]:
    """Check a set of item answers; return them as ints, with None for missing ones."""
    labels, highest, missing_allowed = _ITEM_SETS[scale]
    note = " or None if missing" if missing_allowed else ""
    rule = f"each an integer from 0 to {highest}{note}"
    values = answer_sequence(items, scale, len(labels), rule, order)
    return tuple(check_item(scale, number, value) for number, value in enumerate(values, start=1))


def _round_half_up(value: Fraction, places: int) -> Fraction:
    """Round an exact fraction to ``places`` decimals, halves away from zero."""
    scale = 10**places
    magnitude = math.floor(abs(value) * scale + Fraction(1, 2))
    return Fraction(magnitude if value >= 0 else -magnitude, scale)


def _mean(values: Sequence[int]) -> float:
    """Mean of integer answers, rounded to 2 decimals, halves up."""
    return float(_round_half_up(Fraction(sum(values), len(values)), 2))


def _band_label(bands: tuple[ScoreBand, ...], score: int) -> str:
    return next(band.label for band in bands if band.lowest <= score <= band.highest)


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
        clinically_important=drop >= 5,
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
        clinically_important=-delta >= 2 or relative_drop >= Fraction(3, 10),
    )
