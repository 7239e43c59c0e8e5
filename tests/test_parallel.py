"""Spreading the build over processes changes how fast it is, never what it writes.

A corpus large enough for every parallel path (analysis, comparisons and page
rendering each need at least `MIN_PARALLEL` tasks) is built on one process and
on two; the two sites must be byte-identical, page for page.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.cache import AnalysisCache
from generator.parallel import MIN_PARALLEL
from tests.conftest import ROOT
from tests.test_build import tree_digest

ARTICLES = 240  # about 80 events: more than MIN_PARALLEL comparisons and render groups


def _generate_corpus(out: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus_parallel", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate_corpus(out, ARTICLES, 6, 7)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="parallel comparisons and rendering need fork")
def test_two_processes_build_the_same_bytes_as_one(tmp_path: Path) -> None:
    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    events = len(list((content / "events").glob("*.md")))
    assert events >= MIN_PARALLEL, "the corpus is too small to take the parallel paths"
    serial = build(BuildOptions(content=content, out=tmp_path / "serial", jobs=1))
    parallel = build(BuildOptions(content=content, out=tmp_path / "parallel", jobs=2))
    assert serial.pages == parallel.pages > ARTICLES + events
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "serial")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="parallel comparisons and rendering need fork")
def test_parallel_rebuilds_carry_pages_over_and_rewrite_only_what_changed(tmp_path: Path) -> None:
    """Workers write pages themselves: a rebuild must still keep unchanged files and record every page's key."""
    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    options = BuildOptions(content=content, out=tmp_path / "site", jobs=2, cache_dir=tmp_path / "cache")
    first = build(options)
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("*") if p.is_file()}
    cache = AnalysisCache(tmp_path / "cache")
    recorded = cache.page_keys(tmp_path / "site")
    cache.close()
    pages = [p for p in (tmp_path / "site").rglob("*.html") if p.parent.name in ("articles", "events")]
    assert len(pages) > ARTICLES
    for page in pages:  # each page a worker wrote is recorded with the size and time it has on disk
        _, size, mtime = recorded[page.relative_to(tmp_path / "site").as_posix()]
        assert (size, mtime) == (page.stat().st_size, page.stat().st_mtime_ns)

    again = build(options)
    assert again.changed == 0 and again.reused == again.pages == first.pages
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("*") if p.is_file()} == stamps

    article = sorted((content / "articles").rglob("*.md"))[5]
    article.write_text(article.read_text() + "\nThe agency corrected this report later.\n")
    edited = build(options)
    assert 0 < edited.changed < first.pages // 4
    build(BuildOptions(content=content, out=tmp_path / "clean", jobs=1))
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "clean")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="parallel loading needs fork")
def test_loading_on_two_processes_reads_the_same_content_and_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.load as load

    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    broken = sorted((content / "articles").rglob("*.md"))[3]
    broken.write_text(broken.read_text().replace("---", "--- [", 1))
    monkeypatch.setattr(load, "PARALLEL_FILES", 1)
    serial, parallel = load.load_content(content, 1), load.load_content(content, 2)
    assert parallel == serial
    assert len(serial.articles) == ARTICLES - 1 and serial.problems and serial.unreadable


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="background rendering needs fork")
def test_a_background_process_returns_its_result_and_raises_its_error() -> None:
    from generator.parallel import Background

    parent = {"pages": ["search.html"]}
    assert Background(lambda: parent["pages"] + ["feed.xml"]).result() == ["search.html", "feed.xml"]

    def fail() -> None:
        raise ValueError("the feed template is broken")

    with pytest.raises(ValueError, match="the feed template is broken"):
        Background(fail).result()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="background rendering needs fork")
def test_a_failure_in_the_background_publishing_pages_leaves_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index and feed of a large corpus are rendered in a process of their own: its failure
    must fail the build like any other, with the previous site untouched and no temporary folder left."""
    import generator.render.site as site

    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    options = BuildOptions(content=content, out=tmp_path / "site", jobs=2)
    build(options)
    before = tree_digest(tmp_path / "site")

    def broken(*args: object) -> list[object]:
        raise RuntimeError("search index failed")

    monkeypatch.setattr(site, "publishing_pages", broken)
    with pytest.raises(RuntimeError, match="search index failed"):
        build(options)
    assert tree_digest(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="background rendering needs fork")
def test_a_background_process_that_dies_is_reported_not_waited_for() -> None:
    import os

    from generator.parallel import Background

    with pytest.raises(RuntimeError, match="ended without a result .exit code 3"):
        Background(lambda: os._exit(3)).result()
