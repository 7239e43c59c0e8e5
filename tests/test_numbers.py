"""Numeric claims: fixture sentences, the seeds, and voice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.analysis.number_words import pluralise, quantity_words
from generator.analysis.numbers import find_numbers
from generator.analysis.quotations import find_quotations
from generator.analysis.results import ArticleText, Block, NumericClaim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "numbers"
CASES = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))


def make_article(headline: str, paragraphs: list[str]) -> ArticleText:
    """An ArticleText as the pipeline builds it: headline, blank line, paragraphs."""
    blocks = [Block("headline", 0, len(headline))]
    position = len(headline)
    for paragraph in paragraphs:
        position += 2
        blocks.append(Block("paragraph", position, position + len(paragraph)))
        position += len(paragraph)
    return ArticleText("\n\n".join([headline, *paragraphs]), len(headline), tuple(blocks))


def seed_article(prefix: str) -> ArticleText:
    raw = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return make_article("Seed headline", [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()])


def body_only(sentence: str) -> ArticleText:
    """A one-paragraph article with an empty headline, so the sentence is narration."""
    return ArticleText(sentence, 0, (Block("paragraph", 0, len(sentence)),))


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:40] for c in CASES])
def test_fixture_sentence(case: dict) -> None:
    article = body_only(case["sentence"])
    claims = find_numbers(article, ())
    got = [[c.surface, c.value, c.qualifier, c.counted] for c in claims]
    assert got == [[s, float(v), q, c] for s, v, q, c in case["claims"]]
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.surface
        assert claim.sentence == case["sentence"]
        assert claim.voice == "narration"


def summary(claims: tuple[NumericClaim, ...]) -> list[tuple[float, str, str, str]]:
    return [(c.value, c.qualifier, c.counted, c.voice) for c in claims]


def test_seed_mehr_first() -> None:
    article = seed_article("000")
    claims = find_numbers(article, find_quotations(article))
    assert summary(claims) == [(8.0, "exact", "rockets", "narration"), (1.0, "at_least", "iraqi soldiers", "narration")]
    assert claims[0].sentence.startswith("According to the Iraqi military, eight rockets were fired")


def test_seed_mehr_second_voices() -> None:
    article = seed_article("001")
    found = {(c.value, c.qualifier, c.counted): c.voice for c in find_numbers(article, find_quotations(article))}
    assert found[(22.0, "more_than", "rockets")] == "narration"
    assert found[(7e12, "exact", "us dollars")] == "quotation"  # Zarif's tweet
    assert found[(58976.0, "exact", "american casualties")] == "quotation"
    assert found[(337000.0, "more_than", "americans")] == "narration"
    assert found[(19e6, "more_than", "americans")] == "narration"
    assert found[(1000.0, "exact", "times")] == "quotation"
    values = {v for v, _, _ in found}
    assert not values & {19.0, 11.0, 1928.0, 2019.0, 2020.0, 4.0, 9.0}  # Covid-19, 9/11, years, licence version


def test_seed_afp() -> None:
    article = seed_article("003")
    claims = find_numbers(article, find_quotations(article))
    assert summary(claims) == [
        (3.0, "exact", "rockets", "narration"),
        (5.0, "exact", "rockets", "narration"),
        (3.0, "exact", "rockets", "narration"),
        (1.0, "at_least", "rockets", "narration"),
        (5000.0, "about", "troops", "narration"),
        (25.0, "about", "kataib hezbollah personnel", "narration"),
    ]


def test_headline_voice() -> None:
    article = make_article("Five rockets hit Baghdad", ["Two rockets missed, “and 3 drones fell,” an officer said."])
    claims = find_numbers(article, find_quotations(article))
    assert summary(claims) == [
        (5.0, "exact", "rockets", "headline"),
        (2.0, "exact", "rockets", "narration"),
        (3.0, "exact", "drones", "quotation"),
    ]


def test_pluralise() -> None:
    assert [pluralise(w) for w in ("soldier", "casualty", "personnel", "church", "rockets", "day")] == [
        "soldiers", "casualties", "personnel", "churches", "rockets", "days",
    ]


# ------------------------------------------------------- number words and digits

@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Twenty-five soldiers and a dozen rockets.", [(25.0, "exact", "soldiers"), (12.0, "exact", "rockets")]),
        ("Someone often saw sixteen drones, not six.", [(16.0, "exact", "drones")]),
        ("Weight and length: eighteen tanks.", [(18.0, "exact", "tanks")]),
        ("About 1,200 troops and 7.5 million dollars left.", [(1200.0, "about", "troops"), (7_500_000.0, "exact", "dollars")]),
        ("It was 9/11 and Covid-19 hit 3.5 percent.", [(3.5, "exact", "percent")]),
        ("The eighty-eighth day saw fifty- rockets.", []),
    ],
)
def test_number_words_and_digits_only_as_whole_words(sentence: str, claims: list[tuple[float, str, str]]) -> None:
    """A number word inside another word ("often", "weight") or an ordinal is none; digits glued to a word are none."""
    found = find_numbers(make_article("Headline", [sentence]), ())
    assert [(c.value, c.qualifier, c.counted) for c in found] == claims


def test_page_furniture_is_no_claim_but_a_short_headline_is() -> None:
    article = make_article("Five rockets hit the base", ["9 Images", "View 12 Photos", "Officials said 4 rockets missed.", "3 dead"])
    claims = find_numbers(article, ())
    assert [(c.value, c.counted, c.voice) for c in claims] == [(5.0, "rockets", "headline"), (4.0, "rockets", "narration")]


@pytest.mark.parametrize(
    ("value", "counted", "written"),
    [(8, "rockets", "8"), (5000, "troops", "5,000"), (2.5, "percent", "2.5"), (19e6, "americans", "19 million"),
     (11.7e12, "us dollars", "$11.7 trillion"), (7e12, "us dollars", "$7 trillion"), (1.25e9, "euros", "€1.25 billion"),
     (950, "us dollars", "$950")],
)
def test_quantities_are_written_as_news_prose_writes_them(value: float, counted: str, written: str) -> None:
    assert quantity_words(value, counted) == written
