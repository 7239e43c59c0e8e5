"""Speaker and quotation rules that need more than a body of paragraphs (a headline of their own).

The body-only cases live in fixtures/quotations/speaker_cases.yaml, read by test_quotations.py.
Every sentence here is written for these tests, not taken from any outlet.
"""

from __future__ import annotations

import pytest

from generator.analysis.quotations import find_quotations
from generator.analysis.quotations.subjects import analyse_subject, walk_subject
from generator.analysis.results import ArticleText, Block


def article(headline: str, paragraphs: list[str]) -> ArticleText:
    """An ArticleText laid out as the pipeline lays it out: the headline, then paragraphs two characters apart."""
    parts, blocks, position = [headline], [Block("headline", 0, len(headline))], len(headline)
    for paragraph in paragraphs:
        position += 2
        blocks.append(Block("paragraph", position, position + len(paragraph)))
        parts.append(paragraph)
        position += len(paragraph)
    return ArticleText("\n\n".join(parts), len(headline), tuple(blocks))


@pytest.mark.parametrize(
    ("headline", "quoted", "speaker"),
    [
        ("Mayor Dahl: 'We will finish the bridge'", ["We will finish the bridge"], "Dahl"),
        ("Dahl calls ferry plan 'a costly mistake,' vows a vote", ["a costly mistake,"], "Dahl"),
    ],
)
def test_a_headline_quotes_in_straight_single_marks(headline: str, quoted: list[str], speaker: str) -> None:
    found = find_quotations(article(headline, ["The council met on Monday."]))
    assert [q.text for q in found] == quoted
    assert found[0].speaker == speaker


@pytest.mark.parametrize(
    "headline",
    ["Voters' doubts grow over Dahl's ferry plan", "Dahl's '90s budget returns to haunt the council", "Rock 'n' roll night at the pier"],
)
def test_headline_apostrophes_quote_nothing(headline: str) -> None:
    assert find_quotations(article(headline, ["The council met on Monday."])) == ()


def test_straight_single_marks_in_the_body_stay_apostrophes() -> None:
    paragraphs = ["The council met on Monday.", "Dahl called it 'a costly mistake' on Monday."]  # the first is the deck
    found = find_quotations(article("Council meets", paragraphs))
    assert found == ()


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Mayor Dahl Makes Her Case For A 'Bridge To Everywhere'", "Dahl"),
        ("Dahl Vows To Fight Against 'Reckless' Cuts", "Dahl"),
        ("Dahl heckles council members: 'Do your jobs'", "Dahl"),
        ("'A ferry for all' her best card, Dahl hints; ", "Dahl"),  # sentence case: the name and verb close the clause
        ("The Latest: Dahl delivers defense of 'river towns.'", "Dahl"),  # a label before the colon names no one
        ("Ann Dahl Backs Tom Okafor: I Am 'Proud' Of His Ferry Plan", "Ann Dahl"),  # first person after the colon
    ],
)
def test_the_subject_of_a_headline_speaks_its_quoted_words(headline: str, speaker: str) -> None:
    found = find_quotations(article(headline, ["The council met on Monday."]))
    assert [q.speaker for q in found] == [speaker]
    assert found[0].rule == "subject of the headline"
    assert found[0].confidence == 0.8


@pytest.mark.parametrize(
    "headline",
    [
        "Dahl Rips Okafor Over 'Reckless' Cuts",  # the words may be Okafor's
        "Dahl Rejects Okafor's 'Bridge To Nowhere'",  # Okafor's words
        "Dahl Meets Okafor 'Halfway'",  # words right after another name
        "Budget Talks Stall Over 'Reckless' Cuts",  # no name opens the headline
        "'Reckless' cuts ahead, Dahl wins; ",  # a verb that says nothing closes the clause
        "The Latest: 'Reckless' cuts ahead of vote",  # a label, then no name
    ],
)
def test_a_headline_subject_is_not_given_words_that_may_be_someone_elses(headline: str) -> None:
    found = find_quotations(article(headline, ["The council met on Monday."]))
    assert all(q.speaker is None for q in found)


@pytest.mark.parametrize(
    ("headline", "body", "speaker"),
    [
        # the words before the name are a description the body writes in lower case, or a name it writes
        ("Port Challenger Ann Dahl: Close the Ferry, 'Stop the Losses'", "Ann Dahl, a challenger for the port seat, spoke.", "Ann Dahl"),
        ("Hacker Okafor: Council Server 'Wide Open'", "Okafor, a hacker, spoke to reporters.", "Okafor"),
        # the name after a preposition is the topic
        ("Board Chair On Dahl: 'We Do Not Pay Anyone'", "The board chair spoke on Monday about Dahl.", None),
    ],
)
def test_a_headline_label_gives_its_words_to_the_name_the_body_writes(headline: str, body: str, speaker: str | None) -> None:
    found = [q for q in find_quotations(article(headline, ["The council met on Monday.", body])) if q.start < len(headline)]
    assert found and found[0].speaker == speaker
    assert speaker is None or found[0].confidence == 0.8


def test_the_deck_after_a_headline_quotes_in_straight_single_marks_too() -> None:
    found = find_quotations(article("Council splits on ferry", ["Dahl calls the plan 'a costly mistake'", "The council met on Monday."]))
    assert [(q.text, q.speaker) for q in found] == [("a costly mistake", "Dahl")]


def test_a_long_first_paragraph_is_no_deck() -> None:
    long_paragraph = "Dahl called the plan 'a costly mistake' on Monday, " + "and the council argued about it for hours " * 5 + "."
    assert find_quotations(article("Council splits on ferry", [long_paragraph])) == ()



@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Rhea Gallagher, the outreach director for the Harbor Tenants Union said", "Rhea Gallagher"),
        ("Late Tuesday, the director of the Harbor Tenants Union said", "the director of the Harbor Tenants Union"),
        ("In New Hampshire, the director of the Harbor Tenants Union said", "the director of the Harbor Tenants Union"),
    ],
)
def test_a_name_before_a_description_left_open(sentence: str, subject: str) -> None:
    """A full name opening the sentence holds the description its missing comma leaves open; a time or a
    place before the comma is no name."""
    _, phrase = walk_subject(sentence, 0, sentence.rindex(" said") + 1)
    assert phrase == subject


@pytest.mark.parametrize(
    ("phrase", "institution"),
    [
        ("Republican presidential", None),  # a subject cut before its noun: no body is named
        ("the Harbor Trust", "Harbor Trust"),
        ("Lee’s memoir", "Lee’s memoir"),  # a named person's document
        ("the Dahl campaign", "Dahl campaign"),
    ],
)
def test_an_organisation_ends_in_its_name_or_a_word_for_a_body(phrase: str, institution: str | None) -> None:
    assert analyse_subject(phrase).institution == institution
