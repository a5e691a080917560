"""Checks for two analysis exercises: a treatment plan to a target, and the synthetic cohort.

``exercises/05_treatment_plan_to_target.ipynb``: a made-up patient (PHQ-9 17, pain 7,
sleeping 5.5 hours, barely active) and a target for week 12: PHQ-9 below 10 (the moderate
band starts at 10; Kroenke et al. 2001) and pain at least 2 points lower (the clinically
important change; Farrar et al. 2001). The learner reads her untreated course
(:func:`check_untreated_week12`), writes a plan as a :class:`~painmood_widgets.model.Scenario`
(:func:`check_treatment_plan`, which runs the model on it, says which target is met and
which way to move, and raises unrealistic plans as a point to discuss), and works out how
much of the result is the plan's own doing (:func:`check_plan_effect`).

``exercises/06_cohort_analysis.ipynb``: ``datasets/cohort.csv`` with pandas and Altair:
baseline PHQ-9 by short sleep (:func:`check_phq9_by_sleep`), the correlation of sleep and
PHQ-9 at baseline (:func:`check_sleep_phq9_correlation`), what its sign says
(:func:`check_correlation_reading`), and a chart composed of the package's layers
(:func:`check_sleep_chart`, which reads the chart's Vega-Lite specification).

Every check computes what it expects with the package (:func:`painmood_widgets.model.trajectory`,
:func:`painmood_widgets.model.summarize`, the evidence rows) or with pandas on the shipped
file, recognises the typical wrong answers by recomputing them, and never prints the
answer it expects. Educational, not diagnostic.

Examples
--------
>>> from painmood_widgets import model
>>> patient = model.Scenario(baseline_phq9=17, baseline_pain=7, sleep_hours=5.5,
...                          activity_minutes=30, weeks=12)
>>> print(check_treatment_plan(..., patient))
Not answered yet: replace the ... with your answer for your plan, then run the cell.
>>> check_treatment_plan(patient.replace(baseline_phq9=9), patient).status
'close'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import altair as alt
import numpy as np
import pandas as pd

from painmood_widgets import evidence, model
from painmood_widgets.describe.readings import (
    SUMMARY_WEEK,
    pain_reading,
    phq9_reading,
)
from painmood_widgets.exercises.feedback import (
    ExerciseFeedback,
    close,
    is_placeholder,
    not_answered,
    read_frame,
    read_number,
    read_text,
    right,
    unreadable,
)
from painmood_widgets.paths import DATASETS_DIR
from painmood_widgets.plan import monitoring_interval_weeks
from painmood_widgets.wording import listing

__all__ = [
    "CORRELATION_READINGS",
    "MOST_TREATMENTS",
    "SHORT_SLEEP_UNDER_HOURS",
    "SLEEP_JUMP_HOURS",
    "TARGET_WEEK",
    "check_correlation_reading",
    "check_phq9_by_sleep",
    "check_plan_effect",
    "check_sleep_chart",
    "check_sleep_phq9_correlation",
    "check_treatment_plan",
    "check_untreated_week12",
    "load_cohort",
]

TARGET_WEEK = SUMMARY_WEEK
"""The week the plan is judged at: 12, three months, the week the apps describe."""

MOST_TREATMENTS = 4
"""A plan with more treatments than this is raised as a point to discuss (a judgement for
teaching, not a figure from a study): could a patient keep to them, and who could tell
which one helped?"""

SLEEP_JUMP_HOURS = 2.0
"""A plan that adds this many hours of sleep a night or more, from week 0, is raised as a
point to discuss (illustrative: sleep seldom changes that much that fast)."""

SHORT_SLEEP_UNDER_HOURS = 6.0
"""Short sleep in the cohort exercise: under 6 hours a night, the source article's
threshold (its claim is unsupported; lesson 8)."""

CORRELATION_READINGS = MappingProxyType(
    {
        "a": "In this file, patients who sleep more tend to have a lower baseline PHQ-9.",
        "b": "In this file, patients who sleep more tend to have a higher baseline PHQ-9.",
        "c": "Sleeping more lowers PHQ-9: each extra hour of sleep brings PHQ-9 down.",
        "d": "r is the share of the differences in PHQ-9 between patients that sleep explains.",
    }
)
"""The readings of the sign of r the cohort exercise offers, by letter (the notebook lists
them word for word)."""

_SCORE_TOLERANCE = 0.01  # model scores: the learner's number may be rounded to 2 decimals
_COHORT_TOLERANCE = 0.006  # means and correlations from the file, to 2 decimals
_CHART_TOLERANCE = 1e-6  # a chart's data, which the learner does not round
_COHORT_COLUMNS = ("patient", "week", "sleep_hours", "pain", "phq9")


def _same(got: float, expected: float, tolerance: float) -> bool:
    return abs(got - expected) <= tolerance + 1e-9


def _one_number(value: object, what: str) -> float | ExerciseFeedback:
    """A number, or a one-value Series, array or table (``.mean()`` of a one-row table)."""
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, pd.DataFrame | pd.Series | np.ndarray) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0]
    return read_number(value, what)


# =========================================================================== exercise 05
def _given_patient(patient: object) -> model.Scenario:
    if not isinstance(patient, model.Scenario):
        raise ValueError(
            f"patient must be the exercise's model.Scenario; got {type(patient).__name__}"
        )
    return patient


def _week(scenario: model.Scenario, week: int) -> pd.Series:
    """The typical patient's row at ``week``, however many weeks the scenario holds."""
    longest = max(scenario.weeks, week)
    return model.trajectory(scenario.replace(weeks=longest)).iloc[week]


def _targets(patient: model.Scenario) -> tuple[float, float, float]:
    """PHQ-9 to stay below, the pain drop asked for, and the highest pain that meets it.

    From the evidence rows ``phq9_moderate_from`` (Kroenke et al. 2001) and
    ``pain_clinically_important_change_points`` (Farrar et al. 2001).
    """
    drop = evidence.parameter("pain_clinically_important_change_points")
    return evidence.parameter("phq9_moderate_from"), drop, patient.baseline_pain - drop


