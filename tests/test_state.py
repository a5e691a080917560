"""App state without widgets: the simulator, the plan and the case, driven as a view
would drive them. The model, the describers and the case are the oracles."""

import asyncio
import math
import subprocess
import sys

import pandas as pd
import pytest

from painmood_widgets import case, describe, model, plan
from painmood_widgets.describe import case as case_words
from painmood_widgets.state.batching import Debouncer
from painmood_widgets.state.case import CaseState
from painmood_widgets.state.plan import PlanState
from painmood_widgets.state.simulator import COHORT_SEED, SimulatorState


def test_states_run_in_a_process_that_never_loads_a_widget_or_a_chart():
    code = (
        "import sys\n"
        "from painmood_widgets.state.simulator import SimulatorState\n"
        "from painmood_widgets.state.plan import PlanState\n"
        "from painmood_widgets.state.case import CaseState\n"
        "state = SimulatorState(); state.set_inputs(sleep_hours=5, treatments={'cbt'})\n"
        "planned = PlanState(); planned.steps = {'assessment', 'therapy'}\n"
        "explored = CaseState(n=200); explored.treatments = {'cbt'}\n"
        "assert state.summary and planned.summary and explored.summary\n"
        "print(sorted(m for m in ('ipywidgets', 'altair', 'anywidget') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- simulator
def test_simulator_outputs_are_the_models_for_the_inputs():
    state = SimulatorState(compare=True, cohort_size=200)
    state.set_inputs(sleep_hours=5, opioid_days=200, treatments={"cbt", "exercise"})
    scenario = model.Scenario(sleep_hours=5, opioid_days=200, treatments={"cbt", "exercise"})
    assert state.shown_scenario == state.scenario == scenario
    pd.testing.assert_frame_equal(state.trajectory, model.trajectory(scenario))
    expected_band = model.summarize(model.simulate_cohort(scenario, n=200, seed=COHORT_SEED))
    pd.testing.assert_frame_equal(state.cohort_summary, expected_band)
    reference = model.trajectory(model.usual_care(scenario))
    pd.testing.assert_frame_equal(state.reference_trajectory, reference)
    pd.testing.assert_frame_equal(state.evidence_rows, model.evidence_behind(scenario))
    assert state.summary == describe.describe_simulation(
        scenario, state.trajectory, expected_band, reference
    )
    assert state.control_words == {
        name: describe.describe_control(name, getattr(scenario, name))
        for name in model.SCENARIO_FIELDS
    }


def test_comparison_off_means_no_usual_care_course():
    state = SimulatorState(cohort_size=50)
    assert state.reference_trajectory is None
    state.compare = True
    assert isinstance(state.reference_trajectory, pd.DataFrame)
    assert "Compared with usual care" in state.summary


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("sleep_hours", 2, "sleep_hours must be a number from 3 to 10"),
        ("sleep_hours", math.nan, "sleep_hours must be a number from 3 to 10"),
        ("sleep_hours", None, "sleep_hours must be a number from 3 to 10"),
        ("treatments", None, "treatments must be a collection"),
        ("crp_mg_l", "high", "crp_mg_l must be a number from 0.1 to 10"),
        ("opioid_days", 10.5, "opioid_days must be a whole number from 0 to 730"),
        ("weeks", True, "weeks must be a whole number from 1 to 104"),
        ("treatments", "cbt", "not the bare string"),
        ("treatments", {"reiki"}, "unknown treatment 'reiki'"),
        ("visit_interval_weeks", 8, "visit_interval_weeks must be a whole number from 4 to 6"),
    ],
)
def test_bad_input_raises_the_cores_message_and_changes_nothing(name, value, message):
    state = SimulatorState(cohort_size=50)
    before, refreshes = state.inputs(), state.refreshes
    with pytest.raises(ValueError, match=message):
        setattr(state, name, value)
    assert state.inputs() == before and state.refreshes == refreshes


def test_set_inputs_is_all_or_nothing():
    state = SimulatorState(cohort_size=50)
    before = state.inputs()
    with pytest.raises(ValueError, match="crp_mg_l must be"):
        state.set_inputs(sleep_hours=5, crp_mg_l=50)
    assert state.inputs() == before
    with pytest.raises(ValueError, match="unknown SimulatorState input 'sleep'"):
        state.set_inputs(sleep=5)


