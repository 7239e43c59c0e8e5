"""Frozen results of the analysis stage. Offsets are character offsets into `ArticleText.text`."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pickling import TextPickled


@dataclass(frozen=True)
class Block:
    """A block of the analysed text (the headline, a paragraph, a heading, a list item)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleText(TextPickled):
    """The plain text that is analysed: the headline, then body blocks separated by blank lines.

    `excluded` lists ranges where no highlight may start or end (inline code, URLs).
    """

    text: str
    headline_end: int
    blocks: tuple[Block, ...]
    excluded: tuple[tuple[int, int], ...] = ()
    text_fields = ("text",)


@dataclass(frozen=True)
class Match:
    """A lexicon match before voice is known."""

    start: int
    end: int
    entry: str
    category: str


@dataclass(frozen=True)
class Correction:
    """An editor's decision about one item of the analysis (see `generator.corrections`), kept on the item
    beside what the machine found: `was` is the machine's category, speaker, voice or counted noun
    (None where it found nothing)."""

    number: int
    """The correction's position in the article's corrections file: the number shown beside the words."""
    action: str
    reason: str
    by: str | None
    was: str | None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    category: str
    voice: str
    entry: str
    speaker: str | None = None
    corrected: Correction | None = None


SPEAKER_KINDS = ("person", "organisation", "anonymous", "unknown")
"""What a speaker is: a named person, an organisation or publication, an unnamed source, or not known."""
QUOTATION_USES = ("quotation", "scare", "title")
"""What words in quotation marks are: someone's words, the outlet's own label (a scare quote), or a name
(of a work, show, programme, bill or organisation) that is neither."""
CONFIDENT = 0.75
"""The confidence from which a speaker counts as found: below it the page says the speaker is uncertain,
and who-gets-quoted counts leave it out."""


@dataclass(frozen=True)
class Quotation:
    start: int
    end: int
    text: str
    speaker: str | None
    anonymous: bool
    cue: str = ""
    words: int = 0
    affiliation: str | None = None
    corrected: Correction | None = None
    speaker_kind: str = "unknown"
    """One of SPEAKER_KINDS."""
    rule: str = ""
    """The rule that found the speaker (see `quotations.direct`); "" when none did."""
    confidence: float = 1.0
    """How sure the rule is of the speaker, 0 to 1; CONFIDENT and above counts as found. find_quotations always
    sets it; a quotation built without it (an editor's, a test's) keeps the speaker it was given as found."""
    use: str = "quotation"
    """One of QUOTATION_USES."""

    @property
    def confident(self) -> bool:
        """Whether the speaker counts as found: a sure rule, or an editor's correction of the speaker."""
        if self.corrected is not None and self.corrected.action == "speaker":
            return self.speaker is not None
        return self.speaker is not None and self.confidence >= CONFIDENT


@dataclass(frozen=True)
class Attribution:
    """A source the article attributes words to, directly or indirectly ("a security source told AFP")."""

    start: int
    end: int
    speaker: str | None
    anonymous: bool
    cue: str
    affiliation: str | None = None
    speaker_kind: str = "unknown"
    """One of SPEAKER_KINDS."""


@dataclass(frozen=True)
class NumericClaim:
    start: int
    end: int
    surface: str
    value: float
    qualifier: str  # "exact", "more_than", "at_least", "about", "fewer_than", "at_most"
    counted: str
    sentence: str
    voice: str
    corrected: Correction | None = None


@dataclass(frozen=True)
class Readability:
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog: float
    words: int
    sentences: int
    reading_minutes: float


@dataclass(frozen=True)
class CategoryCount:
    category: str
    voice: str
    count: int
    per_1000: float


@dataclass(frozen=True)
class ArticleStats:
    words: int
    narration_words: int
    quotation_words: int
    counts: tuple[CategoryCount, ...]


@dataclass(frozen=True)
class AnalysisFailure:
    """A step of one article's analysis that raised or ran past its time budget; its result is its empty value."""

    step: str
    error: str  # "ExceptionType: message"


@dataclass(frozen=True)
class AppliedCorrection:
    """One editors' correction as applied to an article: where its words are, what it decided (`value`:
    the new category, speaker, voice or counted noun), and what the machine had said (`was`)."""

    number: int
    start: int
    end: int
    action: str
    value: str | None
    reason: str
    by: str | None
    was: str | None


@dataclass(frozen=True)
class ArticleAnalysis(TextPickled):
    slug: str
    text: ArticleText
    spans: tuple[Span, ...]
    quotations: tuple[Quotation, ...]
    numbers: tuple[NumericClaim, ...]
    readability: Readability
    stats: ArticleStats
    lexicon_version: str
    sources: tuple[Attribution, ...] = ()
    terms: str = ""
    """Content words, one per line in text order, each as often as it occurs (`terms.term_lists`):
    tokenised once here so event comparisons never re-read the text, and kept as one string to keep
    10,000 analyses in memory cheaply."""
    phrases: str = ""
    """Two-word phrases, as `terms`."""
    failures: tuple[AnalysisFailure, ...] = ()
    """The steps that failed for this article (empty when every step ran): their results above are empty."""
    corrections: tuple[AppliedCorrection, ...] = ()
    """The editors' corrections applied to this analysis, in their file's order (none in the machine's analysis)."""
    removed: tuple[Span, ...] = ()
    """Highlights the machine found and the editors removed, each with its `corrected` reason."""
    removed_quotations: tuple[Quotation, ...] = ()
    """Quotations the machine found and the editors gave back to the outlet's narration."""
    text_fields = ("terms", "phrases")


@dataclass(frozen=True)
class ArticleSummary(TextPickled):
    """What the pages about many articles read of one article's analysis (index cards, outlet and method
    pages, feed, search index, which comparisons a changed prior reaches), kept in the store beside the
    analysis under the same key: a rebuild after one edit reads these instead of unsealing every analysis."""

    words: int
    quotation_words: int
    counts: tuple[tuple[str, str, int], ...]
    """(category, voice, highlights) of each of `ArticleStats.counts` (`count_triples`): plain tuples, which a
    build loads for every article much faster than objects."""
    highlights: int
    entry_hits: tuple[tuple[str, int], ...]
    """(lexicon entry id, how many highlights it made), in order of first use."""
    speakers: str
    """Named speakers, in order of first quotation, joined by "; " (what search indexes)."""
    text: str
    headline_end: int
    terms: str
    """Each of the analysis's `terms` once, one per line in order of first use: enough to ask whether the
    article uses a term, and much shorter than the full list."""
    phrases: str
    failures: tuple[AnalysisFailure, ...] = ()
    text_fields = ("text", "terms", "phrases")

    @classmethod
    def of(cls, analysis: ArticleAnalysis) -> ArticleSummary:
        entries: dict[str, int] = {}
        for span in analysis.spans:
            entries[span.entry] = entries.get(span.entry, 0) + 1
        speakers = "; ".join(dict.fromkeys(q.speaker for q in analysis.quotations if q.speaker))
        return cls(analysis.stats.words, analysis.stats.quotation_words, count_triples(analysis.stats.counts), len(analysis.spans),
                   tuple(entries.items()), speakers, analysis.text.text, analysis.text.headline_end,
                   _distinct_lines(analysis.terms), _distinct_lines(analysis.phrases), analysis.failures)


def count_triples(counts: tuple[CategoryCount, ...]) -> tuple[tuple[str, str, int], ...]:
    return tuple((row.category, row.voice, row.count) for row in counts)


def _distinct_lines(lines: str) -> str:
    return "\n".join(dict.fromkeys(lines.split("\n"))) if lines else ""
