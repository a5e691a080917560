"""The simulator app, driven from Python as a learner would drive it.

The model is the oracle: whatever the controls say, the app shows exactly what
``model.trajectory``, ``model.simulate_cohort`` and ``model.evidence_behind`` give for the
scenario the controls hold, in the summary, in the chart's data and in its description.
"""

import asyncio
import html
import math
import re

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from traitlets import TraitError

from painmood_widgets import charts, describe, model
from painmood_widgets.state.batching import Debouncer
from painmood_widgets.state.simulator import USUAL_CARE_LABEL
from painmood_widgets.widgets.common import EDUCATIONAL_NOTICE, evidence_table_html
from painmood_widgets.widgets.simulator import COHORT_SIZE, USUAL_CARE_NAME, SimulatorApp
from tests.helpers import TableReader, html_values

# one app for the property tests: they also check that any sequence of states leaves it
# consistent
SHARED = SimulatorApp(delay_s=0)


# --- helpers ---------------------------------------------------------------------------


def _tree(widget: widgets.Widget) -> list[tuple[widgets.Widget, tuple]]:
    """Every container of a widget tree with its children tuple."""
    children = getattr(widget, "children", None)
    if children is None:
        return []
    found = [(widget, children)]
    for child in children:
        found.extend(_tree(child))
    return found


def _chart_rows(app: SimulatorApp, keys: set[str]) -> list[dict]:
    """Rows of the chart widget's data sets whose columns are exactly `keys`."""
    return [row for rows in app.chart.spec["datasets"].values() for row in rows if set(row) == keys]


def _patient_in_chart(app: SimulatorApp) -> pd.DataFrame:
    return pd.DataFrame(_chart_rows(app, {"week", "pain", "phq9"})).sort_values("week")


def _at_week(frame: pd.DataFrame, column: str, week: int = 12) -> float:
    return float(frame.loc[frame["week"] == week, column].iloc[0])


def _state(app: SimulatorApp) -> tuple:
    return (
        app.scenario,
        app.shown_scenario,
        app.compare.value,
        app.summary_text,
        app.trajectory.to_numpy().tobytes(),
        app.cohort_summary.to_numpy().tobytes(),
        tuple(app.evidence_table["parameter"]),
        app.chart.spec["description"],
    )


def _assert_consistent(app: SimulatorApp) -> None:
    """What the app shows is what the model gives for the scenario its controls hold."""
    scenario = app.scenario
    assert app.shown_scenario == scenario
    pd.testing.assert_frame_equal(app.trajectory, model.trajectory(scenario))
    week = describe.summary_week(scenario.weeks)
    outcome = describe.describe_outcome(
        app.trajectory, scenario.baseline_phq9, scenario.baseline_pain, week
    )
    assert app.summary_text.startswith(outcome)
    assert describe.describe_scenario(scenario) in app.summary_text
    assert app.chart.spec["description"].startswith(app.summary_text)
    assert html.escape(app.summary_text) in app.summary_display.value
    shown = _patient_in_chart(app)
    np.testing.assert_allclose(shown["phq9"], app.trajectory["phq9"])
    np.testing.assert_allclose(shown["pain"], app.trajectory["pain"])
    pd.testing.assert_frame_equal(app.evidence_table, model.evidence_behind(scenario))


# --- what the app shows ----------------------------------------------------------------


def test_every_control_has_a_visible_label_with_its_unit_and_updates_on_release():
    app = SimulatorApp()
    assert set(app.controls) == set(model.SCENARIO_FIELDS)
    for name, spec in model.SCENARIO_FIELDS.items():
        control = getattr(app, name)
        assert app.controls[name] is control
        assert control.description == f"{spec.label} ({spec.unit})"
        assert (control.min, control.max, control.step) == (spec.minimum, spec.maximum, spec.step)
        assert control.value == spec.default
        assert control.continuous_update is False
        assert isinstance(control, widgets.IntSlider) == spec.whole
    assert list(app.treatments) == list(model.TREATMENTS)
    for name, box in app.treatments.items():
        assert box.description == model.TREATMENT_LABELS[name]
    assert USUAL_CARE_NAME in app.compare.description
    assert app.reset_button.description
    shown = " ".join(html_values(app))
    assert html.escape(EDUCATIONAL_NOTICE) in shown
    assert app.scenario == model.Scenario()
    _assert_consistent(app)


