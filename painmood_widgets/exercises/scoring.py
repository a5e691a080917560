"""Checks for the scoring exercises: a PHQ-9 and a BPI scored, and a change interpreted.

Exercise 1 (``exercises/01_scoring_phq9_and_bpi.ipynb``) scores a complete PHQ-9
(:func:`check_phq9_total`), a PHQ-9 with an item left blank (:func:`check_prorated_phq9`),
a PHQ-9 with a low total and item 9 above 0 (:func:`check_item9_action`) and a BPI short
form (:func:`check_bpi_scores`). Exercise 2 (``exercises/02_interpreting_change.ipynb``)
turns pairs of scores into a percent change (:func:`check_percent_change`), a PHQ-9
outcome (:func:`check_phq9_change_category`), and a yes or no on clinically important
change, for the PHQ-9 (:func:`check_phq9_change_important`) and for pain
(:func:`check_pain_change_important`).

Every check computes what it expects with :mod:`painmood_widgets.scales` from the inputs
the exercise gave, recognises the typical wrong answers of its task and names the
misconception (the mean instead of the sum, a blank counted as 0, a half rounded down,
a low total read as an all-clear for item 9, an interference sum, a percent of the
follow-up, points read as percent, remission read as response), and never states the
answer it expects. Educational, not diagnostic.

Examples
--------
>>> print(check_phq9_total(..., [1, 2, 2, 3, 1, 1, 1, 0, 0]))
Not answered yet: replace the ... with your answer for the PHQ-9 total, then run the cell.
>>> check_phq9_total(11, [1, 2, 2, 3, 1, 1, 1, 0, 0]).passed
True
>>> print(check_phq9_total(11 / 9, [1, 2, 2, 3, 1, 1, 1, 0, 0]))
Not yet. Close: you averaged the nine answers. The PHQ-9 total is their sum, not their mean.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from painmood_widgets import scales
from painmood_widgets.exercises.feedback import (
    ExerciseFeedback,
    close,
    is_placeholder,
    not_answered,
    read_number,
    right,
    unreadable,
)
from painmood_widgets.scales.change import (
    PAIN_IMPORTANT_CHANGE_POINTS,
    PAIN_IMPORTANT_CHANGE_SHARE,
    PHQ9_IMPORTANT_CHANGE_POINTS,
    PHQ9_PARTIAL_RESPONSE_SHARE,
)
from painmood_widgets.wording import plural

__all__ = [
    "PHQ9_CATEGORIES",
    "check_bpi_scores",
    "check_item9_action",
    "check_pain_change_important",
    "check_percent_change",
    "check_phq9_change_category",
    "check_phq9_change_important",
    "check_phq9_total",
    "check_prorated_phq9",
]

PHQ9_CATEGORIES = ("remission", "response", "partial response", "no response")
"""The one-word outcomes of a PHQ-9 change in exercise 2 (Löwe et al., Med Care 2004).

Remission (a follow-up total below 5) is named first, for where the total ended; the
others name how far it fell as a share of the baseline: response at least 50%, partial
response 25% up to 50%, no response less than 25%.
"""

_CATEGORY_SPELLINGS = {
    "partial": "partial response",
    "partial responder": "partial response",
    "responder": "response",
    "non response": "no response",
    "nonresponse": "no response",
    "non responder": "no response",
    "none": "no response",
    "remitted": "remission",
}

_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})


# ------------------------------------------------------------------ reading answers
def _near(value: float, target: float | Fraction, tolerance: float) -> bool:
    return abs(value - float(target)) <= tolerance + 1e-9


def _read_total(value: object, what: str) -> float | ExerciseFeedback:
    """A PHQ-9 total as a number; a scored PHQ-9 (``Phq9Result``) is read as its total."""
    if isinstance(value, scales.Phq9Result):
        return float(value.total)
    return read_number(value, what)


def _read_flag(value: object, what: str) -> bool | ExerciseFeedback:
    """A yes or no: True or False (or numpy's), or the text yes, no, true, false."""
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, str) and value.strip().lower().strip(".!") in _YES | _NO:
        return value.strip().lower().strip(".!") in _YES
    return unreadable(what, "True or False", value)


def _items(value: object, what: str, count: int) -> list | ExerciseFeedback:
    """A learner's list of ``count`` answers (list, tuple, array or Series), or feedback."""
    if is_placeholder(value) or (
        isinstance(value, np.ndarray | pd.Series) and any(item is Ellipsis for item in value)
    ):
        return not_answered(what)
    if isinstance(value, str) or not isinstance(value, Sequence | np.ndarray | pd.Series):
        return unreadable(what, f"a list of {plural(count, 'answer')}, one per patient", value)
    items = list(value)
    if len(items) != count:
        return unreadable(
            what,
            f"a list of {plural(count, 'answer')}, one per patient",
            value,
            described=f"a list of {len(items)}",
        )
    return items


def _read_flags(value: object, what: str, count: int) -> list[bool] | ExerciseFeedback:
    items = _items(value, what, count)
    if isinstance(items, ExerciseFeedback):
        return items
    flags = []
    for letter, item in zip(_letters(count), items, strict=True):
        flag = _read_flag(item, f"patient {letter}'s answer")
        if isinstance(flag, ExerciseFeedback):
            return flag
        flags.append(flag)
    return flags


