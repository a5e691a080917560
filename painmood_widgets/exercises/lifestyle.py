"""Checks for the lifestyle exercises: sleep restriction, and opioid duration and depression.

Exercise 3 (``exercises/03_sleep_restriction.ipynb``): the learner predicts what cutting a
made-up patient's sleep from 7 to 5 hours a night does to her PHQ-9 and pain at week 12,
simulates it with :mod:`painmood_widgets.model`, compares, and reads what the model's
figure rests on (:func:`check_sleep_prediction`, :func:`check_sleep_simulation`,
:func:`check_sleep_difference`, :func:`check_sleep_evidence`).

Exercise 4 (``exercises/04_opioids_and_depression_risk.ipynb``): what a hazard ratio of
new depression with longer opioid use does and does not mean (Scherrer et al., J Gen
Intern Med 2014;29:491), turned into an approximate risk from an illustrative baseline,
and the model's PHQ-9 with 60 against 200 days of use (:func:`check_approximate_risk`,
:func:`check_hazard_ratio_meaning`, :func:`check_opioid_duration_difference`).

Every check computes what it expects with the package's own functions (the model, the
evidence table), or compares a one-way fingerprint for a choice; no message contains the
expected value, and none echoes a wrong number back (a sign-flipped answer would give the
expected magnitude away).

Educational, not diagnostic.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from painmood_widgets import evidence, model
from painmood_widgets.exercises.feedback import (
    ExerciseFeedback,
    close,
    fingerprint,
    is_placeholder,
    not_answered,
    read_number,
    read_text,
    right,
    unreadable,
)
from painmood_widgets.scenario import SCENARIO_FIELDS, Scenario

__all__ = [
    "check_approximate_risk",
    "check_hazard_ratio_meaning",
    "check_opioid_duration_difference",
    "check_sleep_difference",
    "check_sleep_evidence",
    "check_sleep_prediction",
    "check_sleep_simulation",
]

PHQ9_MAX = SCENARIO_FIELDS["baseline_phq9"].maximum
PAIN_MAX = SCENARIO_FIELDS["baseline_pain"].maximum

_LEVEL_TOLERANCE = 0.051
"""A score read from the model: one decimal place is enough."""
_DIFFERENCE_TOLERANCE = 0.006
"""A difference between two courses: two decimal places (the differences are small)."""
_ROUNDED_TOLERANCE = 0.06
"""A difference within this of the model's, but not within the tolerance: rounded early."""
_RISK_TOLERANCE = 0.51
"""An approximate risk in percent: a whole number is close enough."""


# --------------------------------------------------------------------------- reading answers
def _number(value: object, what: str) -> float | ExerciseFeedback:
    """``value`` as a float: a number, or a one-value Series, array or table holding one."""
    if isinstance(value, pd.Series | pd.DataFrame | np.ndarray) and np.size(value) == 1:
        value = np.asarray(value).ravel()[0]
    return read_number(value, what)


def _numbers(answers: Mapping[str, tuple[object, str]]) -> dict[str, float] | ExerciseFeedback:
    """Each answer as a float, or the first answer's feedback (not answered, unreadable)."""
    read: dict[str, float] = {}
    for value, what in answers.values():
        if is_placeholder(value):
            return not_answered(what)
    for name, (value, what) in answers.items():
        number = _number(value, what)
        if isinstance(number, ExerciseFeedback):
            return number
        read[name] = number
    return read


def _near(answer: float, target: float, tolerance: float) -> bool:
    return math.isfinite(target) and abs(answer - target) <= tolerance + 1e-12


def _diagnose(
    answers: Mapping[str, float],
    expected: Mapping[str, float],
    mistakes: Sequence[tuple[Mapping[str, float], str]],
    labels: Mapping[str, str],
    tolerance: float,
) -> str | None:
    """The message of the first typical mistake the answers show, or None.

    A mistake is a set of values (one per answer) and what it shows. When every answer is
    wrong, first a mistake they all make; then a mistake one wrong answer makes, named with
    its label. A mistake's value that lies near the expected one is never named.
    """
    wrong = [name for name in answers if not _near(answers[name], expected[name], tolerance)]

    def made(name: str, values: Mapping[str, float]) -> bool:
        return (
            name in values
            and not _near(values[name], expected[name], 2 * tolerance)
            and _near(answers[name], values[name], tolerance)
        )

    if len(wrong) == len(answers):
        for values, message in mistakes:
            if all(made(name, values) for name in wrong):
                return message
    for name in wrong:
        for values, message in mistakes:
            if made(name, values):
                return f"{labels[name]}: {message}"
    return None


def _checked_scenario(patient: object, what: str = "patient") -> Scenario:
    if not isinstance(patient, Scenario):
        raise ValueError(f"{what} must be a model.Scenario; got {type(patient).__name__}")
    return patient


def _checked_week(week: object, patient: Scenario) -> int:
    if (
        isinstance(week, bool | np.bool_)
        or not isinstance(week, numbers.Integral)
        or not 1 <= week <= patient.weeks
    ):
        raise ValueError(f"week must be a whole number from 1 to {patient.weeks}; got {week!r}")
    return int(week)


def _at(course: pd.DataFrame, week: int) -> dict[str, float]:
    row = course.loc[week]
    return {"phq9": float(row["phq9"]), "pain": float(row["pain"])}


