"""Benchmark the model against bare baselines timed in the same run (``make bench``).

Prints one table:

* ``simulate_cohort`` for 100,000 patients x 52 weeks (the DataFrame included) beside a
  bare numpy loop of the same shape: seven states relaxing towards a target each week over
  arrays of the same size and dtype, the two outcomes clipped and stored (the model's own
  states: pain, PHQ-9, stress and the mediators), and the ratio of the two;
* ``simulate_patients`` alone (the vectorized core, no DataFrame) against the same loop;
* ``trajectory`` per call beside constructing an empty DataFrame and a DataFrame of the same
  shape from ready arrays.

Times are medians of several repeats after one warm-up; peak memory is measured with
``tracemalloc`` in a separate run so that tracing does not slow the timed runs.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from painmood_widgets import model

PATIENTS = 100_000
WEEKS = 52
REPEATS = 7
STATES = 7  # pain, PHQ-9 and the five mediators
SCENARIO = model.Scenario(
    sleep_hours=5.5,
    activity_minutes=60.0,
    crp_mg_l=4.0,
    opioid_days=60,
    treatments=frozenset({"duloxetine", "cbt", "exercise"}),
    baseline_pain=7.0,
    baseline_phq9=15.0,
    weeks=WEEKS,
)


def bare_loop(patients: int = PATIENTS, weeks: int = WEEKS) -> tuple[np.ndarray, np.ndarray]:
    """The same number of per-week vector updates as the model, with no model in them."""
    rng = np.random.default_rng(0)
    targets = rng.random((STATES, patients), dtype=np.float32)
    states = np.zeros((STATES, patients), dtype=np.float32)
    pain = np.empty((weeks + 1, patients), dtype=np.float32)
    phq9 = np.empty((weeks + 1, patients), dtype=np.float32)
    pain[0], phq9[0] = states[0], states[1]
    for week in range(1, weeks + 1):
        for state, target in zip(states, targets, strict=True):
            state += 0.3 * (target - state)
        np.clip(states[0], 0.0, 10.0, out=states[0])
        np.clip(states[1], 0.0, 27.0, out=states[1])
        pain[week], phq9[week] = states[0], states[1]
    return pain.T, phq9.T


def core() -> tuple[np.ndarray, np.ndarray]:
    """The vectorized core for the benchmark scenario, float32 as in ``simulate_cohort``."""
    ones = np.ones(PATIENTS)
    mask = np.zeros((PATIENTS, len(model.TREATMENTS)), dtype=bool)
    mask[:, [model.TREATMENTS.index(name) for name in SCENARIO.treatments]] = True
    return model.simulate_patients(
        sleep_hours=ones * SCENARIO.sleep_hours,
        activity_minutes=ones * SCENARIO.activity_minutes,
        crp_mg_l=ones * SCENARIO.crp_mg_l,
        opioid_days=ones * SCENARIO.opioid_days,
        treatment_mask=mask,
        baseline_pain=ones * SCENARIO.baseline_pain,
        baseline_phq9=ones * SCENARIO.baseline_phq9,
        weeks=WEEKS,
        rng=np.random.default_rng(0),
        dtype=np.float32,
    )


def cohort() -> pd.DataFrame:
    return model.simulate_cohort(SCENARIO, n=PATIENTS, seed=0)


def median_seconds(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time of ``repeats`` calls after one warm-up call."""
    function()
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_megabytes(function: Callable[[], object]) -> float:
    """Peak memory traced by ``tracemalloc`` during one call, in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def per_call_seconds(function: Callable[[], object], number: int) -> float:
    """Median over repeats of the mean time per call."""
    function()
    runs = timeit.repeat(function, number=number, repeat=REPEATS)
    return statistics.median(runs) / number


def main() -> None:
    baseline_s = median_seconds(bare_loop)
    core_s = median_seconds(core)
    cohort_s = median_seconds(cohort)
    baseline_mb = peak_megabytes(bare_loop)
    core_mb = peak_megabytes(core)
    cohort_mb = peak_megabytes(cohort)

    course = model.Scenario(sleep_hours=5.5, treatments=frozenset({"duloxetine", "cbt"}))
    ready = model.trajectory(course)
    columns = {name: ready[name].to_numpy() for name in ready.columns}
    trajectory_s = per_call_seconds(lambda: model.trajectory(course), number=200)
    empty_s = per_call_seconds(pd.DataFrame, number=2000)
    same_shape_s = per_call_seconds(lambda: pd.DataFrame(columns), number=2000)

    size = f"{PATIENTS:,} patients x {WEEKS} weeks"
    rows = [
        ("bare numpy loop (7 states, float32)", size, baseline_s, baseline_mb, 1.0),
        ("simulate_patients (core, float32)", size, core_s, core_mb, core_s / baseline_s),
        ("simulate_cohort (with DataFrame)", size, cohort_s, cohort_mb, cohort_s / baseline_s),
        ("empty pd.DataFrame()", "per call", empty_s, None, 1.0),
        ("pd.DataFrame, same shape", "per call", same_shape_s, None, same_shape_s / empty_s),
        ("trajectory (26 weeks)", "per call", trajectory_s, None, trajectory_s / empty_s),
    ]
    print(f"painmood model benchmark: median of {REPEATS} repeats; memory = tracemalloc peak")
    print(f"{'what':38} {'size':28} {'time':>10} {'peak MB':>8} {'x baseline':>10}")
    for what, where, seconds, megabytes, ratio in rows:
        shown = f"{seconds * 1e3:8.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:8.1f} us"
        memory = f"{megabytes:8.1f}" if megabytes is not None else f"{'-':>8}"
        print(f"{what:38} {where:28} {shown:>10} {memory} {ratio:10.2f}")
    print(
        f"aim: simulate_cohort within 3x of the bare loop (now {cohort_s / baseline_s:.2f}x) "
        f"and under 0.5 s (now {cohort_s:.3f} s)"
    )


if __name__ == "__main__":
    main()
