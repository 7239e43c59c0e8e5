"""Issue #21, 2: the cache holds pickles, and a pickle runs code when it is loaded. So the cache lives in
the user's own cache folder (never beside a content folder someone else wrote), every value is sealed
with a MAC under a secret only this user can read and checked before it is unpickled, and a cache folder
or file that another user owns or may write is refused with a message while the build goes on without it."""

from __future__ import annotations

import os
import pickle
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.security_support import bundle, digest, tree_digest, user  # noqa: F401 - fixtures


class Plant:
    """A pickle that, loaded, creates the file `path`: proof that the cache ran code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def databases(folder: Path) -> list[Path]:
    """Every SQLite file under `folder` (wherever a version of the generator keeps its cache)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:16] == b"SQLite format 3\x00")


def rows(database: Path) -> dict[str, list[tuple[str, bytes]]]:
    with sqlite3.connect(database) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if {"key", "value"} <= {column[1] for column in connection.execute(f"PRAGMA table_info({name})")}]
        return {table: list(connection.execute(f"SELECT key, value FROM {table} ORDER BY key")) for table in tables}


def rewrite(database: Path, values: dict[str, list[tuple[str, bytes]]]) -> None:
    connection = sqlite3.connect(database)
    with connection:
        for table, pairs in values.items():
            connection.executemany(f"UPDATE {table} SET value = ? WHERE key = ?", [(value, key) for key, value in pairs])
    connection.close()


def plant_everywhere(database: Path, blob: bytes) -> int:
    """Replace every value of every table by `blob`; the number of values replaced."""
    found = rows(database)
    rewrite(database, {table: [(key, blob) for key, _ in pairs] for table, pairs in found.items()})
    return sum(len(pairs) for pairs in found.values())


def build(content: Path, out: Path, *options: object):
    return digest("build", "--content", content, "--out", out, "--jobs", "1", *options)


def test_a_pickle_planted_in_the_cache_is_never_loaded(bundle: Path, tmp_path: Path, user: Path) -> None:
    """Whoever can write the cache file plants a pickle in every value: bare, behind a zero MAC (what an
    unkeyed seal would accept), behind random bytes. The builds that follow run none of them."""
    assert build(bundle, tmp_path / "cold", "--no-cache").code == 0
    assert build(bundle, tmp_path / "site").code == 0  # the default cache, wherever it is
    found = databases(tmp_path)
    assert found, "the build kept a cache"
    marker = tmp_path / "pickle-ran"
    payload = pickle.dumps(Plant(marker))
    for blob in (payload, bytes(32) + payload, os.urandom(32) + payload):
        assert sum(plant_everywhere(database, blob) for database in found) > 5
        run = build(bundle, tmp_path / "site")
        assert not marker.exists(), f"a pickle from the cache ran code ({blob[:40]!r})"
        assert run.code == 0, run.said
        assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "cold")


def test_a_cache_shipped_beside_the_content_folder_is_never_opened(bundle: Path, tmp_path: Path, user: Path) -> None:
    """A bundle comes with `.cache/digest/` beside its content, made by its author's build and then poisoned:
    building the bundle with the default cache never opens it; the cache is in the user's own cache folder."""
    shipped = bundle.parent / ".cache" / "digest"
    assert build(bundle, tmp_path / "theirs", "--cache-dir", shipped).code == 0
    marker = tmp_path / "pickle-ran"
    found = databases(shipped)
    assert found
    for database in found:
        plant_everywhere(database, pickle.dumps(Plant(marker)))
    run = build(bundle, tmp_path / "site")
    assert not marker.exists(), "the cache beside the content folder was loaded"
    assert run.code == 0, run.said
    mine = databases(user / "cache" / "framing-digest")
    assert len(mine) == 1 and mine[0].name == "cache.sqlite", mine
    assert stat.S_IMODE(mine[0].parent.stat().st_mode) == 0o700
    assert set(databases(bundle.parent)) == set(found), "the build wrote nothing beside the content folder"
    secret = user / "config" / "framing-digest" / "cache-secret"
    assert secret.is_file() and stat.S_IMODE(secret.stat().st_mode) == 0o600 and len(secret.read_bytes()) == 32


