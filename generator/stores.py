"""The build's stores, one per kind of result, opened together: the user's cache, or nothing.

A cache that cannot be used safely (see `store.py`) is not an error: the build
goes on without it and says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.analysis.results import ArticleAnalysis, ArticleSummary
from generator.analysis.rights import Rights
from generator.compare.prior import CorpusPrior
from generator.compare.stage import CompareStores
from generator.compare.types import Completion, EventComparison, OutletProfile
from generator.fingerprint import BuildRecord
from generator.load import Document
from generator.store import Database, SqliteStore, Store, StoreRefused, open_database
from generator.writer.plan import PageRecords


@dataclass(frozen=True)
class Stores:
    documents: Store[Document]
    analyses: Store[ArticleAnalysis]
    summaries: Store[ArticleSummary]
    rights: Store[Rights]
    facts: Store[EventComparison]
    completions: Store[Completion]
    priors: Store[CorpusPrior]
    profiles: Store[OutletProfile]
    pages: Store[PageRecords]
    templates: Store[dict]
    """The templates compiled by Jinja, one dict (see `render/environment.py`) under the templates' and code's version."""
    builds: Store[BuildRecord]
    notes: tuple[str, ...] = ()
    """Why the cache is not used, or what went wrong with it (the CLI prints them)."""

    @property
    def compare(self) -> CompareStores:
        return CompareStores(self.facts, self.completions, self.priors, self.analyses)


KINDS = (("documents", Document), ("analyses", ArticleAnalysis), ("summaries", ArticleSummary), ("rights", Rights), ("facts", EventComparison),
         ("completions", Completion), ("priors", CorpusPrior), ("profiles", OutletProfile), ("pages", dict),
         ("templates", dict), ("builds", BuildRecord))


@contextmanager
def open_stores(folder: Path | None) -> Iterator[Stores]:
    """The stores in the cache `folder`, or stores that keep nothing when it is None or unsafe."""
    database: Database | None = None
    notes: tuple[str, ...] = ()
    if folder is not None:
        try:
            database = open_database(folder)
        except (StoreRefused, OSError) as error:
            notes = (f"not using the cache: {error}",)
    if database is None:
        yield Stores(*(Store(table, kind) for table, kind in KINDS), notes=notes)  # type: ignore[arg-type]
        return
    try:
        stores = Stores(*(SqliteStore(database, table, kind) for table, kind in KINDS))  # type: ignore[arg-type]
        yield stores
    finally:
        database.close()


def store_notes(stores: Stores) -> tuple[str, ...]:
    """What the stores have to say after the build: why the cache was not used, or what failed in it."""
    database = getattr(stores.documents, "database", None)
    return stores.notes + tuple(database.problems if database is not None else ())
