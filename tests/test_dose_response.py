"""Dose-response curves: one lever swept, both scores, from the model to the widget.

The model is the oracle: the curve must be the typical patient of ``model.trajectory``
for each lever value; the describer must say what the numbers say; the chart must carry
those numbers and that text; the state must refuse what the model refuses; the widget
must show the state without rebuilding its chart when only the slider moves."""

import math

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
import vl_convert
from hypothesis import given, settings
from hypothesis import strategies as st

from painmood_widgets import charts, describe, model
from painmood_widgets.charts.dose import DOSE_DATA_NAMES, dose_response_data
from painmood_widgets.charts.layers import REFERENCE_DASH
from painmood_widgets.coefficients import coefficients
from painmood_widgets.describe.dose import (
    describe_dose_marks,
    describe_dose_point,
    describe_dose_response,
)
from painmood_widgets.state.dose import DOSE_POINTS, DoseResponseState
from painmood_widgets.theme import MEASURE_COLOURS
from painmood_widgets.widgets import DoseResponseExplorer, SimulatorApp
from painmood_widgets.wording import plural, round_half_up

DEFAULT = model.Scenario()


def curve_of(lever: str, scenario: model.Scenario = DEFAULT, **options) -> pd.DataFrame:
    return model.dose_response(scenario, lever, **options)


def scores_at(scenario: model.Scenario, week: int) -> tuple[float, float]:
    row = model.trajectory(scenario).set_index("week").loc[week]
    return float(row["pain"]), float(row["phq9"])


# --------------------------------------------------------------------------- model
@pytest.mark.parametrize("lever", model.LEVERS)
def test_the_curve_sweeps_the_levers_whole_range_evenly(lever):
    spec = model.SCENARIO_FIELDS[lever]
    curve = curve_of(lever)
    assert list(curve.columns) == ["lever", "value", "week", "pain", "phq9", "reference"]
    assert len(curve) == 41
    assert (curve["lever"] == lever).all() and (curve["week"] == 12).all()
    assert curve["value"].iloc[0] == spec.minimum and curve["value"].iloc[-1] == spec.maximum
    even = np.linspace(spec.minimum, spec.maximum, 41)
    tolerance = 0.5 if spec.whole else 1e-9  # whole days are rounded to the nearest day
    assert np.all(np.abs(curve["value"].to_numpy() - even) <= tolerance)
    assert (curve["reference"] == model.reference_lifestyle()[lever]).all()
    assert curve["pain"].between(0, 10).all() and curve["phq9"].between(0, 27).all()


@pytest.mark.parametrize("lever", model.LEVERS)
def test_each_point_is_the_typical_patient_of_the_trajectory(lever):
    scenario = model.Scenario(sleep_hours=6, crp_mg_l=3, treatments={"cbt"}, baseline_phq9=14)
    curve = curve_of(lever, scenario, week=8, points=7)
    for row in curve.itertuples(index=False):
        value = int(row.value) if model.SCENARIO_FIELDS[lever].whole else row.value
        pain, phq9 = scores_at(scenario.replace(**{lever: value}), 8)
        assert (row.pain, row.phq9) == pytest.approx((pain, phq9), abs=1e-12)


@pytest.mark.parametrize("lever", model.LEVERS)
def test_the_ends_of_the_curve_are_the_tornados_bars(lever):
    for outcome in ("pain", "phq9"):
        bars = model.sensitivity(DEFAULT, outcome, week=12).set_index("lever").loc[lever]
        curve = curve_of(lever)
        assert curve[outcome].iloc[0] == pytest.approx(bars["outcome_low"], abs=1e-12)
        assert curve[outcome].iloc[-1] == pytest.approx(bars["outcome_high"], abs=1e-12)


def test_the_curve_ignores_the_scenarios_own_value_of_the_lever_but_keeps_the_rest():
    pd.testing.assert_frame_equal(
        curve_of("crp_mg_l", model.Scenario(crp_mg_l=7.5)), curve_of("crp_mg_l")
    )
    short_sleep = curve_of("crp_mg_l", model.Scenario(sleep_hours=4))
    assert (short_sleep["phq9"] > curve_of("crp_mg_l")["phq9"]).all()


