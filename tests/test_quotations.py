"""Quotations, speakers and scare quotes, on the seeds and on small fixture cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.quotations import (
    TextFacts,
    analyse_subject,
    canonical_name,
    find_attributions,
    find_quotations,
    find_scare_quotes,
    is_scare_quote,
)
from generator.analysis.quotations.names import NamePool, person_mentions
from generator.analysis.results import ArticleText, Block, Quotation
from generator.analysis.text.tokens import count_spoken_words

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quotations"


def make_article(headline: str, paragraphs: list[str]) -> ArticleText:
    """An ArticleText as the pipeline builds it; a paragraph starting with '>' is a blockquote."""
    parts = [headline]
    blocks = [Block("headline", 0, len(headline))]
    position = len(headline)
    for paragraph in paragraphs:
        kind = "blockquote" if paragraph.startswith(">") else "paragraph"
        paragraph = paragraph.lstrip(">")
        position += 2
        blocks.append(Block(kind, position, position + len(paragraph)))
        parts.append(paragraph)
        position += len(paragraph)
    return ArticleText("\n\n".join(parts), len(headline), tuple(blocks))


def seed_article(prefix: str) -> ArticleText:
    """A seed split on blank lines (the Mehr seeds are one paragraph each)."""
    raw = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
    return make_article("Seed headline", paragraphs)


def quote_starting(quotes: tuple[Quotation, ...], opening: str) -> Quotation:
    found = [q for q in quotes if q.text.startswith(opening)]
    assert len(found) == 1, [q.text[:40] for q in quotes]
    return found[0]


@pytest.fixture(scope="module")
def mehr_first() -> tuple[ArticleText, tuple[Quotation, ...]]:
    article = seed_article("000")
    return article, find_quotations(article)


@pytest.fixture(scope="module")
def mehr_second() -> tuple[ArticleText, tuple[Quotation, ...]]:
    article = seed_article("001")
    return article, find_quotations(article)


@pytest.fixture(scope="module")
def afp() -> tuple[ArticleText, tuple[Quotation, ...]]:
    article = seed_article("003")
    return article, find_quotations(article)


# ------------------------------------------------------------------ fixtures

CASES = [
    case
    for path in sorted(FIXTURES.glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]
"""Every case file in the fixtures folder: `cases.yaml` and one file per kind of rule added later."""


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fixture_case(case: dict) -> None:
    article = make_article("Headline", case["paragraphs"])
    quotes = find_quotations(article)
    got = [
        {"text": q.text, "speaker": q.speaker, "anonymous": q.anonymous, "scare": q.use == "scare"}
        for q in quotes
    ]
    optional = ("affiliation", "kind", "rule", "use", "confident")
    expected = [{k: v for k, v in e.items() if k not in optional} for e in case["quotations"]]
    assert got == expected
    for q, e in zip(quotes, case["quotations"]):
        if "affiliation" in e:
            assert q.affiliation == e["affiliation"]
        if "kind" in e:
            assert q.speaker_kind == e["kind"]
        if "rule" in e:
            assert q.rule == e["rule"]
        if "use" in e:
            assert q.use == e["use"]
        if "confident" in e:
            assert q.confident == e["confident"]


# --------------------------------------------------------------------- seeds

def test_offsets_reproduce_text_and_exclude_marks(mehr_first, mehr_second, afp) -> None:
    for article, quotes in (mehr_first, mehr_second, afp):
        assert quotes
        for q in quotes:
            assert article.text[q.start : q.end] == q.text
            assert article.text[q.start - 1] in "“\"‘"
            assert article.text[q.end] in "”\"’"
            assert q.words == count_spoken_words(q.text) > 0


def test_mehr_first_speakers(mehr_first) -> None:
    _, quotes = mehr_first
    regime = [q for q in quotes if "U.S. regime’s secretary of state" in q.text]
    assert len(regime) == 1 and "Khatibzadeh" in regime[0].speaker
    assert regime[0].cue == "He added"
    pompeo = quote_starting(quotes, "Iran-backed militias once again flagrantly")
    assert pompeo.speaker == "Mike Pompeo"
    assert pompeo.cue == "Pompeo said in a tweet"
    assert pompeo.affiliation == "U.S. Secretary of State"
    presidency = quote_starting(quotes, "It represents a targeting of the country’s sovereignty")
    assert presidency.speaker == "Presidency of the Republic of Iraq"
    assert presidency.cue == "the statement said"
    follow_up = quote_starting(quotes, "Targeting diplomatic missions undermines")
    assert follow_up.speaker == presidency.speaker


def test_mehr_first_speaker_normalisation(mehr_first) -> None:
    _, quotes = mehr_first
    first = quote_starting(quotes, "We strongly refute")
    assert first.speaker == "Saeed Khatibzadeh"
    assert first.affiliation == "Foreign Ministry spokesman"
    assert first.cue.startswith("Foreign Ministry spokesman Saeed Khatibzadeh said")
    added = quote_starting(quotes, "The U.S. military presence")
    assert (added.speaker, added.cue) == ("Saeed Khatibzadeh", "he added")
    said = quote_starting(quotes, "Unfortunately, Iran’s diplomatic places")
    assert (said.speaker, said.cue) == ("Saeed Khatibzadeh", "Khatibzadeh said")
    lecture = quote_starting(quotes, "we lied, we cheated")
    assert lecture.speaker is None  # "he" after both Khatibzadeh and "Pompeo’s remarks" in its sentence: never a guess
    assert added.rule == "cue, one person named before" and added.confidence >= 0.75
    assert {q.speaker for q in quotes} - {None} == {"Saeed Khatibzadeh", "Mike Pompeo", "Presidency of the Republic of Iraq"}


def test_mehr_first_partial_quotation_is_the_speakers(mehr_first) -> None:
    """ "accusing what he described as “Iran-backed militias”": the sentence attributes the words, so they are
    Pompeo's partial quotation, not the outlet's scare quote."""
    article, quotes = mehr_first
    label = [q for q in quotes if q.text == "Iran-backed militias"]
    assert len(label) == 1 and label[0].speaker == "Mike Pompeo" and label[0].use == "quotation"
    assert find_scare_quotes(article, quotes) == ()


def test_mehr_second_tweets(mehr_second) -> None:
    _, quotes = mehr_second
    trump = quote_starting(quotes, "Our embassy in Baghdad got hit Sunday")
    assert trump.speaker == "Donald Trump" and trump.cue == "Trump said in a tweet"
    zarif = quote_starting(quotes, "@realDonaldTrump uses a worthless photo")
    assert zarif.speaker == "Mohammad Javad Zarif"
    assert zarif.affiliation == "Foreign Minister"
    liar = quote_starting(quotes, "The habitual liar [Mike Pompeo]")
    assert liar.speaker == "Mohammad Javad Zarif" and liar.cue == "Zarif tweeted"
    assert liar.words == 33  # 35 words between the marks; "[Mike Pompeo]" is the editor's, not Zarif's
    saved = quote_starting(quotes, "I saved at least 8")
    assert saved.cue == "Trump tweeted"  # cue after a "!”" that ends the sentence
    threat = quote_starting(quotes, "an attack on Iran that will be 1,000 times")
    # "the U.S. president" after both Zarif and Trump in its sentence: only Trump holds that title
    assert threat.speaker == "Donald Trump" and threat.rule == "cue, the one holder of the title named before"
    salami = quote_starting(quotes, "military war has been excluded")
    assert salami.speaker == "Hossein Salami"
    assert salami.affiliation == "Commander of the Islamic Revolution Guards Corps (IRGC) Major General"
    follow = quote_starting(quotes, "That means that there won't be a limited war.")
    assert follow.speaker == "Mohammad Javad Zarif"


def test_mehr_second_partial_quotations(mehr_second) -> None:
    """Short quotations in sentences that name who said them ("Zarif warned that … a “mother of all quagmires.”")
    are those speakers' words: none is a scare quote."""
    article, quotes = mehr_second
    assert find_scare_quotes(article, quotes) == ()
    speakers = {q.text: q.speaker for q in quotes if q.words <= 4}
    assert speakers["mother of all quagmires."] == "Mohammad Javad Zarif"
    assert speakers["saved"] == "Donald Trump"
    assert speakers["Iran-backed militias"] == "Mike Pompeo"
    assert speakers["dubious"] == "Iran"


