"""Exercises 1 and 2 (scoring, interpreting change): each check's verdicts, and the notebooks.

Every check: the right answer passes in each equivalent form, ``...`` is "not answered
yet", an answer of the wrong kind is unreadable and names the field, each typical wrong
answer gets the message that names its misconception, and no message about a wrong
answer states the expected one.
"""

import ast
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from painmood_widgets import evidence, scales
from painmood_widgets.exercises.scoring import (
    check_bpi_scores,
    check_item9_action,
    check_pain_change_important,
    check_percent_change,
    check_phq9_change_category,
    check_phq9_change_important,
    check_phq9_total,
    check_prorated_phq9,
)
from painmood_widgets.exercises.student import INSTRUCTOR_ONLY_TAGS, student_version
from painmood_widgets.paths import ROOT
from tests import course_checks
from tests.helpers import diagnostic_phrases

# The exercises' made-up patients, as the notebooks give them.
COMPLETE = [1, 2, 2, 3, 1, 1, 1, 0, 0]
ONE_BLANK = [3, 2, 3, 3, None, 3, 3, 3, 0]  # 20 x 9 / 8 = 22.5: a half, rounded up
ITEM9 = [0, 1, 0, 1, 0, 1, 0, 0, 1]
SEVERITY = [8, 3, 6, 5]
INTERFERENCE = [7, 8, None, 6, 5, 7, None]
PAIRS = [(20, 9), (12, 8), (16, 11), (14, 3), (13, 11)]
OUTCOMES = ["response", "partial response", "partial response", "remission", "no response"]
PHQ9_IMPORTANT = [True, False, True, True, False]
PAIN_PAIRS = [(9, 7), (3, 2), (6, 5), (5, 3.5), (7, 6)]
PAIN_IMPORTANT = [True, True, False, True, False]


def assert_close(feedback, *phrases):
    assert feedback.status == "close", feedback.message
    assert feedback.message.startswith("Not yet. ")
    for phrase in phrases:
        assert phrase in feedback.message, feedback.message


def assert_no_leak(feedback, *texts):
    assert feedback.status == "close", feedback.message
    for text in texts:
        assert text not in feedback.message, (text, feedback.message)


def with_item(answers, index, value):
    changed = list(answers)
    changed[index] = value
    return changed


# ------------------------------------------------------------------ the exercises' own answers
def test_the_exercises_answers_are_what_the_package_computes():
    assert scales.score_phq9(COMPLETE).total == sum(COMPLETE)
    assert scales.score_phq9(ONE_BLANK).total == 23  # the half goes up
    assert round(20 * 9 / 8) == 22  # Python's round() would not: the trap task 2 names
    assert scales.score_phq9(ITEM9).item9_positive
    assert scales.score_phq9(ITEM9).severity == "minimal"
    result = scales.score_bpi(SEVERITY, INTERFERENCE)
    assert (result.severity, result.interference) == (5.5, 6.6)
    assert [scales.phq9_change(*pair).clinically_important for pair in PAIRS] == PHQ9_IMPORTANT
    assert [scales.pain_change(*pair).clinically_important for pair in PAIN_PAIRS] == (
        PAIN_IMPORTANT
    )
    assert scales.phq9_change(20, 9).response and not scales.phq9_change(20, 9).remission
    assert scales.phq9_change(14, 3).remission


# ------------------------------------------------------------------ check_phq9_total
@pytest.mark.parametrize(
    "total", [11, 11.0, np.int64(11), np.float64(11.0), scales.score_phq9(COMPLETE)]
)
def test_phq9_total_right_in_every_form(total):
    feedback = check_phq9_total(total, COMPLETE)
    assert feedback.passed
    assert feedback.message.startswith("Right. ")
    assert "moderate" in feedback.message


def test_phq9_total_not_answered():
    feedback = check_phq9_total(..., COMPLETE)
    assert feedback.status == "not answered"
    assert "the PHQ-9 total" in feedback.message


@pytest.mark.parametrize("total", ["11", None, True, float("nan"), [11]])
def test_phq9_total_unreadable_names_the_field(total):
    feedback = check_phq9_total(total, COMPLETE)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the PHQ-9 total yet")


@pytest.mark.parametrize("total", [11 / 9, 1.22, 1.2])
def test_phq9_total_mean_instead_of_sum(total):
    assert_close(check_phq9_total(total, COMPLETE), "you averaged the nine answers", "sum")


