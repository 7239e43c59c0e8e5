"""Every event's comparison, as the render stage reads them: each one's completion at once, its facts
only for the pages that show them.

The front page's cards read every event's distinctive words, but a rebuild
after an edit renders few event pages: facts stay sealed until a page asks, and
are then opened in the process that renders that page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from generator.analysis.results import AnalysisFailure
from generator.compare.corrections import correct_comparison
from generator.compare.event import with_completion
from generator.compare.types import Completion, EventComparison
from generator.corrections.model import EventCorrection
from generator.keys import digest


class Comparisons(Mapping[str, EventComparison]):
    """event id -> comparison, in the corpus's event order; `key` and `completion` are read without opening facts."""

    def __init__(
        self,
        order: tuple[str, ...],
        completions: Mapping[str, Completion],
        facts: Mapping[str, Callable[[], EventComparison]],
        keys: Mapping[str, str],
        failures: Mapping[str, tuple[AnalysisFailure, ...]] | None = None,
        corrections: Mapping[str, tuple[EventCorrection, ...]] | None = None,
    ) -> None:
        self._order = order
        self.failures = dict(failures or {})
        """event id -> the parts of its comparison that failed in this build (an internal error)."""
        self._completions = dict(completions)
        self._facts = dict(facts)
        self._keys = dict(keys)
        self._corrections = dict(corrections or {})
        """event id -> the editors' corrections, applied to its comparison as it is opened."""
        self._last: tuple[str, EventComparison] | None = None

    def __getitem__(self, event_id: str) -> EventComparison:
        """The comparison, opened again unless it is the one read last: an event's pages are made
        together (articles, event, data), and keeping every comparison read would hold them all."""
        if self._last is not None and self._last[0] == event_id:
            return self._last[1]
        comparison = with_completion(self._facts[event_id](), self._completions[event_id])
        if self._corrections.get(event_id):
            comparison = correct_comparison(comparison, self._corrections[event_id])[0]  # checked by `correct_events`
        self._last = (event_id, comparison)
        return comparison

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._completions

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def completion(self, event_id: str) -> Completion:
        return self._completions[event_id]

    def key(self, event_id: str) -> str:
        """Text that changes whenever the event's comparison may: the store key of its facts, the origin
        of its completion, the editors' corrections, and whether a part failed (a page showing a failure is never kept)."""
        failed = ":failed" if event_id in self.failures else ""
        corrected = self._corrections.get(event_id)
        decided = ":" + digest("corrections", repr(tuple(c.decision() for c in corrected))) if corrected else ""
        return f"{self._keys[event_id]}:{self._completions[event_id].origin}{decided}{failed}"

    def with_corrections(self, corrections: Mapping[str, tuple[EventCorrection, ...]]) -> Comparisons:
        """The same comparisons, each opened with its event's corrections applied (and keyed on them)."""
        return Comparisons(self._order, self._completions, self._facts, self._keys, self.failures, corrections)

    @classmethod
    def of(cls, comparisons: Mapping[str, EventComparison]) -> Comparisons:
        """Comparisons already made (tests, the single-file export)."""
        return cls(tuple(comparisons),
                   {e: Completion(c.distinctive, c.summary, "") for e, c in comparisons.items()},
                   {e: (lambda c=c: c) for e, c in comparisons.items()},
                   {e: "" for e in comparisons})
