"""The case explorer: Maria's three months against the model's band for her scenario.

A view of a :class:`~painmood_widgets.state.case.CaseState` (``explorer.state``): the
story, her two observed scores drawn
over the band of a simulated cohort that shares her start and treatments, a plain
summary of where she falls, questions to think about (instructor notes hidden until
asked for) and where her numbers come from. Unticking one of her treatments shows the
band without it, and where she falls then.

Driven from Python::

    explorer = CaseExplorer()
    explorer.treatments["duloxetine"].value = False
    explorer.comparison.phq9.position, explorer.summary_text
    explorer.show_answers.value = True

Updates change values, HTML and the chart's specification only: the widget tree and the
chart widget are built once. Educational, not diagnostic: Maria is a teaching story.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import ipywidgets as widgets
import pandas as pd

from painmood_widgets import case
from painmood_widgets.charts.live import LiveTrajectoryChart
from painmood_widgets.describe import case as case_words
from painmood_widgets.state.batching import DEFAULT_DELAY_S
from painmood_widgets.state.case import CaseState
from painmood_widgets.widgets.common import (
    TickedLink,
    educational_notice,
    evidence_table_html,
    section_level,
    status_html,
)

__all__ = ["CaseExplorer"]

_LABEL_STYLE = {"description_width": "initial"}


def _case_chart_arguments(state: CaseState) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, object]]:
    """Arguments of the model's trajectory chart with her observed scores on each panel."""
    name = state.case.name
    return (
        state.comparison.typical,
        state.comparison.cohort_summary,
        {
            "visit_interval_weeks": state.visit_interval_weeks,
            "observed": state.course,
            "observed_label": name,
            "title": f"{name}'s course against the model's band",
        },
    )


def _story_html() -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in case_words.describe_story())


