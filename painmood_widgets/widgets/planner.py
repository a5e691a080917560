"""The treatment planner: build a plan on the 7-step roadmap and simulate it.

A view of a :class:`~painmood_widgets.state.plan.PlanState` (``planner.state``): the
learner ticks the steps of a plan (the roadmap is ``datasets/roadmap.csv``, read by
:mod:`painmood_widgets.plan`); each step but the assessment switches on one treatment of
the model in an embedded :class:`~painmood_widgets.widgets.simulator.SimulatorApp`, which
views the plan's simulation, and the chart marks the re-evaluation visits every 4 to 6
weeks. The assessment adds no treatment: it is the baseline measurement every visit is
judged against, so its line shows the starting PHQ-9 and pain. Each step has a one-line
explanation and, where the model has evidence rows for it, their sources and evidence
levels.

Educational, not diagnostic.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from types import MappingProxyType

import ipywidgets as widgets

from painmood_widgets import model, plan
from painmood_widgets.describe.plan import step_evidence
from painmood_widgets.state.batching import DEFAULT_DELAY_S
from painmood_widgets.state.plan import PlanState
from painmood_widgets.widgets.common import TickedLink, educational_notice, status_html
from painmood_widgets.widgets.simulator import SimulatorApp

__all__ = ["TreatmentPlanner"]

_LABEL_STYLE = {"description_width": "initial"}


def _step_text(step: plan.RoadmapStep) -> str:
    text = f"<p style='margin: 0 0 0.6em 1.6em'>{html.escape(step.explanation)}"
    if step.treatment is not None:
        text += f"<br><small>{html.escape(step_evidence(step.treatment))}</small>"
    return text + "</p>"


class TreatmentPlanner(widgets.VBox):
    """A plan on the 7-step roadmap, simulated with re-evaluation visits marked.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario, optional
        The patient: levers, starting scores, weeks; its treatments tick the matching
        steps. Default ``model.Scenario()``.
    delay_s : float, default DEFAULT_DELAY_S
        Debounce window, in seconds (see
        :class:`~painmood_widgets.state.batching.Debouncer`).
    embedded : bool, default False
        True on an app page that gives the title (its ``<h1>``) and the educational
        notice: both are left out, and the sections' headings move up a level.

    Attributes
    ----------
    state : PlanState
        What the planner shows; its ``simulator`` is the simulation's state.
    steps : mapping of str to ipywidgets.Checkbox
        One box per step of :func:`painmood_widgets.plan.roadmap`, by step name.
    visit_interval : ipywidgets.IntSlider
        Weeks between re-evaluation visits, 4 to 6.
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
        self,
        scenario: model.Scenario | None = None,
        *,
        delay_s: float = DEFAULT_DELAY_S,
        embedded: bool = False,
    ) -> None:
        self.state = PlanState(scenario, delay_s=delay_s)
        self.simulator = SimulatorApp(state=self.state.simulator, embedded=True)
        self.steps = MappingProxyType(
            {
                step.name: widgets.Checkbox(
                    value=step.name in self.state.steps,
                    description=step.title,
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for step in plan.roadmap()
            }
        )
        TickedLink(self.steps, (self.state, "steps"))
        shortest, longest = plan.monitoring_interval_weeks()
        self.visit_interval = widgets.IntSlider(
            value=self.state.visit_interval_weeks,
            min=shortest,
            max=longest,
            step=1,
            description="Re-evaluate pain and mood every (weeks)",
            continuous_update=False,
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="36em", max_width="100%"),
        )
        widgets.link((self.visit_interval, "value"), (self.state, "visit_interval_weeks"))
        # the value in words, which the page gives the slider as its aria-valuetext
        widgets.dlink((self.state, "visits_text"), (self.visit_interval, "tooltip"))
        self.simulator.treatments_box.layout.display = "none"
        self.baseline_display = widgets.HTML()
        self.plan_display = widgets.HTML()

        rows = []
        for step in plan.roadmap():
            rows.append(self.steps[step.name])
            if step.treatment is None:
                rows.append(self.baseline_display)
            rows.append(widgets.HTML(_step_text(step)))
        super().__init__(
            children=(
                *(
                    ()
                    if embedded
                    else (
                        widgets.HTML("<h2>Treatment planner: the 7-step roadmap</h2>"),
                        educational_notice(),
                    )
                ),
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
        self._show()
        self.state.observe(self._show, names="refreshes")

    @property
    def plan(self) -> tuple[str, ...]:
        """The names of the chosen steps, in roadmap order."""
        return plan.checked_steps(self.state.steps)

    @property
    def plan_text(self) -> str:
        """The plan and its visits in words (shown above the simulator)."""
        return self.state.plan_text

    @property
    def summary_text(self) -> str:
        """The plan, its visits and the simulated outcome, in plain sentences."""
        return self.state.summary

    def set_plan(self, steps: Iterable[str]) -> None:
        """Tick exactly the given steps (the simulator then updates once).

        Parameters
        ----------
        steps : iterable of str
            Step names from :func:`painmood_widgets.plan.roadmap`, e.g.
            ``["assessment", "therapy"]``.

        Raises
        ------
        ValueError
            If `steps` is a bare string or names an unknown step; nothing changes.
        """
        with self.state.simulator.hold():
            self.state.steps = steps

    def _show(self, _change: dict | None = None) -> None:
        self.baseline_display.value = (
            f"<p style='margin: 0 0 0 1.6em'>{html.escape(self.state.baseline_text)}</p>"
        )
        self.plan_display.value = status_html(self.state.plan_text)
