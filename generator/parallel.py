"""Spread per-article analysis over worker processes.

Each worker receives the compiled matcher once, through the pool's
initializer, and keeps it in `_context` for the tasks it runs: that dict is
per-process worker context, written once when the worker starts, and never
shared state of the build itself.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from generator.analysis.article import analyse_article
from generator.analysis.compare import EventComparison, compare_event, with_distinctive
from generator.cache import stored_bytes
from generator.comparisons import Completion
from generator.analysis.fightin_words import WordCounts
from generator.analysis.matcher import Matcher
from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights, decide_rights
from generator.model import Article, Event, Lexicon, Outlet, PublishingPolicy
from generator.render.site import Deferred, DeferredSet, Page

_context: dict[str, object] = {}
T = TypeVar("T")
"""What a worker sends back for an event whose other parts the parent already has."""
MIN_PARALLEL = 64
"""Below this many articles, starting processes costs more than it saves."""


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class RightsPolicy:
    """What an article's rights depend on besides its analysis; decided where the analysis is made,
    so a cold build spreads that work over the workers too."""

    outlets: Mapping[str, Outlet]
    publishing: PublishingPolicy
    full_text: bool

    def decide(self, article: Article, analysis: ArticleAnalysis) -> Rights:
        return decide_rights(article, self.outlets[article.outlet], analysis, self.publishing, self.full_text)


def _start_worker(matcher: Matcher, lexicon_version: str, categories: tuple[str, ...], policy: RightsPolicy) -> None:
    gc.enable()  # the parent pauses collection while results arrive; a worker makes garbage, so it collects
    _context.update(matcher=matcher, version=lexicon_version, categories=categories, syllables={}, policy=policy)


def _analyse(article: Article) -> tuple[ArticleAnalysis, Rights]:
    analysis = analyse_article(article, _context["matcher"], _context["version"], _context["categories"], _context["syllables"])  # type: ignore[arg-type]
    return analysis, _context["policy"].decide(article, analysis)  # type: ignore[attr-defined]


def analyse_many(
    articles: Sequence[Article],
    matcher: Matcher,
    lexicon_version: str,
    categories: tuple[str, ...],
    policy: RightsPolicy,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[ArticleAnalysis, Rights]]:
    """Analyses, each with its rights, in the order of `articles`, on `jobs` processes when there are enough articles."""
    tick = progress or (lambda n: None)
    if jobs <= 1 or len(articles) < MIN_PARALLEL:
        syllables: dict[str, int] = {}
        for article in articles:
            analysis = analyse_article(article, matcher, lexicon_version, categories, syllables)
            yield analysis, policy.decide(article, analysis)
            tick(1)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(64, len(articles) // (jobs * 8)))
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(matcher, lexicon_version, categories, policy)) as pool:
        for result in pool.map(_analyse, articles, chunksize=chunk):
            yield result
            tick(1)


def _compare(index: int) -> Compared:
    return _compare_one(_context["events"][index], _context["facts"], _context["analyses"], _context["outlets"],  # type: ignore[arg-type,index]
                        _context["lexicon"], _context["prior"], _context["keys"])  # type: ignore[arg-type,index]


Compared = tuple[Completion, bytes | None]
"""An event's distinctive words and summary, and for a new event its facts, as the cache stores them."""


def _compare_one(
    item: tuple[Event, Sequence[Article]],
    facts: Mapping[str, EventComparison],
    analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet],
    lexicon: Lexicon,
    prior: WordCounts,
    keys: Mapping[str, str],
) -> Compared:
    """For an event with known facts, only its distinctive words and summary; for a new one, its facts
    too, pickled here under its cache key (`keys`): the parent keeps those bytes as they are, for the
    cache and for whichever process renders a page that reads them."""
    event, articles = item
    known = facts.get(event.id)
    if known is not None:
        completed = with_distinctive(known, articles, analyses, prior)
        return (completed.distinctive, completed.summary), None
    comparison = compare_event(event, articles, analyses, outlets, lexicon, prior)
    return (comparison.distinctive, comparison.summary), stored_bytes(keys[event.id], replace(comparison, distinctive=(), summary=()))


