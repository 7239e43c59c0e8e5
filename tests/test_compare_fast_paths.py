"""The comparison's fast paths against plain, obviously correct versions, on random and odd inputs.

Each fast path (words as columns, distinctive terms with the other outlets' counts taken
from the event total, shared shingles found by set operations) must give exactly what a
word-by-word loop gives: the event pages are compared byte for byte between versions."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from types import MappingProxyType

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.terms import _WORD, term_occurrences, word_columns, word_tokens
from generator.compare.bylines import (
    _BYLINE, _CREDIT_LINE, _CREDIT_PARENTHESIS, _DATELINE, excluded, furniture_counts, name_pattern, without_furniture,
)
from generator.compare.distinctive import MIN_PRIOR, DistinctiveTerm, WordCounts, distinctive_in_total, distinctive_terms
from generator.compare.passages import _seed_pairs
from generator.model import Article, Outlet
from tests.compare_builders import article

ODD_PIECES = [
    "ß", "ẞ", "STRAẞE", "İstanbul", "ﬁre", "Σ", "ΌΣΟΣ", "\u0345", "ǅ", "’", "'", "'s", "’s", "’S", "s'", "-", "–",
    "—", ".", ",", "1,000", "3.5", "2,5,", "_", "__init__", " ", "  ", "\n", "\t", "U.S.", "Iran’s", "state-run",
    "rock'n'roll", "é", "e\u0301", "٣", "中文", "🙂", "[", "]", "(", ")", "“", "”",
]
NAME_PIECES = [
    "The", "the", "President", "Secretary", "of", "State", "Mike", "Pompeo", "Iran", "Kataib", "Hezbollah",
    "said", "Minister", "Foreign", "U.S.", "Despite", "A", "an", "Ali", "Khamenei", "officials",
]
texts = st.lists(
    st.one_of(st.sampled_from(ODD_PIECES), st.sampled_from(NAME_PIECES), st.text(max_size=4)), max_size=40
).map("".join)
def plain_tokens(text: str) -> list[tuple[str, int, int]]:
    """One word at a time: match the folded text (or the original, when folding changes lengths)."""
    folded = text.casefold()
    same_length = len(folded) == len(text)
    tokens = []
    for match in _WORD.finditer(folded if same_length else text):
        norm = (match.group() if same_length else match.group().casefold()).replace("’", "'")
        if norm.endswith("'s"):
            norm = norm[:-2]
        tokens.append((norm, match.start(), match.end()))
    return tokens


@settings(max_examples=400, deadline=None)
@given(texts)
@example("")
@example("ß's straße’s Maß")
@example("Iran’s 5,000 U.S. troops, ÖL-Preis \u0345x")
def test_word_columns_match_a_word_by_word_tokeniser(text: str) -> None:
    expected = plain_tokens(text)
    words = word_columns(text)
    assert list(zip(words.norms, words.starts, words.ends)) == expected
    assert len(words) == len(expected)
    assert [tuple(token) for token in word_tokens(text)] == expected


def test_word_columns_fold_to_two_letters_and_keep_offsets() -> None:
    text = "Die Straße’s Ende, 1,000 Maß."
    words = word_columns(text)
    assert words.norms == ("die", "strasse", "ende", "1,000", "mass")
    assert [text[s:e] for s, e in zip(words.starts, words.ends)] == ["Die", "Straße’s", "Ende", "1,000", "Maß"]


# --- distinctive terms -------------------------------------------------------------------------

def plain_distinctive(own: WordCounts, others: WordCounts, prior: WordCounts, top: int,
                      alpha_0: float) -> tuple[DistinctiveTerm, ...]:
    """Every term of `own` scored on its own (eqs. 16-22), all ranked, the first `top` kept."""
    ranked = []
    for kind, mine, theirs, prior_counts, own_total, other_total, prior_total in (
        ("word", own.words, others.words, prior.words, own.word_total, others.word_total, prior.word_total),
        ("phrase", own.phrases, others.phrases, prior.phrases, own.phrase_total, others.phrase_total,
         prior.phrase_total),
    ):
        scale = alpha_0 / prior_total if prior_total else 0.0
        for term, y_i in mine.items():
            y_j = theirs.get(term, 0)
            alpha_w = max(prior_counts.get(term, prior.floor) * scale, MIN_PRIOR)
            own_top, other_top = y_i + alpha_w, y_j + alpha_w
            own_bottom = max(own_total + alpha_0 - own_top, MIN_PRIOR)
            other_bottom = max(other_total + alpha_0 - other_top, MIN_PRIOR)
            if own_top * other_bottom <= other_top * own_bottom:
                continue
            delta = math.log(own_top / own_bottom) - math.log(other_top / other_bottom)
            if delta > 0:
                ranked.append((-(delta / math.sqrt(1 / own_top + 1 / other_top)), term, kind, delta, y_i, y_j))
    ranked.sort()
    return tuple(DistinctiveTerm(term, kind, delta, -neg_z, y_i, y_j)
                 for neg_z, term, kind, delta, y_i, y_j in ranked[: max(top, 0)])


VOCABULARY = list("abcdefgh") + ["ß", "ss", "war", "peace"]
word_maps = st.dictionaries(st.sampled_from(VOCABULARY), st.integers(1, 4), max_size=12)
phrase_maps = st.dictionaries(
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(VOCABULARY)).map(" ".join), st.integers(1, 4), max_size=12
)


@st.composite
def word_counts(draw: st.DrawFn, floor: int = 0) -> WordCounts:
    words, phrases = draw(word_maps), draw(phrase_maps)
    extra = draw(st.integers(0, 3))  # totals may exceed the listed counts, as the corpus prior's do
    return WordCounts(MappingProxyType(words), MappingProxyType(phrases),
                      sum(words.values()) + extra, sum(phrases.values()) + extra, floor)


@settings(max_examples=400, deadline=None)
@given(word_counts(), word_counts(), st.integers(0, 1).flatmap(lambda floor: word_counts(floor)),
       st.integers(-1, 20), st.sampled_from([0.5, 2.0, 10.0, 1000.0]))
def test_distinctive_terms_match_scoring_every_term(own: WordCounts, others: WordCounts, prior: WordCounts,
                                                     top: int, alpha_0: float) -> None:
    expected = plain_distinctive(own, others, prior, top, alpha_0)
    assert distinctive_terms(own, others, prior, top, alpha_0) == expected
    words, phrases = Counter(own.words) + Counter(others.words), Counter(own.phrases) + Counter(others.phrases)
    total = WordCounts(MappingProxyType(words), MappingProxyType(phrases),
                       own.word_total + others.word_total, own.phrase_total + others.phrase_total)
    assert distinctive_in_total(own, total, prior, top, alpha_0) == expected


def test_ties_at_the_cut_are_ranked_by_term() -> None:
    # twenty words with the same counts tie on z: the top five are the first five by name
    own = WordCounts(MappingProxyType({f"w{i:02}": 1 for i in range(20)}), MappingProxyType({}), 20, 0)
    others = WordCounts(MappingProxyType({"x": 5}), MappingProxyType({}), 5, 0)
    prior = WordCounts(MappingProxyType({}), MappingProxyType({}), 100, 0, floor=1)
    terms = distinctive_terms(own, others, prior, top=5)
    assert [t.term for t in terms] == ["w00", "w01", "w02", "w03", "w04"]
    assert terms == plain_distinctive(own, others, prior, 5, 1000.0)


def test_a_tie_at_the_cut_between_a_word_and_a_phrase_keeps_the_first_by_term() -> None:
    # a word and a phrase with the same counts score alike; scored together, the phrase's counts come
    # first, but the word sorts first by term: the cut must take in every equal score before ranking
    own = WordCounts(MappingProxyType({"a": 1}), MappingProxyType({"b c": 1}), 2, 2)
    others = WordCounts(MappingProxyType({"x": 2}), MappingProxyType({"x y": 2}), 2, 2)
    prior = WordCounts(MappingProxyType({}), MappingProxyType({}), 50, 50, floor=1)
    terms = distinctive_terms(own, others, prior, top=1)
    assert [(t.term, t.kind) for t in terms] == [("a", "word")]
    assert terms == plain_distinctive(own, others, prior, 1, 1000.0)


def test_ties_between_words_and_phrases_are_ranked_by_term() -> None:
    # words and phrases with the same counts and totals score exactly alike: the phrase "a b"
    # sorts before the words, though phrases are scored after words
    own = WordCounts(MappingProxyType({"b": 1, "c": 1}), MappingProxyType({"a b": 1}), 2, 2)
    others = WordCounts(MappingProxyType({"x": 2}), MappingProxyType({"x y": 2}), 2, 2)
    prior = WordCounts(MappingProxyType({}), MappingProxyType({}), 50, 50, floor=1)
    terms = distinctive_terms(own, others, prior, top=1)
    assert [(t.term, t.kind) for t in terms] == [("a b", "phrase")]
    assert terms == plain_distinctive(own, others, prior, 1, 1000.0)


# --- shared passages -----------------------------------------------------------------------------

def plain_seed_pairs(norm_lists: list[list[str]], shingle: int,
                     max_postings: int) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """Compare every shingle of every article pair; skip shingles occurring more than `max_postings` times."""
    grams = [[tuple(norms[i : i + shingle]) for i in range(len(norms) - shingle + 1)] for norms in norm_lists]
    occurrences = Counter(gram for article in grams for gram in article)
    seeds: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for a, b in combinations(range(len(grams)), 2):
        for i, gram in enumerate(grams[a]):
            for j, other in enumerate(grams[b]):
                if gram == other and occurrences[gram] <= max_postings:
                    seeds[(a, b)].add((i, j))
    return dict(seeds)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["x", "y", "z", "ß", "ss"]), max_size=30), max_size=5),
       st.integers(1, 4), st.integers(2, 12))
def test_seed_pairs_match_comparing_every_shingle(norm_lists: list[list[str]], shingle: int,
                                                  max_postings: int) -> None:
    assert dict(_seed_pairs(norm_lists, shingle, max_postings)) == plain_seed_pairs(norm_lists, shingle, max_postings)


# --- furniture (what distinctive words leave out) --------------------------------------------------

FURNITURE_PIECES = [
    "By ", "BY ", "By", "Ann Lee", "ANN LEE", "xAnn Lee", "Ann Leex", "_Ann Lee", "Photo:", "Photos by ", "Reporting by ",
    "Editing by", "Source", "File photo:", "(Getty Images)", "(AP)", "PORTVILLE —", "Harbor Times", "the Times",
    "\n", "\n\n", ". ", "! ", " ", "Mill", "mill", "é", "ß", "ẞ", "İ", ":", "by", "—", "Ann Lee Ann Lee",
]
furniture_texts = st.lists(st.sampled_from(FURNITURE_PIECES), max_size=30).map("".join)


def plain_furniture_pieces(article: Article, text: str) -> list[str]:
    """Every byline, credit and known name, each pattern run over the whole text, a pattern made per name."""
    pieces = [m.group(0) for m in _BYLINE.finditer(text)] + [m.group(0) for m in _CREDIT_LINE.finditer(text)]
    for known in (article.author, article.dateline):
        if known:
            pieces.extend(m.group(0) for m in re.finditer(r"(?<!\w)" + re.escape(known) + r"(?!\w)", text))
    return pieces


@settings(max_examples=400, deadline=None)
@given(furniture_texts, st.sampled_from(["Ann Lee", "Lee", "ANN LEE", "é", "", "Ann Lee Ann", ":"]),
       st.sampled_from(["PORTVILLE", "Mill", ""]))
@example("Ann Lee Ann Lee Ann Lee", "Ann Lee Ann", "")
def test_furniture_counts_match_running_every_pattern(text: str, author: str, dateline: str) -> None:
    # the byline and credit patterns run only on texts that hold their opening words, and known names are
    # found by substring search: the counts must be those of running every pattern everywhere
    harbor = Outlet("harbor-times", "The Harbor Times", "US", "Private", None, "All rights reserved")
    made = replace(article("a", "harbor-times", "2022-01-01"), author=author or None, dateline=dateline or None)
    names = name_pattern((harbor,))
    expected_words, expected_phrases = Counter(), Counter()
    for piece in names.occurrences(text) + [m.group(0) for p in text.split("\n\n", 3)[1:3] if (m := _DATELINE.match(p))] \
            + plain_furniture_pieces(made, text) + [m.group(0) for m in _CREDIT_PARENTHESIS.finditer(text)]:
        piece_words, piece_phrases = term_occurrences(piece)
        expected_words.update(piece_words)
        expected_phrases.update(piece_phrases)
    assert furniture_counts(made, text, names) == (expected_words, expected_phrases)


TERM_WORDS = ["said", "times", "news", "u.s", "u.n", "a.b.c", "x.", ".", "3.5", "iran", "fox", "budget", "", "mr"]
terms_of_counts = st.lists(st.sampled_from(TERM_WORDS), min_size=1, max_size=3).map(" ".join) | st.sampled_from(
    ["times\nnews", "u.s\nbudget", "iran\n", "u.s\n", "a b"])


def plain_without_furniture(counts: dict[str, int], furniture: dict[str, int], terms: frozenset[str]) -> Counter[str]:
    """Term by term: less the furniture, then left out if `excluded` says so or nothing is left."""
    kept: Counter[str] = Counter()
    for term, count in counts.items():
        count -= furniture.get(term, 0)
        if (term in furniture and count <= 0) or excluded(term, terms):
            continue
        kept[term] = count
    return kept


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(terms_of_counts, st.integers(1, 5), max_size=12),
       st.dictionaries(terms_of_counts, st.integers(0, 5), max_size=6),
       st.frozensets(st.sampled_from(["said", "times", "news", "fox", "mr", "a"]), max_size=4))
@example({"u.s": 2, "iran": 1, "said": 4}, {"iran": 1}, frozenset({"said"}))
@example({"u.s\n": 1, "iran": 2}, {}, frozenset())  # a line break in a term: `_DOTTED` still matches it
@example({"fox news": 1, "u.s budget": 2, "iran talks": 3, "times\nnews": 1, "x. u.n": 1}, {"iran talks": 2}, frozenset({"news"}))
def test_without_furniture_matches_a_term_by_term_loop(counts: dict[str, int], furniture: dict[str, int],
                                                      terms: frozenset[str]) -> None:
    kept = without_furniture(MappingProxyType(counts), furniture, terms)
    expected = plain_without_furniture(counts, furniture, terms)
    assert list(kept.items()) == list(expected.items())
