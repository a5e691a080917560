"""painmood: a clinical education toolkit on chronic pain and depression.

Educational, not diagnostic: nothing in this package assesses, diagnoses or
treats a real person.
"""

__version__ = "0.1.0"
