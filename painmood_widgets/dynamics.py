"""The model's equations: the dose-response curves and one plain weekly step.

This module is the specification that ``docs/model.md`` describes for teachers. It holds

* the dose-response curves of the levers (:func:`sleep_debt`, :func:`deconditioning`,
  :func:`inflammation`, :func:`opioid_blunting_level`) and the treatment relief
  (:func:`treatment_relief`);
* :func:`weekly_step`: one week of one patient, equation for equation as
  ``docs/model.md`` writes it, in plain Python floats.

:mod:`painmood_widgets.kernel` steps many patients at once with numpy; a test holds it to
:func:`weekly_step` to 1e-9.

The coefficients ``c`` every function takes come from
:func:`painmood_widgets.coefficients.coefficients`, compiled (and calibrated) once per
evidence table.

Educational, not diagnostic.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from painmood_widgets.coefficients import (
    DAYS_PER_WEEK,
    DIRECT_TREATMENTS,
    PAIN_MAX,
    PHQ9_MAX,
    Coefficients,
    onset,
)

__all__ = [
    "Patient",
    "Week",
    "deconditioning",
    "inflammation",
    "natural_course_push",
    "opioid_blunting_level",
    "sleep_debt",
    "treatment_relief",
    "treatment_weight",
    "weekly_step",
]


# --------------------------------------------------------------------------- curves
def sleep_debt(sleep_hours: float, c: Coefficients) -> float:
    """Hours per night below ``sleep_reference_hours`` (0 at or above it).

    Above 7 hours the model adds no effect: 7-9 hours is the normal range of the cohort
    studies, and long sleep is more plausibly a sign of illness than a cause (Zhai,
    Zhang & Zhang, Depress Anxiety 2015;32:664).

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> sleep_debt(5.5, c), sleep_debt(9.0, c)
    (1.5, 0.0)
    """
    return max(0.0, c.sleep_reference_hours - sleep_hours)


def deconditioning(activity_minutes: float, c: Coefficients) -> float:
    """How far weekly activity falls short of the recommended volume (depression curve).

    1 with no activity, 0 at 150 minutes, below 0 above it.

    ``1 - (minutes / 150) ** p``: relative risk of depression falls as a power of the
    activity volume, through the two points Pearce et al. report (RR 0.82 at half and
    0.75 at the recommended volume; JAMA Psychiatry 2022;79:550). Beyond 150 minutes it
    keeps falling, more slowly: an extrapolation (the review reports smaller gains with
    more uncertainty there).

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> deconditioning(0, c), deconditioning(150, c), round(deconditioning(300, c), 2)
    (1.0, 0.0, -0.45)
    """
    return 1.0 - (activity_minutes / c.activity_reference_minutes) ** c.activity_dose_exponent


def inflammation(crp_mg_l: float, c: Coefficients) -> float:
    """CRP above 1 mg/L in SDs of ln(CRP); 0 in the low range, at or below 1 mg/L.

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> inflammation(0.5, c), round(inflammation(10, c), 2)
    (0.0, 2.3)
    """
    return max(0.0, math.log(crp_mg_l / c.crp_reference_mg_l)) / c.crp_log_sd


def opioid_blunting_level(days_of_use: float | np.ndarray, c: Coefficients) -> float | np.ndarray:
    """Latent depression push (SD) of continuous opioid use lasting ``days_of_use``.

    Scherrer et al. (J Gen Intern Med 2014;29:491) report new depression by duration
    group: under 90 days (reference), 90-180 days and more than 180 days. The push steps
    up in the week use passes 90 days and again when it passes 180 (each step spread over
    that week, the model's time step); beyond 180 days there is no longer group to go on,
    so it stays level. Takes a number of days or an array of them.

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> float(opioid_blunting_level(60, c)), round(float(opioid_blunting_level(120, c)), 3)
    (0.0, 0.123)
    >>> bool(opioid_blunting_level(200, c) == opioid_blunting_level(700, c))
    True
    """
    first = np.clip((days_of_use - c.opioid_step1_days) / DAYS_PER_WEEK, 0.0, 1.0)
    second = np.clip((days_of_use - c.opioid_step2_days) / DAYS_PER_WEEK, 0.0, 1.0)
    return c.opioid_step1_level * first + (c.opioid_step2_level - c.opioid_step1_level) * second


def treatment_weight(name: str, sleep_hours: float, c: Coefficients) -> float:
    """How much of a treatment's trial effect applies to this patient (0 to 1).

    CBT for insomnia is the only one that depends on the patient: its trials enrolled
    people with insomnia, so its effect scales with the patient's sleep debt against
    ``cbt_i_trial_sleep_debt_hours`` (at most the whole trial effect, nothing for
    someone sleeping 7 hours or more).

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> treatment_weight("cbt", 8, c), treatment_weight("cbt_i", 8, c)
    (1.0, 0.0)
    >>> treatment_weight("cbt_i", 6.25, c), treatment_weight("cbt_i", 4, c)
    (0.5, 1.0)
    """
    if name != "cbt_i":
        return 1.0
    return min(1.0, sleep_debt(sleep_hours, c) / c.cbt_i_trial_sleep_debt_hours)


def treatment_relief(
    treatments: frozenset[str], sleep_hours: float, week: float, c: Coefficients
) -> tuple[float, float]:
    """Share of the baseline pain and PHQ-9 that the chosen treatments remove at a week.

    Each treatment ``k`` removes ``f_k * w_k * onset(week, tau_k)`` of what the others
    leave, so the shares combine as ``1 - prod(1 - f_k * w_k * onset_k)``: a combination
    helps more than any one of its treatments and less than their sum. ``f_k`` is the
    calibrated share, ``w_k`` :func:`treatment_weight`. The exercise programme is not
    here: it acts through activity.

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> treatment_relief(frozenset(), 7, 12, c)
    (0.0, 0.0)
    >>> pain, phq9 = treatment_relief(frozenset({"cbt"}), 7, 52, c)
    >>> 0 < pain < phq9 < 1
    True
    """
    kept_pain = kept_phq9 = 1.0
    for index, name in enumerate(DIRECT_TREATMENTS):
        if name in treatments:
            share = treatment_weight(name, sleep_hours, c) * onset(
                week, c.treatment_onset_weeks[index]
            )
            kept_pain *= 1.0 - c.treatment_pain_share[index] * share
            kept_phq9 *= 1.0 - c.treatment_phq9_share[index] * share
    return 1.0 - kept_pain, 1.0 - kept_phq9


def natural_course_push(
    baseline_pain: float,
    baseline_phq9: float,
    natural_pain: float,
    natural_phq9: float,
    c: Coefficients,
) -> tuple[float, float]:
    """Full weekly relief (points) that usual care brings this patient, before onset.

    ``natural_pain`` and ``natural_phq9`` are the shares of the baseline scores that this
    patient's untreated course resolves by ``calibration_week`` (the typical patient:
    ``natural_course_pain_fraction`` and ``natural_course_phq9_fraction``). The pushes
    that produce exactly these net changes through the loop come from the calibration
    matrix :attr:`Coefficients.natural_course_matrix`.

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> pain, phq9 = natural_course_push(6, 15, 0.0, 0.0, c)
    >>> pain, phq9
    (0.0, 0.0)
    """
    net_pain = baseline_pain * natural_pain
    net_phq9 = baseline_phq9 * natural_phq9
    (a, b), (d, e) = c.natural_course_matrix
    return a * net_pain + b * net_phq9, d * net_pain + e * net_phq9


# --------------------------------------------------------------------------- the step
class Patient(NamedTuple):
    """One patient as the weekly step sees them.

    Attributes
    ----------
    baseline_pain, baseline_phq9 : float
        Scores at week 0 (pain 0-10, PHQ-9 0-27).
    sleep_hours, activity_minutes, crp_mg_l, opioid_days : float
        The levers (hours a night, minutes a week, mg/L, days of use so far).
    treatments : frozenset of str
        Names from :data:`TREATMENTS`.
    sensitivity : tuple of 4 floats
        Multipliers of each lever's push, in the order of :data:`LEVERS` (1 for the
        typical patient).
    natural_pain, natural_phq9 : float
        Shares of the baseline scores the untreated course resolves by the calibration
        week (the typical patient: the evidence rows' fractions).
    """

    baseline_pain: float
    baseline_phq9: float
    sleep_hours: float
    activity_minutes: float
    crp_mg_l: float
    opioid_days: float
    treatments: frozenset[str]
    sensitivity: tuple[float, float, float, float]
    natural_pain: float
    natural_phq9: float


class Week(NamedTuple):
    """The state of one patient at the end of a week (week 0: the baselines)."""

    week: int
    pain: float
    phq9: float
    stress: float = 0.0
    sleep_debt: float = 0.0
    deconditioning: float = 0.0
    inflammation: float = 0.0
    opioid_analgesia: float = 0.0
    opioid_blunting: float = 0.0


def _toward(value: float, target: float, share: float) -> float:
    """Move ``value`` a share of the way to ``target`` (one week of a time constant)."""
    return value + share * (target - value)


def weekly_step(last: Week, patient: Patient, c: Coefficients) -> Week:
    """One week of one patient: the model, equation for equation as ``docs/model.md``.

    1. Each mediator moves part of the way to the level its lever sets this week.
    2. HPA stress moves towards the level last week's pain and PHQ-9 set.
    3. Pain and PHQ-9 each head for a target: the baseline, less usual care's relief
       and the treatments' relief, plus the mediators' pushes, plus what the other score
       and stress add (the loop).
    4. They move part of the way there and stay on their scales.

    Parameters
    ----------
    last : Week
        Last week's state.
    patient : Patient
        The patient's baselines, levers, treatments and personal multipliers.
    c : Coefficients
        From :func:`coefficients`.

    Returns
    -------
    Week
        This week's state.

    Examples
    --------
    >>> from painmood_widgets.coefficients import coefficients
    >>> c = coefficients()
    >>> maria = Patient(7, 15, 7, 150, 1, 0, frozenset({"cbt"}), (1, 1, 1, 1), 0, 0)
    >>> week1 = weekly_step(Week(0, 7, 15), maria, c)
    >>> week1.week, week1.pain < 7, week1.phq9 < 15
    (1, True, True)
    """
    week = last.week + 1
    sleep_sensitivity, activity_sensitivity, crp_sensitivity, opioid_sensitivity = (
        patient.sensitivity
    )
    programme = c.exercise_programme_minutes if "exercise" in patient.treatments else 0.0
    on_opioids = patient.opioid_days > 0
    days_of_use = patient.opioid_days + DAYS_PER_WEEK * week if on_opioids else 0.0

    # 1. Mediators: each moves a share of the way to the level its lever sets.
    debt = _toward(last.sleep_debt, sleep_debt(patient.sleep_hours, c), c.share_sleep)
    unfit = _toward(
        last.deconditioning,
        deconditioning(patient.activity_minutes + programme, c),
        c.share_deconditioning,
    )
    inflamed = _toward(last.inflammation, inflammation(patient.crp_mg_l, c), c.share_inflammation)
    analgesia = _toward(last.opioid_analgesia, float(on_opioids), c.share_analgesia)
    blunting = _toward(
        last.opioid_blunting, float(opioid_blunting_level(days_of_use, c)), c.share_blunting
    )

    # 2. HPA stress follows last week's pain and PHQ-9 above their baselines.
    pain_above = last.pain - patient.baseline_pain
    phq9_above = last.phq9 - patient.baseline_phq9
    stress = _toward(
        last.stress,
        c.stress_per_pain_point * pain_above + c.stress_per_phq9_point * phq9_above,
        c.share_stress,
    )

    # 3. Targets: baseline - usual care - treatments + mediators + the loop.
    usual_pain, usual_phq9 = natural_course_push(
        patient.baseline_pain, patient.baseline_phq9, patient.natural_pain, patient.natural_phq9, c
    )
    usual_care = onset(week, c.natural_course_onset_weeks)
    treated_pain, treated_phq9 = treatment_relief(patient.treatments, patient.sleep_hours, week, c)
    pain_target = (
        patient.baseline_pain
        - usual_pain * usual_care
        - patient.baseline_pain * treated_pain
        + c.pain_per_sleep_debt_hour * sleep_sensitivity * debt
        + c.pain_per_deconditioning * activity_sensitivity * unfit
        - c.pain_per_opioid_analgesia * opioid_sensitivity * analgesia
        + c.pain_per_phq9_point * phq9_above
        + c.pain_per_stress * stress
    )
    phq9_target = (
        patient.baseline_phq9
        - usual_phq9 * usual_care
        - patient.baseline_phq9 * treated_phq9
        + c.phq9_per_sleep_debt_hour * sleep_sensitivity * debt
        + c.phq9_per_deconditioning * activity_sensitivity * unfit
        + c.phq9_per_inflammation * crp_sensitivity * inflamed
        + c.phq9_per_opioid_blunting * opioid_sensitivity * blunting
        + c.phq9_per_pain_point * pain_above
        + c.phq9_per_stress * stress
    )

    # 4. Each score moves a share of the way to its target and stays on its scale.
    pain = min(PAIN_MAX, max(0.0, _toward(last.pain, pain_target, c.share_pain)))
    phq9 = min(PHQ9_MAX, max(0.0, _toward(last.phq9, phq9_target, c.share_phq9)))
    return Week(week, pain, phq9, stress, debt, unfit, inflamed, analgesia, blunting)
