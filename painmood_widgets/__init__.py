"""painmood: a clinical education toolkit on chronic pain and depression.

Educational, not diagnostic: nothing in this package assesses, diagnoses or treats a real
person.

The core (``scales``, ``model``, ``evidence``, ``state``) imports only numpy, pandas and
traitlets. Importing ``painmood_widgets.charts`` or ``painmood_widgets.widgets`` makes
every Altair chart render offline (training rooms have no internet): see
:mod:`painmood_widgets.rendering`.
"""

import sys

__version__ = "0.1.0"

# Altair validates every chart with jsonschema, whose format checkers import
# rfc3987_syntax (installed with Jupyter's own dependencies) to check the "iri" and
# "iri-reference" formats. That import builds a grammar: about a second of every kernel's
# start, five on a cold machine (python-jsonschema/jsonschema#1428). The Vega-Lite schema
# uses only the "uri", "uri-reference" and "color-hex" formats, so no chart check needs
# it: painmood marks the module absent, unless something imported it already.
sys.modules.setdefault("rfc3987_syntax", None)
