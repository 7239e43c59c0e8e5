"""The corpus prior kept up to date from the articles that changed, instead of counted again.

Counting every word and phrase of a large corpus is a large part of a rebuild
after one edit (benchmarks/README.md); it should not pay that. The prior's weights read only the exact
counts of terms frequent enough to rise above the weight of a missing term
(`threshold`), so a tally keeps exact counts of the terms at least half as
frequent as that, and a bound below which every other term's count lies. An
update adds the new articles' terms and takes away the old ones'; while the
bound stays at or below the threshold, the prior it gives has exactly the weights
a full count would give. When it does not, the caller counts everything again.
Where the threshold is very low (a small corpus: a phrase used twice can already
weigh more than a missing one), half of it leaves no room for the bound to grow,
so every edit would count everything again: there the tally keeps every term
(`KEEP_ALL_BELOW`; those used once, most phrases, as one string), and an update stays exact for ever.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import ahocorasick

from generator.compare.distinctive import DEFAULT_ALPHA_0, MIN_PRIOR, PriorWeights, WordCounts, coarse, counts_of_analyses, prior_weights
from generator.compare.packed import Packed, packed, unpacked
from generator.analysis.results import ArticleAnalysis


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary's tally (words, or phrases): exact counts of the listed terms, the exact total,
    and `bound`: every term not listed is used fewer than `bound` times."""

    counts: Mapping[str, int]
    total: int
    bound: int
    once: str = ""
    """Where every term is kept (`bound` 1): the terms used exactly once, each between newlines ("\\na\\nb\\n"),
    and not in `counts`. Most phrases are used once: as one string they are one object, not one each."""

    def __reduce__(self) -> tuple:
        """Pickled packed (read-only views cannot be pickled), for the cache."""
        return _vocabulary, (packed(self.counts, "q"), self.total, self.bound, self.once)


def _vocabulary(counts: dict[str, int] | Packed, total: int, bound: int, once: str = "") -> Vocabulary:
    return Vocabulary(MappingProxyType(unpacked(counts)), total, bound, once)


@dataclass(frozen=True)
class PriorTally:
    words: Vocabulary
    phrases: Vocabulary

    def prior(self) -> WordCounts:
        """The prior `corpus_word_counts` gives, but for terms whose weight is a missing term's anyway."""
        return WordCounts(
            words=MappingProxyType({term: coarse(n) for term, n in self.words.counts.items() if n > 1}),
            phrases=MappingProxyType({term: coarse(n) for term, n in self.phrases.counts.items() if n > 1}),
            word_total=coarse(self.words.total),
            phrase_total=coarse(self.phrases.total),
            floor=1,
        )


def threshold(total: int, alpha_0: float = DEFAULT_ALPHA_0) -> int:
    """The least count whose prior weight differs from a missing term's, in a vocabulary of `total`
    occurrences (computed as `prior_weights` computes weights); 0 for an empty vocabulary."""
    if not coarse(total):
        return 0
    scale = alpha_0 / coarse(total)
    missing = max(scale, MIN_PRIOR)
    count = max(2, int(MIN_PRIOR / scale * 32 / 33))  # coarse(c) <= c * 33/32: no smaller count can be above the floor
    while max(coarse(count) * scale, MIN_PRIOR) == missing:
        count += 1
    return count


KEEP_ALL_BELOW = 4
"""A vocabulary whose threshold is lower than this keeps every term's count: half the threshold would leave
room for at most one edit's new terms before an update has to count everything again. (Keeping every term
costs more to store than the bound saves above this: a 3,000-article corpus has 370,000 phrases.)"""


