"""What the offline search finds: one document per article, event and outlet page, with its fields.

An article the public site may not show in full is a document of what its page
shows (headline, outlet, event, the speakers in its quotation table and its
excerpts) and nothing more; otherwise its text could be read back out of the
index (see `search_index.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.analysis.results import ArticleSummary
from generator.analysis.rights import Rights
from generator.markdown import parse
from generator.model import Article, Corpus, Event, Outlet

FIELDS = (("title", 10), ("speakers", 5), ("outlet", 3), ("event", 3), ("body", 1))
EXCERPT_JOIN = " … "


@dataclass(frozen=True)
class SearchDocument:
    """One page as search sees it; `ref` is the page's path from the site root, so it is also the link."""

    ref: str
    kind: str  # "article" | "event" | "outlet"
    title: str
    outlet: str
    event: str
    speakers: str
    body: str
    meta: str
    excerpts_only: bool = False


def markdown_text(source: str) -> str:
    """The words a reader sees in rendered Markdown, one block per line, without markup characters."""
    lines = []
    for token in parse(source):
        if token.type != "inline" or token.children is None:
            continue
        pieces = []
        for child in token.children:
            if child.type in ("text", "code_inline"):
                pieces.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                pieces.append(" ")
        lines.append("".join(pieces).strip())
    return "\n".join(line for line in lines if line)


def shown_body(summary: ArticleSummary, rights: Rights) -> str:
    """The article text its public page shows: all of it, or only the excerpts."""
    text = summary.text
    if rights.full_text:
        return text[summary.headline_end :].strip()
    return EXCERPT_JOIN.join(text[e.start : e.end].strip() for e in rights.excerpts)


def article_document(article: Article, outlet: Outlet, event: Event | None, summary: ArticleSummary, rights: Rights) -> SearchDocument:
    """The article as its page shows it; `speakers` are the named speakers in order of first quotation, since the
    page's quotation table names them even when it hides the words."""
    return SearchDocument(
        ref=f"articles/{article.slug}.html",
        kind="article",
        title=article.title,
        outlet=outlet.name,
        event=event.title if event else "",
        speakers=summary.speakers,
        body=shown_body(summary, rights),
        meta=f"{outlet.name} · {article.published.strftime('%-d %B %Y')}",
        excerpts_only=not rights.full_text,
    )


def event_document(event: Event, outlets: tuple[str, ...]) -> SearchDocument:
    return SearchDocument(
        ref=f"events/{event.id}.html",
        kind="event",
        title=event.title,
        outlet="; ".join(outlets),
        event="",  # the title is the event
        speakers="",
        body="\n".join(part for part in (event.summary, markdown_text(event.description)) if part),
        meta=" · ".join(part for part in ("comparison of " + ", ".join(outlets), event.location) if part),
    )


def outlet_document(outlet: Outlet) -> SearchDocument:
    return SearchDocument(
        ref=f"outlets/{outlet.id}.html",
        kind="outlet",
        title=outlet.name,
        outlet="",  # the title is the outlet
        event="",
        speakers="",
        body="\n".join(part for part in (outlet.country, outlet.ownership, outlet.notes) if part),
        meta=f"Outlet · {outlet.country}",
    )


def search_documents(corpus: Corpus, summaries: Mapping[str, ArticleSummary], rights: Mapping[str, Rights]) -> tuple[SearchDocument, ...]:
    """Every page worth finding, in a fixed order: articles, events that have a page, outlets."""
    documents = [
        article_document(a, corpus.outlet(a.outlet), corpus.events_by_id.get(a.event) if a.event else None, summaries[a.slug], rights[a.slug])
        for a in sorted(corpus.articles, key=lambda a: a.slug)
    ]
    for event in corpus.events:
        if event.id in corpus.by_event:
            names = tuple(sorted({corpus.outlet(a.outlet).name for a in corpus.by_event[event.id]}, key=str.lower))
            documents.append(event_document(event, names))
    documents.extend(outlet_document(o) for o in corpus.outlets)
    return tuple(documents)
