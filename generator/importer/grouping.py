"""Which articles report the same event: text similarity, shared names, and dates.

Each article becomes two sparse vectors, TF-IDF over its ordinary words and TF-IDF over the
capitalised names it mentions (people, places, organisations), both L2-normalised and cut to
their heaviest terms. Two articles are *similar* by a weighted sum of the two cosines, and may
only be grouped when their dates (incident date, else publication date) are at most
`window_days` apart: the same words a month later describe another incident.

Nothing here compares every pair. Candidate pairs come from an inverted index over each
article's heaviest terms, and within one posting list only articles inside the date window are
paired (the list is sorted by date). Groups are then formed by average-linkage merging of the
candidate edges, strongest first, never letting a group span more than the window.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from generator.importer.naming import CorpusStats, Member, describe

TEXT_TERMS = 100
NAME_TERMS = 40
INDEX_TERMS = 12
INDEX_NAMES = 8
MAX_POSTINGS_IN_WINDOW = 200
"""A term shared by more articles than this inside one date window says nothing about events."""

NAME_WEIGHT = 0.5
DEFAULT_THRESHOLD = 0.15
DEFAULT_WINDOW_DAYS = 4

_STOPWORDS = frozenset(
    """a about above after again against all almost also although always am among an and another any are
    around as at back be because been before being below between both but by can could did do does doing
    down during each even ever every few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just last least less like made make many may me
    might more most much must my myself near never new no nor not now of off often on once one only or other
    our ours ourselves out over own per said same say says she should since so some still such than that the
    their theirs them themselves then there these they this those though through to too two under until up
    upon us very was we were what when where whether which while who whom whose why will with within without
    would yet you your yours according added told mr mrs ms week day days year years time monday tuesday
    wednesday thursday friday saturday sunday january february march april june july august september
    october november december earlier later today yesterday""".split()
)
_WORD = re.compile(r"[a-z][a-z'’-]+[a-z]")
_NAME = re.compile(
    r"\b(?=[A-Z])(?<=[^\n])(?<![.!?:] )(?<![.!?:][”\"’)] )(?<![“\"])[A-Z][A-Za-z-]*[A-Za-z]"
)
"""A capitalised word that does not open a sentence, a paragraph or a quotation."""
_CAPITAL_RUN = re.compile(r"[A-Z][A-Za-z-]*[A-Za-z](?:['’]s)?(?: [A-Z][A-Za-z-]*[A-Za-z](?:['’]s)?)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][”\"’)]*\s+|\n\s*|[“\"]\s*)$")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class ArticleText:
    """What grouping needs of an article: a key, its date, and its words."""

    key: str
    date: dt.date
    text: str


@dataclass(frozen=True)
class Features:
    """An article's heaviest words and names, heaviest first, with their weights (L2-normalised).

    Weights are compact float arrays: 10,000 articles of 140 terms would otherwise hold 1.4
    million float objects."""

    key: str
    date: dt.date
    terms: tuple[str, ...]
    term_weights: array
    names: tuple[str, ...]
    name_weights: array


@dataclass(frozen=True)
class Group:
    """Articles proposed as one event, with what they share and how sure we are (0-1)."""

    keys: tuple[str, ...]
    start: dt.date
    end: dt.date
    confidence: float
    shared_terms: tuple[str, ...]
    shared_names: tuple[str, ...]
    label: tuple[str, ...] = ()
    """The words of the event's id: its most distinctive shared name, then term (`naming.py`)."""


def word_counts(text: str) -> Counter[str]:
    """Ordinary words of three letters or more, lower case, stopwords dropped."""
    counts = Counter(_WORD.findall(_POSSESSIVE.sub("", text.lower())))
    for stopword in _STOPWORDS.intersection(counts):
        del counts[stopword]
    return counts


def name_counts(text: str) -> Counter[str]:
    """Capitalised words that do not merely open a sentence: people, places, organisations."""
    counts = Counter(word.lower() for word in _NAME.findall(text))
    for stopword in _STOPWORDS.intersection(counts):
        del counts[stopword]
    return counts


def name_phrases(text: str) -> list[str]:
    """Runs of two or more capitalised words ("Green Zone"), for showing what a group shares."""
    phrases: list[str] = []
    for match in _CAPITAL_RUN.finditer(text):
        tokens = [t.removesuffix("'s").removesuffix("’s") for t in match.group(0).split(" ")]
        if _SENTENCE_START.search(text, max(0, match.start() - 4), match.start()):
            tokens = tokens[1:]
        kept = [t for t in tokens if t.lower() not in _STOPWORDS]
        if len(kept) > 1:
            phrases.append(" ".join(kept))
    return phrases


def _top(weights: dict[str, float], limit: int) -> tuple[tuple[str, ...], array]:
    best = heapq.nlargest(limit, weights.items(), key=itemgetter(1))  # ties: first in the text
    norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
    return tuple(sys.intern(term) for term, _ in best), array("f", (weight / norm for _, weight in best))


def _idf_table(total: int, frequencies: Counter[str]) -> dict[str, float]:
    """Smoothed IDF plus one: a word every article uses still counts a little, so that in a small
    corpus the words two articles share are not all outweighed by words each has alone."""
    return {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in frequencies.items()}


