"""Shared test helpers: a small valid content folder to start from, the seed site, and the stages
a test of rendering needs to run first."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
"""`make test` draws the same examples on every run, so it passes or fails the same way everywhere;
`HYPOTHESIS_PROFILE=explore make test` draws new ones, to look for inputs nobody thought of."""

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def tree_digest(folder: Path) -> dict[str, str]:
    """path -> hash of the bytes of every file under `folder`: two sites are the same if these are."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


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


@pytest.fixture(autouse=True, scope="session")
def private_user_folders(tmp_path_factory: pytest.TempPathFactory):
    """The tests' own cache and config folders: a test never reads or writes the user's."""
    folder = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        yield folder


def analysed(corpus, full_text: bool = False) -> tuple[dict, dict]:
    """Every article's analysis and rights, as the build makes them (without a store)."""
    from generator.analysis.results import ArticleAnalysis
    from generator.analysis.rights import Rights
    from generator.analysis.stage import analyse_articles, analysis_keys, decide_all_rights
    from generator.executor import Executor
    from generator.store import Store

    keys = analysis_keys(corpus, "test")
    analyses = analyse_articles(corpus, keys, Store("analyses", ArticleAnalysis), Executor())
    return analyses, decide_all_rights(corpus, analyses, keys, full_text, Store("rights", Rights), Executor())


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ built once per test session (public build)."""
    from generator.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seed") / "site"
    build(BuildOptions(content=ROOT / "content", out=out))
    return out


@pytest.fixture(scope="session")
def assembled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/assembled (two made-up events, six made-up outlets) with the project's lexicon, built once
    per test session (public build); its content folder is beside it, at ../content."""
    from generator.build import BuildOptions, build

    holder = tmp_path_factory.mktemp("assembled")
    content = holder / "content"
    shutil.copytree(FIXTURES / "assembled", content)
    shutil.copytree(ROOT / "content" / "lexicon", content / "lexicon")
    out = holder / "site"
    build(BuildOptions(content=content, out=out))
    return out
