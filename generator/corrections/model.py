"""Validated corrections, as frozen values: what an editor decided about one article or one event.

Each keeps where it was written (path and lines) for messages, and `decision()`,
the part a reader sees, which is all the keys of later stages depend on: moving a
correction down a line changes no page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

ARTICLE_ACTIONS = ("not_framing", "category", "speaker", "voice", "counts")
"""What an article correction may decide about its words (docs/corrections.md)."""
EVENT_ACTIONS = ("hide", "rename", "merge_into")
"""`hide` a summary sentence; `rename` an actor, or `merge_into` another."""
UNKNOWN_SPEAKER = "unknown"
"""`speaker: unknown` clears a quotation's speaker."""
EDITORS_ENTRY = "editors"
"""The `entry` of a highlight the editors added: it comes from no lexicon entry."""


@dataclass(frozen=True)
class ArticleCorrection:
    """One item of `corrections/<slug>.yaml`."""

    slug: str
    number: int
    """1-based position in its file: the number readers see beside the corrected words."""
    match: str
    occurrence: int | None
    action: str
    value: str | None
    """The new category, speaker, voice or counted noun; None for `not_framing`."""
    reason: str
    by: str | None
    path: str
    line: int
    """The item's first line."""
    lines: tuple[tuple[str, int], ...] = ()
    """Each field's line, for messages."""

    def line_of(self, field: str) -> int:
        return dict(self.lines).get(field, self.line)

    def decision(self) -> tuple[object, ...]:
        return (self.number, self.match, self.occurrence, self.action, self.value, self.reason, self.by)


@dataclass(frozen=True)
class EventCorrection:
    """One item of `corrections/events/<event-id>.yaml`: a summary sentence hidden, or an actor renamed or merged."""

    event: str
    number: int
    kind: str  # "summary" | "actor"
    subject: str
    """Words of the sentence to hide, or the actor's name as the comparison shows it."""
    action: str
    value: str | None
    """The actor's new name, or the actor it merges into; None for `hide`."""
    reason: str
    by: str | None
    path: str
    line: int
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, field: str) -> int:
        return dict(self.lines).get(field, self.line)

    def decision(self) -> tuple[object, ...]:
        return (self.number, self.kind, self.subject, self.action, self.value, self.reason, self.by)


@dataclass(frozen=True)
class Corrections:
    """Every correction of the content folder, by article slug and by event id, each in file order."""

    articles: tuple[tuple[str, tuple[ArticleCorrection, ...]], ...] = ()
    events: tuple[tuple[str, tuple[EventCorrection, ...]], ...] = ()

    @cached_property
    def by_article(self) -> Mapping[str, tuple[ArticleCorrection, ...]]:
        return dict(self.articles)

    @cached_property
    def by_event(self) -> Mapping[str, tuple[EventCorrection, ...]]:
        return dict(self.events)

    def of_article(self, slug: str) -> tuple[ArticleCorrection, ...]:
        return self.by_article.get(slug, ())

    def of_event(self, event_id: str) -> tuple[EventCorrection, ...]:
        return self.by_event.get(event_id, ())

    def __bool__(self) -> bool:
        return bool(self.articles or self.events)
