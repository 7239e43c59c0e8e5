"""The actors' fast paths against the plain computation they stand for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.actors.mentions import mid_sentence_capitals, name_runs
from generator.analysis.actors.sentence_finder import SentenceFinder
from generator.analysis.terms import word_columns
from generator.analysis.text.titlecase import (
    TitleCaseLines,
    lower_case_words,
    title_case_candidates,
    title_case_lines,
    written_in_lower_case,
)
from generator.analysis.results import ArticleText, Block
from generator.analysis.text.sentences import article_sentences

PIECES = ["Mr. Lee left.", " ", "\n\n", "U.S. troops", "? ", "!", "\"Go.\" ", "She said", "A", "b.", "3.5", "No. 4"]


def plain_sentence_of(text: ArticleText, offset: int) -> tuple[int, int]:
    """A specification against another public function, not a copy of old code: the sentence of `offset` in
    the whole article's split by `article_sentences` (the last to start at or before it)."""
    sentences = article_sentences(text)
    if not sentences.starts:
        return 0, len(text.text)
    return sentences[sentences.index(offset)]


@st.composite
def article_texts(draw: st.DrawFn) -> ArticleText:
    body = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=10)))
    if draw(st.booleans()):  # in order and apart, as the analysis makes them
        blocks = tuple(Block("paragraph", a, b) for a, b in zip(cuts[0::2], cuts[1::2]))
    else:  # any order, overlapping, reversed
        blocks = tuple(Block("paragraph", a, b) for a, b in draw(st.permutations(list(zip(cuts, reversed(cuts))))))
    return ArticleText(body, 0, blocks)


@settings(max_examples=300, deadline=None)
@given(article_texts(), st.lists(st.integers(0, 500), max_size=8))
@example(ArticleText("Mr. Lee left. She said so.\n\nU.S. troops left! Go.", 0,
                     (Block("headline", 0, 26), Block("paragraph", 28, 48))), [0, 5, 14, 27, 28, 40, 47])
def test_sentence_finder_matches_splitting_the_whole_article(text: ArticleText, offsets: list[int]) -> None:
    finder = SentenceFinder(text)
    for offset in offsets:
        offset %= len(text.text) + 1
        assert finder.sentence_of(offset) == plain_sentence_of(text, offset)


def test_sentence_finder_splits_only_the_blocks_asked_about() -> None:
    text = ArticleText("One here. Two there.\n\nThree now. Four later.", 0,
                       (Block("paragraph", 0, 20), Block("paragraph", 22, 43)))
    finder = SentenceFinder(text)
    assert finder.sentence_of(25) == (22, 32)
    assert finder.sentence_of(35) == (33, 43)
    assert list(finder.split) == [1] and finder.whole is None


NAME_PIECES = ["Senate Panel Votes", "Maria Lopez", "said", " ", ". ", "\n\n", "the", "Mr.", "Iran", "U.S.", "“", "Clinton's",
               "Despite", "Tuesday", "voted", "New York Democrat", "Crazy Bernie"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=30).map(" ".join), st.frozensets(st.sampled_from(["iran", "despite"])))
def test_names_of_a_text_without_title_case_lines_take_the_short_way(text: str, known: frozenset[str]) -> None:
    """No Title Case line skips the test of each word against the lines: a line past the text's end (which
    holds no word) takes the long way, and must give the same."""
    words = word_columns(text)
    none, beyond = TitleCaseLines(), TitleCaseLines((len(text) + 1,), (len(text) + 2,))
    assert name_runs(text, words, known, title_case=none) == name_runs(text, words, known, title_case=beyond)
    assert mid_sentence_capitals(text, words, title_case=none) == mid_sentence_capitals(text, words, title_case=beyond)


LINE_PIECES = ["Senate", "Panel", "votes", "to", "Subpoena", "maria", "Lopez", " ", "  ", "\n", "\n\n", ". ", "“", "”", "—",
               "é", "Éclair", "naïve", "über", "abcd", "Abcd", "x1", "3abcd", "_abcd", "ABCD", "a-b", "don’t", "\r", "\t", "ſ",
               "\ud800", "日本", "K", "(", "'"]
