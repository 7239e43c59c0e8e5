"""Analyse one article: text, framing spans with their voice, quotations, numbers, readability.

This is the only place that knows the order of the per-article steps; each step
is a pure function in its own module. A step that raises, or runs past its time
budget, does not stop the others: its result is its empty value and the failure
is recorded in `ArticleAnalysis.failures` (see `steps`).
"""

from __future__ import annotations

import bisect
from collections import Counter

from generator.analysis.terms import term_lists
from generator.analysis.matcher import Matcher, find_matches
from generator.analysis.numbers import find_numbers
from generator.analysis.quotations import TextFacts, find_attributions, find_quotations, find_scare_quotes
from generator.analysis.readability import measure_readability
from generator.analysis.results import (
    AnalysisFailure,
    ArticleAnalysis,
    ArticleStats,
    ArticleText,
    CategoryCount,
    Match,
    Quotation,
    Readability,
    Span,
)
from generator.analysis.steps import DEFAULT_STEP_BUDGET, StepRunner
from generator.analysis.text import locate_tokens
from generator.analysis.text.tokens import count_words
from generator.markdown import parse
from generator.model import Article

NO_READABILITY = Readability(0.0, 0.0, 0.0, 0.0, 0, 0, 0.0)
NO_STATS = ArticleStats(words=0, narration_words=0, quotation_words=0, counts=())


def analyse_article(
    article: Article,
    matcher: Matcher,
    lexicon_version: str,
    categories: tuple[str, ...],
    syllables: dict[str, int] | None = None,
    *,
    step_budget: float | None = DEFAULT_STEP_BUDGET,
) -> ArticleAnalysis:
    """`syllables` is an optional word -> syllable-count memo shared across articles; it changes no result.

    Each step gets `step_budget` seconds (None: no limit), enforced where signals can be used."""
    text = locate_tokens(article.title, parse(article.body))
    facts = TextFacts(text)  # sentences, named people and quotation cues, shared by the steps below
    with StepRunner(step_budget) as run:  # the alarm's handler is installed once for all the steps
        quotations = run("quotations", (), lambda: find_quotations(text, facts))
        spans = run("framing", (), lambda: framing_spans(text, matcher, quotations, facts))
        numbers = run("numbers", (), lambda: find_numbers(text, quotations, facts.sentences))
        sources = run("attributions", (), lambda: find_attributions(text, quotations, facts))
        readability = run("readability", NO_READABILITY, lambda: measure_readability(text.text[text.headline_end :], syllables))
        stats = run("counts", NO_STATS, lambda: count_spans(text, spans, quotations, categories, _known_words(text, readability)))
        terms, phrases = run("terms", ("", ""), lambda: term_lists(text.text))
    failures: tuple[AnalysisFailure, ...] = run.failures
    return ArticleAnalysis(
        slug=article.slug,
        text=text,
        spans=spans,
        quotations=quotations,
        numbers=numbers,
        readability=readability,
        stats=stats,
        lexicon_version=lexicon_version,
        sources=sources,
        terms=terms,
        phrases=phrases,
        failures=failures,
    )


def framing_spans(text: ArticleText, matcher: Matcher, quotations: tuple[Quotation, ...], facts: TextFacts) -> tuple[Span, ...]:
    """Lexicon matches and scare quotes, overlaps resolved, each with its voice."""
    matches = find_matches(matcher, text.text, text.excluded) + find_scare_quotes(text, quotations, facts.sentences)
    return assign_voices(text, resolve_overlaps(matches), quotations)


def resolve_overlaps(matches: tuple[Match, ...]) -> tuple[Match, ...]:
    """Longest match wins; among equals, the earlier one. No two spans overlap.

    The characters kept spans cover are marked in a bytearray, so checking a candidate
    reads only its own characters: time linear in the matches' total length."""
    if not matches:
        return ()
    taken = bytearray(max(m.end for m in matches) + 1)
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, m.entry)):
        if taken.find(1, match.start, max(match.end, match.start + 1)) != -1:
            continue
        taken[match.start : match.end] = b"\x01" * (match.end - match.start)
        kept.append(match)
    return tuple(sorted(kept, key=lambda m: m.start))


def _enclosing(quotations: tuple[Quotation, ...], starts: list[int], start: int, end: int) -> Quotation | None:
    """The quotation (sorted by start, not nested) that holds [start, end), found by binary search."""
    position = bisect.bisect_right(starts, start) - 1
    if position >= 0 and quotations[position].start <= start and end <= quotations[position].end:
        return quotations[position]
    return None


def assign_voices(text: ArticleText, matches: tuple[Match, ...], quotations: tuple[Quotation, ...]) -> tuple[Span, ...]:
    """Headline, quotation (the speaker's words) or narration (the outlet's own voice).

    A scare quote is the outlet putting someone's words in quotation marks as a
    label, and a title in marks is a name the outlet writes, so both count as the
    outlet's narration; a partial quotation of an attributed speaker is theirs.
    """
    ordered = tuple(sorted((q for q in quotations if q.use == "quotation"), key=lambda q: q.start))
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


def _known_words(text: ArticleText, readability: Readability) -> int | None:
    """count_words(text.text) from the words readability counted after the headline, or None if that step failed.

    A blank line (or the text's end) follows the headline and no word spans white space, so the
    article's words are the headline's plus the rest's."""
    if readability is NO_READABILITY:
        return None
    return count_words(text.text[: text.headline_end]) + readability.words


def _per_thousand(count: int, words: int) -> float:
    """Rate per 1,000 words, to two decimals; most counts are zero, and round() is slow to say so."""
    return round(1000 * count / words, 2) if count and words else 0.0


def count_spans(
    text: ArticleText, spans: tuple[Span, ...], quotations: tuple[Quotation, ...], categories: tuple[str, ...], words: int | None = None
) -> ArticleStats:
    """Counts per category and voice, and rates per 1,000 words of the whole article.

    `words`, if given, is count_words(text.text), already known: the headline's words and those readability
    counted after it (no word spans the blank line between them), so the text is not counted twice."""
    if words is None:
        words = count_words(text.text)
    quoted = sum(count_words(text.text[q.start : q.end]) for q in quotations if q.use == "quotation")
    counts = Counter((span.category, span.voice) for span in spans)
    rows = tuple(
        CategoryCount(category, voice, counts[(category, voice)], _per_thousand(counts[(category, voice)], words))
        for category in categories
        for voice in ("headline", "narration", "quotation")
    )
    return ArticleStats(words=words, narration_words=max(words - quoted, 0), quotation_words=quoted, counts=rows)