def test_phq9_total_answers_scored_1_to_4():
    assert_close(check_phq9_total(20, COMPLETE), "you scored the answers 1 to 4")


def test_phq9_total_items_counted_instead_of_points():
    assert_close(check_phq9_total(7, COMPLETE), "You counted the items answered above 0")


def test_phq9_total_item9_left_out():
    answers = with_item(COMPLETE, 8, 2)  # total 13
    feedback = check_phq9_total(11, answers)
    assert_close(feedback, "You left out item 9", "same-day safety assessment")
    assert_no_leak(feedback, "13")


def test_phq9_total_not_a_whole_number():
    assert_close(check_phq9_total(11.5, COMPLETE), "A PHQ-9 total is a whole number")


def test_phq9_total_out_of_range():
    assert_close(check_phq9_total(30, COMPLETE), "between 0 and 27")


def test_phq9_total_near_miss_and_far_miss():
    assert_close(check_phq9_total(12, COMPLETE), "add the nine answers again")
    assert_close(check_phq9_total(3, COMPLETE), "Add the nine answers")


@pytest.mark.parametrize("total", [11 / 9, 1.22, 20, 7, 11.5, 30, 12, 3, 10])
def test_phq9_total_never_states_the_total(total):
    assert_no_leak(check_phq9_total(total, COMPLETE), "11")


@pytest.mark.parametrize("answers", [ONE_BLANK, COMPLETE[:8], [1, 2, 2, 3, 1, 1, 1, 0, 4]])
def test_phq9_total_refuses_answers_it_cannot_check(answers):
    with pytest.raises(ValueError):
        check_phq9_total(11, answers)


# ------------------------------------------------------------------ check_prorated_phq9
@pytest.mark.parametrize("total", [23, 23.0, np.int64(23), scales.score_phq9(ONE_BLANK)])
def test_prorated_right_in_every_form(total):
    feedback = check_prorated_phq9(total, ONE_BLANK)
    assert feedback.passed
    assert "prorated" in feedback.message


def test_prorated_not_answered():
    assert check_prorated_phq9(..., ONE_BLANK).status == "not answered"


@pytest.mark.parametrize("total", ["23", True, float("inf")])
def test_prorated_unreadable_names_the_field(total):
    feedback = check_prorated_phq9(total, ONE_BLANK)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the prorated PHQ-9 total yet")


def test_prorated_blank_counted_as_zero():
    assert_close(check_prorated_phq9(20, ONE_BLANK), "You counted the blank as 0")


def test_prorated_mean_of_the_answered_items_not_multiplied():
    assert_close(check_prorated_phq9(2.5, ONE_BLANK), "mean of the answered items", "by 9")


def test_prorated_mean_over_nine_items():
    assert_close(check_prorated_phq9(20 / 9, ONE_BLANK), "averaged over all nine items")


def test_prorated_but_not_rounded():
    assert_close(check_prorated_phq9(22.5, ONE_BLANK), "not rounded", "a half rounded up")


def test_prorated_half_rounded_down_as_pythons_round_does():
    feedback = check_prorated_phq9(round(20 * 9 / 8), ONE_BLANK)
    assert_close(feedback, "the half was rounded down", "Python's round()")


def test_prorated_fraction_rounded_down():
    answers = [2, 2, None, 2, 2, 2, None, 2, 1]  # 13 x 9 / 7 = 16.7, reported as 17
    assert scales.score_phq9(answers).total == 17
    feedback = check_prorated_phq9(16, answers)
    assert_close(feedback, "rounded down (or the decimals cut off)")
    assert_no_leak(feedback, "17")


def test_prorated_fraction_rounded_up():
    answers = [2, 2, None, 2, 1, 2, None, 1, 1]  # 11 x 9 / 7 = 14.1, reported as 14
    assert scales.score_phq9(answers).total == 14
    feedback = check_prorated_phq9(15, answers)
    assert_close(feedback, "rounded up", "less than a half goes down")
    assert_no_leak(feedback, "14")


def test_prorated_none_when_it_can_be_scored():
    assert_close(check_prorated_phq9(None, ONE_BLANK), "This one can be scored")


