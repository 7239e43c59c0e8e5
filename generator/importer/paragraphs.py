"""Paragraphs for texts that arrive as one long line, without changing a single word.

Some sources (the Mehr seeds, for instance) deliver an article as one line. We split it only
at sentence boundaries, outside quotations, and group the sentences the way news copy is
usually set:

1. the first sentence (the lede) is a paragraph of its own;
2. a paragraph is a run of sentences of one kind, *quoting* (it opens with a quotation mark
   or carries a quotation of five words or more) or *narrating*; a change of kind starts a
   new paragraph, so each quotation begins its own paragraph;
3. a paragraph holds at most three sentences or about 600 characters.

Joining the paragraphs with single spaces gives back the original text exactly, which the
tests check. Abbreviations such as "U.S." or "Gen." are not taken for sentence ends, nor is the "!" or "?"
closing a quotation that a speech verb follows (`“... FORGET!” Trump tweeted on Friday.`).
"""

from __future__ import annotations

import bisect
import re

LONG_PARAGRAPH = 1000
"""Blocks longer than this many characters are split; ordinary paragraphs are left alone."""

MAX_SENTENCES = 3
MAX_CHARS = 600
QUOTE_WORDS = 5

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sgt capt maj adm rep sen gov st jr sr inc corp co ltd no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig al approx dept est mt".split()
)
_BOUNDARY = re.compile(r"(?:[.!?]|\.\.\.|…)[”\"’')\]]*(?P<space>\s+)(?=[“\"‘'(\[]?[A-Z0-9@#$])")
_SPEECH_VERBS = frozenset(
    "said says added asked told tweeted wrote stated noted warned cautioned replied insisted "
    "declared explained argued continued concluded posted".split()
)
_OPENING = "“"
_CLOSING = "”"


class QuoteDepth:
    """Depth of double quotation at any index: curly quotes nest, a straight quote toggles.

    Only the quotation marks are visited (found by a regex), so long texts stay cheap.
    """

    def __init__(self, text: str) -> None:
        positions: list[int] = []
        depths: list[int] = []
        depth = 0
        straight_open = False
        for match in re.finditer(r'[“”"]', text):
            char = match.group(0)
            if char == _OPENING:
                depth += 1
            elif char == _CLOSING:
                depth = max(0, depth - 1)
            else:
                straight_open = not straight_open
                depth = max(0, depth + (1 if straight_open else -1))
            positions.append(match.end())
            depths.append(depth)
        self.positions = positions
        self.depths = depths

    def at(self, index: int) -> int:
        """The depth just before `index` (after every quotation mark before it)."""
        found = bisect.bisect_right(self.positions, index) - 1
        return self.depths[found] if found >= 0 else 0


_TIME_FOLLOWERS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december gmt utc et est edt pt local".split()
)


def _ends_with_abbreviation(text: str, end: int, following: str = "") -> bool:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].strip("“”\"’'()[]")
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}[”\"’')\]]*", word):  # U.S., U.N., a.m.
        if not word.lower().startswith(("a.m.", "p.m.")):
            return True
        next_word = re.match(r"[(\s]*([A-Za-z]*|\d)", following)
        return next_word is None or not next_word.group(1)[:1].isupper() or next_word.group(1).lower() in _TIME_FOLLOWERS
    bare = word.rstrip(".”\"’')]").lower()
    return bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha())


def _attribution_follows(text: str, match: re.Match[str]) -> bool:
    """`“... FORGET!” Trump tweeted` is one sentence: a speech verb follows the closing quote."""
    if not re.search(r"[!?][”\"’']+$", match.group(0).rstrip()):
        return False
    following = re.findall(r"[A-Za-z’']+", text[match.end("space") : match.end("space") + 60])[:4]
    return any(word.lower() in _SPEECH_VERBS for word in following)


def split_sentences(text: str, respect_quotes: bool = True) -> list[str]:
    """Sentences of `text`; the whitespace between them is dropped, nothing else changes."""
    depths = QuoteDepth(text) if respect_quotes else None
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start("space")
        if depths is not None and depths.at(cut) > 0:
            continue
        if _ends_with_abbreviation(text, cut, text[match.end("space") : match.end("space") + 20]) or _attribution_follows(text, match):
            continue
        sentences.append(text[start:cut])
        start = match.end("space")
    sentences.append(text[start:])
    return [s for s in sentences if s]


def _quotes(sentence: str) -> bool:
    if sentence.lstrip().startswith((_OPENING, '"')):
        return True
    for quoted in re.findall(r"“([^”]*)”|\"([^\"]*)\"", sentence):
        words = " ".join(quoted).split()
        if len(words) >= QUOTE_WORDS:
            return True
    return False


def group_sentences(sentences: list[str]) -> list[str]:
    """Group sentences into paragraphs by the rules in the module docstring."""
    paragraphs: list[list[str]] = []
    kind: bool | None = None
    for index, sentence in enumerate(sentences):
        quoting = _quotes(sentence)
        if paragraphs and index != 1 and quoting == kind and _has_room(paragraphs[-1]):
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
        kind = quoting
    return [" ".join(p) for p in paragraphs]


def _has_room(paragraph: list[str]) -> bool:
    return len(paragraph) < MAX_SENTENCES and len(" ".join(paragraph)) < MAX_CHARS


def split_long_block(block: str) -> list[str]:
    """Paragraphs for one over-long block; a quotation left open falls back to plain sentences."""
    flat = " ".join(block.split())
    paragraphs = group_sentences(split_sentences(flat))
    result: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) > 2 * LONG_PARAGRAPH:
            result.extend(group_sentences(split_sentences(paragraph, respect_quotes=False)))
        else:
            result.append(paragraph)
    return result


def blocks_of(text: str) -> list[str]:
    """Blank-line blocks (or lines, if there are no blank lines), each on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    if re.search(r"\n[ \t]*\n", text):
        blocks = [" ".join(b.split()) for b in re.split(r"\n[ \t]*\n", text)]
    else:
        blocks = [" ".join(line.split()) for line in text.split("\n")]
    return [block for block in blocks if block]


def paragraphs_of(text: str) -> list[str]:
    """Blank-line blocks (or lines, if there are no blank lines); over-long blocks are split.

    Line breaks inside a block become spaces: Markdown would render them so anyway, and a line
    that starts with `- ` inside a paragraph would otherwise start a list.
    """
    result: list[str] = []
    for block in blocks_of(text):
        result.extend(split_long_block(block) if len(block) > LONG_PARAGRAPH else [block])
    return result
