"""Self-check questions as data: a question, its answer and the feedback for each reply.

Pure and widget-free, so a question is checked when it is written (a question with no
correct option, or an option with no feedback, is refused at once) and its feedback is
tested without a browser. The views are in :mod:`painmood_widgets.quiz.cards`.

Feedback explains *why*, for the right reply and for every wrong one: a self-check is for
learning, not for marking. The answer lives in the notebook's own content; nothing a
learner replies is stored or sent anywhere.

Examples
--------
>>> question = ChoiceQuestion(
...     "PHQ-9 item 9 is 1 and the total is 4. What comes first?",
...     (
...         Option("Same-day safety assessment", "Item 9 above 0 needs one.", correct=True),
...         Option("Nothing: the total is minimal", "A low total is no all-clear."),
...     ),
... )
>>> question.feedback(1)
Feedback(correct=False, text='A low total is no all-clear.')
>>> numeric = NumericQuestion(
...     "Answers 2, 2, 1, 2, 1, 1, 2, 1, 0: what is the PHQ-9 total?",
...     answer=12, unit="points", explanation="The total is the sum of the nine items.",
...     hint="Add the nine answers.", wrong={1.33: "That is the mean; the total is a sum."},
... )
>>> numeric.feedback("1.33").text
'That is the mean; the total is a sum.'
>>> numeric.feedback(" 12 ")
Feedback(correct=True, text='The total is the sum of the nine items.')
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["ChoiceQuestion", "Feedback", "NumericQuestion", "Option", "parse_number"]

_MATCH_FLOOR = 1e-9
"""Two numbers closer than this are the same reply (so 0.1 + 0.2 matches 0.3)."""


def _text(value: object, name: str) -> str:
    """A non-blank string, stripped; anything else is refused naming the field."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value.strip()


_VERDICT = re.compile(r"(?:Right|Correct|Yes|No|Not quite|Wrong|Incorrect)\b[.:,!]", re.IGNORECASE)
"""A feedback text that opens with a verdict: the card says the verdict, so it would twice."""


def _feedback(value: object, name: str) -> str:
    """Feedback text: non-blank, and not opening with a verdict the card already shows.

    Examples
    --------
    >>> _feedback("Right: it is a sum.", "feedback of 'A'")
    Traceback (most recent call last):
    ...
    ValueError: feedback of 'A' must not open with a verdict ('Right:'): the card shows \
'Right.' or 'Not quite.' before it; start with the reason
    """
    text = _text(value, name)
    verdict = _VERDICT.match(text)
    if verdict:
        raise ValueError(
            f"{name} must not open with a verdict ({verdict.group()!r}): the card shows "
            "'Right.' or 'Not quite.' before it; start with the reason"
        )
    return text


def _finite(value: object, name: str) -> float:
    """A finite real number (not a bool); anything else is refused naming the field."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class Feedback:
    """What a self-check says to one reply.

    Attributes
    ----------
    correct : bool
        Whether the reply is right.
    text : str
        Why it is right or wrong, in the question author's words.
    """

    correct: bool
    text: str


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question, with the feedback its choice earns.

    Attributes
    ----------
    text : str
        The option as the learner reads it.
    feedback : str
        Why this option is right or wrong (shown when it is chosen and checked).
    correct : bool, default False
        Whether this is the right option.
    """

    text: str
    feedback: str
    correct: bool = False

    def __post_init__(self) -> None:
        """Check and strip the texts; refuse a non-bool ``correct``."""
        object.__setattr__(self, "text", _text(self.text, "option text"))
        object.__setattr__(self, "feedback", _feedback(self.feedback, f"feedback of {self.text!r}"))
        if not isinstance(self.correct, bool):
            raise ValueError(
                f"correct of {self.text!r} must be True or False, got {self.correct!r}"
            )


@dataclass(frozen=True)
class ChoiceQuestion:
    """A multiple-choice question with exactly one right option.

    Parameters
    ----------
    prompt : str
        The question.
    options : sequence of Option
        Two or more options, their texts distinct, exactly one with ``correct=True``.

    Raises
    ------
    ValueError
        If the prompt is blank, there are fewer than two options, an option is not an
        :class:`Option`, two options read the same, or not exactly one is correct.
    """

    prompt: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        """Check the prompt and the options: at least two, distinct, exactly one correct."""
        object.__setattr__(self, "prompt", _text(self.prompt, "prompt"))
        if isinstance(self.options, str | bytes) or not isinstance(self.options, Sequence):
            raise ValueError(f"options must be a list of Option, got {self.options!r}")
        options = tuple(self.options)
        if len(options) < 2:
            raise ValueError(f"a question needs at least 2 options, got {len(options)}")
        for option in options:
            if not isinstance(option, Option):
                raise ValueError(f"every option must be an Option, got {option!r}")
        texts = [option.text for option in options]
        if len(set(texts)) != len(texts):
            raise ValueError(f"option texts must be distinct, got {texts}")
        right = sum(option.correct for option in options)
        if right != 1:
            raise ValueError(f"exactly one option must be correct, got {right}: {self.prompt!r}")
        object.__setattr__(self, "options", options)

    def feedback(self, chosen: int) -> Feedback:
        """The feedback for the option at index ``chosen`` (0-based).

        Raises
        ------
        ValueError
            If ``chosen`` is not the index of an option.
        """
        if isinstance(chosen, bool) or not isinstance(chosen, int):
            raise ValueError(f"chosen option must be an index, got {chosen!r}")
        if not 0 <= chosen < len(self.options):
            raise ValueError(f"chosen option must be 0 to {len(self.options) - 1}, got {chosen}")
        option = self.options[chosen]
        return Feedback(option.correct, option.feedback)


