"""View models: everything a template shows, prepared in Python so templates only present.

Each `*_view` function is pure: it takes the corpus and analysis results and
returns a frozen dataclass (or plain tuples) ready to print.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from collections.abc import Callable

from markupsafe import Markup, escape

from generator.analysis.results import ArticleAnalysis, NumericClaim, Span
from generator.analysis.rights import Rights
from generator.model import Article, Category, Event, Lexicon, Outlet

QUALIFIER_TEXT = {
    "exact": "",
    "more_than": "more than ",
    "at_least": "at least ",
    "about": "about ",
    "fewer_than": "fewer than ",
    "at_most": "at most ",
}
VOICE_TEXT = {"headline": "in the headline", "narration": "in the outlet's own narration", "quotation": "in a quotation"}


@dataclass(frozen=True)
class CountRow:
    category: str
    label: str
    narration_count: int
    narration_rate: float
    quotation_count: int
    quotation_rate: float
    headline_count: int


@dataclass(frozen=True)
class QuotationRow:
    speaker: str | None
    anonymous: bool
    affiliation: str | None
    words: int
    text: str


@dataclass(frozen=True)
class SourceRow:
    speaker: str | None
    anonymous: bool
    affiliation: str | None
    cue: str


@dataclass(frozen=True)
class NumberRow:
    surface: str
    value_text: str
    counted: str
    voice: str


@dataclass(frozen=True)
class ExcerptView:
    paragraph: int
    html: Markup


@dataclass(frozen=True)
class ArticleView:
    article: Article
    outlet: Outlet
    event: Event | None
    analysis: ArticleAnalysis
    rights: Rights
    license_url: str | None
    attribution: str
    headline_html: Markup
    body_html: Markup
    excerpts: tuple[ExcerptView, ...]
    excerpt_words: int
    count_rows: tuple[CountRow, ...]
    quotation_rows: tuple[QuotationRow, ...]
    source_rows: tuple[SourceRow, ...]
    number_rows: tuple[NumberRow, ...]


def format_number(claim: NumericClaim) -> str:
    value = claim.value
    if value == int(value):
        shown = f"{int(value):,}"
    else:
        shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return QUALIFIER_TEXT.get(claim.qualifier, claim.qualifier + " ") + shown


def count_rows(lexicon: Lexicon, counts: Counter, words: int) -> tuple[CountRow, ...]:
    """One row per category from `(category, voice) -> count` over `words` words."""

    def rate(count: int) -> float:
        return round(1000 * count / words, 1) if words else 0.0

    return tuple(
        CountRow(
            c.id,
            c.label,
            counts[(c.id, "narration")],
            rate(counts[(c.id, "narration")]),
            counts[(c.id, "quotation")],
            rate(counts[(c.id, "quotation")]),
            counts[(c.id, "headline")],
        )
        for c in lexicon.categories
    )


def span_counts(analyses: list[ArticleAnalysis]) -> Counter:
    counter: Counter = Counter()
    for analysis in analyses:
        for row in analysis.stats.counts:
            counter[(row.category, row.voice)] += row.count
    return counter


def attribution_text(article: Article, outlet: Outlet, rights: Rights) -> str:
    if not rights.full_text or rights.license == outlet.license and "CC" not in rights.license.upper():
        return ""
    author = f"{article.author}, " if article.author else ""
    return (
        f"Text: {author}{outlet.name}, published {article.published.strftime('%-d %B %Y')}, "
        f"licensed under {rights.license}. Reproduced unchanged apart from highlighting, paragraph breaks "
        f"and moving the dateline and licence line into the details above."
    )


def span_tip(span: Span, categories: dict[str, Category], notes: dict[str, str]) -> str:
    label = categories[span.category].label if span.category in categories else span.category
    voice = VOICE_TEXT.get(span.voice, span.voice)
    if span.voice == "quotation" and span.speaker:
        voice = f"in a quotation of {span.speaker}"
    note = notes.get(span.entry, "")
    return f"{label}, {voice}" + (f": {note}" if note else "")


SpanMarkup = Callable[[Span, str, bool, bool], str]


def make_span_markup(lexicon: Lexicon, root: str) -> SpanMarkup:
    """The HTML of one highlighted piece: a link to its lexicon entry that explains itself on hover and focus."""
    categories = {c.id: c for c in lexicon.categories}
    notes = {e.id: e.note for e in lexicon.entries}
    notes.setdefault("scare-quote", "a short phrase set in quotation marks as a label inside the outlet's own sentence")

    def markup(span: Span, inner: str, first: bool, in_link: bool) -> str:
        classes = f"hl c-{span.category} v-{span.voice}"
        tip = escape(span_tip(span, categories, notes))
        target = f"cat-{span.category}" if span.entry == "scare-quote" else f"entry-{span.entry}"
        if in_link:
            return f'<mark class="{classes}" data-tip="{tip}">{inner}</mark>'
        return f'<a class="{classes}" href="{root}method.html#{escape(target)}" data-tip="{tip}">{inner}</a>'

    return markup


def date_html(value: dt.date | None) -> Markup:
    """The `date` filter: a date as `<time>`, or "unknown". A filter, not a macro, since pages print
    thousands of dates (outlet and index lists) and a macro call costs many times a function call."""
    if not value:
        return Markup("unknown")
    return Markup(f'<time datetime="{escape(value.isoformat())}">{escape(value.strftime("%-d %B %Y"))}</time>')


def date_text(value: dt.date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "unknown"
