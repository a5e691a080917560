"""Self-check questions: malformed ones refused, every reply explained, nothing leaked early."""

import math

import ipywidgets as widgets
import pytest

from painmood_widgets import quiz
from painmood_widgets.quiz import ChoiceQuestion, NumericQuestion, Option
from tests.helpers import html_values

RIGHT = Option("A same-day safety assessment", "Item 9 above 0 needs one.", correct=True)
WRONG = Option("Nothing: the total is minimal", "A low total is no all-clear.")


def phq9_total_question(**changes) -> NumericQuestion:
    fields = {
        "prompt": "Answers 2, 2, 1, 2, 1, 1, 2, 1, 0: the PHQ-9 total?",
        "answer": 12,
        "unit": "points",
        "explanation": "The total is the sum of the nine answers.",
        "hint": "Add the nine answers together.",
        "wrong": {1.33: "That is the mean; the PHQ-9 total is a sum.", 9: "You counted items."},
    }
    return NumericQuestion(**(fields | changes))


# ------------------------------------------------------------------ questions as data
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ((RIGHT,), "at least 2 options"),
        ((RIGHT, RIGHT), "distinct"),
        ((WRONG, Option("Wait", "No one waits.")), "exactly one option must be correct, got 0"),
        (
            (RIGHT, Option("Also", "Also so.", correct=True)),
            "exactly one option must be correct, got 2",
        ),
        ((RIGHT, "a bare string"), "every option must be an Option"),
        ("two options", "options must be a list of Option"),
    ],
)
def test_a_malformed_choice_question_is_refused_when_written(options, message):
    with pytest.raises(ValueError, match=message):
        ChoiceQuestion("What comes first?", options)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": " "}, "option text must be a non-empty string"),
        ({"feedback": ""}, "feedback of 'x' must be a non-empty string"),
        ({"correct": 1}, "correct of 'x' must be True or False"),
    ],
)
def test_an_option_needs_text_feedback_and_a_true_or_false(fields, message):
    with pytest.raises(ValueError, match=message):
        Option(**({"text": "x", "feedback": "Because."} | fields))


@pytest.mark.parametrize("opening", ["Right: ", "No. ", "Not quite: ", "correct, ", "Yes! "])
def test_feedback_that_opens_with_a_verdict_is_refused_because_the_card_gives_it(opening):
    with pytest.raises(ValueError, match="must not open with a verdict"):
        Option("x", opening + "it is a sum.")
    with pytest.raises(ValueError, match="explanation must not open with a verdict"):
        phq9_total_question(explanation=opening + "it is a sum.")
    with pytest.raises(ValueError, match=r"feedback for 1\.33 must not open with a verdict"):
        phq9_total_question(wrong={1.33: opening + "that is the mean."})
    assert Option("x", "Right working, but a total is whole.").feedback.startswith("Right")


def test_every_option_gets_its_own_feedback():
    question = ChoiceQuestion("What comes first?", (WRONG, RIGHT))
    assert question.feedback(0) == quiz.Feedback(False, WRONG.feedback)
    assert question.feedback(1) == quiz.Feedback(True, RIGHT.feedback)
    for bad in (2, -1, True, 1.0, "1"):
        with pytest.raises(ValueError, match="chosen option must be"):
            question.feedback(bad)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answer": math.nan}, "answer must be a finite number"),
        ({"answer": "12"}, "answer must be a number"),
        ({"answer": True}, "answer must be a number"),
        ({"tolerance": -1}, "tolerance must be 0 or more"),
        ({"hint": ""}, "hint must be a non-empty string"),
        ({"explanation": None}, "explanation must be a non-empty string"),
        ({"wrong": {12: "Eh?"}}, "typical wrong answer 12 would count as right"),
        ({"wrong": {11.5: "Eh?"}, "tolerance": 0.5}, "would count as right"),
        ({"wrong": {math.inf: "Eh?"}}, "a typical wrong answer must be a finite number"),
        ({"wrong": [1.33]}, "wrong must map numbers to feedback"),
        ({"unit": 3}, "unit must be a string"),
    ],
)
def test_a_malformed_numeric_question_is_refused_when_written(changes, message):
    with pytest.raises(ValueError, match=message):
        phq9_total_question(**changes)


@pytest.mark.parametrize(
    ("reply", "correct", "says"),
    [
        ("12", True, "sum of the nine"),
        ("12.0", True, "sum of the nine"),
        (" 12 ", True, "sum of the nine"),
        ("1.33", False, "That is the mean"),
        ("1.333", False, "That is the mean"),  # rounds to the wrong number as written
        ("9", False, "You counted items"),
        ("13", False, "Add the nine answers"),
        ("1.3", False, "Add the nine answers"),
        ("-12", False, "Add the nine answers"),
    ],
)
def test_numeric_feedback_names_the_misconception_or_gives_the_hint(reply, correct, says):
    feedback = phq9_total_question().feedback(reply)
    assert feedback.correct is correct
    assert says in feedback.text