def test_less_sleep_raises_phq9_at_week_12_in_the_outputs_and_the_chart():
    app = SimulatorApp()
    before = _at_week(app.trajectory, "phq9")
    before_chart = _at_week(_patient_in_chart(app), "phq9")
    app.sleep_hours.value = 5
    after = _at_week(app.trajectory, "phq9")
    assert after > before
    assert _at_week(_patient_in_chart(app), "phq9") > before_chart
    reading = describe.phq9_reading(after)
    assert app.summary_text.startswith(f"At week 12: PHQ-9 {reading} ")
    assert "Sleep 5 hours per night" in app.summary_text
    assert f"PHQ-9 {reading}" in app.chart.spec["description"]
    _assert_consistent(app)


@pytest.mark.parametrize(
    ("name", "worse"),
    [("activity_minutes", 0), ("crp_mg_l", 10.0), ("opioid_days", 365)],
)
def test_each_lever_moved_the_harmful_way_raises_phq9(name, worse):
    app = SimulatorApp()
    before = _at_week(app.trajectory, "phq9")
    app.controls[name].value = worse
    assert _at_week(app.trajectory, "phq9") > before
    _assert_consistent(app)


def test_treatments_lower_phq9_and_pain_and_more_treatments_lower_them_more():
    app = SimulatorApp(model.Scenario(baseline_phq9=15, baseline_pain=7))
    untreated = app.trajectory.copy()
    app.treatments["cbt"].value = True
    one = app.trajectory.copy()
    app.treatments["duloxetine"].value = True
    two = app.trajectory.copy()
    for outcome in ("phq9", "pain"):
        assert _at_week(two, outcome) < _at_week(one, outcome) < _at_week(untreated, outcome)
    assert "treatments: duloxetine and cognitive behavioural therapy" in app.summary_text
    assert {"cbt_phq9_smd", "duloxetine_phq9_smd"} <= set(app.evidence_table["parameter"])
    _assert_consistent(app)


def test_summary_says_what_each_moved_lever_adds():
    app = SimulatorApp()
    assert describe.describe_levers(app.scenario, 12) in app.summary_text
    assert "levers add nothing" in app.summary_text
    app.set_values(sleep_hours=5, opioid_days=200)
    sentence = describe.describe_levers(app.scenario, 12)
    assert sentence in app.summary_text
    assert "sleep 5 hours, PHQ-9" in sentence and "opioids for 200 days so far" in sentence
    _assert_consistent(app)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"sleep_hours": 8.0}, "the normal range in the cohort studies"),
        ({"sleep_hours": 10.0}, "more plausibly a sign of illness than a cause"),
        ({"crp_mg_l": 0.5}, "the low range"),
        ({"opioid_days": 500}, "the studies have no longer group"),
        ({"sleep_hours": 8.0, "treatments": {"cbt_i"}}, "CBT for insomnia adds nothing"),
    ],
)
def test_a_control_on_a_flat_stretch_is_said_in_words(fields, words):
    app = SimulatorApp()
    app.set_values(**fields)
    assert words in app.summary_text
    assert words in app.chart.spec["description"]


def test_cohort_band_is_simulated_with_a_fixed_seed_and_modest_size():
    app = SimulatorApp(model.Scenario(sleep_hours=5))
    expected = model.summarize(model.simulate_cohort(app.scenario, n=COHORT_SIZE, seed=0))
    pd.testing.assert_frame_equal(app.cohort_summary, expected)
    band = _chart_rows(app, set(expected.columns))
    assert len(band) == len(expected)
    assert describe.describe_band(expected, 12) in app.summary_text


