"""How each outlet names the actors: seed event and small texts written for these tests."""

from __future__ import annotations

from generator.analysis.actors import actor_namings, singular
from generator.analysis.text.sentences import article_sentences
from generator.model import ActorAlias, Event
from tests.compare_builders import analysis, article, article_text, quote, span
from tests.compare_seed_event import MEHR_2, seed_event


def _namings(min_articles: int = 2, min_outlets: int = 2):
    seed = seed_event()
    namings = actor_namings(seed.event, seed.articles, seed.analyses, ("mehr", "afp"), min_articles, min_outlets=min_outlets)
    return {n.actor: dict((o.outlet, o) for o in n.outlets) for n in namings}, namings


def _labels(entry):
    return {(label.kind, label.text, label.voice) for label in entry.labels}


def test_pompeo_title_and_zarifs_description_with_voices():
    by_actor, _ = _namings(min_outlets=1)
    mehr = by_actor["Mike Pompeo"]["mehr"]
    labels = _labels(mehr)
    assert ("title", "U.S. Secretary of State", "narration") in labels
    liar = next(l for l in mehr.labels if l.text == "habitual liar")
    assert (liar.kind, liar.voice, liar.speaker, liar.category) == ("description", "quotation", "Mohammad Javad Zarif", "loaded_labels")
    assert liar.articles == (MEHR_2,) and liar.count == 1  # the lexicon span and the description are one label
    assert by_actor["Mike Pompeo"]["afp"].mentions == 0


def test_detected_actors_need_two_outlets():
    by_actor, _ = _namings()
    assert "Mike Pompeo" not in by_actor and "Saeed Khatibzadeh" not in by_actor  # only Mehr names them
    soleimani = by_actor["Qassem Soleimani"]
    assert ("title", "senior Iranian general", "narration") in _labels(soleimani["afp"])
    assert soleimani["mehr"].mentions and soleimani["afp"].mentions


def test_alias_table_us_regime_inside_a_quotation():
    by_actor, namings = _namings()
    mehr = by_actor["U.S. government"]["mehr"]
    regime = next(l for l in mehr.labels if l.text == "U.S. regime")
    assert (regime.kind, regime.voice, regime.speaker, regime.count) == ("name", "quotation", "Saeed Khatibzadeh", 2)
    assert regime.category == "legitimacy"  # the lexicon's "regime" inside the name gives it its category
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


def test_min_articles_still_applies():
    by_actor, _ = _namings(min_articles=1, min_outlets=1)
    assert ("title", "Foreign Minister", "narration") in _labels(by_actor["Mohammad Javad Zarif"]["mehr"])
    by_actor, _ = _namings(min_articles=2, min_outlets=1)
    assert "Mohammad Javad Zarif" not in by_actor  # one article only


def test_sentence_initial_words_do_not_join_names():
    by_actor, _ = _namings(min_articles=1, min_outlets=1)
    assert not any(name.startswith(("Despite ", "Addressing ")) for name in by_actor)
    for entry in (outlet for actor in by_actor.values() for outlet in actor.values()):
        assert not any(label.text.startswith(("Addressing", "Despite")) for label in entry.labels)


def test_singular():
    assert [singular(w) for w in ("militias", "casualties", "troops", "press", "bus")] == \
        ["militia", "casualty", "troop", "press", "bus"]


# ---------------------------------------------------------------- texts written for these tests


def _event(bodies: dict[str, str], actors: tuple[ActorAlias, ...] = (), spans: dict[str, list[tuple[str, str, str]]] | None = None,
           quotes: dict[str, list[tuple[str, str | None]]] | None = None, min_outlets: int = 2):
    """One article per outlet (in the order given), analysed with the given spans and quotations."""
    analyses, articles = {}, []
    for index, (outlet_id, body) in enumerate(bodies.items()):
        text = article_text(f"Report {index + 1}", body)
        t = text.text
        quotations = tuple(quote(t, fragment, speaker) for fragment, speaker in (quotes or {}).get(outlet_id, []))
        voice_of = {q.text: q for q in quotations}
        made = []
        for fragment, category, voice in (spans or {}).get(outlet_id, []):
            speaker = next((q.speaker for q in quotations if fragment in q.text), None) if voice == "quotation" else None
            made.append(span(t, fragment, category, voice, speaker=speaker))
        del voice_of
        slug = f"a{index}"
        analyses[slug] = analysis(slug, text, tuple(made), quotations)
        articles.append(article(slug, outlet_id, f"2021-01-0{index + 1}"))
    namings = actor_namings(Event("event", "E", "", "", actors=actors), articles, analyses, tuple(bodies), 1, min_outlets=min_outlets)
    return {n.actor: n for n in namings}, analyses, articles


