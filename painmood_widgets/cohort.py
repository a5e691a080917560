"""Synthetic cohort of patients with chronic pain, seeded and byte-reproducible.

Run ``python -m painmood_widgets.cohort`` to rewrite ``datasets/cohort.csv`` (or
``--output PATH`` to write elsewhere). The same seed gives the same bytes on every run
with the same numpy version. No real patient is in the file: every row is drawn from the
distributions below, and the weekly pain and PHQ-9 values come from
:func:`painmood_widgets.model.simulate_patients`, whose couplings are illustrative.
Educational, not diagnostic.

Every number of the design is a row of ``datasets/evidence.csv``, read when the cohort is
generated (``synthetic_*`` rows, illustrative, unless named otherwise). One draw per
patient:

- **age band**: weighted by the prevalence of chronic pain in each band (rows
  ``chronic_pain_prevalence_age_*``, Zelaya et al., NCHS Data Brief 390, 2020), as if the
  four bands were equally large in the population (a simplification). The youngest band
  is labelled 18-34.
- **sex**: weighted by prevalence (``chronic_pain_prevalence_women_percent``,
  ``chronic_pain_prevalence_men_percent``, Lucas & Sohi, NCHS Data Brief 518, 2024), as if
  women and men were equally many.
- **pain site**: ``synthetic_site_*_percent``.
- **baseline PHQ-9**: normal (``synthetic_phq9_mean``, ``synthetic_phq9_sd``), clipped to
  0-27, so that about 35% score 10 or more, the share of people with chronic pain who had
  depression in a community sample (Bair et al. 2003; Rayner et al. 2016).
- **baseline pain**: normal (``synthetic_pain_mean``, ``synthetic_pain_sd``), clipped to
  1-10, correlated ``synthetic_pain_phq9_correlation`` with baseline PHQ-9.
- **sleep hours**: normal (``synthetic_sleep_mean_hours``, ``synthetic_sleep_sd_hours``),
  clipped to 3-10, correlated ``synthetic_sleep_phq9_correlation`` with baseline PHQ-9:
  direction from Jiang et al. 2017, strength chosen.
- **activity minutes**: ``synthetic_inactive_percent`` inactive (0 minutes a week); the
  others gamma (``synthetic_activity_gamma_shape``,
  ``synthetic_activity_gamma_scale_minutes``), lower with higher baseline PHQ-9
  (``synthetic_activity_phq9_slope``; direction from the fear-avoidance model), rounded to
  5 minutes and capped at 420.
- **CRP**: log-normal (``synthetic_crp_median_mg_l``, ``synthetic_crp_log_sd``), shifted
  up by ``synthetic_crp_depression_shift_sd`` log-SDs in patients with baseline PHQ-9 of
  ``phq9_moderate_from`` or more (CRP d = 0.47 in depression, Dowlati et al. 2010,
  applied on the log scale as an approximation); clipped to the model's range.
- **opioid days**: ``synthetic_opioid_users_percent`` on opioids; among users,
  ``synthetic_opioid_under_90_percent`` with 1-89 days, ``synthetic_opioid_90_180_percent``
  with 90-180 and ``synthetic_opioid_over_180_percent`` with 181-730, uniform within each
  range (the ranges of Scherrer et al. 2014).
- **treatments**: each assigned independently at random (``synthetic_*_percent`` of each
  treatment).

Age band, sex and pain site do not enter the model: any difference between their groups
in the file is chance.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from painmood_widgets.evidence import parameter
from painmood_widgets.model import SCENARIO_FIELDS, TREATMENTS, simulate_patients
from painmood_widgets.paths import DATASETS_DIR
from painmood_widgets.scales import PAIN_MAX, PHQ9_MAX

SEED = 20_240_518
N_PATIENTS = 2_000
WEEKS = 26
DEFAULT_OUTPUT = DATASETS_DIR / "cohort.csv"

AGE_BANDS = ("18-34", "35-49", "50-64", "65+")
#: Evidence rows weighting each age band: chronic pain prevalence by age (Zelaya et al. 2020).
AGE_BAND_ROWS = tuple(
    f"chronic_pain_prevalence_age_{band}_percent" for band in ("20_34", "35_49", "50_64", "65_plus")
)
SEXES = ("female", "male")
#: Evidence rows weighting each sex: chronic pain prevalence (Lucas & Sohi 2024).
SEX_ROWS = ("chronic_pain_prevalence_women_percent", "chronic_pain_prevalence_men_percent")
PAIN_SITES = ("low_back", "neck", "widespread", "knee_hip", "headache", "neuropathic")
_OPIOID_RANGES = (("under_90", 1, 89), ("90_180", 90, 180), ("over_180", 181, 730))

COLUMNS = (
    "patient",
    "week",
    "age_band",
    "sex",
    "pain_site",
    "sleep_hours",
    "activity_minutes",
    "crp_mg_l",
    "opioid_days",
    "treatments",
    "pain",
    "phq9",
)
#: Fixed text format of each float column in the CSV file.
FLOAT_FORMATS = {
    "sleep_hours": "%.1f",
    "activity_minutes": "%.0f",
    "crp_mg_l": "%.1f",
    "pain": "%.2f",
    "phq9": "%.2f",
}


def _weights(rows: Sequence[str]) -> np.ndarray:
    """Probabilities proportional to evidence rows (percentages or prevalences)."""
    values = np.array([parameter(name) for name in rows])
    return values / values.sum()


def _correlated(z: np.ndarray, correlation: float, rng: np.random.Generator) -> np.ndarray:
    """Standard normals correlated ``correlation`` with ``z``."""
    return correlation * z + np.sqrt(1 - correlation**2) * rng.standard_normal(z.shape[0])


def treatment_labels(treatment_mask: np.ndarray) -> np.ndarray:
    """Join each patient's treatments into one text label.

    Parameters
    ----------
    treatment_mask : numpy.ndarray
        Boolean array of shape (n, 6), columns in the order of ``model.TREATMENTS``.

    Returns
    -------
    numpy.ndarray
        Object array of shape (n,): treatment names in alphabetical order joined by
        ``";"``, or ``"none"`` for a patient with no treatment.

    Examples
    --------
    >>> mask = np.zeros((2, len(TREATMENTS)), dtype=bool)
    >>> mask[1, TREATMENTS.index("exercise")] = True
    >>> mask[1, TREATMENTS.index("cbt")] = True
    >>> treatment_labels(mask).tolist()
    ['none', 'cbt;exercise']
    """
    treatment_mask = np.asarray(treatment_mask)
    if treatment_mask.ndim != 2 or treatment_mask.shape[1] != len(TREATMENTS):
        raise ValueError(f"treatment_mask must have shape (n, {len(TREATMENTS)})")
    if treatment_mask.dtype != bool:
        raise ValueError("treatment_mask must be a boolean array")
    alphabetical = np.argsort(TREATMENTS)
    n_treatments = len(TREATMENTS)
    codes = treatment_mask[:, alphabetical].astype(np.int64) @ (1 << np.arange(n_treatments))
    lookup = np.array(
        [
            ";".join(
                TREATMENTS[alphabetical[bit]] for bit in range(n_treatments) if code >> bit & 1
            )
            or "none"
            for code in range(1 << n_treatments)
        ],
        dtype=object,
    )
    return lookup[codes]


def generate_baseline(n_patients: int, rng: np.random.Generator) -> pd.DataFrame:
    """Draw the baseline characteristics of synthetic patients.

    The distributions and their sources are listed in the module docstring.

    Parameters
    ----------
    n_patients : int
        Number of patients, at least 1.
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    pandas.DataFrame
        One row per patient with columns ``patient`` (1 to n), ``age_band``, ``sex``,
        ``pain_site``, ``sleep_hours`` (hours a night), ``activity_minutes`` (moderate
        activity, minutes a week), ``crp_mg_l`` (mg/L), ``opioid_days`` (days),
        ``baseline_pain`` (0-10), ``baseline_phq9`` (0-27) and one boolean column per
        treatment in ``model.TREATMENTS``.

    Examples
    --------
    >>> baseline = generate_baseline(500, np.random.default_rng(1))
    >>> len(baseline), int(baseline["patient"].max())
    (500, 500)
    >>> bool(baseline["sleep_hours"].between(3, 10).all())
    True
    """
    if isinstance(n_patients, bool) or not isinstance(n_patients, int | np.integer):
        raise ValueError("n_patients must be an integer")
    if n_patients < 1:
        raise ValueError("n_patients must be at least 1")

    age_band = rng.choice(np.array(AGE_BANDS, dtype=object), n_patients, p=_weights(AGE_BAND_ROWS))
    sex = rng.choice(np.array(SEXES, dtype=object), n_patients, p=_weights(SEX_ROWS))
    pain_site = rng.choice(
        np.array(PAIN_SITES, dtype=object),
        n_patients,
        p=_weights([f"synthetic_site_{site}_percent" for site in PAIN_SITES]),
    )

    mood = rng.standard_normal(n_patients)
    baseline_phq9 = np.clip(
        parameter("synthetic_phq9_mean") + parameter("synthetic_phq9_sd") * mood, 0.0, PHQ9_MAX
    )
    pain_z = _correlated(mood, parameter("synthetic_pain_phq9_correlation"), rng)
    baseline_pain = np.clip(
        parameter("synthetic_pain_mean") + parameter("synthetic_pain_sd") * pain_z, 1.0, PAIN_MAX
    )
    sleep_z = _correlated(mood, parameter("synthetic_sleep_phq9_correlation"), rng)
    sleep_range = SCENARIO_FIELDS["sleep_hours"]
    sleep_hours = np.clip(
        parameter("synthetic_sleep_mean_hours") + parameter("synthetic_sleep_sd_hours") * sleep_z,
        sleep_range.minimum,
        sleep_range.maximum,
    )

    active = rng.random(n_patients) >= parameter("synthetic_inactive_percent") / 100
    activity = rng.gamma(
        parameter("synthetic_activity_gamma_shape"),
        parameter("synthetic_activity_gamma_scale_minutes"),
        n_patients,
    ) * np.exp(parameter("synthetic_activity_phq9_slope") * mood)
    activity_top = SCENARIO_FIELDS["activity_minutes"].maximum
    activity_minutes = np.where(
        active, np.minimum(5.0 * np.round(activity / 5.0), activity_top), 0.0
    )

    depressed = baseline_phq9 >= parameter("phq9_moderate_from")
    log_crp = np.log(parameter("synthetic_crp_median_mg_l")) + parameter("synthetic_crp_log_sd") * (
        rng.standard_normal(n_patients) + parameter("synthetic_crp_depression_shift_sd") * depressed
    )
    crp_range = SCENARIO_FIELDS["crp_mg_l"]
    crp_mg_l = np.clip(np.exp(log_crp), crp_range.minimum, crp_range.maximum)

    uses_opioids = rng.random(n_patients) < parameter("synthetic_opioid_users_percent") / 100
    duration_range = rng.choice(
        len(_OPIOID_RANGES),
        n_patients,
        p=_weights([f"synthetic_opioid_{label}_percent" for label, _, _ in _OPIOID_RANGES]),
    )
    low = np.array([first for _, first, _ in _OPIOID_RANGES])[duration_range]
    high = np.array([last for _, _, last in _OPIOID_RANGES])[duration_range]
    opioid_days = np.where(uses_opioids, rng.integers(low, high, endpoint=True), 0)

    probabilities = np.array([parameter(f"synthetic_{name}_percent") / 100 for name in TREATMENTS])
    treatment_mask = rng.random((n_patients, len(TREATMENTS))) < probabilities

    baseline = pd.DataFrame(
        {
            "patient": np.arange(1, n_patients + 1),
            "age_band": age_band,
            "sex": sex,
            "pain_site": pain_site,
            "sleep_hours": np.round(sleep_hours, 1),
            "activity_minutes": activity_minutes,
            "crp_mg_l": np.round(crp_mg_l, 1),
            "opioid_days": opioid_days.astype(np.int64),
            "baseline_pain": np.round(baseline_pain, 2),
            "baseline_phq9": np.round(baseline_phq9, 2),
        }
    )
    for position, name in enumerate(TREATMENTS):
        baseline[name] = treatment_mask[:, position]
    return baseline


def generate_cohort(
    n_patients: int = N_PATIENTS, weeks: int = WEEKS, seed: int = SEED
) -> pd.DataFrame:
    """Generate the synthetic cohort in long format (one row per patient and week).

    Baseline characteristics come from :func:`generate_baseline`; pain and PHQ-9 for weeks
    0 to ``weeks`` come from one vectorized call to
    :func:`painmood_widgets.model.simulate_patients` for all patients.

    Parameters
    ----------
    n_patients : int, default 2000
        Number of patients, at least 1.
    weeks : int, default 26
        Weeks simulated after baseline, 1 to 26.
    seed : int, default ``SEED``
        Seed of the random generator; the same seed gives the same cohort.

    Returns
    -------
    pandas.DataFrame
        ``n_patients * (weeks + 1)`` rows sorted by patient and week, with the columns
        in ``COLUMNS``. Floats are rounded as written to the CSV file.

    References
    ----------
    Distributions and sources: see the module docstring and ``datasets/README.md``.

    Examples
    --------
    >>> cohort = generate_cohort(n_patients=3, weeks=4, seed=7)
    >>> cohort.shape
    (15, 12)
    >>> cohort["week"].tolist()[:6]
    [0, 1, 2, 3, 4, 0]
    >>> bool(cohort["phq9"].between(0, 27).all() and cohort["pain"].between(0, 10).all())
    True
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int | np.integer):
        raise ValueError("weeks must be an integer")
    if not 1 <= weeks <= WEEKS:
        raise ValueError(f"weeks must be between 1 and {WEEKS}")
    baseline_rng, model_rng = (
        np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(2)
    )
    baseline = generate_baseline(n_patients, baseline_rng)
    treatment_mask = baseline[list(TREATMENTS)].to_numpy(dtype=bool)
    pain, phq9 = simulate_patients(
        sleep_hours=baseline["sleep_hours"].to_numpy(dtype=float),
        activity_minutes=baseline["activity_minutes"].to_numpy(dtype=float),
        crp_mg_l=baseline["crp_mg_l"].to_numpy(dtype=float),
        opioid_days=baseline["opioid_days"].to_numpy(dtype=float),
        treatment_mask=treatment_mask,
        baseline_pain=baseline["baseline_pain"].to_numpy(dtype=float),
        baseline_phq9=baseline["baseline_phq9"].to_numpy(dtype=float),
        weeks=weeks,
        rng=model_rng,
    )
    per_patient = baseline.assign(treatments=treatment_labels(treatment_mask))
    cohort = per_patient.loc[per_patient.index.repeat(weeks + 1)].reset_index(drop=True)
    cohort.insert(1, "week", np.tile(np.arange(weeks + 1), n_patients))
    # Adding 0.0 turns any -0.0 into 0.0, so "-0.00" never reaches the file.
    cohort["pain"] = np.round(np.clip(pain, 0.0, PAIN_MAX), 2).ravel() + 0.0
    cohort["phq9"] = np.round(np.clip(phq9, 0.0, PHQ9_MAX), 2).ravel() + 0.0
    return cohort[list(COLUMNS)]