def test_afp_scare_quotes_and_sources(afp) -> None:
    article, quotes = afp
    assert [q.text for q in quotes] == ["foreign forces", "maximum pressure"]
    assert all(is_scare_quote(q, article) for q in quotes)
    assert quotes[0].speaker == "Adil Abdel Mahdi"  # not "Abu Mahdi al-Muhandis"
    assert quotes[1].speaker is None
    sources = find_attributions(article, quotes)
    anonymous = [(a.speaker, a.cue) for a in sources if a.anonymous]
    assert ("a security source", "a security source told AFP") in anonymous
    assert any(s == "a U.S. source" for s, _ in anonymous)
    assert not any(a.speaker and "Sunday" in a.speaker for a in sources)


def test_full_quotes_are_not_scare_quotes(mehr_first, mehr_second) -> None:
    for article, quotes in (mehr_first, mehr_second):
        for q in quotes:
            if q.words > 4:
                assert not is_scare_quote(q, article)


# ---------------------------------------------------------------- helpers

def test_analyse_subject_kinds() -> None:
    named = analyse_subject("U.S. Secretary of State Mike Pompeo")
    assert (named.name, named.affiliation, named.anonymous) == ("Mike Pompeo", "U.S. Secretary of State", False)
    assert analyse_subject("a spokesman").anonymous
    assert analyse_subject("Iraqi officials").anonymous
    body = analyse_subject("A spokesman for the Presidency of the Republic of Iraq")
    assert (body.institution, body.anonymous, body.name) == ("Presidency of the Republic of Iraq", False, None)
    assert analyse_subject("he").refers_back
    assert analyse_subject("the U.S. president").refers_back


