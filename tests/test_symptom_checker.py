"""The symptom checker widget, driven from Python as a learner would drive it."""

import html
import socket

import ipywidgets as widgets
import pytest
from hypothesis import given
from hypothesis import strategies as st
from traitlets import TraitError

from painmood_widgets import symptoms
from painmood_widgets.state.forms import Phq9State
from painmood_widgets.state.symptoms import SymptomState
from painmood_widgets.widgets.common import EDUCATIONAL_NOTICE, safety_panel
from painmood_widgets.widgets.forms import Phq9Form
from painmood_widgets.widgets.symptom_checker import SymptomChecker
from tests.helpers import TableReader, diagnostic_phrases, html_values
from tests.test_symptoms import KEYS

CHECKER = SymptomChecker()


@pytest.fixture
def checker() -> SymptomChecker:
    return SymptomChecker()


def test_one_labelled_checkbox_per_symptom(checker):
    table = symptoms.load_symptoms()
    assert list(checker.checkboxes) == KEYS
    for key, box in checker.checkboxes.items():
        assert isinstance(box, widgets.Checkbox)
        assert box.description == table[key].label
        assert box.style.description_width == "initial"
        assert box.value is False
    assert checker.ticked == frozenset()


def test_notice_and_the_limits_of_counting_are_shown(checker):
    shown = " ".join(html_values(checker))
    assert html.escape(EDUCATIONAL_NOTICE) in shown
    assert html.escape(symptoms.DSM5_COUNT_CAVEAT) in shown


def test_ticking_an_overlapping_symptom_reports_it(checker):
    checker.checkboxes["sleep_disturbance"].value = True
    assert "overlapping symptoms detected" in checker.summary_text.lower()
    assert checker.classification.both == ("sleep_disturbance",)
    assert html.escape(symptoms.load_symptoms()["sleep_disturbance"].label) in html.escape(
        checker.groups_display.value
    )
    assert checker.summary_text in html.unescape(checker.summary_display.value)


def test_no_overlap_reported_without_an_overlapping_symptom(checker):
    checker.set_ticked({"depressed_mood", "fear_avoidance"})
    assert "overlapping symptoms detected" not in checker.summary_text.lower()
    assert checker.classification.depression_only == ("depressed_mood",)
    assert checker.classification.chronic_pain_only == ("fear_avoidance",)


def test_unticking_updates_the_result(checker):
    checker.set_ticked({"fatigue", "anhedonia"})
    assert checker.classification.dsm5_count == 2
    checker.checkboxes["fatigue"].value = False
    assert checker.ticked == {"anhedonia"}
    assert checker.classification.dsm5_count == 1
    assert "overlapping symptoms detected" not in checker.summary_text.lower()


@given(ticked=st.sets(st.sampled_from(KEYS)), by_box=st.booleans())
def test_dsm5_count_and_summary_for_any_ticks(ticked, by_box):
    table = symptoms.load_symptoms()
    if by_box:
        for key, box in CHECKER.checkboxes.items():
            box.value = key in ticked
    else:
        CHECKER.set_ticked(ticked)
    expected = sum(1 for key in ticked if table[key].dsm5_criterion is not None)
    assert CHECKER.ticked == ticked
    assert CHECKER.classification.dsm5_count == expected
    assert f"DSM-5 depression criteria ticked: {expected} of 9" in CHECKER.summary_text
    overlapping = any(table[key].depression and table[key].chronic_pain for key in ticked)
    assert ("overlapping symptoms detected" in CHECKER.summary_text.lower()) == overlapping
    shown = (CHECKER.summary_text + " ".join(html_values(CHECKER))).lower()
    assert diagnostic_phrases(shown) == []
    assert CHECKER.safety_visible == ("thoughts_of_death" in ticked)


