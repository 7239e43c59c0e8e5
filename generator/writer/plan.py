"""Write a planned site: keep the pages whose key is unchanged, render the rest on the executor, swap.

A deferred page whose key equals the key recorded when the last build wrote it,
and whose file is still as that build left it (same size and modification time),
is hard-linked from the previous site without being rendered. The others are
rendered group by group on the executor's workers, and each worker writes the
pages it renders: only their paths and sizes come back. Plain pages (static
files, the JSON index) are written here meanwhile.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.executor import Executor, chunk_bounds
from generator.render.pages import Deferred, DeferredSet, Page, PagePlan
from generator.store import Store
from generator.writer.site_writer import SiteWriter, check_output_path

PageRecords = dict[str, tuple[str, int, int]]
"""path -> (key, size, mtime_ns) of the keyed pages one build wrote into one output folder."""

GROUPS_PER_TASK = 16
"""Page groups (an event's pages) rendered per task at most: enough to outweigh sending the task. Tasks
shrink to one group toward the end (`chunk_bounds`)."""


@dataclass(frozen=True)
class WriteReport:
    pages: int
    changed: int
    reused: int


@dataclass(frozen=True)
class _Stored:
    """A page a worker wrote: where, whether its bytes equalled the previous site's, and its file's stat."""

    path: str
    reused: bool
    size: int
    mtime: int


class EarlyPages:
    """Pages made beside the stages before the write (the search index and feed need no comparison),
    by a forked process that writes them into a staging folder of its own beside the output: their
    bytes stay on disk instead of travelling back through a pipe. The writer adopts them."""

    def __init__(self, executor: Executor, make: Callable[[], Iterable[Page]], out: Path) -> None:
        self.folder = out.absolute().with_name(f"{out.name}.early-{uuid.uuid4().hex[:12]}")
        self.folder.mkdir(parents=True)
        folder = str(self.folder)  # not `self`: a function that held this object would keep it, and the build, in a cycle
        self._running = executor.start(lambda: _write_into(make(), folder))

    def paths(self) -> list[str]:
        return self._running.result()

    def discard(self) -> None:
        """Stop the process if it still runs, and remove the staging folder."""
        self._running.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_into(pages: Iterable[Page], folder: str) -> list[str]:
    paths = []
    for page in pages:
        target = os.path.join(folder, check_output_path(page.path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "xb") as file:
            file.write(page.content)
        paths.append(page.path)
    return paths


def write_site(
    plan: Iterable[PagePlan],
    out: Path,
    executor: Executor,
    records: Store[PageRecords],
    early: EarlyPages | None = None,
    progress: Callable[[], None] = lambda: None,
    large: bool = False,
) -> WriteReport:
    """Write every page of `plan` (and the pages `early` made) into `out`, all or nothing.

    `progress` is called once per article and event page; `large` spreads even a few groups over
    the workers (the site-wide sets of a large corpus are long whatever else changed)."""
    folder = str(out.absolute())
    previous = records.get_many([folder]).get(folder, {})
    written: PageRecords = {}
    counted = 0
    with SiteWriter(out, early.folder if early is not None else None) as writer:
        deferred, sets, plain = _partition(plan)
        groups: dict[str, list[Deferred]] = {}
        for item in deferred:
            if _unchanged(previous.get(item.path), item.key, os.path.join(folder, item.path)) and writer.reuse(item.path):
                written[item.path] = previous[item.path]
                counted += _tick(item.path, progress)
            else:
                writer.claim(item.path)
                groups.setdefault(item.group, []).append(item)
        keys = {item.path: item.key for group in groups.values() for item in group}
        ordered = sorted(groups.values(), key=len, reverse=True)  # the longest first (the site-wide groups), so none is left to the end
        bounds = chunk_bounds(len(ordered), executor.jobs, GROUPS_PER_TASK)
        batches: list[Sequence[Sequence[Deferred] | DeferredSet]] = [[s] for s in sets]
        batches += [ordered[start:end] for start, end in zip(bounds, bounds[1:])]

        def render(batch: Sequence[Sequence[Deferred] | DeferredSet]) -> list[_Stored]:
            pages = (page for part in batch for page in (part.make() if isinstance(part, DeferredSet) else (d.make() for d in part)))
            return [_store(writer, page) for page in pages]

        spread = len(ordered) + len(sets) >= executor.threshold or (large and len(sets) > 1)
        results = executor.map(render, batches, chunk=1, threshold=1 if spread else len(batches) + 1)
        try:
            for page in plain:  # while the workers render
                writer.write(page.path, page.content)
                counted += _tick(page.path, progress)
            extra = [_adopt(writer, path, early.folder) for path in early.paths()] if early is not None else []
            for stored in [*(s for batch in results for s in batch), *extra]:
                if stored.path not in keys:
                    writer.claim(stored.path)  # a site-wide page: its path became known where it was made
                elif keys[stored.path]:
                    written[stored.path] = (keys[stored.path], stored.size, stored.mtime)
                writer.count(stored.reused)
                counted += _tick(stored.path, progress)
        finally:
            results.close()  # stops the workers before a failed build's folder is removed
        writer.commit()
    records.put_many({folder: written})
    return WriteReport(counted, writer.changed, writer.reused)


def _partition(plan: Iterable[PagePlan]) -> tuple[list[Deferred], list[DeferredSet], list[Page]]:
    deferred: list[Deferred] = []
    sets: list[DeferredSet] = []
    plain: list[Page] = []
    for item in plan:
        if isinstance(item, Deferred):
            deferred.append(item)
        elif isinstance(item, DeferredSet):
            sets.append(item)
        else:
            plain.append(item)
    return deferred, sets, plain


def _store(writer: SiteWriter, page: Page) -> _Stored:
    """Runs in the process that rendered the page: the bytes never travel between processes."""
    reused = writer.store(page.path, page.content)
    found = os.stat(os.path.join(writer.temp_dir, page.path))
    return _Stored(page.path, reused, found.st_size, found.st_mtime_ns)


def _adopt(writer: SiteWriter, path: str, folder: Path) -> _Stored:
    reused = writer.adopt(path, os.path.join(folder, path))
    found = os.stat(os.path.join(writer.temp_dir, path))
    return _Stored(path, reused, found.st_size, found.st_mtime_ns)


def _unchanged(previous: tuple[str, int, int] | None, key: str, old_file: str) -> bool:
    """The page's inputs are unchanged and the file written from them is still there, untouched. (A string
    path: a build checks every page of the site here, and pathlib's objects cost more than the stat.)"""
    if previous is None or previous[0] != key:
        return False
    try:
        found = os.stat(old_file)
    except OSError:
        return False
    return (found.st_size, found.st_mtime_ns) == previous[1:]


def _tick(path: str, progress: Callable[[], None]) -> int:
    if path.endswith(".html") and path.startswith(("articles/", "events/")):
        progress()
    return 1
