"""Per-category CSS, generated from the lexicon so user-defined categories get styles too.

Each category gets a colour (light and dark scheme, each keeping WCAG AA contrast
with the text colour), an underline style and a letter marker, so categories are
told apart without colour, in print and by colour-blind readers.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Category

# (light background, dark background, underline colour light, underline colour dark)
PALETTE = (
    ("#ffd9d9", "#5c1a1a", "#a30d0d", "#ff9b9b"),
    ("#ffe9b8", "#574000", "#8a5a00", "#ffd36b"),
    ("#e6dcff", "#3b2b6e", "#5a35b5", "#c7b5ff"),
    ("#ffd6ee", "#5c1a41", "#a0196a", "#ff9fd6"),
    ("#d3ecff", "#123f5c", "#0b5c94", "#93ccff"),
    ("#ffe0c9", "#5c2e0f", "#9a4a10", "#ffb27a"),
    ("#d8f5d8", "#1b4d1b", "#1f6e1f", "#92e092"),
    ("#e8e8e8", "#404040", "#4d4d4d", "#cfcfcf"),
)
UNDERLINES = ("solid", "double", "dotted", "dashed", "wavy")


def markers(categories: Sequence[Category]) -> dict[str, str]:
    """A distinct letter per category, from its label where possible."""
    taken: set[str] = set()
    chosen: dict[str, str] = {}
    for category in categories:
        candidates = [ch.upper() for ch in category.label if ch.isalpha()] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        letter = next((c for c in candidates if c not in taken), "?")
        taken.add(letter)
        chosen[category.id] = letter
    return chosen


def category_css(categories: Sequence[Category]) -> str:
    letters = markers(categories)
    rules = ["/* Generated from the lexicon's categories by Framing Digest. */"]
    for index, category in enumerate(categories):
        light, dark, line_light, line_dark = PALETTE[index % len(PALETTE)]
        underline = UNDERLINES[index % len(UNDERLINES)]
        cls = f".c-{category.id}"
        rules.append(
            f"{cls} {{ --hl-bg: {light}; --hl-line: {line_light}; --hl-style: {underline}; }}\n"
            f"@media (prefers-color-scheme: dark) {{ {cls} {{ --hl-bg: {dark}; --hl-line: {line_dark}; }} }}\n"
            f'.hl{cls}::after {{ content: "{letters[category.id]}"; }}\n'
            f"body:has(#toggle-{category.id}:not(:checked)) .hl{cls}, body.hide-{category.id} .hl{cls} "
            "{ background: none; outline: none; text-decoration: none; color: inherit; }\n"
            f"body:has(#toggle-{category.id}:not(:checked)) .hl{cls}::after, body.hide-{category.id} .hl{cls}::after "
            "{ content: none; }"
        )
    return "\n".join(rules) + "\n"


# Chart fills for outlets: (light scheme, dark scheme), distinguishable in grey too by lightness
OUTLET_FILLS = (("#1f5fa8", "#7fb6f5"), ("#b85a00", "#ffb066"), ("#2e7d32", "#8fd694"), ("#7b3fa0", "#d1a3f0"), ("#8a1c1c", "#f59a9a"), ("#4d4d4d", "#c8c8c8"))


def outlet_css(outlet_ids: Sequence[str]) -> str:
    """Chart colours per outlet; quotations are drawn as the same colour, hatched by lower opacity and an outline."""
    rules = []
    for index, outlet_id in enumerate(outlet_ids):
        light, dark = OUTLET_FILLS[index % len(OUTLET_FILLS)]
        rules.append(
            f".bar.outlet-{outlet_id} {{ fill: {light}; stroke: {light}; }}\n"
            f"@media (prefers-color-scheme: dark) {{ .bar.outlet-{outlet_id} {{ fill: {dark}; stroke: {dark}; }} }}"
        )
    rules.append(".bar.voice-quotation { fill-opacity: .35; stroke-width: 1.5; stroke-dasharray: 3 2; }")
    return "\n".join(rules) + "\n"
