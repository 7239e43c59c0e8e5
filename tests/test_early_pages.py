"""The site-wide pages made early, beside the compare stage (`writer.plan.EarlyPages`)."""

from __future__ import annotations

import gc
import weakref
from functools import partial
from pathlib import Path

from generator.executor import Executor
from generator.render.pages import Page
from generator.writer.plan import EarlyPages


class _Data:
    """Stands for the build's data that the function making the pages reads."""


def _pages(data: _Data) -> list[Page]:
    return [Page("search.html", b"<p>search</p>")]


def test_early_pages_are_written_and_their_data_freed_without_the_cycle_collector(tmp_path: Path) -> None:
    """Once the pages are written and the object is dropped, what the making function read is freed by reference
    counting alone: an EarlyPages that its own running function held would keep the whole build alive until a
    collection walked every object."""
    data = _Data()
    freed = weakref.ref(data)

    make = partial(_pages, data)  # holds the data as the build's function does, not through a cell `del` would empty
    enabled = gc.isenabled()
    gc.disable()
    try:
        early = EarlyPages(Executor(1), make, tmp_path / "site")
        assert early.paths() == ["search.html"]
        assert (early.folder / "search.html").read_bytes() == b"<p>search</p>"
        early.discard()
        assert not early.folder.exists()
        del early, make, data
        assert freed() is None
    finally:
        if enabled:
            gc.enable()
