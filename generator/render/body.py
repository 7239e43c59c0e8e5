"""Render an article body to HTML with its framing spans highlighted.

Highlights are placed by walking markdown-it's tokens: every inline text token
knows (from `locate_tokens`) where it starts in the analysed text, so a span
becomes one or more `<mark>`-like elements around exactly those characters. The
HTML is never searched or patched with a regular expression.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from generator.analysis.results import Span
from generator.analysis.rights import Rights
from generator.compare.types import EventComparison
from generator.analysis.text import locate_tokens
from generator.markdown import make_parser

SpanMarkup = Callable[[Span, str, bool, bool], str]
"""(span, escaped inner HTML, is this the span's first piece, is it inside a link) -> HTML for one piece."""


def _render_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    token = tokens[idx]
    offset = token.meta.get("offset") if token.meta else None
    if offset is None:
        return escapeHtml(token.content)
    return _highlight(token.content, offset, env.get("spans", ()), env.get("markers", ()), env.get("markup"), env.get("in_link", False))


def _highlight(content: str, offset: int, spans: Sequence[Span], markers: Sequence[tuple[int, str]], markup: SpanMarkup | None, in_link: bool) -> str:
    """`content` (which starts at `offset` of the analysed text) with span pieces wrapped and markers inserted.

    A marker is (offset, trusted HTML), e.g. the start of a passage another article shares.
    """
    end = offset + len(content)
    here = [s for s in spans if s.start < end and offset < s.end] if markup else []
    points = [m for m in markers if offset <= m[0] < end]
    if not here and not points:
        return escapeHtml(content)
    out: list[str] = []
    cursor = offset
    for position, html in points:
        inside = next((s for s in here if s.start < position < s.end), None)
        if inside is not None:  # never split a highlight: a marker inside one moves to its start
            position = max(inside.start, cursor)
        out.append(_spans_between(content, offset, cursor, position, here, markup, in_link))
        cursor = position
        out.append(html)
    out.append(_spans_between(content, offset, cursor, end, here, markup, in_link))
    return "".join(out)


def _spans_between(content: str, offset: int, start: int, end: int, spans: Sequence[Span], markup: SpanMarkup | None, in_link: bool) -> str:
    out: list[str] = []
    cursor = start
    for span in spans:
        piece_start, piece_end = max(span.start, cursor), min(span.end, end)
        if piece_start >= piece_end:
            continue
        if piece_start > cursor:
            out.append(escapeHtml(content[cursor - offset : piece_start - offset]))
        inner = escapeHtml(content[piece_start - offset : piece_end - offset])
        out.append(markup(span, inner, piece_start == span.start, in_link))  # type: ignore[misc]
        cursor = piece_end
    out.append(escapeHtml(content[cursor - offset : end - offset]))
    return "".join(out)


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


def render_body(renderer: MarkdownIt, title: str, body: str, spans: Sequence[Span], markup: SpanMarkup, markers: Sequence[tuple[int, str]] = ()) -> str:
    """The body's HTML with `spans` (offsets into the analysed text) highlighted and `markers` inserted."""
    tokens = renderer.parse(body)
    locate_tokens(title, tokens)
    env = {"spans": tuple(spans), "markup": markup, "markers": tuple(sorted(markers))}
    return renderer.renderer.render(tokens, renderer.options, env)


LEAD_WORDS = 35
"""The event page shows each article's first paragraphs up to this many words (at least one, at most two);
the rest waits behind a control that opens it."""


def render_body_parts(
    renderer: MarkdownIt, title: str, body: str, spans: Sequence[Span], markup: SpanMarkup,
    markers: Sequence[tuple[int, str]] = (), lead_words: int = LEAD_WORDS,
) -> tuple[str, str, int]:
    """`render_body` in two parts, the lead paragraphs and the rest (their concatenation is the whole body's
    HTML), with how many top-level blocks the rest holds. Cut between top-level tokens, never inside one."""
    tokens = renderer.parse(body)
    locate_tokens(title, tokens)
    env = {"spans": tuple(spans), "markup": markup, "markers": tuple(sorted(markers))}
    ends = [index + 1 for index, token in enumerate(tokens) if token.level == 0 and token.nesting <= 0]
    cut, words = len(tokens), 0
    for count, end in enumerate(ends[:2], start=1):
        words += sum(len(t.content.split()) for t in tokens[(ends[count - 2] if count > 1 else 0) : end] if t.type == "inline")
        cut = end
        if words >= lead_words:
            break
    lead = renderer.renderer.render(tokens[:cut], renderer.options, env)
    rest = renderer.renderer.render(tokens[cut:], renderer.options, env)
    return lead, rest, sum(1 for end in ends if end > cut)


def render_plain(renderer: MarkdownIt, body: str) -> str:
    """Markdown to HTML without highlights (event descriptions, notes)."""
    return renderer.render(body, {"spans": (), "markup": None})


def highlight_range(text: str, start: int, end: int, spans: Sequence[Span], markup: SpanMarkup, markers: Sequence[tuple[int, str]] = ()) -> str:
    """Plain text `text[start:end]` (e.g. the headline or an excerpt) with its spans highlighted."""
    return _highlight(text[start:end], start, spans, tuple(sorted(markers)), markup, False)


def shared_markers(comparison: EventComparison, rights: Mapping[str, Rights], event_page: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """Linked markers at the start of each shared passage, in both articles (full-text articles only).

    Each links to the other copy on the event page, so the same body HTML serves
    the article page and the event page."""
    markers: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, passage in enumerate(comparison.shared, start=1):
        ends = ((passage.article_a, passage.start_a, passage.article_b), (passage.article_b, passage.start_b, passage.article_a))
        for index, (slug, start, other) in enumerate(ends):
            if not rights[slug].full_text:
                continue
            side, other_side = ("a", "b") if index == 0 else ("b", "a")
            target = f"shared-{number}-{other_side}" if rights[other].full_text else "shared"
            html = (
                f'<a class="shared-marker" id="shared-{number}-{side}" href="{event_page}#{target}" '
                f'title="Passage {number}, also in another article ({passage.words} words)">&#8644;&#8239;{number}</a>'
            )
            markers[slug].append((start, html))
    return {slug: tuple(items) for slug, items in markers.items()}