def _choice(value: object, what: str, letters: str) -> str | ExerciseFeedback:
    """A choice written as a letter ("B", "b", "(b)", "option B"), lower case; or feedback."""
    text = read_text(value, what)
    if isinstance(text, ExerciseFeedback):
        return text
    letter = re.sub(r"^(option|answer)\s*", "", text.lower()).strip(" ()[].:'\"")
    if len(letter) != 1 or letter not in letters:
        choices = ", ".join(f'"{option.upper()}"' for option in letters)
        return unreadable(what, f"the letter of one option in quotes: {choices}", value)
    return letter


# --------------------------------------------------------------------------- exercise 3: sleep
_DIRECTIONS = {
    "higher": ("higher", "worse", "up", "more", "increase", "increased", "rise", "raised"),
    "lower": ("lower", "better", "down", "less", "decrease", "decreased", "fall", "improved"),
    "the same": ("same", "the same", "no change", "unchanged", "no different", "no difference"),
}


def _direction(text: str) -> str | None:
    """'higher', 'lower' or 'the same' from a learner's word, or None if unclear."""
    words = re.sub(r"[^a-z ]", " ", text.lower()).split()
    phrase = " ".join(words)
    for direction, spellings in _DIRECTIONS.items():
        if phrase in spellings:
            return direction
    found = {
        direction
        for direction, spellings in _DIRECTIONS.items()
        for spelling in spellings
        if f" {spelling} " in f" {phrase} "
    }
    if found == {"higher"} and "not" not in words:
        return "higher"
    if found == {"lower"} and "not" not in words:
        return "lower"
    if "the same" in found and len(found) == 1:
        return "the same"
    return None


def check_sleep_prediction(
    predicted_phq9_week12: object, predicted_pain_week12: object, predicted_direction: object
) -> ExerciseFeedback:
    """Exercise 3, task 1: a prediction is recorded when it is a valid one (no right or wrong).

    Parameters
    ----------
    predicted_phq9_week12 : number
        The learner's predicted PHQ-9 total at week 12 with 5 hours of sleep (0-27).
    predicted_pain_week12 : number
        The predicted pain intensity at week 12 (0-10).
    predicted_direction : str
        Compared with keeping 7 hours: "higher", "lower" or "the same" PHQ-9 at week 12.

    Returns
    -------
    ExerciseFeedback
        "Right." with the prediction recorded when all three are valid; otherwise what
        to change (a score off its scale, a change written instead of a score, the two
        scores swapped, a direction that is not one of the three words).

    Examples
    --------
    >>> check_sleep_prediction(14, 6.5, "higher").passed
    True
    >>> print(check_sleep_prediction(..., 6.5, "higher").status)
    not answered
    >>> print(check_sleep_prediction(30, 6.5, "higher"))  # doctest: +ELLIPSIS
    Not yet. A PHQ-9 total runs from 0 to 27 ...
    """
    numbers_read = _numbers(
        {
            "phq9": (predicted_phq9_week12, "predicted_phq9_week12 (your predicted PHQ-9)"),
            "pain": (predicted_pain_week12, "predicted_pain_week12 (your predicted pain)"),
        }
    )
    if isinstance(numbers_read, ExerciseFeedback):
        return numbers_read
    phq9, pain = numbers_read["phq9"], numbers_read["pain"]
    text = read_text(predicted_direction, "predicted_direction (higher, lower or the same)")
    if isinstance(text, ExerciseFeedback):
        return text
    direction = _direction(text)
    if direction is None:
        return unreadable(
            "predicted_direction",
            'one of the words "higher", "lower" or "the same", in quotes',
            predicted_direction,
        )
    if phq9 < 0 or pain < 0:
        return close(
            "A negative number looks like a change from the start. Write the score you expect "
            "at week 12 itself (PHQ-9 0-27, pain 0-10); the direction goes in "
            "predicted_direction."
        )
    if 0 <= phq9 <= PAIN_MAX < pain <= PHQ9_MAX:
        return close(
            "Your pain prediction is above 10, the top of the pain scale, and your PHQ-9 "
            "prediction would fit the pain scale: did you swap the two? PHQ-9 runs from 0 to "
            "27, pain from 0 to 10."
        )
    if phq9 > PHQ9_MAX:
        return close(
            "A PHQ-9 total runs from 0 to 27 (nine items, each 0-3), so a prediction must lie "
            "in that range. Write the total you expect at week 12."
        )
    if pain > PAIN_MAX:
        return close(
            "Pain intensity is rated from 0 to 10, so a prediction must lie in that range. "
            "Write the pain you expect at week 12."
        )
    said = {
        "higher": "higher than if she kept sleeping 7 hours",
        "lower": "lower than if she kept sleeping 7 hours",
        "the same": "the same as if she kept sleeping 7 hours",
    }[direction]
    return right(
        f"Your prediction is recorded: PHQ-9 {phq9:g} and pain {pain:g} at week 12, her "
        f"PHQ-9 {said}. A prediction is neither right nor wrong: writing it down before you "
        "simulate is what lets you see where your expectation and the model part ways, and "
        "ask why. Keep it as it is while you simulate."
    )


def _sleep_courses(
    patient: Scenario, sleep_hours: object, week: int
) -> tuple[Scenario, pd.DataFrame, pd.DataFrame]:
    restricted = patient.replace(sleep_hours=sleep_hours)
    return restricted, model.trajectory(patient), model.trajectory(restricted)


_SCORE_LABELS = {"phq9": "PHQ-9", "pain": "Pain"}


