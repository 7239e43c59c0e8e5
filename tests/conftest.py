"""Shared test helpers: a small valid content folder to start from, and the seed site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_minimal_content(target: Path) -> Path:
    """A valid content folder (tests/fixtures/minimal plus the project's lexicon) at `target`."""
    shutil.copytree(FIXTURES / "minimal", target)
    shutil.copytree(ROOT / "content" / "lexicon", target / "lexicon")
    return target


@pytest.fixture
def minimal_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/content holding the minimal corpus; the working directory is tmp_path."""
    monkeypatch.chdir(tmp_path)
    return copy_minimal_content(tmp_path / "content")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ built once per test session (public build)."""
    from generator.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seed") / "site"
    build(BuildOptions(content=ROOT / "content", out=out))
    return out
