"""One way to run a function over many items: on `jobs` worker processes, or in this one.

Workers are forked, so the function and everything it reads are inherited
rather than pickled: a closure over the build's data costs nothing to send, and
only the results come back, pickled. Where there are few items, one job, or no
`fork` (Windows, macOS), the items are mapped here, in order, with the same
results. The executor knows nothing of articles or pages.

The cyclic garbage collector is paused in this process while a map runs: the
results that arrive stay alive, so collecting would only walk them again and
again. Before forking, what exists is frozen out of the collector, so it is never
walked (and so never copied) by a worker. Workers do not collect either: a map in
one process runs without collections, and a worker is that map's share, so it
keeps the same rule (its garbage is freed by reference counting; what cycles leave
goes with the process). Both are undone when the call ends.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import traceback
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

DEFAULT_THRESHOLD = 64
"""Below this many items, starting processes costs more than it saves."""


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Results(Protocol[R_co]):
    """A map's results in order; `close` stops whatever work is left (the caller failed elsewhere)."""

    def __iter__(self) -> Iterator[R_co]: ...

    def __next__(self) -> R_co: ...

    def close(self) -> None: ...


class WorkerFailed(RuntimeError):
    """A worker process died without sending its results (killed, or out of memory)."""


@dataclass(frozen=True)
class Executor:
    jobs: int = 1
    threshold: int = DEFAULT_THRESHOLD

    def parallel(self, count: int, threshold: int | None = None) -> bool:
        """Whether `count` items would be spread over worker processes."""
        least = self.threshold if threshold is None else threshold
        return self.jobs > 1 and count >= least and can_fork()

    def map(
        self,
        function: Callable[[T], R],
        items: Sequence[T],
        chunk: int | None = None,
        threshold: int | None = None,
    ) -> Results[R]:
        """`function` of each item, in the order of `items`.

        In parallel, the workers start at once, so the caller may do other work
        before it reads the results; items are sent in chunks, each to whichever
        worker is free: of `chunk` items, or by default as `chunk_bounds` cuts them."""
        if not self.parallel(len(items), threshold):
            return _mapped_here(function, items)
        workers = min(self.jobs, len(items))
        bounds = list(range(0, len(items), chunk)) + [len(items)] if chunk else chunk_bounds(len(items), workers)
        return _ForkedMap(function, items, workers, bounds)

    def start(self, function: Callable[[], R], idle_only: bool = False) -> Running[R]:
        """Run `function` beside the caller, in a forked process when there are several jobs;
        `result()` waits for its value. With one job it runs when `result()` is called.

        `idle_only`: the process runs at the lowest priority, on what the caller and its other processes
        leave idle. For work the caller needs only later: beside a caller that works alone it takes the
        idle cores, without taking a share of the caller's."""
        if self.jobs > 1 and can_fork():
            return _Forked(function, idle_only)
        return Running(function)


