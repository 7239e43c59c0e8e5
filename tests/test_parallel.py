"""Spreading the build over processes changes how fast it is, never what it writes.

A corpus large enough for every parallel path (analysis, comparisons and page
rendering each need at least the executor's threshold of tasks) is built on one
process and on two; the two sites must be byte-identical, page for page. The
executor itself is tested on plain functions: order, errors, dead workers.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.executor import DEFAULT_THRESHOLD, Executor, WorkerFailed, chunk_bounds
from generator.store import open_database
from tests.conftest import ROOT, tree_digest

ARTICLES = 240  # about 80 events: more than the threshold of comparisons and render groups
FORK = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="parallel work needs fork")


def _generate_corpus(out: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus_parallel", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate_corpus(out, ARTICLES, 6, 7)


@FORK
def test_two_processes_build_the_same_bytes_as_one(tmp_path: Path) -> None:
    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    events = len(list((content / "events").glob("*.md")))
    assert events >= DEFAULT_THRESHOLD, "the corpus is too small to take the parallel paths"
    serial = build(BuildOptions(content=content, out=tmp_path / "serial", jobs=1))
    parallel = build(BuildOptions(content=content, out=tmp_path / "parallel", jobs=2))
    assert serial.pages == parallel.pages > ARTICLES + events
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "serial")


@FORK
def test_parallel_rebuilds_carry_pages_over_and_rewrite_only_what_changed(tmp_path: Path) -> None:
    """Workers write pages themselves: a rebuild must still keep unchanged files and record every page's key."""
    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    options = BuildOptions(content=content, out=tmp_path / "site", jobs=2, cache_dir=tmp_path / "cache")
    first = build(options)
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "site").rglob("*") if p.is_file()}
    database = open_database(tmp_path / "cache")
    folder = str((tmp_path / "site").absolute())
    recorded = database.seal.open("pages", folder, database.select("pages", [folder])[folder], dict)
    database.close()
    assert recorded is not None
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


@FORK
def test_loading_on_two_processes_reads_the_same_content_and_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.load as load

    _generate_corpus(tmp_path / "corpus")
    content = tmp_path / "corpus" / "content"
    broken = sorted((content / "articles").rglob("*.md"))[3]
    broken.write_text(broken.read_text().replace("---", "--- [", 1))
    monkeypatch.setattr(load, "PARALLEL_FILES", 1)
    serial, parallel = load.load_content(content, Executor(1)), load.load_content(content, Executor(2))
    assert parallel == serial
    assert len(serial.articles) == ARTICLES - 1 and serial.problems and serial.unreadable


@FORK
def test_a_background_process_returns_its_result_and_raises_its_error() -> None:
    parent = {"pages": ["search.html"]}
    assert Executor(2).start(lambda: parent["pages"] + ["feed.xml"]).result() == ["search.html", "feed.xml"]

    def fail() -> None:
        raise ValueError("the feed template is broken")

    with pytest.raises(ValueError, match="the feed template is broken"):
        Executor(2).start(fail).result()


@FORK
def test_a_background_process_for_idle_cores_only_runs_at_the_lowest_priority() -> None:
    import os

    own = os.nice(0)
    assert Executor(2).start(lambda: os.nice(0), idle_only=True).result() == 19
    assert Executor(2).start(lambda: os.nice(0)).result() == own


@FORK
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


@FORK
def test_a_background_process_that_dies_is_reported_not_waited_for() -> None:
    import os

    with pytest.raises(WorkerFailed, match="ended without a result .exit code 3"):
        Executor(2).start(lambda: os._exit(3)).result()


@FORK
def test_a_map_on_workers_gives_what_a_map_here_gives_in_order() -> None:
    items = list(range(1000))
    pids: set[int] = set()

    def work(item: int) -> tuple[int, int]:
        import os
        import time

        time.sleep(0.001)  # long enough that one worker cannot take every chunk before the other starts
        return item * item, os.getpid()

    spread = list(Executor(2, threshold=10).map(work, items, chunk=7))
    pids = {pid for _, pid in spread}
    assert [value for value, _ in spread] == [item * item for item in items]
    assert len(pids) == 2, "both workers took chunks"
    assert list(Executor(1).map(lambda item: item * item, items)) == [item * item for item in items]


