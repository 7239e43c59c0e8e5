"""Where an article names things: alias-table surfaces, capitalised names, and affiliation spans followed by a
noun ("Iran-backed militias"), one mention per stretch of text.

A name is a run of capitalised words inside one sentence and one paragraph. Words that cannot be part of a
name split it: function words, titles and honorifics ("Sen.", "Foreign Minister"), days of the week, and
epithets ("Crazy", "Lyin'"), which are labels of the name that follows, not part of it. A possessive ends a
name ("Clinton's Iraq" is two things). A run that describes rather than names (a party member: "Wisconsin
Republican"; a date or an occasion: "Election Day") is no name. In a Title Case line (a headline, a
subhead) capitals are no evidence: a word there is part of a name only if the event also capitalises it
in prose, mid-sentence ("Indict" of "Not to Indict Hillary" is not).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from generator.analysis.terms import Words
from generator.analysis.text.titlecase import TitleCaseLines
from generator.analysis.results import Span
from generator.analysis.text.wordlists import HONORIFICS, ROLE_WORDS, STOP_WORDS, WEEKDAYS

TITLE_WORDS = ROLE_WORDS | HONORIFICS
"""Words of a title or office (honorifics as words: "mr", "sen"): they introduce a name, they are not part of it."""
EPITHET_WORDS = frozenset(
    """crazy crooked sleepy lyin lying little liddle low cryin crying goofy sloppy dopey mini shifty sneaky
    nasty phony failing dumb lazy tricky slippery creepy corrupt dirty dangerous weak rotten""".split()
)
"""Mocking adjectives put before a person's name as a nickname ("Crazy Bernie", "Lyin' Ted", "Sleepy Joe"),
whoever they are aimed at: written capitalised before a name, they are an epithet, a label of that person."""
NOT_NAME_WORDS = TITLE_WORDS | STOP_WORDS | frozenset(WEEKDAYS) | EPITHET_WORDS
"""Capitalised words that still cannot be part of a name."""
DESCRIPTIVE_HEADS = frozenset(
    """republican republicans democrat democrats independent independents libertarian libertarians
    conservative conservatives liberal liberals progressive progressives socialist socialists tory tories
    day eve night morning evening week weekend debate debates convention primary primaries caucus caucuses
    election elections summit amendment act bill speech address poll polls survey show""".split()
)
"""Last words that make a capitalised run a description or an occasion, not a person, organisation or place:
a party member ("New York Democrat"), a day or an event ("Super Tuesday" ends in a weekday, "Election Day",
"Republican National Convention"), a law ("Second Amendment") or a programme."""
MAX_NAME_WORDS = 6
"""A capitalised run of more words than this is a title-case headline or a list, not a name."""
MAX_GIVEN_NAMES = 4
"""At most this many capitalised words before a matched surname are taken as given names ("Mohammad Javad Zarif")."""
POSSESSIVE_END = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Mention:
    key: str
    display: str
    source: str  # "alias_table" | "name" | "affiliation"
    start: int
    end: int
    priority: int  # lower wins where mentions overlap


def singular(word: str) -> str:
    """A crude English singular, enough to match "militias" with "militia"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def capitalised(text: str, words: Words) -> list[int]:
    """Indices of the words whose first letter is upper case, found in C: only these can be names. The first
    letters are taken by one itemgetter (a tuple of them for two words or more), not a call per word."""
    starts = words.starts
    firsts = itemgetter(*starts)(text) if len(starts) > 1 else [text[start] for start in starts]
    return list(compress(range(len(starts)), map(str.isupper, firsts)))


def joined(text: str, words: Words, left: int, right_start: int) -> bool:
    """True when only spaces (or an abbreviation's full stop, as in "U.S.") separate word `left` from
    what starts at offset `right_start` (the next word, or a mention). A line break separates: a name, a
    title or a label never runs from one paragraph into the next."""
    raw = text[words.ends[left] : right_start]
    if "\n" in raw:
        return False
    gap = raw.strip()
    return gap == "" or (gap == "." and "." in text[words.starts[left] : words.ends[left]])


