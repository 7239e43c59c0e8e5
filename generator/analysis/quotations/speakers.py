"""Speakers: turn a cue's subject into who is speaking, with whether they are anonymous and their affiliation.

- A name is normalised to the longest full name in the article that ends with it.
- A pronoun ("he added") or a definite title ("the U.S. president") refers to the
  person named last, outside quotations, before the cue.
- "The statement said" resolves to the issuer named in the same or the two previous
  sentences ("X issued a statement", "a statement by X").
- An institution speaks for itself; "a security source", "officials" are anonymous.
Rules for how a speaker is named (house styles, organisations as speakers, how
sure an attribution is) belong here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.analysis.quotations.names import NamePool, affiliation_before, canonical_name
from generator.analysis.quotations.subjects import Subject, analyse_subject, strip_article, walk_subject
from generator.analysis.text.sentences import Sentences

STATEMENT_ISSUED = re.compile(r"\b(?:issued|released|put\s+out|published)\s+(?:a|an)\s+(?:\w+\s+)?statement\b")
STATEMENT_BY = re.compile(r"statement(?<!\wstatement)\s+(?:by|from)\s+(?P<subj>(?:the\s+)?[A-Z](?:[^,.;:“”\"]|\.(?=\w|\s[a-z])){1,80}?)(?=\s+(?:earlier|on|said|says|late|this|last|yesterday|today)\b|[,.;:])")
_ISSUER_SENTENCES = 3
_ISSUER_WINDOW = 1000
"""How far back, in sentences and characters, the issuer of "the statement" is looked for."""


@dataclass(frozen=True)
class Context:
    """What resolving a subject needs from the whole article: its text, its names and where people are named."""

    text: str
    pool: NamePool
    mention_positions: tuple[int, ...]
    mention_names: tuple[str, ...]
    affiliations: dict[str, str | None]  # memo for this article only (TextFacts.affiliations)

    def affiliation_of(self, name: str) -> str | None:
        if name not in self.affiliations:
            self.affiliations[name] = affiliation_before(self.text, name)
        return self.affiliations[name]


def last_person_before(ctx: Context, position: int, not_before: int = 0) -> str | None:
    """The person named last before `position` (and not before `not_before`), outside quotations."""
    k = bisect.bisect_left(ctx.mention_positions, position) - 1
    if k >= 0 and ctx.mention_positions[k] >= not_before:
        return ctx.mention_names[k]
    return None


def _statement_issuer(text: str, before: int, sentences: Sentences, sentence_index: int) -> Subject | None:
    """Who issued "the statement": "X issued a statement" or "a statement by X" in the previous sentences."""
    floor = max(0, before - _ISSUER_WINDOW)
    for index in range(sentence_index, max(-1, sentence_index - _ISSUER_SENTENCES), -1):
        s, e = sentences[index]
        s, e = max(s, floor), min(e, before)
        if s >= e:
            continue
        for m in STATEMENT_ISSUED.finditer(text, s, e):
            _, phrase = walk_subject(text, s, m.start())
            if phrase:
                return analyse_subject(phrase)
        m = STATEMENT_BY.search(text, s, e)
        if m:
            return analyse_subject(m.group("subj"))
    return None


def resolve(subject: Subject, cue_position: int, ctx: Context, sentences: Sentences, sentence_index: int) -> tuple[str | None, bool, str | None]:
    """(speaker key, anonymous, affiliation) for a subject phrase."""
    if subject.name:
        key = canonical_name(subject.name, ctx.pool)
        return key, False, subject.affiliation or ctx.affiliation_of(key)
    if subject.refers_back:
        key = last_person_before(ctx, cue_position)
        return key, False, (ctx.affiliation_of(key) if key else None)
    lowered = subject.phrase.lower()
    if lowered.endswith("statement") and not subject.institution or lowered in ("the statement", "a statement", "statement"):
        issuer = _statement_issuer(ctx.text, cue_position, sentences, sentence_index)
        if issuer is not None:
            if issuer.name:
                key = canonical_name(issuer.name, ctx.pool)
                return key, False, issuer.affiliation
            if issuer.institution:
                return issuer.institution, issuer.anonymous, issuer.affiliation
            return strip_article(issuer.phrase), issuer.anonymous, None
        return None, False, None
    if subject.institution:
        return subject.institution if not subject.anonymous else strip_article(subject.phrase), subject.anonymous, subject.affiliation
    return strip_article(subject.phrase) if subject.phrase else None, subject.anonymous, None
