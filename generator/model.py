"""The validated content model: frozen dataclasses built by `validate`, read by every later stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from generator.corrections.model import Corrections

VOICES = ("headline", "narration", "quotation")
"""Whose words a span is in: the headline, the outlet's own narration, or someone it quotes."""


@dataclass(frozen=True)
class PublishingPolicy:
    """Which articles the public build may carry in full, and how much of the others it may quote."""

    full_text_licenses: tuple[str, ...] = ("CC BY", "CC BY-SA", "CC0", "public domain")
    excerpt_max_sentences: int = 1
    excerpt_max_share: float = 0.12


@dataclass(frozen=True)
class SiteConfig:
    title: str
    description: str
    language: str
    base_url: str | None
    lexicon_files: tuple[str, ...]
    publishing: PublishingPolicy = field(default_factory=PublishingPolicy)


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str
    ownership: str
    homepage: str | None
    license: str
    license_url: str | None = None
    notes: str = ""
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    republished_by: str | None = None


@dataclass(frozen=True)
class ActorAlias:
    """An actor named in an event's `actors:` table, with the other names it goes by."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    summary: str
    description: str
    start: dt.date | None = None
    end: dt.date | None = None
    location: str = ""
    tags: tuple[str, ...] = ()
    actors: tuple[ActorAlias, ...] = ()
    path: str = ""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    outlet: str
    published: dt.date
    event: str | None
    body: str
    path: str
    body_line: int
    url: str | None = None
    author: str | None = None
    dateline: str | None = None
    incident_date: dt.date | None = None
    language: str = "en"
    license: str | None = None
    source_file: str | None = None
    notes: str = ""
    imported: str | None = None
    placeholders: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    description: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class SenseRule:
    """Where an entry's word is used in one sense rather than another: by its neighbours, or by its place
    in a hyphenated compound. Every field that is set must hold; lists name alternatives (any one will do).

    Neighbours are words or phrases, may name a placeholder (`{party}`) or the built-in `{Number}`, and
    may stand up to `window` words away; hyphens count as spaces ("lame-duck" is "lame" before "duck")."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    window: int = 1
    compound: str = ""  # "" | "before" | "after" | "either": joined by a hyphen to a word on that side


@dataclass(frozen=True)
class Group:
    """A kind of framing inside a category, with the published work that names it (shown on the method page).

    Its `unless`/`only_if` rules apply to every entry of the group alike, so one rule serves every side."""

    id: str
    category: str
    label: str
    description: str
    references: tuple[str, ...] = ()
    unless: tuple[SenseRule, ...] = ()
    only_if: tuple[SenseRule, ...] = ()


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon rule: a word, a phrase, or a pattern with a placeholder such as `{actor}-backed`."""

    id: str
    term: str
    kind: str  # "word" | "phrase" | "pattern"
    category: str
    note: str
    alternative: str | None = None
    path: str = ""
    line: int = 0
    unless: tuple[str, ...] = ()
    """Phrases that contain the term in a neutral sense and cancel the match ("claimed responsibility")."""
    unless_rules: tuple[SenseRule, ...] = ()
    """Neighbourhoods in which the term is neutral ("disaster" before "aid"); any one cancels the match."""
    only_if: tuple[SenseRule, ...] = ()
    """When given, the term frames only in these neighbourhoods ("a handful of" after "only")."""
    group: str | None = None
    """The id of the entry's `Group`, a kind of framing with its own references."""


@dataclass(frozen=True)
class Lexicon:
    categories: tuple[Category, ...]
    entries: tuple[LexiconEntry, ...]
    placeholders: tuple[tuple[str, tuple[str, ...]], ...]
    version: str
    groups: tuple[Group, ...] = ()
    mirrors: tuple[tuple[str, str], ...] = ()
    """Pairs of words that name opposite sides ("left", "right"): an entry with one needs its mirror."""

    def group(self, group_id: str | None) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None) if group_id else None

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)


@dataclass(frozen=True)
class Corpus:
    """Everything in `content/`, validated and cross-checked, with the groupings every later stage reads.

    Groupings are worked out once, on first use, and must not be changed by their
    readers; each keeps the order of `articles` (which is by path) and leaves out
    empty groups."""

    site: SiteConfig
    outlets: tuple[Outlet, ...]
    events: tuple[Event, ...]
    articles: tuple[Article, ...]
    lexicon: Lexicon
    corrections: Corrections = Corrections()
    """The editors' corrections (`content/corrections/`), applied by the correct stage."""

    def outlet(self, outlet_id: str) -> Outlet:
        return self.outlets_by_id[outlet_id]

    @cached_property
    def outlets_by_id(self) -> Mapping[str, Outlet]:
        """Outlet id -> outlet, in the order of outlets.yaml."""
        return {o.id: o for o in self.outlets}

    @cached_property
    def events_by_id(self) -> Mapping[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def by_event(self) -> Mapping[str, tuple[Article, ...]]:
        """Event id -> its articles; events without articles and articles without an event are left out."""
        return _grouped(self.articles, lambda a: a.event)

    @cached_property
    def by_outlet(self) -> Mapping[str, tuple[Article, ...]]:
        return _grouped(self.articles, lambda a: a.outlet)

    @cached_property
    def by_month(self) -> Mapping[str, tuple[Article, ...]]:
        """"yyyy-mm" of publication -> the articles published that month."""
        return _grouped(self.articles, lambda a: a.published.strftime("%Y-%m"))

    @cached_property
    def unassigned(self) -> tuple[Article, ...]:
        """Articles in no event."""
        return tuple(a for a in self.articles if not a.event)


def _grouped(articles: tuple[Article, ...], key: Callable[[Article], str | None]) -> Mapping[str, tuple[Article, ...]]:
    groups: dict[str, list[Article]] = {}
    for article in articles:
        name = key(article)
        if name:
            groups.setdefault(name, []).append(article)
    return {name: tuple(members) for name, members in groups.items()}
