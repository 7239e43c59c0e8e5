"""The results of the compare stage: an event's comparison and an outlet's profile, as frozen values.

Kept apart from the code that computes them, so the summary, the renderer, the
store and the JSON writer can all read them without importing one another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.analysis.actors import ActorNaming
from generator.analysis.results import AnalysisFailure, Readability


@dataclass(frozen=True)
class ArticleRef:
    slug: str
    title: str
    outlet: str
    published: dt.date
    incident_date: dt.date | None


@dataclass(frozen=True)
class CategoryRate:
    """One category's count and rate per 1,000 words, per voice and in all."""

    category: str
    headline: float
    narration: float
    quotation: float
    total: float
    headline_count: int
    narration_count: int
    quotation_count: int
    total_count: int

    @property
    def own_words(self) -> float:
        """Headline plus narration: the outlet's own words."""
        return self.headline + self.narration

    @property
    def own_words_count(self) -> int:
        return self.headline_count + self.narration_count


@dataclass(frozen=True)
class SpeakerShare:
    speaker: str
    affiliation: str | None
    anonymous: bool
    quotations: int
    words: int
    share: float  # of all the words this outlet quotes, 0..1


@dataclass(frozen=True)
class QuotedSources:
    speakers: tuple[SpeakerShare, ...]  # most quoted words first
    quoted_words: int
    named_speakers: int
    anonymous_quotations: int
    anonymous_words: int


@dataclass(frozen=True)
class ReadabilityMean:
    """Plain means over the articles (each article weighs the same)."""

    articles: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog: float
    words: int  # total
    reading_minutes: float  # total


@dataclass(frozen=True)
class TermUse:
    entry: str
    text: str  # the surface form used most often
    category: str
    voice: str
    count: int


@dataclass(frozen=True)
class OutletProfile:
    outlet: str
    name: str
    articles: tuple[ArticleRef, ...]
    words: int
    rates: tuple[CategoryRate, ...]
    top_terms: tuple[TermUse, ...]
    quoted: QuotedSources
    readability: ReadabilityMean


@dataclass(frozen=True)
class DistinctiveTerm:
    """One word or phrase with its log-odds ratio and z-score for one outlet."""

    term: str
    kind: str  # "word" | "phrase"
    delta: float
    z: float
    count: int
    other_count: int


@dataclass(frozen=True)
class SharedPassage:
    """A passage of article A found again in article B; offsets into each `ArticleText.text`.

    `words` counts the words that match exactly; `exact` is False when the
    passage joins runs separated by small differences."""

    article_a: str
    start_a: int
    end_a: int
    article_b: str
    start_b: int
    end_b: int
    words: int
    exact: bool


@dataclass(frozen=True)
class SummarySentence:
    text: str
    anchor: str  # one of ANCHORS: the id of the table the sentence restates
    values: tuple[float, ...]  # the figures `text` states, in order ("$11.7 trillion" is 11.7e12)
    key: str = ""  # the row of that table: a category id, a quantity, an outlet id, an actor, two article slugs
    weight: float = 0.0  # how much the outlets differ in it, times how sure its figures are (0..1)


@dataclass(frozen=True)
class OutletColumn:
    outlet: str
    name: str
    country: str
    ownership: str
    articles: tuple[ArticleRef, ...]  # by publication date
    published_dates: tuple[dt.date, ...]
    incident_dates: tuple[dt.date, ...]  # distinct, sorted


@dataclass(frozen=True)
class IncidentNotice:
    """Set `differs` when the articles report incidents on different dates."""

    differs: bool
    dates: tuple[tuple[str, tuple[dt.date, ...]], ...]  # (outlet id, its distinct incident dates)


@dataclass(frozen=True)
class OutletRates:
    outlet: str
    words: int
    rates: tuple[CategoryRate, ...]  # in `EventComparison.categories` order


@dataclass(frozen=True)
class OutletDistinctive:
    outlet: str
    terms: tuple[DistinctiveTerm, ...]  # highest z first


@dataclass(frozen=True)
class ClaimCell:
    outlet: str
    article: str
    value: float
    qualifier: str
    surface: str  # as written in the article
    counted: str
    sentence: str
    voice: str
    incident: dt.date | None = None  # the incident date of the claim's article
    confident: bool = True  # `analysis.numbers.confident`: only confident claims are compared


@dataclass(frozen=True)
class QuantityRow:
    """The claims of an event that count one head noun (see `compare.quantities` for when outlets differ)."""

    quantity: str  # the head noun, singular: "rocket"
    label: str  # the shortest `counted` text of the row: "rockets"
    claims: tuple[ClaimCell, ...]  # by outlet column, then article date, then position
    outlets: tuple[str, ...]  # outlets with a claim in this row
    differs: bool  # some outlets give one different figure each for the same thing and incident
    compared: tuple[str, ...] = ()  # those outlets, in column order
    incident: dt.date | None = None  # the incident they report, when the event's articles report several


@dataclass(frozen=True)
class OutletQuoted:
    outlet: str
    sources: QuotedSources


@dataclass(frozen=True)
class ArticleReadability:
    article: str
    outlet: str
    readability: Readability


@dataclass(frozen=True)
class OutletReadability:
    outlet: str
    mean: ReadabilityMean


@dataclass(frozen=True)
class EventCorrectionNote:
    """An editors' correction applied to the comparison: a summary sentence hidden (`was` is its text),
    or an actor renamed or merged into another (`was` is the name the comparison gave it)."""

    number: int
    kind: str  # "summary" | "actor"
    action: str  # "hide" | "rename" | "merge_into"
    value: str | None
    reason: str
    by: str | None
    was: str


@dataclass(frozen=True)
class EventComparison:
    event: str
    title: str
    outlets: tuple[str, ...]
    outlet_names: tuple[tuple[str, str], ...]  # (id, name), column order
    columns: tuple[OutletColumn, ...]
    incident: IncidentNotice
    categories: tuple[tuple[str, str], ...]  # (id, label)
    profile: tuple[OutletRates, ...]
    distinctive: tuple[OutletDistinctive, ...]
    actors: tuple[ActorNaming, ...]
    numbers: tuple[QuantityRow, ...]
    quoted: tuple[OutletQuoted, ...]
    shared: tuple[SharedPassage, ...]
    readability_articles: tuple[ArticleReadability, ...]
    readability_outlets: tuple[OutletReadability, ...]
    summary: tuple[SummarySentence, ...] = ()
    failures: tuple[AnalysisFailure, ...] = ()
    """Parts of the comparison that could not be computed (an internal error): shown as unavailable."""
    corrections: tuple[EventCorrectionNote, ...] = ()
    """The editors' corrections of this comparison, in their file's order."""

    def outlet_name(self, outlet_id: str) -> str:
        return dict(self.outlet_names)[outlet_id]

    def failed(self, part: str) -> bool:
        return any(failure.step == part for failure in self.failures)


@dataclass(frozen=True)
class Completion:
    """What an event's comparison takes from the whole corpus: each outlet's distinctive words against
    the corpus prior, and the summary, which quotes them. `origin` names the inputs it was computed
    from (a store key), so pages that show it know when it changed."""

    distinctive: tuple[OutletDistinctive, ...]
    summary: tuple[SummarySentence, ...]
    origin: str
    failures: tuple[AnalysisFailure, ...] = ()
