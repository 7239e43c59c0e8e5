"""The build's store: results kept between builds, one table per kind, so a rebuild computes only what changed.

Every kind of result is reached through the same small interface (`Store`):
get values by key, put values, keep only the keys still in use. Keys are hashes
of everything a value depends on (see `keys.py`), so a stale value is never
found, only missed. `NoStore` is the same interface with nothing behind it: a
build without a cache runs the same code.

Values are pickles, and a pickle runs code when loaded, so a value is loaded only
after its seal is checked: a keyed BLAKE2b MAC over the table, the key and the
bytes, under a secret that only this user can read (`secret_key`). A file
planted in the cache folder, or a value moved to another key, fails the check
and is ignored. A cache folder or file owned by someone else, or writable by
others, is refused before anything is read from it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sqlite3
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Generic, TypeVar

from generator.executor import paused_collector

T = TypeVar("T")

MAC_BYTES = 32
SECRET_BYTES = 32
APP = "framing-digest"


class StoreRefused(Exception):
    """The cache folder or file is not safe to read (owner or permissions); the build goes on without it."""


class Seal:
    """Turns values into bytes and back. Keyed, it authenticates the bytes before unpickling them;
    unkeyed, it only carries values between the processes of one build, never through a file."""

    def __init__(self, secret: bytes | None) -> None:
        self._secret = secret

    def close(self, table: str, key: str, value: object) -> bytes:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return self._mac(table, key, data) + data

    def open(self, table: str, key: str, blob: bytes, kind: type[T]) -> T | None:
        """The value sealed in `blob` for (`table`, `key`), or None if the seal or the type is wrong."""
        mac, data = blob[:MAC_BYTES], memoryview(blob)[MAC_BYTES:]  # a view: a large value is not copied to be read
        if not hmac.compare_digest(mac, self._mac(table, key, data)):
            return None
        try:
            value = pickle.loads(data)  # noqa: S301 - authenticated above: written by this user's builds
        except Exception:  # damaged in a way the MAC cannot see (an older Python's pickle): ignore it
            return None
        return value if isinstance(value, kind) else None

    def _mac(self, table: str, key: str, data: bytes | memoryview) -> bytes:
        if self._secret is None:
            return bytes(MAC_BYTES)
        digest = hashlib.blake2b(key=self._secret, digest_size=MAC_BYTES)
        digest.update(f"{table}\0{key}\0".encode("utf-8"))
        digest.update(data)
        return digest.digest()


class Store(Generic[T]):
    """Values of one kind by key. This base class keeps nothing: it is the store of a build without a
    cache (`--no-cache`), and the interface every store has."""

    keeps = False
    """Whether a value put here can be got back: a value made only to be put is not worth making otherwise."""

    def __init__(self, table: str, kind: type[T], seal: Seal | None = None) -> None:
        self.table = table
        self.kind = kind
        self.seal = seal or Seal(None)

    def get_many(self, keys: Iterable[str]) -> dict[str, T]:
        sealed = self.get_sealed(keys)
        with paused_collector(freeze=False):  # thousands of values at once: each collection would walk those already made
            return {key: value for key, blob in sealed.items() if (value := self.unseal(key, blob)) is not None}

    def put_many(self, items: Mapping[str, T]) -> None:
        """Keep these values (here: nothing, and nothing is sealed for it)."""

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget every value whose key is not in `keys`, so the store does not grow without end."""

    def get_sealed(self, keys: Iterable[str]) -> dict[str, bytes]:
        """Values still sealed: for results read in another process, or only if a page needs them."""
        return {}

    def put_sealed(self, items: Mapping[str, bytes]) -> None:
        """Values sealed elsewhere (by a worker process of this build)."""

    def sealed(self, key: str, value: T) -> bytes:
        return self.seal.close(self.table, key, value)

    def unseal(self, key: str, blob: bytes) -> T | None:
        return self.seal.open(self.table, key, blob, self.kind)


class SqliteStore(Store[T]):
    """Values of one kind in one table of the cache's SQLite file."""

    keeps = True

    def __init__(self, database: Database, table: str, kind: type[T]) -> None:
        super().__init__(table, kind, database.seal)
        self.database = database

    def get_sealed(self, keys: Iterable[str]) -> dict[str, bytes]:
        return self.database.select(self.table, list(keys))

    def put_sealed(self, items: Mapping[str, bytes]) -> None:
        self.database.insert(self.table, items.items())

    def put_many(self, items: Mapping[str, T]) -> None:
        # a generator: SQLite takes the rows one by one, so thousands of pickles are never in memory at once
        self.database.insert(self.table, ((key, self.sealed(key, value)) for key, value in items.items()))

    def keep_only(self, keys: Iterable[str]) -> None:
        self.database.keep_only(self.table, keys)


