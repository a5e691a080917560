"""The PHQ-9, BPI and PEG forms, driven from Python as a learner would drive them.

The scales module is the oracle: whatever the answers, a form shows exactly what
``painmood_widgets.scales`` says, and nothing where the rules give no score.
"""

import html
import math
import re
import socket

import ipywidgets as widgets
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from traitlets import TraitError

from painmood_widgets import scales
from painmood_widgets.describe.safety import CRISIS_HEADLINE, CRISIS_RESOURCES
from painmood_widgets.state.forms import BpiState, PegState, Phq9State
from painmood_widgets.widgets.common import EDUCATIONAL_NOTICE, safety_panel
from painmood_widgets.widgets.forms import BpiForm, PegForm, Phq9Form
from tests.helpers import html_values
from tests.test_state_forms import scales_result

SIZES = {Phq9Form: 9, BpiForm: 11, PegForm: 3}
STATES = {Phq9Form: Phq9State, BpiForm: BpiState, PegForm: PegState}
HIGHEST = {Phq9Form: 3, BpiForm: 10, PegForm: 10}
FORMS = list(SIZES)
# one instance per form for the property tests: they also check that any sequence of
# states leaves a form consistent
SHARED = {form_class: form_class() for form_class in FORMS}


def _scales_refusal(form_class: type, answers: list) -> str:
    """The scales' message for a complete set of answers holding one bad value."""
    with pytest.raises(ValueError) as refusal:
        if form_class is Phq9Form:
            scales.score_phq9(answers)
        elif form_class is BpiForm:
            scales.score_bpi(answers[:4], answers[4:])
        else:
            scales.score_peg(*answers)
    return str(refusal.value)


def _state(form) -> tuple:
    """What a form holds and shows; the refusal line aside, which a refusal sets on purpose
    (checked on its own in the refusal tests)."""
    safety = form.safety_visible if isinstance(form, Phq9Form) else None
    shown = (
        value
        for child in form.children
        if child is not form.error_display
        for value in html_values(child)
    )
    return (
        form.answers,
        form.result,
        form.summary_text,
        form.band_text,
        safety,
        tuple(shown),
    )


def _shows_refusal(form, refusal: pytest.ExceptionInfo) -> bool:
    message = str(refusal.value)
    return form.error_text == message and html.escape(message) in form.error_display.value


def answer_sets(form_class: type) -> st.SearchStrategy:
    answer = st.one_of(st.none(), st.integers(0, HIGHEST[form_class]))
    size = SIZES[form_class]
    return st.lists(answer, min_size=size, max_size=size).map(tuple)


# --- what every form shows -------------------------------------------------------------


@pytest.mark.parametrize("form_class", FORMS)
def test_every_item_is_a_labelled_choice_that_starts_not_answered(form_class):
    form = form_class()
    assert len(form.items) == SIZES[form_class]
    highest = HIGHEST[form_class]
    for control in form.items:
        assert isinstance(control, widgets.RadioButtons | widgets.ToggleButtons)
        assert control.options[0] == ("Not answered", None)
        assert [value for _label, value in control.options] == [None, *range(highest + 1)]
        assert control.value is None and control.index == 0
        assert f"(0-{highest}" in control.description
        assert control.style.description_width == "initial"
    assert form.answers == (None,) * SIZES[form_class]
    assert form.result is None


@pytest.mark.parametrize("form_class", FORMS)
def test_every_form_says_it_is_educational(form_class):
    assert html.escape(EDUCATIONAL_NOTICE) in " ".join(html_values(form_class()))


def test_phq9_shows_the_stem_and_items_verbatim_with_their_source():
    shown = " ".join(html_values(Phq9Form()))
    assert html.escape(scales.PHQ9_STEM) in shown
    assert all(html.escape(text) in shown for text in scales.PHQ9_ITEMS)
    assert "Kroenke" in shown
    first = Phq9Form().items[0]
    labels = [label for label, _value in first.options[1:]]
    assert labels == [f"{score} {answer}" for score, answer in enumerate(scales.PHQ9_ANSWERS)]