def words_before(words: Words, offset: int) -> int:
    """How many words end at or before `offset`: the index of the first word a mention starting there
    can have before it is that minus one, even when the mention starts inside a word ("anti-Trump")."""
    return bisect.bisect_right(words.ends, offset)


_OPENING_OR_END = frozenset(" \t“\"‘'([\n.!?:—–")
"""The characters `sentence_initial` reads past (opening marks) or stops at (the ends of sentences)."""


def sentence_initial(text: str, start: int) -> bool:
    if start > 1 and text[start - 1] == " " and text[start - 2] not in _OPENING_OR_END:
        return False  # most words follow a word and a space: that word is what the window would end with
    window_start = max(0, start - 12)
    before = text[window_start:start].rstrip(" \t“\"‘'([")
    if before == "":
        return window_start == 0
    return before.endswith(("\n", ".", "!", "?", ":", "—", "–"))


def possessive(text: str, words: Words, index: int) -> bool:
    """Whether word `index` is written with a possessive 's ("Clinton's"): it ends the name it is in."""
    return text[words.ends[index] - 2 : words.ends[index]] in ("'s", "’s")


def name_runs(
    text: str, words: Words, known_mid_sentence: frozenset[str] | None = None, capitals: Sequence[int] | None = None,
    title_case: TitleCaseLines = TitleCaseLines(),
) -> list[tuple[int, int]]:
    """Word index ranges of capitalised words, split at words that cannot be part of a name and after a possessive.

    A run's first word at the start of a sentence ("Despite Iran") is dropped
    unless the event also capitalises it mid-sentence (`known_mid_sentence`).
    `capitals` (from `capitalised`) saves finding the capitalised words again. A word in one of the
    `title_case` lines counts only if it is in `known_mid_sentence`."""
    norms, starts = words.norms, words.starts
    known = known_mid_sentence or frozenset()
    indices = capitalised(text, words) if capitals is None else capitals
    if title_case.starts:
        name_words = [index for index in indices
                      if norms[index] not in NOT_NAME_WORDS and (norms[index] in known or starts[index] not in title_case)]
    else:  # most texts have no Title Case line: no offset is in one
        name_words = [index for index in indices if norms[index] not in NOT_NAME_WORDS]
    runs: list[tuple[int, int]] = []
    begin = previous = -1
    for index in name_words:
        if (begin >= 0 and index == previous + 1 and not possessive(text, words, previous)
                and joined(text, words, previous, starts[index])):
            previous = index
            continue
        if begin >= 0:
            runs.append((begin, previous + 1))
        begin = previous = index
    if begin >= 0:
        runs.append((begin, previous + 1))
    runs = [(begin, end) for begin, end in runs if end - begin <= MAX_NAME_WORDS]
    if known_mid_sentence is None:
        return runs
    trimmed = []
    for begin, end in runs:
        if norms[begin] not in known_mid_sentence and sentence_initial(text, starts[begin]):  # most runs open with a known name
            begin += 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def describes(words: Words, begin: int, end: int) -> bool:
    """Whether the run of words [begin, end) describes (a party member, an occasion) rather than names."""
    return words.norms[end - 1] in DESCRIPTIVE_HEADS


