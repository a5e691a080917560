"""The dose-response explorer: one lever swept, pain and PHQ-9 along it, and where the patient is.

:class:`DoseResponseExplorer` shows the typical patient's pain and PHQ-9 at a week for
every value of one lever (sleep, activity, CRP or opioid days), everything else as in
the patient's scenario, with a slider for where the lever is now and a summary that says
where more helps, where it stops helping, and why.

The explorer is a view of a :class:`~painmood_widgets.state.dose.DoseResponseState`
(``explorer.state``): the lever menu is linked to the state's ``lever``, the slider to
its ``value``; each refresh of the state writes the summary's HTML and swaps the data
and text alternative of the one chart widget
(:func:`painmood_widgets.rendering.replace_data`). Moving the slider never builds a
chart; only another lever or week, which changes the axis, sets a new one in the same
widget. State can be set and read from Python::

    explorer = DoseResponseExplorer("sleep_hours")
    explorer.slider.value = 5              # the slider of the lever shown
    explorer.lever_picker.value = "crp_mg_l"
    explorer.summary_text, explorer.curve, explorer.chart.spec

Educational, not diagnostic.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from painmood_widgets import model
from painmood_widgets.charts.dose import (
    DoseResponseData,
    dose_response_chart,
    dose_response_data,
)
from painmood_widgets.describe.simulator import describe_control
from painmood_widgets.rendering import chart_widget, replace_data
from painmood_widgets.state.batching import DEFAULT_DELAY_S
from painmood_widgets.state.dose import DoseResponseState
from painmood_widgets.widgets.common import (
    educational_notice,
    refusal_html,
    scenario_slider,
    status_html,
)

__all__ = ["DoseResponseExplorer"]

_LABEL_STYLE = {"description_width": "initial"}
_PICKER_HELP = "Which lever the curves sweep; the slider below sets where the patient is on it now"


class DoseResponseExplorer(widgets.VBox):
    """One lever swept across its range: both scores along it, and the patient on them.

    Parameters
    ----------
    lever : str, default "crp_mg_l"
        The lever shown first: one of :data:`painmood_widgets.model.LEVERS`.
    scenario : painmood_widgets.model.Scenario, optional
        The patient (every other lever, treatments, starting scores and weeks); default
        ``model.Scenario()``.
    week : int, optional
        The week read; by default week 12 (or the scenario's last, when it has fewer).
    delay_s : float, default DEFAULT_DELAY_S
        Debounce window in seconds (see :class:`~painmood_widgets.state.base.AppState`).
    embedded : bool, default False
        True when the page around the explorer gives the title and the educational
        notice: both are left out.
    state : DoseResponseState, optional
        A state to view (shared with other views or code); then ``lever``, ``scenario``,
        ``week`` and ``delay_s`` are the state's own.

    Attributes
    ----------
    state : DoseResponseState
        What the explorer shows: ``lever``, ``value`` and ``week`` in; ``curve``,
        ``point``, ``summary`` and ``value_words`` out.
    lever_picker : ipywidgets.Dropdown
        The lever swept, labelled with each lever's label and unit; linked to
        ``state.lever``.
    sliders : mapping of str to ipywidgets slider
        One slider per lever, labelled, ranged and stepped as the simulator's (from
        :data:`painmood_widgets.model.SCENARIO_FIELDS`; ``continuous_update=False``);
        only the lever shown's is on the page. Its ``tooltip`` holds the value in
        words, which the page gives the slider as its ``aria-valuetext``.
    slider : ipywidgets slider
        The slider of the lever shown.
    chart : altair.JupyterChart
        The one chart widget (:func:`painmood_widgets.charts.dose_response_chart`).
    chart_builds : int
        How many charts were set in it (1 after construction; one more per change of
        lever or week, none for a move of the slider).
    summary_display, error_display : ipywidgets.HTML
        The summary (a polite ARIA live region) and the last refusal (empty when none).

    Examples
    --------
    >>> explorer = DoseResponseExplorer("sleep_hours")
    >>> explorer.slider.value = 5
    >>> explorer.summary_text.split(";")[0]
    'Now: 5 hours of sleep a night'
    >>> explorer.chart.spec["datasets"]["dose_now"][0]["value"], explorer.chart_builds
    (5.0, 1)
    >>> explorer.slider.tooltip
    '5 hours of sleep a night'
    >>> explorer.lever_picker.value = "opioid_days"
    >>> explorer.slider.description, explorer.state.value
    ('Continuous opioid use so far (days)', 0)
    """

    def __init__(
        self,
        lever: str = "crp_mg_l",
        *,
        scenario: model.Scenario | None = None,
        week: int | None = None,
        delay_s: float = DEFAULT_DELAY_S,
        embedded: bool = False,
        state: DoseResponseState | None = None,
    ) -> None:
        if state is not None and not isinstance(state, DoseResponseState):
            raise ValueError(f"state must be a DoseResponseState; got {type(state).__name__}")
        self.state = (
            DoseResponseState(lever, scenario=scenario, week=week, delay_s=delay_s)
            if state is None
            else state
        )
        self._error_text = ""
        self._syncing = False
        base = self.state.base_scenario
        self.sliders = MappingProxyType(
            {name: scenario_slider(name, getattr(base, name)) for name in model.LEVERS}
        )
        for name, slider in self.sliders.items():
            slider.tooltip = describe_control(name, slider.value)
            slider.observe(functools.partial(self._slider_moved, name), names="value")
        self.lever_picker = widgets.Dropdown(
            options=[
                (f"{spec.label} ({spec.unit})", name)
                for name, spec in model.SCENARIO_FIELDS.items()
                if name in model.LEVERS
            ],
            value=self.state.lever,
            description="Lever to explore",
            tooltip=_PICKER_HELP,
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="42em", max_width="100%"),
        )
        widgets.link((self.lever_picker, "value"), (self.state, "lever"))
        super().__init__()
        self._slider_box = widgets.Box()
        self.error_display = widgets.HTML()
        self.summary_display = widgets.HTML()
        self._show_value()
        data = self._chart_data()
        self.chart = chart_widget(self._new_chart())
        self._layout = data.layout
        self.chart_builds = 1
        self._show_summary()

        header = (
            ()
            if embedded
            else (
                widgets.HTML("<h2>Dose-response: where more helps, and where it stops</h2>"),
                educational_notice(),
            )
        )
        intro = widgets.HTML(
            "<p>Pick a lever and move its slider. The curves are the typical patient's pain "
            "and PHQ-9, at the week the chart names, for every value of the lever, "
            "everything else held as in the scenario; the solid vertical line is "
            "where the patient is now, the dash-dot line the reference lifestyle, where the "
            "lever adds nothing. The summary says where more helps, where it stops helping, "
            "and why. A teaching model: one lever at a time, for a typical patient.</p>"
        )
        self.children = (
            *header,
            intro,
            self.lever_picker,
            self._slider_box,
            self.error_display,
            self.summary_display,
            self.chart,
        )
        self.state.observe(self._show_value, names=["lever", "value"])
        self.state.observe(self._refreshed, names="refreshes")

    # ----------------------------------------------------------------- state, as shown
    @property
    def slider(self) -> widgets.FloatSlider | widgets.IntSlider:
        """The slider of the lever shown."""
        return self.sliders[self.state.lever]

    @property
    def curve(self) -> pd.DataFrame:
        """The dose-response curve shown (``model.dose_response``)."""
        return self.state.curve

    @property
    def summary_text(self) -> str:
        """The summary shown: where the patient is now, then the curve in sentences."""
        return self.state.summary

    @property
    def error_text(self) -> str:
        """The last refusal shown; empty when the last change was applied."""
        return self._error_text

    def flush(self) -> None:
        """Apply a pending debounced update now."""
        self.state.flush()

    # ----------------------------------------------------------------- the view
    def _slider_moved(self, lever: str, change: dict) -> None:
        if self._syncing or lever != self.state.lever:
            return
        try:
            self.state.value = change["new"]
        except (ValueError, traitlets.TraitError) as error:
            self._error_text = str(error)
            self.error_display.value = refusal_html(self._error_text)
            self._show_value()  # the slider goes back to what the state holds
            raise

    def _show_value(self, _change: dict | None = None) -> None:
        """Put the lever's slider on the page, at the state's value."""
        slider = self.slider
        if self._slider_box.children != (slider,):
            self._slider_box.children = (slider,)
        self._syncing = True
        try:
            slider.value = self.state.value
        finally:
            self._syncing = False

    def _chart_data(self) -> DoseResponseData:
        return dose_response_data(
            self.state.curve, self.state.value, description=self.state.summary
        )

    def _new_chart(self) -> alt.VConcatChart:
        return dose_response_chart(
            self.state.curve, self.state.value, description=self.state.summary
        )

    def _show_summary(self) -> None:
        self._error_text = ""
        self.error_display.value = ""
        self.summary_display.value = status_html(self.state.summary)
        self.slider.tooltip = self.state.value_words

    def _refreshed(self, _change: dict) -> None:
        self._show_summary()
        data = self._chart_data()
        if data.layout == self._layout:
            replace_data(self.chart, data.datasets, data.description)
            return
        self.chart.chart = self._new_chart()
        self._layout = data.layout
        self.chart_builds += 1
