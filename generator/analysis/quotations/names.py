"""People's names: the full names an article uses, and where it names each person outside quotations
(by full name, or by a surname no one else of the article has).

A surname alone ("Khatibzadeh") is normalised to the longest full name in the
article that ends with the same words ("Saeed Khatibzadeh"); the words written
before a person's first full mention are their affiliation ("Foreign Ministry spokesman").
Names differ in every article, so they are found with str.find and the word
boundaries `re` would test, not with a pattern compiled per name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cached_property

import ahocorasick

from generator.analysis.quotations.lines import on_title_case_line
from generator.analysis.quotations.subjects import (
    ADVERBS_BEFORE_VERB,
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_IN_NAME,
    NOT_SUBJECT,
    TITLE_WORDS,
    split_name,
    strip_possessive,
    walk_subject,
)
from generator.analysis.text.tokens import at_word_boundary, is_word_char, occurrences
from generator.analysis.text.wordlists import PERSON_TITLES, PERSONAL_SPEECH_VERBS

_SPACE = r"[^\S\n]+"
"""White space within a line: a name never runs on from a headline, paragraph, caption or subhead line into
the next (as a subject never reaches back over a line break)."""
CAPITAL_RUN = re.compile(rf"[A-Z][\w’'&\-]*(?:{_SPACE}(?:(?:bin|ibn|al|el|de|van|von|der|da|di){_SPACE})?[A-Z][\w’'&\-]*)*")
"""Capitalised words in a row, with name particles between them."""
_RUN_PARTICLES = frozenset(("bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "di"))
_RUN_CHARACTERS = re.compile(r"[\w’'&\-]*")
_MAX_RUN_WORDS = 4
_ADVERBS = "(?:" + "|".join(sorted(ADVERBS_BEFORE_VERB, key=len, reverse=True)) + ")"
_NAMED_SPEAKER = re.compile(
    rf"(?P<name>[A-Z](?<!\w[A-Z])[a-z][\w’'\-]{{0,40}}+)\s++(?:{_ADVERBS}\s+)*(?:{'|'.join(PERSONAL_SPEECH_VERBS)})\b"
)
"""A lone capitalised word before a speech verb ("Haddad also said"). The name is at most 42 characters,
so a long run of hyphenated capitals is read a bounded number of times from each capital. Possessive (`{0,40}+`
and `++` on the white space after the name): a shorter name is followed by a name character, not white space,
and no adverb or verb opens with white space, so `re` need not remember where to backtrack at each capital;
the matches are those of the plain quantifiers (a test compares them)."""
_NOT_A_NAME = NOT_IN_NAME | NOT_SUBJECT | frozenset(("iran", "iraq", "washington", "tehran", "baghdad"))
_TITLES_NOT_LINKS = TITLE_WORDS - {"of", "the", "for", "and"}
_APPOSITIVE = re.compile(r"\s+(?:the\s+|a\s+)?(?P<aff>[^,.;“”\"]{2,80}?),")
"""After "Name,": ", the foreign minister," — a title set off by commas."""
_WORD_RUN = re.compile(r"[\w’'\-]+")
_APOSTROPHE = re.compile(r"[’']")
_CLAUSE_WORDS = frozenset("who whom whose which are is was were be been has have had does did".split())
"""Words of a clause that no name holds: capitalised in a run before a surname, they mark the title of a work
or a headline written in prose, whose words are no guide to where the name starts."""
_NAMING_TITLES = PERSON_TITLES | {"judge"}
"""Titles after which a capitalised name is a person's: "District Judge Ann Lee" is the one "the judge" of a later
cue refers to (`speakers`)."""
_PREPOSITIONS = frozenset(
    "outside inside across beyond behind among amid within without under over through during toward towards near "
    "around about against between into onto upon since until via per along throughout".split())
"""Prepositions that, capitalised at a sentence's start, open no name ("Outside Carrier's plant, …")."""
_SCANS_BEFORE_INDEX = 32
"""Words looked for with str.find before the text's words are indexed."""
_WINDOW = 80
"""How far before a surname its given names and title are looked for."""


