"""A treatment plan on the 7-step roadmap, and when its re-evaluation visits fall.

The roadmap for chronic pain with depression runs: assessment, medication review,
therapy, exercise, sleep hygiene, mind-body practice, social support. Its steps are
clinical content, kept as data in ``datasets/roadmap.csv`` (one row per step, with its
source); each step but the assessment switches on one treatment of the model. Visits to
re-evaluate pain and mood fall every 4 to 6 weeks (evidence rows
``reevaluation_interval_min_weeks`` and ``reevaluation_interval_max_weeks``), and
:func:`visit_weeks` is the one schedule every chart and sentence uses.

Pure functions; no widgets. Educational, not diagnostic.

Examples
--------
>>> [step.name for step in roadmap()][:3]
['assessment', 'medication_review', 'therapy']
>>> sorted(plan_treatments({"assessment", "therapy", "exercise"}))
['cbt', 'exercise']
>>> visit_weeks(6, 26)
(6, 12, 18, 24)
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from painmood_widgets import evidence
from painmood_widgets.coefficients import TREATMENTS
from painmood_widgets.paths import DATASETS_DIR

__all__ = [
    "ROADMAP_PATH",
    "RoadmapStep",
    "checked_steps",
    "monitoring_interval_weeks",
    "plan_treatments",
    "roadmap",
    "step_for",
    "visit_weeks",
]

ROADMAP_PATH = DATASETS_DIR / "roadmap.csv"
"""The roadmap table: ``step, order, title, short, explanation, treatment, source``."""


@dataclass(frozen=True)
class RoadmapStep:
    """One step of the 7-step roadmap (a row of ``datasets/roadmap.csv``).

    Attributes
    ----------
    name : str
        Key, e.g. ``"therapy"``.
    title : str
        Label of the step's check box, numbered: "3. Therapy: ...".
    short : str
        Name of the step in a sentence, e.g. ``"therapy (CBT)"``.
    explanation : str
        One line on what the step is and what it does.
    treatment : str or None
        The model treatment the step switches on (None for the assessment).
    source : str
        Where the explanation comes from.
    """

    name: str
    title: str
    short: str
    explanation: str
    treatment: str | None
    source: str


@functools.cache
def roadmap() -> tuple[RoadmapStep, ...]:
    """The seven steps in order, read once from ``datasets/roadmap.csv``.

    Raises
    ------
    ValueError
        If a step names a treatment the model does not have.
    """
    table = pd.read_csv(ROADMAP_PATH, dtype=str, keep_default_na=False)
    table = table.sort_values("order", key=lambda order: order.astype(int), kind="stable")
    steps = []
    for row in table.itertuples(index=False):
        if row.treatment and row.treatment not in TREATMENTS:
            raise ValueError(
                f"roadmap step {row.step!r} names the treatment {row.treatment!r}; "
                f"treatments: {', '.join(TREATMENTS)}"
            )
        steps.append(
            RoadmapStep(
                name=row.step,
                title=f"{row.order}. {row.title}",
                short=row.short,
                explanation=row.explanation,
                treatment=row.treatment or None,
                source=row.source,
            )
        )
    return tuple(steps)


def step_for(name: str) -> RoadmapStep:
    """The roadmap step called ``name``.

    Examples
    --------
    >>> step_for("therapy").treatment
    'cbt'
    """
    return {step.name: step for step in roadmap()}[checked_steps([name])[0]]


def checked_steps(steps: Iterable[str]) -> tuple[str, ...]:
    """Step names, checked, in roadmap order.

    Raises
    ------
    ValueError
        If ``steps`` is a bare string, not a collection, or names an unknown step (the
        message lists the steps).

    Examples
    --------
    >>> checked_steps({"therapy", "assessment"})
    ('assessment', 'therapy')
    >>> checked_steps(["yoga"])
    Traceback (most recent call last):
    ...
    ValueError: unknown step 'yoga'; steps: assessment, medication_review, therapy, \
exercise, sleep_hygiene, mind_body, social_support
    """
    names = [step.name for step in roadmap()]
    if isinstance(steps, str | bytes) or not isinstance(steps, Iterable):
        raise ValueError(
            f"steps must be a collection of step names; got {steps!r}; steps: {', '.join(names)}"
        )
    wanted = set(steps)
    unknown = sorted(repr(name) for name in wanted - set(names))
    if unknown:
        raise ValueError(f"unknown step {', '.join(unknown)}; steps: {', '.join(names)}")
    return tuple(name for name in names if name in wanted)


def plan_treatments(steps: Iterable[str]) -> frozenset[str]:
    """The model treatments a plan's steps switch on."""
    chosen = set(checked_steps(steps))
    return frozenset(step.treatment for step in roadmap() if step.name in chosen and step.treatment)


def monitoring_interval_weeks() -> tuple[int, int]:
    """Shortest and longest weeks between re-evaluation visits (evidence rows).

    Examples
    --------
    >>> monitoring_interval_weeks()
    (4, 6)
    """
    return (
        int(evidence.parameter("reevaluation_interval_min_weeks")),
        int(evidence.parameter("reevaluation_interval_max_weeks")),
    )


def _whole(value: object, name: str, lowest: int) -> int:
    if (
        isinstance(value, bool | np.bool_)
        or not isinstance(value, numbers.Integral)
        or int(value) < lowest
    ):
        raise ValueError(f"{name} must be a whole number of at least {lowest}; got {value!r}")
    return int(value)


def visit_weeks(interval_weeks: int, last_week: int, first_week: int = 0) -> tuple[int, ...]:
    """The re-evaluation visits: every ``interval_weeks`` after ``first_week``.

    The last visit falls at or before ``last_week``.

    Parameters
    ----------
    interval_weeks : int
        Weeks between visits (the guideline range is :func:`monitoring_interval_weeks`).
    last_week : int
        Last week shown.
    first_week : int, default 0
        The week the plan starts (the first visit is one interval after it).

    Raises
    ------
    ValueError
        If a number is not a whole number of weeks (the interval at least 1).

    Examples
    --------
    >>> visit_weeks(4, 12), visit_weeks(4, 12, first_week=2), visit_weeks(6, 5)
    ((4, 8, 12), (6, 10), ())
    """
    interval = _whole(interval_weeks, "interval_weeks", 1)
    last = _whole(last_week, "last_week", 0)
    first = _whole(first_week, "first_week", 0)
    return tuple(range(first + interval, last + 1, interval))
