"""The checks of exercises 05 (a treatment plan to a target) and 06 (the synthetic cohort).

For each check: the right answer passes in its equivalent forms, ``...`` is "not answered
yet", an answer of the wrong kind is unreadable and the message names the field, each
typical wrong answer gets its own message, and no message for a wrong answer shows the
expected value.
"""

import re
from pathlib import Path

import altair as alt
import nbformat
import numpy as np
import pytest

from painmood_widgets import charts, model
from painmood_widgets.describe.readings import pain_reading, phq9_reading
from painmood_widgets.exercises.analysis import (
    CORRELATION_READINGS,
    check_correlation_reading,
    check_phq9_by_sleep,
    check_plan_effect,
    check_sleep_chart,
    check_sleep_phq9_correlation,
    check_treatment_plan,
    check_untreated_week12,
    load_cohort,
)
from painmood_widgets.exercises.student import EXERCISES_DIR
from tests.helpers import diagnostic_phrases

PATIENT = model.Scenario(
    baseline_phq9=17, baseline_pain=7, sleep_hours=5.5, activity_minutes=30, weeks=12
)
PLAN = PATIENT.replace(treatments={"duloxetine", "cbt", "cbt_i"})
MILD = model.Scenario(baseline_phq9=12, baseline_pain=3, weeks=12)
"""Another patient, whose pain target (1 or less) is hard to reach."""
PAIN_SHORT = MILD.replace(treatments={"cbt"})
"""A plan that meets MILD's PHQ-9 target but not her pain target: for Ms Lindqvist no plan
does (every plan that brings her PHQ-9 below 10 brings her pain to 5 or less)."""


def spellings(value: float) -> list[str]:
    """How a number could be written in a message: whole, one, two and three decimals."""
    return sorted({f"{value:.0f}", f"{value:.1f}", f"{value:.2f}", f"{value:.3f}"} - {"0", "-0"})


def assert_no_leak(message: str, *expected: float) -> None:
    numbers = set(re.findall(r"-?\d+(?:\.\d+)?", message))
    for value in expected:
        leaked = numbers & set(spellings(value))
        assert not leaked, f"{leaked} leaks the expected answer: {message}"


def assert_clean(feedback) -> None:
    assert diagnostic_phrases(feedback.message) == []


# =========================================================================== exercise 05
@pytest.fixture(scope="module")
def untreated():
    return model.trajectory(PATIENT)


@pytest.fixture(scope="module")
def week12(untreated):
    return untreated[untreated["week"] == 12]


# --------------------------------------------------------------------------- task 1
def test_untreated_week12_right_in_every_form(untreated, week12):
    row = untreated.iloc[12]
    forms = [
        week12,
        week12[["phq9", "pain", "week"]],
        row,
        untreated.loc[12, ["pain", "phq9"]],
        {"pain": float(row["pain"]), "phq9": np.float64(row["phq9"])},
        week12.round(2),
    ]
    for form in forms:
        feedback = check_untreated_week12(form, PATIENT)
        assert feedback.passed, feedback.message
        assert feedback.message.startswith("Right.")
        assert_clean(feedback)


def test_untreated_week12_not_answered():
    feedback = check_untreated_week12(..., PATIENT)
    assert feedback.status == "not answered"
    assert "her untreated scores at week 12" in feedback.message


def test_untreated_week12_unreadable_names_the_field(untreated):
    feedback = check_untreated_week12(12, PATIENT)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check her untreated scores at week 12 yet")
    missing = check_untreated_week12(untreated[["week", "pain"]].iloc[[12]], PATIENT)
    assert missing.status == "unreadable" and "without phq9" in missing.message
    text = check_untreated_week12({"pain": "4.5", "phq9": 12.0}, PATIENT)
    assert text.status == "unreadable"
    assert "the pain in her untreated scores at week 12" in text.message


def test_untreated_week12_starting_scores(untreated):
    feedback = check_untreated_week12(untreated[untreated["week"] == 0], PATIENT)
    assert feedback.status == "close" and "starting scores, week 0" in feedback.message


def test_untreated_week12_another_week_by_position(untreated):
    feedback = check_untreated_week12(untreated.loc[11, ["pain", "phq9"]], PATIENT)
    assert "week 11, not week 12" in feedback.message


