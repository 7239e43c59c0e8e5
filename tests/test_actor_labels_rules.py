"""The rules a mention's labels follow (`title_range`, `epithet_start`, the lexicon spans `ArticleLabels.of`
takes), as examples and as properties of what they return on small random texts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.actors.labels import (
    COURTESY_TITLES,
    FRAMING_LABEL_CATEGORIES,
    MAX_LABEL_WORDS,
    TITLE_CONNECTORS,
    TITLE_MODIFIERS,
    ArticleLabels,
    epithet_start,
    title_range,
)
from generator.analysis.actors.mentions import (
    EPITHET_WORDS,
    TITLE_WORDS,
    Mention,
    capitalised,
    joined,
    sentence_initial,
    words_before,
)
from generator.analysis.results import ArticleAnalysis, Span
from generator.analysis.terms import Words, word_columns
from generator.analysis.text.sentences import article_sentences
from generator.analysis.text.wordlists import STOP_WORDS
from tests.compare_builders import analysis, article_text, span

OFFICES = TITLE_WORDS - TITLE_MODIFIERS - COURTESY_TITLES
"""Words that name an office on their own: a title needs one."""
EPITHET_GAP = " “”\"'‘’"
"""What may stand between the words of an epithet and the name: spaces and quotation marks."""


def _title(text: str, name: str, known: frozenset[str] = frozenset()) -> str | None:
    """The title `title_range` finds before the first `name` of `text`, as text."""
    found = title_range(text, word_columns(text), text.index(name), known)
    return None if found is None else text[found[0] : found[1]]


@pytest.mark.parametrize(("text", "name", "known", "title"), [
    ("U.S. Secretary of State Mike Pompeo said", "Mike", frozenset(), "Secretary of State"),  # "U.S." opens the sentence
    ("he met U.S. Secretary of State Mike Pompeo", "Mike", frozenset(), "U.S. Secretary of State"),
    ("he met Mr. Pompeo", "Pompeo", frozenset(), None),
    ("he met Mr Pompeo", "Pompeo", frozenset(), None),  # a courtesy title names no office
    ("he met former Foreign Minister Zarif", "Zarif", frozenset(), "former Foreign Minister"),
    ("he met former Zarif", "Zarif", frozenset(), None),  # a modifier alone names no office
    ("he met Foreign Zarif", "Zarif", frozenset(), None),
    ("he met a senior Iranian general Qassem", "Qassem", frozenset(), "senior Iranian general"),
    ("he met Minister for Foreign Affairs Zarif", "Zarif", frozenset(), "Minister for Foreign Affairs"),
    ("a letter of Foreign Minister Zarif", "Zarif", frozenset(), "Foreign Minister"),  # no connector opens it
    ("The Foreign Minister Zarif spoke", "Zarif", frozenset(), "Foreign Minister"),  # nor a sentence's first word
    ("The Foreign Minister Zarif spoke", "Zarif", frozenset({"the"}), "Foreign Minister"),  # nor a stop word
    ("the Minister of Iran", "Iran", frozenset(), None),  # a connector right before the name: no title
    ("Enter President Trump", "Trump", frozenset(), "President"),  # a sentence's first word, not an office
    ("Enter President Trump", "Trump", frozenset({"enter"}), "Enter President"),  # unless capitalised mid-sentence
    ("he met Foreign Minister\nZarif", "Zarif", frozenset(), None),  # across a line break
    ("he met Foreign\nMinister Zarif", "Zarif", frozenset(), "Minister"),
    ("he met a senior general, Qassem", "Qassem", frozenset(), None),  # across a comma
    ("Zarif spoke", "Zarif", frozenset(), None),  # no word before
    ("he met Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Minister Lee", "Lee", frozenset(),
     "Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Minister"),  # MAX_LABEL_WORDS words at most
])
def test_title_examples(text: str, name: str, known: frozenset[str], title: str | None) -> None:
    """What the title rules give on typical news phrasing, and where they stop."""
    assert _title(text, name, known) == title


TITLE_PIECES = ["U.S.", "Secretary", "of", "State", "Mike", "Pompeo", "Mr.", "Mr", "former", "Foreign", "Minister", "Crazy",
                "Lyin’", "“Crazy”", "said", "the", "The", ".", ",", " ", "  ", "\n", "Enter", "President", "Trump", "for",
                "senior", "general", "Alpha Beta Gamma Delta Epsilon Zeta", "Iranian", "Of", "acting"]
title_texts = st.lists(st.sampled_from(TITLE_PIECES), max_size=24).map(" ".join)
known_words = st.frozensets(st.sampled_from(["enter", "mike", "crazy", "alpha", "the", "u.s"]))


def _eligible(text: str, words: Words, index: int) -> bool:
    """A word a title may hold: capitalised, a role word or a connector."""
    norm = words.norms[index]
    return text[words.starts[index]].isupper() or norm in TITLE_WORDS or norm in TITLE_CONNECTORS


def _dropped_at_front(text: str, words: Words, index: int, known: frozenset[str]) -> bool:
    """A word a title does not open with: a connector, a stop word, or a sentence's first word that is no
    role word and is not capitalised mid-sentence elsewhere."""
    norm = words.norms[index]
    return (norm in TITLE_CONNECTORS or norm in STOP_WORDS
            or (sentence_initial(text, words.starts[index]) and norm not in TITLE_WORDS and norm not in known))


def _gap_end(words: Words, index: int, last: int, start: int) -> int:
    """Where the gap after word `index` ends: the next word's start, or the mention's after the last word."""
    return words.starts[index + 1] if index + 1 < last else start


@settings(max_examples=300, deadline=None)
@given(title_texts, known_words)
@example("he met Alpha Beta Gamma Delta Epsilon Zeta Alpha Beta Gamma Delta Epsilon Zeta Minister Lee", frozenset())
@example("of Foreign Minister Zarif", frozenset())
@example("The Foreign Minister Zarif", frozenset({"the"}))
def test_a_title_is_a_joined_run_of_role_and_capitalised_words_ending_at_the_name(text: str, known: frozenset[str]) -> None:
    """At every word, a title found ends at the word right before the mention, holds only capitalised, role and
    connector words joined by spaces (no line break, no comma), at most MAX_LABEL_WORDS of them, opens with no
    connector, stop word or unknown sentence-opener, and names an office; it reaches as far left as it may."""
    words = word_columns(text)
    norms, starts = words.norms, words.starts
    for start in (*starts, len(text)):
        index = words_before(words, start)
        found = title_range(text, words, start, known)
        if index == 0 or norms[index - 1] in TITLE_CONNECTORS:
            assert found is None
        if index > 0 and norms[index - 1] in OFFICES and joined(text, words, index - 1, start):
            assert found is not None  # an office word right before the name is a title
        if found is None:
            continue
        assert found[1] == words.ends[index - 1]
        assert found[0] in starts
        first = starts.index(found[0])
        assert 1 <= index - first <= MAX_LABEL_WORDS
        assert "\n" not in text[found[0] : start]
        assert all(joined(text, words, i, _gap_end(words, i, index, start)) for i in range(first, index))
        assert all(_eligible(text, words, i) for i in range(first, index))
        assert not _dropped_at_front(text, words, first, known)
        assert any(norm in OFFICES for norm in norms[first:index])
        before = first - 1
        if (before >= 0 and index - before <= MAX_LABEL_WORDS and _eligible(text, words, before)
                and joined(text, words, before, starts[first])):
            assert _dropped_at_front(text, words, before, known)  # the title stops only where it must


def _epithet(text: str, name: str) -> str | None:
    """The epithet `epithet_start` finds before the first `name` of `text`, as text (with its gap)."""
    start = text.index(name)
    found = epithet_start(text, word_columns(text), start)
    return None if found is None else text[found:start]


@pytest.mark.parametrize(("text", "name", "epithet"), [
    ("Crazy Bernie", "Bernie", "Crazy "),
    ("he called “Lyin’” Ted", "Ted", "Lyin’” "),
    ("he called Lyin' Ted", "Ted", "Lyin' "),
    ("“Crazy” Bernie", "Bernie", "Crazy” "),
    ("Crazy Sleepy Joe", "Joe", "Crazy Sleepy "),
    ("Dopey Crazy Sleepy Joe", "Joe", "Crazy Sleepy "),  # two words at most
    ("crazy Bernie", "Bernie", None),  # written in lower case it is a word, not a nickname
    ("Big Bernie", "Bernie", None),  # not a mocking word
    ("Crazy\nBernie", "Bernie", None),
    ("Crazy, Bernie", "Bernie", None),
    ("Crazy-Bernie", "Bernie", None),
    ("Bernie", "Bernie", None),
])
def test_epithet_examples(text: str, name: str, epithet: str | None) -> None:
    """What counts as a mocking nickname before a name, and what does not."""
    assert _epithet(text, name) == epithet


EPITHET_PIECES = ["Crazy", "crazy", "Sleepy", "Dopey", "Lyin’", "Lyin'", "“Crazy”", "Big", "Bernie", "Joe", "said", "\n", ",",
                  " ", "  ", "“", "”", "'", "-", "Mr.", "CRAZY", "\t"]


def _epithet_word(text: str, words: Words, index: int) -> bool:
    return text[words.starts[index]].isupper() and words.norms[index].rstrip("'’") in EPITHET_WORDS


def _epithet_gap(text: str, words: Words, index: int, end: int) -> bool:
    return not text[words.ends[index] : end].strip(EPITHET_GAP)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EPITHET_PIECES), max_size=16).map("".join))
@example("Dopey Crazy Sleepy Joe")
@example("Crazy\tBernie")
def test_an_epithet_is_one_or_two_capitalised_mocking_words_right_before_the_name(text: str) -> None:
    """At every word, an epithet found is one or two capitalised mocking words right before it, with only
    spaces and quotation marks between them (no line break); one right before the name is always found,
    and a second one before it is taken too."""
    words = word_columns(text)
    starts = words.starts
    for start in (*starts, len(text)):
        index = words_before(words, start)
        found = epithet_start(text, words, start)
        if index > 0 and _epithet_word(text, words, index - 1) and _epithet_gap(text, words, index - 1, start):
            assert found is not None
        if found is None:
            continue
        first = starts.index(found)
        assert 1 <= index - first <= 2
        assert all(_epithet_word(text, words, i) for i in range(first, index))
        assert all(_epithet_gap(text, words, i, starts[i + 1] if i + 1 < index else start) for i in range(first, index))
        if index - first == 1 and first > 0:
            assert not (_epithet_word(text, words, first - 1) and _epithet_gap(text, words, first - 1, found))


def _labels_of(body: str, name: str, spans: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """(kind, text, category) of the labels of the first `name` in an article of `body` whose lexicon found
    `spans` (fragment, category), each at its first place."""
    text = article_text("Report", body)
    analysed = analysis("a", text, tuple(span(text.text, fragment, category, "narration") for fragment, category in spans))
    start = text.text.index(name)
    mention = Mention(name.casefold(), name, "name", start, start + len(name), 1)
    return [(label.kind, label.text, label.category)
            for label in ArticleLabels(analysed, word_columns(text.text)).of(mention, False)]


@pytest.mark.parametrize(("body", "name", "spans", "labels"), [
    ("Then the habitual liar Lee left.", "Lee", [("habitual liar", "loaded_labels")],
     [("framing", "habitual liar", "loaded_labels")]),  # right before the name, with no other label
    ("Then the habitual liar “Lee” left.", "Lee", [("habitual liar", "loaded_labels")],
     [("framing", "habitual liar", "loaded_labels")]),  # opening marks between
    ("A regime said so. Then Lee left.", "Lee", [("regime", "loaded_labels")], []),  # another sentence
    ("Then the habitual liar and Lee left.", "Lee", [("habitual liar", "loaded_labels")], []),  # a word between
    ("Then the war Lee left.", "Lee", [("war", "conflict")], []),  # a category that labels nobody before it
    ("The Alleged Foreign Minister Zarif spoke.", "Zarif", [("Alleged", "hedges")],
     [("title", "Alleged Foreign Minister", None)]),  # a category that describes nobody
    ("They met the brutal Lee.", "Lee", [("brutal", "intensifiers")], [("framing", "brutal", "intensifiers")]),
    ("They kept trouncing Lee.", "Lee", [("trouncing", "intensifiers")], []),  # what was done to Lee, not what Lee is
    ("Then “Lee” left.", "Lee", [("“Lee”", "scare_quotes")], [("framing", "“Lee”", "scare_quotes")]),  # the name quoted
    ("Then Lee dominated.", "Lee", [("Lee dominated", "intensifiers")], []),  # a phrase reaching over the name
    ("Crazy Bernie spoke.", "Bernie", [("Crazy", "loaded_labels")], [("epithet", "Crazy Bernie", "loaded_labels")]),
    ("The regime of Foreign Minister Zarif spoke.", "Zarif", [("Foreign", "loaded_labels"), ("Minister", "affiliation")],
     [("title", "Foreign Minister", "loaded_labels"), ("framing", "Minister", "affiliation")]),  # the first gives its category
    ("Then the habitual liar Lee, a corrupt regime stooge, left.", "Lee",
     [("habitual liar", "loaded_labels"), ("corrupt", "loaded_labels"), ("regime", "legitimacy"), ("left", "conflict")],
     [("apposition", "a corrupt regime stooge", "loaded_labels"), ("framing", "habitual liar", "loaded_labels"),
      ("framing", "regime", "legitimacy")]),  # framing labels in text order, after the others
])
def test_framing_label_examples(body: str, name: str, spans: list[tuple[str, str]], labels: list[tuple[str, str, str | None]]) -> None:
    """Which lexicon spans near a mention become its labels or give a label its category."""
    assert _labels_of(body, name, spans) == labels


FRAMING_PIECES = ["Lee", "Zarif", "Foreign Minister", "the", "habitual liar", "Crazy", "“", "”", "regime", ",", ".", "said",
                  "a", "corrupt", "stooge", "[", "]", "war", "Then", "Bernie", "spokesman for the regime"]
FRAMING_CATEGORIES = ["loaded_labels", "legitimacy", "conflict", "intensifiers", "affiliation", "scare_quotes", "hedges"]


@st.composite
def articles_with_spans(draw: st.DrawFn) -> ArticleAnalysis:
    """An article of a few paragraphs, and lexicon spans over one to three of its body's words (never two
    spans over one word, never one across a paragraph break)."""
    paragraph = st.lists(st.sampled_from(FRAMING_PIECES), min_size=1, max_size=15).map(" ".join)
    text = article_text("Report", "\n\n".join(draw(st.lists(paragraph, min_size=1, max_size=3))))
    words = word_columns(text.text)
    body = [i for i, start in enumerate(words.starts) if start >= text.headline_end]
    spans: list[Span] = []
    free = 0
    for first in sorted(draw(st.sets(st.sampled_from(body), max_size=10)) if body else ()):
        last = min(first + draw(st.integers(0, 2)), len(words.starts) - 1)
        start, end = words.starts[first], words.ends[last]
        if first < free or "\n" in text.text[start:end]:
            continue
        fragment = text.text[start:end]
        spans.append(Span(start, end, fragment, draw(st.sampled_from(FRAMING_CATEGORIES)), "narration", fragment.casefold()))
        free = last + 1
    return analysis("a", text, tuple(draw(st.permutations(spans))))


@settings(max_examples=300, deadline=None)
@given(articles_with_spans())
@example(analysis("a", article_text("Report", "War. Then the habitual liar Lee, a corrupt regime stooge, left.\n\nLee"), ()))
def test_a_mention_is_labelled_by_the_spans_of_its_own_paragraph_in_text_order(analysed: ArticleAnalysis) -> None:
    """Spans are looked up near each mention among all of an article's: a mention gets the same labels when
    the other paragraphs' spans are left out. Its framing labels are spans of its sentence, in text order, of
    the categories that describe, and each touches the mention or another of its labels, or comes right before
    the mention (spaces and opening marks between)."""
    text = analysed.text.text
    words = word_columns(text)
    every = ArticleLabels(analysed, words)
    sentences = article_sentences(analysed.text)
    for index in capitalised(text, words):
        if words.norms[index] not in {"lee", "zarif", "bernie"}:
            continue
        mention = Mention(words.norms[index], text[words.starts[index] : words.ends[index]], "name",
                          words.starts[index], words.ends[index], 1)
        block = next(b for b in analysed.text.blocks if b.start <= mention.start < b.end)
        own = replace(analysed, spans=tuple(s for s in analysed.spans if block.start <= s.start < block.end))
        found = every.of(mention, False)
        assert found == ArticleLabels(own, words).of(mention, False)
        framing = [(label.start, label.end, label.text, label.category) for label in found if label.kind == "framing"]
        assert framing == sorted(framing)
        assert set(framing) <= {(s.start, s.end, s.text, s.category) for s in own.spans}
        sentence_start, sentence_end = sentences[sentences.index(mention.start)]
        ranges = [(mention.start, mention.end), *((label.start, label.end) for label in found if label.kind != "framing")]
        for start, end, _, category in framing:
            assert category in FRAMING_LABEL_CATEGORIES
            assert sentence_start <= start and end <= sentence_end
            assert (any(start < high and end > low for low, high in ranges)
                    or (end <= mention.start and not text[end : mention.start].strip(" “\"'[")))
        assert all(label.category in FRAMING_LABEL_CATEGORIES for label in found if label.category is not None)
