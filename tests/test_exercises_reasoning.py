"""The checks of exercises 7 (critiquing the source article) and 8 (Maria's reasoning note).

For each check: the right answer passes in its equivalent forms, ``...`` is "not answered
yet", a wrong type is unreadable and names the field, each misconception gets its own
message, and no message gives away the answer it expects.
"""

import ast
import itertools
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from painmood_widgets import case, evidence, scales
from painmood_widgets.exercises.feedback import fingerprint
from painmood_widgets.exercises.reasoning import (
    ARTICLE_CLAIMS,
    NOTE_RUBRIC,
    VERDICTS,
    check_case_changes,
    check_claim_rows,
    check_claim_verdicts,
    check_note_numbers,
    check_reasoning_note,
    check_replacement_keys,
)
from painmood_widgets.exercises.student import EXERCISES_DIR
from tests.helpers import diagnostic_phrases, evidence_with

# =========================================================================== exercise 7
CLAIMS = (
    "article_claim_chronic_pain_prevalence_percent",
    "article_claim_cortisol_depression_ratio",
    "article_claim_short_sleep_phq9_increase_percent",
    "article_claim_opioid_depression_risk_ratio",
    "article_claim_cbt_pain_reduction_percent",
    "article_claim_cbt_i_pain_reduction_percent",
)
PREVALENCE, CORTISOL, SLEEP, OPIOID, CBT, CBT_I = CLAIMS
RIGHT_VERDICTS = {
    PREVALENCE: "dated",
    CORTISOL: "unsupported",
    SLEEP: "unsupported",
    OPIOID: "misattributed",
    CBT: "unsupported",
    CBT_I: "partly supported",
}
RIGHT_KEYS = {
    PREVALENCE: "chronic_pain_prevalence_2023_percent",
    CORTISOL: "chronic_pain_hair_cortisol_low_percent",
    SLEEP: "depression_short_sleep_percent",
    OPIOID: "opioid_depression_hr_over_180",
    CBT: "cbt_pain_smd",
    CBT_I: "cbt_i_pain_smd",
}
ACCEPTED_KEYS = {
    PREVALENCE: {"chronic_pain_prevalence_2023_percent"},
    CORTISOL: {"chronic_pain_hair_cortisol_low_percent", "chronic_pain_hair_cortisol_high_percent"},
    SLEEP: {"depression_short_sleep_percent", "sleep_short_depression_rr"},
    OPIOID: {
        "opioid_depression_hr_90_180",
        "opioid_depression_hr_over_180",
        "opioid_depression_hr_over_90_low",
        "opioid_depression_hr_over_90_high",
    },
    CBT: {"cbt_pain_smd"},
    CBT_I: {"cbt_i_pain_smd"},
}
TABLE = evidence.load_evidence()


def verdicts_with(**changes: str) -> dict[str, str]:
    answer = dict(RIGHT_VERDICTS)
    for name, verdict in changes.items():
        answer[globals()[name]] = verdict
    return answer


def keys_with(**changes: str) -> dict[str, str]:
    answer = dict(RIGHT_KEYS)
    for name, key in changes.items():
        answer[globals()[name]] = key
    return answer


def leaks_a_verdict(message: str) -> list[str]:
    return [verdict for verdict in VERDICTS if verdict in message.lower()]


def leaks_a_key(message: str) -> list[str]:
    accepted = set().union(*ACCEPTED_KEYS.values())
    return [key for key in accepted if key in message]


# --------------------------------------------------------------------------- the data
def test_the_claims_are_the_article_rows_of_the_evidence_table():
    indexed = TABLE.set_index("parameter")
    assert [claim.key for claim in ARTICLE_CLAIMS] == list(CLAIMS)
    for claim in ARTICLE_CLAIMS:
        assert indexed.loc[claim.key, "source"].startswith("Source article")


def test_the_stored_fingerprints_are_the_answers_and_show_nothing():
    for claim in ARTICLE_CLAIMS:
        assert claim.verdict == fingerprint(RIGHT_VERDICTS[claim.key])
        wrong = {fingerprint(verdict) for verdict in VERDICTS} - {claim.verdict}
        assert set(claim.wrong_verdicts) == wrong, claim.key
        assert claim.replacements == {fingerprint(key) for key in ACCEPTED_KEYS[claim.key]}
        assert not leaks_a_verdict(" ".join(claim.wrong_verdicts.values()))
        assert not leaks_a_key(" ".join(claim.wrong_replacements.values()))


