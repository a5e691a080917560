"""The treatment planner, driven from Python: steps in, simulated plan and visits out."""

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmood_widgets import describe, evidence, model
from painmood_widgets.plan import roadmap
from painmood_widgets.widgets.common import EDUCATIONAL_NOTICE
from painmood_widgets.widgets.planner import TreatmentPlanner
from painmood_widgets.widgets.simulator import SimulatorApp
from tests.helpers import html_values

STEP_TREATMENTS = {
    "assessment": None,
    "medication_review": "duloxetine",
    "therapy": "cbt",
    "exercise": "exercise",
    "sleep_hygiene": "cbt_i",
    "mind_body": "mindfulness",
    "social_support": "social_support",
}
SHARED = TreatmentPlanner(delay_s=0)


def _visit_weeks(simulator: SimulatorApp) -> list[int]:
    return sorted(
        {
            row["week"]
            for rows in simulator.chart.spec["datasets"].values()
            for row in rows
            if row.get("visit") == "re-evaluation visit"
        }
    )


def _phq9_at_12(planner: TreatmentPlanner) -> float:
    course = planner.simulator.trajectory
    return float(course.loc[course["week"] == 12, "phq9"].iloc[0])


def test_the_roadmap_has_seven_steps_in_order_each_explained():
    planner = TreatmentPlanner()
    assert [step.name for step in roadmap()] == list(STEP_TREATMENTS)
    assert list(planner.steps) == list(STEP_TREATMENTS)
    shown = html_values(planner)
    for number, step in enumerate(roadmap(), 1):
        assert step.treatment == STEP_TREATMENTS[step.name]
        assert planner.steps[step.name].description.startswith(f"{number}. ")
        assert any(html.escape(step.explanation) in value for value in shown)
        if step.treatment is not None:
            for source in evidence.rows([f"{step.treatment}_pain_smd"])["source"]:
                assert any(html.escape(source[:-1]) in value for value in shown)
    joined = " ".join(shown)
    assert joined.count(html.escape(EDUCATIONAL_NOTICE)) == 1
    assert planner.visit_interval.description.endswith("(weeks)")
    assert planner.visit_interval.continuous_update is False
    assert (planner.visit_interval.min, planner.visit_interval.max) == (4, 6)
    assert planner.simulator in planner.children
    assert planner.simulator.treatments_box.layout.display == "none"


def test_a_new_plan_starts_with_the_assessment_only():
    planner = TreatmentPlanner()
    assert planner.plan == ("assessment",)
    assert planner.simulator.scenario.treatments == frozenset()


@pytest.mark.parametrize(("step", "treatment"), [(s, t) for s, t in STEP_TREATMENTS.items() if t])
def test_each_step_switches_on_its_treatment_and_back(step, treatment):
    planner = SHARED
    planner.set_plan(["assessment"])
    planner.steps[step].value = True
    assert planner.simulator.scenario.treatments == {treatment}
    assert planner.simulator.shown_scenario.treatments == {treatment}
    assert step in planner.plan
    planner.steps[step].value = False
    assert planner.simulator.scenario.treatments == frozenset()


def test_steps_and_simulator_treatments_stay_linked_both_ways():
    planner = TreatmentPlanner()
    planner.simulator.treatments["cbt_i"].value = True
    assert planner.steps["sleep_hygiene"].value
    assert planner.plan == ("assessment", "sleep_hygiene")
    planner.simulator.reset()
    assert not planner.steps["sleep_hygiene"].value


def test_the_assessment_adds_no_treatment_and_shows_the_baselines():
    planner = TreatmentPlanner(model.Scenario(baseline_phq9=15, baseline_pain=7))
    assert "PHQ-9 15 (moderately severe), pain 7.0/10" in planner.baseline_display.value
    planner.steps["assessment"].value = False
    assert planner.simulator.scenario.treatments == frozenset()
    assert "No assessment" in planner.summary_text
    planner.simulator.baseline_phq9.value = 8
    assert "PHQ-9 8 (mild)" in planner.baseline_display.value