def test_untreated_week12_the_whole_course(untreated):
    feedback = check_untreated_week12(untreated, PATIENT)
    assert "holds 13 rows, one per week" in feedback.message


def test_untreated_week12_a_filter_that_kept_nothing(untreated):
    feedback = check_untreated_week12(untreated[untreated["week"] == 13], PATIENT)
    assert "no rows" in feedback.message


def test_untreated_week12_usual_care_at_the_reference_lifestyle():
    usual = model.trajectory(model.usual_care(PATIENT))
    feedback = check_untreated_week12(usual[usual["week"] == 12], PATIENT)
    assert "model.usual_care(patient)" in feedback.message
    assert "reference lifestyle" in feedback.message


def test_untreated_week12_pain_and_phq9_swapped(week12):
    swapped = {"pain": week12["phq9"].item(), "phq9": week12["pain"].item()}
    assert "swapped" in check_untreated_week12(swapped, PATIENT).message


def test_untreated_week12_someone_else():
    other = model.trajectory(model.Scenario(weeks=12))
    feedback = check_untreated_week12(other[other["week"] == 12], PATIENT)
    assert feedback.status == "close"
    assert "not the model's week-12 scores for her untreated course" in feedback.message


def test_untreated_week12_never_shows_the_expected_scores(untreated, week12):
    expected = (week12["pain"].item(), week12["phq9"].item())
    usual = model.trajectory(model.usual_care(PATIENT))
    wrong = [
        untreated[untreated["week"] == 0],
        untreated.loc[11, ["pain", "phq9"]],
        untreated,
        untreated[untreated["week"] == 13],
        usual[usual["week"] == 12],
        {"pain": expected[1], "phq9": expected[0]},
        {"pain": 1.0, "phq9": 2.0},
    ]
    for answer in wrong:
        feedback = check_untreated_week12(answer, PATIENT)
        assert not feedback.passed
        assert_no_leak(feedback.message, *expected)
        assert_clean(feedback)


def test_untreated_week12_refuses_a_patient_that_is_not_a_scenario(week12):
    with pytest.raises(ValueError, match="patient must be"):
        check_untreated_week12(week12, {"baseline_phq9": 17})


# --------------------------------------------------------------------------- task 2
def test_plan_right_in_every_form():
    forms = [
        PLAN,
        model.Scenario(
            baseline_phq9=17,
            baseline_pain=7,
            sleep_hours=5.5,
            activity_minutes=30,
            treatments=["cbt_i", "cbt", "duloxetine"],
            weeks=12,
        ),
        PLAN.replace(weeks=26),
    ]
    for form in forms:
        feedback = check_treatment_plan(form, PATIENT)
        assert feedback.passed, feedback.message
        assert "PHQ-9 below 10: met" in feedback.message
        assert "Pain at 5 or less, 2 points below her 7: met" in feedback.message
        assert "illustrative" in feedback.message and "item 9" in feedback.message
        assert_clean(feedback)


def test_plan_reports_the_model_readings_of_the_plan():
    at = model.trajectory(PLAN).iloc[12]
    message = check_treatment_plan(PLAN, PATIENT).message
    assert f"PHQ-9 reads {phq9_reading(at['phq9'])}" in message
    assert f"pain {pain_reading(at['pain']):.1f}" in message


def test_plan_not_answered():
    feedback = check_treatment_plan(..., PATIENT)
    assert feedback.status == "not answered" and "your plan" in feedback.message


def test_plan_unreadable_names_the_field():
    for answer in ({"treatments": {"cbt"}}, {"cbt", "duloxetine"}, "cbt"):
        feedback = check_treatment_plan(answer, PATIENT)
        assert feedback.status == "unreadable"
        assert feedback.message.startswith(
            "Cannot check your plan yet: it should be a model.Scenario"
        )


def test_plan_that_changes_her_starting_scores():
    feedback = check_treatment_plan(PLAN.replace(baseline_phq9=12), PATIENT)
    assert feedback.status == "close"
    assert "changes her starting PHQ-9" in feedback.message


def test_plan_that_stops_before_week_12():
    feedback = check_treatment_plan(PLAN.replace(weeks=8), PATIENT)
    assert "simulates 8 weeks" in feedback.message


