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

import re
from dataclasses import dataclass

from generator.analysis.quotations.frames import aside_start, infinitive_frame, own_subject
from generator.analysis.quotations.clauses import clause_subject, introduces, is_coordinated, set_off, subject_after_verb
from generator.analysis.quotations.headline_labels import labelled_name
from generator.analysis.quotations.lines import HEADLINE_LABEL, line_bounds, title_case
from generator.analysis.quotations.marks import RawQuote, mark_width, opening_mark_start
from generator.analysis.quotations.subjects import ADVERBS_BEFORE_VERB, INSTITUTION_WORDS, Subject, analyse_subject, walk_subject
from generator.analysis.quotations.verbs import SpeechVerbs
from generator.analysis.quotations.whose_words import SPEECH_NOUN
from generator.analysis.text.sentences import Sentences
from generator.analysis.text.wordlists import INVERTED_SPEECH_VERBS, SPEECH_PARTICIPLES, SPEECH_VERBS, WEEKDAYS

VERB_ALTERNATION = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_ADVERBS = "(?:" + "|".join(sorted(ADVERBS_BEFORE_VERB, key=len, reverse=True)) + ")"
_MEDIUM = r"(?:\s+(?:in|on|via)\s+(?:a|an|his|her|its|their|the)\s+(?:written\s+|televised\s+|separate\s+)?(?:tweet|statement|Twitter\s+post|post|interview|speech|message|press\s+conference|video))?"
_VERB_AFTER = re.compile(rf"\s*(?P<subj>[^“”\"\n]{{1,160}}?)\s+(?:{_ADVERBS}\s+)*(?P<verb>{VERB_ALTERNATION})\b{_MEDIUM}")
_NEXT_VERB = re.compile(rf"[^“”\"\n]{{1,120}}?\s(?:{_ADVERBS}\s+)*(?P<verb>{VERB_ALTERNATION})\b{_MEDIUM}")
_VERBS_AFTER_TRIED = 2
"""How many speech verbs after a closing mark are tried for the cue's subject: the second when the first stands
inside a description of the speaker ("“…,” Lee, who has proposed a levy, said")."""
_INVERTED = re.compile(
    rf",?\s*(?P<verb>{'|'.join(INVERTED_SPEECH_VERBS)})\b(?:\s+(?:on\s+)?(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})\b)?{_MEDIUM},?\s+"
)
"""An inverted speech verb right after the closing mark ("…,” said", "…,” wrote on Tuesday")."""


ACCORDING = re.compile(
    r"[Aa]ccording(?<![\w-][Aa]ccording)\s+to\s+(?P<subj>(?:the|an?)\s+)?"
    r"(?P<rest>(?:[^,.;:“”\"]|\.(?=\w|\s[a-z])|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\s[A-Z])\.(?=\s[A-Z])){1,80})")
"""Capitalised too, as it opens a sentence; a full stop inside the source ("the U.S. embassy"), after a courtesy
title ("Mr. Rhodes") or an initial ("Ann B. Lee") does not end it. The "no word character or hyphen before" test is written after
the leading characters, so that `re` can skip to candidates: a pattern that starts with a lookbehind is tried everywhere."""
TOLD = re.compile(r"\b(?P<verb>told)\s+(?P<outlet>AFP|Reuters|AP|the\s+Associated\s+Press|reporters|journalists|[A-Z][A-Za-z]+)\b")
_SIGNATURE = re.compile(r"[—–-]\s*(?P<name>[A-Z][\w’'.\-]{0,40}(?:\s+[A-Z][\w’'.\-]{0,40}){0,3})\s*\((?P<handle>@\w+)\)")
"""A tweet's signature line, "— Name (@handle)"; each name word is at most 41 characters, so each dash is tried in bounded time."""


