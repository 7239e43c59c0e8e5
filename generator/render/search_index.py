"""The offline search index: a lunr index plus a table of documents, written as a plain script.

A plain `<script src>` file is the one way to ship data that works from `file://`
(fetch and modules are blocked there). The index is built here with the PyPI
`lunr` package in the format lunr.js 2.3.9 loads, so the browser only searches.

Rights: an article the public site may not show in full is indexed by what its
page shows (headline, outlet, event, the speakers in its quotation table and its
excerpts) and nothing more; otherwise its text could be read back out of the index.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from lunr import lunr
from lunr.builder import Builder
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from generator.analysis.results import ArticleAnalysis
from generator.analysis.rights import Rights
from generator.markdown import parse
from generator.model import Article, Corpus, Event, Outlet

FIELDS = (("title", 10), ("speakers", 5), ("outlet", 3), ("event", 3), ("body", 1))
SNIPPET_WORDS = 30
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


def shown_body(analysis: ArticleAnalysis, rights: Rights) -> str:
    """The article text its public page shows: all of it, or only the excerpts."""
    text = analysis.text.text
    if rights.full_text:
        return text[analysis.text.headline_end :].strip()
    return EXCERPT_JOIN.join(text[e.start : e.end].strip() for e in rights.excerpts)


def speakers(analysis: ArticleAnalysis) -> str:
    """Named speakers, in order of first quotation; the page's quotation table names them even when it hides the words."""
    names = dict.fromkeys(q.speaker for q in analysis.quotations if q.speaker)
    return "; ".join(names)


def article_document(article: Article, outlet: Outlet, event: Event | None, analysis: ArticleAnalysis, rights: Rights) -> SearchDocument:
    return SearchDocument(
        ref=f"articles/{article.slug}.html",
        kind="article",
        title=article.title,
        outlet=outlet.name,
        event=event.title if event else "",
        speakers=speakers(analysis),
        body=shown_body(analysis, rights),
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


def search_documents(corpus: Corpus, analyses: Mapping[str, ArticleAnalysis], rights: Mapping[str, Rights]) -> tuple[SearchDocument, ...]:
    """Every page worth finding, in a fixed order: articles, events that have a page, outlets."""
    outlets = {o.id: o for o in corpus.outlets}
    events = {e.id: e for e in corpus.events}
    documents = [
        article_document(a, outlets[a.outlet], events.get(a.event) if a.event else None, analyses[a.slug], rights[a.slug])
        for a in sorted(corpus.articles, key=lambda a: a.slug)
    ]
    for event in corpus.events:
        members = [a for a in corpus.articles if a.event == event.id]
        if members:
            names = tuple(sorted({outlets[a.outlet].name for a in members}, key=str.lower))
            documents.append(event_document(event, names))
    documents.extend(outlet_document(o) for o in corpus.outlets)
    return tuple(documents)


class DropPunctuation:
    """Drops tokens with no letter or digit ("…", "—"): lunr.py's trimmer keeps them, lunr.js's would empty them."""

    label = "dropPunctuation"  # lunr.py asks every pipeline function for a label

    def __call__(self, token, i=None, tokens=None):
        return token if any(ch.isalnum() for ch in str(token)) else None


def make_builder() -> Builder:
    """lunr's default English pipeline, keeping term positions so results can show where a word occurs."""
    builder = Builder()
    builder.pipeline.add(trimmer, DropPunctuation(), stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    builder.metadata_whitelist = ["position"]
    return builder


def build_index(documents: tuple[SearchDocument, ...]) -> dict:
    fields = [{"field_name": name, "boost": boost} for name, boost in FIELDS]
    records = [{"ref": d.ref, **{name: getattr(d, name) for name, _ in FIELDS}} for d in documents]
    return lunr(ref="ref", fields=fields, documents=records, builder=make_builder()).serialize()


def snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def document_table(documents: tuple[SearchDocument, ...]) -> dict[str, dict]:
    """ref -> what a result shows: title, kind, meta line, a short snippet, and the indexed fields for 'where'."""
    table = {}
    for document in documents:
        row = asdict(document)
        del row["ref"]
        row["snippet"] = snippet(document.body)
        table[document.ref] = row
    return table


def search_index_script(documents: tuple[SearchDocument, ...]) -> str:
    """`window.SEARCH_INDEX = {...};` with compact, deterministic JSON that is also valid JavaScript."""
    data = {"version": 1, "fields": [name for name, _ in FIELDS], "index": build_index(documents), "documents": document_table(documents)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"/* Framing Digest search index: generated, do not edit. */\nwindow.SEARCH_INDEX = {text};\n"