class CaseExplorer(widgets.VBox):
    """Maria's case: her course against the model's band, with questions to discuss.

    Shows the story, a chart of the typical patient and the 10-90% band of a simulated
    cohort that shares her start and treatments with her two observed scores on top, a
    summary sentence (also the chart's text alternative), one checkbox per treatment of
    hers, questions to think about with instructor notes hidden behind a toggle, the
    evidence rows behind her numbers and behind the band, and the educational notice.
    Ticking a box updates the band, the summary and the chart (debounced: a burst of
    changes runs the model once).

    Parameters
    ----------
    n : int, default 1000
        Simulated patients in the band.
    seed : int, default 0
        Seed of the cohort.
    instructor_notes : bool, default True
        When False (a student view), the model answers are left out of the widget and
        the toggle is hidden and disabled.
    delay_s : float, default DEFAULT_DELAY_S
        Quiet time before an update in a live kernel (see
        :class:`~painmood_widgets.state.batching.Debouncer`); with no running event
        loop, as in tests, updates run at once.
    embedded : bool, default False
        True on an app page that gives the title (its ``<h1>``) and the educational
        notice: both are left out, and the sections' headings move up a level.

    Attributes
    ----------
    state : CaseState
        What the explorer shows.
    case : painmood_widgets.case.CaseStudy
        The case, read from the evidence table when the explorer is built.
    treatments : Mapping of str to ipywidgets.Checkbox
        One checkbox per treatment of hers (keys of
        :data:`painmood_widgets.case.CASE_TREATMENTS`), all ticked at first.
    chart : altair.JupyterChart
        The chart widget, updated in place: an update swaps the data and text
        alternative of its ``spec`` (see
        :class:`~painmood_widgets.charts.live.LiveTrajectoryChart`).
    summary_display : ipywidgets.HTML
        The summary sentence (an ARIA live region).
    questions : tuple of painmood_widgets.describe.case.CaseQuestion
        The questions to think about.
    show_answers : ipywidgets.ToggleButton
        Shows the instructor notes; off at first.
    answer_displays : tuple of ipywidgets.HTML
        One model answer per question, hidden while ``show_answers`` is off (empty when
        ``instructor_notes`` is False).
    case_evidence_display, band_evidence_display : ipywidgets.HTML
        The evidence rows behind her numbers, and behind the band shown.
    evidence_panel : ipywidgets.Accordion
        Holds the two evidence tables, closed at first.

    Raises
    ------
    ValueError
        If ``n``, ``seed`` or ``delay_s`` is not allowed, or a case row of the evidence
        table is out of range.

    References
    ----------
    Kroenke K, et al. JAMA 2014 (SCOPE): one good course is not the average.

    Examples
    --------
    >>> explorer = CaseExplorer(n=300)
    >>> explorer.comparison.phq9.position
    'inside'
    >>> median = explorer.comparison.phq9.p50
    >>> explorer.treatments["duloxetine"].value = False
    >>> bool(explorer.comparison.phq9.p50 > median), sorted(explorer.selected_treatments)
    (True, ['cbt', 'exercise'])
    >>> explorer.answers_visible
    False
    """

    def __init__(
        self,
        *,
        n: int = 1000,
        seed: int = 0,
        instructor_notes: bool = True,
        delay_s: float = DEFAULT_DELAY_S,
        embedded: bool = False,
    ) -> None:
        self.state = CaseState(n=n, seed=seed, delay_s=delay_s)
        self.case = self.state.case
        self.treatments: Mapping[str, widgets.Checkbox] = MappingProxyType(
            {
                name: widgets.Checkbox(
                    value=True,
                    description=case.CASE_TREATMENTS[name],
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for name in self.case.treatments
            }
        )
        self.summary_display = widgets.HTML()
        self.band_evidence_display = widgets.HTML()
        trajectory, cohort_summary, options = _case_chart_arguments(self.state)
        self._live_chart = LiveTrajectoryChart(
            self.summary_text, trajectory, cohort_summary, **options
        )
        self.chart = self._live_chart.widget
        self._show_outputs()
        self.questions = self.state.questions
        self.show_answers = widgets.ToggleButton(
            value=False,
            description="Show instructor notes",
            icon="eye",
            tooltip="Show or hide the model answers",
            disabled=not instructor_notes,
            layout=widgets.Layout(width="auto", display=None if instructor_notes else "none"),
        )
        self.answer_displays = tuple(
            widgets.HTML(
                '<p class="painmood-instructor-note"><em>Instructor note:</em> '
                f"{html.escape(question.answer)}</p>",
                layout=widgets.Layout(display="none"),
            )
            for question in (self.questions if instructor_notes else ())
        )
        question_rows = [
            widgets.VBox(
                (
                    widgets.HTML(f"<p><strong>{index + 1}.</strong> {html.escape(q.prompt)}</p>"),
                    *self.answer_displays[index : index + 1],
                )
            )
            for index, q in enumerate(self.questions)
        ]
        self.case_evidence_display = widgets.HTML(evidence_table_html(case.case_evidence()))
        self.evidence_panel = widgets.Accordion(
            children=(self.case_evidence_display, self.band_evidence_display),
            titles=("Where her numbers come from", "Evidence behind the band"),
        )
        title = (
            f"Case study: {self.case.name}, {self.case.age_years}, "
            f"chronic {self.case.pain_site} pain"
        )
        heading = widgets.HTML(f"<h2>{html.escape(title)}</h2>")
        header = () if embedded else (heading, educational_notice())
        level = section_level(embedded)
        super().__init__(
            children=(
                *header,
                widgets.HTML(_story_html()),
                widgets.HTML(
                    "<p><strong>Her treatments in the model.</strong> The band is 10-90% of "
                    f"{n} simulated patients who start near her scores and get the ticked "
                    "treatments. Untick one to see the band without it.</p>"
                ),
                widgets.VBox(tuple(self.treatments.values())),
                self.chart,
                self.summary_display,
                widgets.HTML(f"<h{level}>Questions to think about</h{level}>"),
                self.show_answers,
                *question_rows,
                self.evidence_panel,
            )
        )
        TickedLink(self.treatments, (self.state, "treatments"))
        self.state.observe(self._refreshed, names="refreshes")
        self.show_answers.observe(self._on_show_answers, names="value")

    @property
    def selected_treatments(self) -> frozenset[str]:
        """Names of the ticked treatments."""
        return frozenset(name for name, box in self.treatments.items() if box.value)

    @property
    def comparison(self) -> case.CaseComparison:
        """Her follow-up scores against the band for the ticked treatments."""
        return self.state.comparison

    @property
    def summary_text(self) -> str:
        """The summary sentence shown under the chart (also its text alternative)."""
        return self.state.summary

    @property
    def answers_visible(self) -> bool:
        """True while the instructor notes are shown."""
        return any(display.layout.display != "none" for display in self.answer_displays)

    def set_treatments(self, names: Iterable[str]) -> None:
        """Tick exactly these treatments of hers and untick the others, then update once.

        Parameters
        ----------
        names : iterable of str
            Keys of ``treatments``.

        Raises
        ------
        ValueError
            If ``names`` is a single string or holds a name that is not one of her
            treatments. Nothing changes then.
        """
        self.state.treatments = names

    def flush(self) -> None:
        """Apply a pending debounced update now."""
        self.state.flush()

    def _on_show_answers(self, change: dict) -> None:
        for display in self.answer_displays:
            display.layout.display = None if change["new"] else "none"

    def _show_outputs(self) -> None:
        self.summary_display.value = status_html(self.summary_text)
        self.band_evidence_display.value = evidence_table_html(self.state.evidence_rows)

    def _refreshed(self, _change: dict) -> None:
        self._show_outputs()
        trajectory, cohort_summary, options = _case_chart_arguments(self.state)
        self._live_chart.show(self.summary_text, trajectory, cohort_summary, **options)
