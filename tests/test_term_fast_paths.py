"""Shortcuts of term counting give what the plain computation gives (speed round 4)."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.terms import STOP_WORDS, term_lists, term_occurrences
from tests.test_compare_fast_paths import plain_tokens

PIECES = ["The", "the", "of", "Iran", "Iran’s", "U.S.", "22,000", "rockets", "state-run", "ß", "Straße", "_", "a_b",
          " ", "  ", "\u00a0", "\n", "\n\n", " \n ", "\t", ",", ".", "—", "’", "'", "'s", "s", "A", "é", "\u0345"]
term_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


def plain_occurrences(text: str) -> tuple[list[str], list[str]]:
    """Word by word: content words in text order, and each two neighbouring content words whose gap is white
    space with at most one line break."""
    tokens = plain_tokens(text)
    words = [norm for norm, _, _ in tokens if norm not in STOP_WORDS]
    phrases = []
    for (first, _, end), (second, start, _) in zip(tokens, tokens[1:]):
        gap = text[end:start]
        if first not in STOP_WORDS and second not in STOP_WORDS and gap.isspace() and gap.count("\n") < 2:
            phrases.append(f"{first} {second}")
    return words, phrases


@settings(max_examples=500, deadline=None)
@given(term_texts)
@example("")
@example("border wall")
@example("The border wall, U.S. troops\nat Iran’s border\n\nwall")
def test_term_occurrences_match_a_word_by_word_walk(text: str) -> None:
    """The phrase test on 0/1 columns read as numbers finds the phrases a pair-by-pair walk finds, in text order
    (where folding changes the text's length, the fold-word-by-word path gives the same terms, counted)."""
    words, phrases = term_occurrences(text)
    expected_words, expected_phrases = plain_occurrences(text)
    if len(text.casefold()) == len(text):
        assert (words, phrases) == (expected_words, expected_phrases)
    else:
        assert (Counter(words), Counter(phrases)) == (Counter(expected_words), Counter(expected_phrases))
    assert term_lists(text) == ("\n".join(words), "\n".join(phrases))
