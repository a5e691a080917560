"""Checks of the lifestyle exercises (03 sleep restriction, 04 opioid duration): each accepts
the right answer in its equivalent forms, says "not answered yet" for ``...``, names the field
of an unreadable answer, names the misconception of each typical wrong answer, and never
shows the value it expects."""

from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from painmood_widgets import evidence, model
from painmood_widgets.exercises import lifestyle
from painmood_widgets.exercises.lifestyle import (
    check_approximate_risk,
    check_hazard_ratio_meaning,
    check_opioid_duration_difference,
    check_sleep_difference,
    check_sleep_evidence,
    check_sleep_prediction,
    check_sleep_simulation,
)
from tests import course_checks
from tests.helpers import diagnostic_phrases

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ("03_sleep_restriction", "04_opioids_and_depression_risk")

ANA = model.Scenario(
    sleep_hours=7, activity_minutes=150, crp_mg_l=1, baseline_pain=6, baseline_phq9=12, weeks=26
)
CUT = model.trajectory(ANA.replace(sleep_hours=5))
USUAL = model.trajectory(ANA)
AT_12 = CUT.loc[12]
DIFFERENCE = CUT.loc[12, ["phq9", "pain"]] - USUAL.loc[12, ["phq9", "pain"]]

REYES = model.Scenario(opioid_days=60, baseline_pain=6, baseline_phq9=6, weeks=12)
SHORTER = model.trajectory(REYES)
LONGER = model.trajectory(REYES.replace(opioid_days=200))
NONE = model.trajectory(REYES.replace(opioid_days=0))
OPIOID_DIFFERENCE = LONGER.loc[12, "phq9"] - SHORTER.loc[12, "phq9"]

HR = evidence.parameter("opioid_depression_hr_over_180")
BASELINE = 10.0
RISK = BASELINE * HR


def shown(value: float) -> list[str]:
    """How an expected value could appear in a message."""
    return [f"{value:.1f}", f"{value:.2f}", f"{value:.3f}"]


def leaks(message: str, *values: float) -> list[str]:
    return [text for value in values for text in shown(value) if text in message]


# --------------------------------------------------------------------------- task 3.1: prediction
@pytest.mark.parametrize(
    "phq9, pain, direction",
    [
        (14, 6.5, "higher"),
        (np.int64(14), np.float64(6.5), "Higher"),
        (9.0, 4, " lower "),
        (12, 6, "the same"),
        (12, 6, "Worse."),
        (20, 8, "no change"),
    ],
)
def test_any_valid_prediction_is_recorded_with_no_right_or_wrong(phq9, pain, direction):
    feedback = check_sleep_prediction(phq9, pain, direction)
    assert feedback.passed
    assert "neither right nor wrong" in feedback.message


@pytest.mark.parametrize(
    "answers, field",
    [
        ((..., 6, "higher"), "predicted_phq9_week12"),
        ((14, ..., "higher"), "predicted_pain_week12"),
        ((14, 6, ...), "predicted_direction"),
        ((14, 6, "  "), "predicted_direction"),
    ],
)
def test_a_prediction_still_holding_the_placeholder_is_not_answered(answers, field):
    feedback = check_sleep_prediction(*answers)
    assert feedback.status == "not answered"
    assert field in feedback.message


@pytest.mark.parametrize(
    "answers, field",
    [
        (("14", 6, "higher"), "predicted_phq9_week12"),
        ((14, None, "higher"), "predicted_pain_week12"),
        ((14, float("nan"), "higher"), "predicted_pain_week12"),
        ((14, 6, 1), "predicted_direction"),
        ((14, 6, "maybe"), "predicted_direction"),
        ((14, 6, "higher or lower"), "predicted_direction"),
    ],
)
def test_an_unreadable_prediction_names_its_field(answers, field):
    feedback = check_sleep_prediction(*answers)
    assert feedback.status == "unreadable"
    assert field in feedback.message


def test_a_phq9_prediction_off_the_scale_is_refused():
    feedback = check_sleep_prediction(30, 6, "higher")
    assert feedback.status == "close" and "0 to 27" in feedback.message


def test_a_pain_prediction_off_the_scale_is_refused():
    feedback = check_sleep_prediction(14, 30, "higher")
    assert feedback.status == "close" and "0 to 10" in feedback.message