def test_bpi_and_peg_show_the_paraphrased_labels_and_anchors():
    bpi, peg = BpiForm(), PegForm()
    labels = (*scales.BPI_SEVERITY_ITEMS, *scales.BPI_INTERFERENCE_ITEMS)
    assert [c.description for c in bpi.items] == [f"{label} (0-10)" for label in labels]
    assert [c.description for c in peg.items] == [f"{label} (0-10)" for label in scales.PEG_ITEMS]
    assert "10 = pain as bad as you can imagine" in " ".join(html_values(bpi))
    assert "Krebs" in " ".join(html_values(peg))


# --- PHQ-9 ------------------------------------------------------------------------------


def test_phq9_complete_form():
    form = Phq9Form()
    form.set_answers([1, 2, 1, 2, 1, 1, 2, 1, 1])
    assert form.result == scales.score_phq9([1, 2, 1, 2, 1, 1, 2, 1, 1])
    assert form.summary_text == (
        "PHQ-9 total 12 of 27: moderate. Item 9 is above 0: see the safety message."
    )
    assert "moderate (10-14 points)" in form.band_text and "Kroenke" in form.band_text
    assert "Total: 12 of 27 points" in form.score_display.value
    assert html.escape(form.summary_text) in form.summary_display.value
    assert form.safety_visible


def test_phq9_follows_each_control():
    form = Phq9Form()
    for control in form.items[:8]:
        control.value = 3
    assert form.result is not None and form.result.total == 27 and form.result.prorated
    form.items[8].value = 0
    assert form.result.total == 24 and not form.result.prorated
    assert form.result.severity == "severe"
    assert form.summary_text == "PHQ-9 total 24 of 27: severe."
    form.items[0].value = None
    assert form.result.total == 24 and form.result.prorated


def test_phq9_with_one_missing_item_is_prorated_and_says_so():
    form = Phq9Form()
    form.set_answers([2, 2, None, 2, 1, 2, 2, 1, 1])
    assert form.result.total == 15 and form.result.prorated
    assert form.summary_text.startswith(
        "1 item not answered yet: 3 (Trouble sleeping, or sleeping too much). "
        "PHQ-9 total 15 of 27, prorated"
    )
    assert "(prorated)" in form.score_display.value
    assert "moderately severe" in form.band_text


def test_phq9_with_two_missing_items_lists_both():
    form = Phq9Form()
    form.set_answers([1, 1, None, 1, 1, 1, None, 1, 0])
    assert form.summary_text.startswith(
        "2 items not answered yet: 3 (Trouble sleeping, or sleeping too much), "
        "7 (Trouble concentrating)."
    )
    assert "prorated" in form.summary_text
    assert form.result.total == 8  # 6 x 9 / 7 = 7.71, rounded


def test_phq9_with_three_missing_items_shows_no_number():
    form = Phq9Form()
    form.set_answers([3, 3, None, 3, 3, None, None, 3, 0])
    assert form.result is None
    assert "3 items not answered yet: 3 (" in form.summary_text
    assert "not scored" in form.summary_text
    assert not re.search(r"\d+ of 27", form.summary_text + form.score_display.value)
    assert "moderate" not in form.band_text and "severe" not in form.band_text


def test_phq9_blank_item9_is_no_all_clear():
    form = Phq9Form()
    form.set_answers([0, 0, 0, 0, 0, 0, 0, 0, None])
    assert not form.safety_visible
    assert "Item 9 is not answered yet: a blank item 9 is no all-clear." in form.summary_text


def test_phq9_item9_alone_shows_the_safety_panel_on_an_empty_form():
    form = Phq9Form()
    assert not form.safety_visible
    form.items[8].value = 1
    assert form.result is None
    assert form.safety_visible
    assert form.safety_panel.layout.display is None
    assert form.safety_panel.value == safety_panel().value
    assert "Item 9 is above 0: see the safety message." in form.summary_text
    form.items[8].value = 0
    assert not form.safety_visible and form.safety_panel.layout.display == "none"


