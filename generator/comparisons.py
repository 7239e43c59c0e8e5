"""Every event's comparison, as the render stage reads them: the distinctive words and summary of
each at once, the rest only for the pages that show it.

A rebuild after a small edit rewrites a handful of event pages, but the front
page's cards read every event's distinctive words. Comparisons kept from an
earlier build stay as their cached bytes until a page asks for one: at 10,000
articles, unpickling all 3,351 took 3.5 s of a 24 s rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from generator.analysis.compare import EventComparison, OutletDistinctive
from generator.analysis.summary import SummarySentence

Completion = tuple[tuple[OutletDistinctive, ...], tuple[SummarySentence, ...]]
"""An event's distinctive words and the summary that quotes them: what depends on the corpus prior."""


class Comparisons(Mapping[str, EventComparison]):
    """event id -> comparison, in the corpus's event order.

    `made` comparisons are whole; a `kept` one is its completion plus a function
    that returns its facts (from the cache's bytes, or recomputed if those prove
    damaged), called the first time the comparison is read, in whichever process
    reads it. Reading the completion alone never calls it. `origins` name each
    completion by the cache key it was computed under (see `origin`)."""

    def __init__(
        self,
        order: tuple[str, ...],
        made: Mapping[str, EventComparison],
        kept: Mapping[str, tuple[Completion, Callable[[], EventComparison]]],
        origins: Mapping[str, str] | None = None,
    ) -> None:
        self._order = order
        self._made = dict(made)
        self._kept = dict(kept)
        self._origins = dict(origins or {})

    @classmethod
    def of(cls, comparisons: Mapping[str, EventComparison]) -> Comparisons:
        """Whole comparisons, as a build without a cache makes them."""
        return cls(tuple(comparisons), comparisons, {})

    def __getitem__(self, event_id: str) -> EventComparison:
        found = self._made.get(event_id)
        if found is None:
            (distinctive, summary), facts = self._kept[event_id]
            found = self._made[event_id] = replace(facts(), distinctive=distinctive, summary=summary)
        return found

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._made or event_id in self._kept

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def completion(self, event_id: str) -> Completion:
        """The event's distinctive words and summary, without reading the rest of its comparison."""
        kept = self._kept.get(event_id)
        if kept is not None:
            return kept[0]
        comparison = self._made[event_id]
        return comparison.distinctive, comparison.summary

    def distinctive(self, event_id: str) -> tuple[OutletDistinctive, ...]:
        return self.completion(event_id)[0]

    def origin(self, event_id: str) -> str:
        """Text that changes whenever the event's completion does, for page keys: the cache key it was
        first computed under (equal keys, equal inputs, equal words), or else the completion written out."""
        return self._origins.get(event_id) or repr(self.completion(event_id))
