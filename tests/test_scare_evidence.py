"""Scare quotes read in their neighbourhood (quotations/scare_evidence.py) and the voice of what they hold.

The sentences are written for these tests, not taken from any outlet."""

from __future__ import annotations

import pytest

from generator.analysis.article import assign_voices
from generator.analysis.quotations import TextFacts, find_quotations, find_scare_quotes
from generator.analysis.quotations.scare_evidence import settle_scare_quotes, someones_words
from generator.analysis.results import Match, Quotation
from tests.test_quotations import make_article


def _as_scare_quotes(paragraphs: list[str], headline: str = "Harbour news") -> tuple[TextFacts, tuple[Quotation, ...]]:
    """Every stretch in marks of the article, taken for a scare quote, as is_scare_quote would hand it on."""
    facts = TextFacts(make_article(headline, paragraphs))
    body = facts.text.text
    return facts, tuple(
        Quotation(raw.start, raw.end, body[raw.start : raw.end], None, False, words=len(body[raw.start : raw.end].split()), use="scare")
        for raw in facts.raws
    )


@pytest.mark.parametrize(
    ("paragraphs", "kind"),
    [
        (["The minister left to shouts of “Shame on you?” from the back."], "utterance"),
        (["Highlights include Lee “turning [the council] around” on ferries."], "utterance"),
        (["Ferry Riders Feel ‘Forgotten’ By Harbour Board"], "headline"),
        (["Ann Lee heralded the plan as a “turning point” for the town."], "named"),
        (["The files were marked as “restricted” last spring."], "named"),
        (["Some voters feared what one neighbour dubbed the “harbour grab” last year."], "named"),
        (["Lee groused to a crowd that the board “never listens” to riders."], "reported"),
        (["Rivals seized on Lee’s “ferry to nowhere” remark."], "reported"),
        (["Lee's ferry plan - with a “fair fare” for pensioners - passed."], "reported"),
        (["The captain ordered the crew to “hold fast” until dawn."], "reported"),
        (["Using “harbour tax” when talking about the levy became common."], "reported"),
        (["Ann Lee: A “quick fix” will not mend the wall."], "speaker label"),
        (["The clinic confirmed the closure. Patients moved to a “temporary” ward."], "neighbour"),
        (["Hotels offer “rustic” rooms at city prices.", "Most close in winter."], ""),
    ],
)
def test_each_kind_of_evidence(paragraphs: list[str], kind: str) -> None:
    facts, quotations = _as_scare_quotes(paragraphs)
    assert someones_words(quotations[0], facts) == kind


def test_a_neighbour_in_another_paragraph_is_no_evidence() -> None:
    facts, quotations = _as_scare_quotes(["The clinic confirmed the closure.", "Patients moved to a “temporary” ward."])
    assert someones_words(quotations[0], facts) == ""


def test_a_phrase_quoted_elsewhere_as_someones_words() -> None:
    facts, quotations = _as_scare_quotes(["Hotels offer “rustic” rooms.", "Tom Reyes runs the pier cafe. Work starts in May."])
    said = Quotation(0, 0, "Rustic", "Tom Reyes", False, cue="Reyes said", words=1)
    assert someones_words(quotations[0], facts, frozenset({"rustic"})) == "quoted elsewhere"
    settled = settle_scare_quotes((*quotations, said), facts)
    assert settled[0].use == "quotation" and settled[0].speaker is None
    assert settle_scare_quotes(quotations, facts)[0].use == "scare"  # with no one saying it, still the outlet's label


def test_a_speaker_found_from_a_verb_of_naming_is_uncertain() -> None:
    facts, quotations = _as_scare_quotes(["Ann Lee heralded the plan as a “turning point” for the town."])
    settled = settle_scare_quotes(quotations, facts)[0]
    assert (settled.use, settled.speaker, settled.speaker_kind) == ("quotation", "Ann Lee", "person")
    assert not settled.confident


def test_a_passive_verb_of_naming_leaves_the_speaker_unidentified() -> None:
    facts, quotations = _as_scare_quotes(["The files were designated as “restricted” last spring."])
    settled = settle_scare_quotes(quotations, facts)[0]
    assert (settled.use, settled.speaker, settled.rule) == ("quotation", None, "")


def test_highlights_inside_someones_words_are_not_narration() -> None:
    article = make_article("Harbour news", ["Ann Lee heralded the council as a “gang of tyrants” on Monday."])
    quotations = find_quotations(article)
    assert find_scare_quotes(article, quotations) == ()
    start = article.text.index("tyrants")
    spans = assign_voices(article, (Match(start, start + len("tyrants"), "tyrant", "loaded_labels"),), quotations)
    assert [(s.text, s.voice) for s in spans] == [("tyrants", "quotation")]


def test_a_scare_quote_with_nothing_around_it_is_the_outlets_narration() -> None:
    article = make_article("Harbour news", ["Hotels near the pier offer “rustic” rooms at city prices.", "Most close in winter."])
    quotations = find_quotations(article)
    scare = find_scare_quotes(article, quotations)
    assert [article.text[m.start : m.end] for m in scare] == ["“rustic”"]
    assert [s.voice for s in assign_voices(article, scare, quotations)] == ["narration"]


@pytest.mark.parametrize(
    ("headline", "use"),
    [
        ("‘Harbour Lights’ Star Leaves The Show", "title"),  # a show's name before the word for its star
        ("Lee Slams ‘Failing’ Campaign In Port Town", "quotation"),  # a campaign may be named in someone's words
        ("Port Town Riders ‘Not Sure’ About New Ferry", "quotation"),  # a headline's marks report words
    ],
)
def test_a_headlines_short_quotation_is_never_a_scare_quote(headline: str, use: str) -> None:
    article = make_article(headline, ["The board meets on Tuesday."])
    assert [q.use for q in find_quotations(article)] == [use]
