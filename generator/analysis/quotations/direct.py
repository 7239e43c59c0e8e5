"""Direct quotations with their speakers, and what each quotation is (someone's words, a scare quote, a title).

Speakers, in order of precedence, each rule with the confidence it gives (`Quotation.rule`, `.confidence`):
1. a cue after or before the quotation in its sentence, or a signature (see `cues`, `speakers`): a name,
   an organisation or an unnamed source written there; a pronoun only when one person fits (a "he" or
   "she" may be told from one other person by their courtesy titles); the name and verb that open the
   headline, for words the headline quotes further on, or a name and verb closing a sentence-case headline's
   clause after them ("subject of the headline", 0.8); a claim signed "- Name." after it ("dash signature", 0.9);
2. a speech verb later in the same sentence ("The “rigged” system, Trump said, …");
3. a colon that introduces it: "Name: “…”", a sentence whose subject names someone ending in a colon before
   it ("Kasich resisted: “…”"), or a sentence ending in a cue and a colon before it ("X said in a
   statement:" then the quoted paragraph), or one that introduces a statement by its release or medium ("X
   released the following statement:", "X, …, made the case in an interview on Monday:", see `introductions`);
   a clause opening with its named subject and ending in a comma before a full sentence in marks ("Lee
   reacted coolly to the plan, “I am …”": "subject of a clause before a comma", 0.8, `introductions`);
   the label of the transcript turn it stands in, when the article names that person ("Ann Lee: Saying ‘…’
   to voters …": "label of the turn", 0.8); a source the next sentence names ("“…” That quote from Ann Lee
   appeared …": "named after it", 0.8);
   a name's noun of speech that holds it ("Lee's call for a “…”", "Lee's “…” remark": "whose words", 0.8, see
   `whose_words`); a speech verb before it whose subject names no one ("… that voters will say “no”") gives
   the words to a named person who reports that clause earlier in the sentence ("Lee said …": "reports the
   words", 0.6); an "as" clause right before it ("as The Hill noted, “…”");
4. a quotation with no cue that directly follows another (same or next sentence, no other person named
   between them or after it in its sentence) continues the previous speaker;
5. otherwise, when it opens its sentence, the one person named in the previous sentence, and when it
   stands inside its sentence, the sentence's subject if that is a person the article names ("subject of
   the sentence"): both shown as uncertain.
Last, a person's speaker must be a name (`name_shape`): descriptions before it are dropped, and a string
that holds no one name ("About Trump", "Hillary Clinton Slams Donald Trump") leaves the speaker unidentified.
A quotation that no one in its sentence says and that is a short label is a scare quote; Title Case words
in marks with no cue are a name (a show, a bill, a nickname), neither speech nor scare quote.
`Quotation.start`/`end` cover the words between the outer marks, marks excluded,
so `text[start:end] == quotation.text`; `words` leaves out editorial [insertions].
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from generator.analysis.quotations.clauses import subject_after_verb
from generator.analysis.quotations.lead import lead_subject, subject_of_clause
from generator.analysis.quotations.cues import after_headline_verb
from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.introductions import introduced_by, label_of_turn, source_named_after
from generator.analysis.quotations.lines import on_title_case_line
from generator.analysis.quotations.marks import RawQuote, mark_width, opening_mark_start
from generator.analysis.quotations.name_shape import with_names
from generator.analysis.quotations.scare_evidence import settle_scare_quotes
from generator.analysis.quotations.sentence_sources import (
    COLON,
    PREVIOUS_SENTENCE,
    as_source,
    holder_of_view,
    in_headline_or_deck,
    person_subject,
    reporting_speaker,
    verb_without_subject,
)
from generator.analysis.quotations.speakers import NOBODY, Context, Speaker, candidates_before, capped, resolve
from generator.analysis.quotations.subjects import analyse_subject, walk_subject
from generator.analysis.quotations.uses import CUE, SENTENCE, quotation_use
from generator.analysis.quotations.whose_words import possessive_holder
from generator.analysis.results import ArticleText, Quotation
from generator.analysis.text.tokens import count_spoken_words
from generator.analysis.text.wordlists import INVERTED_SPEECH_VERBS

CONTINUES = 0.85
LATER_IN_SENTENCE = 0.8
NAMED_CUE = 0.9
"""The next quotation's speaker is taken only from a cue this sure."""
_VERBS_LOOKED_AT = 4
"""How many speech verbs after a quotation's cue are read for another speaker before giving up (and assuming one)."""
_SHORT_PREDICATE = 40
"""Characters between a sentence's subject and the colon that ends it for the subject to introduce the quotation
("Kasich resisted:", "Lee fired back on Twitter:"); a longer clause may be about something else."""
_STATEMENT_BEFORE = re.compile(r"\b(?:issued|released|posted|put\s+out|sent)\s+(?:a|the\s+following|this)\s+(?:statement|tweet|message|post),$")
"""A statement issued just before the quotation, set off by a comma: "Trump issued a statement, “…”"."""
_FULL_SENTENCE = re.compile(r"\[?[A-Z][^\s]*\]?(?:\s+\S+){3}")
"""Words in marks that open with a capital and run to four words or more: a sentence someone says, not a label."""
_LABEL_BEFORE = re.compile(r"(?:\s[-—–]|\bfrom)\s*$")
"""A name labelled after a dash or "from" before its colon, as digests write it: "Polls agree - Ann Lee: “…”"."""


