"""The claims invariants of an event's comparison, checked against the articles' own texts.

Shared by the assembled events' tests and the gauntlet over real news:
- every actor label occurs in its outlet's text, inside one sentence of an article it is credited to,
  and no actor is named by an epithet;
- no numeric claim is a year, a rank or an age, and every claim's surface is in its article's text;
- every summary sentence's figures are the event JSON's (`summary_check`), and at most seven lead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.analysis.actors.mentions import EPITHET_WORDS
from generator.analysis.results import ArticleAnalysis
from generator.analysis.text.sentences import article_sentences

_RANK_OR_AGE = re.compile(r"(?i:\b(?:nos?\.?|number|rank(?:ed)?|aged|age)\s+)$")


def _unified(text: str) -> str:
    return text.replace("’", "'")


def check_actor_labels(actors: list[dict], analyses: Mapping[str, ArticleAnalysis], outlet_of: Mapping[str, str]) -> int:
    """Assert the actor invariants over an event JSON's `actors`; returns how many labels were checked."""
    checked = 0
    for actor in actors:
        first = actor["actor"].split(" ")[0].rstrip("'’").casefold()
        assert first not in EPITHET_WORDS or actor["source"] == "alias_table", actor["actor"]
        for cell in actor["outlets"]:
            for label in cell["labels"]:
                assert label["articles"], label
                wanted = _unified(label["text"])
                assert "\n" not in label["text"], label
                for slug in label["articles"]:
                    assert outlet_of[slug] == cell["outlet"], (label, slug)
                    analysis = analyses[slug]
                    text = analysis.text.text
                    sentences = [_unified(text[start:end]) for start, end in article_sentences(analysis.text).bounds]
                    assert any(wanted in sentence for sentence in sentences), (actor["actor"], cell["outlet"], label["text"])
                checked += 1
    return checked


def check_numbers(analyses: Mapping[str, ArticleAnalysis]) -> int:
    """Assert that no claim is a year, a rank or an age and that each is the article's own text."""
    checked = 0
    for analysis in analyses.values():
        text = analysis.text.text
        for claim in analysis.numbers:
            assert text[claim.start : claim.end] == claim.surface, claim
            digits = re.search(r"\d[\d,.]*", claim.surface)
            if digits and re.fullmatch(r"\d{4}", digits.group(0)):
                assert not 1800 <= int(digits.group(0)) <= 2100, claim  # a year, not a count
            assert not _RANK_OR_AGE.search(text[max(0, claim.start - 10) : claim.start]), claim
            assert not re.match(r"[\s-]+years?[\s-]+old\b", text[claim.end : claim.end + 12]), claim
            checked += 1
    return checked
