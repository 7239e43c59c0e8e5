"""Cues: the words that introduce a quotation and name who said it.

1. After the closing mark, in the same sentence: "…,” Khatibzadeh said",
   "…,” said Pompeo in a tweet", "…,” he added", "…,” according to the ministry".
2. Before the opening mark, in the same sentence: the last speech verb outside
   quotation marks and its subject ("Khatibzadeh said, “…", "what he described as
   “…"); a participle ("calling the attack “…”") takes the sentence's subject.
3. An embedded tweet's signature line: "— Name (@handle) …".
House styles of attribution belong here, as patterns beside these.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from generator.analysis.quotations.marks import RawQuote, mark_width
from generator.analysis.quotations.names import CAPITAL_RUN
from generator.analysis.quotations.subjects import ADVERBS_BEFORE_VERB, Subject, analyse_subject, walk_subject
from generator.analysis.text.sentences import Sentences
from generator.analysis.text.tokens import at_word_boundary
from generator.analysis.text.wordlists import ABBREVIATIONS, INVERTED_SPEECH_VERBS, SPEECH_PARTICIPLES, SPEECH_VERBS, WEEKDAYS

VERB_ALTERNATION = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_ADVERBS = "(?:" + "|".join(sorted(ADVERBS_BEFORE_VERB, key=len, reverse=True)) + ")"
_MEDIUM = r"(?:\s+(?:in|on|via)\s+(?:a|an|his|her|its|their|the)\s+(?:written\s+|televised\s+|separate\s+)?(?:tweet|statement|Twitter\s+post|post|interview|speech|message|press\s+conference|video))?"
_VERB_AFTER = re.compile(rf"\s*(?P<subj>[^“”\"\n]{{1,160}}?)\s+(?:{_ADVERBS}\s+)*(?P<verb>{VERB_ALTERNATION})\b{_MEDIUM}")
_INVERTED = re.compile(
    rf",?\s*(?P<verb>{'|'.join(INVERTED_SPEECH_VERBS)})\b(?:\s+(?:on\s+)?(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})\b)?{_MEDIUM},?\s+"
)
"""An inverted speech verb right after the closing mark ("…,” said", "…,” wrote on Tuesday")."""
_PHRASE_TOKEN = re.compile(r"\S+")
_ENDS_PHRASE = frozenset("of at from for who whose which with in on during after before when while to and as".split())
_MAX_SUBJECT_WORDS = 8
_DESCRIPTION_CHARACTERS = 80
"""How far a description may run before the comma after which the name follows."""
_QUOTE_MARK = re.compile(r"[“”\"]|''")


def _word_finder(words: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_VERB_FINDER = _word_finder(SPEECH_VERBS)
"""Every place a speech verb occurs, found in one pass in C; built once, never changed."""
ACCORDING = re.compile(r"[Aa]ccording(?<![\w-][Aa]ccording)\s+to\s+(?P<subj>(?:the|an?)\s+)?(?P<rest>(?:[^,.;:“”\"]|\.(?=\w|\s[a-z])){1,80})")
"""Capitalised too, as it opens a sentence; a full stop inside the source ("the U.S. embassy") does not end it. The "no word character or hyphen before" test is written after
the leading characters, so that `re` can skip to candidates: a pattern that starts with a lookbehind is tried everywhere."""
TOLD = re.compile(r"\b(?P<verb>told)\s+(?P<outlet>AFP|Reuters|AP|the\s+Associated\s+Press|reporters|journalists|[A-Z][A-Za-z]+)\b")
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]*[A-Z](?:,[^\n—–]{0,40}?)?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?[—–-]\s")
"""A wire dateline opening a paragraph ("WASHINGTON, Dec. 8 (UPI) — ", "BAGHDAD (AFP) - "): a place, not a speaker."""
_LEAD_WINDOW = 200
"""How far from a sentence's start the subject of a participle ("Zarif, calling it “…”") is looked for."""
_SIGNATURE = re.compile(r"[—–-]\s*(?P<name>[A-Z][\w’'.\-]{0,40}(?:\s+[A-Z][\w’'.\-]{0,40}){0,3})\s*\((?P<handle>@\w+)\)")
"""A tweet's signature line, "— Name (@handle)"; each name word is at most 41 characters, so each dash is tried in bounded time."""


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    subject: Subject
    cue: str
    participle: bool = False


