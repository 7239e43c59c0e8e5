"""Event-level corrections: a pure function over a comparison (actors renamed or merged, summary
sentences hidden), and the comparisons the render stage reads, keyed on the corrections."""

from __future__ import annotations

from dataclasses import replace

from generator.analysis.actors import ActorLabel, ActorNaming, OutletActorLabels
from generator.compare.comparisons import Comparisons
from generator.compare.corrections import correct_comparison
from generator.compare.summary import summarise
from generator.compare.types import EventComparison, IncidentNotice
from generator.corrections.model import EventCorrection


def label(text: str, count: int, slug: str) -> ActorLabel:
    return ActorLabel(text, "title", "narration", None, None, count, (slug,))


def naming(actor: str, slug: str, left: tuple[int, tuple[ActorLabel, ...]], right: tuple[int, tuple[ActorLabel, ...]]) -> ActorNaming:
    return ActorNaming(actor, "name", (slug,), (OutletActorLabels("north", *left), OutletActorLabels("south", *right)))


def comparison() -> EventComparison:
    actors = (
        naming("Harbour Board", "a", (2, (label("port chiefs", 2, "a"),)), (1, (label("the board", 1, "a"),))),
        naming("Board of the Harbour", "b", (1, (label("port chiefs", 2, "b"), label("Port Chiefs", 1, "b"))), (2, ())),
        naming("Mayor Lind", "b", (1, (label("embattled mayor", 2, "b"),)), (1, (label("the mayor", 1, "b"),))),
    )
    made = EventComparison("quay-fire", "Quay fire", ("north", "south"), (("north", "North Post"), ("south", "South Daily")), (),
                           IncidentNotice(False, ()), (), (), (), actors, (), (), (), (), ())
    return replace(made, summary=summarise(made))


def item(number: int, kind: str, subject: str, action: str, value: str | None = None) -> EventCorrection:
    return EventCorrection("quay-fire", number, kind, subject, action, value, f"Reason {number}.", "Desk",
                           "content/corrections/events/quay-fire.yaml", 3 * number, ((kind, 3 * number), ("reason", 3 * number + 2)))


def test_the_machine_summary_names_each_actor_row() -> None:
    assert sorted(s.text.split(":")[0] for s in comparison().summary) == sorted([
        "Labels attached to Harbour Board", "Labels attached to Board of the Harbour", "Labels attached to Mayor Lind"])


def test_merging_adds_mentions_and_labels_together_and_writes_the_summary_again() -> None:
    corrected, problems = correct_comparison(comparison(), (item(1, "actor", "board of the harbour", "merge_into", "Harbour Board"),))
    assert problems == ()
    assert [a.actor for a in corrected.actors] == ["Harbour Board", "Mayor Lind"]
    board = corrected.actors[0]
    assert board.articles == ("a", "b")
    north, south = board.outlets
    assert (north.mentions, [(l.text, l.count, l.articles) for l in north.labels]) == (
        3, [("port chiefs", 4, ("a", "b")), ("Port Chiefs", 1, ("b",))])  # case kept apart, as the table keeps it
    assert south.mentions == 3
    assert not any("Board of the Harbour" in s.text for s in corrected.summary)
    assert "North Post 5 (0 inside quotations)" in next(s.text for s in corrected.summary if s.key == "Harbour Board")
    note = corrected.corrections[0]
    assert (note.kind, note.action, note.was, note.value, note.reason, note.by) == ("actor", "merge_into", "Board of the Harbour",
                                                                                  "Harbour Board", "Reason 1.", "Desk")


def test_renaming_and_hiding_keep_what_the_machine_made_in_the_notes() -> None:
    corrected, problems = correct_comparison(comparison(), (item(1, "actor", "Mayor Lind", "rename", "Mayor Inga Lind"),
                                                            item(2, "summary", "Labels attached to Harbour Board", "hide")))
    assert problems == ()
    assert "Mayor Inga Lind" in [a.actor for a in corrected.actors]
    assert [s.text.split(":")[0] for s in corrected.summary] == ["Labels attached to Board of the Harbour", "Labels attached to Mayor Inga Lind"]
    assert [(n.number, n.action, n.was.split(":")[0]) for n in corrected.corrections] == [
        (1, "rename", "Mayor Lind"), (2, "hide", "Labels attached to Harbour Board")]


def test_a_correction_that_does_not_apply_leaves_the_comparison_and_says_why_at_its_line() -> None:
    original = comparison()
    corrected, problems = correct_comparison(original, (
        item(1, "actor", "Harbour Authority", "rename", "X"),
        item(2, "actor", "Mayor Lind", "rename", "Harbour Board"),
        item(3, "summary", "Labels attached to", "hide"),
        item(4, "actor", "Mayor Lind", "merge_into", "Mayor Lind"),
    ))
    assert corrected is original
    messages = [str(p) for p in problems]
    assert messages == [
        "content/corrections/events/quay-fire.yaml:3: actor: 'Harbour Authority' is not an actor of this comparison (its actors: "
        "Harbour Board; Board of the Harbour; Mayor Lind): if the articles or the event's actors table changed, the correction is stale; "
        "correct the name or remove the item",
        "content/corrections/events/quay-fire.yaml:6: actor: 'Harbour Board' is already an actor of this comparison; write merge_into: "
        "Harbour Board to merge the two",
        "content/corrections/events/quay-fire.yaml:12: actor: merge_into: 'Mayor Lind' is not another actor of this comparison (its actors: "
        "Harbour Board; Board of the Harbour; Mayor Lind)",
        "content/corrections/events/quay-fire.yaml:9: summary: 'Labels attached to' occurs in 3 sentences of the summary; quote more words "
        "of the one to hide",
    ]


def test_comparisons_apply_the_corrections_when_opened_and_key_on_them() -> None:
    plain = Comparisons.of({"quay-fire": comparison()})
    fixes = {"quay-fire": (item(1, "summary", "Labels attached to Mayor Lind", "hide"),)}
    corrected = plain.with_corrections(fixes)
    assert len(corrected["quay-fire"].summary) == len(plain["quay-fire"].summary) - 1
    assert corrected.key("quay-fire") != plain.key("quay-fire")
    reworded = plain.with_corrections({"quay-fire": (replace(fixes["quay-fire"][0], reason="Another reason."),)})
    assert reworded.key("quay-fire") != corrected.key("quay-fire")
    moved = plain.with_corrections({"quay-fire": (replace(fixes["quay-fire"][0], line=40, lines=()),)})
    assert moved.key("quay-fire") == corrected.key("quay-fire")
    assert corrected.completion("quay-fire") == plain.completion("quay-fire")  # the front page's words are the machine's


def test_items_for_a_part_that_failed_wait_for_a_build_that_makes_it() -> None:
    from generator.analysis.results import AnalysisFailure

    failed = replace(comparison(), actors=(), failures=(AnalysisFailure("actors", "RuntimeError: test"),))
    corrected, problems = correct_comparison(failed, (item(1, "actor", "Mayor Lind", "rename", "Mayor Inga Lind"),
                                                      item(2, "summary", "Labels attached to Harbour Board", "hide")))
    assert problems == () and [n.action for n in corrected.corrections] == ["hide"]
