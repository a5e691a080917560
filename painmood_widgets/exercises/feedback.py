"""What every exercise check shares: the verdict, reading an answer, and fingerprints.

A check never raises at a learner and never prints the answer it expects. It returns an
:class:`ExerciseFeedback` that says, in words, one of four things: not answered yet (the
``...`` placeholder is still there), the answer cannot be read (a string where a number
belongs, a NaN), close but with a named misconception, or right. Equivalent answers are
accepted: ``14`` or ``14.0``, a list or a tuple, a DataFrame whose columns or rows come in
another order.

Where an answer cannot be computed from the package (a verdict in words, a choice), the
check compares a one-way fingerprint of the learner's answer with one stored in the
check (:func:`fingerprint`): the stored string tells nothing about the answer.

Educational, not diagnostic.

Examples
--------
>>> print(not_answered("the PHQ-9 total"))
Not answered yet: replace the ... with your answer for the PHQ-9 total, then run the cell.
>>> read_number(14.0, "the PHQ-9 total")
14.0
>>> print(read_number("14", "the PHQ-9 total"))
Cannot check the PHQ-9 total yet: it should be a number, like 14 or 2.5, but it is the text '14'.
"""

from __future__ import annotations

import hashlib
import html
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from painmood_widgets.theme import HTML_COLOURS

__all__ = [
    "ExerciseFeedback",
    "close",
    "fingerprint",
    "is_placeholder",
    "not_answered",
    "read_frame",
    "read_number",
    "read_numbers",
    "read_text",
    "right",
    "unreadable",
]

Status = Literal["right", "close", "not answered", "unreadable"]

_BORDERS = {
    "right": HTML_COLOURS["focus"],
    "close": HTML_COLOURS["illustrative_border"],
    "not answered": HTML_COLOURS["rule"],
    "unreadable": HTML_COLOURS["refusal"],
}
"""The left border of each verdict, from the one theme; the verdict is also in words."""


@dataclass(frozen=True)
class ExerciseFeedback:
    """A check's verdict on one answer, in words.

    Attributes
    ----------
    status : {"right", "close", "not answered", "unreadable"}
        What the check found.
    message : str
        The whole message, verdict first; it never contains the expected answer.
    """

    status: Status
    message: str

    @property
    def passed(self) -> bool:
        """Whether the answer is right."""
        return self.status == "right"

    def __str__(self) -> str:
        """The message."""
        return self.message

    def _repr_html_(self) -> str:
        colour = _BORDERS[self.status]
        return (
            f'<div role="status" style="border-left: 4px solid {colour}; '
            f'padding: 0.2em 0.75em">{html.escape(self.message)}</div>'
        )


def right(message: str) -> ExerciseFeedback:
    """A right answer, with why it is right."""
    return ExerciseFeedback("right", f"Right. {message}")


def close(message: str) -> ExerciseFeedback:
    """A wrong answer, with the misconception it shows and what to look at again."""
    return ExerciseFeedback("close", f"Not yet. {message}")


def not_answered(what: str) -> ExerciseFeedback:
    """The ``...`` placeholder is still in place of ``what``."""
    return ExerciseFeedback(
        "not answered",
        f"Not answered yet: replace the ... with your answer for {what}, then run the cell.",
    )


def unreadable(
    what: str, expected: str, got: object, *, described: str | None = None
) -> ExerciseFeedback:
    """An answer of the wrong kind: says what kind was expected and what was given.

    ``described`` says what was given in words, where the value itself would not.
    """
    given = described if described is not None else _kind(got)
    return ExerciseFeedback(
        "unreadable", f"Cannot check {what} yet: it should be {expected}, but it is {given}."
    )


def _kind(value: object) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "None (nothing)"
    if isinstance(value, bool):
        return f"{value} (a yes/no value)"
    if isinstance(value, float) and math.isnan(value):
        return "NaN (not a number)"
    return f"{type(value).__name__} {value!r}"[:120]


def is_placeholder(value: object) -> bool:
    """Whether ``value`` is, or still holds, the ``...`` placeholder.

    Examples
    --------
    >>> is_placeholder(...), is_placeholder([1, ..., 3]), is_placeholder({"a": ...})
    (True, True, True)
    >>> is_placeholder(0)
    False
    """
    if value is Ellipsis:
        return True
    if isinstance(value, dict):
        return any(is_placeholder(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(item is Ellipsis for item in value)
    return False


def read_number(value: object, what: str) -> float | ExerciseFeedback:
    """``value`` as a float, or the feedback that says why it cannot be read.

    Accepts Python and numpy integers and floats (not bools); refuses text, NaN and
    infinity, naming ``what`` and what is expected.
    """
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.number):
        return unreadable(what, "a number, like 14 or 2.5", value)
    number = float(value)
    if not math.isfinite(number):
        return unreadable(what, "a finite number", value)
    return number


def read_numbers(
    value: object, what: str, count: int | None = None
) -> np.ndarray | ExerciseFeedback:
    """``value`` as a 1-D array of floats (from a list, tuple, array or Series), or feedback."""
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, str) or not isinstance(value, Sequence | np.ndarray | pd.Series):
        return unreadable(what, "a list of numbers", value)
    numbers = []
    for item in value:
        number = read_number(item, what)
        if isinstance(number, ExerciseFeedback):
            return unreadable(what, "a list of numbers only", item)
        numbers.append(number)
    if count is not None and len(numbers) != count:
        return unreadable(
            what, f"a list of {count} numbers", value, described=f"a list of {len(numbers)}"
        )
    return np.asarray(numbers)


def read_text(value: object, what: str) -> str | ExerciseFeedback:
    """``value`` as stripped text, or feedback if it is not text or is empty."""
    if is_placeholder(value):
        return not_answered(what)
    if not isinstance(value, str):
        return unreadable(what, "text in quotes", value)
    if not value.strip():
        return not_answered(what)
    return value.strip()


def read_frame(value: object, what: str, columns: Sequence[str]) -> pd.DataFrame | ExerciseFeedback:
    """``value`` as a DataFrame with ``columns`` in that order, rows sorted; or feedback.

    A learner's table may hold its columns in any order and its rows in any order, and
    may carry the grouping as its index (``groupby(...).mean()``) or as a column.
    """
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, pd.Series):
        value = value.to_frame()
    if not isinstance(value, pd.DataFrame):
        return unreadable(what, "a pandas DataFrame", value)
    frame = value.reset_index() if not set(columns) <= set(value.columns) else value
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        return unreadable(
            what,
            f"a table with the columns {', '.join(columns)}",
            value,
            described=f"a table without {', '.join(missing)}",
        )
    frame = frame.loc[:, list(columns)]
    return frame.sort_values(list(columns)).reset_index(drop=True)


def _canonical(value: object) -> str:
    """One spelling for equivalent answers: case, spacing and accents folded; 14 as 14.0."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | np.number):
        return repr(round(float(value), 6))
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").split()).strip(" .")


def fingerprint(value: object) -> str:
    """A one-way fingerprint of an answer: equivalent answers share it; it reveals nothing.

    Examples
    --------
    >>> fingerprint("Partial response") == fingerprint("  partial-response. ")
    True
    >>> fingerprint(14) == fingerprint(14.0), len(fingerprint(14))
    (True, 16)
    """
    return hashlib.sha256(("painmood:" + _canonical(value)).encode()).hexdigest()[:16]