def test_sleep_short_of_7_hours_raises_both_scores_and_more_than_7_changes_nothing():
    curve = curve_of("sleep_hours", points=15).set_index("value")  # every half hour
    for score in ("phq9", "pain"):
        assert curve.loc[4.0, score] > curve.loc[5.0, score] > curve.loc[7.0, score]
        assert curve.loc[7.0:10.0, score].nunique() == 1  # no long-sleep effect in the model
    # below 7 hours the model extends the studies' figure in a straight line: equal steps
    steps = np.diff(curve.loc[3.0:7.0, "phq9"])
    assert np.allclose(steps, steps[0]) and steps[0] < 0


def test_crp_changes_nothing_up_to_the_reference_and_raises_both_scores_above_it():
    curve = curve_of("crp_mg_l", points=100)  # every 0.1 mg/L
    reference = model.reference_lifestyle()["crp_mg_l"]
    low, high = curve[curve["value"] <= reference + 1e-9], curve[curve["value"] > reference]
    for score in ("phq9", "pain"):
        assert low[score].nunique() == 1
        assert (np.diff(high[score]) > 0).all()
        assert high[score].iloc[0] > low[score].iloc[-1]
    # on ln CRP: the first mg/L above the reference adds more than the last
    phq9 = curve.set_index(curve["value"].round(1))["phq9"]
    assert phq9[2.0] - phq9[1.0] > phq9[10.0] - phq9[9.0] > 0


def test_activity_lowers_both_scores_all_the_way_but_less_and_less():
    curve = curve_of("activity_minutes")
    for score in ("phq9", "pain"):
        steps = np.diff(curve[score])
        assert (steps < 0).all()
        assert abs(steps[:10].sum()) > 2 * abs(steps[-10:].sum())


def test_opioids_step_as_the_model_says_at_week_12():
    c = coefficients()
    curve = curve_of("opioid_days", points=201).set_index("value")
    none, started = curve.loc[0.0], curve.loc[4.0]
    # any use brings the small pain relief at once, and the loop carries it to mood
    assert started["pain"] < none["pain"] and started["phq9"] < none["phq9"]
    # 12 weeks of continued use cross 90 days from about 6 days so far: so PHQ-9 is not
    # flat below the 90-day step at week 12; it rises with the days already taken
    below = curve.loc[11.0 : c.opioid_step1_days - 1, "phq9"]
    assert (np.diff(below) > 0).all()
    # from 180 days the depression risk stays at its last level: nothing changes
    beyond = curve.loc[c.opioid_step2_days :]
    assert beyond["phq9"].nunique() == 1 and beyond["pain"].nunique() == 1
    assert beyond["phq9"].iloc[0] == curve["phq9"].max()


def test_at_week_4_opioid_use_under_90_days_changes_nothing_past_the_pain_relief():
    c = coefficients()
    curve = curve_of("opioid_days", week=4, points=201).set_index("value")
    quiet = curve.loc[1.0 : c.opioid_step1_days - 7 * 4]  # use stays under 90 days by week 4
    assert len(quiet) > 10
    assert quiet["phq9"].nunique() == 1 and quiet["pain"].nunique() == 1
    assert curve.loc[c.opioid_step1_days :, "phq9"].iloc[0] > quiet["phq9"].iloc[0]


def test_at_week_0_every_curve_is_flat_at_the_starting_scores():
    for lever in model.LEVERS:
        curve = curve_of(lever, week=0, points=5)
        assert (curve["pain"] == DEFAULT.baseline_pain).all()
        assert (curve["phq9"] == DEFAULT.baseline_phq9).all()


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ((DEFAULT, "sleep"), ValueError, "lever must be one of sleep_hours, activity_minutes"),
        ((DEFAULT, None), ValueError, "lever must be one of"),
        ((DEFAULT, ["crp_mg_l"]), ValueError, "lever must be one of"),
        ((DEFAULT, "baseline_phq9"), ValueError, "lever must be one of"),
        ((DEFAULT, "crp_mg_l", 27), ValueError, "week must be a whole number from 0 to 26"),
        ((DEFAULT, "crp_mg_l", 2.0), ValueError, "week must be a whole number"),
        ((DEFAULT, "crp_mg_l", 12, 1), ValueError, "points must be a whole number from 2 to 201"),
        ((DEFAULT, "crp_mg_l", 12, 202), ValueError, "points must be a whole number"),
        ((DEFAULT, "crp_mg_l", 12, 20.0), ValueError, "points must be a whole number"),
        ((DEFAULT, "crp_mg_l", 12, True), ValueError, "points must be a whole number"),
        (({"sleep_hours": 5}, "crp_mg_l"), TypeError, "scenario must be a Scenario"),
    ],
)
def test_bad_arguments_are_refused_with_a_plain_message(arguments, error, message):
    with pytest.raises(error, match=message):
        model.dose_response(*arguments)