def _category(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.lower().replace("-", " ").replace("_", " ").split()).strip(" .")
    text = _CATEGORY_SPELLINGS.get(text, text)
    return text if text in PHQ9_CATEGORIES else None


def _letters(count: int) -> list[str]:
    return [chr(ord("A") + index) for index in range(count)]


# ------------------------------------------------------------------ reading the exercise's inputs
def _phq9_items(answers: object) -> tuple[int | None, ...]:
    """The nine PHQ-9 answers as the scoring rule reads them (None for a blank)."""
    values = scales.answer_sequence(
        answers,
        "PHQ-9",
        len(scales.PHQ9_ITEMS),
        "each an integer from 0 to 3 or None if missing",
        "items 1 to 9 in questionnaire order",
    )
    return tuple(
        scales.check_item("PHQ-9", number, value) for number, value in enumerate(values, start=1)
    )


def _pairs(pairs: object, what: str) -> list[tuple[object, object]]:
    if isinstance(pairs, str) or not isinstance(pairs, Sequence) or not pairs:
        raise ValueError(f"{what} must be a non-empty list of (before, after) pairs")
    found = []
    for pair in pairs:
        if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise ValueError(f"{what} must be (before, after) pairs; got {pair!r}")
        found.append((pair[0], pair[1]))
    return found


def _phq9_pairs(pairs: object, *, lowest_baseline: int = 0) -> list[tuple[int, int]]:
    found = []
    for before, after in _pairs(pairs, "PHQ-9 pairs"):
        scales.phq9_change(before, after)  # refuses anything that is not two PHQ-9 totals
        if before < lowest_baseline:
            raise ValueError(
                f"PHQ-9 outcomes are named here for a baseline of {lowest_baseline} or more "
                f"(the depressive range), got a baseline of {before}"
            )
        found.append((int(before), int(after)))
    return found


def _exact(rating: object) -> Fraction:
    """A rating as an exact fraction, a float read as the decimal it prints as."""
    if isinstance(rating, float | np.floating):
        return Fraction(Decimal(repr(float(rating))))
    return Fraction(int(rating))


def _pain_pairs(pairs: object) -> list[tuple[Fraction, Fraction, bool]]:
    """Each pair as exact ratings and the package's clinically important flag."""
    found = []
    for before, after in _pairs(pairs, "pain pairs"):
        flag = scales.pain_change(before, after).clinically_important
        found.append((_exact(before), _exact(after), flag))
    return found


def _rating(value: Fraction) -> str:
    return f"{float(value):g}"


# ------------------------------------------------------------------ exercise 1: scoring
def check_phq9_total(total: object, answers: Sequence[int]) -> ExerciseFeedback:
    """Check a PHQ-9 total worked out from nine complete answers.

    The total is the sum of the nine answers, each scored 0 to 3 (Kroenke et al. 2001).

    Parameters
    ----------
    total : object
        The learner's total: a number (``11``, ``11.0``, ``np.int64(11)``) or a scored
        PHQ-9 (``scales.score_phq9(...)``), read as its total.
    answers : sequence of int
        The nine answers the exercise gave, items 1 to 9 in order, none missing.

    Returns
    -------
    ExerciseFeedback
        Right; or not yet, naming the misconception: the mean instead of the sum,
        answers scored 1 to 4 instead of 0 to 3, the number of items answered above 0
        counted instead of their points, item 9 left out, a total that is not a whole
        number or lies outside 0 to 27; or not answered yet, or unreadable.

    Raises
    ------
    ValueError
        If ``answers`` is not nine PHQ-9 answers, or has a blank (use
        :func:`check_prorated_phq9` for that).

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    Examples
    --------
    >>> answers = [1, 2, 2, 3, 1, 1, 1, 0, 0]
    >>> check_phq9_total(11.0, answers).status
    'right'
    >>> print(check_phq9_total(20, answers))
    Not yet. Close: you scored the answers 1 to 4. On the PHQ-9 "not at all" scores 0 and \
"nearly every day" 3, so add the answers as 0 to 3.
    """
    given = _phq9_items(answers)
    if None in given:
        raise ValueError(
            "check_phq9_total takes nine answered items; for a PHQ-9 with blanks use "
            "check_prorated_phq9"
        )
    result = scales.score_phq9(given)
    expected = result.total
    value = _read_total(total, "the PHQ-9 total")
    if isinstance(value, ExerciseFeedback):
        return value
    if value == expected:
        return right(
            "The PHQ-9 total is the sum of the nine answers, each already its own score from "
            f"0 (not at all) to 3 (nearly every day). Its band: {result.severity}."
        )
    item9 = given[8]
    if _near(value, Fraction(expected, 9), 0.05):
        return close(
            "Close: you averaged the nine answers. The PHQ-9 total is their sum, not their mean."
        )
    if not value.is_integer():
        return close(
            "A PHQ-9 total is a whole number: the sum of nine answers, each a whole number "
            "from 0 to 3. Add them again."
        )
    if value == expected + 9:
        return close(
            'Close: you scored the answers 1 to 4. On the PHQ-9 "not at all" scores 0 and '
            '"nearly every day" 3, so add the answers as 0 to 3.'
        )
    if value == sum(answer > 0 for answer in given):
        return close(
            "You counted the items answered above 0. The total adds each answer's points: "
            '"nearly every day" counts 3, not 1.'
        )
    if item9 > 0 and value == expected - item9:
        return close(
            "You left out item 9. It counts in the total like the other eight, and it is "
            "also read on its own: any answer above 0 needs a same-day safety assessment."
        )
    if not 0 <= value <= scales.PHQ9_MAX:
        return close(
            "A PHQ-9 total lies between 0 and 27: nine answers, each from 0 to 3. Add the "
            "nine answers."
        )
    if abs(value - expected) <= 3:
        return close(
            "Close, but an answer or two went astray: add the nine answers again, one by one."
        )
    return close(
        "Add the nine answers: each is its own score, from 0 (not at all) to 3 (nearly every "
        "day), and the total is their sum."
    )