@dataclass(frozen=True)
class SpeechVerbs:
    """The speech verbs of a text that stand outside quotation marks within their sentence, in order.

    Found once per article, so each quotation's cue before it is a binary search, not a rescan of its sentence."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, quoted: Sequence[tuple[int, int]]) -> SpeechVerbs:
        """`quoted`: the (start, end) of every quotation, in text order (any kind of mark)."""
        quote_starts = [start for start, _ in quoted]
        starts: list[int] = []
        ends: list[int] = []
        for last, length in _VERB_FINDER.iter(text):
            start, end = last + 1 - length, last + 1
            if not (at_word_boundary(text, start) and at_word_boundary(text, end)):
                continue  # part of a longer word: each whole word is one verb at most
            k = bisect.bisect_right(quote_starts, start) - 1
            if k >= 0 and quoted[k][0] <= start < quoted[k][1]:
                continue  # inside a quotation: the speaker's words, not a cue
            starts.append(start)
            ends.append(end)
        return cls(tuple(starts), tuple(ends))

    def first_after(self, start: int, end: int) -> tuple[int, int] | None:
        """The first verb wholly inside [start, end), as (start, end)."""
        k = bisect.bisect_left(self.starts, start)
        if k < len(self.starts) and self.ends[k] <= end:
            return self.starts[k], self.ends[k]
        return None

    def last_before(self, start: int, end: int) -> tuple[int, int] | None:
        """The last verb wholly inside [start, end), as (start, end)."""
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.ends[k] > end:
            k -= 1
        if k >= 0 and self.starts[k] >= start:
            return self.starts[k], self.ends[k]
        return None


def _leading_space(text: str, start: int, end: int) -> int:
    """How many white-space characters text[start:end] begins with."""
    position = start
    while position < end and text[position].isspace():
        position += 1
    return position - start


def cue_after(text: str, close: int, sentence_end: int) -> Cue | None:
    """ "…,” Khatibzadeh said" or "…,” said Pompeo": a cue right after the closing mark."""
    after = close + mark_width(text, close)
    if text[after : after + 1] in (".", "!", "?") or after >= sentence_end:
        return None
    lead = _leading_space(text, after, sentence_end)
    according = ACCORDING.match(text, after + lead, sentence_end) if lead else None
    if according:
        phrase = ((according.group("subj") or "") + according.group("rest")).strip()
        return Cue(according.start(), according.end(), analyse_subject(phrase), text[according.start() : according.end()].strip())
    inverted = _INVERTED.match(text, after, sentence_end)
    if inverted:
        found = subject_after_verb(text, inverted.end(), sentence_end)
        if found is not None:
            subject, end = found
            return Cue(inverted.start("verb"), end, subject, text[inverted.start("verb") : end].strip())
    m = _VERB_AFTER.match(text, after, sentence_end)
    if m:
        walked_start, walked = walk_subject(text, after, m.start("verb"))
        if walked and walked_start == after + lead:  # the cue must follow the closing mark directly
            return Cue(walked_start, m.end(), analyse_subject(walked), text[walked_start : m.end()].strip())
    return None


def subject_after_verb(text: str, start: int, end: int) -> tuple[Subject, int] | None:
    """The subject after an inverted speech verb ("…,” said former governor Howard Dean (D), a supporter"),
    and where it ends. A description with no name gives way to a name after the next comma ("said a leading
    advocate, Ann Lee of the firm"; "said his friend at college, Ann Lee"); words after the name ("of the
    firm", "who …", a party tag) are left out. A pronoun or "the senator" refers back as usual."""
    first = _phrase_after(text, start, end)
    if first is None:
        return None
    phrase, phrase_end, _ = first
    subject = analyse_subject(phrase)
    if subject.name:
        return subject, phrase_end
    comma = text.find(",", phrase_end, min(end, phrase_end + _DESCRIPTION_CHARACTERS))
    if comma != -1 and not _QUOTE_MARK.search(text, phrase_end, comma):
        second = _phrase_after(text, comma + 1, end)
        if second is not None:
            named = analyse_subject(second[0])
            if named.name:
                return Subject(named.phrase, named.name, None, text[start:comma].strip(), False, False), second[1]
    if subject.institution or subject.anonymous or subject.refers_back:
        return subject, phrase_end
    return None


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
        if stop.startswith(".") and (bare.rsplit(".", 1)[-1] in ABBREVIATIONS or len(bare.rsplit(".", 1)[-1]) == 1) and len(stop) == 1:
            bare, stop = token, ""  # "Mr.", "J.", "U.S." go on
        if bare:
            words.append(bare)
            phrase_end = m.start() + len(bare)
        if stop:
            return (" ".join(words), phrase_end, stop.startswith(",")) if words else None
    return (" ".join(words), phrase_end, False) if words else None


def cue_before(text: str, sentence_start: int, open_mark: int, verbs: SpeechVerbs) -> Cue | None:
    """The last speech verb before the opening mark in the same sentence, outside quotation marks, with its subject."""
    last = verbs.last_before(sentence_start, open_mark)
    if last is None:
        return None
    verb = text[last[0] : last[1]]
    if verb in SPEECH_PARTICIPLES:
        lead = CAPITAL_RUN.match(text, sentence_start, min(last[0], sentence_start + _LEAD_WINDOW))
        if lead and lead.end() <= last[0] and not _DATELINE.match(text, sentence_start, last[0]):
            phrase = lead.group()
            return Cue(sentence_start, last[1], analyse_subject(phrase), text[sentence_start : lead.end()] + " … " + verb, True)
        return None
    start, phrase = walk_subject(text, sentence_start, last[0])
    if not phrase:
        found = subject_after_verb(text, last[1], open_mark)
        if found is not None and not text[found[1] : open_mark].strip(" ,:"):
            return Cue(last[0], found[1], found[0], text[last[0] : found[1]])  # "said Ann Lee: “…”"
        return None
    return Cue(start, last[1], analyse_subject(phrase), text[start : last[1]])


def find_cue(text: str, raw: RawQuote, sentences: Sentences, verbs: SpeechVerbs) -> Cue | None:
    """The cue of one quotation: its signature if it is an embedded tweet, else a cue after it, else one before."""
    if raw.block_quote:
        m = _SIGNATURE.search(text, raw.start, raw.end)
        if m:
            return Cue(m.start(), m.end(), analyse_subject(m.group("name")), m.group().strip())
        return None
    end_index = sentences.index(raw.end)
    limit = sentences[end_index][1]
    if limit <= raw.end + 1 and text[raw.end - 1 : raw.end] in (",", "!", "?", "—") and end_index + 1 < len(sentences):
        limit = sentences[end_index + 1][1]
    cue = cue_after(text, raw.end, limit)
    if cue is not None:
        return cue
    return cue_before(text, sentences[sentences.index(raw.start - 1)][0], raw.start - 1, verbs)