def test_every_accepted_key_is_a_published_row_from_a_real_source():
    indexed = TABLE.set_index("parameter")
    for keys in ACCEPTED_KEYS.values():
        for key in keys:
            assert indexed.loc[key, "evidence_level"] == "published"
            source = indexed.loc[key, "source"].lower()
            assert not source.startswith(("source article", "assumption", "illustrative"))


def test_every_near_miss_fingerprint_is_a_row_of_the_table():
    prints = {fingerprint(key) for key in TABLE["parameter"]}
    for claim in ARTICLE_CLAIMS:
        assert set(claim.wrong_replacements) <= prints, claim.key
        assert not set(claim.wrong_replacements) & claim.replacements


def test_a_notebook_that_asks_about_an_unknown_claim_is_told_so():
    with pytest.raises(ValueError, match="not a claim these checks know"):
        check_claim_verdicts({}, ["article_claim_nothing"])
    with pytest.raises(ValueError, match="list or tuple"):
        check_claim_rows(..., PREVALENCE)
    with pytest.raises(ValueError, match="at least one"):
        check_replacement_keys({}, [])


# --------------------------------------------------------------------------- task 1
def test_claim_rows_right_in_every_equivalent_form():
    rows = evidence.rows(CLAIMS)
    assert check_claim_rows(rows, CLAIMS).passed
    assert check_claim_rows(rows[["parameter", "meaning", "notes"]], CLAIMS).passed
    assert check_claim_rows(rows.iloc[::-1], CLAIMS).passed
    assert check_claim_rows(rows.set_index("parameter"), CLAIMS).passed
    assert check_claim_rows(rows[["notes", "meaning", "parameter"]], CLAIMS).passed


def test_claim_rows_not_answered_yet():
    assert check_claim_rows(..., CLAIMS).status == "not answered"


def test_claim_rows_of_the_wrong_type_are_unreadable_and_named():
    feedback = check_claim_rows("article_claim_cortisol_depression_ratio", CLAIMS)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the claims' rows yet")
    no_keys = check_claim_rows(evidence.rows(CLAIMS)[["meaning", "notes"]], CLAIMS)
    assert no_keys.status == "unreadable" and "parameter" in no_keys.message


def test_the_whole_table_is_not_the_claims_rows():
    feedback = check_claim_rows(evidence.load_evidence(), CLAIMS)
    assert feedback.status == "close"
    assert "the whole evidence table" in feedback.message


def test_every_article_claim_is_not_the_claims_rows():
    table = evidence.load_evidence()
    every_claim = table[table["parameter"].str.startswith("article_claim_")]
    feedback = check_claim_rows(every_claim, CLAIMS)
    assert "every claim of the article" in feedback.message


def test_a_value_without_its_notes_cannot_judge_a_claim():
    for answer in (evidence.values(), evidence.parameter(CORTISOL), np.float64(1.8)):
        feedback = check_claim_rows(answer, CLAIMS)
        assert feedback.status == "close"
        assert "a number alone cannot tell you whether a claim holds" in feedback.message
    no_notes = check_claim_rows(evidence.rows(CLAIMS)[["parameter", "meaning", "value"]], CLAIMS)
    assert "Keep the notes column" in no_notes.message


def test_a_missing_claim_is_named():
    feedback = check_claim_rows(evidence.rows(CLAIMS[:-1]), CLAIMS)
    assert feedback.status == "close" and CBT_I in feedback.message


# --------------------------------------------------------------------------- task 2
def test_verdicts_right_in_every_spelling():
    assert check_claim_verdicts(RIGHT_VERDICTS, CLAIMS).passed
    shouted = {
        key: f"  {verdict.upper().replace(' ', '-')}. " for key, verdict in RIGHT_VERDICTS.items()
    }
    assert check_claim_verdicts(shouted, CLAIMS).passed
    assert check_claim_verdicts(pd.Series(RIGHT_VERDICTS).to_dict(), CLAIMS).passed


