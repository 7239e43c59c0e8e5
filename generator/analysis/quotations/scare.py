"""Scare quotes: a quotation of 1–4 words used as a label inside the outlet's own sentence.

A quotation is a scare quote when it is not a sentence of its own and there are
words of its sentence before it or after it, unless it is speech introduced by a
cue that runs to the end of the sentence ("he said, “No.”") or followed by an
attribution ("“Unacceptable,” he said"). Its `Match` spans the marks too.
"""

from __future__ import annotations

import re

from generator.analysis.quotations.cues import VERB_ALTERNATION, cue_after
from generator.analysis.quotations.marks import mark_width, opening_mark_start
from generator.analysis.results import ArticleText, Match, Quotation
from generator.analysis.text.sentences import Sentences, article_sentences
from generator.analysis.text.tokens import has_word

MAX_SCARE_QUOTE_WORDS = 4
_SENTENCE_PUNCT = re.compile(r"[.!?]$")
_CLAUSE_PUNCT = re.compile(r"[,.!?]$")
_INTRO_BEFORE = re.compile(rf"\b(?:{VERB_ALTERNATION})(?:\s+(?:that|this))?\s*[,:]?\s*$")
_INTRO_WINDOW = 80
"""How far before the opening mark a speech verb introducing the quotation is looked for."""
_MARKS = "\"“”‘’«»'"


def is_scare_quote(q: Quotation, text: ArticleText, sentences: Sentences | None = None) -> bool:
    """A 1–4 word quotation used as a label inside the outlet's own sentence (rules in the module docstring).

    `sentences` are the article's (article_sentences), worked out here if not given."""
    if not 1 <= q.words <= MAX_SCARE_QUOTE_WORDS:
        return False
    body = text.text
    inner = q.text.strip()
    if "\n" in inner:
        return False
    if inner[:1].isupper() and _CLAUSE_PUNCT.search(inner) and q.words > 1:
        return False
    if inner[:1].isupper() and _SENTENCE_PUNCT.search(inner) and q.words > 1 and not body[q.end + 1 : q.end + 2].isalnum():
        before = body[max(0, q.start - 3) : q.start - 1].strip()
        if before in ("", ".", ":", ",") or before.endswith((".", ":", ",")):
            return False
    if sentences is None:
        sentences = article_sentences(text)
    sentence_start = min(sentences[sentences.index(q.start - 1)][0], q.start - 1)
    sentence_end = max(sentences[sentences.index(q.end)][1], q.end + 1)
    words_before = has_word(body, sentence_start, q.start - 1)
    words_after = has_word(body, q.end + 1, sentence_end)
    if not words_before and not words_after:
        return False
    if inner.endswith(",") and words_after and cue_after(body, q.end, sentence_end) is not None:
        return False
    if not words_after and _introduced(body, sentence_start, q.start - 1) and (_last_mark_before(body, sentence_start, q.start - 1) in (",", ":") or inner[:1].isupper()):
        return False
    if not words_before and cue_after(body, q.end, sentence_end) is not None:
        return False
    return True


def _last_mark_before(body: str, floor: int, end: int) -> str:
    """The last character of body[floor:end] that is not white space ("" if none), without copying the sentence."""
    while end > floor and body[end - 1].isspace():
        end -= 1
    return body[end - 1] if end > floor else ""


def _introduced(body: str, sentence_start: int, open_mark: int) -> bool:
    """Whether a speech verb (and "that"/"this", a comma or colon) ends the sentence before the opening mark."""
    return _INTRO_BEFORE.search(body, max(sentence_start, open_mark - _INTRO_WINDOW), open_mark) is not None


def find_scare_quotes(text: ArticleText, quotations: tuple[Quotation, ...], sentences: Sentences | None = None) -> tuple[Match, ...]:
    """The quotations find_quotations took for scare quotes (`use == "scare"`), as lexicon-style matches whose
    span includes the marks (`''` is two characters). Only quotations closed by a mark count: an unclosed quote
    at the end of a text has no closing mark to include. `sentences` is accepted for callers that pass it."""
    body = text.text
    found = []
    for q in quotations:
        if q.use != "scare" or q.start < 1 or q.end >= len(body):
            continue
        opening = opening_mark_start(body, q.start)
        if body[opening] in _MARKS and body[q.end] in _MARKS:
            found.append(Match(start=opening, end=q.end + mark_width(body, q.end), entry="scare-quote", category="scare_quotes"))
    return tuple(found)
