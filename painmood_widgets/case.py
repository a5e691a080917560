"""The case study: Maria's three months, set against the model's band for her scenario.

The source article tells of a 48-year-old woman with chronic low back pain whose pain
(BPI, 0-10) fell from 7 to 4 and whose PHQ-9 fell from 15 to 6 in three months of
duloxetine, a gentle yoga (exercise) programme and weekly cognitive behavioural therapy
(CBT). It is a story, not data: in SCOPE, collaborative care lowered BPI pain by about 1
point more than usual care at 12 months, and 51.7% vs 27.1% of patients had at least 30%
pain improvement (Kroenke et al., JAMA 2014). Whether Maria is typical, a responder or lucky
is what the model's band shows: it was calibrated to trial arms, not to her; this module
places her in it, whatever that is, and painmood_widgets.describe.case says so in words.

Every number of the case is a ``case_*`` row of ``datasets/evidence.csv`` (labelled
illustrative) and is read when a function is called, so a "what if" evidence file
(:func:`painmood_widgets.evidence.use_evidence`) changes the case. Her name, the site of
her pain and her treatments are words, kept here. Educational, not diagnostic: Maria is
a teaching story, and nothing here assesses a real person.

Examples
--------
>>> maria = case_study()
>>> maria.baseline_pain, maria.baseline_phq9, maria.follow_up_pain, maria.follow_up_phq9
(7.0, 15, 4.0, 6)
>>> result = case_against_band(n=500)
>>> result.phq9.inside_band, result.phq9.better_than_median
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from painmood_widgets import evidence, model, scales

__all__ = [
    "CASE_PARAMETERS",
    "CASE_TREATMENTS",
    "CONTEXT_PARAMETERS",
    "CaseComparison",
    "CaseStudy",
    "ScoreAgainstBand",
    "case_against_band",
    "case_course",
    "case_evidence",
    "case_scenario",
    "case_study",
    "checked_case",
]

CASE_PARAMETERS = (
    "case_age_years",
    "case_baseline_pain",
    "case_baseline_phq9",
    "case_follow_up_weeks",
    "case_follow_up_pain",
    "case_follow_up_phq9",
)
"""Evidence rows holding the case's numbers (all labelled illustrative: it is a story)."""

CONTEXT_PARAMETERS = (
    "scope_bpi_difference_points",
    "scope_pain_improvement_30_percent",
    "scope_usual_care_pain_improvement_30_percent",
)
"""Evidence rows that put the story in context: what a trial's average patient gained."""

CASE_TREATMENTS = MappingProxyType(
    {
        "duloxetine": "Duloxetine (antidepressant)",
        "exercise": "Gentle yoga (exercise programme)",
        "cbt": "Weekly cognitive behavioural therapy (CBT)",
    }
)
"""Maria's treatments as the model names them, in the story's order, with plain labels."""

_NAME = "Maria"
_PAIN_SITE = "low back"


@dataclass(frozen=True)
class CaseStudy:
    """Maria's story in numbers, as the evidence table gives them.

    Attributes
    ----------
    name : str
        The patient's name in the story.
    age_years : int
        Age at the start (row ``case_age_years``).
    pain_site : str
        Where the chronic pain is.
    treatments : tuple of str
        Model treatment names (keys of :data:`CASE_TREATMENTS`), in the story's order;
        any other name, or none at all, raises ``ValueError``.
    baseline_pain, follow_up_pain : float
        BPI pain rating (0-10) at the start and at follow-up (rows ``case_baseline_pain``,
        ``case_follow_up_pain``). The article says "BPI 7/10" without naming the item; it
        is read here as her pain intensity, the model's pain scale.
    baseline_phq9, follow_up_phq9 : int
        PHQ-9 totals (0-27) at the start and at follow-up (rows ``case_baseline_phq9``,
        ``case_follow_up_phq9``).
    follow_up_weeks : int
        Weeks from start to follow-up; "three months" is read as 12 (row
        ``case_follow_up_weeks``).
    """

    name: str
    age_years: int
    pain_site: str
    treatments: tuple[str, ...]
    baseline_pain: float
    baseline_phq9: int
    follow_up_weeks: int
    follow_up_pain: float
    follow_up_phq9: int

    def __post_init__(self) -> None:
        """Check the treatments: one or more of hers, kept as a tuple in story order."""
        treatments = tuple(self.treatments)
        unknown = [name for name in treatments if name not in CASE_TREATMENTS]
        if unknown or not treatments:
            raise ValueError(
                f"treatments must be one or more of {', '.join(CASE_TREATMENTS)}; "
                f"got {self.treatments!r}"
            )
        object.__setattr__(self, "treatments", treatments)


