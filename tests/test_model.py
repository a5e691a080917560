"""The pain-depression model: bounded, stable, directions as the evidence says, reproducible."""

import dataclasses
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from painmood_widgets import evidence, model
from painmood_widgets.model import (
    LEVERS,
    MEDIATORS,
    SCENARIO_FIELDS,
    TREATMENTS,
    Scenario,
    sensitivity,
    simulate_cohort,
    simulate_patients,
    summarize,
    trajectory,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "model.md"
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CASE = Scenario(
    baseline_pain=evidence.parameter("case_baseline_pain"),
    baseline_phq9=evidence.parameter("case_baseline_phq9"),
    treatments={"duloxetine", "cbt", "exercise"},
)
CASE_WEEK = int(evidence.parameter("case_follow_up_weeks"))
COMBINATION = ("duloxetine", "cbt", "exercise")
# A scenario that moves every lever and uses every treatment, so every coefficient counts.
EVERYTHING = Scenario(
    sleep_hours=5.0,
    activity_minutes=60.0,
    crp_mg_l=4.0,
    opioid_days=60,
    treatments=TREATMENTS,
    baseline_pain=6.0,
    baseline_phq9=12.0,
    weeks=26,
)


def _field(name: str, whole_only: bool = False) -> st.SearchStrategy:
    spec = SCENARIO_FIELDS[name]
    if spec.whole or whole_only:
        return st.integers(int(spec.minimum), int(spec.maximum))
    return st.floats(spec.minimum, spec.maximum, allow_nan=False)


def _scenarios(max_weeks: int = 52) -> st.SearchStrategy:
    return st.builds(
        Scenario,
        sleep_hours=_field("sleep_hours"),
        activity_minutes=_field("activity_minutes"),
        crp_mg_l=_field("crp_mg_l"),
        opioid_days=_field("opioid_days"),
        treatments=st.frozensets(st.sampled_from(TREATMENTS)),
        baseline_pain=_field("baseline_pain"),
        baseline_phq9=_field("baseline_phq9"),
        weeks=st.integers(1, max_weeks),
    )


def _at(scenario: Scenario, week: int = 12) -> pd.Series:
    return trajectory(scenario.replace(weeks=max(week, scenario.weeks))).loc[week]


# --------------------------------------------------------------------------- Scenario
def test_defaults_match_the_published_range_table():
    scenario = Scenario()
    for name, spec in SCENARIO_FIELDS.items():
        assert getattr(scenario, name) == spec.default, name
        assert spec.minimum <= spec.default <= spec.maximum, name
        assert spec.unit and spec.label, name
    assert scenario.treatments == frozenset()
    assert set(LEVERS) <= set(SCENARIO_FIELDS)
    assert tuple(model.TREATMENT_LABELS) == TREATMENTS


def _bad_values(name: str) -> list[object]:
    spec = SCENARIO_FIELDS[name]
    return [spec.minimum - 1, spec.maximum + 1, math.nan, math.inf, -math.inf, True, "5", None]


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name in SCENARIO_FIELDS for value in _bad_values(name)],
)
def test_bad_field_values_name_the_field_and_its_range(name, value):
    spec = SCENARIO_FIELDS[name]
    expected = f"{name} must be .* from {spec.minimum:g} to {spec.maximum:g}"
    with pytest.raises(ValueError, match=expected):
        Scenario(**{name: value})


@pytest.mark.parametrize("name", ["opioid_days", "weeks"])
def test_whole_number_fields_refuse_fractions_but_take_whole_floats(name):
    with pytest.raises(ValueError, match=f"{name} must be a whole number"):
        Scenario(**{name: 10.5})
    assert getattr(Scenario(**{name: 10.0}), name) == 10
    assert isinstance(getattr(Scenario(**{name: np.int64(10)}), name), int)


def test_numbers_are_stored_as_plain_floats():
    scenario = Scenario(sleep_hours=6, crp_mg_l=np.float32(2.5))
    assert type(scenario.sleep_hours) is float
    assert type(scenario.crp_mg_l) is float


def test_unknown_treatment_lists_the_allowed_names():
    allowed = ", ".join(TREATMENTS)
    with pytest.raises(ValueError, match=f"unknown treatment 'acupuncture'.*allowed: {allowed}"):
        Scenario(treatments={"cbt", "acupuncture"})


