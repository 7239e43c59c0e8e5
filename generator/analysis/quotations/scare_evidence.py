"""Whether a short phrase taken for a scare quote is really someone's words, read in its neighbourhood.

Why: a scare quote is the outlet's own label held at a distance, so calling a speaker's words one puts
them in the outlet's mouth, the error a reader can least detect. `is_scare_quote` reads only the
phrase's sentence; here a scare quote stays one only when no kind of evidence around it says whose words
they are. Each kind is a whole construction, not a phrase:
- an utterance: words that exclaim or ask ("cries of “Shame!”"), or that hold an editor's [insertion];
- a headline, or a line written like one: quotation marks there report words, they hold no label;
- a verb of naming or describing read as attribution: "heralded the deal as a “…”", "introduced him as
  “…”", "designated as “…”", "seen by organisers as a “…”", "what he termed a “…”";
- reported speech, stance or aim with a verb or noun the shared speech-verb lists leave out, before the
  phrase in its sentence or just after it: "groused that", "vows that", "talks about", "pointed to",
  "cries of", "fears among voters that", "the philosophy of", "focuses on", "“…” when talking about";
- a noun of speech right after it ("his “…” remark"), or a holder's plan, view or charge before it
  ("Lee's proposals - such as a “…”");
- a paragraph that opens with a speaker's label ("Ann Lee: …", "A: …"), as interviews are written;
- a neighbourhood that attributes: the sentence before or after it, in its paragraph, has a speech
  verb outside quotation marks ("…, the school confirmed." and then "was treated for a “…”");
- a phrase the article quotes elsewhere as someone's words.
Such a phrase becomes a quotation. Its speaker is the person named as the subject of the verb of naming
or reporting, shown as uncertain, or else not identified: the site never guesses a speaker, and never
counts the words as the outlet's own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from generator.analysis.quotations.facts import TextFacts
from generator.analysis.quotations.lines import on_title_case_line
from generator.analysis.quotations.marks import mark_width, opening_mark_start
from generator.analysis.quotations.speakers import Speaker, resolve
from generator.analysis.quotations.subjects import analyse_subject, walk_subject
from generator.analysis.results import ArticleText, Quotation

SUBJECT_OF_VERB = 0.6
"""Below results.CONFIDENT: a speaker found as the subject of a verb of naming or reporting is shown as
uncertain and counted nowhere downstream, since the verb may report the words of someone else."""

_UTTERANCE = re.compile(r"[!?][\"'’”]*\s*$")
_INSERTION = re.compile(r"\[[^\]]+\]")
"""An editor's insertion in square brackets ("“turning [Lee] around”"): put only into someone else's words."""
_NAMING_VERBS = (
    r"herald(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|hail(?:s|ed|ing)?|position(?:s|ed|ing)?|portray(?:s|ed|ing)?|"
    r"present(?:s|ed|ing)?|cast(?:s|ing)?|fram(?:e|es|ed|ing)|paint(?:s|ed|ing)?|depict(?:s|ed|ing)?|"
    r"tout(?:s|ed|ing)?|pitch(?:es|ed|ing)?|sell(?:s|ing)?|sold|bill(?:s|ed|ing)?|designat(?:e|es|ed|ing)|"
    r"mark(?:s|ed|ing)?|classif(?:y|ies|ied|ying)|rat(?:e|es|ed|ing)|list(?:s|ed|ing)?|identif(?:y|ies|ied|ying)|"
    r"seen|see|sees|saw|view(?:s|ed|ing)?|regard(?:s|ed|ing)?|treat(?:s|ed|ing)?|wav(?:e|es|ed|ing)\s+off|"
    r"shrug(?:s|ged|ging)?\s+off|dismiss(?:es|ed|ing)?|deride(?:s|d)?|deriding|denounc(?:e|es|ed|ing)|"
    r"decr(?:y|ies|ied|ying)|attack(?:s|ed|ing)?|slam(?:s|med|ming)?|blast(?:s|ed|ing)?|criticiz(?:e|es|ed|ing)|"
    r"pegg(?:ed|ing)|peg|pegs|pointed\s+to|point(?:s|ing)?\s+to|refer(?:s|red|ring)?\s+to|describ(?:e|es|ed|ing)|"
    r"defin(?:e|es|ed|ing)|envision(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?"
)
_NAMING_AS = re.compile(
    rf"\b(?:{_NAMING_VERBS})\b[^.;:!?“”\"]{{0,80}}?(?<!such\s)\bas\s+(?!(?:part|well|long|soon|much|far|if|though|a\s+result|usual)\b)"
    rf"(?:[\w'’\-]+\s+){{0,4}}$",
    re.IGNORECASE,
)
"""A verb of naming or describing, its object, then "as" a few words before the opening mark: the description
is the subject's ("Lee heralded the deal as a “…”", "an option seen by organisers as a “…”"); "as part of",
"as well as" or "such as" describe nothing."""
_NAMED_DIRECTLY = re.compile(
    r"\b(?:what\s+(?:\w+\s+){1,3}(?:termed|called|dubbed|labell?ed|branded|described\s+as|calls|terms|dubs)|"
    r"(?:dubbed|termed|nicknamed|labell?ed|branded|christened)(?:\s+(?:it|him|her|them|this|that))?)\s+(?:(?:a|an|the)\s+)?$",
    re.IGNORECASE,
)
"""A verb of naming right before the mark: "what he termed a “…”", "dubbed it “…”"."""
_REPORTED = re.compile(
    r"\b(?:grous(?:e|es|ed|ing)|point(?:s|ed|ing)?\s+to|vow(?:s|ed|ing)?|gripe(?:s|d)?|griping|talk(?:s|ed|ing)?\s+about|spoke\s+of|speak(?:s|ing)?\s+of|"
    r"rail(?:s|ed|ing)?\s+against|tick(?:s|ed|ing)?\s+off|launch(?:es|ed|ing)?\s+into|lament(?:s|ed|ing)?|"
    r"complain(?:s|ed|ing)?|insist(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|note|observe|contend(?:s|ed|ing)?|"
    r"slamming|blasting|accusing|criticizing|criticising|mocking|deriding|decrying|denouncing|praising|hailing|"
    r"cries|cry|shouts?|chants?|calls?\s+for|appeals?\s+(?:to|for)|refrain|mantra|rallying\s+cry|talking\s+points?|"
    r"order(?:s|ed|ing)?\s+[^.;:!?]{0,60}\bto|instruct(?:s|ed|ing)?\s+[^.;:!?]{0,60}\bto|mandat(?:e|es|ed)|stipulat(?:e|es|ed)|"
    r"(?:accusations?|allegations?|assertions?|suggestions?|insistence|beliefs?|fears?|anxiety|worries|hopes?|"
    r"proposition|dictum|notion|complaints?|charges?)\s+(?:among\s+[^.;:!?]{0,80}\s+)?that|"
    r"(?:philosophy|doctrine|gospel|language|rhetoric|vocabulary|lexicon|parlance|jargon|cause|banner|mantle)\s+of|"
    r"thinking|feel(?:s|ing)?\s+(?:about|that)|felt\s+(?:about|that)|"
    r"focus(?:es|ed|ing)?\s+on|devot(?:e|es|ed|ing)\s+[^.;:!?]{0,40}\bto|dedicat(?:e|es|ed|ing)\s+[^.;:!?]{0,40}\bto|"
    r"seek(?:s|ing)?|sought|aim(?:s|ed|ing)?\s+(?:to|at|for)|"
    r"according\s+to|in\s+the\s+words\s+of|as\s+\w+\s+(?:put|puts)\s+it|in\s+(?:his|her|their|its)\s+(?:words|telling|view))\b",
    re.IGNORECASE,
)
"""Words of reported speech or stance that the shared speech-verb lists leave out: "Lee groused that the
network “…”", "she vows that it will be a “…”", "the cries of “…”", "talks about “…”"."""
_SPEECH_NOUN_AFTER = re.compile(
    r"\s*(?:remarks?|comments?|line|rhetoric|slogan|pledge|promise|claims?|argument|label|talking\s+points?|"
    r"message|speech|jab|quip|refrain|mantra|phrase|moniker|nickname|insult|taunt|boast|retort|catchphrase)\b"
)
"""A noun of speech right after the closing mark: "his “…” remark", "the “…” line": the words are its speaker's."""
_VIEW_OF = re.compile(
    r"(?:\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}['’]s?|\b(?:his|her|their|its))\s+(?:[^\s.;:!?]+[\s,]+){0,3}?"
    r"(?:proposals?|plans?|dictum|embrace|philosophy|doctrine|agenda|platform|vision|theory|notion|idea|ideas|"
    r"manifesto|worldview|policy|policies|stance|view|views|pitch|appeal|complaint|grievance|"
    r"charge|charges|accusation|accusations|attack|attacks|defen[cs]e|rationale|excuse|explanation|framing|narrative)\b"
)
"""A named holder's plan, view or charge earlier in the sentence ("Lee's proposals - such as a “…”", "his
long embrace of “…”"): the words in marks are its holder's, though who that is may be left unsaid."""
_SPEAKER_LABEL = re.compile(r"(?:Q|A|[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}):\s")
"""A paragraph that opens with a speaker's label, as transcripts and interviews write it ("Ann Lee: …")."""
_WINDOW = 160
"""How far before the opening mark, within its sentence, a verb of naming is looked for."""
_REACH = 400
"""How far before the opening mark, within its sentence, reported speech and a holder's view are looked for:
a long sentence is not read again in full for each of its phrases."""
_AFTER = 60
"""How far after the closing mark, within its sentence, reported speech is looked for ("“…” when talking about")."""
_NORMAL = re.compile(r"[^\w]+")


