"""The compare stage: every event's comparison and every outlet's profile, reusing what the store kept.

An event's comparison has two parts (see `event.py`). Its facts are kept under
the event's key while the event, its articles and their outlets are unchanged.
Its completion (distinctive words and summary) is kept under the event's key
and the corpus prior's weights; after an edit, which changes the weights of a
few terms only (see `distinctive.coarse`), an event whose articles use none of
those terms keeps the completion it had under the last prior.

Events are compared on the executor's workers; a worker sends back each new
event's facts already sealed as the store keeps them, and the facts are opened
only by the process that renders a page showing them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.analysis.results import AnalysisFailure, ArticleAnalysis, ArticleSummary
from generator.compare.comparisons import Comparisons
from generator.compare.corrections import correct_comparison
from generator.compare.event import complete, event_facts, unavailable
from generator.compare.profile import profile_outlet
from generator.compare.prior import ByKey, CorpusPrior, corpus_prior
from generator.compare.distinctive import PriorWeights, changed_weights
from generator.compare.types import Completion, EventComparison, OutletProfile
from generator.errors import ContentError, Problem
from generator.executor import Executor
from generator.keys import comparison_key, digest, profile_key
from generator.model import Article, Corpus, Event
from generator.store import Store

PRIOR_KEY = "corpus"
"""The store keeps one prior: the last build's."""


@dataclass(frozen=True)
class CompareStores:
    facts: Store[EventComparison]
    completions: Store[Completion]
    priors: Store[CorpusPrior]
    replaced: Store[ArticleAnalysis]
    """The analyses store, where the analyses an edit replaced are still found (the prior takes their terms away)."""


@dataclass(frozen=True)
class _Compared:
    """What a worker sends back for one event: its completion, and for an event whose facts were not
    kept, those facts sealed for the store (None when kept, or when a failure makes them unfit to keep)."""

    completion: Completion
    facts: bytes | None
    keep: bool
    failures: tuple[AnalysisFailure, ...]


def compare_events(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    analysis_keys: Mapping[str, str],
    stores: CompareStores,
    executor: Executor,
    code: str,
    counted: Mapping[str, str] | None = None,
    summaries: Mapping[str, ArticleSummary] | None = None,
) -> Comparisons:
    """One comparison per event that has articles, in the corpus's event order. `counted` are the keys
    the corpus prior counts the articles by (default `analysis_keys`): the machine's analysis keys when
    those are the corrected ones, since corrections change no word and the store that gives back the
    analyses an edit replaced keeps them by the machine's keys. `summaries`, where given, answer which
    articles use a term, so the analyses of events that are not compared again are not read."""
    events = [(event, corpus.by_event[event.id]) for event in corpus.events if event.id in corpus.by_event]
    event_keys = {event.id: comparison_key(event, (analysis_keys[a.slug] for a in members),
                                           (corpus.outlet(o) for o in sorted({a.outlet for a in members})), code)
                  for event, members in events}
    kept_facts = stores.facts.get_sealed(event_keys.values())
    last = stores.priors.get_many([PRIOR_KEY]).get(PRIOR_KEY)
    prior_keys = counted if counted is not None else analysis_keys
    prior = corpus_prior(ByKey(analyses, prior_keys), last, stores.replaced.get_many)
    last_weights = last.weights if last is not None else None
    del last  # a tally is large (a small corpus keeps every term): neither is held longer than needed
    weights = prior.weights.fingerprint()
    completion_keys = {event_id: digest(key, weights) for event_id, key in event_keys.items()}
    with_facts = {event_id for event_id, key in event_keys.items() if key in kept_facts}
    found = stores.completions.get_many(completion_keys[e] for e in with_facts)
    completions = {e: found[completion_keys[e]] for e in with_facts if completion_keys[e] in found}
    carried = _carried(last_weights, prior.weights, [(e, m) for e, m in events if e.id in with_facts and e.id not in completions],
                       event_keys, analyses, stores.completions, summaries)
    completions.update(carried)
    counts = prior.tally.prior()
    stores.priors.put_many({PRIOR_KEY: prior})
    del prior, last_weights

    facts: dict[str, Callable[[], EventComparison]] = {
        event.id: _opener(stores.facts, event_keys[event.id], kept_facts[event_keys[event.id]], event, members, analyses, corpus)
        for event, members in events if event.id in with_facts
    }
    todo = [(event, members) for event, members in events if event.id not in completions]

    def compare(item: tuple[Event, Sequence[Article]]) -> _Compared:
        event, members = item
        origin = completion_keys[event.id]
        if event.id in facts:
            completion = complete(facts[event.id](), members, analyses, counts, origin, corpus.outlets_by_id)
            return _Compared(completion, None, False, completion.failures)
        try:
            made = event_facts(event, members, analyses, corpus.outlets_by_id, corpus.lexicon)
        except Exception as error:  # noqa: BLE001 - contained: the event page says its comparison is unavailable
            made = unavailable(event, error)
        completion = (complete(made, members, analyses, counts, origin, corpus.outlets_by_id)
                      if not made.failed("comparison") else Completion((), (), origin))
        failures = made.failures + completion.failures
        return _Compared(completion, stores.facts.sealed(event_keys[event.id], made), not failures, failures)

    fresh_facts: dict[str, bytes] = {}
    fresh_completions: dict[str, Completion] = dict(carried.items())
    failed: dict[str, tuple[AnalysisFailure, ...]] = {}
    for (event, members), compared in zip(todo, executor.map(compare, todo)):
        completions[event.id] = compared.completion
        if compared.failures:
            failed[event.id] = compared.failures
        else:
            fresh_completions[event.id] = compared.completion
        if compared.facts is not None:
            key = event_keys[event.id]
            if compared.keep:
                fresh_facts[key] = compared.facts
            facts[event.id] = _opener(stores.facts, key, compared.facts, event, members, analyses, corpus)

    stores.facts.put_sealed(fresh_facts)
    stores.facts.keep_only(event_keys.values())
    stores.completions.put_many({completion_keys[e]: c for e, c in fresh_completions.items()})
    stores.completions.keep_only(completion_keys.values())
    order = tuple(event.id for event, _ in events)
    return Comparisons(order, {e: completions[e] for e in order}, facts, event_keys, failed)


