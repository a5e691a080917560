"""The simulator app: move a lever, see pain and PHQ-9 respond week by week.

:class:`SimulatorApp` puts the model's levers (sleep, activity, CRP, opioid days), the six
treatments and the starting scores on labelled controls, and shows the typical patient's
course with the band of a simulated cohort, a plain-language summary, the evidence rows
behind the result and, on request, the usual-care course for comparison.

The app is a view of a :class:`~painmood_widgets.state.simulator.SimulatorState`
(``app.state``): its controls are linked to the state's inputs, and each refresh of the
state (one for a burst of changes) updates values only: the summary's HTML, the evidence
table's HTML and the ``spec`` of the one chart widget (only its data and text
alternative, unless the weeks, the visits or the comparison change what is drawn). State
can be set and read from Python::

    app = SimulatorApp()
    app.sleep_hours.value = 5              # controls are named as the Scenario fields
    app.treatments["cbt"].value = True
    app.set_values(opioid_days=200)        # checked: a bad value raises ValueError
    app.scenario, app.trajectory, app.summary_text, app.chart.spec

With no running asyncio loop (a script, pytest) a change applies at once. In a live
kernel a change made in a cell applies once the cell has run, like a learner's (changes
soon after another are gathered for up to the debounce window): call ``app.flush()`` to
apply it at once, or use :meth:`SimulatorApp.set_values`,
:meth:`SimulatorApp.set_scenario` or :meth:`SimulatorApp.hold`, which update on return.

Educational, not diagnostic.
"""

from __future__ import annotations

import html
import reprlib
from contextlib import AbstractContextManager
from operator import itemgetter
from types import MappingProxyType
from typing import NoReturn

import ipywidgets as widgets
import pandas as pd
import traitlets

from painmood_widgets import model
from painmood_widgets.charts.live import LiveTrajectoryChart
from painmood_widgets.describe.evidence import evidence_heading
from painmood_widgets.state.batching import DEFAULT_DELAY_S
from painmood_widgets.state.simulator import (
    COHORT_SEED,
    COHORT_SIZE,
    USUAL_CARE_LABEL,
    USUAL_CARE_NAME,
    SimulatorState,
)
from painmood_widgets.widgets.common import (
    TickedLink,
    educational_notice,
    evidence_table_html,
    refusal_html,
    scenario_slider,
    section_level,
    status_html,
)

__all__ = ["COHORT_SEED", "COHORT_SIZE", "USUAL_CARE_NAME", "SimulatorApp"]

_LABEL_STYLE = {"description_width": "initial"}


def _section(title: str, controls: list[widgets.Widget], level: int) -> widgets.VBox:
    return widgets.VBox(
        (widgets.HTML(f"<h{level}>{html.escape(title)}</h{level}>"), *controls),
        layout=widgets.Layout(margin="0 2em 0.5em 0"),
    )