def test_canonical_name_prefers_longest_matching_full_name() -> None:
    pool = {"Mahdi": [("Adil", "Abdel", "Mahdi"), ("Abu", "Mahdi")], "Pompeo": [("Pompeo",), ("Mike", "Pompeo")]}
    assert canonical_name("Abdel Mahdi", pool) == "Adil Abdel Mahdi"
    assert canonical_name("Pompeo", pool) == "Mike Pompeo"
    assert canonical_name("Unknown", pool) == "Unknown"


# ------------------------------------------------------------------ names

# Names, speech verbs and punctuation around them, for the property test below.
NAME_FRAGMENTS = [
    "Ali", "Ali Khan", "Khan", "Abdel Mahdi", "Abu Mahdi", "Mahdi", "Omar", "al-Sadr", "Sadr", "K", "_",
    "x", "9", " ", "  ", "\n", "-", "’", "'", ".", ",", "“", "”", "(", ")", "é", "said", "says", "told",
    "the", "Ministry", "earlier", "also", "A.A", "A", ".A.", " bin ", " al ",
]
name_texts = st.lists(st.sampled_from(NAME_FRAGMENTS), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(name_texts, st.sets(st.sampled_from(["Ali", "Ali Khan", "Khan", "Abdel Mahdi", "Mahdi", "al-Sadr", "K", "Omar"]), max_size=5))
def test_person_mentions_take_the_longest_whole_name_outside_quotes(text: str, written: set[str]) -> None:
    """At each place, the longest known name standing as whole words; none inside quotations."""
    names = {name: name.upper() for name in written}
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    expected: tuple[tuple[int, ...], tuple[str, ...]] = ((), ())
    if names:
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
        hits = [(m.start(), names[m.group(1)]) for m in pattern.finditer(text)
                if not any(s <= m.start() < e for s, e in quoted)]
        expected = (tuple(p for p, _ in hits), tuple(n for _, n in hits))
    assert person_mentions(text, names, quoted) == expected


@pytest.mark.parametrize(
    ("text", "written", "full"),
    [
        ("Spokesman Saeed Khatibzadeh spoke. Later Khatibzadeh left.", "Khatibzadeh", "Saeed Khatibzadeh"),
        ("Mike Pompeo’s remarks drew a reply. Pompeo said more.", "Pompeo", "Mike Pompeo"),
        ("Moqtada al-Sadr spoke. Al-Sadr left.", "al-Sadr", "Moqtada al-Sadr"),
        ("Conan O'Brien joked. O'Brien left.", "O'Brien", "Conan O'Brien"),
        ("A Khatibzadeh-led team met Ali Reza. Khatibzadeh spoke.", "Khatibzadeh", "Khatibzadeh"),
        ("Envoy J.D. Vance spoke. J.D. left.", "J.D.", "J.D."),
        ("Outside Dahl's plant, workers waited. Dahl said little.", "Dahl", "Dahl"),  # a preposition opens no name
    ],
)
def test_name_pool_finds_full_names_ending_with_a_word(text: str, written: str, full: str) -> None:
    """A surname stands for the longest full name that ends with it, and only where it stands alone."""
    assert canonical_name(written, NamePool(text)) == full


def test_attributions_need_whole_words() -> None:
    article = make_article("Headline", ["Officials said the talks failed. The unsaid part stayed unsaid. Nobody disaccording to plan."])
    sources = find_attributions(article)
    assert [(a.speaker, a.anonymous) for a in sources] == [("Officials", True)]


def test_a_dateline_is_no_speaker() -> None:
    """A participle's subject is the sentence's, but a wire dateline opening it is a place."""
    article = make_article("Headline", ["WASHINGTON, Dec. 8 (UPI) — The campaign rallied supporters, saying: “We have to be ready.”"])
    assert [q.speaker for q in find_quotations(article)] == [None]
    titled = make_article("Headline", ["Zarif rallied supporters, saying: “We have to be ready.”"])
    assert [q.speaker for q in find_quotations(titled)] == ["Zarif"]


def test_shared_text_facts_change_no_result(mehr_first, mehr_second, afp) -> None:
    from generator.analysis.numbers import find_numbers

    for article, quotes in (mehr_first, mehr_second, afp):
        facts = TextFacts(article)
        assert find_quotations(article, facts) == quotes
        assert find_attributions(article, quotes, facts) == find_attributions(article, quotes)
        assert find_numbers(article, quotes, facts.sentences) == find_numbers(article, quotes)
        assert find_attributions(article, (), facts) == find_attributions(article)


def test_text_facts_belong_to_one_text(mehr_first, afp) -> None:
    with pytest.raises(ValueError):
        find_attributions(afp[0], afp[1], TextFacts(mehr_first[0]))


@pytest.mark.parametrize(
    ("sentence", "speaker", "anonymous", "affiliation"),
    [
        ("Foreign Ministry spokesman Saeed Khatibzadeh said on Monday that talks failed.", "Saeed Khatibzadeh", False, "Foreign Ministry spokesman"),
        ("On Monday, Iraqi officials also said the base was hit.", "Iraqi officials", True, None),
        ("A spokesman for the Presidency of the Republic of Iraq said the attack was condemned.", "Presidency of the Republic of Iraq", False, "spokesman"),
        ("The head of the World Health Organization said cases rose.", "head of the World Health Organization", False, None),
        ("According to the U.S. embassy, no one was hurt.", "U.S. embassy", False, None),
        ("No one was hurt, according to a security source.", "a security source", True, None),
    ],
)
def test_the_subject_before_a_speech_verb_names_the_source(sentence: str, speaker: str, anonymous: bool, affiliation: str | None) -> None:
    """The subject is walked back from the verb over names, titles and descriptions of a source, and no further."""
    (source,) = find_attributions(make_article("Headline", [sentence]))
    assert (source.speaker, source.anonymous, source.affiliation) == (speaker, anonymous, affiliation)


def test_speech_verbs_and_attributing_words_from_one_pass_are_those_each_list_finds() -> None:
    """Both word lists are found in one pass over the text; each must hold exactly the whole words of its own
    list outside quotation marks, as a search for each word alone finds them."""
    import re as regex

    from generator.analysis.quotations.verbs import SENTENCE_INITIAL_VERBS, SpeechVerbs
    from generator.analysis.text.wordlists import ATTRIBUTING_WORDS, SPEECH_VERBS

    text = ("Said the mayor: the claim was hers. Critics believe she wrote back, and he claimed “she said no” "
            "in a report. Reports say the aide, saying little, told reporters. Saidsaid unsaid reread. "
            "The so-called plan, according to the memo, was what he fired back about; she sees it.")
    quoted = [(m.start() + 1, m.end() - 1) for m in regex.finditer("“[^”]*”", text)]
    verbs, attributing = SpeechVerbs.both(text, quoted)

    def alone(words: tuple[str, ...]) -> list[tuple[int, int]]:
        found = {(m.start(), m.end()) for word in words for m in regex.finditer(rf"\b{regex.escape(word)}\b", text)}
        return sorted(span for span in found if not any(s <= span[0] < e for s, e in quoted))

    assert list(zip(verbs.starts, verbs.ends)) == alone(SPEECH_VERBS + SENTENCE_INITIAL_VERBS)
    assert list(zip(attributing.starts, attributing.ends)) == alone(
        ATTRIBUTING_WORDS + tuple(w.capitalize() for w in ATTRIBUTING_WORDS))
    assert (SpeechVerbs.of(text, quoted), SpeechVerbs.attributing(text, quoted)) == (verbs, attributing)
    assert len(verbs.starts) > 5 and len(attributing.starts) > 5
    assert text.index("wrote back") in verbs.starts and text.index("claim ") in attributing.starts
