"""Charts that render with no internet, in JupyterLab and in Voila.

Altair's default renderer writes HTML that loads Vega, Vega-Lite and vega-embed from a
CDN, so in an offline training room a displayed chart stays blank. JupyterLab 4 and
Voila 0.5 ship renderers for Vega-Lite 3 to 5 only, and Altair 6 emits Vega-Lite 6, so
the "mimetype" renderer is no way out either. What works offline is Altair's
``JupyterChart``, an anywidget whose JavaScript is bundled by vl-convert-python into the
widget itself: nothing is fetched from anywhere but the kernel.

:func:`enable_offline_rendering` makes that the default: it switches Altair's renderer
to ``"jupyter"`` in offline mode (so even a plain displayed ``alt.Chart`` becomes an
offline ``JupyterChart``). The JavaScript bundle (about 0.9 MB, which travels with every
chart widget over the kernel connection) takes vl-convert about a second to build, so it
is built once per installation of Altair and vl-convert, not once per kernel: saved in
:data:`BUNDLE_DIR` under a name holding both versions (``make`` builds it at install,
``python -m painmood_widgets.rendering``), and read back by every later kernel.
:func:`chart_widget` builds the long-lived ``JupyterChart`` that app widgets keep and
update in place: by setting its ``chart`` attribute, or, when only the numbers change,
by swapping the data sets of its specification with :func:`replace_data` (a few
milliseconds, where building and validating a compound chart takes a tenth of a second).

Examples
--------
>>> import altair as alt
>>> enable_offline_rendering()
>>> alt.renderers.active, alt.JupyterChart._is_offline
('jupyter', True)
"""

import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import altair as alt

__all__ = [
    "BUNDLE_DIR",
    "EMBED_OPTIONS",
    "bundle_path",
    "chart_widget",
    "enable_offline_rendering",
    "replace_data",
]

BUNDLE_DIR = Path(sys.prefix) / "share" / "painmood"
"""Where the offline JavaScript bundle is kept: inside the Python environment, beside
the packages it was built from (one per installation, shared by every user and kernel)."""

EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
"""vega-embed options of every painmood chart: SVG output (its marks carry ARIA labels a
screen reader can reach, unlike a canvas), and an action menu that exports PNG/SVG but
offers no link to the online Vega editor."""


def enable_offline_rendering() -> None:
    """Make every Altair chart render from the kernel alone, with no CDN.

    Idempotent: calling it again changes nothing and costs nothing after the first call.

    Returns
    -------
    None

    Examples
    --------
    >>> import altair as alt
    >>> enable_offline_rendering()
    >>> enable_offline_rendering()
    >>> alt.renderers.active
    'jupyter'
    >>> alt.renderers.options["offline"]
    True
    """
    if not alt.JupyterChart._is_offline:
        _load_offline_bundle()
    alt.renderers.enable("jupyter", offline=True, embed_options=EMBED_OPTIONS)


def bundle_path() -> Path:
    """The file of the offline bundle for the installed Altair and vl-convert.

    Returns
    -------
    pathlib.Path
        A file in :data:`BUNDLE_DIR` named after both versions, so an upgrade of either
        builds a new bundle instead of reusing a stale one.

    Examples
    --------
    >>> bundle_path().name.startswith(f"jupyter-chart-altair-{alt.__version__}-vl-convert-")
    True
    """
    vl_convert = version("vl-convert-python")
    return BUNDLE_DIR / f"jupyter-chart-altair-{alt.__version__}-vl-convert-{vl_convert}.js"


def _load_offline_bundle() -> None:
    """Give ``JupyterChart`` its offline bundle: read it if built, else build and keep it.

    Building is Altair's own ``JupyterChart.enable_offline`` (which sets the widget's
    ``_esm`` module source); reading sets the same source from the file. The file is
    written atomically, so kernels starting together never read half a bundle; where the
    environment is read-only the bundle is built in memory only, as Altair does.
    """
    path = bundle_path()
    try:
        alt.JupyterChart._esm = path.read_text(encoding="utf-8")
        alt.JupyterChart._is_offline = True
        return
    except OSError:
        pass
    alt.JupyterChart.enable_offline()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".part", delete=False
        ) as part:
            part.write(alt.JupyterChart._esm)
        os.chmod(part.name, 0o644)  # readable by every user of a shared environment
        os.replace(part.name, path)
    except OSError:
        pass  # a read-only environment: every process builds its own, as Altair does


