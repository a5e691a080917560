"""The model's coefficients: names, evidence rows, and the calibration done once per table.

This module holds

* the names of the levers, treatments and mediators, in the order every array uses, and
  the evidence rows behind each (:data:`MODEL_PARAMETERS`);
* :class:`Coefficients`, compiled once per evidence table by :func:`coefficients`, with
  each published effect turned into the push that reproduces it once the loop between
  pain, PHQ-9 and stress has done its work (see "Calibration" below).

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
    "COHORT_PARAMETERS",
    "DAYS_PER_WEEK",
    "DIRECT_TREATMENTS",
    "LEVERS",
    "LEVER_PARAMETERS",
    "LOOP_PARAMETERS",
    "MEDIATORS",
    "MODEL_PARAMETERS",
    "NATURAL_COURSE_PARAMETERS",
    "PAIN_MAX",
    "PHQ9_MAX",
    "TREATMENTS",
    "TREATMENT_EFFECT_ROWS",
    "TREATMENT_PARAMETERS",
    "Coefficients",
    "coefficients",
    "loop",
    "onset",
    "response_at",
    "settled_response",
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


def onset(week: float, time_constant_weeks: float) -> float:
    """Share of an effect present ``week`` weeks after it started: 1 - e^(-week/tau).

    Examples
    --------
    >>> round(onset(4, 4), 3), onset(0, 3)
    (0.632, 0.0)
    """
    return 1.0 - math.exp(-week / time_constant_weeks)


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
