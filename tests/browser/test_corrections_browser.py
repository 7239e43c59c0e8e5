"""The editors' corrections in Chromium: each marker is reached by keyboard and shows its reason on focus,
leads to its entry in the list, prints its reason on paper, and the corrected pages pass axe and the
HTML validator."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from tests.browser.support import html_validator_command
from tests.conftest import ROOT
from tests.corrections_seed import EVENT, MEHR, seed_with_corrections

REASONS = ("The agency paraphrases the spokesman's tweet", "The spokesman posted the denial on the ministry's behalf",
           "Describes the district by its defences")
FOCUSED = """() => { const el = document.activeElement;
  return {cls: el.className, tip: getComputedStyle(el, '::before').content, text: el.textContent,
          visible: getComputedStyle(el, '::before').display !== 'none' && getComputedStyle(el, '::before').content !== 'none'}; }"""


@pytest.fixture(scope="module")
def corrected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("corrected-browser")
    site = folder / "site"
    build(BuildOptions(content=seed_with_corrections(folder / "content"), out=site))
    yield site


def test_each_marker_is_reached_by_keyboard_and_shows_its_reason_on_focus(corrected_site: Path, open_offline) -> None:
    page, log = open_offline((corrected_site / "articles" / f"{MEHR}.html").as_uri())
    assert log.problems() == [], log.problems()
    seen: list[dict] = []
    for _ in range(200):  # Tab through the page, as a keyboard user does
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if "corr-marker" in state["cls"]:
            seen.append(state)
        if len(seen) == 4:  # three in the text, then the one in the quotation table
            break
    assert len(seen) == 4, seen
    for state, reason in zip(seen, REASONS):
        assert state["visible"] and reason in state["tip"], state  # the tooltip shows on keyboard focus
        assert reason in state["text"]  # and the link's own text carries it, for screen readers
    assert REASONS[1] in seen[3]["tip"]


def test_a_marker_leads_to_its_entry_in_the_list(corrected_site: Path, open_offline) -> None:
    page, _ = open_offline((corrected_site / "articles" / f"{MEHR}.html").as_uri())
    page.locator(".body .corr-marker").nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#correction-2'")
    entry = page.locator("#correction-2")
    assert entry.is_visible() and REASONS[1] in entry.inner_text()
    box = entry.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_hovering_a_corrected_highlight_shows_the_correction(corrected_site: Path, open_offline) -> None:
    page, _ = open_offline((corrected_site / "articles" / f"{MEHR}.html").as_uri())
    highlight = page.locator(".body .hl.corrected").first
    highlight.hover()
    tip = highlight.evaluate("el => getComputedStyle(el, '::before').content")
    assert "editors' correction 3" in tip and REASONS[2] in tip


@pytest.mark.parametrize("width", [794, 390])
def test_the_reasons_are_printed_beside_the_markers_and_in_the_list(corrected_site: Path, open_offline, width: int) -> None:
    page, _ = open_offline((corrected_site / "articles" / f"{MEHR}.html").as_uri(), width=width)
    page.emulate_media(media="print")
    notes = page.eval_on_selector_all(
        ".body .corr-note", "els => els.map(e => ({text: e.innerText, w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height}))")
    assert len(notes) == 3
    for note, reason in zip(notes, REASONS):
        assert note["w"] > 50 and note["h"] > 5 and reason in note["text"], note
    tips = page.eval_on_selector_all(".corr-marker", "els => els.map(e => getComputedStyle(e, '::before').content)")
    assert set(tips) == {"none"}  # no tooltip on paper: the reason is printed instead
    listed = page.locator("#corrections").inner_text()
    assert all(reason in listed for reason in REASONS)
    assert page.pdf(format="A4").startswith(b"%PDF")


@pytest.mark.parametrize("path", [f"articles/{MEHR}.html", f"events/{EVENT}.html", "articles/rockets-hit-us-embassy-in-baghdad.html"])
def test_corrected_pages_pass_axe(corrected_site: Path, open_offline, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, log = open_offline((corrected_site / path).as_uri())
    assert log.problems() == [], log.problems()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        result = Axe().run(page, options={"preload": False})
        assert result.violations_count == 0, f"{path} ({scheme}):\n{result.generate_report()}"


def test_corrected_pages_are_valid_html(corrected_site: Path) -> None:
    pages = [corrected_site / "articles" / f"{MEHR}.html", corrected_site / "events" / f"{EVENT}.html"]
    run = subprocess.run(html_validator_command(ROOT, pages), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