def check_sleep_simulation(
    phq9_week12: object,
    pain_week12: object,
    patient: Scenario,
    sleep_hours: float,
    week: int = 12,
    *,
    predicted_phq9: object = None,
    predicted_pain: object = None,
) -> ExerciseFeedback:
    """Exercise 3, task 2: the model's PHQ-9 and pain at a week, with sleep cut.

    The expected scores are the typical patient's at ``week`` in
    ``model.trajectory(patient.replace(sleep_hours=sleep_hours))``. When the answer is
    right and a valid prediction is given, the message compares it with the model (above,
    below or close), without numbers.

    Parameters
    ----------
    phq9_week12, pain_week12 : number
        The learner's reading of the model, sleep cut to ``sleep_hours``.
    patient : Scenario
        The exercise's patient at her usual sleep.
    sleep_hours : float
        Her sleep after the cut, hours per night.
    week : int, default 12
        The week to read (1 to ``patient.weeks``).
    predicted_phq9, predicted_pain : number, optional
        The learner's prediction from task 1, to compare with.

    Returns
    -------
    ExerciseFeedback
        Right, or the misconception: her starting scores (week 0) read instead of the
        week asked; the last week of the course; her course at her usual sleep; the two
        scores swapped; a whole-number rounding.

    Raises
    ------
    ValueError
        If the notebook passes a ``patient`` that is not a Scenario, a ``sleep_hours`` or
        ``week`` out of range.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario, trajectory
    >>> ana = Scenario(baseline_pain=6, baseline_phq9=12, weeks=26)
    >>> course = trajectory(ana.replace(sleep_hours=5))
    >>> check_sleep_simulation(course.loc[12, "phq9"], course.loc[12, "pain"], ana, 5).passed
    True
    >>> print(check_sleep_simulation(12, 6, ana, 5))  # doctest: +ELLIPSIS
    Not yet. These are her scores at week 0...
    """
    patient = _checked_scenario(patient)
    week = _checked_week(week, patient)
    _restricted, usual, cut = _sleep_courses(patient, sleep_hours, week)
    answers = _numbers(
        {
            "phq9": (phq9_week12, f"phq9_week12 (the model's PHQ-9 at week {week})"),
            "pain": (pain_week12, f"pain_week12 (the model's pain at week {week})"),
        }
    )
    if isinstance(answers, ExerciseFeedback):
        return answers
    expected = _at(cut, week)
    if all(_near(answers[name], expected[name], _LEVEL_TOLERANCE) for name in expected):
        return right(
            f"These are the model's scores for her at week {week} with {sleep_hours:g} hours "
            "of sleep: the typical patient of the teaching model, not a forecast for a real "
            f"person.{_compare_prediction(predicted_phq9, predicted_pain, expected, patient)}"
        )
    mistakes = [
        (
            _at(cut, 0),
            "These are her scores at week 0, where every course starts, whatever she sleeps. "
            f"The effect of the cut builds over the weeks: read the row for week {week} "
            f'(course_5h.loc[{week}, "phq9"]).',
        ),
        (
            _at(usual, week),
            f"These are her scores at week {week} if she kept her usual sleep: did you run "
            "model.trajectory on patient instead of restricted?",
        ),
        (
            {"phq9": expected["pain"], "pain": expected["phq9"]},
            "You seem to have swapped the two: the column phq9 holds PHQ-9 (0-27), the "
            "column pain holds pain (0-10).",
        ),
    ]
    if patient.weeks != week:
        mistakes.append(
            (
                _at(cut, patient.weeks),
                f"These are the scores in the last row of the course, week {patient.weeks}. "
                f"The question asks about week {week}: read the row by its week number "
                f'(course_5h.loc[{week}, "phq9"]), not the last one.',
            )
        )
    found = _diagnose(answers, expected, mistakes, _SCORE_LABELS, _LEVEL_TOLERANCE)
    if found:
        return close(found)
    rounded = [
        name
        for name in expected
        if not _near(answers[name], expected[name], _LEVEL_TOLERANCE)
        and float(answers[name]).is_integer()
        and answers[name] == round(expected[name])
    ]
    if rounded:
        return close(
            "A real PHQ-9 total is a whole number, but the model's typical patient is an "
            "average: keep at least one decimal place instead of rounding to a whole number."
        )
    off = " and ".join(
        _SCORE_LABELS[name]
        for name in expected
        if not _near(answers[name], expected[name], _LEVEL_TOLERANCE)
    )
    return close(
        f"{off} is not what the model gives. Look again: make restricted with "
        f"patient.replace(sleep_hours={sleep_hours:g}), run model.trajectory(restricted), and "
        f'read the row for week {week}, columns "phq9" and "pain".'
    )


def _compare_prediction(
    predicted_phq9: object,
    predicted_pain: object,
    expected: Mapping[str, float],
    patient: Scenario,
) -> str:
    """A sentence or two comparing a valid prediction with the model, without numbers."""
    if predicted_phq9 is None and predicted_pain is None:
        return ""
    prediction = {}
    for name, value in (("phq9", predicted_phq9), ("pain", predicted_pain)):
        number = _number(value, name)
        if isinstance(number, ExerciseFeedback):
            return " (Write your prediction in task 1 to compare it with the model.)"
        prediction[name] = number
    parts = []
    for name, label, margin in (("phq9", "PHQ-9", 1.0), ("pain", "pain", 0.5)):
        gap = prediction[name] - expected[name]
        if abs(gap) <= margin:
            parts.append(f"your {label} was close to the model's")
        elif gap > 0:
            parts.append(f"your {label} was above the model's")
        else:
            parts.append(f"your {label} was below the model's")
    sentence = f" Against your prediction: {parts[0]}, and {parts[1]}."
    baseline = {"phq9": patient.baseline_phq9, "pain": patient.baseline_pain}
    predicted_worse = any(prediction[name] > baseline[name] for name in baseline)
    model_better = all(expected[name] < baseline[name] for name in baseline)
    if predicted_worse and model_better:
        sentence += (
            " Notice that the model has her lower than at the start even with less sleep: "
            "its untreated course is usual care as a trial's control arm lives it, which "
            "improves. The sleep cut takes back part of that improvement; task 3 measures how "
            "much."
        )
    return sentence