def _week_scores(value: object, what: str) -> tuple[float, float, float | None] | ExerciseFeedback:
    """Pain, PHQ-9 and (when given) the week of one row of a course."""
    if is_placeholder(value):
        return not_answered(what)
    expected = "one row of model.trajectory's table, with the columns week, pain and phq9"
    if isinstance(value, pd.DataFrame):
        missing = [column for column in ("pain", "phq9") if column not in value.columns]
        if missing:
            return unreadable(
                what, expected, value, described=f"a table without {listing(missing)}"
            )
        if len(value) == 0:
            return close(
                "This table has no rows: the filter kept none. Compare the week column with "
                "the number 12 (not the text '12'), in the course of a scenario that runs to "
                "week 12 at least."
            )
        if len(value) > 1:
            return close(
                f"This table holds {len(value)} rows, one per week: keep only the row of week "
                "12, for example by filtering on the week column."
            )
        row = value.iloc[0]
    elif isinstance(value, pd.Series | Mapping):
        row = value
        if not all(name in row for name in ("pain", "phq9")):
            return unreadable(what, expected, value, described="a row without pain and phq9")
    else:
        return unreadable(what, expected, value)
    pain = read_number(row["pain"], f"the pain in {what}")
    phq9 = read_number(row["phq9"], f"the PHQ-9 in {what}")
    for number in (pain, phq9):
        if isinstance(number, ExerciseFeedback):
            return number
    try:
        week = float(row["week"]) if "week" in row else None
    except (TypeError, ValueError):  # a week that is not a number: judge by the scores alone
        week = None
    return pain, phq9, week


def check_untreated_week12(week12: object, patient: model.Scenario) -> ExerciseFeedback:
    """Task 1 of exercise 05: her untreated course at week 12, one row of the trajectory.

    Parameters
    ----------
    week12 : object
        The learner's answer: the row of ``model.trajectory(patient)`` at week 12 (a
        one-row DataFrame, a Series or a mapping with ``pain`` and ``phq9``).
    patient : painmood_widgets.model.Scenario
        The patient the exercise gave, untreated.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or the misconception: her starting scores
        (week 0), another week, usual care at the reference lifestyle instead of her own
        lifestyle, pain and PHQ-9 swapped, or the whole course.

    Raises
    ------
    ValueError
        If ``patient`` is not a Scenario (a mistake of the notebook, not the learner).

    Examples
    --------
    >>> from painmood_widgets import model
    >>> patient = model.Scenario(baseline_phq9=17, baseline_pain=7, sleep_hours=5.5,
    ...                          activity_minutes=30, weeks=12)
    >>> course = model.trajectory(patient)
    >>> check_untreated_week12(course[course["week"] == 12], patient).passed
    True
    >>> print(check_untreated_week12(course[course["week"] == 0], patient))
    Not yet. These are her starting scores, week 0. The target is judged at week 12: keep \
the row where week is 12.
    """
    patient = _given_patient(patient)
    what = "her untreated scores at week 12"
    scores = _week_scores(week12, what)
    if isinstance(scores, ExerciseFeedback):
        return scores
    pain, phq9, week = scores
    expected = _week(patient, TARGET_WEEK)

    def matches(row: pd.Series) -> bool:
        return _same(pain, row["pain"], _SCORE_TOLERANCE) and _same(
            phq9, row["phq9"], _SCORE_TOLERANCE
        )

    if matches(expected) and week in (None, TARGET_WEEK):
        return right(
            "Untreated, in the model, she improves a little by week 12: usual care, the "
            "course of a trial's control arm, resolves part of her baseline, while her short "
            "sleep and her inactivity keep both scores up. Set this beside the target."
        )
    course = model.trajectory(patient.replace(weeks=max(patient.weeks, TARGET_WEEK)))
    if week == 0 or (week is None and matches(course.iloc[0])):
        return close(
            "These are her starting scores, week 0. The target is judged at week 12: keep the "
            "row where week is 12."
        )
    for _, row in course.iterrows():
        if int(row["week"]) != TARGET_WEEK and (week == row["week"] or matches(row)):
            return close(
                f"These are her scores at week {int(row['week'])}, not week 12: keep the row "
                "whose week column is 12."
            )
    if matches(_week(model.usual_care(patient), TARGET_WEEK)):
        reference = model.reference_lifestyle()
        return close(
            "This is model.usual_care(patient): untreated, but at the reference lifestyle "
            f"({reference['sleep_hours']:g} hours of sleep, {reference['activity_minutes']:g} "
            "minutes of activity a week). Her untreated course keeps her own sleep and "
            "activity: run model.trajectory on patient itself."
        )
    if _same(pain, expected["phq9"], _SCORE_TOLERANCE) and _same(
        phq9, expected["pain"], _SCORE_TOLERANCE
    ):
        return close("Pain and PHQ-9 are swapped: pain is on the 0-10 scale, PHQ-9 on 0-27.")
    return close(
        "These are not the model's week-12 scores for her untreated course. Run "
        "model.trajectory on patient, the scenario given above (no treatment, her own "
        "sleep and activity), and keep the row where week is 12."
    )


def _changes(plan: model.Scenario, patient: model.Scenario) -> bool:
    return plan.treatments != patient.treatments or any(
        getattr(plan, lever) != getattr(patient, lever) for lever in model.LEVERS
    )


def _pushes(plan: model.Scenario, measure: str) -> list[str]:
    """What in a plan's week still pushes a score up, against the reference lifestyle.

    CRP pushes PHQ-9 only (pain follows it only through the loop).
    """
    reference = model.reference_lifestyle()
    programme = evidence.parameter("exercise_programme_minutes")
    minutes = plan.activity_minutes + (programme if "exercise" in plan.treatments else 0)
    return [
        words
        for words, pushing in (
            ("her short sleep", plan.sleep_hours < reference["sleep_hours"]),
            ("her low activity", minutes < reference["activity_minutes"]),
            ("her raised CRP", measure == "phq9" and plan.crp_mg_l > reference["crp_mg_l"]),
        )
        if pushing
    ]


