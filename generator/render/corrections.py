"""How the editors' corrections are shown: a marker beside each corrected item, and the list of them all.

A marker is a small link (✎ and the correction's number) placed where the
corrected words start; it shows what was decided and why on hover and focus,
reads it to screen readers, and prints it. The list ("Corrections by the
editors") gives every correction with its reason, removed highlights included.
For an article the public site shows only in excerpts, words outside them are
never quoted: the list says which paragraph they are in instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.analysis.results import AppliedCorrection, ArticleAnalysis, Correction, NumericClaim, Quotation
from generator.analysis.rights import Rights
from generator.compare.types import EventCorrectionNote
from generator.corrections.locate import where
from generator.corrections.model import UNKNOWN_SPEAKER
from generator.model import Category

VOICE_WORDS = {"narration": "the outlet's own narration", "quotation": "a quotation", "headline": "the headline"}


@dataclass(frozen=True)
class CorrectionRow:
    number: int
    decision: str
    """What the editors decided, against what the machine had said, in words."""
    words: str | None
    """The corrected words, where the page may quote them; None where it may not."""
    place: str
    """Where the words are: "the headline" or "paragraph 4"."""
    reason: str
    by: str | None
    in_text: bool
    """Whether the page shows the words, and so a marker beside them."""


def decision_text(action: str, value: str | None, was: str | None, categories: Mapping[str, Category]) -> str:
    """One sentence on what a correction decided and what the analysis had said."""
    def label(category: str | None) -> str:
        return ", ".join(categories[c].label if c in categories else c for c in (category or "").split(", ") if c)

    if action == "not_framing":
        return f"Not framing: highlight removed (the analysis had {label(was)})."
    if action == "category":
        had = f"the analysis had {label(was)}" if was else "the analysis had no highlight here"
        return f"Highlighted as {label(value)} ({had})."
    if action == "speaker":
        said = f"the analysis said {was}" if was else "the analysis named no one"
        named = "not identified" if value == UNKNOWN_SPEAKER else value
        return f"The speaker is {named} ({said})."
    if action == "voice":
        return f"These words are {VOICE_WORDS.get(value or '', value)} (the analysis read them as {VOICE_WORDS.get(was or '', was)})."
    if action == "counts":
        return f"The number counts {value} (the analysis said {was})."
    return f"{action}: {value}"


def tip_text(mark: Correction | AppliedCorrection | EventCorrectionNote, decision: str) -> str:
    by = f" ({mark.by})" if mark.by else ""
    return f"Editors' correction {mark.number}{by}: {decision} Reason: {mark.reason}"


def marker_html(slug: str, root: str, applied: AppliedCorrection, decision: str) -> str:
    """The marker placed where the corrected words start: a link to the correction in the list."""
    tip = escape(tip_text(applied, decision))
    return (f'<a class="corr-marker" id="corrected-{escape(slug)}-{applied.number}" '
            f'href="{root}articles/{escape(slug)}.html#correction-{applied.number}" data-tip="{tip}">'
            f'<span aria-hidden="true">✎</span>{applied.number} <span class="corr-note">{tip}</span></a>')


def item_marker(item: Quotation | NumericClaim, categories: Mapping[str, Category]) -> Markup:
    """The marker beside a table row (a quotation, a number) whose item the editors corrected, linking to the list."""
    mark = item.corrected
    if mark is None:
        return Markup("")
    if mark.action == "speaker" and isinstance(item, Quotation):
        value: str | None = item.speaker or UNKNOWN_SPEAKER
    elif mark.action == "voice":
        value = item.voice if isinstance(item, NumericClaim) else "quotation"
    else:
        value = item.counted if isinstance(item, NumericClaim) else None
    tip = escape(tip_text(mark, decision_text(mark.action, value, mark.was, categories)))
    return Markup(f'<a class="corr-marker" href="#correction-{mark.number}" data-tip="{tip}">'
                  f'<span aria-hidden="true">✎</span>{mark.number} <span class="corr-note">{tip}</span></a>')


def shown(analysis: ArticleAnalysis, rights: Rights, start: int, end: int) -> bool:
    """Whether the page shows text[start:end]: the whole text, or the headline or an excerpt holding it."""
    if rights.full_text or end <= analysis.text.headline_end:
        return True
    return any(e.start <= start and end <= e.end for e in rights.excerpts)


def correction_rows(analysis: ArticleAnalysis, rights: Rights, categories: Mapping[str, Category]) -> tuple[CorrectionRow, ...]:
    text = analysis.text
    rows = []
    for applied in analysis.corrections:
        visible = shown(analysis, rights, applied.start, applied.end)
        rows.append(CorrectionRow(
            applied.number, decision_text(applied.action, applied.value, applied.was, categories),
            " ".join(text.text[applied.start:applied.end].split()) if visible else None,
            where(text, applied.start), applied.reason, applied.by, visible,
        ))
    return tuple(rows)


def correction_markers(slug: str, root: str, analysis: ArticleAnalysis, rights: Rights,
                       categories: Mapping[str, Category]) -> tuple[tuple[int, str], ...]:
    """(offset, marker HTML) at the start of each correction's words the page shows."""
    return tuple(
        (applied.start, marker_html(slug, root, applied, decision_text(applied.action, applied.value, applied.was, categories)))
        for applied in analysis.corrections if shown(analysis, rights, applied.start, applied.end)
    )


def event_decision_text(note: EventCorrectionNote) -> str:
    if note.kind == "summary":
        return f"A generated sentence is hidden from the summary: “{note.was}”"
    if note.action == "rename":
        return f"The actor the comparison called {note.was} is named {note.value}."
    return f"The actor the comparison listed as {note.was} is the same as {note.value}: the two rows are merged."


def event_corrections(notes: tuple[EventCorrectionNote, ...]) -> tuple[tuple[tuple[EventCorrectionNote, str], ...], dict[str, Markup]]:
    """Each correction of a comparison with its decision in words, and the markers of the actors' rows."""
    rows = tuple((note, event_decision_text(note)) for note in notes)
    markers: dict[str, Markup] = {}
    for note, decision in rows:
        if note.kind == "actor" and note.value:
            tip = escape(tip_text(note, decision))
            markers[note.value] = Markup(markers.get(note.value, "") + Markup(
                f'<a class="corr-marker" href="#event-correction-{note.number}" data-tip="{tip}">'
                f'<span aria-hidden="true">✎</span>{note.number} <span class="corr-note">{tip}</span></a>'))
    return rows, markers
