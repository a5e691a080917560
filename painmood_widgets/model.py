"""A weekly mutual-maintenance model of chronic pain and depression (teaching model).

Two observable states, pain (0-10, BPI-style numeric rating) and PHQ-9 (0-27), pull each
other up: pain above a patient's baseline raises the PHQ-9 the patient is heading for, and
depression raises pain (Sharp & Harvey, Clin Psychol Rev 2001). Five mediators carry the
levers a learner can move:

* ``inflammation`` (SDs of ln CRP above 1 mg/L; 0 at or below it) from ``crp_mg_l``,
* ``stress`` (HPA axis, z-score; 0 at baseline) from pain and PHQ-9 above baseline,
* ``sleep_debt`` (hours per night below 7 h) from ``sleep_hours``,
* ``deconditioning`` (0-1, share of 150 minutes of weekly activity missing) from
  ``activity_minutes``,
* ``opioid_blunting`` (latent depression SD; 0, 0.12 or 0.23 at the 90- and 180-day steps
  of Scherrer et al. 2014) from ``opioid_days``, which keep counting during the simulation.

Each week every mediator moves a fixed share of the way to its target, then pain and PHQ-9
move a share of the way to ``baseline + lever effects + coupling - treatment effect``.
With the reference lifestyle (7 h sleep, 150 min activity, CRP 1 mg/L, no opioids) and no
treatment the patient stays at baseline. Treatments remove a fraction of the baseline score
that builds up with an onset time; fractions combine as ``1 - prod(1 - f_i)`` so that
combinations help more than any single treatment and less than the sum.

Every coefficient is read from ``datasets/evidence.csv`` (:mod:`painmood_widgets.evidence`);
the couplings and time constants are illustrative (no fitted model of the loop exists), the
magnitudes are anchored to published hazard ratios and standardized mean differences.
``docs/model.md`` gives the equations in clinical words. Educational, not diagnostic.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd

from painmood_widgets import evidence

__all__ = [
    "LEVERS",
    "MEDIATORS",
    "MODEL_PARAMETERS",
    "SCENARIO_FIELDS",
    "SUMMARY_COLUMNS",
    "TREATMENTS",
    "TREATMENT_LABELS",
    "FieldRange",
    "Scenario",
    "evidence_behind",
    "loop_gain",
    "sensitivity",
    "simulate_cohort",
    "simulate_patients",
    "summarize",
    "trajectory",
]

TREATMENTS = ("duloxetine", "cbt", "exercise", "cbt_i", "mindfulness", "social_support")
"""Treatment names, in the column order of ``treatment_mask`` in :func:`simulate_patients`."""

TREATMENT_LABELS = MappingProxyType(
    {
        "duloxetine": "Duloxetine (antidepressant, 60 mg a day)",
        "cbt": "Cognitive behavioural therapy (CBT)",
        "exercise": "Exercise programme (for example gentle yoga)",
        "cbt_i": "CBT for insomnia (CBT-I)",
        "mindfulness": "Mindfulness programme",
        "social_support": "More social support",
    }
)
"""Plain label of each treatment, for check boxes and legends."""

LEVERS = ("sleep_hours", "activity_minutes", "crp_mg_l", "opioid_days")
"""The lifestyle and biological levers (scenario fields varied by :func:`sensitivity`)."""

MEDIATORS = ("inflammation", "stress", "sleep_debt", "deconditioning", "opioid_blunting")
"""Mediator columns of :func:`trajectory`."""


@dataclass(frozen=True)
class FieldRange:
    """Allowed range, default, unit and label of one numeric :class:`Scenario` field.

    Attributes
    ----------
    minimum, maximum : float
        Inclusive bounds.
    default : float
        Value of a new :class:`Scenario`.
    step : float
        A sensible slider step.
    unit : str
        Unit, in words.
    label : str
        Plain label for a control.
    whole : bool
        True when only whole numbers are allowed (days, weeks).
    """

    minimum: float
    maximum: float
    default: float
    step: float
    unit: str
    label: str
    whole: bool = False


SCENARIO_FIELDS = MappingProxyType(
    {
        "sleep_hours": FieldRange(3.0, 10.0, 7.0, 0.5, "hours per night", "Sleep"),
        "activity_minutes": FieldRange(
            0.0, 420.0, 150.0, 10.0, "minutes per week", "Moderate physical activity"
        ),
        "crp_mg_l": FieldRange(0.1, 20.0, 1.0, 0.1, "mg/L", "C-reactive protein (CRP)"),
        "opioid_days": FieldRange(0, 730, 0, 1, "days", "Continuous opioid use so far", whole=True),
        "baseline_pain": FieldRange(
            0.0, 10.0, 6.0, 0.5, "points, 0-10", "Pain intensity at the start"
        ),
        "baseline_phq9": FieldRange(0.0, 27.0, 10.0, 1.0, "points, 0-27", "PHQ-9 at the start"),
        "weeks": FieldRange(1, 104, 26, 1, "weeks", "Weeks to simulate", whole=True),
    }
)
"""Every numeric field of :class:`Scenario` with its range: the one source for sliders."""

_PAIN_MAX = 10.0
_PHQ9_MAX = 27.0
_DAYS_PER_WEEK = 7.0

_LOOP_PARAMETERS = (
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
_LEVER_PARAMETERS = MappingProxyType(
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
            "deconditioning_pain_smd",
            "deconditioning_phq9_smd",
            "deconditioning_time_constant_weeks",
        ),
        "crp_mg_l": (
            "crp_reference_mg_l",
            "crp_log_sd",
            "crp_depression_r",
            "inflammation_pain_smd",
            "inflammation_time_constant_weeks",
        ),
        "opioid_days": (
            "opioid_duration_step1_days",
            "opioid_duration_step2_days",
            "opioid_90_180_phq9_smd",
            "opioid_over_180_phq9_smd",
            "opioid_blunting_time_constant_weeks",
        ),
    }
)
_TREATMENT_PARAMETERS = MappingProxyType(
    {name: (f"{name}_pain_smd", f"{name}_phq9_smd", f"{name}_onset_weeks") for name in TREATMENTS}
)
_SHARED_TREATMENT_PARAMETERS = ("treatment_reference_pain", "treatment_reference_phq9")
_COHORT_PARAMETERS = (
    "cohort_baseline_pain_sd",
    "cohort_baseline_phq9_sd",
    "lever_sensitivity_sd_log",
    "treatment_response_sd_log",
)

MODEL_PARAMETERS = (
    _LOOP_PARAMETERS
    + tuple(name for names in _LEVER_PARAMETERS.values() for name in names)
    + _SHARED_TREATMENT_PARAMETERS
    + tuple(name for names in _TREATMENT_PARAMETERS.values() for name in names)
    + _COHORT_PARAMETERS
)
"""Every evidence parameter the model reads (keys of ``datasets/evidence.csv``)."""


# --------------------------------------------------------------------------- scenario
def _describe_range(name: str) -> str:
    spec = SCENARIO_FIELDS[name]
    kind = "a whole number" if spec.whole else "a number"
    return f"{name} must be {kind} from {spec.minimum:g} to {spec.maximum:g} ({spec.unit})"


def _checked_number(name: str, value: object) -> float | int:
    spec = SCENARIO_FIELDS[name]
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{_describe_range(name)}; got {value!r}")
    number = float(value)
    if not (math.isfinite(number) and spec.minimum <= number <= spec.maximum):
        raise ValueError(f"{_describe_range(name)}; got {value!r}")
    if spec.whole:
        if not number.is_integer():
            raise ValueError(f"{_describe_range(name)}; got {value!r}")
        return int(number)
    return number


def _allowed_treatments() -> str:
    return ", ".join(TREATMENTS)


def _checked_treatments(treatments: object) -> frozenset[str]:
    if isinstance(treatments, str | bytes):
        raise ValueError(
            f"treatments must be a collection of names such as {{'cbt'}}, not the bare string "
            f"{treatments!r}; allowed: {_allowed_treatments()}"
        )
    if not isinstance(treatments, Iterable):
        raise ValueError(
            f"treatments must be a collection of names; got {treatments!r}; "
            f"allowed: {_allowed_treatments()}"
        )
    names = frozenset(treatments)
    unknown = sorted(repr(name) for name in names if name not in TREATMENTS)
    if unknown:
        raise ValueError(
            f"unknown treatment {', '.join(unknown)} in treatments; "
            f"allowed: {_allowed_treatments()}"
        )
    return names


@dataclass(frozen=True)
class Scenario:
    """One patient's situation: levers, treatments, starting scores and horizon.

    Every field is checked on construction; a bad value raises ``ValueError`` naming the
    field and its allowed range (see :data:`SCENARIO_FIELDS` and :data:`TREATMENTS`).

    Parameters
    ----------
    sleep_hours : float, default 7.0
        Sleep per night, 3 to 10 hours.
    activity_minutes : float, default 150.0
        Moderate physical activity per week, 0 to 420 minutes.
    crp_mg_l : float, default 1.0
        C-reactive protein, 0.1 to 20 mg/L.
    opioid_days : int, default 0
        Days of continuous opioid use so far, 0 to 730; use continues during the
        simulation (0 means no opioids).
    treatments : iterable of str, default empty
        Any of :data:`TREATMENTS`; stored as a frozenset. A bare string is refused.
    baseline_pain : float, default 6.0
        Pain intensity at week 0, 0 to 10.
    baseline_phq9 : float, default 10.0
        PHQ-9 total at week 0, 0 to 27.
    weeks : int, default 26
        Weeks to simulate, 1 to 104.

    Examples
    --------
    >>> maria = Scenario(treatments=["duloxetine", "cbt", "exercise"], baseline_pain=7,
    ...                  baseline_phq9=15)
    >>> sorted(maria.treatments)
    ['cbt', 'duloxetine', 'exercise']
    >>> maria.replace(sleep_hours=5).sleep_hours
    5.0
    >>> Scenario(sleep_hours=2)
    Traceback (most recent call last):
    ...
    ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2
    """

    sleep_hours: float = 7.0
    activity_minutes: float = 150.0
    crp_mg_l: float = 1.0
    opioid_days: int = 0
    treatments: frozenset[str] = field(default_factory=frozenset)
    baseline_pain: float = 6.0
    baseline_phq9: float = 10.0
    weeks: int = 26

    def __post_init__(self) -> None:
        for name in SCENARIO_FIELDS:
            object.__setattr__(self, name, _checked_number(name, getattr(self, name)))
        object.__setattr__(self, "treatments", _checked_treatments(self.treatments))

    def replace(self, **changes: object) -> Scenario:
        """A checked copy with some fields changed.

        Parameters
        ----------
        **changes
            Field names and new values.

        Returns
        -------
        Scenario
            The new scenario (validated like any other).

        Raises
        ------
        ValueError
            If a name is not a field, or a value is out of range.

        Examples
        --------
        >>> Scenario().replace(treatments={"cbt"}).treatments
        frozenset({'cbt'})
        >>> Scenario().replace(sleep=5)
        Traceback (most recent call last):
        ...
        ValueError: unknown Scenario field 'sleep'; fields: sleep_hours, activity_minutes, \