def settle_scare_quotes(quotations: tuple[Quotation, ...], facts: TextFacts) -> tuple[Quotation, ...]:
    """The quotations with each scare quote that any kind of evidence (module docstring) shows to be someone's
    words made a quotation whose speaker is not identified."""
    if not any(q.use == "scare" for q in quotations):
        return quotations
    quoted = _words_quoted_by_someone(quotations)
    return tuple(_someones(q, facts) if q.use == "scare" and someones_words(q, facts, quoted) else q for q in quotations)


def _someones(q: Quotation, facts: TextFacts) -> Quotation:
    """The phrase as someone's words: its speaker is the named subject of the verb of naming or reporting before
    it in its sentence ("Lee heralded the deal as a “…”"), shown as uncertain; otherwise not identified."""
    who = _subject_of_verb(q, facts)
    if who is None:
        return replace(q, use="quotation", speaker=None, anonymous=False, affiliation=None, speaker_kind="unknown",
                       rule="", confidence=0.0, cue="")
    speaker, cue = who
    return replace(q, use="quotation", speaker=speaker.key, anonymous=speaker.anonymous, affiliation=speaker.affiliation,
                   speaker_kind=speaker.kind, rule=speaker.rule, confidence=min(speaker.confidence, SUBJECT_OF_VERB), cue=cue)


