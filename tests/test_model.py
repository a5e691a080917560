"""The pain-depression model: bounded, calibrated, directions as the evidence says, no
silent dead zone, reproducible, and driven by the evidence table."""

import math

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
from tests.helpers import evidence_with

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CASE = Scenario(
    baseline_pain=evidence.parameter("case_baseline_pain"),
    baseline_phq9=evidence.parameter("case_baseline_phq9"),
    treatments={"duloxetine", "cbt", "exercise"},
)
COMBINATION = ("duloxetine", "cbt", "exercise")
# A scenario that moves every lever and uses every treatment, so every coefficient counts
# (sleep 6 h: a sleep debt below the CBT-I trials', so that row counts too).
EVERYTHING = Scenario(
    sleep_hours=6.0,
    activity_minutes=60.0,
    crp_mg_l=4.0,
    opioid_days=60,
    treatments=TREATMENTS,
    baseline_pain=6.0,
    baseline_phq9=12.0,
    weeks=26,
)
# The untreated course switched off: what is left is the levers, treatments and loop.
NO_NATURAL_COURSE = {
    "natural_course_pain_fraction": 0.0,
    "natural_course_phq9_fraction": 0.0,
    "natural_course_spread": 1e-12,
}


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
        Scenario(sleep_hours=3, activity_minutes=0, crp_mg_l=10, opioid_days=730, weeks=104)
    )
    best = trajectory(Scenario(sleep_hours=10, activity_minutes=420, crp_mg_l=0.1, weeks=104))
    assert worst["sleep_debt"].between(0, 4).all()
    assert worst["deconditioning"].between(0, 1).all()
    assert worst["inflammation"].between(0, math.log(10) / evidence.parameter("crp_log_sd")).all()
    assert worst["opioid_analgesia"].between(0, 1).all()
    assert worst["opioid_blunting"].max() == pytest.approx(
        evidence.parameter("opioid_over_180_phq9_smd"), rel=1e-6
    )
    assert (
        (best[["sleep_debt", "inflammation", "opioid_analgesia", "opioid_blunting"]] == 0)
        .all()
        .all()
    )
    assert (best["deconditioning"] < 0).iloc[1:].all()  # fitter than at 150 minutes


# --------------------------------------------------------------------------- no drift
@PROPERTY
@given(_field("baseline_pain"), _field("baseline_phq9"))
def test_without_usual_care_the_reference_lifestyle_stays_exactly_at_baseline(
    tmp_path_factory, pain, phq9
):
    path = evidence_with(tmp_path_factory.mktemp("flat"), **NO_NATURAL_COURSE)
    with evidence.use_evidence(path):
        course = trajectory(Scenario(baseline_pain=pain, baseline_phq9=phq9, weeks=104))
    assert (course["pain"] - pain).abs().max() <= 1e-12
    assert (course["phq9"] - phq9).abs().max() <= 1e-12


@PROPERTY
@given(_field("baseline_pain"), _field("baseline_phq9"))
def test_usual_care_resolves_exactly_its_documented_share_by_week_12(pain, phq9):
    """docs/model.md: the typical untreated patient loses natural_course_pain_fraction of
    baseline pain and natural_course_phq9_fraction of baseline PHQ-9 by week 12."""
    week = int(evidence.parameter("calibration_week"))
    at_week = _at(Scenario(baseline_pain=pain, baseline_phq9=phq9), week)
    expected_pain = pain * (1 - evidence.parameter("natural_course_pain_fraction"))
    expected_phq9 = phq9 * (1 - evidence.parameter("natural_course_phq9_fraction"))
    assert at_week["pain"] == pytest.approx(expected_pain, abs=1e-9)
    assert at_week["phq9"] == pytest.approx(expected_phq9, abs=1e-9)


