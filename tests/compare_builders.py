"""Builders for ArticleAnalysis inputs, so comparison tests do not depend on the analysis modules."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from generator.analysis.terms import word_tokens
from generator.analysis.results import (
    ArticleAnalysis,
    ArticleStats,
    ArticleText,
    Block,
    CategoryCount,
    NumericClaim,
    Quotation,
    Readability,
    Span,
)
from generator.model import Article, Outlet

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MEHR_EMBASSY = "000_e4b0dee32a36a6fe.txt"
MEHR_TRUMP = "001_3ea4ef6632691ed9.txt"
AFP_EMBASSY = "003_3d7b85059a35045b.txt"
MEHR_LICENCE = ("All Content by Mehr News Agency is licensed under a Creative Commons "
                "Attribution 4.0 International License.")


def seed_body(name: str) -> str:
    """A seed's text without its outlet signature lines (the importer drops them too)."""
    text = (SEEDS / name).read_text(encoding="utf-8").strip()
    for signature in (MEHR_LICENCE, "Source » thedefensepost", "MH/PA"):
        text = text.replace(signature, "")
    return text.strip()


def article_text(headline: str, body: str) -> ArticleText:
    """Headline, blank line, body paragraphs separated by blank lines."""
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    text = headline
    blocks = [Block("headline", 0, len(headline))]
    for paragraph in paragraphs:
        text += "\n\n"
        blocks.append(Block("paragraph", len(text), len(text) + len(paragraph)))
        text += paragraph
    return ArticleText(text=text, headline_end=len(headline), blocks=tuple(blocks))


