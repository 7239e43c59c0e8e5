"""`digest export EVENT --single-file`: one self-contained HTML file for an event, for email or a USB stick.

The public site is built into a temporary folder exactly as `digest build` makes
it, and the event page is rewritten token by token (html.parser, never a regular
expression over HTML): each stylesheet and script it links is inlined, links to
other pages become absolute under `base_url` or plain text, and its
Content-Security-Policy is replaced by one that allows exactly the inlined
styles and scripts, by their SHA-256 hashes, and loads nothing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import sys
import tempfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from generator.errors import ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
NONE = "'none'"
CSP_PLACEHOLDER = "\x00csp\x00"
LoadAsset = Callable[[str], str]
"""Reads a stylesheet or script by its URL relative to the page."""


class ExportError(Exception):
    """The export cannot be made as asked (unknown event, event without a page, an asset that cannot be inlined)."""


def csp_hash(text: str) -> str:
    """The CSP source expression for an inline element whose content is exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def single_file_csp(style_hashes: list[str], script_hashes: list[str], attribute_hashes: list[str]) -> str:
    """Nothing may load; only the inlined styles and scripts (and style attributes, by hash) may apply."""
    styles = style_hashes + (["'unsafe-hashes'", *attribute_hashes] if attribute_hashes else [])
    return (
        f"default-src 'none'; style-src {' '.join(styles) or NONE}; script-src {' '.join(script_hashes) or NONE}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def is_relative(url: str) -> bool:
    """A link to another file of the site (not a fragment, not a web address)."""
    parts = urlsplit(url)
    return bool(url) and not parts.scheme and not parts.netloc and not url.startswith("#")


def _attrs_html(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"' for name, value in attrs)


def _inline(tag: str, text: str, closing: str) -> str:
    if closing in text.lower():
        raise ExportError(f"an asset contains {closing!r} and cannot be inlined in <{tag}>")
    return f"\n{text}\n"


class _SingleFile(HTMLParser):
    """Re-emits a page as it is parsed, changing only stylesheets, scripts, the CSP and relative links."""

    def __init__(self, page_path: str, base_url: str | None, load: LoadAsset) -> None:
        super().__init__(convert_charrefs=False)
        self.page_path = page_path
        self.base_url = base_url
        self.load = load
        self.out: list[str] = []
        self.links: list[bool] = []  # for each open <a>: was it turned into a <span>?
        self.in_dropped_script = False
        self.deferred: list[str] = []  # deferred scripts run after parsing: inlined before </body>
        self.style_hashes: list[str] = []
        self.script_hashes: list[str] = []
        self.attribute_hashes: list[str] = []

    def _absolute(self, url: str) -> str | None:
        return urljoin(self.base_url + self.page_path, url) if self.base_url else None

    def _script(self, text: str) -> str:
        self.script_hashes.append(csp_hash(text))
        return f"<script>{text}</script>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "")

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], raw: str) -> None:
        values = dict(attrs)
        href = values.get("href") or ""
        self.attribute_hashes.extend(csp_hash(v) for n, v in attrs if n == "style" and v)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.out.append(f'<meta http-equiv="Content-Security-Policy" content="{CSP_PLACEHOLDER}">')
        elif tag == "link" and "stylesheet" in (values.get("rel") or "").split() and is_relative(href):
            text = _inline("style", self.load(href), "</style")
            self.style_hashes.append(csp_hash(text))
            media = f' media="{html.escape(values["media"] or "", quote=True)}"' if values.get("media") else ""
            self.out.append(f"<style{media}>{text}</style>")
        elif tag == "script" and values.get("src") and is_relative(values.get("src") or ""):
            text = _inline("script", self.load(values.get("src") or ""), "</script")
            self.in_dropped_script = True
            if "defer" in values:
                self.deferred.append(text)
            else:
                self.out.append(self._script(text))
        elif tag == "a" or (tag == "link" and is_relative(href)):
            self._link(tag, attrs, href, raw)
        elif any(n in ("src", "srcset", "poster", "data") and v and is_relative(v) for n, v in attrs):
            raise ExportError(f"the page has a local file the single-file export cannot carry: {raw}")
        else:
            self.out.append(raw)

    def _link(self, tag: str, attrs: list[tuple[str, str | None]], href: str, raw: str) -> None:
        """Links to other pages: absolute under base_url, else plain text (and <link> elements dropped)."""
        absolute = self._absolute(href) if is_relative(href) else None
        if not is_relative(href) or absolute:
            rewritten = raw if absolute is None else f"<{tag}{_attrs_html([(n, absolute if n == 'href' else v) for n, v in attrs])}>"
            self.out.append(rewritten)
            if tag == "a":
                self.links.append(False)
        elif tag == "a":
            self.links.append(True)
            kept = [(n, v) for n, v in attrs if n not in ("href", "rel", "target", "hreflang", "type", "download", "ping", "referrerpolicy")]
            self.out.append(f"<span{_attrs_html(kept)}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_dropped_script:
            self.in_dropped_script = False
            return
        if tag == "a" and self.links:
            self.out.append("</span>" if self.links.pop() else "</a>")
            return
        if tag == "body":
            self.out.extend(self._script(text) + "\n" for text in self.deferred)
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.in_dropped_script:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")


def single_file(page_html: str, page_path: str, base_url: str | None, load: LoadAsset) -> str:
    """`page_html` (the page at `page_path` under the site root) as one file that needs nothing else."""
    parser = _SingleFile(page_path, base_url, load)
    parser.feed(page_html)
    parser.close()
    if CSP_PLACEHOLDER not in "".join(parser.out):
        raise ExportError("the page has no Content-Security-Policy meta tag to replace")
    csp = single_file_csp(parser.style_hashes, parser.script_hashes, parser.attribute_hashes)
    return "".join(parser.out).replace(CSP_PLACEHOLDER, html.escape(csp, quote=False).replace('"', "&quot;"))


def site_file_loader(site: Path, page_path: str) -> LoadAsset:
    """Reads assets relative to the page, refusing anything outside the built site."""
    root = site.resolve()

    def load(url: str) -> str:
        relative = PurePosixPath(page_path).parent / urlsplit(url).path
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            raise ExportError(f"the page links {url}, which is not a file of the built site")
        return target.read_text(encoding="utf-8")

    return load


def export_event(content: Path, event_id: str, templates: Path | None = None) -> str:
    """The single-file HTML of one event, from the public (licence-respecting) build of `content`."""
    from generator.build import BuildOptions, build, load_corpus

    corpus, _ = load_corpus(BuildOptions(content=content, templates=templates))
    events = {e.id for e in corpus.events}
    if event_id not in events:
        raise ExportError(f"no event {event_id!r} in {content}; events: {', '.join(sorted(events)) or 'none'}")
    page_path = f"events/{event_id}.html"
    with tempfile.TemporaryDirectory(prefix="digest-export-") as folder:
        site = Path(folder) / "site"
        build(BuildOptions(content=content, out=site, templates=templates))
        if not (site / page_path).is_file():
            raise ExportError(f"event {event_id!r} has no page (it has no articles), so there is nothing to export")
        page = (site / page_path).read_text(encoding="utf-8")
        return single_file(page, page_path, corpus.site.base_url, site_file_loader(site, page_path))


def run_export(args: argparse.Namespace) -> int:
    if not args.single_file:
        print("digest export: only --single-file exports exist so far; pass --single-file", file=sys.stderr)
        return EXIT_USAGE
    out: Path = args.out or Path("dist") / f"{args.event}.html"
    if out.is_dir():
        print(f"digest export: {out} is a folder; give a file name with --out", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = export_event(args.content, args.event)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"digest export: {len(error.problems)} problem(s) in {args.content}; nothing was written", file=sys.stderr)
        return EXIT_CONTENT
    except ExportError as error:
        print(f"digest export: {error}", file=sys.stderr)
        return EXIT_USAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"Wrote {out} ({len(text.encode('utf-8')) // 1024} KiB): open it in any browser, no other file needed.")
    return EXIT_OK


def add_export_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `digest export`; cli.py calls this with its subparsers."""
    parser = subparsers.add_parser(
        "export",
        help="write one event as a single self-contained HTML file",
        description="Write one event's comparison as a single HTML file with its styles and script inlined, for email or a USB stick. "
        "It follows the public site's licence rules.",
    )
    parser.add_argument("event", metavar="EVENT", help="the event id (the file name in content/events/ without .md)")
    parser.add_argument("--single-file", action="store_true", help="one HTML file with everything inlined (required)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="the content folder (default: content/)")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE", help="where to write it (default: dist/EVENT.html)")
    parser.set_defaults(func=run_export)
    return parser
