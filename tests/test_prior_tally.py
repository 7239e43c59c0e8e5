"""The prior tally, brought up to date edit by edit, must give exactly the weights of a full count."""

from __future__ import annotations

import pickle
from dataclasses import replace
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.compare.distinctive import MIN_PRIOR, PriorWeights, coarse, corpus_word_counts, prior_weights

from generator.analysis.terms import term_occurrences
from generator.compare.prior import KEEP_ALL_BELOW, PriorTally, Vocabulary, threshold, tally, updated
from tests.compare_builders import analysis, article_text


def analysis_of(text: str):
    made = analysis("x", article_text("Report", text))
    words, phrases = term_occurrences(made.text.text)
    return replace(made, terms="\n".join(words), phrases="\n".join(phrases))


def test_threshold_is_the_least_count_weighted_above_a_missing_term():
    assert threshold(0) == 0
    assert threshold(500) == 2, "in a small corpus every term used twice weighs more than one used once"
    total = 3_500_000
    least = threshold(total)
    scale = 1000.0 / coarse(total)
    assert coarse(least) * scale > MIN_PRIOR >= coarse(least - 1) * scale
    assert 30 <= least <= 40


def test_a_large_corpus_keeps_only_the_terms_half_as_frequent_as_the_threshold():
    # 200 articles of 10,000 common words each, and in article i a word used i times
    articles = [analysis_of("alpha beta " * 5000 + f"mid{i} " * i) for i in range(200)]
    made = tally(articles)
    least = threshold(made.words.total)
    assert least >= 16, "the corpus must be large enough for a threshold well above 2"
    assert made.words.bound == least // 2
    kept = {int(term[3:]) for term in made.words.counts if term.startswith("mid")}
    assert kept == set(range(least // 2, 200))
    assert prior_weights(made.prior()) == prior_weights(corpus_word_counts(articles))


WORDS = st.sampled_from(["fire", "harbour", "boats", "officials", "said", "rockets", "regime", "22", "night", "source"])
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXTS, min_size=2, max_size=8), st.lists(st.tuples(st.integers(0, 7), TEXTS), min_size=1, max_size=6),
       st.sampled_from([1000.0, 0.5, 0.02]))
def test_an_updated_tally_gives_the_weights_of_a_full_count(texts: list[str], edits: list[tuple[int, str]], alpha_0: float) -> None:
    """The oracle: after every edit, the weights of the updated tally (when it claims to be exact) equal a
    full count's. A small alpha_0 puts the threshold of a small corpus far above 2, as 10,000 articles do."""
    articles = [analysis_of(text) for text in texts]
    current = tally(articles, alpha_0)
    for position, text in edits:
        index = position % len(articles)
        old, new = articles[index], analysis_of(text)
        articles[index] = new
        brought = updated(current, [old], [new], alpha_0)
        full = prior_weights(corpus_word_counts(articles), alpha_0)
        recounted = tally(articles, alpha_0)
        assert prior_weights(recounted.prior(), alpha_0) == full, "a fresh tally loses no weight"
        if brought is not None:
            assert prior_weights(brought.prior(), alpha_0) == full
            assert brought.words.total == recounted.words.total and brought.phrases.total == recounted.phrases.total
            for kept, counted in ((brought.words, recounted.words), (brought.phrases, recounted.phrases)):
                if kept.bound == counted.bound == 1:  # every term kept: the same counts, the same terms used once
                    assert dict(kept.counts) == dict(counted.counts)
                    assert sorted(kept.once.split("\n")) == sorted(counted.once.split("\n"))
        current = brought or recounted


def test_an_update_that_could_lift_an_unlisted_term_past_the_threshold_asks_for_a_recount():
    base = [analysis_of("fire harbour boats " * 20)] * 10
    earlier = tally(base, 0.05)  # a small alpha_0: a threshold well above KEEP_ALL_BELOW, as in a large corpus
    least = threshold(earlier.words.total, 0.05)
    assert least >= KEEP_ALL_BELOW and earlier.words.bound == least // 2
    assert updated(earlier, [], [analysis_of("rockets " * least)], 0.05) is None, "'rockets' may now be used often: its count is unknown"
    assert updated(earlier, [], [analysis_of("rockets rockets")], 0.05) is not None, "used twice, it stays far below the threshold"
    assert updated(earlier, [base[0]], [analysis_of("fire harbour boats")], 0.05) is not None


def test_a_vocabulary_with_a_low_threshold_keeps_every_term_so_an_update_is_always_exact():
    base = [analysis_of("fire harbour boats")] * 3
    earlier = tally(base)
    assert threshold(earlier.words.total) < KEEP_ALL_BELOW and earlier.words.bound == 1
    articles = [base[0], base[1], analysis_of("rockets rockets harbour")]
    brought = updated(earlier, [base[2]], [articles[2]])
    assert brought is not None, "every term's count is known: no recount"
    assert brought.words.bound == 1 and brought.words.counts["rockets"] == 2
    assert prior_weights(brought.prior()) == prior_weights(corpus_word_counts(articles))


TERMS = st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TERMS, st.integers(1, 2**62)), st.dictionaries(TERMS, st.floats(allow_nan=False)),
       st.dictionaries(TERMS, st.floats(allow_nan=False)))
def test_a_prior_comes_back_from_the_cache_with_every_term_and_number(counts: dict[str, int], words: dict[str, float],
                                                                         phrases: dict[str, float]) -> None:
    """The store pickles the prior packed (terms joined by newlines, numbers in one array): nothing may change."""
    vocabulary = Vocabulary(MappingProxyType(counts), sum(counts.values()), 2)
    weights = PriorWeights(MappingProxyType(words), MappingProxyType(phrases), 0.5, 0.25)
    for value in (vocabulary, weights, PriorTally(vocabulary, vocabulary)):
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == value and type(back) is type(value)
    back_weights = pickle.loads(pickle.dumps(weights))
    assert list(back_weights.words.items()) == list(words.items()), "every weight, bit for bit, in order"
    assert back_weights.fingerprint() == weights.fingerprint()