def _carried(
    last: PriorWeights | None,
    weights: PriorWeights,
    candidates: Sequence[tuple[Event, Sequence[Article]]],
    event_keys: Mapping[str, str],
    analyses: Mapping[str, ArticleAnalysis],
    store: Store[Completion],
    summaries: Mapping[str, ArticleSummary] | None = None,
) -> dict[str, Completion]:
    """Completions made under the `last` prior's weights that still hold under these `weights`: those of
    events whose articles use none of the terms whose weight changed."""

    def term_lists(slug: str) -> ArticleAnalysis | ArticleSummary:
        # used_by reads only `terms` and `phrases`, which a summary has (each term once); an article with
        # neither is read by its text, which only the analysis has
        summary = summaries.get(slug) if summaries is not None else None
        return summary if summary is not None and (summary.terms or summary.phrases) else analyses[slug]

    if last is None or not candidates:
        return {}
    changed = changed_weights(last, weights)
    if changed is None:
        return {}
    earlier = last.fingerprint()
    earlier_keys = {event.id: digest(event_keys[event.id], earlier) for event, _ in candidates}
    found = store.get_many(earlier_keys.values())
    return {
        event.id: found[earlier_keys[event.id]] for event, members in candidates
        if earlier_keys[event.id] in found and not changed.used_by(term_lists(a.slug) for a in members)
    }


def _opener(
    store: Store[EventComparison], key: str, sealed: bytes, event: Event, members: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis], corpus: Corpus,
) -> Callable[[], EventComparison]:
    """A function returning the event's facts from their sealed bytes, or made again if those prove damaged."""

    def facts() -> EventComparison:
        opened = store.unseal(key, sealed)
        if opened is not None:
            return opened
        try:
            return event_facts(event, members, analyses, corpus.outlets_by_id, corpus.lexicon)
        except Exception as error:  # noqa: BLE001 - as in compare_events
            return unavailable(event, error)

    return facts


def profile_outlets(
    corpus: Corpus,
    analyses: Mapping[str, ArticleAnalysis],
    analysis_keys: Mapping[str, str],
    store: Store[OutletProfile],
) -> dict[str, OutletProfile]:
    """Each outlet's profile over the corpus, kept while the outlet and its articles' analyses are unchanged."""
    own = {outlet.id: corpus.by_outlet.get(outlet.id, ()) for outlet in corpus.outlets}
    keys = {outlet.id: profile_key(outlet, (analysis_keys[a.slug] for a in own[outlet.id])) for outlet in corpus.outlets}
    found = store.get_many(keys.values())
    made = {outlet.id: profile_outlet(outlet, own[outlet.id], analyses) for outlet in corpus.outlets if keys[outlet.id] not in found}
    store.put_many({keys[outlet_id]: profile for outlet_id, profile in made.items()})
    store.keep_only(keys.values())
    return {outlet.id: made.get(outlet.id) or found[keys[outlet.id]] for outlet in corpus.outlets}


def correct_events(corpus: Corpus, comparisons: Comparisons) -> Comparisons:
    """The comparisons with every event's corrections applied when opened; raises ContentError with every
    correction that is stale or wrong (each corrected event is opened once here to check)."""
    problems: list[Problem] = []
    for event_id, items in corpus.corrections.events:
        if not items:
            continue
        if event_id not in comparisons:
            problems.append(Problem(items[0].path, 1, "file",
                                    f"event {event_id!r} has no articles, so it has no comparison to correct"))
            continue
        problems.extend(correct_comparison(comparisons[event_id], items)[1])
    if problems:
        raise ContentError(tuple(sorted(problems)))
    return comparisons.with_corrections(corpus.corrections.by_event)
