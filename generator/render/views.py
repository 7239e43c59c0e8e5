"""View models: everything a template shows, prepared in Python so templates only present.

Each page's template receives one frozen view (`ArticleView`, `EventView`,
`IndexView`, ...); the functions here format the numbers and words they hold.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from generator.analysis.results import ArticleAnalysis, NumericClaim, Span
from generator.analysis.rights import Rights
from generator.compare.summary import LEAD_SENTENCES
from generator.compare.types import EventComparison, OutletProfile
from generator.corrections.model import EDITORS_ENTRY
from generator.model import Article, Category, Corpus, Event, Lexicon, Outlet

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
    marker: Markup = Markup("")
    """The editors' correction marker, when they corrected the quotation."""
    kind: str = "unknown"
    """results.SPEAKER_KINDS: a person, an organisation or publication, an unnamed source."""
    confident: bool = True
    """False when the rule that found the speaker is unsure: the page says so beside the name."""
    use: str = "quotation"
    """results.QUOTATION_USES: someone's words, a scare quote or a title in quotation marks."""


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
    marker: Markup = Markup("")


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
    correction_rows: tuple = ()
    """`render.corrections.CorrectionRow`s: the editors' corrections, in their file's order."""
    body_lead_length: int = 0
    """Characters of `body_html` that are its lead paragraphs: what the event page shows before "Read on"."""
    body_rest_blocks: int = 0
    """Top-level blocks (paragraphs, lists) after the lead."""

    @property
    def body_lead(self) -> Markup:
        return Markup(self.body_html[: self.body_lead_length])

    @property
    def body_rest(self) -> Markup:
        return Markup(self.body_html[self.body_lead_length :])

    @property
    def failed(self) -> frozenset[str]:
        """The steps of this article's analysis that an internal error left out: shown as unavailable,
        never as "none found"."""
        return frozenset(failure.step for failure in self.analysis.failures)


def withheld_quotation(words: int) -> str:
    """What a quotation table shows for words the article's licence keeps off the page: their extent only."""
    return f"(not shown: {words} {'word' if words == 1 else 'words'}, see the original)"


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


def span_counts(counts: Iterable[tuple[tuple[str, str, int], ...]]) -> Counter:
    """(category, voice) -> highlights, over some articles' counts (`ArticleSummary.counts`)."""
    counter: Counter = Counter()
    for rows in counts:
        for category, voice, count in rows:
            counter[(category, voice)] += count
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
    corrected = f" (editors' correction {span.corrected.number}: {span.corrected.reason})" if span.corrected else ""
    return f"{label}, {voice}" + (f": {note}" if note else "") + corrected


SpanMarkup = Callable[[Span, str, bool, bool], str]


def make_span_markup(lexicon: Lexicon, root: str) -> SpanMarkup:
    """The HTML of one highlighted piece: a link to its lexicon entry that explains itself on hover and focus."""
    categories = {c.id: c for c in lexicon.categories}
    notes = {e.id: e.note for e in lexicon.entries}
    notes.setdefault("scare-quote", "a short phrase set in quotation marks as a label inside the outlet's own sentence")
    notes.setdefault(EDITORS_ENTRY, "highlighted by the editors, not by a lexicon entry")

    def markup(span: Span, inner: str, first: bool, in_link: bool) -> str:
        classes = f"hl c-{span.category} v-{span.voice}" + (" corrected" if span.corrected else "")
        tip = escape(span_tip(span, categories, notes))
        target = f"cat-{span.category}" if span.entry in ("scare-quote", EDITORS_ENTRY) else f"entry-{span.entry}"
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


def unavailable_step(failed: frozenset[str], steps: tuple[str, ...], what: str) -> Markup:
    """The note that a part of an article's analysis failed in this build, or nothing. A function, not a
    macro, for the same reason as `date_html`: every article page asks six times, and almost never fails."""
    if failed.isdisjoint(steps):
        return Markup("")
    return Markup('  <p class="unavailable" role="note">{} are unavailable for this article: an internal error stopped that part '
                  'of the analysis while the site was built, and the build reported it. The rest of the analysis is not affected.</p>\n').format(what)


