"""One event's comparison: everything the event page shows, computed from its articles' analyses.

Outlets appear in the order of the `outlets` mapping (the order of outlets.yaml),
limited to those with articles in the event; any number of outlets works.

A comparison is made in two parts. Its facts depend on the event's articles
alone; its completion (distinctive words and the summary that quotes them) also
depends on the whole corpus, through the prior, so the build can keep facts
while the corpus around them changes. Each part is computed on its own: one that
raises is recorded in `failures` and left empty, and the rest of the page stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from operator import add
from typing import TypeVar

from generator.analysis.actors import actor_namings
from generator.analysis.results import AnalysisFailure, ArticleAnalysis
from generator.analysis.terms import word_columns
from generator.compare.bylines import furniture_counts, name_pattern, outlet_terms, without_furniture
from generator.compare.distinctive import (
    DEFAULT_ALPHA_0,
    WordCounts,
    counts_of,
    counts_of_analyses,
    distinctive_in_total,
    prefer_phrases,
)
from generator.compare.passages import find_shared_passages
from generator.compare.quantities import central_nouns, quantity_rows
from generator.compare.profile import article_ref, category_order, framing_rates, mean_readability, quoted_sources
from generator.compare.summary import summarise
from generator.compare.types import (
    ArticleReadability,
    Completion,
    DistinctiveTerm,
    EventComparison,
    IncidentNotice,
    OutletColumn,
    OutletDistinctive,
    OutletQuoted,
    OutletRates,
    OutletReadability,
)
from generator.model import Article, Event, Lexicon, Outlet

T = TypeVar("T")

SCORE_DECIMALS = 2
"""Distinctive-word scores are kept as the event page prints them. The prior is the whole corpus, so
any edit moves every score a little; rounded, a score (and the pages that show it) changes only
when the change is visible."""


def _columns(outlet_ids: Sequence[str], outlets: Mapping[str, Outlet],
             by_outlet: Mapping[str, list[Article]]) -> tuple[OutletColumn, ...]:
    columns = []
    for outlet_id in outlet_ids:
        outlet, own = outlets[outlet_id], by_outlet[outlet_id]
        columns.append(OutletColumn(
            outlet_id, outlet.name, outlet.country, outlet.ownership,
            tuple(article_ref(a) for a in own), tuple(a.published for a in own),
            tuple(sorted({a.incident_date for a in own if a.incident_date is not None})),
        ))
    return tuple(columns)


def _incident_notice(columns: Sequence[OutletColumn]) -> IncidentNotice:
    all_dates = {d for column in columns for d in column.incident_dates}
    return IncidentNotice(len(all_dates) > 1,
                          tuple((column.outlet, column.incident_dates) for column in columns))


def _distinctive(outlet_ids: Sequence[str], by_outlet: Mapping[str, list[Article]],
                 analyses: Mapping[str, ArticleAnalysis], prior: WordCounts,
                 top: int, alpha_0: float, outlets: Sequence[Outlet] = ()) -> tuple[OutletDistinctive, ...]:
    if len(outlet_ids) < 2:
        return tuple(OutletDistinctive(outlet_id, ()) for outlet_id in outlet_ids)
    parts = [counts_of_analyses(analyses[a.slug] for a in by_outlet[o]) for o in outlet_ids]
    terms = outlet_terms(outlets)
    names = name_pattern(outlets)
    kept: list[WordCounts] = []
    for outlet_id, own in zip(outlet_ids, parts):
        minus_words: Counter[str] = Counter()
        minus_phrases: Counter[str] = Counter()
        for article in by_outlet[outlet_id]:
            words, phrases = furniture_counts(article, analyses[article.slug].text.text, names)
            minus_words.update(words)
            minus_phrases.update(phrases)
        kept.append(counts_of(without_furniture(own.words, minus_words, terms), without_furniture(own.phrases, minus_phrases, terms)))
    everything = counts_of(_summed([k.words for k in kept]), _summed([k.phrases for k in kept]))
    results = []
    for outlet_id, own in zip(outlet_ids, kept):
        found = prefer_phrases(distinctive_in_total(own, everything, prior, top * 3, alpha_0), top)
        results.append(OutletDistinctive(outlet_id, tuple(
            DistinctiveTerm(term.term, term.kind, round(term.delta, SCORE_DECIMALS), round(term.z, SCORE_DECIMALS),
                            term.count, term.other_count)
            for term in found)))
    return tuple(results)


def _summed(counts: Sequence[Mapping[str, int]]) -> Counter[str]:
    """Each term's counts added up, in the order `Counter.update` would leave them, but in C:
    `Counter.update` adds a mapping term by term in Python once the sum holds anything."""
    total: Counter[str] = Counter(counts[0]) if counts else Counter()
    for more in counts[1:]:
        shared = list(total.keys() & more.keys())
        sums = list(map(add, map(total.__getitem__, shared), map(more.__getitem__, shared)))
        dict.update(total, more)  # dict's update sets (Counter's adds): new terms go to the end, shared ones are set next
        dict.update(total, zip(shared, sums))
    return total


def compare_event(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet],
    lexicon: Lexicon,
    prior: WordCounts,
    top_terms: int = 15,
    alpha_0: float = DEFAULT_ALPHA_0,
    min_actor_articles: int = 2,
) -> EventComparison:
    """Compare the event's articles outlet by outlet. `articles` may hold other events' articles too."""
    facts = event_facts(event, articles, analyses, outlets, lexicon, min_actor_articles)
    return with_completion(facts, complete(facts, articles, analyses, prior, "", outlets, top_terms, alpha_0))


def event_facts(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet],
    lexicon: Lexicon,
    min_actor_articles: int = 2,
) -> EventComparison:
    """Everything but the distinctive words and the summary: what depends on this event's articles alone."""
    own = _own_articles(event, articles, analyses)
    outlet_ids = tuple(o for o in outlets if any(a.outlet == o for a in own))
    by_outlet = {o: [a for a in own if a.outlet == o] for o in outlet_ids}
    own_analyses = [analyses[a.slug] for a in own]
    category_ids = category_order((c.id for c in lexicon.categories), own_analyses)
    labels = {c.id: c.label for c in lexicon.categories}
    columns = _columns(outlet_ids, outlets, by_outlet)
    incident = _incident_notice(columns)
    failures: list[AnalysisFailure] = []
    words = {a.slug: word_columns(analyses[a.slug].text.text) for a in own}  # once, for actors and shared passages

    def part(name: str, compute: Callable[[], T], empty: T) -> T:
        return _contained(name, compute, empty, failures)

    comparison = EventComparison(
        event=event.id,
        title=event.title,
        outlets=outlet_ids,
        outlet_names=tuple((o, outlets[o].name) for o in outlet_ids),
        columns=columns,
        incident=incident,
        categories=tuple((c, labels.get(c, c.replace("_", " "))) for c in category_ids),
        profile=part("profile", lambda: tuple(
            OutletRates(o, sum(analyses[a.slug].stats.words for a in by_outlet[o]),
                        framing_rates([analyses[a.slug] for a in by_outlet[o]], category_ids))
            for o in outlet_ids), ()),
        distinctive=(),
        actors=part("actors", lambda: actor_namings(event, own, analyses, outlet_ids, min_actor_articles, words), ()),
        numbers=part("numbers", lambda: quantity_rows(outlet_ids, by_outlet, analyses, incident.differs, central_nouns(
            event.title, event.summary, {o: [a.title for a in by_outlet[o]] for o in outlet_ids})), ()),
        quoted=part("quoted", lambda: tuple(OutletQuoted(o, quoted_sources(analyses[a.slug] for a in by_outlet[o]))
                                            for o in outlet_ids), ()),
        shared=part("shared", lambda: find_shared_passages(own_analyses, words=words), ()),
        readability_articles=tuple(ArticleReadability(a.slug, a.outlet, analyses[a.slug].readability)
                                   for o in outlet_ids for a in by_outlet[o]),
        readability_outlets=part("readability", lambda: tuple(
            OutletReadability(o, mean_readability([analyses[a.slug] for a in by_outlet[o]]))
            for o in outlet_ids), ()),
    )
    return replace(comparison, failures=tuple(failures))


