"""The text layer: sentences, words and the shared word lists."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.terms import STOP_WORDS as TERM_STOP_WORDS
from generator.analysis.results import ArticleText, Block
from generator.analysis.text import wordlists
from generator.analysis.text.sentences import article_sentences, ends_with_abbreviation, sentence_bounds
from generator.analysis.text.tokens import at_word_boundary, count_spoken_words, count_words


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_bounds(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        ("U.S. Secretary of State Mike Pompeo spoke. Iran replied.", ["U.S. Secretary of State Mike Pompeo spoke.", "Iran replied."]),
        ("Mr. Brady said no. Sen. Cruz agreed.", ["Mr. Brady said no.", "Sen. Cruz agreed."]),
        ("It began at 7 a.m. Monday and ended.", ["It began at 7 a.m. Monday and ended."]),
        ("It was No. 2 on the list. On Jan. 5 it fell.", ["It was No. 2 on the list.", "On Jan. 5 it fell."]),
        ("He said “No.” Then he left.", ["He said “No.”", "Then he left."]),
        ("Why?! “Because,” she said.", ["Why?!", "“Because,” she said."]),
        ("It rose (to 5.) 12 fell.", ["It rose (to 5.)", "12 fell."]),
        ("Not an end.a lower case follows. not split", ["Not an end.a lower case follows. not split"]),
        ("Stop!!! Go on", ["Stop!!!", "Go on"]),
        ("", []),
    ],
)
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab .!?”“\n1Mr", max_size=60))
def test_sentences_cover_the_text_in_order_without_white_space_at_their_ends(text: str) -> None:
    bounds = sentence_bounds(text, 0, len(text))
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(bounds, bounds[1:]))
    assert all(start < end and not text[start].isspace() for start, end in bounds)
    covered = "".join(text[start:end] for start, end in bounds)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text.lstrip())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Sept", "Capt", "Mrs", "Mr", "Sen", "U", "S", "a", "m", "police", "xSept", ".", " ", "_", "9", "é", "\n"]),
                max_size=8).map("".join), st.integers(0, 30))
def test_a_full_stop_ends_an_abbreviation_by_the_word_before_it(text: str, start: int) -> None:
    """The word before a full stop, read back over ASCII letters and full stops (at most 12 characters, not
    before `start`) and not part of a longer word, closes an abbreviation when its part after its last full
    stop is one letter or one of ABBREVIATIONS. Long words are told apart without reading them back: the
    answer is the same."""
    stop = len(text)
    text += ". Next"
    start = min(start, stop)
    floor = max(start, stop - 12)
    first = floor + re.search(r"[A-Za-z.]*\Z", text[floor:stop]).start()
    part_of_longer_word = first > start and (text[first - 1].isalnum() or text[first - 1] == "_")
    last = text[first:stop].rsplit(".", 1)[-1]
    expected = not part_of_longer_word and (len(last) == 1 or last in wordlists.ABBREVIATIONS)
    assert ends_with_abbreviation(text, start, stop) == expected


def test_article_sentences_never_cross_a_block() -> None:
    text = "Headline\n\nFirst paragraph ends without a stop\n\nSecond one. Two sentences."
    first, second = text.index("First"), text.index("Second")
    blocks = (Block("headline", 0, 8), Block("paragraph", first, second - 2), Block("paragraph", second, len(text)))
    sentences = article_sentences(ArticleText(text, 8, blocks))
    assert [text[s:e] for s, e in sentences.bounds] == [
        "Headline", "First paragraph ends without a stop", "Second one.", "Two sentences."]
    assert sentences.index(text.index("Two")) == 3 and sentences.index(0) == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Iran-backed militias don't say U.S. troops left", 7),
        ("1,200 people in Zürich and São Paulo", 7),
        ("“Quoted,” he said — twice.", 4),
        ("under_score is two", 4),
        ("", 0),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_spoken_words_leave_out_an_editors_insertions() -> None:
    assert count_spoken_words("The liar [Mike Pompeo] spoke") == 3
    assert count_spoken_words("[a [b] c] d") == 3  # only the innermost brackets are an insertion
    assert count_spoken_words("[" * 10) == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_ é-’'.,\n", max_size=30), st.integers(0, 40))
def test_word_boundary_is_the_one_re_tests(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    assert at_word_boundary(text, offset) == bool(re.compile(r"\b").match(text, offset))


def test_word_lists_are_lower_case_and_consistent() -> None:
    for name in ("SPEECH_VERBS", "ROLE_WORDS", "HONORIFICS", "PERSON_TITLES", "STOP_WORDS", "WEEKDAYS", "MONTHS"):
        words = getattr(wordlists, name)
        assert all(word == word.lower() for word in words), name
    assert len(set(wordlists.SPEECH_VERBS)) == len(wordlists.SPEECH_VERBS)
    assert wordlists.SPEECH_PARTICIPLES <= set(wordlists.SPEECH_VERBS)
    assert set(wordlists.INVERTED_SPEECH_VERBS) <= set(wordlists.SPEECH_VERBS)
    assert set(wordlists.PERSONAL_SPEECH_VERBS) <= set(wordlists.SPEECH_VERBS) - wordlists.SPEECH_PARTICIPLES
    assert wordlists.PERSON_TITLES & wordlists.HONORIFICS <= wordlists.HONORIFICS
    assert wordlists.STOP_WORDS is TERM_STOP_WORDS  # one list of function words, shared by the comparison's terms


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZ9_ é’'.,-\n1", max_size=40))
def test_possessive_word_patterns_match_what_the_plain_ones_match(text: str) -> None:
    """WORD and the terms' word pattern are written with possessive quantifiers, which give up backtracking;
    they must find exactly the words the plain quantifiers find."""
    from generator.analysis.terms import _WORD as TERM_WORD
    from generator.analysis.text.tokens import WORD

    for pattern in (WORD, TERM_WORD):
        plain = re.compile(pattern.pattern.replace("++", "+").replace(")*+", ")*"))
        assert plain.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_speech_and_attributing_words_start_and_end_with_a_letter() -> None:
    """SpeechVerbs tests a found word's boundaries by the characters just outside it, which is `re`'s \\b
    only if the word's own first and last characters are word characters."""
    from generator.analysis.quotations.verbs import SENTENCE_INITIAL_VERBS

    for word in (*wordlists.SPEECH_VERBS, *wordlists.ATTRIBUTING_WORDS, *SENTENCE_INITIAL_VERBS):
        assert word[0].isalpha() and word[-1].isalpha(), word
