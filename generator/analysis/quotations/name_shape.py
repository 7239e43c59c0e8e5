"""A person's name as a speaker is made of name words: the last check before a speaker is stated.

The rules that find a speaker read a subject out of prose, and prose can hand them more or less than a
name: a headline's words around it ("Hillary Clinton Slams Donald Trump"), an opening word ("Even Lindsey
Graham", "About Trump"), a description before it ("Journalist Carl Leubsdorf", "Democrat Bernie
Sanders"), a name cut at an initial ("Loretta E"), or no name at all ("Sunday", "He", "Critics"). A wrong
name is worse than none, so a person's speaker is kept only when it is a name:

- its words are name words: capitalised, not a function word, pronoun, day or month, and not an ordinary
  word of the article (one the article also writes in lower case: "slams", "journalist", "former"),
  unless the article writes the whole name so in its prose (outside Title Case lines, not as the first
  word of a sentence): "George Will" is a name where "will" is a word; particles ("de", "van", "bin")
  and suffixes ("Jr.") may sit inside;
- descriptive words before the name are dropped: everything up to a title ("Majority Leader Mitch
  McConnell"), party, role and courtesy words, adverbs in -ly, compounds such as "Texas-based", and an
  ordinary word before a name the article writes without it ("Journalist Carl Leubsdorf" is Carl
  Leubsdorf); an opening function word or sentence adverb ("About", "Both", "Maybe") means the subject
  was misread, and a party word at the end ("Nevada Democrat") a description: no speaker;
- a possessive before the name ("Washington Post's Ed O'Keefe") leaves the name after it;
- a name of one word is no function word, ordinary word, number ("Four", "Several") or group ("Friends",
  "Democrats"), and no place: a word the article writes after "in" ("in Iowa") is a person's name only
  if the article also gives it with another name word or after a courtesy title. Real news calls the
  well known by surname alone ("Trump said"), so a one-word name is otherwise kept; a place the article
  never writes after "in" still passes: telling places from people needs a gazetteer;
- a name ends in a full word, not an initial, and holds at most five words.

Organisations, publications and unnamed sources are not checked here: their names are made of ordinary
words ("White House", "State Department").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import replace
from functools import cached_property
from typing import TypeVar

from generator.analysis.results import Attribution, Quotation
from generator.analysis.terms import word_columns
from generator.analysis.text.titlecase import TitleCaseLines, title_case_lines
from generator.analysis.text.tokens import is_word_char, occurrences
from generator.analysis.text.wordlists import HONORIFICS, MONTHS, ROLE_WORDS, STOP_WORDS, WEEKDAYS

PARTICLES = frozenset("de da di del della der den van von la le du bin ibn al el".split())
"""Words written in lower case inside names ("Bill de Blasio", "Ludwig van Beethoven"); capitalised, they
are name words like any other ("Al Gore", "De Blasio")."""
SUFFIXES = frozenset("jr sr ii iii iv".split())
"""Generational suffixes after a name ("Casey Jr."): part of it, not a word of prose."""
PARTY_WORDS = frozenset(
    """democrat democrats democratic republican republicans gop independent libertarian green party
    conservative liberal progressive socialist""".split()
)
"""Words of party and leaning written before a name ("Democrat Bernie Sanders", "Green Party Jill Stein")."""
PARTY_NOUNS = PARTY_WORDS - {"green"}
"""Party words that end a description ("Nevada Democrat"); "Green" ends names too ("Adam Green", "Green said")."""
OFFICES = frozenset(
    """attorney advocate counsel commissioner councilman councilwoman treasurer comptroller sheriff
    superintendent chancellor auditor solicitor prosecutor chairs co-chair co-founder founder dean provost
    reporter correspondent anchor columnist commentator pollster strategist analyst economist historian professor
    journalist activist pastor rabbi delegate nominee businessman businesswoman billionaire lawyer actress actor
    singer comedian rapper producer editor writer author staff whip recorder clerk congressman congresswoman
    assemblyman assemblywoman alderman councillor councilor councilmember supervisor administrator coordinator""".split())
"""Offices written before a name that `ROLE_WORDS` (which "the <title>" refers back by) leaves out:
"Public Advocate Ann Lee", "General Counsel Ann Lee", "Chief of Staff Ann Lee", "Majority Whip Ann Lee", "County
Recorder Ann Lee", "Congressman Tom Vey"; and trades written before a name as a title ("Reporter
Ann Lee", "Pollster Tom Vey")."""
NOT_NAMES = STOP_WORDS | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    """he she they i we you it someone somebody anyone everyone nobody critics others
    maybe perhaps even still now already instead meanwhile however though although indeed
    because unless until since whereas whether while""".split())
