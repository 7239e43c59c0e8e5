"""Lines written in Title Case: headlines, subheads and captions whose capitals say nothing about names.

In "Senate Panel Votes to Subpoena Maria Lopez" every word is capitalised, so a capital there is no
evidence that a word is part of a name: read as prose, it yields "Subpoena Maria Lopez". A line is in
Title Case when it capitalises the ordinary words of the text, the words the text also writes in lower
case ("panel", "votes", "subpoena"), not only its names: at least two of them, past the line's first
word and any sentence's first word, and at least as many as it writes in lower case. A sentence dense with names ("Hillary Clinton met
Bernie Sanders in Iowa") capitalises no ordinary word and stays prose.

The test is made in two parts: what depends on the text alone (`title_case_candidates`: the lines that
may be in Title Case and the words each would count) and what depends on the ordinary words, which an
event's actors take from all its articles (`TitleCaseCandidates.judged`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Container, Iterable
from itertools import compress
from dataclasses import dataclass

from generator.analysis.terms import Words

MIN_ORDINARY_CAPITALS = 2
"""Capitalised ordinary words a line needs, besides its first word, to be in Title Case."""
SENTENCE_OPENERS = frozenset(".!?:;“\"‘'—–(")
"""Characters after which a capital opens a sentence or a quotation, and says nothing of Title Case."""
MIN_LETTERS = 4
"""Shorter words ("to", "of", "the", "in") are left lower case by most Title Case styles: not counted."""
_LOWER_WORD = re.compile(r"\b[a-z]{4,}")
_CAPITAL = re.compile(r"\b[A-Z]")
"""A line with more lower-case words (`_LOWER_WORD`) than twice its capitals (`_CAPITAL`) plus two is prose:
it cannot be in Title Case, and its words need no Python step."""
_SHAPES = bytes(
    ord("a") if 97 <= b <= 122 else ord("A") if 65 <= b <= 90 else ord("0") if 48 <= b <= 57 or b == 95
    else b if b == 10 else ord(" ") if b < 128 else ord("x")
    for b in range(256)
)
"""For `bytes.translate` of a UTF-8 text: a-z, A-Z and the other ASCII word characters (0-9, _) as a, A and 0,
a line break as itself, any other ASCII character (never a word character) as a space, and each byte of a
non-ASCII character as x (it may be a word character or not)."""


def lower_case_words(text: str, words: Words) -> set[str]:
    """The case-folded words `text` writes in lower case somewhere: its ordinary vocabulary."""
    return set(compress(words.norms, map(str.islower, map(text.__getitem__, words.starts))))  # in C, no step per word


def written_in_lower_case(text: str, words: Words, asked: Collection[str]) -> set[str]:
    """The words of `asked` that `text` writes in lower case somewhere: `asked & lower_case_words(text, words)`,
    with a step only for the words of the text that are asked about."""
    norms, starts = words.norms, words.starts
    return {norms[index] for index in compress(range(len(norms)), map(asked.__contains__, norms))
            if text[starts[index]].islower()}


@dataclass(frozen=True)
class TitleCaseLines:
    """The offsets of a text's Title Case lines, for asking whether a word lies in one."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


@dataclass(frozen=True)
class TitleCaseLine:
    """A line that may be in Title Case, and the words its test counts: long enough, and not opening the
    line, a sentence or a quotation. `capitalised[i]` tells whether `norms[i]` is written with a capital."""

    start: int
    end: int
    norms: tuple[str, ...]
    capitalised: tuple[bool, ...]


@dataclass(frozen=True)
class TitleCaseCandidates:
    """The lines of a text that are in Title Case for some choice of ordinary words: not prose, and with at
    least MIN_ORDINARY_CAPITALS counted capitalised words (fewer can never be enough)."""

    lines: tuple[TitleCaseLine, ...] = ()

    @property
    def asked(self) -> frozenset[str]:
        """The words whose being ordinary or not decides which of the lines are in Title Case."""
        return frozenset(norm for line in self.lines for norm in line.norms)

    def judged(self, ordinary: Container[str]) -> TitleCaseLines:
        """The lines in Title Case when `ordinary` holds the ordinary words of the text or its event."""
        starts: list[int] = []
        ends: list[int] = []
        for line in self.lines:
            counted = [capital for norm, capital in zip(line.norms, line.capitalised) if norm in ordinary]
            capitals = sum(counted)
            if capitals >= MIN_ORDINARY_CAPITALS and capitals >= len(counted) - capitals:
                starts.append(line.start)
                ends.append(line.end)
        return TitleCaseLines(tuple(starts), tuple(ends))


def _not_prose(text: str, line_start: int, line_end: int, shape: bytes) -> bool:
    """Whether the line holds at most twice as many `_LOWER_WORD`s as `_CAPITAL`s, plus two. Read from the
    line's `_SHAPES` in C: a match starts after a non-word character (a space in the shape) or at the line's
    start. With no non-ASCII character the counts are exact; with one (x) the lower-case words found are too
    few and the capitals plus those after an x too many, and only where these bounds do not settle it are
    the patterns run."""
    lower = shape.count(b" aaaa") + shape.startswith(b"aaaa")
    capitals = shape.count(b" A") + shape.startswith(b"A")
    if b"x" in shape:
        if lower > 2 * (capitals + shape.count(b"xA")) + 2:
            return False
        lower = len(_LOWER_WORD.findall(text, line_start, line_end))
        capitals = len(_CAPITAL.findall(text, line_start, line_end))
    return lower <= 2 * capitals + 2


def title_case_candidates(text: str, words: Words, lower_case_ordinary: bool = False) -> TitleCaseCandidates:
    """The lines of `text` that may be in Title Case, whatever its ordinary words: see TitleCaseCandidates.
    With `lower_case_ordinary`, the lines that may be for ordinary words that hold every word the text writes
    in lower case (as the words an event writes in lower case do): a line that counts more lower-case words than
    capitals is left out."""
    found: list[TitleCaseLine] = []
    line_start = 0
    index = 0
    norms, word_starts = words.norms, words.starts
    count = len(norms)
    # one shape per line: UTF-8 writes a line break as its own byte, never inside another character
    for shape in text.encode("utf-8", "surrogatepass").translate(_SHAPES).split(b"\n"):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        if not shape or not _not_prose(text, line_start, line_end, shape):  # an empty line, or prose
            line_start = line_end + 1
            continue
        index = bisect.bisect_left(word_starts, line_start, index)
        counted: list[str] = []
        capitalised: list[bool] = []
        lower = 0
        first = True
        while index < count and word_starts[index] < line_end:
            norm, start = norms[index], word_starts[index]
            if len(norm) >= MIN_LETTERS and not (
                    first or text[max(line_start, start - 2) : start].strip()[-1:] in SENTENCE_OPENERS):
                counted.append(norm)
                capitalised.append(text[start].isupper())
                lower += text[start].islower()
            first = False
            index += 1
        capitals = sum(capitalised)
        if capitals >= MIN_ORDINARY_CAPITALS and not (lower_case_ordinary and lower > capitals):
            found.append(TitleCaseLine(line_start, line_end, tuple(counted), tuple(capitalised)))
        line_start = line_end + 1
    return TitleCaseCandidates(tuple(found))


def title_case_lines(text: str, words: Words, ordinary: Iterable[str] | set[str] | frozenset[str]) -> TitleCaseLines:
    """The lines of `text` in Title Case, judged by the `ordinary` (lower-case) words of the text or its event."""
    ordinary = ordinary if isinstance(ordinary, (set, frozenset)) else set(ordinary)
    return title_case_candidates(text, words).judged(ordinary)