_DASH_SOURCE = re.compile(r"\s*[-–—][ \t]*(?P<name>[A-Z][\w’'\-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w’'\-]+){0,3})[ \t]*(?:\.|$)", re.M)
"""A quoted claim signed after a dash and closed by a full stop or the line's end ("“…” - Ann Lee."), as fact
checks and lists of quotations write them: the name is the source, and nothing else is in its sentence. The
signature may stand on a line of its own after the quotation's paragraph ("- Ann Lee." alone), and then it
must be the whole line."""
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
DASH_SOURCE = 0.9
"""How sure a dash signature is: a dash may also open a name the writer turns to ("“…” — Lee.", a reply)."""


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|also\s+)?$")
"""A speech verb in the passive ("Lee was asked", "it was reported"): its subject is spoken to or of, not speaking."""
_AGENT = re.compile(r"[^“”\"\n]{0,60}?\bby\s+")
"""The agent of a passive speech verb: "was asked by host Ann Lee, “…”"."""


_NOT_HEADLINE_NAME = (
    "Who|What|Why|How|When|Where|Which|That|This|These|Those|The|A|An|If|And|But|Or|Is|Are|Was|Were|Has|Have|Had|"
    "Will|Would|Can|Could|Should|Does|Did|Do|Got|Gets|Being|Been|Just|Now|Again|Also|Still|Finally|Reportedly|"
    "Says|Said|Tells|Calls|Latest|Watch|Video|Breaking|Exclusive|Report|Poll|I|We|You|He|She|They|It"
)
_NAME_WORD = rf"(?!(?:{_NOT_HEADLINE_NAME})\b)[A-Z][\w.’'\-]*"
_HEADLINE_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
"""One to three capitalised words that may name someone: no function word, auxiliary or headline label among them."""
_HEADLINE_COLON = re.compile(rf"\s*(?:[\d.]+\s+)?{_HEADLINE_NAME}:\s")
"""A name that opens a headline before a colon: "Ann Lee: Budget ‘…’"."""
_HEADLINE_VERB = re.compile(
    _HEADLINE_NAME + r"(?:\s+(?:Just|Now|Again|Also|Finally|Reportedly|Is\s+Now))?\s+(?:"
    + "|".join(sorted({v.capitalize() for v in SPEECH_VERBS if " " not in v}, key=len, reverse=True)) + r")\b"
)
"""A name before a capitalised speech verb: "Ann Lee Says …", "Ann Lee Now Calls …"."""


_HEADLINE_CLOSING_CUE = re.compile(rf"[^;:.!?“”\"\n]{{0,80}}?,\s*{_HEADLINE_NAME}\s+(?P<verb>[a-z]{{3,}}s)\s*(?:[;.]|$)", re.M)
"""A headline in sentence case that ends its clause with a name and a verb after the quotation ("‘…’ his big idea,
Lee hints;"): the name says the words, as "…,” Lee said" does in the body, but only as sure as a headline."""
_FIRST_PERSON_AFTER_COLON = re.compile(rf"\s*{_HEADLINE_NAME}\s+[A-Z][a-z]+s\b[^:“”‘’'\"\n]{{0,60}}:\s+(?:I|We|My|Our)\b")
"""A headline whose subject's own words follow a colon in the first person ("Ann Lee Backs Dahl: I Am ‘…’"):
the words are the subject's, as sure as a headline's subject."""
_NOT_SPEECH_S = frozenset("has was does goes gets wins loses runs leads trails stays falls rises".split())
"""Verbs in -s that end a headline's clause without saying anything ("…, Lee wins")."""



_ADJACENT = re.compile(r"\s*(?:(?:it|him|her|them|this|that|as|a|an|the|his|her|its|their)\s+){0,2}")
"""Words between a speech verb and the opening mark that bind the quotation to it: "called “", "called it a “",
"described as “"."""


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    subject: Subject
    cue: str
    participle: bool = False
    confidence: float = 1.0
    """Below 1 for a cue that names the speaker less directly (the subject of a headline): caps the speaker's."""
    rule: str = ""
    """The rule's name when it is not one of the ordinary cues ("dash signature")."""


def _leading_space(text: str, start: int, end: int) -> int:
    """How many white-space characters text[start:end] begins with."""
    position = start
    while position < end and text[position].isspace():
        position += 1
    return position - start