crp_mg_l, opioid_days, treatments, baseline_pain, baseline_phq9, weeks
        """
        names = [f.name for f in dataclasses.fields(self)]
        for name in changes:
            if name not in names:
                raise ValueError(f"unknown Scenario field {name!r}; fields: {', '.join(names)}")
        return dataclasses.replace(self, **changes)


# --------------------------------------------------------------------------- coefficients
def _relax_share(time_constant_weeks: float) -> float:
    """Share of the remaining gap closed in one week for a given time constant."""
    return 1.0 - math.exp(-1.0 / time_constant_weeks)


@dataclass(frozen=True)
class _Coefficients:
    """Model coefficients in working units, compiled from the evidence table."""

    share_pain: float
    share_phq9: float
    share_stress: float
    share_sleep: float
    share_deconditioning: float
    share_inflammation: float
    share_opioid: float
    pain_per_phq9_point: float
    phq9_per_pain_point: float
    stress_per_pain_point: float
    stress_per_phq9_point: float
    pain_per_stress: float
    phq9_per_stress: float
    sleep_reference_hours: float
    pain_per_sleep_hour: float
    phq9_per_sleep_hour: float
    activity_reference_minutes: float
    pain_at_full_deconditioning: float
    phq9_at_full_deconditioning: float
    crp_reference_mg_l: float
    crp_log_sd: float
    pain_per_inflammation: float
    phq9_per_inflammation: float
    opioid_step1_days: float
    opioid_step2_days: float
    opioid_step1_level: float
    opioid_step2_level: float
    phq9_per_opioid_blunting: float
    treatment_pain_fraction: np.ndarray
    treatment_phq9_fraction: np.ndarray
    treatment_onset_weeks: np.ndarray
    baseline_pain_sd: float
    baseline_phq9_sd: float
    lever_sensitivity_sd_log: float
    treatment_response_sd_log: float
    loop_gain: float


def _loop_matrix(p: Mapping[str, float]) -> np.ndarray:
    """Coupling matrix between pain, PHQ-9 and stress, each in SD units."""
    return np.array(
        [
            [0.0, p["coupling_phq9_to_pain"], p["stress_to_pain"]],
            [p["coupling_pain_to_phq9"], 0.0, p["stress_to_phq9"]],
            [p["stress_from_pain"], p["stress_from_phq9"], 0.0],
        ]
    )


_POSITIVE_PARAMETERS = tuple(
    name
    for name in MODEL_PARAMETERS
    if name.endswith(("_weeks", "_sd_points", "_hours", "_days", "_reference_mg_l"))
    or name
    in (
        "activity_reference_minutes",
        "crp_log_sd",
        "treatment_reference_pain",
        "treatment_reference_phq9",
    )
)
_NON_NEGATIVE_PARAMETERS = tuple(
    name
    for name in MODEL_PARAMETERS
    if name.startswith(("coupling_", "stress_from_", "stress_to_", "cohort_baseline_"))
    or name.endswith("_sd_log")
)


def _compile(p: Mapping[str, float]) -> _Coefficients:
    missing = [name for name in MODEL_PARAMETERS if name not in p]
    if missing:
        raise ValueError(f"the evidence table lacks the model parameters {missing}")
    for names, rule, allowed in (
        (_POSITIVE_PARAMETERS, "positive", lambda value: value > 0),
        (_NON_NEGATIVE_PARAMETERS, "zero or positive", lambda value: value >= 0),
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
    gain = float(np.max(np.abs(np.linalg.eigvals(_loop_matrix(p)))))
    if gain >= 1.0:
        raise ValueError(
            "the couplings coupling_*, stress_from_* and stress_to_* give a loop gain of "
            f"{gain:.2f}; it must stay below 1 for pain and PHQ-9 to settle"
        )
    pain_sd, phq9_sd = p["pain_sd_points"], p["phq9_sd_points"]
    pain_fraction = np.array(
        [p[f"{name}_pain_smd"] * pain_sd / p["treatment_reference_pain"] for name in TREATMENTS]
    )
    phq9_fraction = np.array(
        [p[f"{name}_phq9_smd"] * phq9_sd / p["treatment_reference_phq9"] for name in TREATMENTS]
    )
    for name, pain, phq9 in zip(TREATMENTS, pain_fraction, phq9_fraction, strict=True):
        if max(pain, phq9) >= 1.0:
            raise ValueError(
                f"evidence parameters {name}_pain_smd and {name}_phq9_smd must each remove "
                "less than the whole reference score (treatment_reference_*); lower them"
            )
    return _Coefficients(
        share_pain=_relax_share(p["pain_time_constant_weeks"]),
        share_phq9=_relax_share(p["phq9_time_constant_weeks"]),
        share_stress=_relax_share(p["stress_time_constant_weeks"]),
        share_sleep=_relax_share(p["sleep_debt_time_constant_weeks"]),
        share_deconditioning=_relax_share(p["deconditioning_time_constant_weeks"]),
        share_inflammation=_relax_share(p["inflammation_time_constant_weeks"]),
        share_opioid=_relax_share(p["opioid_blunting_time_constant_weeks"]),
        pain_per_phq9_point=p["coupling_phq9_to_pain"] * pain_sd / phq9_sd,
        phq9_per_pain_point=p["coupling_pain_to_phq9"] * phq9_sd / pain_sd,
        stress_per_pain_point=p["stress_from_pain"] / pain_sd,
        stress_per_phq9_point=p["stress_from_phq9"] / phq9_sd,
        pain_per_stress=p["stress_to_pain"] * pain_sd,
        phq9_per_stress=p["stress_to_phq9"] * phq9_sd,
        sleep_reference_hours=p["sleep_reference_hours"],
        pain_per_sleep_hour=p["sleep_problem_pain_smd"] * pain_sd / p["sleep_short_contrast_hours"],
        phq9_per_sleep_hour=(
            p["sleep_short_depression_smd"] * phq9_sd / p["sleep_short_contrast_hours"]
        ),
        activity_reference_minutes=p["activity_reference_minutes"],
        pain_at_full_deconditioning=p["deconditioning_pain_smd"] * pain_sd,
        phq9_at_full_deconditioning=p["deconditioning_phq9_smd"] * phq9_sd,
        crp_reference_mg_l=p["crp_reference_mg_l"],
        crp_log_sd=p["crp_log_sd"],
        pain_per_inflammation=p["inflammation_pain_smd"] * pain_sd,
        phq9_per_inflammation=p["crp_depression_r"] * phq9_sd,
        opioid_step1_days=p["opioid_duration_step1_days"],
        opioid_step2_days=p["opioid_duration_step2_days"],
        opioid_step1_level=p["opioid_90_180_phq9_smd"],
        opioid_step2_level=p["opioid_over_180_phq9_smd"],
        phq9_per_opioid_blunting=phq9_sd,
        treatment_pain_fraction=pain_fraction,
        treatment_phq9_fraction=phq9_fraction,
        treatment_onset_weeks=np.array([p[f"{name}_onset_weeks"] for name in TREATMENTS]),
        baseline_pain_sd=p["cohort_baseline_pain_sd"],
        baseline_phq9_sd=p["cohort_baseline_phq9_sd"],
        lever_sensitivity_sd_log=p["lever_sensitivity_sd_log"],
        treatment_response_sd_log=p["treatment_response_sd_log"],
        loop_gain=gain,
    )


_compiled: list[tuple[Mapping[str, float], _Coefficients]] = []


def _coefficients() -> _Coefficients:
    """Coefficients of the active evidence table, compiled once per table."""
    table = evidence.values()
    if not _compiled or _compiled[0][0] is not table:
        _compiled[:] = [(table, _compile(table))]
    return _compiled[0][1]


def loop_gain() -> float:
    """Strength of the pain-depression-stress loop (spectral radius of its couplings).

    A push on pain or mood comes back around the loop multiplied by this number, so a
    one-off push is amplified by about ``1 / (1 - gain)`` once things settle. The model
    refuses couplings that give a gain of 1 or more (the loop would run away).

    Returns
    -------
    float
        Between 0 and 1.

    References
    ----------
    Illustrative couplings; mutual maintenance after Sharp & Harvey, Clin Psychol Rev
    2001;21:857 (see evidence rows ``coupling_*`` and ``stress_*``).

    Examples
    --------
    >>> 0 < loop_gain() < 1
    True
    """
    return _coefficients().loop_gain


# --------------------------------------------------------------------------- engine
def _combined_fractions(fractions: np.ndarray, onset: np.ndarray) -> np.ndarray:
    """Combined treatment fraction for every week (rows) and treatment set (columns).

    Treatment set ``k`` holds treatment ``i`` when bit ``i`` of ``k`` is set; the fraction
    of baseline removed is ``1 - prod_i (1 - f_i * onset_i(t))`` (sub-additive).
    """
    sets = (np.arange(1 << len(TREATMENTS))[:, None] >> np.arange(len(TREATMENTS))) & 1
    kept = np.log1p(-fractions * onset)  # (weeks + 1, treatments)
    return -np.expm1(kept @ sets.T)


def _run(
    levers: Mapping[str, np.ndarray],
    treatment_mask: np.ndarray,
    baseline_pain: np.ndarray,
    baseline_phq9: np.ndarray,
    weeks: int,
    lever_multiplier: np.ndarray | None,
    response_multiplier: np.ndarray | None,
    dtype: type[np.floating],
    keep_mediators: bool,
) -> dict[str, np.ndarray]:
    """Step all patients forward week by week; arrays come back shaped (weeks + 1, n).

    Inputs are already checked; multipliers of ``None`` mean the typical patient (1).
    The loop runs over weeks only (never over patients) and works in place: each output
    row first collects that week's pushes and then becomes the new scores, kept as
    deviations from baseline until the baselines are added at the end.
    """
    c = _coefficients()
    n = baseline_pain.shape[0]
    week_numbers = np.arange(weeks + 1)
    multiplier = np.ones((len(LEVERS), n)) if lever_multiplier is None else lever_multiplier.T
    sleep_m, activity_m, crp_m, opioid_m = multiplier

    # Sleep debt, deconditioning and inflammation follow fixed levers, so each reaches
    # target * (1 - (1 - share)^t) at week t; mediators no patient has are skipped.
    fixed_mediators = {
        "sleep_debt": (
            np.maximum(c.sleep_reference_hours - levers["sleep_hours"], 0.0),
            c.share_sleep,
            sleep_m,
            c.pain_per_sleep_hour,
            c.phq9_per_sleep_hour,
        ),
        "deconditioning": (
            np.maximum(1.0 - levers["activity_minutes"] / c.activity_reference_minutes, 0.0),
            c.share_deconditioning,
            activity_m,
            c.pain_at_full_deconditioning,
            c.phq9_at_full_deconditioning,
        ),
        "inflammation": (
            np.maximum(np.log(levers["crp_mg_l"] / c.crp_reference_mg_l), 0.0) / c.crp_log_sd,
            c.share_inflammation,
            crp_m,
            c.pain_per_inflammation,
            c.phq9_per_inflammation,
        ),
    }
    growth = {
        name: 1.0 - (1.0 - share) ** week_numbers
        for name, (_, share, _, _, _) in fixed_mediators.items()
    }
    lever_pushes = [
        (
            growth[name].tolist(),
            (c.share_pain * pain_effect * sensitivity * target).astype(dtype),
            (c.share_phq9 * phq9_effect * sensitivity * target).astype(dtype),
        )
        for name, (target, _, sensitivity, pain_effect, phq9_effect) in fixed_mediators.items()
        if target.any()
    ]

    # Opioid days keep counting; reward blunting heads for the first step from the week
    # the count reaches 90 days and for the second from the week it passes 180 days.
    days = levers["opioid_days"]
    on_opioids = days > 0
    step_weeks = [
        np.where(on_opioids, np.maximum(first_week, 1), weeks + 1).astype(np.int32)
        for first_week in (
            np.ceil((c.opioid_step1_days - days) / _DAYS_PER_WEEK),
            np.floor((c.opioid_step2_days - days) / _DAYS_PER_WEEK) + 1,
        )
    ]
    step_levels = (c.opioid_step1_level, c.opioid_step2_level)
    change_weeks = set(np.unique(step_weeks).tolist()) if on_opioids.any() else set()
    blunting_weight = (c.share_phq9 * c.phq9_per_opioid_blunting * opioid_m).astype(dtype)
    blunting_level = np.zeros(n, dtype=dtype)

    # Treatments remove a share of baseline: the combined fraction for the patient's set
    # of treatments times their response multiplier, never more than the whole baseline.
    treated = bool(treatment_mask.any())
    treatment_set = np.zeros(n, dtype=np.intp)
    for bit, column in enumerate(treatment_mask.T):
        treatment_set[column] |= 1 << bit
    # A cohort for one scenario shares one set: then a scalar per week replaces a lookup.
    shared_set = int(treatment_set[0]) if (treatment_set == treatment_set[0]).all() else None
    onset = 1.0 - np.exp(-week_numbers[:, None] / c.treatment_onset_weeks)
    response = 1.0 if response_multiplier is None else response_multiplier
    outcomes = {
        "pain": (baseline_pain, c.share_pain, c.treatment_pain_fraction, _PAIN_MAX),
        "phq9": (baseline_phq9, c.share_phq9, c.treatment_phq9_fraction, _PHQ9_MAX),
    }
    fraction = {
        name: _combined_fractions(fractions, onset).astype(dtype)
        for name, (_, _, fractions, _) in outcomes.items()
    }
    most_relief = {
        name: (share * base).astype(dtype) for name, (base, share, _, _) in outcomes.items()
    }
    relief_scale = {name: (value * response).astype(dtype) for name, value in most_relief.items()}
    baseline = {name: base.astype(dtype) for name, (base, _, _, _) in outcomes.items()}
    low = {name: -value for name, value in baseline.items()}
    high = {name: top - baseline[name] for name, (_, _, _, top) in outcomes.items()}

    rows = {name: np.empty((weeks + 1, n), dtype=dtype) for name in outcomes}
    rows["pain"][0] = rows["phq9"][0] = 0.0
    pain, phq9 = rows["pain"][0], rows["phq9"][0]
    stress, blunting, scratch = (np.zeros(n, dtype=dtype) for _ in range(3))
    history_shape = (weeks + 1, n) if keep_mediators else (0, n)
    stress_history = np.zeros(history_shape, dtype=dtype)
    blunting_history = np.zeros(history_shape, dtype=dtype)

    for week in range(1, weeks + 1):
        pain_row, phq9_row = rows["pain"][week], rows["phq9"][week]
        pain_row.fill(0.0)
        phq9_row.fill(0.0)
        for mediator_growth, pain_push, phq9_push in lever_pushes:
            pain_row += np.multiply(pain_push, mediator_growth[week], out=scratch)
            phq9_row += np.multiply(phq9_push, mediator_growth[week], out=scratch)
        # HPA stress moves towards a level set by last week's pain and PHQ-9.
        stress *= 1.0 - c.share_stress
        stress += np.multiply(pain, c.share_stress * c.stress_per_pain_point, out=scratch)
        stress += np.multiply(phq9, c.share_stress * c.stress_per_phq9_point, out=scratch)
        if change_weeks:
            if week in change_weeks:
                for first_week, level in zip(step_weeks, step_levels, strict=True):
                    blunting_level[first_week == week] = level
            blunting *= 1.0 - c.share_opioid
            blunting += np.multiply(blunting_level, c.share_opioid, out=scratch)
            phq9_row += np.multiply(blunting, blunting_weight, out=scratch)
        if treated:
            for name, row in (("pain", pain_row), ("phq9", phq9_row)):
                if shared_set is None:
                    np.take(fraction[name][week], treatment_set, out=scratch)
                    scratch *= relief_scale[name]
                else:
                    np.multiply(relief_scale[name], fraction[name][week, shared_set], out=scratch)
                row -= np.minimum(scratch, most_relief[name], out=scratch)
        # Each score moves a share of the way to baseline + pushes + coupling.
        pain_row += np.multiply(phq9, c.share_pain * c.pain_per_phq9_point, out=scratch)
        pain_row += np.multiply(stress, c.share_pain * c.pain_per_stress, out=scratch)
        pain_row += np.multiply(pain, 1.0 - c.share_pain, out=scratch)
        phq9_row += np.multiply(pain, c.share_phq9 * c.phq9_per_pain_point, out=scratch)
        phq9_row += np.multiply(stress, c.share_phq9 * c.phq9_per_stress, out=scratch)
        phq9_row += np.multiply(phq9, 1.0 - c.share_phq9, out=scratch)
        for name, row in (("pain", pain_row), ("phq9", phq9_row)):
            np.minimum(np.maximum(row, low[name], out=row), high[name], out=row)
        pain, phq9 = pain_row, phq9_row
        if keep_mediators:
            stress_history[week] = stress
            blunting_history[week] = blunting

    for name in outcomes:
        rows[name] += baseline[name]
    if keep_mediators:
        for name, (target, *_) in fixed_mediators.items():
            rows[name] = growth[name][:, None] * target
        rows["stress"] = stress_history
        rows["opioid_blunting"] = blunting_history
    return rows


def _checked_levers(arrays: Mapping[str, object]) -> tuple[dict[str, np.ndarray], int]:
    """Check lever and baseline arrays of :func:`simulate_patients`; return float64 arrays."""
    checked: dict[str, np.ndarray] = {}
    size = None
    for name, values in arrays.items():
        spec = SCENARIO_FIELDS[name]
        rule = f"{name} must be a 1-D array of numbers from {spec.minimum:g} to {spec.maximum:g}"
        array = np.asarray(values)
        if array.dtype.kind not in "iuf" or array.ndim != 1:
            raise ValueError(f"{rule} ({spec.unit}); got dtype {array.dtype}, shape {array.shape}")
        array = array.astype(np.float64)
        bad = ~(np.isfinite(array) & (array >= spec.minimum) & (array <= spec.maximum))
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise ValueError(f"{rule} ({spec.unit}); got {array[index]!r} at index {index}")
        if size is None:
            size = array.shape[0]
        elif array.shape[0] != size:
            raise ValueError(
                f"{name} has {array.shape[0]} values but sleep_hours has {size}; "
                "every array must hold one value per patient"
            )
        checked[name] = array
    if not size:
        raise ValueError("sleep_hours must hold at least one patient")
    return checked, size


def _checked_weeks(weeks: object) -> int:
    if isinstance(weeks, bool | np.bool_) or not isinstance(weeks, numbers.Integral):
        raise ValueError(f"{_describe_range('weeks')}; got {weeks!r}")
    return _checked_number("weeks", weeks)


def simulate_patients(
    sleep_hours: np.ndarray,
    activity_minutes: np.ndarray,
    crp_mg_l: np.ndarray,
    opioid_days: np.ndarray,
    treatment_mask: np.ndarray,
    baseline_pain: np.ndarray,
    baseline_phq9: np.ndarray,
    weeks: int,
    rng: np.random.Generator,
    *,
    dtype: type[np.floating] = np.float64,
) -> tuple[np.ndarray, np.ndarray]:
    """Simulate many virtual patients at once, each with their own levers and treatments.

    The vectorized core behind :func:`simulate_cohort` and the synthetic cohort. Each
    patient gets a lognormal sensitivity multiplier (median 1) for each lever and one for
    their response to treatment, drawn from ``rng``; then all patients are stepped forward
    together, week by week.

    Parameters
    ----------
    sleep_hours, activity_minutes, crp_mg_l, opioid_days : array_like, shape (n,)
        Levers per patient, in the ranges of :data:`SCENARIO_FIELDS` (hours per night,
        minutes per week, mg/L, days of continuous opioid use so far).
    treatment_mask : array_like of bool, shape (n, 6)
        True where a patient receives a treatment; columns in the order of
        :data:`TREATMENTS`.
    baseline_pain, baseline_phq9 : array_like, shape (n,)
        Scores at week 0 (pain 0-10, PHQ-9 0-27).
    weeks : int
        Weeks to simulate, 1 to 104.
    rng : numpy.random.Generator
        Source of the between-patient variation; the same generator state gives the same
        patients. ``n * 5`` standard normals are drawn.
    dtype : {numpy.float64, numpy.float32}, keyword-only
        Precision of the computation and the result.

    Returns
    -------
    pain, phq9 : numpy.ndarray, shape (n, weeks + 1)
        Week 0 holds the baselines. Pain stays in [0, 10] and PHQ-9 in [0, 27].

    Raises
    ------
    ValueError
        If an array has the wrong shape, type or a value out of range (the message names
        it), ``weeks`` is out of range or ``rng`` is not a ``numpy.random.Generator``.

    References
    ----------
    Spread of sensitivity and treatment response: evidence rows
    ``lever_sensitivity_sd_log`` and ``treatment_response_sd_log`` (illustrative,
    anchored on Kroenke et al., JAMA 2009 and JAMA 2014). Other coefficients: see
    :data:`MODEL_PARAMETERS` and ``docs/model.md``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> mask = np.zeros((2, len(TREATMENTS)), dtype=bool)
    >>> mask[1, TREATMENTS.index("duloxetine")] = True
    >>> pain, phq9 = simulate_patients(
    ...     sleep_hours=np.array([5.0, 7.0]), activity_minutes=np.array([30.0, 150.0]),
    ...     crp_mg_l=np.array([3.0, 1.0]), opioid_days=np.array([200.0, 0.0]),
    ...     treatment_mask=mask, baseline_pain=np.array([6.0, 6.0]),
    ...     baseline_phq9=np.array([12.0, 12.0]), weeks=12, rng=rng)
    >>> pain.shape
    (2, 13)
    >>> bool(phq9[0, 12] > phq9[0, 0] and phq9[1, 12] < phq9[1, 0])
    True
    """
    levers, size = _checked_levers(
        {
            "sleep_hours": sleep_hours,
            "activity_minutes": activity_minutes,
            "crp_mg_l": crp_mg_l,
            "opioid_days": opioid_days,
            "baseline_pain": baseline_pain,
            "baseline_phq9": baseline_phq9,
        }
    )
    mask = np.asarray(treatment_mask)
    if mask.dtype != np.bool_ or mask.shape != (size, len(TREATMENTS)):
        raise ValueError(
            f"treatment_mask must be a bool array of shape ({size}, {len(TREATMENTS)}) with "
            f"columns {', '.join(TREATMENTS)}; got dtype {mask.dtype}, shape {mask.shape}"
        )
    weeks = _checked_weeks(weeks)
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator; got {type(rng).__name__}")
    if dtype not in (np.float64, np.float32):
        raise ValueError(f"dtype must be numpy.float64 or numpy.float32; got {dtype!r}")
    c = _coefficients()
    draws = rng.standard_normal((size, len(LEVERS) + 1))
    lever_multiplier = np.exp(c.lever_sensitivity_sd_log * draws[:, : len(LEVERS)])
    response_multiplier = np.exp(c.treatment_response_sd_log * draws[:, len(LEVERS)])
    out = _run(
        levers,
        mask,
        levers["baseline_pain"],
        levers["baseline_phq9"],
        weeks,
        lever_multiplier,
        response_multiplier,
        dtype,
        keep_mediators=False,
    )
    return out["pain"].T, out["phq9"].T


# --------------------------------------------------------------------------- public API
def _checked_scenario(scenario: object) -> Scenario:
    if not isinstance(scenario, Scenario):
        raise TypeError(f"scenario must be a Scenario; got {type(scenario).__name__}")
    return scenario


def _scenario_arrays(scenarios: list[Scenario]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    levers = {name: np.array([getattr(s, name) for s in scenarios], float) for name in LEVERS}
    mask = np.array([[name in s.treatments for name in TREATMENTS] for s in scenarios])
    return levers, mask.reshape(len(scenarios), len(TREATMENTS))


def trajectory(scenario: Scenario) -> pd.DataFrame:
    """Week-by-week course of the typical patient in a scenario (deterministic).

    Parameters
    ----------
    scenario : Scenario
        Levers, treatments, baselines and number of weeks.

    Returns
    -------
    pandas.DataFrame
        One row per week ``0..scenario.weeks`` with columns ``week``, ``pain`` (0-10),
        ``phq9`` (0-27) and the mediators: ``inflammation`` (SDs of ln CRP above
        1 mg/L, 0 at or below it), ``stress`` (HPA stress, z-score, 0 at baseline),
        ``sleep_debt`` (hours per night below 7 h), ``deconditioning`` (0-1, share of
        150 minutes of weekly activity missing) and ``opioid_blunting`` (latent depression
        SD, 0 to about 0.23).

    References
    ----------
    Equations and the evidence row behind each term: ``docs/model.md``.

    Examples
    --------
    >>> course = trajectory(Scenario(sleep_hours=5, weeks=12))
    >>> list(course.columns)
    ['week', 'pain', 'phq9', 'inflammation', 'stress', 'sleep_debt', 'deconditioning', \
'opioid_blunting']
    >>> course.loc[12, ["pain", "phq9"]].round(1).tolist()
    [6.9, 14.0]
    >>> trajectory(Scenario(weeks=4))["phq9"].tolist()
    [10.0, 10.0, 10.0, 10.0, 10.0]
    """
    scenario = _checked_scenario(scenario)
    levers, mask = _scenario_arrays([scenario])
    out = _run(
        levers,
        mask,
        np.array([scenario.baseline_pain]),
        np.array([scenario.baseline_phq9]),
        scenario.weeks,
        None,
        None,
        np.float64,
        keep_mediators=True,
    )
    columns = {"week": np.arange(scenario.weeks + 1)}
    columns.update({name: out[name][:, 0] for name in ("pain", "phq9", *MEDIATORS)})
    return pd.DataFrame(columns)


def simulate_cohort(scenario: Scenario, n: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Simulate ``n`` virtual patients who all share one scenario but differ as people do.

    Each patient's baselines are spread around the scenario's (evidence rows
    ``cohort_baseline_pain_sd`` and ``cohort_baseline_phq9_sd``, clipped to the scales);
    their sensitivity to each lever and their response to treatment vary as in
    :func:`simulate_patients`, on which this function is built.

    Parameters
    ----------
    scenario : Scenario
        Shared levers, treatments, baseline centre and number of weeks.
    n : int, default 1000
        Number of patients, 1 to 1,000,000.
    seed : int, default 0
        Seed (0 or more); the same seed gives the same cohort.

    Returns
    -------
    pandas.DataFrame
        ``n * (weeks + 1)`` rows sorted by patient then week, with columns ``patient``
        (int32, 0..n-1), ``week`` (int32), ``pain`` and ``phq9`` (float32).

    References
    ----------
    Spread parameters are illustrative evidence rows; see ``docs/model.md``.

    Examples
    --------
    >>> cohort = simulate_cohort(Scenario(weeks=12), n=200, seed=3)
    >>> cohort.shape
    (2600, 4)
    >>> cohort.equals(simulate_cohort(Scenario(weeks=12), n=200, seed=3))
    True
    """
    scenario = _checked_scenario(scenario)
    if (
        isinstance(n, bool | np.bool_)
        or not isinstance(n, numbers.Integral)
        or not (1 <= n <= 1_000_000)
    ):
        raise ValueError(f"n must be a whole number from 1 to 1000000 (patients); got {n!r}")
    if isinstance(seed, bool | np.bool_) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be a whole number, 0 or more; got {seed!r}")
    n = int(n)
    c = _coefficients()
    rng = np.random.default_rng(int(seed))
    spread = rng.standard_normal((n, 2))
    baseline_pain = np.clip(
        scenario.baseline_pain + c.baseline_pain_sd * spread[:, 0], 0.0, _PAIN_MAX
    )
    baseline_phq9 = np.clip(
        scenario.baseline_phq9 + c.baseline_phq9_sd * spread[:, 1], 0.0, _PHQ9_MAX
    )
    levers, mask = _scenario_arrays([scenario])
    pain, phq9 = simulate_patients(
        **{name: np.repeat(values, n) for name, values in levers.items()},
        treatment_mask=np.repeat(mask, n, axis=0),
        baseline_pain=baseline_pain,
        baseline_phq9=baseline_phq9,
        weeks=scenario.weeks,
        rng=rng,
        dtype=np.float32,
    )
    weeks = scenario.weeks + 1
    return pd.DataFrame(
        {
            "patient": np.repeat(np.arange(n, dtype=np.int32), weeks),
            "week": np.tile(np.arange(weeks, dtype=np.int32), n),
            "pain": pain.ravel(),
            "phq9": phq9.ravel(),
        },
        copy=False,
    )