def test_verdicts_not_answered_yet():
    assert check_claim_verdicts(..., CLAIMS).status == "not answered"
    assert check_claim_verdicts(verdicts_with(CBT=...), CLAIMS).status == "not answered"
    assert check_claim_verdicts(verdicts_with(CBT=" "), CLAIMS).status == "not answered"


def test_verdicts_of_the_wrong_type_are_unreadable_and_named():
    listed = check_claim_verdicts(list(RIGHT_VERDICTS.values()), CLAIMS)
    assert listed.status == "unreadable" and "the verdicts" in listed.message
    number = check_claim_verdicts(verdicts_with(OPIOID=2), CLAIMS)
    assert number.status == "unreadable"
    assert number.message.startswith("Cannot check the verdict on the opioid claim yet")
    outside = check_claim_verdicts(verdicts_with(OPIOID="overstated"), CLAIMS)
    assert outside.status == "unreadable" and "'overstated'" in outside.message


def test_a_claim_is_not_true_because_it_has_a_number_and_a_year():
    for name in ("CORTISOL", "SLEEP", "CBT"):
        feedback = check_claim_verdicts(verdicts_with(**{name: "supported"}), CLAIMS)
        assert feedback.status == "close"
        assert "A number, a year and a sample size make a claim sound checked" in feedback.message
        assert "5 of 6 verdicts agree" in feedback.message


def test_a_dated_figure_is_not_an_unsupported_one():
    feedback = check_claim_verdicts(verdicts_with(PREVALENCE="unsupported"), CLAIMS)
    assert "The chronic-pain prevalence claim: A figure that was true once" in feedback.message
    assert "overtaken by newer data" in feedback.message


def test_the_part_of_a_claim_that_holds_is_not_thrown_away():
    feedback = check_claim_verdicts(verdicts_with(CBT_I="unsupported"), CLAIMS)
    assert "The CBT-for-insomnia claim: Not all of it fails" in feedback.message


def test_a_misattributed_claim_is_more_than_baseless():
    feedback = check_claim_verdicts(verdicts_with(OPIOID="unsupported"), CLAIMS)
    assert "not baseless" in feedback.message and "recurrence" not in feedback.message
    guideline = check_claim_verdicts(verdicts_with(OPIOID="supported"), CLAIMS)
    assert "A guideline's name and a year make a claim sound authoritative" in guideline.message


def test_a_missing_or_unknown_claim_in_the_verdicts_is_named():
    missing = dict(RIGHT_VERDICTS)
    del missing[SLEEP]
    assert SLEEP in check_claim_verdicts(missing, CLAIMS).message
    extra = {**RIGHT_VERDICTS, "article_claim_sleep": "unsupported"}
    assert (
        "'article_claim_sleep' is not among the claims"
        in check_claim_verdicts(extra, CLAIMS).message
    )


def test_no_verdict_message_names_a_verdict():
    for claim, wrong in itertools.product(CLAIMS, VERDICTS):
        if wrong == RIGHT_VERDICTS[claim]:
            continue
        answer = {**RIGHT_VERDICTS, claim: wrong}
        feedback = check_claim_verdicts(answer, CLAIMS)
        assert feedback.status == "close"
        assert leaks_a_verdict(feedback.message) == [], (claim, wrong, feedback.message)
    everything_wrong = dict(zip(CLAIMS, itertools.cycle(["supported"]), strict=False))
    assert leaks_a_verdict(check_claim_verdicts(everything_wrong, CLAIMS).message) == []
    assert leaks_a_verdict(check_claim_verdicts(verdicts_with(CBT="maybe"), CLAIMS).message) == []


# --------------------------------------------------------------------------- task 3
def test_replacement_keys_right_in_every_equivalent_form():
    assert check_replacement_keys(RIGHT_KEYS, CLAIMS).passed
    spaced = {claim: f" {key.upper()} " for claim, key in RIGHT_KEYS.items()}
    assert check_replacement_keys(spaced, CLAIMS).passed
    for claim, keys in ACCEPTED_KEYS.items():
        for key in keys:
            assert check_replacement_keys({**RIGHT_KEYS, claim: key}, CLAIMS).passed, key