def check_sleep_difference(
    phq9_difference: object,
    pain_difference: object,
    patient: Scenario,
    sleep_hours: float,
    week: int = 12,
    *,
    predicted_direction: object = None,
) -> ExerciseFeedback:
    """Exercise 3, task 3: what the sleep cut adds, as the model computes it.

    The expected differences are the typical patient's scores at ``week`` with sleep cut
    to ``sleep_hours`` minus her scores at her usual sleep (``patient``): positive means
    worse with less sleep. ``model.lever_effects(restricted, week)`` gives the same for a
    patient whose other levers are at the reference lifestyle. When the answer is right,
    the message compares the direction the learner predicted with the model's.

    Parameters
    ----------
    phq9_difference, pain_difference : number
        The learner's differences, cut minus usual sleep.
    patient : Scenario
        The exercise's patient at her usual sleep.
    sleep_hours : float
        Her sleep after the cut.
    week : int, default 12
        The week compared (1 to ``patient.weeks``).
    predicted_direction : str, optional
        The learner's predicted direction from task 1 ("higher", "lower", "the same").

    Returns
    -------
    ExerciseFeedback
        Right (with the prediction's direction against the model's: a prediction that
        less sleep lowers PHQ-9 is named as the belief that more sleep worsens mood), or
        the misconception: the difference taken the other way round (usual minus cut);
        the courses compared at week 0; a score given instead of a difference; the change
        since the start within one course; week 0 of one course against the week asked of
        the other; the last week of the course; the two swapped; rounded too early.

    Raises
    ------
    ValueError
        If ``patient``, ``sleep_hours`` or ``week`` is not a valid input.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario, trajectory
    >>> ana = Scenario(baseline_pain=6, baseline_phq9=12, weeks=26)
    >>> cut, usual = trajectory(ana.replace(sleep_hours=5)), trajectory(ana)
    >>> difference = cut.loc[12] - usual.loc[12]
    >>> check_sleep_difference(difference["phq9"], difference["pain"], ana, 5).passed
    True
    >>> print(check_sleep_difference(-difference["phq9"], -difference["pain"], ana, 5))
    ... # doctest: +ELLIPSIS
    Not yet. You subtracted the other way round...
    """
    patient = _checked_scenario(patient)
    week = _checked_week(week, patient)
    _restricted, usual, cut = _sleep_courses(patient, sleep_hours, week)
    answers = _numbers(
        {
            "phq9": (phq9_difference, "phq9_difference (PHQ-9 with less sleep minus usual)"),
            "pain": (pain_difference, "pain_difference (pain with less sleep minus usual)"),
        }
    )
    if isinstance(answers, ExerciseFeedback):
        return answers
    cut_at, usual_at = _at(cut, week), _at(usual, week)
    expected = {name: cut_at[name] - usual_at[name] for name in cut_at}
    if all(_near(answers[name], expected[name], _DIFFERENCE_TOLERANCE) for name in expected):
        return right(_sleep_difference_verdict(expected, predicted_direction, sleep_hours, week))
    start = _at(cut, 0)
    mistakes = [
        (
            {name: -value for name, value in expected.items()},
            "You subtracted the other way round: usual sleep minus the cut. The question asks "
            "what the cut adds, so take the course with less sleep minus the course with her "
            "usual sleep; then a positive difference means worse with less sleep.",
        ),
        (
            {"phq9": 0.0, "pain": 0.0},
            "At week 0 both courses start from her same scores, so the difference there is "
            f"zero. The effect of the cut builds over the weeks: compare the rows for week {week}.",
        ),
        (
            cut_at,
            f"That is her score at week {week} with less sleep, not a difference. Subtract her "
            f"score at week {week} with her usual sleep (course_7h).",
        ),
        (
            {name: cut_at[name] - start[name] for name in cut_at},
            "That is her change since the start within the course with less sleep. It mixes "
            "two things: usual care's improvement (trial control arms improve) and the cut. "
            f"Compare the two courses with each other at the same week, week {week}.",
        ),
        (
            {name: start[name] - usual_at[name] for name in cut_at},
            f"You compared week 0 of one course with week {week} of the other. Read both "
            f"courses at week {week}.",
        ),
        (
            {"phq9": expected["pain"], "pain": expected["phq9"]},
            "You seem to have swapped the two: the phq9 columns give the PHQ-9 difference, the "
            "pain columns the pain difference.",
        ),
    ]
    if patient.weeks != week:
        last_cut, last_usual = _at(cut, patient.weeks), _at(usual, patient.weeks)
        mistakes.append(
            (
                {name: last_cut[name] - last_usual[name] for name in last_cut},
                f"You compared the last rows, week {patient.weeks}. The question asks about "
                f"week {week}: read each course by its week number (.loc[{week}, ...]).",
            )
        )
    found = _diagnose(answers, expected, mistakes, _SCORE_LABELS, _DIFFERENCE_TOLERANCE)
    if found:
        return close(found)
    if all(_near(answers[name], expected[name], _ROUNDED_TOLERANCE) for name in expected):
        return close(
            "Almost: keep at least two decimal places. The differences are small, and rounding "
            "the scores before subtracting, or the difference to one place, hides them."
        )
    off = " and ".join(
        _SCORE_LABELS[name]
        for name in expected
        if not _near(answers[name], expected[name], _DIFFERENCE_TOLERANCE)
    )
    return close(
        f"{off} is not the difference the model gives. Look again: read both courses at week "
        f"{week} (course_5h and course_7h), and subtract the usual-sleep value from the "
        "value with less sleep, for each score."
    )


