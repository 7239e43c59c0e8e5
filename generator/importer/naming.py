"""What a group of articles shares, and what to call the event it proposes.

A shared word is *distinctive* when the group holds most of the articles that use it:
`retirement`, found in the three articles of the group and nowhere else, says more about the
event than `speaker`, found in these three and in forty others. Each shared name and term is
ranked by its weight in the group's articles times that share, so a party name that every
political article mentions sinks, and the event id is made of the most distinctive name
(`Paul Ryan`) and the most distinctive term not already in it (`retirement`).

Party nicknames (GOP, Dems, Tories, ...) are labels, not names of the event's actors: they are
never listed as shared names or used in an id.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

PARTY_NICKNAMES = frozenset({"gop", "dems", "dem", "repubs", "repub", "libs", "tories", "tory", "grits", "libdems", "lib dems"})
"""Informal names of political parties, on every side alike."""
SHOWN_TERMS = 8
SHOWN_NAMES = 8


@dataclass(frozen=True)
class CorpusStats:
    """How many articles use each word and each name, over the whole corpus being grouped."""

    articles: int
    word_df: Mapping[str, int]
    name_df: Mapping[str, int]


@dataclass(frozen=True)
class Member:
    """One article of a group, as naming needs it: its heaviest terms and names, and its text."""

    terms: tuple[str, ...]
    term_weights: array
    names: tuple[str, ...]
    name_weights: array
    text: str


@dataclass(frozen=True)
class Shared:
    """Names and terms the group shares, most distinctive first, and the words of the event's id."""

    terms: tuple[str, ...]
    names: tuple[str, ...]
    label: tuple[str, ...]


def needed(size: int) -> int:
    """In how many members a word must appear to count as shared: all, or 60% of groups over three."""
    return size if size <= 3 else math.ceil(size * 0.6)


def _tally(pairs: Sequence[tuple[tuple[str, ...], array]]) -> tuple[Counter[str], Counter[str]]:
    score: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for terms, weights in pairs:
        for term, weight in zip(terms, weights):
            score[term] += weight
            count[term] += 1
    return score, count


def _ranked(score: Counter[str], count: Counter[str], df: Mapping[str, int], minimum: int) -> list[tuple[str, float]]:
    ranked = [(term, score[term] * count[term] / max(df.get(term, count[term]), count[term])) for term in score if count[term] >= minimum]
    return sorted(ranked, key=lambda kv: (-kv[1], kv[0]))


def _is_nickname(words: Sequence[str]) -> bool:
    lowered = [w.lower() for w in words]
    return any(w in PARTY_NICKNAMES for w in lowered) or " ".join(lowered) in PARTY_NICKNAMES


def describe(members: Sequence[Member], stats: CorpusStats, phrases_of: Callable[[str], list[str]]) -> Shared:
    """Shared terms and names, ranked by distinctiveness, and the label for the event id."""
    minimum = needed(len(members))
    term_score, term_count = _tally([(m.terms, m.term_weights) for m in members])
    terms = [t for t, _ in _ranked(term_score, term_count, stats.word_df, minimum) if not _is_nickname([t])]
    name_score, name_count = _tally([(m.names, m.name_weights) for m in members])
    singles = dict(_ranked(name_score, name_count, stats.name_df, minimum))
    candidates: dict[str, float] = {}
    texts = [m.text for m in members]
    for phrase in _phrase_candidates(texts, phrases_of):
        words = [w.lower() for w in phrase.split()]
        count = sum(1 for text in texts if phrase in text)
        if count < minimum or _is_nickname(words):
            continue
        df = min((stats.name_df.get(w, count) for w in words), default=count)
        weight = sum(name_score.get(w, 0.0) for w in words) / len(words)  # a generic word ("State", "Speaker") dilutes a name
        candidates[phrase] = weight * count / max(df, count) + 1e-9 * len(words)
    names: list[str] = []
    for phrase, _value in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(names) < 5 and not any(set(phrase.lower().split()) & set(chosen.lower().split()) for chosen in names):
            names.append(phrase)
    covered = {w.lower() for p in names for w in p.split()}
    for name, value in singles.items():
        if name not in covered and not _is_nickname([name]):
            names.append(_surface(name, texts))
            candidates[names[-1]] = value
    names = sorted(names, key=lambda n: (-candidates[n], n))[:SHOWN_NAMES]
    return Shared(tuple(terms[:SHOWN_TERMS]), tuple(names), _label(names, terms))


def _phrase_candidates(texts: Sequence[str], phrases_of: Callable[[str], list[str]]) -> set[str]:
    """Multi-word names found in any member, and every run of two or more of their words: an
    article that opens a sentence with "Dana Whitfield" still shares "Dana Whitfield" with one
    that writes "Speaker Dana Whitfield"."""
    found: set[str] = set()
    for text in texts:
        for phrase in dict.fromkeys(phrases_of(text)):
            words = phrase.split()
            found.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    return found


def _label(names: Sequence[str], terms: Sequence[str]) -> tuple[str, ...]:
    """The most distinctive name, then the most distinctive term not part of it; two terms if no name."""
    if not names:
        return tuple(terms[:2])
    in_name = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", names[0]) if len(w) >= 3}
    term = next((t for t in terms if t not in in_name and not any(t.startswith(w) or w.startswith(t) for w in in_name)), None)
    return (names[0],) + ((term,) if term else ())


def _surface(word: str, texts: Sequence[str]) -> str:
    """A name as the articles write it (`McConnell`, `NATO`), not as lower-casing left it."""
    forms: Counter[str] = Counter()
    pattern = re.compile(r"\b" + re.escape(word) + r"\b", re.IGNORECASE)
    for text in texts:
        forms.update(match for match in pattern.findall(text) if match[:1].isupper())
    return forms.most_common(1)[0][0] if forms else word.title()
