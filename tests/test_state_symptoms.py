"""The symptom checker's state and describer, driven with no widget at all.

The classification core is the oracle for the sorting, the describer for every word; the
safety rule is checked for every combination of the other symptoms: criterion A9 ticked
always gives the crisis text, and never without it. (That the state imports no widget
is checked in tests/test_state_forms.py, in a fresh process.)
"""

import itertools

import pytest
import traitlets
from hypothesis import given
from hypothesis import strategies as st

from painmood_widgets import symptoms
from painmood_widgets.describe.safety import CRISIS_MESSAGE
from painmood_widgets.describe.symptoms import (
    NONE_TICKED,
    describe_symptoms,
    symptom_groups,
    symptom_safety_message,
)
from painmood_widgets.state.symptoms import SymptomState
from tests.helpers import diagnostic_phrases
from tests.test_symptoms import KEYS

OUTPUTS = ("classification", "summary", "groups", "safety_message")
THOUGHTS_OF_DEATH = "thoughts_of_death"
OTHERS = [key for key in KEYS if key != THOUGHTS_OF_DEATH]


def _outputs(state: SymptomState) -> tuple:
    return tuple(getattr(state, name) for name in OUTPUTS)


def test_a_new_state_has_nothing_ticked():
    state = SymptomState()
    assert state.ticked == frozenset()
    assert state.classification == symptoms.classify(())
    assert state.summary == "No symptoms ticked yet. DSM-5 depression criteria ticked: 0 of 9."
    assert [group.labels for group in state.groups] == [(), (), ()]
    assert state.safety_message == ""
    assert state.input_names() == ("ticked",)


@given(ticked=st.sets(st.sampled_from(KEYS)), as_list=st.booleans())
def test_outputs_are_the_classification_and_the_describers_words(ticked, as_list):
    state = SymptomState()
    state.ticked = sorted(ticked) if as_list else ticked
    assert state.ticked == frozenset(ticked) and isinstance(state.ticked, frozenset)
    assert state.classification == symptoms.classify(ticked)
    assert state.summary == describe_symptoms(state.classification)
    assert state.groups == symptom_groups(state.classification)
    table = symptoms.load_symptoms()
    listed = [label for group in state.groups for label in group.labels]
    assert sorted(listed) == sorted(table[key].label for key in ticked)
    assert diagnostic_phrases(state.summary + " ".join(g.heading for g in state.groups)) == []


def test_groups_count_what_they_hold_and_say_when_they_are_empty():
    state = SymptomState(ticked={"fatigue", "anhedonia", "sleep_disturbance"})
    headings = [group.heading for group in state.groups]
    assert headings == [
        "Depression only, DSM-5 criteria (1)",
        "Chronic pain only (0)",
        "Both: overlapping symptoms (2)",
    ]
    assert NONE_TICKED == "None ticked."


def test_clear_unticks_everything():
    state = SymptomState(ticked=set(KEYS))
    empty = _outputs(SymptomState())
    state.clear()
    assert state.ticked == frozenset() and _outputs(state) == empty


# --- the safety rule --------------------------------------------------------------------


def test_thoughts_of_death_give_the_crisis_text_whatever_else_is_ticked():
    """All 2 x 8192 combinations of the 13 other symptoms, with and without A9."""
    state = SymptomState()
    for count in range(len(OTHERS) + 1):
        for others in itertools.combinations(OTHERS, count):
            state.ticked = {*others, THOUGHTS_OF_DEATH}
            assert state.safety_message == CRISIS_MESSAGE, others
            state.ticked = others
            assert state.safety_message == "", others


def test_the_describer_points_to_the_same_message():
    result = symptoms.classify({THOUGHTS_OF_DEATH})
    assert symptom_safety_message(result) == CRISIS_MESSAGE
    assert "see the safety message" in describe_symptoms(result)


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ticked", "message"),
    [
        ({"fatigue", "low_mood"}, "unknown symptom key: 'low_mood'; valid keys: depressed_mood"),
        (["fatigue", 7], "unknown symptom key: 7; valid keys: depressed_mood"),
        ({"Fatigue"}, "unknown symptom key: 'Fatigue'"),
        ("fatigue", "must be a collection of symptom keys"),
        (None, "must be a collection of symptom keys"),
        (3, "must be a collection of symptom keys"),
        (True, "must be a collection of symptom keys"),
    ],
)
def test_bad_ticks_are_refused_naming_the_allowed_keys_and_nothing_changes(ticked, message):
    state = SymptomState(ticked={"anhedonia", THOUGHTS_OF_DEATH})
    before = (state.ticked, _outputs(state), state.refreshes)
    with pytest.raises(ValueError, match=message) as refusal:
        state.ticked = ticked
    if "unknown" in message:
        assert all(key in str(refusal.value).split("valid keys: ")[1] for key in KEYS)
    with pytest.raises(ValueError, match=message):
        state.set_inputs(ticked=ticked)
    assert (state.ticked, _outputs(state), state.refreshes) == before


def test_a_bad_start_is_refused():
    with pytest.raises(ValueError, match="unknown symptom key"):
        SymptomState(ticked={"low_mood"})


@pytest.mark.parametrize("call", [describe_symptoms, symptom_groups, symptom_safety_message])
def test_describers_refuse_anything_but_a_classification(call):
    with pytest.raises(ValueError, match="classification must be a symptoms"):
        call({"fatigue"})


def test_outputs_cannot_be_set_from_outside():
    state = SymptomState()
    for name in OUTPUTS:
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(state, name, getattr(state, name))


# --- one refresh per batch ---------------------------------------------------------------


def _count_changes(state: SymptomState) -> dict[str, int]:
    counts = dict.fromkeys(OUTPUTS, 0)

    def count(change):
        counts[change["name"]] += 1

    state.observe(count, names=list(OUTPUTS))
    return counts


def test_every_output_changes_once_per_change_of_ticks():
    state = SymptomState()
    counts = _count_changes(state)
    state.ticked = {"sleep_disturbance", THOUGHTS_OF_DEATH}
    assert counts == dict.fromkeys(OUTPUTS, 1)


def test_a_held_burst_of_ticks_refreshes_once():
    state = SymptomState()
    counts = _count_changes(state)
    refreshes = state.refreshes
    with state.hold():
        for key in KEYS:
            state.ticked = state.ticked | {key}
        assert state.pending and set(counts.values()) == {0}
    assert state.refreshes == refreshes + 1
    assert counts == dict.fromkeys(OUTPUTS, 1)
    assert state.classification.dsm5_count == 9


def test_the_same_ticks_again_or_a_refusal_refresh_nothing():
    state = SymptomState(ticked={"fatigue"})
    counts = _count_changes(state)
    refreshes = state.refreshes
    state.ticked = ["fatigue", "fatigue"]
    with pytest.raises(ValueError):
        state.ticked = {"fatigue", "nope"}
    assert state.refreshes == refreshes and set(counts.values()) == {0}
