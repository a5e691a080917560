"""The questionnaire forms' state: the answers in; the score and its sentences out.

:class:`Phq9State`, :class:`BpiState` and :class:`PegState` each hold one input,
``answers`` (one entry per item, an integer in range or None for "not answered"), and
derive in one refresh everything a form shows: the scales' result, the score line, the
band line, the summary and which items are missing; the PHQ-9 state also gives the
crisis text whenever item 9 is above 0, whatever the total and even when the form cannot
be scored. Every answer is checked as the scales check an item, so a bad one raises the
scales' ``ValueError`` (naming the item by number and label, with its range) and the
state keeps its answers. Scoring comes from :mod:`painmood_widgets.scales`, the words
from :mod:`painmood_widgets.describe.forms`. No widgets: a form view links its controls
to ``answers`` and shows the outputs. Educational, not diagnostic.

Examples
--------
>>> state = Phq9State()
>>> state.answers = [None] * 8 + [2]
>>> state.result is None, state.safety_message.startswith("Thoughts of death")
(True, True)
>>> state.answers = [1, 2, 1, 2, 1, 1, 2, 1, 0]
>>> state.result.total, state.safety_message
(11, '')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

import traitlets

from painmood_widgets import scales
from painmood_widgets.describe.forms import (
    BPI_FORM,
    PEG_FORM,
    PHQ9_FORM,
    Form,
    FormText,
    check_answers,
    describe_bpi,
    describe_peg,
    describe_phq9,
    phq9_safety_message,
)
from painmood_widgets.state.base import AppState, CheckedInput

__all__ = ["BpiState", "FormState", "PegState", "Phq9State"]


class FormState(AppState):
    """What the three questionnaire states share: answers in, score and words out.

    A subclass names its :class:`~painmood_widgets.describe.forms.Form`, how the scales
    score a complete enough set of answers, and its describer.

    Parameters
    ----------
    answers : sequence of int or None, keyword-only, optional
        Where the answers start; every item not answered by default.
    delay_s : float, keyword-only, default 0
        Gathering window between refreshes in a live kernel (see
        :class:`~painmood_widgets.state.base.AppState`); 0 refreshes at once.

    Attributes
    ----------
    answers : tuple of int or None
        Input: one answer per item in form order, None where not answered. Set it to
        any sequence (list, tuple, 1-D array); it is checked with
        :func:`painmood_widgets.describe.forms.check_answers` and kept as a tuple of ints
        and None.
    result : scales result or None
        Output: what the scales give for the answers; None when they cannot be scored.
    score_text, band_text, summary : str
        Output: the score line, the band line (with its caveat) and the summary
        sentences, from the form's describer.
    missing : tuple of int
        Output: the items not answered, by their number in form order (from 1).

    Examples
    --------
    >>> states = [state_class() for state_class in (Phq9State, BpiState, PegState)]
    >>> [len(state.answers) for state in states], [state.result for state in states]
    ([9, 11, 3], [None, None, None])
    >>> peg = states[-1]
    >>> peg.set_inputs(answers=[6, 5, 7])
    >>> peg.result, peg.missing
    (6.0, ())
    >>> peg.reset()
    >>> peg.missing
    (1, 2, 3)
    """

    form: ClassVar[Form]
    _score: ClassVar[Callable[[tuple[int | None, ...]], object]]
    _describe: ClassVar[Callable[[tuple[int | None, ...], object], FormText]]

    answers = CheckedInput().tag(input=True)

    result = traitlets.Any(None, read_only=True)
    score_text = traitlets.Unicode(read_only=True)
    band_text = traitlets.Unicode(read_only=True)
    summary = traitlets.Unicode(read_only=True)
    missing = traitlets.Tuple(read_only=True)

    @traitlets.default("answers")
    def _nothing_answered(self) -> tuple[None, ...]:
        return (None,) * len(self.form.items)

    @traitlets.validate("answers")
    def _check_answers(self, proposal: traitlets.Bunch) -> tuple[int | None, ...]:
        return check_answers(self.form, proposal["value"])

    def reset(self) -> None:
        """Mark every item not answered."""
        self.answers = self._nothing_answered()

    def compute(self) -> Mapping[str, object]:
        """Every output, from the answers as they are now."""
        answers = self.answers
        try:
            result = self._score(answers)
        except ValueError:
            # the answers are checked, so the scales refused only what cannot be scored
            # (too many PHQ-9 items missing, a BPI severity item or a PEG item missing)
            result = None
        text = self._describe(answers, result)
        return {
            "result": result,
            "score_text": text.score_text,
            "band_text": text.band_text,
            "summary": text.summary,
            "missing": tuple(item for item, answer in enumerate(answers, 1) if answer is None),
        }


def _score_bpi(answers: tuple[int | None, ...]) -> scales.BpiResult:
    severity_items = len(scales.BPI_SEVERITY_ITEMS)
    return scales.score_bpi(answers[:severity_items], answers[severity_items:])


def _score_peg(answers: tuple[int | None, ...]) -> float:
    return scales.score_peg(*answers)


class Phq9State(FormState):
    """PHQ-9 answers in; total, band, summary and the safety message out.

    With 1 or 2 items not answered the total is prorated; with 3 or more there is none
    (``result`` is None). Any item 9 answer above 0 sets ``safety_message`` to the crisis
    text (:data:`painmood_widgets.describe.safety.CRISIS_MESSAGE`), whatever the total
    and even when the form cannot be scored; with item 9 at 0 or not answered it is
    empty, and the summary says a blank item 9 is no all-clear.

    Parameters and attributes are those of :class:`FormState`, and:

    Attributes
    ----------
    result : painmood_widgets.scales.Phq9Result or None
        Output: :func:`~painmood_widgets.scales.score_phq9` of the answers.
    safety_message : str
        Output: the crisis text when item 9 is above 0, else ``""``.

    References
    ----------
    Scoring and bands: :func:`painmood_widgets.scales.score_phq9` (Kroenke et al. 2001;
    NHS prorating rule). The safety rule: Simon et al. 2013, in full in
    :mod:`painmood_widgets.describe.safety`.

    Examples
    --------
    >>> state = Phq9State(answers=[2, 2, None, 2, 1, 2, 2, 1, 1])
    >>> state.score_text, state.missing
    ('Total: 15 of 27 points (prorated)', (3,))
    >>> state.answers = [1, 1, 1, 1, 1, 1, 1, 1, 4]
    Traceback (most recent call last):
    ...
    ValueError: PHQ-9 item 9 (thoughts that you would be better off dead, or of self-harm) \
