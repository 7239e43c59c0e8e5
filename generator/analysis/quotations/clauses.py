"""Subjects that stand apart from their speech verb: after it, at the head of the sentence, or in the clause before.

- After an inverted verb: "…,” said former governor Ann Lee, a supporter" (`subject_after_verb`), also set
  off by commas inside the sentence ("The trouble, says Ann Lee, is that …", `set_off`).
- A verb with no subject of its own, a participle ("…, saying “…”") or a verb joined by "and" ("Lee took
  the stage and called it “…”"), takes the subject of the speech verb before it in its sentence ("Lee
  said, adding: “…”", "said Ann Lee, urging them to “…”"), else a name right before it after "with", "and"
  or a dash ("with Ann Lee tweeting that …", "… and Lee calling it “…”"), else the sentence's own subject
  (`clause_subject`), or the named subject of a verb in the past it is joined to ("when Lee knocked Dahl
  and called her “…”"), or the name after a description that opens it ("The chief engineer, Ann Lee, spoke
  on Monday, saying …", `subject_of_clause`).
- The sentence's own subject and the subject before its first verb live in `lead` (`lead_subject`,
  `subject_of_clause`).
"""

from __future__ import annotations

import re

from generator.analysis.quotations.lead import DESCRIPTION_CHARACTERS, Found, abbreviated, lead_subject, subject_of_clause
from generator.analysis.quotations.subjects import DETERMINERS, FUNCTION_WORDS, Subject, analyse_subject, walk_subject
from generator.analysis.quotations.verbs import SpeechVerbs

_PHRASE_TOKEN = re.compile(r"\S+")
_ENDS_PHRASE = frozenset("of at from for who whose which with in on during after before when while to and as".split())
_MAX_SUBJECT_WORDS = 8
_POSSESSIVES = frozenset(("his", "her", "their"))
_CLAUSE_OPENERS = FUNCTION_WORDS - DETERMINERS
"""Words that open a clause after a verb rather than its subject ("said when …"): made once, not per verb."""
_QUOTE_MARK = re.compile(r"[“”\"]|''")
_COORDINATED = re.compile(r"(?:\b(?:and|but)|,\s*then)(?:\s+then)?\s+(?:(?:also|later|again|even|quickly|now|still|soon|instead|[a-z]{3,}ly)\s+)*$")
"""The words before a verb that join it to the clause before ("… and called", "… but then added", "… but now said", "…, then said");
"Lee then said" is no joint."""
_ABSOLUTE = re.compile(r"(?:\bwith|\band|[—–]|\s-)\s*$")
"""What stands before a name that has a participle of its own ("with Ann Lee tweeting that …", "… and Lee
calling it “…”", "— Dahl saying he was “…”"): the name is the participle's subject."""
_COORDINATION_WINDOW = 40
_FINITE_TRIES = 3
"""How many speech verbs back a participle's clause is looked for, past words that are nouns here ("his calls")."""


def subject_after_verb(text: str, start: int, end: int, after_quotation: bool = False) -> tuple[Subject, int] | None:
    """The subject after an inverted speech verb ("…,” said former governor Howard Dean (D), a supporter"),
    and where it ends. A description with no name gives way to a name after the next comma ("said a leading
    advocate, Ann Lee of the firm"; "said his friend at college, Ann Lee"), or to one inside it ("said the
    base chief known as Bob", "said master of ceremonies Ann Lee"); words after the name ("of the
    firm", "who …", a party tag) are left out. A pronoun or "the senator" refers back as usual.
    `after_quotation`: the verb follows a closing mark directly ("…,” added his campaign manager Ann Lee"),
    where a possessive description may open the subject if a name ends it; elsewhere "said his boss was"
    opens a clause."""
    first = _phrase_after(text, start, end)
    if first is None:
        return None
    phrase, phrase_end, _ = first
    opening = phrase.split()[0].lower()
    possessive = after_quotation and opening in _POSSESSIVES
    if opening in _CLAUSE_OPENERS and not possessive:
        return None  # "said when he was …", "said that it …": a clause, not the verb's subject
    subject = analyse_subject(phrase)
    if subject.name:
        return subject, phrase_end
    inner = _name_inside_description(text, start, phrase_end, end)
    if inner is not None:
        return inner
    if possessive:
        named = _name_after_comma(text, phrase_end, end)
        return (Subject(named[0].phrase, named[0].name, None, text[start : named[2]].strip(), False, False), named[1]) if named else None
    named = _name_after_comma(text, phrase_end, end)
    if named:
        return Subject(named[0].phrase, named[0].name, None, text[start : named[2]].strip(), False, False), named[1]
    if subject.institution or subject.anonymous or subject.refers_back:
        return subject, phrase_end
    return None