def test_a_scenario_with_treatments_ticks_their_steps():
    planner = TreatmentPlanner(model.Scenario(treatments={"duloxetine", "mindfulness"}))
    assert planner.plan == ("assessment", "medication_review", "mind_body")


def test_the_visit_interval_moves_the_visit_marks_in_the_chart():
    planner = TreatmentPlanner()
    assert _visit_weeks(planner.simulator) == [4, 8, 12, 16, 20, 24]
    planner.visit_interval.value = 6
    assert planner.simulator.visit_interval_weeks == 6
    assert _visit_weeks(planner.simulator) == [6, 12, 18, 24]
    assert "every 6 weeks: weeks 6, 12, 18 and 24" in planner.simulator.chart.spec["description"]
    assert describe.describe_visits(6, 26) in planner.plan_text
    planner.visit_interval.value = 5
    assert _visit_weeks(planner.simulator) == [5, 10, 15, 20, 25]
    planner.simulator.weeks.value = 12
    assert _visit_weeks(planner.simulator) == [5, 10]
    assert describe.describe_visits(5, 12) in planner.summary_text


def test_summary_names_the_plan_and_the_outcome_and_more_steps_help_more():
    planner = TreatmentPlanner(model.Scenario(baseline_phq9=15, baseline_pain=7))
    alone = _phq9_at_12(planner)
    planner.set_plan(["assessment", "therapy"])
    therapy = _phq9_at_12(planner)
    planner.set_plan(["assessment", "medication_review", "therapy", "exercise"])
    three = _phq9_at_12(planner)
    assert three < therapy < alone
    assert planner.summary_text.startswith(
        "Plan: assessment, medication review (duloxetine), therapy (CBT) and exercise. "
    )
    assert planner.summary_text.endswith(planner.simulator.summary_text)
    assert html.escape(planner.plan_text) in planner.plan_display.value
    planner.set_plan([])
    assert planner.plan_text.startswith("Plan: no step chosen yet.")


@pytest.mark.parametrize(
    ("steps", "message"),
    [("therapy", "steps must be a collection"), (["therapy", "yoga"], "unknown step 'yoga'")],
)
def test_bad_plans_are_refused_and_change_nothing(steps, message):
    planner = SHARED
    planner.set_plan(["assessment", "exercise"])
    with pytest.raises(ValueError, match=message):
        planner.set_plan(steps)
    assert planner.plan == ("assessment", "exercise")
    assert planner.simulator.scenario.treatments == {"exercise"}


def test_planner_updates_never_rebuild_the_widget_tree():
    planner = TreatmentPlanner()
    children, chart = planner.children, planner.simulator.chart
    simulator_children = planner.simulator.children
    planner.set_plan(["therapy", "exercise"])
    planner.visit_interval.value = 6
    planner.simulator.compare.value = True
    assert planner.children is children
    assert planner.simulator.children is simulator_children
    assert planner.simulator.chart is chart


@settings(max_examples=15, deadline=None)
@given(
    steps=st.sets(st.sampled_from(list(STEP_TREATMENTS))),
    interval=st.integers(4, 6),
    weeks=st.sampled_from([1, 4, 12, 104]),
)
def test_fuzz_any_plan(steps, interval, weeks):
    planner = SHARED
    with planner.simulator.hold():
        planner.visit_interval.value = interval
        planner.simulator.weeks.value = weeks
        planner.set_plan(steps)
    assert set(planner.plan) == steps
    expected = {STEP_TREATMENTS[step] for step in steps} - {None}
    assert planner.simulator.shown_scenario.treatments == expected
    assert _visit_weeks(planner.simulator) == list(range(interval, weeks + 1, interval))
    course = planner.simulator.trajectory
    assert not course.isna().any().any()
    assert course["phq9"].between(0, 27).all() and course["pain"].between(0, 10).all()
    assert planner.summary_text and "nan" not in planner.summary_text.lower()