def _realism_flags(plan: model.Scenario, patient: model.Scenario) -> list[str]:
    """Points to discuss: parts of a plan a patient could hardly live, or the model ignores."""
    flags = []
    shortest, longest = monitoring_interval_weeks()
    reference = model.reference_lifestyle()
    if len(plan.treatments) > MOST_TREATMENTS:
        flags.append(
            f"The plan uses {len(plan.treatments)} of the model's {len(model.TREATMENTS)} "
            "treatments at once: "
            "could she attend, afford and keep to them all, and if she improved, how would "
            "anyone know which one helped? Plans usually add steps and review them at each "
            f"visit, every {shortest} to {longest} weeks."
        )
    more_sleep = plan.sleep_hours - patient.sleep_hours
    if more_sleep >= SLEEP_JUMP_HOURS:
        flags.append(
            f"Her sleep goes from {patient.sleep_hours:g} to {plan.sleep_hours:g} hours a night "
            "from week 0: sleep seldom changes that much that fast, and in the model sleep "
            f"beyond {reference['sleep_hours']:g} hours adds nothing. What would make her sleep "
            "longer? In the model, CBT for insomnia is the treatment that acts on short sleep."
        )
    elif more_sleep < 0:
        flags.append(
            f"Your plan shortens her sleep, from {patient.sleep_hours:g} to "
            f"{plan.sleep_hours:g} hours a night: is that what you meant?"
        )
    if "cbt_i" in plan.treatments and plan.sleep_hours >= reference["sleep_hours"]:
        flags.append(
            f"CBT for insomnia with her sleep set to {plan.sleep_hours:g} hours: in the model "
            f"CBT-I acts on the hours of sleep below {reference['sleep_hours']:g}, so here it "
            "adds nothing. CBT-I is how "
            "her sleep would improve: leave her sleep as it is and let CBT-I act, or drop one "
            "of the two."
        )
    programme = evidence.parameter("exercise_programme_minutes")
    week_minutes = plan.activity_minutes + (programme if "exercise" in plan.treatments else 0)
    more_activity = week_minutes - patient.activity_minutes
    if more_activity > programme:
        flags.append(
            f"Her week goes from {patient.activity_minutes:g} to about {week_minutes:g} "
            "minutes of moderate activity from week 0 (the exercise programme, if ticked, "
            f"adds {programme:g}): more than the programme alone, at once, for someone barely "
            "active and in pain. A graded increase is more likely to last."
        )
    elif plan.activity_minutes < patient.activity_minutes:
        flags.append(
            f"Your plan lowers her activity, from {patient.activity_minutes:g} to "
            f"{plan.activity_minutes:g} minutes a week: is that what you meant?"
        )
    first_step = evidence.parameter("opioid_duration_step1_days")
    if plan.opioid_days > patient.opioid_days:
        flags.append(
            "Your plan starts opioids. In the model they ease pain a little (the trials found "
            f"a small benefit), and as use runs past {first_step:g} days PHQ-9 is pushed up "
            "(longer use went with new depression): a choice to weigh, and to review within "
            "weeks."
        )
    if plan.crp_mg_l != patient.crp_mg_l:
        flags.append(
            "Your plan changes her CRP. CRP is a blood marker, not something a plan sets: the "
            "model has no treatment that lowers it."
        )
    return flags


def check_treatment_plan(plan: object, patient: model.Scenario) -> ExerciseFeedback:
    """Task 2 of exercise 05: a plan that meets both targets at week 12, and could be lived.

    The check runs :func:`painmood_widgets.model.trajectory` on the plan and reads week 12
    as the apps read it (PHQ-9 to whole points, pain to one decimal). The targets come
    from the evidence rows: PHQ-9 below ``phq9_moderate_from`` (10, Kroenke et al. 2001)
    and pain ``pain_clinically_important_change_points`` (2, Farrar et al. 2001) below
    her baseline. The feedback says which target is met and which is not and which way
    to move; a plan that meets both but that she could hardly live (too many treatments
    at once, sleep or activity jumping from week 0, opioids started, CRP set) is raised as
    a point to discuss, not passed.

    Parameters
    ----------
    plan : object
        The learner's plan, a :class:`~painmood_widgets.model.Scenario` from the same start
        (for example ``patient.replace(treatments={...})``).
    patient : painmood_widgets.model.Scenario
        The patient the exercise gave, untreated.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or what to change.

    Raises
    ------
    ValueError
        If ``patient`` is not a Scenario.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> patient = model.Scenario(baseline_phq9=17, baseline_pain=7, sleep_hours=5.5,
    ...                          activity_minutes=30, weeks=12)
    >>> print(check_treatment_plan(patient, patient))
    Not yet. Your plan is her untreated course: it adds no treatment and changes nothing in \
her week. Tick steps in the planner above to see what each does, then write your plan.
    >>> everything = patient.replace(treatments=model.TREATMENTS)
    >>> feedback = check_treatment_plan(everything, patient)
    >>> feedback.status, "6 of the model's 6 treatments at once" in feedback.message
    ('close', True)
    """
    patient = _given_patient(patient)
    what = "your plan"
    if is_placeholder(plan):
        return not_answered(what)
    if not isinstance(plan, model.Scenario):
        return unreadable(
            what, "a model.Scenario, for example patient.replace(treatments={...})", plan
        )
    moved = [
        label
        for field, label in (("baseline_phq9", "PHQ-9"), ("baseline_pain", "pain"))
        if getattr(plan, field) != getattr(patient, field)
    ]
    if moved:
        return close(
            f"Your plan changes her starting {listing(moved)}. A plan acts from week 0 on; "
            f"where she starts is given (pain {patient.baseline_pain:g}, PHQ-9 "
            f"{patient.baseline_phq9:g}). Start from patient.replace(...) and change only "
            "treatments and her week."
        )
    if plan.weeks < TARGET_WEEK:
        return close(
            f"Your plan simulates {plan.weeks} weeks; the targets are judged at week "
            f"{TARGET_WEEK}. Keep weeks at {TARGET_WEEK} or more."
        )
    if not _changes(plan, patient):
        return close(
            "Your plan is her untreated course: it adds no treatment and changes nothing in "
            "her week. Tick steps in the planner above to see what each does, then write your "
            "plan."
        )
    at = _week(plan, TARGET_WEEK)
    phq9, pain = phq9_reading(at["phq9"]), pain_reading(at["pain"])
    phq9_below, drop, pain_at_most = _targets(patient)
    phq9_met = phq9 < phq9_below
    pain_met = pain <= pain_at_most + 1e-9
    result = (
        f"In the model, at week {TARGET_WEEK} her PHQ-9 reads {phq9} and her pain {pain:.1f}. "
        f"PHQ-9 below {phq9_below:g}: {'met' if phq9_met else 'not met'}. Pain at "
        f"{pain_at_most:g} or less, {drop:g} points below her {patient.baseline_pain:g}: "
        f"{'met' if pain_met else 'not met'}."
    )
    flags = _realism_flags(plan, patient)
    shortest, longest = monitoring_interval_weeks()
    if phq9_met and pain_met and not flags:
        return right(
            f"{result} Both targets, with a plan she could plausibly keep. What it rests on: "
            "the size of each treatment's effect is calibrated to trials, but the couplings "
            "between pain and mood and how fast things change are illustrative, and every "
            "simulated patient gets the same specific effect, so she may do better or worse. "
            f"Re-evaluate every {shortest} to {longest} weeks. The model never simulates item "
            "9: a falling PHQ-9 says nothing about her safety."
        )
    if phq9_met and pain_met:
        return close(
            f"{result} Both targets are met in the model, but before you call it a plan there "
            f"is something to discuss. {' '.join(flags)} Can you meet both targets with a plan "
            "she could keep?"
        )
    directions = []
    if not phq9_met:
        pushes = _pushes(plan, "phq9")
        verb = "pushes" if len(pushes) == 1 else "push"
        directions.append(
            "To bring PHQ-9 further down, add a treatment with a larger effect on mood (lesson "
            "6's calibration table compares them)"
            + (
                f", or take away what keeps it up: in the model {listing(pushes)} {verb} it up."
                if pushes
                else "."
            )
        )
    if not pain_met:
        pushes = _pushes(plan, "pain")
        directions.append(
            "To bring pain further down: in the trials behind the model most treatments ease "
            "pain less than mood, so look for the ones with a pain effect of their own"
            + (f", and at what pushes pain up ({listing(pushes)})." if pushes else ".")
        )
    discuss = f" Also to discuss: {' '.join(flags)}" if flags else ""
    return close(f"{result} {' '.join(directions)}{discuss}")