some_text = st.lists(st.sampled_from(LINE_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(some_text, st.frozensets(st.sampled_from(["senate", "panel", "votes", "subpoena", "maria", "abcd", "éclair", "über", "3abcd", "日本"])))
def test_title_case_asks_only_about_the_words_it_counts(text: str, ordinary: frozenset[str]) -> None:
    """The actors find which of the `asked` words are ordinary, not every lower-case word of an event: the lines
    judged by those must be the lines judged by all, and the words found must be those `lower_case_words` lists."""
    words = word_columns(text)
    candidates = title_case_candidates(text, words)
    every = ordinary | lower_case_words(text, words)
    assert candidates.judged(every) == candidates.judged(every & candidates.asked) == title_case_lines(text, words, every)
    assert written_in_lower_case(text, words, candidates.asked) == candidates.asked & lower_case_words(text, words)
    assert written_in_lower_case(text, words, every) == every & lower_case_words(text, words)
    assert written_in_lower_case(text, words, frozenset(words.norms)) == lower_case_words(text, words)


def test_a_line_needs_two_capitalised_ordinary_words_past_its_first_to_be_in_title_case() -> None:
    """The candidates leave out lines with fewer capitalised counted words than the test needs: the edge of that cut."""
    text = "Senate Panel Votes on the plan\n\nSenate Panel votes on the plan\n\nthe panel votes on a plan"
    words = word_columns(text)
    ordinary = lower_case_words(text, words)
    assert title_case_lines(text, words, ordinary) == TitleCaseLines((0,), (text.index("\n"),))
    assert title_case_lines(text, words, ordinary - {"votes"}) == TitleCaseLines()


LABEL_PIECES = [*PIECES, "”", "’", ")", "]", "(", "“", "said.” Lee", "? ", "\t", "\u00a0", "\u2003", "Lee, the envoy,", "x"]


@st.composite
def texts_and_ranges(draw: st.DrawFn) -> tuple[ArticleText, int, int, int]:
    body = "".join(draw(st.lists(st.sampled_from(LABEL_PIECES), min_size=1, max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=10)))
    if draw(st.booleans()):  # in order and apart, as the analysis makes them
        blocks = tuple(Block("paragraph", a, b) for a, b in zip(cuts[0::2], cuts[1::2]))
    else:
        blocks = tuple(Block("paragraph", a, b) for a, b in draw(st.permutations(list(zip(cuts, reversed(cuts))))))
    offset = draw(st.integers(0, len(body) - 1))
    start = draw(st.integers(max(0, offset - 12), offset) | st.integers(0, len(body) - 1))  # often just before, as labels are
    return ArticleText(body, 0, blocks), offset, start, draw(st.integers(start, len(body)))


@settings(max_examples=500, deadline=None)
@given(texts_and_ranges())
@example((ArticleText("She said.” Lee, the envoy, left.", 0, (Block("paragraph", 0, 32),)), 11, 9, 14))
@example((ArticleText("Lee left. \tSo", 0, (Block("paragraph", 0, 13),)), 11, 9, 13))
@example((ArticleText("Lee left.\u00a0So", 0, (Block("paragraph", 0, 12),)), 10, 9, 12))
def test_a_sentence_holds_a_range_as_the_split_says(case: tuple[ArticleText, int, int, int]) -> None:
    """`holds` answers without splitting where no sentence can end between the range and the offset: it must
    answer as the sentence the whole split gives."""
    text, offset, start, end = case
    sentence_start, sentence_end = plain_sentence_of(text, offset)
    assert SentenceFinder(text).holds(offset, start, end) == (sentence_start <= start and end <= sentence_end)


@settings(max_examples=400, deadline=None)
@given(st.lists(some_text, min_size=1, max_size=3).map("\n".join),
       st.frozensets(st.sampled_from(["senate", "panel", "votes", "subpoena", "maria", "lopez", "abcd", "éclair", "über", "3abcd", "日本"])))
@example("Senate Panel votes to subpoena maria. abcd Lopez", frozenset({"senate", "panel"}))
@example("Senate Panel Votes. abcd abcd (abcd", frozenset({"panel", "votes"}))  # lower-case words after openers are not counted
@example("Senate Panel Votes abcd abcd", frozenset({"panel", "votes"}))  # as many lower-case words as capitals
@example("Senate Panel Votes (abcd “abcd abcd — Abcd Lopez", frozenset({"senate", "panel", "votes", "lopez"}))
def test_title_case_candidates_for_lower_case_ordinary_words_judge_as_all(text: str, extra: frozenset[str]) -> None:
    """With `lower_case_ordinary` the candidates leave out the lines that count more lower-case words than
    capitals: judged by ordinary words that hold every word the text writes in lower case, as the actors' do,
    the lines in Title Case must be those all the candidates give (what each line is, is
    tests/test_actor_title_case_rules.py's)."""
    words = word_columns(text)
    ordinary = lower_case_words(text, words) | extra
    fewer = title_case_candidates(text, words, lower_case_ordinary=True)
    every = title_case_candidates(text, words)
    assert fewer.judged(ordinary) == every.judged(ordinary)
    assert set(fewer.lines) <= set(every.lines)
