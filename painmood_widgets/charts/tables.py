"""The overlap of chronic pain and depression as an accessible HTML table.

A real table reads better than a chart of text: a screen reader moves through it cell by
cell, the long cells wrap on a small screen, and it needs no JavaScript. Its rows are
``datasets/overlap.csv``; its colours are the theme's.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({"aspect": ["Sleep"], "chronic_pain": ["Poor sleep predicts pain"],
...                      "depression": ["Criterion A4"]})
>>> overlap_table_html(rows).startswith('<table class="painmood-overlap"')
True
"""

import html

import pandas as pd

from painmood_widgets.charts.checks import check_frame, check_text
from painmood_widgets.charts.encodings import MUTED_COLOUR, TEXT_COLOUR

__all__ = ["overlap_table_html"]

_OVERLAP_HEADINGS = {
    "aspect": "Aspect",
    "chronic_pain": "Chronic pain",
    "depression": "Depression",
    "source": "Sources",
}


def overlap_table_html(
    overlap: pd.DataFrame, *, caption: str = "Chronic pain and depression side by side"
) -> str:
    """The overlap of chronic pain and depression as an accessible HTML table.

    A real table, not a chart: a screen reader moves through it cell by cell and
    announces each cell's row and column headings, the long cells wrap to the screen, and
    it needs no JavaScript. Show it with ``ipywidgets.HTML(overlap_table_html(frame))``.
    Every cell is HTML-escaped.

    Parameters
    ----------
    overlap : pandas.DataFrame
        As in ``datasets/overlap.csv``: columns ``aspect``, ``chronic_pain`` and
        ``depression``, and optionally ``source`` (shown as a last column).
    caption : str, default "Chronic pain and depression side by side"
        The table's caption (its title).

    Returns
    -------
    str
        A ``<table>`` with a caption, column headings and one row heading per aspect.

    Raises
    ------
    ValueError
        If a column is missing or the caption is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"aspect": ["Duration"], "chronic_pain": ["> 3 months"],
    ...                      "depression": ["At least 2 weeks"]})
    >>> table = overlap_table_html(rows)
    >>> '>Duration</th>' in table, "&gt; 3 months" in table
    (True, True)
    """
    check_frame(overlap, "overlap", ["aspect", "chronic_pain", "depression"])
    caption = check_text(caption, "caption")
    columns = [column for column in _OVERLAP_HEADINGS if column in overlap.columns]
    cell_style = f"border: 1px solid {MUTED_COLOUR}; padding: 0.3em 0.5em; text-align: left"
    heading_cells = "".join(
        f'<th scope="col" style="{cell_style}">{_OVERLAP_HEADINGS[column]}</th>'
        for column in columns
    )
    body_rows = []
    for row in overlap[columns].itertuples(index=False):
        cells = [html.escape(str(value)) for value in row]
        body_rows.append(
            f'<tr><th scope="row" style="{cell_style}">{cells[0]}</th>'
            + "".join(f'<td style="{cell_style}">{cell}</td>' for cell in cells[1:])
            + "</tr>"
        )
    style = (
        "border-collapse: collapse; font-size: 14px; line-height: 1.4; max-width: 60em; "
        f"color: {TEXT_COLOUR}"
    )
    return (
        f'<table class="painmood-overlap" style="{style}">'
        f'<caption style="text-align: left; font-weight: bold; font-size: 16px; '
        f'padding-bottom: 0.4em">{html.escape(caption)}</caption>'
        f"<thead><tr>{heading_cells}</tr></thead>"
        f"<tbody>{''.join(body_rows)}</tbody></table>"
    )