def test_swapped_predictions_are_named():
    feedback = check_sleep_prediction(6, 14, "higher")
    assert feedback.status == "close" and "swap" in feedback.message


def test_a_change_written_instead_of_a_score_is_named():
    feedback = check_sleep_prediction(2, -1, "higher")
    assert feedback.status == "close" and "change from the start" in feedback.message


# --------------------------------------------------------------------------- task 3.2: simulation
def simulation(phq9, pain, **prediction):
    return check_sleep_simulation(phq9, pain, ANA, sleep_hours=5, **prediction)


@pytest.mark.parametrize(
    "phq9, pain",
    [
        (AT_12["phq9"], AT_12["pain"]),
        (float(AT_12["phq9"]), float(AT_12["pain"])),
        (round(AT_12["phq9"], 1), round(AT_12["pain"], 1)),
        (CUT.loc[CUT["week"] == 12, "phq9"], CUT.loc[CUT["week"] == 12, "pain"]),
        (np.array([AT_12["phq9"]]), np.array([AT_12["pain"]])),
    ],
)
def test_the_models_scores_at_week_12_pass_in_any_equivalent_form(phq9, pain):
    assert simulation(phq9, pain).passed


def test_the_right_answer_is_compared_with_the_prediction_without_numbers():
    high = simulation(AT_12["phq9"], AT_12["pain"], predicted_phq9=20, predicted_pain=9)
    assert high.passed
    assert "your PHQ-9 was above the model's" in high.message
    assert "your pain was above the model's" in high.message
    assert "usual care" in high.message  # predicted worse than the start; the model improves
    low = simulation(AT_12["phq9"], AT_12["pain"], predicted_phq9=2, predicted_pain=1)
    assert "your PHQ-9 was below the model's" in low.message
    near = simulation(
        AT_12["phq9"], AT_12["pain"], predicted_phq9=AT_12["phq9"], predicted_pain=AT_12["pain"]
    )
    assert "your PHQ-9 was close to the model's" in near.message
    skipped = simulation(AT_12["phq9"], AT_12["pain"], predicted_phq9=..., predicted_pain=...)
    assert skipped.passed and "Write your prediction in task 1" in skipped.message
    for feedback in (high, low, near):
        assert leaks(feedback.message, AT_12["phq9"], AT_12["pain"]) == []


def test_the_simulation_placeholder_is_not_answered():
    assert simulation(..., ...).status == "not answered"
    assert "pain_week12" in simulation(AT_12["phq9"], ...).message


def test_an_unreadable_simulation_answer_names_its_field():
    feedback = simulation(AT_12["phq9"], "5.1")
    assert feedback.status == "unreadable" and "pain_week12" in feedback.message
    whole_row = simulation(CUT.loc[12], AT_12["pain"])
    assert whole_row.status == "unreadable" and "phq9_week12" in whole_row.message


def test_the_starting_scores_read_instead_of_week_12_are_named():
    feedback = simulation(CUT.loc[0, "phq9"], CUT.loc[0, "pain"])
    assert feedback.status == "close" and "week 0" in feedback.message


def test_one_score_read_at_week_0_is_named_with_its_label():
    feedback = simulation(CUT.loc[0, "phq9"], AT_12["pain"])
    assert feedback.message.startswith("Not yet. PHQ-9: These are her scores at week 0")


def test_the_last_row_read_instead_of_week_12_is_named():
    feedback = simulation(CUT["phq9"].iloc[-1], CUT["pain"].iloc[-1])
    assert feedback.status == "close" and "last row of the course, week 26" in feedback.message


def test_the_usual_sleep_course_read_instead_is_named():
    feedback = simulation(USUAL.loc[12, "phq9"], USUAL.loc[12, "pain"])
    assert feedback.status == "close" and "patient instead of restricted" in feedback.message


def test_swapped_scores_are_named():
    feedback = simulation(AT_12["pain"], AT_12["phq9"])
    assert feedback.status == "close" and "swapped" in feedback.message


def test_scores_rounded_to_whole_numbers_are_named():
    feedback = simulation(round(AT_12["phq9"]), round(AT_12["pain"]))
    if abs(round(AT_12["phq9"]) - AT_12["phq9"]) > 0.051:
        assert feedback.status == "close" and "whole number" in feedback.message


