"""How each outlet names the actors: seed event and small synthetic texts."""

from __future__ import annotations

from generator.analysis.actors import actor_namings, singular
from generator.model import ActorAlias, Event
from tests.compare_builders import analysis, article, article_text, span
from tests.compare_seed_event import MEHR_2, seed_event


def _namings(min_articles: int = 2):
    seed = seed_event()
    namings = actor_namings(seed.event, seed.articles, seed.analyses, ("mehr", "afp"), min_articles)
    return {n.actor: dict((o.outlet, o) for o in n.outlets) for n in namings}, namings


def _labels(entry):
    return {(label.kind, label.text, label.voice) for label in entry.labels}


def test_pompeo_title_and_zarifs_description_with_voices():
    by_actor, _ = _namings()
    mehr = by_actor["Mike Pompeo"]["mehr"]
    labels = _labels(mehr)
    assert ("title", "U.S. Secretary of State", "narration") in labels
    assert ("description", "habitual liar", "quotation") in labels
    liar = next(l for l in mehr.labels if l.kind == "description")
    assert liar.speaker == "Mohammad Javad Zarif" and liar.articles == (MEHR_2,)
    assert by_actor["Mike Pompeo"]["afp"].mentions == 0


def test_alias_table_us_regime_inside_a_quotation():
    by_actor, namings = _namings()
    mehr = by_actor["U.S. government"]["mehr"]
    regime = next(l for l in mehr.labels if l.kind == "name" and l.text == "U.S. regime")
    assert regime.voice == "quotation" and regime.speaker == "Saeed Khatibzadeh" and regime.count == 2
    assert ("name", "Trump administration", "narration") in _labels(by_actor["U.S. government"]["afp"])
    assert [n.actor for n in namings][:3] == ["U.S. government", "Iran-backed militias", "Kataib Hezbollah"]


def test_militias_labelled_by_each_outlet_in_its_own_voice():
    by_actor, _ = _namings()
    militias = by_actor["Iran-backed militias"]
    assert {(l.text, l.voice) for l in militias["mehr"].labels if l.kind == "framing"} == {("Iran-backed", "quotation")}
    assert ("name", "Iran-linked militias", "narration") in _labels(militias["afp"])
    assert militias["mehr"].mentions == 4 and militias["afp"].mentions == 3


def test_table_actors_listed_even_when_one_article_mentions_them():
    by_actor, _ = _namings()
    kataib = by_actor["Kataib Hezbollah"]
    assert kataib["mehr"].mentions == 0 and kataib["afp"].mentions == 3
    assert ("framing", "predominantly-Shiite", "narration") in _labels(kataib["afp"])


def test_detected_names_need_several_articles():
    by_actor, _ = _namings()
    assert "Saeed Khatibzadeh" in by_actor  # both Mehr pieces
    assert ("apposition", "spokesman for Iran’s Foreign Ministry", "narration") in _labels(by_actor["Saeed Khatibzadeh"]["mehr"])
    assert "Mohammad Javad Zarif" not in by_actor  # one article only
    by_actor_one, _ = _namings(min_articles=1)
    assert "Mohammad Javad Zarif" in by_actor_one
    assert ("title", "Foreign Minister", "narration") in _labels(by_actor_one["Mohammad Javad Zarif"]["mehr"])
    soleimani = by_actor["Qassem Soleimani"]
    assert ("title", "senior Iranian general", "narration") in _labels(soleimani["afp"])
    assert set(by_actor["Qassem Soleimani"]) == {"mehr", "afp"}


def test_sentence_initial_words_do_not_join_names():
    by_actor, _ = _namings(min_articles=1)
    assert not any(name.startswith(("Despite ", "Addressing ")) for name in by_actor)


def test_surnames_link_later_mentions_and_the_alias_table_merges_detected_names():
    body_a = "Defence Minister Ana Lopez spoke. Lopez, the defence minister, said little."
    body_b = "Ana Lopez denied it. The hawkish Lopez left."
    text_a, text_b = article_text("A", body_a), article_text("B", body_b)
    analyses = {
        "a": analysis("a", text_a),
        "b": analysis("b", text_b, spans=(span(text_b.text, "hawkish", "loaded_labels", "narration"),)),
    }
    articles = (article("a", "x", "2021-01-01"), article("b", "y", "2021-01-02"))
    event = Event("event", "E", "", "", actors=(ActorAlias("Defence minister Lopez", ("Ana Lopez",)),))
    (naming,) = actor_namings(event, articles, analyses, ("x", "y"))
    assert naming.actor == "Defence minister Lopez" and naming.source == "alias_table"
    x, y = naming.outlets
    assert x.mentions == 2 and y.mentions == 2
    assert ("title", "Defence Minister", "narration") in _labels(x)
    assert ("apposition", "the defence minister", "narration") in _labels(x)
    assert ("framing", "hawkish", "narration") in _labels(y)


def test_singular():
    assert [singular(w) for w in ("militias", "casualties", "troops", "press", "bus")] == \
        ["militia", "casualty", "troop", "press", "bus"]


def _two_articles(body_a: str, body_b: str, actors: tuple[ActorAlias, ...] = ()):
    text_a, text_b = article_text("First report", body_a), article_text("Second report", body_b)
    analyses = {"a": analysis("a", text_a), "b": analysis("b", text_b)}
    articles = (article("a", "x", "2021-01-01"), article("b", "y", "2021-01-02"))
    namings = actor_namings(Event("event", "E", "", "", actors=actors), articles, analyses, ("x", "y"), 1)
    return {n.actor: n for n in namings}


def test_a_mention_inside_the_last_hyphenated_word_of_an_article() -> None:
    """Real news: a name found inside the article's last word ("anti-Trump") once indexed past its words."""
    ending = "Last December, a senator blocked a bill and suggested it was “anti-Trump.”"
    trump = (ActorAlias("Donald Trump", ("Trump",)),)
    for body in (f"Donald Trump spoke on Monday. {ending}", "Donald Trump spoke. It was anti-Trump", "Anti-Trump"):
        namings = _two_articles(body, "Donald Trump answered critics on Tuesday.", trump)
        labels = {(label.kind, label.text) for outlet in namings["Donald Trump"].outlets for label in outlet.labels}
        assert not any("anti" in text.lower() for _, text in labels)  # "anti-Trump" is no name for him
        assert namings["Donald Trump"].outlets[0].mentions >= 1


def test_titles_and_honorifics_are_not_part_of_a_name() -> None:
    namings = _two_articles(
        "Supreme Leader Ali Khamenei spoke. Florida Gov. Jeb Bush replied.",
        "Ali Khamenei and Jeb Bush met.",
    )
    assert "Ali Khamenei" in namings
    assert not any(name.startswith(("Supreme", "Florida")) for name in namings)
    titles = {label.text for outlet in namings["Ali Khamenei"].outlets for label in outlet.labels if label.kind == "title"}
    assert titles == {"Supreme Leader"}


def test_given_names_taken_in_before_a_surname_are_few() -> None:
    """A run of capitalised words before a known surname is not all given names."""
    long_run = " ".join(["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"])
    namings = _two_articles(f"{long_run} Trump spoke.", "Donald Trump answered.", (ActorAlias("Donald Trump", ("Trump",)),))
    names = {label.text for outlet in namings["Donald Trump"].outlets for label in outlet.labels if label.kind == "name"}
    assert all(len(name.split()) <= 5 for name in names), names