def test_compare_adds_the_usual_care_course_to_the_chart_and_the_summary():
    app = SimulatorApp(model.Scenario(sleep_hours=4, baseline_phq9=12))
    columns = {"week", "pain", "phq9", "scenario"}
    assert _chart_rows(app, columns) == []
    assert app.reference_trajectory is None
    assert "Compared with" not in app.summary_text
    app.compare.value = True
    reference = model.trajectory(model.usual_care(app.scenario))
    pd.testing.assert_frame_equal(app.reference_trajectory, reference)
    rows = pd.DataFrame(_chart_rows(app, columns)).sort_values("week")
    assert set(rows["scenario"]) == {USUAL_CARE_LABEL}
    np.testing.assert_allclose(rows["phq9"], reference["phq9"])
    # usual care improves, as trials' control arms do; short sleep holds this patient back
    assert rows["phq9"].iloc[-1] < 12
    assert (rows["phq9"].to_numpy() <= app.trajectory["phq9"].to_numpy()).all()
    comparison = describe.describe_comparison(app.trajectory, reference, 12, USUAL_CARE_NAME)
    assert comparison in app.summary_text
    assert comparison in app.chart.spec["description"]
    assert USUAL_CARE_NAME in " ".join(app.chart.spec["title"]["subtitle"])
    _assert_consistent(app)
    app.compare.value = False
    assert _chart_rows(app, columns) == []
    assert "Compared with" not in app.summary_text


def test_updates_change_values_only_never_the_widget_tree():
    app = SimulatorApp()
    tree = _tree(app)
    chart = app.chart
    specs = [app.chart.spec]
    app.sleep_hours.value = 4
    app.treatments["exercise"].value = True
    app.compare.value = True
    app.visit_interval_weeks = 6
    app.set_values(weeks=52, crp_mg_l=5.0)
    with pytest.raises(ValueError):
        app.set_values(weeks=0)
    specs.append(app.chart.spec)
    app.reset()
    assert app.chart is chart
    assert app.children[app.children.index(chart)] is chart
    after = _tree(app)
    assert len(after) == len(tree)
    for (widget, children), (widget_after, children_after) in zip(tree, after, strict=True):
        assert widget is widget_after
        assert children is children_after
    assert specs[0]["description"] != specs[1]["description"]


def _layout(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key not in ("datasets", "description")}


def test_an_update_swaps_the_data_and_rebuilds_only_a_new_layout():
    app = SimulatorApp()
    rebuilds = []
    app.chart.observe(rebuilds.append, names="chart")
    before = app.chart.spec
    app.sleep_hours.value = 4
    app.treatments["cbt"].value = True
    assert rebuilds == []
    assert _layout(app.chart.spec) == _layout(before)
    assert set(app.chart.spec["datasets"]) == set(before["datasets"])
    assert app.chart.spec["datasets"] != before["datasets"]
    assert app.chart.spec["description"] != before["description"]
    _assert_drawn_as_built(app)
    app.set_values(weeks=12)  # the week axis ends elsewhere: a new layout
    assert len(rebuilds) == 1
    _assert_drawn_as_built(app)
    app.compare.value = True  # a course more: a new layout
    app.visit_interval_weeks = 6  # other visits: a new layout
    assert len(rebuilds) == 3
    _assert_drawn_as_built(app)
    app.set_values(sleep_hours=8)
    assert len(rebuilds) == 3
    _assert_drawn_as_built(app)


def test_visit_interval_moves_the_visit_marks():
    app = SimulatorApp()
    visits = {row["week"] for row in _chart_rows(app, {"week", "visit"})}
    assert visits == set(range(4, 27, 4))
    app.visit_interval_weeks = 6
    visits = {row["week"] for row in _chart_rows(app, {"week", "visit"})}
    assert visits == {6, 12, 18, 24}
    assert "every 6 weeks: weeks 6, 12, 18 and 24" in app.chart.spec["description"]
    with pytest.raises(TraitError, match="visit_interval_weeks must be a whole number from 4 to 6"):
        app.visit_interval_weeks = 8
    assert app.visit_interval_weeks == 6


def test_summary_describes_the_last_week_when_fewer_than_12_are_simulated():
    app = SimulatorApp(model.Scenario(weeks=8, sleep_hours=5))
    assert app.summary_text.startswith("At week 8: ")
    app.weeks.value = 1
    assert app.summary_text.startswith("At week 1: ")
    _assert_consistent(app)


# --- evidence panel --------------------------------------------------------------------


