"""Describers of the PHQ-9, BPI and PEG forms: answers and scores in plain sentences.

A form holds one answer per item, an integer in the item's range or None for "not
answered". :func:`check_answers` checks them as the scales check an item (so a refusal
names the item by number and label, with its range); :func:`describe_phq9`,
:func:`describe_bpi` and :func:`describe_peg` turn the answers and their score into the
three lines a form shows: the score, the band with its caveat, and a summary that says
what is missing and why a score is or is not given. :func:`phq9_safety_message` gives the
crisis text whenever PHQ-9 item 9 is above 0, whatever the total and even when the form
cannot be scored. Scoring rules, bands and scale tops come from
:mod:`painmood_widgets.scales`, never restated here.

Pure functions: no widgets, no state. Educational, not diagnostic.

Examples
--------
>>> answers = (1, 2, 1, 2, 1, 1, 2, 1, 1)
>>> print(describe_phq9(answers, scales.score_phq9(answers)).summary)
PHQ-9 total 12 of 27: moderate. Item 9 is above 0: see the safety message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from painmood_widgets import scales
from painmood_widgets.describe.safety import safety_message
from painmood_widgets.wording import number, plural

__all__ = [
    "BPI_FORM",
    "PEG_FORM",
    "PHQ9_FORM",
    "Form",
    "FormItem",
    "FormText",
    "check_answers",
    "describe_bpi",
    "describe_missing",
    "describe_peg",
    "describe_phq9",
    "phq9_safety_message",
]

_BPI_CAVEAT = (
    "These cut-points come from cancer pain (Serlin et al. 1995); in non-cancer pain "
    "published cut-points vary (Woo et al. 2015), so take the band as a teaching label, "
    "not a threshold for care."
)


class FormItem(NamedTuple):
    """One item of a form: where the scales find it, and how a sentence names it.

    Attributes
    ----------
    part : str
        The scale, or part of it, as :func:`painmood_widgets.scales.check_item` takes
        it: ``"PHQ-9"``, ``"BPI severity"``, ``"BPI interference"`` or ``"PEG"``.
    number : int
        The item's number on that part, from 1.
    name : str
        The item as a sentence names it: ``"3 (Trouble sleeping, or sleeping too much)"``.
    """

    part: str
    number: int
    name: str


class Form(NamedTuple):
    """A questionnaire as a form shows it: its name, its items in order, its top answer.

    Attributes
    ----------
    scale : str
        The questionnaire's name in messages: ``"PHQ-9"``, ``"BPI"`` or ``"PEG"``.
    items : tuple of FormItem
        The items in form order.
    highest : int
        The highest answer of every item (3 on the PHQ-9, 10 on the BPI and PEG).
    """

    scale: str
    items: tuple[FormItem, ...]
    highest: int


def _items(part: str, labels: Sequence[str], prefix: str = "") -> tuple[FormItem, ...]:
    return tuple(
        FormItem(part, item, f"{prefix}{item} ({label})") for item, label in enumerate(labels, 1)
    )


PHQ9_FORM = Form("PHQ-9", _items("PHQ-9", scales.PHQ9_ITEM_LABELS), scales.PHQ9_ITEM_MAX)
"""The PHQ-9 form: nine items, 0-3 each."""

BPI_FORM = Form(
    "BPI",
    _items("BPI severity", scales.BPI_SEVERITY_ITEMS, "severity ")
    + _items("BPI interference", scales.BPI_INTERFERENCE_ITEMS, "interference "),
    scales.PAIN_MAX,
)
"""The BPI short form: four severity items, then seven interference items, 0-10 each."""

PEG_FORM = Form("PEG", _items("PEG", scales.PEG_ITEMS), scales.PAIN_MAX)
"""The PEG: pain, enjoyment of life, general activity, 0-10 each."""


class FormText(NamedTuple):
    """What a form shows for its answers, in words.

    Attributes
    ----------
    score_text : str
        The score line ("Total: 12 of 27 points").
    band_text : str
        The band line, with the band's caveat.
    summary : str
        The summary sentences: what is missing, the score, what it does not mean.
    """

    score_text: str
    band_text: str
    summary: str


def check_answers(form: Form, answers: object) -> tuple[int | None, ...]:
    """Check a form's answers: one per item, each an integer in range or None.

    Parameters
    ----------
    form : Form
        :data:`PHQ9_FORM`, :data:`BPI_FORM` or :data:`PEG_FORM`.
    answers : sequence of int or None
        One answer per item in form order (a list, tuple or 1-D array); None marks an
        item not answered.

    Returns
    -------
    tuple of int or None
        The answers as plain ints, None where not answered.

    Raises
    ------
    ValueError
        If `answers` is not a sequence of one answer per item, or an answer is not an
        integer in the item's range (bools, floats such as 2.0, strings and NaN are
        refused): the scales' own message, naming the item by number and label and
        giving its range.

    Examples
    --------
    >>> check_answers(PEG_FORM, [6, None, 7])
    (6, None, 7)
    >>> check_answers(BPI_FORM, [11] + [None] * 10)
    Traceback (most recent call last):
    ...
    ValueError: BPI severity item 1 (worst pain in the last 24 hours) must be an integer \