@given(
    before=answer_sets(Phq9Form),
    after=answer_sets(Phq9Form),
    one_by_one=st.booleans(),
    order=st.permutations(range(9)),
)
@example(before=(None,) * 9, after=(None,) * 8 + (3,), one_by_one=True, order=list(range(9)))
@example(before=(3,) * 9, after=(0,) * 9, one_by_one=True, order=list(range(9)))
def test_phq9_item9_above_zero_always_shows_the_safety_panel(before, after, one_by_one, order):
    form = SHARED[Phq9Form]
    form.set_answers(before)
    if one_by_one:
        for index in order:
            form.items[index].value = after[index]
    else:
        form.set_answers(after)
    positive = after[8] is not None and after[8] > 0
    assert form.safety_visible == positive
    assert (form.safety_panel.layout.display is None) == positive
    assert ("see the safety message" in form.summary_text) == positive


# --- BPI --------------------------------------------------------------------------------


def test_bpi_complete_form():
    form = BpiForm()
    form.set_answers([7, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7])
    assert (form.result.severity, form.result.interference) == (5.25, 6.14)
    assert form.result.severity_band == "severe"
    assert "BPI pain severity 5.25 of 10" in form.summary_text
    assert "Pain interference 6.14 of 10" in form.summary_text
    assert "severe (7-10 of 10)" in form.band_text
    assert "cancer pain" in form.band_text and "Serlin" in form.band_text


def test_bpi_interference_needs_four_answers():
    form = BpiForm()
    form.set_answers([4, 1, 2, 3, 5, None, 4, None, None, 6, None])
    assert form.result.severity == 2.5 and form.result.interference is None
    assert "Pain interference not scored" in form.summary_text
    assert "interference 2 (Mood)" in form.summary_text
    form.items[7].value = 5
    assert form.result.interference == 5.0


def test_bpi_without_every_severity_item_is_not_scored():
    form = BpiForm()
    form.set_answers([4, None, 2, 3, 5, 5, 4, 5, 5, 6, 5])
    assert form.result is None
    assert form.summary_text.startswith("1 item not answered yet: severity 2 (Least pain")
    assert "BPI not scored" in form.summary_text
    assert "mild" not in form.band_text
    form.items[1].value = 0
    assert form.result.severity_band == "mild"


# --- PEG --------------------------------------------------------------------------------


def test_peg_shows_the_mean_and_no_band():
    form = PegForm()
    form.set_answers([5, 5, 6])
    assert form.result == 5.33
    assert form.summary_text.startswith("PEG score 5.33 of 10")
    assert "published none" in form.band_text
    shown = (form.summary_text + form.score_display.value).lower()
    assert not [band for band in ("mild", "moderate", "severe") if band in shown]


def test_peg_incomplete_says_what_is_missing():
    form = PegForm()
    form.items[0].value = 6
    assert form.result is None
    assert form.summary_text.startswith(
        "2 items not answered yet: 2 (Interference with enjoyment of life in the past week), "
        "3 (Interference with general activity in the past week)."
    )


# --- refusing bad values ----------------------------------------------------------------

