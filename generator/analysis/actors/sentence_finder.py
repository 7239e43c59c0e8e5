"""The sentence that holds an offset, as `article_sentences` splits the article, splitting only the blocks asked about.

A mention's labels must stay inside its sentence, and an article's mentions are in a few of its blocks:
splitting every block of every article of an event into sentences, to ask about a few offsets, is most
of the work. Where the blocks are in order and apart (the headline, then the paragraphs), the sentence
holding an offset is the last sentence to start at or before it of the last block to start at or
before it: every later block, and so each of its sentences, starts after the offset. Anywhere else
(an offset before its block's first sentence, blocks out of order) the whole split answers. Whether the
sentence holds a label near the mention (`holds`) is mostly answered without splitting at all.
"""

from __future__ import annotations

import bisect
import re
from itertools import chain
from operator import le

from generator.analysis.results import ArticleText
from generator.analysis.text.sentences import Sentences, article_sentences, sentence_bounds

_STOPS = re.compile(r"[.!?]")
"""The characters a sentence's end opens with, in `text.sentences`."""
_IN_SENTENCE_END = frozenset(".!?”\"’')]")
"""Every character a sentence's end (its stops and the closing marks after them) can hold."""


class SentenceFinder:
    """Answers `sentence_of` exactly as `article_sentences(text)` would, splitting blocks only when asked."""

    def __init__(self, text: ArticleText, sentences: Sentences | None = None) -> None:
        self.text = text
        self.whole = sentences
        edges = list(chain.from_iterable((block.start, block.end) for block in text.blocks))
        self.by_block = sentences is None and bool(text.blocks) and all(map(le, edges, edges[1:]))
        self.block_starts = edges[0::2]
        self.split: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset`: the last to start at or before it (the first
        sentence when none does), or the whole text when the article has no sentence."""
        if self.by_block:
            index = bisect.bisect_right(self.block_starts, offset) - 1
            if index >= 0:
                if index not in self.split:
                    block = self.text.blocks[index]
                    bounds = sentence_bounds(self.text.text, block.start, block.end)
                    self.split[index] = ([start for start, _ in bounds], bounds)
                starts, bounds = self.split[index]
                found = bisect.bisect_right(starts, offset) - 1
                if found >= 0:
                    return bounds[found]
        if self.whole is None:
            self.whole = article_sentences(self.text)
        if not self.whole.starts:
            return 0, len(self.text.text)
        return self.whole[self.whole.index(offset)]

    def holds(self, offset: int, start: int, end: int) -> bool:
        """Whether the sentence of `offset` (`sentence_of`) holds text[start:end]. Answered without splitting
        the block where no sentence can end in between: the range and `offset` lie in one block with no ".",
        "!" or "?" from the first to the last, and the first of them is no character of a sentence's end or of
        the white space after one (so it is not inside the end of a sentence that closes before it)."""
        text = self.text.text
        low, high = min(start, offset), max(end, offset + 1)
        if self.by_block and text[low] not in _IN_SENTENCE_END and not text[low].isspace():
            index = bisect.bisect_right(self.block_starts, offset) - 1
            if (index >= 0 and self.text.blocks[index].start <= low and high <= self.text.blocks[index].end
                    and not _STOPS.search(text, low, high)):
                return True
        sentence_start, sentence_end = self.sentence_of(offset)
        return sentence_start <= start and end <= sentence_end