def _cell(naming, outlet: str):
    return next(o for o in naming.outlets if o.outlet == outlet)


def test_an_epithet_is_a_label_of_the_outlet_that_printed_it_never_the_actors_name() -> None:
    bodies = {
        "x": "Senator Dana Whitlock spoke in Dover. “Sleepy Dana cannot win,” said Rob Keane, her rival.",
        "y": "Dana Whitlock told voters she would win. Dana has led the polls all month.",
        "z": "Supporters cheered Dana Whitlock. Whitlock thanked them.",
    }
    namings, _, _ = _event(bodies, quotes={"x": [("Sleepy Dana cannot win,", "Rob Keane")]})
    assert "Dana Whitlock" in namings and not any("Sleepy" in name for name in namings)
    whitlock = namings["Dana Whitlock"]
    epithets = [(o.outlet, l.text, l.voice, l.speaker) for o in whitlock.outlets for l in o.labels if l.kind == "epithet"]
    assert epithets == [("x", "Sleepy Dana", "quotation", "Rob Keane")]
    assert _cell(whitlock, "y").mentions == 2  # "Dana" alone joins the one actor whose first name it is
    assert _cell(whitlock, "z").mentions == 2


def test_a_lexicon_word_before_a_name_labels_it_and_is_not_part_of_it() -> None:
    bodies = {"x": "Voters saw Disgraced Dana Whitlock lose. Crooked Dana Whitlock left.", "y": "Dana Whitlock won. Whitlock smiled."}
    namings, _, _ = _event(bodies, spans={"x": [("Disgraced", "loaded_labels", "narration"), ("Crooked", "loaded_labels", "narration")]})
    assert set(namings) == {"Dana Whitlock"}
    labels = {(l.text, l.kind, l.category) for l in _cell(namings["Dana Whitlock"], "x").labels}
    assert labels == {("Disgraced", "framing", "loaded_labels"), ("Crooked Dana Whitlock", "epithet", "loaded_labels")}


def test_party_members_and_occasions_are_descriptions_not_actors() -> None:
    bodies = {
        "x": "A Wisconsin Republican, the senior senator, spoke on Election Day. The New York Democrat, a lawyer, agreed.",
        "y": "The Wisconsin Republican, a farmer, voted on Election Day. A New York Democrat, the mayor, did not.",
    }
    namings, _, _ = _event(bodies)
    assert not any(name.endswith(("Republican", "Democrat", "Day")) for name in namings), namings


def test_a_title_never_runs_across_a_paragraph_break() -> None:
    bodies = {
        "x": "The bill passed the House after a vote led by Lena Ortiz\n\nHouse Speaker Ortiz thanked members.",
        "y": "Lena Ortiz, the speaker of the chamber, welcomed the vote.",
    }
    namings, _, _ = _event(bodies)
    labels = {l.text for o in namings["Lena Ortiz"].outlets for l in o.labels}
    assert labels == {"House Speaker", "the speaker of the chamber"}
    assert not any("\n" in text for text in labels)


def test_appositions_are_short_noun_phrases_of_the_name_itself() -> None:
    bodies = {
        "x": "Ray Dunn, the polls show, leads. Ray Dunn, who spoke first, left. Ray Dunn, a retired judge, won.",
        "y": "The prize went to Ray Dunn of Glen Falls, a former mill town. Officials praised Glen Falls, a quiet place.",
        "z": "Voters in Glen Falls backed Ray Dunn. There were others like [Ray Dunn] in the race.",
    }
    namings, _, _ = _event(bodies)
    dunn = {l.text for o in namings["Ray Dunn"].outlets for l in o.labels}
    assert dunn == {"a retired judge"}
    falls = {(o.outlet, l.text) for o in namings["Glen Falls"].outlets for l in o.labels}
    assert falls == {("y", "a quiet place")}  # not "a former mill town": "of Glen Falls" qualifies Dunn


