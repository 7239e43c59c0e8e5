"""Analyse one article: text, framing spans with their voice, quotations, numbers, readability.

This is the only place that knows the order of the per-article steps; each step
is a pure function in its own module.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.analysis.fightin_words import term_count_pairs
from generator.analysis.matcher import Matcher, find_matches
from generator.analysis.numbers import find_numbers
from generator.analysis.quotations import find_attributions, find_quotations, find_scare_quotes
from generator.analysis.readability import measure_readability
from generator.analysis.results import (
    ArticleAnalysis,
    ArticleStats,
    ArticleText,
    CategoryCount,
    Match,
    Quotation,
    Span,
)
from generator.analysis.text import locate_tokens
from generator.markdown import parse
from generator.model import Article

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def analyse_article(
    article: Article,
    matcher: Matcher,
    lexicon_version: str,
    categories: tuple[str, ...],
    syllables: dict[str, int] | None = None,
) -> ArticleAnalysis:
    """`syllables` is an optional word -> syllable-count memo shared across articles; it changes no result."""
    text = locate_tokens(article.title, parse(article.body))
    quotations = find_quotations(text)
    matches = find_matches(matcher, text.text, text.excluded) + find_scare_quotes(text, quotations)
    spans = assign_voices(text, resolve_overlaps(matches), quotations)
    body = text.text[text.headline_end :]
    terms, phrases = term_count_pairs(text.text)
    return ArticleAnalysis(
        slug=article.slug,
        text=text,
        spans=spans,
        quotations=quotations,
        numbers=find_numbers(text, quotations),
        readability=measure_readability(body, syllables),
        stats=count_spans(text, spans, quotations, categories),
        lexicon_version=lexicon_version,
        sources=find_attributions(text, quotations),
        terms=terms,
        phrases=phrases,
    )


def resolve_overlaps(matches: tuple[Match, ...]) -> tuple[Match, ...]:
    """Longest match wins; among equals, the earlier one. No two spans overlap."""
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, m.entry)):
        if any(match.start < end and start < match.end for start, end in taken):
            continue
        chosen.append(match)
        taken.append((match.start, match.end))
    return tuple(sorted(chosen, key=lambda m: (m.start, m.end)))


def _enclosing(quotations: tuple[Quotation, ...], start: int, end: int) -> Quotation | None:
    for quotation in quotations:
        if quotation.start <= start and end <= quotation.end:
            return quotation
    return None


def assign_voices(text: ArticleText, matches: tuple[Match, ...], quotations: tuple[Quotation, ...]) -> tuple[Span, ...]:
    """Headline, quotation (the speaker's words) or narration (the outlet's own voice).

    A scare quote is the outlet putting someone's words in quotation marks as a
    label, so it counts as the outlet's narration.
    """
    spans = []
    for match in matches:
        quotation = None if match.category == "scare_quotes" else _enclosing(quotations, match.start, match.end)
        if match.end <= text.headline_end:
            voice = "headline"
        elif quotation is not None:
            voice = "quotation"
        else:
            voice = "narration"
        speaker = quotation.speaker if quotation is not None else None
        spans.append(Span(match.start, match.end, text.text[match.start : match.end], match.category, voice, match.entry, speaker))
    return tuple(spans)


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def count_spans(text: ArticleText, spans: tuple[Span, ...], quotations: tuple[Quotation, ...], categories: tuple[str, ...]) -> ArticleStats:
    """Counts per category and voice, and rates per 1,000 words of the whole article."""
    words = count_words(text.text)
    quoted = sum(count_words(text.text[q.start : q.end]) for q in quotations)
    counts = Counter((span.category, span.voice) for span in spans)
    rows = tuple(
        CategoryCount(category, voice, counts[(category, voice)], round(1000 * counts[(category, voice)] / words, 2) if words else 0.0)
        for category in categories
        for voice in ("headline", "narration", "quotation")
    )
    return ArticleStats(words=words, narration_words=max(words - quoted, 0), quotation_words=quoted, counts=rows)
