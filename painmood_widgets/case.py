"""The case study: Maria's three months, set against the model's band for her scenario.

The source article tells of a 48-year-old woman with chronic low back pain whose pain
(BPI, 0-10) fell from 7 to 4 and whose PHQ-9 fell from 15 to 6 in three months of
duloxetine, a gentle yoga (exercise) programme and weekly cognitive behavioural therapy
(CBT). It is a story, not data: in SCOPE, collaborative care lowered BPI pain by about 1
point more than usual care at 12 months, and 51.7% vs 27.1% of patients had at least 30%
pain improvement (Kroenke et al., JAMA 2014). Whether Maria is typical, a responder or lucky
is what the model's band shows: it was calibrated to trial arms, not to her, and this
module says where she falls in it, whatever that is.

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

from painmood_widgets import describe, evidence, model, scales
from painmood_widgets.wording import count_word, listing, number, plural

__all__ = [
    "CASE_PARAMETERS",
    "CASE_TREATMENTS",
    "CONTEXT_PARAMETERS",
    "CaseComparison",
    "CaseQuestion",
    "CaseStudy",
    "ScoreAgainstBand",
    "case_against_band",
    "case_course",
    "case_evidence",
    "case_questions",
    "case_scenario",
    "case_study",
    "describe_case",
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

_SHORT_NAMES = MappingProxyType(
    {"duloxetine": "duloxetine", "exercise": "gentle yoga", "cbt": "weekly CBT"}
)

_MEASURE_NAMES = MappingProxyType({"pain": "pain", "phq9": "PHQ-9"})

_NAME = "Maria"
_PAIN_SITE = "low back"

# Why the size of an effect is not the whole story, per treatment (evidence brief, claims
# 4, 6 and 8); quoted in the instructor's answer on the strength of the evidence.
_QUALITY_NOTES = MappingProxyType(
    {
        "duloxetine": (
            "the duloxetine mood figure comes from SCAMP, where an antidepressant was paired "
            "with pain self-management"
        ),
        "exercise": (
            "the exercise pain figure comes from trials in low back pain, its mood figure from "
            "cohort studies of everyday activity, and the programme's minutes are illustrative"
        ),
        "cbt": "CBT's effects on pain and mood vanish against active controls",
    }
)


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


@dataclass(frozen=True)
class CaseQuestion:
    """A question to think about, with a short model answer kept apart for the instructor.

    Attributes
    ----------
    prompt : str
        What the learner is asked.
    answer : str
        The instructor's model answer (hide it in a student view).
    """

    prompt: str
    answer: str


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


def _checked_case(case: CaseStudy | None) -> CaseStudy:
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
    case = _checked_case(case)
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
    case = _checked_case(case)
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
    case = _checked_case(case)
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


# --------------------------------------------------------------------------- words
def _dropped(comparison: CaseComparison) -> list[str]:
    """Her treatments left out of the compared scenario, in the story's order."""
    return [
        name for name in comparison.case.treatments if name not in comparison.scenario.treatments
    ]


def _treatments_clause(comparison: CaseComparison) -> str:
    hers = comparison.case.treatments
    kept = [name for name in hers if name in comparison.scenario.treatments]
    dropped = _dropped(comparison)
    if not dropped:
        return f"With all {count_word(len(hers))} of her treatments"
    if not kept:
        return "With none of her treatments"
    return (
        f"With {listing([_SHORT_NAMES[name] for name in kept])} only "
        f"({listing([_SHORT_NAMES[name] for name in dropped])} switched off)"
    )


def _band_text(score: ScoreAgainstBand) -> tuple[str, str, str]:
    """Observed score, band and median as a clinician reads them (see describe)."""
    if score.measure == "phq9":
        read = describe.phq9_reading
        return (
            number(score.observed),
            f"{read(score.p10)}-{read(score.p90)}",
            str(read(score.p50)),
        )
    low, middle, high = (describe.pain_reading(v) for v in (score.p10, score.p50, score.p90))
    return number(score.observed), f"{low:.1f}-{high:.1f}", f"{middle:.1f}"