_KNOWN_AS = re.compile(r"[^,;:“”\"\n]{0,60}?\b(?:known|identified)\s+(?:only\s+)?as\s+(?=[A-Z])")
_ROLE_OF = re.compile(r"\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?=[A-Z])")


def _name_inside_description(text: str, start: int, phrase_end: int, end: int) -> tuple[Subject, int] | None:
    """A name that a description after an inverted verb holds: "said the base chief known as Bob", "said master
    of ceremonies Ann Lee"; the description is kept as the subject's phrase."""
    m = _KNOWN_AS.match(text, start, end) or _ROLE_OF.match(text, phrase_end, end)
    if m is None:
        return None
    after = _phrase_after(text, m.end(), end)
    if after is None:
        return None
    named = analyse_subject(after[0])
    if not named.name:
        return None
    return Subject(named.phrase, named.name, None, text[start : after[1]].strip(), False, False), after[1]


_NOUN_BEFORE_NAME = re.compile(r"[a-z]+\s+[A-Z][\w’'\-]*\s+[A-Z]")
"""One lower-case word of description before a full name ("…, actress Ann Lee", "…, engineer Tom Vey")."""


def _name_after_comma(text: str, phrase_end: int, end: int) -> tuple[Subject, int, int] | None:
    """A name right after the next comma within a description's length: (its subject, where it ends, the comma)."""
    comma = text.find(",", phrase_end, min(end, phrase_end + DESCRIPTION_CHARACTERS))
    if comma == -1 or _QUOTE_MARK.search(text, phrase_end, comma):
        return None
    second = _phrase_after(text, comma + 1, end)
    if second is None or second[0].split()[0].lower() in FUNCTION_WORDS:
        return None  # "the boy, who was wearing a ‘…’ hat": a clause, not a name set off
    if not second[0][:1].isupper() and not _NOUN_BEFORE_NAME.match(second[0]):
        return None  # "the boy, running late": no name set off
    named = analyse_subject(second[0])
    return (named, second[1], comma) if named.name else None


def _phrase_after(text: str, start: int, end: int) -> tuple[str, int, bool] | None:
    """Up to eight words from `start`: (phrase, where it ends, whether a comma ends it), stopping before a
    preposition or relative pronoun, a bracket, a quotation mark, a comma or the end of a sentence (the full
    stop of "Mr." or an initial "J." ends nothing)."""
    words: list[str] = []
    phrase_end = start
    for m in _PHRASE_TOKEN.finditer(text, start, end):
        token = m.group()
        if len(words) >= _MAX_SUBJECT_WORDS or token[0] in "(“”\"" or token.startswith("''"):
            break
        if words and token in _ENDS_PHRASE:
            break
        bare = token.rstrip(",.;:!?")
        stop = token[len(bare):]
        if stop.startswith(".") and abbreviated(bare) and len(stop) == 1:
            bare, stop = token, ""  # "Mr.", "J.", "U.S." go on
        if bare:
            words.append(bare)
            phrase_end = m.start() + len(bare)
        if stop:
            return (" ".join(words), phrase_end, stop.startswith(",")) if words else None
    return (" ".join(words), phrase_end, False) if words else None


def introduces(text: str, subject_end: int, open_mark: int) -> bool:
    """Whether the words between an inverted verb's subject and the opening mark introduce the quotation: a comma
    or colon, perhaps after a description set off by commas ("said Ann Lee, who grew up there, “…")."""
    between = text[subject_end:open_mark].strip()
    if between in (",", ":"):
        return True
    return len(between) > 2 and between[0] == "," and between[-1] in ",:" and not _QUOTE_MARK.search(between)