def test_plan_that_changes_nothing():
    feedback = check_treatment_plan(PATIENT, PATIENT)
    assert "her untreated course" in feedback.message


def test_plan_short_of_the_phq9_target_says_which_way_to_move():
    feedback = check_treatment_plan(PATIENT.replace(treatments={"duloxetine"}), PATIENT)
    assert feedback.status == "close"
    assert "PHQ-9 below 10: not met" in feedback.message
    assert "Pain at 5 or less, 2 points below her 7: met" in feedback.message
    assert "To bring PHQ-9 further down" in feedback.message
    assert "To bring pain further down" not in feedback.message


def test_plan_short_of_the_pain_target_says_which_way_to_move():
    feedback = check_treatment_plan(PAIN_SHORT, MILD)
    assert "PHQ-9 below 10: met" in feedback.message
    assert "Pain at 1 or less, 2 points below her 3: not met" in feedback.message
    assert "To bring pain further down" in feedback.message
    assert "To bring PHQ-9 further down" not in feedback.message
    assert "what pushes pain up" not in feedback.message  # her week is the reference one


def test_plan_short_of_both_targets():
    feedback = check_treatment_plan(PATIENT.replace(treatments={"social_support"}), PATIENT)
    assert "PHQ-9 below 10: not met" in feedback.message
    assert "2 points below her 7: not met" in feedback.message


def test_every_treatment_at_once_is_a_point_to_discuss():
    feedback = check_treatment_plan(PATIENT.replace(treatments=model.TREATMENTS), PATIENT)
    assert feedback.status == "close"
    assert "Both targets are met in the model" in feedback.message
    assert "6 of the model's 6 treatments at once" in feedback.message


def test_sleep_jumping_to_10_hours_is_a_point_to_discuss():
    feedback = check_treatment_plan(PLAN.replace(sleep_hours=10), PATIENT)
    assert feedback.status == "close"
    assert "from 5.5 to 10 hours a night" in feedback.message
    assert "seldom changes that much that fast" in feedback.message


def test_cbt_i_with_sleep_already_restored_adds_nothing():
    feedback = check_treatment_plan(PLAN.replace(sleep_hours=7), PATIENT)
    assert "here it adds nothing" in feedback.message


def test_activity_jumping_beyond_the_programme_is_a_point_to_discuss():
    plan = PLAN.replace(treatments=PLAN.treatments | {"exercise"}, activity_minutes=150)
    feedback = check_treatment_plan(plan, PATIENT)
    assert "from 30 to about 300 minutes" in feedback.message
    assert "graded increase" in feedback.message


def test_exercise_programme_alone_is_not_flagged():
    plan = PLAN.replace(treatments=PLAN.treatments | {"exercise"})
    assert check_treatment_plan(plan, PATIENT).passed


def test_starting_opioids_is_a_point_to_discuss():
    feedback = check_treatment_plan(PLAN.replace(opioid_days=1), PATIENT)
    assert "starts opioids" in feedback.message


def test_setting_crp_is_a_point_to_discuss():
    feedback = check_treatment_plan(PLAN.replace(crp_mg_l=0.5), PATIENT)
    assert "CRP is a blood marker" in feedback.message


def test_shortening_her_sleep_or_activity_is_questioned():
    shorter = check_treatment_plan(PLAN.replace(sleep_hours=5), PATIENT)
    assert "shortens her sleep" in shorter.message
    less = check_treatment_plan(PLAN.replace(activity_minutes=0), PATIENT)
    assert "lowers her activity" in less.message


def test_plan_messages_never_name_a_treatment_to_add_nor_her_untreated_scores(week12):
    expected = (week12["pain"].item(), week12["phq9"].item())
    names = [label.split(" (")[0].lower() for label in model.TREATMENT_LABELS.values()]
    unchanged = check_treatment_plan(PATIENT, PATIENT).message
    assert_no_leak(unchanged, *expected)
    for plan, patient in (
        (PATIENT.replace(treatments={"duloxetine"}), PATIENT),
        (PAIN_SHORT, MILD),
    ):
        message = check_treatment_plan(plan, patient).message.lower()
        missing = [
            name
            for name, key in zip(names, model.TREATMENTS, strict=True)
            if key not in plan.treatments
        ]
        assert [name for name in missing if name in message] == []