def _placement(score: ScoreAgainstBand, first: bool) -> str:
    observed, band, median = _band_text(score)
    where = "the model's 10-90% band" if first else "the band"
    text = f"({observed}) lies {score.position} {where} ({band})"
    if score.inside_band:
        side = "below" if score.better_than_median else "at or above"
        text += f" and {side} its median ({median})"
    return text


def _verdict(comparison: CaseComparison) -> str:
    """What her place in the band means, ending with a full stop."""
    scores = (comparison.phq9, comparison.pain)
    if all(score.inside_band for score in scores):
        better = [_MEASURE_NAMES[s.measure] for s in scores if s.better_than_median]
        if len(better) == len(scores):
            return ": plausible, and better than the typical course on both."
        if not better:
            return ": plausible, and no better than the typical course."
        return f": plausible, better than the median for {listing(better)} only."
    sentences = []
    below = [_MEASURE_NAMES[s.measure] for s in scores if s.position == "below"]
    above = [_MEASURE_NAMES[s.measure] for s in scores if s.position == "above"]
    if below:
        sentences.append(
            "Fewer than 1 in 10 simulated patients with these treatments do as well on "
            f"{listing(below)}."
        )
        dropped = _dropped(comparison)
        if dropped:
            sentences.append(
                "In this model, her course is unlikely without "
                f"{listing([_SHORT_NAMES[name] for name in dropped])}."
            )
    if above:
        sentences.append(
            f"9 in 10 simulated patients with these treatments do better on {listing(above)}."
        )
    return ". " + " ".join(sentences)


def describe_case(comparison: CaseComparison) -> str:
    """One or two plain sentences: where her follow-up scores fall in the band.

    Used as the case explorer's summary and as the chart's text alternative.

    Parameters
    ----------
    comparison : CaseComparison
        As from :func:`case_against_band`.

    Returns
    -------
    str
        The treatments simulated, her PHQ-9 and pain against the band, and a verdict.

    Raises
    ------
    ValueError
        If ``comparison`` is not a :class:`CaseComparison`.

    Examples
    --------
    >>> print(describe_case(case_against_band()))
    With all three of her treatments, Maria's PHQ-9 at week 12 (6) lies inside the model's
    10-90% band (1-14) and below its median (7); her pain (4) lies inside the band (0.2-6.5)
    and at or above its median (3.2): plausible, better than the median for PHQ-9 only.
    """
    if not isinstance(comparison, CaseComparison):
        raise ValueError(f"comparison must be a CaseComparison; got {type(comparison).__name__}")
    return (
        f"{_treatments_clause(comparison)}, {comparison.case.name}'s PHQ-9 at week "
        f"{comparison.week} {_placement(comparison.phq9, first=True)}; her pain "
        f"{_placement(comparison.pain, first=False)}{_verdict(comparison)}"
    )


# --------------------------------------------------------------------------- questions
def _change_words(before: float, after: float, unit: str) -> str:
    drop = before - after
    if drop > 0:
        return f"fell {number(drop)} {unit}, from {number(before)} to {number(after)}"
    if drop < 0:
        return f"rose {number(-drop)} {unit}, from {number(before)} to {number(after)}"
    return f"stayed at {number(before)}"