def cue_after(text: str, close: int, sentence_end: int) -> Cue | None:
    """ "…,” Khatibzadeh said" or "…,” said Pompeo": a cue right after the closing mark, perhaps past a speech
    verb inside a description of the speaker ("…,” Lee, who has proposed a levy, said")."""
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
        found = subject_after_verb(text, inverted.end(), sentence_end, after_quotation=True)
        if found is not None:
            subject, end = found
            return Cue(inverted.start("verb"), end, subject, text[inverted.start("verb") : end].strip())
    m = _VERB_AFTER.match(text, after, sentence_end)
    for _ in range(_VERBS_AFTER_TRIED):  # past a verb inside a description: "“…,” Lee, who has proposed …, said"
        if not m:
            break
        walked_start, walked = walk_subject(text, after, m.start("verb"))
        if walked and walked_start == after + lead:  # the cue must follow the closing mark directly
            return Cue(walked_start, m.end(), analyse_subject(walked), text[walked_start : m.end()].strip())
        m = _NEXT_VERB.match(text, m.end(), sentence_end)
    m = _VERB_ENDS_CLAUSE.match(text, after, sentence_end)
    if m and _stop_before(text, close) in (",", "!", "?", "—"):
        walked_start, walked = walk_subject(text, after, m.start("verb"))
        if walked and walked_start == after + lead:
            return Cue(walked_start, m.end(), analyse_subject(walked), text[walked_start : m.end()].strip())
    return None


_VERB_ENDS_CLAUSE = re.compile(r"\s*(?P<subj>[^“”\"\n,;:]{1,60}?)\s+(?P<verb>[a-z]{3,}(?:ed|s))(?:\s+(?:out|back|in|up|on|off))?(?=\s*[.!?;,]|$)")
"""A subject and a past or present verb that end their clause right after a quotation left open by a comma
("“…,” Lee barked.", "“…!” an angry Dahl retorts.", "“…,” Lee pointed out."): in that place any such verb,
with or without its particle, says the words."""


def _stop_before(text: str, close: int) -> str:
    """The last character of a quotation before its closing mark at `close`, past inner closing marks and spaces."""
    end = close
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in "'’"):
        end -= 1
    return text[end - 1 : end]


def cue_before(text: str, sentence_start: int, open_mark: int, verbs: SpeechVerbs) -> Cue | None:
    """The last speech verb before the opening mark in the same sentence, outside quotation marks, with its subject:
    the words before it; for an inverted verb, the name after it and a comma or colon ("said Ann Lee: “…"), or
    the name with the verb set off by commas ("The trouble, says Ann Lee, is that “…”"); past an aside
    ("Lee, for one, called", `frames.aside_start`); a verb after a possessive that is no noun of speech is an
    adjective ("Lee's proposed credit"; "Lee's claim" is Lee's), and the verb before it is read instead; for a
    participle or a verb joined by "and", the subject of the clause it belongs to (see `clauses`)."""
    last = verbs.last_before(sentence_start, open_mark)
    if last is None:
        return None
    verb = text[last[0] : last[1]]
    frame = infinitive_frame(text, sentence_start, last[0])
    own = own_subject(text, sentence_start, frame) if frame is not None and frame.own else None
    if own is not None or (frame is not None and frame.own and not frame.auxiliary):  # "Lee was prompted to say “…”"
        return Cue(own[0], last[1], own[1], text[own[0] : last[1]], True) if own is not None else None
    frame = None if frame is not None and frame.auxiliary else frame
    if verb in SPEECH_PARTICIPLES or is_coordinated(text, sentence_start, last[0]) or frame is not None:
        found = clause_subject(text, sentence_start, frame.start if frame is not None else last[0], verbs)
        if found is None:
            return None
        return Cue(found.start, last[1], found.subject, text[found.start : found.end] + " … " + verb, True)
    if _PASSIVE.search(text, max(sentence_start, last[0] - 12), last[0]):
        agent = _AGENT.match(text, last[1], open_mark)
        found_agent = subject_after_verb(text, agent.end(), open_mark) if agent else None
        if found_agent is None or not found_agent[0].name:
            return None  # "Lee was asked, “…”": someone else's words, the asker not named
        return Cue(last[0], found_agent[1], found_agent[0], text[last[0] : found_agent[1]])
    start, phrase = walk_subject(text, sentence_start, last[0])
    aside = aside_start(text, sentence_start, last[0]) if not phrase else None
    if aside is not None:
        start, phrase = walk_subject(text, sentence_start, aside)  # "Lee, for one, called it “…”"
    if not phrase:
        if verb.lower() not in INVERTED_SPEECH_VERBS:
            return None
        found_after = subject_after_verb(text, last[1], open_mark)
        if found_after is None or found_after[0].refers_back:
            return None
        if not (introduces(text, found_after[1], open_mark) or set_off(text, sentence_start, last[0], *found_after)):
            return None
        return Cue(last[0], found_after[1], found_after[0], text[last[0] : found_after[1]])  # "said Ann Lee: “…”"
    if phrase.endswith(("'s", "’s", "s'", "s’")) and not SPEECH_NOUN.fullmatch(verb):
        return cue_before(text, sentence_start, start, verbs)  # "calling Lee's proposed credit “…”": an adjective
    return Cue(start, last[1], analyse_subject(phrase), text[start : last[1]])