def compare_many(
    events: Sequence[tuple[Event, Sequence[Article]]],
    analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet],
    lexicon: Lexicon,
    prior: WordCounts,
    jobs: int,
    facts: Mapping[str, EventComparison],
    keys: Mapping[str, str],
) -> list[Compared]:
    """Each event's comparison, in order (see `_compare_one`); where `facts` (event id -> comparison
    without distinctive words, from an earlier build) has the event, only its distinctive words.

    Workers are forked after the analyses exist, so they read them from the
    parent's memory instead of receiving them through pickles; what comes back
    is pickled once, in the worker, and unpickled only where a page needs it."""
    if jobs <= 1 or len(events) < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return [_compare_one(item, facts, analyses, outlets, lexicon, prior, keys) for item in events]
    _context.update(events=list(events), facts=facts, analyses=analyses, outlets=outlets, lexicon=lexicon, prior=prior, keys=keys)
    try:
        chunk = max(1, min(32, len(events) // (jobs * 8)))
        with _forked_pool(jobs) as pool:
            return list(pool.map(_compare, range(len(events)), chunksize=chunk))
    finally:
        for key in ("events", "facts", "analyses", "outlets", "lexicon", "prior", "keys"):
            _context.pop(key, None)


def _forked_pool(jobs: int) -> ProcessPoolExecutor:
    """Workers forked from this process. What exists now is frozen out of the cyclic garbage
    collector first: a collection in a worker would otherwise touch, and so copy, every page of
    the parent's memory it inherited, and the parent's own collections would walk it again and again."""
    gc.freeze()
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))


def _render(start: int, stop: int) -> list[list[object]]:
    return [_render_group(group, _context["store"]) for group in _context["groups"][start:stop]]  # type: ignore[index, arg-type]


def _render_group(group: Sequence[Deferred | DeferredSet], store: Callable[[Page], T]) -> list[T]:
    stored = []
    for item in group:
        made = item.make()
        for page in made if isinstance(made, list) else [made]:
            stored.append(store(page))
    return stored


def render_many(
    groups: Sequence[Sequence[Deferred | DeferredSet]],
    jobs: int,
    store: Callable[[Page], T],
    meanwhile: Callable[[], None] = lambda: None,
    alone: int = 0,
    large: bool = False,
) -> Iterator[list[T]]:
    """Render each group's pages and `store` each one where it was rendered; yields what `store`
    returned, group by group in order.

    Workers are forked once everything the pages show exists, so each `make` runs on the parent's
    data without pickling it, and the page goes straight to disk: only `store`'s small result comes
    back. The first `alone` groups are long ones, sent one per task so that they spread over the
    workers; the rest go in batches. `meanwhile` runs in this process while the workers render.
    Few groups are rendered here unless they are `large` (the site-wide pages of a large corpus,
    which a rebuild after one edit renders next to a handful of changed pages)."""
    few = len(groups) < MIN_PARALLEL and not (large and alone > 1)
    if jobs <= 1 or few or "fork" not in multiprocessing.get_all_start_methods():
        meanwhile()
        for group in groups:
            yield _render_group(group, store)
        return
    _context.update(groups=groups, store=store)
    try:
        chunk = max(1, min(16, (len(groups) - alone) // (jobs * 8)))
        bounds = [(i, i + 1) for i in range(alone)] + [(i, min(i + chunk, len(groups))) for i in range(alone, len(groups), chunk)]
        with _forked_pool(jobs) as pool:
            batches = [pool.submit(_render, start, stop) for start, stop in bounds]  # they run meanwhile
            meanwhile()
            for batch in batches:
                yield from batch.result()  # type: ignore[misc]
    finally:
        _context.pop("groups", None)
        _context.pop("store", None)


class Background(Generic[T]):
    """One function running in a forked process while this one goes on; `result` waits for its return value.

    Forked, so the function and what it reads need no pickling; only the result
    comes back, through a pipe. What the function raised is raised by `result`."""

    def __init__(self, work: Callable[[], T]) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)

        def run() -> None:
            try:
                outcome: tuple[bool, object] = (True, work())
            except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
                outcome = (False, error)
            try:
                sender.send(outcome)
            except Exception:  # an exception that cannot be pickled: its text is enough
                sender.send((False, RuntimeError(traceback.format_exc())))

        gc.freeze()  # as in _forked_pool: the child must not copy the parent's memory by collecting it
        self._process = context.Process(target=run, daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> T:
        try:
            ok, value = self._receiver.recv()
        except EOFError:
            ok, value = False, None
        finally:
            self._receiver.close()
            self._process.join()
        if not ok:
            raise value or RuntimeError(f"a background build process ended without a result (exit code {self._process.exitcode})")
        return value

    def cancel(self) -> None:
        """Stop the process if it is still running (the build failed elsewhere)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receiver.close()