def chart_widget(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """An offline chart widget, to keep alive and update in place.

    Set ``widget.chart = new_chart`` to show a new chart: the same widget (and the same
    place on the page) then draws the new specification. When only the data change, and
    the chart reads its data by name from top-level ``datasets``, :func:`replace_data`
    swaps them without building a chart.

    Parameters
    ----------
    chart : altair.Chart or compound chart
        The chart to show first.

    Returns
    -------
    altair.JupyterChart
        The widget, with painmood's embed options and JavaScript bundled for offline use.

    Examples
    --------
    >>> import altair as alt
    >>> import pandas as pd
    >>> data = pd.DataFrame({"week": [0, 4], "phq9": [15, 11]})
    >>> widget = chart_widget(alt.Chart(data).mark_line().encode(x="week", y="phq9"))
    >>> widget.spec["mark"]["type"]
    'line'
    >>> widget.chart = alt.Chart(data).mark_point().encode(x="week", y="phq9")
    >>> widget.spec["mark"]["type"]
    'point'
    """
    enable_offline_rendering()
    return alt.JupyterChart(chart, embed_options=EMBED_OPTIONS)


def replace_data(
    widget: alt.JupyterChart, datasets: dict[str, list[dict]], description: str
) -> None:
    """Show new data in a chart widget: swap its ``datasets`` and ``description`` only.

    The widget's ``spec`` becomes a copy of the current one with the new data sets and
    text alternative; nothing else changes, no chart is built or validated, and the
    browser redraws the chart in the same place (its view re-embeds on every change of
    ``spec``). For charts whose layers read their data by name (``alt.NamedData``) from
    the top-level ``datasets``, such as :func:`painmood_widgets.charts.trajectory_chart`.

    After a swap ``widget.spec`` is what the widget draws; ``widget.chart`` is left as
    the last chart set, whose layout is the one drawn but whose data are older.

    Parameters
    ----------
    widget : altair.JupyterChart
        The widget, showing a chart with top-level ``datasets``.
    datasets : dict of str to list of dict
        Rows by data set name: the same names as the widget's data sets.
    description : str
        The chart's new text alternative.

    Raises
    ------
    ValueError
        If the widget shows no data sets, or the names differ from the widget's (the chart
        then needs rebuilding: set ``widget.chart``).

    Examples
    --------
    >>> import altair as alt
    >>> chart = alt.Chart(alt.NamedData(name="scores")).mark_line().encode(
    ...     x="week:Q", y="phq9:Q").properties(
    ...     datasets={"scores": [{"week": 0, "phq9": 15}]}, description="PHQ-9 of 15")
    >>> widget = chart_widget(chart)
    >>> replace_data(widget, {"scores": [{"week": 0, "phq9": 11}]}, "PHQ-9 of 11")
    >>> widget.spec["datasets"], widget.spec["description"]
    ({'scores': [{'week': 0, 'phq9': 11}]}, 'PHQ-9 of 11')
    >>> replace_data(widget, {"other": []}, "")
    Traceback (most recent call last):
    ...
    ValueError: the chart draws the data sets scores, got other; set widget.chart instead
    """
    spec = widget.spec or {}
    shown = spec.get("datasets")
    if not shown:
        raise ValueError("the chart widget shows no named data sets; set widget.chart instead")
    if set(datasets) != set(shown):
        raise ValueError(
            f"the chart draws the data sets {', '.join(sorted(shown))}, got "
            f"{', '.join(sorted(datasets)) or 'none'}; set widget.chart instead"
        )
    widget.spec = {**spec, "datasets": dict(datasets), "description": description}


if __name__ == "__main__":  # python -m painmood_widgets.rendering: build the bundle now
    enable_offline_rendering()
    print(f"offline chart bundle: {bundle_path()}")
