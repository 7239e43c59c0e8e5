"""The words of quantities: number words and their values, plural nouns, and quantities written as prose.

Shared by the number finder (`numbers`) and the pages and sentences that print its figures.
"""

from __future__ import annotations

from collections.abc import Iterable
import re

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_INVARIANT = frozenset(
    "personnel people police staff aircraft sheep fish data media military times percent police "
    "children men women dollars euros pounds casualties troops series species".split()
)
CURRENCY = {"$": "us dollars", "€": "euros", "£": "pounds"}
"""Currency signs and the counted noun a figure after one counts."""
_SPACES = re.compile(r"\s+")


def word_value(word: str) -> float:
    """"twenty-five" -> 25, "a dozen" -> 12."""
    lowered = _SPACES.sub(" ", word.lower())
    if lowered in ("a dozen", "dozen"):
        return 12.0
    if "-" in lowered:
        tens, unit = lowered.split("-", 1)
        return float(TENS[tens] + UNITS[unit])
    return float(TENS.get(lowered) or UNITS[lowered])


def value_of(number: str) -> float:
    """"5,000" -> 5000, "eight" -> 8."""
    if number[0].isdigit():
        return float(number.replace(",", ""))
    return word_value(number)


def pluralise(word: str) -> str:
    """English plural of a counted noun, enough for news counts (soldier -> soldiers, casualty -> casualties)."""
    if word in _INVARIANT or word.endswith(("s", "people")):
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh", "z")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("fe"):
        return word[:-2] + "ves"
    return word + "s"


def is_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in _INVARIANT or (lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")))


_SCALE_WORDS = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
_CURRENCY_SIGNS = {name: sign for sign, name in CURRENCY.items()}
_CURRENCY_AS_WRITTEN = {"us dollars": "US dollars"}
"""How a currency's counted noun is written for readers; the others are written as they are."""


def counted_as_written(counted: str, surfaces: Iterable[str]) -> str:
    """A counted noun (case-folded) as the articles write it: the first surface that holds it gives its
    capitals ("Syrian refugees" from "250,000 Syrian refugees"); a currency has its own spelling."""
    if counted in _CURRENCY_AS_WRITTEN:
        return _CURRENCY_AS_WRITTEN[counted]
    for surface in surfaces:
        found = surface.casefold().find(counted)
        if found >= 0 and len(surface.casefold()) == len(surface):
            return surface[found : found + len(counted)]
    return counted


def quantity_words(value: float, counted: str = "") -> str:
    """A value as news prose writes it, so no reader meets 11,700,000,000,000: 8 -> "8", 5000 -> "5,000",
    19e6 -> "19 million", and with a currency's counted noun 1.17e13 -> "$11.7 trillion"."""
    sign = _CURRENCY_SIGNS.get(counted.casefold(), "")
    magnitude = abs(value)
    for word, scale in _SCALE_WORDS:
        if magnitude >= scale:
            return f"{sign}{_plain(value / scale)} {word}"
    return sign + _plain(value)


def _plain(value: float) -> str:
    """At most two decimals, without trailing zeros; thousands separated by commas."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def is_currency(counted: str) -> bool:
    """Whether a counted noun is a currency that numbers here are read with ("us dollars" after "$")."""
    return counted.casefold() in _CURRENCY_SIGNS
