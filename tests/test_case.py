"""The case study's logic: numbers from the evidence table, her place in the model's band.

The model, the scales and the evidence table are the oracles: the case never restates a
rule or a number, so every expectation here is computed from them.
"""

import dataclasses
from itertools import combinations

import pytest

from painmood_widgets import case, describe, evidence, model, scales
from painmood_widgets.describe import case as case_words
from tests.helpers import diagnostic_phrases, evidence_with

FIELDS = {
    "case_age_years": "age_years",
    "case_baseline_pain": "baseline_pain",
    "case_baseline_phq9": "baseline_phq9",
    "case_follow_up_weeks": "follow_up_weeks",
    "case_follow_up_pain": "follow_up_pain",
    "case_follow_up_phq9": "follow_up_phq9",
}
HERS = ("duloxetine", "exercise", "cbt")
SUBSETS = [frozenset(chosen) for k in range(len(HERS) + 1) for chosen in combinations(HERS, k)]


# --- the case comes from the evidence table -------------------------------------------


def test_every_number_of_the_case_is_an_illustrative_evidence_row():
    assert set(FIELDS) == set(case.CASE_PARAMETERS)
    maria = case.case_study()
    for row, attribute in FIELDS.items():
        assert getattr(maria, attribute) == evidence.parameter(row)
    levels = case.case_evidence().set_index("parameter")["evidence_level"]
    assert all(levels[name] == "illustrative" for name in case.CASE_PARAMETERS)
    assert maria.treatments == HERS
    assert (maria.name, maria.pain_site) == ("Maria", "low back")


def test_the_story_as_told():
    maria = case.case_study()
    assert (maria.age_years, maria.follow_up_weeks) == (48, 12)
    assert (maria.baseline_pain, maria.follow_up_pain) == (7.0, 4.0)
    assert (maria.baseline_phq9, maria.follow_up_phq9) == (15, 6)


def test_changing_a_row_changes_the_case(tmp_path):
    path = evidence_with(
        tmp_path, case_baseline_pain=8, case_follow_up_phq9=11, case_follow_up_weeks=10
    )
    with evidence.use_evidence(path):
        maria = case.case_study()
        assert (maria.baseline_pain, maria.follow_up_phq9, maria.follow_up_weeks) == (8, 11, 10)
        course = case.case_course()
        assert course["week"].tolist() == [0, 10]
        assert course["pain"].tolist() == [8.0, 4.0]
        assert course["phq9"].tolist() == [15.0, 11.0]
        scenario = case.case_scenario()
        assert (scenario.baseline_pain, scenario.weeks) == (8.0, 10)
        result = case.case_against_band(n=300)
        assert result.week == 10
        assert result.phq9.observed == 11
        assert result.phq9_change == scales.phq9_change(15, 11)
        assert case_words.case_questions()[0].prompt.startswith(
            "Her PHQ-9 fell 4 points, from 15 to 11"
        )
        assert "(11)" in case_words.describe_case(result)
    assert case.case_study().follow_up_phq9 == 6


@pytest.mark.parametrize(
    ("row", "value", "rule"),
    [
        ("case_follow_up_phq9", 6.5, "a whole number from 0 to 27"),
        ("case_baseline_phq9", 28, "a whole number from 0 to 27"),
        ("case_baseline_pain", 11, "a number from 0 to 10"),
        ("case_follow_up_weeks", 0, "a whole number from 1 to 104"),
        ("case_age_years", 12, "a whole number from 18 to 120"),
    ],
)
def test_a_case_row_out_of_range_is_refused_by_name(tmp_path, row, value, rule):
    with (
        evidence.use_evidence(evidence_with(tmp_path, **{row: value})),
        pytest.raises(ValueError, match=f"evidence row {row} must be {rule}"),
    ):
        case.case_study()


# --- her scenario ------------------------------------------------------------------------