# --------------------------------------------------------------------------- task 3
@pytest.fixture(scope="module")
def plan_course():
    return model.trajectory(PLAN)


@pytest.fixture(scope="module")
def effect(plan_course, untreated):
    return plan_course["phq9"].iloc[12] - untreated["phq9"].iloc[12]


def test_plan_effect_right_in_every_form(plan_course, week12, effect):
    plan_week12 = plan_course[plan_course["week"] == 12]
    forms = [
        effect,
        float(effect),
        round(float(effect), 2),
        plan_week12["phq9"].to_numpy() - week12["phq9"].to_numpy(),
        plan_week12["phq9"] - week12["phq9"],
    ]
    for form in forms:
        feedback = check_plan_effect(form, PLAN, PATIENT)
        assert feedback.passed, feedback.message
        assert "usual care" in feedback.message
        assert_clean(feedback)


def test_plan_effect_not_answered():
    assert check_plan_effect(..., PLAN, PATIENT).status == "not answered"
    no_plan = check_plan_effect(..., ..., PATIENT)
    assert no_plan.status == "not answered" and "your plan (task 2)" in no_plan.message


def test_plan_effect_unreadable_names_the_field(effect):
    feedback = check_plan_effect("-6", PLAN, PATIENT)
    assert feedback.status == "unreadable"
    assert "the plan's own effect on PHQ-9 at week 12" in feedback.message
    no_plan = check_plan_effect(effect, {"treatments": {"cbt"}}, PATIENT)
    assert no_plan.status == "unreadable" and "your plan (task 2)" in no_plan.message


def test_plan_effect_change_from_baseline_counts_usual_care(plan_course):
    change = plan_course["phq9"].iloc[12] - 17
    feedback = check_plan_effect(change, PLAN, PATIENT)
    assert "whole change from week 0" in feedback.message
    fall = check_plan_effect(-change, PLAN, PATIENT)
    assert "whole fall from week 0" in fall.message


def test_plan_effect_sign_turned_round(effect):
    feedback = check_plan_effect(-effect, PLAN, PATIENT)
    assert "Right size, turned round" in feedback.message


def test_plan_effect_against_usual_care_at_the_reference_lifestyle(plan_course):
    usual = model.trajectory(model.usual_care(PATIENT))
    value = plan_course["phq9"].iloc[12] - usual["phq9"].iloc[12]
    assert "model.usual_care(patient)" in check_plan_effect(value, PLAN, PATIENT).message


def test_plan_effect_of_pain_instead_of_phq9(plan_course, untreated):
    value = plan_course["pain"].iloc[12] - untreated["pain"].iloc[12]
    assert "difference in pain" in check_plan_effect(value, PLAN, PATIENT).message


def test_plan_effect_rounded_before_subtracting(plan_course, untreated):
    value = phq9_reading(plan_course["phq9"].iloc[12]) - phq9_reading(untreated["phq9"].iloc[12])
    assert "rounded each score" in check_plan_effect(value, PLAN, PATIENT).message


def test_plan_effect_at_another_week(plan_course, untreated):
    value = plan_course["phq9"].iloc[8] - untreated["phq9"].iloc[8]
    assert "difference at week 8" in check_plan_effect(value, PLAN, PATIENT).message


def test_plan_effect_never_shows_the_expected_value(plan_course, untreated, effect):
    usual = model.trajectory(model.usual_care(PATIENT))
    wrong = [
        plan_course["phq9"].iloc[12] - 17,
        17 - plan_course["phq9"].iloc[12],
        -effect,
        plan_course["phq9"].iloc[12] - usual["phq9"].iloc[12],
        plan_course["pain"].iloc[12] - untreated["pain"].iloc[12],
        plan_course["phq9"].iloc[8] - untreated["phq9"].iloc[8],
        40.0,
    ]
    for answer in wrong:
        feedback = check_plan_effect(answer, PLAN, PATIENT)
        assert not feedback.passed
        assert_no_leak(feedback.message, effect)
        assert_clean(feedback)


# =========================================================================== exercise 06
@pytest.fixture(scope="module")
def cohort():
    return load_cohort()