def test_a_tolerance_accepts_rounding_and_percent_signs_are_read_for_percent_questions():
    question = NumericQuestion(
        "Pain 8 to 5: percent change?",
        answer=37.5,
        unit="%",
        tolerance=0.5,
        explanation="(8 - 5) / 8.",
        hint="Divide the fall by the start.",
    )
    assert question.feedback("38").correct and question.feedback("37.5 %").correct
    assert not question.feedback("36.9").correct


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("", "Type your answer first: a number of points"),
        ("   ", "Type your answer first"),
        ("twelve", "must be a number of points, like 12 or 2.5; got 'twelve'"),
        ("12 points", "got '12 points'"),
        ("nan", "must be a finite number, got 'nan'"),
        ("inf", "must be a finite number"),
        ("12%", "got '12%'"),  # a percent sign only makes sense for a percent
        (None, "Type your answer first"),
    ],
)
def test_a_reply_that_is_not_a_number_is_refused_saying_what_is_expected(reply, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        phq9_total_question().feedback(reply)


# ------------------------------------------------------------------ the cards
def choice_card() -> quiz.ChoiceCheck:
    return quiz.multiple_choice("PHQ-9 item 9 is 1, the total 4. What comes first?", [WRONG, RIGHT])


def test_a_choice_card_explains_each_option_chosen_and_says_so_in_words():
    card = choice_card()
    card.choices.value = 0
    card.check_button.click()
    assert card.feedback_text == f"Not quite. {WRONG.feedback}"
    card.choices.value = 1
    card.check_button.click()
    assert card.feedback_text == f"Right. {RIGHT.feedback}"
    assert "Right." in card.feedback_area.value
    assert 'role="status"' in card.feedback_area.value


def test_checking_with_nothing_chosen_asks_for_a_choice():
    card = choice_card()
    assert card.choices.value is None
    card.check_button.click()
    assert card.feedback is None
    assert card.feedback_text == quiz.cards.CHOOSE_FIRST
    assert 'role="alert"' in card.feedback_area.value


def test_changing_the_answer_clears_feedback_that_no_longer_belongs_to_it():
    card = choice_card()
    card.choices.value = 1
    card.check()
    card.choices.value = 0
    assert card.feedback is None and card.feedback_text == ""
    assert RIGHT.feedback not in card.feedback_area.value


def test_no_feedback_or_right_answer_reaches_the_page_before_a_check():
    card = choice_card()
    shown = " ".join(html_values(card))
    for option in (WRONG, RIGHT):
        assert option.feedback not in shown
    synced = str([child.get_state() for child in card.children])
    assert "correct" not in synced.lower()
    assert RIGHT.feedback not in synced


def test_a_numeric_card_checks_on_enter_and_reports_a_refused_reply_without_losing_it():
    card = quiz.numeric(
        "Answers 2, 2, 1, 2, 1, 1, 2, 1, 0: the PHQ-9 total?",
        answer=12,
        unit="points",
        explanation="The total is the sum.",
        hint="Add them.",
        wrong={1.33: "That is the mean."},
    )
    assert card.reply.description == "Your answer (points)"
    assert card.reply.continuous_update is False
    card.reply.value = "1.33"  # what Enter commits
    assert card.feedback_text == "Not quite. That is the mean."
    card.reply.value = "twelve"
    assert card.feedback is None
    assert "must be a number of points" in card.feedback_text
    assert card.reply.value == "twelve"
    card.reply.value = "12"
    assert card.feedback.correct


def test_every_control_of_a_card_has_a_name_a_screen_reader_can_read():
    card = choice_card()
    assert card.choices.description == "Your answer"
    assert card.check_button.description == "Check answer"
    assert card.check_button.tooltip
    assert [label for label, _value in card.choices.options] == [WRONG.text, RIGHT.text]
    assert "Check your understanding" in card.prompt.value
    assert "&lt;b&gt;" in quiz.multiple_choice("Is <b> escaped?", [RIGHT, WRONG]).prompt.value


def test_a_card_refuses_a_question_of_the_wrong_kind():
    with pytest.raises(ValueError, match="must be a ChoiceQuestion"):
        quiz.ChoiceCheck(phq9_total_question())
    with pytest.raises(ValueError, match="must be a NumericQuestion"):
        quiz.NumericCheck(ChoiceQuestion("Q?", (RIGHT, WRONG)))
    assert isinstance(choice_card(), widgets.VBox)
