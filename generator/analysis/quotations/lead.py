"""The subject at the head of a sentence: who the sentence says is acting, when a speech verb has no subject of its own.

Read by `clauses` (the subject of a participle or a verb joined by "and") and by the rules of `direct` and
`sentence_sources` that give a quotation to the sentence's subject. The sentence's own subject
(`lead_subject`) comes after an opening phrase set off by a comma ("On Tuesday, Ann Lee wrote …", "Early in
the race, …", "In Salem, Ore., …") or by an aside between dashes ("Hastily …ing it ― as before ― Lee …"), a
connective ("But", "And") or a dateline; capitalised words after an article that only modify a noun ("the
Stanford graduate") are none; it must name someone (a person, an organisation by its name, an unnamed
source): "It was …", "The campaign rallied …" or "Lee's decision to …" name no one. Failing that, the named
subject right before the sentence's first verb in the past, after words of title or a description set off
by a comma ("Republican candidate Ann Lee took …", "The chief engineer, Ann Lee, spoke …": `subject_of_clause`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.quotations.subjects import DETERMINERS, FUNCTION_WORDS, IN_SUBJECT, NAME_PARTICLES, Subject, analyse_subject, walk_subject
from generator.analysis.text.wordlists import ABBREVIATIONS

_PHRASE_TOKEN = re.compile(r"\S+")
_QUOTE_MARK = re.compile(r"[“”\"]|''")
DESCRIPTION_CHARACTERS = 80
"""How far a description may run before the comma after which the name follows."""
DATELINE = re.compile(r"[A-Z][A-Z .'’-]*[A-Z](?:,[^\n—–]{0,40}?)?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?[—–-]\s")
"""A wire dateline opening a paragraph ("WASHINGTON, Dec. 8 (UPI) — ", "BAGHDAD (AFP) - "): a place, not a speaker."""
_AGENCY_DATELINE = re.compile(r"[^\n()“”\"]{1,40}\((?:AFP|AP|Reuters|UPI|dpa|Xinhua)\)\s*[—–-]\s*")
"""A dateline in mixed case ("Washington (AFP) – ")."""
_CONNECTIVES = frozenset("and but so yet still then also meanwhile however now instead indeed separately thus".split())
_OPENERS = frozenset(
    """on in at after before during when while since despite although though as like unlike following with without
    for from by under over throughout amid early late last this earlier later back until because if once upon
    here there hours days weeks months years minutes moments ever""".split()
)
"""Words that open a phrase set off by a comma before the subject ("On Tuesday, …", "Back in 1999, …", "Hours
later, …"); so do participles and adverbs ("Reached by phone, …", "Speaking on Monday, …", "Hastily, …")."""
_DASH_ASIDE = re.compile(r"\s[―—–]\s[^―—–“”\"\n]{1,100}?\s[―—–]\s")
"""An aside between dashes that closes an opening phrase instead of a comma ("Hastily …ing it ― much like before ― Lee …")."""
_STATE_AFTER_PLACE = re.compile(r"\s*(?:[A-Z][a-z]{0,5}\.(?:\s?[A-Z]\.)*|[A-Z]\.[A-Z]\.|[A-Z]{2})\s*,")
"""A state or country abbreviation after a place in an opening phrase ("In Concord, N.H., …", "In Fresno, Calif., …")."""
_OPENING_PHRASE = 120
"""How far the comma that ends an opening phrase may stand from the sentence's start."""
_LEAD_WORDS = 10
_MODIFIES_NOUN = re.compile(
    r" (?!(?:said|told|wrote|gave|made|took|had|has|is|was|were|are|will|would|can|could|may|might|must|should|did|does|"
    r"do|went|got|put|sent|spoke|came|kept|began|ran|won|lost|led|left|saw|hit|set|let|cut|met|sat|stood|held|"
    r"who|which|that|and|or|but|of|in|on|at|for|to|with|by|from|as|after|before|during|not|also|then|now|later|again|"
    r"still|just|even|never|already|once|soon|often|first|last|too|herself|himself|itself|themselves)\b)"
    r"[a-z][a-z\-]*(?<!ed)(?<!s)(?<!ly)\b(?![’'])")
"""A lower-case word after a subject that opens with an article, that is no verb: a noun the capitalised words
only modify ("the Stanford graduate", "a familiar voice"), so the sentence's subject is that noun, which names
no one ("Carly Fiorina threw" has no article: any verb may follow a name)."""
@dataclass(frozen=True)
class Found:
    """A subject found apart from its verb, and where its words stand."""

    subject: Subject
    start: int
    end: int


def lead_subject(text: str, sentence_start: int, limit: int) -> Found | None:
    """The sentence's own subject, before `limit`, when it names someone (see the module docstring)."""
    position = _past_opening(text, sentence_start, limit)
    if position is None:
        return None
    words: list[re.Match[str]] = []
    for m in _PHRASE_TOKEN.finditer(text, position, limit):
        token = m.group()
        bare = token.rstrip(",;:")
        plain = bare.lower().rstrip(".")
        first = not words
        if first and plain in DETERMINERS:
            words.append(m)
        elif bare[:1].isupper() and not (plain in FUNCTION_WORDS and first) and not _QUOTE_MARK.match(bare):
            if bare.endswith(".") and not abbreviated(bare[:-1]):
                break
            words.append(m)
        elif not first and (plain in IN_SUBJECT or plain in NAME_PARTICLES):
            words.append(m)
        else:
            break
        if token != bare or len(words) >= _LEAD_WORDS:
            break
    while words and words[-1].group().rstrip(",;:").lower() in ("of", "for", "and", "the", "&"):
        words.pop()
    if not words:
        return None
    end = words[-1].start() + len(words[-1].group().rstrip(",;:"))
    following = text[end : end + 2]
    if re.match(r"['’]s?\s", text[words[-1].end() - 2 : words[-1].end() + 1]) and following.strip()[:1].islower():
        return None  # "Lee's decision to …": the subject is the noun after the name
    if words[0].group().lower() in ("the", "a", "an") and _MODIFIES_NOUN.match(text, end, limit):
        return None  # "the Stanford medieval-history graduate ended": the capitalised words modify a noun
    phrase = text[words[0].start() : end]
    subject = analyse_subject(phrase)
    named_body = bool(subject.institution) and any(c.isupper() for c in subject.institution)
    if subject.name or named_body or subject.anonymous or phrase.lower() in ("he", "she", "they"):
        return Found(subject, words[0].start(), end)
    return None


def _opening_verbal(text: str, word: re.Match[str], limit: int) -> bool:
    """Whether a capitalised word in -ing, -ed or -ly followed by a lower-case word opens the sentence with a
    phrase ("Speaking at …", "Reached by …", "Hastily politicizing …"); "Carly Fiorina" is a name."""
    if not (text[word.start()].isupper() and word.group().lower().endswith(("ing", "ed", "ly"))):
        return False
    following = re.compile(r"\s+(\S)").match(text, word.end(), limit)
    return following is not None and following.group(1).islower()


def subject_of_clause(text: str, sentence_start: int, end: int, opening: bool = True) -> tuple[Subject, int] | None:
    """The named subject right before the first verb in the past of the clause before `end`, and where it starts
    ("Ann Lee, a Democrat, reacted sharply to the plan, “…”"). With `opening`, it must open the sentence, past an
    opening phrase ("In an interview with the Harbor Post published Monday, …" has no such subject), and its verb
    must be active ("Lee was asked, “…”" quotes the one who asked)."""
    position = subject_position(text, sentence_start, end) if opening else sentence_start
    if position is None:
        return None
    for tries, verb in enumerate(_PAST_VERB.finditer(text, position, end)):
        if tries >= _VERBS_TRIED:
            break
        if opening and _PASSIVE_BEFORE.search(text, max(position, verb.start() - 12), verb.start()):
            return None
        start, phrase = walk_subject(text, position, verb.start())
        if phrase:
            subject = analyse_subject(phrase)
            at_start = start == position or not opening or _described_before(text, position, start)
            return (subject, start) if at_start and (subject.name or subject.institution) else None
    return None


def _described_before(text: str, position: int, name_start: int) -> bool:
    """Whether only a description set off by a comma stands between the sentence's subject position and the name
    ("The French minister of energy, Anne Royal, alluded …")."""
    between = text[position:name_start].rstrip()
    if _TITLE_WORDS.fullmatch(between):
        return True  # "Republican presidential candidate Ann Lee took …": words of title before the name
    return 0 < len(between) <= DESCRIPTION_CHARACTERS and between.endswith(",") and not _QUOTE_MARK.search(between)


_TITLE_WORDS = re.compile(
    r"(?!(?:One|A|An|The|Some|Many|Two|Several)\b)[A-Z][\w\-]*"
    r"(?:\s+(?!(?:of|in|inside|at|for|from|with|to|on|by|who|which|that|near|outside|about|under|over|as|when|while|"
    r"after|before|if|because|since|though|although|once|until|his|her|their|its|the|a|an)\b)[\w\-]+){0,6}")
"""Words of title before a name at the head of a sentence ("Republican presidential candidate", "Former
prosecutor and New York City Mayor"); a phrase with a preposition ("One operative inside …") describes someone else."""


_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|gave|made|took|had|put|sent|went|got|spoke|wrote|told|said|did|came|held)\b")
_VERBS_TRIED = 4
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$")


