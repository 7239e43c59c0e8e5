"""Lines written in Title Case: headlines, subheads and captions whose capitals say nothing about names.

In "Senate Panel Votes to Subpoena Maria Lopez" every word is capitalised, so a capital there is no
evidence that a word is part of a name: read as prose, it yields "Subpoena Maria Lopez". A line is in
Title Case when it capitalises the ordinary words of the text, the words the text also writes in lower
case ("panel", "votes", "subpoena"), not only its names: at least two of them, past the line's first
word and any sentence's first word, and at least as many as it writes in lower case. A sentence dense with names ("Hillary Clinton met
Bernie Sanders in Iowa") capitalises no ordinary word and stays prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from itertools import compress
from dataclasses import dataclass

from generator.analysis.terms import Words

MIN_ORDINARY_CAPITALS = 2
"""Capitalised ordinary words a line needs, besides its first word, to be in Title Case."""
SENTENCE_OPENERS = frozenset(".!?:;“\"‘'—–(")
"""Characters after which a capital opens a sentence or a quotation, and says nothing of Title Case."""
MIN_LETTERS = 4
_LOWER_WORD = re.compile(r"\b[a-z]{4,}")
_CAPITAL = re.compile(r"\b[A-Z]")
"""Counted in C for each line first: a line with more than twice as many lower-case words as capitals
(plus two) cannot be in Title Case, and its words need no Python step."""
"""Shorter words ("to", "of", "the", "in") are left lower case by most Title Case styles: not counted."""


def lower_case_words(text: str, words: Words) -> set[str]:
    """The case-folded words `text` writes in lower case somewhere: its ordinary vocabulary."""
    return set(compress(words.norms, map(str.islower, map(text.__getitem__, words.starts))))  # in C, no step per word


@dataclass(frozen=True)
class TitleCaseLines:
    """The offsets of a text's Title Case lines, for asking whether a word lies in one."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def title_case_lines(text: str, words: Words, ordinary: Iterable[str] | set[str] | frozenset[str]) -> TitleCaseLines:
    """The lines of `text` in Title Case, judged by the `ordinary` (lower-case) words of the text or its event."""
    ordinary = ordinary if isinstance(ordinary, (set, frozenset)) else set(ordinary)
    starts: list[int] = []
    ends: list[int] = []
    line_start = 0
    index = 0
    norms, word_starts = words.norms, words.starts
    count = len(norms)
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        if len(_LOWER_WORD.findall(text, line_start, line_end)) > 2 * len(_CAPITAL.findall(text, line_start, line_end)) + 2:
            index = bisect.bisect_left(word_starts, line_end, index)  # prose: far more lower-case words than capitals
            line_start = line_end + 1
            continue
        capitals = lower = 0
        first = True
        while index < count and word_starts[index] < line_end:
            norm = norms[index]
            opens = first or text[max(line_start, word_starts[index] - 2) : word_starts[index]].strip()[-1:] in SENTENCE_OPENERS
            if len(norm) >= MIN_LETTERS and norm in ordinary and not opens:
                if text[word_starts[index]].isupper():
                    capitals += 1
                else:
                    lower += 1
            first = False
            index += 1
        if capitals >= MIN_ORDINARY_CAPITALS and capitals >= lower:
            starts.append(line_start)
            ends.append(line_end)
        line_start = line_end + 1
    return TitleCaseLines(tuple(starts), tuple(ends))

