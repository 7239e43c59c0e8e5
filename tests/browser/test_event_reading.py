"""The event page on a phone and a wide screen, measured in Chromium: what a reader sees first, how long the page
is, whether its charts and labels can be read, and whether every figure sits where it belongs.

Run on the seed event and on the six-outlet event written for the tests (tests/fixtures/assembled)."""

from __future__ import annotations

from pathlib import Path

import pytest

PHONE = (390, 844)
WIDE = (1280, 900)
MAX_PHONE_HEIGHT = 16_000
"""Pixels: the seed page was 28,000 px tall on a phone and a six-outlet event's 37,000 before texts were collapsed."""
EVENTS = {
    "seed": ("site", "events/baghdad-embassy-rocket-attacks.html"),
    "six outlets": ("assembled_site", "events/northland-flood-relief-vote.html"),
}

MEASURE_JS = """() => {
  const top = el => el ? el.getBoundingClientRect().top + window.scrollY : null;
  const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {id: svg.id, width: box.width, smallest: Math.min(...sizes), texts: sizes.length};
  });
  return {glance: top(document.getElementById('glance')), toc: top(document.querySelector('nav.toc')),
          notice: top(document.querySelector('.incident-notice')), texts: top(document.getElementById('texts')),
          height: document.documentElement.scrollHeight, charts};
}"""
OPEN_ALL_JS = "() => { document.querySelectorAll('details').forEach(d => d.open = true); return document.documentElement.scrollHeight; }"
MARKERS_JS = """() => [...document.querySelectorAll('a.shared-marker')].map(marker => {
  const before = marker.previousSibling ? marker.previousSibling.textContent : '';
  const after = marker.nextSibling ? marker.nextSibling.textContent : '';
  return {before: before.slice(-1), after: after.slice(0, 1)};
})"""
COLUMNS_JS = """() => {
  const table = document.getElementById('profile-table');
  const heads = [...table.tHead.rows[1].cells].map(c => c.getBoundingClientRect());
  const outlets = [...table.tHead.rows[0].cells].slice(1).map(c => c.getBoundingClientRect());
  const misplaced = [];
  for (const row of table.tBodies[0].rows) {
    [...row.cells].slice(1).forEach((cell, index) => {
      const box = cell.getBoundingClientRect(), centre = box.left + box.width / 2, head = heads[index];
      const outlet = outlets[Math.floor(index / 2)];
      if (!(head.left <= centre && centre <= head.right && outlet.left <= centre && centre <= outlet.right))
        misplaced.push(row.cells[0].textContent + ' #' + index);
    });
  }
  return {misplaced, cells: table.tBodies[0].rows.length * heads.length, heads: heads.length, outlets: outlets.length};
}"""


@pytest.fixture(params=list(EVENTS), ids=list(EVENTS))
def event_url(request) -> str:
    fixture, path = EVENTS[request.param]
    return (request.getfixturevalue(fixture) / path).as_uri()


def test_at_a_glance_starts_within_the_first_screen_and_a_half_after_a_table_of_contents(event_url: str, open_offline) -> None:
    page, log = open_offline(event_url, *PHONE)
    found = page.evaluate(MEASURE_JS)
    assert found["glance"] is not None and found["glance"] <= 1.5 * PHONE[1], found
    assert found["toc"] is not None and found["toc"] < found["glance"] < found["texts"], found
    if found["notice"] is not None:
        assert found["notice"] < found["toc"], found  # the incident notice stays first
    assert len(page.query_selector_all(".at-a-glance > ul > li")) <= 7
    assert log.problems() == [], log.problems()


def test_charts_fill_the_column_and_their_labels_are_readable(event_url: str, open_offline) -> None:
    for (width, height), least in ((PHONE, 300), (WIDE, 400)):
        page, _ = open_offline(event_url, width, height)
        charts = page.evaluate(MEASURE_JS)["charts"]
        assert {c["id"] for c in charts} >= {"profile-chart"}, charts
        for chart in charts:
            assert chart["width"] >= least, (width, chart)
            assert chart["texts"] > 3 and chart["smallest"] >= 12, (width, chart)