def find_quotations(text: ArticleText, facts: TextFacts | None = None) -> tuple[Quotation, ...]:
    """Every top-level direct quotation with its speaker, in text order.

    `facts`, if given, must be of this text; it is shared with later steps."""
    facts = TextFacts.of(text, facts)
    raws = facts.raws
    if not raws:
        return ()
    body = text.text
    sentences = facts.sentences
    ctx, cues = facts.context(raws)
    out: list[Quotation] = []
    previous: _Previous | None = None
    for raw, cue in zip(raws, cues):
        sentence_index = sentences.index(raw.start if raw.block_quote else raw.start - 1)
        end_index = sentences.index(raw.end)
        who, cue_text, attributed = NOBODY, "", ""
        if cue is not None:
            rule = cue.rule or ("signature" if raw.block_quote else "cue" if cue.confidence == 1.0 else "subject of the headline")
            who = capped(resolve(cue.subject, cue.start, ctx, sentences, sentence_index, rule), cue.confidence)
            cue_text, attributed = cue.cue, CUE
        else:
            who, cue_text, attributed = _without_cue(body, raw, ctx, facts, sentence_index, end_index, previous, out)
        quotation = Quotation(
            start=raw.start, end=raw.end, text=body[raw.start : raw.end], speaker=who.key, anonymous=who.anonymous,
            cue=cue_text, words=count_spoken_words(body[raw.start : raw.end]), affiliation=who.affiliation,
            speaker_kind=who.kind if who.key else "unknown", rule=who.rule if who.key else "",
            confidence=who.confidence if who.key else 0.0,
        )
        use = quotation_use(quotation, text, sentences, attributed, raw)
        if use != "quotation":
            quotation = Quotation(start=raw.start, end=raw.end, text=quotation.text, speaker=None, anonymous=False,
                                  words=quotation.words, use=use)
        out.append(quotation)
        if use == "quotation":
            cue_end = cue.end if cue is not None and cue.start >= raw.end else raw.end
            previous = _Previous(quotation, end_index, cue_end)
    return with_names(settle_scare_quotes(_from_next(out, ctx, facts), facts), lambda: facts.names)


@dataclass(frozen=True)
class _Previous:
    """The last quotation of someone's words, the index of the sentence it ends in, and where its cue ends
    (its own end when the cue stands before it)."""

    quotation: Quotation
    sentence_index: int
    cue_end: int