def test_a_value_moved_to_another_key_is_refused(bundle: Path, tmp_path: Path, user: Path) -> None:
    """Each table's values rotated one key on (the first article's analysis under the second's key, ...):
    a sealed value binds its table and key, so the next build recomputes them all and matches a cold build.
    (The generator before the seal kept this promise too, by storing each key inside its pickle and checking
    it after unpickling: too late to stop a planted pickle, which the test above shows.)"""
    assert build(bundle, tmp_path / "cold", "--no-cache").code == 0
    assert build(bundle, tmp_path / "first", "--cache-dir", tmp_path / "cache").code == 0
    [database] = databases(tmp_path / "cache")
    found = rows(database)
    rotated = {table: [(pairs[i][0], pairs[(i + 1) % len(pairs)][1]) for i in range(len(pairs))] for table, pairs in found.items() if len(pairs) > 1}
    assert rotated, "some table holds more than one value"
    rewrite(database, rotated)
    run = build(bundle, tmp_path / "second", "--cache-dir", tmp_path / "cache")
    assert run.code == 0, run.said
    assert tree_digest(tmp_path / "second") == tree_digest(tmp_path / "cold")


def test_a_value_moved_to_another_table_is_refused(tmp_path: Path, user: Path) -> None:
    """The same key in another table of the same kind: the seal names its table, so it does not open."""
    from generator.store import open_database, SqliteStore

    database = open_database(tmp_path / "cache")
    try:
        kept = SqliteStore(database, "profiles", tuple)
        other = SqliteStore(database, "completions", tuple)
        kept.put_many({"k": ("a value",)})
        assert kept.get_many(["k"]) == {"k": ("a value",)}
        other.put_sealed(kept.get_sealed(["k"]))
        assert other.get_sealed(["k"]) and other.get_many(["k"]) == {}
    finally:
        database.close()


def private_paths(user: Path, cache: Path) -> dict[str, Path]:
    return {"cache folder": cache, "cache file": cache / "cache.sqlite", "secret folder": user / "config" / "framing-digest",
            "secret": user / "config" / "framing-digest" / "cache-secret"}


@pytest.mark.parametrize(("target", "mode", "said"), [
    ("cache folder", 0o770, "can be written by other users"), ("cache folder", 0o707, "can be written by other users"),
    ("cache file", 0o660, "can be written by other users"), ("cache file", 0o646, "can be written by other users"),
    ("secret folder", 0o777, "can be written by other users"), ("secret", 0o640, "can be read by other users"),
    ("secret", 0o604, "can be read by other users"),
])
def test_a_cache_others_may_write_is_refused_and_the_build_goes_on(
    bundle: Path, tmp_path: Path, user: Path, target: str, mode: int, said: str
) -> None:
    cache = tmp_path / "cache"
    assert build(bundle, tmp_path / "cold", "--no-cache").code == 0
    assert build(bundle, tmp_path / "first", "--cache-dir", cache).code == 0
    path = private_paths(user, cache)[target]
    path.chmod(mode)
    before = (cache / "cache.sqlite").read_bytes()
    run = build(bundle, tmp_path / "site", "--cache-dir", cache)
    assert run.code == 0, run.said
    assert f"not using the cache: {path} {said}" in run.err and "chmod go-rwx" in run.err, run.err
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "cold")
    assert (cache / "cache.sqlite").read_bytes() == before, "a refused cache is neither read nor written"


@pytest.mark.parametrize("target", ["cache folder", "cache file", "secret"])
def test_a_cache_another_user_owns_is_refused(bundle: Path, tmp_path: Path, user: Path, target: str) -> None:
    cache = tmp_path / "cache"
    assert build(bundle, tmp_path / "first", "--cache-dir", cache).code == 0
    path = private_paths(user, cache)[target]
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(path, 4242, 4242)
    run = build(bundle, tmp_path / "site", "--cache-dir", cache)
    assert run.code == 0, run.said
    assert f"not using the cache: {path} belongs to another user (uid 4242)" in run.err, run.err


def test_a_cache_folder_that_is_a_link_is_refused(bundle: Path, tmp_path: Path, user: Path) -> None:
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    (tmp_path / "cache").symlink_to(tmp_path / "elsewhere")
    run = build(bundle, tmp_path / "site", "--cache-dir", tmp_path / "cache")
    assert run.code == 0, run.said
    assert f"not using the cache: {tmp_path / 'cache'} is not a folder" in run.err, run.err
    assert list((tmp_path / "elsewhere").iterdir()) == []
