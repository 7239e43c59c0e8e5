"""Shared passages: the two Mehr seeds share Pompeo's tweet and Khatibzadeh's statement."""

from __future__ import annotations

from generator.analysis.terms import word_tokens
from generator.compare.passages import find_shared_passages
from tests.compare_builders import analysis, article_text
from tests.compare_seed_event import AFP_1, MEHR_1, MEHR_2, seed_event

TWEET_START = "Iran-backed militias once again flagrantly"
TWEET_END = "must cease their destabilizing actions"


def _words(text: str) -> list[str]:
    return [t.norm for t in word_tokens(text)]


def _texts(passage, analyses):
    a = analyses[passage.article_a].text.text[passage.start_a : passage.end_a]
    b = analyses[passage.article_b].text.text[passage.start_b : passage.end_b]
    return a, b


def test_mehr_seeds_pair_on_pompeos_tweet():
    seed = seed_event()
    passages = find_shared_passages(seed.analyses.values())
    tweet = [p for p in passages if TWEET_START in _texts(p, seed.analyses)[0]]
    assert len(tweet) == 1
    passage = tweet[0]
    assert (passage.article_a, passage.article_b) == (MEHR_1, MEHR_2)
    text_a, text_b = _texts(passage, seed.analyses)
    assert TWEET_END in text_a and TWEET_END in text_b
    assert passage.exact and _words(text_a) == _words(text_b)
    assert passage.words == len(_words(text_a))


def test_khatibzadeh_statement_is_one_passage_despite_an_insertion():
    seed = seed_event()
    passages = find_shared_passages(seed.analyses.values())
    statement = [p for p in passages if "[on the U.S. embassy]" in _texts(p, seed.analyses)[1]]
    assert len(statement) == 1
    text_a, text_b = _texts(statement[0], seed.analyses)
    assert not statement[0].exact
    assert "Unfortunately, Iran’s diplomatic places" in text_a and "Unfortunately, Iran’s diplomatic places" in text_b
    assert text_a.endswith("CIA director") and "CIA director" in text_b
    assert statement[0].words < len(_words(text_b))  # the insertion does not count as shared


def test_no_passage_between_unrelated_reports():
    seed = seed_event()
    passages = find_shared_passages(seed.analyses.values())
    assert all(AFP_1 not in (p.article_a, p.article_b) for p in passages)


WIRE = ("Three out of five rockets fired on Sunday directly hit the embassy compound, "
        "a security source said")


def test_wire_copy_across_three_outlets_and_the_shingle_threshold():
    wire = analysis("b-wire", article_text("Rockets hit embassy", f"Officials spoke. {WIRE}. Then quiet."))
    reuse = analysis("a-reuse", article_text("Embassy hit", f"In Baghdad, {WIRE}, it was reported."))
    short = analysis("c-short", article_text("Other", "Of five rockets fired on Sunday directly, police said."))
    passages = find_shared_passages([wire, reuse, short])
    assert len(passages) == 1  # "c-short" shares only 7 words in a row: below the 8-word shingle
    assert len(find_shared_passages([wire, reuse, short], shingle=7)) == 3
    (passage,) = passages
    assert (passage.article_a, passage.article_b) == ("a-reuse", "b-wire")  # sorted by slug
    assert reuse.text.text[passage.start_a : passage.end_a] == WIRE
    assert wire.text.text[passage.start_b : passage.end_b] == WIRE
    assert passage.words == len(_words(WIRE)) and passage.exact


def test_short_overlap_below_the_shingle_is_ignored_and_results_are_deterministic():
    one = analysis("one", article_text("A", "the rockets were fired at night by unknown men today"))
    two = analysis("two", article_text("B", "rockets were fired at night by men"))
    assert find_shared_passages([one, two]) == ()
    assert find_shared_passages([one, two], shingle=5) == find_shared_passages([two, one], shingle=5)
    assert len(find_shared_passages([one, two], shingle=5)) == 1


def test_a_passage_that_opens_a_quotation_starts_with_its_mark() -> None:
    """So the page's marker never sits between a quotation mark and its words."""
    shared = "the harbour wall will be rebuilt before the winter storms arrive in force"
    first = article_text("One", f"The mayor said “{shared},” and left.")
    second = article_text("Two", f"Officials wrote that {shared} this year.")
    (passage,) = find_shared_passages([analysis("a", first), analysis("b", second)])
    assert first.text[passage.start_a] == "“" and first.text[passage.start_a + 1 :].startswith("the harbour")
    assert second.text[passage.start_b :].startswith("the harbour")
