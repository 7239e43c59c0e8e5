"""Quotation marks: pair them into quotations, block by block.

- Double quotes: curly “…” and straight "…". A straight " opens after a space,
  an opening bracket or the start of a block, and closes otherwise; with a straight
  quotation open, one between spaces closes it ("… say, 'Well done,' " said Lee").
- Two straight single marks `''` are one straight double mark (a house style
  of some wire and newspaper texts: ''We will win,'' she said); in `'''` the
  first mark closes a quotation inside.
- Single curly quotes ‘…’ are quotations too; a ’ followed by a letter (Iran’s,
  aren’t) is always an apostrophe, and a ’ only closes when a ‘ is open.
  Straight single quotes are treated as apostrophes (too ambiguous), except in the headline and the
  deck after it, which use them as quotation marks ("Lee calls plan 'a mess'").
- Nested quotes (‘…’ inside “…”) belong to the outer quotation, which is the one
  listed, so no word is counted twice.
- A paragraph that opens a double quote without closing it continues the
  quotation into the next paragraph when that paragraph reopens with “ (or ");
  otherwise the quotation ends with its paragraph.
- A block of kind "blockquote" or "quote" (an embedded tweet) is one quotation, and so is
  an embedded statement or tweet written as a plain paragraph (`is_embedded_statement`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotations.lines import TITLE_LINE
from generator.analysis.results import ArticleText, Block

_MARK = re.compile(r"''|[“”\"‘’]")
"""`''` first: two straight single marks are one double mark."""
_ATTRIBUTE = re.compile(r'[\w\-]=("[^"\n]{0,80}")')
"""An attribute's value in markup left in the text (<tweet tweet-date="…">)."""
_HEADLINE_MARK = re.compile(r"''|[“”\"‘’']")
"""In a headline a straight single mark may quote too (see _scan_block)."""
_HEADLINE_OPENS_AFTER = frozenset(" \t\n([{—–-/:;")
_DECADE = re.compile(r"'\d0s\b")
"""An apostrophe that shortens a decade ("the '90s"), not an opening mark."""
_OPEN_CONTEXT = re.compile(r"[\s(\[{—–\-/:“‘]")
QUOTE_BLOCK_KINDS = ("blockquote", "quote")
"""Block kinds that are quotations as a whole."""


_INTRODUCES = re.compile(
    r"\b(?:said|says|wrote|writes|tweeted|tweets|posted|posts|stated|states|added|adds|statement|reads?|declared|announced)\b"
    r"[^.!?“”\"\n]{0,80}:\s*$"
)
"""A paragraph that ends by introducing what follows: "…said in a statement:", "Trump tweeted:"."""
_TWEET = re.compile(r"pic\.twitter\.com/|[—–-]\s*[^()\n]{1,60}\(@\w{1,15}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})")
"""An embedded tweet's text: its picture link, or its signature line ("— Name (@handle) Month D, YYYY")."""


def holds_mark(text: str, start: int, end: int, headline: bool = False) -> bool:
    """Whether text[start:end] holds a match of _MARK (of _HEADLINE_MARK with `headline`).

    One str.find per mark, each a fast scan in C, where the pattern's search tries its alternation at
    every position of a block that usually holds none."""
    if headline and text.find("'", start, end) != -1:
        return True  # _HEADLINE_MARK's "'" takes in its "''" too
    return (text.find("“", start, end) != -1 or text.find("”", start, end) != -1 or text.find('"', start, end) != -1
            or text.find("‘", start, end) != -1 or text.find("’", start, end) != -1 or text.find("''", start, end) != -1)


def is_embedded_statement(text: str, previous: Block, block: Block) -> bool:
    """A paragraph with no quotation marks of its own that is someone's statement or tweet: introduced by the
    paragraph before it ("…said in a statement:") or signed as a tweet."""
    if holds_mark(text, block.start, block.end):
        return False
    # Each pattern is searched only where it can match, which str methods tell without a scan of every
    # position: _INTRODUCES ends in a colon and white space, and _TWEET holds "pic.twitter.com/" or "(@".
    introduced = text[previous.start : previous.end].rstrip().endswith(":") and _INTRODUCES.search(text, previous.start, previous.end)
    signed = (text.find("(@", block.start, block.end) != -1 or text.find("pic.twitter.com/", block.start, block.end) != -1) \
        and _TWEET.search(text, block.start, block.end)
    return bool(introduced) or bool(signed)


@dataclass(frozen=True)
class RawQuote:
    """A quotation's words before its speaker is known."""

    start: int  # first character after the opening mark
    end: int  # the closing mark's offset (or block end)
    block_quote: bool = False


def _is_opening_straight(text: str, i: int, block_start: int) -> bool:
    return i == block_start or bool(_OPEN_CONTEXT.match(text, i - 1))


def _before_space(text: str, position: int, block_end: int) -> bool:
    """Whether a mark ending at `position` is followed by white space, punctuation or the block's end."""
    return position >= block_end or text[position] in " \t\n,.;:!?)]"


