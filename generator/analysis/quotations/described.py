"""A source described, not named, right before its verb: "the Gawker employee wrote", "an angry Lee retorted",
"the Lincoln actor says".

The subject walk (`subjects.walk_subject`) takes capitalised words and the words of its lists (titles,
sources, institutions) and stops at any other lower-case word, so "the Gawker employee" or "an angry Lee"
gave no subject, or only "Lee" with "an angry" left over, and a quotation with such a cue after it fell to
the carry-over rules (the previous speaker, the one person named in the sentence before), which named
someone else. When the whole stretch the walk may read is one short noun phrase opened by an article, that
phrase is the subject, when it holds a capitalised word (a name, a party, a place: "the Republican nominee");
"the letter said", "the businessman replied" are left to the rules that read the sentences around. A phrase whose head is a lower-case noun that is no institution's ("employee",
"actor") describes a person; `subjects.analyse_subject` then reads it as a reference back, which
`speakers.resolve` gives a name only when the person named before holds that title, and otherwise leaves
the speaker unidentified: a described source is not guessed. "A New Hampshire Republican" is an unnamed
party member (PARTY_MEMBERS), an anonymous source.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_LONGEST = 5
"""At most this many tokens: an article and up to four words ("the longtime Gawker staff writer")."""
ARTICLES = frozenset(("the", "a", "an"))
OPENERS = ARTICLES | {"one", "another"}
"""Words that open such a phrase: an article, or "one"/"another" as one ("one P&G employee told")."""
_PREPOSITIONS = frozenset(
    "in inside outside at on near within across behind among into onto over under about around between "
    "without from of for by with to beside beyond throughout".split())
"""A preposition inside the phrase opens a second noun phrase ("one pilot inside Harbor Tower"): the
capitalised words there name a place or a body, not the source, so the phrase is not read as one."""
PARTY_MEMBERS = frozenset("republican democrat independent libertarian conservative liberal progressive socialist".split())
"""Nouns for a member of a party or camp: after "a" or "an", with any place before them ("a New Hampshire
Republican"), they describe someone unnamed, an anonymous source, not a person called "Republican"."""


def described_subject_start(tokens: list[str], count: int, first: int, not_in_phrase: Collection[str]) -> int:
    """Where the subject starts in tokens[:count] (the walk's tokens, which open where the walk may start):
    0 when they are all one noun phrase opened by an article, of plain words none of which is in
    `not_in_phrase` (function words, pronouns) and one of which is capitalised; otherwise `first`, where the
    walk stopped."""
    if first == 0 or not 2 <= count <= _LONGEST or tokens[0].lower() not in OPENERS:
        return first
    words = tokens[1:count]
    if all(_WORD.fullmatch(token) and token.lower() not in not_in_phrase and token.lower() not in _PREPOSITIONS for token in words) \
            and any(t[:1].isupper() for t in words):
        return 0
    return first


def describes_a_person(body: list[str], institution_words: Collection[str]) -> bool:
    """Whether a subject's words after its article end in a lower-case noun that is no institution's and
    hold a capitalised word before it ("Gawker employee", "Lincoln actor", "GOP front-runner"): a person
    described, not a body."""
    head = body[-1] if body else ""
    return (len(body) >= 2 and head.replace("-", "").isalpha() and head.islower() and head not in institution_words
            and any(token[:1].isupper() for token in body[:-1]))