@dataclass(frozen=True)
class ScoreAgainstBand:
    """One observed score set against the cohort's band at the same week.

    Lower is better for both pain and PHQ-9, so "better than the median" means lower.

    Attributes
    ----------
    measure : {"pain", "phq9"}
        Which score.
    observed : float
        The case's score.
    p10, p50, p90 : float
        10th, 50th and 90th percentiles of the simulated cohort.
    position : {"below", "inside", "above"}
        Below the 10-90% band (better than 9 in 10 simulated patients), inside it
        (edges included), or above it.
    better_than_median : bool
        The observed score is lower than the cohort's median.
    """

    measure: str
    observed: float
    p10: float
    p50: float
    p90: float
    position: str
    better_than_median: bool

    @property
    def inside_band(self) -> bool:
        """True when the score lies within the 10-90% band, edges included."""
        return self.position == "inside"


@dataclass(frozen=True)
class CaseComparison:
    """The case's follow-up scores against the model's band for a scenario.

    Attributes
    ----------
    case : CaseStudy
        The case compared.
    scenario : painmood_widgets.model.Scenario
        The scenario simulated: her baselines and follow-up time, with the treatments
        compared (all of hers unless some were switched off).
    week : int
        The follow-up week read from the band.
    pain, phq9 : ScoreAgainstBand
        Her follow-up pain and PHQ-9 against the band.
    pain_change : painmood_widgets.scales.PainChange
        Her pain change, judged by :func:`painmood_widgets.scales.pain_change`.
    phq9_change : painmood_widgets.scales.Phq9Change
        Her PHQ-9 change, judged by :func:`painmood_widgets.scales.phq9_change`.
    cohort_summary : pandas.DataFrame
        The band week by week, as from :func:`painmood_widgets.model.summarize`.
    typical : pandas.DataFrame
        The typical patient's course, as from :func:`painmood_widgets.model.trajectory`.
    """

    case: CaseStudy
    scenario: model.Scenario
    week: int
    pain: ScoreAgainstBand
    phq9: ScoreAgainstBand
    pain_change: scales.PainChange
    phq9_change: scales.Phq9Change
    cohort_summary: pd.DataFrame = field(compare=False, repr=False)
    typical: pd.DataFrame = field(compare=False, repr=False)


# --------------------------------------------------------------------------- reading
def _row_value(name: str, rule: str, low: float, high: float, whole: bool) -> float:
    value = evidence.parameter(name)
    if not (low <= value <= high) or (whole and not float(value).is_integer()):
        raise ValueError(f"evidence row {name} must be {rule}; got {value:g}")
    return value


def _whole_row(name: str, low: int, high: int, unit: str) -> int:
    rule = f"a whole number from {low} to {high} ({unit})"
    return int(_row_value(name, rule, low, high, whole=True))


def _rating_row(name: str, low: float, high: float, unit: str) -> float:
    return float(_row_value(name, f"a number from {low:g} to {high:g} ({unit})", low, high, False))