"""Capitalised words that are never part of a person's name."""
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten first second third last another several many some few
    dozens hundreds thousands millions""".split())
"""Words that count people rather than name them ("Four said", "Several added")."""
NAME_LIKE_FUNCTION_WORDS = frozenset({"will", "may"})
"""Function words that are also names ("George Will", "Theresa May")."""
MAX_WORDS = 5
_EDGE = ",;:!?\"“”‘’()[]"
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_CASE_WORD = re.compile(r"[a-z](?<![\w'’\-].)(?:[a-z'’\-]*[a-z]|\b)")
"""A word in lower case: a letter not after a word character, an apostrophe or a hyphen, then more letters
(ending in one) or a word's end. The first letter comes before the look-behind so that `re` skips to the
candidates by that letter rather than trying every position."""
_LOWER_CASE_SHAPE = re.compile(r"[a-z](?:[a-z'’\-]*[a-z])?")
"""What a whole match of _LOWER_CASE_WORD looks like."""
_RUNS_ON = re.compile(r"[a-z'’\-]*[a-z]")
"""More of a lower-case word: after a match of _LOWER_CASE_WORD, its greedy part would have taken it."""
_INITIAL = re.compile(r"[A-Z]\.")
_AFTER_IN = re.compile(r"n (?<!\w[Ii]n )(?<=[Ii]n )([A-Z][\w'’\-]+)")
"""A capitalised word after the word "in" ("in Iowa"): `\b[Ii]n ([A-Z]…)`, written from the "n " on, with
look-behinds for the "I" and the `\b` before it, so that `re` skips to the few places "n " stands rather
than to every "i"."""
_SENTENCE_OPENERS = frozenset(".!?:;“\"‘'—–(")


def _bare(token: str) -> str:
    """A token without edge punctuation or a possessive; an initial keeps its full stop ("B.")."""
    word = _POSSESSIVE.sub("", token.strip(_EDGE))
    return word if "." in word.rstrip(".") or len(word.rstrip(".")) == 1 else word.rstrip(".")


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


def _describes(word: str, ordinary: Container[str]) -> bool:
    """A word that always describes a person rather than names them, before a name: a party, role or
    courtesy word, an adverb in -ly the article also writes in lower case ("Certainly", not "Carly"), a
    compound ending in a lower-case word ("Texas-based", "46-year-old")."""
    key = _key(word)
    return (key in PARTY_WORDS or key in ROLE_WORDS or key in HONORIFICS or (key.endswith("ly") and len(key) > 4 and key in ordinary)
            or ("-" in word and word.rsplit("-", 1)[-1][:1].islower()))


class LowerCaseWords:
    """The words a text writes in lower case somewhere (the matches of _LOWER_CASE_WORD), asked one word at a time.

    Why: a speaker's check asks about a dozen words, and finding each with str.find costs less than listing
    the hundreds of lower-case words of an article. `every()` lists them all for those that need the set.
    Each answer is kept (for this text only)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self._answers:
            self._answers[word] = self._written(word)
        return self._answers[word]

    def _written(self, word: str) -> bool:
        """Whether _LOWER_CASE_WORD matches `word` somewhere: where it occurs with no word character, apostrophe
        or hyphen before it and no more of a lower-case word after it (a lone letter: no word character)."""
        if not _LOWER_CASE_SHAPE.fullmatch(word):
            return False
        text = self._text
        for start in occurrences(text, word):
            end = start + len(word)
            if start > 0 and (is_word_char(text[start - 1]) or text[start - 1] in "'’-"):
                continue
            if _RUNS_ON.match(text, end) or (len(word) == 1 and end < len(text) and is_word_char(text[end])):
                continue
            return True
        return False

    def every(self) -> frozenset[str]:
        return frozenset(_LOWER_CASE_WORD.findall(self._text))