def _sleep_difference_verdict(
    expected: Mapping[str, float], predicted_direction: object, sleep_hours: float, week: int
) -> str:
    model_direction = (
        "higher" if expected["phq9"] > 0 else "lower" if expected["phq9"] < 0 else "the same"
    )
    text = (
        f"In the teaching model, sleeping {sleep_hours:g} hours instead of 7 leaves her PHQ-9 "
        f"{model_direction} at week {week}, and her pain "
        f"{'higher' if expected['pain'] > 0 else 'not higher'}: less sleep builds a sleep "
        "debt, which pushes both scores up, and the loop between pain and mood carries each "
        "push over to the other score. "
        f"model.lever_effects(restricted, week={week}) gives the same difference in its "
        "sleep row."
    )
    if predicted_direction is None or is_placeholder(predicted_direction):
        return text
    said = _direction(predicted_direction) if isinstance(predicted_direction, str) else None
    if said is None:
        return text + " (Write your predicted direction in task 1 to compare it.)"
    if said == model_direction:
        return text + " Your prediction had the direction the model gives."
    if said == "lower" and model_direction == "higher":
        return text + (
            " You predicted the opposite direction: that her PHQ-9 would be lower with less "
            "sleep, which is to say that more sleep worsens mood. The cohort studies point the "
            "other way: short sleepers went on to depression more often than people sleeping "
            "7-8 hours, and the model follows them (long sleep also went with more depression, "
            "but it is more plausibly a sign of illness than a cause, so the model adds "
            "nothing above 7 hours). What made you expect less sleep to help?"
        )
    return text + (
        " You predicted no difference; the model gives one. Below 7 hours each hour lost adds "
        "the same push; only from 7 hours up does the model add nothing."
    )


def check_sleep_evidence(evidence_choice: object) -> ExerciseFeedback:
    """Exercise 3, task 4: what the model's figure for 5 hours of sleep rests on (a choice).

    The options (A-D, in the notebook) read the short-sleep relative risk of the cohort
    studies (Zhai, Zhang & Zhang, Depress Anxiety 2015;32:664) and the model's note that
    below the studied range it extends the figure in a straight line. The right option is
    recognised by its fingerprint.

    Parameters
    ----------
    evidence_choice : str
        The letter of the chosen option, e.g. "A" (case, spaces, brackets ignored).

    Returns
    -------
    ExerciseFeedback
        Right, or the misconception of the option chosen: an association read as a cause;
        a relative risk read as a percentage rise in the score; an extrapolation taken as
        a measurement.

    Examples
    --------
    >>> print(check_sleep_evidence(...).status)
    not answered
    >>> print(check_sleep_evidence("E"))  # doctest: +ELLIPSIS
    Cannot check evidence_choice yet: it should be the letter of one option...
    """
    letter = _choice(evidence_choice, "evidence_choice", "abcd")
    if isinstance(letter, ExerciseFeedback):
        return letter
    status, message = _SLEEP_EVIDENCE_FEEDBACK[fingerprint(letter)]
    return right(message) if status == "right" else close(message)


_SLEEP_EVIDENCE_FEEDBACK = {
    "bab68bac969e5694": (
        "close",
        "This reads an association as a cause. The relative risk comes from prospective "
        "cohort studies: people who slept as they did, not people whose sleep was cut. They "
        "show that short sleep and later depression go together; confounding (illness, pain, "
        "shift work itself) and early low mood disturbing sleep could produce the same "
        "figure. The model assumes the causal direction for teaching, so restoring her sleep "
        "undoes the push in the model; whether it would in a person is what trials of sleep "
        "treatments test.",
    ),
    "f4ee1a397ca42264": (
        "right",
        "The figure behind the sleep lever is the short-sleep relative risk of prospective "
        "cohorts: an association between sleeping little and later depression, converted "
        "to a push on the PHQ-9 scale and taken as causal for teaching. The short sleepers "
        "in those studies slept about 6 hours or less, and her 5 hours lie below the range "
        "they describe, so the model's 5-hour figure is their figure extended in a straight "
        "line: the simulator's note says so. Say both things when you quote the number.",
    ),
    "43e1eb9db836bfeb": (
        "close",
        "This reads a relative risk as a rise in a score. A relative risk compares how often "
        "something happens in two groups: here, how often people went on to depression after "
        "short against normal sleep. It says nothing about how many points anyone's PHQ-9 "
        "rises. (A '30% higher PHQ-9 with under 6 hours' is the source article's claim, and "
        "no study behind it was found.)",
    ),
    "50035543a92c82d5": (
        "close",
        "The model gives a number for every value of the slider, including values no study "
        "measured. The cohort studies compared short sleepers (about 6 hours or less) with "
        "7-8 hours; below that the model extends their figure in a straight line, as the "
        "sleep note printed above says. A number below the studied range rests on that "
        "assumption, so it is less firm, not equally firm.",
    ),
}