def test_her_scenario_keeps_the_levers_at_their_reference():
    scenario = case.case_scenario()
    reference = model.Scenario()
    for lever in model.LEVERS:
        assert getattr(scenario, lever) == getattr(reference, lever)
    assert scenario.treatments == frozenset(HERS)
    assert (scenario.baseline_pain, scenario.baseline_phq9, scenario.weeks) == (7, 15, 12)


def test_only_her_treatments_can_be_simulated():
    assert case.case_scenario(treatments=[]).treatments == frozenset()
    with pytest.raises(ValueError, match=r"some of her treatments.*got 'cbt_i'"):
        case.case_scenario(treatments=["cbt", "cbt_i"])
    with pytest.raises(ValueError, match="bare string"):
        case.case_scenario(treatments="cbt")
    with pytest.raises(ValueError, match="case must be a CaseStudy"):
        case.case_course("Maria")
    with pytest.raises(ValueError, match="treatments must be one or more of duloxetine"):
        dataclasses.replace(case.case_study(), treatments=("cbt_i",))


def test_her_course_is_two_observed_points():
    course = case.case_course()
    assert list(course.columns) == ["week", "pain", "phq9"]
    assert course.to_dict("list") == {"week": [0, 12], "pain": [7.0, 4.0], "phq9": [15.0, 6.0]}


# --- against the band ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_she_is_placed_where_the_band_puts_her(seed):
    """The model was calibrated to trial arms, not to her: her place is read off the band."""
    result = case.case_against_band(n=1000, seed=seed)
    for score in (result.pain, result.phq9):
        expected = (
            "below"
            if score.observed < score.p10
            else "above"
            if score.observed > score.p90
            else "inside"
        )
        assert score.position == expected
        assert score.inside_band == (expected == "inside")
        assert score.better_than_median == (score.observed < score.p50)


def test_the_band_is_the_models_cohort_at_follow_up():
    result = case.case_against_band(n=400, seed=3)
    scenario = case.case_scenario()
    band = model.summarize(model.simulate_cohort(scenario, n=400, seed=3))
    assert result.cohort_summary.equals(band)
    assert result.typical.equals(model.trajectory(scenario))
    at_12 = band.set_index("week").loc[12]
    for measure in ("pain", "phq9"):
        score = getattr(result, measure)
        assert (score.p10, score.p50, score.p90) == tuple(
            at_12[f"{measure}_{q}"] for q in ("p10", "p50", "p90")
        )


def test_her_changes_are_judged_by_the_scales():
    result = case.case_against_band(n=200)
    assert result.phq9_change == scales.phq9_change(15, 6)
    assert result.pain_change == scales.pain_change(7.0, 4.0)
    assert result.phq9_change.response and not result.phq9_change.remission
    assert result.phq9_change.clinically_important and result.pain_change.clinically_important


def test_switching_treatments_off_moves_the_band_up():
    full = case.case_against_band(n=500)
    for subset in SUBSETS:
        result = case.case_against_band(n=500, treatments=subset)
        assert result.scenario.treatments == subset
        for measure in ("pain", "phq9"):
            mine, all_three = getattr(result, measure), getattr(full, measure)
            assert mine.p50 >= all_three.p50 and mine.p90 >= all_three.p90
            if subset != frozenset(HERS):
                assert mine.p50 > all_three.p50


def test_bad_cohort_settings_are_refused_by_the_model():
    with pytest.raises(ValueError, match="n must be"):
        case.case_against_band(n=0)
    with pytest.raises(ValueError, match="seed must be"):
        case.case_against_band(seed=-1)


# --- words ----------------------------------------------------------------------------------


def _band_words(score: case.ScoreAgainstBand) -> str:
    if score.measure == "phq9":
        return f"{describe.phq9_reading(score.p10)}-{describe.phq9_reading(score.p90)}"
    return f"{describe.pain_reading(score.p10):.1f}-{describe.pain_reading(score.p90):.1f}"