def _reads_as(value: float, number: float) -> bool:
    """Whether ``value`` rounds to ``number`` at the places ``number`` is written to.

    So 1.333 reads as a typical wrong 1.33, and 1.3 does not; a whole number matches only
    itself (within the question's tolerance, checked by the caller).

    Examples
    --------
    >>> _reads_as(1.333, 1.33), _reads_as(1.3, 1.33), _reads_as(14.2, 14.0)
    (True, False, False)
    """
    places = len(repr(number).partition(".")[2].rstrip("0"))
    return places > 0 and round(value, places) == number


def parse_number(reply: object, unit: str = "") -> float:
    """A learner's typed reply as a number: "14", "14.0", "-2.5", "30 %" when ``unit`` is "%".

    Raises
    ------
    ValueError
        If the reply is blank, not a number, or NaN or infinite; the message says what
        is expected.

    Examples
    --------
    >>> parse_number(" 14.0 "), parse_number("30%", unit="%")
    (14.0, 30.0)
    >>> parse_number("fourteen", unit="points")
    Traceback (most recent call last):
    ...
    ValueError: Your answer must be a number of points, like 12 or 2.5; got 'fourteen'
    """
    expected = f"a number of {unit}" if unit and unit != "%" else "a number"
    if not isinstance(reply, str) or not reply.strip():
        raise ValueError(f"Type your answer first: {expected}, like 12 or 2.5")
    text = reply.strip()
    if unit == "%":
        text = text.removesuffix("%").strip()
    try:
        value = float(text)
    except ValueError:
        raise ValueError(
            f"Your answer must be {expected}, like 12 or 2.5; got {reply.strip()!r}"
        ) from None
    if not math.isfinite(value):
        raise ValueError(f"Your answer must be a finite number, got {reply.strip()!r}")
    return value


@dataclass(frozen=True)
class NumericQuestion:
    """A question answered with a number, with feedback for typical wrong numbers.

    Parameters
    ----------
    prompt : str
        The question.
    answer : float
        The right number.
    explanation : str
        Why it is right (shown with a right reply).
    hint : str
        What to look at again (shown with a wrong reply that no misconception explains).
    unit : str, default ""
        The unit, named in the input's label and in messages ("points", "%").
    tolerance : float, default 0
        How far from ``answer`` a reply may be and still be right (for rounding).
    wrong : mapping of float to str, default {}
        Typical wrong numbers and what each one tells the learner ("That is the mean:
        the PHQ-9 total is a sum").

    Raises
    ------
    ValueError
        If a text is blank, a number is not finite, the tolerance is negative, or a
        typical wrong number would count as right.
    """

    prompt: str
    answer: float
    explanation: str
    hint: str
    unit: str = ""
    tolerance: float = 0.0
    wrong: Mapping[float, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Check every field; refuse a typical wrong answer that would count as right."""
        object.__setattr__(self, "prompt", _text(self.prompt, "prompt"))
        object.__setattr__(self, "answer", _finite(self.answer, "answer"))
        object.__setattr__(self, "explanation", _feedback(self.explanation, "explanation"))
        object.__setattr__(self, "hint", _feedback(self.hint, "hint"))
        if not isinstance(self.unit, str):
            raise ValueError(f"unit must be a string, got {self.unit!r}")
        tolerance = _finite(self.tolerance, "tolerance")
        if tolerance < 0:
            raise ValueError(f"tolerance must be 0 or more, got {tolerance:g}")
        object.__setattr__(self, "tolerance", tolerance)
        if not isinstance(self.wrong, Mapping):
            raise ValueError(f"wrong must map numbers to feedback, got {self.wrong!r}")
        wrong = {}
        for value, text in self.wrong.items():
            number = _finite(value, "a typical wrong answer")
            if self._is_right(number):
                raise ValueError(
                    f"typical wrong answer {number:g} would count as right "
                    f"(answer {self.answer:g}, tolerance {tolerance:g})"
                )
            wrong[number] = _feedback(text, f"feedback for {number:g}")
        object.__setattr__(self, "wrong", MappingProxyType(wrong))

    def _is_right(self, value: float) -> bool:
        return abs(value - self.answer) <= max(self.tolerance, _MATCH_FLOOR)

    def feedback(self, reply: str) -> Feedback:
        """The feedback for a typed reply.

        Raises
        ------
        ValueError
            If the reply is not a number (see :func:`parse_number`).
        """
        value = parse_number(reply, self.unit)
        if self._is_right(value):
            return Feedback(True, self.explanation)
        for number, text in self.wrong.items():
            if abs(value - number) <= max(self.tolerance, _MATCH_FLOOR) or _reads_as(value, number):
                return Feedback(False, text)
        return Feedback(False, self.hint)
