"""Shortcuts of the quotation step give what the plain computation gives (speed rounds, issue 15)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.quotations.name_shape import _AFTER_IN, LowerCaseWords, NameCheck
from generator.analysis.quotations.names import _NAMED_SPEAKER
from generator.analysis.quotations.marks import _HEADLINE_MARK, _MARK, _scan_block, holds_mark
from generator.analysis.quotations.uses import _more_words_than

MARK_FRAGMENTS = ["“", "”", '"', "‘", "’", "'", "''", "'''", "a", "Lee", " ", "\n", ",", ".", "(", "’s", "x'"]
mark_texts = st.lists(st.sampled_from(MARK_FRAGMENTS), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(mark_texts, st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_holds_mark_is_a_search_for_the_mark_pattern(text: str, start: int, end: int, headline: bool) -> None:
    """holds_mark's str.find per mark answers as the pattern's search over the same stretch, `''` cut at its end included."""
    pattern = _HEADLINE_MARK if headline else _MARK
    assert holds_mark(text, start, end, headline) == bool(pattern.search(text, start, end))


@settings(max_examples=300, deadline=None)
@given(mark_texts, st.booleans())
def test_a_block_without_marks_pairs_nothing(text: str, headline: bool) -> None:
    """raw_quotations passes over a block that holds no mark and continues no quotation: _scan_block would find
    nothing in it and carry nothing on."""
    if not holds_mark(text, 0, len(text), headline):
        assert _scan_block(text, 0, len(text), None, headline) == ([], None)


IN_FRAGMENTS = ["in", "In", "IN", "n", "i", " ", "  ", "\n", "Iowa", "Lee", "x", "_", "9", "-", "’", "'", "é", "É", "A", "win", "Inn"]
in_texts = st.lists(st.sampled_from(IN_FRAGMENTS), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(in_texts)
def test_places_pattern_finds_capitalised_words_after_the_word_in(text: str) -> None:
    """_AFTER_IN, written from its "n " on for speed, finds what `\\b[Ii]n ([A-Z]…)` finds."""
    assert _AFTER_IN.findall(text) == re.findall(r"\b[Ii]n ([A-Z][\w'’\-]+)", text)


SPEAKER_FRAGMENTS = ["Haddad", "Lee", "McCain", "O’Neil", "al-Sadr", "X" * 45, "said", "says", "also", "later", "told",
                     " ", "  ", "\n", "-", "’", "'", "_", "9", "é", "aB", ","]
speaker_texts = st.lists(st.sampled_from(SPEAKER_FRAGMENTS), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(speaker_texts)
def test_named_speaker_pattern_matches_as_with_plain_quantifiers(text: str) -> None:
    """The possessive quantifiers of _NAMED_SPEAKER find the names the plain ones find, at the same places."""
    plain = re.compile(_NAMED_SPEAKER.pattern.replace("{0,40}+", "{0,40}").replace("\\s++", "\\s+"))
    assert plain.pattern != _NAMED_SPEAKER.pattern
    assert [m.span("name") for m in _NAMED_SPEAKER.finditer(text)] == [m.span("name") for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Mr.", "senator", " ", "\n", "\u00a0", "\u2003", "\t", ".", "é"]), max_size=12).map("".join))
def test_the_last_token_before_a_run_is_the_one_split_gives(window: str) -> None:
    """people_named reads the token before a capitalised run with rsplit(None, 1): the last token split() gives,
    or none, whatever white space the window holds."""
    assert window.rsplit(None, 1)[-1:] == window.split()[-1:]


LOWER_FRAGMENTS = ["a", "b", "ab", "Ab", "x", "Lee", "lee", "’", "'", "-", "_", "9", "é", " ", "\n", ".", "ly", "said"]
lower_texts = st.lists(st.sampled_from(LOWER_FRAGMENTS), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(lower_texts, st.lists(st.sampled_from(LOWER_FRAGMENTS), min_size=1, max_size=4).map("".join))
def test_the_set_of_lower_case_words_answers_as_asking_one_word_at_a_time(text: str, word: str) -> None:
    """NameCheck reads the prose runs with the set of every lower-case word (`every()`), the speakers one word
    at a time (str.find per word): both must say the same of any word."""
    every = LowerCaseWords(text).every()
    asked = {word} | {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + 8) + 1)}
    assert {w for w in asked if w in LowerCaseWords(text)} == {w for w in asked if w in every}
    assert all(written in LowerCaseWords(text) for written in every)


def test_the_prose_runs_use_the_same_lower_case_words_as_the_speakers() -> None:
    """The set the prose runs read is that of `ordinary`, read once."""
    check = NameCheck("Journalist Ann Lee wrote it. The journalist and the ann-arbor team met Lee.")
    assert check._every_ordinary == check.ordinary.every()
    assert "journalist" in check._every_ordinary and "journalist" in check.ordinary
    assert "ann" not in check._every_ordinary and "ann" not in check.ordinary


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Lee", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", "—"]), max_size=16).map("".join),
       st.integers(0, 6))
def test_words_are_counted_only_as_far_as_asked(words: str, count: int) -> None:
    """_more_words_than splits a quotation only `count` words deep and answers as counting all its words."""
    assert _more_words_than(words, count) == (len(words.split()) > count)