def test_prorated_three_blanks_are_not_scored():
    answers = [1, None, None, None, 1, 1, 1, 1, 0]
    assert check_prorated_phq9(None, answers).passed
    feedback = check_prorated_phq9(9, answers)
    assert_close(feedback, "With three or more the PHQ-9 is not scored")
    assert_no_leak(feedback, "None")


def test_prorated_other_wrong_answers():
    assert_close(check_prorated_phq9(21.3, ONE_BLANK), "A PHQ-9 total is a whole number")
    assert_close(check_prorated_phq9(30, ONE_BLANK), "between 0 and 27")
    assert_close(check_prorated_phq9(18, ONE_BLANK), "Work it through again")


@pytest.mark.parametrize("total", [20, 2.5, 20 / 9, 22.5, 22, None, 21.3, 30, 18, 24])
def test_prorated_never_states_the_total(total):
    assert_no_leak(check_prorated_phq9(total, ONE_BLANK), "23")


def test_prorated_refuses_a_questionnaire_without_a_blank():
    with pytest.raises(ValueError, match="check_phq9_total"):
        check_prorated_phq9(11, COMPLETE)


# ------------------------------------------------------------------ check_item9_action
@pytest.mark.parametrize("answer", [True, np.bool_(True), "yes", "Yes.", "true"])
def test_item9_right_in_every_form(answer):
    feedback = check_item9_action(answer, ITEM9)
    assert feedback.passed
    assert "whatever the total" in feedback.message
    assert "crisis resource" in feedback.message


def test_item9_not_answered():
    assert check_item9_action(..., ITEM9).status == "not answered"


@pytest.mark.parametrize("answer", ["maybe", 1, None, 0.5])
def test_item9_unreadable_names_the_field(answer):
    feedback = check_item9_action(answer, ITEM9)
    assert feedback.status == "unreadable"
    assert "whether a same-day safety assessment is needed" in feedback.message
    assert "True or False" in feedback.message


@pytest.mark.parametrize("answer", [False, np.bool_(False), "no"])
def test_item9_low_total_read_as_no_action(answer):
    feedback = check_item9_action(answer, ITEM9)
    assert_close(
        feedback, "The total is low (minimal), but item 9 is above 0", "whatever the total"
    )
    assert_no_leak(feedback, "True")


def test_item9_high_total_still_read_on_its_own():
    answers = [3, 3, 2, 3, 2, 2, 2, 2, 1]
    feedback = check_item9_action(False, answers)
    assert_close(feedback, "Item 9 is above 0. It is read on its own")
    assert "low" not in feedback.message


@pytest.mark.parametrize("item9", [0, None])
def test_item9_check_never_judges_a_zero_or_a_blank(item9):
    with pytest.raises(ValueError, match="never an all-clear"):
        check_item9_action(False, with_item(ITEM9, 8, item9))


# ------------------------------------------------------------------ check_bpi_scores
@pytest.mark.parametrize(
    ("severity", "interference"),
    [
        (5.5, 6.6),
        (5.50, 6.60),
        (np.float64(5.5), np.float64(6.6)),
        (22 / 4, 33 / 5),
        (5.5, scales.score_bpi(SEVERITY, INTERFERENCE).interference),
    ],
)
def test_bpi_right_in_every_form(severity, interference):
    feedback = check_bpi_scores(severity, interference, SEVERITY, INTERFERENCE)
    assert feedback.passed
    assert "severe" in feedback.message  # the band, from the worst pain of 8


def test_bpi_right_with_interference_not_scored():
    interference = [5, None, 4, None, None, 6, None]
    feedback = check_bpi_scores(5.5, None, SEVERITY, interference)
    assert feedback.passed
    assert "not scored" in feedback.message


def test_bpi_not_answered_names_the_score():
    severity_first = check_bpi_scores(..., 6.6, SEVERITY, INTERFERENCE)
    assert severity_first.status == "not answered"
    assert "BPI severity" in severity_first.message
    interference_next = check_bpi_scores(5.5, ..., SEVERITY, INTERFERENCE)
    assert interference_next.status == "not answered"
    assert "BPI interference" in interference_next.message


def test_bpi_unreadable_names_the_score():
    severity = check_bpi_scores("5.5", 6.6, SEVERITY, INTERFERENCE)
    assert severity.status == "unreadable"
    assert severity.message.startswith("Cannot check the BPI severity score yet")
    interference = check_bpi_scores(5.5, "6.6", SEVERITY, INTERFERENCE)
    assert interference.status == "unreadable"
    assert interference.message.startswith("Cannot check the BPI interference score yet")


