"""Item-by-item forms for the PHQ-9, the BPI short form and the PEG, with a live score.

Each form is an ipywidgets ``VBox``: one control per item, whose first option is
"Not answered" (value None), then the score, its band with the band's caveat, and a
plain-sentence summary. Scoring, item texts and bands all come from
:mod:`painmood_widgets.scales`; a form never restates a rule.

The forms can be driven entirely from Python::

    form = Phq9Form()
    form.items[8].value = 1          # one control per item, 0-based
    form.set_answers([1, 2, 1, 2, 1, 1, 2, 1, 0])
    form.answers, form.result, form.summary_text

Updates change values and HTML only; the widget tree is built once. A refused value
(``set_answers`` raises ``ValueError``; a control raises ``TraitError``) changes
nothing. Nothing a learner enters leaves the computer.

Educational, not diagnostic.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
from traitlets import HasTraits, observe

from painmood_widgets import scales
from painmood_widgets.widgets.common import educational_notice, safety_panel
from painmood_widgets.wording import number, plural

__all__ = ["AnswerRadioButtons", "AnswerToggleButtons", "BpiForm", "PegForm", "Phq9Form"]

_LABEL_STYLE = {"description_width": "initial"}
_NOT_ANSWERED = "Not answered"
_ANSWER_RULE = "each a score or None if not answered"
_RATING_OPTIONS = ((_NOT_ANSWERED, None), *((str(score), score) for score in range(11)))
_PHQ9_OPTIONS = (
    (_NOT_ANSWERED, None),
    *((f"{score} {answer}", score) for score, answer in enumerate(scales.PHQ9_ANSWERS)),
)
_PHQ9_LARGEST_TOTAL = scales.PHQ9_SEVERITY_BANDS[-1].highest
_PHQ9_NAMES = tuple(f"{n} ({label})" for n, label in enumerate(scales.PHQ9_ITEM_LABELS, 1))
_BPI_NAMES = tuple(
    f"severity {n} ({label})" for n, label in enumerate(scales.BPI_SEVERITY_ITEMS, 1)
) + tuple(f"interference {n} ({label})" for n, label in enumerate(scales.BPI_INTERFERENCE_ITEMS, 1))
_PEG_NAMES = tuple(f"{n} ({label})" for n, label in enumerate(scales.PEG_ITEMS, 1))


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


class _Outcome(NamedTuple):
    """What a form shows for a set of answers."""

    result: object
    score_text: str
    band_text: str
    summary_text: str


def _missing_sentence(answers: Sequence[object], names: Sequence[str]) -> str:
    missing = [name for answer, name in zip(answers, names, strict=True) if answer is None]
    if len(missing) == len(names):
        return f"None of the {len(names)} items answered yet."
    return f"{plural(len(missing), 'item')} not answered yet: {', '.join(missing)}."


def _span(band: scales.ScoreBand) -> str:
    """The scores a band covers: "10-14", or "0" for a one-score band."""
    if band.lowest == band.highest:
        return str(band.lowest)
    return f"{band.lowest}-{band.highest}"


class _ItemForm(widgets.VBox):
    """A questionnaire form: item controls, score, band and summary.

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
    scale : str
        Name of the scale in messages, e.g. ``"PHQ-9"``.
    evaluate : callable
        Takes the tuple of answers (None for missing); returns an :class:`_Outcome`.
    check_item : callable
        Takes an item's index and a value that is not None; raises the scales'
        ``ValueError`` when the value is not a valid answer for that item.
    alerts : sequence of ipywidgets.Widget, optional
        Shown between the items and the score (the PHQ-9 safety panel).
    """

    def __init__(
        self,
        *,
        heading: str,
        intro: str,
        rows: Sequence[widgets.Widget],
        items: Sequence[AnswerRadioButtons | AnswerToggleButtons],
        scale: str,
        evaluate: Callable[[tuple[int | None, ...]], _Outcome],
        check_item: Callable[[int, object], None],
        alerts: Sequence[widgets.Widget] = (),
    ) -> None:
        self.items: tuple[AnswerRadioButtons | AnswerToggleButtons, ...] = tuple(items)
        self._scale = scale
        self._evaluate = evaluate
        self._check_item = check_item
        self._batching = False
        self.score_display = widgets.HTML()
        self.band_display = widgets.HTML()
        self.summary_display = widgets.HTML()
        self.clear_button = widgets.Button(
            description="Clear all answers", icon="eraser", layout=widgets.Layout(width="auto")
        )
        self.clear_button.on_click(lambda _button: self.reset())
        super().__init__(
            children=(
                widgets.HTML(f"<h3>{html.escape(heading)}</h3>"),
                educational_notice(),
                widgets.HTML(intro),
                *rows,
                self.clear_button,
                *alerts,
                self.score_display,
                self.band_display,
                self.summary_display,
            )
        )
        for control in self.items:
            control.observe(self._on_answer, names="value")
        self._refresh()

    @property
    def answers(self) -> tuple[int | None, ...]:
        """The answers in form order; None where an item is not answered."""
        return tuple(control.value for control in self.items)

    @property
    def result(self) -> object:
        """The scales' result for the current answers, or None when they cannot be scored."""
        return self._outcome.result

    @property
    def summary_text(self) -> str:
        """The plain-sentence summary shown under the score."""
        return self._outcome.summary_text

    @property
    def band_text(self) -> str:
        """The band line shown under the score, with its caveat."""
        return self._outcome.band_text

    def set_answers(self, answers: Sequence[int | None]) -> None:
        """Set every item at once.

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
            The message for a bad answer is the scales' own. The form is unchanged.
        """
        values = scales.answer_sequence(
            answers, self._scale, len(self.items), _ANSWER_RULE, "in form order"
        )
        for index, value in enumerate(values):
            if value is not None:
                self._check_item(index, value)
        self._batching = True
        try:
            for control, value in zip(self.items, values, strict=True):
                control.value = value
        finally:
            self._batching = False
        self._refresh()

    def reset(self) -> None:
        """Mark every item not answered."""
        self.set_answers((None,) * len(self.items))

    def _on_answer(self, _change: dict) -> None:
        if not self._batching:
            self._refresh()

    def _refresh(self) -> None:
        self._outcome = self._evaluate(self.answers)
        self.score_display.value = (
            f'<p style="font-size: 1.25em;"><strong>{html.escape(self._outcome.score_text)}'
            "</strong></p>"
        )
        self.band_display.value = f"<p>{html.escape(self._outcome.band_text)}</p>"
        self.summary_display.value = (
            f'<p role="status" aria-live="polite">{html.escape(self._outcome.summary_text)}</p>'
        )


