"""Per actor, per outlet, the labels attached to it across an event's articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

from generator.analysis.actors.labels import ActorLabel, ArticleLabels, RawLabel, merge_labels
from generator.analysis.actors.mentions import (
    POSSESSIVE_END,
    Mention,
    affiliation_mentions,
    alias_mentions,
    capitalised,
    describes,
    extend_left,
    mid_sentence_capitals,
    name_runs,
    non_overlapping,
    trim_framed,
)
from generator.analysis.actors.people import ArticlePeople, People, group_people
from generator.analysis.terms import Words, word_columns
from generator.analysis.text.titlecase import TitleCaseLines, title_case_candidates, written_in_lower_case
from generator.analysis.results import ArticleAnalysis, Span
from generator.model import Article, Event

EPITHET_SPAN_CATEGORIES = frozenset({"loaded_labels", "intensifiers", "legitimacy"})
"""A capitalised word of these categories before a name ("Crooked Hillary") labels the name; it is not part of it."""


@dataclass(frozen=True)
class OutletActorLabels:
    outlet: str
    mentions: int
    labels: tuple[ActorLabel, ...]


@dataclass(frozen=True)
class ActorNaming:
    """One actor: the articles that mention it and each outlet's labels for it."""

    actor: str
    source: str  # "alias_table" | "name" | "affiliation"
    articles: tuple[str, ...]
    outlets: tuple[OutletActorLabels, ...]


@dataclass(frozen=True)
class _ArticleNames:
    """One article's capitalised runs: names of two words or more, and single words."""

    full: tuple[tuple[int, int], ...]
    single: tuple[tuple[int, int], ...]


def _article_names(text: str, words: Words, known: frozenset[str], capitals: Sequence[int], spans: Sequence[Span],
                   title_case: TitleCaseLines) -> _ArticleNames:
    framing = [s for s in spans if s.category in EPITHET_SPAN_CATEGORIES]
    runs = trim_framed(words, name_runs(text, words, known, capitals, title_case), framing)
    full = tuple(run for run in runs if run[1] - run[0] >= 2 and not describes(words, *run))
    single = tuple(run for run in runs if run[1] - run[0] == 1)
    return _ArticleNames(full, single)


def _name_key(words: Words, begin: int, end: int) -> str:
    return " ".join(words.norms[begin:end])


def _article_mentions(
    table: Sequence[tuple[str, tuple[str, ...]]],
    analysis: ArticleAnalysis,
    words: Words,
    names: _ArticleNames,
    people: People,
    alias_keys: Mapping[str, str],
    known: frozenset[str],
    title_case: TitleCaseLines,
) -> list[Mention]:
    text = analysis.text.text
    starts, ends = words.starts, words.ends
    found = alias_mentions(table, text)
    full_mentions = []
    for begin, end in names.full:
        actor = people.actor_of[_name_key(words, begin, end)]
        display = POSSESSIVE_END.sub("", text[starts[begin] : ends[end - 1]])
        full_mentions.append(Mention(actor, display, "name", starts[begin], ends[end - 1], 1))
    resolver = ArticlePeople(people, ((m.start, m.key) for m in full_mentions), [block.start for block in analysis.text.blocks])
    for begin, _ in names.single:
        actor = resolver.resolve(words.norms[begin], starts[begin])
        if actor is not None:
            display = POSSESSIVE_END.sub("", text[starts[begin] : ends[begin]])
            found.append(Mention(actor, display, "name", starts[begin], ends[begin], 1))
    found += full_mentions
    if not table and not alias_keys:  # no alias table: no mention is the table's, and an affiliation (the least
        return non_overlapping(found)  # of mentions, overlapping none it could displace) is an actor only through it
    found += affiliation_mentions(text, words, analysis.spans)
    mentions = []
    for mention in non_overlapping(found):
        if mention.source != "alias_table":
            table_key = next((k for k in (mention.display.casefold(), mention.key) if k in alias_keys), None)
            if table_key is not None:
                name = alias_keys[table_key]
                mention = Mention(name.casefold(), name, "alias_table", mention.start, mention.end, 0)
            elif mention.source == "affiliation":
                continue  # a group named by its affiliation is an actor only through the alias table
        if mention.source == "alias_table":
            mention = extend_left(text, words, mention, known, title_case)
        mentions.append(mention)
    return mentions


def _alias_keys(event: Event) -> dict[str, str]:
    """Table surfaces and their capitalised last words (surnames), so detected names merge in."""
    keys: dict[str, str] = {}
    for actor in event.actors:
        for surface in (actor.name, *actor.aliases):
            keys.setdefault(surface.casefold(), actor.name)
            words = word_columns(surface)
            if len(words) > 1 and surface[words.starts[-1]].isupper():
                keys.setdefault(words.norms[-1], actor.name)
    return keys


