"""Item-by-item forms for the PHQ-9, the BPI short form and the PEG, with a live score.

Each form is an ipywidgets ``VBox`` and a view of a form state from
:mod:`painmood_widgets.state.forms` (``form.state``): one control per item, whose first
option is "Not answered" (value None), linked to the state's ``answers``; then the
state's score, band (with the band's caveat) and summary. Scoring comes from
:mod:`painmood_widgets.scales` and every sentence from
:mod:`painmood_widgets.describe.forms`, through the state; a form neither scores nor
writes a sentence.

The forms can be driven entirely from Python::

    form = Phq9Form()
    form.items[8].value = 1          # one control per item, 0-based
    form.set_answers([1, 2, 1, 2, 1, 1, 2, 1, 0])
    form.answers, form.result, form.summary_text
    form.state.answers = [1] * 9     # the state drives the controls too

Updates change values and HTML only; the widget tree is built once. A refused value
(``set_answers`` raises the scales' ``ValueError`` and shows its message in the form; a
control raises ``TraitError``) changes no answer. Nothing a learner enters leaves the
computer.

Educational, not diagnostic.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
from traitlets import HasTraits, observe

from painmood_widgets import scales
from painmood_widgets.state.forms import BpiState, FormState, PegState, Phq9State
from painmood_widgets.widgets.common import (
    educational_notice,
    refusal_html,
    safety_panel,
    status_html,
)

__all__ = ["AnswerRadioButtons", "AnswerToggleButtons", "BpiForm", "PegForm", "Phq9Form"]

_LABEL_STYLE = {"description_width": "initial"}
_NOT_ANSWERED = "Not answered"
_RATING_OPTIONS = ((_NOT_ANSWERED, None), *((str(score), score) for score in range(11)))
_PHQ9_OPTIONS = (
    (_NOT_ANSWERED, None),
    *((f"{score} {answer}", score) for score, answer in enumerate(scales.PHQ9_ANSWERS)),
)


def _same_answer(option: object, value: object) -> bool:
    """Whether `value` selects `option`: None for "Not answered", else an equal integer.

    Stricter than ``==``, so a control refuses ``True`` and ``2.0`` as the scales do.
    """
    if option is None:
        return value is None
    return (
        isinstance(value, int | np.integer)
        and not isinstance(value, bool | np.bool_)
        and option == value
    )


class _AnswerChoice(HasTraits):
    """Selection behaviour shared by the answer controls.

    ipywidgets maps a value of None to "nothing selected"; here None is the
    "Not answered" option, so choosing it keeps that option visibly selected. Values
    are matched with :func:`_same_answer`, so ``True`` or ``2.0`` raise ``TraitError``.
    """

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("equals", _same_answer)
        super().__init__(**kwargs)

    @observe("value")
    def _propagate_value(self, change: dict) -> None:
        index = self._options_values.index(change["new"])
        if self.index != index:
            self.index = index


class AnswerRadioButtons(_AnswerChoice, widgets.RadioButtons):
    """Radio buttons for one questionnaire item, "Not answered" (None) included."""


class AnswerToggleButtons(_AnswerChoice, widgets.ToggleButtons):
    """A row of buttons for one 0-10 rating, "Not answered" (None) included."""


def _score_html(text: str) -> str:
    return f'<p style="font-size: 1.25em;"><strong>{html.escape(text)}</strong></p>'


def _paragraph_html(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


class _ItemForm(widgets.VBox):
    """A questionnaire form, a view of a form state: item controls, score, band, summary.

    Parameters
    ----------
    heading : str
        Title of the form (plain text).
    intro : str
        HTML shown under the educational notice: source, stem, units.
    rows : sequence of ipywidgets.Widget
        What shows the items, in order; it holds every control of `items`.
    items : sequence of AnswerRadioButtons or AnswerToggleButtons
        One control per item, in form order.
    state : FormState
        The state the form shows; its ``answers`` and the controls follow each other.
    alerts : sequence of ipywidgets.Widget, optional
        Shown between the items and the score (the PHQ-9 safety panel).
    embedded : bool, default False
        True on a page that gives the educational notice once for all its forms: the
        form leaves its own out.
    """

    def __init__(
        self,
        *,
        heading: str,
        intro: str,
        rows: Sequence[widgets.Widget],
        items: Sequence[AnswerRadioButtons | AnswerToggleButtons],
        state: FormState,
        alerts: Sequence[widgets.Widget] = (),
        embedded: bool = False,
    ) -> None:
        self.state = state
        self.items: tuple[AnswerRadioButtons | AnswerToggleButtons, ...] = tuple(items)
        self._error_text = ""
        self.score_display = widgets.HTML()
        self.band_display = widgets.HTML()
        self.summary_display = widgets.HTML()
        self.error_display = widgets.HTML()
        self.clear_button = widgets.Button(
            description="Clear all answers", icon="eraser", layout=widgets.Layout(width="auto")
        )
        self.clear_button.on_click(lambda _button: self.reset())
        super().__init__(
            children=(
                widgets.HTML(f"<h2>{html.escape(heading)}</h2>"),
                *(() if embedded else (educational_notice(),)),
                widgets.HTML(intro),
                *rows,
                self.clear_button,
                self.error_display,
                *alerts,
                self.score_display,
                self.band_display,
                self.summary_display,
            )
        )
        widgets.dlink((state, "score_text"), (self.score_display, "value"), _score_html)
        widgets.dlink((state, "band_text"), (self.band_display, "value"), _paragraph_html)
        widgets.dlink((state, "summary"), (self.summary_display, "value"), status_html)
        for position, control in enumerate(self.items):
            control.observe(functools.partial(self._on_answer, position), names="value")
        state.observe(self._show_answers, names="answers")
        self._show_answers()

    @property
    def answers(self) -> tuple[int | None, ...]:
        """The answers in form order; None where an item is not answered."""
        return self.state.answers

    @property
    def result(self) -> object:
        """The scales' result for the current answers, or None when they cannot be scored."""
        return self.state.result

    @property
    def score_text(self) -> str:
        """The score line shown under the items."""
        return self.state.score_text

    @property
    def summary_text(self) -> str:
        """The plain-sentence summary shown under the score."""
        return self.state.summary

    @property
    def band_text(self) -> str:
        """The band line shown under the score, with its caveat."""
        return self.state.band_text

    @property
    def error_text(self) -> str:
        """The message of the last refused :meth:`set_answers`; empty after an accepted change."""
        return self._error_text

    def set_answers(self, answers: Sequence[int | None]) -> None:
        """Set every item at once (one refresh of the state).

        Parameters
        ----------
        answers : sequence of int or None
            One answer per item in form order (a list, tuple or 1-D array); None
            leaves an item not answered.

        Raises
        ------
        ValueError
            If `answers` has the wrong shape or length, or an answer is out of range,
            not an integer (floats such as 2.0, bools, strings and NaN are refused).
            The message for a bad answer is the scales' own; it is shown in the form
            too, and no answer changes.
        """
        try:
            self.state.answers = answers
        except ValueError as refusal:
            self._show_refusal(str(refusal))
            raise
        self._show_refusal("")

    def reset(self) -> None:
        """Mark every item not answered (the state's ``reset``)."""
        self.state.reset()
        self._show_refusal("")

    def _on_answer(self, position: int, change: dict) -> None:
        answers = list(self.state.answers)
        answers[position] = change["new"]
        self.state.answers = tuple(answers)

    def _show_answers(self, _change: dict | None = None) -> None:
        for control, answer in zip(self.items, self.state.answers, strict=True):
            control.value = answer
        self._show_refusal("")

    def _show_refusal(self, message: str) -> None:
        self._error_text = message
        self.error_display.value = refusal_html(message)