# --------------------------------------------------------------------------- describer
def test_sleep_is_described_from_its_numbers_with_the_models_reasons():
    curve = curve_of("sleep_hours")
    text = describe_dose_response(curve)
    assert text.startswith(
        "Sleep from 3 to 10 hours per night, typical patient at week 12: PHQ-9 is highest, "
        "10 (moderate), at 3 hours per night and lowest, 8 (mild), from 7 to 10 hours per "
        "night, a swing of 1.9 points; pain is highest, 5.8, at 3 hours per night and lowest, "
        "4.4, from 7 to 10 hours per night, a swing of 1.4 points."
    )
    assert (
        "More sleep lowers both scores steadily from 3 to 7 hours per night and changes "
        "neither score from 7 to 10 hours per night." in text
    )
    for hours in (4, 8, 10):  # short sleep extrapolated; 7-9 normal; long sleep not causal
        notes = [
            n for n in model.notes(model.Scenario(sleep_hours=hours)) if n.control == "sleep_hours"
        ]
        assert len(notes) == 1
        assert f"{hours} hours of sleep a night: {notes[0].text}." in text


@pytest.mark.parametrize("lever", model.LEVERS)
def test_the_swings_and_readings_are_those_of_the_curve(lever):
    curve = curve_of(lever)
    text = describe_dose_response(curve)
    for score, name in (("phq9", "PHQ-9"), ("pain", "pain")):
        swing = curve[score].max() - curve[score].min()
        if swing >= 0.1:
            assert f"a swing of {plural(round_half_up(swing, 1), 'point')}" in text
            reading = describe.charts.reading_text(score, curve[score].max())
            assert f"{name} is highest, {reading}" in text
        else:
            assert f"{name} hardly moves" in text


def test_crp_flat_to_the_reference_then_rising_and_pain_hardly_moving():
    text = describe_dose_response(curve_of("crp_mg_l"))
    assert (
        "A higher CRP changes neither score from 0.1 to 1 mg/L and raises PHQ-9 only ever "
        "more slowly from 1 to 10 mg/L." in text
    )
    assert "pain hardly moves, 4.4 throughout (a swing of less than 0.1 points)" in text
    assert "the model counts no inflammation" in text


def test_activity_helps_less_and_less_and_says_where_the_model_extrapolates():
    text = describe_dose_response(curve_of("activity_minutes"))
    assert "More activity lowers both scores ever more slowly from 0 to 420 minutes" in text
    assert "above 150 minutes a week the gains are smaller and less certain" in text


def test_opioids_help_then_harm_then_stop_changing():
    text = describe_dose_response(curve_of("opioid_days"))
    assert (
        "Longer opioid use lowers both scores from 0 to 18 days, raises both scores steadily "
        "from 18 to 180 days and changes neither score from 180 to 730 days." in text
    )
    assert "PHQ-9 is highest, 9 (mild), from 180 to 730 days" in text
    assert "beyond 180 days of use the studies have no longer group" in text


def test_the_describer_reads_the_frame_it_is_given():
    frame = pd.DataFrame(
        {
            "lever": "sleep_hours",
            "value": [3.0, 5.0, 7.0, 9.0],
            "week": 6,
            "pain": [8.0, 7.0, 6.0, 6.0],
            "phq9": [19.6, 16.0, 12.0, 12.0],
            "reference": 7.0,
        }
    )
    text = describe_dose_response(frame.iloc[::-1])  # any row order
    assert text.startswith(
        "Sleep from 3 to 9 hours per night, typical patient at week 6: PHQ-9 is highest, 20 "
        "(severe), at 3 hours per night and lowest, 12 (moderate), from 7 to 9 hours per "
        "night, a swing of 7.6 points; pain is highest, 8.0, at 3 hours per night and lowest, "
        "6.0, from 7 to 9 hours per night, a swing of 2 points."
    )


def test_week_0_says_no_lever_has_acted_yet():
    text = describe_dose_response(curve_of("sleep_hours", week=0))
    assert "PHQ-9 stays at 10 (moderate) throughout; pain stays at 6.0 throughout" in text
    assert text.endswith("no lever has acted yet.")


