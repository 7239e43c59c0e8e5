"""A name whose description runs on to the verb with no closing comma: "Ann Lee, the director of the Harbor
Trust said …".

The subject walk (`subjects.walk_subject`) goes back from the verb and stops at the first comma, so it reads
"director of the Harbor Trust" (a role, or a body's name) as the subject. When the only words before that
comma are a full name that opens the sentence (or the text after a quotation), the description is set off
by one comma only, as hasty copy writes it, and the name is who speaks. The name must be two to four
capitalised words with no function word, day or month among them ("In Iowa, the director said",
"On Monday, the chair said" are no names), and the description a few lower-case words at most before the
walked subject.
"""

from __future__ import annotations

import re

_NAME_WORD = r"[A-Z][\w’'\-]*\.?"
_OPEN_DESCRIPTION = re.compile(
    rf"\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){{0,3}}"
)
"""What may stand between the start of the walk and the walked subject: a full name, its comma, and the
opening words of its description ("the communications")."""


def name_before_open_description(text: str, floor: int, start: int, phrase: str, not_names: frozenset[str]) -> tuple[int, str] | None:
    """(start, name) of the name that opens text[floor:start] when the walked subject `phrase` at `start` is a
    lower-case description of it whose closing comma is missing; None otherwise. `not_names` are words
    (lower case) that open no name: function words, days, months, adverbs."""
    if not phrase or not phrase[:1].islower():
        return None
    m = _OPEN_DESCRIPTION.fullmatch(text, floor, start)
    if m is None:
        return None
    name = m.group("name")
    if any(word.lower().rstrip(".") in not_names for word in name.split()):
        return None
    return m.start("name"), name
