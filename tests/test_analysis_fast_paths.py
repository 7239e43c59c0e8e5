"""Fast paths in the per-article analysis, held to the plain versions they replace.

Each test draws odd texts (Unicode, apostrophes of both kinds, hyphens, digits,
newlines, empty strings) and compares the quick answer with the obvious one, so
a shortcut that diverges on some input fails here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis import quotations, readability

PIECES = [
    "a", "Iran", "said", "U.S.", "don't", "Iran's", "Iran’s", "boys'", "'s", "’s", "'", "’", "-", "co-op", "7", "1,200",
    "é", "İ", "ǅ", "😀", "_", ".", ",", "!", "?", "“", "”", '"', " ", "  ", "\n", "\t", "\u00a0", "\u0301",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40)
SETTINGS = settings(max_examples=400, deadline=None)


@SETTINGS
@given(texts)
def test_strip_possessive_equals_the_pattern(token: str) -> None:
    assert quotations._strip_possessive(token) == quotations._POSSESSIVE_END.sub("", token)


@SETTINGS
@given(texts)
def test_more_than_two_words_equals_removing_punctuation(sentence: str) -> None:
    assert readability._more_than_two_words(sentence) == (len(readability._remove_punctuation(sentence).split()) > 2)
