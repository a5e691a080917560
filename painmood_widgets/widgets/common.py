"""Pieces the painmood widgets share: notice, safety panel, evidence table, status lines.

The educational notice, the crisis panel for PHQ-9 item 9, the evidence table, the HTML
of a summary (a polite live region) and of a refused input (an alert), and the link
between a row of check boxes and the state trait holding the set of names ticked.

One source for each, so every app says the same thing the same way.
"""

import html
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import ipywidgets as widgets
import pandas as pd
import traitlets
from IPython.display import HTML

from painmood_widgets import model
from painmood_widgets.describe.evidence import LEVEL_WORDS, check_evidence_rows, evidence_caption
from painmood_widgets.describe.safety import CRISIS_HEADLINE, CRISIS_RESOURCES
from painmood_widgets.theme import HTML_COLOURS

EDUCATIONAL_NOTICE = (
    "Educational, not diagnostic: a teaching tool for clinicians in training. It does not "
    "assess, diagnose or treat anyone. What you enter stays on this computer."
)

_ILLUSTRATIVE_STYLE = (
    f"background: {HTML_COLOURS['illustrative_background']}; "
    f"border-left: 4px solid {HTML_COLOURS['illustrative_border']}; "
    f"color: {HTML_COLOURS['text']}; padding: 0.2em 0.4em"
)
_CELL_STYLE = (
    f"border-top: 1px solid {HTML_COLOURS['rule']}; padding: 0.3em 0.5em; vertical-align: top"
)


_CONTROL_LAYOUT = {"width": "42em", "max_width": "100%"}


def _decimals(step: float) -> int:
    """Decimals a slider shows for its step: 0.5 -> 1, 10 -> 0."""
    return max(0, -int(Decimal(repr(float(step))).normalize().as_tuple().exponent))


def scenario_slider(name: str, value: float) -> widgets.FloatSlider | widgets.IntSlider:
    """A labelled slider for one scenario field, its range, step and unit from SCENARIO_FIELDS.

    Released-only updates (``continuous_update=False``): the simulator and the
    dose-response explorer label and bound each lever the same way.

    Examples
    --------
    >>> slider = scenario_slider("sleep_hours", 5)
    >>> slider.description, slider.min, slider.max, slider.readout_format
    ('Sleep (hours per night)', 3.0, 10.0, '.1f')
    """
    spec = model.SCENARIO_FIELDS[name]
    common = {
        "description": f"{spec.label} ({spec.unit})",
        "continuous_update": False,
        "style": {"description_width": "initial"},
        "layout": widgets.Layout(**_CONTROL_LAYOUT),
    }
    if spec.whole:
        return widgets.IntSlider(
            value=int(value),
            min=int(spec.minimum),
            max=int(spec.maximum),
            step=int(spec.step),
            **common,
        )
    return widgets.FloatSlider(
        value=value,
        min=spec.minimum,
        max=spec.maximum,
        step=spec.step,
        readout_format=f".{_decimals(spec.step)}f",
        **common,
    )


def educational_notice() -> widgets.HTML:
    """A short line, shown on every widget, saying the toolkit is educational."""
    return widgets.HTML(
        f'<p class="painmood-notice" role="note"><em>{html.escape(EDUCATIONAL_NOTICE)}</em></p>'
    )


def crisis_resources() -> HTML:
    """Where to turn in a crisis, as page HTML that shows before any widget loads.

    Plain HTML output, not a widget: Voila renders it on the server, so the assessment
    page carries it even before (or without) JavaScript. The same resources as the safety
    panel (:data:`~painmood_widgets.describe.safety.CRISIS_RESOURCES`), which a form shows
    whatever the total once PHQ-9 item 9 is above 0.

    Examples
    --------
    >>> "988" in crisis_resources().data
    True
    """
    return HTML(
        '<aside class="painmood-crisis" aria-label="Crisis resources" style="'
        f"border-left: 4px solid {HTML_COLOURS['safety_border']}; "
        f'color: {HTML_COLOURS["text"]}; padding: 0.25em 0.75em;">'
        f"<strong>Crisis resources.</strong> {html.escape(CRISIS_RESOURCES)}</aside>"
    )


def safety_panel() -> widgets.HTML:
    """The crisis panel for a positive PHQ-9 item 9; hidden until a form shows it.

    Show it with ``panel.layout.display = None`` and hide it with ``"none"``.
    """
    panel = widgets.HTML(
        '<div class="painmood-safety" role="alert" style="'
        f"border: 3px solid {HTML_COLOURS['safety_border']}; "
        f"background: {HTML_COLOURS['safety_background']}; color: {HTML_COLOURS['text']}; "
        'padding: 0.75em 1em; border-radius: 4px;">'
        f"<strong>{html.escape(CRISIS_HEADLINE)}</strong><br>{html.escape(CRISIS_RESOURCES)}"
        "</div>"
    )
    panel.layout.display = "none"
    return panel