def case_study() -> CaseStudy:
    """Maria's case, with every number read from the active evidence table.

    Returns
    -------
    CaseStudy
        Age, treatments, pain and PHQ-9 at the start and at follow-up.

    Raises
    ------
    ValueError
        If a ``case_*`` row is missing or out of range: pain must be 0 to 10, PHQ-9 a
        whole number from 0 to 27, the follow-up 1 to 104 whole weeks (the model's
        range), the age a whole number of years from 18 to 120.

    References
    ----------
    The source article's case (evidence rows :data:`CASE_PARAMETERS`, illustrative);
    Kroenke K, et al. JAMA 2014 (SCOPE) for why it is a story, not an average.

    Examples
    --------
    >>> maria = case_study()
    >>> maria.name, maria.age_years, maria.follow_up_weeks
    ('Maria', 48, 12)
    >>> maria.treatments
    ('duloxetine', 'exercise', 'cbt')
    """
    pain_top = model.SCENARIO_FIELDS["baseline_pain"].maximum
    phq9_top = int(model.SCENARIO_FIELDS["baseline_phq9"].maximum)
    weeks = model.SCENARIO_FIELDS["weeks"]
    return CaseStudy(
        name=_NAME,
        age_years=_whole_row("case_age_years", 18, 120, "years"),
        pain_site=_PAIN_SITE,
        treatments=tuple(CASE_TREATMENTS),
        baseline_pain=_rating_row("case_baseline_pain", 0, pain_top, "pain points"),
        baseline_phq9=_whole_row("case_baseline_phq9", 0, phq9_top, "PHQ-9 points"),
        follow_up_weeks=_whole_row(
            "case_follow_up_weeks", int(weeks.minimum), int(weeks.maximum), "weeks"
        ),
        follow_up_pain=_rating_row("case_follow_up_pain", 0, pain_top, "pain points"),
        follow_up_phq9=_whole_row("case_follow_up_phq9", 0, phq9_top, "PHQ-9 points"),
    )


def checked_case(case: CaseStudy | None) -> CaseStudy:
    """The case given, checked, or :func:`case_study` when None."""
    if case is None:
        return case_study()
    if not isinstance(case, CaseStudy):
        raise ValueError(f"case must be a CaseStudy or None; got {type(case).__name__}")
    return case


def case_evidence() -> pd.DataFrame:
    """The evidence rows behind the case and its context (all columns).

    Returns
    -------
    pandas.DataFrame
        The rows :data:`CASE_PARAMETERS` then :data:`CONTEXT_PARAMETERS`.

    Examples
    --------
    >>> table = case_evidence()
    >>> set(table.loc[table["parameter"].str.startswith("case_"), "evidence_level"])
    {'illustrative'}
    """
    return evidence.rows(CASE_PARAMETERS + CONTEXT_PARAMETERS)


# --------------------------------------------------------------------------- model
def case_scenario(
    case: CaseStudy | None = None, treatments: Iterable[str] | None = None
) -> model.Scenario:
    """The model scenario of the case: her baselines, treatments and follow-up time.

    The story gives no figures for sleep, activity, CRP or opioids, so those levers stay
    at the model's reference values (7 h sleep, 150 minutes of activity a week, CRP
    1 mg/L, no opioids).

    Parameters
    ----------
    case : CaseStudy, optional
        By default :func:`case_study`.
    treatments : iterable of str, optional
        Some of her treatments (keys of :data:`CASE_TREATMENTS`), to ask "what if one
        were left out?". By default all of hers.

    Returns
    -------
    painmood_widgets.model.Scenario
        Weeks 0 to the follow-up week.

    Raises
    ------
    ValueError
        If ``treatments`` is not a collection of her treatments' names.

    Examples
    --------
    >>> scenario = case_scenario()
    >>> sorted(scenario.treatments), scenario.baseline_phq9, scenario.weeks
    (['cbt', 'duloxetine', 'exercise'], 15.0, 12)
    >>> sorted(case_scenario(treatments=["duloxetine"]).treatments)
    ['duloxetine']
    >>> case_scenario(treatments=["cbt_i"])
    Traceback (most recent call last):
    ...
    ValueError: treatments must be some of her treatments (duloxetine, exercise, cbt); \
got 'cbt_i'
    """
    case = checked_case(case)
    scenario = model.Scenario(
        treatments=case.treatments if treatments is None else treatments,
        baseline_pain=case.baseline_pain,
        baseline_phq9=case.baseline_phq9,
        weeks=case.follow_up_weeks,
    )
    others = sorted(scenario.treatments - set(case.treatments))
    if others:
        raise ValueError(
            f"treatments must be some of her treatments ({', '.join(case.treatments)}); "
            f"got {', '.join(map(repr, others))}"
        )
    return scenario


