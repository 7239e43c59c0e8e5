"""The rules names follow: which actor a one-word name stands for (`ArticlePeople.resolve`) and where a
sentence starts (`sentence_initial`), as examples and as properties on small random inputs."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.actors.mentions import sentence_initial
from generator.analysis.actors.people import ArticlePeople, People, group_people

CLINTONS = group_people(Counter({"bill clinton": 1, "hillary clinton": 2, "bernie sanders": 1, "javad zarif": 1,
                                 "mohammad javad zarif": 1}), {"clinton", "zarif"})
"""Two actors share "Clinton"; Zarif is one actor under two full names; nobody calls Sanders "Sanders" alone."""
CLINTON_MENTIONS = ((10, "bill clinton"), (50, "hillary clinton"), (100, "hillary clinton"), (120, "bill clinton"))
"""Where an article names each Clinton in full; its paragraphs start at 0, 100 and 200."""


@pytest.mark.parametrize(("word", "position", "actor"), [
    ("clinton", 30, "bill clinton"),
    ("clinton", 60, "hillary clinton"),  # the latest named in full, not the first
    ("clinton", 50, "bill clinton"),  # a full name at the word itself is not before it
    ("clinton", 5, None),  # neither named in full yet
    ("clinton", 110, "hillary clinton"),  # named at the paragraph's first word
    ("clinton", 130, "bill clinton"),
    ("clinton", 100, None),  # a new paragraph: what the one before named does not count
    ("clinton", 210, None),
    ("zarif", 5, "mohammad javad zarif"),  # one actor has the word: no full name needed
    ("hillary", 5, "hillary clinton"),  # a given name, of an actor called by its surname
    ("bill", 5, "bill clinton"),
    ("javad", 5, "mohammad javad zarif"),
    ("bernie", 5, None),  # Sanders is never called by his surname alone
    ("sanders", 5, "bernie sanders"),
    ("iowa", 5, None),
])
def test_one_word_name_examples(word: str, position: int, actor: str | None) -> None:
    """Which Clinton "Clinton" is, and when a given name names somebody."""
    assert ArticlePeople(CLINTONS, CLINTON_MENTIONS, (0, 100, 200)).resolve(word, position) == actor


FULL_NAMES = ["bill clinton", "hillary clinton", "hillary rodham clinton", "bernie sanders", "javad zarif", "mohammad javad zarif",
              "roger clinton"]
WORDS = ["clinton", "hillary", "bernie", "zarif", "bill", "sanders", "javad", "x"]


PeopleCase = tuple[People, list[tuple[int, str]], list[int], str, int]


@st.composite
def articles_of_people(draw: st.DrawFn) -> PeopleCase:
    """An event's people, where one article names them in full, its paragraphs' starts, and a word and its position."""
    names = draw(st.lists(st.sampled_from(FULL_NAMES), min_size=1, max_size=8))
    names += draw(st.sampled_from([[], ["bill clinton", "hillary clinton"]]))  # often two sharing a surname
    people = group_people(Counter(names), draw(st.sets(st.sampled_from(["clinton", "sanders", "zarif", "bernie"]))))
    named = draw(st.lists(st.tuples(st.integers(0, 100), st.sampled_from(sorted(people.actor_of))), max_size=8,
                          unique_by=lambda m: m[0]))
    paragraphs = sorted(draw(st.sets(st.integers(0, 100), max_size=3)))
    word = draw(st.just("clinton") | st.sampled_from(WORDS))
    full = [(start, people.actor_of[name]) for start, name in named]
    return people, full, paragraphs, word, draw(st.integers(0, 110))


def _paragraph_start(paragraphs: Sequence[int], position: int) -> int:
    """Where the paragraph of `position` starts: the last paragraph start at or before it (0 before the first)."""
    index = bisect.bisect_right(paragraphs, position) - 1
    return paragraphs[index] if index >= 0 else 0


@settings(max_examples=300, deadline=None)
@given(articles_of_people())
@example((CLINTONS, list(CLINTON_MENTIONS), [0, 100], "clinton", 100))
def test_a_shared_surname_names_whoever_its_paragraph_named_in_full_last(case: PeopleCase) -> None:
    """A word that is one actor's last word names that actor; a word no actor ends with is a given name, or
    nobody's (`People.by_given_name`). A word several actors end with names the candidate named in full last before it
    in its paragraph, or nobody: naming a candidate in full between that and the word makes it that candidate,
    and full names outside the stretch from the paragraph's start to the word change nothing."""
    people, named, paragraphs, word, position = case
    candidates = people.candidates(word)
    found = ArticlePeople(people, named, paragraphs).resolve(word, position)
    if len(candidates) == 1:
        assert found == candidates[0]
        return
    if not candidates:
        assert found == people.by_given_name(word)
        return
    start = _paragraph_start(paragraphs, position)
    inside = [(at, actor) for at, actor in named if start <= at < position]
    assert found is None or (found in candidates and any(actor == found for _, actor in inside))
    if not any(actor in candidates for _, actor in inside):
        assert found is None
    assert ArticlePeople(people, inside, paragraphs).resolve(word, position) == found
    latest = max((at for at, _ in inside), default=start - 1)
    if latest + 1 < position:
        for candidate in candidates:
            again = [*named, (latest + 1, candidate)]
            assert ArticlePeople(people, again, paragraphs).resolve(word, position) == candidate