def tally(analyses: Iterable[ArticleAnalysis], alpha_0: float = DEFAULT_ALPHA_0) -> PriorTally:
    """Count every article's terms, keeping the counts of terms at least half as frequent as the threshold
    (of every term, where the threshold is low)."""
    pooled = counts_of_analyses(analyses)

    def kept(counts: Mapping[str, int], total: int) -> Vocabulary:
        least = threshold(total, alpha_0)
        if least < KEEP_ALL_BELOW:
            return _vocabulary({term: n for term, n in counts.items() if n > 1}, total, 1,
                               _with_lines("", [term for term, n in counts.items() if n == 1]))
        return _vocabulary({term: n for term, n in counts.items() if n >= least // 2}, total, least // 2)

    return PriorTally(kept(pooled.words, pooled.word_total), kept(pooled.phrases, pooled.phrase_total))


def updated(
    earlier: PriorTally,
    removed: Iterable[ArticleAnalysis],
    added: Iterable[ArticleAnalysis],
    alpha_0: float = DEFAULT_ALPHA_0,
) -> PriorTally | None:
    """`earlier` without the `removed` articles' terms and with the `added` ones'; None when the result
    could differ from a full count's (a term not listed may now reach the threshold)."""
    plus, minus = counts_of_analyses(added), counts_of_analyses(removed)
    word_changes, phrase_changes = Counter(plus.words), Counter(plus.phrases)
    word_changes.subtract(minus.words)
    phrase_changes.subtract(minus.phrases)
    words = _updated(earlier.words, word_changes, alpha_0)
    phrases = _updated(earlier.phrases, phrase_changes, alpha_0)
    return PriorTally(words, phrases) if words is not None and phrases is not None else None


def _updated(earlier: Vocabulary, changes: Mapping[str, int], alpha_0: float) -> Vocabulary | None:
    if earlier.bound <= 1:
        return _updated_every_term(earlier, changes)
    counts = dict(earlier.counts)
    bound = earlier.bound
    total = earlier.total
    for term, change in changes.items():
        total += change
        if term in counts:
            counts[term] += change
            if counts[term] <= 0:
                del counts[term]
        elif change > 0:  # used fewer than `earlier.bound` times before: fewer than bound + change now
            bound = max(bound, earlier.bound + change)
    if bound > threshold(total, alpha_0):
        return None
    return _vocabulary(counts, total, bound)


def _updated_every_term(earlier: Vocabulary, changes: Mapping[str, int]) -> Vocabulary:
    """`_updated` where every term is kept: a term in neither `counts` nor `once` was not used. Always exact."""
    counts = dict(earlier.counts)
    was_once = _lines_found(earlier.once, [term for term in changes if term not in counts])
    leaving: dict[str, int] = {}
    arriving: list[str] = []
    for term, change in changes.items():
        before = counts.get(term) or (1 if term in was_once else 0)
        after = before + change
        if after > 1:
            counts[term] = after
        else:
            counts.pop(term, None)
        if before == 1 and after != 1:
            leaving[term] = was_once[term]
        elif after == 1 and before != 1:
            arriving.append(term)
    once = _with_lines(_without_lines(earlier.once, leaving), arriving)
    return _vocabulary(counts, earlier.total + sum(changes.values()), 1, once)


def _lines_found(lines: str, terms: Iterable[str]) -> dict[str, int]:
    """Each of `terms` that is one of the newline-enclosed `lines`, with the offset of the newline before it
    (one pass of an automaton over the text, not a set of every line)."""
    automaton = ahocorasick.Automaton()
    for term in terms:
        automaton.add_word(f"\n{term}\n", term)
    if not lines or not len(automaton):
        return {}
    automaton.make_automaton()
    return {term: end - len(term) - 1 for end, term in automaton.iter(lines)}


def _without_lines(lines: str, found: Mapping[str, int]) -> str:
    """`lines` without the terms `_lines_found` found at these offsets."""
    pieces, kept_from = [], 0
    for term, at in sorted(found.items(), key=lambda item: item[1]):
        pieces.append(lines[kept_from : at + 1])
        kept_from = at + len(term) + 2
    pieces.append(lines[kept_from:])
    rest = "".join(pieces)
    return "" if rest == "\n" else rest


def _with_lines(lines: str, terms: list[str]) -> str:
    """`lines` and these terms, each between newlines."""
    if not terms:
        return lines
    return (lines or "\n") + "\n".join(terms) + "\n"


@dataclass(frozen=True)
class CorpusPrior:
    """The prior of one build: the analyses it counts (by key), their tally, and the weights the log-odds read."""

    counted: frozenset[str]
    tally: PriorTally
    weights: PriorWeights


class ByKey(Mapping[str, ArticleAnalysis]):
    """slug-keyed analyses seen by another key of each article (`keys`: slug -> key), read only when asked:
    bringing the prior up to date reads the few analyses that changed."""

    def __init__(self, analyses: Mapping[str, ArticleAnalysis], keys: Mapping[str, str]) -> None:
        self._analyses = analyses
        self._slugs = {keys[slug]: slug for slug in analyses}

    def __getitem__(self, key: str) -> ArticleAnalysis:
        return self._analyses[self._slugs[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._slugs

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs)

    def __len__(self) -> int:
        return len(self._slugs)


def corpus_prior(
    analyses: Mapping[str, ArticleAnalysis],
    last: CorpusPrior | None,
    replaced: Callable[[Iterable[str]], Mapping[str, ArticleAnalysis]],
) -> CorpusPrior:
    """The prior of the analyses (by key): the `last` one if it counted the same analyses, else the last
    one brought up to date (the analyses edits `replaced` are read back to take their terms away),
    else counted anew."""
    counted = frozenset(analyses)
    if last is not None and last.counted == counted:
        return last
    counts = _brought_up_to_date(last, counted, analyses, replaced) or tally(analyses.values())
    return CorpusPrior(counted, counts, prior_weights(counts.prior()))


def _brought_up_to_date(
    last: CorpusPrior | None,
    counted: frozenset[str],
    analyses: Mapping[str, ArticleAnalysis],
    replaced: Callable[[Iterable[str]], Mapping[str, ArticleAnalysis]],
) -> PriorTally | None:
    if last is None:
        return None
    removed_keys = last.counted - counted
    added_keys = counted - last.counted
    if len(removed_keys) + len(added_keys) > max(1, len(counted) // 10):  # counting everything is as quick
        return None
    added = [analyses[key] for key in added_keys]  # by key: the analyses the last prior counted are never read
    removed = replaced(removed_keys)
    if len(removed) != len(removed_keys):
        return None
    return updated(last.tally, removed.values(), added)
