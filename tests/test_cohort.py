"""The synthetic cohort: byte-reproducible, complete, and shaped the way the evidence says."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from painmood_widgets import cohort as cohort_module
from painmood_widgets import evidence, model
from painmood_widgets.paths import DATASETS_DIR

ROOT = Path(__file__).resolve().parents[1]
COHORT_CSV = DATASETS_DIR / "cohort.csv"
# everything but the patient, the week and the two outcomes is fixed at the start
BASELINE_COLUMNS = [
    column for column in cohort_module.COLUMNS if column not in ("patient", "week", "pain", "phq9")
]


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    return pd.read_csv(COHORT_CSV, dtype={"treatments": str}, keep_default_na=False)


@pytest.fixture(scope="module")
def week12(cohort) -> pd.DataFrame:
    baseline = cohort[cohort["week"] == 0].set_index("patient")
    later = cohort[cohort["week"] == 12].set_index("patient")
    return later.assign(phq9_change=later["phq9"] - baseline["phq9"])


def test_regenerates_byte_identical(tmp_path):
    output = tmp_path / "cohort.csv"
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    subprocess.run(
        [sys.executable, "-m", "painmood_widgets.cohort", "--output", str(output)],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == COHORT_CSV.read_bytes()


def test_file_format_is_plain_and_fixed():
    data = COHORT_CSV.read_bytes()
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert b"-0.00" not in data
    assert data.split(b"\n", 1)[0].decode() == ",".join(cohort_module.COLUMNS)


def test_one_row_per_patient_and_week(cohort):
    n_weeks = cohort_module.WEEKS + 1
    assert len(cohort) == cohort_module.N_PATIENTS * n_weeks
    assert cohort["patient"].unique().tolist() == list(range(1, cohort_module.N_PATIENTS + 1))
    assert (
        cohort["week"].to_numpy().reshape(-1, n_weeks).tolist()
        == [list(range(n_weeks))] * cohort_module.N_PATIENTS
    )


def test_baseline_characteristics_are_constant_within_a_patient(cohort):
    assert (cohort.groupby("patient")[BASELINE_COLUMNS].nunique() == 1).all().all()


def test_outcomes_stay_on_their_scales(cohort):
    assert cohort["pain"].between(0, 10).all()
    assert cohort["phq9"].between(0, 27).all()
    assert cohort[["pain", "phq9"]].notna().all().all()


def test_age_bands_follow_pain_prevalence(cohort):
    shares = cohort[cohort["week"] == 0]["age_band"].value_counts(normalize=True)
    assert shares.sort_values().index.tolist() == list(cohort_module.AGE_BANDS)
    expected = np.array([evidence.parameter(row) for row in cohort_module.AGE_BAND_ROWS])
    expected = expected / expected.sum()
    assert np.abs(shares[list(cohort_module.AGE_BANDS)].to_numpy() - expected).max() < 0.04


def test_treatment_labels_match_the_schema_pattern():
    descriptor = json.loads((DATASETS_DIR / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == "cohort"]
    (field,) = [f for f in resource["schema"]["fields"] if f["name"] == "treatments"]
    pattern = re.compile(f"^{field['constraints']['pattern']}$")
    n_treatments = len(model.TREATMENTS)
    every_combination = (np.arange(1 << n_treatments)[:, None] >> np.arange(n_treatments)) & 1
    labels = cohort_module.treatment_labels(every_combination.astype(bool))
    assert len(set(labels)) == 1 << n_treatments
    assert all(pattern.match(label) for label in labels)
    assert not pattern.match("exercise;cbt")


def test_combined_treatment_lowers_phq9_more_than_no_treatment(week12):
    treatments = week12["treatments"].str.split(";")
    combined = treatments.map(lambda names: {"duloxetine", "cbt", "exercise"} <= set(names))
    untreated = week12["treatments"] == "none"
    assert combined.sum() >= 30
    assert untreated.sum() >= 100
    combined_change = week12.loc[combined, "phq9_change"].median()
    untreated_change = week12.loc[untreated, "phq9_change"].median()
    assert combined_change < untreated_change - 1.0


def test_shorter_sleep_goes_with_higher_phq9_at_week_12(week12):
    short = week12.loc[week12["sleep_hours"] < 6, "phq9"]
    long = week12.loc[week12["sleep_hours"] >= 7, "phq9"]
    assert len(short) >= 100
    assert len(long) >= 100
    assert short.median() > long.median()
    rank_correlation = week12["sleep_hours"].rank().corr(week12["phq9"].rank())
    assert rank_correlation < -0.1
    # Baseline PHQ-9 is drawn correlated with sleep, and usual care resolves a share of it, so
    # the raw change since week 0 is confounded by the baseline (short sleepers start higher
    # and fall further). Adjusted for the baseline, shorter sleep goes with a worse change.
    design = np.column_stack(
        [np.ones(len(week12)), week12["sleep_hours"], week12["phq9"] - week12["phq9_change"]]
    )
    slope = np.linalg.lstsq(design, week12["phq9_change"], rcond=None)[0][1]
    assert slope < 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"n_patients": 0}, "n_patients must be at least 1"),
        ({"n_patients": 2.5}, "n_patients must be an integer"),
        ({"weeks": 0}, "weeks must be between 1 and 26"),
        ({"weeks": 27}, "weeks must be between 1 and 26"),
    ],
)
def test_bad_arguments_raise_plain_errors(arguments, message):
    with pytest.raises(ValueError, match=message):
        cohort_module.generate_cohort(**arguments)
