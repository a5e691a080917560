"""Self-check questions for the course notebooks, answered and explained in place.

A question is written in the notebook as one call, with its answer and the feedback
each reply earns::

    from painmood_widgets import quiz

    quiz.multiple_choice(
        "PHQ-9 item 9 is 1 and the total is 4. What comes first?",
        [
            quiz.Option("A same-day safety assessment", "Item 9 above 0 needs it, "
                        "whatever the total.", correct=True),
            quiz.Option("Nothing: the total is minimal", "A low total is no all-clear."),
        ],
    )

Multiple-choice and numeric answers; feedback for every option and for typical wrong
numbers, saying why; keyboard operable with accessible names. Built on ipywidgets only,
so it works offline in JupyterLab and in Voila: nothing loads from a CDN (the README says
why painmood does not use a quiz package such as jupyterquiz), and nothing a learner
replies is stored or sent anywhere.

- :mod:`~painmood_widgets.quiz.questions`: questions, options and feedback as checked
  data, no widgets;
- :mod:`~painmood_widgets.quiz.cards`: the cards that show them.

Educational, not diagnostic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from painmood_widgets.quiz.cards import ChoiceCheck, NumericCheck
from painmood_widgets.quiz.questions import (
    ChoiceQuestion,
    Feedback,
    NumericQuestion,
    Option,
    parse_number,
)

__all__ = [
    "ChoiceCheck",
    "ChoiceQuestion",
    "Feedback",
    "NumericCheck",
    "NumericQuestion",
    "Option",
    "multiple_choice",
    "numeric",
    "parse_number",
]


def multiple_choice(prompt: str, options: Sequence[Option]) -> ChoiceCheck:
    """A multiple-choice self-check card: one right option, feedback for each.

    Parameters
    ----------
    prompt : str
        The question.
    options : sequence of Option
        Two or more options; exactly one has ``correct=True``.

    Raises
    ------
    ValueError
        If the question is malformed (see :class:`ChoiceQuestion`).

    Examples
    --------
    >>> card = multiple_choice("Which scale runs 0 to 27?", [
    ...     Option("PHQ-9", "Nine items scored 0-3.", correct=True),
    ...     Option("PEG", "The PEG is a 0-10 mean.")])
    >>> card.choices.index = 0
    >>> card.check().correct
    True
    """
    return ChoiceCheck(ChoiceQuestion(prompt, tuple(options)))


def numeric(
    prompt: str,
    *,
    answer: float,
    explanation: str,
    hint: str,
    unit: str = "",
    tolerance: float = 0.0,
    wrong: Mapping[float, str] | None = None,
) -> NumericCheck:
    """A self-check card answered with a number, with feedback for typical wrong numbers.

    Parameters are those of :class:`NumericQuestion`.

    Raises
    ------
    ValueError
        If the question is malformed (see :class:`NumericQuestion`).

    Examples
    --------
    >>> card = numeric("Pain 8 falls to 5: by how many percent?", answer=37.5, unit="%",
    ...     tolerance=0.5, explanation="(8 - 5) / 8 = 37.5%: a clinically important 30%+.",
    ...     hint="Divide the fall by the starting score.", wrong={3: "That is points."})
    >>> card.reply.value = "37.5%"
    >>> card.feedback_text
    'Right. (8 - 5) / 8 = 37.5%: a clinically important 30%+.'
    """
    return NumericCheck(
        NumericQuestion(
            prompt,
            answer=answer,
            explanation=explanation,
            hint=hint,
            unit=unit,
            tolerance=tolerance,
            wrong=dict(wrong or {}),
        )
    )
