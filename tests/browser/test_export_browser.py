"""The single-file export, opened from disk with the network blocked, shows the highlighted comparison."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.export import export_event
from tests.browser.support import html_validator_command
from tests.conftest import ROOT

EVENT = "baghdad-embassy-rocket-attacks"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exported alone in its folder, so any file it tried to load beside itself would fail."""
    target = tmp_path_factory.mktemp("export") / f"{EVENT}.html"
    target.write_text(export_event(ROOT / "content", EVENT), encoding="utf-8")
    return target


def test_export_opens_alone_and_shows_the_highlighted_comparison(exported: Path, open_offline) -> None:
    assert [p.name for p in exported.parent.iterdir()] == [exported.name]
    page, log = open_offline(exported.as_uri())
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    page.wait_for_load_state("load")
    assert requests == [exported.as_uri()], requests  # the document itself and nothing else
    assert page.locator("[data-outlet]").count() == 2
    assert page.locator(".columns .hl").count() >= 20
    # the inlined stylesheet applies (its CSP hash matched): narration highlights are filled
    filled = page.eval_on_selector(".columns .hl.v-narration", "e => getComputedStyle(e).backgroundColor")
    assert filled not in ("rgba(0, 0, 0, 0)", "transparent"), filled
    # and the inlined script runs: unticking a category sets the class it keeps on <body>
    box = page.locator("input.toggle").first
    category = box.get_attribute("data-category")
    box.uncheck()
    assert category and page.evaluate(f"document.body.classList.contains('hide-{category}')")
    assert log.problems() == [], log.problems()  # a CSP refusal of the inlined style or script is a console error


def test_export_is_valid_html(exported: Path) -> None:
    run = subprocess.run(html_validator_command(ROOT, [exported]), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