def case_course(case: CaseStudy | None = None) -> pd.DataFrame:
    """Her observed scores: the start and the follow-up, nothing in between.

    Parameters
    ----------
    case : CaseStudy, optional
        By default :func:`case_study`.

    Returns
    -------
    pandas.DataFrame
        Two rows with columns ``week`` (int), ``pain`` (0-10) and ``phq9`` (0-27), the
        layout of :func:`painmood_widgets.model.trajectory`.

    Examples
    --------
    >>> case_course()
       week  pain  phq9
    0     0   7.0  15.0
    1    12   4.0   6.0
    """
    case = checked_case(case)
    return pd.DataFrame(
        {
            "week": [0, case.follow_up_weeks],
            "pain": [case.baseline_pain, case.follow_up_pain],
            "phq9": [float(case.baseline_phq9), float(case.follow_up_phq9)],
        }
    )


def _against(measure: str, observed: float, row: pd.Series) -> ScoreAgainstBand:
    p10, p50, p90 = (float(row[f"{measure}_{label}"]) for label in ("p10", "p50", "p90"))
    position = "below" if observed < p10 else "above" if observed > p90 else "inside"
    return ScoreAgainstBand(
        measure=measure,
        observed=float(observed),
        p10=p10,
        p50=p50,
        p90=p90,
        position=position,
        better_than_median=observed < p50,
    )


def case_against_band(
    n: int = 1000,
    seed: int = 0,
    *,
    treatments: Iterable[str] | None = None,
    case: CaseStudy | None = None,
) -> CaseComparison:
    """Her follow-up scores against a simulated cohort sharing her scenario.

    The cohort starts around her baselines, gets her treatments (or ``treatments``)
    and differs as people do (:func:`painmood_widgets.model.simulate_cohort`). Her
    follow-up pain and PHQ-9 are placed against the cohort's 10th, 50th and 90th
    percentiles at the follow-up week; her changes are judged by the scales' rules.

    Parameters
    ----------
    n : int, default 1000
        Simulated patients.
    seed : int, default 0
        Seed of the cohort; the same seed gives the same band.
    treatments : iterable of str, optional
        Some of her treatments, to see the band without the others; by default all.
    case : CaseStudy, optional
        By default :func:`case_study`.

    Returns
    -------
    CaseComparison
        Her scores against the band, her changes, and the band and typical course.

    Raises
    ------
    ValueError
        If ``n`` or ``seed`` is not allowed (the model's message), or ``treatments``
        names one that is not hers.

    References
    ----------
    Löwe B, et al. Med Care 2004;42:1194 (PHQ-9 response, remission, clinically important
    change). Farrar JT, et al. Pain 2001;94:149 (pain change). Kroenke K, et al. JAMA
    2014 (SCOPE: why one good course is not the average).

    Examples
    --------
    >>> result = case_against_band(n=500)
    >>> result.pain.position, result.pain.better_than_median
    ('inside', False)
    >>> result.phq9_change.response, result.phq9_change.remission
    (True, False)
    >>> untreated = case_against_band(n=500, treatments=[])
    >>> bool(untreated.phq9.p50 > result.phq9.p50)
    True
    """
    case = checked_case(case)
    scenario = case_scenario(case, treatments)
    summary = model.summarize(model.simulate_cohort(scenario, n=n, seed=seed))
    at_follow_up = summary.set_index("week").loc[case.follow_up_weeks]
    return CaseComparison(
        case=case,
        scenario=scenario,
        week=case.follow_up_weeks,
        pain=_against("pain", case.follow_up_pain, at_follow_up),
        phq9=_against("phq9", case.follow_up_phq9, at_follow_up),
        pain_change=scales.pain_change(case.baseline_pain, case.follow_up_pain),
        phq9_change=scales.phq9_change(case.baseline_phq9, case.follow_up_phq9),
        cohort_summary=summary,
        typical=model.trajectory(scenario),
    )