def test_thoughts_of_death_show_the_safety_panel(checker):
    assert not checker.safety_visible
    checker.checkboxes["thoughts_of_death"].value = True
    assert checker.safety_visible
    assert checker.safety_panel.value == safety_panel().value
    checker.checkboxes["thoughts_of_death"].value = False
    assert not checker.safety_visible


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({"fatigue", "low_mood"}, "unknown symptom key: 'low_mood'; valid keys: depressed_mood"),
        (["fatigue", 7], "unknown symptom key: 7; valid keys: depressed_mood"),
        ("fatigue", "must be a collection of symptom keys"),
    ],
)
def test_bad_keys_are_refused_and_nothing_changes(checker, keys, message):
    checker.set_ticked({"anhedonia", "persistent_pain"})
    before = (checker.ticked, checker.classification, checker.summary_text)
    with pytest.raises(ValueError) as error:
        checker.set_ticked(keys)
    assert message in str(error.value)
    assert (checker.ticked, checker.classification, checker.summary_text) == before
    assert checker.error_text == str(error.value)
    assert html.escape(str(error.value)) in checker.error_display.value
    assert 'role="alert"' in checker.error_display.value
    checker.set_ticked(before[0])  # accepted, though nothing changes
    assert checker.error_text == "" and checker.error_display.value == ""
    with pytest.raises(ValueError):
        checker.set_ticked(keys)
    checker.checkboxes["fatigue"].value = True
    assert checker.error_text == "" and checker.error_display.value == ""


@pytest.mark.parametrize("value", ["yes", None, 2])
def test_a_checkbox_refuses_a_non_boolean(checker, value):
    with pytest.raises(TraitError):
        checker.checkboxes["fatigue"].value = value
    assert checker.ticked == frozenset()


def test_the_checker_is_a_view_of_its_state():
    state = SymptomState(ticked={"fatigue", "thoughts_of_death"})
    checker = SymptomChecker(state)
    assert checker.state is state
    assert {key for key, box in checker.checkboxes.items() if box.value} == state.ticked
    assert checker.safety_visible
    state.ticked = {"anhedonia"}
    assert {key for key, box in checker.checkboxes.items() if box.value} == {"anhedonia"}
    assert not checker.safety_visible
    assert html.escape(state.summary) in checker.summary_display.value
    for group in state.groups:
        assert html.escape(group.heading) in checker.groups_display.value
    with pytest.raises(ValueError, match="state must be a SymptomState"):
        SymptomChecker(Phq9State())


def test_each_tick_refreshes_the_state_once(checker):
    refreshes = checker.state.refreshes
    checker.checkboxes["fatigue"].value = True
    assert checker.state.refreshes == refreshes + 1
    checker.set_ticked(set(KEYS))
    assert checker.state.refreshes == refreshes + 2
    checker.clear_button.click()
    assert checker.state.refreshes == refreshes + 3 and checker.ticked == frozenset()


def test_the_checker_and_the_phq9_form_show_the_same_crisis_text(checker):
    checker.checkboxes["thoughts_of_death"].value = True
    form = Phq9Form()
    form.items[8].value = 1
    assert checker.state.safety_message == form.state.safety_message != ""
    assert checker.safety_panel.value == form.safety_panel.value


def test_updates_keep_the_widget_tree(checker):
    children = checker.children
    boxes = dict(checker.checkboxes)
    displays = (checker.summary_display, checker.groups_display, checker.overlap_table)
    checker.set_ticked(set(KEYS))
    checker.checkboxes["fatigue"].value = False
    checker.clear_button.click()
    assert checker.children is children
    assert all(checker.checkboxes[key] is box for key, box in boxes.items())
    now = (checker.summary_display, checker.groups_display, checker.overlap_table)
    assert all(after is before for after, before in zip(now, displays, strict=True))
    assert checker.ticked == frozenset()


def test_overlap_table_is_accessible_and_complete(checker):
    rows = symptoms.load_overlap()
    reader = TableReader()
    reader.feed(checker.overlap_table.value)
    assert reader.caption.strip()
    headers = [text for tag, scope, text in reader.cells if scope == "col"]
    assert headers == ["Aspect", "Chronic pain", "Depression", "Sources"]
    body = [cell for cell in reader.cells if cell[1] != "col"]
    assert len(body) == 4 * len(rows)
    for number, row in enumerate(rows):
        aspect, *rest = body[4 * number : 4 * number + 4]
        assert aspect == ("th", "row", row.aspect)
        assert rest == [
            ("td", None, row.chronic_pain),
            ("td", None, row.depression),
            ("td", None, row.source),
        ]


def test_nothing_is_sent_over_the_network(monkeypatch):
    def no_network(*_args, **_kwargs):
        raise AssertionError("the symptom checker opened a network socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    checker = SymptomChecker()
    checker.set_ticked(set(KEYS))
    assert checker.classification.dsm5_count == 9