def _from_next(found: list[Quotation], ctx: Context, facts: TextFacts) -> tuple[Quotation, ...]:
    """A quotation left without a speaker that the next quotation follows directly (same block, next sentence at
    most, no one named between) takes the next one's speaker when a cue beside it names them ("“…” “…,” Lee said")."""
    sentences = facts.sentences
    for index in range(len(found) - 2, -1, -1):
        here, after = found[index], found[index + 1]
        if here.speaker or here.use != "quotation" or after.use != "quotation" or not after.speaker:
            continue
        if not after.rule.startswith("cue") or after.confidence < NAMED_CUE:
            continue
        if sentences.index(after.start) > sentences.index(here.end) + 1 or "\n\n" in facts.text.text[here.end : after.start]:
            continue
        if ctx.someone_else_between(here.end, after.start, None):
            continue
        found[index] = replace(here, speaker=after.speaker, anonymous=after.anonymous, affiliation=after.affiliation,
                               speaker_kind=after.speaker_kind, rule="the next quotation's speaker",
                               confidence=LATER_IN_SENTENCE, cue="(the next quotation's speaker)")
    return tuple(found)


def _without_cue(
    body: str, raw: RawQuote, ctx: Context, facts: TextFacts, sentence_index: int, end_index: int,
    previous: _Previous | None, found: list[Quotation],
) -> tuple[Speaker, str, str]:
    """Rules 2-5 of the module docstring: (speaker, cue text, how the words are attributed: uses.CUE, uses.SENTENCE or "")."""
    sentences = facts.sentences
    sentence_start, sentence_end = sentences[end_index]
    close = raw.end + mark_width(body, raw.end) if raw.end < len(body) else raw.end
    later = facts.verbs.first_after(close, sentence_end)
    if later is not None and not raw.block_quote:
        start, phrase = walk_subject(body, close, later[0])
        if phrase:
            who = resolve(analyse_subject(phrase), start, ctx, sentences, end_index, "cue later in the sentence")
            return capped(who, LATER_IN_SENTENCE), body[start : later[1]], CUE
        after = subject_after_verb(body, later[1], sentence_end) if body[later[0] : later[1]] in INVERTED_SPEECH_VERBS else None
        if after is not None and after[0].name and body[close : later[0]].rstrip().endswith(","):
            who = resolve(after[0], later[0], ctx, sentences, end_index, "cue later in the sentence")  # "…, said Ann Lee."
            return capped(who, LATER_IN_SENTENCE), body[later[0] : after[1]], CUE
    colon = _colon_cue(body, raw, ctx, facts, sentence_index) or _turn(body, raw, ctx, facts, sentence_index) \
        or _named_after(body, raw, ctx, facts, end_index)
    if colon is not None:
        return colon
    opening_sentence = sentences[sentence_index][0]
    own_words = max(opening_sentence, previous.cue_end) if previous is not None else opening_sentence  # past the last cue
    verb = facts.verbs.last_before(own_words, opening_mark_start(body, raw.start))
    holder = possessive_holder(body, opening_sentence, opening_mark_start(body, raw.start), close) if not raw.block_quote else None
    if holder is not None and (verb is None or holder.start <= verb[0] < holder.end):  # "Lee's call for a “…”": a noun
        who = resolve(analyse_subject(holder.name), holder.start, ctx, sentences, sentence_index, "whose words")
        return capped(who, LATER_IN_SENTENCE), holder.cue, CUE
    if verb is not None and not raw.block_quote:
        subject = person_subject(body, ctx, facts, sentence_index, opening_mark_start(body, raw.start)) \
            if verb_without_subject(body, opening_sentence, verb) else None
        if subject is not None:
            return subject[0], subject[1], CUE  # "Lee, …, endorsed Dahl, saying he “…”": the sentence's subject
        reporter = reporting_speaker(body, ctx, facts, sentence_index, verb[0])
        if reporter is not None:
            return reporter[0], reporter[1], CUE  # "Lee said that voters will say “no”": uncertain
        return NOBODY, "", CUE  # a speech verb whose subject is not found: someone's words, speaker not identified
    open_mark = opening_mark_start(body, raw.start)
    as_clause = as_source(body, ctx, facts, sentence_index, opening_sentence, open_mark) if not raw.block_quote else None
    if as_clause is not None:
        return as_clause
    if previous is not None and previous.sentence_index >= sentence_index - 1 and previous.quotation.speaker and not raw.block_quote:
        prior = previous.quotation
        if not _someone_else_speaks(body, ctx, facts, previous, sentence_end):
            who = Speaker(prior.speaker, prior.anonymous, prior.affiliation, prior.speaker_kind,
                          min(prior.confidence, CONTINUES), "continues the previous quotation")
            return who, "(continues the previous quotation)", CUE
    opens_sentence = sentence_index > 0 and facts.first_words[sentence_index] >= raw.start - 1 and not raw.block_quote
    if opens_sentence:
        told = _speaker_of_sentence(body, ctx, facts, sentence_index - 1)
        if told is not None:
            return told, "(the source of the sentence before)", CUE
    attributes = SENTENCE if not raw.block_quote and (
        facts.verbs.any_within(opening_sentence, sentence_end) or facts.attributing.any_within(opening_sentence, sentence_end)) else ""
    if opens_sentence:
        people = candidates_before(ctx, sentences[sentence_index][0], sentences, sentence_index)
        if len(people) == 1:
            who = Speaker(people[0], False, ctx.affiliation_of(people[0]), "person", PREVIOUS_SENTENCE, "named in the previous sentence")
            return who, "(named in the previous sentence)", attributes
    if attributes:
        holder = holder_of_view(body, ctx, facts, sentence_index, open_mark)
        if holder is not None:
            return holder
    if not raw.block_quote and not opens_sentence:
        subject = person_subject(body, ctx, facts, sentence_index, open_mark)
        if subject is not None:
            return subject[0], subject[1], attributes
    if not attributes and in_headline_or_deck(facts, raw) and after_headline_verb(body, facts.sentences[sentence_index][0], open_mark):
        return NOBODY, "", CUE  # "Spurns offer, blasts 'ignorant view'": someone's words, the subject left out
    return NOBODY, "", attributes  # a sentence that attributes its content to someone: their words, speaker unknown