_OUTCOMES = ("pain", "phq9")
_SUMMARY_QUANTILES = {"p10": 0.1, "p50": 0.5, "p90": 0.9}

SUMMARY_COLUMNS = (
    "week",
    *(f"{outcome}_{label}" for outcome in _OUTCOMES for label in _SUMMARY_QUANTILES),
)
"""Columns of :func:`summarize`, in order: the week, then the 10th, 50th and 90th
percentiles of pain and of PHQ-9."""


def summarize(cohort: pd.DataFrame) -> pd.DataFrame:
    """10th, 50th and 90th percentiles of pain and PHQ-9 for each week of a cohort.

    Parameters
    ----------
    cohort : pandas.DataFrame
        Columns ``week``, ``pain`` and ``phq9`` at least (as from :func:`simulate_cohort`).

    Returns
    -------
    pandas.DataFrame
        One row per week with columns ``week, pain_p10, pain_p50, pain_p90, phq9_p10,
        phq9_p50, phq9_p90`` (float64; linear interpolation between patients).

    Raises
    ------
    ValueError
        If a column is missing or the cohort is empty.

    Examples
    --------
    >>> band = summarize(simulate_cohort(Scenario(weeks=4), n=100))
    >>> list(band.columns)
    ['week', 'pain_p10', 'pain_p50', 'pain_p90', 'phq9_p10', 'phq9_p50', 'phq9_p90']
    >>> len(band)
    5
    """
    if not isinstance(cohort, pd.DataFrame):
        raise ValueError(f"cohort must be a pandas DataFrame; got {type(cohort).__name__}")
    missing = [name for name in ("week", "pain", "phq9") if name not in cohort.columns]
    if missing:
        raise ValueError(f"cohort lacks the columns {missing} (needs week, pain, phq9)")
    if cohort.empty:
        raise ValueError("cohort must have at least one row")
    grouped = cohort.groupby("week", sort=True)
    columns = {}
    for outcome in _OUTCOMES:
        by_level = grouped[outcome].quantile(list(_SUMMARY_QUANTILES.values())).unstack()
        for label, level in _SUMMARY_QUANTILES.items():
            columns[f"{outcome}_{label}"] = by_level[level].astype(np.float64)
    return pd.DataFrame(columns).rename_axis("week").reset_index()