def test_replacement_keys_not_answered_yet():
    assert check_replacement_keys(..., CLAIMS).status == "not answered"
    assert check_replacement_keys(keys_with(SLEEP=...), CLAIMS).status == "not answered"


def test_replacement_keys_of_the_wrong_type_are_unreadable_and_named():
    feedback = check_replacement_keys(keys_with(SLEEP=10.8), CLAIMS)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the replacement for the short-sleep claim")
    assert check_replacement_keys("cbt_pain_smd", CLAIMS).status == "unreadable"


def test_a_claim_cannot_be_its_own_evidence():
    feedback = check_replacement_keys(keys_with(CORTISOL=CORTISOL), CLAIMS)
    assert "The cortisol claim: That key is the claim's own row" in feedback.message
    assert "5 of 6 keys replace their claim" in feedback.message


def test_the_source_article_cannot_check_itself():
    for other in ("article_claim_cbt_meta_analysis_trials", "case_baseline_pain"):
        feedback = check_replacement_keys(keys_with(CBT=other), CLAIMS)
        assert "That row's source is the source article itself" in feedback.message


def test_the_teaching_models_assumption_is_not_evidence():
    for assumption in ("stress_to_phq9", "phq9_sd_points", "synthetic_sleep_mean_hours"):
        feedback = check_replacement_keys(keys_with(CORTISOL=assumption), CLAIMS)
        assert "an assumption of the course's teaching model" in feedback.message


def test_an_illustrative_row_cannot_replace_a_claim():
    feedback = check_replacement_keys(keys_with(CBT="mindfulness_pain_smd"), CLAIMS)
    assert "labelled illustrative" in feedback.message


def test_an_unknown_key_is_named_without_a_suggestion():
    feedback = check_replacement_keys(keys_with(PREVALENCE="chronic_pain_2023"), CLAIMS)
    assert "No row of evidence.csv has the key 'chronic_pain_2023'" in feedback.message
    assert leaks_a_key(feedback.message) == []


def test_the_two_fold_figure_belongs_to_recurrence():
    feedback = check_replacement_keys(
        keys_with(OPIOID="opioid_depression_recurrence_hr_high"), CLAIMS
    )
    assert "for the recurrence of depression" in feedback.message


def test_the_guideline_the_article_meant_says_nothing_about_depression():
    feedback = check_replacement_keys(keys_with(OPIOID="opioid_review_interval_months"), CLAIMS)
    assert "the guideline the article meant to cite" in feedback.message


def test_a_dated_claim_is_replaced_by_the_newest_survey():
    for older in ("chronic_pain_prevalence_2019_percent", "chronic_pain_prevalence_2021_percent"):
        feedback = check_replacement_keys(keys_with(PREVALENCE=older), CLAIMS)
        assert "a real survey, but an earlier one" in feedback.message


def test_another_outcome_or_treatment_is_named():
    mood = check_replacement_keys(keys_with(CBT="cbt_phq9_smd"), CLAIMS)
    assert "CBT's effect on mood" in mood.message
    insomnia = check_replacement_keys(keys_with(CBT="cbt_i_pain_smd", CBT_I="cbt_pain_smd"), CLAIMS)
    assert "CBT for insomnia, a different treatment" in insomnia.message
    assert "a different treatment from CBT for insomnia" in insomnia.message
    pain = check_replacement_keys(keys_with(SLEEP="sleep_problem_pain_or_short_term"), CLAIMS)
    assert "about later pain" in pain.message


def test_a_real_row_about_something_else_is_told_to_read_the_notes():
    feedback = check_replacement_keys(keys_with(CORTISOL="phq9_max"), CLAIMS)
    assert "real evidence, but not the figure that stands in for this claim" in feedback.message


