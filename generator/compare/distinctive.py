"""Distinctive words by the weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political
Analysis 16(4), section 3.5, eqs. 16-22:

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))          (eq. 16)
    var(delta_w) ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)              (eq. 20)
    z_w = delta_w / sqrt(var(delta_w))                               (eq. 22)

with the informative prior a_w = a_0 * (corpus count of w / corpus total), so
the prior keeps the corpus-wide word shares and its total weight is a_0. Counts
and totals are kept to five significant binary digits (`coarse`; our choice, not
the paper's: see docs/comparison.md).
Every sum above needs only the words the two groups use plus the constants
n_i, n_j and a_0, so one event costs time linear in its own vocabulary.
"""

from __future__ import annotations

import hashlib
from array import array
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter, sub
from types import MappingProxyType
from typing import NamedTuple

from generator.analysis.results import ArticleAnalysis
from generator.analysis.terms import term_counts, term_occurrences
from generator.compare.packed import Packed, packed, unpacked
from generator.compare.types import DistinctiveTerm

DEFAULT_ALPHA_0 = 1000.0
"""Total weight of the prior, in pseudo-words: about one long article's worth.

Our choice, not the paper's: events hold a few thousand words, so a prior of
this size pulls rare words towards their corpus share without drowning the
event's own counts. Callers may pass another value."""

MIN_PRIOR = 0.01
"""Floor for a_w, so a word missing from the prior still has a finite log-odds."""


@dataclass(frozen=True)
class WordCounts:
    """Counts of words and two-word phrases, with their totals (read-only)."""

    words: Mapping[str, int]
    phrases: Mapping[str, int]
    word_total: int
    phrase_total: int
    floor: int = 0
    """The count of a term missing from `words` or `phrases`. The corpus prior leaves out the terms
    used once (nine in ten phrases): any term an event's articles use is in the corpus at least
    once, so a missing one was used exactly once, and `floor` = 1 gives its count exactly."""


@dataclass(frozen=True)
class LogOdds:
    term: str
    delta: float
    variance: float
    z: float


def _frozen_counts(words: Mapping[str, int], phrases: Mapping[str, int]) -> WordCounts:
    """Read-only views; unsorted, since every consumer looks terms up or ranks them itself."""
    return WordCounts(
        words=MappingProxyType(dict(words)),
        phrases=MappingProxyType(dict(phrases)),
        word_total=sum(words.values()),
        phrase_total=sum(phrases.values()),
    )


def counts_of_texts(texts: Iterable[str]) -> WordCounts:
    """Pool the word and phrase counts of several texts."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for text in texts:
        text_words, text_phrases = term_counts(text)
        words.update(text_words)
        phrases.update(text_phrases)
    return _frozen_counts(words, phrases)


def _lines(encoded: str) -> list[str]:
    return encoded.split("\n") if encoded else []


def _term_lines(analysis: ArticleAnalysis) -> tuple[list[str], list[str]]:
    """An article's content words and phrases, one item per occurrence: its stored term lists split,
    or, for an analysis without them, its text's terms."""
    if analysis.terms or analysis.phrases:
        return _lines(analysis.terms), _lines(analysis.phrases)
    return term_occurrences(analysis.text.text)


def counts_of(words: Counter[str], phrases: Counter[str]) -> WordCounts:
    """Counts already made (an event's outlet, less what it leaves out), as read-only WordCounts."""
    return WordCounts(MappingProxyType(words), MappingProxyType(phrases), words.total(), phrases.total())


def counts_of_analyses(analyses: Iterable[ArticleAnalysis]) -> WordCounts:
    """The pooled counts of some articles, counted straight from their stored term lists (in C)."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for analysis in analyses:
        article_words, article_phrases = _term_lines(analysis)
        words.update(article_words)  # counted in C
        phrases.update(article_phrases)
    return counts_of(words, phrases)


PRIOR_BITS = 5
"""Significant binary digits kept of every count in the prior (see `coarse`)."""


def coarse(count: int) -> int:
    """`count` rounded to `PRIOR_BITS` significant binary digits: exact below 32, within 1/32 (3%) above.

    The prior is a smoothing device, so a few per cent change nothing a reader
    could see; what it buys is that an edit to one article leaves the prior
    weights of almost every term, and the corpus totals, exactly as they were,
    so the other events' distinctive words stay valid (see `changed_weights`)."""
    shift = count.bit_length() - PRIOR_BITS
    if shift <= 0:
        return count
    return ((count + (1 << (shift - 1))) >> shift) << shift