def test_without_usual_care_and_spread_a_reference_cohort_stays_at_its_baselines(tmp_path):
    values = {**NO_NATURAL_COURSE, "lever_sensitivity_sd_log": 0.0}
    with evidence.use_evidence(evidence_with(tmp_path, **values)):
        cohort = simulate_cohort(Scenario(baseline_pain=5, baseline_phq9=14), n=300)
    start = cohort[cohort["week"] == 0].set_index("patient")
    end = cohort[cohort["week"] == 26].set_index("patient")
    assert (end[["pain", "phq9"]] - start[["pain", "phq9"]]).abs().max().max() <= 1e-5


def test_untreated_patients_improve_as_control_arms_do():
    week12 = simulate_cohort(Scenario(baseline_pain=6, baseline_phq9=15, weeks=12), n=2000)
    start, end = week12[week12["week"] == 0], week12[week12["week"] == 12]
    assert end["pain"].median() < start["pain"].median()
    assert end["phq9"].median() < start["phq9"].median()
    # ...but not all: the spread of the untreated course lets some get worse
    change = end.set_index("patient")["phq9"] - start.set_index("patient")["phq9"]
    assert 0.1 < (change > 0).mean() < 0.5


# --------------------------------------------------------------------------- directions
LEVER_CONTRASTS = {
    # lever: (better value, worse value, outcomes that must worsen)
    "sleep_hours": (7.0, 5.0, ("pain", "phq9")),
    "activity_minutes": (150.0, 30.0, ("pain", "phq9")),
    "crp_mg_l": (1.0, 8.0, ("pain", "phq9")),
    "opioid_days": (1, 200, ("phq9",)),
}


@pytest.mark.parametrize("lever", LEVERS)
@pytest.mark.parametrize("base", [Scenario(), CASE, Scenario(baseline_pain=3, baseline_phq9=5)])
def test_each_lever_moves_week_12_in_the_direction_of_the_evidence(lever, base):
    better, worse, outcomes = LEVER_CONTRASTS[lever]
    good = _at(base.replace(**{lever: better}))
    bad = _at(base.replace(**{lever: worse}))
    for outcome in outcomes:
        assert bad[outcome] > good[outcome], outcome


def test_opioids_relieve_pain_a_little_and_raise_phq9_with_duration():
    none, some = _at(Scenario(), 4), _at(Scenario(opioid_days=1), 4)
    relief = evidence.parameter("opioid_pain_relief_points")
    assert 0 < none["pain"] - some["pain"] <= relief
    phq9 = {days: _at(Scenario(opioid_days=days), 1)["phq9"] for days in (1, 60, 95, 200, 700)}
    assert phq9[1] == phq9[60] < phq9[95] < phq9[200] == phq9[700]


@PROPERTY
@given(_scenarios(max_weeks=12), st.sampled_from(LEVERS), st.data())
def test_levers_never_act_against_the_evidence(scenario, lever, data):
    if lever == "sleep_hours":  # CBT-I helps short sleepers only: see the test below
        scenario = scenario.replace(treatments=scenario.treatments - {"cbt_i"})
    first, second = sorted(data.draw(st.lists(_field(lever), min_size=2, max_size=2)))
    low, high = _at(scenario.replace(**{lever: first})), _at(scenario.replace(**{lever: second}))
    tolerance = 1e-9
    if lever in ("sleep_hours", "activity_minutes"):
        assert (low[["pain", "phq9"]] >= high[["pain", "phq9"]] - tolerance).all()
    elif lever == "crp_mg_l" or first >= 1:  # once on opioids, longer use: never better
        assert (low[["pain", "phq9"]] <= high[["pain", "phq9"]] + tolerance).all()
    else:  # starting opioids relieves pain (and, through the loop, lifts mood a little)
        assert high["pain"] <= low["pain"] + tolerance