def check_prorated_phq9(total: object, answers: Sequence[int | None]) -> ExerciseFeedback:
    """Check the PHQ-9 total reported for a questionnaire with items left blank.

    With one or two items blank, each is replaced by the mean of the answered items:
    the total is the sum of the answers x 9 / the number answered, rounded to a whole
    number with halves rounded up (NHS Data Dictionary, PHQ-9 entry; the rule
    :func:`painmood_widgets.scales.score_phq9` applies). With three or more blank the
    questionnaire is not scored, and the right answer is ``None``.

    Parameters
    ----------
    total : object
        The learner's total: a number, a scored PHQ-9 (read as its total), or ``None``
        for "not scored".
    answers : sequence of int or None
        The nine answers the exercise gave, None for each blank; at least one blank.

    Returns
    -------
    ExerciseFeedback
        Right; or not yet, naming the misconception: a blank counted as 0, the mean of
        the answered items not multiplied by 9, the unrounded result, a half rounded
        down (Python's ``round`` rounds a half to the even number) or a fraction rounded
        the wrong way, a total given where none may be, or none where one may; or not
        answered yet, or unreadable.

    Raises
    ------
    ValueError
        If ``answers`` is not nine PHQ-9 answers, or has no blank.

    References
    ----------
    NHS Data Dictionary, Patient Health Questionnaire (PHQ-9) entry: prorating for 1 or
    2 missing items.

    Examples
    --------
    >>> answers = [3, 2, 3, 3, None, 3, 3, 3, 0]
    >>> check_prorated_phq9(scales.score_phq9(answers).total, answers).passed
    True
    >>> print(check_prorated_phq9(20, answers))
    Not yet. You counted the blank as 0. Prorating replaces each blank with the mean of the \
answered items: add the answered items, multiply by 9, divide by the number answered.
    """
    given = _phq9_items(answers)
    answered = [answer for answer in given if answer is not None]
    blanks = len(given) - len(answered)
    if not blanks:
        raise ValueError(
            "check_prorated_phq9 takes a PHQ-9 with one or more blanks (None); for nine "
            "answered items use check_phq9_total"
        )
    what = "the prorated PHQ-9 total"
    blank_word = "blank" if blanks == 1 else "blanks"
    if blanks > scales.PHQ9_MOST_MISSING:
        if total is None:
            return right(
                "With three or more items blank the PHQ-9 is not scored: too much would be "
                "guessed. Ask the missing questions, item 9 above all if it is among them."
            )
        value = _read_total(total, what)
        if isinstance(value, ExerciseFeedback):
            return value
        return close(
            "Look at how many items are blank. With three or more the PHQ-9 is not scored "
            "at all, so there is no total to give: at most two may be filled in from the "
            "others."
        )
    if total is None:
        return close(
            "This one can be scored: with one or two items blank, each blank is replaced by "
            "the mean of the answered items. Only three or more blanks stop the scoring."
        )
    value = _read_total(total, what)
    if isinstance(value, ExerciseFeedback):
        return value
    expected = scales.score_phq9(given).total
    exact = Fraction(sum(answered) * len(given), len(answered))
    if value == expected:
        return right(
            "Each blank is replaced by the mean of the answered items (the sum x 9 / the "
            "number answered), and the result is rounded to a whole number, halves up. "
            "Report it as prorated, and say by which rule."
        )
    if value == sum(answered):
        return close(
            f"You counted the {blank_word} as 0. Prorating replaces each blank with the mean "
            "of the answered items: add the answered items, multiply by 9, divide by the "
            "number answered."
        )
    if _near(value, Fraction(sum(answered), len(answered)), 0.05):
        return close(
            "That is the mean of the answered items, the score of one typical item. "
            "Multiply it by 9 for the total of all nine."
        )
    if _near(value, Fraction(sum(answered), len(given)), 0.05):
        return close(
            f"You averaged over all nine items, counting the {blank_word} as 0. The total is "
            "a sum, and a blank is replaced by the mean of the answered items."
        )
    if exact.denominator != 1 and _near(value, exact, 0.05):
        return close(
            "Right working, but not rounded: a PHQ-9 total is a whole number. Round it by "
            "the rule: to the nearest whole number, a half rounded up."
        )
    if value == math.floor(exact):
        if exact - math.floor(exact) == Fraction(1, 2):
            return close(
                "Right working, but the half was rounded down. The rule rounds a half up. "
                "(Python's round() rounds a half to the even number, so it goes down as "
                "often as up: do not use it for this rule.)"
            )
        return close(
            "Right working, but rounded down (or the decimals cut off). Round to the nearest "
            "whole number: only a half or more goes up."
        )
    if value == math.ceil(exact):
        return close(
            "Right working, but rounded up. Round to the nearest whole number: less than a "
            "half goes down."
        )
    if not value.is_integer():
        return close(
            "A PHQ-9 total is a whole number. Add the answered items, multiply by 9, divide "
            "by the number answered, and round, halves up."
        )
    if not 0 <= value <= scales.PHQ9_MAX:
        return close("A PHQ-9 total lies between 0 and 27, prorated or not.")
    return close(
        "Work it through again: add the answered items, multiply by 9, divide by the number "
        "answered, then round to a whole number, halves up."
    )


