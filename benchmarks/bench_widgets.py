"""Benchmark a simulator update against a bare widget round trip timed in the same run.

A learner lets go of a slider; the kernel reruns the model and swaps the chart's data.
The baseline is the least any widget update costs: a slider value set, an observer called,
an HTML widget's value set. Both are timed in-process (no browser), as medians of
repeats, and reported as a ratio because shared machines are noisy.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import ipywidgets as widgets

from painmood_widgets.widgets import SimulatorApp

REPEATS = 15


def _median_seconds(step: Callable[[int], None], repeats: int = REPEATS) -> float:
    step(0)  # warm-up
    times = []
    for index in range(1, repeats + 1):
        start = time.perf_counter()
        step(index)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_round_trip() -> Callable[[int], None]:
    slider = widgets.FloatSlider(min=3, max=10, step=0.5)
    echo = widgets.HTML()
    slider.observe(lambda change: setattr(echo, "value", f"{change['new']:.1f} h"), "value")
    return lambda index: setattr(slider, "value", 3 + (index % 14) / 2)


def simulator_update(compare: bool) -> Callable[[int], None]:
    app = SimulatorApp(compare=compare, delay_s=0)
    return lambda index: setattr(app.sleep_hours, "value", 3 + (index % 14) / 2)


def main() -> None:
    baseline = _median_seconds(bare_round_trip())
    rows = [
        ("bare widget round trip (slider -> observer -> HTML)", baseline),
        (
            "SimulatorApp update (model + cohort band + chart)",
            _median_seconds(simulator_update(compare=False)),
        ),
        (
            "SimulatorApp update, compare with usual care on",
            _median_seconds(simulator_update(compare=True)),
        ),
    ]
    print(f"painmood widget benchmark: median of {REPEATS} repeats, in-process, no browser")
    print(f"{'what':55} {'time':>11} {'x baseline':>11}")
    for name, seconds in rows:
        print(f"{name:55} {seconds * 1e3:8.2f} ms {seconds / baseline:11.0f}")


if __name__ == "__main__":
    main()