@pytest.mark.parametrize("bare", ["cbt", "duloxetine", b"cbt", ""])
def test_a_bare_string_of_treatments_is_refused_not_split(bare):
    with pytest.raises(ValueError, match="not the bare string"):
        Scenario(treatments=bare)


def test_treatments_that_are_not_a_collection_are_refused():
    with pytest.raises(ValueError, match="treatments must be a collection"):
        Scenario(treatments=5)


@pytest.mark.parametrize(
    "given_treatments",
    [["cbt", "exercise"], ("exercise", "cbt"), {"cbt", "exercise"}, iter(["cbt", "exercise"])],
)
def test_any_iterable_of_names_becomes_a_frozenset(given_treatments):
    assert Scenario(treatments=given_treatments).treatments == frozenset({"cbt", "exercise"})


def test_scenario_is_frozen_and_hashable():
    scenario = Scenario()
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.sleep_hours = 5.0  # type: ignore[misc]
    assert hash(scenario) == hash(Scenario())


def test_replace_validates_and_names_unknown_fields():
    assert Scenario().replace(sleep_hours=5, treatments=["cbt"]) == Scenario(
        sleep_hours=5.0, treatments={"cbt"}
    )
    with pytest.raises(ValueError, match="unknown Scenario field 'sleep'"):
        Scenario().replace(sleep=5)
    with pytest.raises(ValueError, match="sleep_hours must be a number from 3 to 10"):
        Scenario().replace(sleep_hours=11)


# --------------------------------------------------------------------------- bounds
@PROPERTY
@given(_scenarios())
def test_trajectory_stays_on_the_scales_and_never_nan(scenario):
    course = trajectory(scenario)
    assert list(course.columns) == ["week", "pain", "phq9", *MEDIATORS]
    assert course["week"].tolist() == list(range(scenario.weeks + 1))
    assert np.isfinite(course.to_numpy()).all()
    assert course["pain"].between(0, 10).all()
    assert course["phq9"].between(0, 27).all()
    assert course.loc[0, "pain"] == scenario.baseline_pain
    assert course.loc[0, "phq9"] == scenario.baseline_phq9


@PROPERTY
@given(_scenarios(max_weeks=30), st.integers(0, 2**32 - 1))
def test_cohorts_stay_on_the_scales_and_never_nan(scenario, seed):
    cohort = simulate_cohort(scenario, n=40, seed=seed)
    assert len(cohort) == 40 * (scenario.weeks + 1)
    assert cohort[["pain", "phq9"]].notna().all().all()
    assert cohort["pain"].between(0, 10).all()
    assert cohort["phq9"].between(0, 27).all()


def test_mediators_stay_on_their_documented_scales():
    worst = trajectory(
        Scenario(sleep_hours=3, activity_minutes=0, crp_mg_l=20, opioid_days=730, weeks=104)
    )
    best = trajectory(Scenario(sleep_hours=10, activity_minutes=420, crp_mg_l=0.1, weeks=104))
    assert worst["sleep_debt"].between(0, 4).all()
    assert worst["deconditioning"].between(0, 1).all()
    crp_log_sd = evidence.parameter("crp_log_sd")
    assert worst["inflammation"].between(0, math.log(20) / crp_log_sd).all()
    assert worst["opioid_blunting"].max() == pytest.approx(
        evidence.parameter("opioid_over_180_phq9_smd"), rel=0.01
    )
    assert (
        (best[["sleep_debt", "deconditioning", "inflammation", "opioid_blunting"]] == 0).all().all()
    )


def test_the_loop_is_stable():
    assert 0 < model.loop_gain() < 1


# --------------------------------------------------------------------------- no drift
@PROPERTY
@given(_field("baseline_pain"), _field("baseline_phq9"))
def test_reference_lifestyle_without_treatment_stays_at_baseline(pain, phq9):
    course = trajectory(Scenario(baseline_pain=pain, baseline_phq9=phq9))
    assert (course["pain"] - pain).abs().max() <= 1.0
    assert (course["phq9"] - phq9).abs().max() <= 2.0