def find_cue(
    text: str, raw: RawQuote, sentences: Sentences, verbs: SpeechVerbs, headline_end: int = 0, attributing: SpeechVerbs | None = None
) -> Cue | None:
    """The cue of one quotation: its signature if it is an embedded tweet, else a cue after it, else one before
    (a speech verb, else "according to" in `attributing`, the attributing words), else a headline's
    (`headline_end`: where the article's headline ends)."""
    if raw.block_quote:
        m = _SIGNATURE.search(text, raw.start, raw.end)
        if m:
            return Cue(m.start(), m.end(), analyse_subject(m.group("name")), m.group().strip())
        return None
    end_index = sentences.index(raw.end)
    limit = sentences[end_index][1]
    if limit <= raw.end + max(1, mark_width(text, raw.end)) and _last_stop(text, raw) in (",", "!", "?", "—") and end_index + 1 < len(sentences):
        following_start, following_end = sentences[end_index + 1]
        if "\n" not in text[limit:following_start]:  # the sentence after, in the same paragraph: "“Why?” asked Lee."
            limit = following_end
    sentence_start = sentences[sentences.index(raw.start - 1)][0]
    open_mark = opening_mark_start(text, raw.start)
    adjacent = verbs.last_before(sentence_start, open_mark)
    if adjacent is not None and _ADJACENT.fullmatch(text, adjacent[1], open_mark):
        cue = cue_before(text, sentence_start, open_mark, verbs)  # "what Lee called “…”": bound to its verb
        if cue is not None:
            return cue
    cue = cue_after(text, raw.end, limit)
    if cue is not None:
        return cue
    cue = _dash_source(text, raw)
    if cue is not None:
        return cue
    cue = cue_before(text, sentence_start, open_mark, verbs)
    if cue is not None:
        return cue
    cue = _according_before(text, sentence_start, open_mark, attributing)
    if cue is not None:
        return cue
    return headline_cue(text, opening_mark_start(text, raw.start), raw.end + mark_width(text, raw.end), raw.start < headline_end)


def _dash_source(text: str, raw: RawQuote) -> Cue | None:
    """ "“…” - Ann Lee.": a quotation ended inside its marks, then a dash and a name alone before a full stop."""
    if _last_stop(text, raw) not in (".", "!", "?", "…"):
        return None
    m = _DASH_SOURCE.match(text, raw.end + mark_width(text, raw.end))
    if m is None:
        return None
    if "\n" in text[m.start() : m.start("name")] and not _LINE_END.match(text, m.end()):
        return None  # a paragraph that opens with a dash and a name goes on: prose, not a signature
    subject = analyse_subject(m.group("name"))
    if not (subject.name or subject.institution):
        return None
    return Cue(m.start("name"), m.end("name"), subject, m.group().strip(), confidence=DASH_SOURCE, rule="dash signature")


