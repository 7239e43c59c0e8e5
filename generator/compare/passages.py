"""Passages one article shares with another: wire copy, a tweet quoted by both, a reused statement.

Method: every run of `shingle` consecutive words (case-folded, punctuation
ignored) is a shingle, kept in one hash table for all the event's articles
(only where each of its words is in another article too: no other can be shared).
Shingles found in two articles give seed pairs of word positions; seeds on the
same diagonal that follow each other form a maximal exact run (an exact run of
k >= shingle words contains k - shingle + 1 consecutive matching shingles).
Runs of one article pair that follow each other with at most `max_gap` words
between them on each side are then joined, so a quotation reused "almost word
for word" (a bracketed insertion, "issued" for "put out") is one passage.
Cost is linear in the total number of words, except for shingles repeated
more than `max_postings` times, which are skipped as boilerplate.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.analysis.results import ArticleAnalysis
from generator.analysis.terms import Words, word_columns
from generator.compare.types import SharedPassage

DEFAULT_SHINGLE = 8
DEFAULT_MAX_GAP = 12
DEFAULT_MAX_POSTINGS = 50


@dataclass(frozen=True)
class _Run:
    start_a: int  # token positions, end exclusive
    end_a: int
    start_b: int
    end_b: int
    words: int
    exact: bool


def _seed_pairs(
    norm_lists: Sequence[Sequence[str]], shingle: int, max_postings: int
) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """(article a, article b) with a < b -> the (position in a, position in b) pairs where a shingle starts in both."""
    shingles = [_candidate_shingles(norms, shingle, shared) for norms, shared in zip(norm_lists, _in_two_or_more(norm_lists))]
    # most shingles occur in one article only: find those in two or more with set operations (in C)
    seen: set[tuple[str, ...]] = set()
    repeated: set[tuple[str, ...]] = set()
    for keys in (set(found.values()) for found in shingles):
        repeated |= keys & seen
        seen |= keys
    postings: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    if repeated:
        for article, keys in enumerate(shingles):
            for position, key in keys.items():
                if key in repeated:
                    postings[key].append((article, position))
    seeds: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for places in postings.values():
        if len(places) < 2 or len(places) > max_postings:
            continue
        for index, (article_a, position_a) in enumerate(places):
            for article_b, position_b in places[index + 1 :]:
                if article_a != article_b:
                    seeds[(article_a, article_b)].add((position_a, position_b))
    return seeds


def _in_two_or_more(norm_lists: Sequence[Sequence[str]]) -> list[bytes]:
    """Per article, per position, 1 where the word there is also in another article, else 0."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for words in map(set, norm_lists):
        repeated |= words & seen
        seen |= words
    return [bytes(map(repeated.__contains__, norms)) for norms in norm_lists]


def _candidate_shingles(norms: Sequence[str], shingle: int, shared: bytes) -> dict[int, tuple[str, ...]]:
    """Position -> shingle, in order, for the positions that start a run of `shingle` words all found in
    another article too (runs found in C): the only shingles that can be in two articles, and few, as
    an article shares most words with the others but seldom eight in a row."""
    run = re.compile(b"\x01{%d,}" % shingle)
    return {position: tuple(norms[position : position + shingle])
            for found in run.finditer(shared) for position in range(found.start(), found.end() - shingle + 1)}


def _exact_runs(seeds: set[tuple[int, int]], shingle: int) -> list[_Run]:
    runs = []
    for position_a, position_b in sorted(seeds):
        if (position_a - 1, position_b - 1) in seeds:
            continue
        length = 1
        while (position_a + length, position_b + length) in seeds:
            length += 1
        words = length + shingle - 1
        runs.append(_Run(position_a, position_a + words, position_b, position_b + words, words, True))
    return runs


def _join_close_runs(runs: list[_Run], max_gap: int) -> list[_Run]:
    joined: list[_Run] = []
    for run in sorted(runs, key=lambda r: (r.start_a, r.start_b)):
        if joined:
            last = joined[-1]
            gap_a = run.start_a - last.end_a
            gap_b = run.start_b - last.end_b
            if 0 <= gap_a <= max_gap and 0 <= gap_b <= max_gap:
                joined[-1] = _Run(last.start_a, run.end_a, last.start_b, run.end_b,
                                  last.words + run.words, False)
                continue
        joined.append(run)
    return joined


OPENING_MARKS = "“‘\"'(["
"""Marks that open a quotation or an aside: a passage that starts right after one starts with it, so its
marker on the page never sits between a quotation mark and its words."""


def opening(text: str, start: int) -> int:
    """`start`, moved back over opening marks right before it."""
    while start > 0 and text[start - 1] in OPENING_MARKS:
        start -= 1
    return start


def find_shared_passages(
    analyses: Iterable[ArticleAnalysis],
    shingle: int = DEFAULT_SHINGLE,
    max_gap: int = DEFAULT_MAX_GAP,
    max_postings: int = DEFAULT_MAX_POSTINGS,
    words: Mapping[str, Words] | None = None,
) -> tuple[SharedPassage, ...]:
    """Every passage of at least `shingle` words that two of the articles share.

    Article A is the one whose slug sorts first; results are sorted by
    (article A, article B, start in A). `words` (slug -> word_columns) saves tokenising again."""
    ordered = tuple(sorted(analyses, key=lambda a: a.slug))
    word_lists = tuple(
        words[a.slug] if words is not None and a.slug in words else word_columns(a.text.text) for a in ordered
    )
    passages = []
    for (index_a, index_b), seeds in _seed_pairs([w.norms for w in word_lists], shingle, max_postings).items():
        words_a, words_b = word_lists[index_a], word_lists[index_b]
        for run in _join_close_runs(_exact_runs(seeds, shingle), max_gap):
            passages.append(SharedPassage(
                article_a=ordered[index_a].slug,
                start_a=opening(ordered[index_a].text.text, words_a.starts[run.start_a]),
                end_a=words_a.ends[run.end_a - 1],
                article_b=ordered[index_b].slug,
                start_b=opening(ordered[index_b].text.text, words_b.starts[run.start_b]),
                end_b=words_b.ends[run.end_b - 1],
                words=run.words,
                exact=run.exact,
            ))
    return tuple(sorted(passages, key=lambda p: (p.article_a, p.article_b, p.start_a, p.start_b)))