class NameCheck:
    """What an article says about names, read from its text once and only as far as a speaker needs:
    its ordinary (lower-case) words and the places it writes after "in" always; the names its prose
    writes (runs of capitalised words outside Title Case lines, and every part of them up to MAX_WORDS
    words) and the words it gives in full (with another name word, or after a courtesy title) only for
    a speaker that holds an ordinary word or is one word that may be a place. Most speakers ("Ann Lee")
    need neither. Nothing is changed after it is read."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.ordinary = LowerCaseWords(text)
        """The words the article writes in lower case somewhere; the speaker strings are compared word by word
        as written, so the word norms of `text.titlecase.lower_case_words` (which the actors use) are not needed here."""
        self._whole: dict[str, bool] = {}  # is_whole_name's answers, for this text only

    @cached_property
    def places(self) -> frozenset[str]:
        """Capitalised words the article writes after "in" ("in Iowa"): places, unless also given in full as a name.
        Found only when a one-word speaker is checked."""
        return frozenset(map(str.casefold, _AFTER_IN.findall(self._text)))

    @cached_property
    def _every_ordinary(self) -> frozenset[str]:
        """All of `ordinary` at once, for the prose runs, which ask about every word of every run: the set
        holds exactly the words `ordinary` answers yes for (the matches of _LOWER_CASE_WORD), so either gives the same answers."""
        return self.ordinary.every()

    @cached_property
    def _runs(self) -> list[list[str]]:
        return _prose_runs(self._text, title_case_lines(self._text, word_columns(self._text), self._every_ordinary), self._every_ordinary)

    @cached_property
    def prose_names(self) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(run[i:j]) for run in self._runs for i in range(len(run))
                         for j in range(i + 1, min(len(run), i + MAX_WORDS) + 1))

    @cached_property
    def run_openings(self) -> frozenset[tuple[str, ...]]:
        """The first two or more words of each prose run: a name the article writes with nothing before it."""
        return frozenset(tuple(run[:j]) for run in self._runs for j in range(2, min(len(run), MAX_WORDS) + 1))

    @cached_property
    def in_full(self) -> frozenset[str]:
        found: set[str] = set()
        for run in self._runs:
            names = [_name_key(key, self._every_ordinary) for key in run]
            several = sum(names) >= 2
            found.update(key for index, key in enumerate(run)
                         if names[index] and (several or (index > 0 and _titles(run[index - 1]))))
        return frozenset(found)

    def person_name(self, speaker: str, given_after_stop: bool = True) -> str | None:
        """The name in a person's speaker string, or None when it holds no name or more than one. With
        `given_after_stop`, "Will Estrada" read from a cue is a name though its prose run opens a sentence
        (`_written`); a run read back from a surname for the name pool is not ("Will Sanders win?")."""
        if "\n" in speaker:
            return None
        tokens = speaker.split()
        for index in range(len(tokens) - 1, 0, -1):  # "Washington Post's Ed O'Keefe": the name after the possessive
            if tokens[index - 1].strip(_EDGE)[-2:] in ("'s", "’s"):
                tokens = tokens[index:]
                break
        words = [w for w in map(_bare, tokens) if w]
        if not words or (_key(words[0]) in NOT_NAMES and not self._written(words, given_after_stop)):
            return None  # "About Trump", "Both Donald Trump", "Is Sanders": a misread subject
        titled = [i for i in range(len(words) - 2)
                  if _describes(words[i], self.ordinary) or _key(words[i]).rstrip("s") in ROLE_WORDS or _key(words[i]) in OFFICES]
        if titled and _key(words[titled[-1] + 1]) not in SUFFIXES:
            words = words[titled[-1] + 1 :]  # "Majority Leader Mitch McConnell", "Ranking Democrat Dianne Feinstein"
        if len(words) == 2 and _key(words[0]) in self.ordinary and (_key(words[0]) in OFFICES or _key(words[0]) in ROLE_WORDS):
            words = words[1:]  # "Dean Amar", "Justice Kagan": an office the article also writes as a word
        if len(words) > 1 and _key(words[-1]) in PARTY_NOUNS:
            return None  # "Nevada Democrat": a description, not a name
        while len(words) > 1 and (_describes(words[0], self.ordinary) or (
                _key(words[0]) in self.ordinary and len(words) > 2 and tuple(_key(w) for w in words[1:]) in self.run_openings)):
            words = words[1:]
        if len(words) > MAX_WORDS or not all(_capitalised_or_particle(w) for w in words) or any(map(self._clause_word, words)):
            return None
        if any(self._wordlike(w) for w in words) and not self._written(words, given_after_stop):
            return None  # "Hillary Clinton Slams Donald Trump", "Maybe Trump": words of a sentence, not a name
        if len(words) > 2 and self._wordlike(words[0]) and not any(self._wordlike(w) for w in words[1:]):
            return None  # "Year Barack Obama" (of "Liar of the Year Barack Obama"): a description ends in an ordinary word before the name, and the name it holds is not told apart from a three-word name
        if len(words[-1].rstrip(".")) == 1 or (words[0].islower() and _key(words[0]) in PARTICLES):
            return None  # "Loretta E", "U"
        if len(words) == 1 and not self._one_word_name(_key(words[0])):
            return None
        return " ".join(words)

    def is_whole_name(self, written: str) -> bool:
        """Whether a string is one person's name as it stands, with nothing to drop before it. Asked for every
        full name the name pool reads, so the answer is kept per string (the same names recur)."""
        if written not in self._whole:
            first = _key(written.split()[0]) if written.split() else ""
            if first in NOT_NAMES and first not in NAME_LIKE_FUNCTION_WORDS:
                self._whole[written] = False  # "Even Lindsey Graham": no name opens with a function word
            elif first in self.ordinary or first in NAME_LIKE_FUNCTION_WORDS:
                self._whole[written] = self.person_name(written, False) == written  # "Journalist Ann Lee" or "Bill Lee"
            else:
                self._whole[written] = True  # the usual case, told cheaply
        return self._whole[written]

    def _wordlike(self, word: str) -> bool:
        """A word of prose rather than of a name: a function word, day or month, or an ordinary word; an
        initial ("A." of "James A. Baker") is none."""
        if _INITIAL.fullmatch(word):
            return False
        key = _key(word)
        return key in NOT_NAMES or (key in self.ordinary and not (word.islower() and key in PARTICLES))

    @staticmethod
    def _clause_word(word: str) -> bool:
        """A function word no name holds ("Officeholders Who Endorse Trump"); "Will" and "May" are names too,
        and an initial ("A.") is no article."""
        if _INITIAL.fullmatch(word):
            return False
        key = _key(word)
        return key in NOT_NAMES and key not in NAME_LIKE_FUNCTION_WORDS

    def _one_word_name(self, key: str) -> bool:
        """A one-word speaker is a surname or given name, not a number, a group or a place ("Four", "Friends",
        "Democrats", "Iowa" after "in" and never given with another name)."""
        if key in NOT_NAMES or key in self.ordinary or key in NUMBER_WORDS or key in PARTY_NOUNS:
            return False
        if key.endswith("s") and (key[:-1] in self.ordinary or key[:-1] in PARTY_WORDS):
            return False
        return key not in self.places or key in self.in_full

    def _written(self, words: list[str], given_after_stop: bool = False) -> bool:
        """Whether the article's prose writes these words as a name. A run that opens a sentence is read without
        an opening ordinary word ("Maybe Trump"), so "Will Estrada" or "May Lee" after a sentence's end is read
        as "Estrada": a name-like word before a name the prose writes, itself no ordinary word, is the given name."""
        keys = tuple(_key(w) for w in words)
        if keys in self.prose_names:
            return True
        return (given_after_stop and len(keys) >= 2 and keys[0] in NAME_LIKE_FUNCTION_WORDS and words[0][:1].isupper()
                and keys[1:] in self.prose_names and not any(self._wordlike(w) for w in words[1:]))


def _capitalised_or_particle(word: str) -> bool:
    key = _key(word)
    return (word[:1].isupper() and key not in HONORIFICS) or (word.islower() and key in PARTICLES) or key in SUFFIXES


def _name_key(key: str, ordinary: Container[str]) -> bool:
    """Whether a case-folded word of a capitalised run can be part of a person's name."""
    return key not in NOT_NAMES and key not in ordinary and key not in PARTICLES and not _titles(key) \
        and len(key.rstrip(".")) > 1


