"""`digest review`: the extractions most likely to be wrong, most doubtful first, each as a correction
item ready to paste, its action commented out, so an editor's review is a copy, an edit and a build.

Doubt comes from how an item was found, by kind of rule, not from the item:
- a speaker the analysis is unsure of (`Quotation.confident` false: "named in the
  previous sentence"), then one found by another rule than a cue beside the
  quotation ("continues the previous quotation", a colon, the sentence before);
- a quotation with no speaker at all;
- a lexicon match near a word of one of its entry's `unless:` phrases
  ("claimed full responsibility" beside `unless: [claimed responsibility]`);
- a scare quote, more so when the analysis found a speaker for its words (then
  it may be that speaker's partial quotation rather than the outlet's label);
- a number whose counted noun is unclear (a multiplier, no noun, a long phrase).
Items the editors already corrected are not listed again. The weights only
order the list; they are not probabilities.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.analysis.results import ArticleAnalysis, NumericClaim, Quotation, Span
from generator.analysis.terms import STOP_WORDS
from generator.compare.quantities import quantity_key
from generator.corrections.locate import occurrences, where
from generator.model import Lexicon, LexiconEntry

UNSURE_SPEAKER = 0.8
"""A speaker whose rule is unsure (`Quotation.confident` is false): shown as uncertain, counted nowhere."""
FALLBACK_SPEAKER = 0.7
"""A confident speaker found without a cue beside the quotation (continuing the one before, a colon, the
sentence before): usually right, worth a look."""
_BESIDE = ("cue", "signature")
"""Rules (`Quotation.rule`) that found the speaker in a cue beside the quotation."""
NO_SPEAKER = 0.6
UNLESS_NEAR = 0.7
SCARE_QUOTE_WITH_SPEAKER = 0.65
SCARE_QUOTE = 0.45
UNCLEAR_COUNT = 0.5
MATCH_WORDS = 8
"""Words of a quotation quoted in its stub: enough to be unique, few enough to read."""
NEAR_WORDS = 4
"""How many words either side of a match count as near."""
MULTIPLIERS = frozenset({"time", "fold"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Doubt:
    """One extraction to review, as the correction item that would fix it."""

    slug: str
    start: int
    doubt: float
    why: str
    match: str
    occurrence: int | None
    actions: tuple[str, ...]
    """Action lines to choose from, first the likeliest; all printed commented out."""


def doubts(lexicon: Lexicon, analyses: Mapping[str, ArticleAnalysis]) -> list[Doubt]:
    """Every doubtful extraction of the (corrected) analyses, most doubtful first."""
    entries = {e.id: e for e in lexicon.entries if e.unless}
    found = [d for slug, analysis in analyses.items() for d in _of_article(slug, analysis, entries)]
    return sorted(found, key=lambda d: (-d.doubt, d.slug, d.start))


def _of_article(slug: str, analysis: ArticleAnalysis, unless: Mapping[str, LexiconEntry]) -> Iterator[Doubt]:
    scare = [s for s in analysis.spans if s.category == "scare_quotes" and s.corrected is None]
    for quotation in analysis.quotations:
        if quotation.corrected is None:
            yield from _speaker_doubts(slug, analysis, quotation, scare)
    for span in analysis.spans:
        if span.corrected is not None:
            continue
        if span.entry in unless:
            yield from _unless_doubts(slug, analysis, span, unless[span.entry])
        if span in scare:
            yield _scare_doubt(slug, analysis, span)
    for claim in analysis.numbers:
        reason = unclear_count(claim) if claim.corrected is None else None
        if reason:
            yield _doubt(slug, analysis, claim.start, claim.end, UNCLEAR_COUNT, reason,
                         (_todo("counts", f"what it counts (the analysis says {claim.counted or 'nothing'})"),))


def _speaker_doubts(slug: str, analysis: ArticleAnalysis, quotation: Quotation, scare: list[Span]) -> Iterator[Doubt]:
    start, end = _first_words(analysis.text.text, quotation.start, quotation.end)
    if quotation.use != "quotation":
        return
    if quotation.speaker and (not quotation.confident or not quotation.rule.startswith(_BESIDE)):
        rule = quotation.rule or quotation.cue.strip("()")
        why = f"the speaker, {quotation.speaker}, was found by a fallback rule ({rule}), not by a cue beside the quotation"
        if not quotation.confident:
            why += f", with confidence {quotation.confidence:.2f}: the page marks it uncertain and counts it as no one's"
        yield _doubt(slug, analysis, start, end, FALLBACK_SPEAKER if quotation.confident else UNSURE_SPEAKER, why,
                     (_todo("speaker", f"who said it (the analysis says {quotation.speaker})"), "speaker: unknown"))
    elif quotation.speaker is None and not quotation.anonymous and not any(s.start <= quotation.start and quotation.end <= s.end for s in scare):
        yield _doubt(slug, analysis, start, end, NO_SPEAKER, "the analysis found no speaker for this quotation",
                     (_todo("speaker", "who said it"), "voice: narration"))


def _unless_doubts(slug: str, analysis: ArticleAnalysis, span: Span, entry: LexiconEntry) -> Iterator[Doubt]:
    window = _near_words(analysis.text.text, span.start, span.end)
    own = {w.lower() for w in _WORD.findall(span.text)}
    for phrase in entry.unless:
        others = {w.lower() for w in _WORD.findall(phrase)} - own - STOP_WORDS
        hits = sorted(others & window)
        if hits:
            why = (f"'{span.text}' ({entry.id}) stands near '{hits[0]}', and the lexicon does not count "
                   f"'{phrase}' as framing: it may be that neutral sense")
            yield _doubt(slug, analysis, span.start, span.end, UNLESS_NEAR, why, ("not_framing: true",))
            return


def _near_words(text: str, start: int, end: int) -> set[str]:
    """The lower-cased words up to NEAR_WORDS before `start` and after `end`, within the same block."""
    before = [m.group().lower() for m in _WORD.finditer(text[max(0, start - 200):start].rsplit("\n\n", 1)[-1])][-NEAR_WORDS:]
    after = [m.group().lower() for m in _WORD.finditer(text[end:end + 200].split("\n\n", 1)[0])][:NEAR_WORDS]
    return set(before) | set(after)


def _scare_doubt(slug: str, analysis: ArticleAnalysis, span: Span) -> Doubt:
    speakers = [q.speaker for q in analysis.quotations if q.speaker and span.start <= q.start and q.end <= span.end]
    if speakers:
        why = (f"scare quote (the outlet's own label), but the analysis found {speakers[0]} as the speaker of these words: "
               "it may be a partial quotation, which is not framing")
        return _doubt(slug, analysis, span.start, span.end, SCARE_QUOTE_WITH_SPEAKER, why, ("not_framing: true",))
    return _doubt(slug, analysis, span.start, span.end, SCARE_QUOTE, "scare quote: check that the marks set the words apart as a label",
                  ("not_framing: true",))


def _todo(action: str, what: str) -> str:
    """An action whose value the editor must write: a `TODO:` placeholder, which the build refuses as it is."""
    return f"{action}: {json.dumps('TODO: ' + what, ensure_ascii=False)}"


def unclear_count(claim: NumericClaim) -> str | None:
    """Why what a number counts is unclear, or None when it reads as a plain noun."""
    head = quantity_key(claim.counted)
    words = claim.counted.split()
    if not head:
        return f"'{claim.surface}': no noun says what the number counts"
    if head in MULTIPLIERS:
        return f"'{claim.surface}': '{claim.counted}' multiplies rather than counts"
    if len(words) >= 3:
        return f"'{claim.surface}': what it counts runs to {len(words)} words ('{claim.counted}'); the counted noun may be only part of it"
    return None


def _first_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The range of the first MATCH_WORDS whitespace-separated words of text[start:end]."""
    tokens = list(re.finditer(r"\S+", text[start:end]))[:MATCH_WORDS]
    return (start, start + tokens[-1].end()) if tokens else (start, end)