def test_bpi_severity_as_a_sum():
    feedback = check_bpi_scores(22, 6.6, SEVERITY, INTERFERENCE)
    assert_close(feedback, "Severity: you added the four ratings", "Interference is right.")


def test_bpi_severity_as_the_worst_pain():
    feedback = check_bpi_scores(8, 6.6, SEVERITY, INTERFERENCE)
    assert_close(feedback, "worst-pain rating alone, which sets the band")


def test_bpi_severity_as_the_average_pain_item():
    feedback = check_bpi_scores(6, 6.6, SEVERITY, INTERFERENCE)
    assert_close(feedback, "average-pain rating alone")


def test_bpi_interference_as_a_sum():
    feedback = check_bpi_scores(5.5, 33, SEVERITY, INTERFERENCE)
    assert feedback.message.startswith("Not yet. Severity is right. ")
    assert_close(feedback, "Interference: you added the answered items", "a mean, not a sum")


def test_bpi_interference_blanks_counted_as_zero():
    feedback = check_bpi_scores(5.5, 33 / 7, SEVERITY, INTERFERENCE)
    assert_close(feedback, "you divided by 7, counting the blanks as 0")


def test_bpi_interference_blanks_filled_in_as_for_a_phq9():
    feedback = check_bpi_scores(5.5, 33 * 7 / 5, SEVERITY, INTERFERENCE)
    assert_close(feedback, "you filled in the blanks and added, as for a PHQ-9 total")


def test_bpi_scores_swapped():
    feedback = check_bpi_scores(6.6, 5.5, SEVERITY, INTERFERENCE)
    assert_close(feedback, "that is the interference score", "that is the severity score")


def test_bpi_interference_given_when_too_few_answered():
    interference = [5, None, 4, None, None, 6, None]
    feedback = check_bpi_scores(5.5, 5, SEVERITY, interference)
    assert_close(feedback, "With fewer than 4 of the 7 answered it is not scored")
    assert_no_leak(feedback, "None")


def test_bpi_interference_missing_when_it_can_be_scored():
    feedback = check_bpi_scores(5.5, None, SEVERITY, INTERFERENCE)
    assert_close(feedback, "so it is scored")


def test_bpi_other_wrong_answers():
    assert_close(check_bpi_scores(55, 6.6, SEVERITY, INTERFERENCE), "between 0 and 10")
    assert_close(check_bpi_scores(4, 6.6, SEVERITY, INTERFERENCE), "add the four ratings")
    assert_close(
        check_bpi_scores(5.5, 3, SEVERITY, INTERFERENCE), "divide by how many were answered"
    )


@pytest.mark.parametrize(
    ("severity", "interference"),
    [(22, 6.6), (8, 6.6), (6, 6.6), (5.5, 33), (5.5, 33 / 7), (5.5, 46.2), (6.6, 5.5), (4, 3)],
)
def test_bpi_never_states_the_scores(severity, interference):
    feedback = check_bpi_scores(severity, interference, SEVERITY, INTERFERENCE)
    assert_no_leak(feedback, "5.5", "6.6")


def test_bpi_refuses_ratings_it_cannot_check():
    with pytest.raises(ValueError):
        check_bpi_scores(5.5, 6.6, [8, 3, None, 5], INTERFERENCE)


# ------------------------------------------------------------------ check_percent_change
@pytest.mark.parametrize("percent", [-100 / 3, -33.33, -33, np.float64(-33.3), -33.4])
def test_percent_right_in_every_form(percent):
    feedback = check_percent_change(percent, 12, 8)
    assert feedback.passed
    assert "baseline" in feedback.message


def test_percent_a_fall_written_as_a_positive_drop_is_right_with_a_note():
    feedback = check_percent_change(100 / 3, 12, 8)
    assert feedback.passed
    assert "positive drop" in feedback.message


def test_percent_of_pain_ratings():
    assert check_percent_change(-30, 5, 3.5, scale="pain").passed
    assert_close(check_percent_change(-1.5 / 3.5 * 100, 5, 3.5, scale="pain"), "follow-up")


def test_percent_not_answered():
    assert check_percent_change(..., 12, 8).status == "not answered"


