"""Small pieces of plain English shared by every module that writes sentences.

The describers, the charts' text alternatives, the case study and the widgets all list
things, count them, quote labels and numbers inside sentences and round a score as a
clinician reads it; they do it the same way because they do it here. No imports beyond
the standard library, so the scoring core can use it too.

Examples
--------
>>> listing([in_sentence(label) for label in ("Duloxetine", "Weekly CBT", "CBT for insomnia")])
'duloxetine, weekly CBT and CBT for insomnia'
>>> plural(1, "point"), plural(2.5, "point"), count_word(3)
('1 point', '2.5 points', 'three')
"""

import math
from collections.abc import Sequence

__all__ = [
    "count_word",
    "in_sentence",
    "listing",
    "noun",
    "number",
    "plural",
    "round_half_up",
]

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number(value: float) -> str:
    """A figure as written in a sentence: 4.0 as "4", 51.7 as "51.7".

    Examples
    --------
    >>> number(4.0), number(51.7), number(0.25)
    ('4', '51.7', '0.25')
    """
    return f"{value:g}"


def noun(count: float, unit: str) -> str:
    """The unit for a count: singular for exactly 1, else plural ("week", "weeks").

    Examples
    --------
    >>> noun(1, "treatment"), noun(2, "treatment")
    ('treatment', 'treatments')
    """
    return unit if count == 1 else f"{unit}s"


def plural(count: float, unit: str) -> str:
    """A count with its unit, plural unless the count is exactly 1: "1 week", "3 weeks".

    Examples
    --------
    >>> plural(1, "day"), plural(0, "day"), plural(1.5, "hour")
    ('1 day', '0 days', '1.5 hours')
    """
    return f"{number(count)} {noun(count, unit)}"


def count_word(count: int) -> str:
    """A small count in words (no, one, ... nine), a larger one in digits.

    Examples
    --------
    >>> count_word(0), count_word(3), count_word(12)
    ('no', 'three', '12')
    """
    return _WORDS[count] if 0 <= count < len(_WORDS) else str(count)


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as a clinician reads a score: to ``decimals`` places, halves up.

    Python's ``round`` sends halves to the even neighbour (``round(4.5) == 4``); a PHQ-9
    of 9.5 reads as 10. Works on the decimal value written, so 4.75 reads as 4.8.

    Examples
    --------
    >>> round_half_up(9.5), round_half_up(9.49), round_half_up(4.75, 1), round_half_up(4.749, 1)
    (10.0, 9.0, 4.8, 4.7)
    """
    scale = 10**decimals
    return math.floor(round(value * scale, 9) + 0.5) / scale


def listing(items: Sequence[str]) -> str:
    """Items joined as a sentence lists them: 'a', 'a and b', 'a, b and c'.

    Parameters
    ----------
    items : sequence of str
        The items, in the order to read them.

    Returns
    -------
    str
        Commas between the items and "and" before the last; empty when there are none.

    Examples
    --------
    >>> listing(["pain", "sleep", "mood"])
    'pain, sleep and mood'
    >>> listing(["pain"]), listing([])
    ('pain', '')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: its first letter lowercased.

    A label that opens with an abbreviation (CBT, PHQ-9) keeps its capitals.

    Parameters
    ----------
    label : str
        A label written to stand alone, such as a check box's description.

    Returns
    -------
    str
        The label to quote mid-sentence.

    Examples
    --------
    >>> in_sentence("Weekly cognitive behavioural therapy (CBT)")
    'weekly cognitive behavioural therapy (CBT)'
    >>> in_sentence("CBT for insomnia (CBT-I)")
    'CBT for insomnia (CBT-I)'
    """
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label
