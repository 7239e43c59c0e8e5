"""Sentences: the one splitter that quotations, numbers, attributions and excerpts share.

A sentence ends after a run of `.`, `!` or `?` and any closing quotation marks or
brackets after it (`''`, two straight single marks, is a double mark too), where white
space follows and then a capital letter, a digit, `@` or `#` (perhaps after an opening
mark or bracket). A lone full stop after an
abbreviation ends nothing: a single letter ("U.S.", "a.m.", "J.") or one of
`ABBREVIATIONS` ("Mr.", "Sen.", "No.", "Jan."). The text is read once: a run of
terminators is matched from its first character only, so a long run of "!" or
"." costs no more than its length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.analysis.results import ArticleText
from generator.analysis.text.wordlists import ABBREVIATIONS

_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[”\"’')\]]*+(?=\s+(?:''|[“\"‘(\[])?[A-Z0-9@#])")
"""A run of terminators, from its first character (the lookbehind after it rejects any other
start), with the closing marks after it. The leading character set lets `re` skip to candidates."""
_ABBREVIATION_LOOKBACK = 12
"""How far back from a full stop the abbreviation before it is looked for; longer words are no abbreviations."""
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end] as absolute (start, end) offsets; white space between them is left out."""
    bounds: list[tuple[int, int]] = []
    begin = start
    while begin < end and text[begin].isspace():
        begin += 1
    for m in _END.finditer(text, begin, end):
        stop = m.start()
        if m.end() == stop + 1 and text[stop] == "." and ends_with_abbreviation(text, start, stop):
            continue
        bounds.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        bounds.append((begin, end))
    return bounds


def ends_with_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation: "U.S.", "a.m.", "Mr.", "Sen." (not before `start`)."""
    tail = stop - _LONGEST_ABBREVIATION - 1
    if tail >= start and text[tail:stop].isalpha() and text[tail:stop].isascii():
        return False  # most stops: the word's part after its last full stop is longer than any abbreviation
    first = stop
    floor = max(start, stop - _ABBREVIATION_LOOKBACK)
    while first > floor and (text[first - 1].isascii() and text[first - 1].isalpha() or text[first - 1] == "."):
        first -= 1
    if first > start and (text[first - 1].isalnum() or text[first - 1] == "_"):
        return False  # part of a longer word, or of one too long to be an abbreviation
    last = text[first:stop].rsplit(".", 1)[-1]
    return len(last) == 1 or last in ABBREVIATIONS


@dataclass(frozen=True)
class Sentences:
    """The sentences of an article's text, block by block, in order, with their starts for binary search."""

    bounds: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    def index(self, position: int) -> int:
        """The index of the sentence that holds `position` (the last one starting at or before it; 0 before the first)."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def __len__(self) -> int:
        return len(self.bounds)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.bounds[index]


def article_sentences(text: ArticleText) -> Sentences:
    """Every sentence of the article, the headline's included; no sentence crosses a block."""
    bounds: list[tuple[int, int]] = []
    if not text.blocks:
        bounds = sentence_bounds(text.text, 0, len(text.text))
    for block in text.blocks:
        bounds.extend(sentence_bounds(text.text, block.start, block.end))
    return Sentences(tuple(bounds), tuple(start for start, _ in bounds))