def _colon_cue(body: str, raw: RawQuote, ctx: Context, facts: TextFacts, sentence_index: int) -> tuple[Speaker, str, str] | None:
    """ "Name: “…”" in the sentence, or a previous sentence (in this block or the one before) that ends with a
    speech verb and a colon: "X said in a statement:" and then the quoted paragraph."""
    sentences = facts.sentences
    open_mark = opening_mark_start(body, raw.start)
    sentence_start = sentences[sentence_index][0]
    lead_end = _skip_space_back(body, sentence_start, open_mark)
    if lead_end > sentence_start and body[lead_end - 1] == ":":
        colon = lead_end - 1
        if raw.start < facts.text.headline_end or on_title_case_line(body, colon, colon + 1):
            return None  # "Lee Backs Ferry Plan: ‘…’": a headline's colon cue is the headline rules' (cues.headline_cue)
        start, phrase = walk_subject(body, sentence_start, colon)
        if phrase and (start == _skip_space(body, sentence_start, open_mark) or _labelled(body, sentence_start, start)):
            who = resolve(analyse_subject(phrase), start, ctx, sentences, sentence_index, "colon")
            if who.key:
                return capped(who, COLON), body[start : colon + 1], CUE
        lead = lead_subject(body, sentence_start, colon)  # "Kasich resisted: “…”": the sentence's subject introduces it
        if lead is not None and colon - lead.end <= _SHORT_PREDICATE:
            who = resolve(lead.subject, lead.start, ctx, sentences, sentence_index, "subject of a sentence ending in a colon")
            if who.key:
                return capped(who, LATER_IN_SENTENCE), body[lead.start : colon + 1].strip(), CUE
        return _introduced(body, ctx, facts, sentence_index, sentence_start, colon + 1)
    if lead_end > sentence_start and body[lead_end - 1] == "," and _STATEMENT_BEFORE.search(body, max(sentence_start, lead_end - 40), lead_end):
        lead = lead_subject(body, sentence_start, lead_end)  # "Trump issued a statement, “…”"
        if lead is not None and lead_end - lead.end <= _SHORT_PREDICATE:
            who = resolve(lead.subject, lead.start, ctx, sentences, sentence_index, "subject of a sentence ending in a colon")
            if who.key:
                return capped(who, LATER_IN_SENTENCE), body[lead.start : lead_end].strip(), CUE
    if lead_end > sentence_start and body[lead_end - 1] == "," and _FULL_SENTENCE.match(body, raw.start, raw.end):
        found = subject_of_clause(body, sentence_start, lead_end)  # "Lee reacted coolly to the plan, “I am …”"
        if found is not None:
            who = resolve(found[0], found[1], ctx, sentences, sentence_index, "subject of a clause before a comma")
            if who.key:
                return capped(who, LATER_IN_SENTENCE), body[found[1] : lead_end].strip(), CUE
    if lead_end > sentence_start or sentence_index == 0:
        return None
    prior_start, prior_end = sentences[sentence_index - 1]
    colon_end = _skip_space_back(body, prior_start, prior_end)
    if colon_end == prior_start or body[colon_end - 1] != ":":
        return None
    verb = facts.verbs.last_before(prior_start, prior_end)
    start, phrase = walk_subject(body, prior_start, verb[0]) if verb is not None else (prior_end, "")
    if not phrase:
        return _introduced(body, ctx, facts, sentence_index - 1, prior_start, colon_end)  # "X released this statement:"
    who = resolve(analyse_subject(phrase), start, ctx, sentences, sentence_index - 1, "colon in the sentence before")
    return capped(who, COLON), body[start:prior_end].strip(), CUE