def _raw_labels(
    found: Sequence[tuple[Article, Sequence[Mention]]],
    analyses: Mapping[str, ArticleAnalysis],
    words_of: Mapping[str, Words],
    known: frozenset[str],
    wanted: Container[str],
) -> dict[tuple[str, str], list[tuple[RawLabel, str]]]:
    """(actor key, outlet) -> the labels of its mentions, with their articles, in article and mention order;
    only for the actors in `wanted`: labels decide nothing about an actor that is never listed, and most
    names an event's articles write are in one article only."""
    raw: dict[tuple[str, str], list[tuple[RawLabel, str]]] = defaultdict(list)
    for article, mentions in found:
        wanted_mentions = [mention for mention in mentions if mention.key in wanted]
        if not wanted_mentions:
            continue
        labels = ArticleLabels(analyses[article.slug], words_of[article.slug], known=known)
        for mention in wanted_mentions:
            for label in labels.of(mention, mention.source == "alias_table"):
                raw[(mention.key, article.outlet)].append((label, article.slug))
    return raw


def actor_namings(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlet_order: Sequence[str],
    min_articles: int = 2,
    words: Mapping[str, Words] | None = None,
    min_outlets: int = 2,
) -> tuple[ActorNaming, ...]:
    """Per actor, per outlet, the labels attached to it; see the package docstring.

    A detected actor is listed when at least `min_articles` articles of at least `min_outlets` outlets
    (or all the event's outlets, when it has fewer) name it and some outlet labels it; an actor of the
    event's alias table whenever an article names it. `words` (slug -> word_columns of its text) saves
    tokenising again when the caller has them."""
    texts = {a.slug: analyses[a.slug].text.text for a in articles}
    words_of = {slug: (words[slug] if words is not None and slug in words else word_columns(text))
                for slug, text in texts.items()}
    capitals = {slug: capitalised(text, words_of[slug]) for slug, text in texts.items()}
    candidates = {s: title_case_candidates(texts[s], words_of[s], lower_case_ordinary=True) for s in texts}
    asked = frozenset().union(*(c.asked for c in candidates.values()))  # the words whose being ordinary matters
    ordinary = set().union(*(written_in_lower_case(texts[s], words_of[s], asked) for s in texts)) if asked else set()
    title_case = {s: candidates[s].judged(ordinary) for s in texts}
    known = frozenset().union(*(mid_sentence_capitals(texts[s], words_of[s], capitals[s], title_case[s]) for s in texts))
    names = {s: _article_names(texts[s], words_of[s], known, capitals[s], analyses[s].spans, title_case[s]) for s in texts}
    full_counts: Counter[str] = Counter(_name_key(words_of[s], *run) for s in texts for run in names[s].full)
    singles = {words_of[s].norms[run[0]] for s in texts for run in names[s].single}
    people = group_people(full_counts, singles)
    alias_keys = _alias_keys(event)
    table = tuple((actor.name, actor.aliases) for actor in event.actors)
    displays: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, str] = {}
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    per_outlet: dict[tuple[str, str], int] = Counter()
    found = [(article, _article_mentions(table, analyses[article.slug], words_of[article.slug], names[article.slug], people,
                                         alias_keys, known, title_case[article.slug])) for article in articles]
    for article, mentions in found:
        for mention in mentions:
            displays[mention.key][mention.display] += 1
            sources.setdefault(mention.key, mention.source)
            mentioned_in[mention.key].add(article.slug)
            per_outlet[(mention.key, article.outlet)] += 1
    outlets_needed = min(min_outlets, len(outlet_order))
    listable = {key for key in mentioned_in if sources[key] == "alias_table" or (
        len(mentioned_in[key]) >= min_articles
        and sum(1 for outlet in outlet_order if (key, outlet) in per_outlet) >= outlets_needed)}
    raw = _raw_labels(found, analyses, words_of, known, listable)
    table_order: dict[str, int] = {}
    for index, actor in enumerate(event.actors):
        table_order.setdefault(actor.name.casefold(), index)
    namings = []
    for key in mentioned_in:
        if key not in listable or (sources[key] != "alias_table" and not any(raw.get((key, outlet)) for outlet in outlet_order)):
            continue
        display = max(displays[key].items(), key=lambda item: (" " in item[0], item[1], len(item[0]), item[0]))[0]
        namings.append(ActorNaming(
            actor=display,
            source=sources[key],
            articles=tuple(sorted(mentioned_in[key])),
            outlets=tuple(OutletActorLabels(outlet, per_outlet[(key, outlet)], merge_labels(raw[(key, outlet)]))
                          for outlet in outlet_order),
        ))

    def order(naming: ActorNaming) -> tuple:
        return (table_order.get(naming.actor.casefold(), len(table_order)), -len(naming.articles), naming.actor)

    return tuple(sorted(namings, key=order))