def _checked_state(state: FormState | None, kind: type[FormState]) -> FormState:
    if state is None:
        return kind()
    if not isinstance(state, kind):
        raise ValueError(f"state must be a {kind.__name__}; got {type(state).__name__}")
    return state


class Phq9Form(_ItemForm):
    """PHQ-9 depression questionnaire, item by item, with live total and band.

    Shows the stem and the nine items verbatim (free to reproduce). With 1 or 2 items
    not answered the total is prorated and says so; with 3 or more there is no total.
    Any item 9 answer above 0 shows the safety panel with crisis resources, whatever
    the total and even when the form cannot be scored (the state's
    ``safety_message``).

    Parameters
    ----------
    state : Phq9State, optional
        The state to show (shared with other views or code); a new one by default.
    embedded : bool, default False
        True on a page that gives the educational notice once for all its forms: the
        form leaves its own out.

    Attributes
    ----------
    state : Phq9State
        What the form shows: ``answers`` in; ``result``, ``score_text``, ``band_text``,
        ``summary``, ``missing`` and ``safety_message`` out.
    items : tuple of AnswerRadioButtons
        The nine item controls, 0-based (``items[8]`` is item 9); values None, 0-3.
    safety_panel : ipywidgets.HTML
        The crisis panel from :func:`~painmood_widgets.widgets.common.safety_panel`.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the total, the band and the summary are shown.
    error_display : ipywidgets.HTML
        The last refusal of :meth:`set_answers` (empty when none).
    clear_button : ipywidgets.Button
        Calls :meth:`reset`.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    Simon GE, Rutter CM, Peterson D, et al. Does response on the PHQ-9 depression
    questionnaire predict subsequent suicide attempt or suicide death? Psychiatr Serv
    2013;64:1195-1202.

    NHS Data Dictionary, Patient Health Questionnaire (PHQ-9): prorating 1 or 2
    missing items.

    Examples
    --------
    >>> form = Phq9Form()
    >>> form.set_answers([1, 2, 1, 2, 1, 1, 2, 1, 1])
    >>> form.summary_text
    'PHQ-9 total 12 of 27: moderate. Item 9 is above 0: see the safety message.'
    >>> form.safety_visible
    True
    >>> form.items[8].value = 0
    >>> form.result.total, form.safety_visible
    (11, False)
    """

    def __init__(self, state: Phq9State | None = None, *, embedded: bool = False) -> None:
        self.safety_panel = safety_panel()
        items = [
            AnswerRadioButtons(
                options=_PHQ9_OPTIONS,
                value=None,
                description=f"Item {number} (0-3 points)",
                orientation="horizontal",
                style=_LABEL_STYLE,
                layout=widgets.Layout(width="auto"),
            )
            for number in range(1, len(scales.PHQ9_ITEMS) + 1)
        ]
        rows = [
            widgets.VBox(
                (widgets.HTML(f"<p><strong>{number}.</strong> {html.escape(text)}</p>"), control)
            )
            for number, (text, control) in enumerate(zip(scales.PHQ9_ITEMS, items, strict=True), 1)
        ]
        super().__init__(
            heading="PHQ-9: Patient Health Questionnaire (depression)",
            intro=(
                "<p>PHQ-9 by Kroenke, Spitzer and Williams (J Gen Intern Med "
                "2001;16:606), free to reproduce. Each item scores 0 to 3 points; the "
                "total is 0 to 27 points.</p>"
                f"<p><strong>{html.escape(scales.PHQ9_STEM)}</strong></p>"
            ),
            rows=rows,
            items=items,
            state=_checked_state(state, Phq9State),
            alerts=(self.safety_panel,),
            embedded=embedded,
        )
        widgets.dlink(
            (self.state, "safety_message"),
            (self.safety_panel.layout, "display"),
            lambda message: None if message else "none",
        )

    @property
    def safety_visible(self) -> bool:
        """True while the crisis panel is shown (item 9 answered above 0)."""
        return self.safety_panel.layout.display != "none"


