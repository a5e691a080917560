"""What every app state shares: checked inputs, read-only outputs, one batched refresh.

An app state is a :class:`traitlets.HasTraits`. Its **inputs** are traits tagged
``input=True``; each is checked by the core (the model, the scales) when it is set, so a
bad value raises the core's own ``ValueError``, naming the field and its range, and the
input keeps its old value. Its **outputs** are read-only traits, written only by
:meth:`AppState.refresh`, so anything can ``observe`` them. A change of inputs triggers
one refresh through :class:`~painmood_widgets.state.batching.Debouncer`: at once with no
running event loop (a script, a test); in a live kernel as soon as the message carrying
the change is handled, with the changes of the next ``delay_s`` gathered into one more
refresh; once for a whole :meth:`AppState.hold` block. Educational, not diagnostic.

Examples
--------
>>> import traitlets
>>> class Doubler(AppState):
...     number = traitlets.Float(1.0).tag(input=True)
...     double = traitlets.Float(read_only=True)
...     def compute(self):
...         return {"double": 2 * self.number}
>>> state = Doubler()
>>> state.number = 4
>>> state.double, state.refreshes
(8.0, 2)
>>> with state.hold():
...     state.number = 5
...     state.number = 6
>>> state.double, state.refreshes
(12.0, 3)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import traitlets

from painmood_widgets.state.batching import Debouncer

__all__ = ["AppState", "CheckedInput"]


class AppState(traitlets.HasTraits):
    """Base of every app state: inputs tagged ``input=True``, outputs read-only.

    ``refreshes`` counts the refreshes; it changes once per refresh, after every output,
    so a view that observes it redraws once per batch of changes.

    Subclasses define ``compute(self) -> Mapping[str, object]``, which returns every
    output by name from the inputs as they are now; :meth:`refresh` writes them all at
    once.

    Parameters
    ----------
    delay_s : float, keyword-only, default 0
        Gathering window between refreshes in a live kernel (see
        :class:`~painmood_widgets.state.batching.Debouncer`); 0 refreshes at once.
    **inputs
        Starting values of inputs, checked like any later change.
    """

    refreshes = traitlets.Int(0, read_only=True)

    def __init__(self, *, delay_s: float = 0.0, **inputs: object) -> None:
        unknown = sorted(set(inputs) - set(self.input_names()))
        if unknown:
            raise ValueError(
                f"unknown {type(self).__name__} input {', '.join(map(repr, unknown))}; "
                f"inputs: {', '.join(self.input_names())}"
            )
        super().__init__()
        self._debounced = Debouncer(self.refresh, delay_s)
        with self._debounced.hold():
            for name, value in inputs.items():
                setattr(self, name, value)
        self.refresh()
        self.observe(self._debounced, names=list(self.input_names()))

    @classmethod
    def input_names(cls) -> tuple[str, ...]:
        """The names of the inputs, in the order the class defines them."""
        return tuple(name for name in cls.class_trait_names(input=True))

    def inputs(self) -> dict[str, object]:
        """Every input and its current value."""
        return {name: getattr(self, name) for name in self.input_names()}

    def set_inputs(self, **changes: object) -> None:
        """Change several inputs at once, then refresh once.

        Every value is checked before any is set: one bad value raises ``ValueError``
        and leaves every input as it was.
        """
        unknown = sorted(set(changes) - set(self.input_names()))
        if unknown:
            raise ValueError(
                f"unknown {type(self).__name__} input {', '.join(map(repr, unknown))}; "
                f"inputs: {', '.join(self.input_names())}"
            )
        before = self.inputs()
        with self.hold():
            try:
                for name, value in changes.items():
                    setattr(self, name, value)
            except Exception:
                for name, value in before.items():
                    if getattr(self, name) != value:
                        setattr(self, name, value)
                raise

    @contextmanager
    def hold(self) -> Iterator[None]:
        """A block whose input changes refresh the outputs once, on leaving it."""
        with self._debounced.hold():
            yield

    def flush(self) -> None:
        """Apply a pending refresh now."""
        self._debounced.flush()

    @property
    def pending(self) -> bool:
        """True while input changes wait for their refresh."""
        return self._debounced.pending

    def refresh(self) -> None:
        """Recompute every output from the inputs and write them all at once."""
        outputs: Mapping[str, object] = self.compute()
        with self.hold_trait_notifications():
            for name, value in outputs.items():
                self.set_trait(name, value)
        self.set_trait("refreshes", self.refreshes + 1)


class CheckedInput(traitlets.Any):
    """An input trait whose every new value, None included, goes to the state's validator.

    A plain ``traitlets.Any`` lets None past a ``@traitlets.validate`` method whatever
    its ``allow_none`` says; here None is checked like any other value.

    Examples
    --------
    >>> class Count(traitlets.HasTraits):
    ...     number = CheckedInput(0)
    ...     @traitlets.validate("number")
    ...     def _check(self, proposal):
    ...         if not isinstance(proposal["value"], int):
    ...             raise ValueError(f"number must be an int; got {proposal['value']!r}")
    ...         return proposal["value"]
    >>> Count().number = None
    Traceback (most recent call last):
    ...
    ValueError: number must be an int; got None
    """

    allow_none = False
