"""Per-outlet measures shared by the event comparison and the outlet pages.

Framing rates are counts per 1,000 words of *all* the outlet's text in scope
(headline, narration and quotations together), so the voices of a category add
up to its total rate. The headline is kept as a voice of its own; pages that
show "narration and quotation apart" may add it to narration, since both are
the outlet's own words (`own_words` below does that).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from generator.analysis.results import CONFIDENT, ArticleAnalysis
from generator.compare.types import ArticleRef, CategoryRate, OutletProfile, QuotedSources, ReadabilityMean, SpeakerShare, TermUse
from generator.model import VOICES, Article, Outlet

CATEGORY_ORDER = ("loaded_labels", "attribution", "hedges", "intensifiers", "affiliation",
                  "conflict", "legitimacy", "scare_quotes")
ANONYMOUS = "anonymous"
UNATTRIBUTED = "unattributed"


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(article.slug, article.title, article.outlet, article.published,
                      article.incident_date)


def category_order(categories: Iterable[str], analyses: Iterable[ArticleAnalysis]) -> tuple[str, ...]:
    """The given categories first, then any other category found in the data, sorted."""
    known = tuple(categories)
    found = {c.category for a in analyses for c in a.stats.counts}
    return known + tuple(sorted(found - set(known)))


def framing_rates(analyses: Sequence[ArticleAnalysis], categories: Sequence[str]) -> tuple[CategoryRate, ...]:
    """Counts per category and voice over the articles, per 1,000 of all their words."""
    words = sum(a.stats.words for a in analyses)
    # a plain dict: a Counter answers each missing (category, voice), most of them, by a Python-level __missing__
    counts: dict[tuple[str, str], int] = {}
    for analysis in analyses:
        for count in analysis.stats.counts:
            key = (count.category, count.voice)
            counts[key] = counts.get(key, 0) + count.count

    def rate(n: int) -> float:
        return 1000 * n / words if words else 0.0

    rates = []
    for category in categories:
        by_voice = {voice: counts.get((category, voice), 0) for voice in VOICES}
        total = sum(by_voice.values())
        rates.append(CategoryRate(
            category, rate(by_voice["headline"]), rate(by_voice["narration"]),
            rate(by_voice["quotation"]), rate(total),
            by_voice["headline"], by_voice["narration"], by_voice["quotation"], total,
        ))
    return tuple(rates)


def quoted_sources(analyses: Iterable[ArticleAnalysis]) -> QuotedSources:
    """Who is quoted, with how many words; anonymous sources pooled under one row.

    Only someone's words count (not scare quotes or titles in marks), and only a confident speaker is
    named: a speaker found by an unsure rule is pooled with the unattributed, never counted as certain."""
    words: Counter[str] = Counter()
    quotations: Counter[str] = Counter()
    affiliations: dict[str, str] = {}
    anonymous_quotations = anonymous_words = 0
    for analysis in analyses:
        for quotation in analysis.quotations:
            if quotation.use != "quotation":
                continue
            sure = quotation.confident or quotation.confidence >= CONFIDENT  # an anonymous source may have no words of its own
            if quotation.anonymous and sure:
                speaker = ANONYMOUS
                anonymous_quotations += 1
                anonymous_words += quotation.words
            else:
                speaker = (quotation.speaker if sure else None) or UNATTRIBUTED
            words[speaker] += quotation.words
            quotations[speaker] += 1
            if quotation.affiliation and speaker not in affiliations and speaker != UNATTRIBUTED:
                affiliations[speaker] = quotation.affiliation
    total = sum(words.values())
    speakers = tuple(
        SpeakerShare(speaker, affiliations.get(speaker), speaker == ANONYMOUS, quotations[speaker],
                     words[speaker], words[speaker] / total if total else 0.0)
        for speaker in sorted(words, key=lambda s: (-words[s], s))
    )
    named = sum(1 for s in speakers if s.speaker not in (ANONYMOUS, UNATTRIBUTED))
    return QuotedSources(speakers, total, named, anonymous_quotations, anonymous_words)


def mean_readability(analyses: Sequence[ArticleAnalysis]) -> ReadabilityMean:
    n = len(analyses)

    def mean(values: Iterable[float]) -> float:
        return sum(values) / n if n else 0.0

    scores = [a.readability for a in analyses]
    return ReadabilityMean(
        n, mean(r.flesch_reading_ease for r in scores), mean(r.flesch_kincaid_grade for r in scores),
        mean(r.gunning_fog for r in scores), mean(r.smog for r in scores),
        sum(r.words for r in scores), sum(r.reading_minutes for r in scores),
    )


def top_terms(analyses: Iterable[ArticleAnalysis], limit: int = 20) -> tuple[TermUse, ...]:
    """Lexicon entries by how often they occur, each voice apart."""
    counts: Counter[tuple[str, str, str]] = Counter()
    surfaces: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for span in analysis.spans:
            key = (span.entry, span.category, span.voice)
            counts[key] += 1
            surfaces[key][span.text.casefold()] += 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return tuple(
        TermUse(entry, min(surfaces[(entry, category, voice)].most_common(),
                           key=lambda item: (-item[1], item[0]))[0],
                category, voice, counts[(entry, category, voice)])
        for entry, category, voice in ranked[:limit]
    )


def profile_outlet(
    outlet: Outlet,
    articles: Iterable[Article],
    analyses: Mapping[str, ArticleAnalysis],
    categories: Sequence[str] = CATEGORY_ORDER,
) -> OutletProfile:
    """An outlet over the whole corpus: rates, terms, sources, readability, articles.

    `articles` may be the whole corpus; only this outlet's analysed articles count."""
    own = sorted((a for a in articles if a.outlet == outlet.id and a.slug in analyses),
                 key=lambda a: (a.published, a.slug))
    own_analyses = [analyses[a.slug] for a in own]
    return OutletProfile(
        outlet=outlet.id,
        name=outlet.name,
        articles=tuple(article_ref(a) for a in own),
        words=sum(a.stats.words for a in own_analyses),
        rates=framing_rates(own_analyses, category_order(categories, own_analyses)),
        top_terms=top_terms(own_analyses),
        quoted=quoted_sources(own_analyses),
        readability=mean_readability(own_analyses),
    )
