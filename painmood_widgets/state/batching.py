"""Coalesce bursts of widget events into one kernel callback.

Dragging a slider, ticking three boxes or resetting a form fires many ``observe`` events
in a row; the model and the chart should run once for the burst, not once per event.
:class:`Debouncer` waits until the events stop for a short delay, then calls back once.

In a live kernel (JupyterLab, Voila) the delay is timed on the kernel's running asyncio
loop (``loop.call_later``), so the callback runs on the kernel's own thread, between
messages. With no running loop (a plain script, pytest) or a delay of 0 the callback runs
at once, so code and tests see results immediately; :meth:`Debouncer.hold` then groups a
batch of changes into one call.
"""

from __future__ import annotations

import asyncio
import math
import numbers
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["DEFAULT_DELAY_S", "Debouncer"]

DEFAULT_DELAY_S = 0.25
"""Quiet time before a debounced callback runs, in seconds: short enough to feel live,
long enough to swallow a burst of slider and key events."""


class Debouncer:
    """Call ``callback`` once after a burst of triggers has gone quiet for ``delay_s``.

    Parameters
    ----------
    callback : callable
        Called with no arguments.
    delay_s : float, default DEFAULT_DELAY_S
        Quiet time in seconds (0 or more). With 0, or with no running asyncio loop, each
        trigger calls back at once (unless held).

    Attributes
    ----------
    calls : int
        How many times the callback has run.

    Examples
    --------
    With no running loop (as here) a trigger calls back at once; :meth:`hold` batches:

    >>> runs = []
    >>> debounced = Debouncer(lambda: runs.append(len(runs)))
    >>> debounced()
    >>> with debounced.hold():
    ...     for _ in range(5):
    ...         debounced()
    >>> debounced.calls
    2

    On a running loop a burst waits for the quiet time, then calls back once:

    >>> async def burst():
    ...     quick = Debouncer(lambda: runs.append(len(runs)), delay_s=0.01)
    ...     for _ in range(5):
    ...         quick()
    ...     before = quick.calls
    ...     await asyncio.sleep(0.05)
    ...     return before, quick.calls
    >>> asyncio.run(burst())
    (0, 1)
    """

    def __init__(self, callback: Callable[[], object], delay_s: float = DEFAULT_DELAY_S) -> None:
        if not callable(callback):
            raise ValueError(f"callback must be callable; got {callback!r}")
        if (
            isinstance(delay_s, bool)
            or not isinstance(delay_s, numbers.Real)
            or not math.isfinite(delay_s)
            or delay_s < 0
        ):
            raise ValueError(f"delay_s must be a number of seconds, 0 or more; got {delay_s!r}")
        self._callback = callback
        self.delay_s = float(delay_s)
        self.calls = 0
        self._pending = False
        self._holds = 0
        self._timer: asyncio.TimerHandle | None = None

    @property
    def pending(self) -> bool:
        """True while a triggered callback has not run yet."""
        return self._pending

    def __call__(self, *_event: object) -> None:
        """Trigger: ask for one callback after the quiet time.

        Accepts and ignores any arguments, so it can be passed straight to
        ``widget.observe`` or ``button.on_click``.
        """
        self._pending = True
        if self._holds:
            return
        loop = self._running_loop()
        if loop is None or self.delay_s == 0:
            self.flush()
            return
        self._cancel_timer()
        self._timer = loop.call_later(self.delay_s, self.flush)

    def flush(self) -> None:
        """Run a pending callback now (nothing happens when none is pending)."""
        self._cancel_timer()
        if self._pending:
            self._pending = False
            self.calls += 1
            self._callback()

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold triggers back inside the block; on leaving it, call back once if triggered.

        Holds nest: only the outermost block calls back.
        """
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1
        if not self._holds:
            self.flush()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    @staticmethod
    def _running_loop() -> asyncio.AbstractEventLoop | None:
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            return None
