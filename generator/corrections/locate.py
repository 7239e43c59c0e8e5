"""Where a correction's words are in the article: exactly one place, or a problem that says why not.

The words must appear as written (capitals included), as whole words, within
one block of the analysed text (the headline or one paragraph). Curly and
straight quotation marks and apostrophes count as the same, and any run of
spaces or line breaks as one space, since an editor types the words on one
line. Words that no longer occur are never looked for elsewhere: a correction
of text that changed is stale, and the build stops to say so.
"""

from __future__ import annotations

import re

from generator.analysis.results import ArticleText
from generator.analysis.text import BLOCK_SEPARATOR
from generator.corrections.model import ArticleCorrection
from generator.errors import Problem

_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'})
"""Each mark to one character, so folded text keeps every offset of the original."""


def fold(text: str) -> str:
    return text.translate(_QUOTES)


def pattern(words: str, ignore_case: bool = False) -> re.Pattern[str]:
    """`words` as a pattern: any spacing between them, and no letter or digit just outside them."""
    body = r"\s+".join(re.escape(word) for word in fold(words).split())
    before = r"(?<!\w)" if re.match(r"\w", words) else ""
    after = r"(?!\w)" if re.search(r"\w$", words) else ""
    return re.compile(before + body + after, re.IGNORECASE if ignore_case else 0)


def occurrences(words: str, text: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Every place `words` occur in `text`, none crossing from one block into the next."""
    folded = fold(text)
    return [(m.start(), m.end()) for m in pattern(words, ignore_case).finditer(folded) if BLOCK_SEPARATOR not in m.group()]


def block_number(text: ArticleText, offset: int) -> int:
    """0 for the headline, else the 1-based paragraph (as excerpts are numbered) that holds `offset`."""
    for number, block in enumerate(text.blocks):
        if block.start <= offset <= block.end:
            return number
    return 0


def where(text: ArticleText, offset: int) -> str:
    number = block_number(text, offset)
    return "the headline" if number == 0 else f"paragraph {number}"


def locate(correction: ArticleCorrection, text: ArticleText) -> tuple[tuple[int, int] | None, Problem | None]:
    """The one place the correction's words are meant, or the problem that stops the build."""
    found = occurrences(correction.match, text.text)
    quoted = _quoted(correction.match)

    def problem(field: str, message: str) -> tuple[None, Problem]:
        return None, Problem(correction.path, correction.line_of(field), field, message)

    if not found:
        other = occurrences(correction.match, text.text, ignore_case=True)
        hint = f" (it occurs with other capitals in {where(text, other[0][0])}: {_quoted(text.text[other[0][0]:other[0][1]])})" if other else ""
        return problem("match", f"{quoted} does not occur in the article's headline or text{hint}: the correction is stale "
                       "if the article was edited, so correct the words or remove the item")
    if correction.occurrence is None:
        if len(found) > 1:
            places = ", ".join(where(text, start) for start, _ in found)
            return problem("match", f"{quoted} occurs {len(found)} times ({places}); add occurrence: N to say which, "
                           "or quote more words")
        return found[0], None
    if correction.occurrence > len(found):
        times = "once" if len(found) == 1 else f"only {len(found)} times"
        return problem("occurrence", f"is {correction.occurrence}, but {quoted} occurs {times}: the correction is stale "
                       "if the article was edited, so correct it or remove the item")
    return found[correction.occurrence - 1], None


def _quoted(words: str) -> str:
    shown = " ".join(words.split())
    return f"'{shown[:77]}...'" if len(shown) > 80 else f"'{shown}'"
