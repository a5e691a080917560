"""The course's key charts as PNG and SVG files, for an instructor's slides.

:data:`FIGURES` lists them as data: each :class:`Figure` has a file name, a one-line
caption and a builder that returns the chart, made from the package's model and charts
exactly as the lessons and apps make it. :func:`write_figures` draws every one with
:func:`painmood_widgets.charts.save_chart` (vl-convert, no network access) as
``NAME.png`` and ``NAME.svg``; an SVG carries the chart's title and text alternative.
``make figures`` runs :func:`main`, which writes them into ``figures/`` at the root of the
repository (not committed).

Importing this module loads neither Altair nor ipywidgets: a builder imports the charts
when it runs, so the list can be read anywhere (``exercises/INSTRUCTOR.md`` lists it).

Educational, not diagnostic: the patients are teaching scenarios, and Maria is the source
article's story.

Examples
--------
>>> [item.name for item in FIGURES]
['vicious_cycle', 'poor_sleep_band', 'usual_care_vs_plan', 'tornado',
 'dose_response_sleep', 'dose_response_activity', 'maria_against_band']
>>> print(figure("tornado").caption)
Which lever matters most for lesson 4's patient (5.5 h sleep, 20 min activity a week, 210 opioid
days): each lever moved alone, PHQ-9 at week 12.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from painmood_widgets import model, plan
from painmood_widgets.paths import ROOT

if TYPE_CHECKING:
    import altair as alt

__all__ = [
    "FIGURES",
    "FIGURES_DIR",
    "LIFESTYLE_PATIENT",
    "PLAN_STEPS",
    "POOR_SLEEP_PATIENT",
    "Figure",
    "figure",
    "main",
    "write_figures",
]

FIGURES_DIR = ROOT / "figures"
"""Where ``make figures`` writes the files (in ``.gitignore``)."""

POOR_SLEEP_PATIENT = model.Scenario(sleep_hours=5, baseline_pain=6, baseline_phq9=15, weeks=26)
"""A patient who sleeps 5 hours a night, other levers at the reference lifestyle, starting
at pain 6 and PHQ-9 15 (moderately severe), followed for 26 weeks."""

PLAN_STEPS = ("assessment", "medication_review", "therapy", "exercise", "sleep_hygiene")
"""The treatment plan compared with usual care: the first five steps of the 7-step roadmap
(duloxetine, CBT, an exercise programme and CBT-I, after the assessment)."""

LIFESTYLE_PATIENT = model.Scenario(
    sleep_hours=5.5,
    activity_minutes=20,
    opioid_days=210,
    baseline_pain=7,
    baseline_phq9=14,
    weeks=26,
)
"""Lesson 4's patient (the bus driver): 5.5 hours of sleep, 20 minutes of activity a week,
210 days on an opioid, pain 7 and PHQ-9 14 at the start."""

_WEEK = 12  # the week the tornado and the dose-response curves read, as lesson 4 does


@dataclass(frozen=True)
class Figure:
    """One figure for slides: its file name, what it shows, and how to build it.

    Attributes
    ----------
    name : str
        File name without suffix (``NAME.png``, ``NAME.svg``); unique in :data:`FIGURES`.
    caption : str
        One line saying what the figure shows, for a slide or a handout.
    build : callable
        Takes no argument and returns the chart (an Altair chart with a title and a
        ``description``, its text alternative).
    """

    name: str
    caption: str
    build: Callable[[], alt.TopLevelMixin]


# --------------------------------------------------------------------------- the builders
def _vicious_cycle() -> alt.TopLevelMixin:
    from painmood_widgets import charts

    return charts.feedback_loop_chart()


def _poor_sleep_band() -> alt.TopLevelMixin:
    from painmood_widgets import charts

    patient = POOR_SLEEP_PATIENT
    return charts.trajectory_chart(
        model.trajectory(patient),
        model.summarize(model.simulate_cohort(patient, n=1000)),
        title=f"Sleeping {patient.sleep_hours:g} hours a night: pain and depression over "
        f"{patient.weeks} weeks",
    )


def _usual_care_vs_plan() -> alt.TopLevelMixin:
    from painmood_widgets import charts

    patient = POOR_SLEEP_PATIENT
    treated = patient.replace(treatments=plan.plan_treatments(PLAN_STEPS))
    return charts.comparison_chart(
        model.trajectory(patient),
        model.trajectory(treated),
        labels=("usual care", "treatment plan"),
        title="Usual care or a treatment plan",
    )


def _tornado() -> alt.TopLevelMixin:
    from painmood_widgets import charts

    patient = LIFESTYLE_PATIENT
    return charts.tornado_chart(
        model.sensitivity(patient, outcome="phq9", week=_WEEK),
        reference_outcome=float(model.trajectory(patient).set_index("week").loc[_WEEK, "phq9"]),
        outcome=f"PHQ-9 at week {_WEEK}",
    )


def _dose_response(lever: str) -> Callable[[], alt.TopLevelMixin]:
    def build() -> alt.TopLevelMixin:
        from painmood_widgets import charts

        patient = LIFESTYLE_PATIENT
        return charts.dose_response_chart(
            model.dose_response(patient, lever, week=_WEEK), current=getattr(patient, lever)
        )

    return build


def _maria_against_band() -> alt.TopLevelMixin:
    """The case explorer's chart, with all of Maria's treatments ticked."""
    from painmood_widgets import charts
    from painmood_widgets.state.case import CaseState

    state = CaseState(n=1000)
    return charts.trajectory_chart(
        state.comparison.typical,
        state.comparison.cohort_summary,
        visit_interval_weeks=state.visit_interval_weeks,
        observed=state.course,
        observed_label=state.case.name,
        title=f"{state.case.name}'s course against the model's band",
    ).properties(description=state.chart_description)


def _range(lever: str) -> str:
    """A lever's range in words, from :data:`painmood_widgets.model.SCENARIO_FIELDS`."""
    spec = model.SCENARIO_FIELDS[lever]
    return f"from {spec.minimum:g} to {spec.maximum:g} {spec.unit}"


