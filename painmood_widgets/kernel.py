"""Many patients at once: the weekly step of :mod:`painmood_widgets.dynamics`, vectorized.

:func:`simulate` steps every patient forward together with numpy, one week at a time
(the loop runs over weeks, never over patients). It computes exactly what
:func:`painmood_widgets.dynamics.weekly_step` computes for each patient, arranged for
speed, and a test holds the two to 1e-9 on hundreds of random patients:

* scores are kept as deviations from baseline, and the share of the way a score moves
  each week is folded into the pushes;
* every push that does not depend on the scores (a mediator whose lever stays fixed,
  usual care, the treatments of a shared plan, opioid duration when every patient has
  the same days of use) is an amount per patient times a profile per week, so all of
  them, for all weeks, come from one matrix product before the loop;
* inside the loop only what depends on last week's scores remains: stress, the loop's
  couplings, and the part of last week's score that stays.

Inputs are checked by :func:`painmood_widgets.model.simulate_patients`, which calls this.
Educational, not diagnostic.
"""

from __future__ import annotations

import numpy as np

from painmood_widgets.coefficients import (
    DAYS_PER_WEEK,
    DIRECT_TREATMENTS,
    PAIN_MAX,
    PHQ9_MAX,
    TREATMENTS,
    Coefficients,
    onset,
)
from painmood_widgets.dynamics import opioid_blunting_level, treatment_relief

__all__ = ["simulate"]

_DIRECT_COLUMNS = [TREATMENTS.index(name) for name in DIRECT_TREATMENTS]
_EXERCISE = TREATMENTS.index("exercise")


def _relief_per_patient(
    mask: np.ndarray, sleep_hours: np.ndarray, week: int, c: Coefficients
) -> tuple[np.ndarray, np.ndarray]:
    """Treatment relief shares for patients with different treatments (one week)."""
    kept_pain = np.ones(mask.shape[0])
    kept_phq9 = np.ones(mask.shape[0])
    debt = np.maximum(c.sleep_reference_hours - sleep_hours, 0.0)
    for index, (name, column) in enumerate(zip(DIRECT_TREATMENTS, _DIRECT_COLUMNS, strict=True)):
        chosen = mask[:, column]
        if not chosen.any():
            continue
        weight = np.minimum(debt / c.cbt_i_trial_sleep_debt_hours, 1.0) if name == "cbt_i" else 1.0
        share = chosen * weight * onset(week, c.treatment_onset_weeks[index])
        kept_pain *= 1.0 - c.treatment_pain_share[index] * share
        kept_phq9 *= 1.0 - c.treatment_phq9_share[index] * share
    return 1.0 - kept_pain, 1.0 - kept_phq9