def test_evidence_panel_lists_the_rows_behind_the_result_with_source_and_level():
    app = SimulatorApp()
    plain = set(app.evidence_table["parameter"])
    app.set_values(opioid_days=200, treatments={"cbt", "mindfulness"})
    table = app.evidence_table
    assert {"opioid_over_180_phq9_smd", "cbt_pain_smd", "mindfulness_phq9_smd"} <= set(
        table["parameter"]
    )
    assert plain < set(table["parameter"])
    reader = TableReader()
    reader.feed(app.evidence_display.value)
    illustrative = int((table["evidence_level"] == "illustrative").sum())
    assert reader.caption == (
        f"Evidence behind this result: {len(table)} rows of datasets/evidence.csv, "
        f"{illustrative} of them illustrative"
    )
    header, *body = reader.rows
    assert [cell[2] for cell in header] == ["What it is", "Value", "Evidence level", "Source"]
    assert all(cell[:2] == ("th", "col") for cell in header)
    assert len(body) == len(table)
    for cells, row in zip(body, table.itertuples(index=False), strict=True):
        assert cells[0][:2] == ("th", "row")
        assert cells[0][2] == f"{row.meaning}{row.parameter}"
        assert cells[1][2] == f"{row.value:g} {row.unit}"
        assert cells[2][2].lower().startswith(row.evidence_level)
        assert cells[3][2] == row.source
    assert app.evidence_panel.titles == (
        f"Evidence behind this result ({len(table)} rows, {illustrative} illustrative)",
    )


def test_illustrative_rows_are_labelled_in_words_and_every_cell_is_escaped():
    rows = pd.DataFrame(
        {
            "parameter": ["made_up", "real_one"],
            "value": [1.5, 0.38],
            "unit": ["<b>SD</b>", "SMD"],
            "meaning": ["A & B <script>alert(1)</script>", "Mood"],
            "source": ["Nobody \"quoted\" 'here'", "Williams 2012"],
            "evidence_level": ["illustrative", "published"],
        }
    )
    page = evidence_table_html(rows)
    assert "<script>" not in page and "<b>SD</b>" not in page
    assert "A &amp; B &lt;script&gt;" in page and "&lt;b&gt;SD&lt;/b&gt;" in page
    reader = TableReader()
    reader.feed(page)
    levels = [row[2][2] for row in reader.rows[1:]]
    assert levels[0].startswith("Illustrative: no study gives this number")
    assert levels[1].startswith("Published")
    with pytest.raises(ValueError, match="table lacks the column"):
        evidence_table_html(rows.drop(columns="source"))


# --- debouncing ------------------------------------------------------------------------


@pytest.fixture
def cohort_runs(monkeypatch) -> list[int]:
    """Counts the model's cohort runs (one per update of an app)."""
    runs: list[int] = []
    simulate = model.simulate_cohort

    def counted(*args, **kwargs):
        runs.append(1)
        return simulate(*args, **kwargs)

    monkeypatch.setattr(model, "simulate_cohort", counted)
    return runs


def test_a_burst_in_a_live_kernel_runs_the_model_once(cohort_runs):
    async def burst() -> SimulatorApp:
        app = SimulatorApp(delay_s=0.05)
        cohort_runs.clear()
        for hours in (6.5, 6, 5.5, 5, 4.5):
            app.sleep_hours.value = hours
        app.treatments["cbt"].value = True
        app.activity_minutes.value = 30
        assert cohort_runs == []
        assert app.pending
        assert app.shown_scenario == model.Scenario()
        await asyncio.sleep(0.3)
        return app

    app = asyncio.run(burst())
    assert cohort_runs == [1]
    assert not app.pending
    assert app.shown_scenario == model.Scenario(
        sleep_hours=4.5, activity_minutes=30, treatments={"cbt"}
    )
    _assert_consistent(app)


def test_flush_applies_a_pending_burst_at_once(cohort_runs):
    async def burst() -> None:
        app = SimulatorApp(delay_s=10)
        cohort_runs.clear()
        for days in (30, 60, 90, 120):
            app.opioid_days.value = days
        app.compare.value = True
        assert cohort_runs == []
        app.flush()
        assert cohort_runs == [1]
        _assert_consistent(app)
        app.flush()
        assert cohort_runs == [1]

    asyncio.run(burst())


def test_api_batches_update_once_without_a_running_loop(cohort_runs):
    app = SimulatorApp()
    cohort_runs.clear()
    app.sleep_hours.value = 5
    assert cohort_runs == [1]  # no loop: a single change applies at once
    app.set_values(sleep_hours=6, activity_minutes=60, crp_mg_l=3.0, treatments={"cbt", "cbt_i"})
    assert cohort_runs == [1, 1]
    app.set_scenario(model.Scenario(opioid_days=100, weeks=12))
    assert cohort_runs == [1, 1, 1]
    app.reset()
    assert cohort_runs == [1, 1, 1, 1]
    assert app.scenario == model.Scenario()
    _assert_consistent(app)


