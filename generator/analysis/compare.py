"""The event comparison: everything the event page shows, computed from the articles' analyses.

Outlets appear in the order of the `outlets` mapping (the order of outlets.yaml),
limited to those with articles in the event; any number of outlets works.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace

from generator.analysis.actors import ActorNaming, actor_namings, singular
from generator.analysis.fightin_words import (
    DEFAULT_ALPHA_0,
    DistinctiveTerm,
    WordCounts,
    counts_of_groups,
    distinctive_in_total,
    word_columns,
)
from generator.analysis.profile import (
    ArticleRef,
    CategoryRate,
    OutletProfile,
    QuotedSources,
    ReadabilityMean,
    article_ref,
    category_order,
    framing_rates,
    mean_readability,
    quoted_sources,
)
from generator.analysis.results import ArticleAnalysis, Readability
from generator.analysis.shared_passages import SharedPassage, find_shared_passages
from generator.analysis.summary import SummarySentence, summarise
from generator.model import Article, Event, Lexicon, Outlet

SCORE_DECIMALS = 2
"""Distinctive-word scores are kept as the event page prints them. The prior is the whole corpus, so
any edit moves every score a little; rounded, a score (and the pages that show it) changes only
when the change is visible."""

_CLAUSE_WORDS = frozenset({"that", "which", "who", "to", "in", "on", "at", "near", "from", "of"})


@dataclass(frozen=True)
class OutletColumn:
    outlet: str
    name: str
    country: str
    ownership: str
    articles: tuple[ArticleRef, ...]  # by publication date
    published_dates: tuple[dt.date, ...]
    incident_dates: tuple[dt.date, ...]  # distinct, sorted


@dataclass(frozen=True)
class IncidentNotice:
    """Set `differs` when the articles report incidents on different dates."""

    differs: bool
    dates: tuple[tuple[str, tuple[dt.date, ...]], ...]  # (outlet id, its distinct incident dates)


@dataclass(frozen=True)
class OutletRates:
    outlet: str
    words: int
    rates: tuple[CategoryRate, ...]  # in `EventComparison.categories` order


@dataclass(frozen=True)
class OutletDistinctive:
    outlet: str
    terms: tuple[DistinctiveTerm, ...]  # highest z first


@dataclass(frozen=True)
class ClaimCell:
    outlet: str
    article: str
    value: float
    qualifier: str
    surface: str
    counted: str
    sentence: str
    voice: str


@dataclass(frozen=True)
class QuantityRow:
    quantity: str  # the head noun, singular: "rocket"
    label: str  # the shortest `counted` text of the row: "rockets"
    claims: tuple[ClaimCell, ...]  # by outlet column, then article date, then position
    outlets: tuple[str, ...]  # outlets with a claim in this row
    differs: bool  # two or more outlets, and their sets of (value, qualifier) differ


@dataclass(frozen=True)
class OutletQuoted:
    outlet: str
    sources: QuotedSources


@dataclass(frozen=True)
class ArticleReadability:
    article: str
    outlet: str
    readability: Readability


@dataclass(frozen=True)
class OutletReadability:
    outlet: str
    mean: ReadabilityMean


@dataclass(frozen=True)
class EventComparison:
    event: str
    title: str
    outlets: tuple[str, ...]
    outlet_names: tuple[tuple[str, str], ...]  # (id, name), column order
    columns: tuple[OutletColumn, ...]
    incident: IncidentNotice
    categories: tuple[tuple[str, str], ...]  # (id, label)
    profile: tuple[OutletRates, ...]
    distinctive: tuple[OutletDistinctive, ...]
    actors: tuple[ActorNaming, ...]
    numbers: tuple[QuantityRow, ...]
    quoted: tuple[OutletQuoted, ...]
    shared: tuple[SharedPassage, ...]
    readability_articles: tuple[ArticleReadability, ...]
    readability_outlets: tuple[OutletReadability, ...]
    summary: tuple[SummarySentence, ...] = ()

    def outlet_name(self, outlet_id: str) -> str:
        return dict(self.outlet_names)[outlet_id]


def quantity_key(counted: str) -> str:
    """The head noun of what a number counts, singular: "rockets fired" and "rockets" -> "rocket".

    Words from a relative clause or preposition on are dropped ("rockets that
    hit the embassy"), then trailing participles ("fired", "injured"); the
    last word left is the head ("American casualties" -> "casualty")."""
    words = list(word_columns(counted).norms)
    for index, word in enumerate(words):
        if index > 0 and word in _CLAUSE_WORDS:
            words = words[:index]
            break
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return singular(words[-1]) if words else ""


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
                 top: int, alpha_0: float) -> tuple[OutletDistinctive, ...]:
    if len(outlet_ids) < 2:
        return tuple(OutletDistinctive(outlet_id, ()) for outlet_id in outlet_ids)
    parts, everything = counts_of_groups([analyses[a.slug] for a in by_outlet[o]] for o in outlet_ids)
    results = []
    for outlet_id, own in zip(outlet_ids, parts):
        terms = distinctive_in_total(own, everything, prior, top, alpha_0)
        results.append(OutletDistinctive(outlet_id, tuple(
            DistinctiveTerm(term.term, term.kind, round(term.delta, SCORE_DECIMALS), round(term.z, SCORE_DECIMALS),
                            term.count, term.other_count)
            for term in terms)))
    return tuple(results)


def _numbers(outlet_ids: Sequence[str], by_outlet: Mapping[str, list[Article]],
             analyses: Mapping[str, ArticleAnalysis]) -> tuple[QuantityRow, ...]:
    cells: dict[str, list[ClaimCell]] = {}
    keys: dict[str, str] = {}  # counted text -> quantity_key: an event's articles count the same things
    for outlet_id in outlet_ids:
        for article in by_outlet[outlet_id]:
            for claim in sorted(analyses[article.slug].numbers, key=lambda c: c.start):
                key = keys.get(claim.counted)
                if key is None:
                    key = keys[claim.counted] = quantity_key(claim.counted)
                if key:
                    cells.setdefault(key, []).append(ClaimCell(
                        outlet_id, article.slug, claim.value, claim.qualifier, claim.surface,
                        claim.counted, claim.sentence, claim.voice))
    rows = []
    for key, claims in cells.items():
        reporting = tuple(o for o in outlet_ids if any(c.outlet == o for c in claims))
        values = {o: frozenset((c.value, c.qualifier) for c in claims if c.outlet == o) for o in reporting}
        differs = len(reporting) > 1 and len(set(values.values())) > 1
        label = min((c.counted for c in claims), key=lambda text: (len(text), text))
        rows.append(QuantityRow(key, label, tuple(claims), reporting, differs))
    return tuple(sorted(rows, key=lambda r: (-len(r.outlets), r.quantity)))


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
    facts = compare_event_facts(event, articles, analyses, outlets, lexicon, min_actor_articles)
    return with_distinctive(facts, articles, analyses, prior, top_terms, alpha_0)


def compare_event_facts(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlets: Mapping[str, Outlet],
    lexicon: Lexicon,
    min_actor_articles: int = 2,
) -> EventComparison:
    """Everything but the distinctive words and the summary: what depends on this event's articles alone.

    The distinctive words also depend on the whole corpus (the prior), so an edit
    anywhere changes them; the rest can be kept between builds while the event's
    articles stay the same."""
    own = _own_articles(event, articles, analyses)
    outlet_ids = tuple(o for o in outlets if any(a.outlet == o for a in own))
    by_outlet = {o: [a for a in own if a.outlet == o] for o in outlet_ids}
    own_analyses = [analyses[a.slug] for a in own]
    category_ids = category_order((c.id for c in lexicon.categories), own_analyses)
    labels = {c.id: c.label for c in lexicon.categories}
    columns = _columns(outlet_ids, outlets, by_outlet)
    words = {a.slug: word_columns(analyses[a.slug].text.text) for a in own}  # once, for actors and shared passages
    return EventComparison(
        event=event.id,
        title=event.title,
        outlets=outlet_ids,
        outlet_names=tuple((o, outlets[o].name) for o in outlet_ids),
        columns=columns,
        incident=_incident_notice(columns),
        categories=tuple((c, labels.get(c, c.replace("_", " "))) for c in category_ids),
        profile=tuple(
            OutletRates(o, sum(analyses[a.slug].stats.words for a in by_outlet[o]),
                        framing_rates([analyses[a.slug] for a in by_outlet[o]], category_ids))
            for o in outlet_ids),
        distinctive=(),
        actors=actor_namings(event, own, analyses, outlet_ids, min_actor_articles, words),
        numbers=_numbers(outlet_ids, by_outlet, analyses),
        quoted=tuple(OutletQuoted(o, quoted_sources(analyses[a.slug] for a in by_outlet[o]))
                     for o in outlet_ids),
        shared=find_shared_passages(own_analyses, words=words),
        readability_articles=tuple(ArticleReadability(a.slug, a.outlet, analyses[a.slug].readability)
                                   for o in outlet_ids for a in by_outlet[o]),
        readability_outlets=tuple(
            OutletReadability(o, mean_readability([analyses[a.slug] for a in by_outlet[o]]))
            for o in outlet_ids),
    )


def with_distinctive(
    facts: EventComparison,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    prior: WordCounts,
    top_terms: int = 15,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> EventComparison:
    """`facts` completed with each outlet's distinctive words against the corpus `prior`, and then
    the summary, whose sentences read every other part of the comparison."""
    own = [a for a in articles if a.event == facts.event and a.slug in analyses]
    by_outlet = {o: [a for a in own if a.outlet == o] for o in facts.outlets}
    comparison = replace(facts, distinctive=_distinctive(facts.outlets, by_outlet, analyses, prior, top_terms, alpha_0))
    return replace(comparison, summary=summarise(comparison))


def _own_articles(event: Event, articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]) -> list[Article]:
    return sorted((a for a in articles if a.event == event.id and a.slug in analyses), key=lambda a: (a.published, a.slug))


JSON_SCHEMA_ID = "framing-digest/event-comparison"
JSON_SCHEMA_VERSION = 1


def plain(value: object) -> object:
    """Frozen results as JSON values: dataclass fields in order, dates ISO, floats to 4 places."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: answered first
        return value
    if kind is float:
        return round(value, 4)  # type: ignore[call-overload]
    if kind is tuple or kind is list:
        return [plain(item) for item in value]  # type: ignore[attr-defined]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): plain(value[key]) for key in sorted(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def event_to_json(comparison: EventComparison) -> dict:
    """The comparison for `site/data/events/<event-id>.json`; schema in docs/comparison.md."""
    body = plain(comparison)
    assert isinstance(body, dict)
    return {"schema": JSON_SCHEMA_ID, "version": JSON_SCHEMA_VERSION, **body}


def outlet_profile_to_json(profile: OutletProfile) -> dict:
    """An outlet profile for `site/data/outlets/<outlet-id>.json`; schema in docs/comparison.md."""
    body = plain(profile)
    assert isinstance(body, dict)
    return {"schema": "framing-digest/outlet-profile", "version": JSON_SCHEMA_VERSION, **body}