def check_item9_action(
    same_day_assessment: object, answers: Sequence[int | None]
) -> ExerciseFeedback:
    """Check the decision on a PHQ-9 whose item 9 is above 0: a same-day safety assessment.

    Item 9 (thoughts of death or self-harm) is read on its own: any answer above 0
    needs a same-day safety assessment whatever the total (Simon et al. 2013). The
    check is only for such a questionnaire: nothing here may ever teach that a 0 or a
    blank item 9 is an all-clear.

    Parameters
    ----------
    same_day_assessment : object
        The learner's decision: True or False (also numpy's, or the text "yes"/"no").
    answers : sequence of int or None
        The nine answers the exercise gave; item 9 must be above 0.

    Returns
    -------
    ExerciseFeedback
        Right; or not yet, naming the misconception that a low total means no action;
        or not answered yet, or unreadable.

    Raises
    ------
    ValueError
        If ``answers`` is not nine PHQ-9 answers, or item 9 is 0 or blank.

    References
    ----------
    Simon GE, Rutter CM, Peterson D, et al. Does response on the PHQ-9 depression
    questionnaire predict subsequent suicide attempt or suicide death? Psychiatr Serv
    2013;64:1195-1202.

    Examples
    --------
    >>> answers = [0, 1, 0, 1, 0, 1, 0, 0, 1]
    >>> check_item9_action(True, answers).passed
    True
    >>> print(check_item9_action(False, answers))
    Not yet. The total is low (minimal), but item 9 is above 0. Item 9 is read on its own: \
any answer above 0 calls for a same-day safety assessment, whatever the total.
    """
    given = _phq9_items(answers)
    if given[8] is None or given[8] == 0:
        raise ValueError(
            "check_item9_action is for a PHQ-9 with item 9 above 0; a 0 or a blank item 9 "
            "is never an all-clear, so no exercise may check a 'no' against it"
        )
    flag = _read_flag(same_day_assessment, "whether a same-day safety assessment is needed")
    if isinstance(flag, ExerciseFeedback):
        return flag
    if flag:
        return right(
            "Any item 9 answer above 0 calls for a same-day safety assessment, whatever the "
            "total: ask directly about thoughts of death or self-harm, plans and intent, act "
            "on what you hear, and offer a crisis resource. A 0 would be no all-clear either."
        )
    blanks = given.count(None)
    if blanks <= scales.PHQ9_MOST_MISSING:
        result = scales.score_phq9(given)
        if result.severity in ("minimal", "mild"):
            return close(
                f"The total is low ({result.severity}), but item 9 is above 0. Item 9 is read "
                "on its own: any answer above 0 calls for a same-day safety assessment, "
                "whatever the total."
            )
    return close(
        "Item 9 is above 0. It is read on its own: any answer above 0 calls for a same-day "
        "safety assessment, whatever the total."
    )


def _severity_problem(
    value: float, severity: Sequence[int], interference_mean: Fraction | None
) -> str | None:
    """What is wrong with a BPI severity score, or None when it is right."""
    exact = Fraction(sum(severity), len(severity))
    if _near(value, exact, 0.05):
        return None
    if value == sum(severity):
        return (
            "Severity: you added the four ratings. BPI severity is their mean: divide the sum by 4."
        )
    if interference_mean is not None and _near(value, interference_mean, 0.05):
        return "Severity: that is the interference score. Severity comes from the four ratings."
    if value == severity[0]:
        return (
            "Severity: that is the worst-pain rating alone, which sets the band. The severity "
            "score is the mean of all four ratings (worst, least, average, now)."
        )
    if value == severity[2]:
        return (
            "Severity: that is the average-pain rating alone. The severity score is the mean "
            "of all four ratings (worst, least, average, now)."
        )
    if not 0 <= value <= scales.PAIN_MAX:
        return "Severity: a BPI score lies between 0 and 10, a mean of ratings from 0 to 10."
    return "Severity: add the four ratings (worst, least, average, now) and divide by 4."