def _frame(**changes) -> pd.DataFrame:
    return curve_of("sleep_hours", points=5).assign(**changes)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (_frame().drop(columns="reference"), "lacks the column"),
        (_frame().iloc[:1], "at least two rows"),
        (_frame(lever=["sleep_hours"] * 4 + ["crp_mg_l"]), "one lever in every row"),
        (_frame(week=[12, 12, 12, 12, 13]), "one week in every row"),
        (_frame(lever="stress"), "lever must be one of"),
        (_frame(phq9=30.0), "column phq9 must hold numbers from 0 to 27"),
        (_frame(pain=np.nan), "column pain must hold numbers from 0 to 10"),
        (_frame(value=[3.0, 3.0, 5.0, 7.0, 9.0]), "more than one row for the same lever value"),
        (_frame(value=[1.0, 3.0, 5.0, 7.0, 9.0]), "column value must hold numbers from 3 to 10"),
        (_frame(week=-1), "week must be a whole number"),
        ("curve", "must be a pandas DataFrame"),
    ],
)
def test_the_describer_refuses_a_bad_curve(frame, message):
    with pytest.raises(ValueError, match=message):
        describe_dose_response(frame)


def test_the_point_and_the_marks_in_words():
    assert (
        describe_dose_point("opioid_days", 0, pain=4.35, phq9=8.36, week=12)
        == "Now: no opioids; at week 12, PHQ-9 8 (mild) and pain 4.4."
    )
    assert describe_dose_marks("sleep_hours", 7.0) == (
        "Dash-dot vertical line: the reference lifestyle, 7 hours of sleep a night."
    )
    with pytest.raises(ValueError, match="sleep_hours must be a number from 3 to 10"):
        describe_dose_point("sleep_hours", 11, pain=4.0, phq9=8.0, week=12)
    with pytest.raises(ValueError, match="PHQ-9 must be a number from 0 to 27"):
        describe_dose_point("sleep_hours", 5, pain=4.0, phq9=math.nan, week=12)
    with pytest.raises(ValueError, match="lever must be one of"):
        describe_dose_marks("weeks", 12)


# --------------------------------------------------------------------------- chart
def _layers(panel: dict) -> list[dict]:
    """Every single-view layer of a panel, nested layers flattened."""
    found = []
    for layer in panel["layer"]:
        found.extend(_layers(layer) if "layer" in layer else [layer])
    return found


def test_the_chart_has_a_pain_panel_above_a_phq9_panel_over_the_bands():
    curve = curve_of("sleep_hours")
    spec = charts.dose_response_chart(curve, current=5.0).to_dict()
    pain, phq9 = (_layers(panel) for panel in spec["vconcat"])
    assert [layer["mark"]["type"] for layer in phq9][:2] == ["rect", "text"]  # severity bands
    for layers_, measure, top in ((pain, "pain", 10), (phq9, "phq9", 27)):
        (line,) = [layer for layer in layers_ if layer["mark"]["type"] == "line"]
        assert line["mark"]["color"] == MEASURE_COLOURS[measure]
        assert line["encoding"]["y"]["field"] == measure
        assert line["encoding"]["y"]["scale"]["domain"] == [0, top]
        assert line["encoding"]["x"]["title"] == "Sleep (hours per night)"
        assert line["encoding"]["x"]["scale"]["domain"] == [3.0, 10.0]
        assert line["data"]["name"] == DOSE_DATA_NAMES["curve"]
        assert [item["title"] for item in line["encoding"]["tooltip"]] == [
            "Sleep (hours per night)",
            "Week",
            f"{'Pain' if measure == 'pain' else 'PHQ-9'}, typical patient",
        ]
        rules = {
            layer["data"]["name"]: layer for layer in layers_ if layer["mark"]["type"] == "rule"
        }
        assert rules[DOSE_DATA_NAMES["reference"]]["mark"]["strokeDash"] == REFERENCE_DASH
        assert DOSE_DATA_NAMES["now"] in rules
    labels = {layer["data"]["name"] for layer in pain if layer["mark"]["type"] == "text"}
    assert labels == {DOSE_DATA_NAMES["reference"], DOSE_DATA_NAMES["now"]}
    assert spec["datasets"][DOSE_DATA_NAMES["reference"]] == [
        {"value": 7.0, "label": "reference", "words": "7 hours of sleep a night"}
    ]
    assert spec["datasets"][DOSE_DATA_NAMES["now"]][0]["label"] == "now"
    rows = pd.DataFrame(spec["datasets"][DOSE_DATA_NAMES["curve"]])
    pd.testing.assert_frame_equal(rows, curve[["value", "week", "pain", "phq9"]])
    assert spec["title"]["text"] == "Dose-response: sleep"
    assert spec["title"]["subtitle"][0].startswith("Typical patient at week 12")


