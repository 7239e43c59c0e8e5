"""The labels an article attaches to one mention of an actor, each with its voice.

- `name`: the surface form, when it is not just a shorter form of the actor's name
  ("the U.S. regime" for the U.S. government);
- `title`: a run of capitalised and role words just before the name
  ("U.S. Secretary of State", "senior Iranian general");
- `apposition`: ", spokesman for Iran's Foreign Ministry," or "– one of the founders ...";
- `description`: words before a bracketed name ("habitual liar [Mike Pompeo]");
- `framing`: a lexicon span inside the mention or its title, apposition or description,
  or directly before the mention (category given).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.analysis.actors.mentions import POSSESSIVE_END, TITLE_WORDS, Mention, joined, words_before
from generator.analysis.terms import Words
from generator.analysis.results import ArticleAnalysis, Quotation, Span
from generator.analysis.text.wordlists import STOP_WORDS

DETERMINERS = frozenset({"the", "a", "an"})
TITLE_CONNECTORS = frozenset({"of", "for"})
FRAMING_LABEL_CATEGORIES = frozenset(
    {"loaded_labels", "affiliation", "legitimacy", "conflict", "intensifiers", "scare_quotes"}
)
"""Lexicon categories that describe whom they touch; attribution verbs and hedges do not."""
MAX_LABEL_WORDS = 12
"""A title or an apposition is at most this many words; past that it is a sentence, not a label."""
_APPOSITION_OPENERS = DETERMINERS | TITLE_WORDS | {"one"}
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whose"})
_APPOSITION_DASH = re.compile(r"\s+[–—]\s+|\s+-\s+")
_APPOSITION_COMMA = re.compile(r",\s+")
_BEFORE_NAME = " “\"'["


@dataclass(frozen=True)
class ActorLabel:
    """One way an outlet labels an actor, with how often and where."""

    text: str
    kind: str  # "name" | "title" | "apposition" | "description" | "framing"
    voice: str
    speaker: str | None
    category: str | None
    count: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class RawLabel:
    text: str
    kind: str
    voice: str
    speaker: str | None
    category: str | None


def title_range(text: str, words: Words, start: int) -> tuple[int, int] | None:
    """Capitalised and role words joined to the mention at `start`, holding at least one role word."""
    norms, starts = words.norms, words.starts
    index = words_before(words, start)
    if index == 0 or norms[index - 1] in TITLE_CONNECTORS:
        return None
    first = index
    while first > 0 and index - first < MAX_LABEL_WORDS:
        previous = first - 1
        if not joined(text, words, previous, starts[first] if first < index else start):
            break
        if not (text[starts[previous]].isupper() or norms[previous] in TITLE_WORDS
                or norms[previous] in TITLE_CONNECTORS):
            break
        first -= 1
    while first < index and (norms[first] in TITLE_CONNECTORS or norms[first] in STOP_WORDS):
        first += 1
    if first == index or not any(norm in TITLE_WORDS for norm in norms[first:index]):
        return None
    return starts[first], words.ends[index - 1]


def apposition_range(text: str, words: Words, end: int) -> tuple[int, int] | None:
    opener = _APPOSITION_COMMA.match(text, end) or _APPOSITION_DASH.match(text, end)
    if opener is None:
        return None
    norms, ends = words.norms, words.ends
    index = bisect.bisect_left(words.starts, opener.end())
    if index >= len(norms) or norms[index] not in _APPOSITION_OPENERS:
        return None
    last = index
    while last + 1 < len(norms) and last - index < MAX_LABEL_WORDS and joined(text, words, last, words.starts[last + 1]):
        last += 1
    if any(norm in _RELATIVE_PRONOUNS for norm in norms[index : last + 1]):
        return None  # a relative clause describes something else more often than the name
    closer = text[ends[last] : ends[last] + 1]
    if closer not in {",", ".", ";", ")"} and not _APPOSITION_DASH.match(text, ends[last]):
        return None
    return words.starts[index], ends[last]


def description_range(text: str, words: Words, start: int) -> tuple[int, int] | None:
    if start == 0 or text[start - 1] != "[":
        return None
    norms, starts, ends = words.norms, words.starts, words.ends
    index = words_before(words, start)
    first = index
    while first > 0 and index - first < 5:
        previous = first - 1
        gap_end = starts[first] if first < index else start - 1
        if text[ends[previous] : gap_end].strip() or norms[previous] in DETERMINERS:
            break
        first -= 1
    if first == index:
        return None
    return starts[first], ends[index - 1]


class ArticleLabels:
    """Finds the labels of mentions in one analysed article; quotations and spans are searched by binary search."""

    def __init__(self, analysis: ArticleAnalysis, words: Words) -> None:
        self.analysis = analysis
        self.words = words
        self.quotations: tuple[Quotation, ...] = tuple(sorted(analysis.quotations, key=lambda q: q.start))
        self.quotation_starts = [q.start for q in self.quotations]
        self.spans: tuple[Span, ...] = tuple(sorted(analysis.spans, key=lambda s: (s.start, s.end)))
        self.span_starts = [s.start for s in self.spans]
        self.span_ends = [s.end for s in self.spans]

    def voice_at(self, offset: int) -> tuple[str, str | None]:
        if offset < self.analysis.text.headline_end:
            return "headline", None
        k = bisect.bisect_right(self.quotation_starts, offset) - 1
        if k >= 0 and self.quotations[k].start <= offset < self.quotations[k].end:
            return "quotation", self.quotations[k].speaker
        return "narration", None

    def _spans_near(self, low: int, high: int, mention_start: int) -> list[Span]:
        """Spans that may touch [low, high) or end just before the mention, in order (spans never overlap)."""
        first = bisect.bisect_right(self.span_ends, low)
        last = bisect.bisect_left(self.span_starts, high)
        before = bisect.bisect_right(self.span_ends, mention_start) - 1
        indices = set(range(first, last))
        if before >= 0:
            indices.add(before)
        return [self.spans[i] for i in sorted(indices)]

    def of(self, mention: Mention) -> list[RawLabel]:
        text, words = self.analysis.text.text, self.words
        voice, speaker = self.voice_at(mention.start)
        labels = []
        surface = text[mention.start : mention.end]
        surface_key = POSSESSIVE_END.sub("", surface).casefold()
        display_key = mention.display.casefold()
        if surface_key not in display_key and display_key not in surface_key:
            labels.append(RawLabel(surface, "name", voice, speaker, None))
        ranges = [(mention.start, mention.end)]
        for kind, found in (("title", title_range(text, words, mention.start)),
                            ("apposition", apposition_range(text, words, mention.end)),
                            ("description", description_range(text, words, mention.start))):
            if found is not None:
                labels.append(RawLabel(text[found[0] : found[1]], kind, voice, speaker, None))
                ranges.append(found)
        low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
        for span in self._spans_near(low, high, mention.start):
            if span.category not in FRAMING_LABEL_CATEGORIES:
                continue
            inside = any(span.start < end and span.end > start for start, end in ranges)
            just_before = span.end <= mention.start and _only_marks_between(text, span.end, mention.start)
            if inside or just_before:
                labels.append(RawLabel(span.text, "framing", span.voice, span.speaker, span.category))
        return labels


def _only_marks_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but spaces, opening quotation marks and brackets;
    read back from `end`, so only the marks right before a mention are read."""
    position = end
    while position > start and text[position - 1] in _BEFORE_NAME:
        position -= 1
    return position == start


def merge_labels(found: list[tuple[RawLabel, str]]) -> tuple[ActorLabel, ...]:
    """Labels that differ only in case or apostrophe are one, counted with the articles they appear in."""
    counts: Counter[RawLabel] = Counter()
    articles: dict[RawLabel, set[str]] = defaultdict(set)
    first_text: dict[RawLabel, str] = {}
    for label, slug in found:
        key = RawLabel(label.text.casefold().replace("’", "'"), label.kind, label.voice, label.speaker, label.category)
        counts[key] += 1
        articles[key].add(slug)
        first_text.setdefault(key, label.text)
    merged = [ActorLabel(first_text[key], key.kind, key.voice, key.speaker, key.category,
                         counts[key], tuple(sorted(articles[key])))
              for key in counts]
    return tuple(sorted(merged, key=lambda l: (-l.count, l.kind, l.text.casefold(), l.voice)))
