"""The symptom checker's state: the ticked symptoms in; their sorting and words out.

:class:`SymptomState` holds one input, ``ticked`` (the keys of the ticked symptoms, from
``datasets/symptoms.csv``), and derives in one refresh everything the checker shows: the
classification (:func:`painmood_widgets.symptoms.classify`), the summary, the three
groups of ticked symptoms and, whenever thoughts of death or suicide (criterion A9) are
ticked, whatever else is, the crisis text. An unknown key raises ``ValueError`` naming it
and the allowed keys, and the state keeps what was ticked. The words come from
:mod:`painmood_widgets.describe.symptoms`. No widgets. Educational, not diagnostic: a
count of DSM-5 criteria is not a diagnosis.

Examples
--------
>>> state = SymptomState()
>>> state.ticked = {"sleep_disturbance", "thoughts_of_death"}
>>> state.classification.both, state.safety_message.startswith("Thoughts of death")
(('sleep_disturbance',), True)
"""

from __future__ import annotations

from collections.abc import Mapping

import traitlets

from painmood_widgets import symptoms
from painmood_widgets.describe.symptoms import (
    describe_symptoms,
    symptom_groups,
    symptom_safety_message,
)
from painmood_widgets.state.base import AppState, CheckedInput

__all__ = ["SymptomState"]


class SymptomState(AppState):
    """Ticked symptoms in; classification, summary, groups and safety message out.

    Parameters
    ----------
    ticked : collection of str, keyword-only, optional
        Keys of the symptoms ticked at the start; none by default.
    delay_s : float, keyword-only, default 0
        Gathering window between refreshes in a live kernel (see
        :class:`~painmood_widgets.state.base.AppState`); 0 refreshes at once.

    Attributes
    ----------
    ticked : frozenset of str
        Input: keys of the ticked symptoms. Set it to any collection of keys (a set,
        list, tuple); it is checked with :func:`painmood_widgets.symptoms.classify` and
        kept as a frozenset.
    classification : painmood_widgets.symptoms.SymptomClassification
        Output: the ticked symptoms sorted into depression only, chronic pain only and
        both, with the DSM-5 criteria ticked.
    summary : str
        Output: the summary sentences
        (:func:`~painmood_widgets.describe.symptoms.describe_symptoms`).
    groups : tuple of painmood_widgets.describe.symptoms.SymptomGroup
        Output: the three groups of ticked symptoms, each with its heading.
    safety_message : str
        Output: the crisis text when criterion A9 is ticked, else ``""``.

    References
    ----------
    American Psychiatric Association. DSM-5. 2013 (major depressive episode, A1-A9).

    Examples
    --------
    >>> state = SymptomState(ticked=["fatigue", "anhedonia"])
    >>> state.classification.dsm5_count, state.safety_message
    (2, '')
    >>> state.ticked = {"fatigue", "low_mood"}  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown symptom key: 'low_mood'; valid keys: depressed_mood, anhedonia, ...
    >>> sorted(state.ticked)
    ['anhedonia', 'fatigue']
    """

    ticked = CheckedInput(frozenset()).tag(input=True)

    classification = traitlets.Instance(symptoms.SymptomClassification, read_only=True)
    summary = traitlets.Unicode(read_only=True)
    groups = traitlets.Tuple(read_only=True)
    safety_message = traitlets.Unicode(read_only=True)

    @traitlets.validate("ticked")
    def _check_ticked(self, proposal: traitlets.Bunch) -> frozenset[str]:
        return symptoms.classify(proposal["value"]).ticked

    def clear(self) -> None:
        """Untick every symptom."""
        self.ticked = frozenset()

    def compute(self) -> Mapping[str, object]:
        """Every output, from the ticked symptoms as they are now."""
        classification = symptoms.classify(self.ticked)
        return {
            "classification": classification,
            "summary": describe_symptoms(classification),
            "groups": symptom_groups(classification),
            "safety_message": symptom_safety_message(classification),
        }
