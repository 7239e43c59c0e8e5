"""Run the steps of one article's analysis so that one step's failure stays inside that step.

A step that raises gives its empty value, and the failure is recorded. A step that
runs longer than its budget is interrupted the same way: a SIGALRM timer raises
`StepTimeout` inside it (CPython's `re` checks for signals while it matches, so a
runaway pattern stops too). Signals can only be handled in a process's main
thread, so elsewhere steps run without a budget. The previous SIGALRM handler and
timer are put back after each step.
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
    """Runs named steps, each under a time budget; collects the failures in the order they happened."""

    def __init__(self, budget: float | None = DEFAULT_STEP_BUDGET) -> None:
        self.budget = budget
        self._failures: list[AnalysisFailure] = []

    def __call__(self, step: str, empty: T, compute: Callable[[], T]) -> T:
        """compute(), or `empty` if it raises or runs past the budget (the failure is recorded)."""
        try:
            with time_budget(self.budget):
                return compute()
        except Exception as error:  # noqa: BLE001 - containment is the point: the step's failure is recorded
            self._failures.append(AnalysisFailure(step, f"{type(error).__name__}: {error}"))
            return empty

    @property
    def failures(self) -> tuple[AnalysisFailure, ...]:
        return tuple(self._failures)