def _rating_control(label: str) -> AnswerToggleButtons:
    return AnswerToggleButtons(
        options=_RATING_OPTIONS,
        value=None,
        description=f"{label} (0-10)",
        style={**_LABEL_STYLE, "button_width": "auto"},
        layout=widgets.Layout(width="auto"),
    )


class BpiForm(_ItemForm):
    """Brief Pain Inventory short form, item by item, with live severity and interference.

    Four pain severity ratings (worst, least, average, now) and seven interference
    ratings, each 0-10, with paraphrased labels (the form is copyrighted). Severity is
    scored once all four severity items are answered; interference needs at least 4 of
    its 7 items. The worst-pain band is shown with its caveat: the cut-points come from
    cancer pain.

    Parameters
    ----------
    state : BpiState, optional
        The state to show (shared with other views or code); a new one by default.
    embedded : bool, default False
        True on a page that gives the educational notice once for all its forms: the
        form leaves its own out.

    Attributes
    ----------
    state : BpiState
        What the form shows: ``answers`` in; ``result``, ``score_text``, ``band_text``,
        ``summary`` and ``missing`` out.
    items : tuple of AnswerToggleButtons
        The eleven item controls in form order, 0-based: ``items[0:4]`` severity
        (worst, least, average, now), ``items[4:11]`` interference; values None, 0-10.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the scores, the band and the summary are shown.
    error_display : ipywidgets.HTML
        The last refusal of :meth:`set_answers` (empty when none).
    clear_button : ipywidgets.Button
        Calls :meth:`reset`.

    References
    ----------
    Cleeland CS. The Brief Pain Inventory User Guide. Houston: MD Anderson Cancer
    Center; 2009.

    Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain
    mild, moderate or severe? Pain 1995;61:277-284.

    Woo A, Lechner B, Fu T, et al. Cut points for mild, moderate, and severe pain among
    cancer and non-cancer patients: a literature review. Ann Palliat Med 2015.

    Examples
    --------
    >>> form = BpiForm()
    >>> form.set_answers([7, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7])
    >>> form.result.severity, form.result.interference, form.result.severity_band
    (5.25, 6.14, 'severe')
    """

    def __init__(self, state: BpiState | None = None, *, embedded: bool = False) -> None:
        severity = [_rating_control(label) for label in scales.BPI_SEVERITY_ITEMS]
        interference = [_rating_control(label) for label in scales.BPI_INTERFERENCE_ITEMS]
        super().__init__(
            heading="BPI short form: Brief Pain Inventory (pain severity and interference)",
            intro=(
                "<p>Brief Pain Inventory short form (Cleeland, BPI User Guide 2009). The "
                "form is copyrighted, so the labels here are paraphrased. Every rating "
                "runs from 0 to 10.</p>"
            ),
            rows=[
                widgets.HTML(
                    "<h3>Pain severity</h3><p>0 = no pain, 10 = pain as bad as you can imagine.</p>"
                ),
                *severity,
                widgets.HTML(
                    "<h3>Pain interference in the last 24 hours</h3><p>0 = does not "
                    "interfere, 10 = interferes completely.</p>"
                ),
                *interference,
            ],
            items=[*severity, *interference],
            state=_checked_state(state, BpiState),
            embedded=embedded,
        )


