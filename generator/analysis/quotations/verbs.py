"""Speech verbs outside quotation marks: where each one stands in an article, found once.

Why: every quotation's cue, a participle's subject and a partial quotation's attribution ask for "the
speech verb before (or after) this point in its sentence"; a binary search over the verbs found in one
pass answers it without rescanning a sentence for each quotation.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from generator.analysis.text.wordlists import ATTRIBUTING_WORDS, SPEECH_PARTICIPLES, SPEECH_VERBS

SENTENCE_INITIAL_VERBS = ("Said", "Says", "Added", "Adds")
"""Inverted verbs that open a sentence ("Said Ann Lee, an aide: “…”"): capitalised, so listed apart."""


_SPEECH, _ATTRIBUTING = 1, 2
"""The bit that marks a word of each list in the finder's values."""


def _word_finder(lists: dict[int, tuple[str, ...]]) -> ahocorasick.Automaton:
    """One automaton for several word lists: each word's value is its length and the bits of the lists it is in."""
    bits: dict[str, int] = {}
    for bit, words in lists.items():
        for word in words:
            bits[word] = bits.get(word, 0) | bit
    automaton = ahocorasick.Automaton()
    for word, found in bits.items():
        automaton.add_word(word, (len(word), found))
    automaton.make_automaton()
    return automaton


_FINDER = _word_finder({
    _SPEECH: SPEECH_VERBS + SENTENCE_INITIAL_VERBS,
    _ATTRIBUTING: ATTRIBUTING_WORDS + tuple(w.capitalize() for w in ATTRIBUTING_WORDS),
})
"""Every place a speech verb, or a word that attributes content to someone (a noun of speech, a verb of
belief), occurs: both lists found in one pass over the text in C; built once, never changed."""


@dataclass(frozen=True)
class SpeechVerbs:
    """The speech verbs of a text that stand outside quotation marks within their sentence, in order.

    Found once per article, so each quotation's cue before it is a binary search, not a rescan of its sentence."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    finite_at_or_before: tuple[int, ...] = ()
    """For each verb, the index of the last verb at or before it that is not a participle ("said", not
    "saying"), or -1: a run of participles is skipped in one step, not walked for each quotation."""

    @classmethod
    def both(cls, text: str, quoted: Sequence[tuple[int, int]]) -> tuple[SpeechVerbs, SpeechVerbs]:
        """(`of`, `attributing`) of the text, from one pass over it: an article needs both."""
        words = _whole_words_outside(text, quoted)
        return (cls._of(text, [(start, end) for start, end, bits in words if bits & _SPEECH]),
                cls._of(text, [(start, end) for start, end, bits in words if bits & _ATTRIBUTING]))

    @classmethod
    def of(cls, text: str, quoted: Sequence[tuple[int, int]]) -> SpeechVerbs:
        """The speech verbs; `quoted`: the (start, end) of every quotation, in text order (any kind of mark)."""
        return cls.both(text, quoted)[0]

    @classmethod
    def attributing(cls, text: str, quoted: Sequence[tuple[int, int]]) -> SpeechVerbs:
        """The words outside quotation marks that attribute what their sentence says to someone (ATTRIBUTING_WORDS)."""
        return cls.both(text, quoted)[1]

    @classmethod
    def _of(cls, text: str, found: list[tuple[int, int]]) -> SpeechVerbs:
        order = sorted(range(len(found)), key=lambda k: found[k][0])  # words that end later may start earlier
        finite: list[int] = []
        for k in order:
            start, end = found[k]
            finite.append(len(finite) if text[start:end] not in SPEECH_PARTICIPLES else (finite[-1] if finite else -1))
        return cls(tuple(found[k][0] for k in order), tuple(found[k][1] for k in order), tuple(finite))

    def any_within(self, start: int, end: int) -> bool:
        """Whether a word stands wholly inside [start, end)."""
        return self.first_after(start, end) is not None

    def first_after(self, start: int, end: int) -> tuple[int, int] | None:
        """The first verb wholly inside [start, end), as (start, end)."""
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.starts) and self.ends[k] <= end:
            return self.starts[k], self.ends[k]
        return None

    def last_before(self, start: int, end: int) -> tuple[int, int] | None:
        """The last verb wholly inside [start, end), as (start, end)."""
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.ends[k] > end:
            k -= 1
        if k >= 0 and self.starts[k] >= start:
            return self.starts[k], self.ends[k]
        return None

    def last_finite_before(self, start: int, end: int) -> tuple[int, int] | None:
        """The last verb wholly inside [start, end) that is not a participle ("said", not "saying")."""
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0:
            k = self.finite_at_or_before[k]
            if k < 0 or self.starts[k] < start:
                return None
            if self.ends[k] <= end:
                return self.starts[k], self.ends[k]
            k -= 1  # a longer word that runs past `end`: the one before it
        return None


def _whole_words_outside(text: str, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, list bits) of every whole word of `_FINDER` that stands outside the quotations, in the order found."""
    quote_starts = [start for start, _ in quoted]
    found: list[tuple[int, int, int]] = []
    size = len(text)
    for last, (length, bits) in _FINDER.iter(text):
        start, end = last + 1 - length, last + 1
        # Every word starts and ends with a letter, so `re`'s \b (at_word_boundary) holds at both ends
        # exactly when no word character stands just outside them: part of a longer word otherwise.
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if end < size and (text[end].isalnum() or text[end] == "_"):
            continue
        k = bisect.bisect_right(quote_starts, start) - 1
        if k >= 0 and quoted[k][0] <= start < quoted[k][1]:
            continue  # inside a quotation: the speaker's words, not a cue
        found.append((start, end, bits))
    return found