class Database:
    """The cache's SQLite file; a damaged file is replaced by a new one, and problems are noted, never raised."""

    def __init__(self, path: Path, seal: Seal) -> None:
        self.path = path
        self.seal = seal
        self.problems: list[str] = []
        self.connection: sqlite3.Connection | None = None
        self.tables: set[str] = set()
        try:
            self.connection = sqlite3.connect(path)
            self.connection.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as error:
            self._start_over(f"cache {path} is unreadable ({error}); starting a new one")

    def _start_over(self, reason: str) -> None:
        self.problems.append(reason)
        self.close()
        self.path.unlink(missing_ok=True)
        self.tables.clear()
        try:
            self.connection = sqlite3.connect(self.path)
        except sqlite3.DatabaseError:
            self.connection = None

    def _table(self, table: str) -> sqlite3.Connection | None:
        if self.connection is not None and table not in self.tables:
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            self.tables.add(table)
        return self.connection

    def select(self, table: str, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        try:
            connection = self._table(table)
            if connection is None:
                return {}
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(connection.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk))
        except sqlite3.DatabaseError as error:
            self._start_over(f"cache {self.path} is corrupt ({error}); starting a new one")
            return {}
        return found

    def insert(self, table: str, rows: Iterable[tuple[str, bytes]]) -> None:
        try:
            connection = self._table(table)
            if connection is None:
                return
            with connection:
                connection.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except sqlite3.DatabaseError as error:
            self.problems.append(f"could not write the cache {self.path}: {error}")

    def keep_only(self, table: str, keys: Iterable[str]) -> None:
        try:
            connection = self._table(table)
            if connection is None:
                return
            with connection:
                connection.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                connection.execute("DELETE FROM keep")
                connection.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((key,) for key in keys))
                connection.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.DatabaseError as error:
            self.problems.append(f"could not prune the cache {self.path}: {error}")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def default_cache_dir(content: Path) -> Path:
    """`$XDG_CACHE_HOME/framing-digest/<content folder's hash>`: the user's own cache, one per content folder,
    never a folder beside the content that whoever wrote the content could have filled."""
    base = user_folder("XDG_CACHE_HOME", ".cache")
    name = hashlib.sha256(str(content.absolute()).encode("utf-8")).hexdigest()[:16]
    return base / APP / name


def secret_key() -> bytes:
    """This user's secret for sealing cache values: `$XDG_CONFIG_HOME/framing-digest/cache-secret`,
    made on first use, readable by its owner only; refused if anyone else could read or replace it."""
    folder = user_folder("XDG_CONFIG_HOME", ".config") / APP
    _make_private_folder(folder)
    path = folder / "cache-secret"
    if not os.path.lexists(path):
        _write_new_secret(path)
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as file:
        found = os.fstat(file.fileno())
        if not stat.S_ISREG(found.st_mode):
            raise StoreRefused(f"{path} is not a plain file; remove it and build again")
        _check_private(found, path, readable_by_others=False)
        secret = file.read(SECRET_BYTES + 1)
    if len(secret) != SECRET_BYTES:
        raise StoreRefused(f"{path} is not a cache secret ({len(secret)} bytes); remove it and build again")
    return secret


def _write_new_secret(path: Path) -> None:
    """A new secret, written whole under another name and then linked in, so a build running at the same
    moment reads either no secret or all of it, and two such builds agree on one."""
    draft = path.with_name(f"{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(os.urandom(SECRET_BYTES))
        try:
            os.link(draft, path)
        except FileExistsError:  # another build made one first: use that
            pass
    finally:
        draft.unlink(missing_ok=True)


def user_folder(variable: str, fallback: str) -> Path:
    """`$XDG_CACHE_HOME` or `$XDG_CONFIG_HOME` when set to an absolute path (the XDG rule: a relative one is
    ignored), else the usual folder under the home folder."""
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / fallback


def open_database(folder: Path) -> Database:
    """The cache in `folder`, made private if new; raises StoreRefused if the folder or its file is unsafe."""
    _make_private_folder(folder)
    path = folder / "cache.sqlite"
    if path.is_symlink():
        raise StoreRefused(f"cache file {path} is a symbolic link")
    if path.exists():
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            raise StoreRefused(f"cache file {path} is not a plain file")
        _check_private(found, path, readable_by_others=True)
    else:
        path.touch(mode=0o600)
    return Database(path, Seal(secret_key()))


def _make_private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    if folder.is_symlink() or not folder.is_dir():
        raise StoreRefused(f"{folder} is not a folder")
    _check_private(folder.stat(), folder, readable_by_others=True)


def _check_private(found: os.stat_result, path: Path, readable_by_others: bool) -> None:
    """Refuse what another user owns or may write (and, for secrets, may read)."""
    if hasattr(os, "getuid") and found.st_uid != os.getuid():
        raise StoreRefused(f"{path} belongs to another user (uid {found.st_uid})")
    forbidden = stat.S_IWGRP | stat.S_IWOTH
    if not readable_by_others:
        forbidden |= stat.S_IRGRP | stat.S_IROTH
    if found.st_mode & forbidden:
        raise StoreRefused(f"{path} can be {'written' if found.st_mode & (stat.S_IWGRP | stat.S_IWOTH) else 'read'} by other users "
                           f"(mode {stat.S_IMODE(found.st_mode):o}); make it private (chmod go-rwx) or choose another --cache-dir")