@pytest.mark.parametrize("percent", ["-33%", None, [-33]])
def test_percent_unreadable_names_the_field(percent):
    feedback = check_percent_change(percent, 12, 8)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the percent change yet")


@pytest.mark.parametrize("percent", [-50, 50])
def test_percent_against_the_follow_up(percent):
    feedback = check_percent_change(percent, 12, 8)
    assert_close(feedback, "You divided the change by the follow-up score", "baseline")


@pytest.mark.parametrize("percent", [-4, 4])
def test_percent_points_instead_of_percent(percent):
    assert_close(check_percent_change(percent, 12, 8), "That is the change in points")


@pytest.mark.parametrize("percent", [-1 / 3, 0.33])
def test_percent_a_fraction_not_times_100(percent):
    assert_close(check_percent_change(percent, 12, 8), "as a fraction of the baseline")


@pytest.mark.parametrize("percent", [200 / 3, 67])
def test_percent_what_remains_instead_of_the_change(percent):
    assert_close(check_percent_change(percent, 12, 8), "what remains, not the change")


def test_percent_a_rise_written_as_a_fall():
    assert check_percent_change(50, 8, 12).passed
    assert_close(check_percent_change(-50, 8, 12), "The score rose")


def test_percent_other_wrong_answer():
    assert_close(check_percent_change(-20, 12, 8), "(after - before) / before x 100")


@pytest.mark.parametrize("percent", [-50, 50, -4, 4, -1 / 3, 0.33, 200 / 3, 67, -20])
def test_percent_never_states_the_percent(percent):
    assert_no_leak(check_percent_change(percent, 12, 8), "33")


@pytest.mark.parametrize(
    ("before", "after", "scale"), [(0, 5, "PHQ-9"), (30, 5, "PHQ-9"), (5, 11, "pain"), (5, 3, "x")]
)
def test_percent_refuses_scores_it_cannot_check(before, after, scale):
    with pytest.raises(ValueError):
        check_percent_change(-20, before, after, scale=scale)


# ------------------------------------------------------------------ check_phq9_change_category
@pytest.mark.parametrize(
    "outcomes",
    [
        OUTCOMES,
        tuple(OUTCOMES),
        np.array(OUTCOMES),
        pd.Series(OUTCOMES),
        ["Response", "partial-response", "Partial", "REMISSION.", "non-response"],
    ],
)
def test_category_right_in_every_form(outcomes):
    feedback = check_phq9_change_category(outcomes, PAIRS)
    assert feedback.passed
    assert "where the total ended" in feedback.message


def test_category_not_answered():
    assert check_phq9_change_category([...] * 5, PAIRS).status == "not answered"
    assert check_phq9_change_category([*OUTCOMES[:4], ...], PAIRS).status == "not answered"
    assert check_phq9_change_category(..., PAIRS).status == "not answered"


def test_category_unreadable_names_the_patient():
    feedback = check_phq9_change_category([*OUTCOMES[:2], "better", *OUTCOMES[3:]], PAIRS)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check patient C's outcome yet")
    assert "'partial response'" in feedback.message
    assert check_phq9_change_category([1, 2, 3, 4, 5], PAIRS).status == "unreadable"
    short = check_phq9_change_category(OUTCOMES[:4], PAIRS)
    assert short.status == "unreadable"
    assert "a list of 5" in short.message
    assert check_phq9_change_category("response", PAIRS).status == "unreadable"


def outcomes_with(index, label):
    changed = list(OUTCOMES)
    changed[index] = label
    return changed


def test_category_remission_read_for_a_response():
    feedback = check_phq9_change_category(outcomes_with(0, "remission"), PAIRS)
    assert_close(
        feedback,
        "4 of 5 right.",
        "Patient A (20 to 9): remission means a follow-up total below 5, whatever the fall",
    )


def test_category_response_read_for_a_remission():
    feedback = check_phq9_change_category(outcomes_with(3, "response"), PAIRS)
    assert_close(feedback, "Patient D (14 to 3): look at where the total ended: below 5")


def test_category_fall_measured_against_the_follow_up():
    feedback = check_phq9_change_category(outcomes_with(1, "response"), PAIRS)
    assert_close(feedback, "Patient B (12 to 8): measured against the follow-up", "baseline")


