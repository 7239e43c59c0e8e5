"""The one Markdown parser configuration, shared by analysis and rendering.

Both stages must see the same tokens, or highlight offsets would drift; so the
parser is made here and nowhere else. The CommonMark preset is chosen explicitly
with raw HTML off, and links are limited to web, mail and in-page addresses.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(url: str) -> bool:
    """Web, mail, in-page and relative addresses; `javascript:`, `data:`, `vbscript:` and the rest are not links."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


MAX_NESTING = 20
NESTING_MARKS = " \t>*+-0123456789.)"
"""Every level of block nesting costs at least one of these characters at the start of a line."""


def make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
    parser.validateLink = is_safe_link  # type: ignore[method-assign]
    _note_nesting_overflow(parser)
    return parser


def _note_nesting_overflow(parser: MarkdownIt) -> None:
    """Record in `env["nesting_overflow"]` the first line markdown-it drops for being nested too deeply.

    Past `maxNesting` its block parser silently skips the rest of the enclosing
    block, which for a list item can be the rest of the document; validation
    turns that into a problem instead of a page with text missing.
    """
    block = parser.block
    tokenize = block.tokenize

    def noting_tokenize(state: Any, start_line: int, end_line: int) -> None:
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                state.env.setdefault("nesting_overflow", line)
        tokenize(state, start_line, end_line)

    block.tokenize = noting_tokenize  # type: ignore[method-assign]


def could_nest_deeply(body: str) -> bool:
    """Cheap gate for `nesting_overflow`: some line starts with ten or more nesting marks.
    (A loop over lines: a multi-line regex tests every position of the text for a line start.)"""
    return any(len(line) - len(line.lstrip(NESTING_MARKS)) >= 10 for line in body.split("\n"))


def nesting_overflow(body: str, parser: MarkdownIt | None = None) -> int | None:
    """The 0-based line of `body` from which text would be lost to too-deep nesting, or None."""
    if not could_nest_deeply(body):
        return None
    env: dict[str, Any] = {}
    (parser or make_parser()).parse(body, env)
    line = env.get("nesting_overflow")
    return int(line) if line is not None else None


@cache
def _shared_parser() -> MarkdownIt:
    """One parser per process for `parse`: building one costs about half as much as parsing an
    article, and parsing never changes it (each call keeps its state in a fresh environment)."""
    return make_parser()


def parse(body: str, parser: MarkdownIt | None = None) -> list[Token]:
    return (parser or _shared_parser()).parse(body)
