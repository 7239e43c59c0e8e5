"""Every event's comparison, as the render stage reads them: the distinctive words and summary of
each at once, the rest only for the pages that show it.

A rebuild after a small edit rewrites a handful of event pages, but the front
page's cards read every event's distinctive words. A comparison stays as the
bytes the cache or a comparing worker stored until a page asks for it, and then
it is unpickled in the process that renders that page: at 10,000 articles,
unpickling all 3,351 in the parent took 3.5 s of a 24 s rebuild, and about 2 s
of a full build's parent time as the workers' results arrived.
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

    Each comparison is its completion plus a function that returns its facts
    (from the bytes a worker or the cache stored, or recomputed if those prove
    damaged), called the first time the comparison is read, in whichever process
    reads it. Reading the completion alone never calls it. `origins` name each
    completion by the cache key it was computed under (see `origin`)."""

    def __init__(
        self,
        order: tuple[str, ...],
        parts: Mapping[str, tuple[Completion, Callable[[], EventComparison]]],
        origins: Mapping[str, str] | None = None,
    ) -> None:
        self._order = order
        self._parts = dict(parts)
        self._origins = dict(origins or {})
        self._last: tuple[str, EventComparison] | None = None

    def __getitem__(self, event_id: str) -> EventComparison:
        """The comparison, read again unless it is the one read last: an event's pages are made
        together (articles, event, data), and keeping every comparison read would hold them all."""
        if self._last is not None and self._last[0] == event_id:
            return self._last[1]
        (distinctive, summary), facts = self._parts[event_id]
        comparison = replace(facts(), distinctive=distinctive, summary=summary)
        self._last = (event_id, comparison)
        return comparison

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._parts

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def completion(self, event_id: str) -> Completion:
        """The event's distinctive words and summary, without reading the rest of its comparison."""
        return self._parts[event_id][0]

    def distinctive(self, event_id: str) -> tuple[OutletDistinctive, ...]:
        return self.completion(event_id)[0]

    def origin(self, event_id: str) -> str:
        """Text that changes whenever the event's completion does, for page keys: the cache key it was
        first computed under (equal keys, equal inputs, equal words), or else the completion written out."""
        return self._origins.get(event_id) or repr(self.completion(event_id))