def _phq9_question(case: CaseStudy) -> CaseQuestion:
    change = scales.phq9_change(case.baseline_phq9, case.follow_up_phq9)
    response_drop = evidence.parameter("phq9_response_drop_percent")
    remission_below = evidence.parameter("phq9_remission_below")
    important = evidence.parameter("phq9_clinically_important_change_points")
    depressive_from = evidence.parameter("phq9_moderate_from")
    drop = -change.delta
    percent = 100 * drop / case.baseline_phq9 if case.baseline_phq9 else 0.0
    response = "Response" if change.response else "No response"
    remission = "remission" if change.remission else "not remission"
    important_words = "is" if change.clinically_important else "is not"
    answer = (
        f"{response}, {remission}. Response is a drop of at least {number(response_drop)}% "
        f"from a baseline of {number(depressive_from)} or more; hers is {percent:.0f}%. "
        f"Remission needs a total below {number(remission_below)}; hers is "
        f"{case.follow_up_phq9} ({scales.phq9_severity(case.follow_up_phq9)}). A change of "
        f"{number(abs(drop))} points {important_words} an individually clinically important "
        f"change (at least {number(important)} points). Rules of Löwe et al., Med Care 2004. "
        "A severity band describes how many symptoms and how often; it is not a diagnosis."
    )
    prompt = (
        f"Her PHQ-9 {_change_words(case.baseline_phq9, case.follow_up_phq9, 'points')}: "
        "response, remission, or both?"
    )
    return CaseQuestion(prompt, answer)


def _strength_list(case: CaseStudy, outcome: str) -> str:
    column = 0 if outcome == "pain" else 1
    table = evidence.rows([model.TREATMENT_EFFECT_ROWS[name][column] for name in case.treatments])
    table = table.assign(treatment=list(case.treatments)).sort_values(
        "value", ascending=False, kind="stable"
    )
    return "; ".join(
        f"{_SHORT_NAMES[row.treatment]}: SMD {row.value:.2f} ({row.evidence_level}; {row.source})"
        for row in table.itertuples(index=False)
    )


def _strength_question(case: CaseStudy) -> CaseQuestion:
    notes = [_QUALITY_NOTES[name] for name in case.treatments]
    caveat = f" Size is not the whole story: {listing(notes)}."
    answer = (
        f"Largest standardized effect first. Pain: {_strength_list(case, 'pain')}. "
        f"Mood: {_strength_list(case, 'phq9')}.{caveat}"
    )
    prompt = (
        f"Which of her {count_word(len(case.treatments))} treatments has the strongest evidence "
        "for pain? And for mood?"
    )
    return CaseQuestion(prompt, answer)


def _recheck_question() -> CaseQuestion:
    earliest = evidence.parameter("reevaluation_interval_min_weeks")
    latest = evidence.parameter("reevaluation_interval_max_weeks")
    improvement = evidence.parameter("antidepressant_early_improvement_percent")
    by_week = evidence.parameter("antidepressant_review_weeks")
    answer = (
        "Repeat the PHQ-9 and read item 9 every time: any answer above 0 needs follow-up the "
        "same day, and a 0 is no all-clear. Repeat a pain measure (BPI or PEG). Ask about "
        "duloxetine's dose, side effects and whether she takes it; whether the CBT sessions "
        "and the yoga are happening; her sleep and activity. On a therapeutic antidepressant "
        f"dose, look for at least {number(improvement)}% improvement by week "
        f"{number(by_week)} (ICSI guideline; illustrative in the evidence table); without "
        "it, revisit the plan rather than wait for month three. Compare her scores with the "
        "model's band at that week."
    )
    prompt = f"What would you re-check at week {number(earliest)}-{number(latest)}?"
    return CaseQuestion(prompt, answer)


def _responder_question(case: CaseStudy) -> CaseQuestion:
    difference = evidence.parameter("scope_bpi_difference_points")
    care = evidence.parameter("scope_pain_improvement_30_percent")
    usual = evidence.parameter("scope_usual_care_pain_improvement_30_percent")
    threshold = evidence.parameter("pain_clinically_important_change_percent")
    change = scales.pain_change(case.baseline_pain, case.follow_up_pain)
    percent = "" if change.percent is None else f" ({abs(change.percent):.0f}%)"
    answer = (
        f"In SCOPE (Kroenke et al., JAMA 2014) collaborative care lowered BPI pain by about "
        f"{plural(difference, 'point')} more than usual care at 12 months, and "
        f"{number(care)}% vs {number(usual)}% had at least {number(threshold)}% "
        f"improvement: many treated patients did not reach it. {case.name}'s pain "
        f"{_change_words(case.baseline_pain, case.follow_up_pain, 'points')}{percent}, in "
        f"{case.follow_up_weeks} weeks. {_without_treatment(case)} A story is told because it "
        "went well; the model's band and the trials show the spread. Where she sits against "
        "the band's median says how unusual her course is. Offer a patient the range, not the "
        "best case."
    )
    prompt = "Is Maria typical, a responder, or lucky?"
    return CaseQuestion(prompt, answer)