def _introduced(body: str, ctx: Context, facts: TextFacts, index: int, sentence_start: int, colon_end: int) -> tuple[Speaker, str, str] | None:
    """The subject of the sentence at `index` when it introduces a statement before its colon (`introductions`)."""
    found = introduced_by(body, sentence_start, colon_end)
    if found is None:
        return None
    who = resolve(found[0], found[1], ctx, facts.sentences, index, "introduces a statement")
    return (capped(who, COLON), body[found[1] : colon_end].strip(), CUE) if who.key else None


def _turn(body: str, raw: RawQuote, ctx: Context, facts: TextFacts, sentence_index: int) -> tuple[Speaker, str, str] | None:
    """The labelled speaker of the transcript turn the quotation stands in ("Ann Lee: Saying “…” to voters …")."""
    if raw.block_quote or raw.start < facts.text.headline_end:
        return None
    found = label_of_turn(body, body.rfind("\n", 0, raw.start) + 1, opening_mark_start(body, raw.start))
    if found is None or not found[0].name or not ctx.names_person(found[0].name):
        return None
    who = resolve(found[0], found[1], ctx, facts.sentences, sentence_index, "label of the turn")
    return (capped(who, LATER_IN_SENTENCE), found[0].phrase + ":", CUE) if who.key else None


def _named_after(body: str, raw: RawQuote, ctx: Context, facts: TextFacts, end_index: int) -> tuple[Speaker, str, str] | None:
    """The source named by the sentence right after the quotation, in its paragraph ("“…” That quote from Lee …")."""
    after_close = raw.end + mark_width(body, raw.end)
    paragraph_end = body.find("\n", after_close)
    found = source_named_after(body, after_close, paragraph_end if paragraph_end != -1 else len(body))
    if found is None or raw.block_quote:
        return None
    who = resolve(found[0], found[1], ctx, facts.sentences, min(end_index + 1, len(facts.sentences) - 1), "named after it")
    return (capped(who, LATER_IN_SENTENCE), body[after_close : found[1]].strip() + " " + found[0].phrase, CUE) if who.key else None


