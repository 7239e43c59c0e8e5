"""Which full name a name of one word stands for: "Clinton" after "Bill Clinton", "Bernie" for "Bernie Sanders".

Full names (capitalised runs of two words or more) are grouped into one actor
when they share their last word and either their first word ("Hillary Clinton",
"Hillary Rodham Clinton") or one is the end of the other ("Javad Zarif",
"Mohammad Javad Zarif"). A single word then names:
- the actor whose last word it is, when only one actor of the event has that
  last word; when several do ("Bill Clinton", "Hillary Clinton"), the one the
  same paragraph named in full most recently before it, or none;
- else the actor whose first word it is ("Bernie", "Hillary"), when exactly one
  actor starts with it and that actor is also called by its last word alone
  somewhere in the event (people are; "New Jersey" is not called "Jersey").
Anything else is left unresolved: a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class People:
    """The event's full names grouped into actors, and the single words that can stand for them."""

    actor_of: Mapping[str, str]  # full-name key -> actor key
    by_last: Mapping[str, tuple[str, ...]]  # last word -> actor keys
    by_first: Mapping[str, tuple[str, ...]]  # first word -> actor keys
    called_by_last: frozenset[str]  # actor keys some article names by their last word alone

    def candidates(self, word: str) -> tuple[str, ...]:
        return self.by_last.get(word, ())

    def by_given_name(self, word: str) -> str | None:
        found = self.by_first.get(word, ())
        if len(found) == 1 and word not in self.by_last and found[0] in self.called_by_last:
            return found[0]
        return None


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def group_people(full_names: Mapping[str, int], single_words: Iterable[str]) -> People:
    """`full_names`: full-name key (its words, case-folded, joined by spaces) -> how often it is written.
    `single_words`: every one-word name the event's articles write, case-folded."""
    parent = {key: key for key in full_names}
    by_last_word: dict[str, list[str]] = defaultdict(list)
    for key in sorted(full_names):
        by_last_word[key.rsplit(" ", 1)[-1]].append(key)
    for keys in by_last_word.values():
        first_seen: dict[str, str] = {}
        present = set(keys)
        for key in keys:
            words = key.split(" ")
            earlier = first_seen.setdefault(words[0], key)
            if earlier != key:
                parent[_find(parent, key)] = _find(parent, earlier)
            for cut in range(1, len(words) - 1):
                suffix = " ".join(words[cut:])
                if suffix in present:
                    parent[_find(parent, key)] = _find(parent, suffix)
    members: dict[str, list[str]] = defaultdict(list)
    for key in full_names:
        members[_find(parent, key)].append(key)
    actor_of: dict[str, str] = {}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for group in members.values():
        canonical = max(group, key=lambda k: (full_names[k], len(k), k))
        for key in group:
            actor_of[key] = canonical
            words = key.split(" ")
            by_last[words[-1]].add(canonical)
            by_first[words[0]].add(canonical)
    singles = frozenset(single_words)
    called = frozenset(actor for word, actors in by_last.items() if word in singles for actor in actors)
    return People(
        actor_of=actor_of,
        by_last={word: tuple(sorted(actors)) for word, actors in by_last.items()},
        by_first={word: tuple(sorted(actors)) for word, actors in by_first.items()},
        called_by_last=called,
    )


class ArticlePeople:
    """Resolves one article's single-word names, knowing where it named each actor in full and where its
    paragraphs start."""

    def __init__(self, people: People, full_mentions: Iterable[tuple[int, str]], paragraph_starts: Sequence[int] = ()) -> None:
        self.people = people
        self.paragraph_starts = paragraph_starts
        self.starts: dict[str, list[int]] = defaultdict(list)
        for start, actor in sorted(full_mentions):
            self.starts[actor].append(start)

    def resolve(self, word: str, position: int) -> str | None:
        """The actor a one-word name at `position` stands for, or None when that is not clear. Where several
        actors share the word, only a full name since the start of the name's paragraph decides (found only
        then: most words name one actor or none)."""
        candidates = self.people.candidates(word)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            paragraph = bisect.bisect_right(self.paragraph_starts, position) - 1
            paragraph_start = self.paragraph_starts[paragraph] if paragraph >= 0 else 0
            latest: list[tuple[int, str]] = []
            for actor in candidates:
                starts = self.starts.get(actor, ())
                k = bisect.bisect_left(starts, position)
                if k and starts[k - 1] >= paragraph_start:
                    latest.append((starts[k - 1], actor))
            return max(latest)[1] if latest else None
        return self.people.by_given_name(word)