def test_titles_of_office_words_only_and_courtesy_titles_are_no_labels() -> None:
    bodies = {
        "x": "Former Mayor Ina Vale spoke. Mr. Tom Reyes listened. The former Tom Reyes aide left.",
        "y": "Ina Vale and Tom Reyes met. Reyes, the treasurer, smiled.",
    }
    namings, _, _ = _event(bodies)
    assert [l.text for l in _cell(namings["Ina Vale"], "x").labels] == ["Former Mayor"]
    assert [l.text for l in _cell(namings["Tom Reyes"], "x").labels] == []


def test_two_people_sharing_a_surname_stay_apart() -> None:
    bodies = {
        "x": "Former governor Bill Hale spoke first. Then Senator Ann Hale rose. Hale, the senator, asked for calm.",
        "y": "Ann Hale, a senator, answered Bill Hale.\n\nHale, the former governor, left early.",
    }
    namings, _, _ = _event(bodies)
    assert {"Bill Hale", "Ann Hale"} <= set(namings)
    assert ("apposition", "the senator") in {(l.kind, l.text) for l in _cell(namings["Ann Hale"], "x").labels}
    bill_y = {l.text for l in _cell(namings["Bill Hale"], "y").labels}
    ann_y = {l.text for l in _cell(namings["Ann Hale"], "y").labels}
    assert "the former governor" not in bill_y | ann_y  # "Hale" alone in a new paragraph: unclear, so nobody's


def test_a_possessive_ends_a_name() -> None:
    bodies = {"x": "Critics of Kim Soto's Harbor plan spoke. Kim Soto, the mayor, replied.", "y": "Kim Soto's Harbor plan failed. Soto left."}
    namings, _, _ = _event(bodies)
    assert "Kim Soto" in namings and not any("Harbor" in name for name in namings)


def test_identical_labels_are_one_row_and_case_voice_and_speaker_stay_apart() -> None:
    bodies = {
        "x": ("Defence Minister Ana Lopez spoke. Later Defence Minister Ana Lopez left. "
              "“defence minister Ana Lopez is wrong,” said Tom Reyes."),
        "y": "Ana Lopez spoke. Lopez, the defence minister, said little.",
    }
    namings, _, _ = _event(bodies, quotes={"x": [("defence minister Ana Lopez is wrong,", "Tom Reyes")]})
    rows = [(l.text, l.voice, l.speaker, l.count) for l in _cell(namings["Ana Lopez"], "x").labels]
    assert sorted(rows) == [("Defence Minister", "narration", None, 2), ("defence minister", "quotation", "Tom Reyes", 1)]


def test_the_alias_table_merges_detected_names_and_frames_its_labels() -> None:
    bodies = {"x": "Defence Minister Ana Lopez spoke. Lopez, the defence minister, said little.",
              "y": "Ana Lopez denied it. The hawkish Lopez left."}
    namings, _, _ = _event(bodies, actors=(ActorAlias("Defence minister Lopez", ("Ana Lopez",)),),
                           spans={"y": [("hawkish", "loaded_labels", "narration")]})
    naming = namings["Defence minister Lopez"]
    assert naming.source == "alias_table"
    x, y = naming.outlets
    assert x.mentions == 2 and y.mentions == 2
    assert ("title", "Defence Minister", "narration") in _labels(x)
    assert ("apposition", "the defence minister", "narration") in _labels(x)
    assert ("framing", "hawkish", "narration") in _labels(y)


def test_every_label_is_in_its_outlets_text_inside_one_sentence_next_to_a_mention() -> None:
    """The invariant the event page rests on, over the seed event and the texts above."""
    seed = seed_event()
    checks = [(actor_namings(seed.event, seed.articles, seed.analyses, ("mehr", "afp"), 1, min_outlets=1),
               seed.analyses, seed.articles)]
    namings, analyses, articles = _event({
        "x": "Sleepy Dana Whitlock met Ray Dunn, a retired judge. Former Mayor Ina Vale spoke.\n\nHouse Speaker Ray Dunn left.",
        "y": "Dana Whitlock and Ray Dunn, the favourite, met Ina Vale.",
    })
    checks.append((tuple(namings.values()), analyses, articles))
    for found, by_slug, members in checks:
        outlet_of = {a.slug: a.outlet for a in members}
        for naming in found:
            for cell in naming.outlets:
                for label in cell.labels:
                    assert label.articles, label
                    for slug in label.articles:
                        assert outlet_of[slug] == cell.outlet
                        text = by_slug[slug].text.text
                        assert label.text in text or label.text.replace("'", "’") in text, label
                        assert "\n" not in label.text
                        sentences = [text[start:end] for start, end in article_sentences(by_slug[slug].text).bounds]
                        assert any(label.text in s or label.text.replace("'", "’") in s for s in sentences), label


