"""The model beside the published figures it is calibrated to, as tables.

Each table is built from the model and the evidence table as they are now:

* :func:`effects_table`: each treatment's and lever's effect for the calibration patient
  (pain 6, PHQ-9 15), at week 12 and in the long run, beside the published figure and
  how it was converted into points;
* :func:`levers_table`: each lever across its range, at week 12;
* :func:`responder_table`: responder rates and mean changes of simulated trial arms
  beside the trials' arms (Lunn 2014, SCAMP, SCOPE, Furukawa 2016), each with the range
  the model must stay in and why;
* :func:`case_table`: Maria's follow-up scores against the band of her scenario;
* :func:`long_run_growth`: how much an effect reproduced at week 12 grows afterwards.

Educational, not diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from painmood_widgets import case, evidence, model
from painmood_widgets.coefficients import coefficients

__all__ = [
    "case_table",
    "effects_table",
    "levers_table",
    "long_run_growth",
    "responder_table",
]

_LONG_RUN_WEEK = 104


def _value(name: str) -> float:
    return evidence.parameter(name)


def _calibration_patient(**changes: object) -> model.Scenario:
    return model.Scenario(
        baseline_pain=_value("calibration_baseline_pain"),
        baseline_phq9=_value("calibration_baseline_phq9"),
        weeks=_LONG_RUN_WEEK,
    ).replace(**changes)


def _scores(scenario: model.Scenario | None, week: int) -> np.ndarray:
    if scenario is None:
        return np.array([_value("calibration_baseline_pain"), _value("calibration_baseline_phq9")])
    row = model.trajectory(scenario).loc[week]
    return np.array([row["pain"], row["phq9"]])


@dataclass(frozen=True)
class _Effect:
    """One published effect on one score, and the two scenarios whose difference shows it.

    ``base`` None means the baseline scores themselves (week 0). ``reproduced`` is when the
    model is set to equal the published figure: "week 12" (trials: end of treatment),
    "long run" (cohort studies), or "by week 12" for opioid duration, whose days keep
    counting so that no fixed duration lasts into the long run.
    """

    name: str
    score: str
    changed: model.Scenario
    base: model.Scenario | None
    row: str | None
    reproduced: str
    sign: float


def _published_points(row: str, score: str) -> tuple[float, str]:
    """A published effect in points, and how it was converted."""
    value = _value(row)
    if row.startswith("natural_course_"):
        base = _value(f"calibration_baseline_{score}")
        return value * base, f"share {value:g} x baseline {base:g}"
    if row.endswith("_points"):
        return value, f"{value:g} points"
    if row.endswith("_r"):
        span = np.log(_value("crp_acute_from_mg_l") / _value("crp_reference_mg_l"))
        sd = _value("phq9_sd_points")
        return value * span / _value("crp_log_sd") * sd, f"r {value:g} x {span:.2f} x SD {sd:g}"
    sd = _value(f"{score}_sd_points")
    return value * sd, f"SMD {value:g} x SD {sd:g}"


def _pair(name, changed, base, rows, reproduced, sign) -> list[_Effect]:
    return [
        _Effect(name, score, changed, base, row, reproduced, sign)
        for score, row in zip(("pain", "phq9"), rows, strict=True)
    ]


def _effects() -> list[_Effect]:
    usual = _calibration_patient()
    short = _value("sleep_reference_hours") - _value("sleep_short_contrast_hours")
    sleepy = _calibration_patient(sleep_hours=short)
    inactive = _calibration_patient(activity_minutes=_value("exercise_trial_activity_minutes"))
    one_day = _calibration_patient(opioid_days=1)
    effects = _pair(
        "usual care (untreated course)",
        usual,
        None,
        ("natural_course_pain_fraction", "natural_course_phq9_fraction"),
        "week 12",
        -1.0,
    )
    for name, label in (
        ("duloxetine", "duloxetine"),
        ("cbt", "CBT"),
        ("mindfulness", "mindfulness"),
        ("social_support", "social support"),
    ):
        rows = model.TREATMENT_EFFECT_ROWS[name]
        if name == "duloxetine":
            rows = ("lunn_duloxetine_pain_mean_difference_points", rows[1])
        effects += _pair(label, usual.replace(treatments={name}), usual, rows, "week 12", -1.0)
    effects += _pair(
        f"CBT-I, sleeping {short:g} h",
        sleepy.replace(treatments={"cbt_i"}),
        sleepy,
        model.TREATMENT_EFFECT_ROWS["cbt_i"],
        "week 12",
        -1.0,
    )
    effects += _pair(
        "exercise programme, inactive patient",
        inactive.replace(treatments={"exercise"}),
        inactive,
        ("exercise_pain_smd", "activity_depression_smd"),
        "long run",
        -1.0,
    )
    effects += _pair(
        f"sleep {short:g} h instead of 7 h",
        sleepy,
        usual,
        ("sleep_problem_pain_smd", "sleep_short_depression_smd"),
        "long run",
        1.0,
    )
    effects += _pair(
        "no activity instead of 150 minutes a week",
        inactive,
        usual,
        ("activity_pain_smd", "activity_depression_smd"),
        "long run",
        1.0,
    )
    effects += _pair(
        f"CRP {_value('crp_acute_from_mg_l'):g} mg/L instead of 1",
        _calibration_patient(crp_mg_l=_value("crp_acute_from_mg_l")),
        usual,
        (None, "crp_depression_r"),
        "long run",
        1.0,
    )
    effects += _pair(
        "opioids (under 90 days by week 12) instead of none",
        one_day,
        usual,
        ("opioid_pain_relief_points", None),
        "by week 12",
        -1.0,
    )
    effects += _pair(
        "opioids for 200 days instead of 1 day (use continues)",
        _calibration_patient(opioid_days=200),
        one_day,
        (None, "opioid_over_180_phq9_smd"),
        "by week 12",
        1.0,
    )
    return effects


_ALLOWED = {
    "week 12": ("model, week 12", 0.99, 1.01, "equal at week 12 (within 1%)"),
    "long run": ("model, long run", 0.99, 1.01, "equal in the long run (within 1%)"),
    "by week 12": ("model, week 12", 0.8, 1.0, "80-100% of it at week 12"),
}
"""For each kind of effect: the column checked, the allowed range as shares of the
published figure, and the rule in words."""


def effects_table() -> pd.DataFrame:
    """Each effect for the calibration patient beside its published figure, in points.

    Differences are the changed scenario minus its comparison: negative means lower
    (better) scores. Published figures carry the same sign.

    Returns
    -------
    pandas.DataFrame
        One row per effect and score: ``effect``, ``score`` ("pain" or "phq9"),
        ``published`` (points; empty where the evidence gives no figure for that score,
        which then moves only through the loop), ``conversion``, ``reproduced``,
        ``model, week 12``, ``model, long run`` (week 104), ``checked`` (the column the
        rule applies to), ``low`` and ``high`` (the allowed range), ``rule``, and the
        row's ``source`` and ``evidence_level``.

    Examples
    --------
    >>> table = effects_table().set_index(["effect", "score"])
    >>> float(round(table.loc[("CBT", "phq9"), "published"], 2))
    -1.9
    >>> float(round(table.loc[("CBT", "phq9"), "model, week 12"], 2))
    -1.9
    """
    c = coefficients()
    rows = []
    for effect in _effects():
        index = 0 if effect.score == "pain" else 1
        changes = {}
        for week, column in (
            (c.calibration_week, "model, week 12"),
            (_LONG_RUN_WEEK, "model, long run"),
        ):
            changes[column] = float(
                _scores(effect.changed, week)[index] - _scores(effect.base, week)[index]
            )
        entry = {"effect": effect.name, "score": effect.score, "reproduced": effect.reproduced}
        if effect.row is None:
            entry.update(
                published=np.nan,
                conversion="none: moves only through the loop",
                checked="",
                low=np.nan,
                high=np.nan,
                rule="",
                source="",
                evidence_level="",
            )
        else:
            points, conversion = _published_points(effect.row, effect.score)
            published = effect.sign * points
            checked, low_share, high_share, rule = _ALLOWED[effect.reproduced]
            bounds = sorted((low_share * published, high_share * published))
            row = evidence.rows([effect.row]).iloc[0]
            entry.update(
                published=published,
                conversion=conversion,
                checked=checked,
                low=bounds[0],
                high=bounds[1],
                rule=rule,
                source=row["source"],
                evidence_level=row["evidence_level"],
            )
        if effect.reproduced == "by week 12":
            changes["model, long run"] = np.nan
        entry.update(changes)
        rows.append(entry)
    columns = [
        "effect",
        "score",
        "published",
        "conversion",
        "reproduced",
        "model, week 12",
        "model, long run",
        "checked",
        "low",
        "high",
        "rule",
        "source",
        "evidence_level",
    ]
    return pd.DataFrame(rows)[columns]


# --------------------------------------------------------------------------- trial arms
@dataclass(frozen=True)
class _Arm:
    trial: str
    measure: str
    published: Callable[[], float]
    simulated: Callable[[dict[str, pd.DataFrame]], float]
    low: Callable[[], float]
    high: Callable[[], float]
    why: str


def _at(cohort: pd.DataFrame, week: int) -> pd.DataFrame:
    start = cohort[cohort["week"] == 0].set_index("patient")
    later = cohort[cohort["week"] == week].set_index("patient")
    return pd.DataFrame(
        {
            "pain_drop": (start["pain"] - later["pain"]).astype(float),
            "pain_share": ((start["pain"] - later["pain"]) / start["pain"]).astype(float),
            "phq9_share": ((start["phq9"] - later["phq9"]) / start["phq9"]).astype(float),
        }
    )


def _percent(arm: str, column: str, threshold: float, week: int):
    return lambda cohorts: 100.0 * float((_at(cohorts[arm], week)[column] >= threshold).mean())


def _near(row: str, margin: float) -> tuple[Callable[[], float], Callable[[], float]]:
    return (lambda: _value(row) - margin), (lambda: _value(row) + margin)


def _arms() -> list[_Arm]:
    week = int(_value("calibration_week"))
    tolerance = 8.0

    def pain_drop(cohorts: dict[str, pd.DataFrame]) -> float:
        return float(_at(cohorts["usual care"], week)["pain_drop"].mean())

    def nnt(cohorts: dict[str, pd.DataFrame]) -> float:
        treated = _percent("duloxetine", "pain_share", 0.5, week)(cohorts)
        return 100.0 / (treated - _percent("usual care", "pain_share", 0.5, week)(cohorts))

    arms = [
        _Arm(
            "Lunn 2014, placebo",
            "at least 50% pain relief, week 12 (%)",
            lambda: _value("lunn_placebo_pain_relief_50_percent"),
            _percent("usual care", "pain_share", 0.5, week),
            *_near("lunn_placebo_pain_relief_50_percent", 2.0),
            "calibrated: sets the spread of the untreated course",
        ),
        _Arm(
            "Lunn 2014, placebo",
            "mean pain improvement, week 12 (points)",
            lambda: _value("lunn_placebo_pain_improvement_points"),
            pain_drop,
            *_near("lunn_placebo_pain_improvement_points", 0.25),
            "calibrated: the typical patient's untreated course",
        ),
        _Arm(
            "Lunn 2014, placebo",
            "at least 30% pain relief, week 12 (%)",
            lambda: _value("lunn_placebo_pain_relief_30_percent"),
            _percent("usual care", "pain_share", 0.3, week),
            *_near("lunn_placebo_pain_relief_30_percent", tolerance),
            "a check: the spread is assumed normal",
        ),
        _Arm(
            "Lunn 2014, duloxetine",
            "at least 50% pain relief, week 12 (%)",
            lambda: _value("lunn_duloxetine_pain_relief_50_percent"),
            _percent("duloxetine", "pain_share", 0.5, week),
            *_near("lunn_duloxetine_pain_relief_50_percent", tolerance),
            "a check: every patient gets the same specific effect",
        ),
        _Arm(
            "Lunn 2014, duloxetine",
            "at least 30% pain relief, week 12 (%)",
            lambda: _value("lunn_duloxetine_pain_relief_30_percent"),
            _percent("duloxetine", "pain_share", 0.3, week),
            *_near("lunn_duloxetine_pain_relief_30_percent", tolerance),
            "a check",
        ),
        _Arm(
            "Lunn 2014, duloxetine vs placebo",
            "number needed to treat for 50% relief",
            lambda: (
                100.0
                / (
                    _value("lunn_duloxetine_pain_relief_50_percent")
                    - _value("lunn_placebo_pain_relief_50_percent")
                )
            ),
            nnt,
            lambda: 4.0,
            lambda: 8.0,
            "a check: the trials' gap between arms",
        ),
        _Arm(
            "SCAMP, usual care",
            "50% drop in depression, week 52 (%)",
            lambda: _value("scamp_usual_care_response_percent"),
            _percent("usual care", "phq9_share", 0.5, 52),
            *_near("scamp_usual_care_response_percent", 4.0),
            "calibrated at week 12; by week 52 the untreated course has gone a little further",
        ),
        _Arm(
            "SCAMP, antidepressant and self-management",
            "50% drop in depression, week 52 (%)",
            lambda: _value("scamp_depression_response_percent"),
            _percent("duloxetine", "phq9_share", 0.5, 52),
            *_near("scamp_depression_response_percent", tolerance),
            "duloxetine in the model; SCAMP added pain self-management",
        ),
        _Arm(
            "SCOPE, usual care",
            "at least 30% pain improvement, week 52 (%)",
            lambda: _value("scope_usual_care_pain_improvement_30_percent"),
            _percent("usual care", "pain_share", 0.3, 52),
            lambda: _value("scope_usual_care_pain_improvement_30_percent"),
            lambda: _value("lunn_placebo_pain_relief_30_percent") + tolerance,
            "not reproduced: the model's untreated pain course is a placebo arm's, and "
            "pragmatic usual care improves less",
        ),
        _Arm(
            "Furukawa 2016, placebo pill",
            "50% drop in depression, end of trial (%)",
            lambda: _value("furukawa_placebo_response_low_percent"),
            _percent("usual care", "phq9_share", 0.5, week),
            lambda: _value("scamp_usual_care_response_percent") - 3.0,
            lambda: _value("furukawa_placebo_response_low_percent"),
            "not reproduced: placebo pills in depression trials do better (35-40%) than the "
            "usual care the model's PHQ-9 course follows",
        ),
    ]
    return arms


def responder_table(n: int = 20_000, seed: int = 0) -> pd.DataFrame:
    """Simulated trial arms beside the published arms, with the range each must stay in.

    Each arm is a cohort of ``n`` calibration patients (pain 6, PHQ-9 15, spread as
    :func:`painmood_widgets.model.simulate_cohort` spreads them) at the reference
    lifestyle: untreated ("usual care") or on duloxetine.

    Returns
    -------
    pandas.DataFrame
        Columns ``trial``, ``measure``, ``published``, ``model``, ``low``, ``high``
        (the allowed range) and ``why`` (calibrated, a check, or why it is not
        reproduced).

    Examples
    --------
    >>> table = responder_table()
    >>> bool(((table["model"] >= table["low"]) & (table["model"] <= table["high"])).all())
    True
    """
    base = _calibration_patient(weeks=52)
    cohorts = {
        "usual care": model.simulate_cohort(base, n=n, seed=seed),
        "duloxetine": model.simulate_cohort(
            base.replace(treatments={"duloxetine"}), n=n, seed=seed + 1
        ),
    }
    return pd.DataFrame(
        [
            {
                "trial": arm.trial,
                "measure": arm.measure,
                "published": arm.published(),
                "model": arm.simulated(cohorts),
                "low": arm.low(),
                "high": arm.high(),
                "why": arm.why,
            }
            for arm in _arms()
        ]
    )


def case_table(n: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Maria's follow-up against the 10-90% band of her scenario, after calibration.

    Examples
    --------
    >>> list(case_table(n=500)["score"])
    ['pain', 'PHQ-9']
    """
    comparison = case.case_against_band(n=n, seed=seed)
    rows = []
    for score, against in (("pain", comparison.pain), ("PHQ-9", comparison.phq9)):
        rows.append(
            {
                "score": score,
                "Maria": against.observed,
                "p10": against.p10,
                "median": against.p50,
                "p90": against.p90,
                "where": against.position,
                "better_than_median": against.better_than_median,
            }
        )
    return pd.DataFrame(rows)


