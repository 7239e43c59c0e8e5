"""`digest export EVENT --single-file`: one file, nothing linked, and a CSP that allows exactly what is inlined."""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.export import ExportError, add_export_parser, export_event, single_file

BASE = "https://example.org/digest/"


class Inventory(HTMLParser):
    """What the exported page holds: inline style and script texts, URLs, the CSP, classes."""

    def __init__(self) -> None:
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.csp: list[str] = []
        self.outlets: list[str] = []
        self.highlights = 0
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.urls.append((tag, name, values[name] or ""))
        if (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        if "data-outlet" in values and tag == "section":
            self.outlets.append(values["data-outlet"] or "")
        if "hl" in (values.get("class") or "").split():
            self.highlights += 1
        if tag in ("style", "script"):
            self._open = tag
            (self.styles if tag == "style" else self.scripts).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "style":
            self.styles[-1] += data
        elif self._open == "script":
            self.scripts[-1] += data


def inventory(html: str) -> Inventory:
    parsed = Inventory()
    parsed.feed(html)
    return parsed


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directive(csp: str, name: str) -> list[str]:
    for part in csp.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="digest")
    add_export_parser(top.add_subparsers(dest="command", required=True))
    return top


def test_export_inlines_everything_and_hashes_it_into_the_csp(minimal_content: Path) -> None:
    page = inventory(export_event(minimal_content, "harbour-fire"))
    assert len(page.csp) == 1
    csp = page.csp[0]
    assert directive(csp, "default-src") == ["'none'"]
    assert len(page.styles) >= 2 and len(page.scripts) >= 1
    assert sorted(directive(csp, "style-src")) == sorted(sha(s) for s in page.styles)
    assert directive(csp, "script-src") == [sha(s) for s in page.scripts]
    assert "unsafe-inline" not in csp
    # no file is loaded, and no link points at a file that is not there
    assert not [u for u in page.urls if u[0] in ("link", "script", "img")], page.urls
    assert all(url.startswith(("#", "http://", "https://", "mailto:")) for _, _, url in page.urls), page.urls
    assert sorted(page.outlets) == ["alpha", "beta"]
    assert page.highlights > 0
    assert any(".hl" in s for s in page.styles) and any("toggle" in s for s in page.scripts)


def test_links_become_plain_text_without_base_url(minimal_content: Path) -> None:
    html = export_event(minimal_content, "harbour-fire")
    assert "articles/harbour-fire.html" not in html
    assert re.search(r'<span class="hl c-[\w-]+ v-\w+" data-tip="[^"]+">', html), "highlight links keep their class as spans"


def test_links_become_absolute_with_base_url(minimal_content: Path) -> None:
    site_yaml = minimal_content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + f"base_url: {BASE}\n")
    page = inventory(export_event(minimal_content, "harbour-fire"))
    hrefs = [url for tag, _, url in page.urls if tag == "a"]
    assert f"{BASE}articles/harbour-fire.html" in hrefs
    assert f"{BASE}outlets/alpha.html" in hrefs
    assert not [h for h in hrefs if not h.startswith(("#", "http://", "https://", "mailto:"))]


def test_export_is_deterministic(minimal_content: Path) -> None:
    assert export_event(minimal_content, "harbour-fire") == export_event(minimal_content, "harbour-fire")


def test_cli_writes_dist_event_html_by_default(minimal_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parser().parse_args(["export", "harbour-fire", "--single-file", "--content", str(minimal_content)])
    assert args.func(args) == 0
    written = Path("dist") / "harbour-fire.html"  # the fixture runs in tmp_path
    assert written.is_file() and "Content-Security-Policy" in written.read_text()
    assert "dist/harbour-fire.html" in capsys.readouterr().out


def test_cli_out_option_and_errors(minimal_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "usb" / "fire.html"
    args = parser().parse_args(["export", "harbour-fire", "--single-file", "--content", str(minimal_content), "--out", str(target)])
    assert args.func(args) == 0 and target.is_file()

    args = parser().parse_args(["export", "no-such-event", "--single-file", "--content", str(minimal_content)])
    assert args.func(args) == 2
    assert "no event 'no-such-event'" in capsys.readouterr().err
    assert not (Path("dist") / "no-such-event.html").exists()

    args = parser().parse_args(["export", "harbour-fire", "--content", str(minimal_content)])
    assert args.func(args) == 2
    assert "--single-file" in capsys.readouterr().err

    (minimal_content / "outlets.yaml").unlink()
    args = parser().parse_args(["export", "harbour-fire", "--single-file", "--content", str(minimal_content), "--out", str(tmp_path / "x.html")])
    assert args.func(args) == 1
    assert not (tmp_path / "x.html").exists()


PAGE = """<!doctype html><html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'">
<link rel="stylesheet" href="../assets/a.css"><link rel="stylesheet" href="../assets/p.css" media="print">
<script src="../assets/s.js" defer></script></head>
<body><p style="color: red">Tom &amp; Jerry &#8212; <a href="../index.html">home</a> <a href="#x" id="x">here</a> <a href="https://example.org/">out</a></p></body></html>"""
ASSETS = {"../assets/a.css": "p { color: blue; }", "../assets/p.css": "p { color: black; }", "../assets/s.js": "document.body.dataset.ok = '1';"}


def test_single_file_rewrites_only_what_it_must() -> None:
    html = single_file(PAGE, "events/e.html", None, ASSETS.__getitem__)
    page = inventory(html)
    assert page.styles == ["\np { color: blue; }\n", "\np { color: black; }\n"]
    assert '<style media="print">' in html
    assert page.scripts == ["\ndocument.body.dataset.ok = '1';\n"]
    assert html.index("<script>") > html.index("</p>")  # a deferred script runs after parsing: placed before </body>
    assert "Tom &amp; Jerry &#8212;" in html  # text and references pass through untouched
    assert "<span>home</span>" in html and '<a href="#x" id="x">here</a>' in html and '<a href="https://example.org/">out</a>' in html
    csp = page.csp[0]
    assert "'unsafe-hashes'" in directive(csp, "style-src") and sha("color: red") in directive(csp, "style-src")


def test_single_file_with_base_url_and_refusals() -> None:
    html = single_file(PAGE, "events/e.html", BASE, ASSETS.__getitem__)
    assert f'<a href="{BASE}index.html">home</a>' in html
    with pytest.raises(ExportError, match="</script"):
        single_file(PAGE, "events/e.html", None, {**ASSETS, "../assets/s.js": "x = '</script>';"}.__getitem__)
    with pytest.raises(ExportError, match="local file"):
        single_file(PAGE.replace("<body>", '<body><img src="pic.png" alt="">'), "events/e.html", None, ASSETS.__getitem__)
    with pytest.raises(ExportError, match="Content-Security-Policy"):
        single_file(PAGE.replace("http-equiv", "name"), "events/e.html", None, ASSETS.__getitem__)