# --------------------------------------------------------------------------- exercise 4: opioids
def check_approximate_risk(
    approximate_risk_percent: object, baseline_risk_percent: float, hazard_ratio: float
) -> ExerciseFeedback:
    """Exercise 4, task 1: a baseline risk and a hazard ratio turned into an approximate risk.

    The expected answer is ``baseline_risk_percent * hazard_ratio``: a rough approximation,
    fair when the outcome is uncommon over the follow-up and the ratio holds over time.
    Answers within half a percentage point pass (a whole number is fine).

    Parameters
    ----------
    approximate_risk_percent : number
        The learner's approximate risk, in percent (per 100 people).
    baseline_risk_percent : float
        The illustrative baseline risk the exercise gave, percent (0 to 100).
    hazard_ratio : float
        The hazard ratio the exercise gave (above 0).

    Returns
    -------
    ExerciseFeedback
        Right, or the misconception: the hazard ratio added to the risk; its "51%" added
        as percentage points; the hazard ratio read as an absolute risk ("51 in 100 will
        become depressed"); only the extra risk; multiplied by one plus the ratio; divided
        by it; a proportion instead of a percent; the 90-180 day ratio, or the source
        article's misattributed "2-fold", used for more than 180 days.

    Raises
    ------
    ValueError
        If the notebook passes a baseline outside 0-100 or a ratio that is not positive.

    Examples
    --------
    >>> check_approximate_risk(10 * 1.51, 10, 1.51).passed
    True
    >>> print(check_approximate_risk(10 + 1.51, 10, 1.51))  # doctest: +ELLIPSIS
    Not yet. You added the hazard ratio to the risk...
    """
    for name, value, low, high in (
        ("baseline_risk_percent", baseline_risk_percent, 0.0, 100.0),
        ("hazard_ratio", hazard_ratio, 0.0, math.inf),
    ):
        if (
            isinstance(value, bool | np.bool_)
            or not isinstance(value, numbers.Real)
            or not low < float(value) < high
        ):
            raise ValueError(
                f"{name} must be a number above {low:g} and below {high:g}; got {value!r}"
            )
    baseline, ratio = float(baseline_risk_percent), float(hazard_ratio)
    answer = _number(
        approximate_risk_percent, "approximate_risk_percent (his approximate risk, in percent)"
    )
    if isinstance(answer, ExerciseFeedback):
        return answer
    expected = baseline * ratio
    excess_percent = round((ratio - 1) * 100, 6)
    if _near(answer, expected, _RISK_TOLERANCE):
        return right(
            "A hazard ratio multiplies a risk; it does not add to it. Baseline times ratio "
            "gives an approximate risk for the longer use, per 100 people over the follow-up: "
            "rough, fair when the outcome is uncommon and the ratio holds over time. Keep the "
            "label: the baseline is illustrative, so the result is too. Said as 'so many in "
            "100 against so many in 100', the difference is something a patient can weigh; "
            f"'{excess_percent:g}% more' sounds larger than it is when the baseline is small."
        )
    mistakes = [
        (
            baseline + ratio,
            "You added the hazard ratio to the risk. A hazard ratio is a ratio: it multiplies "
            f"the baseline risk (baseline x ratio), as '{ratio:g} times the rate' does.",
        ),
        (
            baseline + excess_percent,
            f"You added the ratio's excess as percentage points. A hazard ratio of {ratio:g} "
            f"means {excess_percent:g}% more than the baseline, relative to it: "
            f"{excess_percent:g}% of the baseline, not {excess_percent:g} points on top of it. "
            "Multiply the baseline by the ratio.",
        ),
        (
            excess_percent,
            f"This reads the hazard ratio as an absolute risk, as if '{excess_percent:g}% will "
            "become depressed'. A hazard ratio is relative: it compares the rate in one group with "
            "the rate in another. To get a risk, you need a baseline risk and multiply it by "
            "the ratio.",
        ),
        (
            ratio * 100,
            "This reads the hazard ratio as an absolute risk, as a percentage of people. A "
            "hazard ratio compares two groups' rates; multiply the baseline risk by it.",
        ),
        (
            baseline * (ratio - 1),
            "That is only the extra risk, the part added by the longer use. The question asks "
            "for his risk in all: baseline plus that extra, which is the baseline times the "
            "ratio.",
        ),
        (
            baseline * (1 + ratio),
            "You multiplied by one plus the ratio. The ratio already includes the baseline "
            "(a ratio of 1 means no change): multiply the baseline by the ratio itself.",
        ),
        (
            baseline / ratio,
            "You divided by the ratio. A hazard ratio above 1 means a higher rate in the "
            "longer-use group, so the risk goes up: multiply.",
        ),
        (
            baseline / 100 * ratio,
            "That is a proportion (out of 1), and the question asks for percent (out of 100). "
            "Keep the baseline in percent and multiply it by the ratio.",
        ),
        (
            ratio,
            "That is the hazard ratio itself, not a risk. Apply it to the baseline risk.",
        ),
        (
            baseline,
            "That is the baseline risk, unchanged. Apply the hazard ratio to it.",
        ),
        (
            baseline * evidence.parameter("opioid_depression_hr_90_180"),
            "You used the hazard ratio for 90-180 days of use. The question is about more than "
            "180 days: use the ratio the exercise gives for that group.",
        ),
        (
            baseline * evidence.parameter("article_claim_opioid_depression_risk_ratio"),
            "That doubles the risk, as the source article's 'CDC 2023 guidelines: 2-fold "
            "risk' would. That claim is misattributed and overstated: the CDC guideline is from "
            "2022 and says no such thing, and the two-fold figures belong to the recurrence of "
            "depression, not to new depression. Use the hazard ratio the exercise gives.",
        ),
    ]
    for value, message in mistakes:
        if not _near(value, expected, 2 * _RISK_TOLERANCE) and _near(answer, value, 0.051):
            return close(message)
    return close(
        "That is not what baseline and ratio give. Look again: a hazard ratio multiplies the "
        "baseline risk; keep the answer in percent (per 100 people)."
    )


