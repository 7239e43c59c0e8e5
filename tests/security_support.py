"""What the tests of issue #21 share: a bundle someone else wrote, the `digest` command run as a user runs
it, and the user's own cache and config folders.

Each test in tests/test_security_*.py is a reproduction: it builds through the command line (or
`generator.build.build`) as a user would, and it fails on the generator before these fixes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_minimal_content


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def said(self) -> str:
        return self.out + self.err


def digest(*args: object) -> Run:
    """`digest ARGS...` in this process, as a user types it; an argparse refusal is exit code 2."""
    from generator.cli import main

    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
    return Run(code, out.getvalue(), err.getvalue())


PEAK = "peak memory (kB): "


def digest_process(args: list[object], cwd: Path, timeout: float, memory_bytes: int | None = None) -> Run:
    """`digest ARGS...` in its own process (this checkout's code), killed after `timeout` seconds, its address
    space capped at `memory_bytes`: for inputs that made the old generator hang or eat memory. A timeout is
    exit code -9. The last line of `err` is the process's peak resident memory (`PEAK`)."""
    limit = ""
    if memory_bytes is not None:
        limit = f"resource.setrlimit(resource.RLIMIT_AS, ({memory_bytes}, {memory_bytes})); "
    script = ("import resource, sys; " + limit + "from generator.cli import main; code = main(sys.argv[1:]); "
              f"print({PEAK!r} + str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), file=sys.stderr); sys.exit(code)")
    command = [sys.executable, "-c", script, *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as stopped:
        return Run(-9, str(stopped.stdout or ""), str(stopped.stderr or "") + f"\n(killed after {timeout} s)")
    return Run(done.returncode, done.stdout, done.stderr)


def peak_kilobytes(run: Run) -> int:
    return int(run.err.rsplit(PEAK, 1)[1].split()[0])


def tree_digest(folder: Path) -> dict[str, str]:
    """path -> hash of the bytes of every file under `folder`: two sites are the same if these are."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's user folders: $XDG_CACHE_HOME and $XDG_CONFIG_HOME under tmp_path/user."""
    home = tmp_path / "user"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user: Path) -> Path:
    """tmp_path/bundle/content: a valid content folder as it comes out of a shared folder or a zip;
    the working directory is tmp_path."""
    monkeypatch.chdir(tmp_path)
    return copy_minimal_content(tmp_path / "bundle" / "content")


def write_site_yaml(content: Path, extra: str) -> None:
    """Add lines to the content folder's site.yaml."""
    path = content / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")


def article_path(content: Path) -> Path:
    return content / "articles" / "alpha" / "2021-03-02-harbour-fire.md"