def trim_framed(words: Words, runs: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Runs without leading words that a lexicon span covers ("Radical" of "Radical Islam", "Crooked" of
    "Crooked Hillary"): a framing word before a name labels it and is not part of it."""
    if not spans:
        return list(runs)
    ordered = sorted(spans, key=lambda s: s.start)
    span_starts = [s.start for s in ordered]
    trimmed = []
    for begin, end in runs:
        while begin < end - 1:
            k = bisect.bisect_right(span_starts, words.starts[begin]) - 1
            if k < 0 or ordered[k].end < words.ends[begin] or ordered[k].end > words.starts[begin + 1]:
                break
            begin += 1
        trimmed.append((begin, end))
    return trimmed


def mid_sentence_capitals(text: str, words: Words, capitals: Sequence[int] | None = None,
                          title_case: TitleCaseLines = TitleCaseLines()) -> frozenset[str]:
    """Case-folded words the text capitalises away from a sentence start and outside Title Case lines: likely names."""
    norms, starts = words.norms, words.starts
    indices = capitalised(text, words) if capitals is None else capitals
    if title_case.starts:  # most texts have no Title Case line, and no offset is in one
        indices = [index for index in indices if starts[index] not in title_case]
    found: set[str] = set()
    for index in indices:
        norm = norms[index]
        if norm not in found and not sentence_initial(text, starts[index]):  # a name is capitalised again and again:
            found.add(norm)                                                   # it is tested until found once
    return frozenset(found)


def alias_mentions(event_actors: Sequence[tuple[str, tuple[str, ...]]], text: str) -> list[Mention]:
    """Mentions of the event's alias table, `(name, aliases)` per actor, matched case-insensitively as whole words."""
    mentions = []
    folded = text.casefold()
    exact = len(folded) == len(text)  # else a letter folded into two, and only the pattern can tell
    for name, aliases in event_actors:
        for surface in (name, *aliases):
            if exact and surface.casefold() not in folded:
                continue  # most articles name few of the table's surfaces: a substring test rules the rest out
            pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(text):
                mentions.append(Mention(name.casefold(), name, "alias_table", match.start(), match.end(), 0))
    return mentions


def affiliation_mentions(text: str, words: Words, spans: Sequence[Span]) -> list[Mention]:
    """An affiliation span followed by a lower-case noun ("Iran-backed militias"), keyed by the whole phrase
    (two groups with one noun, "anti-Trump delegates" and "pro-Trump delegates", are not one actor)."""
    norms, starts, ends = words.norms, words.starts, words.ends
    mentions = []
    for span in spans:
        if span.category != "affiliation":
            continue
        head = bisect.bisect_left(starts, span.end)
        if head >= len(starts) or text[span.end : starts[head]].strip() or "\n" in text[span.end : starts[head]]:
            continue
        if text[starts[head]].isupper() or norms[head] in STOP_WORDS:
            continue
        phrase = text[span.start : ends[head]]
        key = f"{span.text.casefold()} {singular(norms[head])}"
        mentions.append(Mention(key, phrase, "affiliation", span.start, ends[head], 2))
    return mentions


def non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Mentions that overlap no better one: lower priority first, then the earlier, then the longer.

    Each priority level is checked against the levels before it by binary search and against
    itself by its last kept mention (kept in order of start, so it ends last), then merged in."""
    chosen: list[Mention] = []
    for priority in sorted({m.priority for m in mentions}):
        starts = [c.start for c in chosen]
        kept: list[Mention] = []
        for mention in sorted((m for m in mentions if m.priority == priority), key=lambda m: (m.start, -(m.end - m.start))):
            if kept and kept[-1].end > mention.start:
                continue
            k = bisect.bisect_left(starts, mention.end)  # chosen[k:] start at or after the mention's end
            if k > 0 and chosen[k - 1].end > mention.start:
                continue
            kept.append(mention)
        chosen = sorted(chosen + kept, key=lambda m: m.start)
    return chosen


def extend_left(text: str, words: Words, mention: Mention, known_mid_sentence: frozenset[str],
                title_case: TitleCaseLines = TitleCaseLines()) -> Mention:
    """Take in given names before a matched surname ("Mike" before "Pompeo"), at most MAX_GIVEN_NAMES;
    a word at a sentence start or in a Title Case line is taken only if the event capitalises it
    mid-sentence too ("Addressing Trump", "Not to Indict Hillary" give no name)."""
    norms, starts = words.norms, words.starts
    index = words_before(words, mention.start)
    start = mention.start
    taken = 0
    while index > 0 and taken < MAX_GIVEN_NAMES:
        previous = index - 1
        if not (text[starts[previous]].isupper() and norms[previous] not in NOT_NAME_WORDS
                and not possessive(text, words, previous) and joined(text, words, previous, start)):
            break
        if norms[previous] not in known_mid_sentence and (
                sentence_initial(text, starts[previous]) or starts[previous] in title_case):
            break
        start, index, taken = starts[previous], previous, taken + 1
    return Mention(mention.key, mention.display, mention.source, start, mention.end, mention.priority)
