"""The actor step's shortcuts against the plain computation they stand for, on small random events."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.actors import actor_namings, naming
from generator.analysis.actors.mentions import capitalised
from generator.analysis.terms import word_columns
from generator.model import ActorAlias, Event
from tests.compare_builders import analysis, article, article_text, span

PIECES = ["Maria Lopez", "Lopez", "Maria", "Ali Reza Khan", "Khan", "said", "the", ", a senior envoy,", "Foreign Minister",
          "Crazy", "Mr.", "Iran", "U.S.", "[", "]", "habitual liar", "“", "”", "Despite", "New York Democrat", ".", ". ",
          "\n\n", "Pompeo", "Mike Pompeo", "Iran-backed", "militias", "Iran-backed militias", "Bill Clinton", "Hillary Clinton", "Clinton", "regime"]
FRAMINGS = [("regime", "loaded_labels"), ("Crazy", "loaded_labels"), ("Iran-backed", "affiliation"), ("habitual liar", "loaded_labels")]
bodies = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join), min_size=1, max_size=4)


def _analysed(texts: list[str]):
    analyses, articles = {}, []
    for index, body in enumerate(texts):
        text = article_text(f"Report {index}", body)
        spans = tuple(span(text.text, fragment, category, "narration")
                      for fragment, category in FRAMINGS if fragment in text.text)
        slug = f"a{index}"
        analyses[slug] = analysis(slug, text, spans)
        articles.append(article(slug, f"o{index % 3}", f"2021-01-0{index + 1}"))
    return analyses, articles


class _Everything:
    def __contains__(self, key: object) -> bool:
        return True


@settings(max_examples=150, deadline=None)
@given(bodies, st.integers(1, 2), st.integers(1, 3), st.booleans())
def test_labels_only_for_actors_that_can_be_listed(texts: list[str], min_articles: int, min_outlets: int, table: bool) -> None:
    """`actor_namings` finds labels only for the mentions of actors that can be listed: it must list the
    same actors with the same labels as when every mention's labels are found."""
    analyses, articles = _analysed(texts)
    actors = (ActorAlias("Mike Pompeo", ("Pompeo", "the U.S. regime")),) if table else ()
    event = Event("event", "E", "", "", actors=actors)
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    shortcut = actor_namings(event, articles, analyses, outlets, min_articles, min_outlets=min_outlets)
    every = naming._raw_labels
    with mock.patch.object(naming, "_raw_labels", lambda found, an, wo, known, wanted: every(found, an, wo, known, _Everything())):
        plain = actor_namings(event, articles, analyses, outlets, min_articles, min_outlets=min_outlets)
    assert shortcut == plain


@settings(max_examples=150, deadline=None)
@given(bodies, st.integers(1, 2))
def test_an_event_without_an_alias_table_skips_affiliations(texts: list[str], min_articles: int) -> None:
    """Without an alias table no mention is the table's and affiliations are left out, so they are not looked for:
    the namings must be those of the whole walk (which an alias table of a key nothing matches takes)."""
    analyses, articles = _analysed(texts)
    event = Event("event", "E", "", "")
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    shortcut = actor_namings(event, articles, analyses, outlets, min_articles, min_outlets=1)
    with mock.patch.object(naming, "_alias_keys", lambda event: {"\x00": "nobody"}):
        plain = actor_namings(event, articles, analyses, outlets, min_articles, min_outlets=1)
    assert shortcut == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "lee", "É", "ß", "ǅ", "3", "_x", " ", "\n", ".", "日本", "İ"]), max_size=12).map(" ".join))
def test_capitalised_words_are_those_with_an_upper_case_first_letter(text: str) -> None:
    """`capitalised` takes the first letters with one itemgetter (a tuple only for two words or more)."""
    words = word_columns(text)
    assert capitalised(text, words) == [i for i, start in enumerate(words.starts) if text[start].isupper()]
