"""A weekly model of chronic pain and depression keeping each other going (teaching model).

Two scores, pain (0-10, BPI-style numeric rating) and PHQ-9 (0-27), pull each other up
through a loop with HPA stress (mutual maintenance, Sharp & Harvey, Clin Psychol Rev
2001). Every week:

* **usual care** (the untreated course of a trial's control arm) resolves part of the
  baseline scores, different for each patient (Lunn et al., Cochrane CD007115, 2014;
  Kroenke et al., JAMA 2009);
* **treatments** remove their *specific* share on top of that, combined sub-additively;
* **levers** push through mediators: sleep debt, deconditioning (activity's
  dose-response, which the exercise programme moves along), inflammation (CRP, on mood),
  and opioids (a small pain relief, and a depression risk that rises with duration);
* the loop carries any change in one score over to the other.

Each published effect is reproduced as a net difference, not added on top of what the loop
amplifies (see :mod:`painmood_widgets.dynamics`). The equations are in
:func:`painmood_widgets.dynamics.weekly_step`, the same step that :func:`trajectory` runs;
``docs/model.md`` explains them for teachers, with the calibration table (model beside
published figures). Every coefficient is a row of ``datasets/evidence.csv``. Educational,
not diagnostic.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from painmood_widgets import evidence, kernel
from painmood_widgets.coefficients import (
    COHORT_PARAMETERS,
    LEVER_PARAMETERS,
    LEVERS,
    LOOP_PARAMETERS,
    MEDIATORS,
    MODEL_PARAMETERS,
    NATURAL_COURSE_PARAMETERS,
    PAIN_MAX,
    PHQ9_MAX,
    TREATMENT_EFFECT_ROWS,
    TREATMENT_PARAMETERS,
    TREATMENTS,
    Coefficients,
    coefficients,
)
from painmood_widgets.dynamics import Patient, Week, weekly_step
from painmood_widgets.notes import Note, notes
from painmood_widgets.scenario import (
    SCENARIO_FIELDS,
    TREATMENT_LABELS,
    FieldRange,
    Scenario,
    checked_arrays,
    checked_scenario,
    checked_weeks,
    reference_lifestyle,
    usual_care,
)

__all__ = [
    "COHORT_PARAMETERS",
    "LEVERS",
    "LEVER_PARAMETERS",
    "MEDIATORS",
    "MODEL_PARAMETERS",
    "SCENARIO_FIELDS",
    "SUMMARY_COLUMNS",
    "TREATMENTS",
    "TREATMENT_EFFECT_ROWS",
    "TREATMENT_LABELS",
    "TREATMENT_PARAMETERS",
    "FieldRange",
    "Note",
    "Scenario",
    "dose_response",
    "evidence_behind",
    "lever_effects",
    "loop_gain",
    "notes",
    "reference_lifestyle",
    "sensitivity",
    "simulate_cohort",
    "simulate_patients",
    "summarize",
    "trajectory",
    "usual_care",
]


# --------------------------------------------------------------------------- the typical patient
def _typical(scenario: Scenario, c: Coefficients) -> Patient:
    return Patient(
        baseline_pain=scenario.baseline_pain,
        baseline_phq9=scenario.baseline_phq9,
        sleep_hours=scenario.sleep_hours,
        activity_minutes=scenario.activity_minutes,
        crp_mg_l=scenario.crp_mg_l,
        opioid_days=float(scenario.opioid_days),
        treatments=scenario.treatments,
        sensitivity=(1.0, 1.0, 1.0, 1.0),
        natural_pain=c.natural_course_pain_fraction,
        natural_phq9=c.natural_course_phq9_fraction,
    )


def _course(patient: Patient, weeks: int, c: Coefficients) -> list[Week]:
    week = Week(0, patient.baseline_pain, patient.baseline_phq9)
    course = [week]
    for _ in range(weeks):
        week = weekly_step(week, patient, c)
        course.append(week)
    return course


def trajectory(scenario: Scenario) -> pd.DataFrame:
    """Week-by-week course of the typical patient in a scenario (deterministic).

    The typical patient has every personal multiplier at 1 and the usual-care course of
    the evidence rows; :func:`painmood_widgets.dynamics.weekly_step` moves them on, one
    week at a time.

    Parameters
    ----------
    scenario : Scenario
        Levers, treatments, baselines and number of weeks.

    Returns
    -------
    pandas.DataFrame
        One row per week ``0..scenario.weeks`` with columns ``week``, ``pain`` (0-10),
        ``phq9`` (0-27) and the mediators: ``stress`` (HPA stress, z-score, 0 at
        baseline), ``sleep_debt`` (hours a night below 7), ``deconditioning`` (1 with no
        activity, 0 at 150 minutes a week, negative above), ``inflammation`` (SDs of
        ln CRP above 1 mg/L), ``opioid_analgesia`` (0-1, share of opioids' small pain
        relief reached) and ``opioid_blunting`` (latent depression SD of long use,
        0 to about 0.23).

    Raises
    ------
    TypeError
        If ``scenario`` is not a :class:`Scenario`.

    References
    ----------
    Equations, evidence rows and calibration: ``docs/model.md``.

    Examples
    --------
    >>> course = trajectory(Scenario(weeks=12))
    >>> list(course.columns)
    ['week', 'pain', 'phq9', 'stress', 'sleep_debt', 'deconditioning', 'inflammation', \
'opioid_analgesia', 'opioid_blunting']
    >>> bool(course["phq9"].iloc[-1] < course["phq9"].iloc[0])
    True
    """
    scenario = checked_scenario(scenario)
    c = coefficients()
    course = _course(_typical(scenario, c), scenario.weeks, c)
    return pd.DataFrame(course, columns=Week._fields)


def _at_week(scenario: Scenario, week: int, c: Coefficients) -> Week:
    return _course(_typical(scenario, c), week, c)[week]


# --------------------------------------------------------------------------- many patients
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

    The core behind :func:`simulate_cohort` and the synthetic cohort. Each patient gets
    their own untreated course (the share of the baselines usual care resolves, normal
    around the typical share with SD ``natural_course_spread``, from the responder rates
    of trial control arms) and a lognormal multiplier of each lever's push (median 1,
    log-SD ``lever_sensitivity_sd_log``); then all are stepped forward together by
    :func:`painmood_widgets.kernel.simulate`.

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
        patients. ``n * 6`` standard normals are drawn.
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
    """
    arrays, size = checked_arrays(
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
    weeks = checked_weeks(weeks)
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator; got {type(rng).__name__}")
    if dtype not in (np.float64, np.float32):
        raise ValueError(f"dtype must be numpy.float64 or numpy.float32; got {dtype!r}")
    c = coefficients()
    draws = rng.standard_normal((size, len(LEVERS) + 2))
    pain, phq9 = kernel.simulate(
        **arrays,
        treatment_mask=mask,
        sensitivity=np.exp(c.lever_sensitivity_sd_log * draws[:, : len(LEVERS)]).T,
        natural_pain=c.natural_course_pain_fraction + c.natural_course_spread * draws[:, -2],
        natural_phq9=c.natural_course_phq9_fraction + c.natural_course_spread * draws[:, -1],
        weeks=weeks,
        c=c,
        dtype=dtype,
    )
    return pain.T, phq9.T


def simulate_cohort(scenario: Scenario, n: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Simulate ``n`` virtual patients who all share one scenario but differ as people do.

    Each patient's baselines are spread around the scenario's (evidence rows
    ``cohort_baseline_pain_sd`` and ``cohort_baseline_phq9_sd``, clipped to the scales);
    their untreated course and their sensitivity to each lever vary as in
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

    Examples
    --------
    >>> cohort = simulate_cohort(Scenario(weeks=12), n=200, seed=3)
    >>> cohort.shape
    (2600, 4)
    >>> cohort.equals(simulate_cohort(Scenario(weeks=12), n=200, seed=3))
    True
    """
    scenario = checked_scenario(scenario)
    if (
        isinstance(n, bool | np.bool_)
        or not isinstance(n, numbers.Integral)
        or not (1 <= n <= 1_000_000)
    ):
        raise ValueError(f"n must be a whole number from 1 to 1000000 (patients); got {n!r}")
    if isinstance(seed, bool | np.bool_) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be a whole number, 0 or more; got {seed!r}")
    n = int(n)
    c = coefficients()
    rng = np.random.default_rng(int(seed))
    spread = rng.standard_normal((n, 2))
    ones = np.ones(n)
    pain, phq9 = simulate_patients(
        **{lever: ones * getattr(scenario, lever) for lever in LEVERS},
        treatment_mask=np.tile([name in scenario.treatments for name in TREATMENTS], (n, 1)),
        baseline_pain=np.clip(
            scenario.baseline_pain + c.baseline_pain_sd * spread[:, 0], 0, PAIN_MAX
        ),
        baseline_phq9=np.clip(
            scenario.baseline_phq9 + c.baseline_phq9_sd * spread[:, 1], 0, PHQ9_MAX
        ),
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
    levels = list(_SUMMARY_QUANTILES.values())
    weeks = cohort["week"].to_numpy()
    span = int(weeks.max()) + 1 if weeks.min() == 0 else 0
    if (
        span
        and len(weeks) % span == 0
        and np.array_equal(weeks, np.tile(np.arange(span), len(weeks) // span))
    ):
        # One row per patient and week, patient by patient (as simulate_cohort lays it out):
        # the percentiles of each week's column of a patients x weeks table.
        columns = {"week": np.arange(span, dtype=weeks.dtype)}
        for outcome in _OUTCOMES:
            table = cohort[outcome].to_numpy(np.float64).reshape(-1, span)
            for label, value in zip(
                _SUMMARY_QUANTILES, np.quantile(table, levels, axis=0), strict=True
            ):
                columns[f"{outcome}_{label}"] = value
        return pd.DataFrame(columns)
    grouped = cohort.groupby("week", sort=True)
    columns = {}
    for outcome in _OUTCOMES:
        by_level = grouped[outcome].quantile(levels).unstack()
        for label, level in _SUMMARY_QUANTILES.items():
            columns[f"{outcome}_{label}"] = by_level[level].astype(np.float64)
    return pd.DataFrame(columns).rename_axis("week").reset_index()


# --------------------------------------------------------------------------- what each lever does
def _checked_week(week: object, scenario: Scenario) -> int:
    if (
        isinstance(week, bool | np.bool_)
        or not isinstance(week, numbers.Integral)
        or not 0 <= week <= scenario.weeks
    ):
        raise ValueError(
            f"week must be a whole number from 0 to {scenario.weeks} (the scenario's weeks); "
            f"got {week!r}"
        )
    return int(week)


def lever_effects(scenario: Scenario, week: int) -> pd.DataFrame:
    """What each lever adds at a week, against the same patient at the reference lifestyle.

    For each lever, the typical patient's scores at ``week`` minus those of the same
    scenario with only that lever set to :func:`reference_lifestyle` (positive: worse).

    Parameters
    ----------
    scenario : Scenario
        The scenario shown.
    week : int
        Week to read, 0 to ``scenario.weeks``.

    Returns
    -------
    pandas.DataFrame
        One row per lever in :data:`LEVERS` order: ``lever``, ``value``, ``reference``,
        ``pain`` and ``phq9`` (points added at ``week``).

    Examples
    --------
    >>> effects = lever_effects(Scenario(sleep_hours=5, crp_mg_l=0.5), week=12)
    >>> effects.set_index("lever").loc["crp_mg_l", ["pain", "phq9"]].tolist()
    [0.0, 0.0]
    >>> bool(effects.set_index("lever").loc["sleep_hours", "phq9"] > 0)
    True
    """
    scenario = checked_scenario(scenario)
    week = _checked_week(week, scenario)
    c = coefficients()
    reference = reference_lifestyle()
    shown = _at_week(scenario, week, c)
    rows = []
    for lever in LEVERS:
        base = _at_week(scenario.replace(**{lever: reference[lever]}), week, c)
        rows.append(
            {
                "lever": lever,
                "value": getattr(scenario, lever),
                "reference": reference[lever],
                "pain": shown.pain - base.pain,
                "phq9": shown.phq9 - base.phq9,
            }
        )
    return pd.DataFrame(rows)


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
    """
    scenario = checked_scenario(scenario)
    if outcome not in _OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(_OUTCOMES)}; got {outcome!r}")
    week = _checked_week(week, scenario)
    c = coefficients()
    rows = []
    for lever in LEVERS:
        spec = SCENARIO_FIELDS[lever]
        low, high = (
            getattr(_at_week(scenario.replace(**{lever: bound}), week, c), outcome)
            for bound in (spec.minimum, spec.maximum)
        )
        rows.append((lever, spec.minimum, spec.maximum, low, high))
    table = pd.DataFrame(rows, columns=["lever", "low", "high", "outcome_low", "outcome_high"])
    swing = (table["outcome_high"] - table["outcome_low"]).abs()
    order = np.argsort(-swing.to_numpy(), kind="stable")
    return table.iloc[order].reset_index(drop=True)


_DOSE_POINTS = (2, 201)  # fewest and most lever values a dose-response curve sweeps


def dose_response(scenario: Scenario, lever: str, week: int = 12, points: int = 41) -> pd.DataFrame:
    """One lever swept across its range: the typical patient's pain and PHQ-9 at a week.

    The lever takes ``points`` evenly spaced values from the bottom to the top of its
    range in :data:`SCENARIO_FIELDS` (whole days for ``opioid_days``) while everything
    else stays as in ``scenario``; each value's typical patient is stepped to ``week``
    as :func:`lever_effects` and :func:`sensitivity` step it. So the curves show where
    more of a lever helps, where the model leaves it flat, and how far it can move each
    score; :func:`notes` says why a stretch is flat or extrapolated.

    Parameters
    ----------
    scenario : Scenario
        Everything but the lever (the lever's own value in it is not used).
    lever : {"sleep_hours", "activity_minutes", "crp_mg_l", "opioid_days"}
        The lever to sweep (one of :data:`LEVERS`).
    week : int, default 12
        Week to read, 0 to ``scenario.weeks``.
    points : int, default 41
        How many lever values, 2 to 201.

    Returns
    -------
    pandas.DataFrame
        One row per lever value, in increasing order: ``lever`` (its name), ``value``
        (in the field's unit), ``week``, ``pain`` (0-10) and ``phq9`` (0-27) of the
        typical patient at ``week``, and ``reference`` (the lever's value in
        :func:`reference_lifestyle`, where it adds nothing).

    Raises
    ------
    TypeError
        If ``scenario`` is not a :class:`Scenario`.
    ValueError
        If ``lever`` is not a lever (the message lists them), or ``week`` or ``points``
        is out of range.

    Examples
    --------
    >>> curve = dose_response(Scenario(), "sleep_hours", week=12, points=15)
    >>> list(curve.columns)
    ['lever', 'value', 'week', 'pain', 'phq9', 'reference']
    >>> curve["value"].iloc[[0, -1]].tolist(), float(curve["reference"].iloc[0])
    ([3.0, 10.0], 7.0)
    >>> at = curve.set_index("value")["phq9"]
    >>> bool(at[4.0] > at[7.0]), bool(at[7.0] == at[10.0])
    (True, True)
    >>> dose_response(Scenario(), "sleep")
    Traceback (most recent call last):
    ...
    ValueError: lever must be one of sleep_hours, activity_minutes, crp_mg_l, opioid_days; \
got 'sleep'
    """
    scenario = checked_scenario(scenario)
    if not isinstance(lever, str) or lever not in LEVERS:
        raise ValueError(f"lever must be one of {', '.join(LEVERS)}; got {lever!r}")
    fewest, most = _DOSE_POINTS
    if (
        isinstance(points, bool | np.bool_)
        or not isinstance(points, numbers.Integral)
        or not fewest <= points <= most
    ):
        raise ValueError(
            f"points must be a whole number from {fewest} to {most} (lever values); got {points!r}"
        )
    week = _checked_week(week, scenario)
    spec = SCENARIO_FIELDS[lever]
    values = np.linspace(spec.minimum, spec.maximum, int(points))
    if spec.whole:
        values = np.unique(np.round(values))
    c = coefficients()
    weeks = [
        _at_week(scenario.replace(**{lever: int(value) if spec.whole else float(value)}), week, c)
        for value in values
    ]
    return pd.DataFrame(
        {
            "lever": lever,
            "value": values,
            "week": week,
            "pain": [at.pain for at in weeks],
            "phq9": [at.phq9 for at in weeks],
            "reference": float(reference_lifestyle()[lever]),
        }
    )


def evidence_behind(scenario: Scenario) -> pd.DataFrame:
    """The evidence rows a scenario's result rests on ("the evidence behind this").

    Always the rows of the loop and of usual care; then the rows of every lever moved
    away from :func:`reference_lifestyle`, of every treatment chosen, and of every
    :func:`notes` that applies.

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
    >>> "opioid_pain_relief_points" in set(table["parameter"])
    True
    >>> sorted(table.loc[table["parameter"].str.startswith("cbt_"), "parameter"])
    ['cbt_onset_weeks', 'cbt_pain_smd', 'cbt_phq9_smd']
    """
    scenario = checked_scenario(scenario)
    reference = reference_lifestyle()
    names = list(LOOP_PARAMETERS + NATURAL_COURSE_PARAMETERS)
    for lever in LEVERS:
        if getattr(scenario, lever) != reference[lever]:
            names.extend(LEVER_PARAMETERS[lever])
    for name in TREATMENTS:
        if name in scenario.treatments:
            names.extend(TREATMENT_PARAMETERS[name])
    names.extend(note.parameter for note in notes(scenario))
    return evidence.rows(names)


def loop_gain() -> float:
    """Strength of the pain-depression-stress loop (spectral radius of its couplings).

    A push on pain or mood comes back around the loop multiplied by this number, so a
    one-off push is amplified by about ``1 / (1 - gain)`` once things settle; the model
    calibrates its pushes so that published effects come out as published, not
    amplified. Couplings that give a gain of 1 or more are refused.

    References
    ----------
    Illustrative couplings; mutual maintenance after Sharp & Harvey, Clin Psychol Rev
    2001;21:857 (evidence rows ``coupling_*`` and ``stress_*``).

    Examples
    --------
    >>> 0 < loop_gain() < 1
    True
    """
    return coefficients().loop_gain
