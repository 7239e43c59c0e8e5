"""What the render stage hands the writer: pages made now, pages made on demand, and the keys that
say when a page already written can be kept.

A page's key is a hash of everything it shows. The writer keeps the file of the
last build when the key is the same, and renders the page otherwise, possibly
in another process.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.analysis.results import ArticleSummary
from generator.analysis.rights import Rights
from generator.keys import digest
from generator.model import Corpus


@dataclass(frozen=True)
class BuildInfo:
    generator_version: str
    lexicon_version: str
    base_url: str | None
    private: bool


@dataclass(frozen=True)
class Page:
    path: str
    content: bytes


@dataclass(frozen=True)
class Deferred:
    """A page rendered only when asked: not at all when its `key` equals the key of the file already
    in the site, and possibly in another process. Pages of one `group` (an event's article pages,
    its event page and its JSON) are rendered together, so the event page reuses its articles' views."""

    path: str
    key: str
    make: Callable[[], Page]
    group: str = ""


@dataclass(frozen=True)
class DeferredSet:
    """Site-wide pages made together, whose paths are known only once made (the search index's
    shards), rendered possibly in another process; never kept, since they show the whole corpus."""

    group: str
    make: Callable[[], list[Page]]


PagePlan = Page | Deferred | DeferredSet
"""One item of the site the render stage plans."""


@dataclass(frozen=True)
class PageKeys:
    """What page keys are made of: the version of the code and templates, each article's analysis key,
    each event's comparison key, and the rights (as text) of each article and of each event's articles."""

    render: str
    articles: Mapping[str, str]
    events: Mapping[str, str]
    rights: Mapping[str, str]
    event_rights: Mapping[str, str]

    @classmethod
    def of(cls, render: str, summaries: Mapping[str, ArticleSummary], analysis_keys: Mapping[str, str], events: Mapping[str, str],
           rights: Mapping[str, Rights], corpus: Corpus) -> PageKeys:
        """Keys from the stages' own keys; an article whose analysis failed in part is keyed apart, so the
        page that shows the failure is never kept once the analysis succeeds."""
        articles = {slug: key + (":failed" if summaries[slug].failures else "") for slug, key in analysis_keys.items()}
        texts = {slug: repr(r) for slug, r in rights.items()}
        event_rights = {event_id: repr(sorted((a.slug, texts[a.slug]) for a in members))
                        for event_id, members in corpus.by_event.items()}
        return cls(render, articles, events, texts, event_rights)

    def article_data(self, slug: str) -> str:
        return digest(self.render, "article-data", self.articles[slug], self.rights[slug])

    def event_data(self, event_id: str) -> str:
        return digest(self.render, "event-data", self.events[event_id], self.event_rights[event_id])


def json_bytes(data: object) -> bytes:
    """Compact JSON on one line, several times faster to write than indented JSON (`python -m json.tool FILE` indents it)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