def test_another_wrong_simulation_answer_says_what_to_look_at_again():
    feedback = simulation(AT_12["phq9"] + 3, AT_12["pain"])
    assert feedback.status == "close"
    assert feedback.message.startswith("Not yet. PHQ-9 is not what the model gives")


# --------------------------------------------------------------------------- task 3.3: difference
def difference(phq9, pain, **prediction):
    return check_sleep_difference(phq9, pain, ANA, sleep_hours=5, **prediction)


def test_the_model_says_less_sleep_is_worse_for_both_scores():
    assert DIFFERENCE["phq9"] > 0 and DIFFERENCE["pain"] > 0


@pytest.mark.parametrize(
    "phq9, pain",
    [
        (DIFFERENCE["phq9"], DIFFERENCE["pain"]),
        (round(DIFFERENCE["phq9"], 2), round(DIFFERENCE["pain"], 2)),
        tuple(
            model.lever_effects(ANA.replace(sleep_hours=5), week=12)
            .set_index("lever")
            .loc["sleep_hours", ["phq9", "pain"]]
        ),
        (np.float32(DIFFERENCE["phq9"]), np.float32(DIFFERENCE["pain"])),
    ],
)
def test_the_models_difference_passes_in_any_equivalent_form(phq9, pain):
    assert difference(phq9, pain).passed


def test_the_right_difference_agrees_with_a_prediction_of_the_same_direction():
    feedback = difference(DIFFERENCE["phq9"], DIFFERENCE["pain"], predicted_direction="higher")
    assert feedback.passed and "Your prediction had the direction the model gives" in (
        feedback.message
    )


def test_a_prediction_that_more_sleep_worsens_mood_is_named_once_simulated():
    feedback = difference(DIFFERENCE["phq9"], DIFFERENCE["pain"], predicted_direction="lower")
    assert feedback.passed
    assert "more sleep worsens mood" in feedback.message
    assert "opposite direction" in feedback.message


def test_a_prediction_of_no_difference_is_answered():
    feedback = difference(DIFFERENCE["phq9"], DIFFERENCE["pain"], predicted_direction="same")
    assert "You predicted no difference" in feedback.message


def test_a_missing_prediction_leaves_the_verdict_alone():
    feedback = difference(DIFFERENCE["phq9"], DIFFERENCE["pain"], predicted_direction=...)
    assert feedback.passed and "prediction" not in feedback.message


def test_the_difference_placeholder_is_not_answered():
    feedback = difference(..., DIFFERENCE["pain"])
    assert feedback.status == "not answered" and "phq9_difference" in feedback.message


def test_an_unreadable_difference_names_its_field():
    feedback = difference(DIFFERENCE["phq9"], [1, 2])
    assert feedback.status == "unreadable" and "pain_difference" in feedback.message


def test_a_difference_with_the_sign_flipped_is_named():
    feedback = difference(-DIFFERENCE["phq9"], -DIFFERENCE["pain"])
    assert feedback.status == "close" and "other way round" in feedback.message


def test_one_difference_with_its_sign_flipped_is_named_with_its_label():
    feedback = difference(DIFFERENCE["phq9"], -DIFFERENCE["pain"])
    assert feedback.message.startswith("Not yet. Pain: You subtracted the other way round")


def test_a_difference_read_at_week_0_is_named():
    feedback = difference(0, 0.0)
    assert feedback.status == "close" and "At week 0 both courses start" in feedback.message


def test_a_score_given_instead_of_a_difference_is_named():
    feedback = difference(AT_12["phq9"], AT_12["pain"])
    assert feedback.status == "close" and "not a difference" in feedback.message


def test_the_change_since_the_start_of_one_course_is_named():
    feedback = difference(AT_12["phq9"] - ANA.baseline_phq9, AT_12["pain"] - ANA.baseline_pain)
    assert feedback.status == "close" and "change since the start" in feedback.message


def test_week_0_of_one_course_against_week_12_of_the_other_is_named():
    feedback = difference(
        ANA.baseline_phq9 - USUAL.loc[12, "phq9"], ANA.baseline_pain - USUAL.loc[12, "pain"]
    )
    assert feedback.status == "close" and "week 0 of one course" in feedback.message


