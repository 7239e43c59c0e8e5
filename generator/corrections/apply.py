"""Apply an article's corrections to its analysis: a pure function, machine analysis in, corrected out.

Each correction finds its words (`locate`), then makes its one decision:
- `not_framing`: the highlights overlapping the words are removed (kept in `removed`);
- `category`: the words are highlighted under the category: a highlight of exactly
  those words changes category, any other highlight they overlap gives way;
- `speaker`: the quotation the words are in is that source's (`unknown` clears it);
- `voice`: the words, and the highlights and numbers they overlap, are the
  outlet's narration (a quotation inside them is no longer one) or a quotation
  (the one they are in or hold, or else a new one with no speaker);
- `counts`: the numbers in the words count that noun.
Every changed item carries a `Correction` with what the machine had said, and
the counts are made again from the corrected highlights and quotations. A
correction that cannot apply, or would change nothing, is a problem: the build
stops rather than publish an analysis the editors did not mean.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from generator.analysis.article import count_spans, count_words
from generator.analysis.results import (
    AppliedCorrection,
    ArticleAnalysis,
    ArticleText,
    Correction,
    NumericClaim,
    Quotation,
    Span,
)
from generator.corrections.locate import locate, where
from generator.corrections.model import EDITORS_ENTRY, UNKNOWN_SPEAKER, ArticleCorrection
from generator.errors import Problem

EDITORS_CUE = "(marked as a quotation by the editors)"


@dataclass
class _Draft:
    """The analysis being corrected: local to one call of `apply_corrections`."""

    text: ArticleText
    spans: list[Span]
    quotations: list[Quotation]
    numbers: list[NumericClaim]
    removed: list[Span] = field(default_factory=list)
    removed_quotations: list[Quotation] = field(default_factory=list)
    applied: list[AppliedCorrection] = field(default_factory=list)


Action = Callable[[_Draft, ArticleCorrection, int, int], str | None]
"""(draft, correction, start, end) -> None once applied, or what stops it (a message)."""


def apply_corrections(
    analysis: ArticleAnalysis, corrections: tuple[ArticleCorrection, ...], categories: tuple[str, ...]
) -> tuple[ArticleAnalysis, tuple[Problem, ...]]:
    """The analysis as the editors corrected it, or the machine's analysis and the problems that stop it.
    `categories` are the lexicon's category ids, in order, for the counts. Where a step of the analysis
    failed (an internal error, reported as such), what can apply is applied and the rest waits for a
    build in which the step succeeds: a bug is never reported as a mistake in the content."""
    if not corrections:
        return analysis, ()
    draft = _Draft(analysis.text, list(analysis.spans), list(analysis.quotations), list(analysis.numbers))
    problems: list[Problem] = []
    for correction in corrections:
        place, problem = locate(correction, analysis.text)
        if problem is not None:
            problems.append(problem)
            continue
        assert place is not None
        message = ACTIONS[correction.action](draft, correction, *place)
        if message is not None:
            problems.append(Problem(correction.path, correction.line_of(correction.action), correction.action, message))
    if problems and not analysis.failures:
        return analysis, tuple(problems)
    spans = tuple(sorted(draft.spans, key=lambda s: s.start))
    quotations = tuple(sorted(draft.quotations, key=lambda q: q.start))
    return replace(
        analysis,
        spans=spans,
        quotations=quotations,
        numbers=tuple(draft.numbers),
        stats=count_spans(analysis.text, spans, quotations, categories),
        corrections=tuple(draft.applied),
        removed=tuple(sorted(draft.removed, key=lambda s: s.start)),
        removed_quotations=tuple(draft.removed_quotations),
    ), ()


def _mark(correction: ArticleCorrection, was: str | None) -> Correction:
    return Correction(correction.number, correction.action, correction.reason, correction.by, was)


def _record(draft: _Draft, correction: ArticleCorrection, start: int, end: int, was: str | None) -> None:
    draft.applied.append(AppliedCorrection(correction.number, start, end, correction.action, correction.value,
                                           correction.reason, correction.by, was))


def _overlapping(items: list, start: int, end: int) -> list:
    return [item for item in items if item.start < end and start < item.end]


def _words(draft: _Draft, start: int, end: int) -> str:
    shown = " ".join(draft.text.text[start:end].split())
    return f"'{shown}' ({where(draft.text, start)})"


def _joined(values: list[str | None]) -> str | None:
    distinct = list(dict.fromkeys(v for v in values if v))
    return ", ".join(distinct) or None


def _remove_spans(draft: _Draft, correction: ArticleCorrection, spans: list[Span]) -> None:
    for span in spans:
        draft.spans.remove(span)
        draft.removed.append(replace(span, corrected=_mark(correction, span.category)))


def not_framing(draft: _Draft, correction: ArticleCorrection, start: int, end: int) -> str | None:
    hits = _overlapping(draft.spans, start, end)
    if not hits:
        return (f"no highlight lies in {_words(draft, start, end)}, so there is nothing to remove: the correction is "
                "stale if the article or the lexicon changed, so remove the item")
    _remove_spans(draft, correction, hits)
    _record(draft, correction, start, end, _joined([s.category for s in hits]))
    return None


def _enclosing(quotations: list[Quotation], start: int, end: int) -> Quotation | None:
    return next((q for q in quotations if q.start <= start and end <= q.end), None)


def category(draft: _Draft, correction: ArticleCorrection, start: int, end: int) -> str | None:
    value = correction.value or ""
    hits = _overlapping(draft.spans, start, end)
    exact = [s for s in hits if (s.start, s.end) == (start, end)]
    if exact:
        span = exact[0]
        if span.category == value:
            return f"{_words(draft, start, end)} is already highlighted as {value}: the correction changes nothing, so remove the item"
        draft.spans[draft.spans.index(span)] = replace(span, category=value, corrected=_mark(correction, span.category))
        _record(draft, correction, start, end, span.category)
        return None
    was = _joined([s.category for s in hits])
    _remove_spans(draft, correction, hits)
    quotation = None if value == "scare_quotes" else _enclosing(draft.quotations, start, end)
    if end <= draft.text.headline_end:
        voice = "headline"
    else:
        voice = "quotation" if quotation is not None else "narration"
    draft.spans.append(Span(start, end, draft.text.text[start:end], value, voice, EDITORS_ENTRY,
                            speaker=quotation.speaker if quotation is not None else None, corrected=_mark(correction, was)))
    _record(draft, correction, start, end, was)
    return None


def speaker(draft: _Draft, correction: ArticleCorrection, start: int, end: int) -> str | None:
    found = _overlapping(draft.quotations, start, end)
    if not found:
        return (f"{_words(draft, start, end)} is in no quotation the analysis found; to make the words a quotation, "
                "add an item with voice: quotation before this one")
    if len(found) > 1:
        return f"{_words(draft, start, end)} overlaps {len(found)} quotations; quote words of only the one to attribute"
    quotation = found[0]
    name = None if correction.value == UNKNOWN_SPEAKER else correction.value
    if quotation.speaker == name and not quotation.anonymous:
        return f"the quotation is already attributed to {name or 'no one'}: the correction changes nothing, so remove the item"
    changed = replace(quotation, speaker=name, anonymous=False, affiliation=None, corrected=_mark(correction, quotation.speaker))
    draft.quotations[draft.quotations.index(quotation)] = changed
    draft.spans = [replace(s, speaker=name) if s.voice == "quotation" and quotation.start <= s.start and s.end <= quotation.end
                   else s for s in draft.spans]
    _record(draft, correction, start, end, quotation.speaker)
    return None


def voice(draft: _Draft, correction: ArticleCorrection, start: int, end: int) -> str | None:
    if start < draft.text.headline_end:
        return "the headline's words are always in the headline's voice; match words of the body"
    value = correction.value or ""
    was = "quotation" if value == "narration" else "narration"
    quotation = None
    if value == "narration":
        inside = [q for q in draft.quotations if start <= q.start and q.end <= end]
        for q in inside:
            draft.quotations.remove(q)
            draft.removed_quotations.append(replace(q, corrected=_mark(correction, "quotation")))
        changed = bool(inside)
    else:
        inside = [q for q in draft.quotations if start <= q.start and q.end <= end]  # quoted with its marks
        quotation = _enclosing(draft.quotations, start, end) or (inside[0] if len(inside) == 1 else None)
        changed = False
        if quotation is None:
            if _overlapping(draft.quotations, start, end):
                return (f"{_words(draft, start, end)} overlaps part of a quotation the analysis found; "
                        "quote all of that quotation, or words inside it")
            body = draft.text.text[start:end]
            quotation = Quotation(start=start, end=end, text=body, speaker=None, anonymous=False, cue=EDITORS_CUE,
                                  words=count_words(body), corrected=_mark(correction, "narration"))
            draft.quotations.append(quotation)
            changed = True
    speaker_name = quotation.speaker if quotation is not None else None
    for index, span in enumerate(draft.spans):
        if span.start < end and start < span.end and span.voice != value:
            draft.spans[index] = replace(span, voice=value, speaker=speaker_name, corrected=_mark(correction, span.voice))
            changed = True
    for index, number in enumerate(draft.numbers):
        if number.start < end and start < number.end and number.voice != value:
            draft.numbers[index] = replace(number, voice=value, corrected=_mark(correction, number.voice))
            changed = True
    if not changed:
        return f"{_words(draft, start, end)} is already {value} for the analysis: the correction changes nothing, so remove the item"
    _record(draft, correction, start, end, was)
    return None


def counts(draft: _Draft, correction: ArticleCorrection, start: int, end: int) -> str | None:
    value = " ".join((correction.value or "").lower().split())
    hits = _overlapping(draft.numbers, start, end)
    if not hits:
        return f"no number the analysis counted lies in {_words(draft, start, end)}; quote the number and what it counts"
    if all(n.counted == value for n in hits):
        return f"the analysis already counts {value} there: the correction changes nothing, so remove the item"
    for number in hits:
        draft.numbers[draft.numbers.index(number)] = replace(number, counted=value, corrected=_mark(correction, number.counted))
    _record(draft, correction, start, end, _joined([n.counted for n in hits]))
    return None


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "not_framing": not_framing, "category": category, "speaker": speaker, "voice": voice, "counts": counts,
})
