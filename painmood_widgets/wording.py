"""Small pieces of plain English shared by every module that writes sentences.

The describers, the charts' text alternatives, the case study and the widgets all list
things and quote labels inside sentences; they do it the same way because they do it
here.

Examples
--------
>>> listing([in_sentence(label) for label in ("Duloxetine", "Weekly CBT", "CBT for insomnia")])
'duloxetine, weekly CBT and CBT for insomnia'
"""

from collections.abc import Sequence

__all__ = ["in_sentence", "listing"]


def listing(items: Sequence[str]) -> str:
    """Items joined as a sentence lists them: 'a', 'a and b', 'a, b and c'.

    Parameters
    ----------
    items : sequence of str
        The items, in the order to read them.

    Returns
    -------
    str
        Commas between the items and "and" before the last; empty when there are none.

    Examples
    --------
    >>> listing(["pain", "sleep", "mood"])
    'pain, sleep and mood'
    >>> listing(["pain"]), listing([])
    ('pain', '')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: its first letter lowercased, unless the
    label opens with an abbreviation (CBT, PHQ-9), which keeps its capitals.

    Parameters
    ----------
    label : str
        A label written to stand alone, such as a check box's description.

    Returns
    -------
    str
        The label to quote mid-sentence.

    Examples
    --------
    >>> in_sentence("Weekly cognitive behavioural therapy (CBT)")
    'weekly cognitive behavioural therapy (CBT)'
    >>> in_sentence("CBT for insomnia (CBT-I)")
    'CBT for insomnia (CBT-I)'
    """
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label
