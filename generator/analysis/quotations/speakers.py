"""Speakers: turn a cue's subject into who is speaking, with whether they are anonymous and their affiliation.

- A name is normalised to the longest full name in the article that ends with it.
- A pronoun ("he added") or a definite title ("the U.S. president") refers to the one
  person named, outside quotations, before the cue in its sentence or the one before (a surname
  alone counts, `names.person_mentions`); "it" and "they" never stand for one person. "The judge" may
  also be the one person named there whose title, written before their name, is that word; a description
  that is no title ("the Gawker employee", `described`) is the one person named there, as uncertain.
- "The statement said" resolves to the issuer named in the same or the two previous
  sentences ("X issued a statement", "a statement by X").
- An institution speaks for itself; "a security source", "officials" are anonymous.
Rules for how a speaker is named (house styles, organisations as speakers, how
sure an attribution is) belong here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from generator.analysis.quotations.names import NamePool, affiliation_before, canonical_name
from generator.analysis.quotations.subjects import FIRST_PERSON, FUNCTION_WORDS, PRONOUNS, TITLE_WORDS, Subject, analyse_subject, walk_subject
from generator.analysis.text.sentences import Sentences
from generator.analysis.text.wordlists import MONTHS, WEEKDAYS

STATEMENT_ISSUED = re.compile(r"\b(?:issued|released|put\s+out|published)\s+(?:a|an)\s+(?:\w+\s+)?statement\b")
STATEMENT_BY = re.compile(r"statement(?<!\wstatement)\s+(?:by|from)\s+(?P<subj>(?:the\s+)?[A-Z](?:[^,.;:“”\"]|\.(?=\w|\s[a-z])){1,80}?)(?=\s+(?:earlier|on|said|says|late|this|last|yesterday|today)\b|[,.;:])")
_SUBSTANCE = re.compile(r"[^ \n\t.,;:!?”’\"']")
"""A character that is more than white space, punctuation or a closing mark."""
_ISSUER_SENTENCES = 3
_ISSUER_WINDOW = 1000
"""How far back, in sentences and characters, the issuer of "the statement" is looked for."""


@dataclass(frozen=True)
class Context:
    """What resolving a subject needs from the whole article: its text, its names and where people are named."""

    text: str
    pool: NamePool
    mention_positions: tuple[int, ...]
    mention_names: tuple[str, ...]
    affiliations: dict[str, str | None]  # memo for this article only (TextFacts.affiliations)
    quoted: tuple[tuple[int, int], ...] = ()  # every quotation's (start, end), in order
    genders: dict[str, str | None] = field(default_factory=dict)  # memo of courtesy_gender, for this article only

    def outside_quotations(self, start: int, end: int) -> bool:
        """Whether [start, end) has any character that is not inside a quotation (its marks count as inside)."""
        k = bisect.bisect_right(self.quoted, (start, len(self.text) + 1)) - 1
        position = start
        for index in range(max(k, 0), len(self.quoted)):
            s, e = self.quoted[index]
            if s - 2 > position:
                break
            position = max(position, e + 2)
        return position < end and _SUBSTANCE.search(self.text, position, end) is not None

    @cached_property
    def _next_other(self) -> tuple[int, ...]:
        """For each mention, the index of the first later mention of someone else (len if none)."""
        names = self.mention_names
        found = [len(names)] * len(names)
        for k in range(len(names) - 2, -1, -1):
            found[k] = k + 1 if names[k + 1] != names[k] else found[k + 1]
        return tuple(found)

    def someone_else_between(self, start: int, end: int, person: str | None) -> bool:
        """Whether anyone but `person` is named, outside quotations, in [start, end), in time independent of
        how often `person` is named there."""
        k = bisect.bisect_left(self.mention_positions, start)
        if k >= len(self.mention_positions) or self.mention_positions[k] >= end:
            return False
        if self.mention_names[k] != person:
            return True
        other = self._next_other[k]
        return other < len(self.mention_positions) and self.mention_positions[other] < end

    @cached_property
    def _people(self) -> frozenset[str]:
        return frozenset(self.mention_names)

    def names_person(self, written: str) -> bool:
        """Whether `written` is, in full or as its last word's full name, someone the article names as a person
        outside quotations (found by people_named or a cue), not just a capitalised word."""
        return written in self._people or canonical_name(written, self.pool) in self._people

    def courtesy_gender(self, name: str) -> str | None:
        """ "m" or "f" when the article gives the person's surname only male ("Mr. Lee") or only female ("Mrs.
        Lee", "Ms. Lee") courtesy titles; None when it gives none, or both (two people of one surname)."""
        if name not in self.genders:
            surname = name.split()[-1] if name.split() else ""
            found = {gender for title, gender in _TITLE_GENDER.items()
                     for written in (title.capitalize() + ". " + surname, title.capitalize() + " " + surname)
                     if surname and written in self.text}
            self.genders[name] = found.pop() if len(found) == 1 else None
        return self.genders[name]

    def affiliation_of(self, name: str) -> str | None:
        if name not in self.affiliations:
            self.affiliations[name] = affiliation_before(self.text, name)
        return self.affiliations[name]