def test_category_five_points_read_as_a_response():
    feedback = check_phq9_change_category(outcomes_with(2, "response"), PAIRS)
    assert_close(
        feedback, "Patient C (16 to 11): a fall of 5 points or more is the individual clinically"
    )


def test_category_any_fall_read_as_a_partial_response():
    feedback = check_phq9_change_category(outcomes_with(4, "partial response"), PAIRS)
    assert_close(feedback, "Patient E (13 to 11): not every fall counts", "25%")


def test_category_a_partial_response_by_the_follow_up():
    feedback = check_phq9_change_category(["partial response"], [(13, 10)])
    assert_close(feedback, "measured against the follow-up the fall looks like a quarter")


def test_category_points_instead_of_share():
    feedback = check_phq9_change_category(outcomes_with(1, "no response"), PAIRS)
    assert_close(feedback, "Patient B (12 to 8): these outcomes go by the fall as a share")


def test_category_a_response_read_as_partial_and_a_rise():
    feedback = check_phq9_change_category(outcomes_with(0, "partial response"), PAIRS)
    assert_close(feedback, "Patient A (20 to 9): recheck the fall as a share of the baseline")
    assert_close(check_phq9_change_category(["partial response"], [(12, 14)]), "did not fall")


def test_category_every_wrong_patient_is_named_once():
    feedback = check_phq9_change_category(["remission"] * 5, PAIRS)
    assert_close(feedback, "1 of 5 right.")
    for letter in "ABCE":
        assert feedback.message.count(f"Patient {letter} (") == 1
    assert "Patient D" not in feedback.message


@pytest.mark.parametrize(
    "outcomes",
    [
        outcomes_with(0, "remission"),
        outcomes_with(1, "response"),
        outcomes_with(2, "response"),
        outcomes_with(3, "response"),
        outcomes_with(4, "partial response"),
        outcomes_with(1, "no response"),
        ["no response"] * 5,
    ],
)
def test_category_never_states_the_outcomes(outcomes):
    feedback = check_phq9_change_category(outcomes, PAIRS)
    quoted = [f"{quote}{label}{quote}" for label in OUTCOMES for quote in "'\""]
    assert_no_leak(feedback, str(OUTCOMES), *quoted, " is a response", " is a partial")


@pytest.mark.parametrize("pairs", [[(8, 4)], [], "20 to 9", [(20, 9, 1)], [(20, 30)]])
def test_category_refuses_pairs_it_cannot_check(pairs):
    with pytest.raises(ValueError):
        check_phq9_change_category(["response"] * max(len(pairs), 1), pairs)


# ------------------------------------------------------------------ check_phq9_change_important
@pytest.mark.parametrize(
    "important",
    [
        PHQ9_IMPORTANT,
        tuple(PHQ9_IMPORTANT),
        np.array(PHQ9_IMPORTANT),
        pd.Series(PHQ9_IMPORTANT),
        ["yes", "no", "yes", "yes", "no"],
    ],
)
def test_phq9_important_right_in_every_form(important):
    feedback = check_phq9_change_important(important, PAIRS)
    assert feedback.passed
    assert "at least 5 points" in feedback.message


def test_phq9_important_not_answered():
    assert check_phq9_change_important([...] * 5, PAIRS).status == "not answered"


def test_phq9_important_unreadable_names_the_patient():
    feedback = check_phq9_change_important([1, 0, 1, 1, 0], PAIRS)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check patient A's answer yet")
    assert "True or False" in feedback.message
    assert check_phq9_change_important([True] * 4, PAIRS).status == "unreadable"


def flags_with(flags, index, value):
    changed = list(flags)
    changed[index] = value
    return changed


def test_phq9_important_a_partial_response_taken_for_points():
    feedback = check_phq9_change_important(flags_with(PHQ9_IMPORTANT, 1, True), PAIRS)
    assert_close(feedback, "4 of 5 right.", "Patient B (12 to 8):", "counts points")


def test_phq9_important_exactly_five_points_not_counted():
    feedback = check_phq9_change_important(flags_with(PHQ9_IMPORTANT, 2, False), PAIRS)
    assert_close(feedback, "Patient C (16 to 11): the rule is a fall of at least 5 points")


def test_phq9_important_the_rule_mixed_up_with_response():
    feedback = check_phq9_change_important([False], [(18, 10)])
    assert_close(feedback, "the 5-point rule is separate from response")


