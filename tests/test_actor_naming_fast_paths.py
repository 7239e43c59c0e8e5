"""The actor step's shortcuts against the plain computation they stand for, on small random events."""

from __future__ import annotations

import bisect
from collections import Counter
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.actors import actor_namings, naming
from generator.analysis.actors.mentions import capitalised, sentence_initial
from generator.analysis.actors.people import ArticlePeople, group_people
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


def plain_resolve(people, full_mentions, paragraph_starts, word, position):
    """The one-word name resolved with its paragraph's start found first, whatever the candidates."""
    paragraph = bisect.bisect_right(paragraph_starts, position) - 1
    paragraph_start = paragraph_starts[paragraph] if paragraph >= 0 else 0
    candidates = people.candidates(word)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        latest = [max((start, actor) for start, actor in full_mentions if actor == candidate and paragraph_start <= start < position)
                  for candidate in candidates
                  if any(actor == candidate and paragraph_start <= start < position for start, actor in full_mentions)]
        return max(latest)[1] if latest else None
    return people.by_given_name(word)


FULL_NAMES = ["bill clinton", "hillary clinton", "hillary rodham clinton", "bernie sanders", "javad zarif", "mohammad javad zarif"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FULL_NAMES), min_size=1, max_size=6), st.sets(st.sampled_from(["clinton", "sanders", "zarif", "bernie"])),
       st.lists(st.tuples(st.integers(0, 100), st.sampled_from(FULL_NAMES)), max_size=6),
       st.lists(st.integers(0, 100), max_size=5).map(sorted), st.sampled_from(["clinton", "hillary", "bernie", "zarif", "bill", "x"]),
       st.integers(0, 110))
@example(["bill clinton", "hillary clinton"], {"clinton"}, [(5, "bill clinton")], [0, 10], "clinton", 10)  # a paragraph's first word
def test_a_one_word_name_is_resolved_as_when_its_paragraph_is_found_first(names, singles, mentions, paragraphs, word, position) -> None:
    """`ArticlePeople.resolve` finds where the name's paragraph starts only when several actors share the word."""
    people = group_people(Counter(names), singles)
    full = [(start, people.actor_of[name]) for start, name in mentions if name in people.actor_of]
    resolver = ArticlePeople(people, full, paragraphs)
    assert resolver.resolve(word, position) == plain_resolve(people, full, paragraphs, word, position)


def plain_sentence_initial(text: str, start: int) -> bool:
    """`sentence_initial` reading its whole window every time."""
    window_start = max(0, start - 12)
    before = text[window_start:start].rstrip(" \t“\"‘'([")
    if before == "":
        return window_start == 0
    return before.endswith(("\n", ".", "!", "?", ":", "—", "–"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "lee", " ", "  ", "\t", "\n", ".", ",", "!", "?", ":", "—", "–", "“", "\"", "‘", "'", "(",
                                 "[", "3", "é", ")", "”"]), max_size=16).map("".join))
def test_a_word_after_a_word_and_a_space_opens_no_sentence(text: str) -> None:
    """`sentence_initial` answers no at once after a space and a character it neither reads past nor stops at;
    it must answer as reading the whole window does, at every offset."""
    for start in range(len(text) + 1):
        assert sentence_initial(text, start) == plain_sentence_initial(text, start)