def corpus_word_counts(
    analyses: Mapping[str, ArticleAnalysis] | Iterable[ArticleAnalysis],
) -> WordCounts:
    """The prior by definition: counts over every article of the corpus, each `coarse`, terms used once
    left out (see `WordCounts.floor`: most phrases are used once, and leaving them out changes no score).
    The build keeps it up to date with `prior.tally` instead, which gives the same weights."""
    pooled = counts_of_analyses(analyses.values() if isinstance(analyses, Mapping) else analyses)
    words, phrases = pooled.words, pooled.phrases
    return WordCounts(
        words=MappingProxyType({term: coarse(n) for term, n in words.items() if n > 1}),
        phrases=MappingProxyType({term: coarse(n) for term, n in phrases.items() if n > 1}),
        word_total=coarse(pooled.word_total),
        phrase_total=coarse(pooled.phrase_total),
        floor=1,
    )


@dataclass(frozen=True)
class PriorWeights:
    """The a_w a prior gives: `missing` for any term not listed, the listed ones theirs.

    Only terms whose weight differs from `missing` are listed: at 10,000
    articles, the few thousand frequent enough to rise above `MIN_PRIOR`."""

    words: Mapping[str, float]
    phrases: Mapping[str, float]
    missing_word: float
    missing_phrase: float

    def __reduce__(self) -> tuple:
        """Pickled packed (read-only views cannot be pickled), for the cache."""
        return _weights_of, (packed(self.words, "d"), packed(self.phrases, "d"), self.missing_word, self.missing_phrase)

    def fingerprint(self) -> str:
        """A hash of every weight (sorted terms' repr, then their weights' bytes): equal fingerprints, equal scores."""
        digest = hashlib.sha256(repr((self.missing_word, self.missing_phrase)).encode("utf-8"))
        for weights in (self.words, self.phrases):
            terms = sorted(weights)
            digest.update(repr(terms).encode("utf-8"))
            digest.update(array("d", map(weights.__getitem__, terms)).tobytes())
        return digest.hexdigest()


def _weights_of(words: Packed | dict, phrases: Packed | dict, missing_word: float, missing_phrase: float) -> PriorWeights:
    return PriorWeights(MappingProxyType(unpacked(words)), MappingProxyType(unpacked(phrases)), missing_word, missing_phrase)


def prior_weights(prior: WordCounts, alpha_0: float = DEFAULT_ALPHA_0) -> PriorWeights:
    """a_w of every term, computed as `_top_terms` computes it (the same float operations)."""

    def weights(counts: Mapping[str, int], total: int) -> tuple[dict[str, float], float]:
        scale = alpha_0 / total if total else 0.0
        missing = max(prior.floor * scale, MIN_PRIOR)
        listed = {term: weight for term, count in counts.items() if (weight := max(count * scale, MIN_PRIOR)) != missing}
        return listed, missing

    words, missing_word = weights(prior.words, prior.word_total)
    phrases, missing_phrase = weights(prior.phrases, prior.phrase_total)
    return _weights_of(words, phrases, missing_word, missing_phrase)


@dataclass(frozen=True)
class ChangedTerms:
    """Words and phrases whose prior weight changed, with a way to ask whether some articles use one."""

    words: frozenset[str]
    phrases: frozenset[str]

    def used_by(self, analyses: Iterable[ArticleAnalysis]) -> bool:
        """Whether any of the articles uses one of the terms: a pattern over their stored term lists
        (in C) for a few terms, set lookups for many (a long alternation is slow to match)."""
        if not self.words and not self.phrases:
            return False
        few = len(self.words) + len(self.phrases) <= MAX_PATTERN_TERMS
        word_pattern, phrase_pattern = (_line_pattern(self.words), _line_pattern(self.phrases)) if few else (None, None)
        for analysis in analyses:
            if few and (analysis.terms or analysis.phrases):
                if (word_pattern and word_pattern.search(analysis.terms)) or (phrase_pattern and phrase_pattern.search(analysis.phrases)):
                    return True
                continue
            own_words, own_phrases = _term_lines(analysis)
            if not self.words.isdisjoint(own_words) or not self.phrases.isdisjoint(own_phrases):
                return True
        return False


MAX_PATTERN_TERMS = 64
"""Up to this many changed terms are searched for with one pattern; more, by splitting the term lists."""