def test_no_replacement_message_names_an_accepted_key():
    candidates = [
        CORTISOL,
        "article_claim_cbt_meta_analysis_trials",
        "stress_to_phq9",
        "mindfulness_pain_smd",
        "chronic_pain_2023",
        "phq9_max",
        *sorted(set().union(*ACCEPTED_KEYS.values())),
        "opioid_depression_recurrence_hr_low",
        "chronic_pain_prevalence_2019_percent",
        "cbt_i_phq9_smd",
    ]
    for claim, key in itertools.product(CLAIMS, candidates):
        if key in ACCEPTED_KEYS[claim]:
            continue
        feedback = check_replacement_keys({**RIGHT_KEYS, claim: key}, CLAIMS)
        assert feedback.status == "close", (claim, key)
        assert leaks_a_key(feedback.message) == [], (claim, key, feedback.message)
    swapped = keys_with(CBT="cbt_i_pain_smd", CBT_I="cbt_pain_smd")
    assert leaks_a_key(check_replacement_keys(swapped, CLAIMS).message) == []


# =========================================================================== exercise 8
MARIA = case.case_study()
SCORES = (MARIA.baseline_phq9, MARIA.follow_up_phq9, MARIA.baseline_pain, MARIA.follow_up_pain)
PHQ9 = scales.phq9_change(MARIA.baseline_phq9, MARIA.follow_up_phq9)
PAIN = scales.pain_change(MARIA.baseline_pain, MARIA.follow_up_pain)


def leaked_numbers(message: str, numbers) -> list[float]:
    """Numbers of ``numbers`` written in ``message`` (the 9 of PHQ-9 is the scale's name)."""
    text = re.sub(r"PHQ-9", " ", message)
    found = []
    for number in numbers:
        digits = re.escape(f"{abs(number):g}")
        if re.search(rf"(?<![\w.]){digits}(?:\.0+)?(?![\w]|\.\d)", text):
            found.append(number)
    return found


def solution_note(name: str) -> str:
    """The text a solution cell of exercise 8 assigns to ``name`` (its string constants)."""
    notebook = nbformat.read(EXERCISES_DIR / "08_case_reasoning_note.ipynb", as_version=4)
    for cell in notebook.cells:
        if "solution" in cell.metadata.get("tags", []) and cell.source.startswith(name):
            tree = ast.parse(cell.source)
            return "".join(
                node.value
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            )
    raise AssertionError(f"no solution for {name}")


OPENING = solution_note("opening")
MODEL_NOTE = OPENING + solution_note("my_note")


# --------------------------------------------------------------------------- task 1
def test_case_changes_right():
    assert check_case_changes(PHQ9, PAIN, MARIA).passed
    assert check_case_changes(PHQ9, PAIN).passed


def test_case_changes_not_answered_yet():
    assert check_case_changes(..., PAIN, MARIA).status == "not answered"
    feedback = check_case_changes(PHQ9, ..., MARIA)
    assert feedback.status == "not answered" and "pain_result" in feedback.message


def test_case_changes_of_the_wrong_type_are_unreadable_and_named():
    feedback = check_case_changes("response", PAIN, MARIA)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check phq9_result yet")
    assert "scales.phq9_change" in feedback.message


def test_a_change_in_points_is_not_its_verdict():
    for number in (PHQ9.delta, np.int64(PHQ9.delta), -9.0):
        feedback = check_case_changes(number, PAIN, MARIA)
        assert "phq9_result is a bare number" in feedback.message
    assert "pain_result is a bare number" in check_case_changes(PHQ9, PAIN.percent, MARIA).message


def test_scores_given_in_the_wrong_order_read_as_a_rise():
    backwards = scales.phq9_change(MARIA.follow_up_phq9, MARIA.baseline_phq9)
    feedback = check_case_changes(backwards, PAIN, MARIA)
    assert "Your PHQ-9 change reads as a rise" in feedback.message
    pain_backwards = scales.pain_change(MARIA.follow_up_pain, MARIA.baseline_pain)
    assert "Your pain change reads as a rise" in check_case_changes(PHQ9, pain_backwards).message


def test_the_two_scales_results_are_not_interchangeable():
    feedback = check_case_changes(PAIN, PHQ9, MARIA)
    assert "phq9_result holds the other scale's change" in feedback.message
    assert "pain_result holds the other scale's change" in feedback.message


def test_a_change_between_other_numbers_is_not_hers():
    feedback = check_case_changes(scales.phq9_change(15, 7), PAIN, MARIA)
    assert "not the change between her two PHQ-9 scores" in feedback.message