def _according_before(text: str, sentence_start: int, open_mark: int, attributing: SpeechVerbs | None) -> Cue | None:
    """ "According to the campaign, “…”", "The speech, according to Ann Lee, will be “…”": the source that
    "according to" names before the quotation in its sentence, when no other attributing word stands between."""
    word = attributing.last_before(sentence_start, open_mark) if attributing is not None else None
    if word is None or text[word[0] : word[1]].lower() != "according to":
        return None
    m = ACCORDING.match(text, word[0], open_mark)
    if m is None:
        return None
    subject = analyse_subject(((m.group("subj") or "") + m.group("rest")).strip())
    if not (subject.name or subject.institution or subject.anonymous):
        return None
    return Cue(m.start(), m.end(), subject, text[m.start() : m.end()].strip())


def _last_stop(text: str, raw: RawQuote) -> str:
    """The quotation's last character before any inner closing marks and spaces ("… say, ‘Well done,’ ”": the
    comma), which tells whether its sentence goes on after the closing mark."""
    end = raw.end
    while end > raw.start and (text[end - 1].isspace() or text[end - 1] in "'’"):
        end -= 1
    return text[end - 1 : end]


def headline_cue(text: str, open_mark: int, after_close: int, in_headline: bool) -> Cue | None:
    """In a headline, or a line written in Title Case like one, "Name: … ‘…’", "Name Says … ‘…’" or "‘…,’ Name
    Tells …": the name that opens the line before a colon, or the name before a capitalised speech verb, before
    the quotation or right after it."""
    bounds = line_bounds(text, open_mark, after_close, in_headline)
    if bounds is None:
        return None
    line_start, line_end = bounds
    if not (in_headline or title_case(text, line_start, line_end)):
        return None
    label = HEADLINE_LABEL.match(text, line_start, open_mark)
    if label:
        line_start = label.end()  # "The Latest: Lee vows …": the label names no one
    following = _HEADLINE_VERB.match(text, after_close + _leading_space(text, after_close, line_end) + (text[after_close : after_close + 1] == ","), line_end)
    if following:
        subject = analyse_subject(following.group("name"))
        if subject.name or subject.institution:
            return Cue(following.start(), following.end(), subject, following.group())
    closing = _HEADLINE_CLOSING_CUE.match(text, after_close, line_end) if in_headline else None
    if closing and closing.group("verb") not in _NOT_SPEECH_S:
        subject = analyse_subject(closing.group("name"))
        if subject.name:
            return Cue(closing.start("name"), closing.end("verb"), subject, text[closing.start("name") : closing.end("verb")], confidence=HEADLINE_SUBJECT)
    own = _FIRST_PERSON_AFTER_COLON.match(text, line_start, open_mark) if in_headline else None
    if own:
        subject = analyse_subject(own.group("name"))
        if subject.name:
            return Cue(own.start("name"), own.end("name"), subject, own.group().strip(), confidence=HEADLINE_SUBJECT)
    if (named := labelled_name(text, line_start, open_mark, line_end)) is not None:  # "Port Challenger Ann Lee: …"
        return Cue(named[0], named[1], analyse_subject(text[named[0] : named[1]]), text[line_start : named[1] + 1].strip(), confidence=HEADLINE_SUBJECT)
    colon = _HEADLINE_COLON.match(text, line_start, open_mark)
    if colon:
        subject = analyse_subject(colon.group("name"))
        if subject.name or subject.institution and subject.institution.split()[-1].lower() in INSTITUTION_WORDS:
            return Cue(colon.start(), colon.end() - 1, subject, colon.group().strip())
        return None
    found = None
    for found in _HEADLINE_VERB.finditer(text, line_start, open_mark):
        pass
    if found is None:
        return _headline_subject(text, line_start, open_mark) if in_headline else None
    subject = analyse_subject(found.group("name"))
    if subject.name or subject.institution:
        return Cue(found.start(), found.end(), subject, found.group())
    return None