@pytest.mark.parametrize(("pain", "phq9"), [(6, 10), (0, 0), (10, 27), (3, 20), (8, 5)])
def test_reference_cohort_does_not_drift_either(pain, phq9):
    band = summarize(simulate_cohort(Scenario(baseline_pain=pain, baseline_phq9=phq9), n=300))
    start, end = band.iloc[0], band.iloc[-1]
    for column in band.columns.drop("week"):
        limit = 1.0 if column.startswith("pain") else 2.0
        assert abs(end[column] - start[column]) <= limit, column


# --------------------------------------------------------------------------- directions
LEVER_CONTRASTS = {
    # lever: (better value, worse value, outcomes that must worsen)
    "sleep_hours": (7.0, 5.0, ("pain", "phq9")),
    "activity_minutes": (150.0, 30.0, ("pain", "phq9")),
    "crp_mg_l": (1.0, 10.0, ("pain", "phq9")),
    "opioid_days": (0, 120, ("phq9",)),
}


@pytest.mark.parametrize("lever", LEVERS)
@pytest.mark.parametrize("base", [Scenario(), CASE, Scenario(baseline_pain=3, baseline_phq9=5)])
def test_each_lever_moves_week_12_in_the_direction_of_the_evidence(lever, base):
    better, worse, outcomes = LEVER_CONTRASTS[lever]
    good = _at(base.replace(**{lever: better}))
    bad = _at(base.replace(**{lever: worse}))
    for outcome in outcomes:
        assert bad[outcome] > good[outcome], outcome


def test_opioid_duration_steps_at_90_and_180_days():
    phq9 = {days: _at(Scenario(opioid_days=days), 1)["phq9"] for days in (0, 60, 95, 200)}
    assert phq9[0] == phq9[60] < phq9[95] < phq9[200]


@PROPERTY
@given(_scenarios(max_weeks=12), st.sampled_from(LEVERS), st.data())
def test_levers_never_act_against_the_evidence(scenario, lever, data):
    first, second = sorted(data.draw(st.lists(_field(lever), min_size=2, max_size=2)))
    low, high = _at(scenario.replace(**{lever: first})), _at(scenario.replace(**{lever: second}))
    tolerance = 1e-9
    if lever in ("sleep_hours", "activity_minutes"):
        assert (low[["pain", "phq9"]] >= high[["pain", "phq9"]] - tolerance).all()
    else:
        assert (low[["pain", "phq9"]] <= high[["pain", "phq9"]] + tolerance).all()


@pytest.mark.parametrize("treatment", TREATMENTS)
@pytest.mark.parametrize(
    "base",
    [Scenario(), CASE.replace(treatments=()), Scenario(sleep_hours=5, opioid_days=200)],
)
def test_each_treatment_lowers_pain_and_phq9(treatment, base):
    without = _at(base)
    with_it = _at(base.replace(treatments={treatment}))
    assert with_it["phq9"] < without["phq9"]
    assert with_it["pain"] < without["pain"]


def test_treatment_sizes_follow_their_evidence():
    phq9_drop = {name: 10.0 - _at(Scenario(treatments={name}))["phq9"] for name in TREATMENTS}
    pain_drop = {name: 6.0 - _at(Scenario(treatments={name}))["pain"] for name in TREATMENTS}
    # CBT helps mood more than pain (Williams 2012); social support is the weakest lever.
    assert phq9_drop["cbt"] / 10 > pain_drop["cbt"] / 6
    assert min(phq9_drop, key=phq9_drop.get) == "social_support"
    assert max(pain_drop, key=pain_drop.get) == "duloxetine"


@PROPERTY
@given(_scenarios(max_weeks=12), st.sampled_from(TREATMENTS))
def test_adding_a_treatment_never_makes_things_worse(scenario, treatment):
    before = _at(scenario)
    after = _at(scenario.replace(treatments=scenario.treatments | {treatment}))
    assert after["pain"] <= before["pain"] + 1e-9
    assert after["phq9"] <= before["phq9"] + 1e-9


@pytest.mark.parametrize("outcome", ["pain", "phq9"])
@pytest.mark.parametrize(
    "base",
    [
        Scenario(),
        Scenario(baseline_pain=7, baseline_phq9=15),
        Scenario(baseline_pain=4, baseline_phq9=8),
    ],
)
def test_combining_treatments_helps_more_than_any_one_and_less_than_the_sum(outcome, base):
    untreated = _at(base)[outcome]
    single = {
        name: untreated - _at(base.replace(treatments={name}))[outcome] for name in COMBINATION
    }
    combined = untreated - _at(base.replace(treatments=COMBINATION))[outcome]
    assert combined > max(single.values())
    assert combined < sum(single.values())