def test_the_charts_text_alternative_is_the_describers_and_the_marks():
    curve = curve_of("crp_mg_l")
    spec = charts.dose_response_chart(curve, current=4.0).to_dict()
    assert spec["description"] == (
        f"{describe_dose_response(curve)} {describe_dose_marks('crp_mg_l', 1.0, 4.0)}"
    )
    lead = charts.dose_response_chart(curve, description="An app's summary.").to_dict()
    assert lead["description"] == f"An app's summary. {describe_dose_marks('crp_mg_l', 1.0)}"
    assert DOSE_DATA_NAMES["now"] not in lead["datasets"]


def test_the_chart_compiles_and_draws_with_vega_lite():
    spec = charts.dose_response_chart(curve_of("opioid_days"), current=120).to_dict()
    svg = vl_convert.vegalite_to_svg(spec)
    assert svg.count("<path") > 10 and "reference" in svg and "now" in svg


@pytest.mark.parametrize(
    ("current", "message"),
    [
        (2.0, "sleep_hours must be a number from 3 to 10"),
        (math.nan, "current must be a finite number"),
        ("5", "current must be a finite number"),
        (True, "current must be a finite number"),
    ],
)
def test_the_chart_refuses_a_bad_value_now(current, message):
    with pytest.raises(ValueError, match=message):
        charts.dose_response_chart(curve_of("sleep_hours"), current=current)


def test_the_chart_refuses_a_bad_curve_or_title():
    with pytest.raises(ValueError, match="dose_response is missing column"):
        charts.dose_response_chart(curve_of("sleep_hours").drop(columns="phq9"))
    with pytest.raises(ValueError, match="column pain must stay from 0 to 10"):
        charts.dose_response_chart(curve_of("sleep_hours").assign(pain=12.0))
    with pytest.raises(ValueError, match="title must be a non-empty string"):
        charts.dose_response_chart(curve_of("sleep_hours"), title=" ")
    part = curve_of("sleep_hours").iloc[:10]  # 3 to 4.6 hours
    with pytest.raises(ValueError, match=r"current must be from 3 to 4\.575"):
        charts.dose_response_chart(part, current=6.0)


def test_the_data_swap_keeps_the_layout_unless_lever_or_week_change():
    curve = curve_of("opioid_days")
    data = dose_response_data(curve, current=30)
    assert charts.dose_response_chart(curve, current=30).to_dict()["datasets"] == data.datasets
    assert dose_response_data(curve, current=400).layout == data.layout
    assert dose_response_data(curve_of("opioid_days", week=20), 30).layout != data.layout
    assert dose_response_data(curve_of("sleep_hours"), 7.0).layout != data.layout


# --------------------------------------------------------------------------- state
def test_the_states_outputs_are_the_models_for_its_inputs():
    scenario = model.Scenario(sleep_hours=5, treatments={"exercise"})
    state = DoseResponseState("activity_minutes", value=60, week=8, scenario=scenario)
    shown = scenario.replace(activity_minutes=60)
    pd.testing.assert_frame_equal(
        state.curve, model.dose_response(scenario, "activity_minutes", 8, DOSE_POINTS)
    )
    pain, phq9 = scores_at(shown, 8)
    assert state.point == {"value": 60.0, "pain": pain, "phq9": phq9}
    assert state.summary == (
        f"{describe_dose_point('activity_minutes', 60, pain, phq9, 8)} "
        f"{describe_dose_response(state.curve)}"
    )
    assert state.value_words == "60 minutes of moderate activity a week"


def test_the_point_lies_on_the_curve_at_a_curve_value():
    state = DoseResponseState("sleep_hours", value=3.0)
    first = state.curve.iloc[0]
    assert (state.point["pain"], state.point["phq9"]) == pytest.approx(
        (first["pain"], first["phq9"]), abs=1e-12
    )