@pytest.fixture(scope="module")
def baseline(cohort):
    return cohort[cohort["week"] == 0]


def group_means(rows, short, column="phq9", statistic="mean"):
    return rows.groupby(short)[column].agg(statistic)


# --------------------------------------------------------------------------- task 1
def test_phq9_by_sleep_right_in_every_form(baseline):
    short = baseline["sleep_hours"] < 6
    series = group_means(baseline, short)
    forms = [
        series,
        series.round(2),
        series.to_frame(),
        series.reset_index(),
        series.reset_index()[["phq9", "sleep_hours"]],
        series.sort_index(ascending=False),
        baseline.assign(short_sleep=short).groupby("short_sleep")["phq9"].mean(),
        baseline.groupby(short).mean(numeric_only=True),
        baseline.groupby(short)["phq9"].agg(["count", "mean"]),
    ]
    for form in forms:
        feedback = check_phq9_by_sleep(form)
        assert feedback.passed, feedback.message
        assert "synthetic_sleep_phq9_correlation" in feedback.message
        assert_clean(feedback)


def test_phq9_by_sleep_not_answered():
    feedback = check_phq9_by_sleep(...)
    assert feedback.status == "not answered"
    assert "the mean baseline PHQ-9 of each sleep group" in feedback.message


def test_phq9_by_sleep_unreadable_names_the_field(baseline):
    for answer in (10.5, [10.5, 7.0], "higher"):
        feedback = check_phq9_by_sleep(answer)
        assert feedback.status == "unreadable"
        assert feedback.message.startswith(
            "Cannot check the mean baseline PHQ-9 of each sleep group yet"
        )
    both = baseline.groupby(baseline["sleep_hours"] < 6)[["pain", "phq9"]].mean()
    assert check_phq9_by_sleep(both).passed  # phq9 is there: the extra column is ignored
    two = baseline.groupby(baseline["sleep_hours"] < 6)[["pain", "sleep_hours"]].mean()
    unreadable = check_phq9_by_sleep(two)
    assert unreadable.status == "unreadable" and "column phq9" in unreadable.message


def test_phq9_by_sleep_every_week_instead_of_week_0(cohort):
    feedback = check_phq9_by_sleep(group_means(cohort, cohort["sleep_hours"] < 6))
    assert feedback.message == (
        "Not yet. Close: you used every week, not only week 0: each patient then counts 27 "
        "times, and their follow-up scores, after treatment, are mixed in with baseline. Keep "
        "the rows where week is 0."
    )


def test_phq9_by_sleep_at_most_6_instead_of_under_6(baseline):
    feedback = check_phq9_by_sleep(group_means(baseline, baseline["sleep_hours"] <= 6))
    assert "exactly 6 hours as short sleepers (<= 6)" in feedback.message


def test_phq9_by_sleep_mean_of_pain(baseline):
    feedback = check_phq9_by_sleep(group_means(baseline, baseline["sleep_hours"] < 6, "pain"))
    assert feedback.message == "Not yet. Close: you averaged pain, not PHQ-9."


def test_phq9_by_sleep_groups_the_wrong_way_round(baseline):
    feedback = check_phq9_by_sleep(group_means(baseline, baseline["sleep_hours"] >= 6))
    assert "wrong way round" in feedback.message


def test_phq9_by_sleep_median(baseline):
    series = group_means(baseline, baseline["sleep_hours"] < 6, statistic="median")
    assert "the median" in check_phq9_by_sleep(series).message


def test_phq9_by_sleep_group_sizes(baseline):
    series = group_means(baseline, baseline["sleep_hours"] < 6, statistic="count")
    assert "sizes of the groups" in check_phq9_by_sleep(series).message


def test_phq9_by_sleep_names_every_mistake_it_combines(cohort):
    feedback = check_phq9_by_sleep(group_means(cohort, cohort["sleep_hours"] <= 6, "pain"))
    for part in ("every week", "<= 6", "averaged pain"):
        assert part in feedback.message


def test_phq9_by_sleep_not_split_by_a_true_false_column(baseline):
    feedback = check_phq9_by_sleep(baseline.groupby("sleep_hours")["phq9"].mean())
    assert "true/false column" in feedback.message


