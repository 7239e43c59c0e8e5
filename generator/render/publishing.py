"""Pages for publishing and offline reading: feed, sitemap, search. (Filled in by the publishing work.)"""

from __future__ import annotations

from collections.abc import Iterator


def publishing_pages(corpus, analyses, rights, build, renderer) -> Iterator:
    return iter(())