def check_plan_effect(
    plan_effect_phq9: object, plan: object, patient: model.Scenario
) -> ExerciseFeedback:
    """Task 3 of exercise 05: how many PHQ-9 points at week 12 are the plan's own doing.

    The answer is the plan's PHQ-9 at week 12 minus her untreated PHQ-9 at week 12
    (negative: the plan does better), the model's scores unrounded. What is left of her
    fall from baseline would have come without the plan: usual care.

    Parameters
    ----------
    plan_effect_phq9 : object
        The learner's difference, a number (or a one-value Series).
    plan : object
        The learner's plan from task 2.
    patient : painmood_widgets.model.Scenario
        The patient the exercise gave, untreated.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or the misconception: the change from baseline
        (usual care counted as the plan's), the sign turned round, usual care at the
        reference lifestyle as the comparison, pain instead of PHQ-9, another week, or
        the readings rounded before subtracting.

    Raises
    ------
    ValueError
        If ``patient`` is not a Scenario.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> patient = model.Scenario(baseline_phq9=17, baseline_pain=7, sleep_hours=5.5,
    ...                          activity_minutes=30, weeks=12)
    >>> plan = patient.replace(treatments={"cbt"})
    >>> effect = model.trajectory(plan)["phq9"] - model.trajectory(patient)["phq9"]
    >>> check_plan_effect(effect.iloc[12], plan, patient).passed
    True
    >>> print(check_plan_effect(..., ..., patient))
    Not answered yet: replace the ... with your answer for your plan (task 2), then run the cell.
    """
    patient = _given_patient(patient)
    if is_placeholder(plan):
        return not_answered("your plan (task 2)")
    if not isinstance(plan, model.Scenario):
        return unreadable("your plan (task 2)", "a model.Scenario", plan)
    value = _one_number(plan_effect_phq9, "the plan's own effect on PHQ-9 at week 12")
    if isinstance(value, ExerciseFeedback):
        return value
    weeks = max(plan.weeks, patient.weeks, TARGET_WEEK)
    planned = model.trajectory(plan.replace(weeks=weeks))
    untreated = model.trajectory(patient.replace(weeks=weeks))
    expected = planned["phq9"].iloc[TARGET_WEEK] - untreated["phq9"].iloc[TARGET_WEEK]
    if _same(value, expected, _SCORE_TOLERANCE):
        return right(
            "That is what the plan itself adds in the model. The rest of her fall from "
            "baseline would have come without it: usual care, the natural course and "
            "regression to the mean that trials' control arms show. In one real patient the "
            "two cannot be told apart; only a comparison between groups separates them."
        )
    untreated_lifestyle = _week(model.usual_care(patient), TARGET_WEEK)
    wrong: list[tuple[float, str]] = [
        (
            planned["phq9"].iloc[TARGET_WEEK] - patient.baseline_phq9,
            "This is her whole change from week 0 on the plan. Part of it would have come "
            "without the plan (usual care): subtract her untreated PHQ-9 at week 12 (task 1), "
            "not her starting score.",
        ),
        (
            patient.baseline_phq9 - planned["phq9"].iloc[TARGET_WEEK],
            "This is her whole fall from week 0 on the plan, and part of it would have come "
            "without the plan (usual care): compare with her untreated PHQ-9 at week 12 "
            "(task 1), and take plan minus untreated.",
        ),
        (
            -expected,
            "Right size, turned round: take the plan minus untreated, so that a plan that "
            "does better gives a negative number.",
        ),
        (
            planned["phq9"].iloc[TARGET_WEEK] - untreated_lifestyle["phq9"],
            "You compared with model.usual_care(patient), which also moves her sleep and "
            "activity to the reference lifestyle. The question is what your plan adds to her "
            "own untreated course (task 1).",
        ),
        (
            planned["pain"].iloc[TARGET_WEEK] - untreated["pain"].iloc[TARGET_WEEK],
            "This is the difference in pain; the question asks about PHQ-9.",
        ),
        (
            phq9_reading(planned["phq9"].iloc[TARGET_WEEK])
            - phq9_reading(untreated["phq9"].iloc[TARGET_WEEK]),
            "You rounded each score to whole points before subtracting, which can shift the "
            "difference by up to a point: subtract the model's scores as they are.",
        ),
    ]
    for found, message in wrong:
        if _same(value, found, _SCORE_TOLERANCE):
            return close(message)
    for week in range(1, weeks + 1):
        difference = planned["phq9"].iloc[week] - untreated["phq9"].iloc[week]
        if week != TARGET_WEEK and _same(value, difference, _SCORE_TOLERANCE):
            return close(
                f"This is the difference at week {week}; the target is judged at week "
                f"{TARGET_WEEK}."
            )
    return close(
        "Not the plan's own effect yet: take her PHQ-9 at week 12 on your plan minus her "
        "PHQ-9 at week 12 untreated (task 1), the model's scores as they are."
    )


