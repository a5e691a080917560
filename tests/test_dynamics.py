"""The model's equations: the readable weekly step is what runs, the fast kernel computes
the same to 1e-9, and no control is silently dead anywhere in its range."""

import numpy as np
import pytest

from painmood_widgets import dynamics, kernel, model
from painmood_widgets.coefficients import TREATMENTS, coefficients
from painmood_widgets.dynamics import Patient, Week, weekly_step
from painmood_widgets.model import LEVERS, SCENARIO_FIELDS, Scenario


def _random_patients(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    def uniform(name: str) -> np.ndarray:
        spec = SCENARIO_FIELDS[name]
        values = rng.uniform(spec.minimum, spec.maximum, n)
        return np.round(values) if spec.whole else values

    patients = {name: uniform(name) for name in (*LEVERS, "baseline_pain", "baseline_phq9")}
    patients["opioid_days"] = np.where(rng.random(n) < 0.4, 0.0, patients["opioid_days"])
    patients["sleep_hours"] = np.where(rng.random(n) < 0.2, 7.0, patients["sleep_hours"])
    return patients


def _step_by_step(arrays: dict, mask, sensitivity, natural, weeks, c) -> np.ndarray:
    """Every patient run alone through the readable weekly step (the specification)."""
    n = mask.shape[0]
    out = np.empty((2, weeks + 1, n))
    for i in range(n):
        patient = Patient(
            baseline_pain=arrays["baseline_pain"][i],
            baseline_phq9=arrays["baseline_phq9"][i],
            sleep_hours=arrays["sleep_hours"][i],
            activity_minutes=arrays["activity_minutes"][i],
            crp_mg_l=arrays["crp_mg_l"][i],
            opioid_days=arrays["opioid_days"][i],
            treatments=frozenset(name for name, on in zip(TREATMENTS, mask[i], strict=True) if on),
            sensitivity=tuple(sensitivity[:, i]),
            natural_pain=natural[0][i],
            natural_phq9=natural[1][i],
        )
        week = Week(0, patient.baseline_pain, patient.baseline_phq9)
        out[:, 0, i] = week.pain, week.phq9
        for t in range(1, weeks + 1):
            week = weekly_step(week, patient, c)
            out[:, t, i] = week.pain, week.phq9
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_kernel_computes_what_the_weekly_step_computes(seed):
    """Hundreds of random patients, mixed plans: the path the synthetic cohort takes."""
    rng = np.random.default_rng(seed)
    n, weeks = 150, 40
    arrays = _random_patients(rng, n)
    mask = rng.random((n, len(TREATMENTS))) < 0.4
    sensitivity = np.exp(0.5 * rng.standard_normal((len(LEVERS), n)))
    natural = 0.2 + 0.35 * rng.standard_normal((2, n))
    c = coefficients()
    pain, phq9 = kernel.simulate(
        **arrays,
        treatment_mask=mask,
        sensitivity=sensitivity,
        natural_pain=natural[0],
        natural_phq9=natural[1],
        weeks=weeks,
        c=c,
    )
    expected = _step_by_step(arrays, mask, sensitivity, natural, weeks, c)
    assert np.abs(pain - expected[0]).max() <= 1e-9
    assert np.abs(phq9 - expected[1]).max() <= 1e-9


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(
            sleep_hours=5.5,
            activity_minutes=60,
            crp_mg_l=4,
            opioid_days=60,
            treatments={"duloxetine", "cbt", "exercise", "cbt_i"},
            baseline_pain=7,
            baseline_phq9=15,
            weeks=52,
        ),
        Scenario(opioid_days=175, treatments={"mindfulness", "social_support"}, weeks=30),
        Scenario(sleep_hours=9, crp_mg_l=0.3, weeks=12),
    ],
)
def test_a_shared_plan_takes_the_fast_path_and_still_agrees(scenario):
    """A cohort for one scenario: treatments and opioid duration as one profile per week."""
    c = coefficients()
    n = 4
    ones = np.ones(n)
    mask = np.tile([name in scenario.treatments for name in TREATMENTS], (n, 1))
    arrays = {lever: ones * getattr(scenario, lever) for lever in LEVERS}
    arrays |= {
        "baseline_pain": ones * scenario.baseline_pain,
        "baseline_phq9": ones * scenario.baseline_phq9,
    }
    natural = np.vstack(
        [ones * c.natural_course_pain_fraction, ones * c.natural_course_phq9_fraction]
    )
    pain, phq9 = kernel.simulate(
        **arrays,
        treatment_mask=mask,
        sensitivity=np.ones((4, n)),
        natural_pain=natural[0],
        natural_phq9=natural[1],
        weeks=scenario.weeks,
        c=c,
    )
    typical = model.trajectory(scenario)
    assert np.abs(pain[:, 0] - typical["pain"].to_numpy()).max() <= 1e-9
    assert np.abs(phq9[:, 0] - typical["phq9"].to_numpy()).max() <= 1e-9