class NamePool:
    """Full names in the article ending with a given word, found on first request and remembered.

    Why lazy: an article names a handful of speakers, so looking for each one's
    surname is cheaper than splitting every capitalised run of the text into names.
    The first few words are looked for with str.find; after that, the places a word
    can start (after no letter, digit, apostrophe, hyphen or underscore) are indexed
    once, by the word's text up to its first apostrophe, so an article that names
    many people is read a bounded number of times.
    """

    def __init__(self, text: str, is_name: Callable[[str], bool] | None = None, quoted: tuple[tuple[int, int], ...] = ()) -> None:
        self._text = text
        self._quoted = quoted
        """Where the quotations stand, in order: a name is read from the article's own words, not from a
        slogan, nickname or title in marks ("Fascist Trump", "… Joins List of Conservatives Rebuking Trump")."""
        self._is_name = is_name
        """Whether a full name of several words is one name as written (name_shape): a run read back from a
        surname may hold prose before the name ("Even Lindsey Graham", a nickname in marks "Fascist Trump"); its
        opening words are dropped until it is one, or it is not a full name of this article."""
        self._found: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._scans = 0

    @cached_property
    def _starts(self) -> dict[str, list[tuple[int, str]]]:
        index: dict[str, list[tuple[int, str]]] = {}
        for m in _WORD_RUN.finditer(self._text):
            run = m.group()
            index.setdefault(_APOSTROPHE.split(run, 1)[0], []).append((m.start(), run))
        return index

    def get(self, last: str, default: tuple = ()) -> tuple[tuple[str, ...], ...]:
        if last not in self._found:
            self._found[last] = self._scan(last)
        return self._found[last] or default

    def _scan(self, last: str) -> tuple[tuple[str, ...], ...]:
        text = self._text
        names: list[tuple[str, ...]] = []
        read: dict[tuple[str, ...], tuple[str, ...] | None] = {}  # each run's name: a surname's runs repeat ("President", none)
        for start in self._standalone(last):
            k = bisect.bisect_right(self._quoted, (start, len(text))) - 1
            if k >= 0 and self._quoted[k][0] <= start < self._quoted[k][1]:
                continue
            if on_title_case_line(text, start, start + len(last)):
                continue  # "Officeholders Who Endorse Lee": a headline's capitals are no guide to where a name starts
            run = tuple(_run_before(text, start))
            if run not in read:
                read[run] = self._name_of_run(run, last)
            if read[run] is not None:
                names.append(read[run])
        return tuple(dict.fromkeys(names))  # each full name once, in order of first use

    def _name_of_run(self, run: tuple[str, ...], last: str) -> tuple[str, ...] | None:
        """The full name that the capitalised words `run` before `last` and `last` make, or None."""
        if any(word.lower() in _CLAUSE_WORDS for word in run):
            return None  # "Officeholders Who Endorse Trump Are Sellouts": a title's clause written in prose, no name
        _, name = split_name([*run, last])  # a possessive ends the name (split_name)
        trimmed = self._trimmed(tuple(strip_possessive(t) for t in name))
        return trimmed if trimmed and trimmed[-1] == last else None

    def _trimmed(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """A run read back from a surname without the words before the name: function words, prepositions
        ("Outside Carrier's plant") and participles ("Rebuking Trump"), then any word that keeps it from being one name (`is_name`)."""
        while name:
            if name[0].lower() in FUNCTION_WORDS or name[0].lower() in _PREPOSITIONS or name[0].lower().endswith("ing"):
                name = name[1:]
            elif len(name) > 1 and self._is_name is not None and not self._is_name(" ".join(name)):
                name = name[1:]
            else:
                return name
        return name

    def _standalone(self, word: str) -> Iterator[int]:
        """Where `word` stands alone: no letter, digit, apostrophe, hyphen or underscore before it,
        and no word character or hyphen after it (an apostrophe may follow: "Pompeo’s")."""
        if not word:
            return
        self._scans += 1
        if self._scans > _SCANS_BEFORE_INDEX and _WORD_RUN.fullmatch(word):
            for start, run in self._starts.get(_APOSTROPHE.split(word, 1)[0], ()):
                after = run[len(word) : len(word) + 1]
                if run.startswith(word) and not (after and (is_word_char(after) or after == "-")):
                    yield start
            return
        text = self._text
        resume = 0
        for start in occurrences(text, word):
            end = start + len(word)
            if start < resume or end < len(text) and (is_word_char(text[end]) or text[end] == "-"):
                continue
            resume = end
            if not (start > 0 and _WORD_RUN.match(text, start - 1)):
                yield start


def _space_before(text: str, end: int) -> int:
    """Where the white space that ends at `end` starts (`end` if there is none, or if it holds a line
    break: a name never runs on from one line, a headline, caption or subhead, into the next)."""
    position = end
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return end if "\n" in text[position:end] else position


def _token_before(text: str, end: int, floor: int) -> int:
    """Where the token that ends at `end` starts, not before `floor`."""
    position = end
    while position > floor and not text[position - 1].isspace():
        position -= 1
    return position


def _run_before(text: str, start: int) -> list[str]:
    """The capitalised words before `start`, each followed by white space and perhaps a name particle
    ("Osama bin "), at most four and all within _WINDOW characters; read back from `start`, a token at a time."""
    floor = max(0, start - _WINDOW)
    words: list[str] = []
    position = start
    for _ in range(_MAX_RUN_WORDS):
        space = _space_before(text, position)
        if space == position or space <= floor:
            break
        token_start = _token_before(text, space, floor)
        particle = text[token_start:space]
        if particle in _RUN_PARTICLES:
            space = _space_before(text, token_start)
            if space == token_start or space <= floor:
                break
            token_start = _token_before(text, space, floor)
        else:
            particle = ""
        token = text[token_start:space]
        first = _capital_from(token)
        if first is None:
            break
        words[:0] = [token[first:], particle] if particle else [token[first:]]
        if first > 0 or token_start == floor:
            break  # the first word of the run: nothing before it can join it
        position = token_start
    return words


def _capital_from(token: str) -> int | None:
    """Where the capitalised word that ends the token begins: the first capital A-Z from which every
    character to the end is a letter, digit, apostrophe, ampersand, hyphen or underscore."""
    for index, character in enumerate(token):
        if "A" <= character <= "Z" and _RUN_CHARACTERS.fullmatch(token, index + 1):
            return index
    return None


def canonical_name(name: str, pool: NamePool | dict[str, list[tuple[str, ...]]]) -> str:
    """The longest full name in the article that ends with the words of `name`."""
    tokens = tuple(name.split())
    if not tokens:
        return name
    best = tokens
    for candidate in pool.get(tokens[-1], ()):
        if len(candidate) > len(best) and candidate[-len(tokens):] == tokens:
            best = candidate
    return " ".join(best)


def people_named(text: str) -> Iterator[str]:
    """People named outside quotation cues: "Haddad said", and titled names ("spokesman Omar Haddad", "Minister Ali Khan")."""
    for m in _NAMED_SPEAKER.finditer(text):
        word = strip_possessive(m.group("name"))
        if word.lower() not in _NOT_A_NAME:
            yield word
    # The title tests come before the Title Case test of the run's line: few runs have a title, and the
    # tests only skip runs, so their order changes nothing that is yielded.
    for m in CAPITAL_RUN.finditer(text):
        start = m.start()
        before = text[start - 16 if start > 16 else 0 : start].rsplit(None, 1)  # its last token, as split() gives it
        title_before = bool(before) and before[-1].lower().rstrip(".") in _NAMING_TITLES
        run = m.group()
        if not title_before and " " not in run:
            continue  # a lone capitalised word with no title before it names no one we can tell
        tokens = run.split()
        if not title_before and _NAMING_TITLES.isdisjoint(map(str.lower, tokens[:-1])):
            continue  # no title before the name or in the run: the affiliation split_name finds cannot end in one
        if " " in run and on_title_case_line(text, start, m.end()):
            continue  # a headline or subhead: its capitalised words run on past any name
        affiliation, name = split_name(tokens)
        name = [strip_possessive(t) for t in name]
        if name and (title_before or (bool(affiliation) and affiliation[-1].lower() in _NAMING_TITLES)):
            yield " ".join(name)


def person_mentions(text: str, names: dict[str, str], quoted: list[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each known person is named outside quotations, in text order.

    `names` maps each way a person was written ("Abdel Mahdi") to the canonical key; the surname alone of
    a full name no one else of the article shares counts too (`_surnames`, `_not_the_person`),
    so "Abu Mahdi" is not mistaken for "Adil Abdel Mahdi". At each offset the longest
    name with a word boundary on both sides is taken, and the search resumes after it.
    All names are found in one pass over the text, however many the article has.
    """
    if not names:
        return (), ()
    names_given = names
    surnames = _surnames(names)
    names = {**surnames, **names}
    automaton = ahocorasick.Automaton()
    for name in names:
        if name:
            automaton.add_word(name, name)
    automaton.make_automaton()
    candidates = sorted(
        (end + 1 - len(name), -len(name), name)
        for end, name in automaton.iter(text)
        if at_word_boundary(text, end + 1 - len(name)) and at_word_boundary(text, end + 1)
    )
    starts = [q[0] for q in quoted]
    positions: list[int] = []
    found: list[str] = []
    resume = 0
    for start, negative_length, name in candidates:
        if start < resume:
            continue
        resume = start - negative_length
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and quoted[k][0] <= start < quoted[k][1]:
            continue
        if name in surnames and name not in names_given and _not_the_person(text, start):
            continue
        positions.append(start)
        found.append(names[name])
    return tuple(positions), tuple(found)


_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
"""An article before a surname that is used as a word of description ("the Obama administration", "a Trump rally")."""


_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(\w[\w’'\-]*)\s+$")


def _not_the_person(text: str, start: int) -> bool:
    """Whether a surname alone at `start` is no mention of the person it stands for: after an article it
    describes a thing ("the Obama administration"); after a capitalised word that is no title it ends someone
    else's full name ("Hillary Rodham Clinton" where the article knows only "Bill Clinton")."""
    window = text[max(0, start - 40) : start]
    if _ATTRIBUTIVE_BEFORE.search(window):
        return True
    m = _WORD_BEFORE.search(window)
    return bool(m) and m.group(1)[:1].isupper() and m.group(1).lower() not in TITLE_WORDS


def _surnames(names: dict[str, str]) -> dict[str, str]:
    """The surname alone of each full name that no other person of the article shares ("Fallon" for "Brian
    Fallon"): news names a person in full once and by surname after, and a pronoun after "Fallon fired back:"
    must see Fallon. A surname that is also a word the subject walk stops at (a month, a title) is left out."""
    owners: dict[str, set[str]] = {}
    for key in set(names.values()):
        words = key.split()
        if len(words) >= 2 and len(words[-1]) > 2 and words[-1][:1].isupper() and words[-1].lower() not in _NOT_A_NAME:
            owners.setdefault(words[-1], set()).add(key)
    return {surname: next(iter(keys)) for surname, keys in owners.items() if len(keys) == 1}


def affiliation_before(text: str, name: str) -> str | None:
    """The title written before the first occurrence of a full name ("U.S. Secretary of State")."""
    first = next((start for start in occurrences(text, name) if at_word_boundary(text, start + len(name))), None)
    if first is None:
        return None
    _, phrase = walk_subject(text, max(0, first - 200), first + len(name))
    affiliation, _ = split_name(phrase.split())
    if affiliation and affiliation[0].lower() in DETERMINERS:
        affiliation = affiliation[1:]
    joined = " ".join(affiliation).strip()
    if joined:
        return joined
    appositive = next(filter(None, (_APPOSITIVE.match(text, start + len(name) + 1) for start in occurrences(text, name + ","))), None)
    if appositive and any(w.lower() in _TITLES_NOT_LINKS for w in appositive.group("aff").split()):
        return appositive.group("aff")
    return None
