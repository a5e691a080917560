"""Benchmark importing the core against importing numpy and pandas, in the same run.

Each import runs in a fresh interpreter (``python -X importtime`` is not needed: the
wall time of a process that only imports is what a kernel pays), as medians of repeats.
The aim: the core (scales, model, evidence, state) costs at most about twice numpy and
pandas, and loads neither ipywidgets nor Altair; a widget import is shown for scale.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

REPEATS = 7
IMPORTS = (
    ("python alone (baseline of a process)", "pass"),
    ("import numpy, pandas", "import numpy, pandas"),
    (
        "import the core (scales, model, evidence, state)",
        "import painmood_widgets.scales, painmood_widgets.model, painmood_widgets.evidence, "
        "painmood_widgets.state.simulator",
    ),
    ("import the widgets (ipywidgets, Altair, offline bundle)", "import painmood_widgets.widgets"),
)


def median_seconds(code: str) -> float:
    """Median wall time of a fresh interpreter running ``code``, after one warm-up."""
    subprocess.run([sys.executable, "-c", code], check=True)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    seconds = {name: median_seconds(code) for name, code in IMPORTS}
    bare = seconds[IMPORTS[0][0]]
    baseline = seconds[IMPORTS[1][0]] - bare
    print(f"painmood import benchmark: median of {REPEATS} fresh interpreters")
    print(f"{'what':58} {'time':>9} {'x numpy+pandas':>15}")
    print(f"{IMPORTS[0][0]:58} {bare * 1e3:6.0f} ms   (subtracted below)")
    for name, total in list(seconds.items())[1:]:
        cost = total - bare
        print(f"{name:58} {cost * 1e3:6.0f} ms {cost / baseline:15.2f}")
    core = seconds[IMPORTS[2][0]] - bare
    print(f"aim: the core within about 2x of numpy+pandas (now {core / baseline:.2f}x)")


if __name__ == "__main__":
    main()