def _hazard_ratio_feedback() -> dict[str, tuple[str, str]]:
    """Feedback for each option of exercise 4, task 2, keyed by the option's fingerprint."""
    ratio = evidence.parameter("opioid_depression_hr_over_180")
    excess = round((ratio - 1) * 100, 6)
    return {
        "bab68bac969e5694": (
            "close",
            f"This reads the hazard ratio as an absolute risk. {ratio:g} does not mean that "
            f"{excess:g} in 100 people become depressed: it compares the rate of new "
            "depression in two groups (more than 180 days against under 90 days of use). How "
            "many people that is depends on the baseline rate, which the ratio does not give "
            "(task 1).",
        ),
        "f4ee1a397ca42264": (
            "close",
            "This reads an association as a cause. The hazard ratio comes from an observational "
            "cohort: patients were not assigned to short or long use. People whose pain is worse "
            "or harder to treat are given opioids for longer and are also more likely to become "
            "depressed (confounding by indication), and early low mood may prolong use. The "
            "studies adjusted for what they measured; what they did not measure remains. So the "
            "ratio cannot say how many cases stopping earlier would prevent.",
        ),
        "43e1eb9db836bfeb": (
            "right",
            "A hazard ratio is relative: in the cohort, new depression was recorded at about one "
            "and a half times the rate among people with more than 180 days of use as among "
            "people with under 90 days. It says nothing about how many people that is without a "
            "baseline rate, and, being observational, it is an association: confounding by "
            "indication (worse pain, longer prescriptions) may explain part of it.",
        ),
        "50035543a92c82d5": (
            "close",
            "This repeats the source article's misattribution. The CDC guideline on prescribing "
            "opioids is from 2022 and makes no such claim. For new depression the figures are "
            "the hazard ratios the exercise gives; the two-fold figures belong to the recurrence "
            "of depression in people who had been depressed before.",
        ),
        "cfb088e9874906bb": (
            "close",
            "This reads a hazard ratio as a change in a score. The study counted diagnoses of "
            "new depression over time; the ratio compares how often that happened in two groups. "
            "It says nothing about how many PHQ-9 points anyone's score moves (task 3 shows what "
            "the teaching model turns it into, and that is an assumption of the model).",
        ),
    }


def check_hazard_ratio_meaning(hr_meaning: object) -> ExerciseFeedback:
    """Exercise 4, task 2: what a hazard ratio of 1.51 means (a choice, A-E).

    The hazard ratio is that of new depression with more than 180 days of opioid use
    against under 90 days (Scherrer et al., J Gen Intern Med 2014;29:491). The right
    option is recognised by its fingerprint.

    Parameters
    ----------
    hr_meaning : str
        The letter of the chosen option, e.g. "A".

    Returns
    -------
    ExerciseFeedback
        Right, or the misconception of the option chosen: the ratio read as an absolute
        risk; an association read as a cause; the source article's misattributed "CDC
        2023: 2-fold risk"; a ratio of events read as a change in a score.

    Examples
    --------
    >>> print(check_hazard_ratio_meaning("A"))  # doctest: +ELLIPSIS
    Not yet. This reads the hazard ratio as an absolute risk...
    >>> print(check_hazard_ratio_meaning(3).status)
    unreadable
    """
    letter = _choice(hr_meaning, "hr_meaning", "abcde")
    if isinstance(letter, ExerciseFeedback):
        return letter
    status, message = _hazard_ratio_feedback()[fingerprint(letter)]
    return right(message) if status == "right" else close(message)


