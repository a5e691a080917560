"""painmood: a clinical education toolkit on chronic pain and depression.

Educational, not diagnostic: nothing in this package assesses, diagnoses or treats a real
person.

The core (``scales``, ``model``, ``evidence``, ``state``) imports only numpy, pandas and
traitlets. Importing ``painmood_widgets.charts`` or ``painmood_widgets.widgets`` makes
every Altair chart render offline (training rooms have no internet): see
:mod:`painmood_widgets.rendering`.
"""

__version__ = "0.1.0"