def _without_treatment(case: CaseStudy) -> str:
    """Where her scores would fall among untreated patients (usual care), in the model."""
    usual = case_against_band(treatments=(), case=case)
    inside = [_MEASURE_NAMES[s.measure] for s in (usual.phq9, usual.pain) if s.inside_band]
    if not inside:
        return (
            "In the model, fewer than 1 in 10 patients with usual care alone would do as well: "
            "her treatments matter to her course."
        )
    return (
        f"In the model, even with usual care alone her {listing(inside)} at week "
        f"{case.follow_up_weeks} would lie inside the 10-90% band: untreated courses vary "
        "that much, so one good course cannot show that the treatments worked."
    )


def _story_numbers(case: CaseStudy) -> dict[str, str]:
    """Each case row as a phrase quoting its value."""
    return {
        "case_age_years": f"age {case.age_years}",
        "case_baseline_pain": f"pain {number(case.baseline_pain)} at the start",
        "case_baseline_phq9": f"PHQ-9 {case.baseline_phq9} at the start",
        "case_follow_up_weeks": f"follow-up at week {case.follow_up_weeks}",
        "case_follow_up_pain": f"pain {number(case.follow_up_pain)} at follow-up",
        "case_follow_up_phq9": f"PHQ-9 {case.follow_up_phq9} at follow-up",
    }


def _illustrative_question(case: CaseStudy) -> CaseQuestion:
    phrases = _story_numbers(case)
    levels = evidence.rows(CASE_PARAMETERS).set_index("parameter")["evidence_level"]
    story = [phrases[name] for name in CASE_PARAMETERS if levels[name] == "illustrative"]
    other = [phrases[name] for name in CASE_PARAMETERS if levels[name] != "illustrative"]
    behind = model.evidence_behind(case_scenario(case))
    invented = int((behind["evidence_level"] == "illustrative").sum())
    answer = (
        f"In her story, illustrative: {listing(story) or 'none'} (rows case_* of "
        "datasets/evidence.csv: a teaching story from the source article, not data)."
    )
    if other:
        answer += f" Not illustrative: {listing(other)}."
    answer += (
        f" Behind the band, {invented} of the {len(behind)} rows are illustrative too "
        "(the couplings, time constants, score SDs and the exercise programme's minutes). "
        "Published: the PHQ-9 bands and change rules, the pain change thresholds, the trial "
        "arms behind usual care and the CBT effect sizes."
    )
    return CaseQuestion("Which numbers in her story are illustrative?", answer)


def case_questions(case: CaseStudy | None = None) -> tuple[CaseQuestion, ...]:
    """Questions to think about, each with a short model answer for the instructor.

    Built from the current evidence table, so a question quotes the case's numbers and
    an answer the rules behind it. Keep the answers out of a student view.

    Parameters
    ----------
    case : CaseStudy, optional
        By default :func:`case_study`.

    Returns
    -------
    tuple of CaseQuestion
        Five questions: PHQ-9 response and remission; the evidence for each treatment;
        what to re-check at the 4-6-week visit; a responder vs what to expect; which
        numbers are illustrative.

    Examples
    --------
    >>> questions = case_questions()
    >>> questions[0].prompt
    'Her PHQ-9 fell 9 points, from 15 to 6: response, remission, or both?'
    >>> questions[0].answer.split(".")[0]
    'Response, not remission'
    """
    case = _checked_case(case)
    return (
        _phq9_question(case),
        _strength_question(case),
        _recheck_question(),
        _responder_question(case),
        _illustrative_question(case),
    )