def test_the_last_rows_compared_instead_of_week_12_are_named():
    last = CUT.iloc[-1][["phq9", "pain"]] - USUAL.iloc[-1][["phq9", "pain"]]
    feedback = difference(last["phq9"], last["pain"])
    assert feedback.status == "close" and "last rows, week 26" in feedback.message


def test_swapped_differences_are_named():
    feedback = difference(DIFFERENCE["pain"], DIFFERENCE["phq9"])
    assert feedback.status == "close" and "swapped" in feedback.message


def test_a_difference_rounded_too_early_is_named():
    feedback = difference(DIFFERENCE["phq9"] - 0.03, DIFFERENCE["pain"] - 0.03)
    assert feedback.status == "close" and "two decimal places" in feedback.message


def test_another_wrong_difference_says_what_to_look_at_again():
    feedback = difference(DIFFERENCE["phq9"] + 2, DIFFERENCE["pain"] + 2)
    assert feedback.status == "close" and "subtract the usual-sleep value" in feedback.message


# --------------------------------------------------------------------------- task 3.4: evidence
@pytest.mark.parametrize("answer", ["B", "b", " (B) ", "option b", "B."])
def test_the_sleep_evidence_choice_passes_however_it_is_written(answer):
    assert check_sleep_evidence(answer).passed


def test_the_sleep_evidence_choice_reading_an_association_as_a_cause_is_named():
    feedback = check_sleep_evidence("A")
    assert feedback.status == "close" and "reads an association as a cause" in feedback.message


def test_the_sleep_evidence_choice_reading_a_relative_risk_as_a_score_rise_is_named():
    feedback = check_sleep_evidence("c")
    assert feedback.status == "close" and "reads a relative risk as a rise in a score" in (
        feedback.message
    )


def test_the_sleep_evidence_choice_taking_an_extrapolation_as_a_measurement_is_named():
    feedback = check_sleep_evidence("D")
    assert feedback.status == "close" and "straight line" in feedback.message


def test_the_sleep_evidence_choice_placeholder_and_unreadable_answers():
    assert check_sleep_evidence(...).status == "not answered"
    for answer in ("E", 2, "A or B"):
        feedback = check_sleep_evidence(answer)
        assert feedback.status == "unreadable" and "evidence_choice" in feedback.message


# --------------------------------------------------------------------------- task 4.1: risk
def risk(answer):
    return check_approximate_risk(answer, BASELINE, HR)


@pytest.mark.parametrize(
    "answer", [RISK, np.float64(RISK), round(RISK), round(RISK, 1), np.array([RISK])]
)
def test_baseline_times_hazard_ratio_passes_in_any_equivalent_form(answer):
    assert risk(answer).passed


def test_the_risk_placeholder_is_not_answered():
    assert risk(...).status == "not answered"


def test_an_unreadable_risk_names_its_field():
    feedback = risk("15%")
    assert feedback.status == "unreadable" and "approximate_risk_percent" in feedback.message


@pytest.mark.parametrize(
    "answer, named",
    [
        (BASELINE + HR, "You added the hazard ratio to the risk"),
        (BASELINE + (HR - 1) * 100, "added the ratio's excess as percentage points"),
        ((HR - 1) * 100, "reads the hazard ratio as an absolute risk, as if '51% will"),
        (HR * 100, "reads the hazard ratio as an absolute risk, as a percentage"),
        (BASELINE * (HR - 1), "only the extra risk"),
        (BASELINE * (1 + HR), "multiplied by one plus the ratio"),
        (BASELINE / HR, "You divided by the ratio"),
        (BASELINE / 100 * HR, "That is a proportion"),
        (HR, "the hazard ratio itself"),
        (BASELINE, "the baseline risk, unchanged"),
        (
            BASELINE * evidence.parameter("opioid_depression_hr_90_180"),
            "hazard ratio for 90-180 days",
        ),
        (BASELINE * 2, "misattributed and overstated"),
        (99, "Look again"),
    ],
)
def test_each_typical_wrong_risk_names_its_misconception_and_hides_the_answer(answer, named):
    feedback = risk(answer)
    assert feedback.status == "close"
    assert named in feedback.message
    assert leaks(feedback.message, RISK) == []
    assert f"{round(RISK):d} in" not in feedback.message