def write_cohort(cohort: pd.DataFrame, path: str | Path) -> Path:
    r"""Write a cohort to CSV with fixed float formats and ``\n`` line endings.

    Parameters
    ----------
    cohort : pandas.DataFrame
        A cohort from :func:`generate_cohort`.
    path : str or pathlib.Path
        Output file; its folder must exist.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_cohort(generate_cohort(2, 1, seed=1), Path(folder) / "c.csv")
    ...     written.read_text().splitlines()[0]
    'patient,week,age_band,sex,pain_site,sleep_hours,activity_minutes,crp_mg_l,opioid_days,treatments,pain,phq9'
    """
    missing = [column for column in COLUMNS if column not in cohort.columns]
    if missing:
        raise ValueError(f"cohort is missing columns: {', '.join(missing)}")
    text = cohort[list(COLUMNS)].copy()
    for column, text_format in FLOAT_FORMATS.items():
        text[column] = np.char.mod(text_format, text[column].to_numpy(dtype=float))
    path = Path(path)
    text.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate the cohort and write it (``python -m painmood_widgets.cohort``)."""
    parser = argparse.ArgumentParser(
        prog="python -m painmood_widgets.cohort",
        description="Write the synthetic painmood cohort (no real patients) to CSV.",
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help=f"CSV file (default {DEFAULT_OUTPUT})"
    )
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    path = write_cohort(generate_cohort(), arguments.output)
    seconds = time.perf_counter() - started
    print(f"wrote {path} ({path.stat().st_size:,} bytes) in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