@PROPERTY
@given(_field("baseline_pain"), _field("baseline_phq9"), _field("sleep_hours"))
def test_combination_is_sub_additive_across_baselines(pain, phq9, sleep):
    """Away from the ends of the scales: at a clipped 10 or 27 effects saturate."""
    base = Scenario(baseline_pain=pain, baseline_phq9=phq9, sleep_hours=sleep, weeks=12)
    untreated_course = trajectory(base)
    assume((untreated_course["pain"] < 10).all() and (untreated_course["phq9"] < 27).all())
    for outcome in ("pain", "phq9"):
        untreated = _at(base)[outcome]
        single = [untreated - _at(base.replace(treatments={n}))[outcome] for n in COMBINATION]
        combined = untreated - _at(base.replace(treatments=COMBINATION))[outcome]
        assert max(single) - 1e-9 <= combined <= sum(single) + 1e-9


# --------------------------------------------------------------------------- the case
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_articles_case_is_a_plausible_responder_not_the_average(seed):
    band = summarize(simulate_cohort(CASE, n=2000, seed=seed)).set_index("week").loc[CASE_WEEK]
    for outcome in ("pain", "phq9"):
        reported = evidence.parameter(f"case_follow_up_{outcome}")
        assert band[f"{outcome}_p10"] <= reported <= band[f"{outcome}_p90"], outcome
        assert reported < band[f"{outcome}_p50"], outcome


# --------------------------------------------------------------------------- cohort
def test_same_seed_same_cohort_and_different_seed_different():
    first = simulate_cohort(EVERYTHING, n=200, seed=11)
    again = simulate_cohort(EVERYTHING, n=200, seed=11)
    other = simulate_cohort(EVERYTHING, n=200, seed=12)
    assert first.equals(again)
    assert not first[["pain", "phq9"]].equals(other[["pain", "phq9"]])


def test_cohort_layout():
    cohort = simulate_cohort(Scenario(weeks=3), n=4, seed=0)
    assert list(cohort.columns) == ["patient", "week", "pain", "phq9"]
    assert cohort["patient"].tolist() == [p for p in range(4) for _ in range(4)]
    assert cohort["week"].tolist() == list(range(4)) * 4


def test_patients_differ_from_each_other():
    cohort = simulate_cohort(EVERYTHING, n=500, seed=0)
    week12 = cohort[cohort["week"] == 12]
    assert week12["phq9"].std() > 1.0
    assert week12["pain"].std() > 0.5


def test_simulate_cohort_is_built_on_simulate_patients():
    n, seed = 50, 4
    cohort = simulate_cohort(EVERYTHING, n=n, seed=seed)
    rng = np.random.default_rng(seed)
    spread = rng.standard_normal((n, 2))
    pain_sd = evidence.parameter("cohort_baseline_pain_sd")
    phq9_sd = evidence.parameter("cohort_baseline_phq9_sd")
    ones = np.ones(n)
    pain, phq9 = simulate_patients(
        sleep_hours=ones * EVERYTHING.sleep_hours,
        activity_minutes=ones * EVERYTHING.activity_minutes,
        crp_mg_l=ones * EVERYTHING.crp_mg_l,
        opioid_days=ones * EVERYTHING.opioid_days,
        treatment_mask=np.ones((n, len(TREATMENTS)), dtype=bool),
        baseline_pain=np.clip(EVERYTHING.baseline_pain + pain_sd * spread[:, 0], 0, 10),
        baseline_phq9=np.clip(EVERYTHING.baseline_phq9 + phq9_sd * spread[:, 1], 0, 27),
        weeks=EVERYTHING.weeks,
        rng=rng,
        dtype=np.float32,
    )
    assert np.array_equal(cohort["pain"].to_numpy(), pain.ravel())
    assert np.array_equal(cohort["phq9"].to_numpy(), phq9.ravel())