@pytest.mark.parametrize("baseline, ratio", [(0, 1.5), (100, 1.5), (10, 0), (10, "1.5")])
def test_the_notebook_author_passing_impossible_inputs_is_told(baseline, ratio):
    with pytest.raises(ValueError):
        check_approximate_risk(15, baseline, ratio)


# --------------------------------------------------------------------------- task 4.2: meaning
@pytest.mark.parametrize("answer", ["C", "c", "(c)", "Option C"])
def test_the_hazard_ratio_meaning_passes_however_it_is_written(answer):
    feedback = check_hazard_ratio_meaning(answer)
    assert feedback.passed and "association" in feedback.message


@pytest.mark.parametrize(
    "answer, named",
    [
        ("A", "reads the hazard ratio as an absolute risk"),
        ("B", "reads an association as a cause"),
        ("D", "repeats the source article's misattribution"),
        ("E", "reads a hazard ratio as a change in a score"),
    ],
)
def test_each_wrong_meaning_names_its_misconception(answer, named):
    feedback = check_hazard_ratio_meaning(answer)
    assert feedback.status == "close" and named in feedback.message


def test_the_confounding_by_indication_is_named_for_the_causal_reading():
    assert "confounding by indication" in check_hazard_ratio_meaning("B").message


def test_the_hazard_ratio_meaning_placeholder_and_unreadable_answers():
    assert check_hazard_ratio_meaning(...).status == "not answered"
    for answer in ("F", 3, ["C"]):
        feedback = check_hazard_ratio_meaning(answer)
        assert feedback.status == "unreadable" and "hr_meaning" in feedback.message


# --------------------------------------------------------------------------- task 4.3: model
def opioid(answer, **options):
    return check_opioid_duration_difference(answer, REYES, long_days=200, **options)


def test_the_model_says_longer_use_is_worse_for_mood():
    assert OPIOID_DIFFERENCE > 0


@pytest.mark.parametrize(
    "answer",
    [
        OPIOID_DIFFERENCE,
        float(OPIOID_DIFFERENCE),
        round(OPIOID_DIFFERENCE, 2),
        pd.Series([OPIOID_DIFFERENCE]),
    ],
)
def test_the_models_opioid_difference_passes_in_any_equivalent_form(answer):
    feedback = opioid(answer)
    assert feedback.passed and "confounding by indication" in feedback.message


def test_the_opioid_difference_placeholder_is_not_answered():
    assert opioid(...).status == "not answered"


def test_an_unreadable_opioid_difference_names_its_field():
    feedback = opioid("0.5")
    assert feedback.status == "unreadable" and "phq9_difference" in feedback.message


@pytest.mark.parametrize(
    "answer, named",
    [
        (-OPIOID_DIFFERENCE, "You subtracted the other way round"),
        (0, "At week 0 both courses start"),
        (LONGER.loc[12, "phq9"], "with the longer use, not a difference"),
        (SHORTER.loc[12, "phq9"], "with the shorter use, not a difference"),
        (LONGER.loc[12, "pain"] - SHORTER.loc[12, "pain"], "the difference in pain"),
        (LONGER.loc[12, "phq9"] - LONGER.loc[0, "phq9"], "change since the start"),
        (HR, "a figure from the study, not the model's difference"),
        ((HR - 1) * 100, "a figure from the study, not the model's difference"),
        (
            (LONGER.loc[12, "phq9"] / SHORTER.loc[12, "phq9"] - 1) * 100,
            "That is a percent change",
        ),
        (OPIOID_DIFFERENCE + 0.04, "two decimal places"),
        (OPIOID_DIFFERENCE + 3, "Look again"),
    ],
)
def test_each_typical_wrong_opioid_difference_names_its_misconception(answer, named):
    feedback = opioid(answer)
    assert feedback.status == "close"
    assert named in feedback.message
    assert leaks(feedback.message, OPIOID_DIFFERENCE) == []


def test_the_last_week_is_named_when_the_course_runs_longer():
    longer_course = REYES.replace(weeks=26)
    last = (
        model.trajectory(longer_course.replace(opioid_days=200)).iloc[-1]["phq9"]
        - model.trajectory(longer_course).iloc[-1]["phq9"]
    )
    feedback = check_opioid_duration_difference(last, longer_course, long_days=200)
    assert feedback.status == "close" and "last rows, week 26" in feedback.message


