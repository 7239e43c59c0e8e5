"""Frames around a speech verb that give it a subject of its own the plain cue reading (`cues`) misses.

Reads the words just before a speech verb in the infinitive or participle and says where its subject must be
looked for, because news prose often puts the verb of speech in a clause of purpose or manner:
- the subject's means or occasion before "to": "Lee used the question to demand …", "Lee took to Twitter
  to call …", "Lee agreed to a call, but only to tell …": the sentence's subject says the words (`clauses`
  finds it before the frame);
- a passive or an adjective that hands the infinitive to its own subject: "Lee was prompted to say …",
  "Lee was quick to call …", or a verb of aspect or an auxiliary before a participle ("Lee kept asking …",
  "Lee is insisting that …", there only a name): the name right before the frame says them;
- a perfect participle ("…, having referred to him as a “…”"), which takes the sentence's subject as
  "saying" does.
After an object ("urged Dahl to say", "told reporters to call") the speaker is the object, so such verbs are
not frames here.

An aside between a subject and its finite speech verb hides the subject from `subjects.walk_subject`: "Lee,
for one, called it …", "The department less than two weeks ago said …" (`aside_start`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotations.subjects import Subject, analyse_subject, walk_subject

_FRAME_WINDOW = 60
"""How far before the infinitive's "to" a frame is looked for."""

_SUBJECT_FRAME = re.compile(
    r"(?P<frame>\b[a-z]+ed|\bwent\s+on|\bwants?|\bbegan|\bgoing"
    r"|\b(?:took|takes|take|taking|turned|turns|turning)\s+to\s+(?:the\s+)?[A-Za-z]+(?:\s+[a-z]+)?"
    r"|\b(?:used|uses|using)\s+(?:(?:his|her|their|its|the|this|that|a|an|part\s+of\s+(?:his|her|their|the))\s+)(?:[a-z\-]+\s+){0,2}?[a-z\-]+"
    r"|\b(?:but\s+)?only|\bin\s+order)\s+to\s+$"
)
"""A verb before "to" that gives the infinitive the sentence's subject ("Lee went on to say", "decided to tell",
"took to Twitter to call", "used this question to demand", "…, but only to tell", "in order to argue")."""

_OWN_SUBJECT_FRAME = re.compile(
    r"(?P<frame>\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?:prompted|moved|compelled|forced|quick|careful|eager|"
    r"keen|ready|happy|glad|quoted|heard|seen|caught|recorded|filmed|overheard))\s+to\s+$"
)
"""A passive or an adjective that hands the infinitive to the subject right before it: "Lee was prompted to say",
"Lee was quick to call", "Lee was heard to say"."""


_ASPECT_FRAME = re.compile(
    r"(?P<frame>\b(?:kept|keeps|keep|keeping|continued|continues|began|begins|started|starts|(?P<auxiliary>is|are|was|were)))"
    r"\s+(?:(?:also|still|now|again|[a-z]+ly)\s+)?$")
"""A verb of aspect or an auxiliary before a speech verb in -ing hands it to the subject right before it ("Lee
kept asking …", "Lee began calling it …", "Lee is insisting that …"); after an auxiliary only a name counts
("Fox executives were calling “…”" may be someone's report), else the participle is read as usual."""
_PERFECT_FRAME = re.compile(r"(?P<frame>\bhaving)\s+(?:[a-z]+ly\s+|also\s+|already\s+)?$")
"""A perfect participle ("…, having referred to him as a “…”"): like "saying", it takes the sentence's subject."""


@dataclass(frozen=True)
class Frame:
    """Where a frame before a speech verb begins, whether the subject stands right before it (`own`) rather
    than being the sentence's subject, and whether the frame is an auxiliary that needs a name there."""

    start: int
    own: bool
    auxiliary: bool = False


def own_subject(text: str, sentence_start: int, frame: Frame) -> tuple[int, Subject] | None:
    """The subject right before an `own` frame, and where it starts; after an auxiliary, only a name."""
    start, phrase = walk_subject(text, sentence_start, frame.start)
    subject = analyse_subject(phrase) if phrase else None
    if subject is None or (frame.auxiliary and not subject.name):
        return None
    return start, subject


def infinitive_frame(text: str, sentence_start: int, verb_start: int) -> Frame | None:
    """The frame that gives a speech verb in the infinitive at `verb_start` its subject (module docstring), if any."""
    window = max(sentence_start, verb_start - _FRAME_WINDOW)
    own = _OWN_SUBJECT_FRAME.search(text, window, verb_start)
    if own is None and text[verb_start:verb_start + 12].split(" ", 1)[0].endswith("ing"):
        own = _ASPECT_FRAME.search(text, window, verb_start)
    if own is not None:
        return Frame(own.start("frame"), True, bool(own.groupdict().get("auxiliary")))
    perfect = _PERFECT_FRAME.search(text, window, verb_start)
    if perfect is not None:
        return Frame(perfect.start("frame"), False)
    found = _SUBJECT_FRAME.search(text, window, verb_start)
    return Frame(found.start("frame"), False) if found is not None else None


_ASIDE = re.compile(
    r"(?P<aside>,\s*(?:for\s+one|too|in\s+turn|however|though|meanwhile|in\s+particular|for\s+example|for\s+instance|"
    r"for\s+(?:his|her|its|their)\s+part|in\s+response|in\s+reply|at\s+least|of\s+course|in\s+fact),"
    r"|\s+(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)"
    r"\s+(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:ago|earlier|later))\s*$"
)
"""An aside set off by commas ("…, for one, …", "…, in turn, …") or a span of time ("less than two weeks ago")
right before a speech verb."""


def aside_start(text: str, sentence_start: int, verb_start: int) -> int | None:
    """Where an aside right before the speech verb at `verb_start` begins, so that the subject is looked for
    before it; None when there is none."""
    found = _ASIDE.search(text, max(sentence_start, verb_start - _FRAME_WINDOW), verb_start)
    return found.start("aside") if found is not None else None
