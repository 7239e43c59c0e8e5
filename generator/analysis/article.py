"""Analyse one article: text, framing spans with their voice, quotations, numbers, readability.

This is the only place that knows the order of the per-article steps; each step
is a pure function in its own module.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import filterfalse

from generator.analysis.terms import term_lists
from generator.analysis.matcher import Matcher, find_matches
from generator.analysis.numbers import find_numbers
from generator.analysis.quotations import TextFacts, find_attributions, find_quotations, find_scare_quotes
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
    facts = TextFacts(text)  # sentences, named people and quotation cues, shared by the steps below
    quotations = find_quotations(text, facts)
    matches = find_matches(matcher, text.text, text.excluded) + find_scare_quotes(text, quotations)
    spans = assign_voices(text, resolve_overlaps(matches), quotations)
    body = text.text[text.headline_end :]
    terms, phrases = term_lists(text.text)
    return ArticleAnalysis(
        slug=article.slug,
        text=text,
        spans=spans,
        quotations=quotations,
        numbers=find_numbers(text, quotations, facts),
        readability=measure_readability(body, syllables),
        stats=count_spans(text, spans, quotations, categories),
        lexicon_version=lexicon_version,
        sources=find_attributions(text, quotations, facts),
        terms=terms,
        phrases=phrases,
    )


def resolve_overlaps(matches: tuple[Match, ...]) -> tuple[Match, ...]:
    """Longest match wins; among equals, the earlier one. No two spans overlap.

    Kept spans stay sorted by start, so each candidate is checked against its two
    neighbours with a binary search: n log n, however long the article."""
    starts: list[int] = []
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, m.entry)):
        position = bisect.bisect_right(starts, match.start)
        if position > 0 and kept[position - 1].end > match.start:
            continue
        if position < len(kept) and kept[position].start < match.end:
            continue
        starts.insert(position, match.start)
        kept.insert(position, match)
    return tuple(kept)


def _enclosing(quotations: tuple[Quotation, ...], starts: list[int], start: int, end: int) -> Quotation | None:
    """The quotation (sorted by start, not nested) that holds [start, end), found by binary search."""
    position = bisect.bisect_right(starts, start) - 1
    if position >= 0 and quotations[position].start <= start and end <= quotations[position].end:
        return quotations[position]
    return None


def assign_voices(text: ArticleText, matches: tuple[Match, ...], quotations: tuple[Quotation, ...]) -> tuple[Span, ...]:
    """Headline, quotation (the speaker's words) or narration (the outlet's own voice).

    A scare quote is the outlet putting someone's words in quotation marks as a
    label, so it counts as the outlet's narration.
    """
    ordered = tuple(sorted(quotations, key=lambda q: q.start))
    starts = [q.start for q in ordered]
    spans = []
    for match in matches:
        quotation = None if match.category == "scare_quotes" else _enclosing(ordered, starts, match.start, match.end)
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
    """How many times WORD matches in `text`.

    WORD never crosses whitespace, and a whitespace-separated token of letters
    and digits only is one match; most tokens are, so WORD only runs over the
    others, in half the time."""
    tokens = text.split()
    others = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(others) + len(WORD.findall(" ".join(others)))


def _per_thousand(count: int, words: int) -> float:
    """Rate per 1,000 words, to two decimals; most counts are zero, and round() is slow to say so."""
    return round(1000 * count / words, 2) if count and words else 0.0


def count_spans(text: ArticleText, spans: tuple[Span, ...], quotations: tuple[Quotation, ...], categories: tuple[str, ...]) -> ArticleStats:
    """Counts per category and voice, and rates per 1,000 words of the whole article."""
    words = count_words(text.text)
    quoted = sum(count_words(text.text[q.start : q.end]) for q in quotations)
    counts = Counter((span.category, span.voice) for span in spans)
    rows = tuple(
        CategoryCount(category, voice, counts[(category, voice)], _per_thousand(counts[(category, voice)], words))
        for category in categories
        for voice in ("headline", "narration", "quotation")
    )
    return ArticleStats(words=words, narration_words=max(words - quoted, 0), quotation_words=quoted, counts=rows)
