"""Self-check cards: a question, a way to answer it, a "Check answer" button, feedback.

Views of the questions in :mod:`painmood_widgets.quiz.questions`. Keyboard alone works
them: Tab reaches the options or the number box and the button; arrow keys choose an
option; Enter in the number box checks it. Every control has a visible label and an
accessible name. Feedback appears in a polite live region and starts with a word
("Right." or "Not quite."), so it never rests on colour. Changing the answer clears
the feedback, so what is shown always belongs to what is chosen.

The right answer and the feedback stay in the kernel: the browser receives the feedback
of a reply only once it is checked. Nothing a learner replies is stored or sent
anywhere, and nothing loads from the network, in JupyterLab or in Voila.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from painmood_widgets.quiz.questions import ChoiceQuestion, Feedback, NumericQuestion
from painmood_widgets.theme import HTML_COLOURS

__all__ = ["ChoiceCheck", "NumericCheck"]

HEADING = "Check your understanding"
RIGHT = "Right."
WRONG = "Not quite."
CHOOSE_FIRST = "Choose an option first, then check it."

_CARD_STYLE = (
    f"border-left: 4px solid {HTML_COLOURS['focus']}; padding: 0.1em 0.75em; "
    f"color: {HTML_COLOURS['text']}"
)


# ipywidgets gives each radio option one line of fixed height, so a long option runs
# under the next one and its label takes the next one's clicks; a self-check's options are
# sentences, so they wrap here, each on its own lines beside its button.
_CARD_CSS = """<style>
.painmood-selfcheck .widget-radio { width: auto; max-width: 100%; }
.painmood-selfcheck .widget-radio-box label {
  display: flex; align-items: flex-start; height: auto;
  line-height: 1.4; white-space: normal; margin-bottom: 0.4em;
}
.painmood-selfcheck .widget-radio-box input {
  order: -1; flex: none; height: auto; margin-top: 0.25em;
}
</style>"""


def _prompt_html(prompt: str) -> str:
    return (
        f'{_CARD_CSS}<div style="{_CARD_STYLE}"><p><strong>{HEADING}.</strong> '
        f"{html.escape(prompt)}</p></div>"
    )


def _feedback_html(feedback: Feedback | None) -> str:
    """The live region: empty (and unmarked) until a check, then the verdict and the reason.

    The region itself is always on the page, so a screen reader announces what fills it.
    """
    if feedback is None:
        return '<div role="status" aria-live="polite"></div>'
    verdict = RIGHT if feedback.correct else WRONG
    return (
        f'<div role="status" aria-live="polite" style="{_CARD_STYLE}"><p>'
        f"<strong>{verdict}</strong> {html.escape(feedback.text)}</p></div>"
    )


def _message_html(message: str) -> str:
    """A reply that cannot be checked, as an alert naming what is expected."""
    return (
        f'<div role="alert" style="{_CARD_STYLE}"><p style="color: {HTML_COLOURS["refusal"]}">'
        f"{html.escape(message)}</p></div>"
    )


class _Card(widgets.VBox):
    """What both cards share: prompt, answer control, button and feedback area.

    ``judge`` reads the reply shown and returns its feedback, or raises ``ValueError``
    with a message for the learner when the reply cannot be checked.
    """

    def __init__(
        self, prompt: str, answer_control: widgets.DOMWidget, judge: Callable[[], Feedback]
    ) -> None:
        self._judge = judge
        self.prompt = widgets.HTML(_prompt_html(prompt))
        self.check_button = widgets.Button(
            description="Check answer", tooltip="Check your answer", icon="check"
        )
        self.feedback_area = widgets.HTML(_feedback_html(None))
        self.feedback: Feedback | None = None
        self.message = ""
        self.check_button.on_click(lambda _button: self.check())
        answer_control.observe(lambda _change: self._show(None), names="value")
        super().__init__([self.prompt, answer_control, self.check_button, self.feedback_area])
        self.add_class("painmood-selfcheck")

    def check(self) -> Feedback | None:
        """Check the reply shown; return its feedback, or None if it cannot be checked.

        A reply that cannot be checked (no option chosen, not a number) shows a message
        saying what is expected instead of feedback.
        """
        try:
            feedback = self._judge()
        except ValueError as refused:
            return self._show(None, str(refused))
        return self._show(feedback)

    def _show(self, feedback: Feedback | None, message: str = "") -> Feedback | None:
        self.feedback, self.message = feedback, message
        self.feedback_area.value = _message_html(message) if message else _feedback_html(feedback)
        return feedback

    @property
    def feedback_text(self) -> str:
        """What the card says now, as plain text ("" before a check)."""
        if self.message:
            return self.message
        if self.feedback is None:
            return ""
        return f"{RIGHT if self.feedback.correct else WRONG} {self.feedback.text}"


class ChoiceCheck(_Card):
    """A multiple-choice self-check: radio buttons, then feedback for the option chosen.

    Parameters
    ----------
    question : ChoiceQuestion
        The question, its options and their feedback.

    Examples
    --------
    >>> from painmood_widgets.quiz.questions import Option
    >>> card = ChoiceCheck(ChoiceQuestion("Is PHQ-9 item 9 above 0 an emergency?", (
    ...     Option("It needs a same-day safety assessment", "Whatever the total.", correct=True),
    ...     Option("Only if the total is 20 or more", "Item 9 needs it at any total."))))
    >>> card.check() is None, card.feedback_text
    (True, 'Choose an option first, then check it.')
    >>> card.choices.index = 1
    >>> card.check().correct, card.feedback_text
    (False, 'Not quite. Item 9 needs it at any total.')
    """

    def __init__(self, question: ChoiceQuestion) -> None:
        if not isinstance(question, ChoiceQuestion):
            raise ValueError(f"question must be a ChoiceQuestion, got {question!r}")
        self.question = question
        self.choices = widgets.RadioButtons(
            options=[(option.text, index) for index, option in enumerate(question.options)],
            value=None,
            description="Your answer",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        super().__init__(question.prompt, self.choices, self._judge_choice)

    def _judge_choice(self) -> Feedback:
        if self.choices.value is None:
            raise ValueError(CHOOSE_FIRST)
        return self.question.feedback(self.choices.value)


class NumericCheck(_Card):
    """A self-check answered with a number typed in a box; Enter or the button checks it.

    Parameters
    ----------
    question : NumericQuestion
        The question, its answer, and feedback for typical wrong numbers.

    Examples
    --------
    >>> card = NumericCheck(NumericQuestion("PEG answers 6, 5 and 7: the PEG score?",
    ...     answer=6, explanation="The mean of the three.", hint="Average the three.",
    ...     wrong={18: "That is the sum; the PEG is the mean."}))
    >>> card.reply.value = "18"
    >>> card.check().correct, card.feedback_text
    (False, 'Not quite. That is the sum; the PEG is the mean.')
    >>> card.reply.value = "six"
    >>> card.check() is None, card.feedback_text
    (True, "Your answer must be a number, like 12 or 2.5; got 'six'")
    """

    def __init__(self, question: NumericQuestion) -> None:
        if not isinstance(question, NumericQuestion):
            raise ValueError(f"question must be a NumericQuestion, got {question!r}")
        self.question = question
        label = f"Your answer ({question.unit})" if question.unit else "Your answer"
        self.reply = widgets.Text(
            description=label,
            placeholder="a number",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        super().__init__(question.prompt, self.reply, lambda: question.feedback(self.reply.value))
        # Enter (or leaving the box) commits the reply, which checks it.
        self.reply.observe(lambda _change: self.reply.value.strip() and self.check(), "value")
