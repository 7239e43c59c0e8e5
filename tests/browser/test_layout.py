"""Screenshots at phone and desktop widths, and the event columns' layout measured from element positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.support import SCREENSHOTS

WIDTHS = {"phone": 390, "desktop": 1280}
PAGES = {
    "front": "index.html",
    "article": "articles/iran-rejects-us-accusation-over-green-zone-attack.html",
    "event": "events/baghdad-embassy-rocket-attacks.html",
}
BOXES_JS = "els => els.map(e => { const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width}; })"


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
def test_screenshots_are_written(site: Path, open_offline, width_name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for page_name, path in PAGES.items():
        page, log = open_offline((site / path).as_uri(), width=WIDTHS[width_name], height=900)
        target = SCREENSHOTS / f"{page_name}-{width_name}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000, target
        assert log.problems() == [], log.problems()


PHONE_PAGES = (
    "index.html",
    "search.html",
    "articles/iran-rejects-us-accusation-over-green-zone-attack.html",
    "events/baghdad-embassy-rocket-attacks.html",
    "outlets/mehr.html",
    "method.html",
)


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_nothing_scrolls_sideways_on_a_phone(site: Path, open_offline, path: str) -> None:
    page, _ = open_offline((site / path).as_uri(), width=WIDTHS["phone"])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path}: {overflow}px wider than a phone screen"


def test_event_columns_side_by_side_on_desktop_and_stacked_on_a_phone(site: Path, open_offline) -> None:
    url = (site / PAGES["event"]).as_uri()
    page, _ = open_offline(url, width=WIDTHS["desktop"])
    desktop = page.eval_on_selector_all("[data-outlet]", BOXES_JS)
    assert len(desktop) == 2, desktop
    assert desktop[0]["top"] == desktop[1]["top"], desktop
    assert desktop[0]["left"] != desktop[1]["left"], desktop
    assert desktop[0]["left"] + desktop[0]["width"] <= desktop[1]["left"], desktop

    page, _ = open_offline(url, width=WIDTHS["phone"])
    phone = page.eval_on_selector_all("[data-outlet]", BOXES_JS)
    assert len(phone) == 2, phone
    assert phone[0]["left"] == phone[1]["left"], phone
    assert phone[0]["top"] < phone[1]["top"], phone
    assert all(box["width"] <= WIDTHS["phone"] for box in phone), phone