def test_a_batch_of_changes_refreshes_once_and_observers_see_it_once():
    state = SimulatorState(cohort_size=50)
    seen = []
    state.observe(lambda change: seen.append(change["new"]), names="summary")
    refreshes = state.refreshes
    with state.hold():
        state.sleep_hours = 4
        state.activity_minutes = 0
        state.treatments = {"duloxetine"}
        assert state.pending and state.refreshes == refreshes
    assert state.refreshes == refreshes + 1
    assert seen == [state.summary]


# --------------------------------------------------------------------------- plan
def test_plan_steps_and_simulator_treatments_stay_in_step_both_ways():
    state = PlanState(model.Scenario(treatments={"duloxetine"}))
    assert state.plan == ("assessment", "medication_review")
    state.steps = {"assessment", "therapy", "sleep_hygiene"}
    assert state.simulator.treatments == plan.plan_treatments(state.steps)
    state.simulator.treatments = {"mindfulness"}
    assert state.plan == ("assessment", "mind_body")
    state.steps = set()
    assert state.simulator.treatments == frozenset()
    assert "No assessment" in state.plan_text


def test_plan_summary_is_the_plan_then_the_simulation():
    state = PlanState()
    state.set_inputs(steps={"assessment", "exercise"}, visit_interval_weeks=5)
    assert state.simulator.visit_interval_weeks == 5
    expected = describe.describe_plan(state.steps, 5, state.simulator.weeks)
    assert state.plan_text == expected
    assert state.summary == f"{expected} {state.simulator.summary}"
    assert state.baseline_text == describe.describe_baseline(state.simulator.scenario)


def test_plan_refuses_unknown_steps_by_name():
    state = PlanState()
    with pytest.raises(ValueError, match="unknown step 'yoga'; steps: assessment"):
        state.steps = {"yoga"}
    with pytest.raises(ValueError, match="must be a collection of step names"):
        state.steps = "therapy"


# --------------------------------------------------------------------------- case
def test_case_state_places_her_against_the_band_for_the_treatments_ticked():
    state = CaseState(n=300, seed=2)
    assert state.treatments == frozenset(state.case.treatments)
    state.treatments = {"cbt"}
    expected = case.case_against_band(300, 2, treatments={"cbt"})
    assert state.comparison.cohort_summary.equals(expected.cohort_summary)
    assert state.summary == case_words.describe_case(state.comparison)
    pd.testing.assert_frame_equal(
        state.evidence_rows, model.evidence_behind(state.comparison.scenario)
    )
    assert [question.prompt for question in state.questions] == [
        question.prompt for question in case_words.case_questions()
    ]


@pytest.mark.parametrize(("value", "message"), [("cbt", "bare string"), ({"x"}, "unknown")])
def test_case_state_refuses_what_is_not_hers(value, message):
    state = CaseState(n=100)
    with pytest.raises(ValueError, match=message):
        state.treatments = value
    assert state.treatments == frozenset(state.case.treatments)


# --- the one debounce: leading edge, then one call per window ------------------------------


def test_a_first_change_calls_back_without_waiting_for_the_window():
    async def one_change() -> tuple[int, int]:
        calls = []
        debounced = Debouncer(lambda: calls.append(1), delay_s=10)
        debounced()
        before = len(calls)
        await asyncio.sleep(0)  # the kernel finishes handling the message
        return before, len(calls)

    assert asyncio.run(one_change()) == (0, 1)


def test_changes_inside_the_window_are_gathered_into_one_call_at_its_end():
    async def held_arrow_key() -> list[tuple[str, int]]:
        seen = []
        value = {"now": 0}
        debounced = Debouncer(lambda: seen.append(("shown", value["now"])), delay_s=0.05)
        value["now"] = 1
        debounced()
        await asyncio.sleep(0)
        for step in (2, 3, 4):  # a held key, inside the window
            value["now"] = step
            debounced()
            await asyncio.sleep(0)
        assert seen == [("shown", 1)] and debounced.pending
        await asyncio.sleep(0.2)
        assert not debounced.pending
        await asyncio.sleep(0.1)  # quiet again: the next change is leading once more
        value["now"] = 5
        debounced()
        await asyncio.sleep(0)
        return seen

    assert asyncio.run(held_arrow_key()) == [("shown", 1), ("shown", 4), ("shown", 5)]
