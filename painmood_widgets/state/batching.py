"""Coalesce bursts of widget events into one kernel callback.

Dragging a slider, ticking three boxes or resetting a form fires many ``observe`` events
in a row; the model and the chart should run once for the burst, not once per event, and
the first change should show without waiting. :class:`Debouncer` calls back on the
leading edge: the first trigger after a quiet spell runs the callback as soon as the
kernel has handled the message that carried it (``loop.call_soon``), so every change in
that message is gathered into one call with no added delay. Triggers in the ``delay_s``
that follow are gathered into one more call at the end of that window, so a held-down
arrow key redraws at most once per window and the last value always shows.

The timing runs on the kernel's asyncio loop, so the callback runs on the kernel's own
thread, between messages. With no running loop (a plain script, pytest) or a delay of 0
the callback runs at once, so code and tests see results immediately;
:meth:`Debouncer.hold` then groups a batch of changes into one call.
"""

from __future__ import annotations

import asyncio
import math
import numbers
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["DEFAULT_DELAY_S", "Debouncer"]

DEFAULT_DELAY_S = 0.25
"""The window after a callback in which further triggers are gathered into one, in
seconds. It adds no delay to a first change: it only spaces out the redraws of a burst."""


class Debouncer:
    """Call ``callback`` at once for the first trigger, then at most once per ``delay_s``.

    Parameters
    ----------
    callback : callable
        Called with no arguments.
    delay_s : float, default DEFAULT_DELAY_S
        The gathering window after each call, in seconds (0 or more). With 0, or with no
        running asyncio loop, each trigger calls back at once (unless held).

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

    On a running loop a burst in one message calls back once, as soon as the message is
    handled; nothing waits for the window:

    >>> async def burst():
    ...     quick = Debouncer(lambda: runs.append(len(runs)), delay_s=10)
    ...     for _ in range(5):
    ...         quick()
    ...     before = quick.calls
    ...     await asyncio.sleep(0)
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
        self._soon: asyncio.Handle | None = None
        self._window: asyncio.TimerHandle | None = None

    @property
    def pending(self) -> bool:
        """True while a triggered callback has not run yet."""
        return self._pending

    def __call__(self, *_event: object) -> None:
        """Trigger: ask for a callback, at once after a quiet spell, else at the window's end.

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
        if self._window is None and self._soon is None:
            self._soon = loop.call_soon(self._leading, loop)

    def _leading(self, loop: asyncio.AbstractEventLoop) -> None:
        self._soon = None
        self.flush()
        self._window = loop.call_later(self.delay_s, self._window_end, loop)

    def _window_end(self, loop: asyncio.AbstractEventLoop) -> None:
        self._window = None
        if self._pending and not self._holds:
            self._leading(loop)

    def flush(self) -> None:
        """Run a pending callback now (nothing happens when none is pending)."""
        self._cancel_timers()
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

    def _cancel_timers(self) -> None:
        for handle in (self._soon, self._window):
            if handle is not None:
                handle.cancel()
        self._soon = self._window = None

    @staticmethod
    def _running_loop() -> asyncio.AbstractEventLoop | None:
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            return None