def _labelled(body: str, sentence_start: int, name_start: int) -> bool:
    """Whether a dash or "from" stands right before the name (_LABEL_BEFORE), read in the few characters before
    it rather than by a search over the whole sentence for each quotation."""
    window_start = max(sentence_start, _skip_space_back(body, sentence_start, name_start) - 5)
    return _LABEL_BEFORE.search(body, window_start, name_start) is not None


def _skip_space_back(body: str, floor: int, end: int) -> int:
    """Where the white space that body[floor:end] ends with begins: no copy of a long sentence."""
    while end > floor and body[end - 1].isspace():
        end -= 1
    return end


def _skip_space(body: str, start: int, end: int) -> int:
    """Where the first character that is not white space stands in body[start:end] (`end` if none)."""
    while start < end and body[start].isspace():
        start += 1
    return start


def _someone_else_speaks(body: str, ctx: Context, facts: TextFacts, previous: _Previous, sentence_end: int) -> bool:
    """Whether anyone but the previous speaker is named between the previous quotation's cue and the end of this
    one's sentence. The rest of the previous quotation's own sentence after its cue describes its speaker ("…,” said Ann
    Lee, who worked for Omar Haddad.") and counts only when it holds a speech verb of its own ("…, and Haddad agreed")."""
    prior = previous.quotation
    rest_end = min(facts.sentences[previous.sentence_index][1], sentence_end)
    rest_start = min(max(previous.cue_end, prior.end), rest_end)
    if ctx.someone_else_between(rest_start, rest_end, prior.speaker) and _another_speaker(body, ctx, facts, previous, rest_start, rest_end):
        return True
    return ctx.someone_else_between(rest_end, sentence_end, prior.speaker)


def _another_speaker(body: str, ctx: Context, facts: TextFacts, previous: _Previous, start: int, end: int) -> bool:
    """Whether a speech verb in [start, end) has a named subject other than the previous speaker ("…, and Omar
    Haddad agreed"); "a group called …" or "who has accused …" describe the speaker and name no one new."""
    sentence_index = previous.sentence_index
    before = end
    for _ in range(_VERBS_LOOKED_AT):
        verb = facts.verbs.last_finite_before(start, before)
        if verb is None:
            return False
        subject_start, phrase = walk_subject(body, start, verb[0])
        if phrase:
            who = resolve(analyse_subject(phrase), subject_start, ctx, facts.sentences, sentence_index)
            if who.key and who.key != previous.quotation.speaker and who.kind == "person":
                return True
        before = verb[0]
    return True


def _speaker_of_sentence(body: str, ctx: Context, facts: TextFacts, index: int) -> Speaker | None:
    """Who the sentence at `index` says is speaking, when it has a speech verb and no quotation of its own
    ("…, said Ann Lee, an adviser to the campaign." and then a quotation that opens the next sentence)."""
    start, end = facts.sentences[index]
    starts = facts.raw_starts
    k = bisect.bisect_left(starts, start)
    if k < len(starts) and starts[k] <= end:
        return None  # the sentence holds a quotation of its own
    verb = facts.verbs.last_before(start, end)
    if verb is None:
        return None
    found = subject_after_verb(body, verb[1], end)
    if found is not None and found[0].name:
        who = resolve(found[0], verb[0], ctx, facts.sentences, index, "source of the sentence before")
    else:
        subject_start, phrase = walk_subject(body, start, verb[0])
        if not phrase:
            return None
        who = resolve(analyse_subject(phrase), subject_start, ctx, facts.sentences, index, "source of the sentence before")
    return capped(who, LATER_IN_SENTENCE) if who.key else None
