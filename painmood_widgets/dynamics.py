"""The model's equations: coefficients from the evidence table and one plain weekly step.

This module is the specification that ``docs/model.md`` describes for teachers. It holds

* the names of the levers and treatments, in the order every array uses;
* :class:`Coefficients`, compiled once per evidence table by :func:`coefficients`, with
  each published effect turned into the push that reproduces it once the loop between
  pain, PHQ-9 and stress has done its work (see "Calibration" below);
* the dose-response curves of the levers (:func:`sleep_debt`, :func:`deconditioning`,
  :func:`inflammation`, :func:`opioid_blunting_level`) and the treatment relief
  (:func:`treatment_relief`);
* :func:`weekly_step`: one week of one patient, equation for equation as
  ``docs/model.md`` writes it, in plain Python floats.

:mod:`painmood_widgets.kernel` steps many patients at once with numpy; a test holds it to
:func:`weekly_step` to 1e-9.

Calibration
-----------
Trials and cohort studies report *net* differences: the difference between arms at the
end of treatment, or between groups in the long run, after the loop has amplified what
the treatment or the lever did. So the model never adds a published effect directly. For
each effect it solves, once, for the push that gives exactly the published difference:

* treatments and the untreated (usual-care) course at ``calibration_week`` for the
  calibration patient (pain ``calibration_baseline_pain``, PHQ-9
  ``calibration_baseline_phq9``), through their onset;
* levers in the long run (the loop settled), as the cohort studies behind them measure.

Effects measured on both scores are solved together (a 2 x 2 system); an effect measured
on one score is solved on that score and reaches the other only through the loop.

Educational, not diagnostic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from painmood_widgets import evidence, scales

__all__ = [
    "DIRECT_TREATMENTS",
    "LEVERS",
    "MEDIATORS",
    "MODEL_PARAMETERS",
    "PAIN_MAX",
    "PHQ9_MAX",
    "TREATMENTS",
    "Coefficients",
    "Patient",
    "Week",
    "coefficients",
    "deconditioning",
    "inflammation",
    "natural_course_push",
    "onset",
    "opioid_blunting_level",
    "sleep_debt",
    "treatment_relief",
    "weekly_step",
]

TREATMENTS = ("duloxetine", "cbt", "exercise", "cbt_i", "mindfulness", "social_support")
"""Treatment names, in the column order of every treatment mask."""

DIRECT_TREATMENTS = tuple(name for name in TREATMENTS if name != "exercise")
"""Treatments that act on the scores directly; the exercise programme acts through
activity (it adds ``exercise_programme_minutes`` to the patient's weekly minutes)."""

LEVERS = ("sleep_hours", "activity_minutes", "crp_mg_l", "opioid_days")
"""The lifestyle and biological levers."""

MEDIATORS = (
    "stress",
    "sleep_debt",
    "deconditioning",
    "inflammation",
    "opioid_analgesia",
    "opioid_blunting",
)
"""What carries the levers and the loop, week by week (columns of a trajectory)."""

PAIN_MAX = float(scales.PAIN_MAX)
"""Top of the pain scale (0-10 numeric rating), from :mod:`painmood_widgets.scales`."""

PHQ9_MAX = float(scales.PHQ9_MAX)
"""Top of the PHQ-9 total, from :mod:`painmood_widgets.scales`."""

DAYS_PER_WEEK = 7.0
"""Days in one model step; opioid use keeps counting by this much each week."""

_LOOP = (
    "pain_sd_points",
    "phq9_sd_points",
    "pain_time_constant_weeks",
    "phq9_time_constant_weeks",
    "coupling_pain_to_phq9",
    "coupling_phq9_to_pain",
    "stress_from_pain",
    "stress_from_phq9",
    "stress_to_pain",
    "stress_to_phq9",
    "stress_time_constant_weeks",
)
_CALIBRATION = ("calibration_baseline_pain", "calibration_baseline_phq9", "calibration_week")
_NATURAL_COURSE = (
    "natural_course_pain_fraction",
    "natural_course_phq9_fraction",
    "natural_course_spread",
    "natural_course_onset_weeks",
)
LEVER_PARAMETERS = MappingProxyType(
    {
        "sleep_hours": (
            "sleep_reference_hours",
            "sleep_short_depression_smd",
            "sleep_problem_pain_smd",
            "sleep_short_contrast_hours",
            "sleep_debt_time_constant_weeks",
        ),
        "activity_minutes": (
            "activity_reference_minutes",
            "activity_dose_exponent",
            "activity_depression_smd",
            "activity_pain_smd",
            "deconditioning_time_constant_weeks",
        ),
        "crp_mg_l": (
            "crp_reference_mg_l",
            "crp_log_sd",
            "crp_depression_r",
            "inflammation_time_constant_weeks",
        ),
        "opioid_days": (
            "opioid_pain_relief_points",
            "opioid_analgesia_time_constant_weeks",
            "opioid_duration_step1_days",
            "opioid_duration_step2_days",
            "opioid_90_180_phq9_smd",
            "opioid_over_180_phq9_smd",
            "opioid_blunting_time_constant_weeks",
        ),
    }
)
"""The evidence rows behind each lever."""

TREATMENT_PARAMETERS = MappingProxyType(
    {
        **{
            name: (f"{name}_pain_smd", f"{name}_phq9_smd", f"{name}_onset_weeks")
            for name in DIRECT_TREATMENTS
        },
        "cbt_i": (
            "cbt_i_pain_smd",
            "cbt_i_phq9_smd",
            "cbt_i_onset_weeks",
            "cbt_i_trial_sleep_debt_hours",
        ),
        "exercise": (
            "exercise_programme_minutes",
            "activity_pain_smd",
            "activity_depression_smd",
        ),
    }
)
"""The evidence rows behind each treatment; the exercise programme's are those of the
activity curve it moves the patient along."""

TREATMENT_EFFECT_ROWS = MappingProxyType(
    {
        name: (
            ("activity_pain_smd", "activity_depression_smd")
            if name == "exercise"
            else (f"{name}_pain_smd", f"{name}_phq9_smd")
        )
        for name in TREATMENTS
    }
)
"""For each treatment, the rows holding the size of its effect on pain and on mood."""

_COHORT = ("cohort_baseline_pain_sd", "cohort_baseline_phq9_sd", "lever_sensitivity_sd_log")

MODEL_PARAMETERS = tuple(
    dict.fromkeys(
        _LOOP
        + _CALIBRATION
        + _NATURAL_COURSE
        + tuple(name for names in LEVER_PARAMETERS.values() for name in names)
        + tuple(name for names in TREATMENT_PARAMETERS.values() for name in names)
        + _COHORT
    )
)
"""Every evidence row the model reads (keys of ``datasets/evidence.csv``)."""

LOOP_PARAMETERS = _LOOP
NATURAL_COURSE_PARAMETERS = _CALIBRATION + _NATURAL_COURSE
COHORT_PARAMETERS = _COHORT


# --------------------------------------------------------------------------- curves
def onset(week: float, time_constant_weeks: float) -> float:
    """Share of an effect present ``week`` weeks after it started: 1 - e^(-week/tau).

    Examples
    --------
    >>> round(onset(4, 4), 3), onset(0, 3)
    (0.632, 0.0)
    """
    return 1.0 - math.exp(-week / time_constant_weeks)


def sleep_debt(sleep_hours: float, c: Coefficients) -> float:
    """Hours per night below ``sleep_reference_hours`` (0 at or above it).

    Above 7 hours the model adds no effect: 7-9 hours is the normal range of the cohort
    studies, and long sleep is more plausibly a sign of illness than a cause (Zhai,
    Zhang & Zhang, Depress Anxiety 2015;32:664).

    Examples
    --------
    >>> c = coefficients()
    >>> sleep_debt(5.5, c), sleep_debt(9.0, c)
    (1.5, 0.0)
    """
    return max(0.0, c.sleep_reference_hours - sleep_hours)


def deconditioning(activity_minutes: float, c: Coefficients) -> float:
    """How far weekly activity falls short of the recommended volume on the depression
    dose-response curve: 1 with no activity, 0 at 150 minutes, below 0 above it.

    ``1 - (minutes / 150) ** p``: relative risk of depression falls as a power of the
    activity volume, through the two points Pearce et al. report (RR 0.82 at half and
    0.75 at the recommended volume; JAMA Psychiatry 2022;79:550). Beyond 150 minutes it
    keeps falling, more slowly: an extrapolation (the review reports smaller gains with
    more uncertainty there).

    Examples
    --------
    >>> c = coefficients()
    >>> deconditioning(0, c), deconditioning(150, c), round(deconditioning(300, c), 2)
    (1.0, 0.0, -0.45)
    """
    return 1.0 - (activity_minutes / c.activity_reference_minutes) ** c.activity_dose_exponent


def inflammation(crp_mg_l: float, c: Coefficients) -> float:
    """CRP above 1 mg/L in SDs of ln(CRP); 0 in the low range, at or below 1 mg/L.

    Examples
    --------
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


# --------------------------------------------------------------------------- coefficients
def _share(time_constant_weeks: float) -> float:
    """Share of the remaining gap closed in one week for a time constant (weeks)."""
    return 1.0 - math.exp(-1.0 / time_constant_weeks)


@dataclass(frozen=True)
class Coefficients:
    """The model's coefficients in working units (points, shares per week).

    Built by :func:`coefficients` from the evidence table. Pushes named ``*_per_*`` are
    the calibrated pushes on a target (points per unit of the mediator), not the
    published effects: those are reproduced once the loop has amplified the pushes.
    """

    share_pain: float
    share_phq9: float
    share_stress: float
    share_sleep: float
    share_deconditioning: float
    share_inflammation: float
    share_analgesia: float
    share_blunting: float
    pain_per_phq9_point: float
    phq9_per_pain_point: float
    stress_per_pain_point: float
    stress_per_phq9_point: float
    pain_per_stress: float
    phq9_per_stress: float
    sleep_reference_hours: float
    pain_per_sleep_debt_hour: float
    phq9_per_sleep_debt_hour: float
    activity_reference_minutes: float
    activity_dose_exponent: float
    exercise_programme_minutes: float
    pain_per_deconditioning: float
    phq9_per_deconditioning: float
    crp_reference_mg_l: float
    crp_log_sd: float
    phq9_per_inflammation: float
    opioid_step1_days: float
    opioid_step2_days: float
    opioid_step1_level: float
    opioid_step2_level: float
    phq9_per_opioid_blunting: float
    pain_per_opioid_analgesia: float
    natural_course_pain_fraction: float
    natural_course_phq9_fraction: float
    natural_course_spread: float
    natural_course_onset_weeks: float
    natural_course_matrix: tuple[tuple[float, float], tuple[float, float]]
    treatment_pain_share: tuple[float, ...]
    treatment_phq9_share: tuple[float, ...]
    treatment_onset_weeks: tuple[float, ...]
    cbt_i_trial_sleep_debt_hours: float
    calibration_week: int
    baseline_pain_sd: float
    baseline_phq9_sd: float
    lever_sensitivity_sd_log: float
    loop_gain: float


class _Loop(NamedTuple):
    """The pain-PHQ-9-stress loop alone, in points (what calibration needs)."""

    share_pain: float
    share_phq9: float
    share_stress: float
    pain_per_phq9_point: float
    phq9_per_pain_point: float
    stress_per_pain_point: float
    stress_per_phq9_point: float
    pain_per_stress: float
    phq9_per_stress: float


def _loop(p: Mapping[str, float]) -> _Loop:
    pain_sd, phq9_sd = p["pain_sd_points"], p["phq9_sd_points"]
    return _Loop(
        share_pain=_share(p["pain_time_constant_weeks"]),
        share_phq9=_share(p["phq9_time_constant_weeks"]),
        share_stress=_share(p["stress_time_constant_weeks"]),
        pain_per_phq9_point=p["coupling_phq9_to_pain"] * pain_sd / phq9_sd,
        phq9_per_pain_point=p["coupling_pain_to_phq9"] * phq9_sd / pain_sd,
        stress_per_pain_point=p["stress_from_pain"] / pain_sd,
        stress_per_phq9_point=p["stress_from_phq9"] / phq9_sd,
        pain_per_stress=p["stress_to_pain"] * pain_sd,
        phq9_per_stress=p["stress_to_phq9"] * phq9_sd,
    )


def _loop_gain(p: Mapping[str, float]) -> float:
    """Spectral radius of the couplings in SD units (what comes back after one turn)."""
    matrix = np.array(
        [
            [0.0, p["coupling_phq9_to_pain"], p["stress_to_pain"]],
            [p["coupling_pain_to_phq9"], 0.0, p["stress_to_phq9"]],
            [p["stress_from_pain"], p["stress_from_phq9"], 0.0],
        ]
    )
    return float(np.max(np.abs(np.linalg.eigvals(matrix))))


def settled_response(loop: _Loop) -> np.ndarray:
    """Net change of (pain, PHQ-9) per unit push on each target once the loop settles.

    Column ``j`` holds the long-run change of both scores for a constant push of one
    point on target ``j`` (pain, then PHQ-9).
    """
    system = np.array(
        [
            [1.0, -loop.pain_per_phq9_point, -loop.pain_per_stress],
            [-loop.phq9_per_pain_point, 1.0, -loop.phq9_per_stress],
            [-loop.stress_per_pain_point, -loop.stress_per_phq9_point, 1.0],
        ]
    )
    return np.linalg.inv(system)[:2, :2]


def response_at(loop: _Loop, onset_weeks: float, week: int) -> np.ndarray:
    """Net change of (pain, PHQ-9) at ``week`` per unit push that builds up with onset.

    Column ``j`` holds the change of both scores for a push on target ``j`` of
    ``onset(t, onset_weeks)`` points, stepped through the loop exactly as
    :func:`weekly_step` steps it (no clipping: the loop is linear).
    """
    pain = np.zeros(2)
    phq9 = np.zeros(2)
    stress = np.zeros(2)
    unit = np.eye(2)
    for step in range(1, week + 1):
        push = onset(step, onset_weeks)
        stress = stress + loop.share_stress * (
            loop.stress_per_pain_point * pain + loop.stress_per_phq9_point * phq9 - stress
        )
        pain_target = (
            unit[0] * push + loop.pain_per_phq9_point * phq9 + loop.pain_per_stress * stress
        )
        phq9_target = (
            unit[1] * push + loop.phq9_per_pain_point * pain + loop.phq9_per_stress * stress
        )
        pain, phq9 = (
            pain + loop.share_pain * (pain_target - pain),
            phq9 + loop.share_phq9 * (phq9_target - phq9),
        )
    return np.vstack([pain, phq9])


def _pushes_for(net: tuple[float, float], response: np.ndarray) -> tuple[float, float]:
    """The pushes on (pain, PHQ-9) whose net effect through the loop is ``net``.

    A score with no published effect (0) gets no push of its own: it moves only through
    the loop. When the loop alone carries more to one score than its published effect
    (an edited table with a large effect on the other score), that score gets no push
    either, and its effect comes out larger than published: a push never works against
    its own effect.
    """
    pain, phq9 = net
    pushes = np.zeros(2)
    if pain and phq9:
        pushes = np.linalg.solve(response, np.array([pain, phq9]))
    kept = [
        index
        for index, effect in enumerate(net)
        if effect and np.sign(pushes[index]) == np.sign(effect)
    ]
    if len(kept) < 2:
        strongest = max(
            (index for index, effect in enumerate(net) if effect),
            key=lambda index: abs(net[index] / response[index, index]),
            default=None,
        )
        pushes = np.zeros(2)
        if strongest is not None:
            pushes[strongest] = net[strongest] / response[strongest, strongest]
    return float(pushes[0]), float(pushes[1])


_POSITIVE = tuple(
    name
    for name in MODEL_PARAMETERS
    if name.endswith(("_weeks", "_sd_points", "_hours", "_minutes", "_reference_mg_l", "_days"))
    or name.startswith("calibration_baseline_")
    or name in ("crp_log_sd", "activity_dose_exponent", "natural_course_spread")
)
_NOT_NEGATIVE = tuple(
    name
    for name in MODEL_PARAMETERS
    if name not in _POSITIVE
    and (
        name.startswith(("coupling_", "stress_from_", "stress_to_", "cohort_baseline_"))
        or name.endswith(("_smd", "_sd_log", "_r", "_points"))
    )
)


def _checked(p: Mapping[str, float]) -> None:
    missing = [name for name in MODEL_PARAMETERS if name not in p]
    if missing:
        raise ValueError(f"the evidence table lacks the model parameters {missing}")
    for names, rule, allowed in (
        (_POSITIVE, "positive", lambda value: value > 0),
        (_NOT_NEGATIVE, "zero or positive", lambda value: value >= 0),
    ):
        for name in names:
            if not allowed(p[name]):
                raise ValueError(
                    f"evidence parameter {name} must be {rule} for the model; got {p[name]:g}"
                )
    if p["opioid_duration_step2_days"] < p["opioid_duration_step1_days"]:
        raise ValueError(
            "evidence parameter opioid_duration_step2_days must not be below "
            "opioid_duration_step1_days"
        )
    if not float(p["calibration_week"]).is_integer():
        raise ValueError(
            f"evidence parameter calibration_week must be a whole number of weeks; "
            f"got {p['calibration_week']:g}"
        )
    gain = _loop_gain(p)
    if gain >= 1.0:
        raise ValueError(
            "the couplings coupling_*, stress_from_* and stress_to_* give a loop gain of "
            f"{gain:.2f}; it must stay below 1 for pain and PHQ-9 to settle"
        )


def _compile(p: Mapping[str, float]) -> Coefficients:
    """Coefficients for one evidence table; the calibration happens here, once."""
    _checked(p)
    loop = _loop(p)
    pain_sd, phq9_sd = p["pain_sd_points"], p["phq9_sd_points"]
    ref_pain, ref_phq9 = p["calibration_baseline_pain"], p["calibration_baseline_phq9"]
    week = int(p["calibration_week"])
    settled = settled_response(loop)

    contrast = p["sleep_short_contrast_hours"]
    sleep = _pushes_for(
        (
            p["sleep_problem_pain_smd"] * pain_sd / contrast,
            p["sleep_short_depression_smd"] * phq9_sd / contrast,
        ),
        settled,
    )
    activity = _pushes_for(
        (p["activity_pain_smd"] * pain_sd, p["activity_depression_smd"] * phq9_sd),
        settled,
    )
    _, crp = _pushes_for((0.0, p["crp_depression_r"] * phq9_sd), settled)
    _, blunting = _pushes_for((0.0, phq9_sd), settled)
    analgesia, _ = _pushes_for((p["opioid_pain_relief_points"], 0.0), settled)

    usual = response_at(loop, p["natural_course_onset_weeks"], week)
    pain_shares, phq9_shares = [], []
    for name in DIRECT_TREATMENTS:
        pushes = _pushes_for(
            (p[f"{name}_pain_smd"] * pain_sd, p[f"{name}_phq9_smd"] * phq9_sd),
            response_at(loop, p[f"{name}_onset_weeks"], week),
        )
        pain_share, phq9_share = pushes[0] / ref_pain, pushes[1] / ref_phq9
        if max(pain_share, phq9_share) >= 1.0:
            raise ValueError(
                f"evidence parameters {name}_pain_smd and {name}_phq9_smd must each remove "
                "less than the whole calibration baseline (calibration_baseline_*); lower them"
            )
        pain_shares.append(pain_share)
        phq9_shares.append(phq9_share)

    natural_matrix = np.linalg.inv(usual)
    return Coefficients(
        **loop._asdict(),
        share_sleep=_share(p["sleep_debt_time_constant_weeks"]),
        share_deconditioning=_share(p["deconditioning_time_constant_weeks"]),
        share_inflammation=_share(p["inflammation_time_constant_weeks"]),
        share_analgesia=_share(p["opioid_analgesia_time_constant_weeks"]),
        share_blunting=_share(p["opioid_blunting_time_constant_weeks"]),
        sleep_reference_hours=p["sleep_reference_hours"],
        pain_per_sleep_debt_hour=sleep[0],
        phq9_per_sleep_debt_hour=sleep[1],
        activity_reference_minutes=p["activity_reference_minutes"],
        activity_dose_exponent=p["activity_dose_exponent"],
        exercise_programme_minutes=p["exercise_programme_minutes"],
        pain_per_deconditioning=activity[0],
        phq9_per_deconditioning=activity[1],
        crp_reference_mg_l=p["crp_reference_mg_l"],
        crp_log_sd=p["crp_log_sd"],
        phq9_per_inflammation=crp,
        opioid_step1_days=p["opioid_duration_step1_days"],
        opioid_step2_days=p["opioid_duration_step2_days"],
        opioid_step1_level=p["opioid_90_180_phq9_smd"],
        opioid_step2_level=p["opioid_over_180_phq9_smd"],
        phq9_per_opioid_blunting=blunting,
        pain_per_opioid_analgesia=analgesia,
        natural_course_pain_fraction=p["natural_course_pain_fraction"],
        natural_course_phq9_fraction=p["natural_course_phq9_fraction"],
        natural_course_spread=p["natural_course_spread"],
        natural_course_onset_weeks=p["natural_course_onset_weeks"],
        natural_course_matrix=tuple(tuple(float(v) for v in row) for row in natural_matrix),
        treatment_pain_share=tuple(pain_shares),
        treatment_phq9_share=tuple(phq9_shares),
        treatment_onset_weeks=tuple(p[f"{name}_onset_weeks"] for name in DIRECT_TREATMENTS),
        cbt_i_trial_sleep_debt_hours=p["cbt_i_trial_sleep_debt_hours"],
        calibration_week=week,
        baseline_pain_sd=p["cohort_baseline_pain_sd"],
        baseline_phq9_sd=p["cohort_baseline_phq9_sd"],
        lever_sensitivity_sd_log=p["lever_sensitivity_sd_log"],
        loop_gain=_loop_gain(p),
    )


_compiled: list[tuple[Mapping[str, float], Coefficients]] = []


def coefficients() -> Coefficients:
    """Coefficients of the active evidence table, compiled (and calibrated) once per table.

    Raises
    ------
    ValueError
        If a row the model needs is missing or has a value the model cannot use (the
        message names it), or the couplings would let the loop run away.

    Examples
    --------
    >>> c = coefficients()
    >>> 0 < c.loop_gain < 1, c.calibration_week
    (True, 12)
    """
    table = evidence.values()
    if not _compiled or _compiled[0][0] is not table:
        _compiled[:] = [(table, _compile(table))]
    return _compiled[0][1]


def loop(c: Coefficients) -> _Loop:
    """The loop part of compiled coefficients (for the calibration checks)."""
    return _Loop(*(getattr(c, name) for name in _Loop._fields))
