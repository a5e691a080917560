"""What several test modules check the same way: the words no painmood text may use, the
HTML a widget shows, the cells of an HTML table, and an edited copy of the evidence table."""

from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as widgets

from painmood_widgets import evidence

FORBIDDEN_PHRASES = (
    "diagnosis:",
    "diagnosed",
    "you have",
    "you are depressed",
    "has depression",
    "meets criteria",
    "meets the criteria",
    "major depressive disorder",
    "likely depression",
    "probable depression",
    "positive for",
)
"""Phrases that would make a teaching text read as a diagnosis (lower case)."""


def diagnostic_phrases(text: str) -> list[str]:
    """The forbidden phrases found in ``text``, whatever its case; empty when clean."""
    lowered = text.lower()
    return [phrase for phrase in FORBIDDEN_PHRASES if phrase in lowered]


def html_values(widget: widgets.Widget) -> list[str]:
    """Every HTML string in a widget tree (hidden ones included)."""
    found = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        found.extend(html_values(child))
    return found


class TableReader(HTMLParser):
    """Collects a table's caption and, row by row, each cell's tag, scope and text."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.rows: list[list[tuple[str, str | None, str]]] = []
        self._cell: list | None = None
        self._in_caption = False

    @property
    def cells(self) -> list[tuple[str, str | None, str]]:
        """Every cell, row after row."""
        return [cell for row in self.rows for cell in row]

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        if tag in ("th", "td"):
            self._cell = [tag, dict(attrs).get("scope"), ""]
        self._in_caption = self._in_caption or tag == "caption"

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.rows[-1].append(tuple(self._cell))
            self._cell = None
        if tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.caption += data
        elif self._cell is not None:
            self._cell[2] += data


def evidence_with(folder: Path, **values: float) -> Path:
    """A copy of the evidence table in ``folder`` with some rows' values changed."""
    table = evidence.load_evidence()
    for name, value in values.items():
        assert name in set(table["parameter"]), name
        table.loc[table["parameter"] == name, "value"] = value
    path = folder / "evidence.csv"
    table.to_csv(path, index=False)
    return path
