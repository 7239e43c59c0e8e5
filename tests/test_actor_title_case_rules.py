"""Which lines are in Title Case (`title_case_lines`), as examples and as properties on small random texts:
the lines whose capitals say nothing about names."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.terms import word_columns
from generator.analysis.text.titlecase import TitleCaseLines, lower_case_words, title_case_lines

PANEL = frozenset({"panel", "votes", "again", "today", "later", "subpoena"})


def _title_case(text: str, ordinary: frozenset[str] | None = None) -> list[str]:
    """The Title Case lines of `text`, as text, judged by `ordinary` (by default the words it writes in lower case)."""
    words = word_columns(text)
    lines = title_case_lines(text, words, lower_case_words(text, words) if ordinary is None else ordinary)
    return [text[start:end] for start, end in zip(lines.starts, lines.ends)]


@pytest.mark.parametrize(("text", "ordinary", "lines"), [
    ("Senate Panel Votes to Subpoena Maria Lopez\nThe panel votes to subpoena her.", None,
     ["Senate Panel Votes to Subpoena Maria Lopez"]),
    ("Hillary Clinton met Bernie Sanders in Iowa\nthe panel met", None, []),  # names are no ordinary words
    ("Senate Panel Votes\nthe panel votes\nSenate Panel Votes Again", PANEL, ["Senate Panel Votes", "Senate Panel Votes Again"]),
    ("the panel votes today again later\nSenate Panel Votes Again", PANEL, ["Senate Panel Votes Again"]),  # after prose
    ("The Panel Votes", PANEL, ["The Panel Votes"]),
    ("The Panel votes", PANEL, []),  # one capitalised ordinary word is not enough
    ("Panel Votes", PANEL, []),  # the line's first word is not counted
    ("Panel Votes Again", PANEL, ["Panel Votes Again"]),
    ("Senate. Panel Votes", PANEL, []),  # nor a sentence's first word,
    ("Senate “Panel” Votes", PANEL, []),  # nor a quotation's,
    ("Senate (Panel Votes", PANEL, []),  # nor a bracket's
    ("The Big Red Dog", frozenset({"big", "red", "dog"}), []),  # nor a word of three letters
    ("Senate Panel Votes today again", PANEL, ["Senate Panel Votes today again"]),  # as many capitals as lower case
    ("Senate Panel Votes today again later", PANEL, []),  # fewer
    ("Senate PANEL VOTES", PANEL, ["Senate PANEL VOTES"]),
    ("Senate Panel Votes" + " abcd" * 8, frozenset({"panel", "votes"}), ["Senate Panel Votes" + " abcd" * 8]),
    ("Senate Panel Votes" + " abcd" * 9, frozenset({"panel", "votes"}), []),  # prose: lower case words > 2 × 3 capitals + 2
    ("Senate Panel Votes" + " éabcd" * 9, frozenset({"panel", "votes"}), ["Senate Panel Votes" + " éabcd" * 9]),
    ("Senate Panel Votes" + " abcdé" * 9, frozenset({"panel", "votes"}), []),
    ("Senate Panel Votes" + " naïve" * 9, frozenset({"panel", "votes"}), ["Senate Panel Votes" + " naïve" * 9]),
    ("Senate Panel Votes" + " 3abcd" * 9, frozenset({"panel", "votes"}), ["Senate Panel Votes" + " 3abcd" * 9]),
    ("Senate Panel Votes" + " a-bcde" * 9, frozenset({"panel", "votes"}), []),
])
def test_title_case_examples(text: str, ordinary: frozenset[str] | None, lines: list[str]) -> None:
    """Headlines that capitalise ordinary words are in Title Case; prose, and lines that capitalise only names,
    sentence openers or short words, are not."""
    assert _title_case(text, ordinary) == lines


TAIL_PIECES = [" abcd", " Abcd", " éabcd", " abcdé", " Éabcd", " 日本", " x1", " 3abcd", " _abcd", " ABCD", " a-bcde", " don’t",
               " naïve", " über", " ſabcd", " \ud800abcd", "“", " “Abcd", "—", ".", "\t", "\r", " K", " (abcd", " abc", " abcdef"]
HEADS = ["Senate Panel Votes", "abcd Panel Votes", "éabcd Panel Votes", "3abcd Panel Votes", "“Senate Panel Votes"]
"""Lines that capitalise "panel" and "votes" past their first word."""
_LOWER_WORD = re.compile(r"\b[a-z]{4,}")
_CAPITAL = re.compile(r"\b[A-Z]")


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(HEADS), st.lists(st.just(" abcd") | st.sampled_from(TAIL_PIECES), max_size=32).map("".join))
@example("Senate Panel Votes", " abcd" * 8)
@example("Senate Panel Votes", " abcd" * 9)
@example("Senate Panel Votes", " éabcd" * 9)
@example("Senate Panel Votes", " Éabcd abcd abcd" * 3)
@example("Senate Panel Votes", " abcd" * 7 + " \ud800abcd" * 2)
@example("Senate Panel Votes", " “Abcd" * 2 + " abcd" * 10)  # capitals after a non-ASCII mark count
@example("abcd Panel Votes", " abcd" * 5)  # so does a lower-case word opening the line
@example("abcd Panel Votes", " abcd" * 6)
def test_a_line_with_many_more_lower_case_words_than_capitals_is_prose(head: str, tail: str) -> None:
    """A line writing more lower-case words (four ASCII letters or more, opening a word) than twice its capitals
    (an ASCII capital opening a word) plus two is prose, never Title Case, however many ordinary words it
    capitalises; any other line that capitalises two ordinary words past its first, and writes none in lower case, is."""
    line = head + tail
    prose = len(_LOWER_WORD.findall(line)) > 2 * len(_CAPITAL.findall(line)) + 2
    assert _title_case(line, frozenset({"panel", "votes"})) == ([] if prose else [line])


LOWER_PIECES = ["senate", "panel", "votes", "to", "abcd", "é", "éclair", "naïve", " ", "  ", ". ", "“", "”", "—", "3abcd",
                "日本", "(", "'"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LOWER_PIECES), max_size=30).map("".join),
       st.frozensets(st.sampled_from(["senate", "panel", "votes", "abcd", "éclair", "naïve"])))
def test_a_text_written_in_lower_case_has_no_title_case_line(text: str, ordinary: frozenset[str]) -> None:
    """Title Case needs capitals: a text of lower-case words has no Title Case line, whatever its ordinary words."""
    assert title_case_lines(text, word_columns(text), ordinary) == TitleCaseLines()


LONG_WORDS = ["senate", "panel", "votes", "subpoena", "maria", "lopez", "abcd", "again"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LONG_WORDS), min_size=1, max_size=8), st.frozensets(st.sampled_from(LONG_WORDS)))
@example(["senate", "panel", "votes"], frozenset({"panel", "votes"}))
@example(["senate", "panel", "votes"], frozenset({"senate", "panel"}))
def test_a_line_capitalising_every_word_is_in_title_case_when_two_past_its_first_are_ordinary(
        words: list[str], ordinary: frozenset[str]) -> None:
    """A line of long words, each capitalised, is in Title Case exactly when two or more of its words past the
    first are ordinary words."""
    line = " ".join(word.capitalize() for word in words)
    expected = [line] if sum(word in ordinary for word in words[1:]) >= 2 else []
    assert _title_case(line, ordinary) == expected


LINE_PIECES = ["Senate", "Panel", "votes", "to", "Subpoena", "maria", "Lopez", "", ".", "“", "”", "—", "é", "Éclair", "naïve",
               "über", "abcd", "Abcd", "x1", "3abcd", "_abcd", "ABCD", "a-b", "don’t", "\t", "ſ", "日本", "K", "(", "'"]
HEADLINE_WORDS = ["Senate", "Panel", "Votes", "Subpoena", "Abcd", "votes", "abcd", "to"]
a_line = st.lists(st.sampled_from(HEADLINE_WORDS) | st.sampled_from(LINE_PIECES), max_size=12).map(" ".join)
some_ordinary = st.frozensets(st.sampled_from(["senate", "panel", "votes", "subpoena", "maria", "lopez", "abcd", "éclair",
                                               "über"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(a_line, min_size=1, max_size=4), some_ordinary)
@example(["Senate Panel Votes", "", "the panel votes", "Senate Panel Votes Abcd"], frozenset({"panel", "votes", "abcd"}))
@example(["abcd abcd abcd abcd abcd abcd abcd", "Senate Panel Votes Abcd"], frozenset({"panel", "votes", "abcd"}))
def test_each_line_is_judged_on_its_own(lines: list[str], ordinary: frozenset[str]) -> None:
    """Whether a line is in Title Case depends on that line and the ordinary words only: the Title Case lines
    of a text are those of its lines judged one by one, at their offsets."""
    text = "\n".join(lines)
    words = word_columns(text)
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    for line in lines:
        alone = title_case_lines(line, word_columns(line), ordinary)
        starts += [offset + start for start in alone.starts]
        ends += [offset + end for end in alone.ends]
        offset += len(line) + 1
    assert title_case_lines(text, words, ordinary) == TitleCaseLines(tuple(starts), tuple(ends))


@settings(max_examples=300, deadline=None)
@given(a_line, some_ordinary, st.integers(0, 30))
@example("Senate Panel votes today again", frozenset({"panel", "votes", "today", "again"}), 0)
def test_capitalising_a_word_keeps_a_title_case_line_in_title_case(line: str, ordinary: frozenset[str],
                                                                   which: int) -> None:
    """More capitals never make a line less like a headline: a Title Case line with one more of its words
    capitalised is still in Title Case."""
    lower = [start for start in word_columns(line).starts if "a" <= line[start] <= "z"]
    if not lower or not _title_case(line, ordinary):
        return
    start = lower[which % len(lower)]
    capitalised = line[:start] + line[start].upper() + line[start + 1 :]
    assert _title_case(capitalised, ordinary) == [capitalised]