ITEM_NAMES = {
    Phq9Form: {0: "PHQ-9 item 1 (little interest", 8: "PHQ-9 item 9 (thoughts that"},
    BpiForm: {0: "BPI severity item 1 (worst pain", 10: "BPI interference item 7 (enjoyment"},
    PegForm: {0: "PEG item 1 (average pain", 2: "PEG item 3 (interference with general"},
}
BAD_VALUES = [-1, "highest+1", 2.0, True, "2", math.nan, np.float64(math.nan), math.inf, [1]]


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_set_answers_refuses_a_bad_value_with_the_scales_message(form_class, bad):
    form = form_class()
    size = SIZES[form_class]
    form.set_answers([1] * size)
    before = _state(form)
    bad = HIGHEST[form_class] + 1 if bad == "highest+1" else bad
    for position in (0, size - 1):
        answers = [0] * size  # differs from the answers before, so a partial update shows
        answers[position] = bad
        with pytest.raises(ValueError) as refusal:
            form.set_answers(answers)
        assert str(refusal.value) == _scales_refusal(form_class, answers)
        assert ITEM_NAMES[form_class][position] in str(refusal.value)
        assert _state(form) == before
        assert _shows_refusal(form, refusal)
        assert 'role="alert"' in form.error_display.value
    form.items[0].value = None
    assert form.error_text == "" and form.error_display.value == ""


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize(
    "answers",
    [
        "123",
        None,
        {1: 2},
        iter([1, 2, 3]),
        5,
        np.zeros((3, 3), dtype=int),
        [],
        "too long",
    ],
    ids=repr,
)
def test_set_answers_refuses_a_bad_shape(form_class, answers):
    form = form_class()
    form.set_answers([0] * SIZES[form_class])
    before = _state(form)
    if isinstance(answers, str) and answers == "too long":
        answers = [0] * (SIZES[form_class] + 1)
    with pytest.raises(ValueError, match="answers") as refusal:
        form.set_answers(answers)
    assert _state(form) == before
    assert _shows_refusal(form, refusal)
    form.set_answers([0] * SIZES[form_class])
    assert form.error_text == "" and form.error_display.value == ""


@pytest.mark.parametrize("form_class", FORMS)
def test_set_answers_takes_numpy_arrays(form_class):
    form = form_class()
    form.set_answers(np.ones(SIZES[form_class], dtype=np.int64))
    assert form.answers == (1,) * SIZES[form_class]
    assert all(type(answer) is int for answer in form.answers)


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize("bad", [-1, "highest+1", 2.0, True, "1", math.nan])
def test_a_control_refuses_an_option_that_does_not_exist(form_class, bad):
    form = form_class()
    form.items[0].value = 1
    before = _state(form)
    bad = HIGHEST[form_class] + 1 if bad == "highest+1" else bad
    with pytest.raises(TraitError, match="Invalid selection"):
        form.items[0].value = bad
    assert form.items[0].value == 1 and form.items[0].index == 2
    assert _state(form) == before


# --- the widget tree, reset, privacy ----------------------------------------------------


@pytest.mark.parametrize("form_class", FORMS)
def test_updates_keep_the_widget_tree(form_class):
    form = form_class()
    children, items = form.children, form.items
    child_ids = [id(child) for child in children]
    size = SIZES[form_class]
    form.set_answers([HIGHEST[form_class]] * size)
    form.items[0].value = 0
    form.set_answers([None] * (size - 1) + [1])
    form.clear_button.click()
    assert form.children is children
    assert [id(child) for child in form.children] == child_ids
    assert form.items is items
    assert all(a is b for a, b in zip(form.items, items, strict=True))


@pytest.mark.parametrize("form_class", FORMS)
def test_reset_clears_every_answer(form_class):
    form = form_class()
    empty = _state(form)
    form.set_answers([1] * SIZES[form_class])
    assert form.result is not None
    form.reset()
    assert _state(form) == empty
    assert all(control.index == 0 for control in form.items)


@pytest.mark.parametrize("form_class", FORMS)
def test_a_form_is_a_view_of_its_state(form_class):
    size = SIZES[form_class]
    state = STATES[form_class](answers=[1] * size)
    form = form_class(state)
    assert form.state is state
    assert [control.value for control in form.items] == [1] * size
    state.answers = [None] * (size - 1) + [0]
    assert [control.value for control in form.items] == [None] * (size - 1) + [0]
    assert form.answers == state.answers and form.result is state.result
    assert html.escape(state.summary) in form.summary_display.value
    assert html.escape(state.score_text) in form.score_display.value
    assert html.escape(state.band_text) in form.band_display.value
    with pytest.raises(ValueError, match=f"state must be a {STATES[form_class].__name__}"):
        form_class(BpiState() if form_class is Phq9Form else Phq9State())