def _interference_problem(
    value: float | None, interference: Sequence[int | None], severity_mean: Fraction
) -> str | None:
    """What is wrong with a BPI interference score, or None when it is right."""
    answered = [answer for answer in interference if answer is not None]
    fewest = scales.BPI_FEWEST_INTERFERENCE_ANSWERS
    if len(answered) < fewest:
        if value is None:
            return None
        return (
            "Interference: count the answered items. With fewer than 4 of the 7 answered "
            "it is not scored, so there is no number to give."
        )
    if value is None:
        return (
            "Interference: at least 4 of the 7 items are answered, so it is scored: the mean "
            "of the answered items."
        )
    exact = Fraction(sum(answered), len(answered))
    if _near(value, exact, 0.05):
        return None
    blanks = len(interference) - len(answered)
    if value == sum(answered):
        return (
            "Interference: you added the answered items. BPI interference is a mean, not a "
            "sum: divide by the number answered."
        )
    if blanks and _near(value, Fraction(sum(answered), len(interference)), 0.05):
        return (
            "Interference: you divided by 7, counting the blanks as 0. Divide by the number "
            "of items answered."
        )
    if blanks and _near(value, Fraction(sum(answered) * len(interference), len(answered)), 0.05):
        return (
            "Interference: you filled in the blanks and added, as for a PHQ-9 total. BPI "
            "interference is a mean: the mean of the answered items, nothing to fill in."
        )
    if _near(value, severity_mean, 0.05):
        return (
            "Interference: that is the severity score. Interference comes from the seven "
            "ratings of what pain got in the way of."
        )
    if not 0 <= value <= scales.PAIN_MAX:
        return "Interference: a BPI score lies between 0 and 10, a mean of ratings from 0 to 10."
    return "Interference: add the answered items and divide by how many were answered."


def check_bpi_scores(
    severity: object,
    interference: object,
    severity_items: Sequence[int],
    interference_items: Sequence[int | None],
) -> ExerciseFeedback:
    """Check a BPI short form's severity and interference scores.

    Severity is the mean of the four ratings (worst, least, average, now); interference
    is the mean of the answered items among the seven, scored only when at least 4 are
    answered (Cleeland, BPI User Guide 2009; the rule of
    :func:`painmood_widgets.scales.score_bpi`). A mean is accepted to one or two
    decimals.

    Parameters
    ----------
    severity : object
        The learner's severity score, a number.
    interference : object
        The learner's interference score, a number, or ``None`` when it cannot be scored.
    severity_items : sequence of int
        The four severity ratings the exercise gave.
    interference_items : sequence of int or None
        The seven interference ratings the exercise gave, None for each blank.

    Returns
    -------
    ExerciseFeedback
        Right when both are right; else not yet, with what is wrong with each: a sum
        instead of a mean, one rating instead of the mean (worst or average pain),
        blanks counted as 0, blanks filled in as for a PHQ-9, the two scores swapped, a
        score given where fewer than 4 items are answered (or none where it may be);
        or not answered yet, or unreadable, for the first score that is.

    Raises
    ------
    ValueError
        If the ratings are not a BPI short form's (see
        :func:`painmood_widgets.scales.score_bpi`).

    References
    ----------
    Cleeland CS. The Brief Pain Inventory User Guide. Houston: MD Anderson Cancer
    Center; 2009.

    Examples
    --------
    >>> severity_items, interference_items = [8, 3, 6, 5], [7, 8, None, 6, 5, 7, None]
    >>> check_bpi_scores(5.5, 6.6, severity_items, interference_items).passed
    True
    >>> print(check_bpi_scores(5.5, 33, severity_items, interference_items))
    Not yet. Severity is right. Interference: you added the answered items. BPI interference \
is a mean, not a sum: divide by the number answered.
    """
    result = scales.score_bpi(severity_items, interference_items)
    severity_ratings = [int(rating) for rating in severity_items]
    interference_ratings = [None if item is None else int(item) for item in interference_items]
    severity_mean = Fraction(sum(severity_ratings), len(severity_ratings))
    answered = [rating for rating in interference_ratings if rating is not None]
    interference_mean = (
        Fraction(sum(answered), len(answered)) if result.interference is not None else None
    )
    if is_placeholder(severity):
        return not_answered("the BPI severity score")
    if is_placeholder(interference):
        return not_answered("the BPI interference score")
    severity_value = read_number(severity, "the BPI severity score")
    if isinstance(severity_value, ExerciseFeedback):
        return severity_value
    interference_value = None
    if interference is not None:
        interference_value = read_number(interference, "the BPI interference score")
        if isinstance(interference_value, ExerciseFeedback):
            return interference_value
    problems = [
        _severity_problem(severity_value, severity_ratings, interference_mean),
        _interference_problem(interference_value, interference_ratings, severity_mean),
    ]
    if problems == [None, None]:
        scored = (
            "interference the mean of the answered items (scored with at least 4 of 7)"
            if result.interference is not None
            else "interference is not scored with fewer than 4 of 7 answered"
        )
        return right(
            f"Severity is the mean of the four ratings and {scored}. The band comes from the "
            f"worst-pain rating, not from the mean: {result.severity_band} (cut-points from "
            "cancer pain, a teaching label in other pain)."
        )
    parts = [problem for problem in problems if problem is not None]
    if problems[0] is None:
        parts.insert(0, "Severity is right.")
    elif problems[1] is None:
        parts.append("Interference is right.")
    return close(" ".join(parts))


