"""Loading and validation: one fixture per kind of error, each with the message it must produce.

Each case under tests/fixtures/bad/<case>/ holds `files/` (laid over the
minimal corpus), an optional `remove.txt` (paths to delete) and `expected.txt`:
one line per problem that must be reported, `path:line: field: message fragment`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.build import BuildOptions, check
from tests.conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "bad").iterdir() if p.is_dir())


def apply_case(case: Path, content: Path) -> None:
    files = case / "files"
    if files.is_dir():
        for source in files.rglob("*"):
            if source.is_file():
                target = content / source.relative_to(files)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text().split():
            path = content / line
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def test_minimal_content_is_valid(minimal_content: Path) -> None:
    assert check(BuildOptions(content=minimal_content)) == ()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_case(case: Path, minimal_content: Path) -> None:
    apply_case(case, minimal_content)
    with pytest.raises(ContentError) as caught:
        check(BuildOptions(content=minimal_content))
    reported = [str(p) for p in caught.value.problems]
    for expected in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if not expected.strip():
            continue
        location, _, fragment = expected.partition(" ~ ")
        assert any(r.startswith(location) and fragment in r for r in reported), f"expected {expected!r} in:\n" + "\n".join(reported)