def test_the_notebook_author_passing_a_shorter_comparison_is_told():
    with pytest.raises(ValueError):
        check_opioid_duration_difference(0.5, REYES, long_days=30)
    with pytest.raises(ValueError):
        check_opioid_duration_difference(0.5, "Mr Reyes", long_days=200)
    with pytest.raises(ValueError):
        check_opioid_duration_difference(0.5, REYES, long_days=200, week=13)


# --------------------------------------------------------------------------- no leaks anywhere
SLEEP_VALUES = (DIFFERENCE["phq9"], DIFFERENCE["pain"], AT_12["phq9"], AT_12["pain"])
WRONG_DIFFERENCES = [
    (-DIFFERENCE["phq9"], -DIFFERENCE["pain"]),
    (0, 0),
    (AT_12["phq9"], AT_12["pain"]),
    (DIFFERENCE["pain"], DIFFERENCE["phq9"]),
    (DIFFERENCE["phq9"] - 0.03, DIFFERENCE["pain"] + 0.03),
    (DIFFERENCE["phq9"] + 2, DIFFERENCE["pain"]),
    (DIFFERENCE["phq9"], -DIFFERENCE["pain"]),
]
WRONG_SCORES = [
    (CUT.loc[0, "phq9"], CUT.loc[0, "pain"]),
    (CUT["phq9"].iloc[-1], CUT["pain"].iloc[-1]),
    (USUAL.loc[12, "phq9"], USUAL.loc[12, "pain"]),
    (AT_12["pain"], AT_12["phq9"]),
    (AT_12["phq9"] + 3, AT_12["pain"]),
    (0, 0),
]


@pytest.mark.parametrize("answers", WRONG_DIFFERENCES)
def test_no_wrong_difference_is_shown_the_expected_values(answers):
    feedback = difference(*answers)
    assert feedback.status == "close"
    assert leaks(feedback.message, *SLEEP_VALUES) == [], feedback.message


@pytest.mark.parametrize("answers", WRONG_SCORES)
def test_no_wrong_simulation_answer_is_shown_the_expected_values(answers):
    feedback = simulation(*answers)
    assert feedback.status == "close"
    assert leaks(feedback.message, *SLEEP_VALUES) == [], feedback.message


def test_no_message_reads_as_a_diagnosis():
    messages = [
        check_sleep_prediction(14, 6, "higher").message,
        simulation(AT_12["phq9"], AT_12["pain"], predicted_phq9=20, predicted_pain=9).message,
        difference(DIFFERENCE["phq9"], DIFFERENCE["pain"], predicted_direction="lower").message,
        opioid(OPIOID_DIFFERENCE).message,
        risk(RISK).message,
        *(check_sleep_evidence(letter).message for letter in "abcd"),
        *(check_hazard_ratio_meaning(letter).message for letter in "abcde"),
        *(risk(answer).message for answer in (BASELINE + HR, (HR - 1) * 100, BASELINE * 2)),
    ]
    assert [phrase for text in messages for phrase in diagnostic_phrases(text)] == []


def test_the_module_holds_no_right_option_in_plain_text():
    source = Path(lifestyle.__file__).read_text()
    assert 'fingerprint("' not in source


# --------------------------------------------------------------------------- the two notebooks
@pytest.mark.parametrize("name", EXERCISES)
def test_every_figure_beside_a_citation_is_in_the_evidence_table(name):
    notebook = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    table = evidence.load_evidence()
    problems = course_checks.unsupported_figures(
        course_checks.markdown_text(notebook),
        course_checks.cited_sources(table),
        course_checks.article_claims(table),
    )
    assert problems == []


@pytest.mark.parametrize("name", EXERCISES)
def test_each_check_cell_calls_a_check_of_this_module_and_the_setup_imports_it(name):
    notebook = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    setup = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert "from painmood_widgets.exercises.lifestyle import" in setup.source
    checks = [cell for cell in notebook.cells if "check" in cell.metadata.get("tags", [])]
    assert 2 <= len(checks) <= 4
    for cell in checks:
        assert cell.source.startswith("check_") and cell.source.count("check_") == 1
        assert cell.source.split("(")[0] in lifestyle.__all__