def last_person_before(ctx: Context, position: int, not_before: int = 0) -> str | None:
    """The person named last before `position` (and not before `not_before`), outside quotations."""
    k = bisect.bisect_left(ctx.mention_positions, position) - 1
    if k >= 0 and ctx.mention_positions[k] >= not_before:
        return ctx.mention_names[k]
    return None


def _statement_issuer(text: str, before: int, sentences: Sentences, sentence_index: int) -> Subject | None:
    """Who issued "the statement": "X issued a statement" or "a statement by X" in the previous sentences."""
    floor = max(0, before - _ISSUER_WINDOW)
    for index in range(sentence_index, max(-1, sentence_index - _ISSUER_SENTENCES), -1):
        s, e = sentences[index]
        s, e = max(s, floor), min(e, before)
        if s >= e:
            continue
        for m in STATEMENT_ISSUED.finditer(text, s, e):
            _, phrase = walk_subject(text, s, m.start())
            if phrase:
                return analyse_subject(phrase)
        m = STATEMENT_BY.search(text, s, e)
        if m:
            return analyse_subject(m.group("subj"))
    return None


@dataclass(frozen=True)
class Speaker:
    """Who a subject is: a key (a full name, an organisation, an unnamed source's words), its kind, and how sure."""

    key: str | None
    anonymous: bool = False
    affiliation: str | None = None
    kind: str = "unknown"  # results.SPEAKER_KINDS
    confidence: float = 0.0
    rule: str = ""