# ------------------------------------------------------------------ exercise 2: change
def check_percent_change(
    percent: object, before: float, after: float, scale: str = "PHQ-9"
) -> ExerciseFeedback:
    """Check a percent change: (after - before) / before x 100, against the baseline.

    A fall may be written as a negative change (as :func:`painmood_widgets.scales.pain_change`
    writes it) or as a positive drop; a rise must be positive. Rounding to a whole
    percent is accepted.

    Parameters
    ----------
    percent : object
        The learner's percent change, a number.
    before, after : int or float
        The baseline and follow-up scores the exercise gave.
    scale : {"PHQ-9", "pain"}
        Which scale: PHQ-9 totals (whole numbers, 0 to 27, checked by
        :func:`painmood_widgets.scales.phq9_change`) or 0-10 pain ratings (checked by
        :func:`painmood_widgets.scales.pain_change`).

    Returns
    -------
    ExerciseFeedback
        Right; or not yet, naming the misconception: a percent of the follow-up instead
        of the baseline, the change in points instead of percent, a fraction not
        multiplied by 100, the follow-up as a percent of the baseline (what remains),
        a rise written as a fall; or not answered yet, or unreadable.

    Raises
    ------
    ValueError
        If ``scale`` is unknown, a score is out of range, or the baseline is 0 (a percent
        change from 0 is undefined).

    References
    ----------
    Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression
    treatment outcomes with the Patient Health Questionnaire-9. Med Care
    2004;42:1194-1201.

    Examples
    --------
    >>> check_percent_change(-100 / 3, 12, 8).passed
    True
    >>> print(check_percent_change(-50, 12, 8))
    Not yet. You divided the change by the follow-up score. A percent change is measured \
against the baseline, the score before: (after - before) / before x 100.
    """
    if scale == "PHQ-9":
        change = scales.phq9_change(before, after)
        start, delta = Fraction(int(before)), Fraction(change.delta)
    elif scale == "pain":
        scales.pain_change(before, after)  # refuses a rating that is not 0 to 10
        start, delta = _exact(before), _exact(after) - _exact(before)
    else:
        raise ValueError(f"scale must be 'PHQ-9' or 'pain'; got {scale!r}")
    if start == 0:
        raise ValueError("a percent change from a baseline of 0 is undefined: pick another pair")
    value = read_number(percent, "the percent change")
    if isinstance(value, ExerciseFeedback):
        return value
    exact = delta / start * 100
    if _near(value, exact, 0.5):
        return right(
            "The change in points, as a share of the baseline (the score before), times 100. "
            "Negative is a fall: an improvement on both scales."
        )
    if delta < 0 and _near(value, -exact, 0.5):
        return right(
            "You wrote the fall as a positive drop, as clinicians often say it. As a change "
            "(after minus before) a fall is negative, which is how the package writes it."
        )
    if delta > 0 and _near(value, -exact, 0.5):
        return close(
            "The score rose, so the change is positive: after minus before, divided by before."
        )
    magnitude = abs(value)
    follow_up = Fraction(_exact(after))
    if follow_up and delta and _near(magnitude, abs(delta / follow_up * 100), 0.5):
        return close(
            "You divided the change by the follow-up score. A percent change is measured "
            "against the baseline, the score before: (after - before) / before x 100."
        )
    if delta and _near(magnitude, abs(delta), 0.01):
        return close(
            "That is the change in points. A percent change is that change as a share of "
            "the baseline, times 100."
        )
    if delta and _near(magnitude, abs(delta / start), 0.005):
        return close(
            "That is the change as a fraction of the baseline. Multiply it by 100 for a percent."
        )
    if _near(value, follow_up / start * 100, 0.5):
        return close(
            "That is the follow-up score as a percent of the baseline: what remains, not the "
            "change. The change is after minus before, divided by before, times 100."
        )
    return close(
        "A percent change is (after - before) / before x 100: the change in points as a "
        "share of the score before."
    )


def _phq9_category(before: int, after: int) -> str:
    change = scales.phq9_change(before, after)
    if change.remission:
        return "remission"
    if change.response:
        return "response"
    if before - after >= PHQ9_PARTIAL_RESPONSE_SHARE * before:
        return "partial response"
    return "no response"


def _category_hint(label: str, expected: str, before: int, after: int) -> str:
    """Why a PHQ-9 outcome label is wrong for one pair, without naming the right one."""
    fall = before - after
    if label == "remission":
        return (
            "remission means a follow-up total below 5, whatever the fall, and this one "
            "ended at 5 or more; name it by the size of the fall instead."
        )
    if expected == "remission":
        return (
            "look at where the total ended: below 5, the target of treatment. In this "
            "exercise, where the total ended is named first, before how far it fell."
        )
    if label == "response":
        if fall > 0 and 2 * fall >= after:
            return (
                "measured against the follow-up the fall looks like half or more; measure it "
                "against the baseline, the score before."
            )
        if fall >= PHQ9_IMPORTANT_CHANGE_POINTS:
            return (
                "a fall of 5 points or more is the individual clinically important change, a "
                "separate rule; this label needs a fall of at least half the baseline."
            )
        return "this label needs a fall of at least half the baseline: recheck fall / before."
    if label == "partial response":
        if expected == "no response":
            if fall > 0 and 4 * fall >= after:
                return (
                    "measured against the follow-up the fall looks like a quarter or more; "
                    "measure it against the baseline, the score before."
                )
            if fall > 0:
                return (
                    "not every fall counts: this label starts at a fall of a quarter (25%) "
                    "of the baseline."
                )
            return "the total did not fall."
        return "recheck the fall as a share of the baseline (fall / before x 100)."
    return (
        "these outcomes go by the fall as a share of the baseline, not by points: recheck "
        "fall / before x 100."
    )


