"""The numbers table: outlets differ only about one thing, one incident, one figure each, confidently."""

from __future__ import annotations

import datetime as dt

from generator.analysis.numbers import confident
from generator.analysis.results import NumericClaim
from generator.compare.quantities import central_nouns, quantity_rows
from tests.compare_builders import analysis, article, article_text, claim

OUTLETS = ("north", "south", "east")


def _rows(claims_by_outlet: dict[str, list[tuple[str, float, str, str]]], incidents: dict[str, str | None] | None = None,
          different_incidents: bool = False, central: frozenset[str] | None = None, context: str = "struck the harbor depot"):
    """One article per outlet whose body holds the claims' surfaces, each in a sentence "Officials said {surface}
    {context}."; `claims`: (surface, value, counted, qualifier)."""
    analyses, by_outlet = {}, {}
    for index, outlet in enumerate(OUTLETS):
        surfaces = claims_by_outlet.get(outlet, [])
        sentences = {s: f"Officials said {s} {context}." for s, *_ in surfaces}
        text = article_text("Report", " ".join(sentences.values()) or "Nothing.")
        numbers = tuple(claim(text.text, s, v, c, q, sentence=sentences[s]) for s, v, c, q in surfaces)
        slug = f"{outlet}-1"
        analyses[slug] = analysis(slug, text, numbers=numbers)
        incident = (incidents or {}).get(outlet)
        by_outlet[outlet] = [article(slug, outlet, f"2021-05-0{index + 1}", incident=incident)]
    return {row.quantity: row for row in quantity_rows(OUTLETS, by_outlet, analyses, different_incidents, central)}


def test_one_figure_each_about_one_incident_differs() -> None:
    rows = _rows({"north": [("12 drones", 12, "drones", "exact")], "south": [("9 drones", 9, "drones", "exact")]})
    assert rows["drone"].differs and rows["drone"].compared == ("north", "south")


def test_the_same_figure_does_not_differ() -> None:
    rows = _rows({"north": [("12 drones", 12, "drones", "exact")], "south": [("twelve drones", 12, "drones", "exact")]})
    assert not rows["drone"].differs


def test_an_outlet_with_several_figures_is_listed_not_compared() -> None:
    rows = _rows({"north": [("12 drones", 12, "drones", "exact"), ("3 drones", 3, "drones", "exact")],
                  "south": [("9 drones", 9, "drones", "exact")]})
    assert not rows["drone"].differs and rows["drone"].outlets == ("north", "south")
    rows = _rows({"north": [("12 drones", 12, "drones", "exact"), ("3 drones", 3, "drones", "exact")],
                  "south": [("9 drones", 9, "drones", "exact")], "east": [("more than 10 drones", 10, "drones", "more_than")]})
    assert rows["drone"].compared == ("south", "east")


def test_shares_durations_and_scores_never_differ() -> None:
    rows = _rows({"north": [("40 percent", 40, "percent", "exact"), ("four years", 4, "years", "exact"), ("15 points", 15, "points", "exact")],
                  "south": [("52 percent", 52, "percent", "exact"), ("two years", 2, "years", "exact"), ("9 points", 9, "points", "exact")]})
    assert not any(row.differs for row in rows.values())
    assert set(rows) == {"percent", "year", "point"}


def test_different_incidents_are_compared_only_within_each() -> None:
    claims = {"north": [("12 drones", 12, "drones", "exact")], "south": [("9 drones", 9, "drones", "exact")],
              "east": [("7 drones", 7, "drones", "exact")]}
    rows = _rows(claims, {"north": "2021-05-01", "south": "2021-04-02", "east": "2021-05-01"}, different_incidents=True)
    assert rows["drone"].compared == ("north", "east") and rows["drone"].incident == dt.date(2021, 5, 1)
    rows = _rows(claims, {"north": "2021-05-01", "south": "2021-04-02", "east": None}, different_incidents=True)
    assert not rows["drone"].differs  # an article without an incident date is compared with nobody


def test_a_lone_unqualified_one_is_never_compared() -> None:
    rows = _rows({"north": [("one drone", 1, "drones", "exact")], "south": [("9 drones", 9, "drones", "exact")]})
    assert not rows["drone"].differs
    assert [c.confident for c in rows["drone"].claims] == [False, True]
    assert confident(NumericClaim(0, 1, "at least one drone", 1, "at_least", "drones", "", "narration"))


def test_only_what_the_event_is_about_and_only_alike_sentences_differ() -> None:
    claims = {"north": [("12 drones", 12, "drones", "exact")], "south": [("9 drones", 9, "drones", "exact")]}
    assert _rows(claims, central=frozenset({"drone", "depot"}))["drone"].differs
    assert not _rows(claims, central=frozenset({"depot", "strike"}))["drone"].differs  # not what the event is about
    assert not _rows(claims, context="")["drone"].differs  # sentences that share nothing but the count


def test_central_nouns_come_from_the_title_the_summary_and_two_outlets_headlines() -> None:
    nouns = central_nouns("Drone strike on a depot", "Drones hit the harbor.",
                          {"north": ["Drones hit depot", "Mayor speaks"], "south": ["Mayor responds"], "east": ["Fire spreads"]})
    assert {"drone", "strike", "depot", "harbor", "mayor"} <= nouns and "fire" not in nouns


def test_a_rows_label_is_the_counted_noun_as_the_articles_write_it() -> None:
    """Counted nouns are compared case-folded, but readers see 'Syrian refugees' and 'US dollars'."""
    rows = _rows({"north": [("250,000 Syrian refugees", 250000, "syrian refugees", "exact"), ("$5 million", 5e6, "us dollars", "exact")],
                  "south": [("10,000 Syrian refugees", 10000, "syrian refugees", "exact")]})
    labels = {row.label for row in rows.values()}
    assert labels == {"Syrian refugees", "US dollars"}, labels