class SimulatorApp(widgets.VBox):
    """Levers, treatments and starting scores in; trajectory, band, summary and evidence out.

    Parameters
    ----------
    scenario : painmood_widgets.model.Scenario, optional
        Where the controls start, and where :meth:`reset` returns; default
        ``model.Scenario()``.
    compare : bool, default False
        Whether the no-change course is drawn at the start (and after a reset).
    delay_s : float, default DEFAULT_DELAY_S
        Debounce window in seconds. In a live kernel the first change of a burst runs
        the model at once, and the changes in the window after it run it once more at
        the window's end; with no running asyncio loop, or 0, every change at once.
    cohort_size : int, default COHORT_SIZE
        Virtual patients behind the band.
    embedded : bool, default False
        True when the page or app around this one gives the title (as a heading one level
        up) and the educational notice: both are left out, and the sections' headings
        move up a level.
    state : SimulatorState, optional
        A state to view (another app's); then ``scenario``, ``compare``, ``delay_s`` and
        ``cohort_size`` are the state's own.

    Attributes
    ----------
    sleep_hours, activity_minutes, crp_mg_l, opioid_days : ipywidgets slider
        The levers, named as the :class:`~painmood_widgets.model.Scenario` fields.
    baseline_pain, baseline_phq9, weeks : ipywidgets slider
        Starting scores and weeks simulated.
    controls : mapping of str to slider
        The seven sliders above by field name (ranges, steps, labels and units from
        :data:`painmood_widgets.model.SCENARIO_FIELDS`; ``continuous_update=False``).
    treatments : mapping of str to ipywidgets.Checkbox
        One box per treatment of :data:`painmood_widgets.model.TREATMENTS`.
    compare : ipywidgets.Checkbox
        Draw the usual-care course (reference lifestyle, no added treatment, same start).
    reset_button : ipywidgets.Button
        Calls :meth:`reset`.
    chart : altair.JupyterChart
        The one chart widget. An update swaps the data and text alternative of its
        ``spec`` (see :class:`~painmood_widgets.charts.live.LiveTrajectoryChart`), so
        ``spec`` is what it draws; its ``chart`` is set only when the layout changes.
    summary_display, error_display, evidence_display : ipywidgets.HTML
        The summary, the last refusal (empty when none) and the evidence table.
    evidence_panel : ipywidgets.Accordion
        Holds the evidence table; its title counts the rows.
    treatments_box : ipywidgets.VBox
        The treatment section (another app may hide it and drive the boxes itself).
    visit_interval_weeks : int trait, 4 to 6
        Weeks between the re-evaluation visits marked on the chart.

    Examples
    --------
    >>> app = SimulatorApp()
    >>> app.sleep_hours.value = 5
    >>> app.summary_text.split(";")[0]
    'At week 12: PHQ-9 9 (mild), 1 point lower than now'
    >>> app.treatments["cbt"].value = True
    >>> app.set_values(sleep_hours=2)
    Traceback (most recent call last):
    ...
    ValueError: sleep_hours must be a number from 3 to 10 (hours per night); got 2
    >>> app.scenario.sleep_hours, sorted(app.scenario.treatments)
    (5.0, ['cbt'])
    """

    visit_interval_weeks = traitlets.Int(4)

    @traitlets.validate("visit_interval_weeks")
    def _check_interval(self, proposal: dict) -> int:
        try:
            return SimulatorState.check_interval(proposal["value"])
        except ValueError as error:
            raise traitlets.TraitError(str(error)) from error

    def __init__(
        self,
        scenario: model.Scenario | None = None,
        *,
        compare: bool = False,
        delay_s: float = DEFAULT_DELAY_S,
        cohort_size: int = COHORT_SIZE,
        embedded: bool = False,
        state: SimulatorState | None = None,
    ) -> None:
        if state is not None and not isinstance(state, SimulatorState):
            raise ValueError(f"state must be a SimulatorState; got {type(state).__name__}")
        self.state = (
            SimulatorState(scenario, compare=compare, cohort_size=cohort_size, delay_s=delay_s)
            if state is None
            else state
        )
        compare = self.state.compare
        start = self.state.scenario
        self._start = start
        self._start_compare = bool(compare)
        self._error_text = ""

        self.controls = MappingProxyType(
            {name: scenario_slider(name, getattr(start, name)) for name in model.SCENARIO_FIELDS}
        )
        for name, control in self.controls.items():
            setattr(self, name, control)
            widgets.link((control, "value"), (self.state, name))
            # the value in words, which the page gives the slider as its aria-valuetext
            widgets.dlink((self.state, "control_words"), (control, "tooltip"), itemgetter(name))
        self.treatments = MappingProxyType(
            {
                name: widgets.Checkbox(
                    value=name in start.treatments,
                    description=model.TREATMENT_LABELS[name],
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for name in model.TREATMENTS
            }
        )
        TickedLink(self.treatments, (self.state, "treatments"))
        self.compare = widgets.Checkbox(
            value=self._start_compare,
            description=f"Compare with {USUAL_CARE_LABEL}",
            indent=False,
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="auto"),
        )
        widgets.link((self.compare, "value"), (self.state, "compare"))
        super().__init__()
        self.visit_interval_weeks = self.state.visit_interval_weeks
        traitlets.link((self, "visit_interval_weeks"), (self.state, "visit_interval_weeks"))
        self.reset_button = widgets.Button(
            description="Reset all controls",
            icon="undo",
            layout=widgets.Layout(width="auto", margin="0 0 0 1.5em"),
        )
        self.reset_button.on_click(lambda _button: self.reset())
        self.error_display = widgets.HTML()
        self.summary_display = widgets.HTML()
        self.evidence_display = widgets.HTML()
        self.evidence_panel = widgets.Accordion(children=(self.evidence_display,))
        level = section_level(embedded)
        self.treatments_box = _section("Treatments", list(self.treatments.values()), level)
        trajectory, cohort_summary, options = self._chart_arguments()
        self._live_chart = LiveTrajectoryChart(
            self.summary_text, trajectory, cohort_summary, **options
        )
        self.chart = self._live_chart.widget
        self._show_outputs()

        header = (
            ()
            if embedded
            else (
                widgets.HTML("<h2>Simulator: chronic pain and depression week by week</h2>"),
                educational_notice(),
            )
        )
        intro = widgets.HTML(
            "<p>Move a control and let go: the chart, the summary and the evidence list "
            "follow. Solid line: the typical patient; shaded band: 8 in 10 of "
            f"{self.state.cohort_size} simulated patients. Without treatment the course "
            "still improves, as trials' control arms do; each treatment adds its trial "
            "effect on top. A teaching model: how pain and mood pull on each other is "
            "illustrative; the size of each effect comes from the studies listed under the "
            "chart.</p>"
        )
        lifestyle = _section(
            "Lifestyle and biology", [self.controls[name] for name in model.LEVERS], level
        )
        start_box = _section(
            "Starting point and time",
            [self.controls[name] for name in ("baseline_pain", "baseline_phq9", "weeks")],
            level,
        )
        self.children = (
            *header,
            intro,
            widgets.HBox(
                (lifestyle, self.treatments_box), layout=widgets.Layout(flex_flow="row wrap")
            ),
            start_box,
            widgets.HBox(
                (self.compare, self.reset_button), layout=widgets.Layout(align_items="center")
            ),
            self.error_display,
            self.summary_display,
            self.chart,
            self.evidence_panel,
        )
        self.state.observe(self._refreshed, names="refreshes")

    # ----------------------------------------------------------------- state, as shown
    @property
    def scenario(self) -> model.Scenario:
        """The scenario the controls hold now (validated by the model)."""
        return self.state.scenario

    @property
    def shown_scenario(self) -> model.Scenario:
        """The scenario the chart and summary show (lags :attr:`scenario` while pending)."""
        return self.state.shown_scenario

    @property
    def trajectory(self) -> pd.DataFrame:
        """The typical patient's course shown (``model.trajectory``)."""
        return self.state.trajectory

    @property
    def cohort_summary(self) -> pd.DataFrame:
        """Percentiles of the simulated cohort shown (``model.summarize``)."""
        return self.state.cohort_summary

    @property
    def reference_trajectory(self) -> pd.DataFrame | None:
        """The usual-care course shown, or None while the comparison is off."""
        return self.state.reference_trajectory

    @property
    def evidence_table(self) -> pd.DataFrame:
        """The evidence rows behind the result shown (``model.evidence_behind``)."""
        return self.state.evidence_rows

    @property
    def summary_text(self) -> str:
        """The plain-language summary shown, also the lead of the chart's text alternative."""
        return self.state.summary

    @property
    def error_text(self) -> str:
        """The last refusal shown to the learner; empty when the last change was applied."""
        return self._error_text

    @property
    def pending(self) -> bool:
        """True while a change waits for the debounced update."""
        return self.state.pending

    # ----------------------------------------------------------------- actions
    def set_scenario(self, scenario: model.Scenario) -> None:
        """Set every control from a scenario, then update once.

        Raises
        ------
        ValueError
            If `scenario` is not a :class:`~painmood_widgets.model.Scenario`. The message
            is shown in the app too; no control changes.
        """
        if not isinstance(scenario, model.Scenario):
            self._refuse(
                "set_scenario needs a painmood_widgets.model.Scenario; got a "
                f"{type(scenario).__name__} {reprlib.repr(scenario)}"
            )
        self.state.set_scenario(scenario)

    def set_values(self, **fields: object) -> None:
        """Change some scenario fields at once, checked by the model, then update once.

        Parameters
        ----------
        **fields
            :class:`~painmood_widgets.model.Scenario` fields and values, e.g.
            ``sleep_hours=5, treatments={"cbt"}``.

        Raises
        ------
        ValueError
            If a name is not a field or a value is out of range (the model's message
            names the field and its range). The message is shown in the app too; no
            control changes.
        """
        try:
            scenario = self.scenario.replace(**fields)
        except ValueError as error:
            self._refuse(str(error), error)
        self.set_scenario(scenario)

    def reset(self) -> None:
        """Return every control to where the app started, then update once."""
        with self.state.hold():
            self.compare.value = self._start_compare
            self.state.set_scenario(self._start)

    def flush(self) -> None:
        """Apply a pending debounced update now."""
        self.state.flush()

    def hold(self) -> AbstractContextManager[None]:
        """A block whose changes update the app once, on leaving it.

        Examples
        --------
        >>> app = SimulatorApp()
        >>> with app.hold():
        ...     app.sleep_hours.value = 5
        ...     app.compare.value = True
        ...     app.visit_interval_weeks = 6
        ...     app.pending
        True
        >>> app.pending, app.shown_scenario.sleep_hours
        (False, 5.0)
        """
        return self.state.hold()

    # ----------------------------------------------------------------- the view
    def _refuse(self, message: str, cause: Exception | None = None) -> NoReturn:
        self._error_text = message
        self.error_display.value = refusal_html(message)
        raise ValueError(message) from cause

    def _chart_arguments(self) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, object]]:
        return (
            self.state.trajectory,
            self.state.cohort_summary,
            {
                "visit_interval_weeks": self.state.visit_interval_weeks,
                "reference": self.state.reference_trajectory,
                "reference_label": USUAL_CARE_LABEL,
            },
        )

    def _show_outputs(self) -> None:
        evidence = self.state.evidence_rows
        self._error_text = ""
        self.error_display.value = ""
        self.summary_display.value = status_html(self.summary_text)
        self.evidence_display.value = evidence_table_html(evidence)
        self.evidence_panel.titles = (evidence_heading(evidence),)

    def _refreshed(self, _change: dict) -> None:
        self._show_outputs()
        trajectory, cohort_summary, options = self._chart_arguments()
        self._live_chart.show(self.summary_text, trajectory, cohort_summary, **options)
