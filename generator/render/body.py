"""Render an article body to HTML with its framing spans highlighted.

Highlights are placed by walking markdown-it's tokens: every inline text token
knows (from `locate_tokens`) where it starts in the analysed text, so a span
becomes one or more `<mark>`-like elements around exactly those characters. The
HTML is never searched or patched with a regular expression.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from generator.analysis.results import Span
from generator.analysis.text import locate_tokens
from generator.markdown import make_parser

SpanMarkup = Callable[[Span, str, bool, bool], str]
"""(span, escaped inner HTML, is this the span's first piece, is it inside a link) -> HTML for one piece."""


def _render_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    token = tokens[idx]
    content = token.content
    offset = token.meta.get("offset") if token.meta else None
    spans: Sequence[Span] = env.get("spans", ())
    if offset is None or not spans:
        return escapeHtml(content)
    end = offset + len(content)
    out: list[str] = []
    cursor = offset
    for span in _overlapping(spans, offset, end):
        piece_start, piece_end = max(span.start, offset), min(span.end, end)
        if piece_start > cursor:
            out.append(escapeHtml(content[cursor - offset : piece_start - offset]))
        inner = escapeHtml(content[piece_start - offset : piece_end - offset])
        out.append(env["markup"](span, inner, piece_start == span.start, env.get("in_link", False)))
        cursor = piece_end
    out.append(escapeHtml(content[cursor - offset :]))
    return "".join(out)


def _overlapping(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    # spans are sorted and do not overlap; a linear filter is fine for one token
    return [s for s in spans if s.start < end and start < s.end]


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    """Images are not loaded (the site loads nothing from the network): show their description."""
    token = tokens[idx]
    text = _render_text(self, tokens, idx, options, env) if token.content else ""
    return f'<span class="image-alt">[image: {text}]</span>'


def _render_code_inline(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    return f"<code>{escapeHtml(tokens[idx].content)}</code>"


def _render_link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    env["in_link"] = True
    href = tokens[idx].attrGet("href") or ""
    external = href.startswith(("http://", "https://"))
    rel = ' rel="nofollow noopener noreferrer"' if external else ""
    return f'<a href="{escapeHtml(str(href))}"{rel}>'


def _render_link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    env["in_link"] = False
    return "</a>"


def make_renderer() -> MarkdownIt:
    parser = make_parser()
    parser.add_render_rule("text", _render_text)
    parser.add_render_rule("image", _render_image)
    parser.add_render_rule("code_inline", _render_code_inline)
    parser.add_render_rule("link_open", _render_link_open)
    parser.add_render_rule("link_close", _render_link_close)
    return parser


def render_body(renderer: MarkdownIt, title: str, body: str, spans: Sequence[Span], markup: SpanMarkup) -> str:
    """The body's HTML with `spans` (offsets into the analysed text) highlighted."""
    tokens = renderer.parse(body)
    locate_tokens(title, tokens)
    return renderer.renderer.render(tokens, renderer.options, {"spans": tuple(spans), "markup": markup})


def render_plain(renderer: MarkdownIt, body: str) -> str:
    """Markdown to HTML without highlights (event descriptions, notes)."""
    return renderer.render(body, {"spans": (), "markup": None})


def highlight_range(text: str, start: int, end: int, spans: Sequence[Span], markup: SpanMarkup) -> str:
    """Plain text `text[start:end]` (e.g. the headline or an excerpt) with its spans highlighted."""
    out: list[str] = []
    cursor = start
    for span in _overlapping(spans, start, end):
        piece_start, piece_end = max(span.start, start), min(span.end, end)
        if piece_start > cursor:
            out.append(escapeHtml(text[cursor:piece_start]))
        out.append(markup(span, escapeHtml(text[piece_start:piece_end]), piece_start == span.start, False))
        cursor = piece_end
    out.append(escapeHtml(text[cursor:end]))
    return "".join(out)
