"""The symptom checker: which symptoms belong to depression, to chronic pain, or to both.

A view of a :class:`~painmood_widgets.state.symptoms.SymptomState` (``checker.state``):
one checkbox per row of ``datasets/symptoms.csv``, linked to the state's ``ticked``; the
sorting and the DSM-5 count (:mod:`painmood_widgets.symptoms`), the summary, the groups
and the safety message (:mod:`painmood_widgets.describe.symptoms`) come from the state.
The overlap table (``datasets/overlap.csv``) is shown as an accessible HTML table.

Educational, not diagnostic: the checker counts DSM-5 criteria and never makes a
diagnosis (American Psychiatric Association, DSM-5, 2013).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from types import MappingProxyType

import ipywidgets as widgets
import pandas as pd

from painmood_widgets import charts, symptoms
from painmood_widgets.describe.symptoms import NONE_TICKED, SymptomGroup
from painmood_widgets.state.symptoms import SymptomState
from painmood_widgets.widgets.common import (
    TickedLink,
    educational_notice,
    refusal_html,
    safety_panel,
    section_level,
    status_html,
)

__all__ = ["SymptomChecker"]

_LABEL_STYLE = {"description_width": "initial"}
_OVERLAP_CAPTION = "Chronic pain and depression side by side, with the sources for each row"


def _groups_html(groups: tuple[SymptomGroup, ...], level: int) -> str:
    parts = []
    for group in groups:
        listed = "".join(f"<li>{html.escape(label)}</li>" for label in group.labels)
        body = f"<ul>{listed}</ul>" if group.labels else f"<p>{html.escape(NONE_TICKED)}</p>"
        parts.append(f"<h{level}>{html.escape(group.heading)}</h{level}>{body}")
    return "".join(parts)


class SymptomChecker(widgets.VBox):
    """Tick symptoms; see which belong to depression, to chronic pain, or to both.

    The checkboxes are built from ``datasets/symptoms.csv``. After each change the
    checker lists the ticked symptoms in three groups (DSM-5 depression criterion only,
    chronic pain feature only, both), reports "overlapping symptoms detected" when a
    symptom belongs to both, counts the DSM-5 criteria ticked (with the reminder that a
    count is not a diagnosis) and shows the crisis resources when thoughts of death or
    suicide (criterion A9) are ticked. The overlap table sits below. It never outputs
    a diagnosis.

    Parameters
    ----------
    state : SymptomState, optional
        The state to show (shared with other views or code); a new one by default.
    embedded : bool, default False
        True on an app page that gives the title (its ``<h1>``) and the educational
        notice: both are left out, and the sections' headings move up a level.

    Attributes
    ----------
    state : SymptomState
        What the checker shows: ``ticked`` in; ``classification``, ``summary``,
        ``groups`` and ``safety_message`` out.
    checkboxes : Mapping of str to ipywidgets.Checkbox
        One checkbox per symptom key, in table order; read-only mapping.
    groups_display : ipywidgets.HTML
        The three groups of ticked symptoms.
    summary_display : ipywidgets.HTML
        The summary sentence (an ARIA live region).
    error_display : ipywidgets.HTML
        The last refusal of :meth:`set_ticked` (empty when none).
    safety_panel : ipywidgets.HTML
        The crisis panel from :func:`~painmood_widgets.widgets.common.safety_panel`.
    overlap_table : ipywidgets.HTML
        The overlap table (see :func:`painmood_widgets.charts.overlap_table_html`).
    clear_button : ipywidgets.Button
        Unticks every symptom.

    References
    ----------
    American Psychiatric Association. DSM-5. 2013 (major depressive episode, A1-A9).

    Treede RD, Rief W, Barke A, et al. Chronic pain as a symptom or a disease: the IASP
    Classification of Chronic Pain for ICD-11. Pain 2019;160:19-27.

    Examples
    --------
    >>> checker = SymptomChecker()
    >>> checker.checkboxes["sleep_disturbance"].value = True
    >>> checker.classification.both
    ('sleep_disturbance',)
    >>> "overlapping symptoms detected" in checker.summary_text.lower()
    True
    >>> checker.set_ticked({"depressed_mood", "persistent_pain"})
    >>> sorted(checker.ticked), checker.classification.dsm5_count
    (['depressed_mood', 'persistent_pain'], 1)
    >>> checker.state.ticked = {"thoughts_of_death"}
    >>> checker.checkboxes["thoughts_of_death"].value, checker.safety_visible
    (True, True)
    """

    def __init__(self, state: SymptomState | None = None, *, embedded: bool = False) -> None:
        if state is not None and not isinstance(state, SymptomState):
            raise ValueError(f"state must be a SymptomState; got {type(state).__name__}")
        self.state = SymptomState() if state is None else state
        self._error_text = ""
        self.checkboxes: Mapping[str, widgets.Checkbox] = MappingProxyType(
            {
                key: widgets.Checkbox(
                    value=False,
                    description=symptom.label,
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for key, symptom in symptoms.load_symptoms().items()
            }
        )
        self.groups_display = widgets.HTML()
        self.summary_display = widgets.HTML()
        self.error_display = widgets.HTML()
        self.safety_panel = safety_panel()
        self.overlap_table = widgets.HTML(
            charts.overlap_table_html(
                pd.DataFrame(map(asdict, symptoms.load_overlap())), caption=_OVERLAP_CAPTION
            )
        )
        self.clear_button = widgets.Button(
            description="Untick all symptoms", icon="eraser", layout=widgets.Layout(width="auto")
        )
        self.clear_button.on_click(lambda _button: self.clear())
        super().__init__(
            children=(
                *(
                    ()
                    if embedded
                    else (
                        widgets.HTML(
                            "<h2>Symptom checker: depression, chronic pain, or both?</h2>"
                        ),
                        educational_notice(),
                    )
                ),
                widgets.HTML(
                    "<p>Tick the symptoms in the case you are studying. The checker sorts "
                    "them into DSM-5 criteria of a major depressive episode, common "
                    "features of chronic pain, and symptoms that belong to both.</p>"
                ),
                widgets.VBox(
                    tuple(self.checkboxes.values()),
                    layout=widgets.Layout(margin="0 0 0.5em 0"),
                ),
                self.clear_button,
                self.error_display,
                self.safety_panel,
                self.summary_display,
                self.groups_display,
                widgets.HTML(f"<p><strong>{html.escape(symptoms.DSM5_COUNT_CAVEAT)}</strong></p>"),
                self.overlap_table,
            )
        )
        widgets.dlink((self.state, "summary"), (self.summary_display, "value"), status_html)
        widgets.dlink(
            (self.state, "groups"),
            (self.groups_display, "value"),
            functools.partial(_groups_html, level=section_level(embedded)),
        )
        widgets.dlink(
            (self.state, "safety_message"),
            (self.safety_panel.layout, "display"),
            lambda message: None if message else "none",
        )
        TickedLink(self.checkboxes, (self.state, "ticked"))
        self.state.observe(self._clear_refusal, names="ticked")

    @property
    def ticked(self) -> frozenset[str]:
        """Keys of the ticked symptoms."""
        return self.state.ticked

    @property
    def classification(self) -> symptoms.SymptomClassification:
        """The ticked symptoms sorted by :func:`painmood_widgets.symptoms.classify`."""
        return self.state.classification

    @property
    def summary_text(self) -> str:
        """The plain-sentence summary shown under the checkboxes."""
        return self.state.summary

    @property
    def safety_visible(self) -> bool:
        """True while the crisis panel is shown (criterion A9 ticked)."""
        return self.safety_panel.layout.display != "none"

    @property
    def error_text(self) -> str:
        """The message of the last refused :meth:`set_ticked`; empty after an accepted change."""
        return self._error_text

    def set_ticked(self, keys: Iterable[str]) -> None:
        """Tick exactly these symptoms and untick the rest (one refresh of the state).

        Parameters
        ----------
        keys : iterable of str
            Symptom keys (see ``checkboxes``).

        Raises
        ------
        ValueError
            If a key is unknown (the message names it and lists the valid keys), or
            `keys` is a single string. The message is shown in the checker too, and
            nothing is ticked or unticked.
        """
        try:
            self.state.ticked = keys
        except ValueError as refusal:
            self._show_refusal(str(refusal))
            raise
        self._show_refusal("")

    def clear(self) -> None:
        """Untick every symptom (the state's ``clear``)."""
        self.state.clear()
        self._show_refusal("")

    def _clear_refusal(self, _change: dict) -> None:
        self._show_refusal("")

    def _show_refusal(self, message: str) -> None:
        self._error_text = message
        self.error_display.value = refusal_html(message)