def complete(
    facts: EventComparison,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    prior: WordCounts,
    origin: str,
    outlets: Mapping[str, Outlet] | None = None,
    top_terms: int = 15,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> Completion:
    """Each outlet's distinctive words against the corpus `prior`, and then the summary, whose
    sentences read every other part of the comparison. `origin` is recorded as given. `outlets`
    (id -> Outlet) names the outlets whose own names and house style the words leave out."""
    own = [a for a in articles if a.event == facts.event and a.slug in analyses]
    by_outlet = {o: [a for a in own if a.outlet == o] for o in facts.outlets}
    known = tuple((outlets or {})[o] for o in facts.outlets if o in (outlets or {}))
    failures: list[AnalysisFailure] = []
    distinctive = _contained("distinctive", lambda: _distinctive(facts.outlets, by_outlet, analyses, prior, top_terms, alpha_0, known),
                             (), failures)
    completed = replace(facts, distinctive=distinctive, failures=facts.failures + tuple(failures))
    summary = _contained("summary", lambda: summarise(completed), (), failures)
    return Completion(distinctive, summary, origin, tuple(failures))


def with_completion(facts: EventComparison, completion: Completion) -> EventComparison:
    return replace(facts, distinctive=completion.distinctive, summary=completion.summary,
                   failures=facts.failures + completion.failures)


def unavailable(event: Event, error: Exception) -> EventComparison:
    """What the event page shows when its comparison could not be made at all."""
    return EventComparison(event.id, event.title, (), (), (), IncidentNotice(False, ()), (), (), (), (), (), (), (), (), (),
                           failures=(failure_of("comparison", error),))


def failure_of(step: str, error: BaseException) -> AnalysisFailure:
    return AnalysisFailure(step, f"{type(error).__name__}: {error}")


def _contained(name: str, compute: Callable[[], T], empty: T, failures: list[AnalysisFailure]) -> T:
    """`compute()`, or `empty` with the exception recorded: one part's bug never takes the page down."""
    try:
        return compute()
    except Exception as error:  # noqa: BLE001 - any bug in one part is contained and reported
        failures.append(failure_of(name, error))
        return empty


def _own_articles(event: Event, articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]) -> list[Article]:
    return sorted((a for a in articles if a.event == event.id and a.slug in analyses), key=lambda a: (a.published, a.slug))
