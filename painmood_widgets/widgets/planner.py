"""The treatment planner: build a plan on the 7-step roadmap and simulate it.

The roadmap for chronic pain with depression runs: assessment, medication review,
therapy, exercise, sleep hygiene, mind-body practice, social support. The learner ticks
the steps of a plan; each step but the first switches on one treatment of the model in an
embedded :class:`~painmood_widgets.widgets.simulator.SimulatorApp` (the two stay linked
both ways), and the chart marks the re-evaluation visits every 4 to 6 weeks. The
assessment adds no treatment: it is the baseline measurement every visit is judged
against, so its line shows the starting PHQ-9 and pain.

Each step has a one-line explanation; where the model has evidence rows for it, their
sources and evidence levels follow (from ``datasets/evidence.csv``).

Educational, not diagnostic.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

import ipywidgets as widgets

from painmood_widgets import charts, describe, evidence, model, scales
from painmood_widgets.state.batching import DEFAULT_DELAY_S
from painmood_widgets.widgets.common import educational_notice
from painmood_widgets.widgets.simulator import SimulatorApp

__all__ = ["ROADMAP", "RoadmapStep", "TreatmentPlanner"]


@dataclass(frozen=True)
class RoadmapStep:
    """One step of the 7-step roadmap.

    Attributes
    ----------
    name : str
        Key, e.g. ``"therapy"``.
    title : str
        Label of the step's check box.
    short : str
        Name of the step in a sentence, e.g. ``"therapy (CBT)"``.
    explanation : str
        One line on what the step is and what it does.
    treatment : str or None
        The model treatment the step switches on (None for the assessment).
    """

    name: str
    title: str
    short: str
    explanation: str
    treatment: str | None


ROADMAP = (
    RoadmapStep(
        "assessment",
        "1. Assessment: measure PHQ-9 and pain",
        "assessment",
        "The baseline every later visit is judged against: PHQ-9 bands (Kroenke et al. "
        "2001); a pain drop of 2 points or 30% is clinically important (Farrar et al. 2001).",
        None,
    ),
    RoadmapStep(
        "medication_review",
        "2. Medication review: duloxetine",
        "medication review (duloxetine)",
        "Duloxetine 60 mg a day eases pain and mood modestly; review how long any opioid has "
        "been taken, as longer use goes with new depression (Scherrer et al. 2014).",
        "duloxetine",
    ),
    RoadmapStep(
        "therapy",
        "3. Therapy: cognitive behavioural therapy (CBT)",
        "therapy (CBT)",
        "Against usual care or a waiting list CBT helps mood and catastrophizing more than "
        "pain; against active treatments it showed no effect on pain or mood.",
        "cbt",
    ),
    RoadmapStep(
        "exercise",
        "4. Exercise: a graded programme such as gentle yoga",
        "exercise",
        "Structured exercise probably eases chronic low back pain a little, and more activity "
        "goes with less depression; in the model the programme adds activity, so it helps an "
        "inactive patient most.",
        "exercise",
    ),
    RoadmapStep(
        "sleep_hygiene",
        "5. Sleep hygiene: CBT for insomnia (CBT-I)",
        "sleep hygiene (CBT-I)",
        "Improves sleep most, depression moderately and pain a little; in the model it helps "
        "only someone who sleeps less than 7 hours.",
        "cbt_i",
    ),
    RoadmapStep(
        "mind_body",
        "6. Mind-body: mindfulness",
        "mind-body (mindfulness)",
        "A small drop in pain (low-quality evidence); depression and quality of life improve.",
        "mindfulness",
    ),
    RoadmapStep(
        "social_support",
        "7. Social support: family, peers, groups",
        "social support",
        "No trial figure in the evidence brief: the model's effect is an assumption.",
        "social_support",
    ),
)
"""The seven steps in order."""

_STEPS = MappingProxyType({step.name: step for step in ROADMAP})
_LABEL_STYLE = {"description_width": "initial"}


def _evidence_line(treatment: str) -> str:
    """Sources and evidence levels of the model rows behind a treatment's effects."""
    rows = evidence.rows(model.TREATMENT_EFFECT_ROWS[treatment])
    cited = dict.fromkeys(
        f"{source[:-1]}; {level})" if source.endswith(")") else f"{source} ({level})"
        for source, level in zip(rows["source"], rows["evidence_level"], strict=True)
    )
    return "Evidence in the model: " + "; ".join(cited) + "."


def _step_text(step: RoadmapStep) -> str:
    text = f"<p style='margin: 0 0 0.6em 1.6em'>{html.escape(step.explanation)}"
    if step.treatment is not None:
        text += f"<br><small>{html.escape(_evidence_line(step.treatment))}</small>"
    return text + "</p>"


