"""Formative checks for the workshop exercises in ``exercises/``.

Each check takes a learner's answer (and what the exercise gave them) and returns an
:class:`~painmood_widgets.exercises.feedback.ExerciseFeedback`: "not answered yet" for the
``...`` placeholder, a plain message for an answer of the wrong kind, the misconception a
typical wrong answer shows ("Close: you averaged all 9 items; the PHQ-9 total is a sum"),
or why a right answer is right. Checks accept equivalent answers and never print the
answer they expect: they compute it with the package's own functions, or compare a
one-way fingerprint.

- :mod:`~painmood_widgets.exercises.feedback`: the verdict, reading answers, fingerprints.

Educational, not diagnostic.
"""

from painmood_widgets.exercises.feedback import (
    ExerciseFeedback,
    fingerprint,
    is_placeholder,
    not_answered,
)

__all__ = ["ExerciseFeedback", "fingerprint", "is_placeholder", "not_answered"]