must be an integer from 0 to 3 or None if missing, got 4
    >>> state.answers[-1]
    1
    """

    form = PHQ9_FORM
    _score = staticmethod(scales.score_phq9)
    _describe = staticmethod(describe_phq9)

    safety_message = traitlets.Unicode(read_only=True)

    def compute(self) -> Mapping[str, object]:
        """Every output, the safety message included, from the answers as they are now."""
        return {**super().compute(), "safety_message": phq9_safety_message(self.answers)}


class BpiState(FormState):
    """BPI short form answers in; severity, interference, band and summary out.

    Eleven answers in form order: the four severity ratings (worst, least, average,
    now), then the seven interference ratings, each 0-10. Severity is scored once all
    four severity items are answered (``result`` is None before); interference needs at
    least 4 of its 7 items.

    Parameters and attributes are those of :class:`FormState`; ``result`` is a
    :class:`~painmood_widgets.scales.BpiResult` or None.

    References
    ----------
    Scoring and bands: :func:`painmood_widgets.scales.score_bpi` (Cleeland, BPI User
    Guide 2009; cut-points of Serlin et al. 1995).

    Examples
    --------
    >>> state = BpiState(answers=[7, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7])
    >>> state.result.severity, state.result.interference, state.result.severity_band
    (5.25, 6.14, 'severe')
    >>> state.answers = [None, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7]
    >>> state.result, state.score_text
    (None, 'Severity: not scored')
    """

    form = BPI_FORM
    _score = staticmethod(_score_bpi)
    _describe = staticmethod(describe_bpi)


class PegState(FormState):
    """PEG answers in; the mean of its three items out, and no band.

    Average pain, interference with enjoyment of life and interference with general
    activity over the past week, each 0-10; ``result`` is their mean
    (:func:`~painmood_widgets.scales.score_peg`) once all three are answered, else None.

    Parameters and attributes are those of :class:`FormState`.

    References
    ----------
    Scoring: :func:`painmood_widgets.scales.score_peg` (Krebs et al. 2009).

    Examples
    --------
    >>> state = PegState(answers=[6, 5, None])
    >>> state.result, state.missing
    (None, (3,))
    >>> state.answers = (6, 5, 7)
    >>> state.result, state.summary.split(";")[0]
    (6.0, 'PEG score 6 of 10 (mean of the 3 items)')
    """

    form = PEG_FORM
    _score = staticmethod(_score_peg)
    _describe = staticmethod(describe_peg)
