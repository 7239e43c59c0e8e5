"""Fightin' Words (Monroe, Colaresi & Quinn 2008): hand-computed cases, tokenisation, the seed event."""

from __future__ import annotations

import math
from dataclasses import replace
from types import MappingProxyType

import pytest
from tests.compare_builders import MEHR_EMBASSY, seed_body
from tests.compare_seed_event import AFP_1, MEHR_1, MEHR_2, seed_event

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.terms import _term_counts_of_tokens, STOP_WORDS, term_counts, term_occurrences, word_tokens

from generator.compare.distinctive import WordCounts, changed_weights, coarse, corpus_word_counts, counts_of_analyses, distinctive_in_total, prior_weights, counts_of_texts, distinctive_terms, log_odds_z


def test_symmetric_hand_computed_case():
    # Group i: a=3, b=1 (n_i = 4). Group j: a=1, b=3 (n_j = 4).
    # Prior counts a=1, b=1 (total 2), alpha_0 = 2, so alpha_a = 2 * 1/2 = 1 = alpha_b.
    # a: omega_i = (3+1)/(4+2-3-1) = 4/2 = 2;  omega_j = (1+1)/(4+2-1-1) = 2/4 = 0.5
    #    delta = ln 2 - ln 0.5 = 2 ln 2 = 1.386294
    #    var = 1/(3+1) + 1/(1+1) = 0.25 + 0.5 = 0.75;  z = 1.386294 / sqrt(0.75) = 1.600755
    # b: the mirror image, delta = -1.386294, z = -1.600755
    results = {r.term: r for r in log_odds_z({"a": 3, "b": 1}, 4, {"a": 1, "b": 3}, 4,
                                             {"a": 1, "b": 1}, 2, alpha_0=2)}
    assert results["a"].delta == pytest.approx(2 * math.log(2))
    assert results["a"].variance == pytest.approx(0.75)
    assert results["a"].z == pytest.approx(1.600755, abs=1e-6)
    assert results["b"].z == pytest.approx(-1.600755, abs=1e-6)


def test_informative_prior_hand_computed_case():
    # Prior: war=2, peace=8 (total 10); alpha_0 = 10 -> alpha_war = 2, alpha_peace = 8.
    # Group i: war=5, peace=5 (n_i = 10). Group j: war=1, peace=9 (n_j = 10).
    # war:   omega_i = (5+2)/(10+10-5-2) = 7/13;  omega_j = (1+2)/(10+10-1-2) = 3/17
    #        delta = ln(7/13) - ln(3/17) = ln(119/39) = 1.115562
    #        var = 1/7 + 1/3 = 0.476190;  z = 1.115562 / 0.690066 = 1.616603
    # peace: omega_i = (5+8)/(20-5-8) = 13/7;  omega_j = (9+8)/(20-9-8) = 17/3
    #        delta = ln(39/119) = -1.115562;  var = 1/13 + 1/17 = 0.135747;  z = -3.027814
    # The stronger prior on "peace" shrinks its variance, so the same |delta| gives a larger |z|.
    results = {r.term: r for r in log_odds_z({"war": 5, "peace": 5}, 10, {"war": 1, "peace": 9}, 10,
                                             {"war": 2, "peace": 8}, 10, alpha_0=10)}
    assert results["war"].delta == pytest.approx(1.115562, abs=1e-6)
    assert results["war"].variance == pytest.approx(0.476190, abs=1e-6)
    assert results["war"].z == pytest.approx(1.616603, abs=1e-6)
    assert results["peace"].delta == pytest.approx(-1.115562, abs=1e-6)
    assert results["peace"].z == pytest.approx(-3.027814, abs=1e-6)


def test_cost_follows_the_event_vocabulary_not_the_prior():
    prior = {f"word{i}": 1 for i in range(20_000)} | {"a": 5, "b": 5}
    results = log_odds_z({"a": 2}, 2, {"b": 2}, 2, prior, sum(prior.values()))
    assert [r.term for r in results] == ["a", "b"]


def test_word_missing_from_prior_gets_a_finite_score():
    (result,) = log_odds_z({"new": 3}, 3, {}, 5, {"old": 4}, 4, alpha_0=10)
    assert math.isfinite(result.z) and result.z > 0


def test_tokens_are_case_folded_with_offsets():
    text = "Iran’s Foreign Minister said 5,000 TROOPS stay."
    tokens = word_tokens(text)
    assert [t.norm for t in tokens] == ["iran", "foreign", "minister", "said", "5,000", "troops", "stay"]
    assert all(text[t.start : t.end].casefold().replace("’", "'").startswith(t.norm) for t in tokens)