def _subject_of_verb(q: Quotation, facts: TextFacts) -> tuple[Speaker, str] | None:
    """The speaker named as the subject of the first verb of naming or reporting before the phrase in its
    sentence, and the words from that subject to the verb's end; None when there is none or it names no one."""
    body = facts.text.text
    sentences = facts.sentences
    index = sentences.index(q.start - 1)
    sentence_start = sentences[index][0]
    open_mark = opening_mark_start(body, q.start)
    near, reach = max(sentence_start, open_mark - _WINDOW), max(sentence_start, open_mark - _REACH)
    found = _NAMING_AS.search(body, near, open_mark) or _REPORTED.search(body, reach, open_mark)
    if found is None or not body[found.start()].islower():
        return None
    start, phrase = walk_subject(body, sentence_start, found.start())
    if not phrase:
        return None
    subject = analyse_subject(phrase)
    if not subject.name and not subject.refers_back:
        return None
    who = resolve(subject, start, facts.context(facts.raws)[0], sentences, index, "subject of a verb of naming or reporting")
    if who.key is None or who.kind != "person":
        return None
    verb_end = found.start() + len(found.group().split()[0])
    return who, body[start:verb_end].strip()


def someones_words(q: Quotation, facts: TextFacts, quoted: frozenset[str] = frozenset()) -> str:
    """The kind of evidence (module docstring) that a short phrase in marks is someone's words, "" when none.
    `quoted`: the article's quotations with a speaker or cue, normalised (_words_quoted_by_someone)."""
    text = facts.text
    body = text.text
    if _UTTERANCE.search(q.text) or _INSERTION.search(q.text):
        return "utterance"
    if q.start < text.headline_end or on_title_case_line(body, q.start, q.end):
        return "headline"
    sentences = facts.sentences
    first, last = sentences.index(q.start - 1), sentences.index(q.end)
    sentence_start, sentence_end = sentences[first][0], sentences[last][1]
    open_mark = opening_mark_start(body, q.start)
    close = q.end + mark_width(body, q.end) if q.end < len(body) else q.end
    near = max(sentence_start, open_mark - _WINDOW)
    if _NAMING_AS.search(body, near, open_mark) or _NAMED_DIRECTLY.search(body, near, open_mark):
        return "named"
    reach = max(sentence_start, open_mark - _REACH)
    if _REPORTED.search(body, reach, open_mark) or _REPORTED.search(body, close, min(close + _AFTER, sentence_end)):
        return "reported"
    if _SPEECH_NOUN_AFTER.match(body, close) or _VIEW_OF.search(body, reach, open_mark):
        return "reported"
    if _SPEAKER_LABEL.match(body, _block_start(text, q.start)):
        return "speaker label"
    if _neighbour_speaks(facts, first, last):
        return "neighbour"
    if _normal(q.text) in quoted:
        return "quoted elsewhere"
    return ""


def _block_start(text: ArticleText, position: int) -> int:
    """Where the block (paragraph) holding `position` starts (0 when none does), by binary search."""
    k = bisect.bisect_right([block.start for block in text.blocks], position) - 1
    return text.blocks[k].start if k >= 0 else 0


def _neighbour_speaks(facts: TextFacts, first: int, last: int) -> bool:
    """Whether the sentence before `first` or after `last`, in the same paragraph, holds a speech verb
    outside quotation marks."""
    sentences = facts.sentences
    text = facts.text.text
    for index in (first - 1, last + 1):
        if not 0 <= index < len(sentences):
            continue
        start, end = sentences[index]
        if text.find("\n\n", min(end, sentences[first][0]), max(start, sentences[last][1])) != -1:
            continue  # another paragraph
        if start < facts.text.headline_end:
            continue
        if facts.verbs.any_within(start, end):
            return True
    return False


def _normal(words: str) -> str:
    return _NORMAL.sub(" ", words.lower()).strip()


def _words_quoted_by_someone(quotations: tuple[Quotation, ...]) -> frozenset[str]:
    """The words of every quotation the article gives a speaker or a cue, normalised."""
    return frozenset(_normal(q.text) for q in quotations if q.use == "quotation" and (q.speaker or q.cue))