def test_crp_acts_on_mood_more_than_on_pain():
    low, high = _at(Scenario(crp_mg_l=1, weeks=52), 52), _at(Scenario(crp_mg_l=10, weeks=52), 52)
    pain_sd = evidence.parameter("pain_sd_points")
    phq9_sd = evidence.parameter("phq9_sd_points")
    assert (high["phq9"] - low["phq9"]) / phq9_sd > 3 * (high["pain"] - low["pain"]) / pain_sd > 0


def test_the_shortest_sleep_weighs_less_than_all_treatments_together():
    """Model v1 let 3 h of sleep add more PHQ-9 than six treatments removed."""
    base = Scenario(baseline_pain=6, baseline_phq9=12)
    short = _at(base.replace(sleep_hours=3))["phq9"] - _at(base)["phq9"]
    treated = _at(base)["phq9"] - _at(base.replace(treatments=TREATMENTS, sleep_hours=6))["phq9"]
    assert 0 < short < treated / 2


@pytest.mark.parametrize("treatment", [name for name in TREATMENTS if name != "cbt_i"])
@pytest.mark.parametrize(
    "base",
    [Scenario(), CASE.replace(treatments=()), Scenario(sleep_hours=5, opioid_days=200)],
)
def test_each_treatment_lowers_pain_and_phq9(treatment, base):
    without = _at(base)
    with_it = _at(base.replace(treatments={treatment}))
    assert with_it["phq9"] < without["phq9"]
    assert with_it["pain"] < without["pain"]


def test_cbt_i_acts_through_sleep_little_for_a_good_sleeper():
    def gain(sleep: float) -> float:
        base = Scenario(sleep_hours=sleep)
        return _at(base)["phq9"] - _at(base.replace(treatments={"cbt_i"}))["phq9"]

    assert gain(4) == pytest.approx(gain(5.5), rel=1e-9)  # the whole trial effect
    assert gain(5.5) > gain(6.5) > gain(7) == 0.0 == gain(9)


def test_with_cbt_i_a_short_sleeper_can_end_below_a_good_sleeper_and_a_note_says_why():
    """CBT-I's trial effect (in people with insomnia) is larger than the cohort effect of
    short sleep, so with the box ticked, moving sleep up to 7 hours removes more of CBT-I's
    benefit than of short sleep's harm. At 7 hours the summary says CBT-I adds nothing."""
    short = Scenario(sleep_hours=6, treatments={"cbt_i"})
    good = short.replace(sleep_hours=7)
    assert _at(short)["phq9"] < _at(good)["phq9"]
    silent = {note.control for note in model.notes(good) if note.kind == "no effect"}
    assert {"sleep_hours", "cbt_i"} <= silent