def test_phq9_important_small_fall_and_rise():
    feedback = check_phq9_change_important(flags_with(PHQ9_IMPORTANT, 4, True), PAIRS)
    assert_close(feedback, "Patient E (13 to 11): count the fall in points")
    assert_close(check_phq9_change_important([True], [(10, 12)]), "the total did not fall")


@pytest.mark.parametrize("index", range(5))
def test_phq9_important_never_states_the_answers(index):
    flipped = flags_with(PHQ9_IMPORTANT, index, not PHQ9_IMPORTANT[index])
    assert_no_leak(check_phq9_change_important(flipped, PAIRS), "True", "False")


# ------------------------------------------------------------------ check_pain_change_important
@pytest.mark.parametrize(
    "important",
    [
        PAIN_IMPORTANT,
        np.array(PAIN_IMPORTANT),
        [np.bool_(flag) for flag in PAIN_IMPORTANT],
        ["Yes", "yes", "No", "yes", "no"],
    ],
)
def test_pain_important_right_in_every_form(important):
    feedback = check_pain_change_important(important, PAIN_PAIRS)
    assert feedback.passed
    assert "either is enough" in feedback.message


def test_pain_important_not_answered():
    assert check_pain_change_important([True, ..., True, True, False], PAIN_PAIRS).status == (
        "not answered"
    )


def test_pain_important_unreadable_names_the_patient():
    feedback = check_pain_change_important([True, True, "maybe", True, False], PAIN_PAIRS)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check patient C's answer yet")


def test_pain_important_percent_only():
    feedback = check_pain_change_important(flags_with(PAIN_IMPORTANT, 0, False), PAIN_PAIRS)
    assert_close(feedback, "Patient A (9 to 7): you may have looked at the percent only")


def test_pain_important_points_only():
    feedback = check_pain_change_important(flags_with(PAIN_IMPORTANT, 1, False), PAIN_PAIRS)
    assert_close(feedback, "Patient B (3 to 2): you may have looked at the points only")


def test_pain_important_exactly_thirty_percent_not_counted():
    feedback = check_pain_change_important(flags_with(PAIN_IMPORTANT, 3, False), PAIN_PAIRS)
    assert_close(feedback, "Patient D (5 to 3.5):", "exactly 30% counts")


def test_pain_important_a_minimal_change_read_as_important():
    feedback = check_pain_change_important(flags_with(PAIN_IMPORTANT, 2, True), PAIN_PAIRS)
    assert_close(feedback, "Patient C (6 to 5): a fall of 10-20% is a minimal change")


def test_pain_important_against_the_follow_up_a_rise_and_a_small_fall():
    assert_close(
        check_pain_change_important([True], [(4.5, 3.2)]), "measured against the follow-up"
    )
    assert_close(check_pain_change_important([True], [(4, 5)]), "the pain did not fall")
    assert_close(check_pain_change_important([True], [(8, 7.5)]), "short of both")
    assert_close(check_pain_change_important([False], [(7, 4)]), "either a fall of 2 points")


@pytest.mark.parametrize("index", range(5))
def test_pain_important_never_states_the_answers(index):
    flipped = flags_with(PAIN_IMPORTANT, index, not PAIN_IMPORTANT[index])
    assert_no_leak(check_pain_change_important(flipped, PAIN_PAIRS), "True", "False")


@pytest.mark.parametrize("pairs", [[(11, 5)], [("7", 4)], [(float("nan"), 4)], [(7,)]])
def test_pain_important_refuses_pairs_it_cannot_check(pairs):
    with pytest.raises(ValueError):
        check_pain_change_important([True], pairs)


def test_pain_important_a_rise_from_zero_is_never_important():
    assert check_pain_change_important([False], [(0, 2)]).passed


# ------------------------------------------------------------------ the two notebooks
NOTEBOOKS = {
    "01_scoring_phq9_and_bpi": 20,
    "02_interpreting_change": 15,
}


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def stands_for(stub: ast.AST, solution: ast.AST) -> bool:
    """Whether ``stub`` is ``solution`` with some sub-expressions replaced by ``...``."""
    if isinstance(stub, ast.Constant) and stub.value is Ellipsis:
        return isinstance(solution, ast.expr)
    if type(stub) is not type(solution):
        return False
    for field in stub._fields:
        mine, theirs = getattr(stub, field), getattr(solution, field)
        if isinstance(mine, list):
            if not isinstance(theirs, list) or len(mine) != len(theirs):
                return False
            if not all(stands_for(a, b) for a, b in zip(mine, theirs, strict=True)):
                return False
        elif isinstance(mine, ast.AST):
            if not stands_for(mine, theirs):
                return False
        elif mine != theirs:
            return False
    return True


