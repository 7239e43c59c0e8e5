"""A person's name as a speaker is made of name words: the last check before a speaker is stated.

The rules that find a speaker read a subject out of prose, and prose can hand them more or less than a
name: a headline's words around it ("Hillary Clinton Slams Donald Trump"), an opening word ("Even Lindsey
Graham", "About Trump"), a description before it ("Journalist Carl Leubsdorf", "Democrat Bernie
Sanders"), a name cut at an initial ("Loretta E"), or no name at all ("Sunday", "He", "Critics"). A wrong
name is worse than none, so a person's speaker is kept only when it is a name:

- its words are name words: capitalised, not a function word, pronoun, day or month, and not an ordinary
  word of the article (one the article also writes in lower case: "slams", "journalist", "former");
  particles ("de", "van", "bin") and suffixes ("Jr.") may sit inside;
- descriptive words before the name (ordinary words, party and role words, "Texas-based") are dropped:
  "Journalist Carl Leubsdorf" is Carl Leubsdorf; an opening function word ("About", "Even", "Both",
  "And") means the subject was misread, and the speaker is dropped;
- a possessive before the name ("Washington Post's Ed O'Keefe") leaves the name after it;
- a name of one word must be one the article gives in full (with other name words, or after a courtesy
  title), so a place the article names only alone ("Nevada") or a stray capital is no speaker; a place
  named inside a longer name ("North Dakota") still passes: telling places from people needs a gazetteer;
- a name ends in a full word, not an initial, and holds at most five words.

Organisations, publications and unnamed sources are not checked here: their names are made of ordinary
words ("White House", "State Department").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from generator.analysis.terms import word_columns
from generator.analysis.text.titlecase import lower_case_words
from generator.analysis.text.wordlists import HONORIFICS, MONTHS, ROLE_WORDS, STOP_WORDS, WEEKDAYS

PARTICLES = frozenset("de da di del della der den van von la le du bin ibn al el st".split())
"""Lower-case words inside names ("Bill de Blasio", "Ludwig van Beethoven")."""
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
"""Generational suffixes after a name ("Casey Jr."): part of it, not a word of prose."""
PARTY_WORDS = frozenset(
    """democrat democrats democratic republican republicans gop independent libertarian green party
    conservative liberal progressive socialist""".split()
)
"""Words of party and leaning written before a name ("Democrat Bernie Sanders", "Green Party Jill Stein")."""
NOT_NAMES = STOP_WORDS | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    "he she they i we you it someone somebody anyone everyone nobody critics others".split())
"""Capitalised words that are never part of a person's name."""
MAX_WORDS = 5
_EDGE = ".,;:!?\"“”‘’()[]"


def _bare(word: str) -> str:
    return word.strip(_EDGE)


def _descriptive(word: str, ordinary: Collection[str]) -> bool:
    """A word that may describe a person before their name: an ordinary word of the article, a party,
    role or courtesy word, or a compound adjective ending in a lower-case word ("Texas-based", "46-year-old")."""
    key = word.casefold().rstrip(".")
    return (key in ordinary or key in PARTY_WORDS or key in ROLE_WORDS or key in HONORIFICS
            or ("-" in word and word.rsplit("-", 1)[-1][:1].islower()) or not word[:1].isupper())


def _name_word(word: str, ordinary: Collection[str]) -> bool:
    key = word.casefold()
    if key in PARTICLES or key in SUFFIXES:
        return True
    return word[:1].isupper() and key not in NOT_NAMES and key not in ordinary and key.rstrip(".") not in HONORIFICS


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’\-]*)+")
_AFTER_HONORIFIC = re.compile(rf"\b(?i:{'|'.join(sorted(HONORIFICS))})\.?[ \t]+([A-Z][\w'’\-]+)")


@dataclass(frozen=True)
class NameCheck:
    """What an article says about names, read once: its ordinary (lower-case) words, and the words of the
    names it gives in full (two name words or more together, or a name after a courtesy title)."""

    ordinary: frozenset[str]
    in_full: frozenset[str]

    @classmethod
    def of(cls, text: str) -> NameCheck:
        ordinary = frozenset(lower_case_words(text, word_columns(text)))
        in_full: set[str] = set()
        for run in _CAPITALISED_RUN.finditer(text):
            words = [w for w in (_bare(t) for t in run.group().split()) if w]
            names = [w for w in words if _name_word(w, ordinary) and len(w) > 1]
            if len(names) >= 2:
                in_full.update(w.casefold() for w in names)
        in_full.update(m.group(1).casefold() for m in _AFTER_HONORIFIC.finditer(text))
        return cls(ordinary, frozenset(in_full))

    def person_name(self, speaker: str) -> str | None:
        """The name in a person's speaker string, or None when it holds no name or more than one."""
        words = [w for w in (_bare(token) for token in speaker.split()) if w]
        if not words or "\n" in speaker:
            return None
        for index in range(len(words) - 1, 0, -1):  # "Washington Post's Ed O'Keefe": the name after the possessive
            if words[index - 1][-2:] in ("'s", "’s"):
                words = words[index:]
                break
        if words[0].casefold() in NOT_NAMES:
            return None  # "About Trump", "Even Lindsey Graham", "Both Donald Trump": a misread subject
        while words and _descriptive(words[0], self.ordinary) and words[0].casefold() not in PARTICLES:
            words = words[1:]
        if not words or len(words) > MAX_WORDS:
            return None
        if not all(_name_word(w, self.ordinary) for w in words):
            return None  # "Hillary Clinton Slams Donald Trump", "Baltimore and"
        if words[0].casefold() in PARTICLES or len(words[-1].rstrip(".")) == 1:
            return None  # "Loretta E", "U"
        if len(words) == 1 and words[0].casefold() not in self.in_full:
            return None  # "Virginia", "Legion": no person of that name in the article
        return " ".join(words)