def test_trajectory_is_the_weekly_step_run_week_after_week():
    scenario = Scenario(sleep_hours=5, opioid_days=100, treatments={"cbt"}, weeks=8)
    c = coefficients()
    patient = Patient(
        6.0,
        10.0,
        5.0,
        150.0,
        1.0,
        100.0,
        frozenset({"cbt"}),
        (1.0,) * 4,
        c.natural_course_pain_fraction,
        c.natural_course_phq9_fraction,
    )
    week = Week(0, 6.0, 10.0)
    rows = [week]
    for _ in range(8):
        week = weekly_step(week, patient, c)
        rows.append(week)
    assert model.trajectory(scenario).to_numpy().tolist() == [list(row) for row in rows]


# --------------------------------------------------------------------------- curves
def test_the_activity_curve_passes_through_both_published_points():
    c = coefficients()
    rr_half = np.exp(np.log(0.75) * (1 - dynamics.deconditioning(75, c)))
    assert rr_half == pytest.approx(0.82, abs=1e-3)
    assert dynamics.deconditioning(0, c) == 1.0
    assert dynamics.deconditioning(150, c) == 0.0
    gains = np.diff([-dynamics.deconditioning(m, c) for m in (0, 75, 150, 225, 300, 375)])
    assert (gains > 0).all() and (np.diff(gains) < 0).all()  # concave, never flat


def test_pushes_never_work_against_their_own_effect():
    c = coefficients()
    assert min(c.treatment_pain_share + c.treatment_phq9_share) > 0
    assert c.pain_per_sleep_debt_hour > 0 and c.phq9_per_sleep_debt_hour > 0
    assert c.pain_per_deconditioning > 0 and c.phq9_per_deconditioning > 0
    assert c.phq9_per_inflammation > 0 and c.phq9_per_opioid_blunting > 0
    assert c.pain_per_opioid_analgesia > 0


# --------------------------------------------------------------------------- no dead zone
def _slider_values(lever: str) -> np.ndarray:
    spec = SCENARIO_FIELDS[lever]
    count = round((spec.maximum - spec.minimum) / spec.step) + 1
    return np.round(spec.minimum + spec.step * np.arange(count), 10)


def _covered(scenario: Scenario, control: str, first: float, second: float) -> bool:
    """A no-effect note for ``control`` holds at both values and spans both."""
    for value in (first, second):
        notes = [
            note
            for note in model.notes(scenario.replace(**{control: value}))
            if note.control == control and note.kind == "no effect"
        ]
        if not any(
            note.low <= min(first, second) and max(first, second) <= note.high for note in notes
        ):
            return False
    return True


@pytest.mark.parametrize("lever", LEVERS)
@pytest.mark.parametrize(
    "base",
    [
        Scenario(baseline_pain=6, baseline_phq9=12),
        Scenario(baseline_pain=7, baseline_phq9=15, treatments={"cbt_i", "exercise"}, weeks=12),
        Scenario(baseline_pain=4, baseline_phq9=20, sleep_hours=5, opioid_days=30, weeks=8),
    ],
)
def test_every_slider_step_changes_the_result_or_a_note_says_why_not(lever, base):
    """Sweep each lever over its whole range, a slider step at a time: wherever the
    course does not change, a no-effect note must cover both values."""
    values = _slider_values(lever)
    courses = [
        model.trajectory(base.replace(**{lever: value}))[["pain", "phq9"]].to_numpy()
        for value in values
    ]
    silent = [
        (first, second)
        for first, second, a, b in zip(values, values[1:], courses, courses[1:], strict=False)
        if np.array_equal(a, b) and not _covered(base, lever, first, second)
    ]
    assert silent == []


@pytest.mark.parametrize("treatment", TREATMENTS)
@pytest.mark.parametrize("sleep", [4.0, 6.5, 7.0, 10.0])
def test_every_treatment_box_changes_the_result_or_a_note_says_why_not(treatment, sleep):
    base = Scenario(sleep_hours=sleep, activity_minutes=420)
    ticked = base.replace(treatments={treatment})
    same = model.trajectory(base).equals(model.trajectory(ticked))
    noted = any(
        note.control == treatment and note.kind == "no effect" for note in model.notes(ticked)
    )
    assert same == noted


def test_treatments_that_act_through_a_lever_say_so():
    for treatment, sleep in (("exercise", 7.0), ("cbt_i", 5.0)):
        notes = model.notes(Scenario(sleep_hours=sleep, treatments={treatment}))
        assert [note.kind for note in notes if note.control == treatment] == ["acts through"]
    half = model.notes(Scenario(sleep_hours=6.25, treatments={"cbt_i"}))
    assert any("50% of the trial effect" in note.text for note in half)


def test_notes_name_real_evidence_rows_and_cover_the_flat_stretches():
    for scenario in (
        Scenario(sleep_hours=8),
        Scenario(sleep_hours=9.5),
        Scenario(sleep_hours=3),
        Scenario(activity_minutes=300),
        Scenario(crp_mg_l=0.4),
        Scenario(opioid_days=500, baseline_phq9=15),
        Scenario(opioid_days=3, weeks=4),
        Scenario(sleep_hours=8, treatments={"cbt_i"}),
    ):
        notes = model.notes(scenario)
        assert notes, scenario
        rows = set(model.evidence_behind(scenario)["parameter"])
        for note in notes:
            assert note.parameter in rows
            assert note.kind in ("no effect", "extrapolated", "acts through")
            assert note.text and not note.text.endswith(".")
