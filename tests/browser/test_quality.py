"""Accessibility (axe-core), HTML validity (the Nu validator) and links (linkchecker) of the whole seed site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.support import html_pages, html_validator_command, unavailable
from tests.conftest import ROOT

# one page of each template, and the search page with results showing
TEMPLATES = {
    "index": "index.html",
    "article (full text)": "articles/iran-rejects-us-accusation-over-green-zone-attack.html",
    "article (excerpts)": "articles/rockets-hit-us-embassy-in-baghdad.html",
    "event": "events/baghdad-embassy-rocket-attacks.html",
    "outlet": "outlets/mehr.html",
    "outlet without articles": "outlets/defensepost.html",
    "method": "method.html",
    "monthly digest": "digests/2020-12.html",
    "search": "search.html?q=rockets",
    "404": "404.html",
}


def _tool(name: str) -> str:
    """A console script installed beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        unavailable(f"{name} is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_axe_finds_no_violations(site: Path, open_offline, template: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    path, _, query = TEMPLATES[template].partition("?")
    page, log = open_offline((site / path).as_uri() + (f"?{query}" if query else ""))
    if query:
        page.wait_for_selector("#search-results > li")
    assert log.problems() == [], log.problems()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        # preload off: axe would fetch the stylesheets again, which the page's CSP (connect-src 'none') rightly refuses
        result = Axe().run(page, options={"preload": False})
        assert result.violations_count == 0, f"{template} ({scheme}):\n{result.generate_report()}"


def test_every_page_is_valid_html(site: Path) -> None:
    pages = html_pages(site)
    assert len(pages) >= 10
    run = subprocess.run(html_validator_command(ROOT, pages), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_broken_links_or_anchors(readable_site: Path) -> None:
    """From the front page and the 404 page, every local link and #fragment; a missing anchor is a warning."""
    config = readable_site.parent / "linkcheckerrc"
    config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
    starts = [(readable_site / name).as_uri() for name in ("index.html", "404.html")]
    run = subprocess.run(
        [_tool("linkchecker"), "--config", str(config), "--no-status", *starts],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = run.stdout + run.stderr
    summary = re.search(r"(\d+) links in (\d+) URLs checked\. (\d+) warnings? found.*?(\d+) errors? found", report)
    assert summary, report
    links, _, warnings, errors = map(int, summary.groups())
    assert (warnings, errors) == (0, 0), report
    assert run.returncode == 0, report
    assert links >= len(html_pages(readable_site)), report