from 0 to 10, got 11
    """
    if not isinstance(form, Form):
        raise ValueError(f"form must be a describe.forms.Form; got {type(form).__name__}")
    rule = f"each an integer from 0 to {form.highest} or None if not answered"
    values = scales.answer_sequence(answers, form.scale, len(form.items), rule, "in form order")
    return tuple(
        None if value is None else scales.check_item(item.part, item.number, value)
        for item, value in zip(form.items, values, strict=True)
    )


def _check_score(score: object, kind: type, name: str) -> None:
    if score is not None and not isinstance(score, kind):
        raise ValueError(
            f"{name} must be a {kind.__name__} or None (not scored); got {type(score).__name__}"
        )


def _span(band: scales.ScoreBand) -> str:
    """The scores a band covers: "10-14", or "0" for a one-score band."""
    if band.lowest == band.highest:
        return str(band.lowest)
    return f"{band.lowest}-{band.highest}"


def _band(bands: tuple[scales.ScoreBand, ...], label: str) -> scales.ScoreBand:
    return next(band for band in bands if band.label == label)


def describe_missing(form: Form, answers: object) -> str:
    """Which items are not answered yet, by number and label; empty when none.

    Parameters
    ----------
    form : Form
        The form the answers belong to.
    answers : sequence of int or None
        Its answers (see :func:`check_answers`).

    Returns
    -------
    str
        One sentence, or ``""`` when every item is answered.

    Raises
    ------
    ValueError
        As :func:`check_answers`.

    Examples
    --------
    >>> describe_missing(PEG_FORM, [6, None, 7])
    '1 item not answered yet: 2 (Interference with enjoyment of life in the past week).'
    >>> describe_missing(PEG_FORM, [None] * 3), describe_missing(PEG_FORM, [1, 2, 3])
    ('None of the 3 items answered yet.', '')
    """
    pairs = zip(form.items, check_answers(form, answers), strict=True)
    missing = [item.name for item, answer in pairs if answer is None]
    if not missing:
        return ""
    if len(missing) == len(form.items):
        return f"None of the {len(form.items)} items answered yet."
    return f"{plural(len(missing), 'item')} not answered yet: {', '.join(missing)}."


def _item9_above_zero(answers: tuple[int | None, ...]) -> bool:
    """The safety rule: any PHQ-9 item 9 answer above 0, whatever else is answered."""
    item9 = answers[-1]
    return item9 is not None and item9 > 0


def phq9_safety_message(answers: object) -> str:
    """The crisis message whenever PHQ-9 item 9 is above 0, else an empty string.

    Whatever the total, and even when the form cannot be scored: any item 9 answer
    above 0 calls for a same-day safety assessment (Simon et al. 2013). A 0 or a blank
    item 9 gives no message here, but neither is an all-clear (see
    :func:`describe_phq9`).

    Parameters
    ----------
    answers : sequence of int or None
        The nine PHQ-9 answers (see :func:`check_answers`).

    Returns
    -------
    str
        :data:`painmood_widgets.describe.safety.CRISIS_MESSAGE` or ``""``.

    Raises
    ------
    ValueError
        As :func:`check_answers`.

    References
    ----------
    Simon et al., Psychiatr Serv 2013 (in full in :mod:`painmood_widgets.describe.safety`).

    Examples
    --------
    >>> phq9_safety_message([None] * 8 + [1]).startswith("Thoughts of death or self-harm")
    True
    >>> phq9_safety_message([3] * 8 + [0]), phq9_safety_message([3] * 8 + [None])
    ('', '')
    """
    return safety_message(_item9_above_zero(check_answers(PHQ9_FORM, answers)))


def describe_phq9(answers: object, result: scales.Phq9Result | None) -> FormText:
    """A PHQ-9 form in words: total, severity band, and what is missing or needs care.

    Parameters
    ----------
    answers : sequence of int or None
        The nine answers (see :func:`check_answers`).
    result : painmood_widgets.scales.Phq9Result or None
        Their score (:func:`~painmood_widgets.scales.score_phq9`); None when 3 or more
        items are missing and the form is not scored.

    Returns
    -------
    FormText
        The total (prorated or not), the band with its source, and the summary. The
        summary points to the safety message when item 9 is above 0 and says a blank
        item 9 is no all-clear.

    Raises
    ------
    ValueError
        As :func:`check_answers`, or if `result` is neither a Phq9Result nor None.

    References
    ----------
    Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
    severity measure. J Gen Intern Med 2001;16:606-613.

    NHS Data Dictionary, Patient Health Questionnaire (PHQ-9): prorating 1 or 2
    missing items.

    Examples
    --------
    >>> answers = (2, 2, None, 2, 1, 2, 2, 1, 0)
    >>> text = describe_phq9(answers, scales.score_phq9(answers))
    >>> text.score_text
    'Total: 14 of 27 points (prorated)'
    >>> print(describe_phq9([1, 1, None, None, None, 0, 0, 0, None], None).summary)
    4 items not answered yet: 3 (Trouble sleeping, or sleeping too much), 4 (Feeling tired
    or having little energy), 5 (Poor appetite or overeating), 9 (Thoughts that you would
    be better off dead, or of self-harm). PHQ-9 not scored: at most 2 of the 9 items may be
    missing (NHS rule). Item 9 is not answered yet: a blank item 9 is no all-clear.
    """
    checked = check_answers(PHQ9_FORM, answers)
    _check_score(result, scales.Phq9Result, "result")
    sentences = [describe_missing(PHQ9_FORM, checked)]
    if result is None:
        score_text = "Total: not scored"
        band_text = "Severity band: shown once the PHQ-9 can be scored."
        sentences.append(
            f"PHQ-9 not scored: at most {scales.PHQ9_MOST_MISSING} of the 9 items may be missing "
            "(NHS rule)."
        )
    else:
        band = _band(scales.PHQ9_SEVERITY_BANDS, result.severity)
        prorated = " (prorated)" if result.prorated else ""
        score_text = f"Total: {result.total} of {scales.PHQ9_MAX} points{prorated}"
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
            f"PHQ-9 total {result.total} of {scales.PHQ9_MAX}{how}: {result.severity}."
        )
    if _item9_above_zero(checked):
        sentences.append("Item 9 is above 0: see the safety message.")
    elif checked[-1] is None:
        sentences.append("Item 9 is not answered yet: a blank item 9 is no all-clear.")
    return FormText(score_text, band_text, " ".join(filter(None, sentences)))


def describe_bpi(answers: object, result: scales.BpiResult | None) -> FormText:
    """A BPI short form in words: severity, interference, the worst-pain band and its caveat.

    Parameters
    ----------
    answers : sequence of int or None
        The eleven answers, four severity then seven interference (see
        :func:`check_answers`).
    result : painmood_widgets.scales.BpiResult or None
        Their score (:func:`~painmood_widgets.scales.score_bpi`); None while a severity
        item is not answered.

    Returns
    -------
    FormText
        Severity and interference (or "not scored"), the worst-pain band with the
        cancer-pain caveat, and the summary.

    Raises
    ------
    ValueError
        As :func:`check_answers`, or if `result` is neither a BpiResult nor None.

    References
    ----------
    The band's caveat cites Serlin et al., Pain 1995 (cancer-pain cut-points) and Woo et
    al., Ann Palliat Med 2015 (cut-points in non-cancer pain vary); in full, with the
    BPI User Guide, in :func:`painmood_widgets.scales.score_bpi`.

    Examples
    --------
    >>> text = describe_bpi([7, 3, 5, 6] + [6, 7, 5, 8, 4, 6, 7],
    ...                     scales.score_bpi([7, 3, 5, 6], [6, 7, 5, 8, 4, 6, 7]))
    >>> text.score_text
    'Severity: 5.25 of 10; interference: 6.14 of 10'
    >>> print(text.summary)
    BPI pain severity 5.25 of 10 (mean of the 4 severity items); worst pain 7 of 10, band:
    severe. Pain interference 6.14 of 10 (mean of the 7 answered items).
    """
    checked = check_answers(BPI_FORM, answers)
    _check_score(result, scales.BpiResult, "result")
    sentences = [describe_missing(BPI_FORM, checked)]
    if result is None:
        score_text = "Severity: not scored"
        band_text = f"Worst-pain band: shown once all 4 severity items are answered. {_BPI_CAVEAT}"
        sentences.append("BPI not scored: all 4 severity items are needed.")
        return FormText(score_text, band_text, " ".join(filter(None, sentences)))
    band = _band(scales.BPI_SEVERITY_BANDS, result.severity_band)
    band_text = f"Worst-pain band: {result.severity_band} ({_span(band)} of 10). {_BPI_CAVEAT}"
    sentences.append(
        f"BPI pain severity {number(result.severity)} of 10 (mean of the 4 severity "
        f"items); worst pain {checked[0]} of 10, band: {result.severity_band}."
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
    return FormText(score_text, band_text, " ".join(filter(None, sentences)))


def describe_peg(answers: object, score: float | None) -> FormText:
    """A PEG in words: the mean of its three items, and no band.

    Parameters
    ----------
    answers : sequence of int or None
        The three answers: pain, enjoyment, activity (see :func:`check_answers`).
    score : float or None
        Their score (:func:`~painmood_widgets.scales.score_peg`); None while an item is
        not answered.

    Returns
    -------
    FormText
        The score (or "not scored"), a band line saying the authors published no band,
        and the summary.

    Raises
    ------
    ValueError
        As :func:`check_answers`, or if `score` is neither a number nor None.

    References
    ----------
    Krebs et al., J Gen Intern Med 2009 (no bands published); in full in
    :func:`painmood_widgets.scales.score_peg`.

    Examples
    --------
    >>> describe_peg([5, 5, 6], 5.33).summary
    'PEG score 5.33 of 10 (mean of the 3 items); the PEG has no published severity bands.'
    >>> describe_peg([6, 5, None], None).score_text
    'PEG score: not scored'
    """
    checked = check_answers(PEG_FORM, answers)
    _check_score(score, float, "score")
    band_text = (
        "No severity band: the PEG's authors published none (Krebs et al. 2009), so none is shown."
    )
    if score is None:
        summary = f"{describe_missing(PEG_FORM, checked)} PEG not scored: all 3 items are needed."
        return FormText("PEG score: not scored", band_text, summary)
    return FormText(
        f"PEG score: {number(score)} of 10",
        band_text,
        f"PEG score {number(score)} of 10 (mean of the 3 items); the PEG has no "
        "published severity bands.",
    )