def evidence_table_html(table: pd.DataFrame) -> str:
    """Evidence rows as an accessible HTML table, every cell escaped.

    One row per parameter: what it is (the row heading, with its key in
    ``datasets/evidence.csv``), its value and unit, its evidence level in words and its
    source. Illustrative rows are marked in words and with a shaded, bordered cell, so
    the label never rests on colour alone.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows of the evidence table (as from
        :func:`painmood_widgets.model.evidence_behind`): columns ``parameter, value,
        unit, meaning, source, evidence_level`` at least.

    Returns
    -------
    str
        A ``<table>`` with a caption that counts the rows and the illustrative ones.

    Raises
    ------
    ValueError
        If a column is missing or an evidence level is unknown.

    Examples
    --------
    >>> from painmood_widgets import model
    >>> rows = model.evidence_behind(model.Scenario(treatments={"cbt"}))
    >>> page = evidence_table_html(rows)
    >>> "Illustrative: no study gives this number" in page, "Cochrane CD007407" in page
    (True, True)
    """
    caption = evidence_caption(check_evidence_rows(table))
    headings = "".join(
        f'<th scope="col" style="text-align: left; padding: 0.3em 0.5em">{heading}</th>'
        for heading in ("What it is", "Value", "Evidence level", "Source")
    )
    body = []
    for row in table.itertuples(index=False):
        level = str(row.evidence_level)
        level_text = html.escape(LEVEL_WORDS[level])
        if level == "illustrative":
            level_cell = f'<td style="{_CELL_STYLE}; {_ILLUSTRATIVE_STYLE}"><strong>{level_text}'
            level_cell += "</strong></td>"
        else:
            level_cell = f'<td style="{_CELL_STYLE}">{level_text}</td>'
        body.append(
            f'<tr><th scope="row" style="{_CELL_STYLE}; text-align: left; font-weight: normal">'
            f"{html.escape(str(row.meaning))}<br><code>{html.escape(str(row.parameter))}</code>"
            f'</th><td style="{_CELL_STYLE}">{html.escape(f"{row.value:g} {row.unit}")}</td>'
            f'{level_cell}<td style="{_CELL_STYLE}">{html.escape(str(row.source))}</td></tr>'
        )
    return (
        '<table class="painmood-evidence" style="border-collapse: collapse; font-size: 14px; '
        f'line-height: 1.4; color: {HTML_COLOURS["text"]}; max-width: 70em">'
        f'<caption style="text-align: left; font-weight: bold; padding-bottom: 0.4em">'
        f"{html.escape(caption)}</caption><thead><tr>{headings}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def section_level(embedded: bool) -> int:
    """The heading level of a widget's sections, one below the title over them.

    A widget titles itself with an ``<h2>``, so its sections are ``<h3>``; embedded in an
    app page, whose ``<h1>`` is the title, it shows no title and its sections are ``<h2>``.
    Headings that skip a level leave a screen reader's outline with a gap.

    Examples
    --------
    >>> section_level(embedded=False), section_level(embedded=True)
    (3, 2)
    """
    return 2 if embedded else 3


def status_html(text: str) -> str:
    """A summary as a polite ARIA live region, so a screen reader reads each new one.

    Examples
    --------
    >>> status_html("PEG score 6 of 10 & more")
    '<p role="status" aria-live="polite">PEG score 6 of 10 &amp; more</p>'
    """
    return f'<p role="status" aria-live="polite">{html.escape(text)}</p>'


def refusal_html(message: str) -> str:
    """A refused input's message as an ARIA alert; empty when there is none.

    Examples
    --------
    >>> refusal_html("PEG item 1 must be an integer from 0 to 10, got 11")
    '<p role="alert" style="color: #8B0000"><strong>Not applied:</strong> PEG item 1 must be \
an integer from 0 to 10, got 11</p>'
    >>> refusal_html("")
    ''
    """
    if not message:
        return ""
    return (
        f'<p role="alert" style="color: {HTML_COLOURS["refusal"]}"><strong>Not applied:</strong> '
        f"{html.escape(message)}</p>"
    )


class TickedLink:
    """Link named check boxes, both ways, to a trait holding the set of names ticked.

    What :func:`ipywidgets.link` does for one value, for a set: ticking or unticking a
    box sets the trait to the frozenset of the names whose boxes are ticked, and a new
    value of the trait (set by code) ticks exactly its boxes. If the state refuses a set,
    the boxes go back to what it holds and the error is raised. The boxes are ticked from
    the trait when the link is made.

    Parameters
    ----------
    boxes : mapping of str to ipywidgets.Checkbox
        One box per name.
    source : tuple of (traitlets.HasTraits, str)
        The state and the name of its trait, a collection of names.

    Examples
    --------
    >>> import traitlets
    >>> class Chosen(traitlets.HasTraits):
    ...     names = traitlets.Any(frozenset({"cbt"}))
    >>> chosen = Chosen()
    >>> boxes = {name: widgets.Checkbox() for name in ("cbt", "exercise")}
    >>> link = TickedLink(boxes, (chosen, "names"))
    >>> boxes["cbt"].value, boxes["exercise"].value
    (True, False)
    >>> boxes["exercise"].value = True
    >>> sorted(chosen.names)
    ['cbt', 'exercise']
    >>> chosen.names = frozenset()
    >>> boxes["cbt"].value
    False
    """

    def __init__(
        self, boxes: Mapping[str, widgets.Checkbox], source: tuple[traitlets.HasTraits, str]
    ) -> None:
        self.boxes = MappingProxyType(dict(boxes))
        self.owner, self.name = source
        self._ticking = False
        self._tick()
        for box in self.boxes.values():
            box.observe(self._read, names="value")
        self.owner.observe(self._tick, names=self.name)

    def unlink(self) -> None:
        """Stop following the boxes and the trait."""
        for box in self.boxes.values():
            box.unobserve(self._read, names="value")
        self.owner.unobserve(self._tick, names=self.name)

    def _read(self, _change: dict) -> None:
        if self._ticking:
            return
        ticked = frozenset(name for name, box in self.boxes.items() if box.value)
        try:
            setattr(self.owner, self.name, ticked)
        except (ValueError, traitlets.TraitError):
            self._tick()  # the state refused: the boxes show what it holds
            raise

    def _tick(self, _change: dict | None = None) -> None:
        chosen = getattr(self.owner, self.name)
        self._ticking = True
        try:
            for name, box in self.boxes.items():
                box.value = name in chosen
        finally:
            self._ticking = False