def test_stop_words_dropped_numbers_and_names_kept_phrases_break_at_punctuation():
    words, phrases = term_counts("The Kataib Hezbollah fired 22 rockets at the embassy, and Pompeo said.")
    assert "the" not in words and "at" not in words and "and" not in words
    assert words["22"] == 1 and words["pompeo"] == 1 and words["kataib"] == 1
    assert phrases["kataib hezbollah"] == 1 and phrases["22 rockets"] == 1
    assert "embassy pompeo" not in phrases  # comma and "and" between them
    assert "rockets embassy" not in phrases  # a stop word between them
    assert STOP_WORDS.isdisjoint(w for p in phrases for w in p.split())


def test_counts_pool_texts_and_keep_totals():
    counts = counts_of_texts(["rockets hit", "rockets fired"])
    assert counts.words == {"fired": 1, "hit": 1, "rockets": 2}
    assert counts.word_total == 4 and counts.phrase_total == 2
    with pytest.raises(TypeError):
        counts.words["new"] = 1  # read-only


def test_seed_tokenisation_keeps_names_and_numbers():
    words, phrases = term_counts(seed_body(MEHR_EMBASSY))
    assert words["khatibzadeh"] == seed_body(MEHR_EMBASSY).count("Khatibzadeh") == 4
    assert words["pompeo"] >= 4
    assert phrases["iran-backed militias"] == 2
    assert phrases["eight rockets"] == 1


def test_distinctive_terms_on_the_seed_event():
    seed = seed_event()
    mehr = counts_of_texts(seed.analyses[s].text.text for s in (MEHR_1, MEHR_2))
    afp = counts_of_texts([seed.analyses[AFP_1].text.text])
    prior = corpus_word_counts(seed.analyses)
    assert prior.word_total == coarse(mehr.word_total + afp.word_total)
    mehr_terms = distinctive_terms(mehr, afp, prior, top=15)
    afp_terms = distinctive_terms(afp, mehr, prior, top=15)
    assert len(mehr_terms) == 15
    assert [t.z for t in mehr_terms] == sorted((t.z for t in mehr_terms), reverse=True)
    assert all(t.z > 0 and t.count > 0 for t in mehr_terms + afp_terms)
    assert "pompeo" in {t.term for t in mehr_terms}
    assert {"kataib", "iran-linked"} <= {t.term for t in afp_terms}
    assert not {t.term for t in mehr_terms} & {t.term for t in afp_terms}


def test_two_groups_mirror_each_other():
    prior = counts_of_texts(["war peace war talks", "peace peace talks"])
    a, b = counts_of_texts(["war war talks"]), counts_of_texts(["peace peace talks"])
    a_vs_b = {r.term: r.z for r in log_odds_z(a.words, a.word_total, b.words, b.word_total,
                                              prior.words, prior.word_total)}
    b_vs_a = {r.term: r.z for r in log_odds_z(b.words, b.word_total, a.words, a.word_total,
                                              prior.words, prior.word_total)}
    assert all(a_vs_b[t] == pytest.approx(-b_vs_a[t]) for t in a_vs_b)


def test_corpus_counts_accept_mapping_or_iterable():
    seed = seed_event()
    assert corpus_word_counts(seed.analyses) == corpus_word_counts(list(seed.analyses.values()))
    assert isinstance(corpus_word_counts([]), WordCounts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["he", "He’s", "it's", "the", "U.S.", "22,000", "Straße", "rockets", "regime",
                                 "Iran-backed", " ", "  ", "\u00a0", "\n", ",", ".", "—", "’", "'", "s", "A"]), max_size=40))
def test_counting_by_runs_of_words_equals_counting_token_by_token(parts: list[str]) -> None:
    """The fast path (runs of words separated by white space) counts exactly what the token walk counts."""
    text = "".join(parts)
    assert term_counts(text) == _term_counts_of_tokens(text)


def test_coarse_keeps_five_significant_binary_digits():
    assert [coarse(n) for n in (0, 1, 31, 32, 33, 34, 63)] == [0, 1, 31, 32, 34, 34, 64]
    assert coarse(1000) == 992 and coarse(3_500_000) == 3_538_944  # steps of 32 and of 131,072
    for n in range(1, 5000):
        assert abs(coarse(n) - n) <= n / 32
        assert coarse(coarse(n)) == coarse(n)