def test_phq9_by_sleep_one_group_only(baseline):
    short = baseline[baseline["sleep_hours"] < 6]
    feedback = check_phq9_by_sleep(group_means(short, short["sleep_hours"] < 6))
    assert "two rows" in feedback.message


def test_phq9_by_sleep_never_shows_the_expected_means(cohort, baseline):
    expected = group_means(baseline, baseline["sleep_hours"] < 6)
    wrong = [
        group_means(cohort, cohort["sleep_hours"] < 6),
        group_means(baseline, baseline["sleep_hours"] <= 6),
        group_means(baseline, baseline["sleep_hours"] < 6, "pain"),
        group_means(baseline, baseline["sleep_hours"] >= 6),
        group_means(baseline, baseline["sleep_hours"] < 6, statistic="median"),
        expected + 1,
    ]
    for answer in wrong:
        feedback = check_phq9_by_sleep(answer)
        assert not feedback.passed
        assert_no_leak(feedback.message, *expected)
        assert_clean(feedback)


def test_phq9_by_sleep_follows_the_cohort_it_is_given(baseline):
    fewer = baseline.iloc[:500]
    answer = group_means(fewer, fewer["sleep_hours"] < 6)
    assert check_phq9_by_sleep(answer, fewer).passed
    assert not check_phq9_by_sleep(answer).passed
    with pytest.raises(ValueError, match="cohort lacks"):
        check_phq9_by_sleep(answer, fewer[["week", "phq9"]])


# --------------------------------------------------------------------------- task 2
@pytest.fixture(scope="module")
def r(baseline):
    return baseline["sleep_hours"].corr(baseline["phq9"])


def test_correlation_right_in_every_form(baseline, r):
    matrix = baseline[["sleep_hours", "pain", "phq9"]].corr()
    for form in (r, float(r), round(r, 2), matrix.loc["phq9", "sleep_hours"], np.array([r])):
        feedback = check_sleep_phq9_correlation(form)
        assert feedback.passed, feedback.message
        assert_clean(feedback)


def test_correlation_not_answered():
    assert check_sleep_phq9_correlation(...).status == "not answered"


def test_correlation_unreadable_names_the_field(baseline):
    text = check_sleep_phq9_correlation("-0.3")
    assert text.status == "unreadable"
    assert text.message.startswith("Cannot check the correlation of sleep and PHQ-9 at baseline")
    matrix = check_sleep_phq9_correlation(baseline[["sleep_hours", "phq9"]].corr())
    assert matrix.status == "unreadable" and "correlation matrix" in matrix.message


def test_correlation_every_week_pooled(cohort):
    feedback = check_sleep_phq9_correlation(cohort["sleep_hours"].corr(cohort["phq9"]))
    assert "pooled every week" in feedback.message


def test_correlation_sign_turned_round(r):
    assert "wrong sign" in check_sleep_phq9_correlation(-r).message


def test_correlation_squared(r):
    assert "r squared" in check_sleep_phq9_correlation(r**2).message


def test_correlation_spearman(baseline):
    value = baseline["sleep_hours"].rank().corr(baseline["phq9"].rank())
    assert "Spearman" in check_sleep_phq9_correlation(value).message


def test_correlation_of_the_short_sleep_flag(baseline):
    value = (baseline["sleep_hours"] < 6).astype(int).corr(baseline["phq9"])
    assert "short-sleep flag" in check_sleep_phq9_correlation(value).message


def test_correlation_of_pain_in_place_of_one_measure(baseline):
    pain_phq9 = baseline["pain"].corr(baseline["phq9"])
    assert "pain and PHQ-9" in check_sleep_phq9_correlation(pain_phq9).message
    sleep_pain = baseline["sleep_hours"].corr(baseline["pain"])
    assert "sleep and pain" in check_sleep_phq9_correlation(sleep_pain).message


def test_correlation_outside_minus_1_to_1(baseline):
    covariance = baseline["sleep_hours"].cov(baseline["phq9"])
    assert "between -1 and 1" in check_sleep_phq9_correlation(covariance).message


