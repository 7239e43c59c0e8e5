"""A quotation held by a name's noun of speech: "Lee's pledge to be “…”", "Lee's “…” remark".

Reads the words of the quotation's own sentence right around its marks, for quotations no cue attributes:
the possessive names who said the words, as "Lee said" would. Two shapes:
- before the marks, the name's noun of speech and a few words ("Sanders's call for a “…”", "Lee's most
  explosive claim is that the board is a “…”");
- the possessive right before the opening mark and the noun right after the closing one ("Romney's “…”
  comment", "Obama's “…” promise").
Nouns that are also verbs ("call", "claim", "promise") are found as speech verbs too; `direct` asks here
first whether such a "verb" is the noun of a possessive, so that the holder is not lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_NOUNS = (
    "pledge|promise|vow|claim|assertion|call|calls|remark|remarks|comment|comments|words|description|warning|"
    "argument|suggestion|insistence|phrase|slogan|tweet|tweets|speech|line|message|statement|accusation|charge|"
    "label|term|characterization|criticism|complaint|prediction|boast|answer|response|reply|question|dictum|"
    "quip|retort|refrain|mantra|catchphrase|declaration|admission|demand|plea|rallying\\s+cry|battle\\s+cry"
)
SPEECH_NOUN = re.compile(SPEECH_NOUNS, re.I)
"""One noun of speech: after a possessive, "claim" or "call" is a noun, not a verb."""
_HOLDER = r"(?P<name>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s?"
POSSESSIVE_SPEECH = re.compile(rf"{_HOLDER}\s+(?:[\w\-]+\s+){{0,3}}?(?:{SPEECH_NOUNS})\b")
"""A speaker's noun of speech before the quotation: "Trump's pledge to be “…”", "Sanders's call for a “…”"."""
_POSSESSIVE_WINDOW = 120
"""How far before the opening mark a speaker's noun of speech is looked for: near it, and never a rescan of
a long sentence for each of its quotations."""
_HOLDER_BEFORE_MARK = re.compile(rf"{_HOLDER}\s*$")
_NOUN_AFTER_MARK = re.compile(rf"\s*(?:{SPEECH_NOUNS})\b")
_HOLDER_REACH = 50
"""How far before the opening mark a holder written right before it may begin."""


@dataclass(frozen=True)
class Holder:
    """The possessive name that holds the words, where it starts, and the words that say so."""

    name: str
    start: int
    end: int
    cue: str


def possessive_holder(body: str, sentence_start: int, open_mark: int, after_close: int) -> Holder | None:
    """The name whose noun of speech holds the quotation (module docstring), or None."""
    before = _HOLDER_BEFORE_MARK.search(body, max(sentence_start, open_mark - _HOLDER_REACH), open_mark)
    if before is not None:
        noun = _NOUN_AFTER_MARK.match(body, after_close)
        if noun is not None:
            cue = f"{before.group().strip()} … {noun.group().strip()}"
            return Holder(before.group("name"), before.start("name"), noun.end(), cue)
    found = POSSESSIVE_SPEECH.search(body, max(sentence_start, open_mark - _POSSESSIVE_WINDOW), open_mark)
    if found is None:
        return None
    return Holder(found.group("name"), found.start("name"), found.end(), found.group().strip())
