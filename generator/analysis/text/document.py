"""The analysed text of an article, and where each Markdown text token lies in it.

The plain text is the headline, a blank line, then each block's inline text,
blocks separated by blank lines. `locate_tokens` records in every inline text
token's `meta["offset"]` where its characters start in that text, so the
renderer can place highlights by walking tokens, never by searching HTML.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from generator.analysis.results import ArticleText, Block

BLOCK_SEPARATOR = "\n\n"
BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BLOCK_KIND = {"paragraph_open": "paragraph", "heading_open": "heading"}


def locate_tokens(title: str, tokens: list[Token]) -> ArticleText:
    """Build the analysed text from parsed body tokens, annotating each inline child with its offset."""
    pieces: list[str] = [title]
    position = len(title)
    blocks: list[Block] = [Block("headline", 0, len(title))]
    excluded: list[tuple[int, int]] = []
    kind = "paragraph"
    for token in tokens:
        if token.type in _BLOCK_KIND:
            kind = _BLOCK_KIND[token.type]
        if token.type != "inline" or token.children is None:
            continue
        pieces.append(BLOCK_SEPARATOR)
        position += len(BLOCK_SEPARATOR)
        start = position
        in_autolink = False
        for child in token.children:
            text = _child_text(child)
            child.meta = {**(child.meta or {}), "offset": position}
            if child.type == "link_open" and child.markup == "autolink":
                in_autolink = True
            elif child.type == "link_close":
                in_autolink = False
            if not text:
                continue
            if child.type in ("code_inline", "image") or in_autolink:
                excluded.append((position, position + len(text)))
            pieces.append(text)
            position += len(text)
        blocks.append(Block(kind, start, position))
    text = "".join(pieces)
    excluded.extend(_bare_urls(text))
    return ArticleText(text=text, headline_end=len(title), blocks=tuple(blocks), excluded=tuple(sorted(excluded)))


def _bare_urls(text: str) -> list[tuple[int, int]]:
    """Spans of BARE_URL in text. A case-insensitive pattern makes `re` try every character,
    so a text with neither "http" nor "www." in any case is not searched at all."""
    lowered = text.lower()
    if "http" not in lowered and "www." not in lowered:
        return []
    return [(m.start(), m.end()) for m in BARE_URL.finditer(text)]


def _child_text(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    if child.type in ("softbreak", "hardbreak"):
        return "\n"
    if child.type == "image":
        return child.content
    return ""


def paragraphs(text: ArticleText) -> tuple[str, ...]:
    """The body blocks' texts, headline excluded."""
    return tuple(text.text[b.start : b.end] for b in text.blocks[1:])