def test_cohort_median_tracks_the_typical_patient():
    typical = trajectory(EVERYTHING)
    band = summarize(simulate_cohort(EVERYTHING, n=3000, seed=0))
    assert (band["pain_p50"] - typical["pain"]).abs().max() < 0.5
    assert (band["phq9_p50"] - typical["phq9"]).abs().max() < 1.5


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"n": 0}, "n must be a whole number from 1 to 1000000"),
        ({"n": 2.5}, "n must be a whole number"),
        ({"n": True}, "n must be a whole number"),
        ({"seed": -1}, "seed must be a whole number, 0 or more"),
        ({"seed": "a"}, "seed must be a whole number"),
    ],
)
def test_simulate_cohort_checks_its_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        simulate_cohort(Scenario(weeks=2), **arguments)


def test_functions_refuse_things_that_are_not_scenarios():
    for function in (trajectory, simulate_cohort, sensitivity, model.evidence_behind):
        with pytest.raises(TypeError, match="scenario must be a Scenario"):
            function({"sleep_hours": 5})


# --------------------------------------------------------------------------- core
def _patients(n: int = 3, **changes: object) -> dict[str, object]:
    arguments: dict[str, object] = {
        "sleep_hours": np.full(n, 6.0),
        "activity_minutes": np.full(n, 100.0),
        "crp_mg_l": np.full(n, 2.0),
        "opioid_days": np.zeros(n),
        "treatment_mask": np.zeros((n, len(TREATMENTS)), dtype=bool),
        "baseline_pain": np.full(n, 6.0),
        "baseline_phq9": np.full(n, 12.0),
        "weeks": 8,
        "rng": np.random.default_rng(0),
    }
    arguments.update(changes)
    return arguments


def test_simulate_patients_shapes_and_dtypes():
    pain, phq9 = simulate_patients(**_patients())
    assert pain.shape == phq9.shape == (3, 9)
    assert pain.dtype == np.float64
    pain32, _ = simulate_patients(**_patients(), dtype=np.float32)
    assert pain32.dtype == np.float32
    assert np.allclose(pain32, pain, atol=1e-4)
    assert pain[:, 0].tolist() == [6.0] * 3


def test_each_patient_is_simulated_as_if_alone(tmp_path):
    """Batching never mixes patients: with the spread switched off in the evidence table,
    each row of a mixed batch equals that patient simulated on their own."""
    n = len(TREATMENTS) + 1
    mixed = _patients(
        n,
        sleep_hours=np.linspace(3, 10, n),
        activity_minutes=np.linspace(0, 420, n),
        crp_mg_l=np.linspace(0.1, 20, n),
        opioid_days=np.linspace(0, 730, n),
        treatment_mask=np.vstack(
            [np.zeros(len(TREATMENTS), bool), np.eye(len(TREATMENTS), dtype=bool)]
        ),
        baseline_pain=np.linspace(0, 10, n),
        baseline_phq9=np.linspace(27, 0, n),
    )
    table = evidence.load_evidence()
    spread = table["parameter"].isin(["lever_sensitivity_sd_log", "treatment_response_sd_log"])
    table.loc[spread, "value"] = 0.0
    table.to_csv(tmp_path / "no_spread.csv", index=False)
    with evidence.use_evidence(tmp_path / "no_spread.csv"):
        pain, phq9 = simulate_patients(**mixed)
        for patient in range(n):
            alone = {
                key: value[[patient]] if isinstance(value, np.ndarray) else value
                for key, value in mixed.items()
            }
            alone_pain, alone_phq9 = simulate_patients(**alone)
            assert np.allclose(alone_pain[0], pain[patient]), patient
            assert np.allclose(alone_phq9[0], phq9[patient]), patient


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sleep_hours": np.array([6.0, 6.0])}, "has 3 values but sleep_hours has 2"),
        ({"sleep_hours": np.array([6.0, np.nan, 6.0])}, "sleep_hours must be .* from 3 to 10"),
        ({"crp_mg_l": np.array([2.0, 2.0, 50.0])}, "crp_mg_l must be .* from 0.1 to 20"),
        ({"opioid_days": np.array([0, -1, 0])}, "opioid_days must be .* from 0 to 730"),
        ({"baseline_phq9": np.array(["a", "b", "c"])}, "baseline_phq9 must be a 1-D array"),
        ({"baseline_pain": np.ones((3, 1))}, "baseline_pain must be a 1-D array"),
        (
            {"activity_minutes": np.array([True, False, True])},
            "activity_minutes must be a 1-D array",
        ),
        ({"treatment_mask": np.zeros((3, 6))}, "treatment_mask must be a bool array of shape"),
        ({"treatment_mask": np.zeros((3, 5), dtype=bool)}, "treatment_mask must be a bool array"),
        ({"weeks": 0}, "weeks must be a whole number from 1 to 104"),
        ({"weeks": 8.0}, "weeks must be a whole number from 1 to 104"),
        ({"rng": 0}, "rng must be a numpy.random.Generator"),
    ],
)
def test_simulate_patients_checks_its_inputs(changes, message):
    with pytest.raises(ValueError, match=message):
        simulate_patients(**_patients(**changes))