def test_the_summary_says_where_she_falls():
    result = case.case_against_band()
    text = case_words.describe_case(result)
    assert text.startswith("With all three of her treatments, Maria's PHQ-9 at week 12 (6) lies ")
    assert f"PHQ-9 at week 12 (6) lies {result.phq9.position} the model's 10-90% band" in text
    assert f"({_band_words(result.phq9)})" in text
    assert f"her pain (4) lies {result.pain.position} the band ({_band_words(result.pain)})" in text
    better = [
        name
        for name, score in (("PHQ-9", result.phq9), ("pain", result.pain))
        if score.better_than_median
    ]
    if result.phq9.inside_band and result.pain.inside_band and len(better) == 1:
        assert text.endswith(f"plausible, better than the median for {better[0]} only.")
    no_yoga = case_words.describe_case(case.case_against_band(treatments=("duloxetine", "cbt")))
    assert no_yoga.startswith("With duloxetine and weekly CBT only (gentle yoga switched off)")
    with pytest.raises(ValueError, match="comparison must be a CaseComparison"):
        case_words.describe_case("Maria")


def _comparison(pain_position: str, phq9_position: str, better: bool) -> case.CaseComparison:
    """A comparison with chosen places in the band, to read each verdict."""
    real = case.case_against_band(n=200)

    def score(measure, position):
        return dataclasses.replace(
            getattr(real, measure), position=position, better_than_median=better
        )

    return dataclasses.replace(
        real, pain=score("pain", pain_position), phq9=score("phq9", phq9_position)
    )


@pytest.mark.parametrize(
    ("pain", "phq9", "better", "ending"),
    [
        ("inside", "inside", True, "plausible, and better than the typical course on both."),
        ("inside", "inside", False, "plausible, and no better than the typical course."),
        (
            "below",
            "inside",
            True,
            "Fewer than 1 in 10 simulated patients with these treatments do as well on pain.",
        ),
        (
            "inside",
            "above",
            False,
            "9 in 10 simulated patients with these treatments do better on PHQ-9.",
        ),
    ],
)
def test_each_verdict_follows_her_place_in_the_band(pain, phq9, better, ending):
    assert case_words.describe_case(_comparison(pain, phq9, better)).endswith(ending)


@pytest.mark.parametrize("subset", SUBSETS, ids=lambda s: "+".join(sorted(s)) or "none")
def test_every_summary_is_one_clean_paragraph(subset):
    text = case_words.describe_case(case.case_against_band(n=300, treatments=subset))
    assert text.endswith(".") and "nan" not in text.lower() and ".." not in text
    assert diagnostic_phrases(text) == []


def test_questions_quote_the_case_and_answers_follow_the_rules():
    questions = case_words.case_questions()
    prompts = [question.prompt for question in questions]
    assert prompts == [
        "Her PHQ-9 fell 9 points, from 15 to 6: response, remission, or both?",
        "Which of her three treatments has the strongest evidence for pain? And for mood?",
        "What would you re-check at week 4-6?",
        "Is Maria typical, a responder, or lucky?",
        "Which numbers in her story are illustrative?",
    ]
    phq9, strength, recheck, responder, illustrative = (q.answer for q in questions)
    assert phq9.startswith("Response, not remission.") and "Löwe" in phq9
    assert strength.index("Pain: duloxetine") < strength.index("Mood: duloxetine")
    assert "SMD 0.48 (derived" in strength and "SMD 0.21 (published" in strength
    assert "item 9" in recheck and "25% improvement by week 6" in recheck
    assert "51.7% vs 27.1%" in responder and "about 1 point more" in responder
    untreated = case.case_against_band(treatments=())
    if untreated.phq9.inside_band or untreated.pain.inside_band:
        assert "even with usual care alone" in responder
    else:
        assert "fewer than 1 in 10 patients with usual care alone" in responder
    assert "age 48" in illustrative and "PHQ-9 6 at follow-up" in illustrative
    behind = model.evidence_behind(case.case_scenario())
    count = int((behind["evidence_level"] == "illustrative").sum())
    assert f"{count} of the {len(behind)} rows are illustrative" in illustrative
    for question in questions:
        text = f"{question.prompt} {question.answer}".lower()
        assert diagnostic_phrases(text) == []
        assert question.answer not in question.prompt