def test_a_new_lever_starts_at_the_patients_value_unless_one_is_given():
    state = DoseResponseState(scenario=model.Scenario(activity_minutes=30))
    assert (state.lever, state.value, state.week) == ("crp_mg_l", 1.0, 12)
    state.lever = "activity_minutes"
    assert state.value == 30.0 and state.curve["lever"].iloc[0] == "activity_minutes"
    assert state.summary.startswith("Now: 30 minutes of moderate activity a week")
    state.set_inputs(value=5, lever="sleep_hours")  # in any order: the lever goes first
    assert (state.lever, state.value) == ("sleep_hours", 5.0)
    assert state.summary.startswith("Now: 5 hours of sleep a night")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("lever", "sleep", "lever must be one of sleep_hours, activity_minutes, crp_mg_l"),
        ("lever", None, "lever must be one of"),
        ("lever", 3, "lever must be one of"),
        ("lever", "weeks", "lever must be one of"),
        ("value", math.nan, r"crp_mg_l must be a number from 0.1 to 10 \(mg/L\); got nan"),
        ("value", None, "crp_mg_l must be a number from 0.1 to 10"),
        ("value", "high", "crp_mg_l must be a number from 0.1 to 10"),
        ("value", 10.5, "crp_mg_l must be a number from 0.1 to 10"),
        ("value", -1, "crp_mg_l must be a number from 0.1 to 10"),
        ("value", True, "crp_mg_l must be a number from 0.1 to 10"),
        ("week", 27, r"week must be a whole number from 0 to 26 \(the scenario's weeks\)"),
        ("week", -1, "week must be a whole number from 0 to 26"),
        ("week", 12.0, "week must be a whole number from 0 to 26"),
        ("week", None, "week must be a whole number from 0 to 26"),
    ],
)
def test_the_state_refuses_bad_input_and_keeps_what_it_had(name, value, message):
    state = DoseResponseState(value=4.0)
    before = (state.inputs(), state.summary, state.refreshes)
    with pytest.raises(ValueError, match=message):
        setattr(state, name, value)
    assert (state.inputs(), state.summary, state.refreshes) == before
    with pytest.raises(ValueError, match=message):
        state.set_inputs(**{name: value})
    assert state.inputs() == before[0]


def test_opioid_days_must_be_whole():
    state = DoseResponseState("opioid_days")
    with pytest.raises(ValueError, match="opioid_days must be a whole number from 0 to 730"):
        state.value = 10.5
    state.value = 90.0
    assert state.value == 90 and isinstance(state.value, int)


def test_the_state_refuses_a_bad_start():
    with pytest.raises(ValueError, match=r"scenario must be a model\.Scenario"):
        DoseResponseState(scenario="default")
    with pytest.raises(ValueError, match="lever must be one of"):
        DoseResponseState("sleep")
    with pytest.raises(ValueError, match="week must be a whole number from 0 to 8"):
        DoseResponseState(week=12, scenario=model.Scenario(weeks=8))
    assert DoseResponseState(scenario=model.Scenario(weeks=8)).week == 8


@settings(max_examples=20, deadline=None)
@given(
    lever=st.sampled_from(model.LEVERS),
    share=st.floats(0, 1),
    week=st.integers(0, 26),
    sleep=st.floats(3, 10),
    treatments=st.sets(st.sampled_from(model.TREATMENTS)),
)
def test_fuzz_any_lever_value_week_and_patient(lever, share, week, sleep, treatments):
    spec = model.SCENARIO_FIELDS[lever]
    value = spec.minimum + share * (spec.maximum - spec.minimum)
    value = round(value) if spec.whole else value
    scenario = model.Scenario(sleep_hours=sleep, treatments=treatments)
    state = DoseResponseState(lever, value=value, week=week, scenario=scenario)
    curve = state.curve
    assert curve["pain"].between(0, 10).all() and curve["phq9"].between(0, 27).all()
    assert 0 <= state.point["pain"] <= 10 and 0 <= state.point["phq9"] <= 27
    assert "nan" not in state.summary and spec.label in state.summary
    spec_ = charts.dose_response_chart(curve, current=state.value).to_dict()
    assert spec_["description"].startswith(describe_dose_response(curve))


# --------------------------------------------------------------------------- widget
@pytest.fixture
def explorer():
    shown = DoseResponseExplorer("sleep_hours", delay_s=0)
    yield shown
    shown.chart.close()
    shown.close()