@FORK
def test_a_map_raises_what_a_worker_raised_and_reports_a_worker_that_died() -> None:
    import os

    def fails_at_500(item: int) -> int:
        if item == 500:
            raise ValueError(f"item {item} is bad")
        return item

    with pytest.raises(ValueError, match="item 500 is bad"):
        list(Executor(2, threshold=10).map(fails_at_500, list(range(1000))))

    def dies_at_700(item: int) -> int:
        if item == 700:
            os._exit(9)
        return item

    with pytest.raises(WorkerFailed, match="ended without sending its results"):
        list(Executor(2, threshold=10).map(dies_at_700, list(range(1000))))


@pytest.mark.parametrize("count", [1, 2, 7, 64, 329, 1000, 10_000])
@pytest.mark.parametrize("workers", [1, 2, 8])
def test_chunks_cover_every_item_once_and_shrink_to_one_item_at_the_end(count: int, workers: int) -> None:
    bounds = chunk_bounds(count, workers, largest=16)
    sizes = [end - start for start, end in zip(bounds, bounds[1:])]
    assert bounds[0] == 0 and bounds[-1] == count
    assert all(1 <= size <= 16 for size in sizes)
    assert sizes == sorted(sizes, reverse=True), "no chunk is longer than one before it"
    assert sizes[-1] == 1, "the last chunk is one item, so no worker waits on another's long one"
    assert len(sizes) <= count // 16 + 8 * workers * max(1, count.bit_length()), "not one chunk per item"


@FORK
def test_a_map_with_chunks_of_its_own_choosing_gives_every_result_in_order() -> None:
    items = list(range(1000))
    assert list(Executor(2, threshold=10).map(lambda item: item * 3, items)) == [item * 3 for item in items]


def test_below_the_threshold_a_map_runs_here() -> None:
    import os

    assert {pid for pid in Executor(2, threshold=100).map(lambda _: os.getpid(), list(range(99)))} == {os.getpid()}


@FORK
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_analyses_a_cache_keeps_are_sealed_where_they_are_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """With several jobs, each worker seals the analyses it makes and the building process stores those bytes,
    a few at a time as they arrive, instead of pickling every analysis again; with one job it seals them itself.
    Either way the store ends up with every analysis, and they open equal to the ones the build used."""
    import generator.analysis.stage as stage_module
    from generator.analysis.stage import analyse_articles, analysis_keys
    from generator.build import load_corpus
    from generator.store import Seal, SqliteStore
    from generator.stores import open_stores

    sealed_here: list[str] = []  # a worker's appends stay in the worker
    close = Seal.close
    monkeypatch.setattr(Seal, "close", lambda self, table, key, value: sealed_here.append(table) or close(self, table, key, value))
    batches: list[int] = []
    put_sealed = SqliteStore.put_sealed
    monkeypatch.setattr(SqliteStore, "put_sealed", lambda self, items: batches.append(len(items)) or put_sealed(self, items))
    monkeypatch.setattr(stage_module, "STORED_AT_ONCE", 2)
    corpus, _ = load_corpus(BuildOptions(content=ROOT / "content"))
    assert len(corpus.articles) == 3  # a batch of two, then the last one
    keys = analysis_keys(corpus, "test")
    with open_stores(tmp_path / "cache") as stores:
        analyses = analyse_articles(corpus, keys, stores.analyses, Executor(jobs, threshold=1), summaries=stores.summaries)
        kept = stores.analyses.get_many(keys.values())
    assert sealed_here.count("analyses") == (0 if jobs > 1 else 3)
    assert sealed_here.count("summaries") == 3
    assert [count for count in batches if count] == ([2, 1] if jobs > 1 else [])
    assert {slug: kept[keys[slug]] for slug in analyses} == dict(analyses.items())
    for slug, analysis in analyses.items():
        assert analyses.summaries[slug].text is analysis.text.text