class PegForm(_ItemForm):
    """PEG three-item pain scale, with live score and no band.

    Average pain, interference with enjoyment of life and interference with general
    activity over the past week, each 0-10 (labels paraphrased); the score is their
    mean, shown once all three are answered. The authors published no severity bands,
    so the form shows none.

    Parameters
    ----------
    state : PegState, optional
        The state to show (shared with other views or code); a new one by default.
    embedded : bool, default False
        True on a page that gives the educational notice once for all its forms: the
        form leaves its own out.

    Attributes
    ----------
    state : PegState
        What the form shows: ``answers`` in; ``result``, ``score_text``, ``band_text``,
        ``summary`` and ``missing`` out.
    items : tuple of AnswerToggleButtons
        The three item controls (pain, enjoyment, activity), 0-based; values None, 0-10.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the score, the band note and the summary are shown.
    error_display : ipywidgets.HTML
        The last refusal of :meth:`set_answers` (empty when none).
    clear_button : ipywidgets.Button
        Calls :meth:`reset`.

    References
    ----------
    Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG,
    a three-item scale assessing pain intensity and interference. J Gen Intern Med
    2009;24:733-738.

    Examples
    --------
    >>> form = PegForm()
    >>> form.set_answers([6, 5, None])
    >>> form.result is None, form.summary_text.startswith("1 item not answered yet: 3")
    (True, True)
    >>> form.items[2].value = 7
    >>> form.result
    6.0
    >>> form.set_answers([6, 5, 11])
    Traceback (most recent call last):
    ...
    ValueError: PEG item 3 (interference with general activity in the past week) must be an \
integer from 0 to 10, got 11
    >>> form.answers, "must be an integer from 0 to 10" in form.error_display.value
    ((6, 5, 7), True)
    """

    def __init__(self, state: PegState | None = None, *, embedded: bool = False) -> None:
        items = [_rating_control(label) for label in scales.PEG_ITEMS]
        super().__init__(
            heading="PEG: pain, enjoyment of life, general activity",
            intro=(
                "<p>PEG by Krebs et al. (J Gen Intern Med 2009;24:733), labels "
                "paraphrased. Each rating runs from 0 to 10 for the past week: for pain, "
                "0 = no pain and 10 = pain as bad as you can imagine; for interference, "
                "0 = does not interfere and 10 = interferes completely. The score is the "
                "mean of the three.</p>"
            ),
            rows=items,
            items=items,
            state=_checked_state(state, PegState),
            embedded=embedded,
        )
