"""Run the steps of one article's analysis so that one step's failure stays inside that step.

A step that raises gives its empty value, and the failure is recorded. A step that
runs longer than its budget is interrupted the same way: a SIGALRM timer raises
`StepTimeout` inside it (CPython's `re` checks for signals while it matches, so a
runaway pattern stops too). Signals can only be handled in a process's main
thread, so elsewhere steps run without a budget. The previous SIGALRM handler and
timer are put back after each step, or after the last step of a `with StepRunner(...)` block.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from generator.analysis.results import AnalysisFailure

T = TypeVar("T")

DEFAULT_STEP_BUDGET = 20.0
"""Seconds one step of one article's analysis may take before it is interrupted."""


class StepTimeout(Exception):
    """Raised inside a step that ran past its time budget."""


def budgets_possible() -> bool:
    """Whether a SIGALRM timer can interrupt a step here: a main thread, on a system that has the timer."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the body with StepTimeout after `seconds` (None or where budgets are impossible: no limit).

    Whoever ends the budget first, the alarm or the body, puts back the previous handler and
    timer (a pending timer keeps the time it had left), so no alarm of ours outlives the body."""
    if seconds is None or seconds <= 0 or not budgets_possible():
        yield
        return
    started = time.monotonic()
    restored = False

    def restore() -> None:
        nonlocal restored
        if restored:
            return
        restored = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous_handler is None else previous_handler)
        if previous_delay > 0:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), previous_interval)

    def on_alarm(signum: int, frame: object) -> None:
        restore()
        raise StepTimeout(f"exceeded its time budget of {seconds:g} s")

    previous_delay, previous_interval = signal.getitimer(signal.ITIMER_REAL)
    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        restore()


class StepRunner:
    """Runs named steps, each under a time budget; collects the failures in the order they happened.

    In a `with` block the SIGALRM handler is installed once, on entry, and each step only arms and disarms
    the timer; on exit the caller's handler is put back, and the caller's timer with the time it had left
    (it is set aside while the steps run). Outside a `with` block each step does all of that itself
    (`time_budget`). Installing a handler costs several times what arming the timer does."""

    def __init__(self, budget: float | None = DEFAULT_STEP_BUDGET) -> None:
        self.budget = budget
        self._failures: list[AnalysisFailure] = []
        self._installed = False
        self._started = 0.0
        self._previous: tuple[float, float, Callable[[int, object], object] | int | None] = (0.0, 0.0, None)

    def __enter__(self) -> StepRunner:
        if self.budget is not None and self.budget > 0 and budgets_possible():
            self._started = time.monotonic()
            delay, interval = signal.getitimer(signal.ITIMER_REAL)
            self._previous = (delay, interval, signal.signal(signal.SIGALRM, self._on_alarm))
            signal.setitimer(signal.ITIMER_REAL, 0)
            self._installed = True
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._installed:
            return
        self._installed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        delay, interval, handler = self._previous
        signal.signal(signal.SIGALRM, signal.SIG_DFL if handler is None else handler)
        if delay > 0:
            left = delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)

    def _on_alarm(self, signum: int, frame: object) -> None:
        raise StepTimeout(f"exceeded its time budget of {self.budget:g} s")

    def __call__(self, step: str, empty: T, compute: Callable[[], T]) -> T:
        """compute(), or `empty` if it raises or runs past the budget (the failure is recorded)."""
        try:
            if self._installed:
                signal.setitimer(signal.ITIMER_REAL, self.budget)  # type: ignore[arg-type]  # installed only with a budget
                try:
                    return compute()
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            with time_budget(self.budget):
                return compute()
        except Exception as error:  # noqa: BLE001 - containment is the point: the step's failure is recorded
            self._failures.append(AnalysisFailure(step, f"{type(error).__name__}: {error}"))
            return empty

    @property
    def failures(self) -> tuple[AnalysisFailure, ...]:
        return tuple(self._failures)
