"""The seed event (two Mehr News pieces, one AFP report) as comparison inputs.

Texts are the real seeds; the spans, quotations and numbers are marked by hand
here, as the per-article analysis would mark them, so the comparison can be
tested before that analysis exists. Headlines are neutral stand-ins: the seeds
carry none.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compare.distinctive import WordCounts, corpus_word_counts
from generator.analysis.results import ArticleAnalysis
from generator.model import ActorAlias, Article, Category, Event, Lexicon, Outlet
from tests.compare_builders import (
    AFP_EMBASSY,
    MEHR_EMBASSY,
    MEHR_TRUMP,
    analysis,
    article,
    article_text,
    claim,
    outlet,
    quote,
    seed_body,
    span,
)

MEHR_1 = "2020-12-22-iran-rejects-pompeo-accusations"
MEHR_2 = "2020-12-27-zarif-warns-trump"
AFP_1 = "2020-01-27-rockets-hit-us-embassy"

CATEGORY_IDS = ("loaded_labels", "attribution", "hedges", "intensifiers", "affiliation",
                "conflict", "legitimacy", "scare_quotes")


@dataclass(frozen=True)
class SeedEvent:
    event: Event
    articles: tuple[Article, ...]
    analyses: dict[str, ArticleAnalysis]
    outlets: dict[str, Outlet]
    lexicon: Lexicon
    prior: WordCounts


def lexicon() -> Lexicon:
    categories = tuple(Category(c, c.replace("_", " ").capitalize(), "") for c in CATEGORY_IDS)
    categories = (Category("loaded_labels", "Loaded labels", ""),) + categories[1:]
    return Lexicon(categories=categories, entries=(), placeholders=(), version="test")


def _mehr_embassy() -> ArticleAnalysis:
    text = article_text("Iran rejects Pompeo's accusations over Baghdad attack", seed_body(MEHR_EMBASSY))
    t = text.text
    quotes = (
        quote(t, "We strongly refute @SecPompeo's irresponsible anti-#Iran accusations, which "
                 "blatantly aim to create tension", "Saeed Khatibzadeh", affiliation="Foreign Ministry"),
        quote(t, "It represents a targeting of the country’s sovereignty and national efforts to "
                 "preserve the state’s prestige", "Presidency of the Republic of Iraq"),
        quote(t, "Iran-backed militias", "Mike Pompeo", affiliation="U.S. Secretary of State"),
        quote(t, "Iran-backed militias once again flagrantly and recklessly attacked in Baghdad, "
                 "wounding Iraqi civilians. The people of Iraq deserve to have these attackers "
                 "prosecuted. These violent and corrupt criminals must cease their destabilizing "
                 "actions", "Mike Pompeo", affiliation="U.S. Secretary of State"),
        quote(t, "The U.S. military presence is the source of instability in our region. No amount "
                 "of spin can divert blame for its evils", "Saeed Khatibzadeh"),
        quote(t, "And I strongly condemn the remarks of the U.S. regime’s secretary of state, who is "
                 "known for his lies and cheating", "Saeed Khatibzadeh"),
    )
    spans = (
        span(t, "irresponsible", "loaded_labels", "narration"),
        span(t, "irresponsible", "loaded_labels", "quotation", occurrence=1, speaker="Saeed Khatibzadeh"),
        span(t, "strongly", "intensifiers", "narration"),
        span(t, "Iran-backed", "affiliation", "quotation", occurrence=0, speaker="Mike Pompeo"),
        span(t, "Iran-backed", "affiliation", "quotation", occurrence=1, speaker="Mike Pompeo"),
        span(t, "criminals", "loaded_labels", "quotation", speaker="Mike Pompeo"),
        span(t, "regime", "legitimacy", "quotation", speaker="Saeed Khatibzadeh"),
        span(t, "lies and cheating", "loaded_labels", "quotation", speaker="Saeed Khatibzadeh"),
        span(t, "terrorist act", "loaded_labels", "narration"),
        span(t, "accusing", "attribution", "narration"),
    )
    numbers = (
        claim(t, "eight rockets", 8, "rockets", sentence="According to the Iraqi military, eight "
              "rockets were fired on Sunday at Baghdad's diplomatic Green Zone"),
        claim(t, "at least one Iraqi soldier", 1, "Iraqi soldiers injured", "at_least"),
    )
    return analysis(MEHR_1, text, spans, quotes, numbers, ease=42.0)


def _mehr_trump() -> ArticleAnalysis:
    text = article_text("Zarif warns Trump against adventurism", seed_body(MEHR_TRUMP))
    t = text.text
    quotes = (
        quote(t, "Iran-backed militias", "Mike Pompeo"),
        quote(t, "Iran-backed militias once again flagrantly and recklessly attacked in Baghdad, "
                 "wounding Iraqi civilians. The people of Iraq deserve to have these attackers "
                 "prosecuted. These violent and corrupt criminals must cease their destabilizing "
                 "actions", "Mike Pompeo"),
        quote(t, "Our embassy in Baghdad got hit Sunday by several rockets. Three rockets failed to "
                 "launch.", "Donald Trump", affiliation="U.S. President"),
        quote(t, "The habitual liar [Mike Pompeo] bamboozled Donald Trump into assassinating ISIS' "
                 "enemy #1 by raising a false alarm.", "Mohammad Javad Zarif", affiliation="Foreign Minister"),
        quote(t, "And I strongly condemn the remarks of the U.S. regime’s secretary of state, who is "
                 "known for his lies and cheating", "Saeed Khatibzadeh"),
    )
    spans = (
        span(t, "fiery threats", "loaded_labels", "narration"),
        span(t, "claimed", "attribution", "narration"),
        span(t, "Iran-backed", "affiliation", "quotation", occurrence=0, speaker="Mike Pompeo"),
        span(t, "Iran-backed", "affiliation", "quotation", occurrence=1, speaker="Mike Pompeo"),
        span(t, "criminals", "loaded_labels", "quotation", speaker="Mike Pompeo"),
        span(t, "regime", "legitimacy", "quotation", speaker="Saeed Khatibzadeh"),
        span(t, "habitual liar", "loaded_labels", "quotation", speaker="Mohammad Javad Zarif"),
        span(t, "adventurism", "loaded_labels", "narration", occurrence=1),
        span(t, "MAGA mobs", "loaded_labels", "narration"),
        span(t, "assassination", "conflict", "narration"),
        span(t, "strongly condemned", "intensifiers", "narration"),
    )
    numbers = (
        claim(t, "more than 22 rockets", 22, "rockets", "more_than",
              sentence="Iraqi news media reported that more than 22 rockets landed in the premises "
                       "of the embassy"),
        claim(t, "Three rockets", 3, "rockets that failed to launch", voice="quotation"),
        claim(t, "58,976 American casualties", 58976, "American casualties", voice="quotation"),
    )
    return analysis(MEHR_2, text, spans, quotes, numbers, ease=48.0)


def _afp_embassy() -> ArticleAnalysis:
    text = article_text("Rockets hit US embassy in Baghdad", seed_body(AFP_EMBASSY))
    t = text.text
    quotes = (
        quote(t, "foreign forces", "Adil Abdel Mahdi", affiliation="Iraq’s interim Prime Minister"),
    )
    spans = (
        span(t, "slammed", "intensifiers", "narration"),
        span(t, "Iran-linked", "affiliation", "narration", occurrence=0),
        span(t, "predominantly-Shiite", "affiliation", "narration"),
        span(t, "Iran-linked", "affiliation", "narration", occurrence=1),
        span(t, "terrorists", "loaded_labels", "narration"),
        span(t, "“maximum pressure”", "scare_quotes", "narration"),
        span(t, "proxy", "loaded_labels", "narration"),
    )
    numbers = (
        claim(t, "five rockets fired", 5, "rockets fired",
              sentence="Three out of five rockets fired on Sunday directly hit the U.S. embassy"),
        claim(t, "three rockets landed", 3, "rockets that landed near the mission"),
        claim(t, "some 5,000 troops", 5000, "troops", "about"),
    )
    return analysis(AFP_1, text, spans, quotes, numbers, ease=55.0)


def seed_event() -> SeedEvent:
    event = Event(
        id="baghdad-embassy-rockets", title="Rockets at the U.S. embassy in Baghdad",
        summary="", description="",
        actors=(
            ActorAlias("U.S. government", ("U.S. regime", "Trump administration", "U.S. government")),
            ActorAlias("Iran-backed militias", ("Iran-linked militias", "Iran-linked militia")),
            ActorAlias("Kataib Hezbollah", ()),
        ),
    )
    articles = (
        article(MEHR_1, "mehr", "2020-12-22", event.id, "2020-12-20",
                title="Iran rejects Pompeo's accusations over Baghdad attack"),
        article(MEHR_2, "mehr", "2020-12-27", event.id, "2020-12-20",
                title="Zarif warns Trump against adventurism"),
        article(AFP_1, "afp", "2020-01-27", event.id, "2020-01-26",
                title="Rockets hit US embassy in Baghdad"),
    )
    analyses = {a.slug: a for a in (_mehr_embassy(), _mehr_trump(), _afp_embassy())}
    outlets = {"mehr": outlet("mehr", "Mehr News Agency"), "afp": outlet("afp", "AFP")}
    return SeedEvent(event, articles, analyses, outlets, lexicon(), corpus_word_counts(analyses))
