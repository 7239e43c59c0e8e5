"""Print: every piece of text on the page keeps AA contrast on paper, whatever the reader's colour scheme,
and the comparison prints as two columns on A4."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = ("events/baghdad-embassy-rocket-attacks.html", "articles/rockets-hit-us-embassy-in-baghdad.html", "index.html")

LOW_CONTRAST_JS = """() => {
  const parse = c => { const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(/[ ,\\/]+/).map(Number.parseFloat);
                       return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                                                                        if (c.a > 0) return c; }
                             return {r: 255, g: 255, b: 255, a: 1}; };
  const low = [];
  let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (el instanceof SVGElement || !el.getClientRects().length) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const fg = parse(getComputedStyle(el).color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    checked += 1;
    if (ratio < 4.5) low.push(`${el.tagName.toLowerCase()}.${el.className}: ${getComputedStyle(el).color} on ${getComputedStyle(el).backgroundColor} = ${ratio.toFixed(2)}`);
  }
  return {checked, low: low.slice(0, 20)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_text_keeps_aa_contrast_in_either_scheme(site: Path, open_offline, scheme: str) -> None:
    for path in PAGES:
        page, _ = open_offline((site / path).as_uri(), color_scheme=scheme)
        page.emulate_media(media="print", color_scheme=scheme)
        result = page.evaluate(LOW_CONTRAST_JS)
        assert result["checked"] > 20, (path, result)
        assert result["low"] == [], f"{path} printed with a {scheme} system scheme: {result['low']}"
        # highlights print without fills, so they stay distinct in black and white by underline and letter
        fills = page.eval_on_selector_all(".hl:not(.swatch)", "els => els.map(e => getComputedStyle(e).backgroundColor)")
        assert set(fills) <= {"rgba(0, 0, 0, 0)"}, (path, set(fills))
        assert fills or path == "index.html", path


def test_the_comparison_prints_side_by_side_on_a4(site: Path, open_offline) -> None:
    page, _ = open_offline((site / PAGES[0]).as_uri(), width=794)  # A4 at 96 dpi
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all("[data-outlet]", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    assert len(boxes) == 2
    assert boxes[0]["top"] == boxes[1]["top"] and boxes[0]["right"] <= boxes[1]["left"], boxes
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