def sensitivity(scenario: Scenario, outcome: str = "phq9", week: int = 12) -> pd.DataFrame:
    """One-lever-at-a-time swing of an outcome, for a tornado chart.

    Each lever in :data:`LEVERS` is set to the bottom and the top of its range in
    :data:`SCENARIO_FIELDS` while everything else stays as in ``scenario``; the typical
    patient's outcome at ``week`` is recorded for both.

    Parameters
    ----------
    scenario : Scenario
        The scenario to vary.
    outcome : {"phq9", "pain"}, default "phq9"
        Which score to report.
    week : int, default 12
        Week to read, 0 to ``scenario.weeks``.

    Returns
    -------
    pandas.DataFrame
        Columns ``lever, low, high, outcome_low, outcome_high``, one row per lever, widest
        swing first.

    Raises
    ------
    ValueError
        If ``outcome`` or ``week`` is not allowed.

    Examples
    --------
    >>> bars = sensitivity(Scenario(), outcome="phq9", week=12)
    >>> sorted(bars["lever"])
    ['activity_minutes', 'crp_mg_l', 'opioid_days', 'sleep_hours']
    >>> bars.iloc[0]["lever"]
    'sleep_hours'
    """
    scenario = _checked_scenario(scenario)
    if outcome not in _OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(_OUTCOMES)}; got {outcome!r}")
    if (
        isinstance(week, bool | np.bool_)
        or not isinstance(week, numbers.Integral)
        or not 0 <= week <= scenario.weeks
    ):
        raise ValueError(
            f"week must be a whole number from 0 to {scenario.weeks} (the scenario's weeks); "
            f"got {week!r}"
        )
    week = int(week)
    variants = [
        scenario.replace(**{lever: getattr(SCENARIO_FIELDS[lever], bound)})
        for lever in LEVERS
        for bound in ("minimum", "maximum")
    ]
    levers, mask = _scenario_arrays(variants)
    size = len(variants)
    out = _run(
        levers,
        mask,
        np.full(size, scenario.baseline_pain),
        np.full(size, scenario.baseline_phq9),
        max(week, 1),
        None,
        None,
        np.float64,
        keep_mediators=False,
    )
    at_week = out[outcome][week].reshape(len(LEVERS), 2)
    table = pd.DataFrame(
        {
            "lever": list(LEVERS),
            "low": [SCENARIO_FIELDS[lever].minimum for lever in LEVERS],
            "high": [SCENARIO_FIELDS[lever].maximum for lever in LEVERS],
            "outcome_low": at_week[:, 0],
            "outcome_high": at_week[:, 1],
        }
    )
    swing = (table["outcome_high"] - table["outcome_low"]).abs()
    order = np.argsort(-swing.to_numpy(), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def evidence_behind(scenario: Scenario) -> pd.DataFrame:
    """The evidence rows a scenario's result rests on ("the evidence behind this").

    Always the rows of the pain-depression loop; then the rows of every lever moved away
    from its reference (less than 7 h sleep, less than 150 minutes of activity, CRP other
    than 1 mg/L, any opioid use) and of every treatment chosen.

    Parameters
    ----------
    scenario : Scenario
        The scenario shown.

    Returns
    -------
    pandas.DataFrame
        Rows of ``datasets/evidence.csv`` (all columns), loop first.

    Examples
    --------
    >>> table = evidence_behind(Scenario(opioid_days=120, treatments={"cbt"}))
    >>> "opioid_90_180_phq9_smd" in set(table["parameter"])
    True
    >>> sorted(table.loc[table["parameter"].str.startswith("cbt_"), "parameter"])
    ['cbt_onset_weeks', 'cbt_pain_smd', 'cbt_phq9_smd']
    """
    scenario = _checked_scenario(scenario)
    c = _coefficients()
    moved = {
        "sleep_hours": scenario.sleep_hours < c.sleep_reference_hours,
        "activity_minutes": scenario.activity_minutes < c.activity_reference_minutes,
        "crp_mg_l": scenario.crp_mg_l != c.crp_reference_mg_l,
        "opioid_days": scenario.opioid_days > 0,
    }
    names = list(_LOOP_PARAMETERS)
    for lever in LEVERS:
        if moved[lever]:
            names.extend(_LEVER_PARAMETERS[lever])
    chosen = [name for name in TREATMENTS if name in scenario.treatments]
    if chosen:
        names.extend(_SHARED_TREATMENT_PARAMETERS)
        for name in chosen:
            names.extend(_TREATMENT_PARAMETERS[name])
    return evidence.rows(names)