def long_run_growth() -> float:
    """The most any effect reproduced at week 12 grows afterwards (long run / week 12).

    Examples
    --------
    >>> 1.0 < long_run_growth() < 1.1
    True
    """
    table = effects_table()
    at_week_12 = table[(table["reproduced"] == "week 12") & table["published"].notna()]
    return float((at_week_12["model, long run"] / at_week_12["model, week 12"]).max())


def levers_table() -> pd.DataFrame:
    """Each lever across its range: what it adds at week 12 for the calibration patient.

    Returns
    -------
    pandas.DataFrame
        One row per lever and value: ``lever`` (its label), ``value`` (with its unit),
        ``pain`` and ``PHQ-9`` (points added against the reference lifestyle).

    Examples
    --------
    >>> table = levers_table()
    >>> list(table.columns), table["lever"].nunique()
    (['lever', 'value', 'pain', 'PHQ-9'], 4)
    """
    rows = []
    points = {
        "sleep_hours": (3, 4, 5, 6, 7, 8, 9, 10),
        "activity_minutes": (0, 30, 75, 150, 300, 420),
        "crp_mg_l": (0.1, 1, 2, 3, 5, 10),
        "opioid_days": (0, 30, 90, 180, 365, 730),
    }
    c = coefficients()
    for lever, values in points.items():
        for value in values:
            scenario = _calibration_patient(weeks=c.calibration_week, **{lever: value})
            effect = model.lever_effects(scenario, c.calibration_week).set_index("lever").loc[lever]
            rows.append(
                {
                    "lever": model.SCENARIO_FIELDS[lever].label,
                    "value": f"{value:g} {model.SCENARIO_FIELDS[lever].unit}",
                    "pain": float(effect["pain"]),
                    "PHQ-9": float(effect["phq9"]),
                }
            )
    return pd.DataFrame(rows)