def check_phq9_change_category(
    categories: object, pairs: Sequence[tuple[int, int]]
) -> ExerciseFeedback:
    """Check the outcome named for each pair of PHQ-9 totals, one word per patient.

    The outcome is one of :data:`PHQ9_CATEGORIES`: "remission" when the follow-up total
    is below 5; otherwise "response" (a fall of at least 50% of the baseline), "partial
    response" (25% up to 50%) or "no response" (less than 25%, or a rise), as
    :func:`painmood_widgets.scales.phq9_change` and Löwe et al. (2004) define them.
    Remission and response can both be true; the exercise names where the total ended
    first. Baselines must be 10 or more, where the package counts a response.

    Parameters
    ----------
    categories : object
        The learner's outcomes, one text per pair, in order (a list, tuple, array or
        Series); spelling, case and hyphens are forgiven ("Partial-response").
    pairs : sequence of (int, int)
        The (before, after) PHQ-9 totals the exercise gave, patients A, B, C... in order.

    Returns
    -------
    ExerciseFeedback
        Right when every outcome is right; else not yet, saying how many are right and,
        for each patient that is not, the misconception: remission read as response (or
        response as remission), a fall measured against the follow-up, a 5-point fall
        read as a response, any fall read as a partial response; or not answered yet,
        or unreadable (naming the patient).

    Raises
    ------
    ValueError
        If ``pairs`` is not a list of (before, after) PHQ-9 totals with baselines of 10
        or more.

    References
    ----------
    Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression
    treatment outcomes with the Patient Health Questionnaire-9. Med Care
    2004;42:1194-1201.

    Examples
    --------
    >>> pairs = [(20, 9), (14, 3)]
    >>> check_phq9_change_category(["response", "remission"], pairs).passed
    True
    >>> print(check_phq9_change_category(["remission", "remission"], pairs))
    Not yet. 1 of 2 right. Patient A (20 to 9): remission means a follow-up total below 5, \
whatever the fall, and this one ended at 5 or more; name it by the size of the fall instead.
    """
    checked = _phq9_pairs(pairs, lowest_baseline=scales.PHQ9_SEVERITY_BANDS[2].lowest)
    what = "the PHQ-9 outcomes"
    items = _items(categories, what, len(checked))
    if isinstance(items, ExerciseFeedback):
        return items
    labels = []
    for letter, item in zip(_letters(len(checked)), items, strict=True):
        if is_placeholder(item):
            return not_answered(f"patient {letter}'s outcome")
        label = _category(item)
        if label is None:
            return unreadable(
                f"patient {letter}'s outcome",
                "one of " + ", ".join(f"'{name}'" for name in PHQ9_CATEGORIES),
                item,
            )
        labels.append(label)
    hints = [
        f"Patient {letter} ({before} to {after}): "
        + _category_hint(label, _phq9_category(before, after), before, after)
        for letter, label, (before, after) in zip(
            _letters(len(checked)), labels, checked, strict=True
        )
        if label != _phq9_category(before, after)
    ]
    if not hints:
        return right(
            "Remission is where the total ended (below 5); response, partial response and no "
            "response say how far it fell as a share of the baseline (at least 50%, 25% up to "
            "50%, less than 25%). A 5-point fall is a separate, individual rule."
        )
    return close(f"{len(checked) - len(hints)} of {len(checked)} right. " + " ".join(hints))


def _phq9_important_hint(flag: bool, before: int, after: int) -> str:
    fall = before - after
    if flag:
        if fall <= 0:
            return "the total did not fall."
        if 4 * fall >= before:
            return (
                "as a share of the baseline this fall is large, but the individual rule "
                "counts points: a fall of at least 5."
            )
        return "count the fall in points: the individual rule needs at least 5."
    if fall == PHQ9_IMPORTANT_CHANGE_POINTS:
        return "the rule is a fall of at least 5 points, so exactly 5 counts."
    if 2 * fall < before:
        return (
            "the fall is under half the baseline, but the 5-point rule is separate from "
            "response: it counts points, not percent."
        )
    return "count the fall in points: the individual rule needs at least 5."


