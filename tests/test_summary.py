"""Summary sentences: every number printed matches the comparison's data."""

from __future__ import annotations

import re

import pytest

from generator.compare.event import compare_event
from generator.compare.summary import ANCHORS, format_number
from tests.compare_builders import three_outlet_event
from tests.compare_seed_event import seed_event

NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _comparisons():
    seed = seed_event()
    yield compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)
    yield compare_event(*three_outlet_event())


@pytest.fixture(scope="module")
def comparisons():
    return list(_comparisons())


def _printed(text: str) -> list[float]:
    """Numbers in a sentence, leaving out the fixed unit "per 1,000 words" and quoted words or titles."""
    text = re.sub(r"“[^”]*”", "", text).replace("per 1,000 words", "")
    return [float(n.replace(",", "")) for n in NUMBER.findall(text)]


def test_every_printed_number_is_a_listed_value(comparisons):
    assert all(comparison.summary for comparison in comparisons), "every comparison here has a summary to check"
    for comparison in comparisons:
        for sentence in comparison.summary:
            assert sentence.anchor in ANCHORS
            names = " ".join(name for _, name in comparison.outlet_names)
            printed = [n for n in _printed(sentence.text) if n not in _printed(names)]
            assert printed == [float(v) for v in sentence.values], sentence.text


def test_profile_sentences_restate_the_rates(comparisons):
    checked = 0
    for comparison in comparisons:
        rates = {(o.outlet, c): r for o in comparison.profile for c, r in zip(
            [cid for cid, _ in comparison.categories], o.rates)}
        labels = dict(comparison.categories)
        for sentence in (s for s in comparison.summary if s.anchor == "profile"):
            category = next(c for c, label in labels.items() if sentence.text.startswith(label))
            expected = []
            for outlet in comparison.outlets:
                rate = rates[(outlet, category)]
                if rate.total_count:
                    expected.append(round(rate.total, 1))
                    if rate.quotation_count and rate.own_words_count:
                        expected.append(round(rate.quotation, 1))
                    assert f"{comparison.outlet_name(outlet)} {round(rate.total, 1):.1f}" in sentence.text
                else:
                    assert f"{comparison.outlet_name(outlet)} none" in sentence.text
            assert list(sentence.values) == expected
            checked += 1
    assert checked >= len(comparisons), "each comparison has at least one profile sentence"


def test_numbers_sentence_restates_the_claims(comparisons):
    seed_comparison = comparisons[0]
    (sentence,) = [s for s in seed_comparison.summary if s.anchor == "numbers"]
    assert "Mehr News Agency reports 8, more than 22" in sentence.text and "AFP reports 5" in sentence.text
    rockets = seed_comparison.numbers[0]
    assert set(sentence.values) == {c.value for c in rockets.claims}


def test_quoted_sentences_restate_the_sources(comparisons):
    checked = 0
    for comparison in comparisons:
        sources = {q.outlet: q.sources for q in comparison.quoted}
        for sentence in (s for s in comparison.summary if s.anchor == "quoted"):
            outlet = next(o for o, name in comparison.outlet_names if sentence.text.startswith(name))
            s = sources[outlet]
            top = s.speakers[0]
            assert sentence.values == (s.named_speakers, s.anonymous_quotations, top.words,
                                       s.quoted_words, round(100 * top.share))
            assert top.speaker in sentence.text
            checked += 1
    assert checked >= 2, "the seed event's two outlets each quote someone"


def test_shared_and_readability_sentences(comparisons):
    comparison = comparisons[0]
    (shared,) = [s for s in comparison.summary if s.anchor == "shared"]
    assert shared.values == (len(comparison.shared), sum(p.words for p in comparison.shared))
    (readability,) = [s for s in comparison.summary if s.anchor == "readability"]
    assert readability.values == tuple(round(r.mean.flesch_reading_ease, 1)
                                       for r in comparison.readability_outlets)


def test_distinctive_sentences_only_for_significant_terms(comparisons):
    for comparison in comparisons:
        for sentence in (s for s in comparison.summary if s.anchor == "distinctive"):
            assert all(v >= 1.96 for v in sentence.values)


def test_no_verdict_words(comparisons):
    verdicts = re.compile(r"\b(true|false|lie|lies|wrong|right|biased|propaganda|accurate)\b", re.I)
    for comparison in comparisons:
        for sentence in comparison.summary:
            assert not verdicts.search(sentence.text), sentence.text


def test_three_outlet_summary_names_every_outlet(comparisons):
    comparison = comparisons[1]
    (numbers,) = [s for s in comparison.summary if s.anchor == "numbers"]
    assert numbers.text == ("Numbers of rockets differ: Gamma News reports more than 15; "
                            "Alpha News reports 12; Beta News reports 9.")


def test_format_number():
    assert [format_number(v) for v in (8, 5000.0, 2.5, 58976)] == ["8", "5,000", "2.5", "58,976"]
