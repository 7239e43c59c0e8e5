"""Distinctive words tell framing, not bylines: outlets' names, datelines, bylines, credits and house style are left out."""

from __future__ import annotations

from collections import Counter

from generator.compare.bylines import excluded, furniture_counts, outlet_terms
from generator.compare.distinctive import DistinctiveTerm, corpus_word_counts, prefer_phrases
from generator.compare.event import compare_event
from generator.model import Category, Event, Lexicon, Outlet
from tests.compare_builders import analysis, article, article_text

HARBOR = Outlet("harbor-times", "The Harbor Times", "US", "Private", None, "All rights reserved", domains=("harbortimes.example",))
COAST = Outlet("coast", "Coastline News", "US", "Private", None, "All rights reserved", signatures=("(CNS)",))
WIRE = Outlet("wire", "Valley Wire (VW)", "US", "Cooperative", None, "All rights reserved")

BODIES = {
    "harbor-times": ("Mayor faces protest over mill closure",
                     "PORTVILLE, Maine (AP) — Mr. Soto told The Harbor Times that the U.S. grant was lost. "
                     "Protesters called the closure a betrayal and a betrayal of the town. Mr. Soto said the Times "
                     "had the numbers. Mr. Soto left.\n\nBy Ann Lee\n\nPhoto: Harbor Times staff"),
    "coast": ("Mill closes after grant falls through",
              "PORTVILLE — Coastline News learned the mill closed. Officials said the mill would close in spring. "
              "Officials said the grant was late. Coastline News asked the mayor. Workers said the plan was fair. "
              "The mill plan was fair, workers said, and the mill plan was approved."),
    "wire": ("Town mill to shut",
             "The mill will shut, VW reported. Budget officials cited the budget. The budget gap widened. "
             "Reporting by Ann Lee; Editing by Tom Ray"),
}


def _comparison():
    outlets = {o.id: o for o in (HARBOR, COAST, WIRE)}
    analyses, articles = {}, []
    for index, (outlet_id, (headline, body)) in enumerate(BODIES.items()):
        slug = f"2022-03-0{index + 1}-{outlet_id}"
        analyses[slug] = analysis(slug, article_text(headline, body))
        articles.append(article(slug, outlet_id, f"2022-03-0{index + 1}", "mill", "2022-03-01", title=headline))
    lexicon = Lexicon(categories=(Category("loaded_labels", "Loaded labels", ""),), entries=(), placeholders=(), version="t")
    return compare_event(Event("mill", "Mill closure", "", ""), tuple(articles), analyses, outlets, lexicon,
                         corpus_word_counts(analyses))


def test_no_distinctive_term_is_an_outlet_name_a_dateline_a_byline_or_house_style() -> None:
    terms = {t.term for entry in _comparison().distinctive for t in entry.terms}
    banned = {"harbor", "times", "coastline", "news", "vw", "wire", "valley", "mr", "u.s", "ap", "portville",
              "maine", "ann", "lee", "photo", "staff", "reporting", "editing", "tom", "ray", "cns"}
    assert not {word for term in terms for word in term.split(" ")} & banned, terms
    assert {"betrayal", "budget"} <= terms


def test_outlet_terms_come_from_ids_names_domains_and_signatures() -> None:
    terms = outlet_terms((HARBOR, COAST, WIRE))
    assert {"harbor", "times", "harbortimes", "coast", "news", "wire", "vw", "cns", "mr", "ap", "said"} <= terms
    assert "valley" not in terms and "coastline" not in terms  # a name's first word often names a place
    assert excluded("mr soto", terms) and excluded("u.n", terms) and not excluded("mill plan", terms)


def test_only_the_outlets_own_name_is_subtracted_not_the_words_elsewhere() -> None:
    """"New York" in a story about its primary counts; "The New York Times" does not."""
    times = Outlet("nyt", "The New York Times", "US", "Private", None, "All rights reserved")
    text = "New York voters went to the polls. The New York Times reported turnout; the Times said New York was calm."
    words, phrases = furniture_counts(article("a", "nyt", "2022-01-01"), text, (times,))
    assert words == Counter({"new": 1, "york": 1, "times": 2})
    assert phrases["new york"] == 1 and phrases["york times"] == 1


def test_a_word_gives_way_to_a_phrase_that_holds_most_of_its_uses() -> None:
    ranked = (DistinctiveTerm("border", "word", 1, 4.0, 4, 0), DistinctiveTerm("wall", "word", 1, 3.5, 7, 0),
              DistinctiveTerm("border wall", "phrase", 1, 3.0, 3, 0), DistinctiveTerm("fence", "word", 1, 2.0, 2, 0))
    assert [t.term for t in prefer_phrases(ranked, 3)] == ["wall", "border wall", "fence"]


def test_each_outlet_is_weighed_against_what_the_other_outlets_write_in_all() -> None:
    """A term's other count is every use of it by the event's other outlets, each counted as often as it is used."""
    bodies = {"harbor-times": "Protesters called it a betrayal, a betrayal and a betrayal.",
              "coast": "Officials said the mill would close. Workers said a betrayal; the mayor denied any betrayal. "
                       "The mill plan was fair, the council said, and the budget was approved in spring.",
              "wire": "The budget gap widened. The mill will shut, a betrayal, workers said."}
    outlets = {o.id: o for o in (HARBOR, COAST, WIRE)}
    analyses, articles = {}, []
    for index, (outlet_id, body) in enumerate(bodies.items()):
        slug = f"2022-03-0{index + 1}-{outlet_id}"
        analyses[slug] = analysis(slug, article_text("Mill closure", body))
        articles.append(article(slug, outlet_id, f"2022-03-0{index + 1}", "mill", "2022-03-01", title="Mill closure"))
    lexicon = Lexicon(categories=(Category("loaded_labels", "Loaded labels", ""),), entries=(), placeholders=(), version="t")
    comparison = compare_event(Event("mill", "Mill closure", "", ""), tuple(articles), analyses, outlets, lexicon,
                               corpus_word_counts(analyses))
    harbor = next(entry for entry in comparison.distinctive if entry.outlet == "harbor-times")
    betrayal = next(term for term in harbor.terms if term.term == "betrayal")
    assert (betrayal.count, betrayal.other_count) == (3, 3)
