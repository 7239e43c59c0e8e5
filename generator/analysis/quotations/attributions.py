"""Attributed sources outside direct quotations: "X told AFP", "according to X", "X said (that)".

Why: much reporting is indirect speech, and named versus anonymous sourcing is
about those attributions as much as about direct quotations.
"""

from __future__ import annotations

import bisect
import re

from generator.analysis.quotations.cues import ACCORDING, TOLD
from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.marks import RawQuote, raw_quotations
from generator.analysis.quotations.name_shape import with_names
from generator.analysis.quotations.speakers import STATEMENT_BY, resolve
from generator.analysis.quotations.subjects import analyse_subject, walk_subject
from generator.analysis.results import ArticleText, Attribution, Quotation
from generator.analysis.text.tokens import at_word_boundary

_SAID_SAYS_TOLD = re.compile(r"(?:said|says|told)\b")
"""Without a leading \\b, which find_attributions tests itself: a pattern that starts with \\b is tried at every character."""


def find_attributions(text: ArticleText, quotations: tuple[Quotation, ...] = (), facts: TextFacts | None = None) -> tuple[Attribution, ...]:
    """Sources outside direct quotations, in text order. `facts`, if given, must be of this text (see TextFacts)."""
    body = text.text
    facts = TextFacts.of(text, facts)
    sentences = facts.sentences
    if quotations:
        quoted = sorted((q.start, q.end) for q in quotations)
    else:
        quoted = [(r.start, r.end) for r in raw_quotations(text)]
    qstarts = [s for s, _ in quoted]
    ctx, _ = facts.context([RawQuote(s, e) for s, e in quoted])

    def inside_quote(position: int) -> bool:
        k = bisect.bisect_right(qstarts, position) - 1
        return k >= 0 and quoted[k][0] <= position < quoted[k][1]

    def sentence_has_quote(k: int) -> bool:
        s, e = sentences[k]
        j = bisect.bisect_left(qstarts, e) - 1
        return j >= 0 and quoted[j][1] >= s

    found: list[Attribution] = []
    for m in _SAID_SAYS_TOLD.finditer(body):
        if not at_word_boundary(body, m.start()):
            continue  # the tail of a longer word, which no match can start inside
        k = sentences.index(m.start())
        if inside_quote(m.start()) or sentence_has_quote(k):
            continue
        start, phrase = walk_subject(body, sentences[k][0], m.start())
        if not phrase:
            continue
        who = resolve(analyse_subject(phrase), start, ctx, sentences, k)
        end = m.end()
        told = TOLD.match(body, m.start())
        if told:
            end = told.end()
        found.append(Attribution(start, end, who.key, who.anonymous, body[start:end], who.affiliation, who.kind))
    for m in STATEMENT_BY.finditer(body):
        if inside_quote(m.start()):
            continue
        k = sentences.index(m.start())
        who = resolve(analyse_subject(m.group("subj")), m.start(), ctx, sentences, k)
        found.append(Attribution(m.start(), m.end(), who.key, who.anonymous, body[m.start() : m.end()], who.affiliation, who.kind))
    # Every match holds "ccording"; without it the text is not searched, as the leading [Aa] is tried at every "a".
    for m in ACCORDING.finditer(body) if "ccording" in body else ():
        if inside_quote(m.start()):
            continue
        phrase = ((m.group("subj") or "") + m.group("rest").strip()).strip()
        k = sentences.index(m.start())
        who = resolve(analyse_subject(phrase), m.start(), ctx, sentences, k)
        found.append(Attribution(m.start(), m.end(), who.key, who.anonymous, body[m.start() : m.end()].strip(), who.affiliation, who.kind))
    return with_names(tuple(sorted(found, key=lambda a: a.start)), lambda: facts.names)
