"""WCAG AA contrast (4.5:1) of highlight colours against the text, in the light and dark schemes and in print.

The colours come from where the site takes them: the category palette in
generator/render/stylesheet.py, and the custom properties in
templates/assets/style.css (`:root` and its dark-scheme block) and print.css.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.stylesheet import PALETTE

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "templates" / "assets"
AA = 4.5


def luminance(colour: str) -> float:
    """Relative luminance of #rgb or #rrggbb (WCAG 2.x)."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def custom_properties(css: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", css))


def scheme_variables() -> dict[str, dict[str, str]]:
    """{'light': {...}, 'dark': {...}, 'print': {...}} from style.css and print.css."""
    style = (ASSETS / "style.css").read_text(encoding="utf-8")
    dark_block = re.search(r"@media \(prefers-color-scheme: dark\)\s*\{(.*?)\}\s*\}", style, re.S)
    assert dark_block, "style.css has no dark-scheme block"
    light_block = style[: dark_block.start()]
    light = custom_properties(light_block)
    dark = {**light, **custom_properties(dark_block.group(1))}
    printed = {**light, **custom_properties((ASSETS / "print.css").read_text(encoding="utf-8"))}
    return {"light": light, "dark": dark, "print": printed}


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey


def highlight_pairs() -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every colour pair a highlight puts on screen."""
    variables = scheme_variables()
    pairs = []
    for index, (bg_light, bg_dark, line_light, line_dark) in enumerate(PALETTE):
        for scheme, fill, line in (("light", bg_light, line_light), ("dark", bg_dark, line_dark)):
            v = variables[scheme]
            pairs += [
                (f"palette {index} {scheme}: text on highlight fill", v["fg"], fill),
                (f"palette {index} {scheme}: link text on highlight fill", v["link"], fill),
                (f"palette {index} {scheme}: letter marker on highlight fill", line, fill),
                (f"palette {index} {scheme}: letter marker on page (quotations)", line, v["bg"]),
                (f"palette {index} {scheme}: letter marker on legend panel", line, v["panel"]),
            ]
    return pairs


@pytest.mark.parametrize("what,foreground,background", [pytest.param(*pair, id=pair[0]) for pair in highlight_pairs()])
def test_highlight_colours_keep_aa_contrast(what: str, foreground: str, background: str) -> None:
    ratio = contrast(foreground, background)
    assert ratio >= AA, f"{what}: {foreground} on {background} is {ratio:.2f}:1, below {AA}:1"


@pytest.mark.parametrize("scheme", ["light", "dark", "print"])
def test_page_text_keeps_aa_contrast(scheme: str) -> None:
    v = scheme_variables()[scheme]
    for foreground, background in (("fg", "bg"), ("fg", "panel"), ("muted", "bg"), ("muted", "panel"), ("bg", "fg")):
        ratio = contrast(v[foreground], v[background])
        assert ratio >= AA, f"{scheme}: --{foreground} {v[foreground]} on --{background} {v[background]} is {ratio:.2f}:1"
    if scheme != "print":
        assert contrast(v["link"], v["bg"]) >= AA
        assert contrast(v["fg"], v["notice-bg"]) >= AA


def test_print_drops_highlight_fills_and_prints_markers_in_black() -> None:
    """On paper, category is told by underline style and letter; fills would turn grey in black and white."""
    printed = (ASSETS / "print.css").read_text(encoding="utf-8")
    assert re.search(r"\.hl\s*\{[^}]*background:\s*none\s*!important", printed)
    assert re.search(r"\.hl::after\s*\{[^}]*color:\s*#000\b", printed)
    v = scheme_variables()["print"]
    assert contrast(v["fg"], v["bg"]) >= 7.0