def test_the_exercise_programme_acts_through_activity_and_shrinks_for_the_active():
    def gain(minutes: float, outcome: str) -> float:
        base = Scenario(activity_minutes=minutes)
        return _at(base)[outcome] - _at(base.replace(treatments={"exercise"}))[outcome]

    for outcome in ("pain", "phq9"):
        assert gain(0, outcome) > gain(150, outcome) > gain(420, outcome) > 0
    # the same as the activity it adds: a programme at 0 minutes is 150 minutes of activity
    programme = evidence.parameter("exercise_programme_minutes")
    assert _at(Scenario(activity_minutes=0, treatments={"exercise"}))["phq9"] == pytest.approx(
        _at(Scenario(activity_minutes=programme))["phq9"], abs=1e-12
    )


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
        Scenario(baseline_pain=4, baseline_phq9=8, activity_minutes=40),
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
    """Away from the ends of the scales: at a clipped 0, 10 or 27 effects saturate."""
    base = Scenario(baseline_pain=pain, baseline_phq9=phq9, sleep_hours=sleep, weeks=12)
    treated = trajectory(base.replace(treatments=COMBINATION))
    assume((trajectory(base)[["pain", "phq9"]] < [10, 27]).all().all())
    assume((treated[["pain", "phq9"]] > 0).all().all())
    for outcome in ("pain", "phq9"):
        untreated = _at(base)[outcome]
        single = [untreated - _at(base.replace(treatments={n}))[outcome] for n in COMBINATION]
        combined = untreated - _at(base.replace(treatments=COMBINATION))[outcome]
        assert max(single) - 1e-9 <= combined <= sum(single) + 1e-9


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
    band = summarize(simulate_cohort(EVERYTHING, n=4000, seed=0))
    assert (band["pain_p50"] - typical["pain"]).abs().max() < 0.3
    assert (band["phq9_p50"] - typical["phq9"]).abs().max() < 0.6


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
    for function in (
        trajectory,
        simulate_cohort,
        sensitivity,
        model.evidence_behind,
        model.notes,
        model.usual_care,
    ):
        with pytest.raises(TypeError, match="scenario must be a Scenario"):
            function({"sleep_hours": 5})
    with pytest.raises(TypeError, match="scenario must be a Scenario"):
        model.lever_effects({"sleep_hours": 5}, 12)


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
        crp_mg_l=np.linspace(0.1, 10, n),
        opioid_days=np.linspace(0, 730, n).round(),
        treatment_mask=np.vstack(
            [np.zeros(len(TREATMENTS), bool), np.eye(len(TREATMENTS), dtype=bool)]
        ),
        baseline_pain=np.linspace(0, 10, n),
        baseline_phq9=np.linspace(27, 0, n),
    )
    path = evidence_with(tmp_path, lever_sensitivity_sd_log=0.0, natural_course_spread=1e-12)
    with evidence.use_evidence(path):
        pain, phq9 = simulate_patients(**mixed)
        for patient in range(n):
            alone = {
                key: value[[patient]] if isinstance(value, np.ndarray) else value
                for key, value in mixed.items()
            }
            alone_pain, alone_phq9 = simulate_patients(**alone)
            assert np.allclose(alone_pain[0], pain[patient], atol=1e-9), patient
            assert np.allclose(alone_phq9[0], phq9[patient], atol=1e-9), patient


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sleep_hours": np.array([6.0, 6.0])}, "has 3 values but sleep_hours has 2"),
        ({"sleep_hours": np.array([6.0, np.nan, 6.0])}, "sleep_hours must be .* from 3 to 10"),
        ({"crp_mg_l": np.array([2.0, 2.0, 50.0])}, "crp_mg_l must be .* from 0.1 to 10"),
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
    assert (
        tuple(band.columns)
        == model.SUMMARY_COLUMNS
        == (
            "week",
            "pain_p10",
            "pain_p50",
            "pain_p90",
            "phq9_p10",
            "phq9_p50",
            "phq9_p90",
        )
    )
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


def test_summarize_gives_the_same_band_for_any_row_order():
    """A cohort laid out patient by patient takes a fast path; shuffled rows the general one."""
    cohort = simulate_cohort(EVERYTHING, n=257, seed=5)
    shuffled = cohort.sample(frac=1.0, random_state=1)
    pd.testing.assert_frame_equal(summarize(cohort), summarize(shuffled), rtol=1e-12)
    assert summarize(cohort)["week"].dtype == summarize(shuffled)["week"].dtype


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
        low = _at(Scenario().replace(**{lever: SCENARIO_FIELDS[lever].minimum}))["phq9"]
        assert rows.loc[lever, "outcome_low"] == pytest.approx(low, abs=1e-12)
    assert rows.loc["sleep_hours", "outcome_low"] > rows.loc["sleep_hours", "outcome_high"]
    assert rows.loc["crp_mg_l", "outcome_high"] > rows.loc["crp_mg_l", "outcome_low"]
    assert rows.loc["opioid_days", "outcome_high"] > rows.loc["opioid_days", "outcome_low"]
    swings = (bars["outcome_high"] - bars["outcome_low"]).abs()
    assert swings.is_monotonic_decreasing


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