def test_debouncer_holds_nest_and_refuses_bad_settings():
    runs = []
    debounced = Debouncer(lambda: runs.append(1), delay_s=0)
    with debounced.hold():
        debounced()
        with debounced.hold():
            debounced()
        assert runs == []
    assert runs == [1] and debounced.calls == 1
    debounced()
    assert runs == [1, 1]
    with debounced.hold():
        pass
    assert runs == [1, 1]
    for bad in (-1, math.nan, "0.2", True):
        with pytest.raises(ValueError, match="delay_s must be a number of seconds"):
            Debouncer(lambda: None, delay_s=bad)
    with pytest.raises(ValueError, match="callback must be callable"):
        Debouncer("not callable")


# --- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda app: app.set_scenario("x"), "set_scenario needs a painmood_widgets.model.Scenario"),
        (lambda app: app.set_scenario({"sleep_hours": 5}), "got a dict"),
        (lambda app: app.set_values(sleep_hours=2), "sleep_hours must be a number from 3 to 10"),
        (lambda app: app.set_values(crp_mg_l=math.nan), "crp_mg_l must be a number from 0.1 to 10"),
        (lambda app: app.set_values(sleep_hours=5, activity_minutes=500), "from 0 to 420"),
        (lambda app: app.set_values(weeks=10.5), "weeks must be a whole number from 1 to 104"),
        (lambda app: app.set_values(opioid_days=-1), "opioid_days must be a whole number"),
        (lambda app: app.set_values(baseline_phq9=28), "baseline_phq9 must be a number from 0"),
        (lambda app: app.set_values(baseline_pain="6"), "baseline_pain must be a number"),
        (lambda app: app.set_values(treatments="cbt"), "treatments must be a collection"),
        (lambda app: app.set_values(treatments={"yoga"}), "unknown treatment 'yoga'"),
        (lambda app: app.set_values(sleep=5), "unknown Scenario field 'sleep'"),
    ],
)
def test_bad_values_are_refused_with_a_message_and_change_nothing(call, message):
    app = SimulatorApp(
        model.Scenario(sleep_hours=5.5, treatments={"exercise"}, weeks=20), compare=True
    )
    before = _state(app)
    with pytest.raises(ValueError, match=message) as refusal:
        call(app)
    assert _state(app) == before
    assert app.error_text == str(refusal.value)
    assert html.escape(str(refusal.value)) in app.error_display.value
    assert 'role="alert"' in app.error_display.value
    app.sleep_hours.value = 6
    assert app.error_text == "" and app.error_display.value == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"scenario": {"sleep_hours": 5}}, "scenario must be a model.Scenario; got dict"),
        ({"cohort_size": 0}, "cohort_size must be a whole number of at least 1"),
        ({"cohort_size": 2.5}, "cohort_size must be a whole number of at least 1"),
        ({"delay_s": -1}, "delay_s must be a number of seconds, 0 or more"),
    ],
)
def test_the_app_refuses_a_bad_start(arguments, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        SimulatorApp(**arguments)


def test_sliders_clamp_direct_assignments_to_their_range():
    app = SimulatorApp()
    app.sleep_hours.value = 50
    app.activity_minutes.value = -10
    assert app.scenario.sleep_hours == 10 and app.scenario.activity_minutes == 0
    _assert_consistent(app)


def test_reset_returns_to_the_starting_state():
    start = model.Scenario(baseline_phq9=15, baseline_pain=7, treatments={"cbt"})
    app = SimulatorApp(start, compare=True)
    first = _state(app)
    app.set_values(sleep_hours=4, treatments={"duloxetine"}, weeks=52)
    app.compare.value = False
    app.reset_button.click()
    assert app.scenario == start and app.compare.value
    assert _state(app) == first


# --- fuzzing ---------------------------------------------------------------------------


def _field_values(name: str) -> st.SearchStrategy:
    spec = model.SCENARIO_FIELDS[name]
    extremes = st.sampled_from([spec.minimum, spec.maximum])
    if spec.whole:
        return st.one_of(extremes.map(int), st.integers(int(spec.minimum), int(spec.maximum)))
    return st.one_of(extremes, st.floats(spec.minimum, spec.maximum))


SCENARIOS = st.fixed_dictionaries(
    {name: _field_values(name) for name in model.SCENARIO_FIELDS}
    | {"treatments": st.sets(st.sampled_from(model.TREATMENTS))}
)


def _assert_sound(app: SimulatorApp) -> None:
    trajectory, band = app.trajectory, app.cohort_summary
    assert not trajectory.isna().any().any() and not band.isna().any().any()
    assert trajectory["pain"].between(0, 10).all() and trajectory["phq9"].between(0, 27).all()
    for outcome, top in (("pain", 10), ("phq9", 27)):
        for level in ("p10", "p50", "p90"):
            assert band[f"{outcome}_{level}"].between(0, top).all()
    assert len(trajectory) == app.scenario.weeks + 1
    assert app.summary_text.startswith("At week ")
    assert not re.search(r"\b(nan|inf)\b", app.summary_text.lower())
    assert app.summary_display.value and app.error_text == ""
    _assert_consistent(app)
    _assert_drawn_as_built(app)


def _assert_drawn_as_built(app: SimulatorApp) -> None:
    """The chart widget draws exactly the chart built afresh from what the app shows,
    however it got there (data swaps or rebuilds): nothing of an older state lingers."""
    chart = charts.trajectory_chart(
        app.trajectory,
        app.cohort_summary,
        visit_interval_weeks=app.visit_interval_weeks,
        reference=app.reference_trajectory,
        reference_label=USUAL_CARE_LABEL,
    )
    expected = chart.properties(description=f"{app.summary_text} {chart.description}")
    assert app.chart.spec == expected.to_dict()


@settings(max_examples=25, deadline=None)
@given(fields=SCENARIOS, compare=st.booleans(), interval=st.integers(4, 6))
def test_fuzz_any_scenario_through_the_api(fields, compare, interval):
    with SHARED.hold():
        SHARED.compare.value = compare
        SHARED.visit_interval_weeks = interval
        SHARED.set_values(**fields)
    assert SHARED.scenario == model.Scenario(**fields)
    _assert_sound(SHARED)


@settings(max_examples=25, deadline=None)
@given(
    moves=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(list(model.SCENARIO_FIELDS)), st.floats(-1000, 1000)).map(
                lambda move: ("slider", *move)
            ),
            st.tuples(st.sampled_from(model.TREATMENTS), st.booleans()).map(
                lambda move: ("treatment", *move)
            ),
            st.booleans().map(lambda value: ("compare", None, value)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_fuzz_controls_moved_anywhere_like_a_learner(moves):
    # one burst, as the debouncer coalesces it in a live kernel
    with SHARED.hold():
        for kind, name, value in moves:
            if kind == "slider":
                control = SHARED.controls[name]
                control.value = round(value) if isinstance(control, widgets.IntSlider) else value
            elif kind == "treatment":
                SHARED.treatments[name].value = value
            else:
                SHARED.compare.value = value
    _assert_sound(SHARED)


@pytest.mark.parametrize("bound", ["minimum", "maximum"])
def test_every_control_at_its_extremes_at_once(bound):
    fields = {name: getattr(spec, bound) for name, spec in model.SCENARIO_FIELDS.items()}
    app = SimulatorApp(model.Scenario(**fields, treatments=model.TREATMENTS), compare=True)
    _assert_sound(app)


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"sleep_hours": 5.0, "compare": True},
        {"weeks": 26, "visit_interval_weeks": 6, "treatments": frozenset({"cbt"})},
        {"baseline_phq9": 3, "compare": True, "visit_interval_weeks": 5},
    ],
    ids=["start", "short-sleep-compared", "26-weeks-cbt", "mild-compared"],
)
def test_the_chart_carries_the_states_text_alternative(settings):
    app = SimulatorApp(delay_s=0)
    for name, value in settings.items():
        setattr(app.state, name, value)
    spec = app._live_chart.widget.spec
    assert spec["description"] == app.state.chart_description
    assert app.state.chart_description.startswith(app.state.summary)
    assert (USUAL_CARE_LABEL in spec["description"]) == bool(settings.get("compare"))
    app.close()
