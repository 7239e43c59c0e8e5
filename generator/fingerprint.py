"""Is the site already built? A hash of every input, and the sizes and times of every output file.

When the inputs hash as they did for the last complete build into the same
folder, and that folder's files are as the build left them, a new build would
write the same bytes: it only checks, and stops.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem

CHUNK = 1 << 20


@dataclass(frozen=True)
class BuildRecord:
    """The last complete build into one folder: its inputs' fingerprint, its files, and what it reported."""

    fingerprint: str
    files: dict[str, tuple[int, int]]
    pages: int
    articles: int
    events: int
    warnings: tuple[Problem, ...]


def input_fingerprint(folders: tuple[Path, ...], settings: str) -> str:
    """A hash of every file under `folders` (read in a stream, so a huge file costs time, not memory),
    of every link's target name, and of `settings` (the code version and the options that change what
    is written)."""
    digest = hashlib.sha256(f"{len(settings)}:{settings}".encode("utf-8"))
    for root in folders:
        for name in sorted(file_names(str(root), links=True)):
            if "__pycache__" in name.split("/"):
                continue
            digest.update(f"{len(name)}:{name}".encode("utf-8"))
            path = os.path.join(root, name)
            if os.path.islink(path):  # a link is its target's name: its target, if loaded at all, is a file of its own
                digest.update(f"link:{os.readlink(path)}\0".encode("utf-8", "surrogateescape"))
                continue
            try:
                _hash_file(path, digest)
            except OSError as error:  # unreadable: the build will say so; the fingerprint only has to differ
                digest.update(f"unreadable:{error.errno}".encode("utf-8"))
            digest.update(b"\0")
    return digest.hexdigest()


def _hash_file(path: str, digest: Any) -> None:
    """Add a regular file's bytes to `digest` in chunks; opened without following a link or waiting on a
    pipe (a file listed as regular may have been replaced since), anything else hashed as its kind."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            digest.update(b"not a regular file")
            return
        while chunk := file.read(CHUNK):
            digest.update(chunk)


def file_names(root: str, prefix: str = "", links: bool = False) -> Iterator[str]:
    """Relative names of the regular files under `root`, not descending into links to folders (as
    loading does not), and with `links` the links themselves too."""
    try:
        entries = list(os.scandir(os.path.join(root, prefix) if prefix else root))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        name = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from file_names(root, name + "/", links)
        elif entry.is_file(follow_symlinks=False) or (links and entry.is_symlink()):
            yield name


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every file under `folder`; empty when there is no such folder."""
    root = str(folder)
    found: dict[str, tuple[int, int]] = {}
    for name in file_names(root, links=True):
        info = os.lstat(os.path.join(root, name))
        found[name] = (info.st_size, info.st_mtime_ns)
    return found
