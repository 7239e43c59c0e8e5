"""The labels an article attaches to one mention of an actor, each with its voice.

- `name`: for an actor of the event's alias table, the surface form, when it is not just a
  shorter form of the actor's name ("the U.S. regime" for the U.S. government);
- `epithet`: a nickname made of a mocking word and the name ("Crazy Bernie", "Lyin' Ted");
- `title`: a run of capitalised and role words just before the name ("U.S. Secretary of State",
  "senior Iranian general"), holding a word of office, not only "former" or "Mr.";
- `apposition`: ", spokesman for Iran's Foreign Ministry," or "– one of the founders ...": a short
  noun phrase, closed by punctuation, after a name that is not the object of a preposition;
- `description`: content words before a bracketed name ("habitual liar [Mike Pompeo]");
- `framing`: a lexicon span inside the mention or its title, apposition or description, or directly
  before the mention (category given). A span inside another label gives that label its category.

Every label is the outlet's own text, inside the sentence of its mention.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from generator.analysis.actors.mentions import (
    EPITHET_WORDS,
    POSSESSIVE_END,
    TITLE_WORDS,
    Mention,
    joined,
    sentence_initial,
    words_before,
)
from generator.analysis.terms import Words
from generator.analysis.results import ArticleAnalysis, Quotation, Span
from generator.analysis.actors.sentence_finder import SentenceFinder
from generator.analysis.text.sentences import Sentences
from generator.analysis.text.wordlists import ABBREVIATIONS, HONORIFICS, SPEECH_VERBS, STOP_WORDS

DETERMINERS = frozenset({"the", "a", "an"})
TITLE_CONNECTORS = frozenset({"of", "for"})
TITLE_MODIFIERS = frozenset(
    "former acting interim senior top vice deputy state foreign interior defense defence supreme prime major".split()
)
"""Role words that qualify an office rather than name one: a title of these alone ("former", "state") says nothing."""
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})
"""Honorifics a house style puts before every name: a label of nobody."""
PREPOSITIONS = frozenset(
    "of from in at for with by to on about against like than between including into onto over under near".split()
)
"""A name right after one of these is the object of a phrase; a comma after it opens no apposition of it."""
FRAMING_LABEL_CATEGORIES = frozenset(
    {"loaded_labels", "affiliation", "legitimacy", "conflict", "intensifiers", "scare_quotes"}
)
"""Lexicon categories that describe whom they touch; attribution verbs and hedges do not."""
KIND_ORDER = ("epithet", "title", "apposition", "description", "name", "framing")
"""Where one text is found as labels of several kinds, it is shown once, as the first of these."""
MAX_LABEL_WORDS = 12
"""A title is at most this many words; past that it is a sentence, not a label."""
MAX_APPOSITION_WORDS = 9
"""An apposition is at most this many words: longer ones are clauses more often than descriptions."""
_APPOSITION_OPENERS = DETERMINERS | TITLE_WORDS | {"one"}
_CLAUSE_WORDS = frozenset(
    """that which who whom whose where when is are was were be been being am do does did has have had
    will would shall should may might must can could show shows showed suggest suggests suggested indicate
    indicates indicated find finds found reveal reveals revealed think thinks thought believe believes
    believed know knows knew seem seems seemed appear appears appeared""".split()
) | frozenset(SPEECH_VERBS)
"""Words that make what follows a comma a clause (a relative clause, a verb, a parenthetical "the polls
show"), not an apposition."""
BEFORE_NAME_CATEGORIES = frozenset({"loaded_labels", "affiliation", "legitimacy", "intensifiers"})
"""A lexicon span right before a name labels it when it is of these categories (and, for intensifiers, not a
verb form: "trouncing Clinton", "slammed Trump" say what was done to the name, not what it is)."""
_APPOSITION_DASH = re.compile(r"[ \t]+[–—][ \t]+|[ \t]+-[ \t]+")
_APPOSITION_COMMA = re.compile(r",[ \t]+")
_BEFORE_NAME = " “\"'["
_EPITHET_MARKS = "“”\"'‘’"


@dataclass(frozen=True)
class ActorLabel:
    """One way an outlet labels an actor, with how often and where."""

    text: str
    kind: str  # "name" | "epithet" | "title" | "apposition" | "description" | "framing"
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
    start: int = 0
    end: int = 0


def title_range(text: str, words: Words, start: int, known: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Capitalised and role words joined to the mention at `start`, holding a word of office. A capitalised
    word at a sentence start is not taken unless it is a word of office or `known` (capitalised elsewhere
    mid-sentence): "Enter President Trump" is titled "President"."""
    norms, starts = words.norms, words.starts
    index = words_before(words, start)
    if index == 0 or norms[index - 1] in TITLE_CONNECTORS:
        return None
    first = index
    while first > 0 and index - first < MAX_LABEL_WORDS:
        previous = first - 1
        if not (text[starts[previous]].isupper() or norms[previous] in TITLE_WORDS
                or norms[previous] in TITLE_CONNECTORS):
            break  # the word first, as most names follow a word of no title: the gap is read only after
        if not joined(text, words, previous, starts[first] if first < index else start):
            break
        first -= 1
    if first == index:
        return None  # no word before the name: no office
    while first < index and (norms[first] in TITLE_CONNECTORS or norms[first] in STOP_WORDS
                             or (sentence_initial(text, starts[first]) and norms[first] not in TITLE_WORDS
                                 and norms[first] not in known)):
        first += 1
    offices = [norm for norm in norms[first:index] if norm in TITLE_WORDS]
    if not any(norm not in TITLE_MODIFIERS and norm not in COURTESY_TITLES for norm in offices):
        return None
    return starts[first], words.ends[index - 1]


def apposition_range(text: str, words: Words, mention_start: int, end: int) -> tuple[int, int] | None:
    """", spokesman for the ministry," after the mention ending at `end`: a short phrase that opens
    with a determiner, a role word or "one", holds no verb, and ends at punctuation."""
    opener = _APPOSITION_COMMA.match(text, end) or _APPOSITION_DASH.match(text, end)
    if opener is None:
        return None
    norms, starts, ends = words.norms, words.starts, words.ends
    before = words_before(words, mention_start) - 1
    if before >= 0 and norms[before] in PREPOSITIONS and joined(text, words, before, mention_start):
        return None
    index = bisect.bisect_left(starts, opener.end())
    if index >= len(norms) or norms[index] not in _APPOSITION_OPENERS:
        return None
    last = index
    while last + 1 < len(norms) and last - index < MAX_APPOSITION_WORDS and joined(text, words, last, starts[last + 1]):
        last += 1
    phrase = norms[index : last + 1]
    if len(phrase) > MAX_APPOSITION_WORDS or any(norm in _CLAUSE_WORDS for norm in phrase):
        return None
    if phrase[-1] in STOP_WORDS or phrase[-1] in TITLE_MODIFIERS or phrase[-1] in HONORIFICS:
        return None
    if not any(norms[i] not in STOP_WORDS and norms[i] not in HONORIFICS for i in range(index, last + 1)):
        return None  # "Mr.": nothing that describes
    closer = text[ends[last] : ends[last] + 1]
    if closer == "." and _abbreviation(text, words, last):
        return None
    if closer not in {",", ".", ";", ")"} and not _APPOSITION_DASH.match(text, ends[last]):
        return None
    return starts[index], ends[last]


def _abbreviation(text: str, words: Words, index: int) -> bool:
    word = text[words.starts[index] : words.ends[index]]
    return len(word) == 1 or word in ABBREVIATIONS or "." in word


def description_range(text: str, words: Words, start: int) -> tuple[int, int] | None:
    """Content words right before a bracketed name: "habitual liar [Mike Pompeo]"; a function word ends them
    ("others like [Trump]" describes nobody)."""
    if start == 0 or text[start - 1] != "[":
        return None
    norms, starts, ends = words.norms, words.starts, words.ends
    index = words_before(words, start)
    first = index
    while first > 0 and index - first < 5:
        previous = first - 1
        gap_end = starts[first] if first < index else start - 1
        if (text[ends[previous] : gap_end].strip() or "\n" in text[ends[previous] : gap_end] or norms[previous] in STOP_WORDS
                or norms[previous] in PREPOSITIONS):
            break
        first -= 1
    if first == index:
        return None
    return starts[first], ends[index - 1]


def epithet_start(text: str, words: Words, start: int) -> int | None:
    """Where capitalised mocking words right before the mention begin ("Crazy Bernie", "“Lyin’” Ted")."""
    index = words_before(words, start)
    first = index
    while first > 0 and index - first < 2:
        previous = first - 1
        if not (text[words.starts[previous]].isupper() and words.norms[previous].rstrip("'’") in EPITHET_WORDS):
            break  # the word first: few are epithets, and the gap is read only after one
        gap = text[words.ends[previous] : words.starts[first] if first < index else start]
        if "\n" in gap or gap.strip(" " + _EPITHET_MARKS):
            break
        first -= 1
    return None if first == index else words.starts[first]


class ArticleLabels:
    """Finds the labels of mentions in one analysed article; quotations and spans are searched by binary search."""

    def __init__(self, analysis: ArticleAnalysis, words: Words, sentences: Sentences | None = None,
                 known: frozenset[str] = frozenset()) -> None:
        self.analysis = analysis
        self.known = known
        self.words = words
        self.sentences = SentenceFinder(analysis.text, sentences)
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
        near = list(self.spans[first:last])
        if before < 0 or first <= before < last:
            return near
        return [self.spans[before], *near] if before < first else [*near, self.spans[before]]

    def of(self, mention: Mention, table_actor: bool) -> list[RawLabel]:
        """The labels of one mention; `table_actor` when it is an actor of the event's alias table."""
        text, words = self.analysis.text.text, self.words
        voice, speaker = self.voice_at(mention.start)
        found: list[RawLabel] = []
        surface = text[mention.start : mention.end]
        if table_actor:
            surface_key = POSSESSIVE_END.sub("", surface).casefold()
            display_key = mention.display.casefold()
            if surface_key not in display_key and display_key not in surface_key:
                found.append(RawLabel(surface, "name", voice, speaker, None, mention.start, mention.end))
        epithet = epithet_start(text, words, mention.start)
        candidates = [("epithet", (epithet, mention.end) if epithet is not None else None),
                      ("title", title_range(text, words, mention.start, self.known)),
                      ("apposition", apposition_range(text, words, mention.start, mention.end)),
                      ("description", description_range(text, words, mention.start))]
        ranges = [(mention.start, mention.end)]
        for kind, bounds in candidates:
            if bounds is None:
                continue
            if not self.sentences.holds(mention.start, *bounds):
                continue
            found.append(RawLabel(text[bounds[0] : bounds[1]], kind, voice, speaker, None, bounds[0], bounds[1]))
            ranges.append(bounds)
        low, high = (mention.start, mention.end) if len(ranges) == 1 else (min(r[0] for r in ranges), max(r[1] for r in ranges))
        for span in self._spans_near(low, high, mention.start):
            if span.category not in FRAMING_LABEL_CATEGORIES:
                continue
            if (span.start < mention.end and span.end > mention.start and not (mention.start <= span.start and span.end <= mention.end)
                    and span.text.strip(_EPITHET_MARKS + " .,") != text[mention.start : mention.end]):
                continue  # a phrase reaching over the name ("“party of Reagan”", "Trump dominated") is no label of it;
                # the name alone in scare quotes is
            inside = any(span.start < end and span.end > start for start, end in ranges)
            just_before = (span.end <= mention.start and _only_marks_between(text, span.end, mention.start)
                           and _labels_what_follows(span))
            if not (inside or just_before) or not self.sentences.holds(mention.start, span.start, span.end):
                continue  # (the sentence last: the span before the mention may be paragraphs away, and is left out unsplit)
            holder = next((i for i, label in enumerate(found) if label.start <= span.start
                           and span.end <= label.end and label.voice == span.voice), None)
            if holder is not None and found[holder].category is None:
                found[holder] = replace(found[holder], category=span.category)
                continue
            found.append(RawLabel(span.text, "framing", span.voice, span.speaker, span.category, span.start, span.end))
        return found


def _labels_what_follows(span: Span) -> bool:
    if span.category not in BEFORE_NAME_CATEGORIES:
        return False
    return span.category != "intensifiers" or not span.text.casefold().endswith(("ing", "ed"))


def _only_marks_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but spaces, opening quotation marks and brackets;
    read back from `end`, so only the marks right before a mention are read."""
    position = end
    while position > start and text[position - 1] in _BEFORE_NAME:
        position -= 1
    return position == start


def merge_labels(found: list[tuple[RawLabel, str]]) -> tuple[ActorLabel, ...]:
    """Identical labels are one: the same words (case and punctuation kept apart, curly and straight
    apostrophes alike) in the same voice from the same speaker, counted with the articles they are in.
    Found as several kinds, a label takes the first kind of KIND_ORDER and any category it was given."""
    counts: Counter[tuple] = Counter()
    articles: dict[tuple, set[str]] = defaultdict(set)
    first_text: dict[tuple, str] = {}
    kinds: dict[tuple, str] = {}
    categories: dict[tuple, str | None] = {}
    seen: set[tuple] = set()
    for label, slug in found:
        key = (label.text.replace("’", "'"), label.voice, label.speaker)
        occurrence = (key, slug, label.start)
        if occurrence not in seen:  # one place in the text counts once, whatever kinds it was found as
            seen.add(occurrence)
            counts[key] += 1
        articles[key].add(slug)
        first_text.setdefault(key, label.text)
        if key not in kinds or KIND_ORDER.index(label.kind) < KIND_ORDER.index(kinds[key]):
            kinds[key] = label.kind
        if categories.get(key) is None:
            categories[key] = label.category
    merged = [ActorLabel(first_text[key], kinds[key], key[1], key[2], categories[key], counts[key], tuple(sorted(articles[key])))
              for key in counts]
    return tuple(sorted(merged, key=lambda l: (-l.count, KIND_ORDER.index(l.kind), l.text.casefold(), l.voice)))
