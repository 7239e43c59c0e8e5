"""Per actor, per outlet, the labels attached to it across an event's articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.analysis.actors.labels import ActorLabel, ArticleLabels, RawLabel, merge_labels
from generator.analysis.actors.mentions import (
    Mention,
    affiliation_mentions,
    alias_mentions,
    capitalised,
    extend_left,
    mid_sentence_capitals,
    name_mentions,
    name_runs,
    non_overlapping,
    surnames,
)
from generator.analysis.terms import Words, word_columns
from generator.analysis.results import ArticleAnalysis
from generator.model import Article, Event


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


def _article_mentions(
    event: Event,
    analysis: ArticleAnalysis,
    words: Words,
    runs: Sequence[tuple[int, int]],
    known_surnames: frozenset[str],
    alias_keys: Mapping[str, str],
) -> list[Mention]:
    text = analysis.text.text
    found = (alias_mentions(event, text) + name_mentions(text, words, runs, known_surnames)
             + affiliation_mentions(text, words, analysis.spans))
    mentions = []
    for mention in non_overlapping(found):
        table_key = next((k for k in (mention.display.casefold(), mention.key) if k in alias_keys), None)
        if mention.source != "alias_table" and table_key is not None:
            name = alias_keys[table_key]
            mention = Mention(name.casefold(), name, "alias_table", mention.start, mention.end, 0)
        mentions.append(extend_left(text, words, mention))
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


def actor_namings(
    event: Event,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    outlet_order: Sequence[str],
    min_articles: int = 2,
    words: Mapping[str, Words] | None = None,
) -> tuple[ActorNaming, ...]:
    """Per actor, per outlet, the labels attached to it; see the package docstring.

    `words` (slug -> word_columns of its text) saves tokenising again when the caller has them."""
    texts = {a.slug: analyses[a.slug].text.text for a in articles}
    words_of = {slug: (words[slug] if words is not None and slug in words else word_columns(text))
                for slug, text in texts.items()}
    capitals = {slug: capitalised(text, words_of[slug]) for slug, text in texts.items()}
    known = frozenset().union(*(mid_sentence_capitals(texts[s], words_of[s], capitals[s]) for s in texts))
    runs = {s: name_runs(texts[s], words_of[s], known, capitals[s]) for s in texts}
    known_surnames = frozenset().union(*(surnames(words_of[s], runs[s]) for s in texts))
    alias_keys = _alias_keys(event)
    displays: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, str] = {}
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    per_outlet: dict[tuple[str, str], int] = Counter()
    raw: dict[tuple[str, str], list[tuple[RawLabel, str]]] = defaultdict(list)
    for article in articles:
        analysis = analyses[article.slug]
        labels = ArticleLabels(analysis, words_of[article.slug])
        for mention in _article_mentions(event, analysis, words_of[article.slug], runs[article.slug], known_surnames, alias_keys):
            displays[mention.key][mention.display] += 1
            sources.setdefault(mention.key, mention.source)
            mentioned_in[mention.key].add(article.slug)
            per_outlet[(mention.key, article.outlet)] += 1
            for label in labels.of(mention):
                raw[(mention.key, article.outlet)].append((label, article.slug))
    table_order: dict[str, int] = {}
    for index, actor in enumerate(event.actors):
        table_order.setdefault(actor.name.casefold(), index)
    namings = []
    for key in mentioned_in:
        has_labels = any(raw[(key, outlet)] for outlet in outlet_order)
        if sources[key] != "alias_table" and (len(mentioned_in[key]) < min_articles or not has_labels):
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