_SLEEPER, _DRIVER = POOR_SLEEP_PATIENT, LIFESTYLE_PATIENT

FIGURES = (
    Figure(
        "vicious_cycle",
        "The vicious cycle: pain, sleep, activity and mood keep each other going "
        "(links and sources from datasets/vicious_cycle.csv).",
        _vicious_cycle,
    ),
    Figure(
        "poor_sleep_band",
        f"A patient who sleeps {_SLEEPER.sleep_hours:g} hours a night (pain "
        f"{_SLEEPER.baseline_pain:g}, PHQ-9 {_SLEEPER.baseline_phq9:g} at the start): the "
        f"typical course over {_SLEEPER.weeks} weeks within the 10-90% band of 1,000 "
        "simulated patients.",
        _poor_sleep_band,
    ),
    Figure(
        "usual_care_vs_plan",
        "The same patient on usual care or on a plan from the 7-step roadmap (duloxetine, "
        "CBT, exercise, CBT-I): usual care improves too; the plan adds its specific effect.",
        _usual_care_vs_plan,
    ),
    Figure(
        "tornado",
        f"Which lever matters most for lesson 4's patient ({_DRIVER.sleep_hours:g} h sleep, "
        f"{_DRIVER.activity_minutes:g} min activity a week, {_DRIVER.opioid_days} opioid "
        f"days): each lever moved alone, PHQ-9 at week {_WEEK}.",
        _tornado,
    ),
    Figure(
        "dose_response_sleep",
        f"Pain and PHQ-9 at week {_WEEK} for lesson 4's patient as sleep goes "
        f"{_range('sleep_hours')}: more sleep helps up to the model's reference, then adds "
        "nothing.",
        _dose_response("sleep_hours"),
    ),
    Figure(
        "dose_response_activity",
        f"Pain and PHQ-9 at week {_WEEK} for lesson 4's patient as physical activity goes "
        f"{_range('activity_minutes')}: the first minutes help most, later ones less.",
        _dose_response("activity_minutes"),
    ),
    Figure(
        "maria_against_band",
        "Maria's two observed scores against the band of 1,000 simulated patients who start "
        "where she did and get her treatments, as the case explorer shows it.",
        _maria_against_band,
    ),
)
"""The figures ``make figures`` writes, in the order of the course."""


def figure(name: str) -> Figure:
    """The figure of :data:`FIGURES` called ``name``.

    Raises
    ------
    ValueError
        If no figure has that name (the message lists them).

    Examples
    --------
    >>> figure("vicious_cycle").name
    'vicious_cycle'
    >>> figure("loop")
    Traceback (most recent call last):
    ...
    ValueError: no figure called 'loop'; figures: vicious_cycle, poor_sleep_band, \
usual_care_vs_plan, tornado, dose_response_sleep, dose_response_activity, maria_against_band
    """
    for candidate in FIGURES:
        if candidate.name == name:
            return candidate
    names = ", ".join(candidate.name for candidate in FIGURES)
    raise ValueError(f"no figure called {name!r}; figures: {names}")


def write_figures(folder: Path = FIGURES_DIR) -> list[Path]:
    """Write every figure of :data:`FIGURES` as PNG and SVG into ``folder``.

    Each is drawn offline by :func:`painmood_widgets.charts.save_chart` (PNG at scale 2,
    for high-resolution projectors; SVG with the chart's title and text alternative).
    Files already there with the same names are replaced. Takes some seconds: each chart
    is drawn twice by vl-convert.

    Parameters
    ----------
    folder : pathlib.Path, default ``figures/`` at the root of the repository
        Where to write; created if missing.

    Returns
    -------
    list of pathlib.Path
        The files written, ``NAME.png`` then ``NAME.svg`` for each figure in order.

    Raises
    ------
    ValueError
        If ``folder`` exists and is not a folder.
    """
    from painmood_widgets.charts import SAVE_FORMATS, save_chart

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"folder must be a folder; {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in FIGURES:
        chart = item.build()
        written.extend(
            save_chart(chart, folder / f"{item.name}{suffix}") for suffix in SAVE_FORMATS
        )
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Write the figures into ``figures/``; print each file with its caption."""
    del argv  # no options: one list, one folder
    written = write_figures()
    for item in FIGURES:
        files = [path for path in written if path.stem == item.name]
        shown = ", ".join(
            str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path) for path in files
        )
        print(f"{shown}: {item.caption}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