def _doubt(slug: str, analysis: ArticleAnalysis, start: int, end: int, doubt: float, why: str, actions: tuple[str, ...]) -> Doubt:
    text = analysis.text.text
    words = " ".join(text[start:end].split())
    places = occurrences(words, text)
    number = next((index for index, (s, _) in enumerate(places, start=1) if s == start), None)
    occurrence = number if len(places) > 1 else None
    return Doubt(slug, start, doubt, f"{why} [{where(analysis.text, start)}]", words, occurrence, actions)


def stub(item: Doubt) -> str:
    """The correction item to paste, with its file, why it is listed, and its actions commented out."""
    lines = [f"# content/corrections/{item.slug}.yaml", f"# doubt {item.doubt:.2f}: {item.why}",
             f"- match: {json.dumps(item.match, ensure_ascii=False)}"]
    if item.occurrence is not None:
        lines.append(f"  occurrence: {item.occurrence}")
    lines += [f"  # {action}" for action in item.actions]
    lines.append('  reason: "TODO: the reason readers will see"')
    lines.append("  # by: Editors")
    return "\n".join(lines)


HEADER = """\
# digest review: {count} extraction{s} most likely to be wrong, most doubtful first.
# For each one you check: paste the item into the file named above it, uncomment the one
# action you mean (or delete the item if the machine was right), write the reason readers
# will see, and build. See docs/corrections.md.
"""


def report(items: list[Doubt]) -> str:
    if not items:
        return "# digest review: nothing doubtful found.\n"
    return HEADER.format(count=len(items), s="" if len(items) == 1 else "s") + "\n" + "\n\n".join(stub(i) for i in items) + "\n"