def test_correlation_never_shows_the_expected_value(cohort, baseline, r):
    wrong = [
        cohort["sleep_hours"].corr(cohort["phq9"]),
        -r,
        r**2,
        baseline["sleep_hours"].rank().corr(baseline["phq9"].rank()),
        baseline["pain"].corr(baseline["phq9"]),
        baseline["sleep_hours"].cov(baseline["phq9"]),
        0.9,
    ]
    for answer in wrong:
        feedback = check_sleep_phq9_correlation(answer)
        assert not feedback.passed
        assert_no_leak(feedback.message, r)
        assert_clean(feedback)


# --------------------------------------------------------------------------- task 3
def test_reading_right_in_every_form():
    for form in ("a", "A", " a. ", "(a)"):
        feedback = check_correlation_reading(form)
        assert feedback.passed, feedback.message


def test_reading_follows_the_sign_in_the_cohort_it_is_given(cohort):
    turned = cohort.assign(phq9=27 - cohort["phq9"])
    assert check_correlation_reading("b", turned).passed
    assert not check_correlation_reading("a", turned).passed


def test_reading_not_answered():
    assert check_correlation_reading(...).status == "not answered"
    assert check_correlation_reading("  ").status == "not answered"


def test_reading_unreadable_names_the_field():
    for answer in (1, "e", "negative"):
        feedback = check_correlation_reading(answer)
        assert feedback.status == "unreadable"
        assert feedback.message.startswith("Cannot check your reading of the sign yet")
        assert "a, b, c or d" in feedback.message


def test_reading_the_sign_misread():
    assert "Look at the sign of your r" in check_correlation_reading("b").message


def test_reading_an_association_as_a_cause():
    assert "association as a cause" in check_correlation_reading("c").message


def test_reading_r_as_a_share_explained():
    assert "r is not a share" in check_correlation_reading("d").message


def test_reading_messages_never_name_the_right_letter():
    for letter in "bcd":
        message = check_correlation_reading(letter).message
        assert all(spelling not in message for spelling in ('"a"', "(a)", "reading a ")), message


