"""The one Markdown parser configuration, shared by analysis and rendering.

Both stages must see the same tokens, or highlight offsets would drift; so the
parser is made here and nowhere else. The CommonMark preset is chosen explicitly
with raw HTML off, and links are limited to web, mail and in-page addresses.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(url: str) -> bool:
    """Web, mail, in-page and relative addresses; `javascript:`, `data:`, `vbscript:` and the rest are not links."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": 20})
    parser.validateLink = is_safe_link  # type: ignore[method-assign]
    return parser


def parse(body: str, parser: MarkdownIt | None = None) -> list[Token]:
    return (parser or make_parser()).parse(body)