class TreatmentPlanner(widgets.VBox):
    """A plan on the 7-step roadmap, simulated with re-evaluation visits marked.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario, optional
        The patient: levers, starting scores, weeks; its treatments tick the matching
        steps. Default ``model.Scenario()``.
    delay_s : float, default DEFAULT_DELAY_S
        Debounce quiet time of the embedded simulator, in seconds.

    Attributes
    ----------
    steps : mapping of str to ipywidgets.Checkbox
        One box per step of :data:`ROADMAP`, by step name. Every step but the assessment
        is linked both ways to a treatment box of the simulator.
    visit_interval : ipywidgets.IntSlider
        Weeks between re-evaluation visits, 4 to 6; linked to the simulator's
        ``visit_interval_weeks``.
    simulator : SimulatorApp
        The embedded simulator (its own treatment boxes hidden: the steps drive them).
    baseline_display, plan_display : ipywidgets.HTML
        The assessment's baseline line and the plan summary.

    Examples
    --------
    >>> planner = TreatmentPlanner()
    >>> planner.steps["therapy"].value = True
    >>> planner.simulator.treatments["cbt"].value
    True
    >>> planner.plan
    ('assessment', 'therapy')
    >>> planner.visit_interval.value = 6
    >>> planner.summary_text.split(". ")[1]
    'Re-evaluation every 6 weeks: weeks 6, 12, 18 and 24'
    """

    def __init__(
        self, scenario: model.Scenario | None = None, *, delay_s: float = DEFAULT_DELAY_S
    ) -> None:
        self.simulator = SimulatorApp(scenario, delay_s=delay_s, embedded=True)
        chosen = self.simulator.scenario.treatments
        self.steps = MappingProxyType(
            {
                step.name: widgets.Checkbox(
                    value=step.treatment is None or step.treatment in chosen,
                    description=step.title,
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for step in ROADMAP
            }
        )
        for step in ROADMAP:
            if step.treatment is not None:
                widgets.link(
                    (self.steps[step.name], "value"),
                    (self.simulator.treatments[step.treatment], "value"),
                )
        shortest, longest = charts.MONITORING_INTERVAL_WEEKS
        self.visit_interval = widgets.IntSlider(
            value=self.simulator.visit_interval_weeks,
            min=shortest,
            max=longest,
            step=1,
            description="Re-evaluate pain and mood every (weeks)",
            continuous_update=False,
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="36em", max_width="100%"),
        )
        widgets.link((self.visit_interval, "value"), (self.simulator, "visit_interval_weeks"))
        self.simulator.treatments_box.layout.display = "none"
        self.baseline_display = widgets.HTML()
        self.plan_display = widgets.HTML()

        rows = []
        for step in ROADMAP:
            rows.append(self.steps[step.name])
            if step.treatment is None:
                rows.append(self.baseline_display)
            rows.append(widgets.HTML(_step_text(step)))
        super().__init__(
            children=(
                widgets.HTML("<h3>Treatment planner: the 7-step roadmap</h3>"),
                educational_notice(),
                widgets.HTML(
                    "<p>Tick the steps of your plan. Each step from 2 to 7 adds its "
                    "treatment to the simulation below; the chart marks the visits where "
                    "pain and mood are measured again (every 4 to 6 weeks).</p>"
                ),
                *rows,
                self.visit_interval,
                self.plan_display,
                self.simulator,
            )
        )
        for box in self.steps.values():
            box.observe(self._refresh, names="value")
        self.visit_interval.observe(self._refresh, names="value")
        for name in ("baseline_pain", "baseline_phq9", "weeks"):
            self.simulator.controls[name].observe(self._refresh, names="value")
        self._refresh()

    @property
    def plan(self) -> tuple[str, ...]:
        """The names of the chosen steps, in roadmap order."""
        return tuple(step.name for step in ROADMAP if self.steps[step.name].value)

    @property
    def plan_text(self) -> str:
        """The plan and its visits in words (shown above the simulator)."""
        return self._plan_text

    @property
    def summary_text(self) -> str:
        """The plan, its visits and the simulated outcome, in plain sentences."""
        return f"{self._plan_text} {self.simulator.summary_text}"

    def set_plan(self, steps: Iterable[str]) -> None:
        """Tick exactly the given steps (the simulator then updates once).

        Parameters
        ----------
        steps : iterable of str
            Step names from :data:`ROADMAP`, e.g. ``["assessment", "therapy"]``.

        Raises
        ------
        ValueError
            If `steps` is a bare string or names an unknown step; nothing changes.
        """
        if isinstance(steps, str | bytes) or not isinstance(steps, Iterable):
            raise ValueError(
                f"steps must be a collection of step names; got {steps!r}; "
                f"steps: {', '.join(_STEPS)}"
            )
        wanted = set(steps)
        unknown = sorted(repr(name) for name in wanted - set(_STEPS))
        if unknown:
            raise ValueError(f"unknown step {', '.join(unknown)}; steps: {', '.join(_STEPS)}")
        treatments = {_STEPS[name].treatment for name in wanted} - {None}
        self.steps["assessment"].value = "assessment" in wanted
        self.simulator.set_values(treatments=treatments)

    def _refresh(self, _change: dict | None = None) -> None:
        start = self.simulator.scenario
        phq9 = describe.phq9_reading(start.baseline_phq9)
        self.baseline_display.value = (
            "<p style='margin: 0 0 0 1.6em'><strong>Baseline now:</strong> "
            f"PHQ-9 {phq9} ({html.escape(scales.phq9_severity(phq9))}), pain "
            f"{describe.pain_reading(start.baseline_pain):.1f}/10.</p>"
        )
        chosen = [_STEPS[name].short for name in self.plan]
        if chosen:
            listed = chosen[0] if len(chosen) == 1 else f"{', '.join(chosen[:-1])} and {chosen[-1]}"
            text = f"Plan: {listed}."
        else:
            text = "Plan: no step chosen yet."
        if not self.steps["assessment"].value:
            text += (
                " No assessment: without a baseline PHQ-9 and pain there is nothing to "
                "measure change against."
            )
        text += " " + describe.describe_visits(self.visit_interval.value, start.weeks)
        self._plan_text = text
        self.plan_display.value = f'<p role="status" aria-live="polite">{html.escape(text)}</p>'
