"""Write: stream pages into a fresh folder beside the output, then swap it in at once.

A failed or killed build never touches the previous site: pages go to
`<out>.tmp-<id>/`, and only a complete build replaces `<out>/`, with an atomic
exchange of the two folders where the system offers one (Linux renameat2). A
file whose bytes did not change is hard-linked from the previous site instead of
written again, so it keeps its modification time. Paths that would land outside
the output folder, and a second page for one path, are refused.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import stat
import uuid
from pathlib import Path

SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$|^\.nojekyll$")
RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)})
"""Windows device names: `com9.html` cannot be created there, whatever the extension."""


class UnsafeOutput(Exception):
    """A page path that would escape the output folder, or a path written twice."""


def check_output_path(path: str) -> str:
    """Refuse absolute paths, `..`, NUL, reserved device names and odd characters.

    A path that passes is already in normal form (no `.`, `..` or empty parts),
    so it is returned as it is and joined to a folder with plain string joins."""
    if not path or "\x00" in path or "\\" in path:
        raise UnsafeOutput(f"refusing output path {path!r}: empty or contains NUL or a backslash")
    if path.startswith("/"):
        raise UnsafeOutput(f"refusing output path {path!r}: it is absolute")
    for part in path.split("/"):
        if part in ("..", ".") or not SAFE_PART.match(part) or part.split(".")[0].lower() in RESERVED:
            raise UnsafeOutput(f"refusing output path {path!r}: part {part!r} is not a safe file name")
    return path


class SiteWriter:
    """Collects a build in a temporary folder; `commit()` swaps it in, `abort()` removes it."""

    def __init__(self, out_dir: Path, staging: Path | None = None) -> None:
        self.out_dir = out_dir.absolute()
        self.staging = staging
        self.previous = self.out_dir if self.out_dir.is_dir() else None
        self.temp_dir = self.out_dir.with_name(f"{self.out_dir.name}.tmp-{uuid.uuid4().hex[:12]}")
        self.written: set[str] = set()
        self.folders: set[str] = set()
        self.reused = 0
        self.changed = 0

    def __enter__(self) -> SiteWriter:
        remove_leftovers(self.out_dir, self.staging)
        self.temp_dir.mkdir(parents=True)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()

    def write(self, path: str, content: bytes) -> None:
        self.claim(path)
        self.count(self.store(path, content))

    def claim(self, path: str) -> None:
        """Check a path and reserve it, refusing a second page for it; `store` may then fill it,
        in this process or in a worker forked from it."""
        key = check_output_path(path)
        if key in self.written:
            raise UnsafeOutput(f"refusing to write {key} twice: two pages claim the same output path")
        self.written.add(key)

    def store(self, path: str, content: bytes) -> bool:
        """Put a page in the new site; True when it was hard-linked from the previous site because
        its bytes are the same. The path is checked here as well as in `claim`, since a page whose
        path is known only once it is made is claimed after it is stored; and a file is only ever
        created, never opened again, so a second page for one path can never write through a link
        into the previous site. Changes nothing but the writer's note of the folders it created, so
        workers may call it."""
        check_output_path(path)
        target = os.path.join(self.temp_dir, path)
        self._make_folder(os.path.dirname(target))
        try:
            if self.previous is not None and self._same_as_before(path, content):
                os.link(os.path.join(self.previous, path), target)
                return True
            with open(target, "xb") as file:
                file.write(content)
        except FileExistsError:
            raise UnsafeOutput(f"refusing to write {path} twice: two pages claim the same output path") from None
        return False

    def adopt(self, path: str, source: str) -> bool:
        """Move a page that another process wrote to `source` into the new site, as `store` would put
        its bytes there; True when the previous site's file was the same and is linked instead."""
        check_output_path(path)
        target = os.path.join(self.temp_dir, path)
        self._make_folder(os.path.dirname(target))
        try:
            if self.previous is not None and self._same_as_before(path, _read(source)):
                os.link(os.path.join(self.previous, path), target)
                return True
            os.link(source, target)  # never over an existing file, unlike a rename
        except FileExistsError:
            raise UnsafeOutput(f"refusing to write {path} twice: two pages claim the same output path") from None
        return False

    def _same_as_before(self, path: str, content: bytes) -> bool:
        try:
            found = os.lstat(os.path.join(self.previous, path))  # type: ignore[arg-type]
            if not stat.S_ISREG(found.st_mode) or found.st_size != len(content):
                return False
            with open(os.path.join(self.previous, path), "rb") as file:  # type: ignore[arg-type]
                return file.read() == content
        except OSError:
            return False

    def count(self, reused: bool) -> None:
        if reused:
            self.reused += 1
        else:
            self.changed += 1

    def reuse(self, path: str) -> bool:
        """Carry an unchanged page over from the previous site without rendering it again.

        The build calls this only when the page's inputs have the same key as
        when that file was written; the file is hard-linked, so it keeps its
        modification time. Returns False when there is nothing to carry over."""
        key = check_output_path(path)
        if key in self.written:
            raise UnsafeOutput(f"refusing to write {key} twice: two pages claim the same output path")
        if self.previous is None:
            return False
        old = os.path.join(self.previous, path)
        target = os.path.join(self.temp_dir, path)
        try:
            if not stat.S_ISREG(os.lstat(old).st_mode):
                return False
            self._make_folder(os.path.dirname(target))
            os.link(old, target)
        except OSError:
            return False
        self.written.add(key)
        self.reused += 1
        return True

    def _make_folder(self, folder: str) -> None:
        """Create a folder of the new site once; a build writes thousands of files into a few folders."""
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)

    def commit(self) -> None:
        """Make the new site the output folder; the old one is removed afterwards."""
        if self.out_dir.exists():
            if not _exchange(self.temp_dir, self.out_dir):
                old = self.out_dir.with_name(f"{self.out_dir.name}.old-{uuid.uuid4().hex[:12]}")
                os.rename(self.out_dir, old)
                os.rename(self.temp_dir, self.out_dir)
                shutil.rmtree(old, ignore_errors=True)
                return
            shutil.rmtree(self.temp_dir, ignore_errors=True)  # now holds the previous site
        else:
            os.rename(self.temp_dir, self.out_dir)

    def abort(self) -> None:
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def remove_leftovers(out_dir: Path, keep: Path | None = None) -> None:
    """Remove temporary folders of builds that were killed (but `keep`, this build's own staging folder);
    restore the site if a swap was cut short."""
    parent = out_dir.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f"{out_dir.name}.old-*"))
    if not out_dir.exists() and olds:
        os.rename(olds[-1], out_dir)
        olds = olds[:-1]
    for leftover in [*parent.glob(f"{out_dir.name}.tmp-*"), *parent.glob(f"{out_dir.name}.early-*"), *olds]:
        if leftover.is_dir() and leftover != keep:
            shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders with renameat2(RENAME_EXCHANGE); False where unsupported."""
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()