def changed_weights(old: PriorWeights, new: PriorWeights) -> ChangedTerms | None:
    """The words and the phrases whose weight differs between two priors, or None when every term's may
    (the weight of unlisted terms changed). An event none of whose articles uses one of them scores
    exactly as before: its scores read the weights of its own terms and nothing else of the prior."""
    if old.missing_word != new.missing_word or old.missing_phrase != new.missing_phrase:
        return None

    def differing(a: Mapping[str, float], b: Mapping[str, float], missing: float) -> frozenset[str]:
        return frozenset(term for term in a.keys() | b.keys() if a.get(term, missing) != b.get(term, missing))

    return ChangedTerms(differing(old.words, new.words, new.missing_word), differing(old.phrases, new.phrases, new.missing_phrase))


def _line_pattern(terms: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `terms` as a whole line of a term list."""
    if not terms:
        return None
    return re.compile("^(?:" + "|".join(map(re.escape, sorted(terms))) + ")$", re.MULTILINE)


def log_odds_z(
    counts_i: Mapping[str, int],
    total_i: int,
    counts_j: Mapping[str, int],
    total_j: int,
    prior: Mapping[str, int],
    prior_total: int,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> tuple[LogOdds, ...]:
    """Eqs. 16-22 for every term used by group i or j (and only those), sorted by term."""
    results = []
    for term in sorted(set(counts_i) | set(counts_j)):
        share = prior.get(term, 0) / prior_total if prior_total else 0.0
        alpha_w = max(alpha_0 * share, MIN_PRIOR)
        y_i = counts_i.get(term, 0)
        y_j = counts_j.get(term, 0)
        # in a corpus of one or two distinct words a term can hold all the prior mass: keep denominators positive
        odds_i = (y_i + alpha_w) / max(total_i + alpha_0 - y_i - alpha_w, MIN_PRIOR)
        odds_j = (y_j + alpha_w) / max(total_j + alpha_0 - y_j - alpha_w, MIN_PRIOR)
        delta = math.log(odds_i) - math.log(odds_j)
        variance = 1 / (y_i + alpha_w) + 1 / (y_j + alpha_w)
        results.append(LogOdds(term, delta, variance, delta / math.sqrt(variance)))
    return tuple(results)


class _Vocabulary(NamedTuple):
    """One of the two vocabularies (words, phrases) of a comparison; `other` holds the other side's
    count of each of `own`'s terms, in `own`'s order."""

    kind: str
    own: Mapping[str, int]
    own_total: int
    other: list[int]
    other_total: int
    prior: Mapping[str, int]
    prior_total: int


def distinctive_terms(
    own: WordCounts,
    others: WordCounts,
    prior: WordCounts,
    top: int = 15,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> tuple[DistinctiveTerm, ...]:
    """The words and phrases most over-represented in `own` against `others`.

    Words and phrases are two vocabularies, each with its own totals and its
    own prior; their z-scores are then ranked together. Only z > 0 is kept."""
    return _top_terms((
        _Vocabulary("word", own.words, own.word_total, list(map(others.words.get, own.words, repeat(0))),
                    others.word_total, prior.words, prior.word_total),
        _Vocabulary("phrase", own.phrases, own.phrase_total, list(map(others.phrases.get, own.phrases, repeat(0))),
                    others.phrase_total, prior.phrases, prior.phrase_total),
    ), prior.floor, top, alpha_0)


def distinctive_in_total(
    own: WordCounts,
    total: WordCounts,
    prior: WordCounts,
    top: int = 15,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> tuple[DistinctiveTerm, ...]:
    """`distinctive_terms` of `own` against the rest of `total`, of which `own` is a part.

    An event's outlets are each compared with all the others: one pooled `total`
    serves them all, and a term's other count is its total minus its own."""
    return _top_terms((
        _Vocabulary("word", own.words, own.word_total,
                    list(map(sub, map(total.words.__getitem__, own.words), own.words.values())),
                    total.word_total - own.word_total, prior.words, prior.word_total),
        _Vocabulary("phrase", own.phrases, own.phrase_total,
                    list(map(sub, map(total.phrases.__getitem__, own.phrases), own.phrases.values())),
                    total.phrase_total - own.phrase_total, prior.phrases, prior.phrase_total),
    ), prior.floor, top, alpha_0)


def _top_terms(
    vocabularies: tuple[_Vocabulary, ...], floor: int, top: int, alpha_0: float
) -> tuple[DistinctiveTerm, ...]:
    """The `top` terms of the vocabularies by z (then by term), keeping z > 0 only.

    A term's score depends only on its counts (own, other, prior) and the vocabulary's constants, and
    many terms share them (a phrase used once by the outlet alone), so each distinct triple is scored
    once, and only the terms of the triples that reach the `top`-th best z are ranked by name (in C)."""
    if top <= 0:
        return ()
    scored: list[tuple[float, str, tuple[int, int, int], int, float]] = []  # (-z, kind, triple, number of terms, delta)
    triples_of: list[list[tuple[int, int, int]]] = []
    log, sqrt, least = math.log, math.sqrt, MIN_PRIOR  # locals: the loop below runs for every distinct triple
    for kind, own_counts, own_total, other_counts, other_total, prior_counts, prior_total in vocabularies:
        triples = list(zip(own_counts.values(), other_counts, map(prior_counts.get, own_counts, repeat(floor))))
        triples_of.append(triples)
        # The same arithmetic as log_odds_z, inlined, once per distinct triple of counts.
        # A term the outlet never uses cannot be distinctive of it, so only its own terms are scored.
        scale = alpha_0 / prior_total if prior_total else 0.0
        own_base, other_base = own_total + alpha_0, other_total + alpha_0  # the first sum of n + a_0 - y - a_w
        for triple, terms in Counter(triples).items():
            y_i, y_j, prior_count = triple
            alpha_w = prior_count * scale
            if alpha_w < least:
                alpha_w = least
            own_odds_top, other_odds_top = y_i + alpha_w, y_j + alpha_w
            own_odds_bottom = own_base - own_odds_top
            other_odds_bottom = other_base - other_odds_top
            # in a corpus of one or two distinct words a term can hold all the prior mass: keep denominators positive
            if own_odds_bottom < least:
                own_odds_bottom = least
            if other_odds_bottom < least:
                other_odds_bottom = least
            # delta > 0 exactly when the own odds are higher: most triples are skipped before any logarithm
            if own_odds_top * other_odds_bottom <= other_odds_top * own_odds_bottom:
                continue
            delta = log(own_odds_top / own_odds_bottom) - log(other_odds_top / other_odds_bottom)
            if delta > 0:
                scored.append((-(delta / sqrt(1 / own_odds_top + 1 / other_odds_top)), kind, triple, terms, delta))
    scored.sort(key=itemgetter(0))  # by -z alone (floats compare fast): the triples kept below do not depend on ties' order
    cut, reached = 0, 0  # the best triples until they hold `top` terms, and every triple tying with the last
    while cut < len(scored) and (reached < top or scored[cut][0] == scored[cut - 1][0]):
        reached += scored[cut][3]
        cut += 1
    ranked: list[tuple[float, str, str, tuple[int, int, int]]] = []
    deltas = {(kind, triple): delta for _, kind, triple, _, delta in scored[:cut]}  # (a kind's triples are distinct)
    for vocabulary, triples in zip(vocabularies, triples_of):
        neg_z = {triple: neg for neg, kind, triple, _, _ in scored[:cut] if kind == vocabulary.kind}
        if neg_z:
            chosen = list(map(neg_z.__contains__, triples))
            chosen_triples = list(compress(triples, chosen))
            ranked.extend(zip(map(neg_z.__getitem__, chosen_triples), compress(vocabulary.own, chosen),
                              repeat(vocabulary.kind), chosen_triples))
    ranked.sort()
    # positional arguments: a frozen dataclass takes keywords at twice the cost, and this makes 3 * top of them
    return tuple(DistinctiveTerm(term, kind, deltas[(kind, triple)], -neg, triple[0], triple[1])
                 for neg, term, kind, triple in ranked[:top])


PHRASE_SHARE = 0.5
"""A word is left out for a phrase that holds it when at least this share of its uses are in the phrase."""


def prefer_phrases(terms: tuple[DistinctiveTerm, ...], top: int) -> tuple[DistinctiveTerm, ...]:
    """The first `top` of `terms` (highest z first), leaving out a word when a distinctive phrase among them
    holds at least half of its uses: "border wall" says what "border" and "wall" only hint at."""
    phrases = [t for t in terms if t.kind == "phrase"]
    kept = []
    for term in terms:
        if term.kind == "word" and any(term.term in p.term.split(" ") and p.count >= PHRASE_SHARE * term.count for p in phrases):
            continue
        kept.append(term)
        if len(kept) == top:
            break
    return tuple(kept)
