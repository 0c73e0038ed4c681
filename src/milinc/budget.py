"""A time budget per document, for services: stop a parse that takes too long, cleanly.

A service that parses text from anywhere should bound the time one document
may take. ``milinc.Parser(time_budget=2.0)`` (every parse of that parser) or
``parse(text, time_budget=2.0)`` (one call) sets a deadline; the stages check it
between them and inside their long loops (every few dozen anchors of a grammar,
every step of the incident assembly), and a parse past its deadline raises
:class:`TimeBudgetExceeded`: no partial document is returned, and the parser
stays usable for the next text. The check costs a clock read; no signal, no
thread and no process is used, so it is safe in any thread, in a web server's
worker or inside Dask. A check can only run between two steps, so a parse may
overrun its budget by the time of one step (a few milliseconds on ordinary
text); to bound that too, run parses in a process you can stop (see
``docs/security.md``).

Stages call :func:`check`; code outside a budgeted parse pays one context
variable read.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import time
from collections.abc import Iterator

from .errors import MilincError

__all__ = ["TimeBudgetExceeded", "check", "remaining", "time_budget"]

_deadline: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("milinc_deadline", default=None)


class TimeBudgetExceeded(MilincError, TimeoutError):
    """A parse took longer than its time budget (``Parser(time_budget=...)`` or ``parse(..., time_budget=...)``)."""

    def __init__(self, budget: float, stage: str = "") -> None:
        self.budget = budget
        """The budget, in seconds."""
        self.stage = stage
        """Where the parse was when the budget ran out (``dates``, ``events``…), or ``""``."""
        where = f" (in {stage})" if stage else ""
        super().__init__(f"the parse took longer than its time budget of {budget:g} s{where}")


def _valid(seconds: float | None) -> float | None:
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or math.isnan(seconds) or seconds <= 0:
        raise ValueError(f"time_budget must be a positive number of seconds or None, got {seconds!r}")
    return float(seconds)


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block with a deadline *seconds* from now (``None``: no budget; an outer one still holds)."""
    budget = _valid(seconds)
    if budget is None:
        yield
        return
    deadline = time.monotonic() + budget
    outer = _deadline.get()
    if outer is not None and outer[0] < deadline:
        deadline, budget = outer  # an outer, earlier deadline still holds
    token = _deadline.set((deadline, budget))
    try:
        yield
    finally:
        _deadline.reset(token)


def check(stage: str = "") -> None:
    """Raise :class:`TimeBudgetExceeded` when the current parse is past its deadline."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise TimeBudgetExceeded(current[1], stage)


def remaining() -> float | None:
    """Seconds left of the current budget (negative when past it), or ``None`` without one."""
    current = _deadline.get()
    return None if current is None else current[0] - time.monotonic()