def chunk_bounds(count: int, workers: int, largest: int = 64) -> list[int]:
    """Where each chunk of `count` items starts, and the end. Each chunk takes what is left divided by
    twice the workers (at most `largest`), so chunks shrink to one item at the end and the workers run
    out of work together, instead of one waiting for the other's last long chunk."""
    bounds = [0]
    while bounds[-1] < count:
        left = count - bounds[-1]
        bounds.append(bounds[-1] + max(1, min(largest, -(-left // (2 * workers)))))
    return bounds


def _mapped_here(function: Callable[[T], R], items: Sequence[T]) -> Generator[R, None, None]:
    with paused_collector(freeze=False):
        for item in items:
            yield function(item)


@contextmanager
def paused_collector(freeze: bool) -> Iterator[None]:
    """No cyclic garbage collection in this process for the duration; with `freeze`, what exists
    now is also kept out of every collection (the parent's and its forked children's) until the end."""
    enabled = gc.isenabled()
    gc.disable()
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
        if enabled:
            gc.enable()


def _work(function: Callable[[T], R], items: Sequence[T], bounds: Sequence[int], tasks, results) -> None:
    """A worker's loop: take a chunk number, send back its results (or the error), until told to stop."""
    while True:
        number = tasks.get()
        if number is None:
            results.close()
            return
        try:
            outcome: tuple[bool, object] = (True, [function(item) for item in items[bounds[number] : bounds[number + 1]]])
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, error)
        try:
            results.send((number, outcome))
        except Exception:  # the error or a result could not be pickled: its text is enough
            results.send((number, (False, RuntimeError(traceback.format_exc()))))


class _ForkedMap(Iterator[R]):
    """The results of a map over forked workers, in order; workers are stopped when it is exhausted or closed.

    Workers take chunk numbers from one queue and each sends its results through a pipe of its own."""

    def __init__(self, function: Callable[[T], R], items: Sequence[T], workers: int, bounds: Sequence[int]) -> None:
        context = multiprocessing.get_context("fork")
        self._chunks = len(bounds) - 1
        self._pause = paused_collector(freeze=True)
        self._pause.__enter__()
        tasks = context.SimpleQueue()
        for number in range(self._chunks):
            tasks.put(number)
        for _ in range(workers):
            tasks.put(None)
        self._receivers = []
        self._processes = []
        for _ in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(function, items, bounds, tasks, sender), daemon=True)
            process.start()
            sender.close()
            self._receivers.append(receiver)
            self._processes.append(process)
        self._open = list(self._receivers)
        self._waiting: dict[int, list[R]] = {}
        self._next = 0
        self._ready: Iterator[R] = iter(())
        self._closed = False

    def __next__(self) -> R:
        while True:
            for value in self._ready:
                return value
            if self._next >= self._chunks:
                self.close()
                raise StopIteration
            while self._next not in self._waiting:
                self._receive()
            self._ready = iter(self._waiting.pop(self._next))
            self._next += 1

    def _receive(self) -> None:
        if not self._open:
            self.close()
            codes = [process.exitcode for process in self._processes]
            raise WorkerFailed(f"a worker process ended without sending its results (exit codes {codes})")
        for receiver in multiprocessing.connection.wait(self._open):
            try:
                number, (ok, value) = receiver.recv()  # type: ignore[union-attr]
            except EOFError:
                self._open.remove(receiver)
                continue
            if not ok:
                self.close()
                raise value  # type: ignore[misc]
            self._waiting[number] = value  # type: ignore[assignment]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for process in self._processes:
            if process.is_alive() and self._next < self._chunks:
                process.kill()
            process.join()
        for receiver in self._receivers:
            receiver.close()
        self._pause.__exit__(None, None, None)

    def __del__(self) -> None:
        self.close()


class Running(Generic[R]):
    """A function started beside the caller; here, one that runs only when its result is asked for."""

    def __init__(self, function: Callable[[], R]) -> None:
        self._function = function

    def result(self) -> R:
        return self._function()

    def cancel(self) -> None:
        """Give up on the result (the caller failed elsewhere)."""


class _Forked(Running[R]):
    """A function running in a forked process; only its return value comes back, through a pipe."""

    def __init__(self, function: Callable[[], R], idle_only: bool = False) -> None:
        super().__init__(function)
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        with paused_collector(freeze=True):
            self._process = context.Process(target=_run_and_send, args=(function, sender, idle_only), daemon=True)
            self._process.start()
        sender.close()

    def result(self) -> R:
        try:
            ok, value = self._receiver.recv()
        except EOFError:
            self._process.join()
            ok, value = False, WorkerFailed(f"a background process ended without a result (exit code {self._process.exitcode})")
        finally:
            self._receiver.close()
            self._process.join()
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receiver.close()


def _run_and_send(function: Callable[[], R], sender, idle_only: bool = False) -> None:
    if idle_only:
        os.nice(19)
    gc.enable()
    try:
        outcome: tuple[bool, object] = (True, function())
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        outcome = (False, error)
    try:
        sender.send(outcome)
    except Exception:  # an exception that cannot be pickled: its text is enough
        sender.send((False, RuntimeError(traceback.format_exc())))