def test_prior_weights_list_only_the_terms_above_the_missing_weight():
    tiny = WordCounts({"war": 3, "peace": 2}, {}, 5, 0, floor=1)
    weights = prior_weights(tiny, alpha_0=1000.0)
    assert weights.missing_word == 200.0  # a count of 1 in 5 words, times 1,000
    assert dict(weights.words) == {"war": 600.0, "peace": 400.0}
    large = WordCounts({"said": 40_000, "rare": 3}, {}, 4_000_000, 0, floor=1)
    weights = prior_weights(large, alpha_0=1000.0)
    assert weights.missing_word == 0.01 and dict(weights.words) == {"said": 10.0}, "a rare term sits at the floor, unlisted"
    assert weights.fingerprint() == prior_weights(large, alpha_0=1000.0).fingerprint() != prior_weights(tiny).fingerprint()


def analysis_of_text(text: str, stored_terms: bool = True):
    """An analysis of `text` with its term lists stored, as the build makes them (or without, as an old cache held them)."""
    from dataclasses import replace

    from tests.compare_builders import analysis, article_text

    made = analysis("x", article_text("Report", text))
    return replace(made, terms="\n".join(term_occurrences(made.text.text)[0]), phrases="\n".join(term_occurrences(made.text.text)[1])) if stored_terms else made


_TEXTS = st.lists(st.text(alphabet="ab cdef", min_size=1, max_size=40), min_size=2, max_size=6)


@settings(max_examples=150, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=5), st.text(alphabet="abg h", max_size=12), st.integers(min_value=1, max_value=3), st.booleans())
def test_an_event_using_no_changed_term_scores_exactly_as_before(texts: list[str], edited: int, extra: str, size: int, stored: bool) -> None:
    """The oracle for reusing distinctive words across builds: compute every event's words under the
    prior before and after one article's edit; wherever `changed_weights` says the event uses no
    changed term, the words must be identical."""
    before = [analysis_of_text(text, stored) for text in texts]
    after = list(before)
    after[edited % len(texts)] = analysis_of_text(texts[edited % len(texts)] + " " + extra, stored)
    old_prior, new_prior = corpus_word_counts(before), corpus_word_counts(after)
    changed = changed_weights(prior_weights(old_prior), prior_weights(new_prior))
    events = [after[start : start + size + 1] for start in range(0, len(after), size + 1)]
    for event in events:
        if len(event) < 2 or any(a is after[edited % len(texts)] for a in event):
            continue
        if changed is None or changed.used_by(event):
            continue
        parts = [counts_of_analyses([a]) for a in event]
        everything = counts_of_analyses(event)
        for own in parts:
            assert distinctive_in_total(own, everything, old_prior) == distinctive_in_total(own, everything, new_prior)


def test_changed_weights_name_the_terms_an_edit_moved():
    base = [analysis_of_text("war war peace talks " * 20), analysis_of_text("ceasefire talks " * 20)]
    edited = [base[0], analysis_of_text("ceasefire talks " * 20 + "ceasefire")]
    old, new = corpus_word_counts(base), corpus_word_counts(edited)
    assert old.word_total == new.word_total, "the edit must leave the coarse total as it was"
    changed = changed_weights(prior_weights(old), prior_weights(new))
    assert changed is not None and changed.words == {"ceasefire"} and changed.phrases == {"talks ceasefire"}
    assert changed.used_by([edited[1]]) and not changed.used_by([base[0]])
    grown = [base[0], analysis_of_text("ceasefire talks " * 40)]
    assert changed_weights(prior_weights(old), prior_weights(corpus_word_counts(grown))) is None, "a new total moves every weight"


def test_the_prior_fingerprint_changes_with_any_weight_and_not_with_order():
    weights = prior_weights(WordCounts({"war": 3, "peace": 2}, {"peace talks": 2}, 5, 2, floor=1))
    same, reordered = (replace(weights, words=MappingProxyType(dict(items))) for items in
                       (weights.words.items(), reversed(weights.words.items())))
    assert weights.fingerprint() == same.fingerprint() == reordered.fingerprint()
    nudged = replace(weights, words=MappingProxyType({**weights.words, "war": math.nextafter(weights.words["war"], math.inf)}))
    moved = replace(weights, words=MappingProxyType({**weights.words, "peace talks": weights.phrases["peace talks"]}),
                    phrases=MappingProxyType({}))
    renamed = replace(weights, words=MappingProxyType({"war ": weights.words["war"], "peace": weights.words["peace"]}))
    assert len({weights.fingerprint(), nudged.fingerprint(), moved.fingerprint(), renamed.fingerprint()}) == 4