def test_the_notebook_lists_every_reading_word_for_word():
    notebook = nbformat.read(EXERCISES_DIR / "06_cohort_analysis.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for letter, reading in CORRELATION_READINGS.items():
        assert f"- **{letter}**: {reading}" in text


# --------------------------------------------------------------------------- task 4
TITLE = {"title": "Short sleepers", "description": "PHQ-9 of the short sleepers and the cohort."}


@pytest.fixture(scope="module")
def band(cohort):
    return model.summarize(cohort)


def weekly(rows, statistic="mean"):
    return rows.groupby("week", as_index=False)["phq9"].agg(statistic)


@pytest.fixture(scope="module")
def short(cohort):
    return weekly(cohort[cohort["sleep_hours"] < 6])


def panel(band, line, measure="phq9"):
    return (
        charts.severity_bands()
        + charts.cohort_band(band, measure)
        + charts.course_line(line, measure)
    ).properties(**TITLE)


def test_chart_right_in_every_form(band, short):
    bands, area, line = (
        charts.severity_bands(),
        charts.cohort_band(band, "phq9"),
        charts.course_line(short, "phq9"),
    )
    forms = [
        panel(band, short),
        (bands + (area + line)).properties(**TITLE),
        (bands + area + line + charts.observed_points(short.assign(who="x"))).properties(**TITLE),
        (bands + area + line).properties(
            title=alt.TitleParams("Short sleepers"), description="PHQ-9 by week"
        ),
    ]
    for form in forms:
        feedback = check_sleep_chart(form)
        assert feedback.passed, feedback.message
        assert "baseline trap" in feedback.message


def test_chart_not_answered():
    assert check_sleep_chart(...).status == "not answered"


def test_chart_unreadable_names_the_field(short):
    for answer in (short, 3, "chart"):
        feedback = check_sleep_chart(answer)
        assert feedback.status == "unreadable"
        assert feedback.message.startswith("Cannot check your chart yet: it should be an Altair")
    assert "a table of data, not a chart" in check_sleep_chart(short).message


def test_chart_panels_side_by_side(band, short):
    chart = charts.severity_bands() + charts.cohort_band(band) | charts.course_line(short)
    assert "side by side" in check_sleep_chart(chart).message


def test_chart_missing_layers(band, short):
    no_bands = check_sleep_chart(charts.cohort_band(band) + charts.course_line(short))
    assert "lacks the severity bands" in no_bands.message
    no_line = check_sleep_chart(charts.severity_bands() + charts.cohort_band(band))
    assert "lacks the short sleepers' line" in no_line.message
    alone = check_sleep_chart(charts.course_line(short))
    assert "the severity bands (charts.severity_bands()) and the cohort's band" in alone.message


def test_chart_of_pain(cohort, band):
    line = cohort[cohort["sleep_hours"] < 6].groupby("week", as_index=False)["pain"].mean()
    assert "draws pain" in check_sleep_chart(panel(band, line, "pain")).message


def test_chart_with_the_bands_drawn_over_the_rest(band, short):
    chart = charts.cohort_band(band) + charts.course_line(short) + charts.severity_bands()
    assert "drawn over the other layers" in check_sleep_chart(chart.properties(**TITLE)).message


def test_chart_band_of_the_short_sleepers_only(cohort, short):
    own = model.summarize(cohort[cohort["sleep_hours"] < 6])
    assert "short sleepers' own spread" in check_sleep_chart(panel(own, short)).message


def test_chart_band_of_one_week(cohort, short):
    one = model.summarize(cohort[cohort["week"] == 0])
    chart = (
        charts.severity_bands()
        + charts.cohort_band(one, "phq9", weeks=(0, 26))
        + charts.course_line(short)
    )
    assert "one week only" in check_sleep_chart(chart.properties(**TITLE)).message


@pytest.mark.parametrize(
    ("rows", "statistic", "words"),
    [
        (lambda c: c, "mean", "every patient's weekly mean"),
        (lambda c: c[c["sleep_hours"] <= 6], "mean", "exactly 6 hours"),
        (lambda c: c[c["sleep_hours"] >= 6], "mean", "the other group"),
        (lambda c: c[c["sleep_hours"] < 6], "median", "median"),
    ],
    ids=["everyone", "at-most-6", "other-group", "median"],
)
def test_chart_line_of_the_wrong_patients(cohort, band, rows, statistic, words):
    feedback = check_sleep_chart(panel(band, weekly(rows(cohort), statistic)))
    assert feedback.status == "close" and words in feedback.message


def test_chart_line_of_the_typical_patient(band):
    typical = model.trajectory(model.Scenario(baseline_phq9=8, weeks=26))
    assert "model.trajectory" in check_sleep_chart(panel(band, typical)).message


def test_chart_line_of_the_cohort_median(band):
    chart = charts.severity_bands() + charts.cohort_band(band) + charts.cohort_median(band)
    assert "not a course" in check_sleep_chart(chart.properties(**TITLE)).message


def test_chart_without_a_title_or_description(band, short):
    bare = charts.severity_bands() + charts.cohort_band(band) + charts.course_line(short)
    feedback = check_sleep_chart(bare)
    assert "a title and a description" in feedback.message
    untitled = check_sleep_chart(bare.properties(description="PHQ-9"))
    assert "give the chart a title with" in untitled.message


def test_chart_messages_hold_no_number_from_the_data(cohort, band, short):
    wrong = [
        panel(band, weekly(cohort)),
        panel(model.summarize(cohort[cohort["sleep_hours"] < 6]), short),
        charts.cohort_band(band) + charts.course_line(short),
    ]
    for chart in wrong:
        message = check_sleep_chart(chart).message
        assert not re.search(r"\d\.\d", message), message


# =========================================================================== both notebooks
@pytest.mark.parametrize("name", ["05_treatment_plan_to_target", "06_cohort_analysis"])
def test_each_check_cell_calls_a_check_of_this_module(name):
    notebook = nbformat.read(Path(EXERCISES_DIR) / f"{name}.ipynb", as_version=4)
    checks = [c.source for c in notebook.cells if "check" in c.metadata.get("tags", [])]
    assert len(checks) >= 2
    assert all(re.fullmatch(r"check_\w+\([^\n]*\)", source) for source in checks), checks


def test_pain_short_plan_is_what_the_test_says():
    at = model.trajectory(PAIN_SHORT).iloc[12]
    assert phq9_reading(at["phq9"]) < 10 and pain_reading(at["pain"]) > 1