# =========================================================================== exercise 06
@functools.cache
def _shipped_cohort() -> pd.DataFrame:
    return pd.read_csv(DATASETS_DIR / "cohort.csv")


def load_cohort() -> pd.DataFrame:
    """The synthetic cohort, ``datasets/cohort.csv`` (a fresh copy: no real patient in it).

    Examples
    --------
    >>> cohort = load_cohort()
    >>> cohort.shape, int(cohort["week"].max())
    ((54000, 12), 26)
    """
    return _shipped_cohort().copy()


def _given_cohort(cohort: pd.DataFrame | None) -> pd.DataFrame:
    if cohort is None:
        return _shipped_cohort()
    if not isinstance(cohort, pd.DataFrame):
        raise ValueError(f"cohort must be a pandas DataFrame; got {type(cohort).__name__}")
    missing = [column for column in _COHORT_COLUMNS if column not in cohort.columns]
    if missing:
        raise ValueError(f"cohort lacks the columns {', '.join(missing)}")
    return cohort


_GROUP_MISTAKES = MappingProxyType(
    {
        "all weeks": (
            "You used every week, not only week 0: each patient then counts 27 times, and "
            "their follow-up scores, after treatment, are mixed in with baseline. Keep the rows "
            "where week is 0."
        ),
        "at most 6": (
            "You counted the patients who sleep exactly 6 hours as short sleepers (<= 6); the "
            "task says under 6 hours (< 6)."
        ),
        "swapped": (
            "Your groups are the wrong way round: True should be the patients who sleep under "
            "6 hours."
        ),
        "pain": "You averaged pain, not PHQ-9.",
        "median": "You took the median; the task asks for the mean.",
        "count": "These are the sizes of the groups (a count), not their mean PHQ-9.",
    }
)


def _sleep_groups(value: object, what: str) -> dict[bool, float] | ExerciseFeedback:
    """The learner's table as {short sleep: mean}, whatever its layout."""
    if is_placeholder(value):
        return not_answered(what)
    if isinstance(value, pd.Series):
        frame = value.to_frame(name="phq9" if value.name is None else str(value.name))
    elif isinstance(value, pd.DataFrame):
        frame = value.copy()
    else:
        return unreadable(
            what, "a pandas table of the two groups' means (a Series or a DataFrame)", value
        )
    if frame.index.nlevels == 1 and pd.api.types.is_bool_dtype(frame.index):
        frame = frame.drop(columns=["short_sleep"], errors="ignore")
        frame = frame.rename_axis("short_sleep").reset_index()
    else:
        flags = [column for column in frame.columns if pd.api.types.is_bool_dtype(frame[column])]
        if not flags:
            return close(
                "Split the patients into two groups with a true/false column: "
                'baseline["sleep_hours"] < 6 is True for the short sleepers and False for '
                "the others, and group by it."
            )
        frame = frame.rename(columns={flags[0]: "short_sleep"})
    numbers = [
        column
        for column in frame.columns
        if column != "short_sleep"
        and pd.api.types.is_numeric_dtype(frame[column])
        and not pd.api.types.is_bool_dtype(frame[column])
    ]
    column = next((name for name in ("phq9", "mean") if name in frame.columns), None)
    if column is None and len(numbers) == 1:
        column = numbers[0]
    if column is None:
        return unreadable(
            what,
            "a table with the groups and a column phq9 holding each group's mean",
            value,
            described=f"a table with the columns {listing([str(name) for name in frame.columns])}",
        )
    table = read_frame(
        frame[["short_sleep", column]].rename(columns={column: "phq9"}),
        what,
        ["short_sleep", "phq9"],
    )
    if isinstance(table, ExerciseFeedback):
        return table
    if len(table) != 2 or set(table["short_sleep"]) != {False, True}:
        return close(
            f"The table should have two rows, True (under 6 hours) and False (the others); it "
            f"has {len(table)}."
        )
    means = {}
    for row in table.itertuples(index=False):
        number = read_number(row.phq9, what)
        if isinstance(number, ExerciseFeedback):
            return number
        means[bool(row.short_sleep)] = number
    return means


def _group_variants(cohort: pd.DataFrame) -> list[tuple[tuple[str, ...], dict[bool, float]]]:
    """Every combination of the typical mistakes, with the group means it gives; right first."""
    baseline = cohort[cohort["week"] == 0]
    variants = []
    for weeks, rows in (((), baseline), (("all weeks",), cohort)):
        for cut, short in (
            ((), rows["sleep_hours"] < SHORT_SLEEP_UNDER_HOURS),
            (("at most 6",), rows["sleep_hours"] <= SHORT_SLEEP_UNDER_HOURS),
        ):
            for column, statistic in (
                ("phq9", "mean"),
                ("pain", "mean"),
                ("phq9", "median"),
                ("pain", "median"),
                ("phq9", "count"),
            ):
                groups = rows.groupby(short)[column].agg(statistic)
                means = {bool(key): float(groups.get(key, math.nan)) for key in (True, False)}
                kind: tuple[str, ...] = ("pain",) if column == "pain" else ()
                if statistic != "mean":
                    kind = (*kind, statistic) if statistic == "median" else ("count",)
                variants.append((weeks + cut + kind, means))
                variants.append(
                    (weeks + cut + kind + ("swapped",), {True: means[False], False: means[True]})
                )
    order = {name: index for index, name in enumerate(_GROUP_MISTAKES)}
    return sorted(variants, key=lambda item: (len(item[0]), [order[name] for name in item[0]]))


