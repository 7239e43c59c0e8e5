"""The event comparison on the seed event and on a synthetic three-outlet event."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from generator.analysis.rights import Rights
from generator.compare.event import compare_event
from generator.compare.quantities import quantity_key
from generator.render.data import event_json
from generator.analysis.terms import word_tokens
from generator.compare.profile import profile_outlet
from tests.compare_builders import article, outlet, three_outlet_event
from tests.compare_seed_event import AFP_1, MEHR_1, MEHR_2, seed_event


def _seed_comparison():
    seed = seed_event()
    return seed, compare_event(seed.event, seed.articles, seed.analyses, seed.outlets, seed.lexicon, seed.prior)


def test_columns_follow_outlet_order_and_article_dates():
    seed, comparison = _seed_comparison()
    assert comparison.outlets == ("mehr", "afp")
    mehr = comparison.columns[0]
    assert [a.slug for a in mehr.articles] == [MEHR_1, MEHR_2]
    assert mehr.published_dates == (dt.date(2020, 12, 22), dt.date(2020, 12, 27))
    assert mehr.incident_dates == (dt.date(2020, 12, 20),)
    assert comparison.columns[1].incident_dates == (dt.date(2020, 1, 26),)


def test_incident_notice_gives_both_dates():
    _, comparison = _seed_comparison()
    assert comparison.incident.differs
    assert dict(comparison.incident.dates) == {"mehr": (dt.date(2020, 12, 20),), "afp": (dt.date(2020, 1, 26),)}


def test_no_incident_notice_when_dates_agree():
    event, articles, analyses, outlets, lexicon, prior = three_outlet_event()
    comparison = compare_event(event, articles, analyses, outlets, lexicon, prior)
    assert not comparison.incident.differs


def test_framing_rates_are_counts_per_thousand_words_of_the_outlet():
    seed, comparison = _seed_comparison()
    mehr = [seed.analyses[MEHR_1], seed.analyses[MEHR_2]]
    words = sum(len(word_tokens(a.text.text)) for a in mehr)
    spans = Counter((s.category, s.voice) for a in mehr for s in a.spans)
    index = [c for c, _ in comparison.categories].index("loaded_labels")
    rate = comparison.profile[0].rates[index]
    assert comparison.profile[0].words == words
    assert rate.quotation_count == spans[("loaded_labels", "quotation")] == 5
    assert rate.quotation == pytest.approx(1000 * 5 / words)
    assert rate.narration == pytest.approx(1000 * spans[("loaded_labels", "narration")] / words)
    assert rate.total == pytest.approx(rate.headline + rate.narration + rate.quotation)


def test_numbers_table_lists_the_rocket_claims_side_by_side_for_different_incidents():
    _, comparison = _seed_comparison()
    rockets = next(r for r in comparison.numbers if r.quantity == "rocket")
    cells = {(c.outlet, c.value, c.qualifier, c.incident) for c in rockets.claims}
    assert {("mehr", 8, "exact", dt.date(2020, 12, 20)), ("mehr", 22, "more_than", dt.date(2020, 12, 20)),
            ("afp", 5, "exact", dt.date(2020, 1, 26))} <= cells
    assert rockets.outlets == ("mehr", "afp")
    assert not rockets.differs and rockets.compared == ()  # January's attack and December's are not one count
    assert comparison.numbers[0] is rockets  # reported by both outlets, so listed first
    eight = next(c for c in rockets.claims if c.value == 8)
    assert eight.article == MEHR_1 and "eight rockets were fired" in eight.sentence
    assert all(not r.differs for r in comparison.numbers if len(r.outlets) < 2)


def test_numbers_differ_where_outlets_give_one_figure_each_for_one_incident():
    event, articles, analyses, outlets, lexicon, prior = three_outlet_event()
    comparison = compare_event(event, articles, analyses, outlets, lexicon, prior)
    (rockets,) = comparison.numbers
    assert rockets.differs and rockets.compared == ("gamma", "alpha", "beta") and rockets.incident is None


@pytest.mark.parametrize("counted, key", [
    ("rockets", "rocket"), ("rockets fired", "rocket"), ("rockets that hit the embassy", "rocket"),
    ("American casualties", "casualty"), ("Iraqi soldiers injured", "soldier"), ("troops", "troop"),
])
def test_quantity_key_matches_heads(counted, key):
    assert quantity_key(counted) == key


def test_who_gets_quoted_shares_and_anonymous_sources():
    event, articles, analyses, outlets, lexicon, prior = three_outlet_event()
    comparison = compare_event(event, articles, analyses, outlets, lexicon, prior)
    alpha = dict((q.outlet, q.sources) for q in comparison.quoted)["alpha"]
    assert alpha.anonymous_quotations == 1 and alpha.named_speakers == 1
    assert alpha.quoted_words == sum(s.words for s in alpha.speakers) == 8
    assert sum(s.share for s in alpha.speakers) == pytest.approx(1.0)
    ortiz = next(s for s in alpha.speakers if s.speaker == "Sam Ortiz")
    assert ortiz.words == 4 and ortiz.affiliation == "commander of the garrison"


def test_three_outlets_each_get_every_section():
    event, articles, analyses, outlets, lexicon, prior = three_outlet_event()
    comparison = compare_event(event, articles, analyses, outlets, lexicon, prior)
    assert comparison.outlets == ("gamma", "alpha", "beta")
    for section in (comparison.columns, comparison.profile, comparison.distinctive,
                    comparison.quoted, comparison.readability_outlets):
        assert [entry.outlet for entry in section] == ["gamma", "alpha", "beta"]
    rockets = comparison.numbers[0]
    assert rockets.outlets == ("gamma", "alpha", "beta") and rockets.differs
    assert {t.term for t in dict((d.outlet, d.terms) for d in comparison.distinctive)["gamma"]} >= {"resistance fighters"}


def test_readability_per_article_and_outlet_mean():
    seed, comparison = _seed_comparison()
    assert [r.article for r in comparison.readability_articles] == [MEHR_1, MEHR_2, AFP_1]
    mehr = comparison.readability_outlets[0].mean
    expected = (seed.analyses[MEHR_1].readability.flesch_reading_ease
                + seed.analyses[MEHR_2].readability.flesch_reading_ease) / 2
    assert mehr.flesch_reading_ease == pytest.approx(expected) and mehr.articles == 2


def test_articles_of_other_events_are_ignored():
    seed = seed_event()
    stray = article("stray", "afp", "2020-01-01", event="other")
    comparison = compare_event(seed.event, seed.articles + (stray,), seed.analyses, seed.outlets,
                               seed.lexicon, seed.prior)
    assert [a.slug for c in comparison.columns for a in c.articles] == [MEHR_1, MEHR_2, AFP_1]


def test_event_json_is_plain_stable_and_complete():
    seed, comparison = _seed_comparison()
    rights = {a.slug: Rights("CC BY 4.0", True) for a in seed.articles}
    data = event_json(comparison, rights)
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data
    assert json.dumps(event_json(comparison, rights)) == json.dumps(data)  # stable order
    assert list(data)[:4] == ["schema", "version", "event", "title"]
    for key in ("columns", "incident", "profile", "distinctive", "actors", "numbers", "quoted",
                "shared", "readability_articles", "readability_outlets", "summary", "failures"):
        assert key in data
    assert data["incident"]["dates"] == [["mehr", ["2020-12-20"]], ["afp", ["2020-01-26"]]]
    rockets = data["numbers"][0]
    assert rockets["quantity"] == "rocket" and rockets["differs"] is False and rockets["compared"] == []
    assert {claim["incident"] for claim in rockets["claims"]} == {"2020-12-20", "2020-01-26"}
    passage = data["shared"][0]
    assert set(passage) == {"article_a", "start_a", "end_a", "article_b", "start_b", "end_b", "words", "exact"}


def test_outlet_profile_over_the_corpus():
    seed = seed_event()
    profile = profile_outlet(seed.outlets["mehr"], seed.articles, seed.analyses)
    assert [a.slug for a in profile.articles] == [MEHR_1, MEHR_2]
    assert profile.words == sum(seed.analyses[s].stats.words for s in (MEHR_1, MEHR_2))
    top = profile.top_terms[0]
    spans = Counter((s.entry, s.category, s.voice) for s in
                    seed.analyses[MEHR_1].spans + seed.analyses[MEHR_2].spans)
    assert (top.entry, top.category, top.voice) == spans.most_common(1)[0][0]
    assert top.count == spans.most_common(1)[0][1] == 4  # "Iran-backed" in Pompeo's words, twice per article
    assert profile.quoted.speakers[0].speaker == "Saeed Khatibzadeh"
    assert profile.readability.flesch_reading_ease == pytest.approx(45.0)


def test_single_outlet_event_has_no_distinctive_terms():
    seed = seed_event()
    only_mehr = {"mehr": outlet("mehr", "Mehr News Agency")}
    articles = tuple(a for a in seed.articles if a.outlet == "mehr")
    comparison = compare_event(seed.event, articles, seed.analyses, only_mehr, seed.lexicon, seed.prior)
    assert comparison.distinctive[0].terms == ()
    assert all(s.anchor != "distinctive" for s in comparison.summary)
