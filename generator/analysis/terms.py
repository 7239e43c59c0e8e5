"""Words and two-word phrases of a text: the units distinctive words and shared passages count.

Words are runs of letters and digits joined by apostrophes, hyphens, periods
("U.S.") or a comma between digits, case-folded, with a possessive 's dropped.
Function words (`STOP_WORDS`) are left out of the counted terms, and a phrase is
two neighbouring content words with only white space between them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import NamedTuple

from generator.analysis.text.wordlists import STOP_WORDS

_WORD = re.compile(r"[^\W_]++(?:(?:[-'’.]|(?<=\d),(?=\d))[^\W_]++)*+")
"""Possessive (`++`, `*+`): nothing follows a word, so the greedy match is the one kept and `re` need not
remember where to backtrack; the matches are those of the plain quantifiers."""
_WORD_PART = re.compile(f"({_WORD.pattern})")
"""`_WORD` as one group, so `split` returns separators and words alternately: every offset follows from their lengths."""
_WORD_PART_WITHOUT_UNDERSCORES = re.compile(_WORD_PART.pattern.replace(r"[^\W_]", r"\w"))
r"""`_WORD_PART` for a text that holds no "_": there `\w` is `[^\W_]`, and `re` tests it in one step rather than two."""
_POSSESSIVE = re.compile(r"'s$", re.MULTILINE)
"""A possessive 's ending a word, in words joined one per line."""
_PHRASE_GAP = re.compile(r"[^\S\n]+|[^\S\n]*\n[^\S\n]*").fullmatch
"""Whether the separator between two words lets them form a phrase: white space with at most one line break
(a blank line ends a paragraph, and a headline's last word and the dateline after it are no phrase)."""

_FLIPPED = bytes.maketrans(b"\0\1", b"\1\0")
"""Turns a column of 0/1 bytes into its negation: stop words' flags into content words'."""


def _split_words(text: str) -> list[str]:
    """`_WORD_PART.split(text)`."""
    return (_WORD_PART if "_" in text else _WORD_PART_WITHOUT_UNDERSCORES).split(text)


class Token(NamedTuple):
    """A word of a text: its case-folded form and where it sits in the text.

    A named tuple rather than a dataclass: texts hold thousands of words and
    tuples are several times cheaper to create."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """The words of a text as three parallel columns: `norms[i]` is the word `text[starts[i]:ends[i]]`,
    case-folded as in `Token`.

    Columns rather than one `Token` per word: made by C-level string operations, they
    cost a fraction of the time, and consumers read what they need (shared passages
    the norms and a few offsets, actors the capitalised words and their neighbours)."""

    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.norms)



def word_tokens(text: str) -> tuple[Token, ...]:
    """Split text into case-folded words; apostrophes unified, possessive 's dropped."""
    words = word_columns(text)
    return tuple(map(Token._make, zip(words.norms, words.starts, words.ends)))


def word_columns(text: str) -> Words:
    """The words of `word_tokens` as columns, found without a Python step per word.

    `split` on the grouped word pattern gives separators and words alternately, so
    running sums of their lengths are the offsets; the words, joined by line breaks
    (which no word contains), are folded and stripped of possessive 's in one pass each."""
    folded = text.casefold()
    if len(folded) != len(text):  # a letter folded into two ("ß" -> "ss"): match the original, fold the words
        parts = _split_words(text)
        joined = "\n".join(parts[1::2]).casefold().replace("’", "'")
    else:  # match the folded text, as folding can turn a mark into a letter ("\u0345" -> "ι")
        parts = _split_words(folded.replace("’", "'") if "’" in folded else folded)
        joined = "\n".join(parts[1::2])
    if len(parts) == 1:
        return Words((), (), ())
    bounds = tuple(accumulate(map(len, parts)))
    return Words(tuple(_POSSESSIVE.sub("", joined).split("\n")), bounds[0:-1:2], bounds[1::2])


def term_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """Count content words and two-word phrases of adjacent content words.

    A phrase needs the two words to be next to each other with only white
    space between them (no blank line), so punctuation, stop words and paragraph breaks break phrases."""
    words, phrases = term_occurrences(text)
    return Counter(words), Counter(phrases)


def term_occurrences(text: str) -> tuple[list[str], list[str]]:
    """Content words and phrases in text order, each as often as it occurs (see `term_counts`).

    `_WORD_PART.split` gives separators and words alternately; two neighbouring words
    form a phrase when the separator between them is white space with at most one line
    break (`_PHRASE_GAP`) and neither is a stop word. Every
    step is a C-level map or filter over the columns, with no Python step per word."""
    folded = text.casefold()
    if len(folded) != len(text):  # a letter folded into two: fold word by word
        counted_words, counted_phrases = _term_counts_of_tokens(text)
        return list(counted_words.elements()), list(counted_phrases.elements())
    parts = _split_words(folded.replace("’", "'"))
    if len(parts) == 1:
        return [], []
    norms = _POSSESSIVE.sub("", "\n".join(parts[1::2])).split("\n")  # no word holds a line break
    content = bytes(map(STOP_WORDS.__contains__, norms)).translate(_FLIPPED)  # 1 for a content word
    gaps = parts[2:-1:2]  # the separator after each word but the last
    joining = {gap: _PHRASE_GAP(gap) is not None for gap in set(gaps)}  # a text has a few distinct separators
    joins = bytes(map(joining.__getitem__, gaps))
    # A word and the next form a phrase when both are content words and the gap joins them: the three
    # 0/1 columns, read as big numbers, are and-ed byte for byte in one step.
    phrase_after = (int.from_bytes(content[:-1]) & int.from_bytes(content[1:]) & int.from_bytes(joins)).to_bytes(len(joins))
    pairs = compress(zip(norms, norms[1:]), phrase_after)
    return list(compress(norms, content)), list(map(" ".join, pairs))


def _term_counts_of_tokens(text: str) -> tuple[Counter[str], Counter[str]]:
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    previous: Token | None = None
    for token in word_tokens(text):
        if token.norm in STOP_WORDS:
            previous = None
            continue
        words[token.norm] += 1
        gap = text[previous.end : token.start] if previous is not None else ""
        if previous is not None and gap.isspace() and gap.count("\n") < 2:
            phrases[f"{previous.norm} {token.norm}"] += 1
        previous = token
    return words, phrases


def term_lists(text: str) -> tuple[str, str]:
    """`term_occurrences` as two strings, one term per line, for storing in an ArticleAnalysis.

    One string costs a tenth of the memory of as many (term, count) pairs, and
    `Counter(lines)` counts it back in C.
    Terms never contain a line break: words have none and phrases join two words with a space."""
    words, phrases = term_occurrences(text)
    return "\n".join(words), "\n".join(phrases)
