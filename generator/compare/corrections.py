"""The editors' corrections of an event's comparison, applied as a pure function over it.

`actor:` items rename an actor of the "how each outlet names the actors" table,
or merge it into another (their mentions and labels are added together); the
summary is then written again from the corrected tables, so no sentence names
an actor the table no longer shows. `summary:` items hide the one generated
sentence that contains their words. What was hidden or renamed is kept in
`EventComparison.corrections`, so the page and the JSON show the machine's
version beside the editors'.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from generator.analysis.actors import ActorLabel, ActorNaming, OutletActorLabels
from generator.compare.summary import summarise
from generator.compare.types import EventComparison, EventCorrectionNote
from generator.corrections.locate import occurrences
from generator.corrections.model import EventCorrection
from generator.errors import Problem


def correct_comparison(
    comparison: EventComparison, corrections: tuple[EventCorrection, ...]
) -> tuple[EventComparison, tuple[Problem, ...]]:
    """The comparison as the editors corrected it, or the comparison and what stops that. Items for a
    part an internal error left out (the page marks it unavailable) wait for a build that makes it."""
    corrections = tuple(c for c in corrections if not comparison.failed("comparison")
                        and not comparison.failed("actors" if c.kind == "actor" else "summary"))
    if not corrections:
        return comparison, ()
    actors = list(comparison.actors)
    notes: list[EventCorrectionNote] = []
    problems: list[Problem] = []
    for item in (c for c in corrections if c.kind == "actor"):
        message = _correct_actor(actors, item, notes)
        if message is not None:
            problems.append(Problem(item.path, item.line_of("actor"), "actor", message))
    corrected = replace(comparison, actors=tuple(actors))
    if actors != list(comparison.actors) and comparison.summary and not comparison.failed("summary"):
        corrected = replace(corrected, summary=summarise(corrected))
    summary = list(corrected.summary)
    for item in (c for c in corrections if c.kind == "summary"):
        found = [s for s in summary if occurrences(item.subject, s.text)]
        if len(found) != 1:
            problems.append(Problem(item.path, item.line_of("summary"), "summary", _summary_message(item.subject, len(found))))
            continue
        summary.remove(found[0])
        notes.append(EventCorrectionNote(item.number, "summary", "hide", None, item.reason, item.by, found[0].text))
    if problems:
        return comparison, tuple(problems)
    ordered = tuple(sorted(notes, key=lambda n: n.number))
    return replace(corrected, summary=tuple(summary), corrections=ordered), ()


def _summary_message(words: str, found: int) -> str:
    if found == 0:
        return (f"no sentence of the event's generated summary contains '{words}': the summary is written again on every "
                "build, so the sentence may have changed; quote its words as they are now, or remove the item")
    return f"'{words}' occurs in {found} sentences of the summary; quote more words of the one to hide"


def _find(actors: list[ActorNaming], name: str) -> ActorNaming | None:
    return next((a for a in actors if a.actor.casefold() == name.casefold()), None)


def _correct_actor(actors: list[ActorNaming], item: EventCorrection, notes: list[EventCorrectionNote]) -> str | None:
    """Rename or merge one actor in `actors` (a local list), or say why not."""
    actor = _find(actors, item.subject)
    known = "; ".join(a.actor for a in actors) or "none"
    if actor is None:
        return (f"'{item.subject}' is not an actor of this comparison (its actors: {known}): if the articles or the "
                "event's actors table changed, the correction is stale; correct the name or remove the item")
    value = item.value or ""
    other = _find(actors, value)
    if item.action == "rename":
        if other is not None and other is not actor:
            return f"'{value}' is already an actor of this comparison; write merge_into: {other.actor} to merge the two"
        if actor.actor == value:
            return f"the actor is already called '{value}': the correction changes nothing, so remove the item"
        actors[actors.index(actor)] = replace(actor, actor=value)
    else:
        if other is None or other is actor:
            return f"merge_into: '{value}' is not another actor of this comparison (its actors: {known})"
        actors[actors.index(other)] = _merged(other, actor)
        actors.remove(actor)
    notes.append(EventCorrectionNote(item.number, "actor", item.action, value, item.reason, item.by, actor.actor))
    return None


def _merged(into: ActorNaming, other: ActorNaming) -> ActorNaming:
    """One actor from two: the articles of both, and per outlet their mentions and labels added together."""
    theirs = {entry.outlet: entry for entry in other.outlets}
    outlets = []
    for entry in into.outlets:
        extra = theirs.get(entry.outlet)
        if extra is None:
            outlets.append(entry)
            continue
        outlets.append(OutletActorLabels(entry.outlet, entry.mentions + extra.mentions, _merged_labels(entry.labels + extra.labels)))
    return replace(into, articles=tuple(sorted(set(into.articles) | set(other.articles))), outlets=tuple(outlets))


def _merged_labels(labels: tuple[ActorLabel, ...]) -> tuple[ActorLabel, ...]:
    """Labels the same but for their counts (same words, voice and speaker, as `actors.labels.merge_labels`
    keeps them apart) counted as one."""
    counts: Counter[tuple] = Counter()
    articles: Mapping[tuple, set[str]] = defaultdict(set)
    first: dict[tuple, ActorLabel] = {}
    for label in labels:
        key = (label.text.replace("’", "'"), label.voice, label.speaker)
        counts[key] += label.count
        articles[key].update(label.articles)
        first.setdefault(key, label)
    merged = [replace(first[key], count=counts[key], articles=tuple(sorted(articles[key]))) for key in counts]
    return tuple(sorted(merged, key=lambda l: (-l.count, l.kind, l.text.casefold(), l.voice)))
