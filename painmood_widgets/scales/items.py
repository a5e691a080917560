"""The three scales' items, answers, bands and tops, and the check every answer passes.

PHQ-9 (Kroenke, Spitzer & Williams 2001; free to reproduce), BPI short form (Cleeland,
BPI User Guide 2009; labels paraphrased) and PEG (Krebs et al. 2009; labels
paraphrased): the one place their wording, ranges and bands are written. Educational,
not diagnostic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from painmood_widgets.wording import in_sentence


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