def test_stands_for_matches_only_what_the_placeholders_replace():
    assert stands_for(ast.parse("x = ..."), ast.parse("x = sum(a)"))
    assert stands_for(ast.parse("x = [..., ...]"), ast.parse("x = [f(1), True]"))
    assert not stands_for(ast.parse("x = ..."), ast.parse("y = 1"))
    assert not stands_for(ast.parse("x = [...]"), ast.parse("x = [1, 2]"))
    assert not stands_for(ast.parse("a = 1\nx = ..."), ast.parse("a = 2\nx = 3"))


def run(notebook: nbformat.NotebookNode) -> list:
    """Run a notebook's code in this process; return each check cell's last expression."""
    namespace: dict = {}
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        if "check" in tags(cell):
            *body, last = tree.body
            exec(compile(ast.Module(body, []), "<cell>", "exec"), namespace)
            found.append(eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace))
        else:
            exec(compile(tree, "<cell>", "exec"), namespace)
    return found


@pytest.mark.parametrize(("name", "minutes"), NOTEBOOKS.items())
def test_exercise_opens_with_title_time_lesson_and_notice(name, minutes):
    first = read(name).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith(f"# Exercise {int(name[:2])}. ")
    assert f"*About {minutes} minutes.*" in first.source
    assert "../notebooks/05_measuring_it.ipynb" in first.source
    assert "> **Educational, not diagnostic.**" in first.source


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercise_setup_imports_the_checks(name):
    setup = read(name).cells[1]
    assert setup.cell_type == "code"
    assert not tags(setup)
    assert "from painmood_widgets.exercises.scoring import" in setup.source


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_task_is_stub_solution_check_and_the_stub_matches_the_solution(name):
    cells = read(name).cells
    solutions = [index for index, cell in enumerate(cells) if "solution" in tags(cell)]
    assert 2 <= len(solutions) <= 4
    for index in solutions:
        stub, solution, check = cells[index - 1], cells[index], cells[index + 1]
        assert stub.cell_type == "code" and not tags(stub)
        assert "..." in stub.source
        assert stands_for(ast.parse(stub.source), ast.parse(solution.source)), stub.source
        assert tags(check) == ["check"]
        (statement,) = ast.parse(check.source).body
        assert isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
        assert statement.value.func.id.startswith("check_")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercise_code_is_no_logic_and_carries_no_outputs(name):
    notebook = read(name)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(
                node, ast.FunctionDef | ast.ClassDef | ast.Lambda | ast.For | ast.While
            ), cell.source
            assert not isinstance(node, ast.comprehension), cell.source
    assert any("instructor" in tags(cell) for cell in notebook.cells)
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercise_text_is_honest_and_never_reads_as_a_diagnosis(name):
    notebook = read(name)
    table = evidence.load_evidence()
    problems = course_checks.unsupported_figures(
        course_checks.markdown_text(notebook),
        course_checks.cited_sources(table),
        course_checks.article_claims(table),
    )
    assert problems == []
    assert diagnostic_phrases("\n".join(cell.source for cell in notebook.cells)) == []


def test_check_messages_never_read_as_a_diagnosis():
    source = (ROOT / "painmood_widgets" / "exercises" / "scoring.py").read_text()
    assert diagnostic_phrases(source) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_instructor_version_checks_all_say_right(name):
    results = run(read(name))
    assert results and all(result.passed for result in results), [str(r) for r in results]
    assert all(result.message.startswith("Right.") for result in results)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_student_version_has_no_answers_and_every_check_says_not_answered(name):
    student = student_version(Path(ROOT / "exercises" / f"{name}.ipynb"))
    assert not any(set(tags(cell)) & INSTRUCTOR_ONLY_TAGS for cell in student.cells)
    results = run(student)
    assert len(results) == sum("check" in tags(cell) for cell in read(name).cells)
    assert all(result.status == "not answered" for result in results)
    assert all(result.message.startswith("Not answered yet:") for result in results)
