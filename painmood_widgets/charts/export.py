"""Charts saved as PNG or SVG files for slides, drawn with no network access.

Examples
--------
>>> SAVE_FORMATS
('.png', '.svg')
"""

import html
import re
from pathlib import Path

import altair as alt
import vl_convert as vlc

from painmood_widgets.charts.checks import check_real

__all__ = ["SAVE_FORMATS", "save_chart"]

SAVE_FORMATS = (".png", ".svg")
"""File suffixes :func:`save_chart` writes."""


def _title_text(spec: dict) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    return " ".join(title) if isinstance(title, list) else str(title)


def save_chart(chart: alt.TopLevelMixin, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save a chart as a PNG or SVG file for slides, with no network access.

    The suffix of `path` decides the format. The chart is drawn by vl-convert, which
    fetches nothing from the internet (any external data URL is refused). An SVG gets
    the chart's title and description as ``<title>`` and ``<desc>``, its text
    alternative.

    Parameters
    ----------
    chart : altair chart
        Any chart from :mod:`painmood_widgets.charts` (or any Altair chart).
    path : str or pathlib.Path
        File to write, ending in ``.png`` or ``.svg`` (any case); its folder must exist.
    scale : float, default 2.0
        PNG only: pixels per chart pixel (2 suits high-resolution projectors).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValueError
        If the suffix is not ``.png`` or ``.svg``, or `scale` is not a positive number.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from painmood_widgets.charts import feedback_loop_chart
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = save_chart(feedback_loop_chart(), Path(folder) / "loop.svg")
    ...     written.read_text().startswith("<svg")
    True
    >>> save_chart(feedback_loop_chart(), "loop.pdf")
    Traceback (most recent call last):
    ...
    ValueError: path must end in .png or .svg (the suffix decides the format), got 'loop.pdf'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise ValueError(
            f"path must end in {' or '.join(SAVE_FORMATS)} (the suffix decides the format), "
            f"got {str(path)!r}"
        )
    scale = check_real(scale, "scale", positive=True)
    spec = chart.to_dict()
    version = "v" + ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    if suffix == ".png":
        path.write_bytes(
            vlc.vegalite_to_png(spec, vl_version=version, scale=scale, allowed_base_urls=[])
        )
        return path
    svg = vlc.vegalite_to_svg(spec, vl_version=version, allowed_base_urls=[])
    text_alternative = (
        f"<title>{html.escape(_title_text(spec))}</title>"
        f"<desc>{html.escape(str(spec.get('description', '')))}</desc>"
    )
    root_end = re.search(r"<svg\b[^>]*>", svg).end()
    path.write_text(svg[:root_end] + text_alternative + svg[root_end:], encoding="utf-8")
    return path