def set_off(text: str, sentence_start: int, verb_start: int, subject: Subject, subject_end: int) -> bool:
    """Whether an inverted verb and its subject stand between commas inside the sentence ("The trouble, says Ann
    Lee, a historian, is that it was “…”"): a parenthetical cue that says whose words the sentence gives. Only a
    name counts: "…, writes a weekly column and, …" is a list of what someone does."""
    before = text[max(sentence_start, verb_start - 3) : verb_start].rstrip()
    return before.endswith(",") and text[subject_end : subject_end + 1] == "," and bool(subject.name) and subject.name[:1].isupper()


def is_coordinated(text: str, sentence_start: int, verb_start: int) -> bool:
    """Whether the verb at `verb_start` is joined to the clause before it ("… and called"), so has no subject of its own."""
    window = text[max(sentence_start, verb_start - _COORDINATION_WINDOW) : verb_start]
    return _COORDINATED.search(window) is not None


def clause_subject(text: str, sentence_start: int, verb_start: int, verbs: SpeechVerbs) -> Found | None:
    """The subject of a participle or coordinated verb at `verb_start` (rules in the module docstring)."""
    start, phrase = walk_subject(text, sentence_start, verb_start)
    if phrase and _ABSOLUTE.search(text, max(sentence_start, start - 6), start):
        subject = analyse_subject(phrase)
        if subject.name or subject.institution:
            return Found(subject, start, start + len(phrase))
    before = verb_start
    for _ in range(_FINITE_TRIES):
        finite = verbs.last_finite_before(sentence_start, before)
        if finite is None:
            break
        start, phrase = walk_subject(text, sentence_start, finite[0])
        if phrase and not is_coordinated(text, sentence_start, finite[0]):
            return Found(analyse_subject(phrase), start, finite[1])
        if not phrase and (text[finite[0]].isupper() or _after_closing_mark(text, sentence_start, finite[0])):
            after = subject_after_verb(text, finite[1], verb_start)
            return Found(after[0], finite[0], after[1]) if after is not None else None
        if phrase:
            return None  # joined by "and" to a clause further back: not followed
        before = finite[0]  # no subject: a noun ("his calls for"), not a verb; the verb may stand before it
    lead = lead_subject(text, sentence_start, verb_start)
    joined = _joined_subject(text, sentence_start, verb_start) if lead is None else None
    if joined is not None:
        return joined
    found = subject_of_clause(text, sentence_start, verb_start)  # "The minister, Ann Lee, alluded to it, saying"
    if found is not None and found[0].name and (lead is None or not lead.subject.name or found[1] >= lead.end):
        return Found(found[0], found[1], found[1] + len(found[0].phrase))  # past words of title: "Republican …"
    return lead


_JOINED_TO = re.compile(r"\b(?P<verb>[a-z]{3,}ed)\s+(?:[^,;:“”\"\n']|'(?!'))[^,;:“”\"\n]{0,60}?\s+and\s+(?:[a-z]+ly\s+)?$")
"""A verb in the past, its object and "and" right before a speech verb ("knocked Dahl on fares and called")."""


def _joined_subject(text: str, sentence_start: int, verb_start: int) -> Found | None:
    """The named subject of the verb that a speech verb is joined to by "and", inside a clause the sentence's
    subject is not ("…, such as when Lee knocked Dahl on fares and called her a “…”")."""
    m = _JOINED_TO.search(text, max(sentence_start, verb_start - 90), verb_start)
    if m is None:
        return None
    start, phrase = walk_subject(text, sentence_start, m.start("verb"))
    if not phrase:
        return None
    subject = analyse_subject(phrase)
    return Found(subject, start, start + len(phrase)) if subject.name else None


def _after_closing_mark(text: str, sentence_start: int, verb_start: int) -> bool:
    """Whether only a comma and white space stand between a closing quotation mark and the verb ("…,” said")."""
    before = text[max(sentence_start, verb_start - 4) : verb_start].rstrip(" ,")
    return before.endswith(("”", '"', "''", "’"))