def test_simulate_patients_refuses_empty_input_and_odd_dtypes():
    with pytest.raises(ValueError, match="at least one patient"):
        simulate_patients(**_patients(0))
    with pytest.raises(ValueError, match=r"dtype must be numpy\.float64 or numpy\.float32"):
        simulate_patients(**_patients(), dtype=np.float16)


# --------------------------------------------------------------------------- summaries
def test_summarize_gives_ordered_percentiles_per_week():
    band = summarize(simulate_cohort(EVERYTHING, n=300))
    assert list(band.columns) == [
        "week",
        "pain_p10",
        "pain_p50",
        "pain_p90",
        "phq9_p10",
        "phq9_p50",
        "phq9_p90",
    ]
    assert tuple(band.columns) == model.SUMMARY_COLUMNS
    assert band["week"].tolist() == list(range(EVERYTHING.weeks + 1))
    for outcome in ("pain", "phq9"):
        assert (band[f"{outcome}_p10"] <= band[f"{outcome}_p50"]).all()
        assert (band[f"{outcome}_p50"] <= band[f"{outcome}_p90"]).all()


def test_summarize_matches_numpy_percentiles():
    cohort = simulate_cohort(CASE, n=101, seed=3)
    band = summarize(cohort).set_index("week")
    week12 = cohort[cohort["week"] == 12]
    for outcome in ("pain", "phq9"):
        expected = np.percentile(week12[outcome].to_numpy(np.float64), [10, 50, 90])
        got = band.loc[12, [f"{outcome}_p10", f"{outcome}_p50", f"{outcome}_p90"]]
        assert np.allclose(got.to_numpy(float), expected)


@pytest.mark.parametrize(
    ("cohort", "message"),
    [
        (pd.DataFrame({"week": [0], "pain": [1.0]}), r"lacks the columns \['phq9'\]"),
        (pd.DataFrame({"week": [], "pain": [], "phq9": []}), "at least one row"),
        ([1, 2, 3], "cohort must be a pandas DataFrame"),
    ],
)
def test_summarize_checks_its_input(cohort, message):
    with pytest.raises(ValueError, match=message):
        summarize(cohort)


def test_sensitivity_table_for_a_tornado_chart():
    bars = sensitivity(Scenario(), outcome="phq9", week=12)
    assert list(bars.columns) == ["lever", "low", "high", "outcome_low", "outcome_high"]
    assert sorted(bars["lever"]) == sorted(LEVERS)
    rows = bars.set_index("lever")
    for lever in LEVERS:
        assert rows.loc[lever, "low"] == SCENARIO_FIELDS[lever].minimum
        assert rows.loc[lever, "high"] == SCENARIO_FIELDS[lever].maximum
    assert rows.loc["sleep_hours", "outcome_low"] > rows.loc["sleep_hours", "outcome_high"]
    assert (
        rows.loc["activity_minutes", "outcome_low"] > rows.loc["activity_minutes", "outcome_high"]
    )
    assert rows.loc["crp_mg_l", "outcome_high"] > rows.loc["crp_mg_l", "outcome_low"]
    assert rows.loc["opioid_days", "outcome_high"] > rows.loc["opioid_days", "outcome_low"]
    swings = (bars["outcome_high"] - bars["outcome_low"]).abs()
    assert swings.is_monotonic_decreasing