def check_phq9_by_sleep(
    phq9_by_sleep: object, cohort: pd.DataFrame | None = None
) -> ExerciseFeedback:
    """Task 1 of exercise 06: mean PHQ-9 at baseline, short sleepers (< 6 h) and the others.

    Parameters
    ----------
    phq9_by_sleep : object
        The learner's table: one row (or index entry) per group, True for sleep under
        6 hours, with the mean PHQ-9 at week 0 (a Series from ``groupby(...)["phq9"].mean()``,
        or a DataFrame with the groups as index or as a column, in any order).
    cohort : pandas.DataFrame, optional
        The cohort; by default ``datasets/cohort.csv``.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or the misconceptions it shows (several may
        combine): every week instead of week 0, ``<= 6`` instead of ``< 6``, the groups
        the wrong way round, pain instead of PHQ-9, the median, the group sizes.

    Raises
    ------
    ValueError
        If ``cohort`` is given and is not a cohort table.

    Examples
    --------
    >>> cohort = load_cohort()
    >>> baseline = cohort[cohort["week"] == 0]
    >>> check_phq9_by_sleep(baseline.groupby(baseline["sleep_hours"] < 6)["phq9"].mean()).passed
    True
    >>> print(check_phq9_by_sleep(baseline.groupby(baseline["sleep_hours"] < 6)["pain"].mean()))
    Not yet. Close: you averaged pain, not PHQ-9.
    """
    cohort = _given_cohort(cohort)
    means = _sleep_groups(phq9_by_sleep, "the mean baseline PHQ-9 of each sleep group")
    if isinstance(means, ExerciseFeedback):
        return means
    for mistakes, expected in _group_variants(cohort):
        if all(_same(means[key], expected[key], _COHORT_TOLERANCE) for key in (True, False)):
            if not mistakes:
                higher = "higher" if expected[True] > expected[False] else "not higher"
                return right(
                    f"At baseline the short sleepers' mean PHQ-9 is {higher} than the others'. "
                    "Before reading it as what sleep does: the generator drew each patient's "
                    "sleep from their PHQ-9 (row synthetic_sleep_phq9_correlation, "
                    "illustrative), so the file gives back what was put in (lesson 8)."
                )
            texts = [_GROUP_MISTAKES[name] for name in mistakes]
            first = texts[0][0].lower() + texts[0][1:]
            return close(f"Close: {' '.join([first, *texts[1:]])}")
    return close(
        "These are not the mean baseline PHQ-9 of the two groups. Keep week 0 only, split at "
        "under 6 hours of sleep (True for short sleepers), and take the mean of phq9."
    )


def _baseline(cohort: pd.DataFrame) -> pd.DataFrame:
    return cohort[cohort["week"] == 0]


def check_sleep_phq9_correlation(
    sleep_phq9_r: object, cohort: pd.DataFrame | None = None
) -> ExerciseFeedback:
    """Task 2 of exercise 06: Pearson's r between sleep hours and PHQ-9 at baseline.

    Parameters
    ----------
    sleep_phq9_r : object
        The learner's correlation, a number (a one-value Series is accepted).
    cohort : pandas.DataFrame, optional
        The cohort; by default ``datasets/cohort.csv``.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable (a whole correlation table), or the misconception:
        every week pooled, the sign turned round, r squared, a rank (Spearman)
        correlation, the short-sleep flag instead of the hours, pain in place of one of
        the two, or a number outside -1 to 1 (a covariance or a slope).

    Raises
    ------
    ValueError
        If ``cohort`` is given and is not a cohort table.

    Examples
    --------
    >>> cohort = load_cohort()
    >>> baseline = cohort[cohort["week"] == 0]
    >>> check_sleep_phq9_correlation(baseline["sleep_hours"].corr(baseline["phq9"])).passed
    True
    >>> print(check_sleep_phq9_correlation(cohort["sleep_hours"].corr(cohort["phq9"])))
    Not yet. You pooled every week: each patient counts 27 times, with follow-up scores mixed \
in. Use week 0 only.
    """
    cohort = _given_cohort(cohort)
    what = "the correlation of sleep and PHQ-9 at baseline"
    if isinstance(sleep_phq9_r, pd.DataFrame) and np.size(sleep_phq9_r) > 1:
        return unreadable(
            what,
            "a single number",
            sleep_phq9_r,
            described=(
                "a table (a correlation matrix?): take the one value for sleep_hours and phq9, "
                'for example baseline["sleep_hours"].corr(baseline["phq9"])'
            ),
        )
    value = _one_number(sleep_phq9_r, what)
    if isinstance(value, ExerciseFeedback):
        return value
    baseline = _baseline(cohort)
    expected = baseline["sleep_hours"].corr(baseline["phq9"])
    if _same(value, expected, _COHORT_TOLERANCE):
        return right(
            f"Close to the {evidence.parameter('synthetic_sleep_phq9_correlation'):g} the "
            "generator was given (row synthetic_sleep_phq9_correlation, illustrative): the "
            "file returns its own design. A correlation describes how two measures go "
            "together across patients; it does not say what changing one would do."
        )
    if abs(value) > 1:
        return close(
            "A correlation lies between -1 and 1; this looks like a covariance or a slope. "
            "Use pandas' corr(), which gives Pearson's r."
        )
    flag = (baseline["sleep_hours"] < SHORT_SLEEP_UNDER_HOURS).astype(float)
    wrong = [
        (
            cohort["sleep_hours"].corr(cohort["phq9"]),
            "You pooled every week: each patient counts 27 times, with follow-up scores mixed "
            "in. Use week 0 only.",
        ),
        (
            -expected,
            "Right size, wrong sign. r is the same whichever column comes first; a turned sign "
            "comes from a turned measure, such as hours short of 7 instead of hours slept.",
        ),
        (
            expected**2,
            "This is r squared (and so never negative): the task asks for r itself.",
        ),
        (
            # Spearman's rho is Pearson's r of the ranks (no SciPy needed to recognise it)
            baseline["sleep_hours"].rank().corr(baseline["phq9"].rank()),
            "This is a rank (Spearman) correlation: the task asks for Pearson's r, pandas' "
            "default.",
        ),
        (
            flag.corr(baseline["phq9"]),
            "You correlated the short-sleep flag (True or False) with PHQ-9; the task asks "
            "for the hours of sleep themselves.",
        ),
        (
            baseline["pain"].corr(baseline["phq9"]),
            "This is the correlation of pain and PHQ-9; the task asks for sleep and PHQ-9.",
        ),
        (
            baseline["sleep_hours"].corr(baseline["pain"]),
            "This is the correlation of sleep and pain; the task asks for sleep and PHQ-9.",
        ),
    ]
    for found, message in wrong:
        if _same(value, found, _COHORT_TOLERANCE):
            return close(message)
    return close(
        "Not the correlation of sleep_hours and phq9 at baseline yet: keep week 0, then take "
        "the corr() of the two columns."
    )