def test_a_mention_inside_the_last_hyphenated_word_of_an_article() -> None:
    """Real news: a name found inside the article's last word ("anti-Trump") once indexed past its words."""
    ending = "Last December, a senator blocked a bill and suggested it was “anti-Trump.”"
    trump = (ActorAlias("Donald Trump", ("Trump",)),)
    for body in (f"Donald Trump spoke on Monday. {ending}", "Donald Trump spoke. It was anti-Trump", "Anti-Trump"):
        namings, _, _ = _event({"x": body, "y": "Donald Trump answered critics on Tuesday."}, actors=trump)
        labels = {(label.kind, label.text) for outlet in namings["Donald Trump"].outlets for label in outlet.labels}
        assert not any("anti" in text.lower() for _, text in labels)  # "anti-Trump" is no name for him
        assert namings["Donald Trump"].outlets[0].mentions >= 1


def test_titles_and_honorifics_are_not_part_of_a_name() -> None:
    namings, _, _ = _event({"x": "Supreme Leader Ali Khamenei spoke. Florida Gov. Jeb Bush replied.",
                            "y": "Ali Khamenei and Jeb Bush met."})
    assert "Ali Khamenei" in namings
    assert not any(name.startswith(("Supreme", "Florida")) for name in namings)
    titles = {label.text for outlet in namings["Ali Khamenei"].outlets for label in outlet.labels if label.kind == "title"}
    assert titles == {"Supreme Leader"}


def test_given_names_taken_in_before_a_surname_are_few() -> None:
    """A run of capitalised words before a known surname is not all given names."""
    long_run = " ".join(["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"])
    namings, _, _ = _event({"x": f"{long_run} Trump spoke.", "y": "Donald Trump answered."}, actors=(ActorAlias("Donald Trump", ("Trump",)),))
    names = {label.text for outlet in namings["Donald Trump"].outlets for label in outlet.labels if label.kind == "name"}
    assert all(len(name.split()) <= 5 for name in names), names


def test_title_case_lines_give_no_evidence_of_a_name() -> None:
    """A Title Case headline capitalises ordinary words: "Subpoena" is no given name of Maria Lopez."""
    from generator.analysis.text.titlecase import lower_case_words, title_case_lines
    from generator.analysis.terms import word_columns

    headline = "Senate Panel Votes to Subpoena Embattled Maria Lopez"
    bodies = {"x": "The panel votes today. It will subpoena Maria Lopez, the port director, a senator said.",
              "y": "Maria Lopez, the port director, said the deal was sound. A panel may subpoena her."}
    texts = {outlet: article_text(headline, body) for outlet, body in bodies.items()}
    analyses = {f"a{i}": analysis(f"a{i}", text, (span(text.text, "Embattled", "loaded_labels", "headline"),), ())
                for i, text in enumerate(texts.values())}
    articles = [article(f"a{i}", outlet, f"2021-01-0{i + 1}") for i, outlet in enumerate(texts)]
    namings = actor_namings(Event("event", "E", "", ""), articles, analyses, tuple(bodies), 1)
    assert [n.actor for n in namings] == ["Maria Lopez"]
    assert all(o.mentions == 2 for o in namings[0].outlets)  # the headline's mention is hers

    text = texts["x"].text
    words = word_columns(text)
    lines = title_case_lines(text, words, lower_case_words(text, words))
    assert 0 in lines and text.index("The panel") not in lines
    dense = "Hillary Clinton met Bernie Sanders and Donald Trump in Iowa on Monday.\n\nThey met again."
    dense_words = word_columns(dense)
    assert not title_case_lines(dense, dense_words, lower_case_words(dense, dense_words)).starts