# --------------------------------------------------------------------------- lever effects
def test_lever_effects_are_differences_from_the_reference_lifestyle():
    scenario = Scenario(sleep_hours=5, activity_minutes=30, crp_mg_l=5, opioid_days=200)
    effects = model.lever_effects(scenario, 12).set_index("lever")
    reference = model.reference_lifestyle()
    for lever in LEVERS:
        base = _at(scenario.replace(**{lever: reference[lever]}))
        for outcome in ("pain", "phq9"):
            assert effects.loc[lever, outcome] == pytest.approx(
                _at(scenario)[outcome] - base[outcome], abs=1e-12
            )
        assert effects.loc[lever, "reference"] == reference[lever]
    assert (model.lever_effects(Scenario(), 12)[["pain", "phq9"]] == 0).all().all()


def test_usual_care_keeps_the_start_and_drops_levers_and_treatments():
    scenario = Scenario(sleep_hours=4, opioid_days=90, treatments={"cbt"}, baseline_pain=8)
    usual = model.usual_care(scenario)
    assert (usual.baseline_pain, usual.baseline_phq9, usual.weeks) == (8.0, 10.0, 26)
    assert usual.treatments == frozenset()
    assert {lever: getattr(usual, lever) for lever in LEVERS} == model.reference_lifestyle()


# --------------------------------------------------------------------------- evidence
def test_evidence_behind_lists_the_rows_a_result_rests_on():
    plain = set(model.evidence_behind(Scenario())["parameter"])
    assert {"coupling_pain_to_phq9", "natural_course_phq9_fraction"} <= plain
    assert not plain & {"sleep_short_depression_smd", "cbt_phq9_smd"}
    rich = set(model.evidence_behind(EVERYTHING)["parameter"])
    assert set(model.MODEL_PARAMETERS) - rich == set(model.COHORT_PARAMETERS)
    flat = set(model.evidence_behind(Scenario(sleep_hours=10, crp_mg_l=0.5))["parameter"])
    assert {"sleep_long_depression_rr", "crp_reference_mg_l"} <= flat


def _outputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    return trajectory(EVERYTHING), simulate_cohort(EVERYTHING, n=20, seed=0)


def test_changing_an_evidence_row_changes_the_model(tmp_path):
    before = _at(Scenario(treatments={"cbt"}))["phq9"]
    with evidence.use_evidence(evidence_with(tmp_path, cbt_phq9_smd=0.9)):
        stronger = _at(Scenario(treatments={"cbt"}))["phq9"]
    after = _at(Scenario(treatments={"cbt"}))["phq9"]
    assert stronger < before
    assert after == before


@pytest.mark.parametrize("name", model.MODEL_PARAMETERS)
def test_every_model_parameter_is_read_from_the_table(tmp_path, name):
    course, cohort = _outputs()
    value = evidence.parameter(name)
    changed = value + 1 if name.endswith(("_week", "_days", "_minutes")) else value * 1.25
    with evidence.use_evidence(evidence_with(tmp_path, **{name: changed if value else 0.1})):
        changed_course, changed_cohort = _outputs()
    assert not (course.equals(changed_course) and cohort.equals(changed_cohort)), name


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("coupling_pain_to_phq9", 10.0, "loop gain"),
        ("pain_time_constant_weeks", 0.0, "pain_time_constant_weeks must be positive"),
        ("phq9_sd_points", -1.0, "phq9_sd_points must be positive"),
        ("calibration_week", 12.5, "calibration_week must be a whole number"),
        ("cbt_phq9_smd", 4.0, "cbt_pain_smd and cbt_phq9_smd must each remove less"),
        ("lever_sensitivity_sd_log", -0.5, "lever_sensitivity_sd_log must be zero or positive"),
    ],
)
def test_evidence_the_model_cannot_use_is_refused_by_name(tmp_path, name, value, message):
    with (
        evidence.use_evidence(evidence_with(tmp_path, **{name: value})),
        pytest.raises(ValueError, match=message),
    ):
        trajectory(Scenario())
    assert not trajectory(Scenario()).empty
