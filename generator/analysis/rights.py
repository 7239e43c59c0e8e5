"""Which articles the public site may carry in full, and which short excerpts it may quote otherwise.

Articles under a licence that allows republication appear in full. The rest
appear as their analysis plus excerpts chosen for commentary: the sentences that
carry the most framing spans in the outlet's own narration (never sentences that are
mostly someone else's quoted words, so no statement or tweet is shown as the outlet's), each at most `excerpt_max_sentences` sentences,
all together at most `excerpt_max_share` of the article's words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.analysis.results import ArticleAnalysis
from generator.analysis.text.sentences import sentence_bounds
from generator.analysis.text.tokens import count_words
from generator.model import Article, Outlet, PublishingPolicy


@dataclass(frozen=True)
class Excerpt:
    start: int
    end: int
    paragraph: int  # 1-based position in the original body


@dataclass(frozen=True)
class Rights:
    license: str
    full_text: bool
    excerpts: tuple[Excerpt, ...] = ()


def article_license(article: Article, outlet: Outlet) -> str:
    return article.license or outlet.license


def _normalise(license_name: str) -> str:
    name = re.sub(r"\s+", " ", license_name.strip().lower())
    return re.sub(r"\s*\d+(\.\d+)?\s*(international|generic|unported)?\s*$", "", name)


def allows_full_text(license_name: str, policy: PublishingPolicy) -> bool:
    """'CC BY 4.0' is allowed by 'CC BY'; 'CC BY-NC' is not allowed by 'CC BY'."""
    return _normalise(license_name) in {_normalise(name) for name in policy.full_text_licenses}


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence boundaries inside text[start:end], as absolute offsets (the analysis' own sentences)."""
    return [(s, e) for s, e in sentence_bounds(text, start, end) if text[s:e].strip()]


def _mostly_quoted(quoted: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether half or more of [start, end) lies inside someone's quotation (a statement, a tweet, a long quote)."""
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
    return 2 * inside >= end - start


def body_words(analysis: ArticleAnalysis) -> int:
    """count_words of the text after the headline: the words readability counted, unless its step failed."""
    if any(failure.step == "readability" for failure in analysis.failures):
        return count_words(analysis.text.text[analysis.text.headline_end :])
    return analysis.readability.words


def choose_excerpts(analysis: ArticleAnalysis, policy: PublishingPolicy) -> tuple[Excerpt, ...]:
    text = analysis.text.text
    words_total = body_words(analysis)
    budget = int(words_total * policy.excerpt_max_share)
    if policy.excerpt_max_sentences < 1 or budget < 1:
        return ()
    # spans never overlap, so sorted by start their ends are sorted too: the spans inside
    # [start, end) are the run between two binary searches
    ordered = sorted((span for span in analysis.spans if span.voice == "narration"), key=lambda span: span.start)
    quoted = sorted((q.start, q.end) for q in analysis.quotations if q.use == "quotation")
    span_starts, span_ends = [span.start for span in ordered], [span.end for span in ordered]
    candidates = []
    for number, block in enumerate(analysis.text.blocks[1:], start=1):
        if bisect.bisect_right(span_ends, block.end) - bisect.bisect_left(span_starts, block.start) <= 0:
            continue  # no span lies within the block, so none within any of its sentences: no candidate
        spans_in_block = sentences(text, block.start, block.end)
        for index in range(0, len(spans_in_block), policy.excerpt_max_sentences):
            group = spans_in_block[index : index + policy.excerpt_max_sentences]
            start, end = group[0][0], group[-1][1]
            framing = bisect.bisect_right(span_ends, end) - bisect.bisect_left(span_starts, start)
            if framing > 0 and not _mostly_quoted(quoted, start, end):
                candidates.append((-framing, start, end, number, count_words(text[start:end])))
    chosen = []
    used = 0
    for _, start, end, number, words in sorted(candidates):
        if used + words > budget:
            continue
        chosen.append(Excerpt(start, end, number))
        used += words
    return tuple(sorted(chosen, key=lambda e: e.start))


def decide_rights(article: Article, outlet: Outlet, analysis: ArticleAnalysis, policy: PublishingPolicy, full_text_build: bool) -> Rights:
    license_name = article_license(article, outlet)
    if full_text_build or allows_full_text(license_name, policy):
        return Rights(license_name, True)
    return Rights(license_name, False, choose_excerpts(analysis, policy))
