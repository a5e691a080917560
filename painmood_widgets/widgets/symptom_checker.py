"""The symptom checker: which symptoms belong to depression, to chronic pain, or to both.

A thin view over :mod:`painmood_widgets.symptoms`: one checkbox per row of
``datasets/symptoms.csv``; the sorting, the DSM-5 count and the summary sentence come
from that module. The overlap table (``datasets/overlap.csv``) is shown as an accessible
HTML table.

Educational, not diagnostic: the checker counts DSM-5 criteria and never makes a
diagnosis (American Psychiatric Association, DSM-5, 2013).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from types import MappingProxyType

import ipywidgets as widgets
import pandas as pd

from painmood_widgets import charts, symptoms
from painmood_widgets.widgets.common import educational_notice, safety_panel

__all__ = ["SymptomChecker"]

_LABEL_STYLE = {"description_width": "initial"}
_OVERLAP_CAPTION = "Chronic pain and depression side by side, with the sources for each row"


def _group_html(title: str, keys: Sequence[str], table: Mapping[str, symptoms.Symptom]) -> str:
    if keys:
        listed = "".join(f"<li>{html.escape(table[key].label)}</li>" for key in keys)
        return f"<h4>{html.escape(title)} ({len(keys)})</h4><ul>{listed}</ul>"
    return f"<h4>{html.escape(title)} (0)</h4><p>None ticked.</p>"


class SymptomChecker(widgets.VBox):
    """Tick symptoms; see which belong to depression, to chronic pain, or to both.

    The checkboxes are built from ``datasets/symptoms.csv``. After each change the
    checker lists the ticked symptoms in three groups (DSM-5 depression criterion only,
    chronic pain feature only, both), reports "overlapping symptoms detected" when a
    symptom belongs to both, counts the DSM-5 criteria ticked (with the reminder that a
    count is not a diagnosis) and shows the crisis resources when thoughts of death or
    suicide (criterion A9) are ticked. The overlap table sits below. It never outputs
    a diagnosis.

    Attributes
    ----------
    checkboxes : Mapping of str to ipywidgets.Checkbox
        One checkbox per symptom key, in table order; read-only mapping.
    groups_display : ipywidgets.HTML
        The three groups of ticked symptoms.
    summary_display : ipywidgets.HTML
        The summary sentence (an ARIA live region).
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
    """

    def __init__(self) -> None:
        self._table = symptoms.load_symptoms()
        self._batching = False
        self.checkboxes: Mapping[str, widgets.Checkbox] = MappingProxyType(
            {
                key: widgets.Checkbox(
                    value=False,
                    description=symptom.label,
                    indent=False,
                    style=_LABEL_STYLE,
                    layout=widgets.Layout(width="auto"),
                )
                for key, symptom in self._table.items()
            }
        )
        self.groups_display = widgets.HTML()
        self.summary_display = widgets.HTML()
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
                widgets.HTML("<h3>Symptom checker: depression, chronic pain, or both?</h3>"),
                educational_notice(),
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
                self.safety_panel,
                self.summary_display,
                self.groups_display,
                widgets.HTML(f"<p><strong>{html.escape(symptoms.DSM5_COUNT_CAVEAT)}</strong></p>"),
                self.overlap_table,
            )
        )
        for checkbox in self.checkboxes.values():
            checkbox.observe(self._on_tick, names="value")
        self._refresh()

    @property
    def ticked(self) -> frozenset[str]:
        """Keys of the ticked symptoms."""
        return frozenset(key for key, box in self.checkboxes.items() if box.value)

    @property
    def classification(self) -> symptoms.SymptomClassification:
        """The ticked symptoms sorted by :func:`painmood_widgets.symptoms.classify`."""
        return self._classification

    @property
    def summary_text(self) -> str:
        """The plain-sentence summary shown under the checkboxes."""
        return self._summary

    @property
    def safety_visible(self) -> bool:
        """True while the crisis panel is shown (criterion A9 ticked)."""
        return self.safety_panel.layout.display != "none"

    def set_ticked(self, keys: Iterable[str]) -> None:
        """Tick exactly these symptoms and untick the rest.

        Parameters
        ----------
        keys : iterable of str
            Symptom keys (see ``checkboxes``).

        Raises
        ------
        ValueError
            If a key is unknown (the message names it and lists the valid keys), or
            `keys` is a single string. Nothing changes then.
        """
        chosen = symptoms.classify(keys).ticked
        self._batching = True
        try:
            for key, box in self.checkboxes.items():
                box.value = key in chosen
        finally:
            self._batching = False
        self._refresh()

    def clear(self) -> None:
        """Untick every symptom."""
        self.set_ticked(())

    def _on_tick(self, _change: dict) -> None:
        if not self._batching:
            self._refresh()

    def _refresh(self) -> None:
        result = symptoms.classify(self.ticked)
        self._classification = result
        self._summary = symptoms.describe(result)
        self.summary_display.value = (
            f'<p role="status" aria-live="polite">{html.escape(self._summary)}</p>'
        )
        self.groups_display.value = (
            _group_html("Depression only, DSM-5 criteria", result.depression_only, self._table)
            + _group_html("Chronic pain only", result.chronic_pain_only, self._table)
            + _group_html("Both: overlapping symptoms", result.both, self._table)
        )
        self.safety_panel.layout.display = None if result.thoughts_of_death_ticked else "none"
