"""The form states and their describers, driven with no widget at all.

The scales are the oracle for every result, the describers for every sentence, and the
safety rule is checked over every pattern of missing answers: any PHQ-9 item 9 above 0
gives the crisis text, whatever else is answered or missing; 0 or a blank never does.
"""

import asyncio
import itertools
import math
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import traitlets
from hypothesis import example, given
from hypothesis import strategies as st

from painmood_widgets import scales
from painmood_widgets.describe import forms as describe_forms
from painmood_widgets.describe.safety import CRISIS_HEADLINE, CRISIS_MESSAGE, CRISIS_RESOURCES
from painmood_widgets.state.forms import BpiState, CheckedInput, FormState, PegState, Phq9State
from tests.helpers import diagnostic_phrases

STATES = (Phq9State, BpiState, PegState)
SIZES = {Phq9State: 9, BpiState: 11, PegState: 3}
HIGHEST = {Phq9State: 3, BpiState: 10, PegState: 10}
DESCRIBERS = {
    Phq9State: describe_forms.describe_phq9,
    BpiState: describe_forms.describe_bpi,
    PegState: describe_forms.describe_peg,
}
OUTPUTS = ("result", "score_text", "band_text", "summary", "missing")


def _output_names(state: FormState) -> tuple[str, ...]:
    return (*OUTPUTS, "safety_message") if isinstance(state, Phq9State) else OUTPUTS


def _outputs(state: FormState) -> tuple:
    return tuple(getattr(state, name) for name in _output_names(state))


def scales_result(state_class: type, answers: tuple) -> object:
    """What the scales give for these answers; None where the rules give no score."""
    if state_class is Phq9State:
        return scales.score_phq9(answers) if answers.count(None) <= 2 else None
    if state_class is BpiState:
        return None if None in answers[:4] else scales.score_bpi(answers[:4], answers[4:])
    return None if None in answers else scales.score_peg(*answers)


def answer_sets(state_class: type) -> st.SearchStrategy:
    answer = st.one_of(st.none(), st.integers(0, HIGHEST[state_class]))
    size = SIZES[state_class]
    return st.lists(answer, min_size=size, max_size=size).map(tuple)


# --- no widgets ------------------------------------------------------------------------