def locate(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def span(text: str, fragment: str, category: str, voice: str, entry: str = "",
         occurrence: int = 0, speaker: str | None = None) -> Span:
    start, end = locate(text, fragment, occurrence)
    return Span(start, end, fragment, category, voice, entry or fragment.casefold(), speaker)


def quote(text: str, fragment: str, speaker: str | None, anonymous: bool = False,
          affiliation: str | None = None, occurrence: int = 0) -> Quotation:
    start, end = locate(text, fragment, occurrence)
    return Quotation(start, end, fragment, speaker, anonymous, "said",
                     len(word_tokens(fragment)), affiliation)


def claim(text: str, surface: str, value: float, counted: str, qualifier: str = "exact",
          voice: str = "narration", sentence: str = "") -> NumericClaim:
    start, end = locate(text, surface)
    return NumericClaim(start, end, surface, value, qualifier, counted, sentence or surface, voice)


def _sentence_with(body: str, fragment: str) -> str:
    """The sentence of `body` (sentences end with ". ") that holds `fragment`."""
    return next(sentence for sentence in body.split(". ") if fragment in sentence)


def readability(words: int, ease: float = 50.0) -> Readability:
    return Readability(ease, 10.0, 12.0, 11.0, words, max(1, words // 20), round(words / 238, 2))


def analysis(slug: str, text: ArticleText, spans: tuple[Span, ...] = (),
             quotations: tuple[Quotation, ...] = (), numbers: tuple[NumericClaim, ...] = (),
             ease: float = 50.0) -> ArticleAnalysis:
    """An ArticleAnalysis whose stats are counted from the given spans over the text's words."""
    words = len(word_tokens(text.text))
    quoted_words = sum(q.words for q in quotations)
    tally = Counter((s.category, s.voice) for s in spans)
    counts = tuple(CategoryCount(category, voice, count, 1000 * count / words)
                   for (category, voice), count in sorted(tally.items()))
    stats = ArticleStats(words, words - quoted_words, quoted_words, counts)
    return ArticleAnalysis(slug, text, tuple(spans), tuple(quotations), tuple(numbers),
                           readability(words, ease), stats, "test")


def article(slug: str, outlet: str, published: str, event: str = "event",
            incident: str | None = None, title: str = "") -> Article:
    return Article(
        slug=slug, title=title or slug, outlet=outlet, published=dt.date.fromisoformat(published),
        event=event, body="", path=f"content/articles/{outlet}/{slug}.md", body_line=1,
        incident_date=dt.date.fromisoformat(incident) if incident else None,
    )


def outlet(outlet_id: str, name: str) -> Outlet:
    return Outlet(outlet_id, name, "Somewhere", "Some owner", None, "All rights reserved")


THREE_OUTLET_TEXTS = {
    "alpha": ("Militants fire rockets at base",
              "Regime forces said militants fired 12 rockets at the base. "
              "“These terrorists will pay,” said General Sam Ortiz, commander of the garrison. "
              "An official, who asked not to be named, said “the damage is minor.”"),
    "beta": ("Rockets strike base, officials say",
             "Officials said 9 rockets struck the base on Tuesday. "
             "General Sam Ortiz said “the attack was repelled.” "
             "Ortiz, commander of the garrison, gave no figures for casualties."),
    "gamma": ("Resistance fighters target occupation base",
              "Resistance fighters launched more than 15 rockets at the occupation base. "
              "Spokesman Lee Park said “our fighters acted in self-defence.” "
              "General Sam Ortiz did not comment."),
}
"""A made-up event reported by three made-up outlets, so nothing assumes two outlets."""


def three_outlet_event():
    """(event, articles, analyses, outlets, lexicon, prior) for the synthetic three-outlet event."""
    from generator.compare.distinctive import corpus_word_counts
    from generator.model import Category, Event, Lexicon

    analyses, articles = {}, []
    spans_by_outlet = {
        "alpha": [("Regime", "legitimacy", "narration"), ("militants", "loaded_labels", "narration"),
                  ("terrorists", "loaded_labels", "quotation"), ("Militants", "loaded_labels", "headline")],
        "beta": [("repelled", "conflict", "quotation")],
        "gamma": [("Resistance", "legitimacy", "narration"), ("occupation", "loaded_labels", "narration"),
                  ("self-defence", "legitimacy", "quotation")],
    }
    quotes_by_outlet = {
        "alpha": [("These terrorists will pay", "Sam Ortiz", False, "commander of the garrison"),
                  ("the damage is minor.", None, True, None)],
        "beta": [("the attack was repelled.", "Sam Ortiz", False, None)],
        "gamma": [("our fighters acted in self-defence.", "Lee Park", False, "Spokesman")],
    }
    numbers_by_outlet = {
        "alpha": [("12 rockets", 12, "rockets", "exact")],
        "beta": [("9 rockets", 9, "rockets", "exact")],
        "gamma": [("more than 15 rockets", 15, "rockets", "more_than")],
    }
    for index, (outlet_id, (headline, body)) in enumerate(THREE_OUTLET_TEXTS.items()):
        text = article_text(headline, body)
        t = text.text
        spans = tuple(span(t, fragment, category, voice) for fragment, category, voice in spans_by_outlet[outlet_id])
        quotations = tuple(quote(t, fragment, speaker, anonymous, affiliation)
                           for fragment, speaker, anonymous, affiliation in quotes_by_outlet[outlet_id])
        numbers = tuple(claim(t, surface, value, counted, qualifier, sentence=_sentence_with(body, surface))
                        for surface, value, counted, qualifier in numbers_by_outlet[outlet_id])
        slug = f"2021-03-0{index + 2}-{outlet_id}-base"
        analyses[slug] = analysis(slug, text, spans, quotations, numbers, ease=40.0 + 10 * index)
        articles.append(article(slug, outlet_id, f"2021-03-0{index + 2}", "base-attack", "2021-03-01",
                                title=headline))
    event = Event(id="base-attack", title="Rocket attack on a base", summary="", description="")
    outlets = {o: outlet(o, o.capitalize() + " News") for o in ("gamma", "alpha", "beta")}
    lexicon = Lexicon(
        categories=(Category("loaded_labels", "Loaded labels", ""), Category("legitimacy", "Legitimacy", ""),
                    Category("conflict", "Conflict", "")),
        entries=(), placeholders=(), version="test")
    return event, tuple(articles), analyses, outlets, lexicon, corpus_word_counts(analyses)
