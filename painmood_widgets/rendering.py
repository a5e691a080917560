"""Charts that render with no internet, in JupyterLab and in Voila.

Altair's default renderer writes HTML that loads Vega, Vega-Lite and vega-embed from a
CDN, so in an offline training room a displayed chart stays blank. JupyterLab 4 and
Voila 0.5 ship renderers for Vega-Lite 3 to 5 only, and Altair 6 emits Vega-Lite 6, so
the "mimetype" renderer is no way out either. What works offline is Altair's
``JupyterChart``, an anywidget whose JavaScript is bundled by vl-convert-python into the
widget itself: nothing is fetched from anywhere but the kernel.

:func:`enable_offline_rendering` makes that the default: it switches Altair's renderer
to ``"jupyter"`` in offline mode (so even a plain displayed ``alt.Chart`` becomes an
offline ``JupyterChart``) and bundles the JavaScript once per process (about a second;
the bundle, about 0.9 MB, travels with every chart widget over the kernel connection).
:func:`chart_widget` builds the long-lived ``JupyterChart`` that app widgets keep and
update in place by setting its ``chart`` attribute.

Examples
--------
>>> import altair as alt
>>> enable_offline_rendering()
>>> alt.renderers.active, alt.JupyterChart._is_offline
('jupyter', True)
"""

import altair as alt

__all__ = ["EMBED_OPTIONS", "chart_widget", "enable_offline_rendering"]

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
    alt.JupyterChart.enable_offline()
    alt.renderers.enable("jupyter", offline=True, embed_options=EMBED_OPTIONS)


def chart_widget(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """An offline chart widget, to keep alive and update in place.

    Set ``widget.chart = new_chart`` to show new data: the same widget (and the same
    place on the page) then draws the new specification, with no layout rebuilt.

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