HEADLINE_STANCE_VERBS = frozenset(
    """blasts slams rips knocks hits takes makes addresses quotes heckles insults mocks defends delivers unloads
    attacks dismisses rejects touts pledges promises admits denies praises accuses warns urges vows calls says
    tells tweets writes explains argues insists claims jokes laments demands predicts brands labels dubs
    chides scolds lashes rails fires""".split())
"""What a headline's subject does when the headline goes on to quote words: the words are the subject's
("Lee Blasts Council, Vows to 'Fight On'", "Lee rips rhetoric over 'dangerous' plan")."""
_HEADLINE_SUBJECT = re.compile(
    _HEADLINE_NAME + r"(?:\s+(?:[Jj]ust|[Nn]ow|[Aa]gain|[Aa]lso|[Ff]inally|[Rr]eportedly))?\s+(?P<verb>[A-Za-z]+s)\b")
_ATTACKS = frozenset("blasts slams rips knocks hits attacks mocks accuses insults heckles chides scolds lashes rails fires "
                     "dismisses rejects denies".split())
"""Headline verbs aimed at someone: quoted words after their named object may be the object's ("… over 'lies'")."""
_HEADLINE_LINKS = frozenset("to for from of on over about against as at with in by and a an the his her its their".split())
"""Words a Title Case headline capitalises before a quotation that name no one."""
HEADLINE_SUBJECT = 0.8
"""How sure the subject of a headline is as the speaker of words it quotes further on: a headline may quote
words the subject answers ("Lee Rejects Council 'Plan'" is mostly Lee's word for it, not always)."""


def after_headline_verb(text: str, line_start: int, open_mark: int) -> bool:
    """Whether a headline or deck quotes words after a verb of speech or stance of its own, with no possessive
    between ("Spurns offer, blasts 'ignorant view'"): someone's words, even when the subject is left out."""
    between = text[line_start:open_mark]
    if "'s " in between or "’s " in between:
        return False
    return any(word.lower().strip(",;:") in HEADLINE_STANCE_VERBS for word in between.split())


def _headline_subject(text: str, line_start: int, open_mark: int) -> Cue | None:
    """The article's headline opens with a name and a verb of speech or stance ("Ann Lee Slams …", "Lee rips
    …") and quotes words after it, with no possessive between (whose words "Dahl's 'plan'" would be): the
    name is the speaker, with confidence HEADLINE_SUBJECT."""
    m = _HEADLINE_SUBJECT.match(text, line_start, open_mark)
    if m is None or m.group("verb").lower() not in HEADLINE_STANCE_VERBS:
        return None
    between = text[m.end() : open_mark]
    if "'s " in between or "’s " in between or "s' " in between or "s’ " in between:
        return None
    words = between.split()
    last = words[-1] if words else ""
    if last.endswith(":"):
        return _headline_subject_cue(m)  # "Lee heckles crowd: '…'": the colon gives the subject's words
    if last[:1].isupper() and last.lower() not in _HEADLINE_LINKS:
        return None  # "Lee Blasts Dahl 'Lies'": words right after another name may be that person's
    verbs = [k for k, word in enumerate(words) if word.lower() in HEADLINE_STANCE_VERBS]
    object_at = verbs[-1] + 1 if verbs else 0
    verb = words[verbs[-1]] if verbs else m.group("verb")
    if verb.lower() in _ATTACKS and object_at < len(words) and words[object_at][:1].isupper():
        return None  # "Lee blasts Dahl over 'lies'": the words may be those of the one attacked
    return _headline_subject_cue(m)


def _headline_subject_cue(m: re.Match[str]) -> Cue | None:
    """The headline subject's cue, when the subject is a name."""
    subject = analyse_subject(m.group("name"))
    if not subject.name:
        return None
    return Cue(m.start(), m.end(), subject, m.group(), confidence=HEADLINE_SUBJECT)