def check_phq9_change_important(
    important: object, pairs: Sequence[tuple[int, int]]
) -> ExerciseFeedback:
    """Check, for each pair of PHQ-9 totals, whether the fall is clinically important.

    An individual clinically important change is a fall of at least 5 points (Löwe et
    al. 2004; the ``clinically_important`` flag of
    :func:`painmood_widgets.scales.phq9_change`), whatever the percent.

    Parameters
    ----------
    important : object
        The learner's answers, True or False per pair, in order.
    pairs : sequence of (int, int)
        The (before, after) PHQ-9 totals the exercise gave, patients A, B, C... in order.

    Returns
    -------
    ExerciseFeedback
        Right when every answer is right; else not yet, saying how many are right and,
        for each patient that is not, the misconception: percent (a partial response)
        read as points, a fall of exactly 5 not counted, the 5-point rule mixed up with
        response; or not answered yet, or unreadable (naming the patient).

    Raises
    ------
    ValueError
        If ``pairs`` is not a list of (before, after) PHQ-9 totals.

    References
    ----------
    Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression
    treatment outcomes with the Patient Health Questionnaire-9. Med Care
    2004;42:1194-1201.

    Examples
    --------
    >>> pairs = [(16, 11), (12, 8)]
    >>> check_phq9_change_important([True, False], pairs).passed
    True
    >>> print(check_phq9_change_important([False, False], pairs))
    Not yet. 1 of 2 right. Patient A (16 to 11): the rule is a fall of at least 5 points, so \
exactly 5 counts.
    """
    checked = _phq9_pairs(pairs)
    flags = _read_flags(important, "whether each PHQ-9 fall is clinically important", len(checked))
    if isinstance(flags, ExerciseFeedback):
        return flags
    hints = [
        f"Patient {letter} ({before} to {after}): " + _phq9_important_hint(flag, before, after)
        for letter, flag, (before, after) in zip(
            _letters(len(checked)), flags, checked, strict=True
        )
        if flag != scales.phq9_change(before, after).clinically_important
    ]
    if not hints:
        return right(
            "For one patient a fall of at least 5 points is clinically important, whatever "
            "the percent and whether or not it is a response."
        )
    return close(f"{len(checked) - len(hints)} of {len(checked)} right. " + " ".join(hints))


def _pain_hint(flag: bool, before: Fraction, after: Fraction) -> str:
    fall = before - after
    share = fall / before if before else Fraction(0)
    if not flag:
        if fall >= PAIN_IMPORTANT_CHANGE_POINTS and share < PAIN_IMPORTANT_CHANGE_SHARE:
            return (
                "you may have looked at the percent only. A fall of 2 points or more counts "
                "on its own, even when it is under 30% (high on the scale)."
            )
        if share >= PAIN_IMPORTANT_CHANGE_SHARE and fall < PAIN_IMPORTANT_CHANGE_POINTS:
            return (
                "you may have looked at the points only. A fall of 30% or more counts on its "
                "own, even when it is under 2 points (low on the scale); exactly 30% counts."
            )
        return "either a fall of 2 points or a fall of 30% is enough, and exactly on it counts."
    if fall <= 0:
        return "the pain did not fall; this flag is about improvement."
    if after and fall / after >= PAIN_IMPORTANT_CHANGE_SHARE:
        return (
            "measured against the follow-up the fall looks like 30% or more; measure it "
            "against the baseline, the rating before."
        )
    if Fraction(1, 10) <= share <= Fraction(2, 10):
        return "a fall of 10-20% is a minimal change, short of both 2 points and 30%."
    return "the fall is short of both 2 points and 30% of the baseline."


def check_pain_change_important(
    important: object, pairs: Sequence[tuple[float, float]]
) -> ExerciseFeedback:
    """Check, for each pair of 0-10 pain ratings, whether the fall is clinically important.

    A fall of at least 2 points or at least 30% of the baseline is clinically important
    (Farrar et al. 2001; IMMPACT, Dworkin et al. 2008; the ``clinically_important`` flag
    of :func:`painmood_widgets.scales.pain_change`); either is enough.

    Parameters
    ----------
    important : object
        The learner's answers, True or False per pair, in order.
    pairs : sequence of (float, float)
        The (before, after) pain ratings, 0 to 10, the exercise gave; patients A, B,
        C... in order.

    Returns
    -------
    ExerciseFeedback
        Right when every answer is right; else not yet, saying how many are right and,
        for each patient that is not, the misconception: points only or percent only
        (points vs percent), a fall exactly on a threshold not counted, a minimal change
        (10-20%) read as important, a fall measured against the follow-up, a rise
        flagged; or not answered yet, or unreadable (naming the patient).

    Raises
    ------
    ValueError
        If ``pairs`` is not a list of (before, after) ratings from 0 to 10.

    References
    ----------
    Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes
    in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain
    2001;94:149-158.

    Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of
    treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain
    2008;9:105-121.

    Examples
    --------
    >>> pairs = [(3, 2), (9, 7)]
    >>> check_pain_change_important([True, True], pairs).passed
    True
    >>> print(check_pain_change_important([True, False], pairs))
    Not yet. 1 of 2 right. Patient B (9 to 7): you may have looked at the percent only. A \
fall of 2 points or more counts on its own, even when it is under 30% (high on the scale).
    """
    checked = _pain_pairs(pairs)
    flags = _read_flags(important, "whether each pain fall is clinically important", len(checked))
    if isinstance(flags, ExerciseFeedback):
        return flags
    hints = [
        f"Patient {letter} ({_rating(before)} to {_rating(after)}): "
        + _pain_hint(flag, before, after)
        for letter, flag, (before, after, expected) in zip(
            _letters(len(checked)), flags, checked, strict=True
        )
        if flag != expected
    ]
    if not hints:
        return right(
            "A fall of at least 2 points or at least 30% of the baseline is clinically "
            "important; either is enough. Points matter most high on the scale, percent low "
            "on it."
        )
    return close(f"{len(checked) - len(hints)} of {len(checked)} right. " + " ".join(hints))