def _weights(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear term frequency times IDF."""
    return {term: (1.0 + math.log(count) if count > 1 else 1.0) * idf[term] for term, count in counts.items()}


def featurise(articles: Sequence[ArticleText]) -> list[Features]:
    """Each article's heaviest words and names (see `featurise_with_stats`)."""
    return featurise_with_stats(articles)[0]


def featurise_with_stats(articles: Sequence[ArticleText]) -> tuple[list[Features], CorpusStats]:
    """TF-IDF (sublinear tf) of words and of names; document frequencies from these articles.

    Two passes over the texts, parsing each twice, so that only one article's words are held at
    a time (10,000 articles' word lists would take hundreds of megabytes); terms are interned so
    the kept vectors share one copy of each word."""
    word_df: Counter[str] = Counter()
    name_df: Counter[str] = Counter()
    for article in articles:
        word_df.update(word_counts(article.text).keys())
        name_df.update(name_counts(article.text).keys())
    word_idf, name_idf = _idf_table(len(articles), word_df), _idf_table(len(articles), name_df)
    features: list[Features] = []
    for article in articles:
        terms, term_weights = _top(_weights(word_counts(article.text), word_idf), TEXT_TERMS)
        names, name_weights = _top(_weights(name_counts(article.text), name_idf), NAME_TERMS)
        features.append(Features(article.key, article.date, terms, term_weights, names, name_weights))
    return features, CorpusStats(len(articles), word_df, name_df)


def _cosine(first_terms: tuple[str, ...], first_weights: array, second_terms: tuple[str, ...], second_weights: array) -> float:
    if len(first_terms) > len(second_terms):
        first_terms, first_weights, second_terms, second_weights = second_terms, second_weights, first_terms, first_weights
    lookup = dict(zip(second_terms, second_weights))
    return sum(weight * lookup.get(term, 0.0) for term, weight in zip(first_terms, first_weights))


def similarity(first: Features, second: Features) -> float:
    """Weighted text and name cosines; text alone when either article names nothing."""
    text = _cosine(first.terms, first.term_weights, second.terms, second.term_weights)
    if not first.names or not second.names:
        return text
    return (1 - NAME_WEIGHT) * text + NAME_WEIGHT * _cosine(first.names, first.name_weights, second.names, second.name_weights)


def candidate_pairs(features: Sequence[Features], window_days: int) -> set[int]:
    """Pairs that share an indexed term and fall inside the date window; never all pairs.

    A pair (a, b) with a < b is the int `a * len(features) + b`: a set of ints takes half the
    memory of a set of tuples, and there can be hundreds of thousands of candidates."""
    postings: dict[str, list[int]] = defaultdict(list)
    for number, feature in enumerate(features):
        for term in feature.terms[:INDEX_TERMS]:
            postings["w:" + term].append(number)
        for name in feature.names[:INDEX_NAMES]:
            postings["n:" + name].append(number)
    window = dt.timedelta(days=window_days)
    count = len(features)
    pairs: set[int] = set()
    for members in postings.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: features[n].date)
        dates = [features[n].date for n in members]
        for position, number in enumerate(members):
            start = bisect.bisect_left(dates, dates[position] - window, hi=position)
            stop = bisect.bisect_right(dates, dates[position] + window, lo=position + 1)
            if stop - start > MAX_POSTINGS_IN_WINDOW:
                continue
            pairs.update(min(number, other) * count + max(number, other) for other in members[position + 1 : stop])
    return pairs


def group_articles(
    articles: Sequence[ArticleText], threshold: float = DEFAULT_THRESHOLD, window_days: int = DEFAULT_WINDOW_DAYS
) -> tuple[Group, ...]:
    """Groups of two or more articles, most confident first; articles in no group are left out."""
    features, stats = featurise_with_stats(articles)
    count = len(features)
    strong: dict[int, float] = {}
    for code in candidate_pairs(features, window_days):
        value = similarity(features[code // count], features[code % count])
        if value >= threshold:
            strong[code] = value

    def score(a: int, b: int) -> float:
        code = min(a, b) * count + max(a, b)
        return strong[code] if code in strong else similarity(features[a], features[b])

    edges = sorted(((value, code // count, code % count) for code, value in strong.items()), key=lambda e: (-e[0], e[1], e[2]))
    owner = list(range(len(features)))
    clusters: dict[int, list[int]] = {n: [n] for n in range(len(features))}
    window = dt.timedelta(days=window_days)
    for _value, a, b in edges:
        left, right = owner[a], owner[b]
        if left == right:
            continue
        merged = clusters[left] + clusters[right]
        dates = [features[n].date for n in merged]
        if max(dates) - min(dates) > window:
            continue
        average = sum(score(x, y) for x in clusters[left] for y in clusters[right]) / (len(clusters[left]) * len(clusters[right]))
        if average < threshold:
            continue
        for n in clusters[right]:
            owner[n] = left
        clusters[left] = merged
        del clusters[right]
    groups: list[Group] = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: (features[n].date, features[n].key))
        pair_scores = [score(x, y) for i, x in enumerate(members) for y in members[i + 1 :]]
        shared = describe([Member(features[n].terms, features[n].term_weights, features[n].names, features[n].name_weights,
                                  articles[n].text) for n in members], stats, name_phrases)
        groups.append(
            Group(
                keys=tuple(features[n].key for n in members),
                start=features[members[0]].date,
                end=max(features[n].date for n in members),
                confidence=round(sum(pair_scores) / len(pair_scores), 3),
                shared_terms=shared.terms,
                shared_names=shared.names,
                label=shared.label,
            )
        )
    return tuple(sorted(groups, key=lambda g: (g.start, g.keys)))


def pairs_of(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Every unordered pair of keys that share a group: what pairwise precision and recall count."""
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        keys = sorted(group)
        pairs.update((a, b) for i, a in enumerate(keys) for b in keys[i + 1 :])
    return pairs