def _check_phq9_item(index: int, value: object) -> None:
    scales.check_item("PHQ-9", index + 1, value)


def _evaluate_phq9(answers: tuple[int | None, ...]) -> _Outcome:
    sentences = [_missing_sentence(answers, _PHQ9_NAMES)] if None in answers else []
    try:
        result = scales.score_phq9(answers)
    except ValueError:
        # answers from the controls are valid, so the scales refused only the missing count
        result = None
        score_text = "Total: not scored"
        band_text = "Severity band: shown once the PHQ-9 can be scored."
        sentences.append(
            f"PHQ-9 not scored: at most {scales.PHQ9_MOST_MISSING} of the 9 items may be missing "
            "(NHS rule)."
        )
    else:
        band = next(b for b in scales.PHQ9_SEVERITY_BANDS if b.label == result.severity)
        prorated = " (prorated)" if result.prorated else ""
        score_text = f"Total: {result.total} of {_PHQ9_LARGEST_TOTAL} points{prorated}"
        band_text = (
            f"Severity band: {result.severity} ({_span(band)} points), "
            "bands of Kroenke et al. 2001. A band describes how many symptoms and how "
            "often; it is not a diagnosis."
        )
        how = (
            ", prorated (each missing item counted as the mean of the answered ones, "
            "NHS Data Dictionary rule)"
            if result.prorated
            else ""
        )
        sentences.append(
            f"PHQ-9 total {result.total} of {_PHQ9_LARGEST_TOTAL}{how}: {result.severity}."
        )
    item9 = answers[-1]
    if item9 is not None and item9 > 0:
        sentences.append("Item 9 is above 0: see the safety message.")
    elif item9 is None:
        sentences.append("Item 9 is not answered yet: a blank item 9 is no all-clear.")
    return _Outcome(result, score_text, band_text, " ".join(sentences))