def test_no_case_change_message_gives_the_change():
    expected = [PHQ9.delta, PAIN.delta, PAIN.percent]
    wrong = [
        (scales.phq9_change(6, 15), PAIN),
        (PHQ9, scales.pain_change(4, 7)),
        (-9, 3.0),
        (PAIN, PHQ9),
        (scales.phq9_change(15, 7), scales.pain_change(7, 5)),
    ]
    for phq9_result, pain_result in wrong:
        message = check_case_changes(phq9_result, pain_result, MARIA).message
        assert leaked_numbers(message, expected) == [], message


# --------------------------------------------------------------------------- task 2
@pytest.mark.parametrize(
    "note",
    [
        "Her PHQ-9 fell from 15 to 6 and her BPI pain from 7 to 4.",
        "PHQ-9: 15 -> 6. BPI pain intensity: 7/10 -> 4/10.",
        "Her PHQ-9 total went from fifteen to six, and her pain on the BPI from seven to four.",
        "Maria scored 15 on the PHQ-9 and 7 on the BPI (0-10) at baseline; at 12 weeks she "
        "scored 6 and 4.",
        "PHQ-9 15.0 at week 0 and 6.0 at week 12 (a 60% fall); pain 7.0 to 4.0 out of 10.",
        "At 12 weeks her PHQ-9 was 6, down from 15; BPI pain intensity 4, down from 7.",
    ],
)
def test_note_numbers_right_however_written(note):
    feedback = check_note_numbers(note, MARIA)
    assert feedback.passed, feedback.message


def test_note_numbers_of_the_model_opening_and_note():
    assert check_note_numbers(OPENING, MARIA).passed
    assert check_note_numbers(MODEL_NOTE, MARIA).passed


def test_note_numbers_not_answered_yet():
    assert check_note_numbers(..., MARIA).status == "not answered"
    assert check_note_numbers("  ", MARIA).status == "not answered"


def test_a_note_that_is_not_text_is_unreadable_and_named():
    feedback = check_note_numbers(42, MARIA)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the note yet")


def test_a_score_needs_its_scale_named():
    feedback = check_note_numbers("Her depression score fell from 15 to 6; BPI pain 7 to 4.")
    assert "Name the depression scale" in feedback.message
    pain = check_note_numbers("Her PHQ-9 fell from 15 to 6 and her pain from 7 to 4.")
    assert "Name the pain scale" in pain.message


def test_the_change_is_not_the_scores():
    feedback = check_note_numbers("Her PHQ-9 fell by 9 points (60%); BPI pain from 7 to 4.")
    assert "Your note gives the PHQ-9 change but not the scores" in feedback.message
    pain = check_note_numbers("PHQ-9 from 15 to 6; BPI pain fell by 43%.")
    assert "Your note gives the pain change but not the scores" in pain.message


def test_scores_in_the_wrong_order_read_as_a_rise():
    feedback = check_note_numbers("Her PHQ-9 went from 6 to 15; BPI pain 7 -> 4.")
    assert "Your PHQ-9 scores read as a rise" in feedback.message


def test_one_scales_numbers_beside_the_others_name():
    feedback = check_note_numbers("PHQ-9 from 7 to 4, and BPI pain from 15 to 6.")
    assert "The numbers beside PHQ-9 look like the other scale's scores" in feedback.message
    assert "The numbers beside pain look like the other scale's scores" in feedback.message


def test_numbers_that_are_not_hers():
    feedback = check_note_numbers("PHQ-9 from 16 to 8; BPI pain from 7 to 4.")
    assert "The PHQ-9 scores in your note are not Maria's" in feedback.message
    one = check_note_numbers("PHQ-9 6 at week 12; BPI pain from 7 to 4.")
    assert "Only one of her two PHQ-9 scores" in one.message


def test_the_numbers_come_from_the_case_the_exercise_gave(tmp_path):
    with evidence.use_evidence(evidence_with(tmp_path, case_follow_up_phq9=4)):
        changed = case.case_study()
        assert check_note_numbers("PHQ-9 from 15 to 4; BPI pain from 7 to 4.", changed).passed
        assert not check_note_numbers("PHQ-9 from 15 to 6; BPI pain from 7 to 4.", changed).passed


