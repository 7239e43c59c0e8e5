"""Reading a file of a folder someone else may have written: never outside the folder, never a
device or a pipe, never more than a limit.

A content folder (or a theme) can come from a shared course folder, an unzipped
bundle or a dataset import. A file in it may be a symbolic link to a file
elsewhere on the machine (which the site would then publish), a link to
`/dev/zero` (whose `stat` size is 0 and which never ends), or a FIFO (whose
`open` waits for a writer that never comes). So a file is read here only if its
real path lies inside the folder, it is opened without waiting (`O_NONBLOCK`),
checked to be a regular file on the open descriptor (`fstat`), and read up to
the limit plus one byte, never further.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

CHUNK = 1 << 20


class ReadRefused(Exception):
    """The file is not read; the message says why, without the path (the caller shows that)."""


class TooLarge(ReadRefused):
    """More bytes than the limit: `size` is what `fstat` reported, or the limit plus one if the file grew."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"is {size / 1e6:.1f} MB; files over {limit / 1e6:g} MB are refused")
        self.size = size
        self.limit = limit


def is_inside(folder: str, path: str) -> bool:
    """Whether the real `path` is `folder` or under it (both already resolved with `os.path.realpath`)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def read_inside(folder: Path | str, path: Path | str, limit: int, what: str = "the content folder",
                real_folder: str | None = None, real_parent: str | None = None) -> bytes:
    """The bytes of `path`, a regular file whose real path is inside `folder`, at most `limit` of them.
    A caller that reads many files passes `real_folder`, `os.path.realpath(folder)`, and `real_parent`,
    that of the file's folder: then only the file's own name is left to resolve.

    Raises ReadRefused for a link out of `folder`, a device, pipe, socket or folder, and TooLarge past
    `limit`; OSError (FileNotFoundError, PermissionError) as `open` raises it."""
    real_folder = real_folder or os.path.realpath(folder)
    real = os.path.join(real_parent, os.path.basename(path)) if real_parent else os.path.realpath(path)
    if not is_inside(real_folder, real):
        raise ReadRefused(f"is a symbolic link to a file outside {what}; copy the file into the folder instead")
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ELOOP and real_parent:  # the file itself is a link: resolve it all
            return read_inside(folder, path, limit, what, real_folder)
        if error.errno == errno.ELOOP:  # the last part became a link after realpath looked at it
            raise ReadRefused(f"is a symbolic link that changed while it was read; check {what}") from None
        raise
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise ReadRefused(f"is not a regular file but {kind_of_file(found.st_mode)}; only text files are read")
        if found.st_size > limit:
            raise TooLarge(found.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise TooLarge(total, limit)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"
