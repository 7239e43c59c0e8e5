"""Speakers read from the sentence around a quotation that no cue beside it attributes (rules of `direct`).

Why apart: these rules read the sentence's grammar rather than a cue, and most of them are less sure: an
"as" clause right before the quotation names its source (COLON); the holder of a view ("Critics believe it
is a “…”"), the sentence's own subject when that is a person the article names ("subject of the
sentence") and a named reporter of a clause whose own speech verb names no one ("Lee said voters will say
“no”": "reports the words") are shown as uncertain (PREVIOUS_SENTENCE), and counted nowhere downstream.
"""

from __future__ import annotations

import bisect
import re

from generator.analysis.quotations.lead import lead_subject
from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.marks import RawQuote, quotes_like_a_headline
from generator.analysis.quotations.speakers import Context, Speaker, capped, resolve
from generator.analysis.quotations.subjects import analyse_subject, walk_subject
from generator.analysis.quotations.uses import CUE, SENTENCE

COLON = 0.9
"""A colon or an "as" clause that introduces the quotation."""
PREVIOUS_SENTENCE = 0.6
"""Below results.CONFIDENT: shown, but as uncertain, and not counted as who was quoted."""
_WINDOW = 120
"""How far before the opening mark an "as" clause is looked for: near it, and never a rescan of a long sentence."""


def in_headline_or_deck(facts: TextFacts, raw: RawQuote) -> bool:
    """Whether a quotation stands in the headline or in the deck right after it (marks.quotes_like_a_headline)."""
    blocks = facts.text.blocks
    index = bisect.bisect_right([b.start for b in blocks[:2]], raw.start) - 1
    return 0 <= index < 2 and raw.end <= blocks[index].end and quotes_like_a_headline(facts.text, index)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")


def verb_without_subject(body: str, sentence_start: int, verb: tuple[int, int]) -> bool:
    """Whether a speech verb has no subject of its own before it (a participle, a verb after "and" or a
    description), so that it is the sentence's subject's; not a passive ("was asked by …") nor an infinitive."""
    _, phrase = walk_subject(body, sentence_start, verb[0])
    if phrase or body[max(sentence_start, verb[0] - 3) : verb[0]] == "to ":
        return False  # "urged reporters to say “…”": an infinitive's speaker may be the object
    return _PASSIVE_BEFORE.search(body, max(sentence_start, verb[0] - 16), verb[0]) is None


def person_subject(body: str, ctx: Context, facts: TextFacts, sentence_index: int, open_mark: int) -> tuple[Speaker, str] | None:
    """A quoted phrase inside a sentence that no cue attributes, whose subject is a person the article names
    elsewhere ("Trump invited Russia to find the “missing” emails"): most often the subject's words, but the
    sentence says so only by its sense, so the speaker is shown as uncertain (PREVIOUS_SENTENCE)."""
    sentence_start = facts.sentences[sentence_index][0]
    lead = lead_subject(body, sentence_start, open_mark)
    if lead is None or not lead.subject.name or not ctx.names_person(lead.subject.name):
        return None
    who = resolve(lead.subject, lead.start, ctx, facts.sentences, sentence_index, "subject of the sentence")
    if not who.key or who.kind != "person":
        return None
    return capped(who, PREVIOUS_SENTENCE), body[lead.start : lead.end]


_AS_VERB = re.compile(r"\b[Aa]s\s+(?P<rest>[^,;:“”\"\n]{1,80}?)\s+(?P<verb>[a-z]{3,}(?:ed|s))(?:\s+(?:out|it|up|earlier|then|later))?,?\s*$")
"""A source named in an "as" clause before the quotation: "as The Hill pointed out, “…”", "As Lee noted, “…”"."""


def as_source(body: str, ctx: Context, facts: TextFacts, sentence_index: int, sentence_start: int, open_mark: int) -> tuple[Speaker, str, str] | None:
    """The subject of an "as" clause that ends right before the quotation ("But as The Hill pointed out, “…”"):
    the clause says whose words follow, whatever its verb."""
    m = _AS_VERB.search(body, max(sentence_start, open_mark - _WINDOW), open_mark)
    if m is None:
        return None
    start, phrase = walk_subject(body, m.start("rest"), m.start("verb"))
    if not phrase or start != m.start("rest"):
        return None
    who = resolve(analyse_subject(phrase), start, ctx, facts.sentences, sentence_index, "as clause")
    return (capped(who, COLON), body[m.start() : m.end()].strip(), CUE) if who.key else None


def holder_of_view(body: str, ctx: Context, facts: TextFacts, sentence_index: int, open_mark: int) -> tuple[Speaker, str, str] | None:
    """The named subject or possessor of the last attributing word before the quotation in its sentence ("Critics
    believe it is a “…”", "Comey's conclusion that it was “…”"): shown as uncertain, as the words may be a
    source's the holder of the view repeats."""
    sentence_start = facts.sentences[sentence_index][0]
    word = facts.attributing.last_before(sentence_start, open_mark)
    if word is None:
        return None
    start, phrase = walk_subject(body, sentence_start, word[0])
    if not phrase:
        return None
    subject = analyse_subject(phrase)
    if not subject.name and not (subject.institution and any(c.isupper() for c in subject.institution)):
        return None
    who = resolve(subject, start, ctx, facts.sentences, sentence_index, "holder of the view")
    return (capped(who, PREVIOUS_SENTENCE), body[start : word[1]], SENTENCE) if who.key else None


_REPORTING = frozenset(
    "said says told tells wrote writes added adds argued argues noted notes explained explains insisted insists "
    "claimed claims suggested suggests predicted warned recalled stated declared".split())
"""Verbs of saying that report what follows them in the sentence ("Lee said voters will say “…”")."""
_REPORTERS_TRIED = 3
_AS_BEFORE = re.compile(r"\b[Aa]s\s+(?:[a-z]+\s+){0,2}$")
_NOT_REPORTED = re.compile(r"\s*,?\s*(?:as|when|while|after|before|because|since|until|if|though|although|once)\b")
"""A clause of time or cause after the verb of saying: what follows is not what it reports."""


def reporting_speaker(body: str, ctx: Context, facts: TextFacts, sentence_index: int, before: int) -> tuple[Speaker, str] | None:
    """When the last speech verb before a quotation has no named subject ("… that voters will say “no”"), the
    named person who reports the clause earlier in the sentence ("Lee said he expected that voters will say
    “no”"): the words are given through that person, so the speaker is shown as uncertain (PREVIOUS_SENTENCE)."""
    sentence_start = facts.sentences[sentence_index][0]
    end = before
    for _ in range(_REPORTERS_TRIED):
        verb = facts.verbs.last_finite_before(sentence_start, end)
        if verb is None:
            return None
        start, phrase = walk_subject(body, sentence_start, verb[0])
        if phrase and body[verb[0] : verb[1]].lower() in _REPORTING:
            subject = analyse_subject(phrase)
            aside = _AS_BEFORE.search(body, max(sentence_start, start - 30), start) is not None  # "— as Lee noted —"
            if not subject.name or aside or phrase.endswith(("'s", "’s")) or _NOT_REPORTED.match(body, verb[1], before):
                return None  # "Lee's claims", "Lee said as the heckler yelled “…”": nothing Lee reports
            who = resolve(subject, start, ctx, facts.sentences, sentence_index, "reports the words")
            return (capped(who, PREVIOUS_SENTENCE), body[start : verb[1]]) if who.key and who.kind == "person" else None
        end = verb[0]
    return None
