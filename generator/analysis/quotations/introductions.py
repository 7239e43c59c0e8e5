"""A sentence that introduces a statement with a colon without a verb of speech: whose words follow.

Reads the end of a sentence that closes with a colon before a quotation (in its sentence, or the sentence
or paragraph before it), because news prose introduces a statement by its medium or by its release rather
than by "said":
- "Lee released the following statement:", "Lee issued a brief statement:", "Lee had this to say:";
- "Lee, a supporter of the plan, gave the idea a try in an interview with a radio station on Tuesday:".
The subject of the sentence says the words: the named subject right before its first verb in the past
("Representative Ann Lee, a Democrat, gave …"), else its lead subject when that names someone. A colon
after anything else ("ranged from skeptical to hostile:") is left to the rules of `direct`.

A clause that opens with its named subject and ends in a comma before a full sentence in marks introduces
it the same way ("Ann Lee reacted coolly to the plan, “I am worried …”", `subject_of_clause`); a passive
("Lee was asked, “…”") quotes someone else.

A sentence right after the quotation may name its source as the thing quoted ("“…” That quote from Ann Lee
appeared on the front page", `source_named_after`).

A transcript or interview gives each turn a label instead ("Ann Lee: Saying “…” to voters is …"): words in
marks inside the turn, that no cue of their own attributes, are the labelled speaker's (`label_of_turn`).
"""

from __future__ import annotations

import re

from generator.analysis.quotations.lead import lead_subject, subject_of_clause
from generator.analysis.quotations.subjects import Subject, analyse_subject

_MEDIA = (
    r"interview|statement|tweet|post|email|e-mail|letter|memo|speech|op-ed|video|remarks|message|press\s+release|"
    r"news\s+conference|press\s+conference|appearance|podcast|broadcast|radio\s+address|address|sermon|blog\s+post"
)
_INTRODUCES = re.compile(
    rf"(?:\b(?:in|during|at)\s+(?:an?|the|his|her|their|its)\s+(?:[\w\-]+\s+){{0,2}}?(?:{_MEDIA})\b[^:;“”\"\n]{{0,60}}"
    r"|\b(?:released|issued|put\s+out|sent\s+out|posted|gave|offered|provided|published|shared)\s+(?:the\s+following|a|an|this)"
    r"\s+(?:[a-z\-]+\s+){0,2}?(?:statement|tweet|message|response|note|letter|comment|post)s?(?:\s+[^:;“”\"\n]{0,40})?"
    r"|\bhad\s+this\s+to\s+say(?:\s+[^:;“”\"\n]{0,40})?)\s*:\s*$"
)
"""The end of a sentence that introduces a statement (module docstring)."""
_WINDOW = 160
"""How far before the colon the words that introduce the statement are looked for."""


def introduced_by(text: str, sentence_start: int, colon_end: int) -> tuple[Subject, int] | None:
    """The subject of a sentence ending at `colon_end` (just past its colon) that introduces a statement,
    and where that subject starts; None when the sentence introduces nothing or names no one."""
    if _INTRODUCES.search(text, max(sentence_start, colon_end - _WINDOW), colon_end) is None:
        return None
    found = subject_of_clause(text, sentence_start, colon_end, opening=False)
    if found is not None:
        return found
    lead = lead_subject(text, sentence_start, colon_end)
    if lead is not None and (lead.subject.name or lead.subject.institution):
        return lead.subject, lead.start
    return None


_TURN_LABEL = re.compile(r"(?P<label>[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}):\s")
"""A paragraph that opens with a speaker's label, as transcripts and interviews write it ("Ann Lee: …", "LEE: …")."""


def label_of_turn(text: str, paragraph_start: int, open_mark: int) -> tuple[Subject, int] | None:
    """The name that labels the paragraph's turn, when the paragraph opens with one before the quotation, and
    where it starts; the caller checks that the article names that person elsewhere (a label such as "Note:"
    or "Update:" names no one)."""
    m = _TURN_LABEL.match(text, paragraph_start, open_mark)
    if m is None:
        return None
    subject = analyse_subject(m.group("label"))
    return (subject, m.start()) if subject.name else None


_SOURCE_AFTER = re.compile(
    r"\s*(?:That|The|This|Those|These)\s+(?:quote|quotation|remark|remarks|line|lines|comment|comments|words|tweet|"
    r"message|statement)\s+(?:came\s+|was\s+|were\s+)?from\s+(?P<name>(?:[A-Z][\w.’'\-]*\s+){0,5}[A-Z][\w’'\-]+)")
"""The sentence after a quotation names its source: "That quote from Ann Lee appeared …"."""


def source_named_after(text: str, after_close: int, limit: int) -> tuple[Subject, int] | None:
    """The source a sentence right after the quotation gives it ("“…” That quote from Ann Lee appeared …"),
    and where the name starts; the sentence must start within its paragraph (before `limit`)."""
    m = _SOURCE_AFTER.match(text, after_close, limit)
    if m is None:
        return None
    subject = analyse_subject(m.group("name"))
    return (subject, m.start("name")) if subject.name else None
