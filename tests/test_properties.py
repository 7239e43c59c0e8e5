"""Property tests: random Unicode never crashes parsing, matching or rendering, and their results hold together.

Text is drawn from every Unicode category except surrogates, weighted towards
what breaks text code: right-to-left letters and marks, combining marks,
zero-width characters and joiners, emoji (with skin tones and ZWJ sequences),
line and paragraph separators, control characters, Markdown and YAML syntax,
and the lexicon's own terms so that matches actually happen.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from html import unescape
from html.parser import HTMLParser

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.analysis.article import analyse_article
from generator.analysis.matcher import compile_matcher, find_matches
from generator.analysis.text import paragraphs
from generator.build import BuildOptions, build
from generator.lexicon import load_lexicon
from generator.load import Document, RawContent, YamlFile, split_front_matter
from generator.model import Article
from generator.render.body import make_renderer, render_body
from generator.render.views import make_span_markup
from generator.validate import Options, validate_article, validate_content, validate_event
from generator.yamlsafe import YamlProblem, load_yaml
from tests.conftest import ROOT, copy_minimal_content, tree_digest

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

TRICKY = (
    "\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u06f1\u06f2 "  # Hebrew, Arabic, Persian digits
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"  # direction marks, embeddings, isolates
    "\u0301\u0308\u0327\u0338\u20dd\u0489\u1ab0"  # combining marks
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"  # zero-width characters, soft hyphen
    "\U0001f600\U0001f44d\U0001f3fd\U0001f469\u200d\U0001f4bb\U0001f1ee\U0001f1f7\u2764\ufe0f"  # emoji, modifiers, ZWJ, flags
    "\u2028\u2029\u0085\u000b\u000c\r\t\x00\x01\x1b\x7f"  # separators and controls
    "\u00a0\u2009\u202f\u3000"  # other spaces
    "\u0130\u0131\u00df\u1e9e\ufb01\u01c5\u03a3\u03c2"  # case-mapping oddities: İ ı ß ẞ ﬁ ǅ Σ ς
    "\u2019\u2018\u201c\u201d\u00ab\u00bb\u2010\u2011\u2013\u2014"  # quotes and dashes
    "*_`[]()<>!#>&;:\\-+=|{}\"'~"  # Markdown and YAML syntax
)
TERMS = ("regime", "Regime", "REGIME", "thugs", "claimed", "so-called", "Iran-backed", "Iran backed", "U.S.-led",
         "without evidence", "reportedly", "massive", "terrorist", "\u201cforeign forces\u201d", "US", "us")

characters = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(TRICKY))
words = st.one_of(st.text(characters, min_size=1, max_size=12), st.sampled_from(TERMS))
line = st.lists(words, max_size=14).map(" ".join)
prose = st.lists(st.one_of(line, st.sampled_from(("", "\n", "\n\n"))), max_size=10).map("\n".join)

MARKDOWN_DECORATIONS = ("# ", "## ", "> ", "- ", "1. ", "* ", "    ", "```\n", "", "", "", "")
INLINE = ("*{}*", "**{}**", "_{}_", "`{}`", "[{}](https://example.org/a?b=1)", "[{}](javascript:alert(1))", "<{}>",
          "![{}](x.png)", "<b>{}</b>", "{}  \n", "{}\\", "&amp;{}&#x41;&nbsp;", "\"{}\"", "\u201c{}\u201d", "{}")


@st.composite
def markdown(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(0, 6))):
        pieces = [draw(st.sampled_from(INLINE)).format(draw(line)) for _ in range(draw(st.integers(1, 4)))]
        blocks.append(draw(st.sampled_from(MARKDOWN_DECORATIONS)) + " ".join(pieces))
    return "\n\n".join(blocks) + draw(st.sampled_from(("", "\n", "\n\n")))


@functools.lru_cache(maxsize=1)
def real_lexicon():
    files = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["lexicon"]
    lexicon, problems = load_lexicon(ROOT / "content", files)
    assert lexicon is not None, problems
    return lexicon


@functools.lru_cache(maxsize=1)
def real_matcher():
    return compile_matcher(real_lexicon())


def article(title: str, body: str) -> Article:
    return Article(slug="x", title=title, outlet="alpha", published=dt.date(2021, 3, 2), event=None, body=body, path="x.md", body_line=7)


# -- front matter and YAML ---------------------------------------------------------------------------


@SETTINGS
@given(st.text(characters, max_size=300), prose)
def test_front_matter_and_yaml_never_crash(meta: str, body: str) -> None:
    text = f"---\n{meta}\n---\n{body}"
    parts = split_front_matter(text)
    assert parts is not None  # the closing fence is there, unless the meta itself contains a fence first
    meta_text, rest, body_line = parts
    assert text.split("\n")[body_line - 1 :] == rest.split("\n")
    try:
        value = load_yaml(meta_text, first_line=2)
    except YamlProblem as problem:
        assert 2 <= problem.line <= 2 + meta_text.count("\n") + 1, (problem.line, meta_text)
        assert "\n" not in problem.message and problem.message.strip()
        return
    document = Document("x.md", "articles/alpha/2021-03-02-x.md", value, rest, 2, body_line)
    validate_article(document, Options())  # any value YAML gives must be judged, not crash
    validate_event(Document("e.md", "events/e.md", value, rest, 2, body_line))


yaml_scalars = st.one_of(st.text(characters, max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(), st.dates().map(str))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(characters, max_size=10), inner, max_size=4)), max_leaves=12)


@SETTINGS
@given(st.dictionaries(st.one_of(st.sampled_from(("title", "outlet", "published", "event", "url", "notes", "tags", "start", "actors")), st.text(characters, max_size=12)), yaml_values, max_size=8))
def test_any_yaml_mapping_round_trips_and_validates_without_crashing(data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        value = load_yaml(text)
    except YamlProblem as problem:
        assert "\n" not in problem.message
        return
    document = Document("x.md", "articles/alpha/2021-03-02-x.md", value, "Body.", 2, 10)
    raw = RawContent("content", YamlFile("site.yaml", None), YamlFile("outlets.yaml", None), (), (document,), ())
    _, problems = validate_content(raw)
    for problem in problems:
        assert problem.line >= 1 and problem.field.strip() and problem.message
        assert str(problem).isprintable(), str(problem)
    validate_event(Document("e.md", "events/e.md", value, "Body.", 2, 10))


# -- the matcher ---------------------------------------------------------------------------------------


@SETTINGS
@given(prose)
def test_matches_lie_within_the_text_never_overlap_and_name_real_entries(text: str) -> None:
    matcher = real_matcher()
    entries = {e.id: e.category for e in real_lexicon().entries}
    matches = find_matches(matcher, text)
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end, matches
        previous_end = match.end
        assert entries[match.entry] == match.category
        assert text[match.start : match.end].strip() == text[match.start : match.end]


@SETTINGS
@given(st.text(characters, max_size=40), markdown())
def test_analysis_spans_reproduce_their_text(title: str, body: str) -> None:
    analysis = analyse_article(article(title, body), real_matcher(), real_lexicon().version, tuple(c.id for c in real_lexicon().categories))
    text = analysis.text.text
    previous_end = 0
    for span in analysis.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        previous_end = span.end
        assert span.text == text[span.start : span.end]
        assert span.voice in ("headline", "narration", "quotation")
        assert (span.voice == "headline") == (span.end <= analysis.text.headline_end)
    for block in analysis.text.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for quotation in analysis.quotations:
        assert 0 <= quotation.start <= quotation.end <= len(text)
    for number in analysis.numbers:
        assert 0 <= number.start <= number.end <= len(text)


# -- the renderer --------------------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a reader sees in rendered Markdown: no code blocks (they are not analysed), image markers removed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "hr", "img"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(tag == "pre" for tag, _ in self.stack):
            return
        if self.stack and self.stack[-1] == ("span", "image-alt"):
            data = data.removeprefix("[image: ").removesuffix("]")
        elif any(cls == "image-alt" for _, cls in self.stack):
            data = data.removesuffix("]")
        self.parts.append(data)


def squeeze(text: str) -> str:
    return "".join(text.split())


@SETTINGS
@given(st.text(characters, max_size=40), markdown())
def test_rendered_html_parses_back_to_the_analysed_text(title: str, body: str) -> None:
    lexicon = real_lexicon()
    analysis = analyse_article(article(title, body), real_matcher(), lexicon.version, tuple(c.id for c in lexicon.categories))
    html = render_body(make_renderer(), title, body, analysis.spans, make_span_markup(lexicon, "../"))
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    assert squeeze("".join(parser.parts)) == squeeze("".join(paragraphs(analysis.text))), html
    assert "<script" not in html.lower()
    for href in re.findall(r'href="([^"]*)"', html):
        value = re.sub(r"[\t\n\r]", "", unescape(href).strip("".join(map(chr, range(0x21)))))
        scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", value)
        assert scheme is None or scheme.group(1).lower() in ("http", "https", "mailto"), href


# -- whole builds --------------------------------------------------------------------------------------


titles = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x85\ufffe\uffff"), min_size=1, max_size=40
).filter(lambda title: bool(title.strip()))
"""Titles validation accepts: not blank, no control characters or line breaks."""


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(titles, markdown(), markdown())
@example(title="0", first="", second="")  # two one-word articles: the distinctive words once divided by zero (found by this test)
def test_two_builds_of_the_same_input_are_byte_identical(tmp_path_factory: pytest.TempPathFactory, title: str, first: str, second: str) -> None:
    """Builds never crash on any valid input and are deterministic (a test that expects a build draws only valid input)."""
    assume("\x00" not in first + second)
    root = tmp_path_factory.mktemp("twice")
    content = copy_minimal_content(root / "content")
    for path, body in ((content / "articles" / "alpha" / "2021-03-02-harbour-fire.md", first), (content / "articles" / "beta" / "2021-03-02-fire-at-harbour.md", second)):
        head, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
        head = head.replace("title: ", "title: " + yaml.safe_dump(title, allow_unicode=True, default_style='"').strip() + " #", 1)
        path.write_text(head + "\n---\n\n" + (body if body.strip() else "Text.") + "\n", encoding="utf-8")
    build(BuildOptions(content=content, out=root / "one"))
    build(BuildOptions(content=content, out=root / "two"))
    assert tree_digest(root / "one") == tree_digest(root / "two")


@given(st.lists(st.text(alphabet=" \t>*+-0123456789.)\rab\u00a0", max_size=14), max_size=6))
@example(["          x"])
@example(["- - - - - x"])
@example(["\t1.>*+)-9 8 x", ""])
def test_the_deep_nesting_gate_finds_exactly_the_lines_a_multiline_pattern_finds(lines: list[str]) -> None:
    from generator.markdown import could_nest_deeply

    body = "\n".join(lines)
    assert could_nest_deeply(body) == bool(re.search(r"^[ \t>*+\-0-9.)]{10,}", body, re.MULTILINE))