def check_correlation_reading(
    reading: object, cohort: pd.DataFrame | None = None
) -> ExerciseFeedback:
    """Task 3 of exercise 06: what the sign of r says, one letter of :data:`CORRELATION_READINGS`.

    Which letter is right follows from the sign of the correlation in ``cohort``
    (computed here), so a cohort with the opposite association makes the other reading
    right.

    Parameters
    ----------
    reading : object
        The learner's letter, ``"a"`` to ``"d"`` (case and spaces do not matter).
    cohort : pandas.DataFrame, optional
        The cohort; by default ``datasets/cohort.csv``.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable, or the misconception: the sign misread, an
        association read as a cause, or r read as a share explained.

    Raises
    ------
    ValueError
        If ``cohort`` is given and is not a cohort table.

    Examples
    --------
    >>> print(check_correlation_reading("e"))
    Cannot check your reading of the sign yet: it should be one of the letters a, b, c or d, \
but it is the text 'e'.
    """
    cohort = _given_cohort(cohort)
    what = "your reading of the sign"
    letters = listing(list(CORRELATION_READINGS)).replace(" and ", " or ")
    if not is_placeholder(reading) and not isinstance(reading, str):
        return unreadable(what, f'one of the letters {letters}, in quotes (such as "a")', reading)
    text = read_text(reading, what)
    if isinstance(text, ExerciseFeedback):
        return text
    letter = text.lower().strip(" ().")
    if letter not in CORRELATION_READINGS:
        return unreadable(what, f"one of the letters {letters}", reading)
    baseline = _baseline(cohort)
    negative = baseline["sleep_hours"].corr(baseline["phq9"]) < 0
    describes = "a" if negative else "b"
    if letter == describes:
        return right(
            "The sign gives the direction in which the two go together across patients in "
            "this file, an association the generator put there. It says nothing about what "
            "more sleep would do to any one patient."
        )
    if letter in ("a", "b"):
        return close(
            "Look at the sign of your r from task 2 again: a positive r means the two tend to "
            "be high together; a negative r means one tends to be low where the other is high."
        )
    if letter == "c":
        return close(
            "That reads an association as a cause. r describes how sleep and PHQ-9 go "
            "together across patients at one time; it cannot say that changing sleep changes "
            "PHQ-9 (pain can drive both, low mood disturbs sleep, and here the generator drew "
            "sleep from PHQ-9). Which reading stays with what r describes?"
        )
    return close(
        "r is not a share. Its square, r squared, is the share of the spread in PHQ-9 that a "
        "straight line in sleep accounts for, and even that describes, it does not explain. "
        "Which reading gives the direction r shows?"
    )


# --------------------------------------------------------------------------- the chart
@dataclass(frozen=True)
class _Leaf:
    """One drawn layer of a chart's specification: its mark, encoding and data rows."""

    mark: str
    encoding: Mapping
    rows: tuple

    def field(self, channel: str) -> str | None:
        entry = self.encoding.get(channel)
        return entry.get("field") if isinstance(entry, Mapping) else None

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.rows))


def _leaves(spec: Mapping, datasets: Mapping, data: object = None) -> list[_Leaf]:
    """The layers of a specification in drawing order, nested layers flattened."""
    data = spec.get("data", data)
    if "layer" in spec:
        return [leaf for child in spec["layer"] for leaf in _leaves(child, datasets, data)]
    mark = spec.get("mark")
    kind = mark if isinstance(mark, str) else (mark or {}).get("type", "")
    rows: list = []
    if isinstance(data, Mapping):
        rows = datasets.get(data["name"], []) if "name" in data else data.get("values", [])
    return [_Leaf(kind, spec.get("encoding", {}), tuple(rows))]


def _course_matches(got: pd.DataFrame, expected: pd.Series, column: str) -> bool:
    """Whether ``got`` holds ``expected`` (indexed by week) in ``column``, week by week."""
    if "week" not in got.columns or column not in got.columns or len(got) != len(expected):
        return False
    ordered = got.sort_values("week")
    if not np.array_equal(ordered["week"].to_numpy(float), expected.index.to_numpy(float)):
        return False
    values = pd.to_numeric(ordered[column], errors="coerce").to_numpy(float)
    return bool(np.allclose(values, expected.to_numpy(float), atol=_CHART_TOLERANCE, rtol=0))


def _band_feedback(band: _Leaf, cohort: pd.DataFrame) -> ExerciseFeedback | None:
    got = band.frame()

    def band_of(rows: pd.DataFrame) -> Callable[[str], pd.Series]:
        summary = model.summarize(rows).set_index("week")
        return lambda column: summary[column]

    def same(summary: Callable[[str], pd.Series]) -> bool:
        return all(_course_matches(got, summary(c), c) for c in ("phq9_p10", "phq9_p90"))

    if same(band_of(cohort)):
        return None
    if same(band_of(cohort[cohort["sleep_hours"] < SHORT_SLEEP_UNDER_HOURS])):
        return close(
            "Your band is the short sleepers' own spread. The band is the backdrop: the whole "
            "cohort's, model.summarize(cohort), so that the short sleepers' line can be read "
            "against everyone."
        )
    if len(got) == 1:
        return close(
            "Your band covers one week only: summarize the whole cohort, every week, with "
            "model.summarize(cohort)."
        )
    return close(
        "The band is not the whole cohort's 10th to 90th percentile each week: build it with "
        "model.summarize(cohort) and give that to charts.cohort_band."
    )