NOBODY = Speaker(None)
NAMED = 0.95
"""A name, an organisation or an unnamed source written as the subject of the cue itself."""
ONE_CANDIDATE = 0.85
"""A pronoun or "the senator" when exactly one person is named in the text just before it."""
_BACK_SENTENCES = 1
"""How many sentences before the cue's own a pronoun's candidates are looked for in."""
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_DATES = frozenset(WEEKDAYS + tuple(m for m in MONTHS if m not in ("april", "may", "june", "august")))
"""Days and months that are not also given names or surnames: a subject cut to one of these is a date."""
_FRAGMENTS = frozenset(("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "st", "jr", "sr"))


def is_plausible_name(name: str) -> bool:
    """Whether a name can be one: not a lone title ("Sen", "Mr"), abbreviation ("Calif.", "N.H.") or day
    ("Friday"), no line break, no function word opening it ("Once") or capitalised after its first word
    ("Officeholders Who Endorse Lee", a headline's words), not cut at an initial ("Diane D"), at most one all-caps word (two, as in "TAX OVERHAUL Ryan", are a headline or
    subhead glued to a name)."""
    words = name.split()
    if not words or "\n" in name or name.endswith("-"):
        return False
    if len(words) == 1 and (words[0].lower().rstrip(".") in _FRAGMENTS or words[0].endswith(".") or words[0].lower() in _DATES):
        return False
    if any(w[:1].isupper() and w.lower() in FUNCTION_WORDS for w in words[1:]) or words[0].lower() in FUNCTION_WORDS:
        return False
    if len(words) > 1 and len(words[-1]) == 1:
        return False  # "Diane D": a name cut at an initial's full stop
    shouting = [w for w in words if len(w) > 1 and w.isupper() and w.isalpha()]
    return len(shouting) <= 1


def _named(subject: Subject, ctx: Context, rule: str) -> Speaker:
    if not is_plausible_name(subject.name or ""):
        return NOBODY
    key = canonical_name(subject.name or "", ctx.pool)
    if not is_plausible_name(key) or _courtesy(subject) and _titled_both_ways(subject.name or "", ctx.text):
        key = subject.name or ""  # a headline's words, or "Mrs. Clinton" where "Mr. Clinton" is someone else
    kind = "organisation" if _ACRONYM.fullmatch(key) else "person"
    return Speaker(key, False, subject.affiliation or ctx.affiliation_of(key), kind, NAMED, rule)


def _courtesy(subject: Subject) -> bool:
    """Whether the subject is a name after a courtesy title ("Mrs. Clinton", "Mr. Lee")."""
    return (subject.affiliation or "").lower().rstrip(".") in _TITLE_GENDER


def _titled_both_ways(name: str, text: str) -> bool:
    """Whether the article writes the surname after both a man's and a woman's courtesy title ("Mr. Clinton",
    "Mrs. Clinton"): two people share it, and the one full name the article gives may be the other's."""
    surname = name.split()[-1] if name.split() else ""
    return bool(surname) and f"Mr. {surname}" in text and any(f"{title}. {surname}" in text for title in ("Mrs", "Ms"))


_TITLE_FORMS = {"senator": ("sen",), "representative": ("rep", "congressman", "congresswoman"), "governor": ("gov",),
                "general": ("gen",), "congressman": ("rep",), "congresswoman": ("rep",), "secretary": ("sec",)}
"""A title and the other ways its holder's title is written before the name ("Sen. Ann Lee" is "the senator")."""


def _holds_title(phrase: str, affiliation: str | None) -> bool:
    """Whether "the <title>" can be the person whose title was written as `affiliation` before their name."""
    title = phrase.lower().split()[-1]
    if not affiliation:
        return False
    written = {word.strip(".,()").lower() for word in affiliation.split()}
    return title in written or any(form in written for form in _TITLE_FORMS.get(title, ()))


def _two_named(phrase: str) -> bool:
    """Whether a subject joins two named people with "and" ("Sen. Ann Lee and Rep. Tom Vey said"): they speak
    together, and crediting the words to the last one alone would be a guess."""
    tokens = phrase.split()
    return any(token == "and" and 0 < k < len(tokens) - 1 and tokens[k - 1][:1].isupper() and tokens[-1][:1].isupper()
               for k, token in enumerate(tokens))


def _cut_off(subject: Subject) -> bool:
    """Whether an organisation is only a lone title, day or abbreviation cut from a name or place ("Mr",
    "Calif.", "N.H."); with an article it names a body ("the U.N.")."""
    if " " not in subject.institution.strip() and subject.phrase.lower().startswith(("the ", "a ", "an ")):
        return False
    return not is_plausible_name(subject.institution.replace(" The ", " the "))  # "Ann Lee of The Nation" is a body


def candidates_before(ctx: Context, position: int, sentences: Sentences, sentence_index: int, most: int = 2) -> tuple[str, ...]:
    """The distinct people a pronoun at `position` may stand for: those named, outside quotations, in its own
    sentence before it; if none, those of the nearest earlier sentence with words outside quotations (at
    most _BACK_SENTENCES + 1 back). Latest first, at most `most` (see _people_in)."""
    if not len(sentences):
        return ()
    found = _people_in(ctx, sentences[sentence_index][0], position, most)
    index = sentence_index - 1
    while not found and index >= max(0, sentence_index - 1 - _BACK_SENTENCES):
        start, end = sentences[index]
        if ctx.outside_quotations(start, end):
            return _people_in(ctx, start, end, most)
        index -= 1
    return found


def _people_in(ctx: Context, start: int, end: int, most: int = 2) -> tuple[str, ...]:
    """The distinct people named in [start, end), latest first, at most `most`: enough to tell one from several,
    and never a walk over every name of a long sentence for each of its quotations."""
    k = bisect.bisect_left(ctx.mention_positions, end) - 1
    found: list[str] = []
    while k >= 0 and ctx.mention_positions[k] >= start and len(found) < most:
        if ctx.mention_names[k] not in found:
            found.append(ctx.mention_names[k])
        k -= 1
    return tuple(found)


_NOT_ONE_PERSON = frozenset(("it", "they"))
"""Pronouns that do not stand for one person ("it" is a body, "they" a group or several people)."""
_GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GENDER_CANDIDATES = 4
"""How many people named before a "he" or "she" are told apart by the courtesy titles the article gives them."""
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _of_gender(ctx: Context, people: tuple[str, ...], gender: str) -> tuple[str, ...]:
    """Of the people a "he" or "she" may stand for, those the article does not call by the other sex's courtesy
    title ("Mrs. Clinton", "Mr. Trump"); when fewer than all are so called, at most one may stand out."""
    if len(people) >= _GENDER_CANDIDATES:
        return people  # perhaps more before them, unseen: no choice by elimination
    return tuple(person for person in people if ctx.courtesy_gender(person) in (gender, None))


DESCRIBED = 0.6
"""A described source ("the businessman replied") taken to be the one person named just before: shown as uncertain."""
_NEW_PEOPLE = frozenset("man woman person boy girl guy lady gentleman voter resident".split())
"""Heads of a description that bring in someone new ("the woman said"), never one named before."""


def _described(subject: Subject, cue_position: int, ctx: Context, sentences: Sentences, sentence_index: int, rule: str) -> Speaker:
    """ "the judge", "the senator": the one person named just before (in the cue's sentence before it, or the
    sentence before) whose title, written before their name, is that word: several people may be named, one
    judge. "the businessman", "the Gawker employee" (no title): the one person named just before, as uncertain
    (DESCRIBED); "the pope told reporters" after a senator is named is someone else, no speaker."""
    people = candidates_before(ctx, cue_position, sentences, sentence_index, _GENDER_CANDIDATES)
    holders = [person for person in people if _holds_title(subject.phrase, ctx.affiliation_of(person))]
    if len(holders) == 1 and len(people) < _GENDER_CANDIDATES:
        return Speaker(holders[0], False, ctx.affiliation_of(holders[0]), "person", ONE_CANDIDATE, rule + ", the one holder of the title named before")
    head = subject.phrase.lower().split()[-1]
    if len(people) != 1 or head in TITLE_WORDS or head in _NEW_PEOPLE:
        return NOBODY
    return Speaker(people[0], False, ctx.affiliation_of(people[0]), "person", DESCRIBED, rule + ", one person named before, described")


def resolve(subject: Subject, cue_position: int, ctx: Context, sentences: Sentences, sentence_index: int, rule: str = "cue") -> Speaker:
    """Who a cue's subject is. A pronoun or "the <title>" resolves only when exactly one person is named in the
    previous sentence and its own before it; otherwise the speaker is not identified (a wrong name is worse than none)."""
    if subject.name:
        return _named(subject, ctx, rule) if not _two_named(subject.phrase) else NOBODY
    if subject.phrase.lower() in FIRST_PERSON:
        return NOBODY  # the writer: someone's words, but no one the text names
    if subject.refers_back:
        if subject.phrase.lower() in _NOT_ONE_PERSON:
            return NOBODY  # "it told", "they said": a body or a group, never the one person named before
        if subject.phrase.lower() not in PRONOUNS:
            return _described(subject, cue_position, ctx, sentences, sentence_index, rule)
        people = candidates_before(ctx, cue_position, sentences, sentence_index)
        if len(people) == 2 and subject.phrase.lower() in _GENDERED:
            people = _of_gender(ctx, candidates_before(ctx, cue_position, sentences, sentence_index, _GENDER_CANDIDATES),
                                _GENDERED[subject.phrase.lower()])
        if len(people) != 1:
            return NOBODY
        affiliation = ctx.affiliation_of(people[0])
        return Speaker(people[0], False, affiliation, "person", ONE_CANDIDATE, rule + ", one person named before")
    lowered = subject.phrase.lower()
    if lowered.endswith("statement") and not subject.institution or lowered in ("the statement", "a statement", "statement"):
        issuer = _statement_issuer(ctx.text, cue_position, sentences, sentence_index)
        if issuer is None:
            return NOBODY
        if issuer.name:
            return _named(issuer, ctx, rule + ", the statement's issuer")
        if issuer.institution:
            return Speaker(issuer.institution, issuer.anonymous, issuer.affiliation,
                           "anonymous" if issuer.anonymous else "organisation", ONE_CANDIDATE, rule + ", the statement's issuer")
        return Speaker(strip_article(issuer.phrase), issuer.anonymous, None, "anonymous" if issuer.anonymous else "organisation",
                       ONE_CANDIDATE, rule + ", the statement's issuer")
    if subject.institution and not _cut_off(subject):
        key = subject.institution if not subject.anonymous else strip_article(subject.phrase)
        return Speaker(key, subject.anonymous, subject.affiliation, "anonymous" if subject.anonymous else "organisation", NAMED, rule)
    if not subject.anonymous:
        return NOBODY  # "their instinctive preference", "46-year-old": words that name no source
    return Speaker(strip_article(subject.phrase), True, None, "anonymous", NAMED, rule)


def capped(who: Speaker, confidence: float) -> Speaker:
    return Speaker(who.key, who.anonymous, who.affiliation, who.kind, min(who.confidence, confidence), who.rule) if who.key else who


def strip_article(phrase: str) -> str:
    """ "the U.S. embassy" -> "U.S. embassy"; "A U.S. source" -> "a U.S. source"."""
    tokens = phrase.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    elif tokens and tokens[0].lower() in ("a", "an"):
        tokens[0] = tokens[0].lower()
    return " ".join(tokens)