def subject_position(text: str, start: int, limit: int) -> int | None:
    """Where the sentence starting at `start` has its subject: past connectives, an opening phrase and a
    dateline (None when an opening phrase has no comma to end it)."""
    position = _past_opening(text, start, limit)
    while position is not None and position < limit and text[position].isspace():
        position += 1
    return position


def _past_opening(text: str, start: int, limit: int) -> int | None:
    """Where the sentence's subject may start: after connectives, an opening phrase set off by a comma, and a
    dateline. None when an opening phrase has no comma to end it."""
    position = start
    for _ in range(4):
        while position < limit and text[position].isspace():
            position += 1
        m = re.compile(r"[\w’'\-]+").match(text, position, limit)
        if m is None:
            return position
        word = m.group().lower()
        if word in _CONNECTIVES:
            position = m.end()
            if text[position : position + 1] == ",":
                position += 1
            continue
        if word in _OPENERS or _opening_verbal(text, m, limit):
            comma = text.find(",", m.end(), min(limit, m.end() + _OPENING_PHRASE))
            aside = _DASH_ASIDE.search(text, m.end(), comma if comma != -1 else min(limit, m.end() + _OPENING_PHRASE))
            if aside is not None:
                position = aside.end()  # "Hastily politicizing it ― much like he did before ― Lee cast …"
                continue
            if comma == -1 or _QUOTE_MARK.search(text, m.end(), comma):
                return None
            position = comma + 1
            state = _STATE_AFTER_PLACE.match(text, position, limit)
            position = state.end() if state else position  # "In Concord, N.H., on Tuesday, …": the place goes on
            continue
        dateline = _AGENCY_DATELINE.match(text, position, limit) or DATELINE.match(text, position, limit)
        if dateline:
            position = dateline.end()
            continue
        return position
    return position


def abbreviated(bare: str) -> bool:
    """Whether `bare` (a word before a full stop) is an abbreviation: "Mr", "U.S", "J"."""
    last = bare.rsplit(".", 1)[-1]
    return last in ABBREVIATIONS or len(last) == 1