def test_sensitivity_agrees_with_trajectory():
    scenario = Scenario(sleep_hours=6, treatments={"cbt"})
    rows = sensitivity(scenario, outcome="pain", week=8).set_index("lever")
    low_sleep = _at(scenario.replace(sleep_hours=3), 8)["pain"]
    assert rows.loc["sleep_hours", "outcome_low"] == pytest.approx(low_sleep)
    low_crp = _at(scenario.replace(crp_mg_l=0.1), 8)["pain"]
    assert rows.loc["crp_mg_l", "outcome_low"] == pytest.approx(low_crp)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"outcome": "mood"}, "outcome must be one of pain, phq9"),
        ({"week": 27}, "week must be a whole number from 0 to 26"),
        ({"week": -1}, "week must be a whole number from 0 to 26"),
        ({"week": 1.5}, "week must be a whole number"),
        ({"week": True}, "week must be a whole number"),
    ],
)
def test_sensitivity_checks_outcome_and_week(arguments, message):
    with pytest.raises(ValueError, match=message):
        sensitivity(Scenario(), **arguments)


def test_sensitivity_at_week_0_is_flat():
    bars = sensitivity(Scenario(), week=0)
    assert (bars["outcome_low"] == 10.0).all() and (bars["outcome_high"] == 10.0).all()


def test_evidence_behind_lists_the_rows_a_result_rests_on():
    plain = set(model.evidence_behind(Scenario())["parameter"])
    assert "coupling_pain_to_phq9" in plain
    assert not plain & {"sleep_short_depression_smd", "cbt_phq9_smd"}
    rich = set(model.evidence_behind(EVERYTHING)["parameter"])
    assert set(model.MODEL_PARAMETERS) - rich == {
        "cohort_baseline_pain_sd",
        "cohort_baseline_phq9_sd",
        "lever_sensitivity_sd_log",
        "treatment_response_sd_log",
    }


# --------------------------------------------------------------------------- evidence drives it
def _modified_table(tmp_path, name: str, value: float):
    table = evidence.load_evidence()
    assert name in set(table["parameter"]), name
    table.loc[table["parameter"] == name, "value"] = value
    path = tmp_path / f"{name}.csv"
    table.to_csv(path, index=False)
    return path


def _outputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    return trajectory(EVERYTHING), simulate_cohort(EVERYTHING, n=20, seed=0)


def test_changing_an_evidence_row_changes_the_model(tmp_path):
    before = _at(Scenario(treatments={"cbt"}))["phq9"]
    with evidence.use_evidence(_modified_table(tmp_path, "cbt_phq9_smd", 0.9)):
        stronger = _at(Scenario(treatments={"cbt"}))["phq9"]
    after = _at(Scenario(treatments={"cbt"}))["phq9"]
    assert stronger < before
    assert after == before


@pytest.mark.parametrize("name", model.MODEL_PARAMETERS)
def test_every_model_parameter_is_read_from_the_table(tmp_path, name):
    course, cohort = _outputs()
    value = evidence.parameter(name)
    with evidence.use_evidence(_modified_table(tmp_path, name, value * 1.25 if value else 0.1)):
        changed_course, changed_cohort = _outputs()
    assert not (course.equals(changed_course) and cohort.equals(changed_cohort)), name


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("coupling_pain_to_phq9", 10.0, "loop gain"),
        ("pain_time_constant_weeks", 0.0, "pain_time_constant_weeks must be positive"),
        ("phq9_sd_points", -1.0, "phq9_sd_points must be positive"),
        ("cbt_phq9_smd", 4.0, "cbt_pain_smd and cbt_phq9_smd must each remove less"),
        ("lever_sensitivity_sd_log", -0.5, "lever_sensitivity_sd_log must be zero or positive"),
    ],
)
def test_evidence_the_model_cannot_use_is_refused_by_name(tmp_path, name, value, message):
    with (
        evidence.use_evidence(_modified_table(tmp_path, name, value)),
        pytest.raises(ValueError, match=message),
    ):
        trajectory(Scenario())
    assert not trajectory(Scenario()).empty


def test_the_teachers_page_names_every_model_parameter():
    page = DOCS.read_text(encoding="utf-8")
    assert [name for name in model.MODEL_PARAMETERS if f"`{name}`" not in page] == []
    assert f"**{model.loop_gain():.2f}**" in page