@pytest.mark.parametrize(("text", "word", "initial"), [
    ("Then Lee left.", "Then", True),  # the text's start
    ("“Then Lee left.", "Then", True),
    ("Lee left. Then Ann", "Then", True),
    ("Lee left! Then Ann", "Then", True),
    ("Lee left? Then Ann", "Then", True),
    ("Lee said: Then Ann", "Then", True),
    ("Lee left — Then Ann", "Then", True),
    ("Lee left – Then Ann", "Then", True),
    ("Lee left\n\nThen Ann", "Then", True),
    ("Lee said. “Then Ann", "Then", True),  # past an opening quotation mark
    ("Lee left. (Then Ann", "Then", True),  # past a bracket
    ("Lee left. [ Then Ann", "Then", True),
    ("Lee said. \t‘Then Ann", "Then", True),
    ("Lee said Then Ann", "Then", False),  # after a word and a space
    ("Lee said, Then Ann", "Then", False),
    ("Lee said; Then Ann", "Then", False),
    ("Lee said “Then Ann", "Then", False),
    ("Lee said 3 Then Ann", "Then", False),
    ("Lee said.Then", "Then", True),
])
def test_sentence_start_examples(text: str, word: str, initial: bool) -> None:
    """Where a capitalised word opens a sentence, and so says nothing of its being a name."""
    assert sentence_initial(text, text.index(word)) is initial


OPENING = [" ", "  ", "\t", "“", "\"", "‘", "'", "(", "["]
"""What `sentence_initial` reads past: spaces, opening quotation marks and brackets."""
ENDS = [".", "!", "?", ":", "—", "–", "\n"]
"""What ends a sentence, or opens one after it."""
TEXT_PIECES = ["Ann", "lee", " ", "\n", ".", ",", "!", "?", ":", "—", "–", "“", "\"", "‘", "'", "(", "[", "3", "é", ")", "”", ";"]
some_text = st.lists(st.sampled_from(TEXT_PIECES), max_size=8).map("".join)
opening = st.lists(st.sampled_from(OPENING), max_size=5).map("".join)  # ten characters at most


@settings(max_examples=300, deadline=None)
@given(some_text, st.sampled_from(ENDS), opening)
@example("Lee left", ".", "( ")
@example("Lee left", ":", "[ ")
def test_a_word_after_a_sentence_end_opens_a_sentence(before: str, end: str, gap: str) -> None:
    """A word after a sentence's end, a colon, a dash or a line break opens a sentence, past any spaces,
    opening quotation marks and brackets (a few of them)."""
    text = before + end + gap + "Then"
    assert sentence_initial(text, len(text) - 4)


@settings(max_examples=300, deadline=None)
@given(opening)
def test_a_word_at_the_text_start_opens_a_sentence(gap: str) -> None:
    """The text's first word opens a sentence, past any spaces, opening quotation marks and brackets."""
    assert sentence_initial(gap + "Then", len(gap))


@settings(max_examples=300, deadline=None)
@given(some_text, st.sampled_from(["a", "Z", "3", "é", ",", ";", "-", "%"]), opening)
@example("Lee", "d", " ")
@example("Lee", "d", " (")
def test_a_word_after_any_other_character_opens_no_sentence(before: str, last: str, gap: str) -> None:
    """A word after anything else (a word, a number, a comma), past spaces and opening marks, opens no sentence."""
    text = before + last + gap + "Then"
    assert not sentence_initial(text, len(text) - 4)