def _assert_drawn_as_built(shown: DoseResponseExplorer) -> None:
    """The chart widget draws exactly the chart built afresh from the state shown."""
    state = shown.state
    chart = charts.dose_response_chart(state.curve, state.value, description=state.summary)
    assert shown.chart.spec == chart.to_dict()


def test_moving_the_slider_updates_the_state_summary_and_chart_data(explorer):
    chart, before = explorer.chart, explorer.chart.spec
    explorer.slider.value = 5.0
    assert explorer.state.value == 5.0
    assert explorer.summary_text.startswith("Now: 5 hours of sleep a night; at week 12, PHQ-9 9")
    assert explorer.summary_display.value.startswith('<p role="status" aria-live="polite">Now: 5')
    assert explorer.slider.tooltip == "5 hours of sleep a night"
    spec = explorer.chart.spec
    assert spec["datasets"][DOSE_DATA_NAMES["now"]][0]["value"] == 5.0
    assert spec["description"].startswith(explorer.summary_text)
    assert spec != before and explorer.chart is chart and explorer.chart_builds == 1
    _assert_drawn_as_built(explorer)


def test_the_sliders_are_the_simulators(explorer):
    simulator = SimulatorApp(cohort_size=10, delay_s=0)
    for lever, slider in explorer.sliders.items():
        control = simulator.controls[lever]
        assert type(slider) is type(control)
        assert (slider.description, slider.min, slider.max, slider.step) == (
            control.description,
            control.min,
            control.max,
            control.step,
        )
        assert slider.continuous_update is False
    simulator.close()


def test_picking_another_lever_shows_its_slider_and_rebuilds_the_chart_once(explorer):
    explorer.slider.value = 5.0
    explorer.lever_picker.value = "opioid_days"
    assert explorer.state.lever == "opioid_days" and explorer.state.value == 0
    assert explorer._slider_box.children == (explorer.sliders["opioid_days"],)
    assert isinstance(explorer.slider, widgets.IntSlider) and explorer.slider.value == 0
    assert explorer.chart_builds == 2
    assert explorer.chart.spec["vconcat"][0]["layer"][1]["encoding"]["x"]["title"] == (
        "Continuous opioid use so far (days)"
    )
    _assert_drawn_as_built(explorer)
    explorer.slider.value = 200
    assert explorer.chart_builds == 2 and explorer.summary_text.startswith(
        "Now: opioids for 200 days so far"
    )
    _assert_drawn_as_built(explorer)


def test_the_state_set_from_python_moves_the_view(explorer):
    explorer.state.value = 9.5
    assert explorer.slider.value == 9.5
    explorer.state.lever = "crp_mg_l"
    assert explorer.lever_picker.value == "crp_mg_l" and explorer.slider.value == 1.0
    explorer.state.week = 20
    assert explorer.chart.spec["title"]["subtitle"][0].startswith("Typical patient at week 20")
    _assert_drawn_as_built(explorer)


def test_every_slider_at_its_extremes():
    shown = DoseResponseExplorer(delay_s=0)
    for lever in model.LEVERS:
        shown.lever_picker.value = lever
        for bound in (shown.slider.min, shown.slider.max):
            shown.slider.value = bound
            assert shown.state.value == bound and "nan" not in shown.summary_text
            _assert_drawn_as_built(shown)
    shown.close()


def test_the_page_has_a_title_a_labelled_menu_and_the_notice_unless_embedded():
    shown = DoseResponseExplorer(delay_s=0)
    texts = [child.value for child in shown.children if isinstance(child, widgets.HTML)]
    assert texts[0].startswith("<h2>") and "Educational, not diagnostic" in texts[1]
    assert shown.lever_picker.description == "Lever to explore" and shown.lever_picker.tooltip
    assert [value for _label, value in shown.lever_picker.options] == list(model.LEVERS)
    embedded = DoseResponseExplorer(embedded=True, delay_s=0)
    texts = [child.value for child in embedded.children if isinstance(child, widgets.HTML)]
    assert not any("<h2>" in text or "Educational, not diagnostic" in text for text in texts)
    shown.close()
    embedded.close()


def test_the_explorer_refuses_a_state_of_another_kind():
    with pytest.raises(ValueError, match="state must be a DoseResponseState"):
        DoseResponseExplorer(state=object())
    shared = DoseResponseState("opioid_days", value=120)
    shown = DoseResponseExplorer(state=shared)
    assert shown.slider.value == 120 and shown.state is shared
    shown.close()