def test_the_states_run_in_a_process_that_never_loads_a_widget_or_a_chart():
    code = textwrap.dedent(
        """
        import sys
        from painmood_widgets.state.forms import BpiState, PegState, Phq9State
        from painmood_widgets.state.symptoms import SymptomState

        phq9 = Phq9State()
        phq9.answers = [None] * 8 + [2]
        assert phq9.result is None and phq9.safety_message
        bpi = BpiState(answers=[7, 3, 5, 6, 6, 7, 5, 8, 4, 6, 7])
        assert bpi.result.severity == 5.25
        peg = PegState()
        with peg.hold():
            peg.answers = [6, 5, 7]
        assert peg.result == 6.0
        checker = SymptomState(ticked={"thoughts_of_death", "fatigue"})
        assert checker.classification.both == ("fatigue",) and checker.safety_message
        print(sorted(name for name in ("ipywidgets", "altair") if name in sys.modules))
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
    assert "ipywidgets" not in run.stdout and "altair" not in run.stdout


# --- what every state holds -------------------------------------------------------------


@pytest.mark.parametrize("state_class", STATES)
def test_a_new_state_has_nothing_answered_and_no_score(state_class):
    state = state_class()
    size = SIZES[state_class]
    assert state.answers == (None,) * size
    assert state.result is None
    assert state.missing == tuple(range(1, size + 1))
    assert state.summary.startswith(f"None of the {size} items answered yet.")
    assert state.input_names() == ("answers",)


@pytest.mark.parametrize("state_class", STATES)
@given(data=st.data())
def test_outputs_are_the_scales_result_and_the_describers_words(state_class, data):
    answers = data.draw(answer_sets(state_class))
    state = state_class(answers=list(answers))
    assert state.answers == answers
    assert state.result == scales_result(state_class, answers)
    text = DESCRIBERS[state_class](answers, state.result)
    assert (state.score_text, state.band_text, state.summary) == text
    assert state.missing == tuple(n for n, answer in enumerate(answers, 1) if answer is None)
    shown = " ".join(text).lower()
    assert diagnostic_phrases(shown) == []
    assert "nan" not in shown.split()


@pytest.mark.parametrize("state_class", STATES)
def test_answers_are_kept_as_plain_ints_whatever_sequence_they_came_in(state_class):
    size = SIZES[state_class]
    for given_answers in (np.ones(size, dtype=np.int64), [np.int32(1)] * size, (1,) * size):
        state = state_class(answers=given_answers)
        assert state.answers == (1,) * size
        assert all(type(answer) is int for answer in state.answers)


@pytest.mark.parametrize("state_class", STATES)
def test_reset_marks_every_item_not_answered(state_class):
    state = state_class(answers=[1] * SIZES[state_class])
    empty = _outputs(state_class())
    state.reset()
    assert state.answers == (None,) * SIZES[state_class]
    assert _outputs(state) == empty


def test_phq9_prorates_one_or_two_missing_items_and_says_so():
    state = Phq9State(answers=[2, 2, None, 2, 1, 2, 2, 1, 1])
    assert state.result.total == 15 and state.result.prorated
    assert state.score_text == "Total: 15 of 27 points (prorated)"
    assert state.missing == (3,)
    assert state.summary.startswith(
        "1 item not answered yet: 3 (Trouble sleeping, or sleeping too much). "
        "PHQ-9 total 15 of 27, prorated"
    )


def test_phq9_with_three_missing_items_gives_no_total():
    state = Phq9State(answers=[3, 3, None, 3, 3, None, None, 3, 0])
    assert state.result is None and state.missing == (3, 6, 7)
    assert state.score_text == "Total: not scored"
    assert "not scored" in state.summary and "27" not in state.summary


def test_bpi_needs_every_severity_item_and_four_interference_items():
    state = BpiState(answers=[4, 1, 2, 3, 5, None, 4, None, None, 6, None])
    assert state.result.severity == 2.5 and state.result.interference is None
    assert "Pain interference not scored" in state.summary
    assert "interference 2 (Mood)" in state.summary
    state.answers = [4, None, 2, 3, 5, 5, 4, 5, 5, 6, 5]
    assert state.result is None and state.missing == (2,)
    assert state.summary.startswith("1 item not answered yet: severity 2 (Least pain")


def test_peg_gives_a_mean_and_never_a_band():
    state = PegState(answers=[5, 5, 6])
    assert state.result == 5.33
    assert "published none" in state.band_text
    shown = f"{state.score_text} {state.summary}".lower()
    assert not [band for band in ("mild", "moderate", "severe") if band in shown]


# --- the safety rule ------------------------------------------------------------------------

OTHER_ITEMS = range(8)
MISSING_PATTERNS = [
    frozenset(missing)
    for count in range(len(OTHER_ITEMS) + 1)
    for missing in itertools.combinations(OTHER_ITEMS, count)
]


@pytest.mark.parametrize("item9", [None, 0, 1, 2, 3])
@pytest.mark.parametrize("fill", [0, 3])
def test_item9_above_zero_gives_the_crisis_text_whatever_else_is_missing(item9, fill):
    """Every pattern of missing items 1-8 (all 256, scorable or not), lowest and highest."""
    state = Phq9State()
    positive = item9 is not None and item9 > 0
    for missing in MISSING_PATTERNS:
        answers = (*(None if n in missing else fill for n in OTHER_ITEMS), item9)
        state.answers = answers
        assert state.safety_message == (CRISIS_MESSAGE if positive else ""), answers
        assert ("see the safety message" in state.summary) == positive
        if len(missing) + (item9 is None) > 2:
            assert state.result is None
        else:
            assert state.result.item9_positive == positive


@given(
    others=st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=8, max_size=8),
    item9=st.one_of(st.none(), st.integers(0, 3)),
    before=answer_sets(Phq9State),
)
@example(others=[None] * 8, item9=1, before=(None,) * 9)
@example(others=[3] * 8, item9=0, before=(3,) * 9)
def test_item9_rule_for_any_answers_after_any_answers(others, item9, before):
    state = Phq9State(answers=before)
    state.answers = (*others, item9)
    positive = item9 is not None and item9 > 0
    assert bool(state.safety_message) == positive
    assert state.safety_message in ("", CRISIS_MESSAGE)
    assert (item9 is None) == ("a blank item 9 is no all-clear" in state.summary)


def test_the_crisis_text_holds_the_headline_and_the_resources():
    state = Phq9State(answers=[0] * 8 + [1])
    assert CRISIS_HEADLINE in state.safety_message and CRISIS_RESOURCES in state.safety_message
    assert "988" in state.safety_message
    assert describe_forms.phq9_safety_message(state.answers) == state.safety_message


# --- refusals ---------------------------------------------------------------------------

ITEM_NAMES = {
    Phq9State: {0: "PHQ-9 item 1 (little interest", 8: "PHQ-9 item 9 (thoughts that"},
    BpiState: {0: "BPI severity item 1 (worst pain", 10: "BPI interference item 7 (enjoyment"},
    PegState: {0: "PEG item 1 (average pain", 2: "PEG item 3 (interference with general"},
}
BAD_ANSWERS = [
    -1,
    "highest+1",
    2.0,
    np.float64(2.0),
    True,
    np.bool_(True),
    "2",
    math.nan,
    np.float64(math.nan),
    math.inf,
    [1],
]


@pytest.mark.parametrize("state_class", STATES)
@pytest.mark.parametrize("bad", BAD_ANSWERS, ids=repr)
def test_a_bad_answer_is_refused_naming_the_item_and_its_range(state_class, bad):
    size, highest = SIZES[state_class], HIGHEST[state_class]
    state = state_class(answers=[1] * size)
    before = (state.answers, _outputs(state), state.refreshes)
    bad = highest + 1 if isinstance(bad, str) and bad == "highest+1" else bad
    for position in (0, size - 1):
        answers = [0] * size
        answers[position] = bad
        with pytest.raises(ValueError) as refusal:
            state.answers = answers
        assert ITEM_NAMES[state_class][position] in str(refusal.value)
        assert f"from 0 to {highest}" in str(refusal.value)
        with pytest.raises(ValueError, match="must be an integer"):
            state.set_inputs(answers=answers)
        assert (state.answers, _outputs(state), state.refreshes) == before


@pytest.mark.parametrize("state_class", STATES)
@pytest.mark.parametrize(
    "answers",
    [None, "123", {1: 2}, iter([1, 2]), 5, np.zeros((3, 3), dtype=int), [], "too long"],
    ids=repr,
)
def test_answers_of_the_wrong_shape_or_length_are_refused(state_class, answers):
    size, highest = SIZES[state_class], HIGHEST[state_class]
    state = state_class(answers=[0] * size)
    before = (state.answers, _outputs(state), state.refreshes)
    if isinstance(answers, str) and answers == "too long":
        answers = [0] * (size + 1)
    with pytest.raises(ValueError, match="answers") as refusal:
        state.answers = answers
    assert f"{size} " in str(refusal.value) and f"from 0 to {highest}" in str(refusal.value)
    assert (state.answers, _outputs(state), state.refreshes) == before


@pytest.mark.parametrize("state_class", STATES)
def test_a_bad_start_is_refused(state_class):
    with pytest.raises(ValueError, match="from 0 to"):
        state_class(answers=[99] * SIZES[state_class])
    with pytest.raises(ValueError, match="unknown"):
        state_class(ticked={"fatigue"})


def test_outputs_cannot_be_set_from_outside():
    state = Phq9State()
    for name in (*OUTPUTS, "safety_message"):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(state, name, getattr(state, name))


def test_a_checked_input_sends_none_to_its_validator():
    class Positive(traitlets.HasTraits):
        number = CheckedInput(1)

        @traitlets.validate("number")
        def _check(self, proposal):
            if not isinstance(proposal["value"], int):
                raise ValueError(f"number must be an int; got {proposal['value']!r}")
            return proposal["value"]

    holder = Positive()
    with pytest.raises(ValueError, match="got None"):
        holder.number = None
    assert holder.number == 1


# --- one refresh per batch ---------------------------------------------------------------


def _count_changes(state: FormState) -> dict[str, int]:
    counts = dict.fromkeys(_output_names(state), 0)

    def count(change):
        counts[change["name"]] += 1

    state.observe(count, names=list(counts))
    return counts


def _once_each_if_changed(state: FormState, before: tuple) -> dict[str, int]:
    """One change event for every output whose value changed, none for the others."""
    return {
        name: int(getattr(state, name) != old)
        for name, old in zip(_output_names(state), before, strict=True)
    }


@pytest.mark.parametrize("state_class", STATES)
def test_every_output_changes_once_per_change_of_answers(state_class):
    state = state_class()
    counts = _count_changes(state)
    before, refreshes = _outputs(state), state.refreshes
    state.answers = [1] * SIZES[state_class]
    assert counts == _once_each_if_changed(state, before)
    assert sum(counts.values()) >= 3  # result, score and summary at least
    assert state.refreshes == refreshes + 1


@pytest.mark.parametrize("state_class", STATES)
def test_a_held_burst_of_changes_refreshes_once(state_class):
    state = state_class()
    counts = _count_changes(state)
    before, refreshes = _outputs(state), state.refreshes
    size = SIZES[state_class]
    with state.hold():
        for value in range(HIGHEST[state_class] + 1):
            state.answers = [value] * size
        assert state.pending and set(counts.values()) == {0}
    assert state.refreshes == refreshes + 1
    assert counts == _once_each_if_changed(state, before)
    assert state.answers == (HIGHEST[state_class],) * size
    assert state.result == scales_result(state_class, state.answers)


def test_the_same_answers_again_refresh_nothing():
    state = Phq9State(answers=[1] * 9)
    counts = _count_changes(state)
    refreshes = state.refreshes
    state.answers = (1,) * 9
    state.set_inputs(answers=np.ones(9, dtype=int))
    assert state.refreshes == refreshes and set(counts.values()) == {0}


def test_a_refusal_fires_no_observer():
    state = Phq9State(answers=[1] * 9)
    counts = _count_changes(state)
    with pytest.raises(ValueError):
        state.answers = [1] * 8 + [4]
    assert set(counts.values()) == {0}


def test_in_a_live_kernel_a_burst_refreshes_once_after_the_quiet_time():
    async def burst():
        state = Phq9State(delay_s=0.01)
        counts = _count_changes(state)
        for item9 in (1, 2, 3, 0, 2):
            state.answers = [1] * 8 + [item9]
        waiting = state.pending, state.safety_message
        await asyncio.sleep(0.1)
        return waiting, counts, state

    (pending, message_before), counts, state = asyncio.run(burst())
    assert pending and message_before == ""
    assert counts["safety_message"] == 1 and counts["summary"] == 1
    assert state.safety_message == CRISIS_MESSAGE and not state.pending


# --- the describers on their own -------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: describe_forms.describe_phq9([0] * 9, 12), "result must be a Phq9Result"),
        (lambda: describe_forms.describe_bpi([0] * 11, 5.0), "result must be a BpiResult"),
        (lambda: describe_forms.describe_peg([1, 2, 3], "2"), "score must be a float"),
        (lambda: describe_forms.describe_phq9([0] * 8, None), "PHQ-9 needs exactly 9"),
        (lambda: describe_forms.phq9_safety_message([0] * 8 + [True]), "PHQ-9 item 9"),
        (lambda: describe_forms.check_answers("PHQ-9", [0] * 9), "form must be"),
    ],
)
def test_describers_refuse_what_a_form_cannot_hold(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_each_form_names_its_items_as_the_scales_label_them():
    assert [item.name for item in describe_forms.PHQ9_FORM.items][2] == (
        "3 (Trouble sleeping, or sleeping too much)"
    )
    bpi = describe_forms.BPI_FORM.items
    assert [item.part for item in bpi] == ["BPI severity"] * 4 + ["BPI interference"] * 7
    assert bpi[5] == ("BPI interference", 2, "interference 2 (Mood)")
    assert [item.number for item in describe_forms.PEG_FORM.items] == [1, 2, 3]
