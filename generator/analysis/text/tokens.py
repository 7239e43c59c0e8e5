"""Words: what one word is, counting them, and finding a literal word in a text.

A word is a run of letters and digits in any script, kept whole across an inner
apostrophe, hyphen or full stop and a comma between digits: "don't", "Iran-backed",
"U.S.", "1,200" and "Zürich" are one word each. Every word count the site shows
(an article's words, a quotation's, the readability table's, an excerpt's) uses it,
so the counts on one page agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import filterfalse

WORD = re.compile(r"[^\W_]++(?:(?:['’.\-]|(?<=\d),(?=\d))[^\W_]++)*+")
"""Possessive (`++`, `*+`): nothing follows a word, so the greedy match is the one kept and `re` need not
remember where to backtrack; the matches are those of the plain quantifiers (a test compares them)."""
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
"""An editor's insertion; stops at the next "[", so a text of unclosed brackets is read once."""


def count_words(text: str) -> int:
    """How many WORDs `text` holds.

    A WORD never spans white space, and a white-space-separated token of letters and
    digits only (`str.isalnum`, the same characters as `[^\\W_]`) is exactly one; most
    tokens are, so only the others are searched."""
    tokens = text.split()
    others = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(others) + len(WORD.findall(" ".join(others)))


def count_spoken_words(fragment: str) -> int:
    """Words a speaker said: an editor's insertions in [square brackets] are left out."""
    return count_words(_BRACKETED.sub(" ", fragment) if "[" in fragment else fragment)


def has_word(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds at least one word."""
    return WORD.search(text, start, len(text) if end is None else end) is not None


def is_word_char(ch: str) -> bool:
    """`re`'s \\w for one character of a str pattern."""
    return ch.isalnum() or ch == "_"


def at_word_boundary(text: str, i: int) -> bool:
    """`re`'s \\b at offset i: a word character on exactly one side."""
    before = i > 0 and is_word_char(text[i - 1])
    after = i < len(text) and is_word_char(text[i])
    return before != after


def occurrences(text: str, literal: str) -> Iterator[int]:
    """Every offset where `literal` starts, overlapping ones included, in order (str.find: no pattern to compile)."""
    start = text.find(literal)
    while start != -1:
        yield start
        start = text.find(literal, start + 1)
