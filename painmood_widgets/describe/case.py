"""Describers of the case study: where Maria falls, her story, and the questions.

Where her follow-up scores fall in the band, her story in two paragraphs, and the
questions to discuss with their model answers.

Every number is read from the case and the evidence table when a function is called;
scores are read through :mod:`painmood_widgets.describe.readings`. Pure functions.
Educational, not diagnostic: Maria is a teaching story.

Examples
--------
>>> from painmood_widgets import case
>>> print(describe_case(case.case_against_band()))
With all three of her treatments, Maria's PHQ-9 at week 12 (6) lies inside the model's
10-90% band (1-14) and below its median (7); her pain (4) lies inside the band (0.2-6.5)
and at or above its median (3.2): plausible, better than the median for PHQ-9 only.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from painmood_widgets import evidence, model, scales
from painmood_widgets.case import (
    CASE_PARAMETERS,
    CASE_TREATMENTS,
    CaseComparison,
    CaseStudy,
    ScoreAgainstBand,
    case_against_band,
    case_scenario,
    checked_case,
)
from painmood_widgets.describe.readings import pain_reading, phq9_reading
from painmood_widgets.wording import count_word, in_sentence, listing, number, plural

__all__ = ["CaseQuestion", "case_questions", "describe_case", "describe_story"]

_SHORT_NAMES = MappingProxyType(
    {"duloxetine": "duloxetine", "exercise": "gentle yoga", "cbt": "weekly CBT"}
)

_MEASURE_NAMES = MappingProxyType({"pain": "pain", "phq9": "PHQ-9"})


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
        read = phq9_reading
        return (
            number(score.observed),
            f"{read(score.p10)}-{read(score.p90)}",
            str(read(score.p50)),
        )
    low, middle, high = (pain_reading(v) for v in (score.p10, score.p50, score.p90))
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
    case = checked_case(case)
    return (
        _phq9_question(case),
        _strength_question(case),
        _recheck_question(),
        _responder_question(case),
        _illustrative_question(case),
    )


def describe_story(story: CaseStudy | None = None) -> tuple[str, str]:
    """Her story in two short paragraphs: what happened, and what kind of thing it is.

    Examples
    --------
    >>> happened, kind = describe_story()
    >>> happened.split(". ")[0]
    'Maria, 48, lives with chronic low back pain'
    >>> kind.startswith("A teaching story from the source article, not data")
    True
    """
    story = checked_case(story)
    treatments = listing([in_sentence(CASE_TREATMENTS[name]) for name in story.treatments])
    start_band = scales.phq9_severity(story.baseline_phq9)
    end_band = scales.phq9_severity(story.follow_up_phq9)
    happened = (
        f"{story.name}, {story.age_years}, lives with chronic {story.pain_site} pain. At the "
        f"start her pain is {number(story.baseline_pain)}/10 (Brief Pain Inventory) and her "
        f"PHQ-9 is {story.baseline_phq9} ({start_band} band). She starts {treatments}. After "
        f"{story.follow_up_weeks} weeks her pain is {number(story.follow_up_pain)}/10 and her "
        f"PHQ-9 is {story.follow_up_phq9} ({end_band} band)."
    )
    kind = (
        "A teaching story from the source article, not data: its numbers are rows of the "
        "evidence table labelled illustrative. How does her course compare with the model's "
        "patients who start where she did and get the same treatments?"
    )
    return happened, kind
