"""Describers of the symptom checker: ticked symptoms, sorted and counted, in plain words.

The checker's summary (:func:`describe_symptoms`), its three groups of ticked symptoms
(:func:`symptom_groups`) and its safety message (:func:`symptom_safety_message`) all come
from one :class:`~painmood_widgets.symptoms.SymptomClassification`; the sorting and the
DSM-5 count come from :mod:`painmood_widgets.symptoms`, never restated here.

Pure functions: no widgets, no state. Educational, not diagnostic: a count of DSM-5
criteria is never called a diagnosis (American Psychiatric Association, DSM-5, 2013).

Examples
--------
>>> print(describe_symptoms(symptoms.classify({"fatigue", "persistent_pain"})))
2 symptoms ticked: 0 depression only (DSM-5 criteria), 1 chronic pain only, 1 in both.
Overlapping symptoms detected: fatigue or loss of energy. DSM-5 depression criteria
ticked: 1 of 9 (A6); counting criteria is not a diagnosis.
"""

from __future__ import annotations

from typing import NamedTuple

from painmood_widgets import symptoms
from painmood_widgets.describe.safety import safety_message
from painmood_widgets.wording import in_sentence, plural

__all__ = [
    "NONE_TICKED",
    "SymptomGroup",
    "describe_symptoms",
    "symptom_groups",
    "symptom_safety_message",
]

NONE_TICKED = "None ticked."
"""What a group with no ticked symptom shows."""


class SymptomGroup(NamedTuple):
    """One group of ticked symptoms as the checker lists it.

    Attributes
    ----------
    heading : str
        The group and how many it holds: ``"Both: overlapping symptoms (1)"``.
    labels : tuple of str
        The ticked symptoms' labels, in the order of ``datasets/symptoms.csv``; empty
        when none is ticked (show :data:`NONE_TICKED`).
    """

    heading: str
    labels: tuple[str, ...]


def _checked(classification: object) -> symptoms.SymptomClassification:
    if not isinstance(classification, symptoms.SymptomClassification):
        raise ValueError(
            "classification must be a symptoms.SymptomClassification (from "
            f"symptoms.classify); got {type(classification).__name__}"
        )
    return classification


def describe_symptoms(classification: symptoms.SymptomClassification) -> str:
    """Describe a classification in plain sentences (the checker's visible summary).

    The sentences say what was ticked and where it belongs, and how many DSM-5 criteria
    are ticked, always adding that a count is not a diagnosis. They never name a
    diagnosis.

    Parameters
    ----------
    classification : painmood_widgets.symptoms.SymptomClassification
        The result of :func:`painmood_widgets.symptoms.classify`.

    Returns
    -------
    str
        One to four sentences.

    Raises
    ------
    ValueError
        If `classification` is not a SymptomClassification.

    References
    ----------
    American Psychiatric Association. DSM-5. 2013 (criteria A1-A9).

    Examples
    --------
    >>> print(describe_symptoms(symptoms.classify(set())))
    No symptoms ticked yet. DSM-5 depression criteria ticked: 0 of 9.
    >>> describe_symptoms(symptoms.classify({"thoughts_of_death"})).split(". ")[-1]
    'Thoughts of death or suicide are ticked: see the safety message.'
    """
    result = _checked(classification)
    if not result.ticked:
        return "No symptoms ticked yet. DSM-5 depression criteria ticked: 0 of 9."
    table = symptoms.load_symptoms()
    sentences = [
        f"{plural(len(result.ticked), 'symptom')} ticked: "
        f"{len(result.depression_only)} depression only (DSM-5 criteria), "
        f"{len(result.chronic_pain_only)} chronic pain only, "
        f"{len(result.both)} in both."
    ]
    if result.overlap_detected:
        labels = "; ".join(in_sentence(table[key].label) for key in result.both)
        sentences.append(f"Overlapping symptoms detected: {labels}.")
    criteria = f" ({', '.join(result.dsm5_criteria)})" if result.dsm5_count else ""
    sentences.append(
        f"DSM-5 depression criteria ticked: {result.dsm5_count} of 9{criteria}; "
        "counting criteria is not a diagnosis."
    )
    if result.thoughts_of_death_ticked:
        sentences.append("Thoughts of death or suicide are ticked: see the safety message.")
    return " ".join(sentences)


def symptom_groups(
    classification: symptoms.SymptomClassification,
) -> tuple[SymptomGroup, SymptomGroup, SymptomGroup]:
    """The ticked symptoms in three groups: depression only, chronic pain only, both.

    Parameters
    ----------
    classification : painmood_widgets.symptoms.SymptomClassification
        The ticked symptoms, already sorted into the three groups by
        :func:`~painmood_widgets.symptoms.classify`.

    Returns
    -------
    tuple of SymptomGroup
        Depression only (DSM-5 criteria), chronic pain only, and both (the overlapping
        symptoms), each with its heading and its labels.

    Raises
    ------
    ValueError
        If `classification` is not a SymptomClassification.

    Examples
    --------
    >>> for group in symptom_groups(symptoms.classify({"fatigue", "depressed_mood"})):
    ...     print(group.heading, group.labels)
    Depression only, DSM-5 criteria (1) ('Depressed mood most of the day, nearly every day',)
    Chronic pain only (0) ()
    Both: overlapping symptoms (1) ('Fatigue or loss of energy',)
    """
    result = _checked(classification)
    table = symptoms.load_symptoms()
    groups = (
        ("Depression only, DSM-5 criteria", result.depression_only),
        ("Chronic pain only", result.chronic_pain_only),
        ("Both: overlapping symptoms", result.both),
    )
    return tuple(
        SymptomGroup(f"{title} ({len(keys)})", tuple(table[key].label for key in keys))
        for title, keys in groups
    )


def symptom_safety_message(classification: symptoms.SymptomClassification) -> str:
    """The crisis message whenever thoughts of death or suicide (A9) are ticked, else "".

    Whatever else is ticked: the same text as the PHQ-9 form's for item 9 above 0
    (:data:`painmood_widgets.describe.safety.CRISIS_MESSAGE`).

    Parameters
    ----------
    classification : painmood_widgets.symptoms.SymptomClassification
        What is ticked; its ``thoughts_of_death_ticked`` decides.

    Returns
    -------
    str
        The crisis message, or ``""``.

    Raises
    ------
    ValueError
        If `classification` is not what :func:`~painmood_widgets.symptoms.classify`
        returns (a set of keys must be classified first).

    Examples
    --------
    >>> symptom_safety_message(symptoms.classify({"thoughts_of_death"}))[:40]
    'Thoughts of death or self-harm need a re'
    >>> symptom_safety_message(symptoms.classify({"depressed_mood", "fatigue"}))
    ''
    """
    return safety_message(_checked(classification).thoughts_of_death_ticked)
