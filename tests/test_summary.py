"""Summary sentences: short, ranked, and every figure recomputed from the event's JSON."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from generator.analysis.actors import ActorLabel, ActorNaming, OutletActorLabels
from generator.analysis.rights import Rights
from generator.compare.event import compare_event
from generator.compare.summary import ANCHORS, LEAD_SENTENCES, format_number, summarise
from generator.compare.types import DistinctiveTerm, OutletDistinctive
from generator.render.data import event_json
from tests.compare_builders import three_outlet_event
from tests.compare_seed_event import seed_event
from tests.summary_check import check_summary


def _comparisons():
    seed = seed_event()
    yield compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    yield compare_event(*three_outlet_event())


@pytest.fixture(scope="module")
def comparisons():
    return list(_comparisons())


def _json(comparison):
    rights = {a.slug: Rights("CC BY 4.0", True) for column in comparison.columns for a in column.articles}
    return event_json(comparison, rights)


def test_every_sentence_is_recomputed_from_the_json(comparisons):
    checked = sum(check_summary(_json(comparison)) for comparison in comparisons)
    assert checked >= 8
    anchors = {s.anchor for comparison in comparisons for s in comparison.summary}
    assert anchors >= {"profile", "numbers", "quoted", "shared", "readability"}


def test_a_changed_figure_fails_the_check(comparisons):
    """The check is not vacuous: a sentence whose figures disagree with its table is caught."""
    data = _json(comparisons[1])
    numbers = next(s for s in data["summary"] if s["anchor"] == "numbers")
    numbers["values"][0] += 1
    with pytest.raises(AssertionError):
        check_summary(data)


def test_sentences_are_ranked_and_few_lead(comparisons):
    for comparison in comparisons:
        weights = [s.weight for s in comparison.summary]
        assert weights == sorted(weights, reverse=True)
        assert all(0 <= w <= 1 for w in weights)
    three = comparisons[1]
    assert three.summary[0].anchor == "numbers"  # outlets giving different figures for one count lead
    assert LEAD_SENTENCES == 7


def test_numbers_sentence_names_every_compared_outlet(comparisons):
    (numbers,) = [s for s in comparisons[1].summary if s.anchor == "numbers"]
    assert numbers.text == ("Numbers of rockets differ: Gamma News reports more than 15; "
                            "Alpha News reports 12; Beta News reports 9.")
    assert numbers.key == "rocket" and numbers.values == (15, 12, 9)


def test_no_numbers_sentence_across_different_incidents(comparisons):
    assert not [s for s in comparisons[0].summary if s.anchor == "numbers"]


def test_no_sentence_from_a_thin_extraction(comparisons):
    seed = comparisons[0]
    for sentence in seed.summary:
        if sentence.anchor == "profile":
            index = [c for c, _ in seed.categories].index(sentence.key)
            assert max(o.rates[index].total_count for o in seed.profile) >= 3
    weak = replace(seed, distinctive=(OutletDistinctive("mehr", (DistinctiveTerm("rare", "word", 3.0, 4.5, 2, 0),)),
                                      OutletDistinctive("afp", ())))
    assert not [s for s in summarise(weak) if s.anchor == "distinctive"]  # z 4.5, but used twice: not stated


def test_an_epithet_one_outlet_prints_leads_with_its_voice(comparisons):
    base = comparisons[1]
    epithet = ActorLabel("Sleepy Sam", "epithet", "quotation", "Lee Park", None, 2, ("x",))
    naming = ActorNaming("Sam Ortiz", "name", ("x", "y"), (
        OutletActorLabels("gamma", 3, (epithet,)), OutletActorLabels("alpha", 2, ()), OutletActorLabels("beta", 0, ())))
    summary = summarise(replace(base, actors=(naming,)))
    sentence = next(s for s in summary if s.key == "Sam Ortiz|Sleepy Sam")
    assert sentence.text == "Gamma News calls Sam Ortiz “Sleepy Sam” (2 times, quoting Lee Park); no other outlet here does."
    assert summary.index(sentence) < LEAD_SENTENCES


def test_no_verdict_words(comparisons):
    verdicts = re.compile(r"\b(true|false|lie|lies|wrong|right|biased|propaganda|accurate)\b", re.I)
    for comparison in comparisons:
        for sentence in comparison.summary:
            assert sentence.anchor in ANCHORS
            assert not verdicts.search(sentence.text), sentence.text


def test_format_number():
    assert [format_number(v) for v in (8, 5000.0, 2.5, 58976)] == ["8", "5,000", "2.5", "58,976"]


def test_who_gets_quoted_never_says_no_one_when_quotations_have_no_sure_speaker(comparisons):
    """Quotations whose speaker the analysis is unsure of are quotations: the outlet is not said to quote no one,
    and no count of zero is stated; a share is rounded half up from whole numbers (38.5% is 39%, as the JSON
    recomputes it); each sentence's figures still match the JSON."""
    from generator.compare.types import OutletQuoted, QuotedSources, SpeakerShare

    unsure = QuotedSources((SpeakerShare("unattributed", None, False, 3, 40, 1.0),), 40, 0, 0, 0)
    named = QuotedSources((SpeakerShare("Ann Lee", None, False, 2, 77, 77 / 200), SpeakerShare("unattributed", None, False, 1, 123, 0.615)),
                          200, 1, 0, 0)
    silent = QuotedSources((), 0, 0, 0, 0)
    base = comparisons[1]
    outlets = [column.outlet for column in base.columns]
    changed = replace(base, quoted=tuple(OutletQuoted(o, q) for o, q in zip(outlets, (unsure, named, silent))))
    changed = replace(changed, summary=summarise(changed))
    texts = {s.key: s.text for s in changed.summary if s.anchor == "quoted"}
    names = [base.outlet_name(outlet) for outlet in outlets]
    assert texts[outlets[0]] == f"None of {names[0]}'s 3 quotations has a speaker the analysis is sure of."
    assert texts[outlets[1]] == f"{names[1]} quotes 1 named speaker; the most quoted, Ann Lee, has 77 of its 200 quoted words (39%)."
    assert texts[outlets[2]] == f"{names[2]} quotes no one directly."
    check_summary(_json(changed))
