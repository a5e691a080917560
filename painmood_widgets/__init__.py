"""painmood: a clinical education toolkit on chronic pain and depression.

Educational, not diagnostic: nothing in this package assesses, diagnoses or treats a real
person.

Importing the package makes every Altair chart render offline (training rooms have no
internet): see :mod:`painmood_widgets.rendering`.
"""

from painmood_widgets.rendering import enable_offline_rendering

__version__ = "0.1.0"

enable_offline_rendering()
