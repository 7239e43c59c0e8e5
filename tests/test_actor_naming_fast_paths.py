"""The actor step's shortcuts, tested as properties of its public functions on small random events: labels
are found only for actors that can be listed, affiliations only with an alias table, capitals in one step."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analysis.actors import ActorNaming, actor_namings
from generator.analysis.actors.mentions import capitalised
from generator.analysis.results import ArticleAnalysis
from generator.analysis.terms import word_columns
from generator.model import ActorAlias, Article, Event
from tests.compare_builders import analysis, article, article_text, span

PIECES = ["Maria Lopez", "Lopez", "Maria", "Ali Reza Khan", "Khan", "said", "the", ", a senior envoy,", "Foreign Minister",
          "Crazy", "Mr.", "Iran", "U.S.", "[", "]", "habitual liar", "“", "”", "Despite", "New York Democrat", ".", ". ",
          "\n\n", "Pompeo", "Mike Pompeo", "Iran-backed", "militias", "Iran-backed militias", "Bill Clinton", "Hillary Clinton", "Clinton", "regime"]
FRAMINGS = [("regime", "loaded_labels"), ("Crazy", "loaded_labels"), ("Iran-backed", "affiliation"), ("habitual liar", "loaded_labels")]
bodies = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join), min_size=1, max_size=4)


def _analysed(texts: list[str]) -> tuple[dict[str, ArticleAnalysis], list[Article]]:
    """One article per text, of outlets o0, o1, o2 in turn, with the lexicon's FRAMINGS found in it."""
    analyses: dict[str, ArticleAnalysis] = {}
    articles: list[Article] = []
    for index, body in enumerate(texts):
        text = article_text(f"Report {index}", body)
        spans = tuple(span(text.text, fragment, category, "narration")
                      for fragment, category in FRAMINGS if fragment in text.text)
        slug = f"a{index}"
        analyses[slug] = analysis(slug, text, spans)
        articles.append(article(slug, f"o{index % 3}", f"2021-01-0{index + 1}"))
    return analyses, articles


def _listed(naming: ActorNaming, min_articles: int, outlets_needed: int) -> bool:
    """Whether an actor the loosest listing lists meets the thresholds (an alias-table actor always does)."""
    return naming.source == "alias_table" or (
        len(naming.articles) >= min_articles and sum(1 for cell in naming.outlets if cell.mentions) >= outlets_needed)


@settings(max_examples=150, deadline=None)
@given(bodies, st.integers(1, 2), st.integers(1, 3), st.booleans())
@example(["Foreign Minister Maria Lopez said."], 1, 3, False)  # fewer outlets than asked for: all of them are enough
def test_labels_only_for_actors_that_can_be_listed(texts: list[str], min_articles: int, min_outlets: int, table: bool) -> None:
    """`actor_namings` finds labels only for the mentions of actors that can be listed. At the loosest
    thresholds every named actor can be; a stricter listing must be that one with the actors that miss
    its thresholds left out, and every other actor as it was, labels and all."""
    analyses, articles = _analysed(texts)
    actors = (ActorAlias("Mike Pompeo", ("Pompeo", "the U.S. regime")),) if table else ()
    event = Event("event", "E", "", "", actors=actors)
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    loosest = actor_namings(event, articles, analyses, outlets, 1, min_outlets=1)
    listed = actor_namings(event, articles, analyses, outlets, min_articles, min_outlets=min_outlets)
    assert listed == tuple(n for n in loosest if _listed(n, min_articles, min(min_outlets, len(outlets))))


def test_an_actor_is_listed_with_its_labels_at_the_thresholds_it_meets() -> None:
    """Khan, named and titled in one article, is listed with his title when one article of one outlet is
    enough, and only then; Lopez, whom both outlets name and describe, is listed alike at every threshold."""
    analyses, articles = _analysed(["Foreign Minister Ali Reza Khan spoke. Then Maria Lopez, a senior envoy, answered.",
                                    "Later Maria Lopez, a senior envoy, left."])
    event = Event("event", "E", "", "")
    loosest = actor_namings(event, articles, analyses, ("o0", "o1"), 1, min_outlets=1)
    assert [(n.actor, [(c.outlet, c.mentions, [label.text for label in c.labels]) for c in n.outlets]) for n in loosest] == [
        ("Maria Lopez", [("o0", 1, ["a senior envoy"]), ("o1", 1, ["a senior envoy"])]),
        ("Ali Reza Khan", [("o0", 1, ["Foreign Minister"]), ("o1", 0, [])]),
    ]
    for min_articles, min_outlets in [(2, 1), (1, 2), (2, 2)]:
        assert actor_namings(event, articles, analyses, ("o0", "o1"), min_articles, min_outlets=min_outlets) == loosest[:1]


@settings(max_examples=150, deadline=None)
@given(bodies, st.integers(1, 2))
def test_an_event_without_an_alias_table_skips_affiliations(texts: list[str], min_articles: int) -> None:
    """Without an alias table no mention is the table's and affiliations are left out, so they are not looked
    for: the namings must be those of an event whose table names nobody its articles write."""
    analyses, articles = _analysed(texts)
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    bare = actor_namings(Event("event", "E", "", ""), articles, analyses, outlets, min_articles, min_outlets=1)
    nobody = Event("event", "E", "", "", actors=(ActorAlias("Zyzzyva Quux", ("the Quux",)),))
    assert bare == actor_namings(nobody, articles, analyses, outlets, min_articles, min_outlets=1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "lee", "É", "ß", "ǅ", "3", "_x", " ", "\n", ".", "日本", "İ"]), max_size=12).map(" ".join))
def test_capitalised_words_are_those_with_an_upper_case_first_letter(text: str) -> None:
    """`capitalised` takes the first letters with one itemgetter (a tuple only for two words or more)."""
    words = word_columns(text)
    assert capitalised(text, words) == [i for i, start in enumerate(words.starts) if text[start].isupper()]
