"""Nothing hostile gets through: content full of script payloads builds into pages that run none of it.

tests/fixtures/xss/content is a small corpus whose every text field (site,
outlets, events, articles, the lexicon's labels, descriptions, references,
notes and alternatives, Markdown bodies, link targets) carries one or more of
the payloads in tests/fixtures/xss/payloads.txt. These tests build it (public
and private) and read the output statically; tests/test_xss_browser.py opens
every page in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import BuildOptions, build, check
from generator.errors import ContentError
from generator.markdown import is_safe_link
from generator.render.body import make_renderer, render_body, render_plain
from tests.conftest import FIXTURES

XSS = FIXTURES / "xss"
XSS_CONTENT = XSS / "content"
PAYLOADS = tuple(
    json.loads(line) for line in (XSS / "payloads.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
)

DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file|livescript|mocha):", re.IGNORECASE)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping", "srcset", "codebase", "lowsrc", "dynsrc", "manifest", "icon"})
FORBIDDEN_TAGS = frozenset({
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "isindex", "template", "style",
    "marquee", "video", "audio", "source", "track", "math", "xss", "plaintext", "xmp", "listing", "img", "image",
    "animate", "set", "animatemotion", "animatetransform", "foreignobject", "portal", "textarea", "select", "button",
})
"""Elements the site never produces itself; any of them in the output came from content."""
OWN_SCRIPT = re.compile(r"(?:^|/)assets/(?:site|search|search/index)\.js$")
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class PageScan(HTMLParser):
    """Everything in a page that could run code, and the decoded text and attribute values a reader sees."""

    def __init__(self, inline_style: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_style = inline_style  # 404.html inlines its stylesheet (allowed by its hash): it can load nothing
        self.faults: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.csp: list[str] = []
        self.in_script = False
        self.in_style = False
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        values = {name: value or "" for name, value in attrs}
        self.text.extend(values.values())
        if tag == "style" and self.inline_style and not attrs:
            self.in_style = True
        elif tag in FORBIDDEN_TAGS:
            self.faults.append(f"<{tag}> element {attrs}")
        for name, value in values.items():
            if name.startswith("on"):
                self.faults.append(f"event handler {name}={value!r} on <{tag}>")
            if name in ("style", "srcdoc", "formaction"):
                self.faults.append(f"{name} attribute on <{tag}>")
            if name in URL_ATTRIBUTES:
                if browser_scheme(value, decoded=True) not in (None, "http", "https", "mailto"):
                    self.faults.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self.in_script = True
            src = values.get("src", "")
            self.scripts.append(src)
            if not OWN_SCRIPT.search(src) or not src.startswith(("assets/", "../")):
                self.faults.append(f"script that is not one of the site's own files: {attrs}")
        if tag == "meta" and "http-equiv" in values:
            if values["http-equiv"].lower() != "content-security-policy":
                self.faults.append(f"<meta http-equiv={values['http-equiv']!r}>")
            else:
                self.csp.append(values.get("content", ""))
        if tag == "link" and values.get("rel", "").lower() not in ("stylesheet", "canonical", "alternate", "license", "icon", "prev", "next"):
            self.faults.append(f"<link rel={values.get('rel')!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles.append(data)
            return
        if self.in_script and data.strip():
            self.faults.append(f"inline script {data[:80]!r}")
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.faults.append(f"comment in the output (content can hide markup in one): {data[:80]!r}")

    def handle_pi(self, data: str) -> None:
        self.faults.append(f"processing instruction {data[:80]!r}")


def browser_scheme(href: str, decoded: bool = False) -> str | None:
    """The scheme a browser sees in an href (WHATWG URL: character references decoded once, unless
    `decoded` already; leading/trailing C0 controls and spaces stripped; tabs and newlines removed)."""
    import html as html_module

    value = (href if decoded else html_module.unescape(href)).strip("".join(map(chr, range(0x21))))
    value = re.sub(r"[\t\n\r]", "", value)
    found = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", value)
    return found.group(1).lower() if found else None


def scan(path: Path) -> PageScan:
    scanner = PageScan(inline_style=path.name == "404.html")
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner


@pytest.fixture(scope="module", params=["public", "private"])
def xss_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(f"xss-{request.param}") / "site"
    build(BuildOptions(content=XSS_CONTENT, out=out, full_text=request.param == "private", force=True))
    return out


def html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 8, pages
    return pages


def test_the_corpus_has_at_least_30_classic_vectors() -> None:
    assert len(PAYLOADS) >= 30
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    checked = check(BuildOptions(content=XSS_CONTENT))
    assert not [p for p in checked if p.severity == "error"]


def test_no_page_contains_active_content(xss_site: Path) -> None:
    faults = {page.relative_to(xss_site).as_posix(): scan(page).faults for page in html_pages(xss_site)}
    assert not {page: found for page, found in faults.items() if found}


def test_no_payload_appears_as_markup(xss_site: Path) -> None:
    """The raw bytes of a payload with markup in it never reach an HTML page (they are escaped)."""
    for page in html_pages(xss_site):
        html = page.read_text(encoding="utf-8")
        for payload in PAYLOADS:
            if "<" in payload:
                assert payload not in html, f"{page}: {payload!r} unescaped"
        assert "<script>__xss" not in html and "<img src=x" not in html and "<svg onload" not in html


def test_every_payload_is_shown_as_text_somewhere(xss_site: Path) -> None:
    """Escaped, not dropped: every payload reaches some page as the very text that was written."""
    seen = "\n".join(part for page in html_pages(xss_site) for part in scan(page).text)
    missing = [payload for payload in PAYLOADS if payload not in seen]
    assert not missing, missing


def test_pages_that_show_each_field_show_its_payload(xss_site: Path) -> None:
    """Spot checks that each kind of field is shown, and shown as text, where a reader looks for it."""
    def text_of(path: str) -> str:
        return "\n".join(scan(xss_site / path).text)

    article = text_of("articles/regime-blamed.html")
    for expected in ("Regime blamed <script>__xss(1)</script>", "Jane Doe '><img src=x onerror=__xss(6)>",
                     "HARBOUR <iframe src=\"javascript:__xss(7)\"></iframe>", "Alpha <img src=x onerror=__xss(2)>",
                     "</textarea><script>__xss(29)</script>"):
        assert expected in article, expected
    assert "Note " + PAYLOADS[30] in article, "lexicon note in the highlight's tooltip"
    outlet = text_of("outlets/alpha.html")
    assert "Testland <svg onload=__xss(3)>" in outlet and "State-owned '><img src=x onerror=__xss(6)>" in outlet
    method = text_of("method.html")
    assert "Loaded Labels <script>__xss(1)</script>" in method and "Reference " + PAYLOADS[20] in method
    beta = text_of("articles/fire-destroys-boats.html")
    assert "Seán O'Reilly-Dubois" in beta  # a speaker's name with an apostrophe, in the quotation table
    assert "Beta <svg><script>__xss(4)</script></svg>" in beta and PAYLOADS[45] in beta  # outlet name, dateline
    event = text_of("events/harbour-fire.html")
    assert "Harbour fire " + PAYLOADS[14] in event and PAYLOADS[20] in event  # title, raw HTML in the description


def test_raw_html_in_markdown_is_text_and_bad_links_are_not_links(xss_site: Path) -> None:
    html = (xss_site / "articles" / "regime-blamed.html").read_text(encoding="utf-8")
    assert "&lt;div&gt;" in html and "&lt;script&gt;" in html
    assert 'href="https://example.org/harbour?a=1&amp;b=2"' in html  # a good link stays a link
    for label in ("plain", "mixed case", "entity", "named entity", "data", "vbscript", "VBScript", "file", "reference"):
        assert f">{label}</a>" not in html, label
    assert "[image: image" in html  # images are shown as their description, never loaded


def test_json_and_scripts_parse_as_data(xss_site: Path) -> None:
    """Every JSON file is JSON, and each search file is one JSON literal: no payload can break out of a string."""
    for path in sorted(xss_site.rglob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))
    header = "/* Framing Digest search index: generated, do not edit. */\n"
    titles = []
    files = sorted((xss_site / "assets" / "search").glob("*.js"))
    assert len(files) >= 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "\u2028" not in text and "\u2029" not in text
        match = re.fullmatch(re.escape(header) + r"(?:window\.SEARCH_INDEX = (.*);|window\.SEARCH_(?:SHARD|DOCS)\((.*)\);)\n", text, re.DOTALL)
        assert match, text[:200]
        data = json.loads(match.group(1) or "[" + match.group(2) + "]")
        if path.name.startswith("docs-"):
            titles += [row["title"] for row in data[1]]
    assert PAYLOADS[0] in " ".join(titles)  # the payload is in the index, as a string


def test_feed_and_sitemap_are_well_formed_and_carry_no_markup(xss_site: Path) -> None:
    for name in ("feed.xml", "sitemap.xml"):
        path = xss_site / name
        if not path.exists():
            continue
        root = ET.fromstring(path.read_bytes())
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1].lower()
            assert local not in ("script", "iframe", "object", "embed"), name
            assert element.get("type") not in ("html", "xhtml"), f"{name}: <{local} type=html> would be rendered as HTML by feed readers"
            assert not DANGEROUS_SCHEME.match((element.get("href") or "").strip())


def test_every_page_carries_a_strict_content_security_policy(xss_site: Path) -> None:
    for page in html_pages(xss_site):
        html = page.read_text(encoding="utf-8")
        found = scan(page).csp
        assert len(found) == 1, f"{page}: {len(found)} CSP meta tags"
        policy = {d.split()[0]: d.split()[1:] for d in (part.strip() for part in found[0].split(";")) if d}
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < min(
            (head.index(tag) for tag in ("<script", "<link", "<style") if tag in head), default=len(head)
        ), f"{page}: the policy must come before any script or stylesheet"
        assert policy.get("default-src") == ["'none'"], page
        assert policy.get("script-src") == ["'self'"], page
        if page.name == "404.html":  # its one stylesheet is inline, allowed by its hash and nothing else
            [style] = scan(page).styles
            assert policy.get("style-src") == ["'sha256-" + base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode() + "'"], page
        else:
            assert policy.get("style-src") == ["'self'"], page
        assert policy.get("base-uri") == ["'none'"] and policy.get("form-action") == ["'none'"], page
        for directive, sources in policy.items():
            for source in sources:
                assert source not in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "*", "data:", "http:", "https:", "blob:"), (page, directive, source)


# -- the pieces, one by one -------------------------------------------------------------------------

HOSTILE_LINKS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "java\rscript:alert(1)", "\x01javascript:alert(1)", "javascript\x00:alert(1)", "\u200bjavascript:alert(1)",
    "javascript\u2028:alert(1)", "vbscript:msgbox(1)", "VBSCRIPT:msgbox(1)",
    "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "livescript:alert(1)", "file:///etc/passwd", "jar:http://x/!/", "view-source:http://x", "ms-its:x",
]


@pytest.mark.parametrize("url", HOSTILE_LINKS, ids=[repr(u) for u in HOSTILE_LINKS])
def test_hostile_link_targets_are_not_links(url: str) -> None:
    assert not is_safe_link(url)
    html = render_plain(make_renderer(), f"[click]({url})\n\n[click](<{url}>)\n\n<{url}>\n")
    for href in re.findall(r'href="([^"]*)"', html):
        assert browser_scheme(href) in (None, "http", "https", "mailto"), (url, href)


@pytest.mark.parametrize(
    "source",
    [
        "[a](jav&#x61;script:alert(1))", "[a](&#106;avascript:alert(1))", "[a](javascript&colon;alert(1))",
        "[a](java&#x09;script:alert(1))", "[a](java&Tab;script:alert(1))", "[a][r]\n\n[r]: javascript:alert(1)",
        "[a](<javascript:alert(1)>)", "<JAVASCRIPT:alert(1)>", "<vbscript:msgbox(1)>", "[a](data:text/html,x)",
        "![a](javascript:alert(1))", "[a](\\javascript:alert(1))",
    ],
)
def test_obfuscated_links_in_markdown_never_become_script_links(source: str) -> None:
    html = render_plain(make_renderer(), source + "\n")
    for href in re.findall(r'href="([^"]*)"', html):
        assert browser_scheme(href) in (None, "http", "https", "mailto"), (source, href)


@pytest.mark.parametrize("url", ["https://example.org/a?b=c&d=e#f", "http://example.org/", "mailto:desk@example.org", "#notes", "other.html", "../a/b.html"])
def test_ordinary_links_stay_links(url: str) -> None:
    assert is_safe_link(url)
    assert "<a href=" in render_plain(make_renderer(), f"[x]({url})\n")


def test_raw_html_in_a_body_is_shown_as_text() -> None:
    html = render_body(make_renderer(), "T", "<script>alert(1)</script>\n\nText <b onclick=x()>bold</b>\n\n<div>\nblock\n</div>\n", (), lambda *a: "")
    assert "<script" not in html and "<b " not in html and "<div>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b onclick=x()&gt;" in html


def _article_with(minimal: Path, field: str, value: str) -> None:
    article = minimal / "articles" / "alpha" / "2021-03-02-harbour-fire.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("incident_date: 2021-03-01\n", f"incident_date: 2021-03-01\n{field}: {json.dumps(value)}\n"), encoding="utf-8")


BAD_URLS = [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)",
    "ftp://example.org/x", "//example.org/x", "example.org/x", "https://", "https:///x", "http//example.org",
    "https://example.org/a b", 'https://example.org/"><script>alert(1)</script>', "https://example.org/<x>",
    "https://example.org/`x`", "https://example.org/\\x", "https://example.org/\u202ex", "https://example.org/\nx",
]


@pytest.mark.parametrize("url", BAD_URLS, ids=[repr(u) for u in BAD_URLS])
def test_a_url_field_must_be_http_or_https(url: str, minimal_content: Path) -> None:
    _article_with(minimal_content, "url", url)
    with pytest.raises(ContentError) as caught:
        check(BuildOptions(content=Path("content")))
    assert any(p.field == "url" and "http:// or https://" in p.message for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize("url", ["https://example.org/a?b=c&d=e#f", "HTTP://EXAMPLE.ORG/", "https://例え.jp/パス", "https://example.org/it's-(fine)"])
def test_ordinary_urls_are_accepted(url: str, minimal_content: Path) -> None:
    _article_with(minimal_content, "url", url)
    assert check(BuildOptions(content=Path("content"))) == ()


@pytest.mark.parametrize(
    "path",
    ["../index.html", "articles/../../x.html", "/etc/passwd", "articles/./x.html", "articles//x.html", "a\x00.html",
     "articles\\x.html", "com9.html", "events/LPT3.html", "articles/nul.json", "articles/.hidden.html", "articles/x y.html", ""],
)
def test_the_writer_refuses_paths_outside_the_output_folder(path: str) -> None:
    from generator.writer import UnsafeOutput, check_output_path

    with pytest.raises(UnsafeOutput):
        check_output_path(path)