def test_no_note_numbers_message_gives_a_score():
    wrong = [
        "Her mood improved a lot.",
        "Her depression score fell from 15 to 6; BPI pain 7 to 4.",
        "Her PHQ-9 fell by 9 points (60%); BPI pain fell by 43%.",
        "Her PHQ-9 went from 6 to 15; pain from 4 to 7 on the BPI.",
        "PHQ-9 from 7 to 4, and BPI pain from 15 to 6.",
        "PHQ-9 from 16 to 8; pain 8 to 3.",
        "PHQ-9 6 at week 12; BPI pain 4.",
    ]
    for note in wrong:
        feedback = check_note_numbers(note, MARIA)
        assert feedback.status == "close", note
        assert leaked_numbers(feedback.message, SCORES) == [], feedback.message


# --------------------------------------------------------------------------- task 3
OTHER_GOOD_NOTE = (
    "Educational case, not a real patient. PHQ-9 15 -> 6 and BPI pain 7 -> 4 over twelve "
    "weeks. The PHQ-9 fall meets the response rule (50% or more) and exceeds the 5-point "
    "minimal important change, but remission has not been reached; the pain fall is above "
    "the 30% threshold, so both are clinically meaningful. She might have improved anyway "
    "(natural course), and regression toward the mean is likely since she came at a bad "
    "time; duloxetine, yoga and CBT may have contributed. Item 9 was not reported, so I "
    "would ask it today and assess safety the same day if it is above 0. Continue the plan "
    "and re-evaluate in six weeks."
)


def test_the_model_note_covers_every_element():
    feedback = check_reasoning_note(MODEL_NOTE, MARIA)
    assert feedback.passed, feedback.message
    assert "all six elements" in feedback.message and "a guide, not a grade" in feedback.message


def test_a_good_note_in_other_words_is_credited():
    feedback = check_reasoning_note(OTHER_GOOD_NOTE, MARIA)
    assert feedback.passed, feedback.message


def test_reasoning_note_not_answered_yet():
    assert check_reasoning_note(..., MARIA).status == "not answered"
    assert check_reasoning_note("", MARIA).status == "not answered"


def test_a_reasoning_note_that_is_not_text_is_unreadable_and_named():
    feedback = check_reasoning_note(["PHQ-9 15 to 6"], MARIA)
    assert feedback.status == "unreadable"
    assert feedback.message.startswith("Cannot check the note yet")


def test_the_feedback_says_what_is_present_and_what_is_missing():
    feedback = check_reasoning_note(OPENING, MARIA)
    assert feedback.status == "close"
    assert "Your note covers two of the six elements" in feedback.message
    assert (
        "Present: the scores, with the scales named; an educational framing, with no "
        "diagnostic label." in feedback.message
    )
    for element in NOTE_RUBRIC[1:5]:
        assert f"{element.title[0].upper()}{element.title[1:]}: " in feedback.message
    assert "It is short" in feedback.message


def test_the_rubric_is_data_with_six_named_elements():
    assert [element.name for element in NOTE_RUBRIC] == [
        "scores",
        "importance",
        "alternatives",
        "safety",
        "plan",
        "framing",
    ]
    for element in NOTE_RUBRIC:
        for pattern in [part.pattern for part in element.parts] + [
            pitfall.pattern for pitfall in element.pitfalls
        ]:
            re.compile(pattern)
        texts = [part.missing for part in element.parts] + [p.message for p in element.pitfalls]
        assert all(diagnostic_phrases(text) == [] for text in texts)


def without(note: str, sentence: str) -> str:
    assert sentence in note
    return note.replace(sentence, " ")


def with_extra(sentence: str) -> str:
    return f"{MODEL_NOTE} {sentence}"


def test_a_missing_threshold_is_asked_for():
    note = (
        f"{OPENING} This is a teaching note. Both changes are clinically important for one "
        "person. Natural course and regression to the mean could explain it, beside the "
        "treatments' specific effects. Item 9 was not reported: ask it, and any answer above "
        "0 means a same-day safety assessment. Repeat the PHQ-9 in 4 weeks."
    )
    feedback = check_reasoning_note(note, MARIA)
    assert "say by which threshold" in feedback.message