def _line_feedback(line: _Leaf, cohort: pd.DataFrame) -> ExerciseFeedback | None:
    got = line.frame()

    def weekly(rows: pd.DataFrame, statistic: str = "mean") -> pd.Series:
        return rows.groupby("week")["phq9"].agg(statistic)

    sleep = cohort["sleep_hours"]
    if _course_matches(got, weekly(cohort[sleep < SHORT_SLEEP_UNDER_HOURS]), "phq9"):
        return None
    wrong = [
        (weekly(cohort), "Your line is every patient's weekly mean, not only the short sleepers'."),
        (
            weekly(cohort[sleep <= SHORT_SLEEP_UNDER_HOURS]),
            "Your line counts the patients who sleep exactly 6 hours as short sleepers (<= 6); "
            "the task says under 6 hours (< 6).",
        ),
        (
            weekly(cohort[sleep >= SHORT_SLEEP_UNDER_HOURS]),
            "Your line is the other group: the patients who sleep 6 hours or more.",
        ),
        (
            weekly(cohort[sleep < SHORT_SLEEP_UNDER_HOURS], "median"),
            "Your line is the short sleepers' median; the task asks for their mean.",
        ),
    ]
    for expected, message in wrong:
        if _course_matches(got, expected, "phq9"):
            return close(message)
    if "stress" in got.columns:
        return close(
            "Your line is a course from model.trajectory, the model's typical patient. The task "
            "asks for the file's short sleepers: their mean PHQ-9 each week."
        )
    return close(
        "The line is not the short sleepers' mean PHQ-9 each week. Keep the rows with "
        "sleep_hours under 6 (every week), group them by week and take the mean of phq9, "
        "keeping week as a column (as_index=False)."
    )


def check_sleep_chart(chart: object, cohort: pd.DataFrame | None = None) -> ExerciseFeedback:
    """Task 4 of exercise 06: one PHQ-9 panel of three of the package's layers.

    The chart asked for is ``charts.severity_bands()`` under
    ``charts.cohort_band(model.summarize(cohort), "phq9")`` (the whole cohort's 10th to
    90th percentile each week) and ``charts.course_line(short_sleepers, "phq9")`` (the
    short sleepers' mean PHQ-9 each week), added with ``+``, with a title and a
    description (what screen readers announce). The check reads the chart's
    Vega-Lite specification (``chart.to_dict()``): its layers in drawing order, their
    marks and fields, and the data each draws.

    Parameters
    ----------
    chart : object
        The learner's chart.
    cohort : pandas.DataFrame, optional
        The cohort; by default ``datasets/cohort.csv``.

    Returns
    -------
    ExerciseFeedback
        Right, not answered, unreadable (not an Altair chart), or what to change: panels
        side by side (``|``) instead of layers (``+``), a missing layer, pain drawn
        instead of PHQ-9, the severity bands drawn over the rest, a band that is not the
        whole cohort's, a line that is not the short sleepers' weekly mean (everyone,
        ``<= 6``, the other group, the median, the model's typical patient), no title or
        description.

    Raises
    ------
    ValueError
        If ``cohort`` is given and is not a cohort table.

    Examples
    --------
    >>> from painmood_widgets import charts, model
    >>> cohort = load_cohort()
    >>> short = cohort[cohort["sleep_hours"] < 6].groupby("week", as_index=False)["phq9"].mean()
    >>> band = model.summarize(cohort)
    >>> chart = (charts.severity_bands() + charts.cohort_band(band, "phq9")
    ...          + charts.course_line(short, "phq9"))
    >>> check_sleep_chart(chart).status
    'close'
    >>> check_sleep_chart(chart.properties(title="Short sleepers", description="...")).passed
    True
    >>> print(check_sleep_chart(charts.cohort_band(band, "phq9") | charts.course_line(short)))
    Not yet. Your chart sets panels side by side or one above the other (| or &). Draw the \
three layers on one panel with +.
    """
    cohort = _given_cohort(cohort)
    what = "your chart"
    if is_placeholder(chart):
        return not_answered(what)
    expected = "an Altair chart, such as charts.severity_bands() + charts.cohort_band(...) + ..."
    if isinstance(chart, pd.DataFrame):
        return unreadable(what, expected, chart, described="a table of data, not a chart")
    if not isinstance(chart, alt.TopLevelMixin):
        return unreadable(what, expected, chart)
    try:
        spec = chart.to_dict()
    except Exception as error:  # an invalid chart: say so in words, never raise at a learner
        return unreadable(
            what, expected, chart, described=f"a chart Altair cannot write out ({error})"[:200]
        )
    if any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        return close(
            "Your chart sets panels side by side or one above the other (| or &). Draw the "
            "three layers on one panel with +."
        )
    leaves = _leaves(spec, spec.get("datasets", {}))
    bands = next((i for i, leaf in enumerate(leaves) if leaf.field("y") == "band_start"), None)
    area = next((i for i, leaf in enumerate(leaves) if leaf.mark == "area"), None)
    line = next((i for i, leaf in enumerate(leaves) if leaf.mark == "line"), None)
    missing = [
        name
        for name, found in (
            ("the severity bands (charts.severity_bands())", bands),
            ("the cohort's band (charts.cohort_band(...))", area),
            ("the short sleepers' line (charts.course_line(...))", line),
        )
        if found is None
    ]
    if missing:
        return close(f"Your chart lacks {listing(missing)}. Add each layer with +.")
    fields = {leaves[area].field("y"), leaves[line].field("y")}
    if any(str(field).startswith("pain") for field in fields):
        return close(
            'Your chart draws pain; the task asks for PHQ-9: give "phq9" as the measure of '
            "cohort_band and course_line."
        )
    if leaves[line].field("y") != "phq9":
        return close(
            'Your line is not a course: charts.course_line(short_sleepers, "phq9") draws the '
            "short sleepers' mean; charts.cohort_median draws the cohort's median."
        )
    if bands > min(area, line):
        return close(
            "The severity bands are drawn over the other layers and hide them: + draws in "
            "order, each layer on top of the last. Put charts.severity_bands() first."
        )
    found = _band_feedback(leaves[area], cohort) or _line_feedback(leaves[line], cohort)
    if found is not None:
        return found
    title = spec.get("title")
    if isinstance(title, Mapping):
        title = title.get("text")
    unnamed = [
        name
        for name, text in (("a title", title), ("a description", spec.get("description")))
        if not (isinstance(text, str | list) and "".join(text).strip())
    ]
    if unnamed:
        return close(
            f"The layers are right. Now give the chart {listing(unnamed)} with "
            ".properties(title=..., description=...): a composed chart has none of its own, "
            "and the description is what a screen reader announces."
        )
    return right(
        "Three layers on one panel, the bands underneath. Read it: where does the short "
        "sleepers' line run within the cohort's band, and how does the gap change over the "
        "weeks? A group that starts higher and falls further has not responded better: that "
        "is the baseline trap of lesson 8."
    )