@pytest.mark.parametrize("form_class", FORMS)
def test_each_learner_action_refreshes_the_state_once(form_class):
    form = form_class()
    size = SIZES[form_class]
    refreshes = form.state.refreshes
    form.items[0].value = 1
    assert form.state.refreshes == refreshes + 1
    form.set_answers([HIGHEST[form_class]] * size)
    assert form.state.refreshes == refreshes + 2
    form.clear_button.click()
    assert form.state.refreshes == refreshes + 3
    assert form.answers == (None,) * size


def test_the_safety_panel_shows_the_states_crisis_text():
    form = Phq9Form()
    form.items[8].value = 2
    assert form.state.safety_message == f"{CRISIS_HEADLINE} {CRISIS_RESOURCES}"
    assert html.escape(CRISIS_HEADLINE) in form.safety_panel.value
    assert html.escape(CRISIS_RESOURCES) in form.safety_panel.value
    form.state.answers = [None] * 9
    assert not form.safety_visible and form.state.safety_message == ""


def test_choosing_not_answered_keeps_that_option_selected():
    form = BpiForm()
    form.items[3].value = 10
    form.items[3].index = 0
    assert form.items[3].value is None and form.items[3].label == "Not answered"
    form.items[3].value = 10
    form.items[3].value = None
    assert form.items[3].index == 0


def test_nothing_is_sent_over_the_network(monkeypatch):
    def no_network(*_args, **_kwargs):
        raise AssertionError("a form opened a network socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    for form_class in FORMS:
        form = form_class()
        form.set_answers([2] * SIZES[form_class])
        assert form.result is not None


# --- fuzz: any answers, any way in ------------------------------------------------------


def _check_consistent(form_class: type, form) -> None:
    answers = form.answers
    assert form.result == scales_result(STATES[form_class], answers)
    assert form.summary_text and form.band_text
    shown = " ".join([form.summary_text, form.band_text, *html_values(form)]).lower()
    assert "nan" not in re.findall(r"[a-z]+", shown)
    if None not in answers:
        assert "not answered" not in form.summary_text
    if form_class is Phq9Form:
        totals = [int(n) for n in re.findall(r"total:? (\d+) of 27", shown)]
        assert all(0 <= total <= 27 for total in totals)
        assert bool(totals) == (form.result is not None)
        assert form.safety_visible == (answers[8] is not None and answers[8] > 0)
    else:
        scores = [float(n) for n in re.findall(r"(\d+(?:\.\d+)?) of 10", shown)]
        assert all(0 <= score <= 10 for score in scores)
    missing = answers.count(None)
    if 0 < missing < len(answers):
        noun = "item" if missing == 1 else "items"
        assert f"{missing} {noun} not answered yet" in form.summary_text


@pytest.mark.parametrize("form_class", FORMS)
@given(data=st.data())
def test_fuzz_any_answers_set_at_once(form_class, data):
    form = SHARED[form_class]
    form.set_answers(data.draw(answer_sets(form_class)))
    _check_consistent(form_class, form)


@pytest.mark.parametrize("form_class", FORMS)
@given(data=st.data())
def test_fuzz_controls_one_at_a_time(form_class, data):
    form = SHARED[form_class]
    highest = HIGHEST[form_class]
    changes = st.tuples(
        st.integers(0, SIZES[form_class] - 1),
        st.one_of(st.none(), st.sampled_from([0, highest]), st.integers(0, highest)),
    )
    for index, value in data.draw(st.lists(changes, max_size=20)):
        form.items[index].value = value
        assert form.items[index].value == value
        _check_consistent(form_class, form)


@pytest.mark.parametrize("form_class", FORMS)
@pytest.mark.parametrize("extreme", ["lowest", "highest", "missing"])
def test_every_control_at_its_extremes(form_class, extreme):
    form = form_class()
    value = {"lowest": 0, "highest": HIGHEST[form_class], "missing": None}[extreme]
    for control in form.items:
        control.value = value
    _check_consistent(form_class, form)