class Phq9Form(_ItemForm):
    """PHQ-9 depression questionnaire, item by item, with live total and band.

    Shows the stem and the nine items verbatim (free to reproduce). With 1 or 2 items
    not answered the total is prorated and says so; with 3 or more there is no total.
    Any item 9 answer above 0 shows the safety panel with crisis resources, whatever
    the total and even when the form cannot be scored.

    Attributes
    ----------
    items : tuple of AnswerRadioButtons
        The nine item controls, 0-based (``items[8]`` is item 9); values None, 0-3.
    safety_panel : ipywidgets.HTML
        The crisis panel from :func:`~painmood_widgets.widgets.common.safety_panel`.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the total, the band and the summary are shown.
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

    def __init__(self) -> None:
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
            scale="PHQ-9",
            evaluate=_evaluate_phq9,
            check_item=_check_phq9_item,
            alerts=(self.safety_panel,),
        )

    @property
    def safety_visible(self) -> bool:
        """True while the crisis panel is shown (item 9 answered above 0)."""
        return self.safety_panel.layout.display != "none"

    def _refresh(self) -> None:
        super()._refresh()
        item9 = self.items[-1].value
        self.safety_panel.layout.display = None if item9 is not None and item9 > 0 else "none"


def _rating_control(label: str) -> AnswerToggleButtons:
    return AnswerToggleButtons(
        options=_RATING_OPTIONS,
        value=None,
        description=f"{label} (0-10)",
        style={**_LABEL_STYLE, "button_width": "auto"},
        layout=widgets.Layout(width="auto"),
    )


def _check_bpi_item(index: int, value: object) -> None:
    severity_count = len(scales.BPI_SEVERITY_ITEMS)
    if index < severity_count:
        scales.check_item("BPI severity", index + 1, value)
    else:
        scales.check_item("BPI interference", index - severity_count + 1, value)


def _evaluate_bpi(answers: tuple[int | None, ...]) -> _Outcome:
    severity = answers[: len(scales.BPI_SEVERITY_ITEMS)]
    interference = answers[len(scales.BPI_SEVERITY_ITEMS) :]
    sentences = [_missing_sentence(answers, _BPI_NAMES)] if None in answers else []
    caveat = (
        "These cut-points come from cancer pain (Serlin et al. 1995); in non-cancer pain "
        "published cut-points vary (Woo et al. 2015), so take the band as a teaching "
        "label, not a threshold for care."
    )
    if None in severity:
        result = None
        score_text = "Severity: not scored"
        band_text = f"Worst-pain band: shown once all 4 severity items are answered. {caveat}"
        sentences.append("BPI not scored: all 4 severity items are needed.")
    else:
        result = scales.score_bpi(severity, interference)
        band = next(b for b in scales.BPI_SEVERITY_BANDS if b.label == result.severity_band)
        band_text = f"Worst-pain band: {result.severity_band} ({_span(band)} of 10). {caveat}"
        sentences.append(
            f"BPI pain severity {number(result.severity)} of 10 (mean of the 4 severity "
            f"items); worst pain {severity[0]} of 10, band: {result.severity_band}."
        )
        if result.interference is None:
            interference_text = "not scored"
            sentences.append(
                "Pain interference not scored: at least "
                f"{scales.BPI_FEWEST_INTERFERENCE_ANSWERS} of the 7 items are needed, "
                f"{result.interference_answered} answered."
            )
        else:
            interference_text = f"{number(result.interference)} of 10"
            sentences.append(
                f"Pain interference {interference_text} (mean of the "
                f"{result.interference_answered} answered items)."
            )
        score_text = f"Severity: {number(result.severity)} of 10; interference: {interference_text}"
    return _Outcome(result, score_text, band_text, " ".join(sentences))


class BpiForm(_ItemForm):
    """Brief Pain Inventory short form, item by item, with live severity and interference.

    Four pain severity ratings (worst, least, average, now) and seven interference
    ratings, each 0-10, with paraphrased labels (the form is copyrighted). Severity is
    scored once all four severity items are answered; interference needs at least 4 of
    its 7 items. The worst-pain band is shown with its caveat: the cut-points come from
    cancer pain.

    Attributes
    ----------
    items : tuple of AnswerToggleButtons
        The eleven item controls in form order, 0-based: ``items[0:4]`` severity
        (worst, least, average, now), ``items[4:11]`` interference; values None, 0-10.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the scores, the band and the summary are shown.
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

    def __init__(self) -> None:
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
                    "<h4>Pain severity</h4><p>0 = no pain, 10 = pain as bad as you can imagine.</p>"
                ),
                *severity,
                widgets.HTML(
                    "<h4>Pain interference in the last 24 hours</h4><p>0 = does not "
                    "interfere, 10 = interferes completely.</p>"
                ),
                *interference,
            ],
            items=[*severity, *interference],
            scale="BPI",
            evaluate=_evaluate_bpi,
            check_item=_check_bpi_item,
        )


def _check_peg_item(index: int, value: object) -> None:
    scales.check_item("PEG", index + 1, value)


def _evaluate_peg(answers: tuple[int | None, ...]) -> _Outcome:
    band_text = (
        "No severity band: the PEG's authors published none (Krebs et al. 2009), so none is shown."
    )
    if None in answers:
        summary = (
            f"{_missing_sentence(answers, _PEG_NAMES)} PEG not scored: all 3 items are needed."
        )
        return _Outcome(None, "PEG score: not scored", band_text, summary)
    score = scales.score_peg(*answers)
    return _Outcome(
        score,
        f"PEG score: {number(score)} of 10",
        band_text,
        f"PEG score {number(score)} of 10 (mean of the 3 items); the PEG has no "
        "published severity bands.",
    )


class PegForm(_ItemForm):
    """PEG three-item pain scale, with live score and no band.

    Average pain, interference with enjoyment of life and interference with general
    activity over the past week, each 0-10 (labels paraphrased); the score is their
    mean, shown once all three are answered. The authors published no severity bands,
    so the form shows none.

    Attributes
    ----------
    items : tuple of AnswerToggleButtons
        The three item controls (pain, enjoyment, activity), 0-based; values None, 0-10.
    score_display, band_display, summary_display : ipywidgets.HTML
        Where the score, the band note and the summary are shown.
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
    """

    def __init__(self) -> None:
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
            scale="PEG",
            evaluate=_evaluate_peg,
            check_item=_check_peg_item,
        )