def simulate(
    *,
    baseline_pain: np.ndarray,
    baseline_phq9: np.ndarray,
    sleep_hours: np.ndarray,
    activity_minutes: np.ndarray,
    crp_mg_l: np.ndarray,
    opioid_days: np.ndarray,
    treatment_mask: np.ndarray,
    sensitivity: np.ndarray,
    natural_pain: np.ndarray,
    natural_phq9: np.ndarray,
    weeks: int,
    c: Coefficients,
    dtype: type[np.floating] = np.float64,
) -> tuple[np.ndarray, np.ndarray]:
    """Pain and PHQ-9 of every patient for weeks 0..``weeks``, each shaped (weeks + 1, n).

    Parameters are per-patient float64 arrays of shape (n,), already checked, except
    ``treatment_mask`` (bool, (n, 6), columns in :data:`TREATMENTS` order) and
    ``sensitivity`` ((4, n): the lever multipliers, rows in ``LEVERS`` order).
    ``natural_pain`` and ``natural_phq9`` are each patient's untreated shares of the
    baselines resolved by the calibration week (see :class:`~painmood_widgets.dynamics.Patient`).
    """
    n = baseline_pain.shape[0]
    sleep_m, activity_m, crp_m, opioid_m = sensitivity

    # Mediator targets stay fixed, except opioid duration: add up the pushes of each
    # time constant once, scaled by the share of the way a score moves each week.
    programme = np.where(treatment_mask[:, _EXERCISE], c.exercise_programme_minutes, 0.0)
    debt = np.maximum(c.sleep_reference_hours - sleep_hours, 0.0)
    unfit = 1.0 - ((activity_minutes + programme) / c.activity_reference_minutes) ** (
        c.activity_dose_exponent
    )
    inflamed = np.maximum(np.log(crp_mg_l / c.crp_reference_mg_l), 0.0) / c.crp_log_sd
    on_opioids = opioid_days > 0
    fixed = [
        (
            c.share_sleep,
            c.pain_per_sleep_debt_hour * sleep_m * debt,
            c.phq9_per_sleep_debt_hour * sleep_m * debt,
        ),
        (
            c.share_deconditioning,
            c.pain_per_deconditioning * activity_m * unfit,
            c.phq9_per_deconditioning * activity_m * unfit,
        ),
        (c.share_inflammation, np.zeros(n), c.phq9_per_inflammation * crp_m * inflamed),
        (c.share_analgesia, -c.pain_per_opioid_analgesia * opioid_m * on_opioids, np.zeros(n)),
    ]
    groups: dict[float, list[np.ndarray]] = {}
    for share, pain_push, phq9_push in fixed:
        if pain_push.any() or phq9_push.any():
            total = groups.setdefault(share, [np.zeros(n), np.zeros(n)])
            total[0] += pain_push
            total[1] += phq9_push

    # Every push that does not depend on the scores is an amount per patient times a
    # profile per week: (profile, pain amount, PHQ-9 amount), each amount already scaled by
    # the share of the way a score moves in a week.
    week_numbers = np.arange(weeks + 1)
    terms = [
        (1.0 - (1.0 - share) ** week_numbers, c.share_pain * pain_push, c.share_phq9 * phq9_push)
        for share, (pain_push, phq9_push) in groups.items()
    ]
    # Usual care: each patient's relief, reached with the natural course's onset.
    (a, b), (d, e) = c.natural_course_matrix
    net_pain, net_phq9 = baseline_pain * natural_pain, baseline_phq9 * natural_phq9
    terms.append(
        (
            1.0 - np.exp(-week_numbers / c.natural_course_onset_weeks),
            -c.share_pain * (a * net_pain + b * net_phq9),
            -c.share_phq9 * (d * net_pain + e * net_phq9),
        )
    )
    # Treatments: one relief share per week when every patient shares the same plan.
    treated = bool(treatment_mask[:, _DIRECT_COLUMNS].any())
    cbt_i_weights = np.minimum(debt / c.cbt_i_trial_sleep_debt_hours, 1.0)
    shared = bool(
        (treatment_mask == treatment_mask[0]).all() and (cbt_i_weights == cbt_i_weights[0]).all()
    )
    if treated and shared:
        plan = frozenset(name for name, on in zip(TREATMENTS, treatment_mask[0], strict=True) if on)
        relief = np.array(
            [treatment_relief(plan, float(sleep_hours[0]), t, c) for t in week_numbers]
        )
        terms.append((relief[:, 0], -c.share_pain * baseline_pain, np.zeros(n)))
        terms.append((relief[:, 1], np.zeros(n), -c.share_phq9 * baseline_phq9))
    # Opioid duration keeps counting: the one mediator with a moving target. When every
    # patient has the same days of use, its level is one number per week too.
    uniform_days = bool((opioid_days == opioid_days[0]).all())
    blunting_weight = c.share_phq9 * c.phq9_per_opioid_blunting * opioid_m * on_opioids
    if on_opioids.any() and uniform_days:
        level, blunting_profile = 0.0, [0.0]
        for week in week_numbers[1:]:
            target = opioid_blunting_level(np.array([opioid_days[0] + DAYS_PER_WEEK * week]), c)[0]
            level += c.share_blunting * (target - level)
            blunting_profile.append(level)
        terms.append((np.array(blunting_profile), np.zeros(n), blunting_weight))
    blunting = np.zeros(n) if on_opioids.any() and not uniform_days else None

    profiles = np.column_stack([profile for profile, _, _ in terms]).astype(dtype)
    rows = {
        "pain": profiles @ np.vstack([amount for _, amount, _ in terms]).astype(dtype),
        "phq9": profiles @ np.vstack([amount for _, _, amount in terms]).astype(dtype),
    }
    low = {"pain": (-baseline_pain).astype(dtype), "phq9": (-baseline_phq9).astype(dtype)}
    high = {
        "pain": (PAIN_MAX - baseline_pain).astype(dtype),
        "phq9": (PHQ9_MAX - baseline_phq9).astype(dtype),
    }
    pain_scale = (c.share_pain * baseline_pain).astype(dtype)
    phq9_scale = (c.share_phq9 * baseline_phq9).astype(dtype)
    pain, phq9 = rows["pain"][0], rows["phq9"][0]
    stress = np.zeros(n, dtype=dtype)
    scratch = np.empty(n, dtype=dtype)
    for week in range(1, weeks + 1):
        pain_row, phq9_row = rows["pain"][week], rows["phq9"][week]
        if blunting is not None:
            target = opioid_blunting_level(opioid_days + DAYS_PER_WEEK * week, c)
            blunting += c.share_blunting * (target - blunting)
            phq9_row += (blunting * blunting_weight).astype(dtype)
        if treated and not shared:
            pain_relief, phq9_relief = _relief_per_patient(treatment_mask, sleep_hours, week, c)
            pain_row -= pain_scale * pain_relief.astype(dtype)
            phq9_row -= phq9_scale * phq9_relief.astype(dtype)
        # HPA stress follows last week's scores above baseline.
        stress *= 1.0 - c.share_stress
        stress += np.multiply(pain, c.share_stress * c.stress_per_pain_point, out=scratch)
        stress += np.multiply(phq9, c.share_stress * c.stress_per_phq9_point, out=scratch)
        # The loop, and the part of last week's score that stays.
        pain_row += np.multiply(phq9, c.share_pain * c.pain_per_phq9_point, out=scratch)
        pain_row += np.multiply(stress, c.share_pain * c.pain_per_stress, out=scratch)
        pain_row += np.multiply(pain, 1.0 - c.share_pain, out=scratch)
        phq9_row += np.multiply(pain, c.share_phq9 * c.phq9_per_pain_point, out=scratch)
        phq9_row += np.multiply(stress, c.share_phq9 * c.phq9_per_stress, out=scratch)
        phq9_row += np.multiply(phq9, 1.0 - c.share_phq9, out=scratch)
        for name, row in (("pain", pain_row), ("phq9", phq9_row)):
            np.minimum(np.maximum(row, low[name], out=row), high[name], out=row)
        pain, phq9 = pain_row, phq9_row

    rows["pain"] += baseline_pain.astype(dtype)
    rows["phq9"] += baseline_phq9.astype(dtype)
    return rows["pain"], rows["phq9"]