def unavailable_part(comparison: EventComparison, part: str) -> Markup:
    """The note that a part of an event's comparison failed in this build, or nothing (see `unavailable_step`)."""
    if not comparison.failures or not (comparison.failed(part) or comparison.failed("comparison")):
        return Markup("")
    return Markup('  <p class="unavailable" role="note">This part of the comparison is unavailable: an internal error stopped it '
                  'while the site was built, and the build reported it. The rest of the page is not affected.</p>\n')


def date_text(value: dt.date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "unknown"


@dataclass(frozen=True)
class EventColumn:
    outlet: Outlet
    articles: tuple[ArticleView, ...]
    published: tuple
    incidents: tuple


@dataclass(frozen=True)
class IncidentRow:
    outlet: str
    dates: tuple


@dataclass(frozen=True)
class EventView:
    event: Event
    description_html: Markup
    columns: tuple[EventColumn, ...]
    incident_notice: str
    incident_rows: tuple[IncidentRow, ...]
    comparison: EventComparison
    names: dict[str, str]
    titles: dict[str, str]
    profile_chart: Markup  # SVG
    distinctive_chart: Markup  # SVG, empty when no term is distinctive
    profile_table: Markup
    distinctive_tables: Markup
    restricted: frozenset[str]
    corrections: tuple[tuple[object, str], ...] = ()
    """The editors' corrections of the comparison (`EventCorrectionNote`), each with what it decided in words."""
    actor_markers: dict[str, Markup] | None = None
    """Actor name -> the marker of the correction that renamed it or merged another into it."""

    @property
    def lead_summary(self) -> tuple:
        """The sentences "At a glance" shows: the heaviest `LEAD_SENTENCES`."""
        return self.comparison.summary[:LEAD_SENTENCES]

    @property
    def more_summary(self) -> tuple:
        """The rest, behind "More differences"."""
        return self.comparison.summary[LEAD_SENTENCES:]

    @property
    def shared_numbers(self) -> tuple:
        """Rows of the numbers table that several outlets report: shown."""
        return tuple(row for row in self.comparison.numbers if len(row.outlets) > 1)

    @property
    def single_numbers(self) -> tuple:
        """Rows only one outlet reports: behind a control."""
        return tuple(row for row in self.comparison.numbers if len(row.outlets) <= 1)


@dataclass(frozen=True)
class OutletView:
    outlet: Outlet
    articles: tuple[Article, ...]
    words: int
    quotation_words: int
    count_rows: tuple[CountRow, ...]
    profile: OutletProfile
    category_labels: dict[str, str]


@dataclass(frozen=True)
class CardOutlet:
    outlet: Outlet
    articles: int
    rate: float | None
    narration_rate: float
    top_words: tuple[str, ...]


@dataclass(frozen=True)
class EventCard:
    event: Event
    incidents: tuple
    different_incidents: bool
    outlets: tuple[CardOutlet, ...]


@dataclass(frozen=True)
class OutletRow:
    outlet: Outlet
    articles: int


@dataclass(frozen=True)
class IndexView:
    events: tuple[EventCard, ...]
    outlets: tuple[OutletRow, ...]
    unassigned: tuple[Article, ...]
    article_count: int
    digests: tuple


@dataclass(frozen=True)
class DigestMonth:
    key: str  # yyyy-mm
    label: str  # "December 2020"
    events: tuple[str, ...]


@dataclass(frozen=True)
class DigestView:
    month: DigestMonth
    cards: tuple[EventCard, ...]
    newer: DigestMonth | None
    older: DigestMonth | None


@dataclass(frozen=True)
class MethodEntry:
    entry: object
    hits: int
    exceptions: tuple[str, ...] = ()  # the entry's sense rules in plain words


@dataclass(frozen=True)
class MethodCategory:
    category: object
    entries: tuple[MethodEntry, ...]


@dataclass(frozen=True)
class MethodView:
    lexicon: object
    categories: tuple[MethodCategory, ...]
    accuracy: tuple = ()  # generator.measured.Slot per analyser, from the benchmarks' results files


def digest_months(corpus: Corpus) -> tuple[DigestMonth, ...]:
    """Months in which some event had an article published, newest first, each with those events."""
    months = []
    for key in sorted(corpus.by_month, reverse=True):
        events = tuple(sorted({a.event for a in corpus.by_month[key] if a.event}))
        if events:
            months.append(DigestMonth(key, dt.date.fromisoformat(key + "-01").strftime("%B %Y"), events))
    return tuple(months)