def test_texts_are_collapsed_after_their_lead_and_the_page_is_short(event_url: str, open_offline) -> None:
    page, _ = open_offline(event_url, *PHONE)
    collapsed = page.evaluate(MEASURE_JS)["height"]
    read_on = page.query_selector_all("details.read-on")
    assert read_on, "every full text longer than its lead has a control to read on"
    assert all(not d.evaluate("d => d.open") for d in read_on)
    rest = read_on[0].query_selector(".body")
    assert not rest.is_visible()
    opened = page.evaluate(OPEN_ALL_JS)
    assert rest.is_visible()
    assert collapsed < opened and collapsed <= MAX_PHONE_HEIGHT, (collapsed, opened)


def test_read_on_works_without_javascript(chromium_browser, request) -> None:
    fixture, path = EVENTS["six outlets"]
    url = (request.getfixturevalue(fixture) / path).as_uri()
    context = chromium_browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, java_script_enabled=False)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    try:
        page = context.new_page()
        page.goto(url)
        details = page.query_selector("details.read-on")
        body = details.query_selector(".body")
        assert not body.is_visible()
        details.query_selector("summary").click()
        assert body.is_visible()
        more = page.query_selector("details.more-differences")
        if more is not None:
            more.query_selector("summary").click()
            assert more.query_selector("li").is_visible()
    finally:
        context.close()


def test_no_marker_sits_between_a_quotation_mark_and_its_words(site: Path, open_offline) -> None:
    page, _ = open_offline((site / EVENTS["seed"][1]).as_uri(), *WIDE)
    page.evaluate(OPEN_ALL_JS)
    markers = page.evaluate(MARKERS_JS)
    assert markers, "the seed event has shared passages"
    for marker in markers:
        assert not (marker["before"] in "“‘\"'" and marker["before"] and marker["after"].strip()), marker


def test_every_profile_figure_sits_under_its_outlet_and_voice(event_url: str, open_offline) -> None:
    for width, height in (PHONE, WIDE):
        page, _ = open_offline(event_url, width, height)
        page.evaluate(OPEN_ALL_JS)
        found = page.evaluate(COLUMNS_JS)
        assert found["heads"] == 2 * found["outlets"] and found["cells"] > 0, found
        assert found["misplaced"] == [], found


def test_collapsed_texts_print_in_full(site: Path, open_offline) -> None:
    page, _ = open_offline((site / EVENTS["seed"][1]).as_uri(), 794, 1123)
    rest = page.query_selector("details.read-on .body")
    assert not rest.is_visible()
    page.emulate_media(media="print")
    assert rest.is_visible()
    assert not page.query_selector("details.read-on > summary").is_visible()


OVERLAP_JS = """() => {
  const overlaps = [];
  let tables = 0, wide = 0;
  for (const row of document.querySelectorAll('.table-row')) {
    const boxes = [...row.children].filter(t => t.tagName === 'TABLE' && t.getClientRects().length).map(t => t.getBoundingClientRect());
    tables += boxes.length;
    wide += boxes.filter(b => b.right > document.documentElement.clientWidth + 1).length;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        overlaps.push([row.closest('section').id || row.closest('section').getAttribute('aria-labelledby'), i, i + 1 + j]);
    }));
  }
  return {tables, overlaps, wide};
}"""


def test_tables_side_by_side_never_overlap_or_leave_the_page(event_url: str, open_offline) -> None:
    """Who-gets-quoted tables sit side by side on a wide screen: with five or six outlets they wrapped into
    each other's columns when a table was wider than its grid track."""
    for width, height in (PHONE, WIDE, (1024, 768)):
        page, _ = open_offline(event_url, width, height)
        found = page.evaluate(OVERLAP_JS)
        assert found["tables"] >= 2 and found["overlaps"] == [] and found["wide"] == 0, (width, found)