def _scan_block(text: str, bstart: int, bend: int, carried: int | None, headline: bool = False,
                markup: bool = True) -> tuple[list[RawQuote], int | None]:
    """Pair the marks of one block; `carried` is the start of a quote continued from the previous block.

    In the headline (`headline`), straight single marks quote as headlines write them ("Lee: 'We will
    win'", "Lee calls plan 'a mess'"): one opens after a space, a bracket, a dash, a colon or the start and
    before a letter or digit, and closes an open one after a character that is not a space and before one
    that is not a letter, after more than one character ("Lee's", "voters' plan" and "rock 'n' roll" stay
    apostrophes)."""
    found: list[RawQuote] = []
    stack: list[tuple[str, int]] = []  # (kind, content start); kind in {"curly", "straight", "single"}
    if carried is not None:
        stack.append(("curly", carried))
    first_mark = True
    attribute_marks = {mark for a in _ATTRIBUTE.finditer(text, bstart, bend) for mark in (a.start(1), a.end(1) - 1)} if markup else set()
    for m in (_HEADLINE_MARK if headline else _MARK).finditer(text, bstart, bend):
        i, ch = m.start(), m.group()
        width = len(ch)
        if i in attribute_marks:
            continue  # the marks around an attribute's value in left-over markup (tweet-date="…") quote no one
        if ch == "'":
            nxt = text[i + 1 : i + 2]
            if stack and stack[-1][0] == "single" and i - stack[-1][1] > 1 and not text[i - 1].isspace() and not nxt.isalpha():
                _, start = stack.pop()
                if not stack:
                    found.append(RawQuote(start, i))
            elif (i == bstart or text[i - 1] in _HEADLINE_OPENS_AFTER) and nxt.isalnum() and not _DECADE.match(text, i):
                stack.append(("single", i + 1))
            continue
        if ch == "''":
            ch = '"'
            if text.startswith("'''", i):
                i += 1  # "''' said": an inner single mark closes first, then the double one
        reopening = first_mark and carried is not None and i == bstart and ch in "“\""
        first_mark = False
        if reopening:
            continue
        if ch == "“":
            if stack and stack[-1][0] == "curly" and text[i - 1 : i] in (",", ".", "!", "?") and _before_space(text, i + 1, bend):
                _, start = stack.pop()  # "…not,“ he said": an opening mark typed where the closing one belongs
                if not stack:
                    found.append(RawQuote(start, i))
                continue
            stack.append(("curly", i + 1))
        elif ch == "”":
            while stack and stack[-1][0] == "single":
                stack.pop()  # an unclosed ‘ inside was an apostrophe-like mark
            if stack:
                _, start = stack.pop()
                if not stack:
                    found.append(RawQuote(start, i))
        elif ch == '"':
            if stack and any(k == "straight" for k, _ in stack) and text[i - 1 : i].isspace() and _before_space(text, i + width, bend):
                while stack and stack[-1][0] == "single":
                    stack.pop()
                _, start = stack.pop()  # "… say, 'Well done,' \" said": a mark between spaces closes the open one
                if not stack:
                    found.append(RawQuote(start, i))
            elif _is_opening_straight(text, i, bstart) and not (stack and stack[-1][0] == "straight" and i > bstart and not text[i - 1].isspace()):
                if stack and stack[-1][0] == "straight" and text[i - 1] not in " \t\n(":
                    _, start = stack.pop()
                    if not stack:
                        found.append(RawQuote(start, i))
                else:
                    stack.append(("straight", i + width))
            elif stack:
                while stack and stack[-1][0] == "single":
                    stack.pop()
                if stack:
                    _, start = stack.pop()
                    if not stack:
                        found.append(RawQuote(start, i))
        elif ch == "‘":
            nxt = text[i + 1 : i + 2]
            if (i == bstart or not text[i - 1].isalnum()) and nxt and not nxt.isdigit() and not nxt.isspace():
                stack.append(("single", i + 1))
        else:  # ’
            nxt = text[i + 1 : i + 2]
            if stack and stack[-1][0] == "single" and not nxt.isalpha() and i > bstart and not text[i - 1].isspace():
                _, start = stack.pop()
                if not stack:
                    found.append(RawQuote(start, i))
    # End of block: a still-open double quote either continues or ends here.
    stack = [s for s in stack if s[0] != "single"]
    if not stack:
        return found, None
    return found, stack[0][1]


def quotes_like_a_headline(at: ArticleText, index: int) -> bool:
    """Whether block `index` is the headline, or the deck after it: the first paragraph, no longer than a
    headline line (as papers print a subheadline: "Lee vows to 'fight on'; council split")."""
    block = at.blocks[index]
    if block.end <= at.headline_end:
        return True
    return index == 1 and at.blocks[0].end <= at.headline_end and block.end - block.start <= TITLE_LINE


def raw_quotations(at: ArticleText) -> list[RawQuote]:
    """Every top-level quotation, as content spans, across all blocks."""
    text = at.text
    blocks = at.blocks or ()
    quotes: list[RawQuote] = []
    carried: int | None = None
    markup = '="' in text  # markup left in the text, whose attribute values _scan_block passes over
    for index, block in enumerate(blocks):
        if block.kind in QUOTE_BLOCK_KINDS or (carried is None and index > 1 and is_embedded_statement(text, blocks[index - 1], block)):
            if carried is not None:
                quotes.append(RawQuote(carried, blocks[index - 1].end))
                carried = None
            quotes.append(RawQuote(block.start, block.end, block_quote=True))
            continue
        headline = quotes_like_a_headline(at, index)
        if carried is None and not holds_mark(text, block.start, block.end, headline):
            continue  # no quotation open and no mark to open one: _scan_block would find nothing and carry nothing
        found, open_start = _scan_block(text, block.start, block.end, carried, headline, markup)
        quotes.extend(found)
        carried = None
        if open_start is not None:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and following.kind not in QUOTE_BLOCK_KINDS and text.startswith(("“", '"', "''"), following.start):
                carried = open_start
            else:
                quotes.append(RawQuote(open_start, block.end))
    return quotes


def mark_width(text: str, position: int) -> int:
    """How many characters the quotation mark at `position` takes: 2 for `''`, else 1."""
    return 2 if text.startswith("''", position) else 1


def opening_mark_start(text: str, content_start: int) -> int:
    """Where the opening mark of a quotation whose words start at `content_start` begins."""
    return content_start - 2 if content_start >= 2 and text[content_start - 2 : content_start] == "''" else content_start - 1