def check_opioid_duration_difference(
    phq9_difference: object, patient: Scenario, long_days: int, week: int = 12
) -> ExerciseFeedback:
    """Exercise 4, task 3: the model's PHQ-9 with long against shorter opioid use.

    The expected difference is the typical patient's PHQ-9 at ``week`` with
    ``patient.replace(opioid_days=long_days)`` minus with ``patient`` (positive: worse with
    the longer use), from :func:`painmood_widgets.model.trajectory`.

    Parameters
    ----------
    phq9_difference : number
        The learner's difference, in PHQ-9 points.
    patient : Scenario
        The exercise's patient with the shorter use so far.
    long_days : int
        Days of use so far in the comparison (more than ``patient.opioid_days``).
    week : int, default 12
        The week compared (1 to ``patient.weeks``).

    Returns
    -------
    ExerciseFeedback
        Right, or the misconception: subtracted the other way round; week 0; a score
        instead of a difference; compared with no opioids at all; the pain column; the
        study's hazard ratio (or its percentage) instead of the model's difference; a
        percent change instead of points; the change since the start of one course; the
        last week of the course; rounded too early.

    Raises
    ------
    ValueError
        If ``patient``, ``long_days`` or ``week`` is not a valid input.

    Examples
    --------
    >>> from painmood_widgets.model import Scenario, trajectory
    >>> sam = Scenario(opioid_days=60, baseline_pain=6, baseline_phq9=6, weeks=12)
    >>> longer, shorter = trajectory(sam.replace(opioid_days=200)), trajectory(sam)
    >>> answer = longer.loc[12, "phq9"] - shorter.loc[12, "phq9"]
    >>> check_opioid_duration_difference(answer, sam, 200).passed
    True
    >>> print(check_opioid_duration_difference(0, sam, 200))  # doctest: +ELLIPSIS
    Not yet. At week 0 both courses start...
    """
    patient = _checked_scenario(patient)
    week = _checked_week(week, patient)
    longer_patient = patient.replace(opioid_days=long_days)
    if longer_patient.opioid_days <= patient.opioid_days:
        raise ValueError(
            f"long_days must be more than the patient's opioid_days ({patient.opioid_days}); "
            f"got {long_days!r}"
        )
    answer = _number(phq9_difference, "phq9_difference (PHQ-9 with longer use minus shorter)")
    if isinstance(answer, ExerciseFeedback):
        return answer
    shorter, longer = model.trajectory(patient), model.trajectory(longer_patient)
    none = model.trajectory(patient.replace(opioid_days=0))
    short_at, long_at = _at(shorter, week), _at(longer, week)
    expected = long_at["phq9"] - short_at["phq9"]
    if _near(answer, expected, _DIFFERENCE_TOLERANCE):
        return right(
            f"In the teaching model, {longer_patient.opioid_days} days of use so far instead of "
            f"{patient.opioid_days} leaves his PHQ-9 "
            f"{'higher' if expected > 0 else 'not higher'} at week {week}. Three things to "
            "say with it. It is small: the model turns the hazard ratios into a shift on "
            "the PHQ-9 scale (the rows opioid_90_180_phq9_smd and opioid_over_180_phq9_smd). "
            f"It is smaller than the studies' contrast: days keep counting, so the patient at "
            f"{patient.opioid_days} days passes 90 days within the weeks simulated. And the "
            "model takes the association as a cause, which the cohort data cannot show: "
            "confounding by indication may explain part of it."
        )
    hr_over_180 = evidence.parameter("opioid_depression_hr_over_180")
    hr_90_180 = evidence.parameter("opioid_depression_hr_90_180")
    hazard_ratio = (
        "That is a figure from the study, not the model's difference. The hazard ratio "
        "compares rates of new depression in two groups; the model turns it into a shift "
        "in PHQ-9 points. Run both scenarios and subtract their PHQ-9 at week "
        f"{week}."
    )
    mistakes = [
        (
            -expected,
            "You subtracted the other way round: shorter use minus longer use. The question "
            "asks what the longer use adds: take the longer-use course minus the shorter-use "
            "course, so that a positive difference means worse with longer use.",
        ),
        (
            0.0,
            "At week 0 both courses start from his same scores, so the difference there is "
            f"zero: the duration push builds over weeks. Compare the rows for week {week}.",
        ),
        (
            long_at["phq9"],
            f"That is his PHQ-9 at week {week} with the longer use, not a difference: subtract "
            f"his PHQ-9 at week {week} with the shorter use.",
        ),
        (
            short_at["phq9"],
            f"That is his PHQ-9 at week {week} with the shorter use, not a difference.",
        ),
        (
            long_at["phq9"] - _at(none, week)["phq9"],
            f"You compared the longer use with no opioids at all (opioid_days=0). The question "
            f"compares {longer_patient.opioid_days} with {patient.opioid_days} days; against "
            "none, the small pain relief, which lowers PHQ-9 through the loop, is lost too.",
        ),
        (
            long_at["pain"] - short_at["pain"],
            'That is the difference in pain. The question asks about PHQ-9: the column "phq9".',
        ),
        (long_at["phq9"] - _at(longer, 0)["phq9"], _CHANGE_SINCE_START),
        (short_at["phq9"] - _at(shorter, 0)["phq9"], _CHANGE_SINCE_START),
        (hr_over_180, hazard_ratio),
        ((hr_over_180 - 1) * 100, hazard_ratio),
        (hr_over_180 - 1, hazard_ratio),
        (hr_90_180, hazard_ratio),
        ((hr_90_180 - 1) * 100, hazard_ratio),
        (
            (long_at["phq9"] / short_at["phq9"] - 1) * 100 if short_at["phq9"] else math.nan,
            "That is a percent change. The question asks for the difference in PHQ-9 points: "
            "subtract one score from the other.",
        ),
    ]
    if patient.weeks != week:
        mistakes.append(
            (
                _at(longer, patient.weeks)["phq9"] - _at(shorter, patient.weeks)["phq9"],
                f"You compared the last rows, week {patient.weeks}. Read each course by its "
                f"week number, week {week}.",
            )
        )
    for value, message in mistakes:
        if not _near(value, expected, 2 * _DIFFERENCE_TOLERANCE) and _near(
            answer, value, _DIFFERENCE_TOLERANCE
        ):
            return close(message)
    if _near(answer, expected, _ROUNDED_TOLERANCE):
        return close(
            "Almost: keep at least two decimal places. The difference is small, and rounding "
            "the scores before subtracting hides it."
        )
    return close(
        "That is not the difference the model gives. Look again: make long_use with "
        f"patient.replace(opioid_days={longer_patient.opioid_days}), run model.trajectory on "
        f'both, and subtract the shorter-use PHQ-9 at week {week} (column "phq9") from the '
        "longer-use one."
    )


_CHANGE_SINCE_START = (
    "That is the change since the start within one course. It mixes usual care's improvement "
    "with the duration push. Compare the two courses with each other at the same week."
)
