"""Pages for publishing and offline reading: search page and index, Atom feed, sitemap.

Each piece is made by its own module (feed.py, search_index.py); this one only
decides which pages exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from generator.analysis.results import ArticleSummary
from generator.analysis.rights import Rights
from generator.model import Corpus
from generator.render.feed import atom_feed, feed_entries, sitemap
from generator.render.pages import BuildInfo, Page
from generator.render.renderer import SiteRenderer
from generator.render.search_documents import search_documents
from generator.render.search_index import search_pages
from generator.render.views import digest_months


def page_dates(corpus: Corpus) -> tuple[tuple[str, dt.date | None], ...]:
    """Every HTML page worth listing in a sitemap, with the content date it last changed where one exists."""
    pages: list[tuple[str, dt.date | None]] = [("index.html", None), ("method.html", None), ("search.html", None)]
    for event in corpus.events:
        if event.id in corpus.by_event:
            pages.append((f"events/{event.id}.html", max(a.published for a in corpus.by_event[event.id])))
    for month in digest_months(corpus):
        pages.append((f"digests/{month.key}.html", max(a.published for a in corpus.by_month[month.key] if a.event)))
    pages.extend((f"articles/{a.slug}.html", a.published) for a in sorted(corpus.articles, key=lambda a: a.slug))
    pages.extend((f"outlets/{o.id}.html", None) for o in corpus.outlets)
    return tuple(pages)


def publishing_pages(
    corpus: Corpus,
    summaries: Mapping[str, ArticleSummary],
    rights: Mapping[str, Rights],
    build: BuildInfo,
    renderer: SiteRenderer,
) -> Iterator[Page]:
    yield renderer.page("search.html", "search.html", page_description=f"Search {corpus.site.title} offline")
    documents = search_documents(corpus, summaries, rights)
    for path, content in search_pages(documents):
        yield Page(path, content)
    entries = feed_entries(corpus, summaries, rights)
    yield Page("feed.xml", atom_feed(corpus, entries, build.base_url, build.generator_version).encode("utf-8"))
    if build.base_url:
        yield Page("sitemap.xml", sitemap(page_dates(corpus), build.base_url).encode("utf-8"))