def _titles(key: str) -> bool:
    return key in HONORIFICS or key in ROLE_WORDS or key in PARTY_WORDS


_PARTICLE_PATTERN = "|".join(sorted(PARTICLES))
_CAPITALISED_RUN = re.compile(
    rf"[A-Z][\w'’\-]*\.?(?:[ \t](?:(?:{_PARTICLE_PATTERN})[ \t])*[A-Z][\w'’\-]*\.?)*")
"""Capitalised words joined by a space or tab, with lower-case particles between them: found in C, so only
the capitalised words cost a Python step."""


def _prose_runs(text: str, lines: TitleCaseLines, ordinary: Container[str]) -> list[list[str]]:
    """Runs of capitalised words (with initials and lower-case particles inside) on prose lines, each word
    case-folded. A run ends after a possessive and after a word that ends a sentence (a full stop that is
    not an initial's or a title's); an ordinary word opening a sentence is left out ("Maybe Trump" is no name)."""
    runs: list[list[str]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        if match.start() in lines:
            continue
        current: list[str] = []
        opens = match.start() == 0 or text[max(0, match.start() - 2) : match.start()].strip()[-1:] in _SENTENCE_OPENERS
        for token in match.group().split():
            key = _key(_bare(token))
            if not current and opens and key in ordinary:
                opens = False
                continue
            current.append(key)
            opens = False
            possessive = token[-2:] in ("'s", "’s")
            sentence_end = token.endswith(".") and len(key) > 1 and not _titles(key) and "." not in key
            if possessive or sentence_end:
                runs.append(current)
                current, opens = [], sentence_end
        if current:
            runs.append(current)
    return runs


Sourced = TypeVar("Sourced", Quotation, Attribution)
"""What carries a speaker: a direct quotation or an attribution outside one."""


def with_names(found: tuple[Sourced, ...], names: Callable[[], NameCheck]) -> tuple[Sourced, ...]:
    """Each person's speaker reduced to the name it holds, or left unidentified when it holds no one name:
    the last step of finding quotations and attributions. `names` gives the article's NameCheck, made
    only when some speaker is a person's."""
    people = {item.speaker for item in found if item.speaker and item.speaker_kind == "person"}
    if not people:
        return found
    check = names()
    named = {speaker: check.person_name(speaker) for speaker in people}
    return tuple(_named(item, named) for item in found)


def _named(item: Sourced, named: dict[str, str | None]) -> Sourced:
    if not item.speaker or item.speaker_kind != "person":
        return item
    if item.affiliation and _key(item.affiliation) in HONORIFICS:
        item = replace(item, affiliation=None)  # "Mr." of "Mr. Rubio said" is a courtesy, not an affiliation
    name = named[item.speaker]
    if name == item.speaker:
        return item
    if name:
        return replace(item, speaker=name)
    if isinstance(item, Quotation):
        return replace(item, speaker=None, anonymous=False, affiliation=None, speaker_kind="unknown", rule="", confidence=0.0)
    return replace(item, speaker=None, anonymous=False, affiliation=None, speaker_kind="unknown")
