"""Lines written like a headline: a headline, subhead or Title Case label inside an article's text.

Why: such a line names people the way headlines do ("Lee Backs Ferry Plan: ‘…’"), so its capitalised words
are no guide to where a name starts, and it may hold its own headline-style cue. Each test reads at most a
headline's length of text around a point, so asking it for every quotation of a long line stays linear.
"""

from __future__ import annotations

import re

_LINE_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_SMALL_WORDS = frozenset("a an the of to in on for and or at by as vs".split())
HEADLINE_LABEL = re.compile(r"\s*(?:The\s+Latest|Latest|Watch|Video|Exclusive|Breaking|Analysis|Update|Live|Opinion|Fact\s+Check|"
                            r"Poll|Photos|Listen|Read|Explainer|Today|Tonight)\s*:\s+")
"""A label that opens a headline before a colon ("The Latest: …", "Watch: …"): what follows it is the headline."""
TITLE_LINE = 200
"""Characters: a longer line is a paragraph, not a headline."""


def line_bounds(text: str, start: int, end: int, in_headline: bool = False) -> tuple[int, int] | None:
    """Where the line holding text[start:end] starts and ends; outside the headline, None for a line too long
    to be written like a headline, found without scanning more than that length on either side."""
    reach = len(text) if in_headline else TITLE_LINE + 1
    window_start = max(0, start - reach)
    line_start = text.rfind("\n", window_start, start) + 1
    if line_start == 0 and window_start > 0:
        return None
    line_end = text.find("\n", end, end + reach)
    if line_end == -1:
        if end + reach < len(text):
            return None
        line_end = len(text)
    return line_start, line_end


def title_case(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a line of at least three words nearly all capitalised, as headlines write them."""
    if end - start > TITLE_LINE:
        return False
    words = _LINE_WORD.findall(text, start, end)
    if len(words) < 3:
        return False
    uncapitalised = 0  # nearly all: at most one word is neither capitalised nor a small word
    for word in words:
        if not (word[0].isupper() or word.lower() in _SMALL_WORDS):
            uncapitalised += 1
            if uncapitalised > 1:
                return False
    return True


def on_title_case_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands on a line written in Title Case, like a headline or subhead."""
    bounds = line_bounds(text, start, end)
    return bounds is not None and title_case(text, *bounds)