def test_a_response_is_not_a_remission():
    feedback = check_reasoning_note(with_extra("She is now in remission."), MARIA)
    assert feedback.status == "close"
    assert "Check remission against its rule" in feedback.message
    assert check_reasoning_note(with_extra("She is not yet in remission."), MARIA).passed


def test_one_patient_has_no_statistical_significance():
    feedback = check_reasoning_note(with_extra("The fall is statistically significant."))
    assert "Statistical significance belongs to comparisons of groups" in feedback.message


def test_improving_on_treatment_does_not_show_the_treatment_worked():
    feedback = check_reasoning_note(with_extra("Her treatments clearly worked."), MARIA)
    assert "association read as causation" in feedback.message
    due = check_reasoning_note(with_extra("Her recovery is due to duloxetine."), MARIA)
    assert "association read as causation" in due.message
    hedged = with_extra("Some of it may be due to duloxetine; one course cannot prove CBT worked.")
    assert check_reasoning_note(hedged, MARIA).passed


def test_the_explanations_besides_the_treatments_are_asked_for():
    note = without(MODEL_NOTE, "regression to the mean (she came when she felt worst)")
    feedback = check_reasoning_note(note, MARIA)
    assert "regression to the mean: people come for help when they feel worst" in feedback.message


def test_a_screen_cannot_rule_risk_out():
    feedback = check_reasoning_note(with_extra("There is no risk of self-harm."), MARIA)
    assert "A questionnaire cannot rule risk out" in feedback.message


def test_a_mild_total_says_nothing_about_item_9():
    note = with_extra("Her total is low, so there is no need to ask about item 9.")
    assert "Item 9 is read on its own" in check_reasoning_note(note, MARIA).message


def test_safety_needs_item_9_and_the_same_day():
    note = MODEL_NOTE.replace("same-day safety assessment", "safety assessment")
    feedback = check_reasoning_note(note, MARIA)
    assert "a same-day safety assessment, whatever the total" in feedback.message


def test_a_plan_needs_a_time():
    note = without(MODEL_NOTE, " in 4-6 weeks")
    feedback = check_reasoning_note(note, MARIA)
    assert "say when: a monitoring interval" in feedback.message


def test_a_response_is_no_reason_to_stop_measuring():
    feedback = check_reasoning_note(with_extra("She can now be discharged."), MARIA)
    assert "A good response is a reason to keep measuring" in feedback.message


def test_a_diagnostic_label_is_overreach():
    for label in ("Maria has depression.", "She meets criteria for a depressive episode."):
        feedback = check_reasoning_note(with_extra(label), MARIA)
        assert "reads as a diagnosis" in feedback.message, label
        assert diagnostic_phrases(feedback.message) == []
    denied = with_extra("A PHQ-9 total does not mean that she has depression.")
    assert check_reasoning_note(denied, MARIA).passed


def test_the_framing_is_asked_for():
    note = without(
        MODEL_NOTE,
        "This is a teaching note: questionnaire scores describe symptom severity and are not a"
        " diagnosis.",
    ).replace("(a teaching case)", "")
    feedback = check_reasoning_note(note, MARIA)
    assert "say that this is a teaching case" in feedback.message


def test_the_scores_element_uses_her_numbers():
    note = MODEL_NOTE.replace("PHQ-9 15 at baseline", "PHQ-9 17 at baseline")
    feedback = check_reasoning_note(note, MARIA)
    assert "Only one of her two PHQ-9 scores" in feedback.message


def test_no_rubric_message_gives_a_score_or_the_model_note():
    words = MODEL_NOTE.split()
    phrases = {" ".join(words[index : index + 8]) for index in range(len(words) - 7)}
    notes = [
        "Her mood improved.",
        OPENING,
        with_extra("She is now in remission. Her treatments clearly worked."),
        with_extra("There is no risk. She can be discharged. Maria has depression."),
        MODEL_NOTE.replace("PHQ-9 15 at baseline", "PHQ-9 17 at baseline"),
        without(MODEL_NOTE, " in 4-6 weeks"),
    ]
    for note in notes:
        message = check_reasoning_note(note, MARIA).message
        assert leaked_numbers(message, SCORES) == [], message
        assert not [phrase for phrase in phrases if phrase in message]
        assert diagnostic_phrases(message) == []
